"""Writes the man-style page ``docs/usage.md`` from the command line's argparse definitions.

``python -m reader.cli.usage docs/usage.md`` rewrites the page; without a file it prints it.
The page is always English, whatever the user's language.
"""

from __future__ import annotations

import argparse
import gettext
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from reader import paths
from reader.cli import PROG, i18n
from reader.cli.parser import build_parser

#: The command that regenerates the page (the page and its test say it).
REGENERATE = "python -m reader.cli.usage docs/usage.md"
#: Usage lines are wrapped at this width, whatever the terminal's.
USAGE_WIDTH = 88
#: Options every command accepts; listed once, with the global options.
_EVERYWHERE = frozenset({"-h", "--help", "--data-dir"})
#: argparse's own titles of the two groups every parser has.
_DEFAULT_GROUPS = ("positional arguments", "options")


def usage_page() -> str:
    """The whole page, in English."""
    with i18n.translated(gettext.NullTranslations()):
        parser = build_parser()
        return "\n".join(_page(parser)).rstrip("\n") + "\n"


def commands(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str, argparse.ArgumentParser]]:
    """Every command and sub-command under ``parser``, depth first, in the order of ``--help``:
    its words (``feed add``), its one-line help, its parser."""
    for action in _subcommands(parser):
        helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
        for name, sub in action.choices.items():
            words = sub.prog.removeprefix(f"{PROG} ")
            yield words, helps.get(name, ""), sub
            yield from commands(sub)


def _subcommands(
    parser: argparse.ArgumentParser,
) -> list[argparse._SubParsersAction[argparse.ArgumentParser]]:
    # argparse has no public way to walk a parser: the private lists are the only source.
    return [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]


def _page(parser: argparse.ArgumentParser) -> Iterator[str]:
    description = parser.description or ""
    summary = description.split(": ", 1)[-1].rstrip(".")
    yield f"# {PROG}(1)"
    yield ""
    yield f"<!-- Generated from reader/cli/parser.py by `{REGENERATE}`: do not edit by hand. -->"
    yield ""
    yield "## NAME"
    yield ""
    yield f"{PROG} — {summary}"
    yield ""
    yield "## SYNOPSIS"
    yield ""
    yield from _code(_usage(parser), f"{PROG} COMMAND [ACTION] [OPTION]...")
    yield "## DESCRIPTION"
    yield ""
    yield description
    yield ""
    yield (
        f"Without a command, `{PROG}` opens the desktop window, as `{PROG} gui` does; every other "
        "command works without a display and without loading Qt (except a PDF export, which "
        f"draws with QtGui offscreen). Every command accepts `-h`/`--help`, and `--data-dir DIR` "
        "before or after the command; they are listed once, with the global options."
    )
    yield ""
    yield (
        "Help and usage errors are in French when the user's language is French (see "
        "ENVIRONMENT), in English otherwise."
    )
    yield ""
    yield "### Global options"
    yield ""
    yield from _tables(parser, everywhere=True)
    yield "## COMMANDS"
    yield ""
    for words, help_text, sub in commands(parser):
        yield f"### {words}"
        yield ""
        if help_text:
            yield _sentence(help_text)
            yield ""
        yield from _code(_usage(sub))
        for action in _subcommands(sub):
            names = ", ".join(f"`{words} {name}`" for name in action.choices)
            optional = "" if action.required else " (optional)"
            yield f"Actions{optional}: {names}."
            yield ""
        yield from _tables(sub, everywhere=False)
    yield from _static_sections()


def _tables(parser: argparse.ArgumentParser, *, everywhere: bool) -> Iterator[str]:
    groups: list[tuple[str | None, list[argparse.Action]]] = [(None, [])]
    for group in parser._action_groups:
        actions = [a for a in group._group_actions if _documented(a, everywhere=everywhere)]
        if group.title in _DEFAULT_GROUPS:
            groups[0][1].extend(actions)
        elif actions:
            groups.append((group.title, actions))
    for title, actions in groups:
        if not actions:
            continue
        if title:
            yield f"*{_sentence(title)}*"
            yield ""
        yield "| Option | Value | Default | Description |"
        yield "| --- | --- | --- | --- |"
        for action in actions:
            yield "| " + " | ".join(_row(parser, action)) + " |"
        yield ""


def _documented(action: argparse.Action, *, everywhere: bool) -> bool:
    if action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
        return False
    # The options every command takes are listed once, with the global options.
    return everywhere or not _EVERYWHERE.intersection(action.option_strings)


