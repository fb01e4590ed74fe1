"""The command line in French and in English: help, usage errors, reports, and the catalog."""

from __future__ import annotations

import argparse
import ast
import gettext
import importlib
import inspect
import io
import os
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import reader.cli
from reader.cli import build_parser, main
from reader.cli import i18n as cli_i18n
from reader.cli.i18n import (
    LANGUAGE_VARIABLES,
    CatalogError,
    Message,
    compile_mo,
    find_catalog,
    parse_po,
    requested_languages,
    translation_from_po,
)

FRENCH = cli_i18n.translations_dir() / cli_i18n.catalog_name("fr")


def run(*args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    """``press-reader ARGS`` in a new process whose only language settings are ``environ``."""
    env = {name: value for name, value in os.environ.items() if name not in LANGUAGE_VARIABLES}
    env.update(environ, PYTHONUTF8="1")
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


# -- help and usage errors, as a user sees them ---------------------------------------------


def test_help_is_french_when_the_language_is_french() -> None:
    result = run("--help", LANG="fr_FR.UTF-8")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("utilisation : press-reader [-h]")
    assert "\noptions :\n" in result.stdout
    assert "\narguments positionnels :\n" in result.stdout
    assert "afficher cette aide et quitter" in result.stdout
    assert "composer une revue de presse et l’exporter dans un fichier" in result.stdout
    assert "usage:" not in result.stdout and "show this help" not in result.stdout


def test_command_help_is_french_when_the_language_is_french() -> None:
    result = run("brief", "--help", LANG="fr_FR.UTF-8")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("utilisation : press-reader brief [-h]")
    assert "\noptions :\n" in result.stdout and "\nla revue :\n" in result.stdout
    assert "garder aussi la revue dans la bibliothèque" in result.stdout


@pytest.mark.parametrize(
    "environ",
    [
        {"LANG": "C"},
        {"LANG": "en_GB.UTF-8"},
        {"LANGUAGE": "fr", "LC_ALL": "C"},  # scripts' LC_ALL=C wins over LANGUAGE, as in GNU
        {"LANG": "de_DE.UTF-8"},  # no German catalog
    ],
    ids=["C", "en_GB", "LC_ALL=C", "de_DE"],
)
def test_help_is_english_otherwise(environ: dict[str, str]) -> None:
    for args in (("--help",), ("brief", "--help")):
        result = run(*args, **environ)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("usage: press-reader")
        assert "\noptions:\n" in result.stdout
        assert "show this help message and exit" in result.stdout


def test_a_usage_error_is_one_french_line_and_exit_2() -> None:
    result = run("brief", "--format", "odt", "-o", "x", LANG="fr_FR.UTF-8")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "press-reader brief : erreur : argument --format : choix invalide : 'odt' (choisir "
        "parmi 'md', 'pdf', 'docx', 'html', 'w3c') (voir 'press-reader brief --help')\n"
    )


def test_usage_errors_of_argparse_and_of_the_command_line_in_french() -> None:
    missing = run("brief", LANG="fr_FR.UTF-8")
    assert missing.returncode == 2
    assert "erreur : ces arguments sont obligatoires : -o/--output" in missing.stderr
    jobs = run("refresh", "--jobs", "0", LANG="fr_FR.UTF-8")
    assert jobs.returncode == 2
    assert "argument --jobs : doit valoir 1 ou plus, pas 0" in jobs.stderr


def test_errors_of_the_engine_stay_english(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "feed", "remove", "3", LANG="fr_FR.UTF-8")
    assert result.returncode == 1
    assert result.stderr == "press-reader: error: no feed with id 3\n"


def test_reports_of_commands_in_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LC_MESSAGES")
    data = str(tmp_path / "data")
    out = _main(["--data-dir", data, "feed", "add", "https://news.example/rss", "--force"])
    assert out == "Flux 1 ajouté : https://news.example/rss\n"
    assert _main(["--data-dir", data, "briefs"]).startswith("Aucune revue enregistrée.")
    out = _main(["--data-dir", data, "feed", "rename", "1", "Nouvelles"])
    assert out == "Le flux 1 s’intitule désormais 'Nouvelles'.\n"


