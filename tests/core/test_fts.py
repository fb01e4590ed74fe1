"""Building full-text queries: what the user types becomes a query that finds what they mean,
accents and endings aside, and that SQLite's FTS5 never rejects."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.folding import fold
from reader.core.fts import (
    MIN_PREFIX,
    MIN_STEM,
    fallback_query,
    plain_query,
    uses_syntax,
    word_prefix,
)

#: The library's tokenizer (reader/core/schema.py): accent-folding, no stemming at ingest.
TOKENIZER = "unicode61 remove_diacritics 2"
TITLES = (
    "Les politiques écologiques du Sahel",
    "Attacks on the convoy near Gao",
    "Le Niger rouvre sa frontière",
    "Nigeria: les élections reportées",
    "L’économie malienne en 2026",
)


@pytest.fixture(scope="module")
def index() -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5 (title, tokenize = '{TOKENIZER}')")
    db.executemany("INSERT INTO t (title) VALUES (?)", [(t,) for t in TITLES])
    yield db
    db.close()


def found(index: sqlite3.Connection, query: str | None) -> set[str]:
    if query is None:
        return set()
    return {row[0] for row in index.execute("SELECT title FROM t WHERE t MATCH ?", (query,))}


# -- plain words ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "titles"),
    [
        # Accents and case do not count, either way round.
        ("ecologie", {"Les politiques écologiques du Sahel"}),
        ("ÉCOLOGIQUE", {"Les politiques écologiques du Sahel"}),
        ("frontiere", {"Le Niger rouvre sa frontière"}),
        # Endings do not count, in French or in English.
        ("élection", {"Nigeria: les élections reportées"}),
        ("attacked", {"Attacks on the convoy near Gao"}),
        ("économique", {"L’économie malienne en 2026"}),
        # A stem too short to be specific ("nig") is not used: the whole word is the prefix.
        ("Niger", {"Le Niger rouvre sa frontière", "Nigeria: les élections reportées"}),
        # Every word must match.
        ("niger frontière", {"Le Niger rouvre sa frontière"}),
        ("niger élections", {"Nigeria: les élections reportées"}),
        ("gao élections", set()),
        # Short words match whole: "le" is not a prefix of "les".
        ("le niger", {"Le Niger rouvre sa frontière"}),
    ],
)
def test_plain_words_find_what_the_user_means(
    index: sqlite3.Connection, typed: str, titles: set[str]
) -> None:
    assert not uses_syntax(typed)
    assert found(index, plain_query(typed)) == titles


def test_each_long_word_is_a_folded_prefix_and_each_short_one_an_exact_term() -> None:
    assert plain_query("L'écologie de Niamey") == '"l" "ecolog"* "de" "niamey"*'


def test_the_prefix_of_a_word_is_its_shortest_specific_stem() -> None:
    assert word_prefix("Écologie") == word_prefix("ecologie") == "ecolog"
    assert "ecologiques".startswith(word_prefix("écologiques"))
    assert word_prefix("gouvernements") == word_prefix("gouvernement") == "gouvern"
    assert word_prefix("Niger") == "niger"  # its stem would be too short
    assert word_prefix("running") == "running"  # "run" is too short too


@given(st.text(alphabet=st.characters(categories=("L",)), min_size=1, max_size=20))
def test_a_prefix_is_always_the_start_of_the_folded_word(word: str) -> None:
    prefix = word_prefix(word)
    assert fold(word).startswith(prefix)
    assert len(prefix) >= min(MIN_STEM, len(fold(word)))


def test_no_word_means_no_query() -> None:
    assert plain_query("") is None
    assert plain_query(" … !!! — ") is None
    assert fallback_query("(( ))") is None


def test_words_shorter_than_the_prefix_length_are_not_prefixes() -> None:
    short = "a" * (MIN_PREFIX - 1)
    long = "b" * MIN_PREFIX
    assert plain_query(f"{short} {long}") == f'"{short}" "{long}"*'


# -- the user's own syntax ------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        '"rouvre sa"',
        "écolo*",
        "Niger OR Mali",
        "Niger NOT Nigeria",
        "NEAR(Niger frontière)",
        "(Niger)",
        "title:Niger",
        "^Le",
        "Niger AND Gao",
    ],
)
def test_fts_syntax_is_recognised(typed: str) -> None:
    assert uses_syntax(typed)


@pytest.mark.parametrize(
    "typed", ["niger or mali", "not this", "l’économie", "2026", "C'est-à-dire"]
)
def test_plain_text_is_not_taken_for_syntax(typed: str) -> None:
    assert not uses_syntax(typed)


def test_the_fallback_keeps_the_words_and_completes_the_last(index: sqlite3.Connection) -> None:
    # Unbalanced syntax that FTS5 refuses as it stands.
    typed = '"Le Niger rouv'
    with pytest.raises(sqlite3.OperationalError):
        found(index, typed)
    query = fallback_query(typed)
    assert query == '"Le" "Niger" "rouv"*'
    assert found(index, query) == {"Le Niger rouvre sa frontière"}


@given(st.text(max_size=40))
def test_no_typed_text_makes_a_query_that_fts5_rejects(typed: str) -> None:
    db = sqlite3.connect(":memory:")
    try:
        db.execute(f"CREATE VIRTUAL TABLE t USING fts5 (title, tokenize = '{TOKENIZER}')")
        for query in (plain_query(typed), fallback_query(typed)):
            if query is not None:
                db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query,)).fetchone()
    finally:
        db.close()
