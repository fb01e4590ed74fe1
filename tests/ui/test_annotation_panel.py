"""The annotations panel: what it lists, and that every edit made in it is saved, undoable and
never loses what the user typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.core.storage import Store
from reader.core.types import Highlight
from reader.ui.annotation_panel import AnnotationPanel
from reader.ui.annotations import Annotations
from reader.ui.highlight_list import HighlightRole
from tests.factories import Clock, entry, feed
from tests.ui.pictures import assert_not_blank

TEXT = (
    "À Ségou, la crue du Niger a inondé trois quartiers dans la nuit de samedi. "
    "La protection civile a évacué près de deux cents familles vers les écoles. "
    "« L'eau est montée en moins d'une heure », raconte un pêcheur bozo. "
    "Le préfet promet des tentes et des vivres d'ici mercredi. "
    "Les agronomes craignent pour les rizières de l'Office du Niger."
)
#: The tag field's completion popup is a window the offscreen platform can neither raise
#: nor give the keyboard to; it says so, and it says nothing about the panel.
pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise", "does not support grabbing the keyboard"
)

RICE = "Les agronomes craignent pour les rizières de l'Office du Niger"


class Library:
    """An article of the Sahel press with five highlights, the last one orphaned."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.feed_id = store.add_feed("https://journal-segou.example/rss").id
        store.store_parsed_feed(self.feed_id, feed(entry("crue", "Crue du Niger à Ségou", TEXT)))
        self.article_id = store.list_articles()[0].id
        add = store.highlights.add_quote
        aid = self.article_id
        # Made out of reading order: the panel lists them in the article's order.
        self.rice = add(aid, RICE, color="orange", note="Suivre la récolte", tags=["theme/agri"])
        self.prefet = add(aid, "Le préfet promet des tentes et des vivres", color="pink")
        self.crue = add(aid, "la crue du Niger a inondé trois quartiers")
        self.evac = add(
            aid,
            "La protection civile a évacué près de deux cents familles",
            color="green",
            note="Chiffre officiel ?",
            tags=["country/Mali"],
        )
        self.quote = add(aid, "« L'eau est montée en moins d'une heure »", color="blue")
        # The article is corrected: the last sentence goes, its highlight is orphaned.
        store.store_parsed_feed(
            self.feed_id, feed(entry("crue", "Crue du Niger à Ségou", TEXT.replace(RICE, "")))
        )
        assert store.highlights.get(self.rice.id).orphaned

    def get(self, highlight: Highlight) -> Highlight:
        return self.store.highlights.get(highlight.id)


@pytest.fixture
def library(store: Store) -> Library:
    return Library(store)


@pytest.fixture
def annotations(store: Store) -> Annotations:
    return Annotations(store)


@pytest.fixture
def panel(
    qtbot: QtBot, store: Store, annotations: Annotations, library: Library
) -> AnnotationPanel:
    widget = AnnotationPanel(store, annotations)
    qtbot.addWidget(widget)
    widget.resize(380, 720)
    widget.show_article(library.article_id)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def rows(panel: AnnotationPanel) -> list[str]:
    model = panel.model
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def index_of(panel: AnnotationPanel, highlight: Highlight) -> QModelIndex:
    return panel.model.index(panel.model.row_of(highlight.id), 0)


def click(qtbot: QtBot, panel: AnnotationPanel, highlight: Highlight) -> None:
    view = panel.list_view
    rect = view.visualRect(index_of(panel, highlight))
    assert rect.isValid()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def selected_id(panel: AnnotationPanel) -> int | None:
    chosen = panel.list_view.selectionModel().selectedRows()
    if not chosen:
        return None
    highlight = chosen[0].data(HighlightRole.Highlight)
    assert isinstance(highlight, Highlight)
    return highlight.id


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; QTest only knows ASCII keys, so accented letters are sent as
    the text of a key press, as a French keyboard sends them."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )


def replace_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select everything in an editor and type ``text`` over it, as a user would."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


# -- what it lists -----------------------------------------------------------------------------


def test_lists_in_reading_order_then_the_orphaned(panel: AnnotationPanel, library: Library) -> None:
    assert rows(panel) == [
        "la crue du Niger a inondé trois quartiers",
        "La protection civile a évacué près de deux cents familles",
        "« L'eau est montée en moins d'une heure »",
        "Le préfet promet des tentes et des vivres",
        "Orphaned — no longer in the article",
        RICE,
    ]
    heading = panel.model.index(4, 0)
    assert heading.data(HighlightRole.Heading) is True
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable
    assert panel.title_label.text() == "5 highlights · 1 orphaned"
    # Orphaned, its note and tags are still there.
    rice = panel.model.index(5, 0).data(HighlightRole.Highlight)
    assert (rice.note, rice.tags) == ("Suivre la récolte", ("theme/agri",))
    spoken = panel.model.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == (
        "Highlight (context): La protection civile a évacué près de deux cents familles. "
        "Note: Chiffre officiel ?. Tags: country/Mali"
    )
    assert panel.list_view.isVisible() and not panel.empty_label.isVisible()


