"""Full-text benchmark: refreshing excerpt-only feeds, with automatic full text and without.

Generates ``--feeds`` RSS feeds of ``--items`` items whose descriptions are teasers (the
article's first two sentences and "… Lire la suite" or "… Read more"), each item linking to
its own page, a 60–100 KB news page (``benchmarks/_pagegen.py``: menus, sidebars, comments,
footer and scripts around an article of 10 to 15 paragraphs, in French or English, from our
word lists). The loopback server of ``refresh.py`` (a process of its own, waiting
``--latency`` seconds before every answer) serves the feeds on 127.0.0.1 and the pages on
``--hosts`` addresses, 127.0.0.2 and up, a feed's pages all on one of them, so that pages are
read from several sites as in life and the per-site limit is exercised but does not put every
page in one line.

Each of ``--repeat`` runs, in fresh libraries and each refresh in a child process of its own
(its CPU with that of its parser processes):

* **full text off**: ``refresh_feeds(store, jobs=--jobs)`` on a library with every feed;
* **full text auto**: the same on a library where every feed's full-text mode is "auto",
  so every article (a teaser) has its page fetched and its article extracted.

Medians are reported: the ratio auto ÷ off against the target (≤ 2×), with the pages
fetched, full texts stored (each checked for its article's first and last sentences),
failures, and the most page requests the server answered at once for one site (≤ 2, the
reader's per-site limit). For information, the CPU of extracting one 100 KB page, as
``benchmarks/extract.py`` measures it. A missed target prints a ``MISSED:`` line and exits
with 1. ``--trace`` adds one more refresh with full text (not counted) whose steps are timed
inside the child, to show where the time goes.

Run: ``.venv/bin/python benchmarks/fulltext.py``; ``--help`` for the options.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from _pagegen import Page, make_site, write_site  # noqa: E402
from _server import FeedServer  # noqa: E402
from _table import Report, host_facts, info, ok, package_version, print_table  # noqa: E402
from refresh import run_measured  # noqa: E402

#: Code run by the child process that does one refresh (see child_main).
CHILD_CODE = "import sys; sys.path.insert(0, sys.argv[1]); import fulltext; fulltext.child_main()"

#: Wall time of a refresh with automatic full text, at most, as a multiple of the same
#: refresh without it.
TARGET_RATIO = 2.0
#: Page requests one site may have to answer at once (the reader's per-site limit).
TARGET_PER_HOST = 2


# -- the child: one refresh --------------------------------------------------------------


def child_main() -> None:
    """In a fresh process: refresh every feed of the library given on the command line and
    print one JSON line with the time and CPU it took and what the refresh reported."""
    db, jobs, trace = sys.argv[2], int(sys.argv[3]), sys.argv[4] == "trace"
    from reader.core.refresh import RefreshProgress, refresh_feeds
    from reader.core.storage import Store

    events: list[tuple[str, float, float]] = []
    if trace:
        _install_trace(events)
    store = Store(db)
    # When the last feed's articles were stored (the rest of the refresh is pages).
    feeds_done = [0.0]

    def on_progress(progress: RefreshProgress) -> None:
        if progress.outcome is not None:  # a feed, not a page
            feeds_done[0] = time.perf_counter()

    before, started = os.times(), time.perf_counter()
    summary = refresh_feeds(store, jobs=jobs, on_progress=on_progress)
    wall = time.perf_counter() - started
    after = os.times()
    store.close()
    result = {
        "wall": wall,
        "feeds_done": feeds_done[0] - started,
        "cpu_self": (after.user - before.user) + (after.system - before.system),
        "cpu_workers": (after.children_user - before.children_user)
        + (after.children_system - before.children_system),
        "ok": summary.ok,
        "failed": summary.failed,
        "new": summary.new,
        "full_texts": summary.full_texts,
        "full_text_failures": len(summary.full_text_failures),
        "errors": sorted({o.error for o in summary.outcomes if o.error})[:5],
        "page_errors": sorted({reason for _, reason in summary.full_text_failures})[:5],
        "trace": _timeline(events, started) if trace else None,
    }
    print(json.dumps(result), flush=True)


def _install_trace(events: list[tuple[str, float, float]]) -> None:
    """Time the refresh's steps from outside: its module functions are looked up when
    called, so wrapping them here is seen by ``refresh_feeds``."""
    import reader.core.refresh as refresh
    from reader.core.fetch import Fetcher
    from reader.core.storage.fulltexts import FullTextStore

    def timed(label: Callable[..., str], function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                events.append((label(*args), started, time.perf_counter()))

        return wrapper

    fetch = Fetcher.fetch
    Fetcher.fetch = timed(  # type: ignore[method-assign]
        lambda _self, url, *_: "fetch page" if "/page/" in url else "fetch feed", fetch
    )
    FullTextStore.candidates = timed(  # type: ignore[method-assign]
        lambda *_: "choose pages", FullTextStore.candidates
    )
    refresh._retrieve = timed(lambda *_: "feed", refresh._retrieve)
    refresh.retrieve_page = timed(lambda *_: "page", refresh.retrieve_page)  # type: ignore[attr-defined]
    refresh._record = timed(lambda *_: "store feed", refresh._record)
    refresh._record_page = timed(lambda *_: "store page", refresh._record_page)


def _timeline(events: Sequence[tuple[str, float, float]], origin: float) -> dict[str, Any]:
    """Per step: how many, their total and median seconds, and when the first started and
    the last ended (seconds from the start of the refresh)."""
    steps: dict[str, list[tuple[float, float]]] = {}
    for name, start, end in events:
        steps.setdefault(name, []).append((start - origin, end - origin))
    return {
        name: {
            "count": len(spans),
            "total": sum(end - start for start, end in spans),
            "median": statistics.median(end - start for start, end in spans),
            "first": min(start for start, _ in spans),
            "last": max(end for _, end in spans),
        }
        for name, spans in steps.items()
    }


# -- one repetition ----------------------------------------------------------------------


@dataclass
class Measures:
    """What one repetition measured."""

    values: dict[str, float] = field(default_factory=dict)
    #: The refreshes did not do what they should: the benchmark fails.
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def make_library(db: Path, urls: Sequence[str], mode: str) -> None:
    from reader.core.storage import Store

    with Store(db) as store:
        for url in urls:
            feed = store.add_feed(url)
            if mode != "off":
                store.full_texts.set_mode(feed.id, mode)


def refresh_once(db: Path, args: argparse.Namespace, *, trace: bool = False) -> dict[str, Any]:
    command = [sys.executable, "-c", CHILD_CODE, str(HERE), str(db), str(args.jobs)]
    command.append("trace" if trace else "-")
    run = run_measured(command, env=None, cwd=ROOT, timeout=args.timeout)
    if run.code != 0:
        raise SystemExit(f"FAIL: the refresh process exited with {run.code}:\n{run.stderr}")
    report: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    report["process_wall"] = run.wall
    report["peak_mb"] = run.peak_mb
    return report


def check_full_texts(db: Path, pages: dict[str, Page]) -> tuple[int, int]:
    """Full texts in the library, and how many of them have their article's first and last
    sentences (the whole article was found)."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT a.link, a.text FROM article_fulltext t JOIN articles a ON a.id = t.article_id"
            " WHERE t.html IS NOT NULL"
        ).fetchall()
    whole = 0
    for url, text in rows:
        page = pages.get(url)
        flat = " ".join((text or "").split())
        if page is not None and " ".join(page.first.split()) in flat:
            whole += " ".join(page.last.split()) in flat
    return len(rows), whole


