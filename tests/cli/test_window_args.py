"""The command lines that only open the window are recognised without the full grammar, and
read exactly as the full grammar reads them; every other command line is left to it."""

from __future__ import annotations

import argparse

import pytest

from reader.cli.parser import build_parser
from reader.cli.window_args import window_request

WINDOW_LINES = [
    [],
    ["gui"],
    ["--demo"],
    ["gui", "--demo"],
    ["--demo", "gui"],
    ["--data-dir", "/srv/press"],
    ["--data-dir=/srv/press"],
    ["gui", "--data-dir", "/srv/press"],
    ["--data-dir", "/srv/a", "gui", "--data-dir", "/srv/b"],
    ["--data-dir", "dossiers/Sahel été", "--demo"],
]

OTHER_LINES = [
    ["--help"],
    ["-h"],
    ["gui", "--help"],
    ["--version"],
    ["--self-check"],
    ["feed", "list"],
    ["info"],
    ["gui", "gui"],
    ["--data"],  # an abbreviation: argparse's rules decide
    ["--data", "/srv/press"],
    ["--data-dir"],  # the folder is missing: the full parser says so
    ["--data-dir="],
    ["--data-dir", "--demo"],
    ["--demo", "extra"],
    ["--"],
]


def _shown(args: argparse.Namespace) -> dict[str, object]:
    return {
        "command": args.command,
        "demo": getattr(args, "demo", False),
        "data_dir": getattr(args, "data_dir", None),
    }


@pytest.mark.parametrize("argv", WINDOW_LINES, ids=" ".join)
def test_a_window_line_reads_as_the_full_grammar_reads_it(argv: list[str]) -> None:
    request = window_request(argv)
    assert request is not None
    assert _shown(request) == _shown(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", OTHER_LINES, ids=" ".join)
def test_any_other_line_goes_to_the_full_grammar(argv: list[str]) -> None:
    assert window_request(argv) is None


def test_the_window_line_ends_like_any_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C while the window starts, or an engine error, gets the one line any command
    gets, not a traceback."""
    import reader.cli.library
    from reader.cli import main
    from reader.core.errors import ReaderError

    def interrupted(args: argparse.Namespace) -> int:
        raise KeyboardInterrupt

    def refused(args: argparse.Namespace) -> int:
        raise ReaderError("the library \x1b[31mis locked")

    monkeypatch.setattr(reader.cli.library, "run_window", interrupted)
    assert main(["--data-dir", "/srv/press"]) == 130
    assert capsys.readouterr().err == "press-reader: interrupted\n"
    monkeypatch.setattr(reader.cli.library, "run_window", refused)
    assert main(["gui"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("press-reader: error: the library ") and "\x1b" not in err
