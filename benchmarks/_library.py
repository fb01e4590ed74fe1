"""Deterministic large libraries for the desktop benchmarks: feeds, folders, articles, cached."""

from __future__ import annotations

import hashlib
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.core.schema import SCHEMA_VERSION  # noqa: E402
from reader.core.storage import Store  # noqa: E402
from reader.core.types import ParsedEntry, ParsedFeed  # noqa: E402

__all__ = ["OUT", "LibrarySpec", "build_library", "ensure_library", "library_path", "rare_names"]

#: Where built libraries are kept between runs (git-ignored); PRESS_READER_BENCH_OUT moves
#: them (the test that runs every benchmark small keeps them in its temporary folder).
OUT = Path(os.environ.get("PRESS_READER_BENCH_OUT") or HERE / "out")
#: Bump when the generated content changes, so that cached libraries are rebuilt.
GENERATOR_VERSION = 3
#: The store's clock while building: the newest article is a little older than this.
BUILD_DATE = datetime(2025, 6, 2, 8, 0, tzinfo=UTC)
#: Articles are published over this span before BUILD_DATE.
SPAN = timedelta(days=730)
#: Time between two refreshes of the simulated reader.
ROUND = timedelta(days=10)

# -- the words (all ours: fictional people, places and organisations) ---------------------

