"""Full text for excerpt-only feeds: pages fetched from a loopback site during a refresh or on
demand, kept beside the feed's content, with highlights following their passages."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from reader.core.errors import InvalidFullTextModeError, ReaderError
from reader.core.fetch import Fetcher
from reader.core.fulltext import PageQueue, fetch_full_text, retrieve_page
from reader.core.refresh import refresh_feeds
from reader.core.storage import Store
from reader.core.storage.fulltexts import Candidate
from reader.core.types import ArticleQuery
from tests.news import NewsSite
from tests.trickle import trickle_server

PARAGRAPHS = (
    "Le conseil régional de Doulé a adopté jeudi un plan d’urgence pour les puits pastoraux, "
    "après trois mois de sécheresse qui ont décimé une partie des troupeaux de la vallée.",
    "Selon la présidente du conseil, Mariam Sangaré, « chaque puits réhabilité sauve des "
    "familles entières » ; les travaux doivent commencer avant la fin du mois de décembre.",
    "Les éleveurs rencontrés au marché de Kéréba restent prudents : ils attendent de voir "
    "les camions de forage arriver avant de croire aux promesses du conseil.",
    "Le financement repose sur un fonds de coopération décentralisée ouvert l’an dernier, "
    "dont la moitié reste à verser par les partenaires européens.",
)


def page(title: str, paragraphs: tuple[str, ...] = PARAGRAPHS, *, author: str = "") -> bytes:
    """An article page as a news CMS serves it: navigation, the article, a comment form."""
    byline = f'<meta name="author" content="{escape(author)}">' if author else ""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>{escape(title)} – La Gazette de Doulé</title>{byline}
<meta property="article:published_time" content="2026-11-27T07:30:00+00:00">
</head><body>
<header><nav><a href="/">Accueil</a> <a href="/politique">Politique</a>
<a href="/economie">Économie</a></nav></header>
<main><article><h1>{escape(title)}</h1>{body}</article></main>
<aside><h3>Les plus lus</h3><ul><li><a href="/x">Un autre sujet</a></li></ul></aside>
<div id="respond"><h3>Laisser un commentaire</h3>
<p>Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *</p>
</div>
<footer>© La Gazette de Doulé</footer></body></html>""".encode()


TEASER = "Le conseil régional de Doulé a adopté jeudi un plan d’urgence… Lire la suite"


@pytest.fixture
def gazette(store: Store, news: NewsSite) -> int:
    return store.add_feed(news.root + "/feed.xml").id


def refresh(store: Store) -> object:
    with Fetcher(clock=store.now, timeout=5) as http:
        return refresh_feeds(store, fetcher=http, parse_processes=0)


def only(store: Store, title: str) -> int:
    [found] = [a.id for a in store.list_articles() if a.title == title]
    return found


# -- refresh -------------------------------------------------------------------------------


def test_automatic_mode_fetches_teasers_only(store: Store, news: NewsSite, gazette: int) -> None:
    store.full_texts.set_mode(gazette, "auto")
    news.publish("puits", "Des puits pour Doulé", TEASER, page("Des puits pour Doulé"))
    full = "Au marché de Kéréba, le prix du mil a baissé pour la deuxième semaine. " * 12
    news.publish("marche", "Le marché de Kéréba", full)  # the feed gives it all
    summary = refresh(store)

    assert news.requests == ["/articles/puits"]
    assert summary.full_texts == 1 and not summary.full_text_failures  # type: ignore[attr-defined]
    assert "1 full text fetched" in summary.describe()  # type: ignore[attr-defined]
    article = store.get_article(only(store, "Des puits pour Doulé"))
    assert summary.full_text_ids == [article.id]  # type: ignore[attr-defined]
    assert article.full_text is not None and article.full_text.url.endswith("/articles/puits")
    # The canonical text is the page's article, without its navigation or comment form.
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert "Laisser un commentaire" not in article.text and "Accueil" not in article.text
    assert "Lire la suite" not in article.text
    assert "Mariam Sangaré" in article.reading_html
    assert article.html.startswith("<p>Le conseil régional de Doulé a adopté jeudi")  # feed's
    # Search finds what only the full text says.
    hits = store.search("camions de forage")
    assert [hit.article.id for hit in hits] == [article.id]