def one_repetition(
    args: argparse.Namespace, urls: Sequence[str], pages: dict[str, Page], server: FeedServer
) -> Measures:
    m = Measures()
    v = m.values
    items = args.feeds * args.items
    with tempfile.TemporaryDirectory(prefix="press-bench-fulltext-") as tmp:
        for phase, mode in (("off", "off"), ("auto", "auto")):
            db = Path(tmp) / f"{phase}.sqlite"
            make_library(db, urls, mode)
            server.take_counts()
            server.take_page_stats()
            report = refresh_once(db, args)
            peaks, served = server.take_page_stats()
            stored, whole = check_full_texts(db, pages)
            v[f"{phase}_wall"] = float(report["wall"])
            v[f"{phase}_feeds_done"] = float(report["feeds_done"])
            v[f"{phase}_process_wall"] = float(report["process_wall"])
            v[f"{phase}_cpu_self"] = float(report["cpu_self"])
            v[f"{phase}_cpu_workers"] = float(report["cpu_workers"])
            v[f"{phase}_peak_mb"] = float(report["peak_mb"])
            for key in ("ok", "failed", "new", "full_texts", "full_text_failures"):
                v[f"{phase}_{key}"] = float(report[key])
            v[f"{phase}_pages"] = float(sum(served.values()))
            v[f"{phase}_per_host_peak"] = float(max(peaks.values(), default=0))
            v[f"{phase}_hosts_used"] = float(len(served))
            v[f"{phase}_stored"] = float(stored)
            v[f"{phase}_whole"] = float(whole)
            if report["errors"]:
                m.notes.append(f"{phase}: feed errors {report['errors']}")
            if report["page_errors"]:
                m.notes.append(f"{phase}: page errors {report['page_errors']}")
            if v[f"{phase}_ok"] != args.feeds or v[f"{phase}_new"] != items:
                m.problems.append(
                    f"full text {phase}: {v[f'{phase}_ok']:.0f} feeds ok of {args.feeds}, "
                    f"{v[f'{phase}_new']:.0f} new articles of {items}"
                )
    if v["off_pages"] or v["off_stored"]:
        m.problems.append(f"full text off fetched {v['off_pages']:.0f} pages")
    return m


