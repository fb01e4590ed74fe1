"""`press-reader feed fulltext`, `press-reader fulltext` and full texts in `refresh` and
`show`, against a loopback news site."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import CLI, assert_one_line_error
from tests.core.test_fulltext import PARAGRAPHS, TEASER, page
from tests.news import NewsSite


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> CLI:
    return CLI(tmp_path / "data", capsys)


def test_automatic_full_text_through_the_command_line(cli: CLI, news: NewsSite) -> None:
    news.publish("puits", "Des puits pour Doulé", TEASER, page("Des puits pour Doulé"))
    news.publish("abonnes", "Pour les abonnés", TEASER)
    news.answer("abonnes", 403, b"<html><body>Interdit</body></html>")
    code, _, err = cli("feed", "add", news.root + "/feed.xml")
    assert code == 0, err
    code, out, _ = cli("feed", "fulltext", "1", "auto")
    assert code == 0 and "Full text auto for feed 1" in out
    assert cli.json("feed", "list")[0]["full_text"] == "auto"  # type: ignore[index]

    code, out, _ = cli("refresh")
    assert code == 0
    assert "2 new, 0 updated articles; 1 full text fetched, 1 failed." in out
    assert "  no full text: article 2: access denied (HTTP 403 Forbidden): the page is for" in out

    code, out, _ = cli("show", "1")
    assert "Full text: from " in out and PARAGRAPHS[2] in out
    code, out, _ = cli("show", "2")
    assert "Full text: not available (access denied (HTTP 403 Forbidden)" in out
    # Going back to the feed's version, then fetching again by hand.
    code, out, _ = cli("fulltext", "1", "--drop")
    assert code == 0 and "feed's own version again" in out
    assert PARAGRAPHS[2] not in cli("show", "1", "--text")[1]
    code, out, _ = cli("fulltext", "1")
    assert code == 0 and "Full text of article 1:" in out and "words from http" in out
    assert PARAGRAPHS[2] in cli("show", "1", "--text")[1]
    code, _, err = cli("fulltext", "2")
    assert_one_line_error(code, err, contains="access denied (HTTP 403 Forbidden)")


def test_bad_input(cli: CLI, news: NewsSite) -> None:
    code, _, err = cli("feed", "fulltext", "7", "on")
    assert_one_line_error(code, err, contains="no feed with id 7")
    code, _, err = cli("feed", "fulltext", "1", "always")
    assert_one_line_error(code, err, expected=2, contains="invalid choice: 'always'")
    code, _, err = cli("fulltext", "99")
    assert_one_line_error(code, err, contains="no article with id 99")
