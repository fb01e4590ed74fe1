"""Highlight anchors: W3C selectors, finding a typed quote, re-anchoring on changed text."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.core.anchoring import (
    CONTEXT,
    FUZZY_THRESHOLD,
    Anchor,
    TextPositionSelector,
    TextQuoteSelector,
    find_quote,
    locate,
    reanchor,
    selectors_for,
    similarity,
)
from reader.core.errors import (
    AmbiguousQuoteError,
    InvalidSelectionError,
    QuoteNotFoundError,
    ReaderError,
)

ARTICLE = (
    "Le gouvernement a présenté mardi son projet de budget. "
    "« C’est un budget de responsabilité », a déclaré la ministre.\n\n"
    "L’opposition dénonce une hausse des impôts déguisée; les syndicats appellent à la grève "
    "dès la semaine prochaine. Le débat s’ouvrira à l’Assemblée nationale le 12 octobre."
)


def select(text: str, passage: str) -> tuple[TextQuoteSelector, TextPositionSelector]:
    start = text.index(passage)
    return selectors_for(text, start, start + len(passage))


# -- selectors -----------------------------------------------------------------------------


def test_quote_selector_json_round_trip() -> None:
    quote = TextQuoteSelector("budget", prefix="son projet de ", suffix=". « C’est")
    data = quote.to_json()
    assert data == {
        "type": "TextQuoteSelector",
        "exact": "budget",
        "prefix": "son projet de ",
        "suffix": ". « C’est",
    }
    assert TextQuoteSelector.from_json(data) == quote


def test_position_selector_json_round_trip() -> None:
    position = TextPositionSelector(3, 17)
    assert position.to_json() == {"type": "TextPositionSelector", "start": 3, "end": 17}
    assert TextPositionSelector.from_json(position.to_json()) == position


def test_quote_selector_json_without_context() -> None:
    quote = TextQuoteSelector.from_json({"type": "TextQuoteSelector", "exact": "grève"})
    assert quote == TextQuoteSelector("grève", "", "")


@pytest.mark.parametrize(
    "data",
    [
        {"type": "TextPositionSelector", "exact": "x"},
        {"exact": "x"},
        {"type": "TextQuoteSelector"},
        {"type": "TextQuoteSelector", "exact": 3},
        {"type": "TextQuoteSelector", "exact": "x", "prefix": None},
        {"type": "TextQuoteSelector", "exact": ""},
    ],
)
def test_quote_selector_from_bad_json(data: dict[str, object]) -> None:
    with pytest.raises(InvalidSelectionError):
        TextQuoteSelector.from_json(data)


@pytest.mark.parametrize(
    "data",
    [
        {"type": "TextQuoteSelector", "start": 1, "end": 2},
        {"type": "TextPositionSelector", "start": "1", "end": 2},
        {"type": "TextPositionSelector", "start": True, "end": 2},
        {"type": "TextPositionSelector", "start": 1},
        {"type": "TextPositionSelector", "start": 2, "end": 2},
        {"type": "TextPositionSelector", "start": -1, "end": 2},
    ],
)
def test_position_selector_from_bad_json(data: dict[str, object]) -> None:
    with pytest.raises(InvalidSelectionError):
        TextPositionSelector.from_json(data)


def test_selectors_validate_themselves() -> None:
    with pytest.raises(InvalidSelectionError, match="cannot be empty"):
        TextQuoteSelector("")
    with pytest.raises(InvalidSelectionError, match=r"5\.\.5"):
        TextPositionSelector(5, 5)
    with pytest.raises(InvalidSelectionError):
        TextPositionSelector(6, 5)


def test_selection_errors_belong_to_the_error_tree() -> None:
    assert issubclass(InvalidSelectionError, ReaderError)
    assert issubclass(InvalidSelectionError, ValueError)
    assert issubclass(QuoteNotFoundError, InvalidSelectionError)
    assert issubclass(QuoteNotFoundError, LookupError)
    assert issubclass(AmbiguousQuoteError, InvalidSelectionError)


# -- selectors_for -------------------------------------------------------------------------


def test_selectors_for_keeps_context() -> None:
    quote, position = select(ARTICLE, "hausse des impôts")
    start = ARTICLE.index("hausse des impôts")
    assert position == TextPositionSelector(start, start + len("hausse des impôts"))
    assert quote.exact == "hausse des impôts"
    assert quote.prefix == ARTICLE[start - CONTEXT : start]
    assert len(quote.prefix) == CONTEXT
    assert quote.suffix == ARTICLE[position.end : position.end + CONTEXT]


def test_selectors_for_at_the_edges_of_the_text() -> None:
    quote, position = selectors_for(ARTICLE, 0, 2)
    assert (quote.exact, quote.prefix, position.start) == ("Le", "", 0)
    quote, position = selectors_for(ARTICLE, len(ARTICLE) - 8, len(ARTICLE))
    assert (quote.exact, quote.suffix) == ("octobre.", "")


def test_selectors_for_trims_whitespace() -> None:
    text = "un mot   bien   choisi\n\nensuite"
    quote, position = selectors_for(text, 6, 16)
    assert quote.exact == "bien"
    assert (position.start, position.end) == (9, 13)
    assert quote.prefix == "un mot   "
    assert quote.suffix.startswith("   choisi")


@pytest.mark.parametrize(("start", "end"), [(5, 5), (2, 3), (2, 7), (0, 0)])
def test_selectors_for_an_empty_selection(start: int, end: int) -> None:
    with pytest.raises(InvalidSelectionError, match=r"^the selection is empty$"):
        selectors_for("ab \n\t  cd", start, end)


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (3, 2), (0, 100), (100, 101)])
def test_selectors_for_out_of_range(start: int, end: int) -> None:
    with pytest.raises(InvalidSelectionError, match="outside the article's 12 characters"):
        selectors_for("douze lettre", start, end)


# -- find_quote ----------------------------------------------------------------------------


def test_find_quote_plain() -> None:
    start, end = find_quote(ARTICLE, "hausse des impôts")
    assert ARTICLE[start:end] == "hausse des impôts"


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ('"C\'est un budget de responsabilité"', "« C’est un budget de responsabilité »"),
        ("«\u00a0C’est un budget", "« C’est un budget"),
        ("  la ministre.   L'opposition  ", "la ministre.\n\nL’opposition"),
        ("la\tministre. L’opposition", "la ministre.\n\nL’opposition"),
        ("l'Assemblée nationale", "l’Assemblée nationale"),
        ("«C’est»", None),
    ],
)
def test_find_quote_tolerates_spaces_and_typography(typed: str, found: str | None) -> None:
    if found is None:
        with pytest.raises(QuoteNotFoundError):
            find_quote(ARTICLE, typed)
        return
    start, end = find_quote(ARTICLE, typed)
    assert ARTICLE[start:end] == found


def test_find_quote_typographic_text_and_typed_quote() -> None:
    text = "Il a dit «\u202fnon\u202f» — puis l’a répété – deux fois."
    start, end = find_quote(text, '" non " - puis l\'a répété - deux')
    assert (start, end) == (text.index("«"), text.index("deux") + 4)
    start, end = find_quote("a — b", "a – b")
    assert (start, end) == (0, 5)


def test_find_quote_maps_back_across_whitespace_runs() -> None:
    text = "un     deux\n\n\ntrois quatre"
    assert find_quote(text, "deux trois") == (7, 19)
    assert text[7:19] == "deux\n\n\ntrois"


def test_find_quote_not_found() -> None:
    with pytest.raises(QuoteNotFoundError, match=r"^the quote is not in the article$"):
        find_quote(ARTICLE, "baisse des impôts")


def test_find_quote_empty() -> None:
    with pytest.raises(InvalidSelectionError, match="empty"):
        find_quote(ARTICLE, "  \n ")


def test_find_quote_ambiguous() -> None:
    with pytest.raises(AmbiguousQuoteError) as caught:
        find_quote(ARTICLE, "budget")
    assert str(caught.value) == "the quote appears 2 times; say which with --occurrence 1..2"
    assert caught.value.count == 2


def test_find_quote_occurrence() -> None:
    first = find_quote(ARTICLE, "budget", occurrence=1)
    second = find_quote(ARTICLE, "budget", occurrence=2)
    assert first < second
    assert ARTICLE[slice(*first)] == ARTICLE[slice(*second)] == "budget"
    assert first[0] == ARTICLE.index("budget")
    assert find_quote(ARTICLE, "grève", occurrence=1) == find_quote(ARTICLE, "grève")


def test_find_quote_occurrence_out_of_range() -> None:
    with pytest.raises(
        QuoteNotFoundError, match="appears only 2 times, so there is no occurrence 3"
    ):
        find_quote(ARTICLE, "budget", occurrence=3)
    with pytest.raises(QuoteNotFoundError, match="appears only once"):
        find_quote(ARTICLE, "grève", occurrence=2)
    with pytest.raises(InvalidSelectionError, match="counted from 1"):
        find_quote(ARTICLE, "budget", occurrence=0)
    with pytest.raises(QuoteNotFoundError, match="not in the article"):
        find_quote(ARTICLE, "absent", occurrence=1)


def test_find_quote_counts_overlapping_occurrences() -> None:
    with pytest.raises(AmbiguousQuoteError, match="3 times"):
        find_quote("aaaa", "aa")


# -- locate: position and quote ------------------------------------------------------------


def test_locate_unchanged_text_uses_the_position() -> None:
    quote, position = select(ARTICLE, "hausse des impôts")
    assert locate(ARTICLE, quote, position) == Anchor(position.start, position.end, "position", 1.0)


def test_locate_prefers_the_position_among_duplicates() -> None:
    start = ARTICLE.rindex("budget")
    quote, position = selectors_for(ARTICLE, start, start + 6)
    assert locate(ARTICLE, quote, position) == Anchor(start, start + 6, "position", 1.0)


def test_locate_moved_passage_by_quote() -> None:
    quote, position = select(ARTICLE, "hausse des impôts")
    inserted = "Une phrase ajoutée en tête. "
    new = inserted + ARTICLE
    anchor = locate(new, quote, position)
    assert anchor == Anchor(
        position.start + len(inserted), position.end + len(inserted), "quote", 1.0
    )
    assert locate(new, quote, None) == anchor


def test_locate_duplicates_disambiguated_by_context() -> None:
    text = (
        "Au nord, la récolte de blé est excellente cette année. "
        "Au sud, la récolte de blé est excellente aussi, malgré la sécheresse."
    )
    start = text.rindex("la récolte de blé est excellente")
    quote, position = selectors_for(text, start, start + 32)
    new = "Introduction sans rapport. " * 3 + text
    anchor = locate(new, quote, position)
    assert anchor is not None
    assert (anchor.start, anchor.method) == (new.rindex("la récolte de blé"), "quote")
    # Without the old position too: the context alone decides.
    assert locate(new, quote, None) == anchor
    # The suffix alone decides when the prefix is the same.
    quote_first, _ = selectors_for(text, text.index("la récolte"), text.index("la récolte") + 32)
    anchor = locate(new, quote_first, None)
    assert anchor is not None
    assert anchor.start == new.index("la récolte")


def test_locate_duplicates_with_equal_context_nearest_the_old_position() -> None:
    text = "ab. " * 10
    quote = TextQuoteSelector("ab.", "", "")
    anchor = locate(text, quote, TextPositionSelector(21, 24))
    assert anchor is not None
    assert anchor.start in (20, 24)
    assert text[anchor.start : anchor.end] == "ab."
    anchor = locate(text, quote, None)
    assert anchor == Anchor(0, 3, "quote", 1.0)


def test_locate_ignores_a_position_beyond_the_text() -> None:
    quote, position = select(ARTICLE, "octobre")
    shorter = ARTICLE[: position.start - 20] + " octobre"
    anchor = locate(shorter, quote, position)
    assert anchor is not None
    assert shorter[anchor.start : anchor.end] == "octobre"


# -- locate: fuzzy and orphans -------------------------------------------------------------

LONG_PASSAGE = "les syndicats appellent à la grève dès la semaine prochaine"


def test_locate_typo_fixed_inside_the_quote() -> None:
    old = ARTICLE.replace("appellent", "apellent")
    quote, position = select(old, "les syndicats apellent à la grève dès la semaine")
    anchor = locate(ARTICLE, quote, position)
    assert anchor is not None
    assert anchor.method == "fuzzy"
    assert ARTICLE[anchor.start : anchor.end] == "les syndicats appellent à la grève dès la semaine"
    assert FUZZY_THRESHOLD <= anchor.score < 1.0


def test_locate_word_changed_inside_the_quote() -> None:
    quote, position = select(ARTICLE, LONG_PASSAGE)
    new = ARTICLE.replace("semaine prochaine", "semaine suivante")
    anchor = locate(new, quote, position)
    assert anchor is not None
    assert anchor.method == "fuzzy"
    assert new[anchor.start : anchor.end].startswith("les syndicats appellent")
    assert "semaine" in new[anchor.start : anchor.end]
    assert anchor.score == similarity(new[anchor.start : anchor.end], LONG_PASSAGE)


def test_locate_fuzzy_after_text_moved() -> None:
    quote, position = select(ARTICLE, LONG_PASSAGE)
    new = "Mise à jour : précision ajoutée. " + ARTICLE.replace("grève", "grève générale")
    anchor = locate(new, quote, position)
    assert anchor is not None
    assert new[anchor.start : anchor.end] == (
        "les syndicats appellent à la grève générale dès la semaine prochaine"
    )


def test_locate_deleted_passage_is_orphaned() -> None:
    quote, position = select(ARTICLE, LONG_PASSAGE)
    new = ARTICLE.replace("les syndicats appellent à la grève dès la semaine prochaine", "rien")
    assert locate(new, quote, position) is None
    assert locate("", quote, position) is None
    assert locate(new, quote, None) is None


def test_locate_rewritten_passage_is_orphaned() -> None:
    quote, position = select(ARTICLE, LONG_PASSAGE)
    new = ARTICLE.replace(LONG_PASSAGE, "le patronat se félicite d’une mesure attendue")
    assert locate(new, quote, position) is None


def test_short_quote_is_not_placed_fuzzily_out_of_context() -> None:
    quote = TextQuoteSelector("la grève", "les syndicats appellent à ", " dès la semaine")
    assert locate("Rien ici, sauf la grêve du zèle, ailleurs.", quote) is None


def test_reanchor_carries_the_position_over_an_edit_before() -> None:
    quote, position = select(ARTICLE, "budget de responsabilité")
    new = "Chapeau. " + ARTICLE
    anchor = reanchor(ARTICLE, new, quote, position)
    assert anchor == Anchor(position.start + 9, position.end + 9, "position", 1.0)
    assert reanchor(ARTICLE, ARTICLE, quote, position) == locate(ARTICLE, quote, position)
    assert reanchor(ARTICLE, ARTICLE + " Fin.", quote, position) == Anchor(
        position.start, position.end, "position", 1.0
    )
    edited = ARTICLE.replace(LONG_PASSAGE, "autre chose")
    assert reanchor(ARTICLE, edited, quote, None) == locate(edited, quote, None)


def test_similarity() -> None:
    assert similarity("", "") == 1.0
    assert similarity("abc", "") == 0.0
    assert similarity("la grève", "la grève") == 1.0
    assert similarity("la grève", "la grêve") == pytest.approx(14 / 16)
    assert similarity("chat", "chien") < 0.5


# -- properties ----------------------------------------------------------------------------

WORDS = re.findall(
    r"\S+",
    "le la les des une du à où ça été être très après déjà l’État l’économie d’après "
    "qu’il gouvernement ministre députée députés Assemblée réforme réformes "
    "retraites budget déficit dette croissance inflation chômage salaire salariés "
    "entreprise entreprises syndicat grève manifestation préfecture élection élus "
    "électeurs campagne sondage majorité opposition Sénat Élysée Bruxelles Bercy "
    "Lyon Marseille région régions commune maire mairie hôpital hôpitaux école "
    "écoles collège lycée université étudiants chercheurs forêt incendie sécheresse "
    "énergie électricité nucléaire éolien pétrole gaz prix marché marchés banque "
    "crédit épargne impôt impôts fiscalité coût coûts naïf Noël cœur œuvre maïs "
    "façon reçu garçon français française européen annoncé annoncée présenté "
    "présentée voté votée adopté rejeté refusé prévu mardi mercredi jeudi semaine "
    "mois année 2024 12 % 3,5 millions milliards",
)
SHOUTED = re.findall(
    r"\S+",
    "ALERTE URGENT EXCLUSIF DÉMISSION SCANDALE RÉVÉLATIONS ENQUÊTE PERQUISITION "
    "GARDE VUE MISE EXAMEN TRIBUNAL VERDICT APPEL CASSATION ÉTÉ HIVER",
)
ENDINGS = (".", ".", ".", " !", " ?", "…", " :", ";")
LETTERS = "abcdefghijklmnopqrstuvwxyzéèêàçôûïœ"

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def sentences(draw: st.DrawFn, words: list[str] = WORDS) -> str:
    chosen = draw(st.lists(st.sampled_from(words), min_size=4, max_size=14))
    if draw(st.booleans()):
        at = draw(st.integers(1, len(chosen) - 1))
        chosen[at - 1] += ","
    if draw(st.integers(0, 5)) == 0:
        chosen[0] = "« " + chosen[0]
        chosen[-1] += " »"
    text = " ".join(chosen)
    text = text[0].upper() + text[1:]
    separator = draw(st.sampled_from([" ", " ", " ", "\n", "\n\n"]))
    return text + draw(st.sampled_from(ENDINGS)) + separator


@dataclass
class Article:
    """An article made of sentences, each with its trailing separator."""

    units: list[str]

    @property
    def text(self) -> str:
        return "".join(self.units)

    def offset(self, unit: int) -> int:
        return sum(len(u) for u in self.units[:unit])


@st.composite
def highlighted(draw: st.DrawFn, words: list[str] = WORDS) -> tuple[Article, int, int, int, int]:
    """An article, a span of 3–40 words, and the units from ``first`` to ``last`` it touches."""
    units = draw(st.lists(sentences(words), min_size=2, max_size=14))
    article = Article(units)
    text = article.text
    tokens = [m.span() for m in re.finditer(r"\S+", text)]
    assume(len(tokens) >= 3)
    size = draw(st.integers(3, min(40, len(tokens))))
    first_token = draw(st.integers(0, len(tokens) - size))
    start, end = tokens[first_token][0], tokens[first_token + size - 1][1]
    bounds = [article.offset(i) for i in range(len(units) + 1)]
    first = max(i for i in range(len(units)) if bounds[i] <= start)
    last = max(i for i in range(len(units)) if bounds[i] < end)
    return article, start, end, first, last


def edit_units(draw: st.DrawFn, units: list[str]) -> list[str]:
    """Whole sentences inserted, deleted or replaced, at random."""
    units = list(units)
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        if kind == "insert" or not units:
            units.insert(draw(st.integers(0, len(units))), draw(sentences()))
        elif kind == "delete":
            del units[draw(st.integers(0, len(units) - 1))]
        else:
            units[draw(st.integers(0, len(units) - 1))] = draw(sentences())
    return units


@FAST
@given(highlighted(), st.data())
def test_edits_around_the_passage_keep_it_exactly(
    sample: tuple[Article, int, int, int, int], data: st.DataObject
) -> None:
    article, start, end, first, last = sample
    text = article.text
    quote, position = selectors_for(text, start, end)
    assert (position.start, position.end) == (start, end)
    before = edit_units(data.draw, article.units[:first])
    after = edit_units(data.draw, article.units[last + 1 :])
    new = "".join([*before, *article.units[first : last + 1], *after])
    shift = sum(map(len, before)) - article.offset(first)
    assume(new.count(quote.exact) == 1)

    anchor = locate(new, quote, position)

    assert anchor is not None
    assert (anchor.start, anchor.end) == (start + shift, end + shift)
    assert anchor.method in ("position", "quote")
    assert anchor.score == 1.0
    carried = reanchor(text, new, quote, position)
    assert carried is not None
    assert (carried.start, carried.end, carried.score) == (start + shift, end + shift, 1.0)


def _edit_chars(data: st.DataObject, passage: str) -> str:
    """At most 10 % of the passage's characters inserted, deleted or replaced."""
    budget = len(passage) // 10
    assume(budget >= 1)
    chars = list(passage)
    for _ in range(data.draw(st.integers(1, budget))):
        kind = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        if kind == "insert":
            chars.insert(data.draw(st.integers(0, len(chars))), data.draw(st.sampled_from(LETTERS)))
        elif kind == "delete" and len(chars) > 1:
            del chars[data.draw(st.integers(0, len(chars) - 1))]
        else:
            at = data.draw(st.integers(0, len(chars) - 1))
            chars[at] = data.draw(st.sampled_from([c for c in LETTERS if c != chars[at]]))
    return "".join(chars)