def test_mode_on_fetches_every_new_article_once(store: Store, news: NewsSite, gazette: int) -> None:
    store.full_texts.set_mode(gazette, "on")
    news.publish("puits", "Des puits pour Doulé", " ".join(PARAGRAPHS * 3), page("Puits"))
    refresh(store)
    refresh(store)  # nothing new: no page fetched again
    assert news.requests == ["/articles/puits"]


def test_off_fetches_nothing(store: Store, news: NewsSite, gazette: int) -> None:
    news.publish("puits", "Des puits pour Doulé", TEASER, page("Des puits pour Doulé"))
    refresh(store)
    assert news.requests == []
    assert store.get_article(only(store, "Des puits pour Doulé")).full_text is None


def test_failures_are_recorded_and_never_block_the_refresh(
    store: Store, news: NewsSite, gazette: int
) -> None:
    store.full_texts.set_mode(gazette, "auto")
    news.publish("abonnes", "Réservé aux abonnés", TEASER)
    news.answer("abonnes", 403, b"<html><body><p>Acces interdit</p></body></html>")
    news.publish("vide", "Une page vide", TEASER)
    news.answer("vide", 200, b"<html><body><nav><a href='/'>Accueil</a></nav></body></html>")
    news.publish("lente", "Une page lente", TEASER)
    news.answer("lente", 200, page("Lente"), delay=8)  # beyond the 5 s timeout
    news.publish("puits", "Des puits pour Doulé", TEASER, page("Des puits pour Doulé"))

    summary = refresh(store)
    assert summary.ok == 1 and summary.new == 4  # type: ignore[attr-defined]
    assert summary.full_texts == 1  # type: ignore[attr-defined]
    failures = dict(summary.full_text_failures)  # type: ignore[attr-defined]
    assert len(failures) == 3
    for title, expected in (
        ("Réservé aux abonnés", "403"),
        ("Une page vide", "no article text"),
        ("Une page lente", "timed out"),
    ):
        article = store.get_article(only(store, title))
        assert article.full_text is not None and article.full_text.html is None
        assert expected in (article.full_text.error or ""), article.full_text.error
        assert "\n" not in (article.full_text.error or "")
        assert failures[article.id] == article.full_text.error
        assert article.text.startswith("Le conseil régional")  # the teaser stays


def test_pages_are_fetched_two_at_a_time_per_site(
    store: Store, news: NewsSite, gazette: int
) -> None:
    store.full_texts.set_mode(gazette, "auto")
    for n in range(6):
        news.publish(f"a{n}", f"Article {n}", TEASER)
        news.answer(f"a{n}", 200, page(f"Article {n}"), delay=0.3)
    summary = refresh(store)
    assert summary.full_texts == 6  # type: ignore[attr-defined]
    assert news.most_busy == 2


def test_the_page_queue_serves_sites_in_turn() -> None:
    queue = PageQueue(per_host=2)
    queue.add(
        [Candidate(n, f"https://a.example/{n}") for n in range(4)]
        + [Candidate(10 + n, f"https://b.example/{n}") for n in range(2)]
    )
    first = list(queue.take(8))
    assert sorted(c.article_id for c in first) == [0, 1, 10, 11]
    assert list(queue.take(8)) == []  # both sites are at their limit
    queue.done(first[0])
    assert [c.article_id for c in queue.take(8)] == [2]
    queue.add([Candidate(2, "https://a.example/2")])  # already queued once: ignored
    assert queue.drop_waiting() == 1


# -- on demand, highlights -----------------------------------------------------------------


def test_highlights_on_a_teaser_follow_it_into_the_full_text_and_back(
    store: Store, news: NewsSite, gazette: int
) -> None:
    news.publish("puits", "Des puits pour Doulé", TEASER, page("Des puits", author="Awa Koné"))
    refresh(store)
    article_id = only(store, "Des puits pour Doulé")
    highlight = store.highlights.add_quote(
        article_id, "adopté jeudi un plan d’urgence", note="Date à vérifier"
    )

    fetched = fetch_full_text(store, article_id)
    assert fetched.author == "Awa Koné"
    article = store.get_article(article_id)
    [moved] = store.highlights.list(article_id=article_id)
    assert not moved.orphaned and moved.note == "Date à vérifier"
    assert article.text[moved.start : moved.end] == "adopté jeudi un plan d’urgence"
    assert article.author == "Awa Koné"  # the page filled what the feed left out
    # A highlight made on the full text only…
    later = store.highlights.add_quote(article_id, "les camions de forage arriver")
    # …is kept, orphaned, when going back to the feed's version, and comes back with it.
    store.full_texts.drop(article_id)
    states = {h.id: h.orphaned for h in store.highlights.list(article_id=article_id)}
    assert states == {highlight.id: False, later.id: True}
    fetch_full_text(store, article_id)
    states = {h.id: h.orphaned for h in store.highlights.list(article_id=article_id)}
    assert states == {highlight.id: False, later.id: False}