def test_the_panel_is_drawn(panel: AnnotationPanel, library: Library) -> None:
    panel.select_highlight(library.evac.id)
    image = panel.grab().toImage()
    assert_not_blank(image)
    # Rows grow with their content: the one with a note and tags is taller than a bare one.
    view = panel.list_view
    assert (
        view.visualRect(index_of(panel, library.evac)).height()
        > view.visualRect(index_of(panel, library.crue)).height()
    )


def test_empty_states(qtbot: QtBot, panel: AnnotationPanel, store: Store, library: Library) -> None:
    panel.show_article(None)
    assert panel.model.rowCount() == 0
    assert panel.empty_label.isVisible() and not panel.editor.isVisible()
    assert "Open an article" in panel.empty_label.text()
    store.store_parsed_feed(
        library.feed_id, feed(entry("autre", "Marché de Mopti", "Les prix du mil baissent."))
    )
    bare = next(a.id for a in store.list_articles() if a.id != library.article_id)
    panel.show_article(bare)
    assert panel.empty_label.isVisible()
    assert "press H to highlight it" in panel.empty_label.text()
    panel.show_article(library.article_id)
    assert panel.list_view.isVisible() and panel.editor.isVisible()
    assert not panel.note_edit.isEnabled()  # nothing selected yet


# -- selecting --------------------------------------------------------------------------------


def test_selecting_an_entry_activates_its_highlight(
    qtbot: QtBot, panel: AnnotationPanel, library: Library
) -> None:
    with qtbot.waitSignal(panel.highlight_activated) as activated:
        click(qtbot, panel, library.evac)
    assert activated.args == [library.evac.id]
    assert panel.current_highlight() == library.get(library.evac)
    assert panel.note_edit.toPlainText() == "Chiffre officiel ?"
    assert panel.tags_edit.text() == "country/Mali"
    assert panel.color_box.currentData() == "green"
    assert panel.color_box.currentText() == "context"
    # The keyboard goes to the next one.
    with qtbot.waitSignal(panel.highlight_activated) as activated:
        qtbot.keyClick(panel.list_view, Qt.Key.Key_Down)
    assert activated.args == [library.quote.id]
    # An orphaned one has no passage to go to, but is editable.
    with qtbot.assertNotEmitted(panel.highlight_activated):
        click(qtbot, panel, library.rice)
    assert panel.note_edit.toPlainText() == "Suivre la récolte"
    assert panel.note_edit.isEnabled() and not panel.note_edit.isReadOnly()


def test_select_highlight_and_edit_note(
    qtbot: QtBot, panel: AnnotationPanel, library: Library
) -> None:
    with qtbot.assertNotEmitted(panel.highlight_activated):
        assert panel.select_highlight(library.prefet.id)
    assert selected_id(panel) == library.prefet.id
    assert panel.color_box.currentData() == "pink"
    assert not panel.select_highlight(999)
    assert panel.edit_note(library.quote.id)
    assert selected_id(panel) == library.quote.id
    qtbot.waitUntil(panel.note_edit.hasFocus)


# -- editing ---------------------------------------------------------------------------------


