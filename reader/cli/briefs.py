"""The brief commands: compose a press review and publish it to a file, list saved briefs."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from reader.cli.i18n import _, ngettext
from reader.cli.output import (
    count_articles,
    cut,
    force_hint,
    iso,
    print_json,
    shown,
)
from reader.core import Store
from reader.core.errors import ReaderError


def cmd_brief(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from reader.core import compose
    from reader.core.types import Brief, BriefCriteria
    from reader.export import check_target, export_format, format_for_path, publish_brief
    from reader.export.labels import labels_for

    to_stdout = str(args.output) == "-"
    if not to_stdout and args.output.is_dir():
        raise ReaderError(
            f"cannot write {args.output}: it is a folder; give the brief a file name in it, "
            f"e.g. {args.output / 'brief.md'}"
        )
    if args.format:
        fmt = export_format(args.format)
    else:
        guessed = None if to_stdout else format_for_path(args.output)
        if guessed is None:
            raise ReaderError(
                "say which format to write with --format (md, pdf, docx, html or w3c); "
                f"the file name {str(args.output)!r} does not tell"
            )
        fmt = guessed
    if not to_stdout:
        # Before composing and rendering: a missing folder, a pipe, a device or a read-only
        # file is refused at once rather than after the work.
        with force_hint():
            check_target(args.output, replace_read_only=args.force)
    introduction = args.intro
    if args.intro_file is not None:
        try:
            introduction = args.intro_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or error
            raise ReaderError(f"cannot read {args.intro_file}: {reason}") from None

    brief: Brief
    if args.saved is not None:
        brief = store.briefs.get(args.saved)
    else:
        criteria = BriefCriteria(
            tags=tuple(args.tag),
            tag_mode="all" if args.all_tags else "any",
            feed_ids=tuple(args.feed),
            folders=tuple(args.folder),
            since=args.since,
            until=args.until,
            starred_only=args.starred,
            colors=tuple(args.color),
            unused_only=args.unused,
            group_by=args.group_by,
            # One tag and no prefix: its sub-tags make the sections (country → Mali, Niger…).
            tag_prefix=args.tag_prefix
            or (args.tag[0] if len(args.tag) == 1 and args.group_by == "tag" else None),
        )
        labels = labels_for(args.language)
        title = args.title or labels.default_title(args.since, args.until)
        other, everything = labels.leftover_headings
        brief = compose(
            store,
            criteria,
            title=title,
            author=args.author,
            introduction=introduction,
            language=args.language,
            allow_empty=args.allow_empty,
            other=other,
            everything=everything,
        )
    if to_stdout:
        sys.stdout.flush()  # what was printed goes before the brief's bytes
    with force_hint():  # the file made read-only since the check
        published = publish_brief(
            store,
            brief,
            sys.stdout.buffer if to_stdout else args.output,
            fmt.key,
            paper=args.paper,
            replace_read_only=args.force,
            save=args.save,
            mark_used=args.mark_used,
        )
    brief = published.brief
    items = list(brief.items())
    passages = sum(len(item.highlights) for item in items)
    sections = sum(1 for section in brief.sections if section.items)
    summary = ", ".join(
        (
            ngettext("{n} section", "{n} sections", sections).format(n=sections),
            count_articles(len(items)),
            ngettext("{n} passage", "{n} passages", passages).format(n=passages),
        )
    )
    kept = _("; saved as brief {id}").format(id=brief.id) if brief.id is not None else ""
    used = _(" and its articles marked used") if args.mark_used else ""
    where = _("standard output") if to_stdout else shown(args.output)
    # On stdout the file is the output: the summary goes to the error stream.
    print(
        _("Wrote {file} ({format}): {summary}").format(file=where, format=fmt.name, summary=summary)
        + kept
        + used,
        file=sys.stderr if to_stdout else out,
    )
    return 0


def cmd_briefs(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    saved = store.briefs.list()
    if args.json:
        print_json(
            [
                {
                    "id": b.id,
                    "title": b.title,
                    "author": b.author,
                    "language": b.language,
                    "since": iso(b.since),
                    "until": iso(b.until),
                    "sections": len(b.sections),
                    "articles": sum(len(s.items) for s in b.sections),
                    "updated": iso(b.updated),
                    "exported": iso(b.exported),
                }
                for b in saved
            ],
            out,
        )
        return 0
    if not saved:
        print(_("No saved briefs. Compose one with 'press-reader brief … --save'."), file=out)
    for b in saved:
        articles = sum(len(s.items) for s in b.sections)
        if b.exported:
            when = _("exported {date}").format(date=f"{b.exported:%Y-%m-%d}")
        else:
            when = _("not exported")
        count = count_articles(articles)
        print(f"{b.id:>4}  {shown(cut(b.title, 50)):<50}  {count:>12}  {when}", file=out)
    return 0
