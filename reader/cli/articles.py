"""The article commands: list, search, show, tag, and fetch or drop an article's full text."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from reader.cli.i18n import _, ngettext
from reader.cli.output import cut, iso, print_json, shown, shown_lines
from reader.core import MATCH_END, MATCH_START, Store
from reader.core.types import Article, ArticleQuery


def article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "feed_id": article.feed_id,
        "feed": article.feed_title,
        "title": article.title,
        "link": article.link,
        "author": article.author,
        "published": iso(article.published),
        "read": article.read,
        "starred": article.starred,
        "tags": list(article.tags),
    }


def cmd_articles(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    query = ArticleQuery(
        feed_ids=tuple(args.feed or ()),
        folder=args.folder,
        tags=tuple(args.tag or ()),
        unread=args.unread,
        starred=args.starred,
        since=args.since,
        until=args.until,
        limit=args.limit,
    )
    articles = store.list_articles(query)
    if args.json:
        print_json([article_json(a) for a in articles], out)
        return 0
    for article in articles:
        print(article_line(article), file=out)
    return 0


def article_line(article: Article) -> str:
    flags = ("*" if article.starred else " ") + (" " if article.read else "•")
    tags = f"  [{shown(', '.join(article.tags))}]" if article.tags else ""
    return (
        f"{article.id:>6} {flags} {article.published:%Y-%m-%d}  "
        f"{shown(cut(article.feed_title, 24)):24}  {shown(article.title)}{tags}"
    )


def cmd_search(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    hits = store.search(args.query, limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    **article_json(hit.article),
                    "snippet": hit.snippet.replace(MATCH_START, "").replace(MATCH_END, ""),
                    "rank": hit.rank,
                }
                for hit in hits
            ],
            out,
        )
        return 0
    if not hits:
        print(_("Nothing found for {query!r}.").format(query=args.query), file=out)
    bold, plain = ("\033[1m", "\033[0m") if out.isatty() else ("[", "]")
    for hit in hits:
        print(article_line(hit.article), file=out)
        snippet = shown(" ".join(hit.snippet.split()))
        print(f"{'':>9}{snippet.replace(MATCH_START, bold).replace(MATCH_END, plain)}", file=out)
    return 0


def cmd_show(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    article = store.get_article(args.id)
    if args.html or args.text:
        body = article.reading_html if args.html else article.text
        # The canonical text (and the HTML) is data for scripts and --quote: exact into a
        # file or a pipe; a terminal, which would obey it, gets it printable.
        print(shown_lines(body) if out.isatty() else body, file=out)
        return 0
    title = shown(article.title)
    print(title, file=out)
    print("=" * min(len(title), 78), file=out)
    print(f"Source:    {shown(article.feed_title)}", file=out)
    if article.author:
        print(f"Author:    {shown(article.author)}", file=out)
    print(f"Published: {article.published:%Y-%m-%d %H:%M} UTC", file=out)
    if article.link:
        print(f"Link:      {shown(article.link)}", file=out)
    if article.tags:
        print(f"Tags:      {shown(', '.join(article.tags))}", file=out)
    if article.also_in:
        also = ", ".join(title for _, title in article.also_in)
        print(f"Also in:   {shown(also)}", file=out)
    print(
        f"State:     {'read' if article.read else 'unread'}"
        f"{', starred' if article.starred else ''}",
        file=out,
    )
    full = article.full_text
    if full is not None and full.html is not None:
        when = f"{full.fetched:%Y-%m-%d %H:%M} UTC"
        print(f"Full text: from {shown(full.url)}, fetched {when}", file=out)
    if full is not None and full.error is not None:
        print(f"Full text: not available ({shown(full.error)})", file=out)
    print(file=out)
    print(shown_lines(article.text) if article.text else "(this article has no text)", file=out)
    return 0


def cmd_fulltext(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from reader.core import fetch_full_text

    if args.drop:
        store.full_texts.drop(args.id)
        print(_("Article {id} shows the feed's own version again.").format(id=args.id), file=out)
        return 0
    page = fetch_full_text(store, args.id)
    words = len(page.text.split())
    fetched = ngettext(
        "Full text of article {id}: {words} word from {url}",
        "Full text of article {id}: {words} words from {url}",
        words,
    )
    print(fetched.format(id=args.id, words=words, url=shown(page.url)), file=out)
    return 0


def cmd_tag(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    if args.remove:
        tags = store.untag_article(args.id, args.tags)
    else:
        tags = store.tag_article(args.id, args.tags)
    listed = shown(", ".join(tags)) if tags else _("(none)")
    print(_("Article {id} tags: {tags}").format(id=args.id, tags=listed), file=out)
    return 0
