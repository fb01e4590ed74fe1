"""The refresh command: fetch new articles, a progress bar on a terminal, then the report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import TextIO

from reader.cli.output import print_report, shown, status_line
from reader.core import Store
from reader.core.types import RefreshProgress, RefreshSummary


def cmd_refresh(store: Store, args: argparse.Namespace, out: TextIO) -> int:
    from reader.core import refresh_feeds

    with status_line(sys.stderr) as line:

        def progress(step: RefreshProgress) -> None:
            if line is not None:
                line.show(progress_bar(step))

        summary = refresh_feeds(store, args.feed, jobs=args.jobs, on_progress=progress)
    print_report(out, summary.describe(), _problems(summary))
    return 0


def _problems(summary: RefreshSummary) -> Iterator[str]:
    """The report's lines on feeds that failed, warned or moved, and on full texts missing."""
    for outcome in summary.outcomes:
        feed = f"feed {outcome.feed.id} ({shown(outcome.feed.title)})"
        if outcome.error:
            yield f"  failed: {feed}: {shown(outcome.error)}"
        elif outcome.warning:
            yield f"  warning: {feed}: {shown(outcome.warning)}"
        if outcome.moved_to:
            yield f"  moved: feed {outcome.feed.id} now at {shown(outcome.moved_to)}"
    for article_id, reason in summary.full_text_failures:
        yield f"  no full text: article {article_id}: {shown(reason)}"


#: The width of the progress bar, in characters.
BAR_WIDTH = 30


def progress_bar(step: RefreshProgress) -> str:
    """The progress line of a refresh: a bar, then the feeds done (or, once the feeds are in,
    the full-text pages fetched)."""
    if step.outcome is None:  # the feeds are in; pages are fetched for full text
        done, total = step.full_texts_done, step.full_texts_total
        what = f"{done}/{total} full texts"
    else:
        done, total = step.done, step.total
        what = f"{done}/{total} feeds, {step.new_articles} new articles"
    filled = BAR_WIDTH * done // max(total, 1)
    bar = "#" * filled + "-" * (BAR_WIDTH - filled)
    return f"[{bar}] {what}"
