"""The one accent-and-case folding every comparison uses."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from reader.core import fold


def test_french_accents_and_case_fold_to_plain_letters() -> None:
    assert fold("Coopération À Ségou") == "cooperation a segou"
    assert fold("Maïné-Soroa, Kaélé") == "maine-soroa, kaele"


def test_compatibility_forms_and_ligatures_fold_too() -> None:
    # NFKD splits ligatures and full-width letters; casefold turns ß into ss.
    assert fold("ﬁnance Ｍali Straße") == "finance mali strasse"


def test_combining_marks_beyond_the_basic_plane_are_dropped_as_well() -> None:
    # U+1D165 MUSICAL SYMBOL COMBINING STEM is a combining character outside the BMP.
    assert fold("e\U0001d165\u0301") == "e"


def test_text_without_accents_comes_back_lower_cased_only() -> None:
    assert fold("Niger 2026: AES") == "niger 2026: aes"
    assert fold("") == ""


@given(st.text())
def test_the_fast_folding_agrees_with_the_plain_definition(text: str) -> None:
    """Case folded, compatibility-decomposed, every combining mark dropped: the one-pass
    version gives exactly that, on any text."""
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )
    assert fold(text) == plain
