"""Deterministic feeds for the benchmarks: RSS 2.0 and Atom, in French and English.

Every word comes from the lists below (fictional people, places and organisations), so the
feeds can be generated, shared and published freely. ``generate_feed(i)`` gives the same bytes
for the same parameters on every run and different bytes for every ``i``.
``generate_excerpt_feed`` writes an excerpt-only RSS feed (a teaser per item, linking to the
article's page) from items made elsewhere (``_pagegen`` makes the pages and their teasers).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

__all__ = ["ExcerptItem", "FeedSpec", "generate_excerpt_feed", "generate_feed", "write_feeds"]

#: Publication date of the newest entry of feed 0; others go back from there.
BASE_DATE = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)

# -- the words -----------------------------------------------------------------------------

PEOPLE = (
    "Aïssatou Koïta-Sané", "Mamadou Traoré-Kéïta", "Hélène Dufresne-Oumarou", "Zoé Lemaître",
    "Anaïs Kaboré", "Ousmane Diallo-Sène", "Bérénice N’Guessan", "Léon Sabéla",
    "Fatoumata Ndiaye-Bérard", "Noël Ouédraogo", "Maëlle Kéré", "Ibrahim Sidibé-Roché",
    "Chloé Mbaïdé", "Aurélien Zongo", "Raïssa Tembély", "Joël Coulibaly-Ferré",
    "Agnès Bamogo", "Théo Sawadogo-Lefèvre", "Mariam Dembélé", "Grégoire Ilboudo",
)  # fmt: skip
PLACES = (
    "Sabéla", "Port-Niamé", "Tamboura-sur-Lac", "Kéréba", "Doulé", "Mérékou", "Sankaréni",
    "Fonteval", "Haute-Ségala", "Ninéra", "Bassi-Kouré", "Saint-Éloi-des-Sables", "Gaoundé",
    "Tiébélé-Ouest", "Lac Maïré", "Kossi-Béné", "Yéréfoula", "Val-Séverine",
)  # fmt: skip
ORGS_FR = (
    "la Mission d’appui de Sabéla", "l’Agence régionale de l’eau", "le Conseil des sages de Doulé",
    "l’Union des coopératives du Maïré", "la Croix-Verte", "le Comité électoral indépendant",
    "l’Observatoire du Sahel central", "la Banque de développement de Kéréba",
    "le Syndicat des enseignants", "l’Alliance pour la sécurité alimentaire",
)  # fmt: skip
ORGS_EN = (
    "the Sabéla Support Mission", "the Regional Water Agency", "the Doulé Council of Elders",
    "the Maïré Cooperative Union", "the Green Cross", "the Independent Electoral Committee",
    "the Central Sahel Observatory", "the Kéréba Development Bank", "the Teachers’ Union",
    "the Food Security Alliance",
)  # fmt: skip
ROLES_FR = (
    "ministre de l’Intérieur", "porte-parole du gouvernement", "maire", "préfète",
    "cheffe de mission", "directeur régional", "présidente de l’assemblée", "chercheuse",
    "représentant des éleveurs", "coordinatrice humanitaire",
)  # fmt: skip
ROLES_EN = (
    "interior minister", "government spokesperson", "mayor", "prefect", "head of mission",
    "regional director", "speaker of the assembly", "researcher", "herders’ representative",
    "humanitarian coordinator",
)  # fmt: skip
TOPICS_FR = (
    "coopération", "sécurité", "l’accès à l’eau", "la réforme foncière", "la transhumance",
    "la santé maternelle", "l’éducation des filles", "la décentralisation", "les élections",
    "la sécurité alimentaire", "le commerce transfrontalier", "la réconciliation",
    "les déplacés internes", "la gouvernance locale", "le prix des céréales",
)  # fmt: skip
TOPICS_EN = (
    "cooperation", "security", "access to water", "land reform", "seasonal migration",
    "maternal health", "girls’ education", "decentralisation", "the elections", "food security",
    "cross-border trade", "reconciliation", "internally displaced people", "local governance",
    "grain prices",
)  # fmt: skip
DAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ADJ_FR = (
    "fragile", "prometteur", "contesté", "inédit", "décisif", "préoccupant", "modeste",
    "ambitieux", "attendu", "tendu",
)  # fmt: skip
ADJ_EN = (
    "fragile", "promising", "disputed", "unprecedented", "decisive", "worrying", "modest",
    "ambitious", "long-awaited", "tense",
)  # fmt: skip

SENTENCES_FR = (
    "{person}, {role} à {place}, a annoncé {day} un plan {adj} consacré à {topic}.",
    "Selon {org}, la situation à {place} reste {adj} malgré les efforts engagés depuis {year}.",
    "« Nous ne pouvons pas attendre la prochaine saison », a déclaré {person} devant la presse.",
    "À {place}, près de {number} familles ont bénéficié d’un programme lié à {topic}.",
    "Les discussions entre {org} et les autorités de {place} ont repris {day} matin.",
    "D’après un rapport publié {day}, {topic} concerne désormais {number} personnes.",
    "{person} estime que l’accord sur {topic} est « {adj}, mais nécessaire ».",
    "Le budget alloué à {topic} atteint {number} millions de francs, un niveau {adj}.",
    "Les habitants de {place} dénoncent un dialogue {adj} avec {org}.",
    "Sur le terrain, {topic} – longtemps négligé – revient au centre des débats.",
    "La rencontre de {place} a réuni {number} délégués venus de toute la région.",
    "Pour {person}, {topic} doit rester l’affaire des communautés elles-mêmes.",
    "{org} a publié {day} un bilan {adj} de son action à {place}.",
    "Aucune date n’a encore été fixée pour la signature, précise {person}.",
    "L’enquête menée à {place} auprès de {number} ménages confirme la tendance.",
)  # fmt: skip
SENTENCES_EN = (
    "{person}, {role} in {place}, on {day} announced a {adj} plan focused on {topic}.",
    "According to {org}, the situation in {place} remains {adj} despite efforts since {year}.",
    "“We cannot wait for the next season,” {person} told reporters.",
    "In {place}, nearly {number} families took part in a programme on {topic}.",
    "Talks between {org} and the authorities in {place} resumed on {day} morning.",
    "A report released on {day} says {topic} now affects {number} people.",
    "{person} called the agreement on {topic} “{adj}, but necessary”.",
    "Spending on {topic} has reached {number} million francs, a {adj} level.",
    "Residents of {place} say their dialogue with {org} has been {adj}.",
    "On the ground, {topic} – long neglected – is back at the heart of the debate.",
    "The meeting in {place} brought together {number} delegates from across the region.",
    "For {person}, {topic} must remain the business of the communities themselves.",
    "{org} on {day} published a {adj} review of its work in {place}.",
    "No date has yet been set for the signing, {person} said.",
    "A survey of {number} households in {place} confirms the trend.",
)  # fmt: skip
TITLES_FR = (
    "À {place}, {topic} au cœur d’un accord {adj}",
    "{person} : « {topic} ne peut plus attendre »",
    "{place} : {org} dresse un bilan {adj}",
    "Ce que change le plan sur {topic} pour {place}",
    "Tensions à {place} autour de {topic}",
)  # fmt: skip
TITLES_EN = (
    "In {place}, {topic} at the heart of a {adj} deal",
    "{person}: “{topic} cannot wait any longer”",
    "{place}: {org} reports {adj} results",
    "What the plan on {topic} means for {place}",
    "Tension in {place} over {topic}",
)  # fmt: skip
SUBHEADS_FR = (
    "Un contexte {adj}",
    "Ce que disent les chiffres",
    "Réactions à {place}",
    "Et après ?",
)
SUBHEADS_EN = ("A {adj} backdrop", "What the figures say", "Reactions in {place}", "What next?")
CATEGORIES_FR = ("Afrique de l’Ouest", "Politique", "Économie", "Société", "Sécurité", "Climat")
CATEGORIES_EN = ("West Africa", "Politics", "Economy", "Society", "Security", "Climate")
PUBLICATIONS = (
    "Le Courrier de Sabéla", "L’Écho du Maïré", "Kéréba Matin", "La Gazette de Doulé",
    "Sahel Dispatch", "The Mérékou Observer", "Port-Niamé Times", "Fonteval Review",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Lang:
    code: str
    sentences: tuple[str, ...]
    titles: tuple[str, ...]
    subheads: tuple[str, ...]
    orgs: tuple[str, ...]
    roles: tuple[str, ...]
    topics: tuple[str, ...]
    days: tuple[str, ...]
    adjectives: tuple[str, ...]
    categories: tuple[str, ...]
    read_more: str
    caption: str


FRENCH = _Lang(
    "fr", SENTENCES_FR, TITLES_FR, SUBHEADS_FR, ORGS_FR, ROLES_FR, TOPICS_FR, DAYS_FR, ADJ_FR,
    CATEGORIES_FR, "Lire aussi", "Photo d’illustration",
)  # fmt: skip
ENGLISH = _Lang(
    "en", SENTENCES_EN, TITLES_EN, SUBHEADS_EN, ORGS_EN, ROLES_EN, TOPICS_EN, DAYS_EN, ADJ_EN,
    CATEGORIES_EN, "Read also", "File photo",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Entry:
    title: str
    link: str
    guid: str
    permalink: bool
    author: str
    published: datetime
    summary: str
    categories: list[str]
    weight: float


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """What to generate: entries per feed and the approximate size of each document."""

    entries: int = 50
    target_bytes: int = 200_000
    seed: str = "press-reader-bench"


# -- text ----------------------------------------------------------------------------------


class _Writer:
    """Sentences, titles and HTML blocks for one feed, from its own random generator."""

    def __init__(self, rng: random.Random, lang: _Lang, site: str) -> None:
        self.rng = rng
        self.lang = lang
        self.site = site

    def _fill(self, template: str) -> str:
        rng, lang = self.rng, self.lang
        values = {
            "person": rng.choice(PEOPLE),
            "place": rng.choice(PLACES),
            "org": rng.choice(lang.orgs),
            "role": rng.choice(lang.roles),
            "topic": rng.choice(lang.topics),
            "day": rng.choice(lang.days),
            "adj": rng.choice(lang.adjectives),
            "year": str(rng.randint(2012, 2024)),
            "number": f"{rng.randint(2, 980) * 10:,}".replace(",", "\u202f"),
        }
        text = template.format(**values)
        return text[0].upper() + text[1:]

    def sentence(self) -> str:
        return self._fill(self.rng.choice(self.lang.sentences))

    def title(self) -> str:
        return self._fill(self.rng.choice(self.lang.titles))

    def link(self, slug: str) -> str:
        """An absolute or (sometimes) site-relative link to another article."""
        path = f"/{self.rng.choice(('dossiers', 'archives', 'regions'))}/{slug}.html"
        return path if self.rng.random() < 0.4 else f"https://{self.site}{path}"

    def inline(self, sentence: str) -> str:
        """A sentence as HTML, sometimes with emphasis or a link around a few words."""
        rng = self.rng
        text = escape(sentence, quote=False)
        roll = rng.random()
        if roll < 0.25:
            words = text.split(" ")
            start = rng.randrange(max(1, len(words) - 3))
            tag = rng.choice(("strong", "em", "b", "i"))
            words[start] = f"<{tag}>{words[start]}"
            words[min(start + 2, len(words) - 1)] += f"</{tag}>"
            text = " ".join(words)
        elif roll < 0.4:
            words = text.split(" ")
            start = rng.randrange(max(1, len(words) - 2))
            href = escape(self.link(f"ref-{rng.getrandbits(32):08x}"))
            words[start] = f'<a href="{href}">{words[start]}'
            words[min(start + 1, len(words) - 1)] += "</a>"
            text = " ".join(words)
        return text

    def block(self) -> str:
        """One HTML block: mostly paragraphs, then lists, subheads, quotes and images."""
        rng, lang = self.rng, self.lang
        roll = rng.random()
        if roll < 0.62:
            return (
                "<p>"
                + " ".join(self.inline(self.sentence()) for _ in range(rng.randint(2, 5)))
                + "</p>"
            )
        if roll < 0.74:
            tag = "ol" if rng.random() < 0.3 else "ul"
            items = "".join(
                f"<li>{self.inline(self.sentence())}</li>" for _ in range(rng.randint(3, 6))
            )
            return f"<{tag}>{items}</{tag}>"
        if roll < 0.82:
            level = rng.choice(("h2", "h3"))
            return f"<{level}>{escape(self._fill(rng.choice(lang.subheads)))}</{level}>"
        if roll < 0.90:
            quote = escape(self.sentence(), quote=False)
            who = escape(rng.choice(PEOPLE))
            return f"<blockquote><p>{quote}</p><p>– {who}</p></blockquote>"
        if roll < 0.95:
            name = f"{rng.getrandbits(40):010x}"
            src = (
                f"/images/{name}.jpg"
                if rng.random() < 0.5
                else f"https://img.{self.site}/{name}.jpg"
            )
            alt = escape(self._fill("{place}, {day}"))
            caption = escape(f"{lang.caption} – {rng.choice(PLACES)}")
            return (
                f'<figure><img src="{src}" alt="{alt}" width="800" height="450">'
                f"<figcaption>{caption}</figcaption></figure>"
            )
        href = escape(self.link(f"dossier-{rng.getrandbits(24):06x}"))
        return f'<p>{lang.read_more}\u00a0: <a href="{href}">{escape(self.title())}</a></p>'


# -- documents -----------------------------------------------------------------------------


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _xml(text: str) -> str:
    return escape(text, quote=False)


def generate_feed(index: int, spec: FeedSpec = FeedSpec()) -> bytes:
    """Feed number ``index``: RSS 2.0 for two feeds in three, Atom for the others."""
    rng = random.Random(f"{spec.seed}:{index}")
    lang = FRENCH if rng.random() < 0.6 else ENGLISH
    publication = rng.choice(PUBLICATIONS)
    site = f"{publication.lower().replace(' ', '-').replace('’', '')}-{index}.example"
    site = site.encode("ascii", "ignore").decode()
    writer = _Writer(rng, lang, site)
    atom = index % 3 == 2
    use_cdata = rng.random() < 0.5
    newest = BASE_DATE - timedelta(minutes=37 * index)

    entries: list[_Entry] = []
    when = newest
    for number in range(spec.entries):
        title = writer.title()
        slug = f"{index}-{number}-{rng.getrandbits(32):08x}"
        entries.append(
            _Entry(
                title=title,
                link=f"https://{site}/{when:%Y/%m}/{slug}.html",
                guid=str(uuid.UUID(int=rng.getrandbits(128))),
                permalink=rng.random() < 0.5,
                author=rng.choice(PEOPLE),
                published=when,
                summary=" ".join(writer.sentence() for _ in range(rng.randint(1, 2))),
                categories=rng.sample(lang.categories, rng.randint(1, 3)),
                weight=rng.uniform(0.5, 1.5),
            )
        )
        when -= timedelta(minutes=rng.randint(20, 480))

    head, foot = (_atom_head if atom else _rss_head)(publication, site, lang, newest)
    skeleton = sum(len(_entry(atom, e, "", use_cdata).encode()) for e in entries)
    budget = max(spec.target_bytes - len(head.encode()) - len(foot.encode()) - skeleton, 0)
    total_weight = sum(e.weight for e in entries)
    parts = [head]
    for entry in entries:
        share = budget * entry.weight / total_weight
        parts.append(_entry(atom, entry, _content(writer, share, use_cdata), use_cdata))
    parts.append(foot)
    return "".join(parts).encode("utf-8")


def _content(writer: _Writer, budget: float, use_cdata: bool) -> str:
    """HTML blocks until their encoded size (escaped or in CDATA) reaches ``budget``."""
    blocks: list[str] = []
    size = last = 0
    while size < budget:
        block = writer.block()
        blocks.append(block)
        last = len((block if use_cdata else _xml(block)).encode()) + 1
        size += last
    if len(blocks) > 1 and size - budget > last / 2:
        blocks.pop()  # closer to the budget without it
    return "\n".join(blocks)


def _rss_head(publication: str, site: str, lang: _Lang, built: datetime) -> tuple[str, str]:
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n'
        "<channel>\n"
        f"<title>{_xml(publication)}</title>\n"
        f"<link>https://{site}/</link>\n"
        f'<atom:link href="https://{site}/feed.xml" rel="self" type="application/rss+xml"/>\n'
        f"<description>{_xml(publication)} – {_xml(lang.categories[0])}</description>\n"
        f"<language>{lang.code}</language>\n"
        f"<lastBuildDate>{format_datetime(built)}</lastBuildDate>\n"
        f"<image><url>https://{site}/logo.png</url><title>{_xml(publication)}</title>"
        f"<link>https://{site}/</link></image>\n"
    )
    return head, "</channel>\n</rss>\n"


def _atom_head(publication: str, site: str, lang: _Lang, built: datetime) -> tuple[str, str]:
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang.code}">\n'
        f"<title>{_xml(publication)}</title>\n"
        f"<subtitle>{_xml(lang.categories[0])}</subtitle>\n"
        f'<link rel="alternate" type="text/html" href="https://{site}/"/>\n'
        f'<link rel="self" type="application/atom+xml" href="https://{site}/feed.atom"/>\n'
        f"<id>tag:{site},2025:feed</id>\n"
        f"<updated>{built.isoformat()}</updated>\n"
        f"<icon>https://{site}/favicon.png</icon>\n"
    )
    return head, "</feed>\n"


def _entry(atom: bool, e: _Entry, content: str, use_cdata: bool) -> str:
    title, link, author = _xml(e.title), _xml(e.link), _xml(e.author)
    published, summary, categories = e.published, _xml(e.summary), e.categories
    body = _cdata(content) if use_cdata else _xml(content)
    if atom:
        cats = "".join(f'<category term="{escape(c)}"/>' for c in categories)
        return (
            "<entry>\n"
            f"<title>{title}</title>\n"
            f'<link rel="alternate" type="text/html" href="{link}"/>\n'
            f"<id>urn:uuid:{e.guid}</id>\n"
            f"<published>{published.isoformat()}</published>\n"
            f"<updated>{published.isoformat()}</updated>\n"
            f"<author><name>{author}</name></author>\n"
            f"{cats}\n"
            f'<summary type="text">{summary}</summary>\n'
            f'<content type="html">{body}</content>\n'
            "</entry>\n"
        )
    if e.permalink:
        guid = f'<guid isPermaLink="true">{link}</guid>'
    else:
        guid = f'<guid isPermaLink="false">urn:uuid:{e.guid}</guid>'
    cats = "".join(f"<category>{_xml(c)}</category>" for c in categories)
    return (
        "<item>\n"
        f"<title>{title}</title>\n"
        f"<link>{link}</link>\n"
        f"{guid}\n"
        f"<dc:creator>{author}</dc:creator>\n"
        f"<pubDate>{format_datetime(published)}</pubDate>\n"
        f"{cats}\n"
        f"<description>{summary}</description>\n"
        f"<content:encoded>{body}</content:encoded>\n"
        "</item>\n"
    )


def write_feeds(folder: Path, count: int, spec: FeedSpec = FeedSpec()) -> list[Path]:
    """Write feeds ``0.xml`` … ``{count-1}.xml`` into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"{index}.xml"
        path.write_bytes(generate_feed(index, spec))
        paths.append(path)
    return paths