def test_note_saved_on_ctrl_return_and_undone(
    qtbot: QtBot, panel: AnnotationPanel, annotations: Annotations, library: Library
) -> None:
    click(qtbot, panel, library.evac)
    replace_text(qtbot, panel.note_edit, "Bilan officiel : 212 familles.")
    with qtbot.waitSignal(panel.note_editing_finished) as finished:
        qtbot.keyClick(panel.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert finished.args == [library.evac.id]
    assert library.get(library.evac).note == "Bilan officiel : 212 familles."
    # More words on the same note are one undo step with the first.
    type_text(qtbot, panel.note_edit, " Source : préfecture.")
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert library.get(library.evac).note == "Bilan officiel : 212 familles. Source : préfecture."
    assert annotations.undo_stack.count() == 1
    annotations.undo_stack.undo()
    assert library.get(library.evac).note == "Chiffre officiel ?"
    assert panel.note_edit.toPlainText() == "Chiffre officiel ?"
    assert panel.model.index(1, 0).data(HighlightRole.Highlight).note == "Chiffre officiel ?"


def test_note_saved_on_focus_out_and_after_a_pause(
    qtbot: QtBot, panel: AnnotationPanel, library: Library
) -> None:
    click(qtbot, panel, library.crue)
    replace_text(qtbot, panel.note_edit, "Trois quartiers : Bagadadji, Missira, Hamdallaye.")
    assert library.get(library.crue).note == ""
    panel.tags_edit.setFocus()  # the user moves on
    qtbot.waitUntil(lambda: library.get(library.crue).note.startswith("Trois quartiers"))
    # Typing, then a pause: saved without leaving the editor.
    qtbot.mouseClick(panel.note_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, panel.note_edit, " À vérifier.")
    assert panel.note_edit.hasFocus()
    qtbot.waitUntil(lambda: library.get(library.crue).note.endswith("À vérifier."), timeout=3000)
    assert panel.note_edit.toPlainText().endswith("À vérifier.")


def test_colour_changed_and_undone(
    qtbot: QtBot, panel: AnnotationPanel, annotations: Annotations, library: Library
) -> None:
    click(qtbot, panel, library.prefet)
    assert panel.color_box.currentData() == "pink"
    qtbot.keyClick(panel.color_box, Qt.Key.Key_Down)
    assert library.get(library.prefet).color == "orange"
    assert panel.model.index(3, 0).data(HighlightRole.Highlight).color == "orange"
    annotations.undo_stack.undo()
    assert library.get(library.prefet).color == "pink"
    assert panel.color_box.currentData() == "pink"
    assert selected_id(panel) == library.prefet.id


def test_tags_changed_with_completion_and_undone(
    qtbot: QtBot, panel: AnnotationPanel, annotations: Annotations, library: Library
) -> None:
    click(qtbot, panel, library.quote)
    replace_text(qtbot, panel.tags_edit, "lieu/Ségou, coun")
    assert panel.tags_edit.completer_popup_visible()  # "country/Mali" is known
    qtbot.keyClick(panel.tags_edit, Qt.Key.Key_Escape)
    qtbot.keyClicks(panel.tags_edit, "try/Mali")
    qtbot.keyClick(panel.tags_edit, Qt.Key.Key_Return)
    assert library.get(library.quote).tags == ("country/Mali", "lieu/Ségou")
    assert panel.tags_edit.text() == "country/Mali, lieu/Ségou"
    annotations.undo_stack.undo()
    assert library.get(library.quote).tags == ()
    assert panel.tags_edit.text() == ""


def test_an_empty_tag_is_refused_with_a_message(
    qtbot: QtBot, panel: AnnotationPanel, annotations: Annotations, library: Library
) -> None:
    click(qtbot, panel, library.evac)
    replace_text(qtbot, panel.tags_edit, "   ")
    qtbot.keyClick(panel.tags_edit, Qt.Key.Key_Return)
    assert panel.message_label.isVisible()
    assert panel.message_label.text() == "a tag name cannot be empty"
    assert library.get(library.evac).tags == ("country/Mali",)
    assert annotations.undo_stack.count() == 0
    assert panel.tags_edit.text() == "   "  # what was typed stays, to be fixed
    # A good edit clears the message.
    replace_text(qtbot, panel.tags_edit, "country/Mali, theme/crue")
    qtbot.keyClick(panel.tags_edit, Qt.Key.Key_Return)
    assert library.get(library.evac).tags == ("country/Mali", "theme/crue")
    assert not panel.message_label.isVisible()


def test_delete_button_and_key_undone(
    qtbot: QtBot, panel: AnnotationPanel, annotations: Annotations, library: Library
) -> None:
    click(qtbot, panel, library.evac)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert [h.id for h in library.store.highlights.list()].count(library.evac.id) == 0
    assert "La protection civile a évacué près de deux cents familles" not in rows(panel)
    assert selected_id(panel) == library.quote.id  # the next one, ready for another Delete
    annotations.undo_stack.undo()
    restored = library.get(library.evac)
    assert (restored.note, restored.tags) == ("Chiffre officiel ?", ("country/Mali",))
    assert rows(panel)[1] == "La protection civile a évacué près de deux cents familles"
    # The Delete key in the list, on an orphaned one.
    click(qtbot, panel, library.rice)
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Delete)
    assert RICE not in rows(panel)
    assert "Orphaned — no longer in the article" not in rows(panel)
    annotations.undo_stack.undo()
    assert rows(panel)[-1] == RICE
    assert library.get(library.rice).note == "Suivre la récolte"


