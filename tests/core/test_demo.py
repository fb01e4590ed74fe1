"""The bundled demo library: seeded offline, and refreshed offline to its next edition."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.demo import is_demo_library, open_demo_library, reopen_library, seed_demo_library
from reader.core.refresh import refresh_feeds
from reader.core.storage import Store
from reader.paths import demo_library_path, resources_dir, user_library_path
from tests.factories import Clock

ASSISES = "Assises nationales : la transition prolongée jusqu’en 2029"


@pytest.fixture
def demo(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    with open_demo_library(tmp_path / "library.sqlite3", clock=clock) as store:
        assert seed_demo_library(store, resources_dir() / "demo") == 5
        yield store


def test_a_refresh_brings_the_next_edition_then_nothing(demo: Store) -> None:
    before = demo.stats().articles
    first = refresh_feeds(demo, parse_processes=0)
    assert (first.ok, first.failed, first.new, first.updated) == (5, 0, 1, 1)
    assert demo.stats().articles == before + 1
    second = refresh_feeds(demo, parse_processes=0)
    assert (second.not_modified, second.new, second.updated) == (5, 0, 0)


def test_highlights_survive_the_rewritten_article(demo: Store) -> None:
    (article,) = [a for a in demo.list_articles() if a.title == ASSISES]
    kept = demo.highlights.add_quote(
        article.id,
        "n’a pas encore indiqué s’il comptait suivre ces recommandations",
        color="pink",
        note="Candidature non exclue",
        tags=["actor/junta"],
    )
    moved = demo.highlights.add_quote(article.id, "une « confiscation du pouvoir »", color="blue")
    cut = demo.highlights.add_quote(
        article.id,
        "plusieurs responsables de l’ACR font l’objet de poursuites judiciaires",
        note="À suivre : procès de l’ACR",
    )

    refresh_feeds(demo, parse_processes=0)

    text = demo.get_article(article.id).text
    assert text.startswith("Mise à jour le 29")
    after = {h.id: h for h in demo.highlights.list(article_id=article.id)}
    fuzzy = after[kept.id]
    assert not fuzzy.orphaned and text[fuzzy.start : fuzzy.end] == fuzzy.exact
    assert "samedi matin" in fuzzy.exact and fuzzy.note == "Candidature non exclue"
    assert after[moved.id].start != moved.start
    assert text[after[moved.id].start : after[moved.id].end] == moved.exact
    orphan = after[cut.id]
    assert orphan.orphaned and orphan.note == "À suivre : procès de l’ACR"


def test_only_the_demo_library_answers_offline(store: Store) -> None:
    # The production downloader knows nothing of the demo: its addresses never resolve.
    seed_demo_library(store, resources_dir() / "demo")
    summary = refresh_feeds(store, parse_processes=0)
    assert (summary.ok, summary.failed) == (0, 5)


def test_a_worker_reopens_the_demo_library_offline(tmp_path: Path) -> None:
    path = demo_library_path(tmp_path)
    assert is_demo_library(path) and not is_demo_library(user_library_path(tmp_path))
    with open_demo_library(path) as store:
        seed_demo_library(store, resources_dir() / "demo")
    with reopen_library(path) as store:
        assert refresh_feeds(store, parse_processes=0).ok == 5
    with reopen_library(user_library_path(tmp_path)) as store:
        assert store.parts.fetcher is None