# -- excerpt-only feeds --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExcerptItem:
    """An item of an excerpt-only feed: a teaser of the article at ``link``."""

    title: str
    link: str
    guid: str
    author: str
    published: datetime
    teaser: str
    categories: tuple[str, ...]


def generate_excerpt_feed(
    publication: str, site_url: str, language: str, items: Sequence[ExcerptItem]
) -> bytes:
    """An RSS 2.0 feed whose items carry only a plain-text teaser (``<description>``, no
    ``content:encoded``), as many news sites publish: the article is on the page."""
    newest = max((item.published for item in items), default=BASE_DATE)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
        f"<title>{_xml(publication)}</title>\n<link>{_xml(site_url)}</link>\n"
        f"<description>{_xml(publication)}</description>\n<language>{language}</language>\n"
        f"<lastBuildDate>{format_datetime(newest)}</lastBuildDate>\n"
    ]
    for item in items:
        cats = "".join(f"<category>{_xml(c)}</category>" for c in item.categories)
        parts.append(
            "<item>\n"
            f"<title>{_xml(item.title)}</title>\n"
            f"<link>{_xml(item.link)}</link>\n"
            f'<guid isPermaLink="false">{_xml(item.guid)}</guid>\n'
            f"<dc:creator>{_xml(item.author)}</dc:creator>\n"
            f"<pubDate>{format_datetime(item.published)}</pubDate>\n"
            f"{cats}\n"
            f"<description>{_xml(item.teaser)}</description>\n"
            "</item>\n"
        )
    parts.append("</channel>\n</rss>\n")
    return "".join(parts).encode("utf-8")
