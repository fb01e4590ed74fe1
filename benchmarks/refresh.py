"""Refresh benchmark: Press Reader against feedparser alone and newsboat, on the same feeds.

Generates ``--feeds`` feeds of our own text (about 200 KB and ``--entries`` entries each), serves
them from a loopback server (a separate process) that waits ``--latency`` seconds before each
answer and honours ETag / Last-Modified, then measures, ``--repeat`` times in fresh libraries:

* feedparser alone: ``feedparser.parse`` on every document's bytes (CPU time);
* Press Reader, first refresh of a new library, then a second refresh with nothing changed
  (every feed answers 304), each in a child process of its own so that its CPU (with that of
  its parser processes) and its memory can be measured;
* newsboat (when installed), ``newsboat -x reload`` with ``reload-threads 8``, first and
  second reload, on the same addresses.

Medians are reported, as ratios against the baselines. Exits with 1 when a refresh did not do
what it should (every feed read, every entry stored, then every feed not modified).

Run: ``.venv/bin/python benchmarks/refresh.py`` (``make bench``); ``--help`` for the options.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from _feedgen import FeedSpec, write_feeds
from _server import MAX_PAGE_HOSTS, FeedServer
from _table import Row, print_table

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: Code run by the child process that does one Press Reader refresh (see child_main).
CHILD_CODE = "import sys; sys.path.insert(0, sys.argv[1]); import refresh; refresh.child_main()"

PARSE_FLAGS = {"sanitize_html": False, "resolve_relative_uris": False}

TARGET_FIRST = 0.7
TARGET_SECOND = 0.25
TARGET_CPU = 1.3
TARGET_MEMORY_MB = 200.0


# -- the child: one refresh --------------------------------------------------------------


def child_main() -> None:
    """In a fresh process: refresh every feed of the library given on the command line and
    print one JSON line with the time, CPU and memory it took and what the refresh reported."""
    db, jobs = sys.argv[2], int(sys.argv[3])
    from reader.core.refresh import refresh_feeds
    from reader.core.storage import Store

    store = Store(db)
    before, started = os.times(), time.perf_counter()
    summary = refresh_feeds(store, jobs=jobs)
    wall = time.perf_counter() - started
    after = os.times()
    articles = store.stats().articles
    store.close()
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "wall": wall,
        "cpu_self": (after.user - before.user) + (after.system - before.system),
        "cpu_workers": (after.children_user - before.children_user)
        + (after.children_system - before.children_system),
        "rss_main_mb": own.ru_maxrss / 1024,
        "rss_worker_mb": workers.ru_maxrss / 1024,
        "ok": summary.ok,
        "not_modified": summary.not_modified,
        "failed": summary.failed,
        "new": summary.new,
        "updated": summary.updated,
        "articles": articles,
        "errors": sorted({o.error for o in summary.outcomes if o.error})[:5],
    }
    print(json.dumps(result), flush=True)


# -- running and watching a process tree ---------------------------------------------------


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, from the parent ids in /proc/<pid>/stat."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_bytes()
        except OSError:
            continue
        # "pid (command) state ppid …": the command may contain spaces and parentheses.
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo.extend(parents.get(pid, ()))
    return pids


def _memory_kb(pid: int) -> int:
    """Proportional set size (shared pages split between the processes that share them),
    or the resident set size when the kernel does not say."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


@dataclass
class Run:
    """A finished child process: how it ended, and what it cost."""

    code: int
    wall: float
    cpu: float
    #: Largest memory of the whole process tree at once (sum of PSS), in MB, sampled.
    peak_mb: float
    stdout: str
    stderr: str


