"""Numbers, dates and names beyond what the library holds: one line each, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, cast

import pytest

from reader import paths
from reader.core.storage import Store
from tests.cli.test_cli import CLI, assert_one_line_error
from tests.factories import STOPPED, Clock, entry, feed

HUGE = str(2**63)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> CLI:
    return CLI(tmp_path / "data", capsys)


ID_ARGUMENTS = [
    ("show", HUGE),
    ("tag", HUGE, "x"),
    ("highlight", "add", HUGE, "--quote", "x"),
    ("highlight", "list", "--article", HUGE),
    ("highlight", "list", "--feed", HUGE),
    ("feed", "remove", HUGE),
    ("feed", "rename", HUGE, "t"),
    ("feed", "move", HUGE, "f"),
    ("feed", "fulltext", HUGE, "on"),
    ("fulltext", HUGE),
    ("refresh", "--feed", HUGE),
    ("articles", "--feed", HUGE),
    ("brief", "--feed", HUGE, "-o", "b.md"),
    ("brief", "--saved", HUGE, "-o", "b.md"),
    ("show", "0"),
    ("show", "-5"),
]


@pytest.mark.parametrize("args", ID_ARGUMENTS, ids=" ".join)
def test_ids_beyond_the_library_are_usage_errors(cli: CLI, args: tuple[str, ...]) -> None:
    code, _, err = cli(*args)
    assert_one_line_error(code, err, expected=2, contains="not an id")


@pytest.mark.parametrize("number", ["--limit", "--jobs"])
def test_counts_beyond_the_library_are_usage_errors(cli: CLI, number: str) -> None:
    command = "refresh" if number == "--jobs" else "articles"
    code, _, err = cli(command, number, "1" + "0" * 25)
    assert_one_line_error(code, err, expected=2, contains="too large")


@pytest.mark.parametrize(
    "args",
    [
        ("articles", "--since", "99999999d"),
        ("articles", "--since", "100000000000000000000h"),
        ("articles", "--until", "9999-12-31"),
        ("articles", "--since", "9999-12-31T23:59-05:00"),
        ("highlight", "list", "--since", "0001-01-01T00:00+01:00"),
        ("brief", "--until", "0001-01-01", "-o", "b.md"),
        ("brief", "--since", "0001-01-01", "-o", "b.md"),
    ],
    ids=" ".join,
)
def test_dates_out_of_range_are_usage_errors(cli: CLI, args: tuple[str, ...]) -> None:
    code, _, err = cli(*args)
    assert_one_line_error(code, err, expected=2, contains="date out of range")


def test_dates_at_the_edges_are_accepted(cli: CLI) -> None:
    code, _, err = cli("articles", "--since", "1900-01-01", "--until", "9998-12-31")
    assert code == 0, err


def test_brief_into_a_folder_says_it_is_a_folder(cli: CLI, tmp_path: Path) -> None:
    folder = tmp_path / "reviews"
    folder.mkdir()
    for extra in ((), ("--format", "md")):
        code, _, err = cli("brief", "--allow-empty", "-o", str(folder), *extra)
        assert_one_line_error(code, err, contains="it is a folder")
        assert "--format" not in err
    assert list(folder.iterdir()) == []


def _library_with_article(cli: CLI) -> Path:
    library = paths.user_library_path(cli.data_dir)
    with Store(library, clock=Clock(STOPPED)) as store:
        added = store.add_feed("https://news.example/feed")
        store.store_parsed_feed(added.id, feed(entry("a", "Un", "Du texte ici.")))
    return library


@pytest.mark.parametrize(
    ("tag", "reason"),
    [
        ("\u200b", "visible"),
        ("\u200d\ufeff\u2060", "visible"),
        ("pays/\u200b", "visible"),
        ("\u3164", "visible"),
        ("x" * 101, "at most 100 characters"),
        ("/".join(["y" * 90] * 3), "at most 200 characters in all"),
        ("a\u202eb", "control characters"),
        ("a\x9bb", "control characters"),
    ],
)
def test_new_tags_invisible_or_too_long_are_refused(cli: CLI, tag: str, reason: str) -> None:
    _library_with_article(cli)
    for args in (("tag", "1", tag), ("highlight", "add", "1", "--quote", "texte", "--tag", tag)):
        code, _, err = cli(*args)
        assert_one_line_error(code, err, contains=reason)
    code, out, _ = cli("tags")
    assert out == ""


def test_tags_stored_before_the_limits_keep_working(cli: CLI, tmp_path: Path) -> None:
    library = _library_with_article(cli)
    long = "pays/" + "z" * 150
    with sqlite3.connect(library) as db:  # as a library from before the limits holds it
        db.execute("INSERT INTO tags (id, name) VALUES (7, ?)", (long,))
        db.execute("INSERT INTO article_tags (article_id, tag_id, added) VALUES (1, 7, '')")
    tags = cast(list[dict[str, Any]], cli.json("tags"))
    assert [t["name"] for t in tags] == [long]
    assert cli.json("articles", "--tag", long)[0]["tags"] == [long]  # type: ignore[index]
    code, _, err = cli("highlight", "add", "1", "--quote", "texte", "--tag", long)
    assert code == 0, err
    code, _, err = cli("tag", "1", long.upper())  # the same tag, known: accepted
    assert code == 0, err
    code, _, err = cli("brief", "--tag", "pays", "-o", str(tmp_path / "b.md"))
    assert code == 0, err
    assert "z" * 150 in (tmp_path / "b.md").read_text(encoding="utf-8")
    code, _, err = cli("tags", "rename", "pays", "country")  # the tag below moves with it
    assert code == 0, err
    code, _, err = cli("tags", "rename", "country", "c" * 101)
    assert_one_line_error(code, err, contains="at most 100 characters")
    code, _, err = cli("tags", "rename", "country", "c" * 60)  # would lengthen it past 200
    assert_one_line_error(code, err, contains="longer than 200")
    code, _, err = cli("tags", "delete", "country/" + "z" * 150)
    assert code == 0, err
