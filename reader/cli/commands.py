"""Which function runs each command, and which commands only read the library."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

from reader.cli import articles, briefs, feeds, highlights, info, opml, refresh, tags
from reader.core import Store

Handler = Callable[[Store, argparse.Namespace, TextIO], int]

HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("info", None): info.cmd_summary,
    ("feed", "add"): feeds.cmd_feed_add,
    ("feed", "list"): feeds.cmd_feed_list,
    ("feed", "remove"): feeds.cmd_feed_remove,
    ("feed", "rename"): feeds.cmd_feed_rename,
    ("feed", "move"): feeds.cmd_feed_move,
    ("feed", "fulltext"): feeds.cmd_feed_fulltext,
    ("fulltext", None): articles.cmd_fulltext,
    ("opml", "import"): opml.cmd_opml_import,
    ("opml", "export"): opml.cmd_opml_export,
    ("refresh", None): refresh.cmd_refresh,
    ("articles", None): articles.cmd_articles,
    ("search", None): articles.cmd_search,
    ("show", None): articles.cmd_show,
    ("tag", None): articles.cmd_tag,
    ("tags", None): tags.cmd_tags,
    ("tags", "rename"): tags.cmd_tags_rename,
    ("tags", "color"): tags.cmd_tags_color,
    ("tags", "delete"): tags.cmd_tags_delete,
    ("highlight", "add"): highlights.cmd_highlight_add,
    ("highlight", "list"): highlights.cmd_highlight_list,
    ("brief", None): briefs.cmd_brief,
    ("briefs", None): briefs.cmd_briefs,
}


#: The commands that only read the library: on a library the user cannot write (its file, its
#: folder or its file system read-only) they open it for reading instead of failing.
_READING_COMMANDS = frozenset(
    {
        ("info", None),
        ("feed", "list"),
        ("opml", "export"),
        ("articles", None),
        ("search", None),
        ("show", None),
        ("tags", None),
        ("highlight", "list"),
        ("briefs", None),
    }
)


def only_reads(args: argparse.Namespace) -> bool:
    """Whether the command leaves the library as it is (a brief does unless it is saved)."""
    command = args.command or "info"
    if command == "brief":
        return not (getattr(args, "save", False) or getattr(args, "mark_used", False))
    return (command, getattr(args, f"{command}_command", None)) in _READING_COMMANDS
