"""`press-reader brief` and `press-reader briefs`, driven as a user drives them."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader import paths
from reader.core.storage import Store
from tests.cli.test_cli import CLI, assert_one_line_error
from tests.factories import T0, entry, feed

MALI = (
    "Bamako a reçu lundi les ministres de la région pour parler de la sécurité des routes. "
    "Le colonel Goïta s’est dit « ouvert à une coopération renforcée » – sans calendrier."
)
NIGER = (
    "Niamey rouvre la frontière avec le Bénin. Les camionneurs attendaient cette décision "
    "depuis l’été ; les prix devraient suivre."
)


@pytest.fixture
def library(cli: CLI) -> CLI:
    """Two articles tagged by country, one highlighted with a note."""
    with Store(paths.user_library_path(cli.data_dir)) as store:
        feed_id = store.add_feed("https://sahel.example/rss").id
        store.store_parsed_feed(
            feed_id,
            feed(
                entry("mali", "Mali : les routes d’abord", MALI, published=T0),
                entry("niger", "Niger : la frontière rouvre", NIGER, published=T0),
                title="La Gazette du Sahel",
            ),
        )
        ids = {a.key: a.id for a in store.list_articles()}
        store.tag_article(ids["mali"], ["country/Mali"])
        store.tag_article(ids["niger"], ["country/Niger"])
        store.highlights.add_quote(
            ids["mali"], "« ouvert à une coopération renforcée »", note="Nouveau ton."
        )
    return cli


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> CLI:
    data = tmp_path / "data"
    data.mkdir()
    return CLI(data, capsys)


def test_markdown_brief_with_sections_by_country(library: CLI, tmp_path: Path) -> None:
    target = tmp_path / "revue.md"
    code, out, err = library(
        "brief", "--tag", "country", "--title", "Revue Sahel", "--intro", "Semaine **calme**.",
        "-o", str(target),
    )  # fmt: skip
    assert code == 0, err
    assert out.strip() == f"Wrote {target} (Markdown): 2 sections, 2 articles, 1 passage"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Revue Sahel\n")
    assert "## Mali" in text and "## Niger" in text and "Semaine **calme**." in text
    assert "«\u00a0ouvert à une coopération renforcée\u00a0»" not in text  # kept as quoted
    assert "« ouvert à une coopération renforcée »" in text and "Nouveau ton." in text


def test_every_format_is_written(library: CLI, tmp_path: Path) -> None:
    from reader.export import FORMATS

    for key, fmt in FORMATS.items():
        if key != "md" and not _has_module(fmt.module):
            continue
        target = tmp_path / f"revue{fmt.suffix}"
        code, _, err = library("brief", "--language", "fr", "-o", str(target))
        assert code == 0, (key, err)
        assert target.stat().st_size > 0
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def test_default_title_follows_the_language_and_period(library: CLI, tmp_path: Path) -> None:
    target = tmp_path / "revue.md"
    code, _, err = library(
        "brief", "--language", "fr", "--since", "2026-11-27", "--until", "2026-11-29",
        "-o", str(target),
    )  # fmt: skip
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith(
        "# Revue de presse – 27–28 novembre 2026\n"
    )


def test_stdout(library: CLI) -> None:
    code, out, err = library("brief", "--format", "md", "--tag", "country/Niger", "-o", "-")
    assert code == 0
    assert out.startswith("# Press review") and "Niger : la frontière rouvre" in out
    assert "Wrote standard output (Markdown)" in err


def test_save_mark_used_and_unused(library: CLI, tmp_path: Path) -> None:
    code, out, err = library(
        "brief", "--tag", "country/Mali", "--mark-used", "-o", str(tmp_path / "a.md")
    )
    assert code == 0, err
    assert "saved as brief 1 and its articles marked used" in out
    listed = library.json("briefs")
    assert isinstance(listed, list) and listed[0]["id"] == 1 and listed[0]["articles"] == 1
    assert listed[0]["exported"] is not None
    code, out, _ = library("briefs")
    assert "Press review" in out and "1 article  exported 2026-11-29" in out
    # Next week: the Mali article went out already.
    code, _, err = library(
        "brief", "--tag", "country/Mali", "--unused", "-o", str(tmp_path / "b.md")
    )
    assert_one_line_error(code, err, contains="nothing matched: tagged country/Mali")
    assert not (tmp_path / "b.md").exists()
    # The saved brief can be exported again as it was.
    code, out, err = library("brief", "--saved", "1", "-o", str(tmp_path / "c.md"))
    assert code == 0, err
    assert "Mali : les routes d’abord" in (tmp_path / "c.md").read_text(encoding="utf-8")


def test_allow_empty_writes_a_brief_that_says_so(library: CLI, tmp_path: Path) -> None:
    target = tmp_path / "vide.md"
    code, _, err = library("brief", "--since", "2030-01-01", "--allow-empty", "-o", str(target))
    assert code == 0, err
    assert "No article matched this brief's selection." in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tag", "country/Tchad"], "no tag named 'country/Tchad'"),
        (["--feed", "42"], "no feed with id 42"),
        (["--folder", "Nulle part"], "no folder named 'Nulle part'"),
        (["--color", "violet"], "unknown colour 'violet'"),
        (["--saved", "9"], "no brief with id 9"),
        (["--since", "2026-11-29", "--until", "2026-11-28"], "the period starts"),
        (["--intro-file", "absent.md"], "cannot read absent.md"),
    ],
)
def test_bad_input_gets_one_line_and_no_file(
    library: CLI, tmp_path: Path, args: list[str], message: str
) -> None:
    target = tmp_path / "revue.md"
    code, _, err = library("brief", *args, "-o", str(target))
    assert_one_line_error(code, err, contains=message)
    assert list(tmp_path.glob("revue*")) == []


def test_bad_file_names_and_formats(library: CLI, tmp_path: Path) -> None:
    code, _, err = library("brief", "-o", str(tmp_path / "absent" / "revue.pdf"))
    assert_one_line_error(code, err, contains="the folder")
    code, _, err = library("brief", "-o", str(tmp_path / "revue.txt"))
    assert_one_line_error(code, err, contains="say which format to write with --format")
    code, _, err = library("brief", "--format", "odt", "-o", str(tmp_path / "revue.odt"))
    assert_one_line_error(code, err, expected=2, contains="invalid choice: 'odt'")
    code, _, err = library("brief", "--since", "hier", "-o", str(tmp_path / "revue.md"))
    assert_one_line_error(code, err, expected=2, contains="--since")
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def test_read_only_folder(library: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    target = folder / "revue.md"
    target.write_text("ancienne revue", encoding="utf-8")
    folder.chmod(0o500)
    if os.access(folder, os.W_OK):  # root writes anywhere: refuse as the file system would

        def refused(*_: object) -> tuple[int, Path]:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("reader.core.files._create_temporary", refused)
    try:
        code, _, err = library("brief", "-o", str(target))
        assert_one_line_error(code, err, contains="Permission denied")
        assert target.read_text(encoding="utf-8") == "ancienne revue"
        assert [p.name for p in folder.iterdir()] == ["revue.md"]
    finally:
        folder.chmod(0o700)


def test_pdf_from_a_terminal_without_display(library: CLI, tmp_path: Path) -> None:
    """The command line draws the PDF with no window system: no display, no platform set."""
    target = tmp_path / "revue.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(library.data_dir), "brief",
         "--tag", "country", "--language", "fr", "-o", str(target)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "« ouvert à une coopération renforcée »" in text and "page 1 sur 1" in text


def test_briefs_json_when_none(cli: CLI) -> None:
    code, out, _ = cli("briefs")
    assert code == 0 and "No saved briefs" in out
    assert json.loads(cli("briefs", "--json")[1]) == []