FIRST_NAMES = (
    "Aïssatou", "Mamadou", "Hélène", "Zoé", "Anaïs", "Ousmane", "Bérénice", "Léon", "Fatoumata",
    "Noël", "Maëlle", "Ibrahim", "Chloé", "Aurélien", "Raïssa", "Joël", "Agnès", "Théo", "Mariam",
    "Grégoire", "Salimata", "Étienne", "Adjoa", "Kofi", "Inès", "Rokia", "Céline", "Moussa",
)  # fmt: skip
LAST_NAMES = (
    "Koïta", "Traoré", "Dufresne", "Lemaître", "Kaboré", "Diallo", "N’Guessan", "Sabéla",
    "Ndiaye", "Ouédraogo", "Kéré", "Sidibé", "Mbaïdé", "Zongo", "Tembély", "Coulibaly", "Bamogo",
    "Sawadogo", "Dembélé", "Ilboudo", "Ferré", "Roché", "Bérard", "Lefèvre", "Asante", "Mensah",
)  # fmt: skip
#: Syllables of the rare place names (each name appears in a handful of articles only).
SYLLABLES = (
    "ka", "ké", "ro", "ba", "lé", "ni", "ma", "dou", "sé", "ta", "bou", "fé", "gao", "zi", "mè",
    "lou", "wa", "yé", "ko", "ri", "sa", "no", "dé", "po",
)  # fmt: skip
TOWNS = (
    "Sabéla", "Port-Niamé", "Tamboura-sur-Lac", "Kéréba", "Doulé", "Mérékou", "Sankaréni",
    "Fonteval", "Haute-Ségala", "Ninéra", "Bassi-Kouré", "Saint-Éloi-des-Sables", "Gaoundé",
    "Tiébélé-Ouest", "Lac Maïré", "Kossi-Béné", "Yéréfoula", "Val-Séverine",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Words:
    orgs: tuple[str, ...]
    roles: tuple[str, ...]
    topics: tuple[str, ...]
    adjectives: tuple[str, ...]
    days: tuple[str, ...]
    verbs: tuple[str, ...]
    sentences: tuple[str, ...]
    titles: tuple[str, ...]
    subheads: tuple[str, ...]
    quote: str


FRENCH = _Words(
    orgs=(
        "le gouvernement", "l’Agence régionale de l’eau", "le Conseil des sages",
        "l’Union des coopératives", "la Croix-Verte", "la commission électorale",
        "l’Observatoire du Sahel central", "la Banque de développement",
        "le syndicat des enseignants",
        "l’Alliance pour la sécurité alimentaire", "l’Assemblée nationale", "la mairie",
    ),
    roles=(
        "ministre de l’Intérieur", "porte-parole du gouvernement", "maire", "préfète", "députée",
        "cheffe de mission", "directeur régional", "présidente de l’assemblée", "chercheuse",
        "représentant des éleveurs", "coordinatrice humanitaire", "économiste",
    ),
    topics=(
        "la sécurité", "l’accès à l’eau", "la réforme foncière", "la transhumance",
        "la santé maternelle", "l’éducation des filles", "la décentralisation", "les élections",
        "la sécurité alimentaire", "le commerce transfrontalier", "la réconciliation",
        "les déplacés internes", "la gouvernance locale", "le prix des céréales",
        "la sécheresse", "les écoles rurales", "l’élevage", "l’énergie solaire",
        "la dette publique",
    ),
    adjectives=(
        "fragile", "prometteur", "contesté", "inédit", "décisif", "préoccupant", "modeste",
        "ambitieux", "attendu", "tendu", "historique", "coûteux",
    ),
    days=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    verbs=("annoncé", "dénoncé", "présenté", "défendu", "critiqué", "salué", "reporté"),
    sentences=(
        "{person}, {role} à {place}, a {verb} {day} un plan {adj} consacré à {topic}.",
        "Selon {org}, la situation à {place} reste {adj} malgré les efforts engagés depuis "
        "{year}.",
        "À {place}, près de {number} familles ont bénéficié d’un programme lié à {topic}.",
        "Les discussions entre {org} et les autorités de {rare} ont repris {day} matin.",
        "D’après un rapport publié {day}, {topic} concerne désormais {number} personnes.",
        "{person} estime que l’accord sur {topic} est « {adj}, mais nécessaire ».",
        "Le budget alloué à {topic} atteint {number} millions de francs, un niveau {adj}.",
        "Les habitants de {place} dénoncent un dialogue {adj} avec {org}.",
        "Sur le terrain, {topic} – longtemps négligé – revient au centre des débats.",
        "La rencontre de {rare} a réuni {number} délégués venus de toute la région.",
        "Pour {person}, {topic} doit rester l’affaire des communautés elles-mêmes.",
        "{org} a {verb} {day} un bilan {adj} de son action à {place}.",
        "Aucune date n’a encore été fixée pour la signature, précise {person}.",
        "L’enquête menée à {place} auprès de {number} ménages confirme la tendance.",
        "Le gouvernement a {verb} une mesure {adj} sur {topic}, sans calendrier précis.",
        "Dans les villages autour de {rare}, les récoltes de mil et de sorgho ont été {adj}s.",
    ),
    titles=(
        "À {place}, {topic} au cœur d’un accord {adj}",
        "{person} : « {topic} ne peut plus attendre »",
        "{place} : {org} dresse un bilan {adj}",
        "Ce que change le plan sur {topic} pour {place}",
        "Tensions à {place} autour de {topic}",
        "{topic} : un débat {adj} à l’Assemblée",
        "Enquête : à {rare}, {topic} divise les habitants",
    ),
    subheads=(
        "Un contexte {adj}", "Ce que disent les chiffres", "Réactions à {place}", "Et après ?",
    ),
    quote="« Nous ne pouvons pas attendre la prochaine saison », a déclaré {person}.",
)  # fmt: skip
ENGLISH = _Words(
    orgs=(
        "the government", "the Regional Water Agency", "the Council of Elders",
        "the Cooperative Union", "the Green Cross", "the electoral commission",
        "the Central Sahel Observatory", "the Development Bank", "the teachers’ union",
        "the Food Security Alliance", "the National Assembly", "the town council",
    ),
    roles=(
        "interior minister", "government spokesperson", "mayor", "prefect", "member of parliament",
        "head of mission", "regional director", "speaker of the assembly", "researcher",
        "herders’ representative", "humanitarian coordinator", "economist",
    ),
    topics=(
        "security", "access to water", "land reform", "seasonal migration", "maternal health",
        "girls’ education", "decentralisation", "the elections", "food security",
        "cross-border trade", "reconciliation", "internally displaced people",
        "local governance", "grain prices", "the drought", "rural schools", "livestock farming",
        "solar energy", "public debt",
    ),
    adjectives=(
        "fragile", "promising", "disputed", "unprecedented", "decisive", "worrying", "modest",
        "ambitious", "long-awaited", "tense", "historic", "costly",
    ),
    days=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    verbs=("announced", "denounced", "presented", "defended", "criticised", "welcomed", "delayed"),
    sentences=(
        "{person}, {role} in {place}, on {day} {verb} a {adj} plan focused on {topic}.",
        "According to {org}, the situation in {place} remains {adj} despite efforts since "
        "{year}.",
        "In {place}, nearly {number} families took part in a programme on {topic}.",
        "Talks between {org} and the authorities in {rare} resumed on {day} morning.",
        "A report released on {day} says {topic} now affects {number} people.",
        "{person} called the agreement on {topic} “{adj}, but necessary”.",
        "Spending on {topic} has reached {number} million francs, a {adj} level.",
        "Residents of {place} say their dialogue with {org} has been {adj}.",
        "On the ground, {topic} – long neglected – is back at the heart of the debate.",
        "The meeting in {rare} brought together {number} delegates from across the region.",
        "For {person}, {topic} must remain the business of the communities themselves.",
        "{org} on {day} {verb} a {adj} review of its work in {place}.",
        "No date has yet been set for the signing, {person} said.",
        "A survey of {number} households in {place} confirms the trend.",
        "The government {verb} a {adj} measure on {topic}, with no timetable.",
        "In the villages around {rare}, the millet and sorghum harvests were {adj}.",
    ),
    titles=(
        "In {place}, {topic} at the heart of a {adj} deal",
        "{person}: “{topic} cannot wait any longer”",
        "{place}: {org} reports {adj} results",
        "What the plan on {topic} means for {place}",
        "Tension in {place} over {topic}",
        "{topic}: a {adj} debate in parliament",
        "Investigation: in {rare}, {topic} divides residents",
    ),
    subheads=("A {adj} backdrop", "What the figures say", "Reactions in {place}", "What next?"),
    quote="“We cannot wait for the next season,” {person} told reporters.",
)  # fmt: skip
FOLDERS = (
    ("Afrique de l’Ouest",), ("Afrique de l’Ouest", "Sahel"), ("Afrique de l’Ouest", "Côte"),
    ("Économie",), ("Politique",), ("Société",), ("Climat & environnement",), ("Santé",),
    ("World news",), ("Agences",),
)  # fmt: skip
PUBLICATION_WORDS = (
    "Courrier", "Écho", "Matin", "Gazette", "Dispatch", "Observer", "Times", "Review",
    "Journal", "Tribune", "Quotidien", "Herald", "Nouvelles", "Chronicle", "Presse",
)  # fmt: skip
TAGS = (
    "à lire", "brief/lundi", "brief/jeudi", "pays/Mali", "pays/Niger", "pays/Burkina Faso",
    "thème/eau", "thème/élections", "suivi", "archives",
)  # fmt: skip


def rare_names(spec: LibrarySpec) -> tuple[str, ...]:
    """Made-up place names, each in a handful of articles only: rare search terms."""
    rng = random.Random(f"{spec.seed}:rare")
    names: dict[str, None] = {}
    while len(names) < spec.rare_names:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4)))
        names[name.capitalize()] = None
    return tuple(names)