def _main(argv: list[str]) -> str:
    out = io.StringIO()
    saved, sys.stdout = sys.stdout, out
    try:
        assert main(argv) == 0
    finally:
        sys.stdout = saved
    return out.getvalue()


def test_argparse_speaks_english_again_after_a_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LC_MESSAGES")
    with pytest.raises(SystemExit):
        main(["--version"])
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]
    assert cli_i18n._("print JSON") == "print JSON"


def test_the_command_line_does_not_import_qt() -> None:
    code = (
        "import sys\n"
        "from reader.cli import main\n"
        "for args in (['--help'], ['brief', '--help']):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    env = {name: value for name, value in os.environ.items() if name not in LANGUAGE_VARIABLES}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "LANG": "fr_FR.UTF-8", "PYTHONUTF8": "1"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert result.stdout.splitlines()[-1] == "[]"


def test_an_unreadable_catalog_warns_and_leaves_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / cli_i18n.catalog_name("fr")).write_text('msgid "a"\n', encoding="utf-8")
    monkeypatch.setattr(cli_i18n, "translations_dir", lambda: tmp_path)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LC_MESSAGES")
    assert main(["--data-dir", str(tmp_path / "data"), "briefs"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("No saved briefs.")
    assert err.startswith("press-reader: warning: ") and "messages stay in English" in err
    assert "press_reader_cli_fr.po:1: msgid without msgstr" in err


# -- which catalog ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CA"}, "fr"),
        ({"LANG": "french"}, "fr"),  # a locale alias
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "fr_BE.UTF-8@euro", "LANG": "C"}, "fr"),
        ({"LANGUAGE": "de:fr", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LANGUAGE": "fr"}, "fr"),
        ({"LANGUAGE": "", "LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANGUAGE": "en:fr", "LANG": "fr_FR.UTF-8"}, None),  # English first: no catalog needed
        ({"LANGUAGE": "fr", "LC_ALL": "C.UTF-8"}, None),
        ({"LANGUAGE": "fr", "LANG": "POSIX"}, None),
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, None),
        ({"LANG": "de_DE.UTF-8"}, None),
        ({}, None),
    ],
)
def test_the_catalog_follows_the_language_variables(
    environ: dict[str, str], expected: str | None
) -> None:
    catalog = find_catalog(requested_languages(environ), cli_i18n.translations_dir())
    assert (catalog and catalog.name) == (expected and cli_i18n.catalog_name(expected))


# -- the catalog and the code ----------------------------------------------------------------


def _catalog() -> list[Message]:
    return [m for m in parse_po(FRENCH.read_text(encoding="utf-8"), str(FRENCH)) if m.msgid]