def traced_runs(args: argparse.Namespace, urls: Sequence[str]) -> dict[str, dict[str, Any]]:
    """One more refresh of each kind, its steps timed (see ``_install_trace``)."""
    reports = {}
    with tempfile.TemporaryDirectory(prefix="press-bench-fulltext-") as tmp:
        for mode in ("off", "auto"):
            db = Path(tmp) / f"traced-{mode}.sqlite"
            make_library(db, urls, mode)
            reports[mode] = refresh_once(db, args, trace=True)
    return reports


# -- extraction alone ------------------------------------------------------------------------


def extraction_cpu(pages: Sequence[Page], count: int = 10) -> tuple[float, float, int]:
    """Median CPU milliseconds of ``extract_article`` on ``count`` of our pages and on as many
    100 KB pages of ``benchmarks/extract.py``, in this process, after a warm-up; and the
    median size of our pages in bytes."""
    import extract

    from reader.core.extract import extract_article

    sample = random.Random("fulltext-sample").sample(list(pages), min(count, len(pages)))
    rng = random.Random("press-reader-extract")
    typical = [extract.build_page(rng, 100_000, 15) for _ in range(count)]
    extract_article(typical[0].body, typical[0].url)  # imports, compiled expressions
    ours = [extract.cpu_ms(lambda: extract_article(p.body, p.item.link)) for p in sample]  # noqa: B023
    theirs = [extract.cpu_ms(lambda: extract_article(p.body, p.url)) for p in typical]  # noqa: B023
    size = int(statistics.median(len(p.body) for p in pages))
    return statistics.median(ours), statistics.median(theirs), size


# -- the report ------------------------------------------------------------------------------


def medians(runs: Sequence[Measures]) -> dict[str, float]:
    return {key: statistics.median(run.values[key] for run in runs) for key in runs[0].values}


