"""The tag vocabulary: shared by articles and highlights, renamed, merged, coloured, deleted."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.core.errors import InvalidTagError, ReaderError, TagNotFoundError
from reader.core.storage import Store
from reader.core.types import ArticleQuery, TagInfo
from tests.factories import entry, feed

TEXT = "Les convois de ravitaillement circuleront de nouveau vers le nord du pays."


@pytest.fixture
def ids(store: Store) -> tuple[int, int]:
    fid = store.add_feed("https://presse.example/rss").id
    store.store_parsed_feed(fid, feed(entry("a1", "Convois", TEXT), entry("a2", "Autre", "Rien.")))
    first, second = sorted(a.id for a in store.list_articles())
    return first, second


def test_summary_counts_articles_and_highlights(store: Store, ids: tuple[int, int]) -> None:
    first, second = ids
    store.tag_article(first, ["country/Mali", "theme/security"])
    store.tag_article(second, ["country/Mali"])
    store.highlights.add_quote(first, "Les convois", tags=["country/Mali", "actor/army"])

    assert store.tags.summary() == [
        TagInfo("actor/army", None, 0, 1),
        TagInfo("country/Mali", None, 2, 1),
        TagInfo("theme/security", None, 1, 0),
    ]
    assert store.tags.names() == ["actor/army", "country/Mali", "theme/security"]


def test_rename_carries_the_tags_below(store: Store, ids: tuple[int, int]) -> None:
    first, _ = ids
    store.tag_article(first, ["country/Mali", "country"])
    highlight = store.highlights.add_quote(first, "Les convois", tags=["country/Mali"])

    assert store.tags.rename("country", "pays") == "pays"

    assert store.get_article(first).tags == ("pays", "pays/Mali")
    assert store.highlights.get(highlight.id).tags == ("pays/Mali",)
    assert [t.name for t in store.tags.summary()] == ["pays", "pays/Mali"]


def test_rename_into_an_existing_tag_merges(store: Store, ids: tuple[int, int]) -> None:
    first, second = ids
    store.tag_article(first, ["Mali"])
    store.tag_article(second, ["country/Mali"])
    store.tags.set_color("Mali", "#FF8800")
    highlight = store.highlights.add_quote(first, "Les convois", tags=["Mali", "country/Mali"])

    assert store.tags.rename("mali", "Country / Mali") == "country/Mali"

    assert store.get_article(first).tags == ("country/Mali",)
    assert store.get_article(second).tags == ("country/Mali",)
    assert store.highlights.get(highlight.id).tags == ("country/Mali",)
    # The merged tag had no colour, so it takes the absorbed one's.
    assert store.tags.summary() == [TagInfo("country/Mali", "#ff8800", 2, 1)]


def test_rename_changes_only_the_case(store: Store, ids: tuple[int, int]) -> None:
    store.tag_article(ids[0], ["mali"])
    assert store.tags.rename("mali", "Mali") == "Mali"
    assert store.get_article(ids[0]).tags == ("Mali",)


def test_rename_refuses_bad_names(store: Store, ids: tuple[int, int]) -> None:
    store.tag_article(ids[0], ["country/Mali"])
    with pytest.raises(TagNotFoundError, match="no tag named 'region'"):
        store.tags.rename("region", "zone")
    with pytest.raises(InvalidTagError, match="empty"):
        store.tags.rename("country", "  / ")
    with pytest.raises(InvalidTagError, match="under itself"):
        store.tags.rename("country", "country/west")
    assert store.get_article(ids[0]).tags == ("country/Mali",)


def test_colours_are_checked_and_removable(store: Store, ids: tuple[int, int]) -> None:
    store.tag_article(ids[0], ["urgent"])
    store.tags.set_color("urgent", "#C62828")
    assert store.tags.summary()[0].color == "#c62828"
    with pytest.raises(ReaderError, match="#rrggbb"):
        store.tags.set_color("urgent", "red")
    with pytest.raises(TagNotFoundError):
        store.tags.set_color("missing", "#000000")
    store.tags.set_color("urgent", None)
    assert store.tags.summary()[0].color is None


def test_delete_takes_the_tag_off_but_keeps_articles_and_highlights(
    store: Store, ids: tuple[int, int]
) -> None:
    first, _ = ids
    store.tag_article(first, ["country/Mali", "country/Niger", "theme"])
    highlight = store.highlights.add_quote(first, "Les convois", note="n", tags=["country/Mali"])

    assert store.tags.delete("country") == 2

    assert store.get_article(first).tags == ("theme",)
    kept = store.highlights.get(highlight.id)
    assert (kept.tags, kept.note) == ((), "n")
    with pytest.raises(TagNotFoundError):
        store.tags.delete("country")


def test_articles_by_tag_can_include_their_highlights_tags(
    store: Store, ids: tuple[int, int]
) -> None:
    first, second = ids
    store.tag_article(second, ["country/Niger"])
    store.highlights.add_quote(first, "Les convois", tags=["country/Mali"])

    def listed(**query: object) -> list[int]:
        return [a.id for a in store.list_articles(ArticleQuery(**query))]  # type: ignore[arg-type]

    assert listed(tags=("country",)) == [second]
    assert sorted(listed(tags=("country",), tags_in_highlights=True)) == [first, second]
    assert listed(tags=("country/Mali",), tags_in_highlights=True) == [first]
    assert store.count_articles(ArticleQuery(tags=("country/Mali",), tags_in_highlights=True)) == 1


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s.tags.rename("country", "pays"),
        lambda s: s.tags.rename("country/Mali", "Mali"),  # a merge
        lambda s: s.tags.set_color("country/Mali", "#123456"),
        lambda s: s.tags.delete("country"),
    ],
    ids=["rename", "merge", "colour", "delete"],
)
def test_a_snapshot_undoes_any_change(
    store: Store, ids: tuple[int, int], change: Callable[[Store], object]
) -> None:
    first, second = ids
    store.tag_article(first, ["country/Mali", "Mali", "theme"])
    store.tag_article(second, ["Mali"])
    store.tags.set_color("Mali", "#abcdef")
    highlight = store.highlights.add_quote(first, "Les convois", tags=["country/Mali", "Mali"])
    before = (store.tags.summary(), store.get_article(first).tags, store.get_article(second).tags)

    snapshot = store.tags.snapshot(["country", "Mali", "pays"])
    change(store)
    store.tags.restore(snapshot)

    after = (store.tags.summary(), store.get_article(first).tags, store.get_article(second).tags)
    assert after == before
    assert store.highlights.get(highlight.id).tags == ("country/Mali", "Mali")
