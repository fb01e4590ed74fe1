"""The info command: what a library holds, folder by folder, and its latest articles."""

from __future__ import annotations

import argparse
from typing import TextIO

from reader import __version__
from reader.cli.articles import article_line
from reader.cli.i18n import _
from reader.cli.output import shown
from reader.core import Store
from reader.core.types import ArticleQuery, Feed


def cmd_summary(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    """What a library holds, folder by folder (the desktop window builds on this)."""
    stats = store.stats()
    print(
        _("Press Reader {version}: library {path}").format(
            version=__version__, path=shown(store.path)
        ),
        file=out,
    )
    print(
        f"{stats.feeds} feeds in {stats.folders} folders, {stats.articles} articles "
        f"({stats.unread} unread, {stats.starred} starred), {stats.tags} tags.",
        file=out,
    )
    feeds = store.list_feeds()
    by_folder: dict[str, list[Feed]] = {}
    for feed in feeds:
        by_folder.setdefault(feed.folder or "", []).append(feed)
    for folder in sorted(by_folder):
        print("\n" + (shown(folder) if folder else _("(top level)")), file=out)
        for feed in by_folder[folder]:
            print(
                f"  {feed.id:>4}  {feed.unread:>4} unread / {feed.total:<4}  {shown(feed.title)}",
                file=out,
            )
    latest = store.list_articles(ArticleQuery(limit=10))
    if latest:
        print("\n" + _("Latest articles:"), file=out)
        for article in latest:
            print(article_line(article), file=out)
    if not feeds:
        print(
            "\n" + _("Add a feed with 'press-reader feed add URL', or try 'press-reader --demo'."),
            file=out,
        )
    return 0
