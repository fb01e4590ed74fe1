"""What a web page says about its article: title, author, publication day, language."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime

import lxml.etree
import lxml.html

__all__ = ["page_language", "page_metadata", "published_date"]

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publish-date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "parsely-pub-date",
    "sailthru.date",
)
_JSON_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


def page_metadata(
    tree: lxml.html.HtmlElement, url: str
) -> tuple[str | None, str | None, str | None]:
    """The page's title, author and publication day (ISO), read as trafilatura reads them
    (meta tags, then JSON-LD, then the page's own markup; the day by htmldate) but without
    the site name, categories, tags and licence it also looks for: those cost a third of the
    whole extraction, and we use none of them."""
    from htmldate import find_date
    from trafilatura.metadata import (
        examine_meta,
        extract_author,
        extract_meta_json,
        extract_title,
    )
    from trafilatura.settings import set_date_params

    found = examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # a lone word is rarely a name (a site's handle, "admin")
    # Broken JSON-LD on a page is the page's problem: the meta tags stand.
    with contextlib.suppress(Exception):
        found = extract_meta_json(tree, found)
    title = found.title or extract_title(tree)
    author = found.author or extract_author(tree)
    params = set_date_params(True)
    params["url"] = found.url or url
    day = find_date(tree, **params)
    return title, author, day


def published_date(tree: lxml.html.HtmlElement, day: str | None) -> datetime | None:
    """When the article was published, aware UTC.

    The day is trafilatura's (htmldate, which weighs every clue of the page and prefers the
    publication to the last update); the time of day comes from the first exact timestamp of
    that same day the page gives (meta tags, JSON-LD, ``<time datetime>``).
    """
    found_day = _parse_day(day)
    exact = list(_timestamps(tree))
    if found_day is None:
        return exact[0].astimezone(UTC) if exact else None
    for moment in exact:
        if moment.date() == found_day:
            return moment.astimezone(UTC)
    return datetime(found_day.year, found_day.month, found_day.day, tzinfo=UTC)


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _timestamps(tree: lxml.html.HtmlElement) -> Iterator[datetime]:
    """Aware publication timestamps the page states, most explicit first."""
    values: list[str] = []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _PUBLISHED_META and meta.get("content"):
            values.append(str(meta.get("content")))
    for script in tree.xpath("//script[@type='application/ld+json']"):
        values.extend(_JSON_PUBLISHED.findall(script.text or ""))
    values.extend(
        str(v)
        for v in tree.xpath(
            "//*[@itemprop='datePublished']/@datetime|//*[@itemprop='datePublished']/@content"
            "|//time[contains(@class, 'published') or @pubdate]/@datetime"
            "|//abbr[contains(@class, 'published')]/@title"
            "|//time/@datetime"
        )
    )
    for value in values:
        moment = _parse_timestamp(value)
        if moment is not None:
            yield moment


def _parse_timestamp(value: str) -> datetime | None:
    value = value.strip()
    if len(value) < 16:  # a day alone says nothing about the time
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?![A-Za-z])")
_JSON_LANGUAGE = re.compile(r'"inLanguage"\s*:\s*"([^"]+)"')
#: Frequent words of one language and not of the other (nor of Portuguese or Spanish,
#: which share many French short words).
_FRENCH_WORDS = frozenset(
    {"le", "les", "des", "est", "et", "dans", "une", "du", "pour", "qui", "au", "aux", "sur"}
    | {"pas", "ce", "ces", "cette", "il", "ils", "elle", "nous", "sont", "avec", "mais", "ont"}
    | {"été", "leur", "leurs", "ses", "sous", "après", "selon", "depuis", "entre", "où", "dès"}
)
_ENGLISH_WORDS = frozenset(
    {"the", "and", "of", "to", "is", "in", "that", "was", "for", "with", "on", "by", "are"}
    | {"it", "this", "from", "were", "have", "has", "which", "their", "been", "they", "after"}
    | {"but", "would", "said", "its", "not", "be", "had", "at", "an", "who", "will", "there"}
)
_WORD = re.compile(r"[a-zà-ÿ]+")


def page_language(tree: lxml.html.HtmlElement, text: str) -> str | None:
    """The article's language: from its words when it is clearly French or English (themes
    often declare the wrong one), else the language the page declares."""
    declared = _declared_language(tree)
    if declared in (None, "fr", "en"):
        guessed = _guess_language(text)
        if guessed is not None:
            return guessed
    return declared


def _declared_language(tree: lxml.html.HtmlElement) -> str | None:
    candidates: list[str] = [
        str(tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or "")
    ]
    for meta in tree.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(str(meta.get("content") or ""))
    for script in tree.xpath("//script[@type='application/ld+json']"):
        candidates.extend(_JSON_LANGUAGE.findall(script.text or ""))
    for candidate in candidates:
        match = _LANGUAGE.match(candidate.strip())
        if match:
            return match.group(0).lower()
    return None


def _guess_language(text: str) -> str | None:
    french = english = 0
    for word in _WORD.findall(text[:5000].lower()):
        if word in _FRENCH_WORDS:
            french += 1
        elif word in _ENGLISH_WORDS:
            english += 1
    if french + english < 12:
        return None
    if french >= 3 * english:
        return "fr"
    if english >= 3 * french:
        return "en"
    return None
