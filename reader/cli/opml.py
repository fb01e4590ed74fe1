"""The OPML commands: import a list of subscriptions, export them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from reader.cli.i18n import _
from reader.cli.output import check_output, print_report, shown, status_line, write_output
from reader.core import Store
from reader.core.errors import ReaderError


def cmd_opml_import(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    path: Path = args.file
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReaderError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise ReaderError(f"{path} is a folder, not an OPML file") from None
    except OSError as error:
        raise ReaderError(f"cannot read {path}: {error.strerror or error}") from None
    from reader.core import parse_opml

    document = parse_opml(data)
    with status_line(sys.stderr) as line:

        def progress(done: int, total: int) -> None:
            if line is not None:
                line.show(_("Importing feeds: {done}/{total}").format(done=done, total=total))

        report = store.import_opml(document, progress=progress if line is not None else None)
    headline = _("Imported {file}: {added} added, {present} already present, {invalid} invalid.")
    print_report(
        out,
        headline.format(
            file=shown(path.name),
            added=len(report.added),
            present=len(report.present),
            invalid=len(report.invalid),
        ),
        (
            _("  invalid: {outline}: {reason}").format(
                outline=shown(description), reason=shown(reason)
            )
            for description, reason in report.invalid
        ),
    )
    if not document.feeds and not report.invalid:
        raise ReaderError(f"{path.name} lists no feeds (no outline has an xmlUrl)")
    return 0


def cmd_opml_export(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from reader.core import export_opml

    if args.output is not None:
        check_output(args.output, force=args.force)
    outlines, folders = store.export_outlines()
    data = export_opml(outlines, folders=folders, now=store.now())
    if args.output is None:
        out.write(data.decode("utf-8"))
        return 0
    write_output(args.output, data, force=args.force)
    print(
        _("Wrote {count} feeds to {file}").format(count=len(outlines), file=shown(args.output)),
        file=sys.stderr,
    )
    return 0
