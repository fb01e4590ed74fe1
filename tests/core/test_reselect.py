"""Selecting a brief's articles again: the summaries the user wrote are kept."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.core import compose, reselect
from reader.core.briefs import keep_summaries
from reader.core.errors import EmptyBriefError
from reader.core.storage import Store
from reader.core.types import BriefCriteria, BriefItem, BriefSection
from tests.brief_library import two_articles


def item(article_id: int | None, title: str, summary: str = "") -> BriefItem:
    return BriefItem(article_id, title, None, "Le Monde Afrique", summary=summary)


# -- the rule, with plain values -----------------------------------------------------------


def test_a_summary_follows_its_article_into_the_new_selection() -> None:
    before = [item(1, "Mali", "Why it matters"), item(2, "Niger")]
    again = [item(3, "Sénégal"), item(1, "Mali, updated")]
    assert keep_summaries(again, before) == [
        item(3, "Sénégal"),
        item(1, "Mali, updated", "Why it matters"),
    ]


def test_an_empty_summary_or_an_article_gone_keeps_nothing() -> None:
    before = [item(1, "Mali", ""), item(None, "Left the library", "Lost with it")]
    again = [item(1, "Mali", "Its own"), item(None, "Another gone")]
    assert keep_summaries(again, before) == again


def test_an_article_no_longer_selected_takes_its_summary_away() -> None:
    assert keep_summaries([item(2, "Niger")], [item(1, "Mali", "Why it matters")]) == [
        item(2, "Niger")
    ]


# -- with a library ------------------------------------------------------------------------


@pytest.fixture
def tagged(store: Store) -> Store:
    ids = two_articles(store)
    store.tag_article(ids["mali"], ["country/Mali"])
    store.tag_article(ids["niger"], ["country/Niger"])
    return store


def test_reselecting_keeps_the_summaries_and_groups_again(tagged: Store) -> None:
    criteria = BriefCriteria(group_by="tag", tag_prefix="country")
    first = reselect(tagged, criteria)
    assert [s.heading for s in first] == ["Mali", "Niger"]
    written = [BriefSection("By hand", (replace(first[0].items[0], summary="Key"),))]
    again = reselect(tagged, criteria, previous=written)
    assert [(s.heading, [i.summary for i in s.items]) for s in again] == [
        ("Mali", ["Key"]),
        ("Niger", [""]),
    ]


def test_the_catch_all_headings_are_the_callers(tagged: Store) -> None:
    (single,) = reselect(tagged, BriefCriteria(group_by="none"), everything="Articles du jour")
    assert single.heading == "Articles du jour"
    by_tag = reselect(tagged, BriefCriteria(tags=("country/Mali",), group_by="tag"), other="Divers")
    assert [s.heading for s in by_tag] == ["country/Mali"]


def test_nothing_matched_is_an_error_unless_allowed(tagged: Store) -> None:
    nothing = BriefCriteria(tags=("country/Niger",), starred_only=True)
    with pytest.raises(EmptyBriefError):
        reselect(tagged, nothing)
    assert reselect(tagged, nothing, allow_empty=True) == []


def test_compose_is_a_first_selection(tagged: Store) -> None:
    criteria = BriefCriteria(group_by="tag", tag_prefix="country")
    brief = compose(tagged, criteria, title="Revue")
    assert list(brief.sections) == reselect(tagged, criteria)
