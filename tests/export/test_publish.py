"""Publishing a brief: the target is checked before the work, the file written whole, and the
brief kept (and its articles marked used) only once it is written."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.core import Store
from reader.core.errors import ReaderError
from reader.core.types import Brief
from reader.export import publish_brief
from reader.export.labels import ENGLISH, FRENCH, leftover_headings


def test_a_published_brief_is_written_saved_and_marked(
    brief_store: Store, brief: Brief, tmp_path: Path
) -> None:
    target = tmp_path / "brief.md"
    published = publish_brief(brief_store, brief, target, "md", mark_used=True)
    assert target.read_bytes().startswith(b"# Revue de presse")
    assert published.brief.id is not None
    assert published.marked == len(brief.article_ids()) > 0
    assert brief_store.briefs.used_article_ids() == set(brief.article_ids())


def test_a_brief_only_written_is_not_kept(brief_store: Store, brief: Brief, tmp_path: Path) -> None:
    published = publish_brief(brief_store, brief, tmp_path / "brief.html", "html")
    assert published.brief is brief and published.marked == 0
    assert brief_store.briefs.list() == []


def test_a_brief_goes_to_a_stream(brief_store: Store, brief: Brief) -> None:
    stream = io.BytesIO()
    published = publish_brief(brief_store, brief, stream, "md", save=True)
    assert stream.getvalue().startswith(b"# Revue de presse")
    assert published.brief.id is not None and published.marked == 0


def test_a_missing_folder_keeps_nothing(brief_store: Store, brief: Brief, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "brief.md"
    with pytest.raises(ReaderError, match=r"the folder .* does not exist"):
        publish_brief(brief_store, brief, target, "md", mark_used=True)
    assert brief_store.briefs.list() == []
    assert brief_store.briefs.used_article_ids() == set()


def test_the_catch_all_headings_are_the_brief_languages_words() -> None:
    assert leftover_headings("en") == ("Other", "Articles") == ENGLISH.leftover_headings
    assert leftover_headings("fr") == ("Autres sujets", "Articles") == FRENCH.leftover_headings
    assert leftover_headings("de") == ("Other", "Articles")
