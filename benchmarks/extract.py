"""Full-text extraction benchmark: the article of a 100 KB news page, in CPU time.

Builds ``--repeat`` different news pages of about ``--size`` bytes (100 000) with a seeded
generator, from word lists written here (fictional people and places): a header with a menu
and a breadcrumb, an article of ``--paragraphs`` paragraphs (15) with subheadings, a captioned
photo, a list and a quote, two sidebars of headlines, reader comments with their form, a
footer, and the scripts and JSON-LD of a real page. Every page is a different document, so no
cache inside trafilatura or htmldate serves a repeat.

Measured with ``time.process_time`` (CPU of this process), one run per page after a warm-up:

* **Press Reader**: ``extract_article`` (decoding, parsing, trafilatura with metadata, our
  HTML, sanitizing, the canonical text, the paywall and language checks);
* **baseline**: ``trafilatura.extract`` alone on the same bytes, HTML output with the same
  options (images, links, formatting, no comments), no metadata;
* for information, ``extract_article`` on a quarter of the pages re-encoded in windows-1252
  with no charset declared (the decoding heuristics).

A run also checks that every paragraph of each article was found and that no comment,
sidebar headline or form text came with it. The median is reported against the target; a
missed target or a wrong extraction prints a ``MISSED:`` line and exits with 1. Run:
``.venv/bin/python benchmarks/extract.py``; ``--help`` for the options.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from _table import Report, host_facts, info, ok, p90, package_version  # noqa: E402

#: CPU milliseconds allowed for the article of a typical 100 KB page.
TARGET_MS = 100.0

# -- the words (all ours: fictional people, places and organisations) --------------------------

WHO = (
    "Le gouverneur de la région", "La coordination des éleveurs", "Le maire de Tindirma",
    "L’Association des transporteurs", "La directrice de l’hôpital régional",
    "Le collectif des commerçants", "Mariam Sangaré, présidente du groupement",
    "Le chef de village de Kossobé", "L’inspecteur d’académie", "La chambre d’agriculture",
    "Un responsable de l’ONG Terres vivantes", "Le porte-parole des enseignants",
)  # fmt: skip
DID = (
    "a annoncé", "a dénoncé", "réclame", "a présenté", "redoute", "a obtenu", "prévoit",
    "conteste", "salue", "a reporté", "s’inquiète de", "a promis",
)  # fmt: skip
WHAT = (
    "la réouverture de la piste vers Dioura", "la hausse du prix du mil", "un nouveau forage",
    "le calendrier des examens", "la distribution de semences améliorées",
    "la réhabilitation du marché central", "le retour des familles déplacées",
    "la fermeture du bac sur le fleuve", "un plan contre les feux de brousse",
    "la gratuité des soins pour les enfants", "le recensement du bétail",
    "l’extension du réseau électrique",
)  # fmt: skip
WHEN = (
    "lundi", "mardi soir", "en fin de semaine", "depuis le début du mois", "à l’approche de "
    "l’hivernage", "après la saison des pluies", "avant la rentrée", "la semaine dernière",
)  # fmt: skip
WHERE = (
    "à Tindirma", "dans le cercle de Kossobé", "sur la route de Dioura", "au marché de Bankoré",
    "dans les villages du delta", "près de la frontière", "dans la commune de Sarafé",
    "à la périphérie de la ville",
)  # fmt: skip
WHY = (
    "faute de moyens suffisants", "malgré les promesses de l’État", "pour la troisième année "
    "consécutive", "à la demande des habitants", "selon un rapport publié jeudi",
    "en raison de l’insécurité", "après de longues négociations", "comme l’an dernier",
)  # fmt: skip
SECTIONS = (
    "Politique", "Économie", "Sécurité", "Société", "Santé", "Éducation", "Culture", "Sport",
    "Environnement", "International", "Opinions", "Vidéos",
)  # fmt: skip
NAMES = ("Adama", "Kadiatou", "Boubacar", "Fanta", "Souleymane", "Awa", "Ibrahim", "Oumou")


def sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(WHO)} {rng.choice(DID)} {rng.choice(WHAT)} {rng.choice(WHERE)}, "
        f"{rng.choice(WHEN)}, {rng.choice(WHY)}."
    )


def headline(rng: random.Random) -> str:
    text = f"{rng.choice(WHERE)[0].upper()}{rng.choice(WHERE)[1:]} : {rng.choice(WHAT)}"
    return text[:1].upper() + text[1:]


# -- the page ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewsPage:
    """A generated page, and what its article says (and what only the page around it says)."""

    body: bytes
    url: str
    paragraphs: tuple[str, ...]
    clutter: tuple[str, ...]


def build_page(rng: random.Random, size: int, paragraphs: int) -> NewsPage:
    """A news page of about ``size`` bytes whose article has ``paragraphs`` paragraphs."""
    esc = html.escape
    slug = f"article-{rng.randrange(10**6)}"
    url = f"https://journal-du-delta.example/2026/03/{slug}.html"
    title = headline(rng)
    texts = [" ".join(sentence(rng) for _ in range(rng.randint(3, 5))) for _ in range(paragraphs)]
    # A marker per paragraph makes each one findable, even with the same generated sentences.
    texts = [f"({n + 1}) {text}" for n, text in enumerate(texts)]

    article: list[str] = [
        f'<article class="post"><header><p class="kicker">{rng.choice(SECTIONS)}</p>',
        f'<h1 class="entry-title">{esc(title)}</h1>',
        '<p class="byline">Par <a href="/auteurs/redaction/">La rédaction</a>, '
        '<time datetime="2026-03-14T08:00:00+00:00">14 mars 2026</time></p></header>',
        '<div class="entry-content">',
        '<figure><img src="/medias/2026/03/photo-une.jpg" alt="Photo d’illustration">'
        "<figcaption>Au marché de Bankoré, un matin de mars.</figcaption></figure>",
    ]
    for n, text in enumerate(texts):
        if n and n % 5 == 0:
            article.append(f"<h2>{esc(headline(rng))}</h2>")
        if n == 7:
            article.append(f"<blockquote><p>{esc(text)}</p></blockquote>")
        elif n == 9:
            article.append(f"<p>{esc(text)}</p><ul>")
            article.extend(
                f"<li>{esc(rng.choice(WHAT))} {esc(rng.choice(WHERE))}</li>" for _ in range(4)
            )
            article.append("</ul>")
        else:
            link = f' (<a href="/dossiers/{n}/">notre dossier</a>)' if n % 4 == 1 else ""
            article.append(f"<p>{esc(text)}{link}</p>")
    article.append(
        '<div class="share"><span>Partager :</span> <a href="#fb">Facebook</a> '
        '<a href="#x">X</a> <a href="#wa">WhatsApp</a></div></div></article>'
    )

    clutter: list[str] = []

    def headlines(title: str, count: int, css: str) -> str:
        items = []
        for _ in range(count):
            text = f"{headline(rng)} ({rng.randrange(10**5)})"
            clutter.append(text)
            items.append(f'<li><a href="/2026/02/{rng.randrange(10**6)}.html">{esc(text)}</a></li>')
        return f'<section class="{css}"><h3>{title}</h3><ul>{"".join(items)}</ul></section>'

    menu = "".join(f'<li><a href="/rubrique/{s.lower()}/">{s}</a></li>' for s in SECTIONS)
    header = (
        '<header class="site-header"><div class="top-bar"><a href="/abonnement/">S’abonner</a> '
        f'<a href="/connexion/">Se connecter</a></div><a class="logo" href="/">Journal du Delta</a>'
        f'<nav class="main-menu"><ul>{menu}</ul></nav></header>'
        f'<nav class="breadcrumb"><a href="/">Accueil</a> › <a href="/rubrique/societe/">Société'
        f"</a> › {esc(title)}</nav>"
    )
    left = headlines("À la une", 12, "widget headlines") + headlines(
        "Les plus lus", 10, "widget popular"
    )
    right = (
        headlines("Dans la même rubrique", 10, "widget related")
        + '<div class="widget newsletter"><h3>Lettre d’information</h3><p>Recevez l’essentiel '
        "de l’actualité chaque matin.</p><form><input type=email><button>Je m’inscris</button>"
        "</form></div>"
        + '<div class="ad ad-sidebar"><img src="/pub/banniere-300x250.gif" alt="Publicité"></div>'
    )
    script = (
        "<script>window.__CONFIG__ = "
        + json.dumps(
            {"ads": [{"slot": f"div-gpt-{n}", "sizes": [[300, 250], [728, 90]]} for n in range(40)]}
        )
        + ";</script>"
    )
    json_ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": "2026-03-14T08:00:00+00:00",
            "author": {"@type": "Person", "name": "Kadiatou Traoré"},
        },
        ensure_ascii=False,
    )
    footer = (
        '<footer class="site-footer"><ul>'
        + "".join(f'<li><a href="/rubrique/{s.lower()}/">{s}</a></li>' for s in SECTIONS * 3)
        + "</ul><p>© 2026 Journal du Delta – Tous droits réservés</p></footer>"
        + '<script src="/js/app.min.js"></script>'
        + "<script>(function(){var a=[];"
        + "".join(f"a.push({n}*{n});" for n in range(300))
        + "})();</script>"
    )

    def document(comments: str) -> str:
        return (
            '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
            f"<title>{esc(title)} – Journal du Delta</title>"
            f'<link rel="canonical" href="{url}">'
            f'<meta property="og:title" content="{esc(title)}">'
            f'<script type="application/ld+json">{json_ld}</script>{script}'
            '<link rel="stylesheet" href="/css/style.css"></head><body>'
            f'{header}<div class="layout"><aside class="sidebar-left">{left}</aside>'
            f'<main class="content">{"".join(article)}{comments}</main>'
            f'<aside class="sidebar-right">{right}</aside></div>{footer}</body></html>'
        )

    # Reader comments fill the page up to its size, as on a busy article.
    comment_items: list[str] = []
    base_size = len(document("").encode())
    while base_size + sum(len(c.encode()) for c in comment_items) < size - 1500:
        text = f"Commentaire {len(comment_items) + 1} : {sentence(rng)} {sentence(rng)}"
        clutter.append(text)
        comment_items.append(
            f'<li class="comment"><div class="comment-author">{rng.choice(NAMES)}</div>'
            f'<div class="comment-content"><p>{esc(text)}</p></div>'
            '<a class="comment-reply-link" href="#respond">Répondre</a></li>'
        )
    comments = (
        f'<div id="comments" class="comments-area"><h2 class="comments-title">'
        f'{len(comment_items)} commentaires</h2><ol class="comment-list">{"".join(comment_items)}'
        '</ol><div id="respond"><h3>Laisser un commentaire</h3><form><p>Votre adresse e-mail ne '
        "sera pas publiée.</p><textarea></textarea><input name=author><button>Publier</button>"
        "</form></div></div>"
    )
    clutter.extend(["Laisser un commentaire", "Votre adresse e-mail", "Lettre d’information"])
    return NewsPage(document(comments).encode(), url, tuple(texts), tuple(clutter))


# -- measuring -----------------------------------------------------------------------------------


def cpu_ms(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return (time.process_time() - started) * 1000


def baseline(page: NewsPage) -> str | None:
    import trafilatura

    return trafilatura.extract(
        page.body,
        url=page.url,
        output_format="html",
        include_comments=False,
        include_images=True,
        include_links=True,
        include_formatting=True,
        include_tables=True,
    )


def check(page: NewsPage, text: str) -> list[str]:
    """What went wrong in an extraction: paragraphs missed, clutter kept."""
    problems = [f"missed paragraph {p[:20]!r}" for p in page.paragraphs if p not in text]
    problems += [f"kept {c[:30]!r}" for c in page.clutter if c in text]
    return problems


def measure(pages: Sequence[NewsPage], latin1: Sequence[NewsPage]) -> Report:
    from reader.core.extract import extract_article

    rep = Report()
    extract_article(pages[0].body, pages[0].url)  # warm up: imports, compiled expressions
    baseline(pages[0])
    ours: list[float] = []
    base: list[float] = []
    problems: list[str] = []
    chars: list[int] = []
    for page in pages:
        result: list[str] = []
        ours.append(cpu_ms(lambda: result.append(extract_article(page.body, page.url).text)))  # noqa: B023
        base.append(cpu_ms(lambda: baseline(page)))  # noqa: B023
        problems += check(page, result[0])
        chars.append(len(result[0]))
    legacy = [cpu_ms(lambda: extract_article(p.body, p.url)) for p in latin1]  # noqa: B023

    median, base_median = statistics.median(ours), statistics.median(base)
    good = median <= TARGET_MS
    size = statistics.median(len(p.body) for p in pages) / 1000
    rep.rows.append(
        (
            f"article of a {size:.0f} KB page (ms CPU)",
            f"{median:.1f}",
            f"{base_median:.1f} (trafilatura.extract)",
            f"{median / base_median:.2f}",
            f"≤ {TARGET_MS:g} ms",
            ok(good),
        )
    )
    rep.rows.append(info("  p90 (ms CPU)", f"{p90(ours):.1f}", f"{p90(base):.1f}"))
    rep.rows.append(
        info("same page in windows-1252, undeclared (ms CPU)", f"{statistics.median(legacy):.1f}")
    )
    found = len(pages) * len(pages[0].paragraphs) - sum(p.startswith("missed") for p in problems)
    rep.rows.append(info("paragraphs found", f"{found}/{len(pages) * len(pages[0].paragraphs)}"))
    rep.rows.append(info("article text (characters, median)", f"{statistics.median(chars):.0f}"))
    rep.details.append("Press Reader runs: " + ", ".join(f"{t:.1f}" for t in ours) + " ms")
    rep.details.append("baseline runs: " + ", ".join(f"{t:.1f}" for t in base) + " ms")
    if not good:
        rep.misses.append(f"extraction took {median:.1f} ms of CPU (target {TARGET_MS:g} ms)")
    if problems:
        rep.misses.append(f"wrong extraction: {len(problems)} problems, first: {problems[0]}")
    return rep


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=20, help="pages, one run each (20)")
    parser.add_argument("--size", type=int, default=100_000, help="bytes of a page (100 000)")
    parser.add_argument("--paragraphs", type=int, default=15, help="article paragraphs (15)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--seed", default="press-reader-extract", help="generator seed")
    args = parser.parse_args(argv)
    if min(args.repeat, args.paragraphs) < 1 or args.size < 10_000:
        parser.error("--repeat and --paragraphs must be ≥ 1, --size ≥ 10 000")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    rng = random.Random(args.seed)
    pages = [build_page(rng, args.size, args.paragraphs) for _ in range(args.repeat)]
    # The same pages in windows-1252 with no declaration: the decoding heuristics.
    latin1 = [
        NewsPage(
            p.body.decode().replace('<meta charset="utf-8">', "").encode("cp1252", "replace"),
            p.url, p.paragraphs, p.clutter,
        )
        for p in pages[: max(1, args.repeat // 4)]
    ]  # fmt: skip
    print("Extracting…", file=sys.stderr, flush=True)
    rep = measure(pages, latin1)
    facts = [
        *host_facts(ROOT),
        (
            "libraries",
            f"trafilatura {package_version('trafilatura')}, htmldate "
            f"{package_version('htmldate')}, lxml {package_version('lxml')}, "
            f"nh3 {package_version('nh3')}",
        ),
        (
            "pages",
            f"{args.repeat} generated pages of about {args.size} bytes, "
            f"{args.paragraphs} article paragraphs each",
        ),
        ("parameters", f"time.process_time, one run per page, median; seed {args.seed!r}"),
    ]
    return rep.print(facts, markdown=args.markdown)


if __name__ == "__main__":
    sys.exit(main())