def _row(parser: argparse.ArgumentParser, action: argparse.Action) -> list[str]:
    choices = ", ".join(f"`{choice}`" for choice in action.choices or ())
    if action.option_strings:
        name = ", ".join(f"`{option}`" for option in action.option_strings)
        metavar = action.metavar or action.dest.upper()
        value = "" if action.nargs == 0 else choices or f"`{metavar}`"
    else:
        name = f"`{action.metavar or action.dest.upper()}`"
        value = choices
        if action.nargs in ("+", "*"):
            name += " ..."
    if action.required and action.option_strings:
        default = "required"
    elif action.default in (None, False, "", [], argparse.SUPPRESS) or action.nargs == 0:
        default = ""
    else:
        default = f"`{action.default}`"
    description = _expand(parser, action)
    if isinstance(action, argparse._AppendAction) and "repeatable" not in description:
        description = f"{description} (repeatable)".strip()
    return [name, value, default, _cell(description)]


def _expand(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    """The help text as ``--help`` shows it (argparse fills in ``%(default)s`` and the like)."""
    if not action.help:
        return ""
    params = dict(vars(action), prog=parser.prog)
    if action.choices is not None:
        params["choices"] = ", ".join(map(str, action.choices))
    return action.help % params


def _usage(parser: argparse.ArgumentParser) -> str:
    formatter = argparse.HelpFormatter(parser.prog, width=USAGE_WIDTH)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups, "")
    return formatter.format_help().strip()


def _code(*lines: str) -> Iterator[str]:
    yield "```"
    yield from lines
    yield "```"
    yield ""


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "…")) else ".")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _static_sections() -> Iterator[str]:
    library = paths.user_library_path(paths.data_dir("DATA")).as_posix()
    demo = paths.demo_library_path(paths.data_dir("DATA")).as_posix()
    yield "## ENVIRONMENT"
    yield ""
    yield (
        f"- `{paths.DATA_DIR_ENV}`: the folder holding the library, when `--data-dir` is not given."
    )
    yield (
        "- `QT_QPA_PLATFORM`: the Qt platform plugin of the desktop window (`wayland`, `xcb`, "
        "`offscreen`…). On Linux the window opens only when it, `DISPLAY` or `WAYLAND_DISPLAY` "
        "is set; the other commands need no display."
    )
    yield (
        "- `LANG` (and `LC_ALL`, `LC_MESSAGES`, `LANGUAGE`): the language of help, usage errors "
        "and messages, read as gettext reads them: the first one set wins; `LANGUAGE` may list "
        "several (`fr:en`) but is ignored when the locale is `C` or `POSIX`. French when it is "
        "French (`LANG=fr_FR.UTF-8`), English otherwise; `LC_ALL=C` always gives English. "
        "Errors of exit status 1, the refresh report and JSON are always English."
    )
    yield ""
    yield "## FILES"
    yield ""
    yield (
        f"- `{library}`: the library (an SQLite database), where `DATA` is `--data-dir`, else "
        f"`${paths.DATA_DIR_ENV}`, else the platform's data folder: "
        "`~/.local/share/press-reader` on Linux, `~/Library/Application Support/press-reader` "
        "on macOS, `%LOCALAPPDATA%\\PressReader\\press-reader` on Windows."
    )
    yield f"- `{demo}`: the demo library (`--demo`), seeded from the bundled demo feeds."
    yield (
        f"- `resources/translations/{i18n.catalog_name('fr')}`: the French messages of the "
        "command line, read as they are at start."
    )
    yield ""
    yield "## EXIT STATUS"
    yield ""
    yield "- `0`: success, also for a refresh in which some feeds failed (the report lists them)."
    yield "- `1`: an error the user can fix, printed as one line `press-reader: error: …`."
    yield "- `2`: a usage error, also one line."
    yield "- `130`: interrupted (Ctrl+C)."
    yield ""
    yield "## SEE ALSO"
    yield ""
    yield (
        "[`docs/cli.md`](cli.md), the command-line contract: dates, tags, folders, output "
        "formats and JSON fields. `press-reader COMMAND --help` for one command's options."
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Write the page to the file given, or print it."""
    parser = argparse.ArgumentParser(prog="python -m reader.cli.usage", description=__doc__)
    parser.add_argument("output", nargs="?", help="the file to write (default: stdout)")
    args = parser.parse_args(argv)
    page = usage_page()
    if args.output is None:
        sys.stdout.write(page)
    else:
        Path(args.output).write_text(page, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