def build_report(
    med: dict[str, float],
    runs: Sequence[Measures],
    args: argparse.Namespace,
    extraction: tuple[float, float, int],
) -> Report:
    rep = Report()
    items = args.feeds * args.items
    ratio = med["auto_wall"] / med["off_wall"]
    good_ratio = ratio <= TARGET_RATIO
    rep.rows.append(
        (
            "refresh wall, full text auto (s)",
            f"{med['auto_wall']:.2f}",
            f"{med['off_wall']:.2f} (off)",
            f"{ratio:.2f}",
            f"≤ {TARGET_RATIO:g}×",
            ok(good_ratio),
        )
    )
    if not good_ratio:
        rep.misses.append(
            f"a refresh with automatic full text took {ratio:.1f}× the time of one without "
            f"({med['auto_wall']:.2f} s against {med['off_wall']:.2f} s; target "
            f"≤ {TARGET_RATIO:g}×)"
        )
    fetched, stored = med["auto_pages"], med["auto_full_texts"]
    failures, peak = med["auto_full_text_failures"], med["auto_per_host_peak"]
    worst_peak = max(run.values["auto_per_host_peak"] for run in runs)
    worst_failures = max(run.values["auto_full_text_failures"] for run in runs)
    rep.rows += [
        ("pages fetched", f"{fetched:.0f}", "", "", f"= {items}", ok(fetched == items)),
        ("full texts stored", f"{stored:.0f}", "", "", f"= {items}", ok(stored == items)),
        ("full-text failures", f"{failures:.0f}", "", "", "0", ok(worst_failures == 0)),
        (
            "peak page requests at once, one site",
            f"{peak:.0f}",
            "",
            "",
            f"≤ {TARGET_PER_HOST}",
            ok(worst_peak <= TARGET_PER_HOST),
        ),
    ]
    if fetched != items:
        rep.misses.append(f"{fetched:.0f} pages fetched of {items}")
    if stored != items:
        rep.misses.append(f"{stored:.0f} full texts stored of {items}")
    if worst_failures:
        rep.misses.append(f"{worst_failures:.0f} pages gave no full text")
    if worst_peak > TARGET_PER_HOST:
        rep.misses.append(
            f"one site had {worst_peak:.0f} page requests at once (limit {TARGET_PER_HOST})"
        )
    if med["auto_whole"] != med["auto_stored"]:
        rep.misses.append(
            f"{med['auto_stored'] - med['auto_whole']:.0f} full texts lack their article's first "
            "or last sentence"
        )

    extra_cpu = (med["auto_cpu_self"] + med["auto_cpu_workers"]) - (
        med["off_cpu_self"] + med["off_cpu_workers"]
    )
    cores = os.cpu_count() or 1
    # However well pages are scheduled, the extra CPU cannot take less than this on our cores.
    floor = med["off_wall"] + extra_cpu / cores
    ours_ms, typical_ms, size = extraction
    rep.rows += [
        info(
            "  of which until every feed was stored (s)",
            f"{med['auto_feeds_done']:.2f}",
            f"{med['off_feeds_done']:.2f}",
            f"{med['auto_feeds_done'] / med['off_feeds_done']:.2f}",
        ),
        info(
            "  extra wall per page (ms)",
            f"{(med['auto_wall'] - med['off_wall']) / items * 1000:.1f}",
        ),
        info(
            "CPU, refresh process (s)",
            f"{med['auto_cpu_self']:.2f}",
            f"{med['off_cpu_self']:.2f}",
            f"{med['auto_cpu_self'] / med['off_cpu_self']:.1f}",
        ),
        info(
            "CPU, parser processes (s)",
            f"{med['auto_cpu_workers']:.2f}",
            f"{med['off_cpu_workers']:.2f}",
        ),
        info("  extra CPU per page (ms)", f"{extra_cpu / items * 1000:.1f}"),
        info(f"  extra CPU ÷ {cores} cores (s)", f"{extra_cpu / cores:.2f}"),
        info(
            "  lower bound: off + extra CPU ÷ cores (s)",
            f"{floor:.2f}",
            f"{med['off_wall']:.2f} (off)",
            f"{floor / med['off_wall']:.2f}",
        ),
        info(
            "process wall (s)",
            f"{med['auto_process_wall']:.2f}",
            f"{med['off_process_wall']:.2f}",
        ),
        info(
            "peak memory, process tree (MB)",
            f"{med['auto_peak_mb']:.0f}",
            f"{med['off_peak_mb']:.0f}",
        ),
        info(
            "feeds ok / failed, articles",
            f"{med['auto_ok']:.0f} / {med['auto_failed']:.0f}, {med['auto_new']:.0f}",
            f"{med['off_ok']:.0f} / {med['off_failed']:.0f}, {med['off_new']:.0f}",
        ),
        info("full texts with the whole article", f"{med['auto_whole']:.0f}"),
        info("sites serving pages", f"{med['auto_hosts_used']:.0f}"),
        info(f"extraction, one of these pages (ms CPU, {size // 1000} KB)", f"{ours_ms:.1f}"),
        info("extraction, 100 KB page of extract.py (ms CPU)", f"{typical_ms:.1f}"),
    ]
    for number, run in enumerate(runs, 1):
        v = run.values
        rep.details.append(
            f"run {number}: off {v['off_wall']:.2f} s, auto {v['auto_wall']:.2f} s "
            f"(×{v['auto_wall'] / v['off_wall']:.2f}); {v['auto_pages']:.0f} pages, "
            f"{v['auto_full_texts']:.0f} full texts, {v['auto_full_text_failures']:.0f} failures, "
            f"peak {v['auto_per_host_peak']:.0f} per site; CPU off {v['off_cpu_self']:.2f} + "
            f"{v['off_cpu_workers']:.2f} s, auto {v['auto_cpu_self']:.2f} + "
            f"{v['auto_cpu_workers']:.2f} s"
        )
    return rep