def _calls(source: str) -> Iterator[tuple[str, ast.Call]]:
    """The calls to ``_`` and ``ngettext`` in a source, with the name called."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        if node.func.id in ("_", "ngettext"):
            yield node.func.id, node


def _messages_in(source: str) -> set[str]:
    """The messages a source marks for translation, ``_("…")`` and ``ngettext("…", "…", n)``,
    keyed as the catalog keys them (:attr:`Message.key`); calls on variables are skipped."""
    found = set()
    for name, call in _calls(source):
        texts = [
            arg.value
            for arg in call.args
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        ]
        if name == "ngettext" and len(texts) >= 2:
            found.add(f"{texts[0]}\0{texts[1]}")
        elif name == "_" and texts:
            found.add(texts[0])
    return found


#: The source of every module of the command line.
CLI_SOURCE = "\n".join(
    inspect.getsource(importlib.import_module(f"reader.cli.{module.name}"))
    for module in pkgutil.iter_modules(reader.cli.__path__)
) + inspect.getsource(reader.cli)
CLI_MESSAGES = _messages_in(CLI_SOURCE)
ARGPARSE_MESSAGES = _messages_in(inspect.getsource(argparse))
#: argparse's messages a user of press-reader can meet (the others are programming errors).
ARGPARSE_USER_MESSAGES = {
    "usage: ",
    "positional arguments",
    "options",
    "show this help message and exit",
    "argument %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)",
    "invalid %(type)s value: %(value)r",
    "the following arguments are required: %s",
    "one of the arguments %s is required",
    "not allowed with argument %s",
    "unrecognized arguments: %s",
    "ambiguous option: %(option)s could match %(matches)s",
    "expected one argument",
    "expected at least one argument",
}


def test_the_command_line_marks_only_literal_messages() -> None:
    for _name, call in _calls(CLI_SOURCE):
        literal = [
            isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in call.args
        ]
        assert literal[:2] == [True] * min(len(literal), 2), ast.unparse(call)


def test_every_message_of_the_command_line_is_translated() -> None:
    translated = {m.key for m in _catalog() if not m.fuzzy and all(m.msgstr)}
    assert CLI_MESSAGES - translated == set()
    assert ARGPARSE_USER_MESSAGES - translated == set()


def test_the_catalog_has_no_stale_messages() -> None:
    stale = {m.key for m in _catalog()} - CLI_MESSAGES - ARGPARSE_MESSAGES
    assert stale == set(), "not used by reader/cli/ or argparse any more"


def test_the_catalog_has_each_message_once() -> None:
    keys = [m.key for m in _catalog()]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []


_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sr]|%[sr]")


@pytest.mark.parametrize("message", _catalog(), ids=lambda m: m.msgid[:40])
def test_translations_keep_the_placeholders(message: Message) -> None:
    for form in message.msgstr:
        assert sorted(_PLACEHOLDER.findall(form)) == sorted(_PLACEHOLDER.findall(message.msgid))


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


def _texts(parser: argparse.ArgumentParser) -> Iterator[str]:
    """Every text of a parser's help: description, group titles, options', commands'."""
    for sub in _parsers(parser):
        yield sub.description or ""
        for group in sub._action_groups:
            yield group.title or ""
        for action in sub._actions:
            yield "" if action.help == argparse.SUPPRESS else action.help or ""
            if isinstance(action, argparse._SubParsersAction):
                yield from (choice.help or "" for choice in action._choices_actions)


def test_every_text_of_the_help_is_translated() -> None:
    french = cli_i18n.load_catalog(FRENCH)
    with cli_i18n.translated(gettext.NullTranslations()):
        english = list(_texts(build_parser()))
    with cli_i18n.translated(french):
        parser = build_parser()
        translated = list(_texts(parser))
        # The French help of every command formats (argparse %-formats the texts).
        for sub in _parsers(parser):
            assert sub.format_help().startswith(f"utilisation : {sub.prog}")
    assert len(english) == len(translated)
    untranslated = [e for e, f in zip(english, translated, strict=True) if e and e == f]
    assert untranslated == []


# -- the .po reader --------------------------------------------------------------------------

HEADER = r"""msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"
"""


def test_plurals_follow_the_plural_rule_of_the_header() -> None:
    translation = translation_from_po(
        HEADER
        + """
msgid "{n} file"
msgid_plural "{n} files"
msgstr[0] "{n} fichier"
msgstr[1] "{n} fichiers"
"""
    )
    forms = [translation.ngettext("{n} file", "{n} files", n) for n in (0, 1, 2)]
    assert forms == ["{n} fichier", "{n} fichier", "{n} fichiers"]
    assert translation.ngettext("{n} tag", "{n} tags", 2) == "{n} tags"  # not in the catalog


def test_strings_continue_over_lines_and_unescape() -> None:
    (message,) = parse_po(
        r"""
# a comment, then a reference
#: reader/cli.py:12
msgid ""
"Say \"hello\",\n"
"then\tgo"
msgstr "Dis \"bonjour\",\n"
  "puis\tpars \\ \101\x42 \' \?"
"""
    )
    assert message.msgid == 'Say "hello",\nthen\tgo'
    assert message.msgstr == ('Dis "bonjour",\npuis\tpars \\ AB \' ?',)
    assert message.line == 4 and not message.fuzzy