# -- changes from elsewhere -----------------------------------------------------------------


def test_showing_the_article_again_reads_new_colour_meanings(
    qtbot: QtBot, panel: AnnotationPanel, store: Store, library: Library
) -> None:
    click(qtbot, panel, library.prefet)
    replace_text(qtbot, panel.note_edit, "En attente")
    store.highlights.set_color_meaning("pink", "à vérifier")
    panel.show_article(library.article_id)
    assert panel.color_box.currentText() == "à vérifier"
    assert selected_id(panel) == library.prefet.id
    assert panel.note_edit.toPlainText() == "En attente"


def test_reload_keeps_the_selection_and_the_note_being_typed(
    qtbot: QtBot, panel: AnnotationPanel, annotations: Annotations, library: Library
) -> None:
    click(qtbot, panel, library.evac)
    replace_text(qtbot, panel.note_edit, "Brouillon : chiffres à recouper")
    # Meanwhile, another view of the app edits another highlight of the article.
    with qtbot.waitSignal(annotations.changed):
        annotations.edit_highlight(library.crue.id, color="blue", tags=["theme/crue"])
    assert panel.model.index(0, 0).data(HighlightRole.Highlight).color == "blue"
    assert selected_id(panel) == library.evac.id
    assert panel.note_edit.toPlainText() == "Brouillon : chiffres à recouper"
    assert panel.note_edit.hasFocus()
    # The tag just made is offered by the tag field.
    replace_text(qtbot, panel.tags_edit, "crue")
    assert panel.tags_edit.completer_popup_visible()
    qtbot.keyClick(panel.tags_edit, Qt.Key.Key_Escape)
    assert panel.note_edit.toPlainText() == "Brouillon : chiffres à recouper"
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert library.get(library.evac).note == "Brouillon : chiffres à recouper"


def test_a_highlight_deleted_elsewhere_keeps_the_note_typed(
    qtbot: QtBot, panel: AnnotationPanel, annotations: Annotations, library: Library
) -> None:
    click(qtbot, panel, library.evac)
    replace_text(qtbot, panel.note_edit, "Ne pas perdre ceci")
    annotations.delete_highlight(library.evac.id)  # from the reader, say
    assert panel.note_edit.toPlainText() == "Ne pas perdre ceci"
    assert panel.note_edit.isReadOnly()
    assert "deleted elsewhere" in panel.message_label.text()
    assert selected_id(panel) is None


def test_writing_to_a_highlight_that_went_says_so(
    qtbot: QtBot, panel: AnnotationPanel, store: Store, library: Library
) -> None:
    click(qtbot, panel, library.prefet)
    store.highlights.delete(library.prefet.id)  # behind the app's back: no signal
    qtbot.keyClick(panel.color_box, Qt.Key.Key_Down)
    assert panel.message_label.text() == "This highlight was deleted elsewhere."
    assert "Le préfet promet des tentes et des vivres" not in rows(panel)


def test_editing_highlights_whose_article_went(
    qtbot: QtBot, panel: AnnotationPanel, store: Store, library: Library
) -> None:
    store.remove_feed(library.feed_id)  # the article goes; its highlights stay, orphaned
    click(qtbot, panel, library.quote)
    replace_text(qtbot, panel.note_edit, "Témoignage recueilli par l'AFP")
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = library.get(library.quote)
    assert saved.orphaned and saved.article_id is None
    assert saved.note == "Témoignage recueilli par l'AFP"
    assert not panel.message_label.isVisible()
    assert len(panel.model.highlights()) == 5


def test_set_store(
    qtbot: QtBot,
    panel: AnnotationPanel,
    annotations: Annotations,
    tmp_path: Path,
    clock: Clock,
) -> None:
    with Store(tmp_path / "other.sqlite3", clock=clock) as other:
        fid = other.add_feed("https://autre.example/rss").id
        other.store_parsed_feed(fid, feed(entry("x", "Kayes", "Le barrage de Félou est achevé.")))
        article = other.list_articles()[0].id
        other.highlights.add_quote(article, "barrage de Félou", tags=["énergie"])
        panel.set_store(other)
        annotations.set_store(other)
        assert panel.model.rowCount() == 0
        assert "Open an article" in panel.empty_label.text()
        panel.show_article(article)
        assert rows(panel) == ["barrage de Félou"]
        click(qtbot, panel, other.highlights.list()[0])
        # The other library's tags are offered.
        replace_text(qtbot, panel.tags_edit, "éner")
        assert panel.tags_edit.completer_popup_visible()
