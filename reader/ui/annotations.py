"""Every change a user makes to highlights, notes and tags, as undoable commands.

Views never write annotations to the store themselves: they call :class:`Annotations`, which
pushes a command on its QUndoStack (so Ctrl+Z / Ctrl+Shift+Z work the same from the reader,
the annotations panel, the article list, the feed tree and the Highlights window) and says
what changed with :attr:`Annotations.changed`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.core import Store, normalize_tag
from reader.core.errors import ReaderError
from reader.core.types import Highlight, TagSnapshot


@dataclass(frozen=True, slots=True)
class Change:
    """What an annotation command touched: the articles whose highlights or tags changed,
    and whether the tag vocabulary (names, colours, counts) changed."""

    article_ids: frozenset[int] = frozenset()
    tags: bool = False


class Annotations(QObject):
    """The one way the desktop app changes annotations. Methods raise ReaderError (with a
    message for the user) before anything is pushed when the change cannot be made."""

    #: A Change, after a command is done, undone or redone.
    changed = Signal(object)
    #: A message for the user when undoing or redoing cannot be done (the article went).
    failed = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)

    def set_store(self, store: Store) -> None:
        """Work on another library; the history of the previous one is forgotten."""
        self.store = store
        self.undo_stack.clear()

    # -- highlights -------------------------------------------------------------------------

    def add_highlight(
        self,
        article_id: int,
        quote: str,
        *,
        occurrence: int | None = None,
        color: str = "yellow",
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Highlight:
        """Highlight a passage of an article (see ``HighlightStore.add_quote``)."""
        highlight = self.store.highlights.add_quote(
            article_id, quote, occurrence=occurrence, color=color, note=note, tags=tags
        )
        self._push(_AddHighlight(self, highlight), done=True)
        return highlight

    def edit_highlight(
        self,
        highlight_id: int,
        *,
        color: str | None = None,
        note: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Highlight:
        """Change a highlight's colour, note or tags. Successive edits of one highlight's note
        undo as one step."""
        before = self.store.highlights.get(highlight_id)
        names = None if tags is None else tuple(normalize_tag(tag) for tag in tags)
        after = self.store.highlights.update(highlight_id, color=color, note=note, tags=names)
        changed = [
            kind
            for kind, was, now in (
                ("colour", before.color, after.color),
                ("note", before.note, after.note),
                ("tags", before.tags, after.tags),
            )
            if was != now
        ]
        if changed:
            kind = changed[0] if len(changed) == 1 else "edit"
            self._push(_EditHighlight(self, before, after, kind), done=True)
        return after

    def delete_highlight(self, highlight_id: int) -> Highlight:
        """Delete a highlight (undo puts it back, note and tags included)."""
        highlight = self.store.highlights.delete(highlight_id)
        self._push(_DeleteHighlight(self, highlight), done=True)
        return highlight

    # -- article tags -----------------------------------------------------------------------

    def tag_article(self, article_id: int, tags: Iterable[str]) -> tuple[str, ...]:
        """Add tags to an article; returns its tags afterwards."""
        names = [normalize_tag(tag) for tag in tags]
        before = {t.casefold() for t in self.store.get_article(article_id).tags}
        added = tuple(n for n in dict.fromkeys(names) if n.casefold() not in before)
        if added:
            self._push(_ArticleTags(self, article_id, added, remove=False), done=False)
        return self.store.get_article(article_id).tags

    def untag_article(self, article_id: int, tags: Iterable[str]) -> tuple[str, ...]:
        """Take tags off an article; returns its tags afterwards."""
        names = {normalize_tag(tag).casefold() for tag in tags}
        present = tuple(t for t in self.store.get_article(article_id).tags if t.casefold() in names)
        if present:
            self._push(_ArticleTags(self, article_id, present, remove=True), done=False)
        return self.store.get_article(article_id).tags

    # -- the tag vocabulary -----------------------------------------------------------------

    def rename_tag(self, old: str, new: str) -> str:
        """Rename (or merge) a tag and the tags below it; returns the new name."""
        snapshot = self.store.tags.snapshot([old, new])
        renamed = self.store.tags.rename(old, new)
        text = self.tr("Rename tag “{0}” to “{1}”").format(old, renamed)
        self._push(
            _TagVocabulary(self, snapshot, text, lambda: self.store.tags.rename(old, new)),
            done=True,
        )
        return renamed

    def set_tag_color(self, name: str, color: str | None) -> None:
        snapshot = self.store.tags.snapshot([name])
        self.store.tags.set_color(name, color)
        text = self.tr("Colour of tag “{0}”").format(name)
        self._push(
            _TagVocabulary(self, snapshot, text, lambda: self.store.tags.set_color(name, color)),
            done=True,
        )

    def delete_tag(self, name: str) -> None:
        """Take a tag (and those below it) off every article and highlight."""
        snapshot = self.store.tags.snapshot([name])
        self.store.tags.delete(name)
        text = self.tr("Delete tag “{0}”").format(name)
        self._push(
            _TagVocabulary(self, snapshot, text, lambda: self.store.tags.delete(name)), done=True
        )

    # -- plumbing ---------------------------------------------------------------------------

    def _push(self, command: _Command, *, done: bool) -> None:
        """Push a command whose change is already made (``done``) or is made by the push."""
        command.skip_first_redo = done
        self.undo_stack.push(command)

    def _run(self, step: Callable[[], Change]) -> None:
        try:
            change = step()
        except ReaderError as error:
            self.failed.emit(str(error))
            change = Change(tags=True)
        self.changed.emit(change)


class _Command(QUndoCommand):
    """A change already made when pushed (``skip_first_redo``) or made by the first redo."""

    def __init__(self, owner: Annotations, text: str) -> None:
        super().__init__(text)
        self.owner = owner
        self.skip_first_redo = False

    def redo(self) -> None:
        if self.skip_first_redo:
            self.skip_first_redo = False
            self.owner.changed.emit(self.first_change())
            return
        self.owner._run(self.do)

    def undo(self) -> None:
        self.owner._run(self.revert)

    def first_change(self) -> Change:
        raise NotImplementedError

    def do(self) -> Change:
        raise NotImplementedError

    def revert(self) -> Change:
        raise NotImplementedError


def _touched(highlight: Highlight, *, tags: bool = True) -> Change:
    ids = frozenset() if highlight.article_id is None else frozenset({highlight.article_id})
    return Change(ids, tags=tags and bool(highlight.tags))


class _AddHighlight(_Command):
    def __init__(self, owner: Annotations, highlight: Highlight) -> None:
        super().__init__(
            owner,
            QCoreApplication.translate("Annotations", "Highlight “{0}”").format(
                shorten(highlight.exact)
            ),
        )
        self.highlight = highlight

    def first_change(self) -> Change:
        return _touched(self.highlight)

    def do(self) -> Change:
        self.highlight = self.owner.store.highlights.restore(self.highlight)
        return _touched(self.highlight)

    def revert(self) -> Change:
        self.highlight = self.owner.store.highlights.delete(self.highlight.id)
        return _touched(self.highlight)


class _DeleteHighlight(_AddHighlight):
    def __init__(self, owner: Annotations, highlight: Highlight) -> None:
        super().__init__(owner, highlight)
        self.setText(
            QCoreApplication.translate("Annotations", "Delete highlight “{0}”").format(
                shorten(highlight.exact)
            )
        )

    def do(self) -> Change:
        return _AddHighlight.revert(self)

    def revert(self) -> Change:
        return _AddHighlight.do(self)


class _EditHighlight(_Command):
    #: Note edits of one highlight made one after another merge into one undo step.
    NOTE_ID = 0x4E4F5445

    def __init__(self, owner: Annotations, before: Highlight, after: Highlight, kind: str) -> None:
        """``kind``: what the edit changed, named in the Undo and Redo actions: "note",
        "colour", "tags", or "edit" for more than one of them."""
        texts = {
            "note": QCoreApplication.translate("Annotations", "Edit note on “{0}”"),
            "colour": QCoreApplication.translate("Annotations", "Change colour of “{0}”"),
            "tags": QCoreApplication.translate("Annotations", "Change tags of “{0}”"),
        }
        text = texts.get(kind) or QCoreApplication.translate("Annotations", "Edit highlight “{0}”")
        super().__init__(owner, text.format(shorten(before.exact)))
        self.before, self.after, self.kind = before, after, kind

    def id(self) -> int:
        return self.NOTE_ID if self.kind == "note" else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _EditHighlight) or other.before.id != self.before.id:
            return False
        self.after = other.after
        return True

    def first_change(self) -> Change:
        return Change(_touched(self.after).article_ids, tags=self.before.tags != self.after.tags)

    def _apply(self, state: Highlight) -> Change:
        self.owner.store.highlights.update(
            state.id, color=state.color, note=state.note, tags=state.tags
        )
        return self.first_change()

    def do(self) -> Change:
        return self._apply(self.after)

    def revert(self) -> Change:
        return self._apply(self.before)


class _ArticleTags(_Command):
    def __init__(
        self, owner: Annotations, article_id: int, tags: tuple[str, ...], *, remove: bool
    ) -> None:
        label = ", ".join(tags)
        text = (
            QCoreApplication.translate("Annotations", "Untag {0}")
            if remove
            else QCoreApplication.translate("Annotations", "Tag {0}")
        )
        super().__init__(owner, text.format(label))
        self.article_id, self.tags, self.remove = article_id, tags, remove

    def first_change(self) -> Change:
        return Change(frozenset({self.article_id}), tags=True)

    def _set(self, present: bool) -> Change:
        if present:
            self.owner.store.tag_article(self.article_id, self.tags)
        else:
            self.owner.store.untag_article(self.article_id, self.tags)
        return self.first_change()

    def do(self) -> Change:
        return self._set(not self.remove)

    def revert(self) -> Change:
        return self._set(self.remove)


class _TagVocabulary(_Command):
    def __init__(
        self,
        owner: Annotations,
        before: TagSnapshot,
        text: str,
        again: Callable[[], object],
    ) -> None:
        super().__init__(owner, text)
        self.before, self.again = before, again

    def first_change(self) -> Change:
        return Change(tags=True)

    def do(self) -> Change:
        self.again()
        return Change(tags=True)

    def revert(self) -> Change:
        # The snapshot covers the old and the new names, so this also clears what a rename
        # created.
        self.owner.store.tags.restore(self.before)
        return Change(tags=True)


def shorten(text: str, width: int = 40) -> str:
    """``text`` on one line, cut with an ellipsis past ``width`` characters (for labels)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
