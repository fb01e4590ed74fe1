"""Deterministic news sites for the benchmarks: articles' web pages and excerpt-only feeds.

A site (``make_site(i)``) is a fictional publication in French or English. Its article pages
(``generate_page``) are what a news site sends: a head full of metadata and scripts, a cookie
banner, a header with menus and a breadcrumb, the article (kicker, title, byline, photo,
``PARAGRAPHS`` paragraphs with subheadings, a quote and a list, sharing buttons), related
articles, readers' comments with their form, two sidebars of headlines, a newsletter box, an
advertisement and a long footer, about 60 to 100 KB in all. Its feed gives only a teaser of
each article: the first two sentences and "… Lire la suite" (or "… Read more").

Every word comes from ``_feedgen``'s lists (fictional people, places and organisations); a
seeded generator gives the same bytes on every run and different pages for every article.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from html import escape
from pathlib import Path

from _feedgen import (
    BASE_DATE,
    ENGLISH,
    FRENCH,
    PEOPLE,
    PLACES,
    PUBLICATIONS,
    ExcerptItem,
    _Lang,
    _Writer,
    generate_excerpt_feed,
)

__all__ = ["Page", "Site", "generate_page", "make_site", "write_site"]

#: Paragraphs of an article, at least and at most.
PARAGRAPHS = (10, 15)
#: Bytes of a page, at least and at most (readers' comments fill it up).
PAGE_BYTES = (60_000, 100_000)

#: The words of the page around the article, by language.
LABELS = {
    "fr": {
        "by": "Par", "share": "Partager", "top": "À la une", "popular": "Les plus lus",
        "related": "Dans la même rubrique", "comments": "commentaires", "reply": "Répondre",
        "leave": "Laisser un commentaire", "email": "Votre adresse e-mail ne sera pas publiée.",
        "newsletter": "Lettre d’information", "pitch": "Recevez l’essentiel de l’actualité "
        "chaque matin.", "signup": "Je m’inscris", "subscribe": "S’abonner",
        "login": "Se connecter", "home": "Accueil", "rights": "Tous droits réservés",
        "cookies": "Nous utilisons des cookies pour mesurer l’audience et vous proposer des "
        "contenus adaptés.", "accept": "Tout accepter", "ad": "Publicité", "publish": "Publier",
        "more": "Lire la suite", "see_also": "À lire aussi",
    },
    "en": {
        "by": "By", "share": "Share", "top": "Top stories", "popular": "Most read",
        "related": "In the same section", "comments": "comments", "reply": "Reply",
        "leave": "Leave a comment", "email": "Your email address will not be published.",
        "newsletter": "Newsletter", "pitch": "The day’s essential news, every morning.",
        "signup": "Sign up", "subscribe": "Subscribe", "login": "Log in", "home": "Home",
        "rights": "All rights reserved", "cookies": "We use cookies to measure our audience "
        "and show you relevant content.", "accept": "Accept all", "ad": "Advertisement",
        "publish": "Post", "more": "Read more", "see_also": "See also",
    },
}  # fmt: skip
COMMENTERS = (
    "Adama K.", "Kadiatou", "Boubacar S.", "Fanta D.", "Souleymane", "Awa T.", "Ibrahim",
    "Oumou S.", "Jean-Marc L.", "Claire B.", "Moussa", "Nadia R.",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Site:
    """A fictional publication: its name, language and (fictional) domain."""

    index: int
    publication: str
    domain: str
    lang: _Lang


@dataclass(frozen=True, slots=True)
class Page:
    """A generated article page, the feed item that announces it, and the first and last
    sentences of its article (plain text: a full extraction has both)."""

    name: str
    body: bytes
    item: ExcerptItem
    first: str
    last: str


def make_site(index: int, seed: str = "press-reader-pages") -> Site:
    rng = random.Random(f"{seed}:site:{index}")
    lang = FRENCH if rng.random() < 0.6 else ENGLISH
    publication = rng.choice(PUBLICATIONS)
    slug = publication.lower().replace(" ", "-").replace("’", "")
    domain = f"{slug.encode('ascii', 'ignore').decode()}-{index}.example"
    return Site(index, publication, domain, lang)


def generate_page(site: Site, number: int, url: str, seed: str = "press-reader-pages") -> Page:
    """Article ``number`` of ``site``, read at ``url``: the page and its feed item."""
    rng = random.Random(f"{seed}:page:{site.index}:{number}")
    lang, words = site.lang, LABELS[site.lang.code]
    writer = _Writer(rng, lang, site.domain)
    esc = escape
    title = writer.title()
    author = rng.choice(PEOPLE)
    # Newest first, as a feed lists them.
    published = BASE_DATE - timedelta(minutes=41 * site.index + 45 * number + rng.randint(0, 40))
    categories = tuple(rng.sample(lang.categories, rng.randint(1, 2)))
    paragraphs = [
        [writer.sentence() for _ in range(rng.randint(3, 5))]
        for _ in range(rng.randint(*PARAGRAPHS))
    ]

    article = [
        f'<article class="post type-post"><header class="entry-header">'
        f'<p class="kicker"><a href="/rubrique/{_slug(categories[0])}/">{esc(categories[0])}</a>'
        f'</p><h1 class="entry-title">{esc(title)}</h1>'
        f'<p class="byline">{words["by"]} <a href="/auteurs/{_slug(author)}/" rel="author">'
        f'{esc(author)}</a>, <time datetime="{published.isoformat()}">'
        f"{published:%d/%m/%Y %H:%M}</time></p></header>",
        '<div class="entry-content">',
        f'<figure class="wp-block-image"><img src="/medias/{site.index}/{number}/une.jpg" '
        f'alt="{esc(rng.choice(PLACES))}" width="1200" height="675"><figcaption>'
        f"{esc(lang.caption)} – {esc(rng.choice(PLACES))}</figcaption></figure>",
    ]
    for n, sentences in enumerate(paragraphs):
        if n and n % 5 == 0:
            article.append(f"<h2>{esc(writer._fill(rng.choice(lang.subheads)))}</h2>")
        text = " ".join(writer.inline(s) for s in sentences)
        if n == 6:
            article.append(f"<blockquote><p>{text}</p></blockquote>")
        elif n == 8:
            items = "".join(f"<li>{writer.inline(writer.sentence())}</li>" for _ in range(4))
            article.append(f"<p>{text}</p><ul>{items}</ul>")
        else:
            article.append(f"<p>{text}</p>")
    tags = " ".join(f'<a href="/tag/{_slug(c)}/" rel="tag">{esc(c)}</a>' for c in categories)
    article.append(
        f'<div class="sharedaddy"><span>{words["share"]} :</span> <a href="#fb">Facebook</a> '
        '<a href="#x">X</a> <a href="#wa">WhatsApp</a> <a href="#mail">E-mail</a></div>'
        f'<p class="tags">{tags}</p></div></article>'
    )

    def headlines(heading: str, count: int, css: str) -> str:
        items = "".join(
            f'<li><a href="/{published:%Y/%m}/{rng.getrandbits(32):08x}.html">'
            f"{esc(writer.title())}</a></li>"
            for _ in range(count)
        )
        return f'<section class="widget {css}"><h3>{heading}</h3><ul>{items}</ul></section>'

    related = headlines(words["see_also"], 4, "related-posts")
    menu = "".join(
        f'<li><a href="/rubrique/{_slug(c)}/">{esc(c)}</a></li>' for c in lang.categories
    )
    header = (
        f'<div class="cookie-banner" role="dialog"><p>{words["cookies"]}</p>'
        f"<button>{words['accept']}</button></div>"
        f'<header class="site-header"><div class="top-bar"><a href="/abonnement/">'
        f'{words["subscribe"]}</a> <a href="/connexion/">{words["login"]}</a></div>'
        f'<a class="logo" href="/">{esc(site.publication)}</a>'
        f'<nav class="main-menu"><ul>{menu}</ul></nav></header>'
        f'<nav class="breadcrumb"><a href="/">{words["home"]}</a> › '
        f'<a href="/rubrique/{_slug(categories[0])}/">{esc(categories[0])}</a> › {esc(title)}</nav>'
    )
    left = headlines(words["top"], 12, "headlines") + headlines(words["popular"], 10, "popular")
    right = (
        headlines(words["related"], 10, "related")
        + f'<div class="widget newsletter"><h3>{words["newsletter"]}</h3><p>{words["pitch"]}</p>'
        f"<form><input type=email><button>{words['signup']}</button></form></div>"
        f'<div class="ad ad-sidebar"><img src="/pub/{rng.getrandbits(24):06x}-300x250.gif" '
        f'alt="{words["ad"]}"></div>'
    )
    config = json.dumps(
        {
            "site": site.domain,
            "ads": [{"slot": f"div-gpt-{n}", "sizes": [[300, 250], [728, 90]]} for n in range(30)],
            "tracking": {"id": f"UA-{rng.randrange(10**8)}-1", "section": categories[0]},
        },
        ensure_ascii=False,
    )
    json_ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": published.isoformat(),
            "author": {"@type": "Person", "name": author},
            "publisher": {"@type": "Organization", "name": site.publication},
            "isAccessibleForFree": True,
        },
        ensure_ascii=False,
    )
    footer_links = "".join(
        f'<li><a href="/rubrique/{_slug(c)}/{n}/">{esc(c)}</a></li>'
        for n in range(4)
        for c in lang.categories
    )
    footer = (
        f'<footer class="site-footer"><ul>{footer_links}</ul><p>© 2025 {esc(site.publication)}'
        f" – {words['rights']}</p></footer>"
        '<script src="/js/app.min.js" defer></script>'
        "<script>(function(){var q=[];"
        + "".join(f"q.push(['track',{n},'{rng.getrandbits(32):08x}']);" for n in range(150))
        + "})();</script>"
    )
    teaser = " ".join(paragraphs[0][:2])

    def document(comments: str) -> str:
        return (
            f'<!DOCTYPE html><html lang="{lang.code}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)} – {esc(site.publication)}</title>"
            f'<meta name="description" content="{esc(teaser)}">'
            f'<link rel="canonical" href="{esc(url)}">'
            f'<meta property="og:type" content="article"><meta property="og:title" '
            f'content="{esc(title)}"><meta property="og:url" content="{esc(url)}">'
            f'<meta property="article:published_time" content="{published.isoformat()}">'
            f'<script type="application/ld+json">{json_ld}</script>'
            f"<script>window.__CONFIG__ = {config};</script>"
            '<link rel="stylesheet" href="/css/style.css"></head>'
            f'<body class="single single-post">{header}<div class="layout">'
            f'<aside class="sidebar-left">{left}</aside><main class="content">'
            f"{''.join(article)}{related}{comments}</main>"
            f'<aside class="sidebar-right">{right}</aside></div>{footer}</body></html>'
        )

    # Readers' comments fill the page up to its size, as under a busy article.
    target = rng.randint(*PAGE_BYTES)
    size = len(document("").encode()) + 600
    comment_items: list[str] = []
    while size < target:
        when = published + timedelta(minutes=rng.randint(5, 2000))
        comment = (
            f'<li class="comment"><div class="comment-author">{esc(rng.choice(COMMENTERS))} '
            f'<time>{when:%d/%m/%Y %H:%M}</time></div><div class="comment-content"><p>'
            f"{esc(writer.sentence())} {esc(writer.sentence())}</p></div>"
            f'<a class="comment-reply-link" href="#respond">{words["reply"]}</a></li>'
        )
        comment_items.append(comment)
        size += len(comment.encode())
    comments = (
        f'<div id="comments" class="comments-area"><h2 class="comments-title">'
        f'{len(comment_items)} {words["comments"]}</h2><ol class="comment-list">'
        f'{"".join(comment_items)}</ol><div id="respond"><h3>{words["leave"]}</h3><form><p>'
        f"{words['email']}</p><textarea></textarea><input name=author>"
        f"<button>{words['publish']}</button></form></div></div>"
    )
    name = f"{site.index}-{number}.html"
    item = ExcerptItem(
        title=title,
        link=url,
        guid=str(uuid.UUID(int=rng.getrandbits(128))),
        author=author,
        published=published,
        teaser=f"{teaser} … {words['more']}",
        categories=categories,
    )
    return Page(name, document(comments).encode(), item, paragraphs[0][0], paragraphs[-1][-1])


def write_site(
    folder: Path,
    site: Site,
    items: int,
    page_url: Callable[[str], str],
    seed: str = "press-reader-pages",
) -> list[Page]:
    """Write ``site``'s feed as ``folder/<index>.xml`` and its ``items`` article pages as
    ``folder/pages/<index>-<n>.html``; ``page_url(name)`` is where a page will be read."""
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    pages = []
    for number in range(items):
        name = f"{site.index}-{number}.html"
        page = generate_page(site, number, page_url(name), seed)
        (folder / "pages" / page.name).write_bytes(page.body)
        pages.append(page)
    feed = generate_excerpt_feed(
        site.publication, f"https://{site.domain}/", site.lang.code, [p.item for p in pages]
    )
    (folder / f"{site.index}.xml").write_bytes(feed)
    return pages


def _slug(text: str) -> str:
    return "-".join(text.lower().replace("’", " ").split())
