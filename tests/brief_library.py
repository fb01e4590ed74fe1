"""A small library of West African news, for the tests of briefs and of their export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from tests.factories import T0, entry, feed

if TYPE_CHECKING:
    from reader.core import Store

MALI = (
    "Le gouvernement de transition a annoncé lundi la reprise de la coopération militaire. "
    "Selon le ministre, « la sécurité des routes reste la priorité absolue ». "
    "Le colonel Assimi Goïta s’est rendu à Gao – une première depuis 2021."
)
NIGER = (
    "À Niamey, les autorités ont rouvert la frontière avec le Bénin. "
    "Les transporteurs saluent une décision « attendue depuis des mois ». "
    "Les prix du riz devraient baisser d’ici la fin de l’année."
)
SENEGAL = (
    "Dakar accueille le sommet régional sur l’eau. Les ministres y adoptent une feuille de route."
)


@dataclass
class Library:
    """The library's store and the ids of its feeds and articles."""

    store: Store
    monde: int
    jeune: int
    mali: int
    niger: int
    senegal: int
    old: int


def fill_library(store: Store) -> Library:
    """Two feeds in two folders, four articles (one 40 days old), tags, a star and three
    highlights (one in pink with a note, one whose tag alone puts its article in Niger)."""
    monde = store.add_feed("https://monde.example/rss", folder="Sahel/Mali").id
    jeune = store.add_feed("https://jeune.example/rss", folder="Afrique de l’Ouest").id
    store.store_parsed_feed(
        monde,
        feed(
            entry(
                "mali",
                "Mali : reprise de la coopération",
                MALI,
                author="Claire Dupont",
                published=T0 - timedelta(hours=2),
            ),
            entry("old", "Archives du mois dernier", "Rien.", published=T0 - timedelta(days=40)),
            title="Le Monde Afrique",
        ),
    )
    store.store_parsed_feed(
        jeune,
        feed(
            entry("niger", "Niger : la frontière rouvre", NIGER, published=T0 - timedelta(hours=5)),
            entry("sn", "Sénégal : sommet sur l’eau", SENEGAL, published=T0 - timedelta(hours=8)),
            title="Jeune Afrique",
        ),
    )
    ids = {a.key: a.id for a in store.list_articles()}
    store.tag_article(ids["mali"], ["country/Mali", "theme/sécurité"])
    store.tag_article(ids["sn"], ["country/Sénégal"])
    store.set_starred(ids["niger"])
    # Niger qualifies for country/Niger through a highlight's tag only.
    store.highlights.add_quote(
        ids["niger"], "les autorités ont rouvert la frontière", tags=["country/Niger"]
    )
    store.highlights.add_quote(
        ids["mali"], "Goïta s’est rendu à Gao", color="pink", note="À suivre"
    )
    store.highlights.add_quote(
        ids["mali"], "la reprise de la coopération militaire", tags=["theme/défense"]
    )
    return Library(store, monde, jeune, ids["mali"], ids["niger"], ids["sn"], ids["old"])


def two_articles(store: Store) -> dict[str, int]:
    """Two articles of one feed, Mali two hours before T0 and Niger five; their ids by key."""
    feed_id = store.add_feed("https://monde.example/rss").id
    store.store_parsed_feed(
        feed_id,
        feed(
            entry("mali", "Mali", "Au nord.", published=T0 - timedelta(hours=2)),
            entry("niger", "Niger", "À Niamey.", published=T0 - timedelta(hours=5)),
            title="Le Monde Afrique",
        ),
    )
    return {a.key: a.id for a in store.list_articles()}
