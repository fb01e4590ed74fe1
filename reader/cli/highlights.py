"""The highlight commands: highlight a passage given by its text, list highlights."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from reader.cli.i18n import _
from reader.cli.output import cut, iso, print_json, shown, shown_lines
from reader.core import Store
from reader.core.types import Highlight


def _highlight_json(h: Highlight) -> dict[str, Any]:
    return {
        "id": h.id,
        "article_id": h.article_id,
        "article": h.article_title,
        "source": h.feed_title,
        "link": h.article_link,
        "quote": h.exact,
        "prefix": h.prefix,
        "suffix": h.suffix,
        "start": h.start,
        "end": h.end,
        "orphaned": h.orphaned,
        "color": h.color,
        "note": h.note,
        "tags": list(h.tags),
        "created": iso(h.created),
        "updated": iso(h.updated),
    }


def cmd_highlight_add(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    highlight = store.highlights.add_quote(
        args.id,
        args.quote,
        occurrence=args.occurrence,
        color=args.color,
        note=args.note,
        tags=args.tag,
    )
    print(
        _("Highlight {id} on article {article} ({color}): “{quote}”").format(
            id=highlight.id,
            article=args.id,
            color=shown(highlight.color),
            quote=shown(cut(highlight.exact, 70)),
        ),
        file=out,
    )
    return 0


def cmd_highlight_list(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    highlights = store.highlights.list(
        article_id=args.article,
        tag=args.tag,
        color=args.color,
        feed_id=args.feed,
        since=args.since,
        until=args.until,
    )
    if args.json:
        print_json([_highlight_json(h) for h in highlights], out)
        return 0
    for h in highlights:
        state = "  (orphaned: the article changed)" if h.orphaned else ""
        title = shown(cut(h.article_title, 40))
        print(f"{h.id:>5}  {shown(h.color):<7} {title}{state}", file=out)
        print(f"{'':>7}“{shown(cut(' '.join(h.exact.split()), 100))}”", file=out)
        if h.note:
            # A note of several lines goes on under its label, still inside the record.
            print(f"{'':>7}note: {shown_lines(h.note, ' ' * 13)}", file=out)
        if h.tags:
            print(f"{'':>7}tags: {shown(', '.join(h.tags))}", file=out)
    return 0
