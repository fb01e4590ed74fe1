"""Export benchmark: a brief of 100 articles and 500 highlights in every format.

Builds a library in a temporary folder through the public Store API (text made from the
highlights benchmark's word lists, with a seeded generator): ``--articles`` articles of about
``--article-size`` characters over six feeds, each tagged with a country, each with
``--per-article`` highlights (every colour, most with a note, some with tags). A brief is
composed from it (one section per country) and exported to a file in each format, with
``QT_QPA_PLATFORM=offscreen``; the time covers rendering and the atomic write.

Baselines, measured in the same run, are the plainest way to put the same words in the same
kind of file: for Markdown, HTML and W3C, serialising the brief's words to JSON; for Word, a
python-docx document with one unstyled paragraph per title and passage; for PDF, Qt printing
the brief's words as plain text through QTextDocument. They show what our structure, styling
and pagination cost on top of the file format itself.

Medians over ``--repeat`` runs are reported against the targets; a missed target prints a
``MISSED:`` line and exits with 1. Run: ``.venv/bin/python benchmarks/export.py``; ``--help``
for the options.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Before any Qt import: the benchmark never needs a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from _table import Report, host_facts, info, ok, package_version  # noqa: E402
from highlights import add_feeds, add_highlights  # noqa: E402

if TYPE_CHECKING:
    from reader.core.briefs import Brief
    from reader.core.types import HighlightColor

#: Seconds allowed for a 100-article, 500-highlight brief, by format.
TARGETS = {"md": 0.5, "html": 0.5, "docx": 2.0, "pdf": 3.0, "w3c": 0.5}
COUNTRIES = ("Mali", "Niger", "Burkina Faso", "Tchad", "Sénégal", "Mauritanie")


def build_brief(folder: Path, args: argparse.Namespace) -> tuple[Brief, list[HighlightColor], str]:
    """The library and the brief composed from it; returns the brief, the palette and a line
    describing them."""
    from reader.core.briefs import BriefCriteria, compose
    from reader.core.storage import Store

    rng = random.Random(args.seed)
    store = Store(folder / "library.sqlite3")
    try:
        ids = add_feeds(store, rng, "export", 6, args.articles, args.article_size)
        with store.transaction():
            for n, article_id in enumerate(ids):
                store.tag_article(article_id, [f"country/{COUNTRIES[n % len(COUNTRIES)]}"])
        add_highlights(store, rng, ids, args.per_article, notes=0.7, tags=0.3)
        started = time.perf_counter()
        brief = compose(
            store,
            BriefCriteria(tags=("country",), tag_prefix="country"),
            title="Revue de presse – Sahel",
            author="Cellule Afrique",
            introduction="Une semaine **chargée** : élections, sécurité, prix des céréales.",
            language="fr",
        )
        composed = time.perf_counter() - started
        colors = store.highlights.colors()
    finally:
        store.close()
    items = list(brief.items())
    passages = sum(len(item.highlights) for item in items)
    facts = (
        f"{len(items)} articles, {passages} highlights, {len(brief.sections)} sections; "
        f"composed from the library in {composed * 1000:.0f} ms"
    )
    return brief, colors, facts


def words(brief: Brief) -> list[str]:
    """The brief's words, one string per title and passage."""
    out = [brief.title, brief.introduction]
    for section in brief.sections:
        out.append(section.heading)
        for item in section.items:
            out.append(f"{item.title} — {item.source}")
            out += [f"{h.exact} {h.note}" for h in item.highlights]
    return out


def baseline_json(brief: Brief) -> bytes:
    return json.dumps(words(brief), ensure_ascii=False).encode("utf-8")


def baseline_docx(brief: Brief) -> bytes:
    from docx import Document

    document = Document()
    for line in words(brief):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def baseline_pdf(brief: Brief) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setPlainText("\n\n".join(words(brief)))
    document.print_(writer)
    buffer.close()
    return bytes(data.data())


