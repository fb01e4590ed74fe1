"""The Highlights window: filtering, sorting, going to a passage, editing through Annotations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from reader.core import fold
from reader.core.storage import Store
from reader.core.types import Highlight
from reader.ui.annotations import Annotations
from reader.ui.highlight_filter import (
    ARTICLE_COLUMN,
    DATE_COLUMN,
    NOTE_COLUMN,
    PASSAGE_COLUMN,
    SOURCE_COLUMN,
    TAGS_COLUMN,
    HighlightFilter,
)
from reader.ui.highlights_model import HighlightRole, HighlightsModel
from reader.ui.highlights_view import HighlightsWindow
from tests.factories import entry, feed
from tests.ui.pictures import assert_not_blank

MALI = (
    "Le gouvernement malien et ses voisins ont signé à Bamako un accord de coopération "
    "sécuritaire. Les ministres réunis jeudi ont promis des patrouilles communes le long de "
    "la frontière. « Nous devons agir ensemble », a déclaré la ministre de la Défense."
)
SORGHO = (
    "La récolte de sorgho dépasse les prévisions dans la région de Tillabéri. Les éleveurs "
    "s'inquiètent pourtant de la sécheresse annoncée pour l'été prochain."
)
PRICES = (
    "Food prices rose by twelve percent in October, the statistics office said. Traders in "
    "Mopti blame the closed border and the cost of fuel."
)
RADIO = (
    "Les enseignants de Gao ont repris les cours lundi après trois semaines de grève. Le "
    "syndicat attend toujours le versement des primes promises."
)


def noon(day: int) -> datetime:
    return datetime(2026, 11, day, 12, 0, tzinfo=UTC)


@dataclass
class Library:
    """The test library: three feeds, four articles, seven highlights."""

    store: Store
    sahel: int
    courier: int
    radio: int
    accord: Highlight  # Mali article, yellow, note, country/Mali + theme/security
    patrols: Highlight  # Mali article, green, theme/security
    harvest: Highlight  # sorghum article, blue, note
    drought: Highlight  # sorghum article, pink, country/Niger
    prices: Highlight  # prices article, orange, countryside + economy/prices
    traders: Highlight  # prices article, yellow, a note with « coopération », country/Mali
    strike: Highlight  # Radio Brousse article, green

    @property
    def all(self) -> list[Highlight]:
        return [
            self.accord,
            self.patrols,
            self.harvest,
            self.drought,
            self.prices,
            self.traders,
            self.strike,
        ]


def add_feed(store: Store, url: str, title: str, *entries: tuple[str, str, str, int]) -> int:
    feed_id = store.add_feed(url).id
    store.store_parsed_feed(
        feed_id,
        feed(
            *(entry(key, head, text, published=noon(day)) for key, head, text, day in entries),
            title=title,
        ),
    )
    return feed_id


def article_id(store: Store, title: str) -> int:
    return next(a.id for a in store.list_articles() if a.title == title)


@pytest.fixture
def library(store: Store) -> Library:
    sahel = add_feed(
        store,
        "https://sahel.example/rss",
        "Le Sahel Quotidien",
        ("mali", "Coopération sécuritaire au Mali", MALI, 20),
        ("sorgho", "Récolte record à Tillabéri", SORGHO, 24),
    )
    courier = add_feed(
        store,
        "https://courier.example/feed",
        "Daily Courier",
        ("prices", "Food prices climb in the Sahel", PRICES, 27),
    )
    radio = add_feed(
        store,
        "https://radio.example/rss",
        "Radio Brousse",
        ("greve", "Fin de la grève à Gao", RADIO, 26),
    )
    add = store.highlights.add_quote
    mali = article_id(store, "Coopération sécuritaire au Mali")
    sorgho = article_id(store, "Récolte record à Tillabéri")
    prices = article_id(store, "Food prices climb in the Sahel")
    greve = article_id(store, "Fin de la grève à Gao")
    return Library(
        store=store,
        sahel=sahel,
        courier=courier,
        radio=radio,
        accord=add(
            mali,
            "un accord de coopération sécuritaire",
            note="Premier accord depuis 2020",
            tags=["country/Mali", "theme/security"],
        ),
        patrols=add(mali, "patrouilles communes", color="green", tags=["theme/security"]),
        harvest=add(
            sorgho,
            "La récolte de sorgho dépasse les prévisions",
            color="blue",
            note="Bonne nouvelle, à confirmer",
        ),
        drought=add(sorgho, "la sécheresse annoncée", color="pink", tags=["country/Niger"]),
        prices=add(
            prices,
            "Food prices rose by twelve percent",
            color="orange",
            tags=["countryside", "economy/prices"],
        ),
        traders=add(
            prices,
            "Traders in Mopti blame the closed border",
            note="Voir la « coopération » douanière avec le Burkina",
            tags=["country/Mali"],
        ),
        strike=add(greve, "ont repris les cours lundi", color="green"),
    )


@pytest.fixture
def annotations(store: Store, qtbot: QtBot) -> Annotations:
    return Annotations(store)


@pytest.fixture
def window(qtbot: QtBot, library: Library, annotations: Annotations) -> HighlightsWindow:
    shown = HighlightsWindow(library.store, annotations)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def shown(model: HighlightsModel) -> list[Highlight]:
    rows = [model.highlight_at(row) for row in range(model.rowCount())]
    assert all(h is not None for h in rows)
    return rows  # type: ignore[return-value]


def ids(highlights: list[Highlight]) -> set[int]:
    return {h.id for h in highlights}


def filtered(window: HighlightsWindow, **criteria: object) -> set[int]:
    window.model.set_filter(HighlightFilter(**criteria))  # type: ignore[arg-type]
    return ids(shown(window.model))


def row_index(window: HighlightsWindow, highlight: Highlight, column: int = 0) -> QModelIndex:
    row = window.model.row_of(highlight.id)
    assert row >= 0, "the highlight is not shown"
    return window.model.index(row, column)


def menu_action(window: HighlightsWindow, highlight: Highlight, name: str) -> QAction:
    action = window.context_menu(highlight).findChild(QAction, name)
    assert action is not None, name
    return action


# -- filtering ------------------------------------------------------------------------------


def test_every_highlight_is_listed_with_its_count(
    window: HighlightsWindow, library: Library
) -> None:
    assert ids(shown(window.model)) == ids(library.all)
    assert window.count_label.text() == "7 of 7 highlights"


def test_text_ignores_accents_and_case_in_quote_note_title_and_tags(
    window: HighlightsWindow, library: Library
) -> None:
    # The quote and the article's title say « coopération »; the note of "traders" says it too.
    assert filtered(window, text="cooperation") == ids(
        [library.accord, library.patrols, library.traders]
    )
    assert filtered(window, text="SECHERESSE") == {library.drought.id}
    assert filtered(window, text="à confirmer") == {library.harvest.id}
    assert filtered(window, text="security") == ids([library.accord, library.patrols])


def test_every_word_of_the_text_must_match(window: HighlightsWindow, library: Library) -> None:
    assert filtered(window, text="cooperation douaniere") == {library.traders.id}
    assert filtered(window, text="cooperation zeppelin") == set()


def test_a_tag_matches_the_tags_below_it_but_not_longer_names(
    window: HighlightsWindow, library: Library
) -> None:
    assert filtered(window, tag="Country") == ids(
        [library.accord, library.drought, library.traders]
    )
    assert filtered(window, tag="country/mali") == ids([library.accord, library.traders])
    assert filtered(window, tag="countryside") == {library.prices.id}
    assert filtered(window, tag="count") == set()


def test_the_tag_box_filters_by_what_is_typed_or_chosen(
    window: HighlightsWindow, library: Library
) -> None:
    box = window.tag_box
    assert box.itemText(0) == "All tags"
    assert [box.itemText(i) for i in range(1, box.count())] == library.store.tags.names()
    box.setEditText("theme")
    window.apply_filter()
    assert ids(shown(window.model)) == ids([library.accord, library.patrols])
    box.setCurrentIndex(box.findText("country/Niger"))
    window.apply_filter()
    assert ids(shown(window.model)) == {library.drought.id}
    box.setCurrentIndex(0)
    window.apply_filter()
    assert window.model.rowCount() == 7


def test_the_colour_box_lists_each_colour_with_its_meaning_and_filters(
    window: HighlightsWindow, library: Library
) -> None:
    box = window.color_box
    assert box.itemText(0) == "All colours"
    assert box.itemText(1) == "Yellow — key fact"
    assert not box.itemIcon(1).isNull()
    box.setCurrentIndex(box.findData("green"))
    assert ids(shown(window.model)) == ids([library.patrols, library.strike])
    assert window.count_label.text() == "2 of 7 highlights"


def test_the_feed_box_filters_by_source(window: HighlightsWindow, library: Library) -> None:
    box = window.feed_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "All feeds",
        "Le Sahel Quotidien",
        "Daily Courier",
        "Radio Brousse",
    ]
    box.setCurrentIndex(box.findData(library.courier))
    assert ids(shown(window.model)) == ids([library.prices, library.traders])


def test_date_bounds_are_inclusive_days(window: HighlightsWindow, library: Library) -> None:
    assert filtered(window, since=date(2026, 11, 24), until=date(2026, 11, 26)) == ids(
        [library.harvest, library.drought, library.strike]
    )
    assert filtered(window, until=date(2026, 11, 20)) == ids([library.accord, library.patrols])
    assert filtered(window, since=date(2026, 11, 27)) == ids([library.prices, library.traders])


def test_the_date_controls_are_unbounded_until_checked(
    window: HighlightsWindow, library: Library
) -> None:
    assert not window.since_edit.isEnabled()
    assert window.current_filter().since is None
    window.since_edit.setDate(date(2026, 11, 26))
    assert window.model.rowCount() == 7
    window.since_check.setChecked(True)
    assert window.since_edit.isEnabled()
    assert ids(shown(window.model)) == ids([library.prices, library.traders, library.strike])
    window.until_check.setChecked(True)
    window.until_edit.setDate(date(2026, 11, 26))
    assert ids(shown(window.model)) == {library.strike.id}


def test_orphaned_only_shows_changed_and_deleted_articles(
    window: HighlightsWindow, library: Library
) -> None:
    store = library.store
    # The sorghum article is rewritten without "la sécheresse annoncée"; Radio Brousse goes.
    store.store_parsed_feed(
        library.sahel,
        feed(
            entry(
                "sorgho",
                "Récolte record à Tillabéri",
                SORGHO.split(" Les éleveurs")[0],
                published=noon(24),
            ),
            title="Le Sahel Quotidien",
        ),
    )
    store.remove_feed(library.radio)
    window.reload()
    window.orphaned_check.setChecked(True)
    assert ids(shown(window.model)) == ids([library.drought, library.strike])
    assert window.count_label.text() == "2 of 7 highlights"


def test_typing_filters_after_a_pause(qtbot: QtBot, window: HighlightsWindow) -> None:
    qtbot.keyClicks(window.search_box, "sorgho")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.model.filter.text == "sorgho"


def test_set_filter_shows_it_in_the_controls(window: HighlightsWindow, library: Library) -> None:
    wanted = HighlightFilter(
        text="prices",
        tag="economy",
        color="orange",
        feed_id=library.courier,
        since=date(2026, 11, 1),
    )
    window.set_filter(wanted)
    assert window.current_filter() == wanted
    assert ids(shown(window.model)) == {library.prices.id}
    window.clear_filters()
    assert window.current_filter() == HighlightFilter()
    assert window.model.rowCount() == 7


def test_fold_drops_case_and_accents() -> None:
    assert fold("« Coopération » à Ségou, ÉTÉ") == "« cooperation » a segou, ete"
    assert fold("Straße") == "strasse"


# -- the model --------------------------------------------------------------------------------


@pytest.mark.parametrize("force_py", [False, True])
def test_the_model_passes_the_model_tester(qtmodeltester, library: Library, force_py: bool) -> None:
    model = HighlightsModel(library.store)
    qtmodeltester.check(model, force_py=force_py)
    model.set_filter(HighlightFilter(tag="country"))
    model.sort(SOURCE_COLUMN, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=force_py)


def test_cells_show_the_passage_with_its_colour_and_the_rest(
    window: HighlightsWindow, library: Library
) -> None:
    model = window.model
    h = library.traders

    def cell(column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return model.data(row_index(window, h, column), role)

    assert cell(PASSAGE_COLUMN) == "Traders in Mopti blame the closed border"
    assert cell(NOTE_COLUMN) == "Voir la « coopération » douanière avec le Burkina"
    assert cell(TAGS_COLUMN) == "country/Mali"
    assert cell(ARTICLE_COLUMN) == "Food prices climb in the Sahel"
    assert cell(SOURCE_COLUMN) == "Daily Courier"
    assert "27" in str(cell(DATE_COLUMN))
    assert cell(PASSAGE_COLUMN, HighlightRole) == h
    assert cell(PASSAGE_COLUMN, Qt.ItemDataRole.ToolTipRole) == (
        "Yellow — key fact\n\n“Traders in Mopti blame the closed border”"
    )
    assert not cell(PASSAGE_COLUMN, Qt.ItemDataRole.DecorationRole).isNull()  # type: ignore[attr-defined]


def test_orphaned_passages_say_why_in_italics(window: HighlightsWindow, library: Library) -> None:
    library.store.remove_feed(library.radio)
    window.reload()
    index = row_index(window, library.strike)
    assert window.model.data(index, Qt.ItemDataRole.FontRole).italic()
    assert "Article deleted" in window.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert window.model.data(row_index(window, library.accord), Qt.ItemDataRole.FontRole) is None


def test_sorting_by_a_column_and_back_by_date(window: HighlightsWindow, library: Library) -> None:
    model = window.model
    # Newest articles first by default; highlights of one article in reading order.
    assert [h.id for h in shown(model)][:2] == [library.prices.id, library.traders.id]
    assert shown(model)[-1].id in ids([library.accord, library.patrols])

    window.view.sortByColumn(SOURCE_COLUMN, Qt.SortOrder.AscendingOrder)
    sources = [h.feed_title for h in shown(model)]
    assert sources == sorted(sources, key=str.casefold)
    assert sources[0] == "Daily Courier"

    window.view.sortByColumn(PASSAGE_COLUMN, Qt.SortOrder.DescendingOrder)
    quotes = [fold(h.exact) for h in shown(model)]
    assert quotes == sorted(quotes, reverse=True)

    window.view.sortByColumn(DATE_COLUMN, Qt.SortOrder.AscendingOrder)
    days = [h.published for h in shown(model)]
    assert days == sorted(days)  # type: ignore[type-var]


def test_sorting_keeps_the_filter_and_the_selection(
    window: HighlightsWindow, library: Library
) -> None:
    window.model.set_filter(HighlightFilter(tag="country"))
    window.select_highlight(library.drought.id)
    window.view.sortByColumn(ARTICLE_COLUMN, Qt.SortOrder.AscendingOrder)
    assert window.model.rowCount() == 3
    assert window.selected_highlight() == library.drought


# -- going to a passage -----------------------------------------------------------------------


def test_double_click_asks_for_the_passage(
    qtbot: QtBot, window: HighlightsWindow, library: Library
) -> None:
    rect = window.view.visualRect(row_index(window, library.harvest, NOTE_COLUMN))
    viewport = window.view.viewport()
    with qtbot.waitSignal(window.passage_requested) as signal:
        # A real double click: QTest's double click alone lacks the press the view expects.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [library.harvest]


def test_enter_asks_for_the_current_passage(
    qtbot: QtBot, window: HighlightsWindow, library: Library
) -> None:
    window.select_highlight(library.drought.id)
    with qtbot.waitSignal(window.passage_requested) as signal:
        qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert signal.args == [library.drought]
    with qtbot.waitSignal(window.passage_requested) as signal:
        menu_action(window, library.accord, "go-to-passage").trigger()
    assert signal.args == [library.accord]


def test_a_highlight_whose_article_is_gone_cannot_be_opened_and_says_why(
    qtbot: QtBot, window: HighlightsWindow, library: Library
) -> None:
    library.store.remove_feed(library.radio)
    window.reload()
    gone = library.store.highlights.get(library.strike.id)
    assert gone.article_id is None and gone.exact == library.strike.exact

    go = menu_action(window, gone, "go-to-passage")
    assert not go.isEnabled()
    assert "deleted" in go.toolTip()
    window.select_highlight(gone.id)
    assert "was deleted" in window.status_label.text()
    with qtbot.assertNotEmitted(window.passage_requested):
        qtbot.keyClick(window.view, Qt.Key.Key_Return)
        assert not window.go_to_passage(gone)
    # The others still open.
    assert menu_action(window, library.patrols, "go-to-passage").isEnabled()


# -- editing through Annotations --------------------------------------------------------------


def test_editing_a_note_goes_through_annotations_and_undoes(
    monkeypatch: pytest.MonkeyPatch,
    window: HighlightsWindow,
    library: Library,
    annotations: Annotations,
) -> None:
    asked: list[str] = []

    def answer(parent: QWidget, title: str, label: str, text: str = "") -> tuple[str, bool]:
        asked.append(text)
        return "Accord signé à Bamako, à suivre", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", answer)
    menu_action(window, library.accord, "edit-note").trigger()
    assert asked == ["Premier accord depuis 2020"]
    assert library.store.highlights.get(library.accord.id).note == "Accord signé à Bamako, à suivre"
    note = row_index(window, library.accord, NOTE_COLUMN)
    assert window.model.data(note) == "Accord signé à Bamako, à suivre"

    annotations.undo_stack.undo()
    assert library.store.highlights.get(library.accord.id).note == "Premier accord depuis 2020"
    assert window.model.data(row_index(window, library.accord, NOTE_COLUMN)) == (
        "Premier accord depuis 2020"
    )


def test_a_cancelled_note_dialog_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
    window: HighlightsWindow,
    library: Library,
    annotations: Annotations,
) -> None:
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args: ("ignored", False))
    menu_action(window, library.harvest, "edit-note").trigger()
    assert library.store.highlights.get(library.harvest.id).note == library.harvest.note
    assert annotations.undo_stack.count() == 0


def test_the_colour_submenu_recolours_undoably(
    window: HighlightsWindow, library: Library, annotations: Annotations
) -> None:
    assert menu_action(window, library.accord, "colour-yellow").isChecked()
    menu_action(window, library.accord, "colour-pink").trigger()
    assert library.store.highlights.get(library.accord.id).color == "pink"
    window.color_box.setCurrentIndex(window.color_box.findData("pink"))
    assert ids(shown(window.model)) == ids([library.accord, library.drought])

    annotations.undo_stack.undo()
    assert library.store.highlights.get(library.accord.id).color == "yellow"
    assert ids(shown(window.model)) == {library.drought.id}


def test_deleting_from_the_menu_is_undone_with_note_and_tags(
    window: HighlightsWindow, library: Library, annotations: Annotations
) -> None:
    menu_action(window, library.traders, "delete-highlight").trigger()
    assert library.traders.id not in ids(library.store.highlights.list())
    assert window.model.row_of(library.traders.id) == -1
    assert window.count_label.text() == "6 of 6 highlights"
    assert "brings it back" in window.status_label.text()

    annotations.undo_stack.undo()
    assert library.store.highlights.get(library.traders.id) == library.traders
    assert window.model.row_of(library.traders.id) >= 0
    assert window.count_label.text() == "7 of 7 highlights"


def test_the_delete_key_deletes_and_ctrl_z_brings_back(
    qtbot: QtBot, window: HighlightsWindow, library: Library
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.view.setFocus()
    window.select_highlight(library.harvest.id)
    row = window.model.row_of(library.harvest.id)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert library.harvest.id not in ids(library.store.highlights.list())
    # The next highlight takes the deleted one's place, ready for another Delete.
    assert window.view.currentIndex().row() == row

    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert library.store.highlights.get(library.harvest.id) == library.harvest
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    assert library.harvest.id not in ids(library.store.highlights.list())


def test_copy_quote_puts_a_citation_on_the_clipboard(
    window: HighlightsWindow, library: Library
) -> None:
    menu_action(window, library.harvest, "copy-quote").trigger()
    text = QApplication.clipboard().text()
    assert text.startswith("“La récolte de sorgho dépasse les prévisions” — Le Sahel Quotidien, ")
    assert "24" in text.rsplit(",", 1)[1]


# -- following the library --------------------------------------------------------------------


def test_the_window_reloads_when_annotations_change(
    window: HighlightsWindow, library: Library, annotations: Annotations
) -> None:
    window.set_filter(HighlightFilter(tag="country"))
    window.select_highlight(library.traders.id)
    made = annotations.add_highlight(
        article_id(library.store, "Coopération sécuritaire au Mali"),
        "Les ministres réunis jeudi",
        tags=["country/Burkina Faso"],
    )
    assert window.model.row_of(made.id) >= 0
    assert window.count_label.text() == "4 of 8 highlights"
    assert window.selected_highlight() == library.traders
    assert window.tag_box.findText("country/Burkina Faso") > 0


def test_an_edit_reads_again_only_its_article(
    monkeypatch: pytest.MonkeyPatch,
    window: HighlightsWindow,
    library: Library,
    annotations: Annotations,
) -> None:
    listed: list[int | None] = []
    real = library.store.highlights.list

    def spy(**criteria: object) -> list[Highlight]:
        listed.append(criteria.get("article_id"))  # type: ignore[arg-type]
        return real(**criteria)  # type: ignore[arg-type]

    monkeypatch.setattr(library.store.highlights, "list", spy)
    annotations.edit_highlight(library.drought.id, note="Sécheresse : voir le rapport de l’ONG")
    assert listed == [library.drought.article_id]
    window.set_filter(HighlightFilter(text="secheresse rapport"))
    assert ids(shown(window.model)) == {library.drought.id}
    assert window.model.total == 7


def test_renaming_a_tag_reads_everything_again(
    window: HighlightsWindow, library: Library, annotations: Annotations
) -> None:
    annotations.rename_tag("country", "pays")
    assert window.tag_box.findText("pays/Mali") > 0
    assert window.tag_box.findText("country/Mali") < 0
    assert filtered(window, tag="pays") == ids([library.accord, library.drought, library.traders])
    annotations.undo_stack.undo()
    assert filtered(window, tag="country/mali") == ids([library.accord, library.traders])


def test_the_model_passes_the_model_tester_across_a_refresh(
    qtmodeltester, library: Library
) -> None:
    model = HighlightsModel(library.store)
    model.sort(DATE_COLUMN, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    library.store.highlights.delete(library.patrols.id)
    model.refresh_articles([library.patrols.article_id or 0])
    assert model.row_of(library.patrols.id) == -1
    assert model.total == 6


def test_a_hidden_window_catches_up_when_shown(
    window: HighlightsWindow, library: Library, annotations: Annotations
) -> None:
    window.hide()
    annotations.delete_highlight(library.patrols.id)
    assert window.model.row_of(library.patrols.id) >= 0  # not read again while hidden
    window.show()
    assert window.model.row_of(library.patrols.id) == -1


def test_set_store_shows_another_library(
    tmp_path, window: HighlightsWindow, library: Library
) -> None:
    window.feed_box.setCurrentIndex(window.feed_box.findData(library.radio))
    with Store(tmp_path / "other.sqlite3") as other:
        add_feed(other, "https://autre.example/rss", "Autre", ("x", "Un titre", RADIO, 22))
        made = other.highlights.add_quote(article_id(other, "Un titre"), "trois semaines de grève")
        window.set_store(other)
        assert [h.id for h in shown(window.model)] == [made.id]
        assert window.feed_box.currentIndex() == 0
        assert window.feed_box.itemText(1) == "Autre"


def test_every_control_has_an_accessible_name(window: HighlightsWindow) -> None:
    for widget in (
        window.search_box,
        window.tag_box,
        window.color_box,
        window.feed_box,
        window.since_check,
        window.since_edit,
        window.until_check,
        window.until_edit,
        window.orphaned_check,
        window.view,
        window.count_label,
    ):
        assert widget.accessibleName(), widget
    assert window.windowTitle() == "Highlights"
    assert window.isWindow()
    assert window.search_box.placeholderText() == "Filter highlights"


def test_screenshot_is_not_blank(window: HighlightsWindow) -> None:
    assert_not_blank(window.grab().toImage())
