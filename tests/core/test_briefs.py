"""Briefs: selecting articles and highlights, grouping, keeping briefs, writing them to files."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from reader.core.briefs import compose, group, select_items
from reader.core.errors import (
    BriefNotFoundError,
    EmptyBriefError,
    FeedNotFoundError,
    FolderNotFoundError,
    InvalidBriefError,
    InvalidDateError,
    ReaderError,
    UnknownColorError,
)
from reader.core.files import write_atomically
from reader.core.storage import Store
from reader.core.types import ArticleQuery, Brief, BriefCriteria, BriefItem
from reader.export.markdown import render_markdown
from tests.brief_library import MALI, Library, fill_library
from tests.factories import T0, Clock, entry, feed


@pytest.fixture
def library(store: Store) -> Library:
    return fill_library(store)


def titles(items: list[BriefItem]) -> list[str]:
    return [i.title for i in items]


# -- selecting -----------------------------------------------------------------------------


def test_tags_any_all_and_highlight_tags(library: Library) -> None:
    store = library.store
    anyof = select_items(store, BriefCriteria(tags=("country/Mali", "country/Niger")))
    assert [i.article_id for i in anyof] == [library.mali, library.niger]
    # A parent tag finds the tags below it, in articles and in highlights alike.
    assert len(select_items(store, BriefCriteria(tags=("country",)))) == 3
    allof = select_items(store, BriefCriteria(tags=("country", "theme"), tag_mode="all"))
    assert [i.article_id for i in allof] == [library.mali]
    # Highlights come in reading order, whatever order they were made in.
    mali = anyof[0]
    assert [h.exact for h in mali.highlights] == [
        "la reprise de la coopération militaire",
        "Goïta s’est rendu à Gao",
    ]
    assert (mali.source, mali.author, mali.link) == (
        "Le Monde Afrique",
        "Claire Dupont",
        "https://news.example/mali",
    )


def test_feeds_folders_period_and_starred(library: Library) -> None:
    store = library.store
    assert {
        i.article_id for i in select_items(store, BriefCriteria(feed_ids=(library.monde,)))
    } == {
        library.mali,
        library.old,
    }
    in_folder = select_items(store, BriefCriteria(folders=("Sahel",)))
    assert [i.article_id for i in in_folder] == [library.mali, library.old]
    week = BriefCriteria(since=T0 - timedelta(days=7), until=T0)
    assert library.old not in {i.article_id for i in select_items(store, week)}
    assert titles(select_items(store, replace(week, since=T0 - timedelta(hours=6)))) == [
        "Mali : reprise de la coopération",
        "Niger : la frontière rouvre",
    ]
    starred = select_items(store, BriefCriteria(starred_only=True))
    assert [i.article_id for i in starred] == [library.niger]


def test_colours_keep_only_their_highlights(library: Library) -> None:
    items = select_items(library.store, BriefCriteria(colors=("pink",)))
    assert [i.article_id for i in items] == [library.mali]
    assert [h.color for h in items[0].highlights] == ["pink"]


def test_bad_criteria_say_what_is_wrong(library: Library) -> None:
    store = library.store
    with pytest.raises(ReaderError, match="no tag named 'country/Tchad'"):
        select_items(store, BriefCriteria(tags=("country/Tchad",)))
    with pytest.raises(FeedNotFoundError, match="no feed with id 99"):
        select_items(store, BriefCriteria(feed_ids=(99,)))
    with pytest.raises(FolderNotFoundError, match="no folder named 'Maghreb'"):
        select_items(store, BriefCriteria(folders=("Maghreb",)))
    with pytest.raises(UnknownColorError, match="purple"):
        select_items(store, BriefCriteria(colors=("purple",)))
    with pytest.raises(EmptyBriefError, match="nothing matched: tagged country/Sénégal, starred"):
        select_items(store, BriefCriteria(tags=("country/Sénégal",), starred_only=True))
    empty = BriefCriteria(tags=("country/Sénégal",), starred_only=True)
    assert select_items(store, empty, allow_empty=True) == []
    with pytest.raises(InvalidDateError, match="starts"):
        BriefCriteria(since=T0, until=T0 - timedelta(days=1))
    with pytest.raises(InvalidBriefError, match="grouped by"):
        BriefCriteria(group_by="country")  # type: ignore[arg-type]


# -- grouping ------------------------------------------------------------------------------


def test_group_by_tag_prefix_feed_and_none(library: Library) -> None:
    criteria = BriefCriteria(group_by="tag", tag_prefix="country")
    items = select_items(library.store, BriefCriteria())
    sections = group(items, criteria)
    assert [(s.heading, titles(list(s.items))) for s in sections] == [
        ("Mali", ["Mali : reprise de la coopération"]),
        ("Niger", ["Niger : la frontière rouvre"]),
        ("Sénégal", ["Sénégal : sommet sur l’eau"]),
        ("Other", ["Archives du mois dernier"]),
    ]
    by_criteria = group(items, BriefCriteria(tags=("theme", "country/Niger")))
    assert [s.heading for s in by_criteria] == ["theme", "country/Niger", "Other"]
    by_feed = group(items, BriefCriteria(group_by="feed"), headings={"Jeune Afrique": "JA"})
    assert [(s.heading, len(s.items)) for s in by_feed] == [("JA", 2), ("Le Monde Afrique", 2)]
    (single,) = group(items, BriefCriteria(group_by="none"), everything="Revue")
    assert single.heading == "Revue" and list(single.items) == items


# -- keeping briefs ------------------------------------------------------------------------


def test_save_reopen_edit_and_delete(library: Library, clock: Clock) -> None:
    store, briefs = library.store, library.store.briefs
    criteria = BriefCriteria(tags=("country",), tag_prefix="country", since=T0 - timedelta(days=7))
    draft = compose(store, criteria, title="Revue Sahel", author="Cellule Afrique")
    saved = briefs.save(draft)
    assert saved.id is not None and saved.created == clock.now
    reopened = briefs.get(saved.id)
    assert [s.heading for s in reopened.sections] == ["Mali", "Niger", "Sénégal"]
    assert reopened.sections == saved.sections
    # Edit: a summary line, sections reordered, one highlight dropped.
    mali, niger, senegal = reopened.sections
    item = mali.items[0]
    edited_item = replace(
        item, summary="Bamako relance la coopération", highlights=item.highlights[1:]
    )
    clock.advance(hours=1)
    edited = briefs.save(
        replace(reopened, sections=(niger, replace(mali, items=(edited_item,)), senegal))
    )
    again = briefs.get(saved.id)
    assert [s.heading for s in again.sections] == ["Niger", "Mali", "Sénégal"]
    assert again.sections[1].items[0].summary == "Bamako relance la coopération"
    assert [h.exact for h in again.sections[1].items[0].highlights] == ["Goïta s’est rendu à Gao"]
    assert (
        (again.created, again.updated)
        == (saved.created, clock.now)
        == (edited.created, edited.updated)
    )
    assert [b.id for b in briefs.list()] == [saved.id]
    briefs.delete(saved.id)
    with pytest.raises(BriefNotFoundError, match=f"no brief with id {saved.id}"):
        briefs.get(saved.id)
    with pytest.raises(InvalidBriefError, match="needs a title"):
        Brief(title="  ")


def test_exported_articles_are_left_out_next_time(library: Library) -> None:
    store, briefs = library.store, library.store.briefs
    brief = compose(store, BriefCriteria(tags=("country/Mali",)), title="Semaine 48")
    with pytest.raises(ReaderError, match="save the brief"):
        briefs.mark_exported(brief)
    saved = briefs.save(brief)
    assert briefs.mark_exported(saved) == 1
    assert briefs.get(saved.id or 0).exported is not None
    unused = select_items(store, BriefCriteria(tags=("country",), unused_only=True))
    assert library.mali not in {i.article_id for i in unused}
    with pytest.raises(EmptyBriefError, match="not used in a previous brief"):
        select_items(store, BriefCriteria(tags=("country/Mali",), unused_only=True))
    # Deleting the brief frees its articles again.
    briefs.delete(saved.id or 0)
    assert select_items(store, BriefCriteria(tags=("country/Mali",), unused_only=True))


def test_reopening_after_articles_and_highlights_change(library: Library) -> None:
    store, briefs = library.store, library.store.briefs
    saved = briefs.save(compose(store, BriefCriteria(tags=("country/Mali",)), title="Mali"))
    gao = next(h for h in saved.sections[0].items[0].highlights if h.color == "pink")
    kept = saved.sections[0].items[0].highlights[0]
    # The passage disappears from the rewritten article; another highlight is deleted.
    rewritten = MALI.replace("Goïta s’est rendu à Gao", "Goïta est resté à Bamako")
    store.store_parsed_feed(library.monde, feed(entry("mali", "Mali : reprise", rewritten)))
    store.highlights.delete(kept.id)
    reopened = briefs.get(saved.id or 0)
    item = reopened.sections[0].items[0]
    assert item.title == "Mali : reprise"  # the article as it is now
    assert [h.id for h in item.highlights] == [gao.id]
    assert item.highlights[0].orphaned and item.highlights[0].exact == "Goïta s’est rendu à Gao"
    assert reopened.missing_highlights == (kept.id,)
    text = render_markdown(reopened, store.highlights.colors())
    assert "(article changed)" in text and "Goïta s’est rendu à Gao" in text
    # The article itself goes: the brief still cites it from its own copy.
    store.remove_feed(library.monde)
    gone = briefs.get(saved.id or 0).sections[0].items[0]
    assert (gone.article_id, gone.title, gone.source) == (
        None,
        "Mali : reprise de la coopération",  # as the brief was last saved
        "Le Monde Afrique",
    )


# -- writing files -------------------------------------------------------------------------


def test_writing_is_atomic_and_errors_are_clear(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "revue.md"
    write_atomically(target, "# Revue « Sahel »\n".encode())
    assert target.read_text(encoding="utf-8") == "# Revue « Sahel »\n"
    with pytest.raises(ReaderError, match=r"the folder .*absent does not exist"):
        write_atomically(tmp_path / "absent" / "revue.md", b"x")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reader.core.files.os.fsync", broken_fsync)
    with pytest.raises(ReaderError, match="No space left on device"):
        write_atomically(target, b"# Une autre revue\n")
    # The old file is intact, and no temporary file is left behind.
    assert target.read_text(encoding="utf-8") == "# Revue « Sahel »\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["revue.md"]


def test_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    folder.chmod(0o500)
    if os.geteuid() == 0:  # root writes anywhere: refuse as the file system would

        def refused(*_: object) -> tuple[int, Path]:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("reader.core.files._create_temporary", refused)
    try:
        with pytest.raises(ReaderError, match=r"cannot write .*revue\.md: Permission denied"):
            write_atomically(folder / "revue.md", b"x")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_highlights_on_another_feeds_copy_of_a_story_are_kept(library: Library) -> None:
    store = library.store
    agency = store.add_feed("https://agence.example/rss").id
    store.store_parsed_feed(
        agency,
        feed(
            entry(
                "copie", "Mali : reprise de la coopération", MALI, link="https://news.example/mali"
            ),
            title="Agence du Sahel",
        ),
    )
    [copy] = [a for a in store.list_articles(ArticleQuery(feed_ids=(agency,)))]
    assert store.get_article(copy.id).duplicate_of == library.mali
    store.highlights.add_quote(copy.id, "la sécurité des routes reste la priorité absolue")
    [item] = select_items(store, BriefCriteria(tags=("country/Mali",)))
    assert item.article_id == library.mali  # the story is listed once, as its first copy
    assert "la sécurité des routes reste la priorité absolue" in [h.exact for h in item.highlights]
