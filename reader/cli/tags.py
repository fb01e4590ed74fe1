"""The tag commands: list the tags in use, rename, colour and delete one."""

from __future__ import annotations

import argparse
from typing import TextIO

from reader.cli.i18n import _, ngettext
from reader.cli.output import print_json, shown
from reader.core import Store


def cmd_tags(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    tags = store.tags.summary()
    if args.json:
        print_json(
            [
                {
                    "name": t.name,
                    "articles": t.articles,
                    "highlights": t.highlights,
                    "color": t.color,
                }
                for t in tags
            ],
            out,
        )
        return 0
    for t in tags:
        print(f"{t.articles:>6} {t.highlights:>6}  {shown(t.name)}", file=out)
    return 0


def cmd_tags_rename(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    name = store.tags.rename(args.old, args.new)
    print(_("Renamed {old!r} to {new!r}").format(old=args.old, new=name), file=out)
    return 0


def cmd_tags_color(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    color = None if args.color.lower() == "none" else args.color
    store.tags.set_color(args.tag, color)
    said = _("Tag {tag!r}: {color}") if color else _("Tag {tag!r}: no colour")
    print(said.format(tag=args.tag, color=color), file=out)
    return 0


def cmd_tags_delete(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    count = store.tags.delete(args.tag)
    print(
        ngettext("Deleted {count} tag", "Deleted {count} tags", count).format(count=count), file=out
    )
    return 0
