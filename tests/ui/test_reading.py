"""Reading all day: whole-word highlights, a paragraph from the keyboard, the reading style
applied live, shortcut names a person reads, undo that says what it undoes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from reader.core.storage import Store
from reader.ui.highlight_marks import body_start
from reader.ui.keys import is_readable, shortcut_text
from reader.ui.mainwindow import MainWindow
from reader.ui.settings import AppSettings, Preferences, ReadingFont, ReadingStyle
from reader.ui.settings_dialog import SettingsDialog
from tests.ui.windows import select_row, when_dialog_opens

OBSERVATOIRE = "souveraineté sur les ressources, régulièrement invoquée par le colonel"


def open_article_with(window: MainWindow, passage: str) -> int:
    (article,) = [
        a for a in window.store.list_articles() if passage in window.store.get_article(a.id).text
    ]
    window.feed_view.setCurrentIndex(window.feed_model.index_for_smart("all"))
    select_row(window, window.article_model.row_of(article.id))
    assert window.reader_pane.current_article is not None
    return article.id


def drag_select(window: MainWindow, passage: str, *, cut_start: int, cut_end: int) -> None:
    """Select ``passage`` less ``cut_start`` characters at its start and ``cut_end`` at its
    end, as a drag that starts and ends inside words."""
    document = window.reader_view.document()
    found = document.find(passage, body_start(document))
    assert not found.isNull(), passage
    cursor = QTextCursor(document)
    cursor.setPosition(found.selectionStart() + cut_start)
    cursor.setPosition(found.selectionEnd() - cut_end, QTextCursor.MoveMode.KeepAnchor)
    window.reader_view.setTextCursor(cursor)


# -- whole words -----------------------------------------------------------------------------


def test_a_highlight_made_inside_words_takes_the_whole_words(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    passage = "le colonel Amadou Koïta-Sané"
    open_article_with(demo_window, "invoquée par le colonel Amadou Koïta-Sané")
    drag_select(demo_window, passage, cut_start=1, cut_end=len("-Sané") + 1)
    assert demo_window.reader_view.textCursor().selectedText() == "e colonel Amadou Koït"
    demo_window.selection_toolbar.color_chosen.emit("green")
    (highlight,) = demo_store.highlights.list()
    assert highlight.exact == passage and highlight.color == "green"
    painted = [m.cursor.selectedText() for m in demo_window.reader_view.extraSelections()]
    assert painted == [passage]


def test_an_apostrophe_keeps_its_word_whole(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    open_article_with(demo_window, "est que le contenu local profite")
    drag_select(demo_window, "l’occasion", cut_start=3, cut_end=2)
    qtbot.keyClick(demo_window.reader_view, Qt.Key.Key_H)
    assert [h.exact for h in demo_store.highlights.list()] == ["l’occasion"]


def test_p_highlights_the_paragraph_under_the_cursor(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    article_id = open_article_with(demo_window, OBSERVATOIRE)
    view = demo_window.reader_view
    document = view.document()
    cursor = document.find("régulièrement", body_start(document))
    cursor.clearSelection()
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_P)
    (highlight,) = demo_store.highlights.list()
    paragraph = cursor.block().text().strip()
    assert highlight.exact == paragraph and OBSERVATOIRE in paragraph
    assert highlight.article_id == article_id
    assert demo_window.acts.act_undo.text() == f"&Undo Highlight “{paragraph[:39]}…”"


def test_p_without_a_cursor_in_the_text_takes_the_first_paragraph_in_view(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    open_article_with(demo_window, OBSERVATOIRE)
    qtbot.keyClick(demo_window.reader_view, Qt.Key.Key_P)  # the cursor is on the title
    (highlight,) = demo_store.highlights.list()
    article = demo_store.get_article(highlight.article_id or 0)
    assert article.text.startswith(highlight.exact)


def test_p_scrolled_down_takes_the_first_paragraph_still_in_view(
    qtbot: QtBot, demo_window: MainWindow, demo_store: Store
) -> None:
    open_article_with(demo_window, OBSERVATOIRE)
    view = demo_window.reader_view
    document = view.document()
    first = document.findBlock(body_start(document))
    while not first.text().strip():
        first = first.next()
    second = first.next()
    while not second.text().strip():
        second = second.next()
    # Scrolled just past the first paragraph: the second one is the first in view.
    below_first = int(document.documentLayout().blockBoundingRect(first).bottom()) + 1
    view.verticalScrollBar().setValue(below_first)
    assert view.verticalScrollBar().value() == below_first
    qtbot.keyClick(view, Qt.Key.Key_P)
    (highlight,) = demo_store.highlights.list()
    assert highlight.exact == second.text().strip()


# -- undo names what it undoes ---------------------------------------------------------------


def test_undo_names_a_tag_change_a_colour_change_and_a_note(
    demo_window: MainWindow, demo_store: Store
) -> None:
    article_id = open_article_with(demo_window, OBSERVATOIRE)
    annotations = demo_window.annotations
    highlight = annotations.add_highlight(article_id, "régulièrement invoquée")
    annotations.edit_highlight(highlight.id, tags=["actor/junta"])
    assert demo_window.acts.act_undo.text() == "&Undo Change tags of “régulièrement invoquée”"
    annotations.edit_highlight(highlight.id, color="blue")
    assert demo_window.acts.act_undo.text() == "&Undo Change colour of “régulièrement invoquée”"
    annotations.edit_highlight(highlight.id, note="À vérifier")
    assert demo_window.acts.act_undo.text() == "&Undo Edit note on “régulièrement invoquée”"
    annotations.edit_highlight(highlight.id, color="pink", tags=[])
    assert demo_window.acts.act_undo.text() == "&Undo Edit highlight “régulièrement invoquée”"
    demo_window.acts.act_undo.trigger()
    assert demo_window.acts.act_undo.text() == "&Undo Edit note on “régulièrement invoquée”"
    assert demo_window.acts.act_redo.text() == "&Redo Edit highlight “régulièrement invoquée”"


# -- shortcuts -------------------------------------------------------------------------------


def test_dedicated_keys_are_not_listed() -> None:
    keys = [
        QKeySequence("Ctrl+Z"),
        QKeySequence(Qt.Key.Key_F14),  # Undo on a Sun keyboard, bound by KDE
        QKeySequence(Qt.Key.Key_Undo),
        QKeySequence(Qt.Key.Key_Find),
        QKeySequence("Alt+Backspace"),
        QKeySequence("F5"),
        QKeySequence("?"),
    ]
    assert shortcut_text(keys) == "Ctrl+Z, Alt+Backspace, F5, ?"
    assert not is_readable(QKeySequence())


def test_the_shortcuts_list_names_keys_a_person_reads(demo_window: MainWindow) -> None:
    rows = demo_window.acts.shortcut_list()
    for keys, label in rows:
        assert keys, f"{label} has no key listed"
        for part in keys.split(", "):
            assert is_readable(QKeySequence(part)), f"{label}: {part}"
    described = {label: keys for keys, label in rows}
    assert described["Highlight Paragraph"] == "P"
    assert described["Quit"] == "Ctrl+Q"
    assert described["Open in Browser"] == "O, Return"
    assert "Ctrl+Z" in described["Undo the last change to highlights, notes or tags"]


# -- the reading style -----------------------------------------------------------------------


def test_the_settings_edit_the_reading_style_live_and_cancel_puts_it_back(
    qtbot: QtBot, demo_window: MainWindow, app_settings: AppSettings
) -> None:
    open_article_with(demo_window, OBSERVATOIRE)
    demo_window.search_box.setText("souveraineté")
    demo_window.navigation.run_search()
    select_row(demo_window, 0)
    view = demo_window.reader_view
    before = view.reading_style()
    marks = len(view.extraSelections())
    assert marks > 0
    seen: list[ReadingStyle] = []

    def edit_then_cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog._font.setCurrentIndex(dialog._font.findData(ReadingFont.SERIF.value))
        dialog._column_width.setValue(60)
        seen.append(view.reading_style())
        assert len(view.extraSelections()) == marks  # the hits are still marked
        dialog.reject()

    when_dialog_opens(qtbot, edit_then_cancel)
    demo_window.dialogs.edit_preferences()
    assert seen == [ReadingStyle(font=ReadingFont.SERIF, column_width=60)]
    assert view.reading_style() == before
    assert app_settings.preferences().font is ReadingFont.SANS

    def edit_then_accept(dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog._line_spacing.setValue(170)
        dialog.accept()

    when_dialog_opens(qtbot, edit_then_accept)
    demo_window.dialogs.edit_preferences()
    assert view.reading_style().line_spacing == 170
    assert app_settings.preferences().line_spacing == 170


def test_the_reading_style_is_kept_and_read_back_within_limits(
    app_settings: AppSettings, tmp_path: Path
) -> None:
    prefs = Preferences(font=ReadingFont.SERIF, line_spacing=160, column_width=80)
    app_settings.save_preferences(prefs)
    assert app_settings.preferences() == prefs
    assert prefs.reading_style() == ReadingStyle(0, ReadingFont.SERIF, 160, 80)
    raw = app_settings.qsettings
    raw.setValue("reading/font", "comic")
    raw.setValue("reading/line_spacing", "lots")
    raw.setValue("reading/column_width", 9999)
    read = app_settings.preferences()
    assert (read.font, read.line_spacing, read.column_width) == (ReadingFont.SANS, 145, 120)


def test_the_settings_dialog_round_trips_the_reading_style(qtbot: QtBot, tmp_path: Path) -> None:
    prefs = Preferences(font_size=13, font=ReadingFont.SERIF, line_spacing=120, column_width=65)
    dialog = SettingsDialog(prefs, tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.preferences() == prefs
    with qtbot.waitSignal(dialog.reading_style_changed) as changed:
        dialog._font_size.setValue(15)
    assert changed.args == [ReadingStyle(15, ReadingFont.SERIF, 120, 65)]


# -- the empty state -------------------------------------------------------------------------


def test_the_empty_text_appears_once_after_searching_from_a_long_article(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    (longest,) = sorted(
        demo_window.store.list_articles(),
        key=lambda a: -len(demo_window.store.get_article(a.id).text),
    )[:1]
    demo_window.feed_view.setCurrentIndex(demo_window.feed_model.index_for_smart("all"))
    select_row(demo_window, demo_window.article_model.row_of(longest.id))
    view = demo_window.reader_view
    assert view.verticalScrollBar().maximum() > 0  # the article has a scroll bar
    qtbot.keyClicks(demo_window.search_box, "a")
    qtbot.keyClick(demo_window.search_box, Qt.Key.Key_Return)
    assert view.toPlainText() == "Select an article to read it"
    demo_window.search_box.clear()
    qtbot.keyClick(demo_window.search_box, Qt.Key.Key_Return)
    assert view.toPlainText() == "Select an article to read it"