def test_a_feed_rewrite_keeps_the_full_text_and_marks_it_stale(
    store: Store, news: NewsSite, gazette: int
) -> None:
    store.full_texts.set_mode(gazette, "auto")
    news.publish("puits", "Des puits pour Doulé", TEASER, page("Des puits pour Doulé"))
    refresh(store)
    article_id = only(store, "Des puits pour Doulé")
    highlight = store.highlights.add_quote(article_id, "les camions de forage arriver")
    # The feed corrects its teaser: the page is fetched again, the highlight stays placed.
    news.items[0] = ("puits", "Des puits pour Doulé", TEASER.replace("jeudi", "mercredi"))
    assert store.get_article(article_id).full_text is not None
    refresh(store)
    assert news.requests == ["/articles/puits", "/articles/puits"]
    article = store.get_article(article_id)
    assert article.full_text is not None and not article.full_text.stale
    assert not store.highlights.get(highlight.id).orphaned
    assert "camions de forage" in article.text


def test_fetching_on_demand_reports_failures_clearly(
    store: Store, news: NewsSite, gazette: int
) -> None:
    news.publish("abonnes", "Réservé aux abonnés", TEASER)
    news.answer("abonnes", 403, b"<html><body>Interdit</body></html>")
    refresh(store)
    article_id = only(store, "Réservé aux abonnés")
    with pytest.raises(ReaderError, match="403"):
        fetch_full_text(store, article_id)
    full = store.get_article(article_id).full_text
    assert full is not None and full.error is not None and full.attempts == 1
    # The site lets us in after all: a retry clears the failure.
    news.answer("abonnes", 200, page("Des puits pour Doulé"))
    fetch_full_text(store, article_id)
    full = store.get_article(article_id).full_text
    assert full is not None and full.error is None and full.html


def test_bad_settings_and_articles_without_pages(
    store: Store, news: NewsSite, gazette: int
) -> None:
    with pytest.raises(InvalidFullTextModeError, match="'off', 'on' or 'auto'"):
        store.full_texts.set_mode(gazette, "always")
    with pytest.raises(ReaderError, match="no feed with id 99"):
        store.full_texts.set_mode(99, "on")
    store.full_texts.set_mode(gazette, "auto")
    assert store.get_feed(gazette).full_text == "auto"
    with pytest.raises(ReaderError, match="no article with id 12345"):
        fetch_full_text(store, 12345)
    assert store.list_articles(ArticleQuery()) == []


def test_the_canonical_address_links_the_same_story_in_two_feeds(
    store: Store, news: NewsSite, gazette: int
) -> None:
    from tests.factories import entry, feed

    agency = store.add_feed("https://agence.example/rss").id
    store.store_parsed_feed(
        agency,
        feed(
            entry("depeche", "Doulé : un plan pour les puits", link="https://agence.example/d/1"),
            title="Agence du Sahel",
        ),
    )
    original = only(store, "Doulé : un plan pour les puits")
    canonical = b'<link rel="canonical" href="https://agence.example/d/1">'
    news.publish(
        "puits",
        "Des puits pour Doulé",
        TEASER,
        page("Des puits").replace(b"</head>", canonical + b"</head>"),
    )
    refresh(store)
    copy = only(store, "Des puits pour Doulé")
    assert store.get_article(copy).duplicate_of is None
    fetch_full_text(store, copy)
    article = store.get_article(copy)
    assert article.duplicate_of == original
    assert article.full_text is not None
    assert article.full_text.canonical_url == "https://agence.example/d/1"


def test_a_page_that_never_finishes_stops_at_the_page_deadline() -> None:
    with Fetcher(timeout=5, deadlines={"page": 0.5}) as http, trickle_server() as trickle:
        with pytest.raises(ReaderError, match=r"^the page took longer than 0\.5 s to download"):
            retrieve_page(http, trickle.url("/article.html"))
        assert trickle.sent <= 100