BASELINES: dict[str, tuple[str, Callable[[Brief], bytes]]] = {
    "md": ("words as JSON", baseline_json),
    "html": ("words as JSON", baseline_json),
    "w3c": ("words as JSON", baseline_json),
    "docx": ("plain python-docx", baseline_docx),
    "pdf": ("Qt plain-text print", baseline_pdf),
}


def timed(repeat: int, work: Callable[[], object]) -> list[float]:
    runs: list[float] = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        runs.append(time.perf_counter() - started)
    return runs


def measure(
    brief: Brief, colors: Sequence[HighlightColor], folder: Path, args: argparse.Namespace
) -> Report:
    from reader.core.clock import utc_now
    from reader.export import FORMATS, export_brief

    rep = Report()
    now = utc_now()
    for key, fmt in FORMATS.items():
        target = folder / f"brief{fmt.suffix}"
        export_brief(brief, colors, target, key, now=now)  # warm up: imports, fonts
        ours = timed(
            args.repeat,
            lambda: export_brief(brief, colors, target, key, now=now),  # noqa: B023
        )
        name, baseline = BASELINES[key]
        base = timed(args.repeat, lambda: baseline(brief))  # noqa: B023
        median, base_median = statistics.median(ours), statistics.median(base)
        size = target.stat().st_size / 1024
        good = median <= TARGETS[key]
        rep.rows.append(
            (
                f"{fmt.name} export (s), {size:.0f} KB",
                f"{median:.3f}",
                f"{base_median:.3f} ({name})",
                f"{median / base_median:.1f}",
                f"≤ {TARGETS[key]:g} s",
                ok(good),
            )
        )
        rep.details.append(f"{fmt.name}: runs " + ", ".join(f"{t:.3f}" for t in ours) + " s")
        if not good:
            rep.misses.append(f"{fmt.name} export took {median:.2f} s (target {TARGETS[key]} s)")
        if key == "pdf":
            from pypdf import PdfReader

            pages = len(PdfReader(target).pages)
            rep.rows.append(info("PDF pages", str(pages)))
    return rep


def machine_facts(args: argparse.Namespace, library: str) -> list[tuple[str, str]]:
    from PySide6.QtCore import qVersion

    return [
        *host_facts(ROOT),
        (
            "libraries",
            f"PySide6 {package_version('PySide6')}, Qt {qVersion()}, "
            f"python-docx {package_version('python-docx')}, "
            f"markdown-it-py {package_version('markdown-it-py')}",
        ),
        ("brief", library),
        (
            "parameters",
            f"QT_QPA_PLATFORM=offscreen, median of {args.repeat} run"
            f"{'s' * (args.repeat != 1)}, seed {args.seed!r}",
        ),
    ]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of every measure (5)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--seed", default="press-reader-export", help="generator seed")
    parser.add_argument("--articles", type=int, default=100, help="articles in the brief (100)")
    parser.add_argument("--per-article", type=int, default=5, help="highlights on each article (5)")
    parser.add_argument(
        "--article-size", type=int, default=4_000, help="characters of each article (4000)"
    )
    args = parser.parse_args(argv)
    if min(args.repeat, args.articles, args.per_article, args.article_size) < 1:
        parser.error("--repeat, --articles, --per-article and --article-size must be ≥ 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from reader.ui.app import make_application

    app = make_application([sys.argv[0]])  # fonts and the PDF writer need it
    with tempfile.TemporaryDirectory(prefix="press-bench-export-") as tmp:
        folder = Path(tmp)
        print("Building the library and composing the brief…", file=sys.stderr, flush=True)
        brief, colors, library = build_brief(folder, args)
        print("Exporting…", file=sys.stderr, flush=True)
        rep = measure(brief, colors, folder, args)
        facts = machine_facts(args, library)
    app.processEvents()
    return rep.print(facts, markdown=args.markdown)


if __name__ == "__main__":
    sys.exit(main())
