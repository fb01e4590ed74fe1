"""Desktop benchmark: launch, listing, scrolling, opening, search and memory on a large library.

Builds (once, then cached in ``benchmarks/out/``) a seeded library of ``--articles`` articles in
``--feeds`` feeds (see ``_library.py``), then measures:

* launch as the user waits for it, under a real X server (Xvfb, started here; see
  ``_xlaunch.py``): from starting the installed ``press-reader`` to the first frame that shows
  the feed tree and a filled article list, on libraries of ``--x-articles`` articles, against
  a bare PySide6 window started the same way; and the same for the bundle when one is built;
* launch offscreen (``QT_QPA_PLATFORM=offscreen``, its steps timed inside the process): from
  spawning a fresh process until the main window has painted (and the event loop turned once
  more), against a bare PySide6 window measured the same way;
* offscreen, in one more fresh process on the same library: selecting "All articles" until
  the article list has painted; loading every row (``fetchMore`` to the end) and scrolling to
  the bottom, with the memory it costs; opening 50 random articles; 20 searches;
* idle memory: resident set size after the window is shown and 2 s of idle event loop.

Medians are reported against the targets. Run: ``.venv/bin/python benchmarks/ui.py``;
``--help`` for the options.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

#: When this script started running (children measure their steps from here).
STARTED = time.perf_counter()

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import _xlaunch  # noqa: E402 - after the path set-up above
from _paint import paint_watcher, settle, wait_until  # noqa: E402
from _table import Report, host_facts, info, ok, p90, package_version, print_table  # noqa: E402

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

TARGET_LAUNCH_RATIO = 1.5
#: The bundle launches at least as fast as the installed package (ratio to it).
TARGET_BUNDLE_RATIO = 1.0
#: The bundle ``make bundle`` builds, measured when it exists.
BUNDLE = ROOT / "dist" / "press-reader" / "press-reader"
TARGET_SELECT_MS = 100.0
TARGET_SCROLL_MB = 50.0
TARGET_OPEN_MS = 50.0
TARGET_SEARCH_MS = 50.0
TARGET_IDLE_MB = 250.0

IDLE_SECONDS = 2.0
OPENED_ARTICLES = 50
#: Rows whose data() the list needs to show its first screen (and some more).
FIRST_ROWS = 50
#: Longest wait for a paint before giving up (and grabbing the widget instead).

#: (kind, query): what analysts type. Words come from _library.py's lists; the two rare
#: made-up names are added by search_queries().
SEARCHES: tuple[tuple[str, str], ...] = (
    ("common", "gouvernement"),
    ("common", "sécurité"),
    ("common", "families"),
    ("common", "government"),
    ("common", "sorgho"),
    ("no match", "zeppelin"),
    ("two words", "réforme foncière"),
    ("two words", "food security"),
    ("two words", "prix céréales"),
    ("two words", "rural schools"),
    ("accented", "sécheresse"),
    ("accented", "décentralisation"),
    ("accented", "énergie solaire"),
    ("accented", "éleveurs"),
    ("prefix", "transhum*"),
    ("prefix", "réconcil*"),
    ("name", "Aïssatou Koïta"),
    ("name", '"Théo Sawadogo"'),
)


def search_queries(articles: int, feeds: int, seed: str) -> list[tuple[str, str]]:
    """The 20 queries: SEARCHES and two made-up place names, each in a few articles only."""
    from _library import LibrarySpec, rare_names

    names = rare_names(LibrarySpec(articles=articles, feeds=feeds, seed=seed))
    return [*SEARCHES[:5], ("rare", names[7]), ("rare", names[4242]), *SEARCHES[5:]]


# -- small helpers shared by the children ----------------------------------------------------


def _status_kb(field_name: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1])
    return 0


def rss_mb() -> float:
    """Resident set size of this process, in MB."""
    return _status_kb("VmRSS") / 1024


def pss_mb() -> float:
    """Proportional set size (shared pages split between their users), in MB."""
    try:
        for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _emit(tag: str, payload: dict[str, Any]) -> None:
    print(f"{tag} {json.dumps(payload)}", flush=True)


def _open_window(library: str, ini: str) -> tuple[QApplication, Any, dict[str, float]]:
    """The application and the main window on ``library`` (not shown yet), with timings."""
    marks = {"start": STARTED}
    from PySide6.QtCore import QSettings

    from reader.core.storage import Store
    from reader.ui.app import make_application
    from reader.ui.mainwindow import MainWindow
    from reader.ui.settings import AppSettings

    marks["imported"] = time.perf_counter()
    app = make_application([sys.argv[0]])
    marks["application"] = time.perf_counter()
    store = Store(library)
    marks["store"] = time.perf_counter()
    window = MainWindow(
        store, AppSettings(QSettings(ini, QSettings.Format.IniFormat)), demo_library=None
    )
    marks["window"] = time.perf_counter()
    return app, window, marks


# -- child: launch ---------------------------------------------------------------------------


def child_launch(kind: str, library: str, ini: str) -> None:
    """Show a window (the app's or a bare one); print "ready" once it has painted and the event
    loop has turned once more, then "idle" with the memory after IDLE_SECONDS of idling."""
    from PySide6.QtCore import QTimer

    if kind == "app":
        app, window, marks = _open_window(library, ini)
        widgets = [
            window,
            window.feed_view.viewport(),
            window.article_view.viewport(),
            window.reader_view.viewport(),
        ]
    else:
        marks = {"start": STARTED}
        from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

        marks["imported"] = time.perf_counter()
        app = QApplication([sys.argv[0]])
        marks["application"] = time.perf_counter()
        window = QMainWindow()
        window.setCentralWidget(QWidget())
        window.resize(1280, 800)
        marks["store"] = marks["window"] = time.perf_counter()
        widgets = [window, window.centralWidget()]
    watcher, painted, _reset = paint_watcher(widgets)
    window.show()
    marks["shown"] = time.perf_counter()

    def ready() -> None:
        marks["ready"] = time.perf_counter()
        _emit("ready", {k: v - marks["start"] for k, v in marks.items()})
        QTimer.singleShot(int(IDLE_SECONDS * 1000), idle)

    def poll() -> None:
        if painted():
            marks["painted"] = time.perf_counter()
            QTimer.singleShot(0, ready)
        else:
            QTimer.singleShot(1, poll)

    def idle() -> None:
        rows = window.article_model.rowCount() if kind == "app" else 0
        _emit("idle", {"rss_mb": rss_mb(), "pss_mb": pss_mb(), "rows": rows})
        app.quit()

    QTimer.singleShot(0, poll)
    app.exec()
    del watcher
    if kind == "app":
        window.store.close()


# -- child: interacting with the window ------------------------------------------------------


def _profiled(enabled: bool, name: str, out: dict[str, str]) -> Any:
    """A context manager profiling its block with cProfile when ``enabled``; the top functions
    go into ``out[name]``."""
    import contextlib

    @contextlib.contextmanager
    def run() -> Any:
        if not enabled:
            yield
            return
        import cProfile
        import io
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        try:
            yield
        finally:
            profile.disable()
            text = io.StringIO()
            pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(25)
            out[name] = text.getvalue()

    return run()


def child_interact(
    library: str, ini: str, args: argparse.Namespace, queries: Sequence[tuple[str, str]]
) -> None:
    """Select, scroll, open and search in one window, printing one "result" JSON line."""
    import gc

    from PySide6.QtCore import Qt

    from reader.core.types import ArticleQuery
    from reader.ui.article_list import PAGE_SIZE, SEARCH_LIMIT

    repeat, seed, profile = args.repeat, args.seed, args.profile
    app, window, _marks = _open_window(library, ini)
    store = window.store
    model = window.article_model
    feeds = window.feed_model
    view = window.article_view
    profiles: dict[str, str] = {}
    r: dict[str, Any] = {"notes": []}

    # Count the library-wide statistics the window asks for (the counts label).
    stats_calls = [0]
    real_stats = store.stats

    def counted_stats() -> Any:
        stats_calls[0] += 1
        return real_stats()

    store.stats = counted_stats

    list_watch, list_painted, list_reset = paint_watcher([view.viewport()])
    reader_watch, reader_painted, reader_reset = paint_watcher([window.reader_view.viewport()])
    window.show()
    if not wait_until(app, list_painted):
        r["notes"].append("the window never painted")
    settle(app, 0.3)

    # 1. Selecting "All articles" (coming from "Starred") until the list has painted.
    all_index = feeds.index_for_smart("all")
    other = feeds.index_for_smart("starred")
    select, handler, calls = [], [], []
    for number in range(repeat):
        window.feed_view.setCurrentIndex(other)
        settle(app)
        list_reset()
        stats_calls[0] = 0
        with _profiled(profile and number == 0, "select all", profiles):
            t0 = time.perf_counter()
            window.feed_view.setCurrentIndex(all_index)
            t1 = time.perf_counter()
            if not wait_until(app, list_painted):
                view.viewport().grab()
                r["notes"].append("the article list did not paint after selecting All")
            t2 = time.perf_counter()
        select.append((t2 - t0) * 1000)
        handler.append((t1 - t0) * 1000)
        calls.append(stats_calls[0])
    r["select_ms"] = select
    r["select_handler_ms"] = handler
    r["select_stats_calls"] = calls
    # Its parts, each alone.
    page, stats_ms, data_ms, set_query_ms = [], [], [], []
    roles = [
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.CheckStateRole,
    ]
    for _ in range(repeat):
        t0 = time.perf_counter()
        store.list_articles(ArticleQuery(limit=PAGE_SIZE))
        page.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        real_stats()
        stats_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        model.set_query(ArticleQuery())
        set_query_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        for row in range(min(FIRST_ROWS, model.rowCount())):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                for role in roles:
                    model.data(index, role)
        data_ms.append((time.perf_counter() - t0) * 1000)
    r["first_page_ms"] = page
    r["stats_ms"] = stats_ms
    r["set_query_ms"] = set_query_ms
    r["data_ms"] = data_ms
    r["unread_count_ms"] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        store.count_articles(ArticleQuery(unread=True))
        r["unread_count_ms"].append((time.perf_counter() - t0) * 1000)

    # 2. Every row, then the bottom of the list: the memory it costs.
    window.feed_view.setCurrentIndex(all_index)
    model.set_query(ArticleQuery())
    settle(app, 0.2)
    gc.collect()
    r["rss_all_first_page_mb"] = rss_mb()
    pages = 0
    stats_calls[0] = 0
    with _profiled(profile, "scroll to the end", profiles):
        t0 = time.perf_counter()
        while model.canFetchMore(view.rootIndex()):
            model.fetchMore(view.rootIndex())
            pages += 1
        t1 = time.perf_counter()
        list_reset()
        view.scrollToBottom()
        if not wait_until(app, list_painted):
            view.viewport().grab()
        t2 = time.perf_counter()
    settle(app, 0.2)
    gc.collect()
    r["rss_all_rows_mb"] = rss_mb()
    r["scroll_rows"] = model.rowCount()
    r["scroll_pages"] = pages
    r["scroll_fetch_s"] = t1 - t0
    r["scroll_paint_ms"] = (t2 - t1) * 1000
    r["scroll_stats_calls"] = stats_calls[0]

    # 3. Opening articles: read it, show it, paint it.
    ids = [row[0] for row in store._conn.execute("SELECT id FROM articles ORDER BY id")]
    chosen = random.Random(f"{seed}:open").sample(ids, min(OPENED_ARTICLES, len(ids)))
    opened, got, shown = [], [], []
    for number, article_id in enumerate(chosen):
        reader_reset()
        with _profiled(profile and number == 0, "open an article", profiles):
            t0 = time.perf_counter()
            article = store.get_article(article_id)
            t1 = time.perf_counter()
            window.reader_pane.show_article(article)
            t2 = time.perf_counter()
            if not wait_until(app, reader_painted):
                window.reader_view.viewport().grab()
                r["notes"].append("the reader did not paint an article")
            t3 = time.perf_counter()
        opened.append((t3 - t0) * 1000)
        got.append((t1 - t0) * 1000)
        shown.append((t2 - t1) * 1000)
    r["open_ms"] = opened
    r["open_get_ms"] = got
    r["open_show_ms"] = shown

    # 4. Searching: the store's search as the list asks for it, and the whole list update.
    searches: list[dict[str, Any]] = []
    for kind, text in queries:
        times = []
        hits = 0
        for number in range(repeat):
            with _profiled(profile and number == 0, f"search {text}", profiles):
                t0 = time.perf_counter()
                hits = len(store.search(text, limit=SEARCH_LIMIT))
                times.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        store.search(text)
        default = (time.perf_counter() - t0) * 1000
        list_reset()
        t0 = time.perf_counter()
        model.set_search(text)
        if not wait_until(app, list_painted):
            view.viewport().grab()
        in_list = (time.perf_counter() - t0) * 1000
        searches.append(
            {
                "kind": kind,
                "query": text,
                "ms": statistics.median(times),
                "hits": hits,
                "limit_100_ms": default,
                "in_list_ms": in_list,
            }
        )
    model.clear_search()
    r["searches"] = searches
    r["search_limit"] = SEARCH_LIMIT
    r["profiles"] = profiles
    _emit("result", r)
    del list_watch, reader_watch
    window.close()
    store.close()


# -- the parent: running children ------------------------------------------------------------


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("QT_SCALE_FACTOR", None)
    return env


def _command(*args: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--child", *args]


@dataclass
class Launch:
    """One launch: wall time until "ready" as the parent saw it, and what the child said."""

    wall: float
    marks: dict[str, float]
    idle: dict[str, float]


def launch_once(kind: str, library: Path, folder: Path, timeout: float) -> Launch:
    ini = folder / f"settings-{kind}-{time.monotonic_ns()}.ini"
    command = _command(f"launch-{kind}", str(library), str(ini))
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
        env=_child_env(), cwd=ROOT, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    wall = 0.0
    marks: dict[str, float] = {}
    idle: dict[str, float] = {}
    try:
        for line in process.stdout:
            if line.startswith("ready "):
                wall = time.perf_counter() - started
                marks = json.loads(line[6:])
            elif line.startswith("idle "):
                idle = json.loads(line[5:])
        process.wait(timeout)
    finally:
        if process.poll() is None:
            process.kill()
    stderr = process.stderr.read() if process.stderr else ""
    if process.returncode != 0 or not marks or not idle:
        raise SystemExit(f"FAIL: the {kind} launch exited with {process.returncode}:\n{stderr}")
    return Launch(wall, marks, idle)


def interact(library: Path, folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    command = _command("interact", str(library), str(folder / "settings-interact.ini"))
    command += ["--repeat", str(args.repeat), "--seed", args.seed]
    command += ["--articles", str(args.articles), "--feeds", str(args.feeds)]
    if args.profile:
        command.append("--profile")
    done = subprocess.run(
        command, capture_output=True, text=True, env=_child_env(), cwd=ROOT, check=False,
        timeout=args.timeout,
    )  # fmt: skip
    for line in done.stdout.splitlines():
        if line.startswith("result "):
            result: dict[str, Any] = json.loads(line[7:])
            return result
    raise SystemExit(f"FAIL: the interaction process exited with {done.returncode}:\n{done.stderr}")


# -- the report --------------------------------------------------------------------------------


def _median(values: Sequence[float]) -> float:
    return statistics.median(values)


def x_rows(rep: Report, under_x: dict[str, Any]) -> None:
    """The launches under X: one row per library, its steps, and the bundle's."""
    if "missing" in under_x:
        rep.details.append(f"note: launches under X not measured: {under_x['missing']}")
        rep.misses.append("launch under X (not measured)")
        return
    rows = rep.rows

    def compared(name: str, ours: list[_xlaunch.XLaunch], baseline: list[_xlaunch.XLaunch],
                 target: float, wording: str) -> None:  # fmt: skip
        mine = _median([run.seconds for run in ours])
        theirs = _median([run.seconds for run in baseline])
        ratio = mine / theirs
        rows.append(
            (name, f"{mine:.2f}", f"{theirs:.2f}", f"{ratio:.2f}", wording, ok(ratio <= target))
        )

    for size, runs in under_x["libraries"].items():
        articles = f"{size:,}".replace(",", " ")
        compared(
            f"launch under X, {articles} articles → list painted (s)",
            runs["app"], runs["bare"], TARGET_LAUNCH_RATIO, f"≤ {TARGET_LAUNCH_RATIO:g}×",
        )  # fmt: skip

        def step(a: str, b: str, runs: list[_xlaunch.XLaunch] = runs["app"]) -> float:
            return _median([(run.steps[b] - run.steps.get(a, 0.0)) * 1000 for run in runs])

        frame = _median([(run.seconds - run.steps["shown"]) * 1000 for run in runs["app"]])
        rows.append(
            info(
                "  start → window code / imports / window / frame (ms)",
                f"{step('', 'gui'):.0f} / {step('gui', 'imported') + step('imported', 'store'):.0f}"
                f" / {step('store', 'shown'):.0f} / {frame:.0f}",
            )
        )
        rep.details.append(
            f"Launches under X, {size} articles (s, app / bare): "
            + ", ".join(
                f"{a.seconds:.3f}/{b.seconds:.3f}"
                for a, b in zip(runs["app"], runs["bare"], strict=True)
            )
        )
    bundle = under_x.get("bundle")
    if bundle:
        runs = bundle["runs"]
        articles = f"{bundle['size']:,}".replace(",", " ")
        compared(
            f"bundle launch under X, {articles} articles (s)",
            runs["bundle"], runs["app"], TARGET_BUNDLE_RATIO, "≤ the venv's",
        )  # fmt: skip
    else:
        rep.details.append(
            f"note: no bundle at {BUNDLE.relative_to(ROOT)} (make bundle): not measured"
        )


def build_report(
    app: list[Launch], bare: list[Launch], r: dict[str, Any], under_x: dict[str, Any]
) -> Report:
    rep = Report()
    x_rows(rep, under_x)
    rows = rep.rows
    app_wall = _median([x.wall for x in app])
    bare_wall = _median([x.wall for x in bare])
    ratio = app_wall / bare_wall
    rows.append(
        (
            "launch offscreen → window painted (s)",
            f"{app_wall:.2f}",
            f"{bare_wall:.2f}",
            f"{ratio:.2f}",
            f"≤ {TARGET_LAUNCH_RATIO:g}×",
            ok(ratio <= TARGET_LAUNCH_RATIO),
        )
    )

    def mark(launches: list[Launch], a: str, b: str) -> float:
        return _median([(x.marks[b] - x.marks[a]) * 1000 for x in launches])

    rows.append(
        info(
            "  imports / QApplication (ms)",
            f"{mark(app, 'start', 'imported'):.0f} / {mark(app, 'imported', 'application'):.0f}",
            f"{mark(bare, 'start', 'imported'):.0f} / {mark(bare, 'imported', 'application'):.0f}",
        )
    )
    rows.append(
        info(
            "  open library / build window (ms)",
            f"{mark(app, 'application', 'store'):.0f} / {mark(app, 'store', 'window'):.0f}",
            f"— / {mark(bare, 'store', 'window'):.0f}",
        )
    )
    rows.append(
        info(
            "  show / first paint / ready (ms)",
            f"{mark(app, 'window', 'shown'):.0f} / {mark(app, 'shown', 'painted'):.0f} / "
            f"{mark(app, 'painted', 'ready'):.0f}",
            f"{mark(bare, 'window', 'shown'):.0f} / {mark(bare, 'shown', 'painted'):.0f} / "
            f"{mark(bare, 'painted', 'ready'):.0f}",
        )
    )
    rows.append(
        info(
            "  interpreter start (ms)",
            f"{_median([x.wall * 1000 - x.marks['ready'] * 1000 for x in app]):.0f}",
            f"{_median([x.wall * 1000 - x.marks['ready'] * 1000 for x in bare]):.0f}",
        )
    )

    select = _median(r["select_ms"])
    rows.append(
        (
            "select “All articles” → list painted (ms)",
            f"{select:.0f}",
            "",
            "",
            f"≤ {TARGET_SELECT_MS:.0f} ms",
            ok(select <= TARGET_SELECT_MS),
        )
    )
    rows.append(
        info(
            "  selection handler / paint (ms)",
            f"{_median(r['select_handler_ms']):.0f} / "
            f"{select - _median(r['select_handler_ms']):.0f}",
        )
    )
    rows.append(
        info(
            "  of which store.stats() (ms × calls)",
            f"{_median(r['stats_ms']):.0f} × {_median(r['select_stats_calls']):.0f}",
        )
    )
    rows.append(
        info(
            "  first page: list_articles(200) (ms)",
            f"{_median(r['first_page_ms']):.1f}",
        )
    )
    rows.append(info("  set_query alone (ms)", f"{_median(r['set_query_ms']):.0f}"))
    rows.append(
        info(f"  data() of the first {FIRST_ROWS} rows (ms)", f"{_median(r['data_ms']):.1f}")
    )
    rows.append(info("  unread count, all articles (ms)", f"{_median(r['unread_count_ms']):.0f}"))

    growth = r["rss_all_rows_mb"] - r["rss_all_first_page_mb"]
    rows.append(
        (
            "scroll to the end: memory growth (MB)",
            f"{growth:.0f}",
            "",
            "",
            f"≤ {TARGET_SCROLL_MB:.0f} MB",
            ok(growth <= TARGET_SCROLL_MB),
        )
    )
    rows.append(
        info(
            "  rows, pages, fetching time (s)",
            f"{r['scroll_rows']}, {r['scroll_pages']}, {r['scroll_fetch_s']:.1f}",
        )
    )
    per_page = r["scroll_fetch_s"] * 1000 / max(1, r["scroll_pages"])
    rows.append(
        info(
            "  per page (ms); stats() calls",
            f"{per_page:.0f}; {r['scroll_stats_calls']}",
        )
    )
    rows.append(
        info(
            "  RSS first page → all rows (MB)",
            f"{r['rss_all_first_page_mb']:.0f} → {r['rss_all_rows_mb']:.0f}",
        )
    )

    opened = _median(r["open_ms"])
    rows.append(
        (
            f"open an article (ms), median of {len(r['open_ms'])}",
            f"{opened:.1f}",
            "",
            "",
            f"≤ {TARGET_OPEN_MS:.0f} ms",
            ok(opened <= TARGET_OPEN_MS),
        )
    )
    rows.append(
        info(
            "  p90 / worst (ms)",
            f"{p90(r['open_ms']):.1f} / {max(r['open_ms']):.1f}",
        )
    )
    rows.append(
        info(
            "  get_article / show_article (ms)",
            f"{_median(r['open_get_ms']):.1f} / {_median(r['open_show_ms']):.1f}",
        )
    )

    searches = r["searches"]
    times = [s["ms"] for s in searches]
    worst = max(searches, key=lambda s: s["ms"])
    search = _median(times)
    rows.append(
        (
            f"search (ms), median of {len(searches)} queries",
            f"{search:.1f}",
            "",
            "",
            f"≤ {TARGET_SEARCH_MS:.0f} ms",
            ok(search <= TARGET_SEARCH_MS),
        )
    )
    rows.append(
        info(
            "  p90 / worst (ms)",
            f"{p90(times):.1f} / {worst['ms']:.1f} ({worst['query']})",
        )
    )
    rows.append(
        info(
            f"  limit 100 instead of {r['search_limit']}: median (ms)",
            f"{_median([s['limit_100_ms'] for s in searches]):.1f}",
        )
    )
    rows.append(
        info(
            "  in the list (set_search + paint) (ms)",
            f"{_median([s['in_list_ms'] for s in searches]):.0f}",
        )
    )

    app_rss = _median([x.idle["rss_mb"] for x in app])
    bare_rss = _median([x.idle["rss_mb"] for x in bare])
    rows.append(
        (
            "idle memory, RSS (MB)",
            f"{app_rss:.0f}",
            f"{bare_rss:.0f}",
            f"{app_rss / bare_rss:.2f}",
            f"≤ {TARGET_IDLE_MB:.0f} MB",
            ok(app_rss <= TARGET_IDLE_MB),
        )
    )
    rows.append(
        info(
            "  idle memory, PSS (MB)",
            f"{_median([x.idle['pss_mb'] for x in app]):.0f}",
            f"{_median([x.idle['pss_mb'] for x in bare]):.0f}",
        )
    )

    rep.details.append(f"Searches (median ms with limit {r['search_limit']}, hits):")
    for s in searches:
        rep.details.append(
            f"  {s['kind']:<9}  {s['query']:<20} {s['ms']:7.1f} ms  {s['hits']:>3} hits  "
            f"(limit 100: {s['limit_100_ms']:.1f} ms; in the list: {s['in_list_ms']:.0f} ms)"
        )
    rep.details.append(
        "Launches (s, app / bare): "
        + ", ".join(f"{a.wall:.2f}/{b.wall:.2f}" for a, b in zip(app, bare, strict=True))
    )
    rep.details.append("Select All (ms): " + ", ".join(f"{v:.0f}" for v in r["select_ms"]))
    for note in dict.fromkeys(r["notes"]):
        rep.details.append(f"note: {note}")
    for row in rows:
        if row[5] == "NO":
            rep.misses.append(row[0])
    return rep


def machine_facts(
    args: argparse.Namespace, library: Path, built: float | None
) -> list[tuple[str, str]]:
    from PySide6.QtCore import qVersion

    from reader.core.storage import Store

    with Store(library) as store:
        stats = store.stats()
        tags = store._conn.execute("SELECT count(*) FROM article_tags").fetchone()[0]
    origin = f"built in {built:.0f} s" if built is not None else "from the cache"
    return [
        *host_facts(ROOT),
        (
            "libraries",
            f"PySide6 {package_version('PySide6')}, Qt {qVersion()}, "
            f"SQLite {sqlite3.sqlite_version}",
        ),
        (
            "library",
            f"{stats.articles} articles listed ({stats.unread} unread, {stats.starred} starred, "
            f"{tags} tag links), {stats.feeds} feeds, {stats.folders} folders, "
            f"{library.stat().st_size / 1e6:.0f} MB, {origin}: {library.name}",
        ),
        (
            "parameters",
            f"under X: Xvfb {_xlaunch.SCREEN}, the installed console script; the rest "
            f"QT_QPA_PLATFORM=offscreen; PYTHONDONTWRITEBYTECODE unset; one launch of each "
            f"kind unmeasured, then median of {args.repeat} run{'s' * (args.repeat != 1)}; "
            f"{OPENED_ARTICLES} articles opened, {len(SEARCHES) + 2} queries",
        ),
    ]


def print_report(
    facts: list[tuple[str, str]],
    rep: Report,
    markdown: bool,
    out: Callable[[str], None] = print,
) -> None:
    rows = rep.rows
    print_table(facts, rows, markdown=markdown, out=out)
    out("")
    out("Baseline: a bare PySide6 QMainWindow (1280×800, empty central widget) in a fresh process,")
    out("started the same way (under X: benchmarks/_bare_window.py run by the same interpreter).")
    out("")
    for detail in rep.details:
        out(detail)


# -- main --------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=100_000, help="articles (100000)")
    parser.add_argument("--feeds", type=int, default=300, help="feeds (300)")
    parser.add_argument(
        "--x-articles",
        default="15000,100000",
        help="articles of the libraries launched under X, comma-separated (15000,100000)",
    )
    parser.add_argument(
        "--bundle",
        type=Path,
        default=BUNDLE,
        help="the bundle's executable to launch under X, when it exists (dist/press-reader/)",
    )
    parser.add_argument(
        "--repeat", type=int, default=5, help="runs of every measurement; medians shown (5)"
    )
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--rebuild", action="store_true", help="build the library again")
    parser.add_argument("--seed", default="press-reader-ui", help="generator seed")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="cProfile the measured steps; the top functions go to benchmarks/out/ui-profile.txt",
    )
    parser.add_argument(
        "--timeout", type=float, default=1800, help="seconds before a child is killed (1800)"
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.articles < 1 or args.feeds < 1 or args.repeat < 1:
        parser.error("--articles, --feeds and --repeat must be at least 1")
    try:
        args.x_sizes = [int(size) for size in args.x_articles.split(",") if size.strip()]
    except ValueError:
        parser.error("--x-articles takes whole numbers separated by commas")
    if any(size < 1 for size in args.x_sizes):
        parser.error("--x-articles must be at least 1")
    return args


def x_launches(
    args: argparse.Namespace, folder: Path, log: Callable[[str], None]
) -> dict[str, Any]:
    """Launches under X of each library size (and of the bundle on the first size), each kind
    once unmeasured, then ``--repeat`` times, the kinds taking turns."""
    from _library import LibrarySpec, ensure_library

    missing = _xlaunch.available()
    if missing:
        return {"missing": missing}
    results: dict[str, Any] = {"libraries": {}}
    with _xlaunch.x_server() as display:
        for number, size in enumerate(args.x_sizes):
            spec = LibrarySpec(articles=size, feeds=args.feeds, seed=args.seed)
            library, _built = ensure_library(spec, log=log)
            data = _xlaunch.data_folder(library, folder)
            kinds = {"bare": _xlaunch.bare_command(), "app": _xlaunch.app_command(data)}
            if number == 0 and args.bundle.is_file():
                kinds["bundle"] = _xlaunch.app_command(data, args.bundle)
            homes = {kind: folder / f"home-{kind}-{size}" for kind in kinds}
            runs: dict[str, list[_xlaunch.XLaunch]] = {kind: [] for kind in kinds}
            log(f"Under X, {size} articles: warming up…")
            for kind, command in kinds.items():
                homes[kind].mkdir()
                _xlaunch.launch(command, display, homes[kind], args.timeout)
            for turn in range(1, args.repeat + 1):
                log(f"Under X, {size} articles: launch {turn} of {args.repeat}…")
                for kind, command in kinds.items():
                    runs[kind].append(_xlaunch.launch(command, display, homes[kind], args.timeout))
            results["libraries"][size] = runs
            if "bundle" in runs:
                results["bundle"] = {"size": size, "runs": runs}
    return results


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # Measured as a user runs the program: with the bytecode caches Python writes, even where
    # this machine's environment turns them off (every start would recompile each module).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    if args.child:
        kind, *rest = args.child
        if kind in ("launch-app", "launch-bare"):
            child_launch(kind.removeprefix("launch-"), *[*rest, "", ""][:2])
        elif kind == "interact":
            queries = search_queries(args.articles, args.feeds, args.seed)
            child_interact(rest[0], rest[1], args, queries)
        else:
            raise SystemExit(f"unknown child {kind}")
        return 0

    from _library import OUT, LibrarySpec, ensure_library

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    spec = LibrarySpec(articles=args.articles, feeds=args.feeds, seed=args.seed)
    log(f"Library of {args.articles} articles in {args.feeds} feeds…")
    library, built = ensure_library(spec, rebuild=args.rebuild, log=log)
    with tempfile.TemporaryDirectory(prefix="press-bench-ui-") as tmp:
        folder = Path(tmp)
        under_x = x_launches(args, folder, log)
        log("Offscreen: warming up (one launch of each, not counted)…")
        launch_once("bare", library, folder, args.timeout)
        launch_once("app", library, folder, args.timeout)
        app: list[Launch] = []
        bare: list[Launch] = []
        for number in range(1, args.repeat + 1):
            log(f"Launch {number} of {args.repeat}…")
            bare.append(launch_once("bare", library, folder, args.timeout))
            app.append(launch_once("app", library, folder, args.timeout))
        log("Selecting, scrolling, opening and searching…")
        result = interact(library, folder, args)
    if args.profile:
        OUT.mkdir(parents=True, exist_ok=True)
        target = OUT / "ui-profile.txt"
        target.write_text(
            "".join(f"== {name} ==\n{text}\n" for name, text in result["profiles"].items())
        )
        log(f"Profiles written to {target}")
    rep = build_report(app, bare, result, under_x)
    print_report(machine_facts(args, library, built), rep, args.markdown)
    for miss in rep.misses:
        print(f"MISSED: {miss}")
    return 1 if rep.misses else 0


if __name__ == "__main__":
    sys.exit(main())