def trace_lines(mode: str, report: dict[str, Any]) -> list[str]:
    trace: dict[str, dict[str, float]] = report["trace"]
    lines = [
        f"Traced refresh, full text {mode} (not counted): {report['wall']:.2f} s wall, CPU "
        f"{report['cpu_self']:.2f} s in the refresh process, {report['cpu_workers']:.2f} s in "
        "the parser processes. Per step (seconds from the start of the refresh):"
    ]
    order = ("fetch feed", "feed", "store feed", "choose pages", "fetch page", "page", "store page")
    names = {
        "fetch feed": "download a feed",
        "feed": "download and parse a feed (refresh thread)",
        "store feed": "store a feed (writer)",
        "choose pages": "choose the pages to fetch (writer)",
        "fetch page": "download a page",
        "page": "download and extract a page (page thread)",
        "store page": "store a full text (writer)",
    }
    for key in order:
        step = trace.get(key)
        if step is None:
            continue
        lines.append(
            f"  {names[key]}: {step['count']:.0f} × median {step['median'] * 1000:.1f} ms, "
            f"total {step['total']:.2f} s, from {step['first']:.2f} to {step['last']:.2f} s"
        )
    pages, fetches = trace.get("page"), trace.get("fetch page")
    if pages and fetches:
        span = pages["last"] - pages["first"]
        waiting = (pages["total"] - fetches["total"]) / pages["count"]
        lines.append(
            f"  pages in flight on average: {pages['total'] / span:.1f}; waiting for and doing "
            f"the extraction: {waiting * 1000:.1f} ms a page on average"
        )
    writer = sum(
        trace[k]["total"] for k in ("store feed", "choose pages", "store page") if k in trace
    )
    lines.append(
        f"  the writer (refresh thread) was busy {writer:.2f} s of {report['wall']:.2f} s; "
        f"every feed was stored after {report['feeds_done']:.2f} s"
    )
    return lines


