"""`press-reader opml import` on large files: a progress line on a terminal, none otherwise."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import CLI


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> CLI:
    return CLI(tmp_path / "data", capsys)


@pytest.fixture
def big_opml(tmp_path: Path) -> Path:
    outlines = "".join(
        f'<outline text="F{n}" xmlUrl="http://feeds{n % 7}.example/{n}.xml"/>' for n in range(1200)
    )
    path = tmp_path / "big.opml"
    path.write_text(
        f'<opml version="2.0"><body><outline text="G">{outlines}</outline></body></opml>'
    )
    return path


def test_opml_import_draws_its_progress_on_a_terminal(
    cli: CLI, big_opml: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code, out, _ = cli("opml", "import", str(big_opml))
    assert code == 0 and "1200 added" in out
    drawn = terminal.getvalue()
    assert "\r\033[KImporting feeds: 500/1200" in drawn
    assert "\r\033[KImporting feeds: 1200/1200" in drawn
    assert drawn.endswith("\r\033[K")  # wiped before the summary


def test_opml_import_draws_nothing_when_not_on_a_terminal(cli: CLI, big_opml: Path) -> None:
    code, out, err = cli("opml", "import", str(big_opml))
    assert code == 0 and "1200 added" in out and err == ""
