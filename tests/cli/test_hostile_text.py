"""Text from outside (feeds, pages, older libraries) reaches the terminal printable: no
control character, escape sequence or bidi override gets through, and --json stays exact."""

from __future__ import annotations

import json
import os
import pty
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader import paths
from reader.core.storage import Store
from tests.cli.test_cli import CLI
from tests.factories import STOPPED, Clock, entry, feed
from tests.feeds import FeedSite

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
CONTROLS = [chr(c) for c in range(0x20)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
SEQUENCES = ["\x1b[31m", "\x1b[2J\x1b[H", "\x1b]0;owned\x07", "\x1b]8;;http://x\x1b\\", "\x9b1m"]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> CLI:
    return CLI(tmp_path / "data", capsys)


def rows(cli: CLI, *args: str) -> list[dict[str, Any]]:
    return cast(list[dict[str, Any]], cli.json(*args))


def obeyed(text: str) -> list[str]:
    """What a terminal would act on in ``text``, besides the newlines between records."""
    return [
        c
        for c in text
        if (unicodedata.category(c) == "Cc" and c != "\n") or c in BIDI or c in "\u2028\u2029"
    ]


hostile = st.lists(
    st.one_of(st.sampled_from(CONTROLS + list(BIDI) + SEQUENCES), st.sampled_from("ab é/")),
    min_size=1,
    max_size=12,
).map("".join)


def seed(data_dir: Path, url: str, text: str) -> dict[str, str]:
    """A library whose every outside string carries ``text``, as a feed (or a library
    written before tags were checked) could leave it; returns the values stored."""
    values = {
        "title": f"Le {text} titre",
        "author": f"A {text}",
        "article": f"Article {text} mot",
        "body": f"Premier {text} paragraphe.\nSecond mot.",
        "note": f"note {text}\nligne deux",
        # Tags never held C0 controls (the library always refused them).
        "tag": "pays/" + "".join(c for c in text if ord(c) >= 32) + "x",
        "error": f"HTTP 500 {text}",
    }
    with Store(paths.user_library_path(data_dir), clock=Clock(STOPPED)) as store:
        added = store.add_feed(url, folder="Sahel")
        store.store_parsed_feed(
            added.id,
            feed(
                entry("a", values["article"], values["body"], author=values["author"]),
                title=values["title"],
            ),
        )
        store.record_error(added.id, values["error"])
        (article,) = store.list_articles()
        store.highlights.add_quote(article.id, "Second mot", note=values["note"])
    # A tag from a library written before tags were checked: stored as it is.
    with sqlite3.connect(paths.user_library_path(data_dir)) as db:
        db.execute("INSERT INTO tags (id, name) VALUES (99, ?)", (values["tag"],))
        db.execute("INSERT INTO article_tags (article_id, tag_id, added) VALUES (1, 99, '')")
        db.execute("INSERT INTO highlight_tags (highlight_id, tag_id) VALUES (1, 99)")
    return values


COMMANDS = [
    ("info",),
    ("feed", "list"),
    ("articles",),
    ("search", "mot"),
    ("show", "1"),
    ("highlight", "list"),
    ("tags",),
    ("briefs",),
    ("tag", "1", "autre"),
    ("feed", "remove", "1"),  # refused: the error repeats the feed's title
    ("refresh",),  # the feed fails (nothing published): the report repeats the title
]


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=hostile)
def test_every_command_prints_outside_text_printable(
    text: str, site: FeedSite, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        cli = CLI(Path(folder) / "data", capsys)
        values = seed(cli.data_dir, site.url("/gone.xml"), text)
        code, out, err = cli(
            "brief", "--title", f"Revue {text} fin", "--save", "-o", f"{folder}/b.md"
        )
        assert code == 0, err
        for command in COMMANDS:
            code, out, err = cli(*command)
            assert code in (0, 1), (command, err)
            assert obeyed(out) == [] and obeyed(err) == [], (command, out, err)
        # --json is the exact value, in JSON's own escapes only.
        (listed,) = rows(cli, "feed", "list")
        assert listed["title"] == values["title"]
        (article,) = rows(cli, "articles")
        assert (article["title"], article["author"]) == (values["article"], values["author"])
        assert values["tag"] in article["tags"]
        (highlight,) = rows(cli, "highlight", "list")
        assert highlight["note"] == values["note"]
        assert values["tag"] in [t["name"] for t in rows(cli, "tags")]
        (brief,) = rows(cli, "briefs")
        # The brief's title has its spaces collapsed, as every title typed.
        assert brief["title"].split() == f"Revue {text} fin".split()
        for command in (("feed", "list"), ("articles",), ("highlight", "list"), ("briefs",)):
            code, out, _ = cli(*command, "--json")
            assert obeyed(out.replace("\n", "")) == []


def test_notes_of_several_lines_stay_inside_their_record(cli: CLI, site: FeedSite) -> None:
    seed(cli.data_dir, site.url("/gone.xml"), "x")
    code, out, _ = cli("highlight", "list")
    assert code == 0
    assert "       note: note x\n             ligne deux\n" in out


def test_escapes_are_shown_not_obeyed(cli: CLI, site: FeedSite) -> None:
    seed(cli.data_dir, site.url("/gone.xml"), "\x1b[31m\u202e")
    _, out, _ = cli("articles")
    assert "Article \\x1b[31m\\u202e mot" in out


def test_show_text_is_exact_into_a_pipe(cli: CLI, site: FeedSite) -> None:
    """The canonical text is data (``--quote`` is matched in it): a pipe gets it as it is."""
    values = seed(cli.data_dir, site.url("/gone.xml"), "\x1b[31m")
    code, out, _ = cli("show", "1", "--text")
    assert code == 0
    with Store(paths.user_library_path(cli.data_dir)) as store:
        assert out == store.get_article(1).text + "\n"
    assert "\x1b[31m" in out and values["body"].split("\n")[0] in out


def test_show_text_is_printable_on_a_terminal(tmp_path: Path, site: FeedSite) -> None:
    seed(tmp_path / "data", site.url("/gone.xml"), "\x1b]0;owned\x07\u202e")
    main, child = pty.openpty()
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PRESS_READER_NOW": "2026-11-29T09:00:00Z"}
    command = [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data")]
    try:
        done = subprocess.run(
            [*command, "show", "1", "--text"], stdout=child, stderr=subprocess.PIPE, env=env
        )
        os.close(child)
        child = -1
        shown = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal's other end closed: all read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(main)
        if child != -1:
            os.close(child)
    assert done.returncode == 0, done.stderr
    text = shown.decode("utf-8").replace("\r\n", "\n")
    assert "\\x1b]0;owned\\x07\\u202e" in text and obeyed(text) == []


def test_opml_import_report_is_printable(cli: CLI, tmp_path: Path) -> None:
    # XML cannot carry C0 controls; C1 controls and bidi overrides it can.
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="Bad \u009b31m\u202e" xmlUrl="ftp://nope.example/\u202efeed"/>'
        '<outline text="Good" xmlUrl="https://ok.example/feed"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    code, out, err = cli("opml", "import", str(opml))
    assert code == 0, err
    assert "invalid" in out and obeyed(out) == [] and "\\u202e" in out


def test_errors_repeating_outside_text_are_one_printable_line(cli: CLI, tmp_path: Path) -> None:
    code, _, err = cli("opml", "import", str(tmp_path / "no\x1b[2Jsuch\nfile.opml"))
    assert code == 1
    assert len(err.splitlines()) == 1 and obeyed(err) == [] and "\\x1b[2J" in err
    code, _, err = cli("search", "x", "--limit", "x\x1b[31m")
    assert code == 2 and len(err.splitlines()) == 1 and obeyed(err) == []


def test_json_escapes_what_a_terminal_obeys(cli: CLI, site: FeedSite) -> None:
    values = seed(cli.data_dir, site.url("/gone.xml"), "\x9b\u202e\x7f")
    _, out, _ = cli("articles", "--json")
    assert "\\u009b\\u202e\\u007f" in out
    assert json.loads(out)[0]["title"] == values["article"]