def machine_facts(args: argparse.Namespace, size: int) -> list[tuple[str, str]]:
    return [
        *host_facts(ROOT),
        (
            "libraries",
            f"trafilatura {package_version('trafilatura')}, lxml {package_version('lxml')}, "
            f"feedparser {package_version('feedparser')}, httpx {package_version('httpx')}, "
            f"SQLite {sqlite3.sqlite_version}",
        ),
        (
            "feeds",
            f"{args.feeds} excerpt-only RSS feeds × {args.items} items, each linking to its own "
            f"page (median {size / 1000:.0f} KB); pages on {args.hosts} loopback sites "
            f"(127.0.0.2 and up)",
        ),
        (
            "parameters",
            f"latency {args.latency * 1000:.0f} ms per answer, {args.jobs} jobs, median of "
            f"{args.repeat} run{'s' * (args.repeat != 1)}, fresh libraries each run",
        ),
    ]


# -- main ----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--feeds", type=int, default=50, help="excerpt-only feeds (50)")
    parser.add_argument("--items", type=int, default=20, help="new items in each feed (20)")
    parser.add_argument("--hosts", type=int, default=10, help="sites the pages live on (10)")
    parser.add_argument(
        "--latency", type=float, default=0.05, help="seconds the server waits per answer (0.05)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs; medians shown (3)")
    parser.add_argument("--jobs", type=int, default=8, help="refresh_feeds(jobs=…) (8)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument(
        "--trace", action="store_true", help="one more, timed refresh: where the time goes"
    )
    parser.add_argument(
        "--timeout", type=float, default=900, help="seconds before a refresh is killed (900)"
    )
    args = parser.parse_args(argv)
    if min(args.feeds, args.items, args.repeat, args.jobs, args.hosts) < 1:
        parser.error("--feeds, --items, --repeat, --jobs and --hosts must be at least 1")
    if args.hosts > 200:
        parser.error("--hosts must be at most 200")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="press-bench-sites-") as tmp:
        folder = Path(tmp)
        lifetime = args.timeout * 2 * (args.repeat + 1) + 600
        with FeedServer(
            folder, latency=args.latency, lifetime=lifetime, page_hosts=args.hosts
        ) as server:
            started = time.perf_counter()
            pages: dict[str, Page] = {}
            for index in range(args.feeds):
                host = index % args.hosts
                written = write_site(
                    folder,
                    make_site(index),
                    args.items,
                    lambda name, host=host: server.page_url(host, name),  # type: ignore[misc]
                )
                pages |= {page.item.link: page for page in written}
            documents = server.reload()
            size = sum(len(p.body) for p in pages.values())
            print(
                f"Generated {args.feeds} feeds and {len(pages)} pages ({size / 1e6:.1f} MB) in "
                f"{time.perf_counter() - started:.1f} s; the server has {documents} documents.",
                file=sys.stderr,
                flush=True,
            )
            urls = [server.url(i) for i in range(args.feeds)]
            runs: list[Measures] = []
            for number in range(1, args.repeat + 1):
                print(f"Run {number} of {args.repeat}…", file=sys.stderr, flush=True)
                runs.append(one_repetition(args, urls, pages, server))
            traced = {}
            if args.trace:
                print("Traced runs…", file=sys.stderr, flush=True)
                traced = traced_runs(args, urls)
        print("Extraction alone…", file=sys.stderr, flush=True)
        extraction = extraction_cpu(list(pages.values()))
    rep = build_report(medians(runs), runs, args, extraction)
    print_table(machine_facts(args, extraction[2]), rep.rows, markdown=args.markdown)
    print()
    for detail in rep.details:
        print(detail)
    for mode, report in traced.items():
        print()
        for line in trace_lines(mode, report):
            print(line)
    for note in dict.fromkeys(note for run in runs for note in run.notes):
        print(f"note: {note}")
    problems = [problem for run in runs for problem in run.problems]
    for problem in dict.fromkeys(problems):
        print(f"MISSED: {problem}")
    for miss in rep.misses:
        print(f"MISSED: {miss}")
    return 1 if rep.misses or problems else 0


if __name__ == "__main__":
    sys.exit(main())