def test_fuzzy_untranslated_and_obsolete_entries_are_left_out() -> None:
    text = (
        HEADER
        + """
#, fuzzy, python-format
msgid "fuzzy"
msgstr "flou"

msgid "untranslated"
msgstr ""

msgid "one"
msgid_plural "many"
msgstr[0] "un"
msgstr[1] ""

#~ msgid "gone"
#~ msgstr "parti"

msgid "kept"
msgstr "gardé"
"""
    )
    messages = parse_po(text)
    assert [m.msgid for m in messages] == ["", "fuzzy", "untranslated", "one", "kept"]
    assert messages[1].fuzzy and not messages[4].fuzzy
    translation = translation_from_po(text)
    assert translation.gettext("fuzzy") == "fuzzy"
    assert translation.gettext("untranslated") == "untranslated"
    assert translation.ngettext("one", "many", 1) == "one"
    assert translation.gettext("gone") == "gone"
    assert translation.gettext("kept") == "gardé"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ('msgid "a"\n\nmsgid "b"\nmsgstr "c"\n', ":3: msgid without a msgstr before it"),
        ('msgid "a"\n', ":1: msgid without msgstr"),
        ('msgstr "a"\n', ":1: msgstr before msgid"),
        ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', ":3: a second msgstr"),
        ('msgid "a"\nmsgstr "unterminated\n', ':2: expected a "quoted string"'),
        ('msgid "a"\nmsgstr "b" "c"\n', ':2: expected a "quoted string"'),
        ('msgid "a"\nmsgstr "\\q"\n', ":2: unknown escape \\q"),
        ('"alone"\n', ":1: a string that continues nothing"),
        ('msgid "a"\nmsgid_plural "b"\nmsgstr "c"\n', ":3: a plural message needs msgstr[0]"),
        ('msgid "a"\nmsgid_plural "b"\nmsgstr[1] "c"\n', ":3: msgstr[1] where msgstr[0] was"),
        ('msgid "a"\nmsgstr[0] "c"\n', ":2: msgstr[0] without msgid_plural"),
        ('msgctxt "menu"\nmsgid "a"\nmsgstr "b"\n', ":1: msgctxt is not supported"),
        ('msgid "a"\n# comment\nmsgstr "b"\n', ":2: a comment inside an entry"),
        ("msgid 'a'\n", ':1: expected a "quoted string"'),
        ("something else\n", ":1: cannot read 'something else'"),
    ],
)
def test_what_the_reader_cannot_read_is_an_error_with_its_line(text: str, error: str) -> None:
    with pytest.raises(CatalogError, match=re.escape(f"broken.po{error}")):
        parse_po(text, "broken.po")


def test_a_catalog_must_say_it_is_utf8() -> None:
    with pytest.raises(CatalogError, match="charset=UTF-8"):
        translation_from_po('msgid "a"\nmsgstr "b"\n', "no-header.po")
    latin = HEADER.replace("UTF-8", "ISO-8859-1")
    with pytest.raises(CatalogError, match="charset=UTF-8"):
        translation_from_po(latin, "latin.po")


def test_compiled_catalogs_are_read_by_gettext() -> None:
    entries = {"": "Content-Type: text/plain; charset=UTF-8\n", "été": "summer", "a\0b": "x\0y"}
    translation = gettext.GNUTranslations(io.BytesIO(compile_mo(entries)))
    assert translation.gettext("été") == "summer"
    assert translation.ngettext("a", "b", 1) == "x" and translation.ngettext("a", "b", 5) == "y"


def test_the_bundled_catalog_reads() -> None:
    translation = cli_i18n.load_catalog(FRENCH)
    assert translation.gettext("usage: ") == "utilisation : "
    assert translation.ngettext("Deleted {count} tag", "Deleted {count} tags", 2) == (
        "{count} mots-clés supprimés"
    )