def run_measured(
    command: Sequence[str], *, env: dict[str, str] | None, cwd: Path, timeout: float
) -> Run:
    """Run ``command`` and wait for it with wait4, which gives the CPU of the process and of
    the descendants it waited for; a thread samples the memory of the whole tree."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=cwd,
            start_new_session=True,
        )  # fmt: skip
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.wait(0.05):
                total = sum(_memory_kb(pid) for pid in _tree(process.pid))
                peak = max(peak, total)
                if time.perf_counter() - started > timeout:
                    os.killpg(process.pid, signal.SIGKILL)
                    return

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            code=process.returncode,
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            peak_mb=peak / 1024,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


# -- the measurements --------------------------------------------------------------------


@dataclass
class Measures:
    """Everything one repetition measured; None where it was not measured."""

    values: dict[str, float] = field(default_factory=dict)
    #: Press Reader did not do what it should: the benchmark fails.
    problems: list[str] = field(default_factory=list)
    #: Something worth knowing about the baselines.
    notes: list[str] = field(default_factory=list)


def measure_feedparser(documents: Sequence[bytes]) -> float:
    """CPU seconds for feedparser to parse every document, with the flags Press Reader uses."""
    import feedparser

    started = time.process_time()
    for document in documents:
        feedparser.parse(document, **PARSE_FLAGS)
    return time.process_time() - started


def refresh_once(db: Path, jobs: int, timeout: float) -> tuple[Run, dict[str, Any]]:
    command = [sys.executable, "-c", CHILD_CODE, str(HERE), str(db), str(jobs)]
    run = run_measured(command, env=None, cwd=ROOT, timeout=timeout)
    if run.code != 0:
        raise SystemExit(f"FAIL: the refresh process exited with {run.code}:\n{run.stderr}")
    report: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    return run, report


def make_library(db: Path, urls: Sequence[str]) -> None:
    from reader.core.storage import Store

    with Store(db) as store:
        for url in urls:
            store.add_feed(url)


def newsboat_once(folder: Path, timeout: float) -> Run:
    home = folder / "home"
    home.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    newsboat = shutil.which("newsboat")
    assert newsboat is not None
    command = [
        newsboat, "-u", str(folder / "urls"), "-c", str(folder / "cache.db"),
        "-C", str(folder / "config"), "-x", "reload",
    ]  # fmt: skip
    run = run_measured(command, env=env, cwd=folder, timeout=timeout)
    if run.code != 0:
        raise SystemExit(f"FAIL: newsboat exited with {run.code}:\n{run.stderr}{run.stdout}")
    return run


def newsboat_items(cache: Path) -> int:
    with sqlite3.connect(cache) as db:
        return int(db.execute("SELECT count(*) FROM rss_item").fetchone()[0])


def one_repetition(
    args: argparse.Namespace, documents: Sequence[bytes], urls: Sequence[str], server: FeedServer
) -> Measures:
    m = Measures()
    v = m.values
    feeds, entries = args.feeds, args.feeds * args.entries
    v["fp_cpu"] = measure_feedparser(documents)

    with tempfile.TemporaryDirectory(prefix="press-bench-") as tmp:
        folder = Path(tmp)
        db = folder / "library.sqlite"
        make_library(db, urls)
        server.take_counts()
        for phase in ("pr1", "pr2"):
            run, report = refresh_once(db, args.jobs, args.timeout)
            counts = server.take_counts()
            v[f"{phase}_wall"] = float(report["wall"])
            v[f"{phase}_cpu"] = float(report["cpu_self"]) + float(report["cpu_workers"])
            v[f"{phase}_cpu_main"] = float(report["cpu_self"])
            v[f"{phase}_process_wall"] = run.wall
            v[f"{phase}_process_cpu"] = run.cpu
            v[f"{phase}_peak_mb"] = run.peak_mb
            v[f"{phase}_rss_main_mb"] = float(report["rss_main_mb"])
            v[f"{phase}_rss_worker_mb"] = float(report["rss_worker_mb"])
            for key in ("ok", "not_modified", "failed", "new", "updated", "articles"):
                v[f"{phase}_{key}"] = float(report[key])
            v[f"{phase}_http_200"] = counts.get("200", 0)
            v[f"{phase}_http_304"] = counts.get("304", 0)
            if report["errors"]:
                m.notes.append(f"{phase} errors: {report['errors']}")
        if v["pr1_ok"] != feeds or v["pr1_new"] != entries or v["pr1_failed"]:
            m.problems.append(
                f"first refresh: {v['pr1_ok']:.0f} feeds ok of {feeds}, "
                f"{v['pr1_failed']:.0f} failed, {v['pr1_new']:.0f} new entries of {entries}"
            )
        if v["pr2_not_modified"] != feeds:
            m.problems.append(
                f"second refresh: {v['pr2_not_modified']:.0f} feeds not modified of {feeds} "
                f"({v['pr2_ok']:.0f} ok, {v['pr2_failed']:.0f} failed)"
            )

        if args.newsboat:
            nb = folder / "newsboat"
            nb.mkdir()
            (nb / "urls").write_text("".join(url + "\n" for url in urls))
            (nb / "config").write_text(
                f"reload-threads {args.jobs}\nerror-log {nb / 'error.log'}\n"
                "download-timeout 60\nmax-items 0\n"
            )
            # newsboat keeps a feed's validators only once the feed is in its cache, so its
            # second reload downloads everything again; the third is the first conditional one.
            for phase in ("nb1", "nb2", "nb3"):
                run = newsboat_once(nb, args.timeout)
                counts = server.take_counts()
                v[f"{phase}_wall"] = run.wall
                v[f"{phase}_cpu"] = run.cpu
                v[f"{phase}_peak_mb"] = run.peak_mb
                v[f"{phase}_items"] = newsboat_items(nb / "cache.db")
                v[f"{phase}_http_200"] = counts.get("200", 0)
                v[f"{phase}_http_304"] = counts.get("304", 0)
            if v["nb1_items"] != entries:
                m.notes.append(
                    f"newsboat stored {v['nb1_items']:.0f} items of {entries} (its numbers are "
                    "not comparable)"
                )
    return m


# -- the report ----------------------------------------------------------------------------


def _package(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def machine_facts(args: argparse.Namespace) -> list[tuple[str, str]]:
    newsboat = shutil.which("newsboat")
    newsboat_version = "not installed"
    if newsboat:
        first = subprocess.run(
            [newsboat, "--version"], capture_output=True, text=True, check=False, timeout=30
        ).stdout.splitlines()
        newsboat_version = first[0].split(" - ")[0] if first else "unknown"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        ("machine", f"{platform.machine()}, {os.cpu_count()} cores, load average {load}"),
        ("system", platform.platform()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        (
            "libraries",
            f"feedparser {_package('feedparser')}, nh3 {_package('nh3')}, "
            f"httpx {_package('httpx')}, SQLite {sqlite3.sqlite_version}",
        ),
        ("newsboat", newsboat_version),
        (
            "parameters",
            f"{args.feeds} feeds × {args.entries} entries (~{args.size // 1000} KB each), "
            f"on {args.sites} site{'s' * (args.sites != 1)} (loopback addresses), "
            f"latency {args.latency * 1000:.0f} ms, {args.jobs} jobs, "
            f"median of {args.repeat} run{'s' * (args.repeat != 1)}",
        ),
    ]


def _fmt(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _ratio_row(
    name: str,
    ours: float,
    baseline: float | None,
    target: float,
    *,
    digits: int = 2,
) -> Row:
    if baseline is None or baseline <= 0:
        return (name, _fmt(ours, digits), "n/a", "n/a", f"≤ {target:g}×", "n/a")
    ratio = ours / baseline
    ok = "yes" if ratio <= target else "NO"
    return (name, _fmt(ours, digits), _fmt(baseline, digits), f"{ratio:.2f}", f"≤ {target:g}×", ok)


def _info_row(name: str, ours: str, baseline: str = "", ratio: str = "") -> Row:
    return (name, ours, baseline, ratio, "", "")


def build_rows(med: dict[str, float], args: argparse.Namespace) -> list[Row]:
    entries = args.feeds * args.entries
    nb = args.newsboat

    def get(key: str) -> float | None:
        return med.get(key) if nb or not key.startswith("nb") else None

    def ratio(a: float | None, b: float | None) -> str:
        return f"{a / b:.2f}" if a is not None and b else ""

    fp_entry_ms = med["fp_cpu"] / entries * 1000
    pr_entry_ms = med["pr1_cpu"] / entries * 1000
    peak = med["pr1_peak_mb"]
    rows: list[Row] = [
        _ratio_row("first refresh wall (s)", med["pr1_wall"], get("nb1_wall"), TARGET_FIRST),
        _ratio_row("second refresh wall (s)", med["pr2_wall"], get("nb2_wall"), TARGET_SECOND),
        _ratio_row("CPU per entry (ms)", pr_entry_ms, fp_entry_ms, TARGET_CPU, digits=3),
        (
            "peak memory (MB)",
            f"{peak:.0f}",
            "",
            "",
            f"≤ {TARGET_MEMORY_MB:.0f} MB",
            "yes" if peak <= TARGET_MEMORY_MB else "NO",
        ),
        _info_row(
            "first refresh CPU (s)",
            _fmt(med["pr1_cpu"]),
            _fmt(get("nb1_cpu")),
            ratio(med["pr1_cpu"], get("nb1_cpu")),
        ),
        _info_row(
            "second refresh CPU (s)",
            _fmt(med["pr2_cpu"]),
            _fmt(get("nb2_cpu")),
            ratio(med["pr2_cpu"], get("nb2_cpu")),
        ),
        _info_row(
            "CPU per feed, first refresh (ms)",
            _fmt(med["pr1_cpu"] / args.feeds * 1000, 1),
            _fmt(med["fp_cpu"] / args.feeds * 1000, 1) + " (feedparser)",
        ),
        _info_row(
            "  of which refresh process (ms)",
            _fmt(med["pr1_cpu_main"] / args.feeds * 1000, 1),
        ),
        _info_row(
            "process wall, first / second (s)",
            f"{med['pr1_process_wall']:.2f} / {med['pr2_process_wall']:.2f}",
            "",
            "",
        ),
        _info_row(
            "newsboat third reload wall / CPU (s)",
            "",
            f"{get('nb3_wall'):.2f} / {get('nb3_cpu'):.2f}" if nb else "n/a",
        ),
        _info_row(
            "  second refresh wall vs third reload",
            "",
            _fmt(get("nb3_wall")),
            ratio(med["pr2_wall"], get("nb3_wall")),
        ),
        _info_row(
            "peak memory, second refresh (MB)",
            f"{med['pr2_peak_mb']:.0f}",
            _fmt(get("nb2_peak_mb"), 0),
        ),
        _info_row(
            "peak memory, newsboat first (MB)",
            "",
            _fmt(get("nb1_peak_mb"), 0),
        ),
        _info_row(
            "max RSS: refresh / one parser (MB)",
            f"{med['pr1_rss_main_mb']:.0f} / {med['pr1_rss_worker_mb']:.0f}",
        ),
        _info_row(
            "entries stored",
            f"{med['pr1_articles']:.0f}",
            _fmt(get("nb1_items"), 0),
        ),
        _info_row(
            "feeds ok / failed (first)",
            f"{med['pr1_ok']:.0f} / {med['pr1_failed']:.0f}",
        ),
        _info_row(
            "feeds not modified / failed (second)",
            f"{med['pr2_not_modified']:.0f} / {med['pr2_failed']:.0f}",
        ),
        _info_row(
            "HTTP 200 / 304 (second)",
            f"{med['pr2_http_200']:.0f} / {med['pr2_http_304']:.0f}",
            f"{get('nb2_http_200'):.0f} / {get('nb2_http_304'):.0f}" if nb else "n/a",
        ),
        _info_row(
            "HTTP 200 / 304 (newsboat third)",
            "",
            f"{get('nb3_http_200'):.0f} / {get('nb3_http_304'):.0f}" if nb else "n/a",
        ),
    ]
    return rows


BASELINES = (
    "Baselines: newsboat for wall times (first and second reload), feedparser.parse alone "
    "for CPU per entry (sanitize_html=False, resolve_relative_uris=False). Every process "
    "runs with PYTHONDONTWRITEBYTECODE unset, as a user's do."
)


def print_report(
    facts: list[tuple[str, str]],
    rows: list[Row],
    runs: list[Measures],
    markdown: bool,
    out: Callable[[str], None] = print,
) -> None:
    print_table(facts, rows, markdown=markdown, out=out)
    if not markdown:
        out("")
    out(BASELINES)
    if len(runs) > 1:
        out("")
        out("Every run (wall s: first / second; newsboat first / second; CPU s: ours / fp):")
        for number, run in enumerate(runs, 1):
            v = run.values
            nb = f"{v['nb1_wall']:.2f} / {v['nb2_wall']:.2f}" if "nb1_wall" in v else "n/a"
            out(
                f"  run {number}: {v['pr1_wall']:.2f} / {v['pr2_wall']:.2f}; {nb}; "
                f"{v['pr1_cpu']:.2f} / {v['fp_cpu']:.2f}; peak {v['pr1_peak_mb']:.0f} MB"
            )


def medians(runs: list[Measures]) -> dict[str, float]:
    keys = runs[0].values.keys()
    return {key: statistics.median(run.values[key] for run in runs) for key in keys}


# -- main ----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--feeds", type=int, default=300, help="number of feeds (300)")
    parser.add_argument("--entries", type=int, default=50, help="entries per feed (50)")
    parser.add_argument(
        "--size", type=int, default=200_000, help="approximate bytes per feed (200000)"
    )
    parser.add_argument(
        "--latency", type=float, default=0.05, help="seconds the server waits per answer (0.05)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of every measurement; medians shown (3)"
    )
    parser.add_argument("--jobs", type=int, default=8, help="download threads, both readers (8)")
    parser.add_argument(
        "--sites",
        type=int,
        default=60,
        help="loopback addresses the feeds are spread over, as subscriptions are over sites; "
        "1 puts every feed on 127.0.0.1 (60)",
    )
    parser.add_argument(
        "--no-newsboat", dest="newsboat", action="store_false", help="skip newsboat"
    )
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument(
        "--timeout", type=float, default=900, help="seconds before a run is killed (900)"
    )
    args = parser.parse_args(argv)
    if args.feeds < 1 or args.entries < 1 or args.repeat < 1 or args.jobs < 1:
        parser.error("--feeds, --entries, --repeat and --jobs must be at least 1")
    if not 1 <= args.sites <= MAX_PAGE_HOSTS + 1:
        parser.error(f"--sites must be between 1 and {MAX_PAGE_HOSTS + 1}")
    if args.newsboat and not shutil.which("newsboat"):
        print("newsboat is not installed (apt-get install newsboat): its rows show n/a.")
        args.newsboat = False
    return args


def site_of(index: int, sites: int) -> int | None:
    """The page site feed ``index`` is served from (None: 127.0.0.1), taking turns."""
    number = index % sites
    return None if number == 0 else number - 1


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # Measured as a user runs the program: the refresh and its parser processes read the
    # bytecode caches, even where this machine's environment turns them off.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    spec = FeedSpec(entries=args.entries, target_bytes=args.size)
    with tempfile.TemporaryDirectory(prefix="press-bench-feeds-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        paths = write_feeds(folder, args.feeds, spec)
        documents = [path.read_bytes() for path in paths]
        size = sum(len(d) for d in documents)
        print(
            f"Generated {args.feeds} feeds, {size / 1e6:.1f} MB, "
            f"in {time.perf_counter() - started:.1f} s.",
            file=sys.stderr,
        )
        runs: list[Measures] = []
        with FeedServer(
            folder,
            latency=args.latency,
            lifetime=args.timeout * 6 * args.repeat,
            page_hosts=args.sites - 1,
        ) as server:
            urls = [server.url(i, site_of(i, args.sites)) for i in range(args.feeds)]
            for number in range(1, args.repeat + 1):
                print(f"Run {number} of {args.repeat}…", file=sys.stderr, flush=True)
                runs.append(one_repetition(args, documents, urls, server))
    rows = build_rows(medians(runs), args)
    print_report(machine_facts(args), rows, runs, args.markdown)
    for note in dict.fromkeys(note for run in runs for note in run.notes):
        print(f"note: {note}")
    problems = [problem for run in runs for problem in run.problems]
    for problem in problems:
        print(f"FAIL: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
