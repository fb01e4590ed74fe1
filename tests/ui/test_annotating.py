"""Annotating in the main window, by keyboard and by mouse: highlights, notes, tags, the tag
tree, undo, and highlights that follow an article its feed rewrote."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QDialog, QInputDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from reader.core.storage import Store
from reader.core.types import ArticleQuery
from reader.ui.annotation_dialogs import HighlightColorsDialog, TagsDialog
from reader.ui.feed_tree import FeedRole
from reader.ui.mainwindow import MainWindow
from tests.ui.windows import open_first_article, select_in_reader, select_row, when_dialog_opens

ASSISES = "Assises nationales : la transition prolongée jusqu’en 2029"


def open_article(window: MainWindow, title: str) -> int:
    (article,) = [a for a in window.store.list_articles() if a.title == title]
    window.feed_view.setCurrentIndex(window.feed_model.index_for_smart("all"))
    select_row(window, window.article_model.row_of(article.id))
    assert window.reader_pane.current_article is not None
    return article.id


def painted(window: MainWindow) -> list[str]:
    return [m.cursor.selectedText() for m in window.reader_view.extraSelections()]


def fill_tags(text: str):  # type: ignore[no-untyped-def]
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TagsDialog)
        dialog.field.setText(text)
        dialog.accept()

    return fill


# -- undo ------------------------------------------------------------------------------------


def test_ctrl_z_undoes_a_highlight_and_ctrl_shift_z_redoes_it(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    article = open_first_article(demo_window)
    passage = " ".join(article.text.split()[:5])
    select_in_reader(demo_window, passage)
    qtbot.keyClick(demo_window.reader_view, Qt.Key.Key_H)
    assert painted(demo_window) == [passage]
    assert demo_window.acts.act_undo.text() == f"&Undo Highlight “{passage}”"

    qtbot.keyClick(demo_window.reader_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert demo_store.highlights.list() == [] and painted(demo_window) == []
    assert demo_window.annotation_panel.model.rowCount() == 0

    qtbot.keyClick(
        demo_window.reader_view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [h.exact for h in demo_store.highlights.list()] == [passage]
    assert painted(demo_window) == [passage]


# -- tagging articles ------------------------------------------------------------------------


# The completion popup asks the offscreen platform for things it cannot do.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_t_tags_the_article_with_completion_and_undo(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    article = open_first_article(demo_window)
    before = article.tags

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TagsDialog)
        field = dialog.field
        assert field.tags() == list(before)
        field.setText("")
        qtbot.keyClicks(field, "kanem-s")  # completes from the library's tags
        assert field.completer_popup_visible()
        popup = field._completer.popup()
        assert popup is not None
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        assert field.text() == "country/Kanem-Sira"
        qtbot.keyClicks(field, ", revue/semaine 48")
        dialog.accept()

    when_dialog_opens(qtbot, fill)
    qtbot.keyClick(demo_window.article_view, Qt.Key.Key_T)

    tags = demo_store.get_article(article.id).tags
    assert tags == ("country/Kanem-Sira", "revue/semaine 48")
    header = demo_window.reader_view.toPlainText()
    assert "revue/semaine 48" in header
    assert demo_window.feed_model.index_for_tag("revue/semaine 48").isValid()

    demo_window.acts.act_undo.trigger()
    assert demo_store.get_article(article.id).tags == before
    assert not demo_window.feed_model.index_for_tag("revue").isValid()


def test_a_blank_tag_is_explained_in_the_dialog(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    article = open_first_article(demo_window)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TagsDialog)
        dialog.field.setText("Mali, / ")
        dialog.accept()
        assert dialog.isVisible()
        assert dialog.problem.text() == "A tag name cannot be empty."
        dialog.reject()

    when_dialog_opens(qtbot, fill)
    demo_window.tag_commands.tag_article()
    assert demo_store.get_article(article.id).tags == article.tags


def test_the_tag_tree_lists_articles_by_their_own_and_their_highlights_tags(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    first, second = demo_store.list_articles(ArticleQuery(limit=2))
    demo_store.tag_article(first.id, ["revue/S48"])
    demo_window.annotations.add_highlight(
        second.id, " ".join(demo_store.get_article(second.id).text.split()[:3]), tags=["revue"]
    )
    tree = demo_window.feed_model
    revue = tree.index_for_tag("revue")
    assert revue.isValid() and tree.index_for_tag("revue/S48").parent() == revue
    assert revue.parent() == tree.index_for_tags_heading()
    assert "1 highlight" in revue.data(Qt.ItemDataRole.ToolTipRole)

    demo_window.feed_view.setCurrentIndex(revue)
    listed = {
        demo_window.article_model.article_at(row).id  # type: ignore[union-attr]
        for row in range(demo_window.article_model.rowCount())
    }
    assert listed == {first.id, second.id}
    demo_window.feed_view.setCurrentIndex(tree.index_for_tag("revue/S48"))
    assert demo_window.article_model.rowCount() == 1


def test_the_feed_tree_keeps_its_expansion_and_selection_when_tags_come_and_go(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    tree, view = demo_window.feed_model, demo_window.feed_view
    folders = demo_store.list_folders()
    assert len(folders) >= 2
    view.collapse(tree.index_for_folder(folders[0]))
    view.expand(tree.index_for_folder(folders[1]))
    chosen = next(f for f in demo_store.list_feeds() if f.folder_path == folders[1])
    view.setCurrentIndex(tree.index_for_feed(chosen.id))
    article = demo_store.list_articles(ArticleQuery(feed_ids=(chosen.id,)))[0]

    def state() -> tuple[bool, bool, object]:
        return (
            view.isExpanded(tree.index_for_folder(folders[0])),
            view.isExpanded(tree.index_for_folder(folders[1])),
            tree.query_for(view.currentIndex()),
        )

    before = state()
    assert before[:2] == (False, True)
    demo_window.annotations.tag_article(article.id, ["lieu/Tessalit"])  # a new tag: new rows
    assert tree.index_for_tag("lieu/Tessalit").isValid()
    assert state() == before
    view.expand(tree.index_for_tag("lieu"))
    view.setCurrentIndex(tree.index_for_tag("lieu/Tessalit"))
    demo_window.annotations.tag_article(article.id, ["lieu/Aguelhok"])
    assert view.isExpanded(tree.index_for_tag("lieu"))
    assert view.currentIndex() == tree.index_for_tag("lieu/Tessalit")
    demo_window.annotations.untag_article(article.id, ["lieu/Aguelhok"])  # rows go
    assert not tree.index_for_tag("lieu/Aguelhok").isValid()
    assert view.currentIndex() == tree.index_for_tag("lieu/Tessalit")
    assert state()[:2] == before[:2]


def test_the_feed_tree_passes_the_model_tester_while_tags_change(
    qtmodeltester: object, demo_store: Store
) -> None:
    from reader.ui.feed_tree import FeedTreeModel

    model = FeedTreeModel(demo_store)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    article = demo_store.list_articles()[0]
    demo_store.tag_article(article.id, ["lieu/Tessalit", "acteur/ONU"])
    model.reload()
    demo_store.untag_article(article.id, ["acteur/ONU"])
    model.reload()
    assert model.index_for_tag("lieu/Tessalit").isValid()
    assert not model.index_for_tag("acteur").isValid()


# -- the tag vocabulary ----------------------------------------------------------------------


def test_renaming_a_tag_onto_another_merges_after_asking(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    carrying = demo_store.count_articles(ArticleQuery(tags=("actor/junta",)))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("actor/FAKS", True)))

    def merge(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox) and "already exists" in dialog.text()
        (button,) = [b for b in dialog.findChildren(QPushButton) if b.text() == "Merge"]
        button.click()

    when_dialog_opens(qtbot, merge)
    demo_window.tag_commands.rename_tag("actor/junta")

    names = demo_store.tags.names()
    assert "actor/junta" not in names
    assert demo_store.count_articles(ArticleQuery(tags=("actor/FAKS",))) >= carrying
    current = demo_window.feed_view.currentIndex()
    assert current.data(FeedRole.Tag) == "actor/FAKS"

    demo_window.acts.act_undo.trigger()
    assert "actor/junta" in demo_store.tags.names()
    assert demo_store.count_articles(ArticleQuery(tags=("actor/junta",))) == carrying


def test_tags_are_coloured_and_deleted_from_the_tree(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#c62828")))
    demo_window.tag_commands.color_tag("theme/security")
    assert {t.name: t.color for t in demo_store.tags.summary()}["theme/security"] == "#c62828"

    tagged = demo_store.count_articles(ArticleQuery(tags=("place",)))
    assert tagged > 0

    def delete(dialog: QDialog) -> None:
        (button,) = [b for b in dialog.findChildren(QPushButton) if b.text() == "Delete Tag"]
        button.click()

    when_dialog_opens(qtbot, delete)
    demo_window.tag_commands.delete_tag("place")
    assert not [n for n in demo_store.tags.names() if n.startswith("place")]
    assert not demo_window.feed_model.index_for_tag("place").isValid()
    demo_window.acts.act_undo.trigger()
    assert demo_store.count_articles(ArticleQuery(tags=("place",))) == tagged


def test_the_tag_tree_context_menu_offers_the_tag_actions(demo_window: MainWindow) -> None:
    index = demo_window.feed_model.index_for_tag("country/Oubaré")
    menu = demo_window.feed_commands.feed_menu(index)
    assert menu is not None
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Mark &All as Read",
        "&Rename Tag…",
        "Tag &Colour…",
        "Remove C&olour",
        "&Delete Tag…",
    ]
    assert demo_window.feed_view.currentIndex() == index
    assert (
        demo_window.feed_commands.feed_menu(demo_window.feed_model.index_for_tags_heading()) is None
    )


# -- colours ---------------------------------------------------------------------------------


def test_colour_meanings_are_edited_in_their_dialog(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, HighlightColorsDialog)
        dialog.fields["pink"].setText("")
        dialog.accept()
        assert dialog.isVisible() and "pink has none" in dialog.problem.text()
        dialog.fields["pink"].setText("  à vérifier ")
        dialog.accept()

    when_dialog_opens(qtbot, fill)
    demo_window.reader_pane.edit_highlight_colors()
    assert {c.name: c.meaning for c in demo_store.highlights.colors()}["pink"] == "à vérifier"
    tips = [b.toolTip() for b in demo_window.selection_toolbar.color_buttons()]
    assert any("à vérifier" in tip for tip in tips)


# -- the whole scenario ------------------------------------------------------------------------


def test_an_analyst_annotates_an_article_and_a_refresh_keeps_every_highlight(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    """Three passages in three colours, by keyboard, menu and the floating toolbar; a note
    and tags on each; then the feed rewrites the article."""
    window = demo_window
    article_id = open_article(window, ASSISES)
    panel = window.annotation_panel

    # 1. Keyboard: select, h, then Shift+H for the next with a note typed in the panel.
    select_in_reader(window, "serait prolongée de deux ans")
    qtbot.keyClick(window.reader_view, Qt.Key.Key_H)
    select_in_reader(window, "n’a pas encore indiqué s’il comptait suivre ces recommandations")
    qtbot.keyClick(window.reader_view, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(panel.note_edit.hasFocus)
    qtbot.keyClicks(panel.note_edit, "Candidature possible, a verifier")
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    # 2. Mouse: the floating toolbar's pink button, then its Tags button.
    select_in_reader(window, "plusieurs responsables de l’ACR font l’objet de poursuites")
    toolbar = window.selection_toolbar
    toolbar.update_position()
    (pink,) = [b for b in toolbar.color_buttons() if "claim to verify" in b.toolTip()]
    qtbot.mouseClick(pink, Qt.MouseButton.LeftButton)
    when_dialog_opens(qtbot, fill_tags("actor/ACR, theme/justice"))
    select_in_reader(window, "une « confiscation du pouvoir »")
    window.reader_pane.highlight_with_tags()

    highlights = {h.exact: h for h in demo_store.highlights.list(article_id=article_id)}
    assert len(highlights) == 4 and len(painted(window)) == 4
    noted = highlights["n’a pas encore indiqué s’il comptait suivre ces recommandations"]
    assert noted.note == "Candidature possible, a verifier"
    assert highlights["plusieurs responsables de l’ACR font l’objet de poursuites"].color == "pink"
    assert highlights["une « confiscation du pouvoir »"].tags == ("actor/ACR", "theme/justice")

    # 3. Clicking a painted passage selects it in the panel.
    cursor = window.reader_view.textCursor()
    cursor.setPosition(window.reader_pane.painted[0].start + 2)
    window.reader_view.setTextCursor(cursor)
    assert panel.current_highlight() == window.reader_pane.painted[0].highlight

    # 4. The feed rewrites the article: a refresh through the desktop's own refresher.
    with qtbot.waitSignal(window.refresher.finished, timeout=30_000):
        window.refreshing.refresh_all()
    assert window.reader_view.toPlainText().count("Mise à jour le 29") == 1
    after = {h.id: h for h in demo_store.highlights.list(article_id=article_id)}
    assert after[noted.id].exact.startswith("n’avait pas encore indiqué, samedi matin")
    assert after[noted.id].note == "Candidature possible, a verifier"
    orphan = after[highlights["plusieurs responsables de l’ACR font l’objet de poursuites"].id]
    assert orphan.orphaned
    assert len(painted(window)) == 3
    assert "Orphaned" in panel.model.heading_text()
    assert "no longer matches" in window.statusBar().currentMessage()