# -- the specification and the cache --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LibrarySpec:
    """What to build: how many articles and feeds, from which seed."""

    articles: int = 100_000
    feeds: int = 300
    seed: str = "press-reader-ui"
    #: Share of articles marked read, starred, and tagged.
    read: float = 0.30
    starred: float = 0.02
    tagged: float = 0.03
    #: Share of articles that repeat a story another feed already carried (a wire story).
    duplicates: float = 0.01
    #: Made-up place names: each appears in about 3 × articles / rare_names articles.
    rare_names: int = 20_000

    def key(self) -> str:
        text = repr((GENERATOR_VERSION, SCHEMA_VERSION, self))
        digest = hashlib.sha1(text.encode()).hexdigest()[:10]
        return f"ui-library-{self.articles}a-{self.feeds}f-s{SCHEMA_VERSION}-{digest}"


def library_path(spec: LibrarySpec, cache: Path = OUT) -> Path:
    return cache / f"{spec.key()}.sqlite"


def ensure_library(
    spec: LibrarySpec,
    *,
    rebuild: bool = False,
    cache: Path = OUT,
    log: Callable[[str], None] | None = None,
) -> tuple[Path, float | None]:
    """The library for ``spec`` in the cache, built when missing (or when ``rebuild``);
    returns its path and the seconds the build took (None when it came from the cache)."""
    path = library_path(spec, cache)
    if path.exists() and not rebuild:
        return path, None
    cache.mkdir(parents=True, exist_ok=True)
    # Libraries of the same size from older generators or schemas: about 700 MB each.
    for stale in cache.glob(f"ui-library-{spec.articles}a-{spec.feeds}f-*.sqlite*"):
        stale.unlink()
    partial = path.with_name(path.name + ".partial")
    for leftover in (path, partial):
        for suffix in ("", "-wal", "-shm"):
            Path(str(leftover) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    build_library(spec, partial, log=log)
    partial.rename(path)
    return path, time.perf_counter() - started


# -- building -------------------------------------------------------------------------------


class _Writer:
    """Titles and bodies for one feed, from its own random generator."""

    def __init__(self, rng: random.Random, words: _Words, rare: tuple[str, ...]) -> None:
        self.rng = rng
        self.words = words
        self.rare = rare

    def _person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def fill(self, template: str) -> str:
        rng, w = self.rng, self.words
        return template.format(
            person=self._person(),
            role=rng.choice(w.roles),
            place=rng.choice(TOWNS),
            rare=rng.choice(self.rare),
            org=rng.choice(w.orgs),
            topic=rng.choice(w.topics),
            adj=rng.choice(w.adjectives),
            day=rng.choice(w.days),
            verb=rng.choice(w.verbs),
            year=rng.randint(2012, 2024),
            number=rng.randint(12, 9800),
        )

    def sentence(self) -> str:
        text = self.fill(self.rng.choice(self.words.sentences))
        return text[0].upper() + text[1:]

    def title(self) -> str:
        text = self.fill(self.rng.choice(self.words.titles))
        return text[0].upper() + text[1:]

    def body(self, target: int, link: str) -> tuple[str, str, str]:
        """(summary HTML, content HTML, plain text) of about ``target`` bytes of HTML."""
        rng, w = self.rng, self.words
        html_parts: list[str] = []
        text_parts: list[str] = []
        size = 0
        first = ""
        while size < target:
            kind = rng.random()
            if html_parts and kind < 0.10:
                heading = self.fill(rng.choice(w.subheads))
                block, plain = f"<h2>{escape(heading)}</h2>", heading
            elif html_parts and kind < 0.17:
                quote = self.fill(w.quote)
                block, plain = f"<blockquote><p>{escape(quote)}</p></blockquote>", quote
            elif html_parts and kind < 0.22:
                items = [self.sentence() for _ in range(rng.randint(2, 4))]
                block = "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"
                plain = "\n".join(items)
            elif html_parts and kind < 0.25:
                block = (
                    f'<figure><img src="{link}/photo-{rng.randint(1, 99)}.jpg" alt="" />'
                    f"<figcaption>{escape(self.fill('{place}, {day}.'))}</figcaption></figure>"
                )
                plain = ""
            else:
                sentences = [self.sentence() for _ in range(rng.randint(2, 5))]
                plain = " ".join(sentences)
                inner = escape(plain)
                if rng.random() < 0.3:
                    rest = escape(" ".join(sentences[1:]))
                    inner = f"<strong>{escape(sentences[0])}</strong> {rest}"
                if rng.random() < 0.3:
                    more = "Lire la suite" if w is FRENCH else "More"
                    inner += f' <a href="{link}#suite">{more}</a>'
                block = f"<p>{inner}</p>"
                first = first or sentences[0]
            html_parts.append(block)
            if plain:
                text_parts.append(plain)
            size += len(block)
        return f"<p>{escape(first)}</p>", "\n".join(html_parts), "\n\n".join(text_parts)


@dataclass(frozen=True, slots=True)
class _Story:
    title: str
    link: str
    summary: str
    content: str
    text: str


class _FeedSource:
    """One feed: its title and address, and its entries in publication order, written only
    when asked for (so a whole library never sits in memory)."""

    def __init__(
        self, spec: LibrarySpec, index: int, count: int, rare: tuple[str, ...], wire: list[_Story]
    ) -> None:
        rng = self.rng = random.Random(f"{spec.seed}:feed:{index}")
        self.spec = spec
        self.wire = wire
        words = FRENCH if rng.random() < 0.55 else ENGLISH
        self.writer = _Writer(rng, words, rare)
        name = f"{rng.choice(PUBLICATION_WORDS)} {rng.choice(TOWNS)}"
        if words is FRENCH:
            self.title = f"{'La ' if rng.random() < 0.5 else 'Le '}{name} — {index + 1}"
        else:
            self.title = f"The {name} — {index + 1}"
        self.site = f"https://site-{index + 1}.example.org"
        self.url = f"{self.site}/feed.xml"
        self.authors = [self.writer._person() for _ in range(rng.randint(3, 12))]
        seconds = SPAN.total_seconds()
        self.dates = sorted(
            BUILD_DATE - timedelta(seconds=rng.uniform(600, seconds)) for _ in range(count)
        )
        self.done = 0

    def until(self, moment: datetime) -> ParsedFeed:
        """The feed as a refresh at ``moment`` finds it: the entries published since the last."""
        rng, writer, entries = self.rng, self.writer, []
        while self.done < len(self.dates) and self.dates[self.done] < moment:
            published = self.dates[self.done]
            self.done += 1
            if self.wire and rng.random() < self.spec.duplicates:
                story = rng.choice(self.wire)
            else:
                link = f"{self.site}/{published:%Y/%m}/article-{self.done}"
                summary, content, text = writer.body(rng.randint(1000, 3000), link)
                story = _Story(writer.title(), link, summary, content, text)
                if rng.random() < self.spec.duplicates and len(self.wire) < 2000:
                    self.wire.append(story)
            entries.append(
                ParsedEntry(
                    key=f"{self.site}/id/{self.done}",
                    title=story.title,
                    link=story.link,
                    author=rng.choice(self.authors) if rng.random() < 0.8 else None,
                    published=published,
                    summary_html=story.summary,
                    content_html=story.content,
                    text=story.text,
                )
            )
        return ParsedFeed(title=self.title, site_url=self.site, entries=tuple(entries))


def build_library(
    spec: LibrarySpec, path: Path, *, log: Callable[[str], None] | None = None
) -> None:
    """Write the library for ``spec`` at ``path`` (which must not exist), through the Store,
    as a reader running for two years would have: one refresh of every feed every ROUND, each
    storing what the feeds published since the one before (so ids follow time, as in use)."""
    rare = rare_names(spec)
    wire: list[_Story] = []
    started = time.perf_counter()
    clock = [BUILD_DATE - SPAN]
    with Store(path, clock=lambda: clock[0]) as store:
        # A throwaway file: no need to wait for the disk at every commit.
        store._conn.execute("PRAGMA synchronous = OFF")
        rng = random.Random(f"{spec.seed}:library")
        per_feed, extra = divmod(spec.articles, spec.feeds)
        sources = []
        for index in range(spec.feeds):
            source = _FeedSource(spec, index, per_feed + (index < extra), rare, wire)
            folder = None if rng.random() < 0.05 else rng.choice(FOLDERS)
            feed = store.add_feed(source.url, folder=folder)
            sources.append((feed.id, source))
        rounds = int(SPAN / ROUND) + 1
        for number in range(1, rounds + 1):
            clock[0] = min(BUILD_DATE, BUILD_DATE - SPAN + number * ROUND)
            for feed_id, source in sources:
                store.store_parsed_feed(feed_id, source.until(clock[0]), etag=f'"{number}"')
            if log and number % 10 == 0:
                elapsed = time.perf_counter() - started
                log(f"  refresh {number} of {rounds} stored ({elapsed:.0f} s)")
        ids = [row[0] for row in store._conn.execute("SELECT id FROM articles ORDER BY id")]
        store.set_read([i for i in ids if rng.random() < spec.read], True)
        for article_id in ids:
            if rng.random() < spec.starred:
                store.set_starred(article_id, True)
        for article_id in ids:
            if rng.random() < spec.tagged:
                store.tag_article(article_id, rng.sample(TAGS, rng.randint(1, 2)))
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if log:
        log(f"  library built in {time.perf_counter() - started:.0f} s: {path}")
