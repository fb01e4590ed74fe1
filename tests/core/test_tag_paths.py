"""Tags as paths: what a tag filter matches (the tag and every tag below it)."""

from __future__ import annotations

from reader.core import is_under, tag_and_parents, tag_key


def test_a_tag_matches_itself_and_the_tags_below_it_case_aside() -> None:
    assert is_under("country/Mali", "country")
    assert is_under("country/Mali/Gao", "Country/mali")
    assert is_under("country", "COUNTRY")


def test_a_common_prefix_is_not_a_parent() -> None:
    assert not is_under("countryside", "country")
    assert not is_under("country", "country/Mali")
    assert not is_under("actor/Mali army", "country/Mali")


def test_spaces_and_empty_levels_do_not_count() -> None:
    assert tag_key(" country /  Burkina   Faso/ ") == "country/burkina faso"
    assert is_under("country/Burkina Faso", "country / burkina  faso")


def test_a_tag_carries_the_keys_of_its_parents() -> None:
    assert tag_and_parents("Country/Mali/Gao") == ("country", "country/mali", "country/mali/gao")
