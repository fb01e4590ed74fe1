"""Search snippets: bounded work on long articles, the matched words marked as the index reads."""

from __future__ import annotations

import re

import pytest

from reader.core import snippets
from reader.core.fts import plain_query
from reader.core.snippets import (
    MATCH_END,
    MATCH_START,
    WINDOW,
    Term,
    make_snippet,
    query_terms,
)
from reader.core.storage import Store
from tests.factories import entry, feed

FILLER = "Les convois repartent vers le nord et la saison des pluies approche encore. "


def marked(snippet: str) -> list[str]:
    return re.findall(f"{MATCH_START}(.*?){MATCH_END}", snippet)


def terms(text: str) -> tuple[Term, ...]:
    query = plain_query(text)
    assert query is not None
    return query_terms(query)


@pytest.fixture
def builder_input(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of characters handed to the snippet builder, call by call."""
    sizes: list[int] = []
    original = snippets.build_snippet

    def counting(window: str, *args: object, **kwargs: object) -> tuple[int, str]:
        sizes.append(len(window))
        return original(window, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(snippets, "build_snippet", counting)
    return sizes


def test_a_word_far_into_a_long_article_is_found_and_shown(
    store: Store, builder_input: list[int]
) -> None:
    far = FILLER * (9_000_000 // len(FILLER))
    text = far + "Le ministre évoque la coopération régionale. " + FILLER * 1000
    fid = store.add_feed("https://long.example/rss").id
    store.store_parsed_feed(
        fid, feed(entry("long", "Un très long article", text, content_html="<p>long</p>"))
    )
    hits = store.search("cooperation")
    assert [h.article.title for h in hits] == ["Un très long article"]
    assert marked(hits[0].snippet) == ["coopération"]
    assert "ministre évoque la" in hits[0].snippet
    assert hits[0].snippet.startswith("…") and hits[0].snippet.endswith("…")
    # Only a window around the match was cut into words, whatever the article's size.
    assert builder_input and max(builder_input) <= 1_000


def test_the_builder_reads_as_much_of_a_short_article_as_of_a_huge_one(
    builder_input: list[int],
) -> None:
    short = FILLER * 20 + "la coopération " + FILLER * 20
    huge = FILLER * 100_000 + "la coopération " + FILLER * 100_000
    assert make_snippet(("T", "", short), terms("cooperation")) == make_snippet(
        ("T", "", huge), terms("cooperation")
    )
    assert builder_input[0] == builder_input[1] <= 2 * WINDOW + len("coopération")


def test_a_long_article_without_the_word_in_its_text_costs_a_bounded_window(
    builder_input: list[int],
) -> None:
    snippet = make_snippet(("Coopération", "", FILLER * 100_000), terms("cooperation"))
    assert marked(snippet) == ["Coopération"]
    assert sum(builder_input) <= len("Coopération")


def test_snippet_is_sixteen_words_around_the_first_match() -> None:
    words = [f"w{i}" for i in range(100)]
    words[50] = "harmattan"
    snippet = make_snippet(("Title", "", " ".join(words)), terms("harmattan"))
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet.strip("…").split()) == snippets.SNIPPET_WORDS
    assert marked(snippet) == ["harmattan"]


def test_the_column_with_most_distinct_words_is_chosen_and_title_wins_a_tie() -> None:
    assert make_snippet(("Harmattan winds", "", "the harmattan blows"), terms("harmattan")) == (
        f"{MATCH_START}Harmattan{MATCH_END} winds"
    )
    snippet = make_snippet(("Harmattan", "", "harmattan and dust"), terms("harmattan dust"))
    assert marked(snippet) == ["harmattan", "dust"]


@pytest.mark.parametrize(
    ("query", "text", "expected"),
    [
        ("cooperation", "la coopération agricole", ["coopération"]),
        ("GOÏTA", "le colonel Goïta", ["Goïta"]),
        ("goita", "le colonel Goi\u0308ta", ["Goi\u0308ta"]),  # decomposed accent
        ("ecologie", "des normes écologiques", ["écologiques"]),
        ("l'été", "L'été fut long", ["L", "été"]),
        ("niger", "Le Niger et les Nigériens", ["Niger", "Nigériens"]),
    ],
)
def test_words_are_marked_as_the_index_matches_them(
    query: str, text: str, expected: list[str]
) -> None:
    assert marked(make_snippet(("", "", text), terms(query))) == expected


@pytest.mark.parametrize(
    ("match", "expected"),
    [
        ('"prix du mil"', [Term("prix", False), Term("du", False), Term("mil", False)]),
        ('"coop"*', [Term("coop", True)]),
        ("coop* NOT militaire", [Term("coop", True), Term("militaire", False)]),
        ("NEAR(convoi attaque, 5)", [Term("convoi", False), Term("attaque", False)]),
        ("title: Bamako OR text:Mopti", [Term("bamako", False), Term("mopti", False)]),
        ("{title author}: Aïssata", [Term("aissata", False)]),
        ('"', []),
    ],
)
def test_query_terms_are_the_words_an_article_holds(match: str, expected: list[Term]) -> None:
    assert list(query_terms(match)) == expected


def test_a_huge_word_makes_a_bounded_mark() -> None:
    snippet = make_snippet(("", "", "coop" + "a" * 1_000_000), (Term("coop", True),))
    assert len(snippet) < 200
