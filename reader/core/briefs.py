"""Briefs: choosing articles and highlights for a press review and grouping them into sections
(``store.briefs`` keeps them in the library)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.core.errors import (
    EmptyBriefError,
    FolderNotFoundError,
    TagNotFoundError,
    UnknownColorError,
)
from reader.core.folder_paths import split_folder
from reader.core.tag_names import normalize_tag
from reader.core.tag_paths import any_under
from reader.core.types import (
    Article,
    ArticleQuery,
    Brief,
    BriefCriteria,
    BriefItem,
    BriefSection,
    Highlight,
)

if TYPE_CHECKING:
    from reader.core.storage import Store


#: An excerpt longer than this many characters of text is cut to its first sentences.
EXCERPT_CHARS = 480

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
        used = store.briefs.used_article_ids()
        articles = {k: a for k, a in articles.items() if k not in used}

    by_article: dict[int, list[Highlight]] = {}
    if articles:
        # A story carried by several feeds is listed once, as its first copy; highlights
        # made on another copy belong to it too.
        listed_as = {article_id: article_id for article_id in articles}
        listed_as.update(store.article_copies(list(articles)))
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
    bodies = store.article_bodies([article.id for article, _ in chosen])
    items = [
        item_from_article(
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


def item_from_article(article: Article, highlights: tuple[Highlight, ...]) -> BriefItem:
    """A brief's item for an article as it is now, with the highlights chosen from it."""
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