@FAST
@given(highlighted(), st.data())
def test_small_edits_inside_the_passage_are_found_there(
    sample: tuple[Article, int, int, int, int], data: st.DataObject
) -> None:
    article, start, end, _, _ = sample
    text = article.text
    quote, position = selectors_for(text, start, end)
    assume(text.count(quote.exact) == 1)
    edited = _edit_chars(data, quote.exact)
    new = text[:start] + edited + text[end:]
    expected = (start, start + len(edited))
    # No other passage is as like the quote (texts of few words repeat themselves).
    masked = new[:start] + "#" * len(edited) + new[start + len(edited) :]
    assume(locate(masked, quote, None) is None)
    assume(locate("Ajout en tête. " + masked, quote, None) is None)

    anchor = locate(new, quote, position)

    assert anchor is not None
    assert anchor.start < expected[1]
    assert expected[0] < anchor.end
    found = new[anchor.start : anchor.end]
    assert anchor.score == similarity(found, quote.exact)
    assert anchor.score >= FUZZY_THRESHOLD
    # The same holds without the old position, and moved by an edit before it.
    moved = locate("Ajout en tête. " + new, quote, None)
    assert moved is not None
    assert moved.start - 15 < expected[1]
    assert expected[0] < moved.end - 15


@FAST
@given(highlighted(), st.data())
def test_deleted_passage_is_orphaned(
    sample: tuple[Article, int, int, int, int], data: st.DataObject
) -> None:
    article, _, _, _, _ = sample
    # A passage in capitals, a shouted headline, is unlike anything else in the article.
    shouted = data.draw(st.lists(sentences(SHOUTED), min_size=1, max_size=3))
    at = data.draw(st.integers(0, len(article.units)))
    units = [*article.units[:at], *shouted, *article.units[at:]]
    text = "".join(units)
    low = sum(map(len, units[:at]))
    high = low + sum(map(len, shouted))
    tokens = [m.span() for m in re.finditer(r"\S+", text[low:high])]
    size = data.draw(st.integers(3, min(40, len(tokens))))
    first = data.draw(st.integers(0, len(tokens) - size))
    quote, position = selectors_for(text, low + tokens[first][0], low + tokens[first + size - 1][1])
    assert locate(text, quote, position) == Anchor(position.start, position.end, "position", 1.0)
    remaining = edit_units(data.draw, [*article.units[:at], *article.units[at:]])
    new = "".join(remaining)

    assert locate(new, quote, position) is None
    assert locate(new, quote, None) is None


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32), st.integers(30, 2000), st.sampled_from("pfq-"))
def test_long_articles_and_long_quotes(seed: int, length: int, edit: str) -> None:
    """A 50 000-character article and quotes up to 2 000 characters (a timing sanity check)."""
    rng = random.Random(seed)
    units = []
    size = 0
    while size < 50_000:
        words = [rng.choice(WORDS) for _ in range(rng.randint(5, 16))]
        units.append(" ".join(words).capitalize() + rng.choice(ENDINGS) + " ")
        size += len(units[-1])
    text = "".join(units)
    start = text.index(" ", rng.randrange(len(text) - length - 100)) + 1
    end = text.rindex(" ", start + 1, start + length + 1)
    quote, position = selectors_for(text, start, end)
    if edit == "p":
        assert locate(text, quote, position) == Anchor(start, end, "position", 1.0)
    elif edit == "q":
        anchor = locate("Nouveau chapeau. " + text, quote, position)
        assert anchor is not None
        assert anchor.start - 17 == start or text.count(quote.exact) > 1
    elif edit == "f":
        chars = list(quote.exact)
        for _ in range(max(1, len(chars) // 20)):
            chars[rng.randrange(len(chars))] = "#"
        new = text[:start] + "".join(chars) + text[end:]
        anchor = locate(new, quote, position)
        assert anchor is not None
        if text.count(quote.exact) == 1:
            assert anchor.start < start + len(chars)
            assert start < anchor.end
    else:
        new = text[:start] + text[end:]
        anchor = locate(new, quote, position)
        if anchor is not None:  # a copy of a short quote elsewhere is a fair answer
            assert similarity(new[anchor.start : anchor.end], quote.exact) >= FUZZY_THRESHOLD


def _lcs_by_table(a: str, b: str) -> int:
    row = [0] * (len(b) + 1)
    for char in a:
        previous_diagonal = 0
        for j, other in enumerate(b, 1):
            previous_diagonal, row[j] = (
                row[j],
                previous_diagonal + 1 if char == other else max(row[j], row[j - 1]),
            )
    return row[-1]


@FAST
@given(st.text("abé ’«", max_size=40), st.text("abé ’«", max_size=40))
def test_similarity_is_the_lcs_ratio(a: str, b: str) -> None:
    expected = 1.0 if not a and not b else 2 * _lcs_by_table(a, b) / (len(a) + len(b))
    assert similarity(a, b) == pytest.approx(expected)
    assert similarity(b, a) == similarity(a, b)
