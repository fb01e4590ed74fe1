"""The desktop's exports (a brief, the OPML list) never clobber what is not a regular file,
follow links, and replace a read-only file only when the user agrees (issue #13)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from reader.core.demo import seed_demo_library
from reader.core.storage import Store
from reader.paths import resources_dir
from reader.ui.brief_composer import BriefComposer
from reader.ui.mainwindow import MainWindow


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "demo" / "library.sqlite3") as store:
        seed_demo_library(store, resources_dir() / "demo")
        yield store


@pytest.fixture
def composer(qtbot: QtBot, library: Store) -> BriefComposer:
    window = BriefComposer(library)
    window.mark_used_check.setChecked(False)

    def discard(widget: QWidget) -> None:
        widget.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[attr-defined]

    qtbot.addWidget(window, before_close_func=discard)
    window.show()
    qtbot.waitExposed(window)
    return window


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The save dialog answers ``path``, as a user picking it would."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(path), ""))


def answer_read_only(window: BriefComposer | MainWindow, answer: bool) -> list[Path]:
    asked: list[Path] = []

    def ask(path: Path) -> bool:
        asked.append(path)
        return answer

    # The main window asks through its feed commands (the OPML export), the composer itself.
    asker = window.feed_commands if isinstance(window, MainWindow) else window
    asker.ask_replace_read_only = ask  # type: ignore[method-assign]
    return asked


def special(kind: str, path: Path) -> str:
    """Make ``path`` a FIFO, a device (a copy of /dev/full: no real device is at risk), a
    folder or a dangling link; what the refusal calls it."""
    if kind == "fifo":
        os.mkfifo(path)
        return "it is a named pipe (FIFO), not a regular file"
    if kind == "device":
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        return "it is a character device, not a regular file"
    if kind == "folder":
        path.mkdir()
        return "it is a folder, not a regular file"
    path.symlink_to("nowhere.md")
    return "it is a symbolic link to nowhere.md, which does not exist"


KINDS = ["fifo", "device", "folder", "dangling"]


# -- the brief composer ---------------------------------------------------------------------


@pytest.mark.parametrize("answer", [True, False], ids=["replace", "cancel"])
def test_the_composer_asks_before_replacing_a_read_only_file(
    qtbot: QtBot,
    composer: BriefComposer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: bool,
) -> None:
    target = tmp_path / "revue.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    choose_file(monkeypatch, target)
    asked = answer_read_only(composer, answer)
    if answer:
        with qtbot.waitSignal(composer.exporter.finished, timeout=10_000):
            assert composer.export()
        assert target.read_text(encoding="utf-8").startswith("# ")
        assert stat.S_IMODE(target.stat().st_mode) == 0o444
    else:
        with qtbot.assertNotEmitted(composer.exporter.started):
            assert not composer.export()
        assert target.read_text(encoding="utf-8") == "old"
    assert asked == [target]


def test_the_composer_follows_a_symlink(
    qtbot: QtBot, composer: BriefComposer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "revue.md"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "latest.md"
    link.symlink_to("revue.md")
    choose_file(monkeypatch, link)
    answer_read_only(composer, False)
    with qtbot.waitSignal(composer.exporter.finished, timeout=10_000):
        assert composer.export()
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# ")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


@pytest.mark.parametrize("kind", KINDS)
def test_the_composer_never_replaces_what_is_not_a_file(
    composer: BriefComposer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    target = tmp_path / "revue.md"
    what = special(kind, target)
    choose_file(monkeypatch, target)
    answer_read_only(composer, True)
    assert not composer.export()
    box = composer.error_box
    assert box is not None and box.isVisible()
    assert box.text() == "The brief was not exported."
    assert box.informativeText() == f"Cannot write {target}: {what}."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo", "revue.md"]
    assert target.is_symlink() if kind == "dangling" else not stat.S_ISREG(target.stat().st_mode)
    box.close()


def test_the_export_thread_refuses_a_read_only_file_it_was_not_allowed_to_replace(
    qtbot: QtBot, composer: BriefComposer, tmp_path: Path
) -> None:
    """export_to (no question asked) relies on the mechanism itself."""
    target = tmp_path / "revue.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    with qtbot.waitSignal(composer.exporter.failed, timeout=10_000) as failed:
        assert composer.export_to(target, "md")
    assert failed.args[1] == f"{target} is read-only"
    assert target.read_text(encoding="utf-8") == "old"
    assert composer.error_box is not None
    composer.error_box.close()


# -- the main window's OPML export ----------------------------------------------------------


@pytest.fixture
def errors(demo_window: MainWindow) -> list[str]:
    seen: list[str] = []
    demo_window.messages.error.connect(seen.append)
    return seen


@pytest.mark.parametrize("answer", [True, False], ids=["replace", "cancel"])
def test_the_opml_export_asks_before_replacing_a_read_only_file(
    demo_window: MainWindow,
    errors: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: bool,
) -> None:
    target = tmp_path / "feeds.opml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    choose_file(monkeypatch, target)
    asked = answer_read_only(demo_window, answer)
    demo_window.feed_commands.export_opml()
    assert asked == [target] and errors == []
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<?xml") if answer else text == "old"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_the_opml_export_follows_a_symlink(
    demo_window: MainWindow, errors: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "feeds.opml"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.opml"
    link.symlink_to(real)
    choose_file(monkeypatch, link)
    answer_read_only(demo_window, False)
    demo_window.feed_commands.export_opml()
    assert errors == []
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("<?xml")


@pytest.mark.parametrize("kind", KINDS)
def test_the_opml_export_never_replaces_what_is_not_a_file(
    demo_window: MainWindow,
    errors: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    target = tmp_path / "feeds.opml"
    what = special(kind, target)
    choose_file(monkeypatch, target)
    answer_read_only(demo_window, True)
    demo_window.feed_commands.export_opml()
    assert errors == [f"cannot write {target}: {what}"]
    assert target.is_symlink() if kind == "dangling" else not stat.S_ISREG(target.stat().st_mode)
