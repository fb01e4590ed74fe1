"""The brief a composer edits, without its widgets: which saved brief it is, what was last
saved, whether it changed since, and starting, opening and saving it in the library."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reader.core import Store
from reader.core.types import Brief, BriefSection
from reader.export import Published, keep_published


@dataclass(frozen=True, slots=True)
class Draft:
    """The brief as the composer shows it, valid or not yet (no title, a period ending
    before it starts)."""

    title: str = ""
    author: str = ""
    language: str = "en"
    since: datetime | None = None
    until: datetime | None = None
    introduction: str = ""
    sections: tuple[BriefSection, ...] = ()

    @classmethod
    def of(cls, brief: Brief) -> Draft:
        """What a composer shows of ``brief``."""
        return cls(
            title=brief.title,
            author=brief.author,
            language=brief.language,
            since=brief.since,
            until=brief.until,
            introduction=brief.introduction,
            sections=brief.sections,
        )

    def kept(self) -> tuple[Any, ...]:
        """What saving keeps, as saving normalises it: equal values, nothing to save."""
        return (
            " ".join(self.title.split()),
            self.author.strip(),
            self.language,
            self.since,
            self.until,
            self.introduction,
            self.sections,
        )


class BriefDocument:
    """One brief being composed, in the library ``store``: ``new()`` starts one, ``open(id)``
    reads a saved one, ``save(brief)`` keeps it; ``is_modified(draft)`` says whether what
    the composer shows differs from what was last saved or opened."""

    def __init__(self, store: Store) -> None:
        self._briefs = store.briefs
        self._id: int | None = None
        self._created: datetime | None = None
        #: What was last saved or opened, as Draft.kept() (None: a new brief, not settled).
        self._saved: tuple[Any, ...] | None = None

    @property
    def brief_id(self) -> int | None:
        """The saved brief this document is (None until it is saved)."""
        return self._id

    def new(self) -> None:
        """Start a brief never saved: anything it holds is a change until :meth:`settle`."""
        self._id = None
        self._created = None
        self._saved = None

    def settle(self, draft: Draft) -> None:
        """Count ``draft`` as unchanged: a new brief's first automatic selection loses
        nothing the composer would not make again."""
        self._saved = draft.kept()

    def open(self, brief_id: int) -> Brief:
        """The saved brief ``brief_id``, now this document. Raises BriefNotFoundError or the
        library's errors (the document stays as it was)."""
        brief = self._briefs.get(brief_id)
        self._id = brief.id
        self._created = brief.created
        self._saved = Draft.of(brief).kept()
        return brief

    def brief(self, draft: Draft, *, placeholder_title: str = "") -> Brief:
        """``draft`` as this document's brief (its id, when it was created).
        ``placeholder_title`` stands in for a missing title. Raises ReaderError when it is
        not a valid brief yet (no title, a period ending before it starts)."""
        return Brief(
            title=draft.title.strip() or placeholder_title,
            author=draft.author.strip(),
            since=draft.since,
            until=draft.until,
            introduction=draft.introduction,
            sections=draft.sections,
            language=draft.language,
            id=self._id,
            created=self._created,
        )

    def save(self, brief: Brief) -> Brief:
        """Keep ``brief`` (made by :meth:`brief`) in the library; the saved brief. Raises the
        library's errors (nothing is adopted)."""
        saved = self._briefs.save(brief)
        self._adopt(saved, brief)
        return saved

    def keep_exported(self, brief: Brief) -> Published:
        """Once ``brief`` is exported: save it and record its articles as used (the
        publishing pipeline's last step). Raises the library's errors (nothing is adopted)."""
        published = keep_published(self._briefs, brief, mark_used=True)
        self._adopt(published.brief, brief)
        return published

    def is_modified(self, draft: Draft) -> bool:
        """Whether dropping ``draft`` would lose something: a change since the brief was saved,
        opened or settled; before that, any section or introduction."""
        if self._saved is None:
            return bool(draft.sections) or bool(draft.introduction.strip())
        return draft.kept() != self._saved

    def _adopt(self, saved: Brief, shown: Brief) -> None:
        """Take a saved brief's id; unmodified while the composer still shows ``shown``."""
        self._id = saved.id
        self._created = saved.created
        self._saved = Draft.of(shown).kept()
