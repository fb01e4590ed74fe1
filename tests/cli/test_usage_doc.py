"""docs/usage.md is generated from the argparse definitions, and kept up to date."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import _HANDLERS, build_parser
from reader.cli.usage import REGENERATE, commands, main, usage_page

USAGE_MD = Path(__file__).resolve().parents[2] / "docs" / "usage.md"


def test_the_committed_page_is_up_to_date() -> None:
    committed = USAGE_MD.read_text(encoding="utf-8") if USAGE_MD.exists() else ""
    assert committed == usage_page(), (
        f"docs/usage.md is out of date with reader/cli/parser.py: run `.venv/bin/{REGENERATE}` "
        "and commit the result"
    )


def test_every_command_has_its_section() -> None:
    page = usage_page()
    names = [words for words, _, _ in commands(build_parser())]
    assert "feed add" in names and "tags delete" in names and "brief" in names
    for words in names:
        assert f"\n### {words}\n" in page
        assert f"\npress-reader {words} [-h]" in page
    # Every command the command line runs is documented.
    for command, action in _HANDLERS:
        assert " ".join(filter(None, (command, action))) in names


def test_the_page_has_the_sections_of_a_manual() -> None:
    page = usage_page()
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert headings == [
        "## NAME",
        "## SYNOPSIS",
        "## DESCRIPTION",
        "## COMMANDS",
        "## ENVIRONMENT",
        "## FILES",
        "## EXIT STATUS",
        "## SEE ALSO",
    ]
    for variable in ("PRESS_READER_DATA_DIR", "QT_QPA_PLATFORM", "LANG"):
        assert f"`{variable}`" in page
    assert "| `--jobs` | `N` | `8` | parallel downloads (default 8) |" in page
    assert "| `-o`, `--output` | `FILE` | required | '-' for stdout |" in page


def test_the_page_is_english_whatever_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    english = usage_page()
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LC_MESSAGES")
    assert usage_page() == english


def test_the_module_writes_the_page(tmp_path: Path) -> None:
    target = tmp_path / "usage.md"
    assert main([str(target)]) == 0
    assert target.read_text(encoding="utf-8") == usage_page()
