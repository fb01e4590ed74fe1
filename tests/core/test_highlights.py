"""Highlights in the library: creating, editing, re-anchoring on refresh, never losing one."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from reader.core.errors import (
    ArticleNotFoundError,
    HighlightNotFoundError,
    InvalidTagError,
    ReaderError,
    UnknownColorError,
)
from reader.core.storage import Store
from tests.factories import Clock, entry, feed

TEXT = (
    "Le gouvernement de transition a annoncé lundi la reprise de la coopération militaire. "
    "Les convois de ravitaillement circuleront de nouveau vers le nord du pays. "
    "Selon le ministre, « la sécurité des routes reste la priorité absolue ». "
    "Les observateurs restent prudents."
)


@pytest.fixture
def article_id(store: Store) -> int:
    fid = store.add_feed("https://presse.example/rss").id
    store.store_parsed_feed(fid, feed(entry("a1", "Reprise de la coopération", TEXT)))
    return store.list_articles()[0].id


def test_highlight_by_offsets_and_by_quote(store: Store, article_id: int) -> None:
    start = TEXT.index("Les convois")
    first = store.highlights.add(
        article_id,
        start - 1,
        start + len("Les convois de ravitaillement") + 1,
        color="green",
        note="  Route du nord  ",
        tags=["theme/logistique"],
    )
    assert first.exact == "Les convois de ravitaillement"  # surrounding spaces trimmed
    assert (first.start, first.end) == (start, start + len(first.exact))
    assert first.prefix == TEXT[max(0, start - 32) : start]
    assert (first.color, first.note, first.tags) == (
        "green",
        "Route du nord",
        ("theme/logistique",),
    )
    assert first.article_title == "Reprise de la coopération"
    assert first.feed_title == "Example news"
    # Straight quotes and a different space still find « … » in the text.
    second = store.highlights.add_quote(
        article_id, '"la  sécurité des routes reste la priorité absolue"', color="pink"
    )
    assert second.exact == "« la sécurité des routes reste la priorité absolue »"
    assert [h.id for h in store.highlights.list(article_id=article_id)] == [first.id, second.id]


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [(10, 10, "empty"), (85, 86, "empty")],
)
def test_empty_selections_are_refused(
    store: Store, article_id: int, start: int, end: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        store.highlights.add(article_id, start, end)
    assert store.highlights.list() == []


def test_quotes_not_found_or_ambiguous(store: Store, article_id: int) -> None:
    with pytest.raises(ValueError, match="not in the article"):
        store.highlights.add_quote(article_id, "une phrase absente")
    with pytest.raises(ValueError, match="appears 2 times"):
        store.highlights.add_quote(article_id, "Les ")
    picked = store.highlights.add_quote(article_id, "Les", occurrence=2)
    assert picked.start == TEXT.index("Les observateurs")


def test_bad_colour_tag_article_and_id(store: Store, article_id: int) -> None:
    with pytest.raises(UnknownColorError, match="unknown colour 'purple'"):
        store.highlights.add_quote(article_id, "Les observateurs", color="purple")
    with pytest.raises(InvalidTagError):
        store.highlights.add_quote(article_id, "Les observateurs", tags=["   "])
    with pytest.raises(ArticleNotFoundError):
        store.highlights.add_quote(999, "x")
    with pytest.raises(HighlightNotFoundError):
        store.highlights.update(42, note="x")
    assert store.highlights.list() == []


def test_edit_and_delete(store: Store, article_id: int, clock: Clock) -> None:
    h = store.highlights.add_quote(article_id, "Les observateurs restent prudents")
    clock.advance(minutes=5)
    edited = store.highlights.update(h.id, color="blue", note="à suivre", tags=["actor/junta"])
    assert (edited.color, edited.note, edited.tags) == ("blue", "à suivre", ("actor/junta",))
    assert edited.updated > edited.created
    assert [x.id for x in store.highlights.list(tag="actor")] == [h.id]
    assert store.highlights.list(color="yellow") == []
    # Tags are shared with articles.
    assert ("actor/junta", 0) in store.list_tags()
    assert store.highlights.delete(h.id).note == "à suivre"
    assert store.highlights.list() == []


def test_colour_meanings_are_editable(store: Store) -> None:
    assert [c.name for c in store.highlights.colors()] == [
        "yellow",
        "green",
        "blue",
        "pink",
        "orange",
    ]
    store.highlights.set_color_meaning("pink", "  à vérifier ")
    assert {c.name: c.meaning for c in store.highlights.colors()}["pink"] == "à vérifier"
    with pytest.raises(UnknownColorError):
        store.highlights.set_color_meaning("mauve", "x")


def test_filter_by_feed_and_date(store: Store, article_id: int, clock: Clock) -> None:
    article = store.get_article(article_id)
    assert article.published is not None
    h = store.highlights.add_quote(article_id, "Les convois")
    assert (h.feed_id, h.published) == (article.feed_id, article.published)
    other = store.add_feed("https://autre.example/rss").id
    assert [x.id for x in store.highlights.list(feed_id=article.feed_id)] == [h.id]
    assert store.highlights.list(feed_id=other) == []
    day = timedelta(days=1)
    assert [x.id for x in store.highlights.list(since=article.published)] == [h.id]
    assert store.highlights.list(since=article.published + day) == []
    assert store.highlights.list(until=article.published) == []
    assert [x.id for x in store.highlights.list(until=article.published + day)] == [h.id]


def test_a_deleted_highlight_can_be_restored(store: Store, article_id: int) -> None:
    h = store.highlights.add_quote(article_id, "Les convois", color="pink", note="n", tags=["x"])
    gone = store.highlights.delete(h.id)
    assert store.highlights.restore(gone) == h
    with pytest.raises(ReaderError, match="already exists"):
        store.highlights.restore(gone)
    # Its article went meanwhile: it comes back orphaned, note and tags intact.
    store.highlights.delete(h.id)
    store.remove_feed(store.get_article(article_id).feed_id)
    back = store.highlights.restore(gone)
    assert back.orphaned and back.article_id is None
    assert (back.note, back.tags, back.color) == ("n", ("x",), "pink")


# -- the article changes ------------------------------------------------------------------------


def test_highlights_follow_a_rewritten_article(store: Store, article_id: int) -> None:
    fid = store.get_article(article_id).feed_id
    kept = store.highlights.add_quote(article_id, "Les convois de ravitaillement circuleront")
    fixed = store.highlights.add_quote(article_id, "la sécurité des routes reste la priorité")
    lost = store.highlights.add_quote(article_id, "Les observateurs restent prudents", note="n")
    rewritten = "MISE À JOUR. " + TEXT.replace(
        "la sécurité des routes", "la securité des routes"
    ).replace(" Les observateurs restent prudents.", "")
    plan = store.store_parsed_feed(fid, feed(entry("a1", "Reprise de la coopération", rewritten)))
    assert len(plan.changed) == 1
    by_id = {h.id: h for h in store.highlights.list()}
    moved = by_id[kept.id]
    assert rewritten[moved.start : moved.end] == "Les convois de ravitaillement circuleront"
    assert moved.start == kept.start + len("MISE À JOUR. ")
    fuzzy = by_id[fixed.id]
    assert fuzzy.exact == "la securité des routes reste la priorité"
    orphan = by_id[lost.id]
    assert orphan.orphaned and orphan.exact == lost.exact and orphan.note == "n"
    # The passage comes back: the highlight is placed again.
    store.store_parsed_feed(fid, feed(entry("a1", "Reprise de la coopération", TEXT)))
    assert not store.highlights.get(lost.id).orphaned


def test_removing_a_feed_never_loses_highlights(store: Store, article_id: int) -> None:
    fid = store.get_article(article_id).feed_id
    store.store_parsed_feed(fid, feed(entry("a2", "Autre", "Rien à signaler.")))
    h = store.highlights.add_quote(article_id, "Les observateurs", note="garder")
    assert store.annotated_count(fid) == 1
    assert store.remove_feed(fid, keep_annotated=True) == 1
    archived = store.get_feed(fid)
    assert archived.archived and not archived.enabled
    assert [a.id for a in store.list_articles()] == [article_id]
    assert not store.highlights.get(h.id).orphaned
    store.remove_feed(fid)
    orphan = store.highlights.get(h.id)
    assert orphan.orphaned and orphan.article_id is None
    assert (orphan.note, orphan.article_title) == ("garder", "Reprise de la coopération")


def test_the_database_refuses_an_inconsistent_span(store: Store, article_id: int) -> None:
    h = store.highlights.add_quote(article_id, "Les observateurs")
    with pytest.raises(sqlite3.IntegrityError):
        store._conn.execute('UPDATE highlights SET "end" = NULL WHERE id = ?', (h.id,))
