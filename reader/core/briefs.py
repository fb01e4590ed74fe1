"""Briefs: choosing articles and highlights for a press review, grouping them into sections,
and keeping briefs (and which articles went out in them) in the library."""

from __future__ import annotations

import builtins
import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from reader.core.dates import from_db, to_db
from reader.core.errors import (
    ArticleNotFoundError,
    BriefError,
    BriefNotFoundError,
    EmptyBriefError,
    FolderNotFoundError,
    HighlightNotFoundError,
    TagNotFoundError,
    UnknownColorError,
)
from reader.core.store import split_folder
from reader.core.tag_paths import any_under
from reader.core.tag_store import normalize_tag
from reader.core.types import (
    BRIEF_LANGUAGES,
    Article,
    ArticleQuery,
    Brief,
    BriefCriteria,
    BriefItem,
    BriefSection,
    Highlight,
)

if TYPE_CHECKING:
    import sqlite3

    from reader.core.store import Store


#: An excerpt longer than this many characters of text is cut to its first sentences.
EXCERPT_CHARS = 480

#: The version of the JSON body stored for each brief.
_BODY_VERSION = 1


# -- errors --------------------------------------------------------------------------------


# -- values --------------------------------------------------------------------------------


# -- selecting -----------------------------------------------------------------------------


def select_items(
    store: Store, criteria: BriefCriteria, *, allow_empty: bool = False
) -> list[BriefItem]:
    """The articles matching ``criteria``, newest first, each with its highlights in reading
    order. Raises TagNotFoundError, FeedNotFoundError, FolderNotFoundError or
    UnknownColorError for names the library does not know, and EmptyBriefError when nothing
    matched (unless ``allow_empty``)."""
    tags = _check_tags(store, criteria.tags)
    folders = _check_folders(store, criteria.folders)
    for feed_id in criteria.feed_ids:
        store.get_feed(feed_id)
    _check_colors(store, criteria.colors)

    tag_sets: list[tuple[str, ...]]
    if not tags:
        tag_sets = [()]
    elif criteria.tag_mode == "all":
        tag_sets = [tuple(tags)]
    else:
        tag_sets = [(tag,) for tag in tags]
    articles: dict[int, Article] = {}
    folder_filters: list[str | None] = [*folders] or [None]
    for folder in folder_filters:
        for tag_set in tag_sets:
            query = ArticleQuery(
                feed_ids=tuple(criteria.feed_ids),
                folder=folder,
                tags=tag_set,
                tags_in_highlights=True,
                starred=criteria.starred_only,
                since=criteria.since,
                until=criteria.until,
            )
            for article in store.list_articles(query):
                articles.setdefault(article.id, article)

    if criteria.unused_only:
        used = {row[0] for row in store._query("SELECT DISTINCT article_id FROM brief_uses")}
        articles = {k: a for k, a in articles.items() if k not in used}

    by_article: dict[int, list[Highlight]] = {}
    if articles:
        # A story carried by several feeds is listed once, as its first copy; highlights
        # made on another copy belong to it too.
        listed_as = {article_id: article_id for article_id in articles}
        listed_as.update(_copies(store, list(articles)))
        for highlight in store.highlights.list(since=criteria.since, until=criteria.until):
            if highlight.article_id in listed_as:
                by_article.setdefault(listed_as[highlight.article_id], []).append(highlight)
    colors = set(criteria.colors)
    chosen: list[tuple[Article, list[Highlight]]] = []
    for article in sorted(articles.values(), key=lambda a: (a.published, a.id), reverse=True):
        highlights = by_article.get(article.id, [])
        if colors:
            highlights = [h for h in highlights if h.color in colors]
            if not highlights:
                continue
        chosen.append((article, highlights))
    bodies = _bodies(store, [article.id for article, _ in chosen])
    items = [
        _item_from_article(
            replace(article, summary_html=bodies[article.id][0], text=bodies[article.id][1])
            if article.id in bodies
            else article,
            tuple(highlights),
        )
        for article, highlights in chosen
    ]
    if not items and not allow_empty:
        raise EmptyBriefError(f"nothing matched: {criteria.describe()}")
    return items


def _copies(store: Store, article_ids: Sequence[int]) -> dict[int, int]:
    """Other feeds' copies of these articles' stories, each mapped to the article."""
    found: dict[int, int] = {}
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for row in store._query(
            f"SELECT id, duplicate_of FROM articles WHERE duplicate_of IN ({marks})", tuple(chunk)
        ):
            found[row[0]] = row[1]
    return found


