"""The command-line contract, driven as a user drives it."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.cli import main
from reader.core import schema
from tests.conftest import corpus_files
from tests.feeds import FeedSite, rss


class CLI:
    """Runs ``press-reader`` in-process against a throwaway library."""

    def __init__(self, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data_dir = data_dir
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        try:
            code = main(["--data-dir", str(self.data_dir), *args])
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *args: str) -> object:
        code, out, err = self(*args, "--json")
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> CLI:
    return CLI(tmp_path / "data", capsys)


def assert_one_line_error(code: int, err: str, *, expected: int = 1, contains: str = "") -> None:
    assert code == expected
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert contains in err


# -- feeds ----------------------------------------------------------------------------------


def test_feed_add_list_remove(cli: CLI, site: FeedSite) -> None:
    url = site.publish("/fleuve.xml", rss("Le Fleuve", [("1", "Un", "texte")]))
    code, out, _ = cli("feed", "add", url, "--folder", "Sahel/Mali", "--title", "Fleuve")
    assert code == 0 and "Added feed 1" in out and "Sahel/Mali" in out
    feeds = cli.json("feed", "list")
    assert feeds == [
        {
            "id": 1,
            "title": "Fleuve",
            "url": url,
            "folder": "Sahel/Mali",
            "site_url": None,
            "unread": 0,
            "total": 0,
            "last_refresh": None,
            "last_error": None,
            "warning": None,
            "enabled": True,
            "full_text": "off",
        }
    ]
    code, out, _ = cli("feed", "list")
    assert "Sahel/Mali / Fleuve" in out and "never" in out
    code, out, _ = cli("feed", "remove", "1")
    assert code == 0 and "Removed feed 1 (Fleuve)" in out
    assert cli.json("feed", "list") == []


def test_rename_and_move(cli: CLI) -> None:
    cli("feed", "add", "https://news.example/rss", "--force")
    assert cli("feed", "rename", "1", "Nouvelles")[1].strip() == "Feed 1 is now titled 'Nouvelles'."
    assert "Analyse" in cli("feed", "move", "1", "Analyse")[1]
    assert cli.json("feed", "list")[0]["folder"] == "Analyse"  # type: ignore[index]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("feed", "remove", "999999"), "no feed with id 999999"),
        (("feed", "add", "file:///etc/hostname"), "--allow-file"),
        (("feed", "add", "ftp://example.org/feed"), "unsupported address scheme"),
        (("feed", "add", "not a url"), "not a feed address"),
        (("show", "12345"), "no article with id 12345"),
        (("tag", "12345", "x"), "no article with id 12345"),
        (("articles", "--feed", "77"), "no feed with id 77"),
        (("refresh", "--feed", "77"), "no feed with id 77"),
        (("opml", "import", "/nonexistent/list.opml"), "no such file"),
    ],
)
def test_user_mistakes_get_one_line_and_exit_1(
    cli: CLI, args: tuple[str, ...], message: str
) -> None:
    code, _, err = cli(*args)
    assert_one_line_error(code, err, contains=message)


def test_adding_a_feed_twice_is_refused(cli: CLI) -> None:
    cli("feed", "add", "https://news.example/rss", "--force")
    code, _, err = cli("feed", "add", "https://news.example/rss")
    assert_one_line_error(code, err, contains="already subscribed")


@pytest.mark.parametrize(
    "args",
    [
        ("articles", "--since", "last tuesday"),
        ("articles", "--limit", "0"),
        ("refresh", "--jobs", "many"),
        ("feed", "remove", "one"),
        ("frobnicate",),
    ],
)
def test_usage_errors_exit_2_in_one_line(cli: CLI, args: tuple[str, ...]) -> None:
    code, _, err = cli(*args)
    assert_one_line_error(code, err, expected=2)


# -- the library file -----------------------------------------------------------------------


def test_a_file_that_is_not_a_library_is_refused_untouched(cli: CLI) -> None:
    cli.data_dir.mkdir(parents=True)
    library = cli.data_dir / "library.sqlite3"
    library.write_bytes(b"This is my thesis, not a database." * 100)
    code, _, err = cli("feed", "list")
    assert_one_line_error(code, err, contains="not a Press Reader library")
    assert library.read_bytes() == b"This is my thesis, not a database." * 100


def test_a_library_from_a_newer_version_is_refused(cli: CLI) -> None:
    cli("feed", "list")
    db = sqlite3.connect(cli.data_dir / "library.sqlite3")
    db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 3}")
    db.close()
    code, _, err = cli("feed", "list")
    assert_one_line_error(code, err, contains="newer Press Reader")


def test_data_dir_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PRESS_READER_DATA_DIR", str(tmp_path / "env-lib"))
    assert main(["feed", "add", "https://news.example/rss", "--force"]) == 0
    assert (tmp_path / "env-lib" / "library.sqlite3").is_file()


# -- refresh, articles, search, show, tag ---------------------------------------------------


@pytest.fixture
def filled(cli: CLI, site: FeedSite) -> CLI:
    cli(
        "feed",
        "add",
        site.publish(
            "/a.xml",
            rss(
                "Le Courrier",
                [
                    (
                        "a1",
                        "La coopération relancée",
                        "Le colonel Goïta-Sané a reçu les ministres.",
                    ),
                    ("a2", "Le prix du mil", "Les marchés de la capitale s’inquiètent."),
                ],
            ),
        ),
    )
    cli(
        "feed",
        "add",
        site.publish(
            "/b.xml",
            rss(
                "Monitor",
                [
                    ("b1", "Convoy attacked", "A supply convoy was attacked near the river."),
                ],
            ),
        ),
    )
    site.server.expect_request("/dead.xml").respond_with_data("", status=500)
    cli("feed", "add", site.url("/dead.xml"), "--force")
    return cli


def test_refresh_prints_a_summary_and_exits_0_despite_failures(filled: CLI) -> None:
    code, out, err = filled("refresh")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == (
        "Refreshed 3 feeds: 2 ok, 0 not modified, 1 failed; 3 new, 0 updated articles."
    )
    assert "failed: feed 3" in out and "HTTP 500" in out
    code, out, _ = filled("refresh")
    assert "2 not modified" in out
    feeds = filled.json("feed", "list")
    assert [f["last_error"] is None for f in feeds] == [True, True, False]  # type: ignore[index]


def test_articles_filters_and_json(filled: CLI) -> None:
    filled("refresh")
    articles = filled.json("articles")
    assert isinstance(articles, list) and len(articles) == 3
    assert set(articles[0]) >= {
        "id",
        "feed_id",
        "title",
        "link",
        "author",
        "published",
        "read",
        "starred",
        "tags",
    }
    assert len(filled.json("articles", "--feed", "2")) == 1  # type: ignore[arg-type]
    assert len(filled.json("articles", "--limit", "2")) == 2  # type: ignore[arg-type]
    assert filled.json("articles", "--since", "2030-01-01") == []
    assert len(filled.json("articles", "--since", "3650d")) == 3  # type: ignore[arg-type]
    code, out, _ = filled("articles")
    assert code == 0 and "La coopération relancée" in out and len(out.splitlines()) == 3


def test_search_is_accent_insensitive(filled: CLI) -> None:
    filled("refresh")
    hits = filled.json("search", "cooperation")
    assert [h["title"] for h in hits] == ["La coopération relancée"]  # type: ignore[index]
    assert [h["title"] for h in filled.json("search", "goita")] == [  # type: ignore[index]
        "La coopération relancée"
    ]
    code, out, _ = filled("search", "convoy")
    assert "[Convoy]" in out or "[convoy]" in out
    for query in ['"', "AND", "-", "*", "NEAR(", "l'été"]:
        code, out, err = filled("search", query, "--json")
        assert code == 0, (query, err)
        assert isinstance(json.loads(out), list)


def test_show_tag_and_filter_by_tag(filled: CLI) -> None:
    filled("refresh")
    first = filled.json("search", "cooperation")[0]["id"]  # type: ignore[index]
    code, out, _ = filled("tag", str(first), "country/Kanem", "theme/coopération")
    assert code == 0 and "country/Kanem, theme/coopération" in out
    code, out, _ = filled("show", str(first))
    assert out.startswith("La coopération relancée\n")
    assert "Source:    Le Courrier" in out and "Tags:      country/Kanem" in out
    assert "Le colonel Goïta-Sané a reçu les ministres." in out
    assert (
        filled("show", str(first), "--text")[1] == "Le colonel Goïta-Sané a reçu les ministres.\n"
    )
    assert filled("show", str(first), "--html")[1].startswith("<p>")
    tagged = filled.json("articles", "--tag", "country")
    assert [a["id"] for a in tagged] == [first]  # type: ignore[index]
    assert filled.json("tags") == [
        {"name": "country/Kanem", "articles": 1, "highlights": 0, "color": None},
        {"name": "theme/coopération", "articles": 1, "highlights": 0, "color": None},
    ]
    code, _, err = filled("tag", str(first), "   ")
    assert_one_line_error(code, err, contains="cannot be empty")


def test_tags_are_renamed_merged_coloured_and_deleted(filled: CLI) -> None:
    filled("refresh")
    first = filled.json("search", "cooperation")[0]["id"]  # type: ignore[index]
    filled("tag", str(first), "Kanem", "country/Kanem", "theme/eau")
    code, out, err = filled("tags", "rename", "kanem", "country/Kanem")
    assert code == 0 and out == "Renamed 'kanem' to 'country/Kanem'\n", err
    assert filled("tags", "color", "country/kanem", "#2E7D32")[0] == 0
    assert filled("tags", "color", "theme/eau", "none")[0] == 0
    assert filled.json("tags") == [
        {"name": "country/Kanem", "articles": 1, "highlights": 0, "color": "#2e7d32"},
        {"name": "theme/eau", "articles": 1, "highlights": 0, "color": None},
    ]
    assert filled("tags", "delete", "theme")[1] == "Deleted 1 tag\n"
    code, out, _ = filled("tags")
    assert code == 0 and out.split() == ["1", "0", "country/Kanem"]
    for args, message in [
        (("tags", "rename", "nothing", "x"), "no tag named"),
        (("tags", "color", "country/Kanem", "green"), "#rrggbb"),
        (("tags", "delete", "  "), "cannot be empty"),
    ]:
        code, _, err = filled(*args)
        assert_one_line_error(code, err, contains=message)


# -- OPML -----------------------------------------------------------------------------------


def test_opml_round_trip(cli: CLI, tmp_path: Path) -> None:
    cli(
        "feed",
        "add",
        "https://a.example/rss",
        "--force",
        "--folder",
        "Sahel/Mali",
        "--title",
        "A & B",
    )
    cli("feed", "add", "https://b.example/atom", "--force")
    out_file = tmp_path / "subs.opml"
    code, _, err = cli("opml", "export", "-o", str(out_file))
    assert code == 0 and "Wrote 2 feeds" in err
    other = CLI(tmp_path / "other", cli.capsys)
    code, out, _ = other("opml", "import", str(out_file))
    assert code == 0 and "2 added, 0 already present, 0 invalid" in out
    assert [(f["url"], f["title"], f["folder"]) for f in other.json("feed", "list")] == [  # type: ignore[index]
        ("https://a.example/rss", "A & B", "Sahel/Mali"),
        ("https://b.example/atom", "https://b.example/atom", None),
    ]
    code, out, _ = other("opml", "import", str(out_file))
    assert "0 added, 2 already present" in out
    code, out, _ = cli("opml", "export")
    assert out.startswith("<?xml") and 'xmlUrl="https://a.example/rss"' in out


def test_export_to_a_missing_folder_fails_cleanly(cli: CLI, tmp_path: Path) -> None:
    code, _, err = cli("opml", "export", "-o", str(tmp_path / "nope" / "x.opml"))
    assert_one_line_error(code, err, contains="does not exist")
    assert not (tmp_path / "nope").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some text", "not an OPML file"),
        (b"<html><body><p>hello</p></body></html>", "not an OPML file"),
        (b"", "not an OPML file"),
        (b"<?xml version='1.0'?><opml version='2.0'><body></body></opml>", "lists no feeds"),
    ],
)
def test_bad_opml_files_are_refused(cli: CLI, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "list.opml"
    path.write_bytes(content)
    code, _, err = cli("opml", "import", str(path))
    assert_one_line_error(code, err, contains=message)
    assert cli.json("feed", "list") == []


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_files("opml", pattern="*.opml"), ids=lambda p: p.name)
def test_every_corpus_opml_imports_or_is_refused_cleanly(cli: CLI, path: Path) -> None:
    code, out, err = cli("opml", "import", str(path))
    assert code in (0, 1)
    assert "Traceback" not in err
    if code == 0:
        assert "added" in out
    else:
        assert_one_line_error(code, err)


# -- the demo and the program itself --------------------------------------------------------


def test_demo_library_is_seeded_offline_and_summarised(cli: CLI) -> None:
    code, out, err = cli("--demo", "info")
    assert code == 0, err
    assert "5 feeds in 3 folders" in out
    assert "Presse nationale" in out and "Latest articles:" in out
    assert (cli.data_dir / "demo" / "library.sqlite3").is_file()
    assert not (cli.data_dir / "library.sqlite3").exists()
    # A second start reuses the library instead of seeding it again.
    code, again, _ = cli("info", "--demo")
    assert again.splitlines()[1] == out.splitlines()[1]


def test_python_dash_m_and_version(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout.strip() == f"press-reader {__version__}"
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path), "feed", "remove", "3"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == "press-reader: error: no feed with id 3\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_refresh_draws_a_progress_bar_on_a_terminal(
    filled: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code, out, _ = filled("refresh")
    assert code == 0 and out.startswith("Refreshed 3 feeds")
    drawn = terminal.getvalue()
    # Each drawing clears the line first (a shorter line leaves nothing behind).
    assert "\r\033[K[" in drawn and "3/3 feeds, 3 new articles" in drawn
    assert drawn.endswith("\r\033[K")  # the bar is wiped before the summary


def test_refresh_draws_nothing_when_not_on_a_terminal(filled: CLI) -> None:
    code, _, err = filled("refresh")
    assert code == 0 and err == ""


# -- highlights -----------------------------------------------------------------------------


def test_highlight_add_and_list(filled: CLI) -> None:
    filled("refresh")
    article = filled.json("search", "cooperation")[0]["id"]  # type: ignore[index]
    code, out, err = filled(
        "highlight",
        "add",
        str(article),
        "--quote",
        "a reçu les ministres",
        "--color",
        "pink",
        "--note",
        "à vérifier",
        "--tag",
        "actor/junta",
    )
    assert code == 0, err
    assert out.startswith("Highlight 1 on article") and "“a reçu les ministres”" in out
    listed = filled.json("highlight", "list", "--article", str(article))
    assert [(h["quote"], h["color"], h["note"], h["tags"], h["orphaned"]) for h in listed] == [  # type: ignore[index]
        ("a reçu les ministres", "pink", "à vérifier", ["actor/junta"], False)
    ]
    assert filled.json("highlight", "list", "--tag", "actor") == listed
    feed_id = next(a["feed_id"] for a in filled.json("articles") if a["id"] == article)  # type: ignore[index]
    assert filled.json("highlight", "list", "--feed", str(feed_id), "--since", "2000-01-01") == (
        listed
    )
    assert filled.json("highlight", "list", "--until", "2000-01-01") == []
    code, out, _ = filled("highlight", "list")
    assert "note: à vérifier" in out and "tags: actor/junta" in out


@pytest.mark.parametrize(
    ("quote", "extra", "message"),
    [
        ("pas dans le texte", (), "not in the article"),
        ("es", (), "appears"),
        ("a reçu", ("--color", "purple"), "unknown colour"),
        ("a reçu", ("--tag", "  "), "cannot be empty"),
    ],
)
def test_highlight_mistakes_get_one_line(
    filled: CLI, quote: str, extra: tuple[str, ...], message: str
) -> None:
    filled("refresh")
    article = filled.json("search", "cooperation")[0]["id"]  # type: ignore[index]
    code, _, err = filled("highlight", "add", str(article), "--quote", quote, *extra)
    assert_one_line_error(code, err, contains=message)
    assert filled.json("highlight", "list") == []


def test_removing_a_feed_with_highlights_asks_first(filled: CLI) -> None:
    filled("refresh")
    article = filled.json("search", "cooperation")[0]  # type: ignore[index]
    filled("highlight", "add", str(article["id"]), "--quote", "les ministres")
    feed_id = str(article["feed_id"])
    code, _, err = filled("feed", "remove", feed_id)
    assert_one_line_error(code, err, contains="--keep-annotated")
    code, out, _ = filled("feed", "remove", feed_id, "--keep-annotated")
    assert code == 0 and "kept 1 with highlights" in out
    assert [h["orphaned"] for h in filled.json("highlight", "list")] == [False]  # type: ignore[index]
    code, out, _ = filled("feed", "remove", feed_id, "--force")
    assert code == 0
    assert [h["orphaned"] for h in filled.json("highlight", "list")] == [True]  # type: ignore[index]
