"""Undo and redo of every change to highlights, notes and tags."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reader.core.errors import InvalidTagError, ReaderError
from reader.core.storage import Store
from reader.ui.annotations import Annotations, Change
from tests.factories import entry, feed

TEXT = (
    "La commission électorale a publié samedi le calendrier du scrutin. "
    "Les partis d'opposition dénoncent un délai « trop court » pour faire campagne."
)


@pytest.fixture
def article_id(store: Store) -> int:
    fid = store.add_feed("https://presse.example/rss").id
    store.store_parsed_feed(fid, feed(entry("a1", "Calendrier électoral", TEXT)))
    return store.list_articles()[0].id


@pytest.fixture
def annotations(store: Store, qtbot: QtBot) -> Annotations:
    return Annotations(store)


def test_a_highlight_is_undone_and_redone_with_its_id(
    store: Store, annotations: Annotations, article_id: int, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(annotations.changed) as signal:
        made = annotations.add_highlight(article_id, "le calendrier du scrutin", color="pink")
    assert signal.args == [Change(frozenset({article_id}), tags=False)]
    stack = annotations.undo_stack
    assert stack.undoText() == "Highlight “le calendrier du scrutin”"

    stack.undo()
    assert store.highlights.list() == []
    stack.redo()
    assert store.highlights.list() == [made]


def test_note_edits_merge_into_one_step(
    store: Store, annotations: Annotations, article_id: int
) -> None:
    h = annotations.add_highlight(article_id, "trop court", note="")
    annotations.edit_highlight(h.id, note="Délai")
    annotations.edit_highlight(h.id, note="Délai de campagne")
    annotations.edit_highlight(h.id, color="orange", tags=["actor/opposition"])

    stack = annotations.undo_stack
    assert stack.count() == 3  # highlight, note (merged), colour and tags
    stack.undo()
    assert store.highlights.get(h.id).tags == ()
    assert store.highlights.get(h.id).note == "Délai de campagne"
    stack.undo()
    assert store.highlights.get(h.id).note == ""
    stack.redo()
    stack.redo()
    edited = store.highlights.get(h.id)
    assert (edited.note, edited.color, edited.tags) == (
        "Délai de campagne",
        "orange",
        ("actor/opposition",),
    )


def test_an_edit_that_changes_nothing_is_not_a_step(
    annotations: Annotations, article_id: int
) -> None:
    h = annotations.add_highlight(article_id, "trop court", note="n")
    annotations.edit_highlight(h.id, note=" n ")
    assert annotations.undo_stack.count() == 1


def test_a_deleted_highlight_comes_back_with_its_note_and_tags(
    store: Store, annotations: Annotations, article_id: int
) -> None:
    h = annotations.add_highlight(article_id, "trop court", note="à suivre", tags=["x"])
    annotations.delete_highlight(h.id)
    assert store.highlights.list() == []
    annotations.undo_stack.undo()
    assert store.highlights.get(h.id) == h
    annotations.undo_stack.redo()
    assert store.highlights.list() == []


def test_article_tags_undo_only_what_they_added(
    store: Store, annotations: Annotations, article_id: int
) -> None:
    store.tag_article(article_id, ["Mali"])
    assert annotations.tag_article(article_id, ["mali", "élections"]) == ("Mali", "élections")
    annotations.undo_stack.undo()
    assert store.get_article(article_id).tags == ("Mali",)
    annotations.untag_article(article_id, ["MALI"])
    assert store.get_article(article_id).tags == ()
    annotations.undo_stack.undo()
    assert store.get_article(article_id).tags == ("Mali",)
    with pytest.raises(InvalidTagError):
        annotations.tag_article(article_id, ["  "])
    assert annotations.undo_stack.count() == 1  # the untagging replaced the undone tagging


def test_renaming_merging_and_deleting_tags_undo(
    store: Store, annotations: Annotations, article_id: int
) -> None:
    store.tag_article(article_id, ["Mali", "country/Mali"])
    h = annotations.add_highlight(article_id, "trop court", tags=["Mali"])
    before = store.tags.summary()

    annotations.rename_tag("Mali", "country/Mali")
    assert [t.name for t in store.tags.summary()] == ["country/Mali"]
    annotations.undo_stack.undo()
    assert store.tags.summary() == before
    assert store.highlights.get(h.id).tags == ("Mali",)

    annotations.set_tag_color("Mali", "#ff0000")
    annotations.delete_tag("Mali")
    assert store.highlights.get(h.id).tags == ()
    annotations.undo_stack.undo()
    annotations.undo_stack.undo()
    assert store.tags.summary() == before
    annotations.undo_stack.redo()
    assert store.tags.summary()[-1].color == "#ff0000"


def test_an_undo_that_cannot_be_done_says_why(
    store: Store, annotations: Annotations, article_id: int, qtbot: QtBot
) -> None:
    annotations.tag_article(article_id, ["Mali"])
    store.remove_feed(store.get_article(article_id).feed_id)
    with qtbot.waitSignal(annotations.failed) as failed:
        annotations.undo_stack.undo()
    assert "no article" in failed.args[0]


def test_mistakes_push_nothing(annotations: Annotations, article_id: int) -> None:
    with pytest.raises(ReaderError, match="not in the article"):
        annotations.add_highlight(article_id, "absent du texte")
    with pytest.raises(ReaderError, match="no highlight"):
        annotations.delete_highlight(999)
    assert annotations.undo_stack.count() == 0