def _bodies(store: Store, article_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """The summaries and texts of some articles (lists are read without them)."""
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for row in store._query(
            f"SELECT id, summary_html, text FROM articles WHERE id IN ({marks})", tuple(chunk)
        ):
            found[row["id"]] = (row["summary_html"] or "", row["text"] or "")
    return found


_SENTENCE_END = re.compile(r"(?<=[.!?…»])\s+")


def excerpt_of(article: Article) -> str:
    """The opening of an article as sanitized HTML: its feed summary when that is short,
    else its first sentences up to about ``EXCERPT_CHARS`` characters."""
    summary = article.summary_html.strip()
    if summary and len(re.sub(r"<[^>]*>", "", summary)) <= EXCERPT_CHARS:
        return summary
    text = " ".join((article.text or "").split())
    if not text:
        return ""
    if len(text) > EXCERPT_CHARS:
        kept = ""
        for sentence in _SENTENCE_END.split(text):
            if kept and len(kept) + len(sentence) + 1 > EXCERPT_CHARS:
                break
            kept = f"{kept} {sentence}".strip()
        if len(kept) > EXCERPT_CHARS:
            kept = kept[:EXCERPT_CHARS].rsplit(" ", 1)[0]
        text = kept.rstrip(" ,;:") + ("" if kept.endswith((".", "!", "?", "»")) else "…")
    return f"<p>{html.escape(text, quote=False)}</p>"


def _item_from_article(article: Article, highlights: tuple[Highlight, ...]) -> BriefItem:
    return BriefItem(
        excerpt=excerpt_of(article),
        article_id=article.id,
        title=article.title,
        link=article.link,
        source=article.feed_title,
        author=article.author,
        published=article.published,
        highlights=highlights,
        tags=article.tags,
        feed_id=article.feed_id,
    )


def _check_tags(store: Store, tags: Iterable[str]) -> list[str]:
    names = store.tags.names()
    checked: list[str] = []
    for tag in tags:
        name = normalize_tag(tag)
        if not any_under(names, name):
            raise TagNotFoundError(f"no tag named {name!r}")
        checked.append(name)
    return list(dict.fromkeys(checked))


def _check_folders(store: Store, folders: Iterable[str]) -> list[str]:
    known = set(store.list_folders())
    checked: list[str] = []
    for folder in folders:
        path = split_folder(folder)
        if path not in known:
            raise FolderNotFoundError(f"no folder named {folder!r}")
        checked.append("/".join(path))
    return list(dict.fromkeys(checked))


def _check_colors(store: Store, colors: Iterable[str]) -> None:
    palette = [color.name for color in store.highlights.colors()]
    for color in colors:
        if color not in palette:
            raise UnknownColorError(
                f"unknown colour {color!r} (the palette has {', '.join(palette)})"
            )


# -- grouping ------------------------------------------------------------------------------


def group(
    items: Sequence[BriefItem],
    criteria: BriefCriteria,
    *,
    other: str = "Other",
    everything: str = "Articles",
    headings: Mapping[str, str] | None = None,
) -> list[BriefSection]:
    """Sections for ``items`` (whose order is kept within each section), as the criteria say:

    - by tag: with a ``tag_prefix``, one section per tag below it (``country/Mali`` gives
      "Mali"), sorted by name; without one, one section per tag of the criteria, in their
      order, or per tag of the items when the criteria have none. An article goes under its
      first matching tag (its own tags and its highlights', sorted by name); articles with
      none go to a last section headed ``other``.
    - by feed: one section per source, sorted by name.
    - none: one section headed ``everything``.

    ``headings`` renames sections by their key (the full tag, or the source name).
    """
    rename = dict(headings or {})
    if not items:
        return []
    if criteria.group_by == "none":
        return [BriefSection(everything, tuple(items))]
    if criteria.group_by == "feed":
        by_source: dict[str, list[BriefItem]] = {}
        for item in items:
            by_source.setdefault(item.source, []).append(item)
        return [
            BriefSection(rename.get(source, source), tuple(members))
            for source, members in sorted(by_source.items(), key=lambda kv: kv[0].casefold())
        ]

    prefix = normalize_tag(criteria.tag_prefix) if criteria.tag_prefix else None
    ordered_keys = [normalize_tag(tag) for tag in criteria.tags] if not prefix else []
    sections: dict[str, list[BriefItem]] = {}
    spelled: dict[str, str] = {}
    leftovers: list[BriefItem] = []
    for item in items:
        key = _section_key(item.all_tags, prefix, ordered_keys)
        if key is None:
            leftovers.append(item)
            continue
        spelled.setdefault(key.casefold(), key)
        sections.setdefault(key.casefold(), []).append(item)

    def heading(key: str) -> str:
        if key in rename:
            return rename[key]
        return key[len(prefix) + 1 :] if prefix else key

    if ordered_keys:
        order = [k.casefold() for k in ordered_keys if k.casefold() in sections]
    else:
        order = sorted(sections, key=lambda k: heading(spelled[k]).casefold())
    result = [BriefSection(heading(spelled[k]), tuple(sections[k])) for k in order]
    if leftovers:
        result.append(BriefSection(rename.get(other, other), tuple(leftovers)))
    return result


def _section_key(tags: Sequence[str], prefix: str | None, ordered: Sequence[str]) -> str | None:
    """The section an item with ``tags`` belongs to, or None."""
    if prefix is not None:
        below = prefix.casefold() + "/"
        for tag in tags:
            if tag.casefold().startswith(below):
                # country/Mali/Gao sits in the Mali section.
                depth = prefix.count("/") + 2
                return "/".join(tag.split("/")[:depth])
        return None
    if ordered:
        for key in ordered:
            if any_under(tags, key):
                return key
        return None
    return tags[0] if tags else None


def keep_summaries(items: Iterable[BriefItem], previous: Iterable[BriefItem]) -> list[BriefItem]:
    """``items`` selected again, each with the summary the user wrote for its article in
    ``previous`` (what the brief held before), if any: selecting again never loses a summary
    of an article still selected. Items without an article, or without a summary, keep
    nothing."""
    summaries = {
        item.article_id: item.summary
        for item in previous
        if item.article_id is not None and item.summary
    }
    return [
        replace(item, summary=summaries[item.article_id]) if item.article_id in summaries else item
        for item in items
    ]


def reselect(
    store: Store,
    criteria: BriefCriteria,
    *,
    previous: Iterable[BriefSection] = (),
    other: str = "Other",
    everything: str = "Articles",
    allow_empty: bool = False,
) -> list[BriefSection]:
    """The sections of a brief selected (again) by ``criteria``: the matching articles, with
    the summaries written in ``previous`` (the brief's sections before, see
    :func:`keep_summaries`), grouped as :func:`group` does; ``other`` and ``everything`` head
    the catch-all sections, in the brief's language (the export's labels hold them). Raises
    what :func:`select_items` raises."""
    items = select_items(store, criteria, allow_empty=allow_empty)
    kept = keep_summaries(items, (item for section in previous for item in section.items))
    return group(kept, criteria, other=other, everything=everything)


def compose(
    store: Store,
    criteria: BriefCriteria,
    *,
    title: str,
    author: str = "",
    introduction: str = "",
    language: str = "en",
    allow_empty: bool = False,
    other: str = "Other",
    everything: str = "Articles",
) -> Brief:
    """A new (unsaved) brief from the criteria, its sections chosen by :func:`reselect`."""
    sections = reselect(
        store, criteria, other=other, everything=everything, allow_empty=allow_empty
    )
    return Brief(
        title=title,
        author=author,
        since=criteria.since,
        until=criteria.until,
        introduction=introduction,
        language=language,
        sections=tuple(sections),
    )


# -- keeping briefs ------------------------------------------------------------------------


class BriefStore:
    """Briefs kept in the library: ``BriefStore(store)``. A saved brief keeps its sections,
    items, summaries and the ids of its chosen highlights; reopening it reads the highlights
    and articles as they are now (an orphaned highlight keeps its quote; a deleted one is
    left out and listed in ``missing_highlights``)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def save(self, brief: Brief) -> Brief:
        """Write a new brief (``id`` None) or replace a saved one; returns it with its id and
        times."""
        now = self._store.now()
        values = (
            " ".join(brief.title.split()),
            brief.author.strip(),
            to_db(brief.since),
            to_db(brief.until),
            brief.introduction,
            json.dumps(_body(brief), ensure_ascii=False),
        )
        with self._store.transaction() as db:
            if brief.id is None:
                brief_id = db.execute(
                    "INSERT INTO briefs (title, author, since, until, introduction, body, "
                    "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, to_db(now), to_db(now)),
                ).lastrowid
                assert brief_id is not None
                return replace(brief, id=brief_id, created=now, updated=now)
            changed = db.execute(
                "UPDATE briefs SET title = ?, author = ?, since = ?, until = ?, "
                "introduction = ?, body = ?, updated = ? WHERE id = ?",
                (*values, to_db(now), brief.id),
            ).rowcount
            if not changed:
                raise BriefNotFoundError(f"no brief with id {brief.id}")
            created = from_db(
                db.execute("SELECT created FROM briefs WHERE id = ?", (brief.id,)).fetchone()[0]
            )
        return replace(brief, created=created, updated=now)

    def get(self, brief_id: int) -> Brief:
        """A saved brief, its highlights and articles read as they are now."""
        rows = self._store._query(f"{_SELECT_BRIEFS} WHERE b.id = ?", (brief_id,))
        if not rows:
            raise BriefNotFoundError(f"no brief with id {brief_id}")
        return self._brief(rows[0])

    def list(self) -> list[Brief]:
        """Every saved brief, the most recently changed first."""
        rows = self._store._query(f"{_SELECT_BRIEFS} ORDER BY b.updated DESC, b.id DESC")
        return [self._brief(row) for row in rows]

    def delete(self, brief_id: int) -> None:
        """Remove a brief; its articles count as unused again."""
        with self._store.transaction() as db:
            if not db.execute("DELETE FROM briefs WHERE id = ?", (brief_id,)).rowcount:
                raise BriefNotFoundError(f"no brief with id {brief_id}")

    def mark_exported(self, brief: Brief) -> int:
        """Record that the brief went out with its articles (so ``unused_only`` leaves them
        out next time); returns how many articles were recorded. The brief must be saved."""
        if brief.id is None:
            raise BriefError("save the brief before marking it exported")
        now = to_db(self._store.now())
        with self._store.transaction() as db:
            if not db.execute("SELECT 1 FROM briefs WHERE id = ?", (brief.id,)).fetchone():
                raise BriefNotFoundError(f"no brief with id {brief.id}")
            recorded = 0
            for article_id in brief.article_ids():
                recorded += db.execute(
                    "INSERT INTO brief_uses (brief_id, article_id, exported) "
                    "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?2) "
                    "ON CONFLICT DO UPDATE SET exported = excluded.exported",
                    (brief.id, article_id, now),
                ).rowcount
        return recorded

    def used_article_ids(self) -> set[int]:
        """Articles sent out in an exported brief."""
        return {int(r[0]) for r in self._store._query("SELECT article_id FROM brief_uses")}

    # -- reading back -----------------------------------------------------------------------

    def _brief(self, row: sqlite3.Row) -> Brief:
        try:
            body = json.loads(row["body"])
            if body.get("version", 1) > _BODY_VERSION:
                raise BriefError(
                    f"brief {row['id']} was written by a newer Press Reader: please update"
                )
            raw_sections = body["sections"]
            language = str(body.get("language", "en"))
            if language not in BRIEF_LANGUAGES:
                language = "en"
        except (ValueError, KeyError, TypeError, AttributeError):
            raise BriefError(f"brief {row['id']} is damaged and cannot be read") from None
        missing: builtins.list[int] = []
        sections = tuple(
            BriefSection(
                str(section.get("heading", "")),
                tuple(self._item(raw, missing) for raw in section.get("items", [])),
            )
            for section in raw_sections
        )
        return Brief(
            id=row["id"],
            title=row["title"],
            author=row["author"],
            since=from_db(row["since"]),
            until=from_db(row["until"]),
            introduction=row["introduction"],
            sections=sections,
            created=from_db(row["created"]),
            updated=from_db(row["updated"]),
            exported=from_db(row["exported"]),
            missing_highlights=tuple(missing),
            language=language,
        )

    def _item(self, raw: Mapping[str, Any], missing: builtins.list[int]) -> BriefItem:
        highlights: list[Highlight] = []
        for highlight_id in raw.get("highlights", []):
            try:
                highlights.append(self._store.highlights.get(int(highlight_id)))
            except HighlightNotFoundError:
                missing.append(int(highlight_id))
        item = BriefItem(
            article_id=raw.get("article_id"),
            title=str(raw.get("title", "")),
            link=raw.get("link"),
            source=str(raw.get("source", "")),
            author=raw.get("author"),
            published=from_db(raw.get("published")),
            summary=str(raw.get("summary", "")),
            highlights=tuple(highlights),
            tags=tuple(raw.get("tags", ())),
            feed_id=raw.get("feed_id"),
            excerpt=str(raw.get("excerpt", "")),
        )
        if item.article_id is None:
            return item
        try:
            article = self._store.get_article(item.article_id)
        except ArticleNotFoundError:
            # Gone from the library: the copy kept in the brief still cites it.
            return replace(item, article_id=None, feed_id=None)
        fresh = _item_from_article(article, item.highlights)
        return replace(fresh, summary=item.summary)


_SELECT_BRIEFS = """
    SELECT b.id, b.title, b.author, b.since, b.until, b.introduction, b.body, b.created,
           b.updated, (SELECT max(u.exported) FROM brief_uses u WHERE u.brief_id = b.id)
           AS exported
    FROM briefs b
"""


def _body(brief: Brief) -> dict[str, Any]:
    """The JSON body of a brief: its sections and items, with highlight ids only (their text
    is read again when the brief is reopened)."""
    return {
        "version": _BODY_VERSION,
        "language": brief.language,
        "sections": [
            {
                "heading": section.heading,
                "items": [
                    {
                        "article_id": item.article_id,
                        "feed_id": item.feed_id,
                        "title": item.title,
                        "link": item.link,
                        "source": item.source,
                        "author": item.author,
                        "published": to_db(item.published),
                        "summary": item.summary,
                        "tags": list(item.tags),
                        "highlights": [h.id for h in item.highlights],
                        "excerpt": item.excerpt,
                    }
                    for item in section.items
                ],
            }
            for section in brief.sections
        ],
    }
