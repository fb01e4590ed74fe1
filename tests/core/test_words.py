"""Whole words: a selection made inside a word grows to the word's edges, and no further."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.words import JOINERS, snap_to_words, word_spans

SENTENCE = "Selon l’armée, le colonel Koïta-Sané a quitté l'état-major de l'armée mardi."


def snapped(text: str, passage: str, *, cut_start: int = 0, cut_end: int = 0) -> str:
    """The passage a selection of ``passage`` becomes, the selection having missed
    ``cut_start`` characters at its start and ``cut_end`` at its end."""
    start = text.index(passage) + cut_start
    end = text.index(passage) + len(passage) - cut_end
    first, last = snap_to_words(text, start, end)
    return text[first:last]


@pytest.mark.parametrize(
    ("passage", "cut_start", "cut_end", "expected"),
    [
        ("l’armée", 3, 0, "l’armée"),  # started after the apostrophe
        ("l’armée", 1, 2, "l’armée"),  # started on the apostrophe, ended inside
        ("l'armée", 2, 0, "l'armée"),  # a typewriter apostrophe joins too
        ("Koïta-Sané", 6, 0, "Koïta-Sané"),  # started after the hyphen
        ("Koïta-Sané", 2, 7, "Koïta-Sané"),
        ("l'état-major de", 4, 1, "l'état-major de"),
        ("le colonel", 0, 0, "le colonel"),  # already whole words: unchanged
        ("armée, le", 0, 0, "l’armée, le"),
        ("lonel Koï", 0, 0, "colonel Koïta-Sané"),
    ],
)
def test_edges_inside_a_word_move_to_its_edges(
    passage: str, cut_start: int, cut_end: int, expected: str
) -> None:
    assert snapped(SENTENCE, passage, cut_start=cut_start, cut_end=cut_end) == expected


def test_punctuation_and_spaces_stay_outside() -> None:
    assert snapped(SENTENCE, " le colonel ") == " le colonel "
    assert snapped(SENTENCE, "mardi.") == "mardi."
    # A quote mark or a dash between spaces is not inside a word.
    assert snapped("un « mot » - là", "« mot » -") == "« mot » -"


def test_a_trailing_apostrophe_is_not_part_of_the_word() -> None:
    text = "les enfants’ jeux"
    assert [text[a:b] for a, b in word_spans(text)] == ["les", "enfants", "jeux"]


def test_an_empty_selection_inside_a_word_becomes_the_word() -> None:
    position = SENTENCE.index("Sané") + 1
    start, end = snap_to_words(SENTENCE, position, position)
    assert SENTENCE[start:end] == "Koïta-Sané"


def test_a_backwards_or_overlong_selection_is_put_right() -> None:
    start, end = SENTENCE.index("lonel"), SENTENCE.index("Koï") + 2
    assert snap_to_words(SENTENCE, end, start) == snap_to_words(SENTENCE, start, end)
    assert snap_to_words(SENTENCE, -5, 10_000) == (0, len(SENTENCE))


def test_decomposed_accents_stay_with_their_letters() -> None:
    text = "le re\u0301gime militaire"
    start, end = snap_to_words(text, text.index("gime"), text.index("gime") + 2)
    assert text[start:end] == "re\u0301gime"


# -- properties ----------------------------------------------------------------------------

TEXT = st.text(alphabet=st.sampled_from(list("aeéïKS'’- ,.«»\n") + list(JOINERS)), max_size=60)


@st.composite
def selections(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(TEXT)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


def inside_a_word(text: str, position: int) -> bool:
    return any(a < position < b for a, b in word_spans(text))


@given(selections())
def test_the_snapped_selection_holds_the_selection(case: tuple[str, int, int]) -> None:
    text, start, end = case
    first, last = snap_to_words(text, start, end)
    assert 0 <= first <= start <= end <= last <= len(text)


@given(selections())
def test_snapped_edges_are_never_inside_a_word(case: tuple[str, int, int]) -> None:
    text, start, end = case
    first, last = snap_to_words(text, start, end)
    assert not inside_a_word(text, first)
    assert not inside_a_word(text, last)


@given(selections())
def test_only_the_cut_words_are_added(case: tuple[str, int, int]) -> None:
    text, start, end = case
    first, last = snap_to_words(text, start, end)
    if first < start:
        assert inside_a_word(text, start)
    if last > end:
        assert inside_a_word(text, end)
    # What was added is word text only: no space, no punctuation outside a word.
    for added in (text[first:start], text[end:last]):
        assert not any(c.isspace() or c in ",.«»" for c in added)


@given(selections())
def test_snapping_twice_changes_nothing(case: tuple[str, int, int]) -> None:
    text, start, end = case
    once = snap_to_words(text, start, end)
    assert snap_to_words(text, *once) == once


@given(selections())
def test_a_selection_on_word_edges_is_kept(case: tuple[str, int, int]) -> None:
    text, start, end = case
    if not inside_a_word(text, start) and not inside_a_word(text, end):
        assert snap_to_words(text, start, end) == (start, end)
