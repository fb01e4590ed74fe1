"""The composer's document: a brief's identity and saved state, without widgets."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from reader.core import Store, reselect
from reader.core.errors import BriefNotFoundError, InvalidBriefError
from reader.core.types import BriefCriteria
from reader.ui.brief_document import BriefDocument, Draft
from tests.brief_library import two_articles
from tests.factories import T0


@pytest.fixture
def draft(store: Store) -> Draft:
    """A brief of two articles, as a composer would show it."""
    two_articles(store)
    sections = reselect(store, BriefCriteria(group_by="none"), everything="Articles")
    return Draft(
        title="Revue de presse",
        author="Desk",
        language="fr",
        since=T0 - timedelta(days=7),
        until=T0,
        introduction="La semaine.",
        sections=tuple(sections),
    )


def test_a_new_document_is_modified_only_once_it_holds_something(store: Store) -> None:
    document = BriefDocument(store)
    document.new()
    assert document.brief_id is None
    assert not document.is_modified(Draft(title="Press review"))
    assert document.is_modified(Draft(title="Press review", introduction="The week."))
    assert not document.is_modified(Draft(title="Press review", introduction="  \n"))


def test_a_settled_new_brief_is_modified_by_a_change(store: Store, draft: Draft) -> None:
    document = BriefDocument(store)
    document.new()
    assert document.is_modified(draft)
    document.settle(draft)
    assert not document.is_modified(draft)
    assert document.is_modified(replace(draft, author="Someone else"))
    assert document.is_modified(replace(draft, sections=draft.sections[:0]))
    assert document.brief_id is None


def test_saving_gives_an_id_and_leaves_it_unmodified(store: Store, draft: Draft) -> None:
    document = BriefDocument(store)
    document.new()
    saved = document.save(document.brief(draft))
    assert saved.id is not None and document.brief_id == saved.id
    assert not document.is_modified(draft)
    # What saving normalises is no change: spaces around and inside the title, the author's.
    assert not document.is_modified(replace(draft, title="  Revue   de presse ", author="Desk "))
    assert document.is_modified(replace(draft, introduction="Autre chose."))
    again = document.save(document.brief(replace(draft, title="Revue, suite")))
    assert again.id == saved.id and again.created == saved.created
    assert [b.title for b in store.briefs.list()] == ["Revue, suite"]


def test_opening_reads_a_saved_brief(store: Store, draft: Draft) -> None:
    saved = store.briefs.save(BriefDocument(store).brief(draft))
    assert saved.id is not None
    document = BriefDocument(store)
    document.new()
    opened = document.open(saved.id)
    assert (opened.title, opened.language, opened.introduction) == (
        "Revue de presse",
        "fr",
        "La semaine.",
    )
    assert document.brief_id == saved.id
    assert not document.is_modified(Draft.of(opened))
    assert document.is_modified(replace(Draft.of(opened), language="en"))
    assert document.brief(Draft.of(opened)).id == saved.id


def test_a_brief_that_cannot_be_opened_leaves_the_document_as_it_was(
    store: Store, draft: Draft
) -> None:
    document = BriefDocument(store)
    document.new()
    saved = document.save(document.brief(draft))
    with pytest.raises(BriefNotFoundError, match="no brief with id 404"):
        document.open(404)
    assert document.brief_id == saved.id
    assert not document.is_modified(draft)


def test_a_brief_needs_a_title_unless_a_placeholder_stands_in(store: Store) -> None:
    document = BriefDocument(store)
    document.new()
    with pytest.raises(InvalidBriefError, match="needs a title"):
        document.brief(Draft(title="   "))
    assert document.brief(Draft(), placeholder_title="Untitled brief").title == "Untitled brief"


def test_an_exported_brief_is_kept_and_its_articles_marked_used(store: Store, draft: Draft) -> None:
    document = BriefDocument(store)
    document.new()
    published = document.keep_exported(document.brief(draft))
    assert published.marked == 2
    assert published.brief.id is not None
    assert document.brief_id == published.brief.id
    assert not document.is_modified(draft)
    assert len(store.briefs.used_article_ids()) == 2
