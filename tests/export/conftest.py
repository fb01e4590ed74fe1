"""A small library and a brief composed from it, for every export format's tests.

The brief has two sections (Mali, Niger) and a last one (Other); its articles carry passages
in three colours with notes and tags, an orphaned passage, an article without highlights
(shown by its excerpt), an article without a link and one whose title and link are hostile.
The session's Qt application comes from tests/qt_session.py: the PDF export draws.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from reader.core.briefs import compose
from reader.core.storage import Store
from reader.core.types import Brief, BriefCriteria, HighlightColor
from tests.factories import T0, entry, feed
from tests.qt_session import _widgets_application  # noqa: F401 - autouse, for this folder

MALI = (
    "Le gouvernement de transition a annoncé lundi la reprise de la coopération militaire "
    "avec ses voisins. Selon le ministre, « la sécurité des routes reste la priorité "
    "absolue ». Le colonel Assimi Goïta s’est rendu à Gao – une première depuis 2021. "
    "Les commerçants de la ville disent attendre des effets concrets avant la saison sèche."
)
NIGER = (
    "À Niamey, les autorités ont rouvert la frontière avec le Bénin après seize mois de "
    "fermeture. Les transporteurs saluent une décision « attendue depuis des mois ». "
    "Les prix du riz devraient baisser d’ici la fin de l’année, selon la chambre de commerce."
)
BURKINA = (
    "Ouagadougou a accueilli mardi une réunion des chefs d’état-major de la région. "
    "Aucun communiqué final n’a été publié ; un participant évoque « des échanges francs »."
)
TCHAD = (
    "N’Djamena annonce un recensement des réfugiés arrivés à l’Est. Le gouverneur du Ouaddaï "
    "demande une aide d’urgence pour l’eau potable et les soins."
)
HOSTILE_TITLE = "<script>alert('x')</script> Bamako & « Ségou » [1]"

INTRODUCTION = (
    "Une semaine **chargée** au Sahel : reprise de la *coopération* militaire au Mali, "
    "frontière rouverte au Niger.\n\n"
    "- Points saillants : Gao, Niamey\n"
    "- À suivre : [le communiqué](https://news.example/communique)\n"
)


@pytest.fixture
def colors(brief_store: Store) -> list[HighlightColor]:
    return brief_store.highlights.colors()


@pytest.fixture
def brief_store(store: Store) -> Store:
    monde = store.add_feed("https://monde.example/rss").id
    jeune = store.add_feed("https://jeune.example/rss").id
    store.store_parsed_feed(
        monde,
        feed(
            entry("mali", "Mali : reprise de la coopération", MALI, author="Claire Dupont"),
            entry(
                "burkina",
                "Burkina Faso : réunion des chefs d’état-major",
                BURKINA,
                published=T0 - timedelta(hours=3),
            ),
            entry(
                "hostile",
                HOSTILE_TITLE,
                "Un texte sans histoire.",
                link="javascript:alert(1)",
                published=T0 - timedelta(hours=6),
            ),
            title="Le Monde Afrique",
        ),
    )
    store.store_parsed_feed(
        jeune,
        feed(
            entry("niger", "Niger : la frontière rouvre", NIGER, published=T0 - timedelta(hours=2)),
            entry(
                "tchad",
                "Tchad : recensement des réfugiés",
                TCHAD,
                link=None,
                published=T0 - timedelta(hours=4),
            ),
            title="Jeune Afrique",
        ),
    )
    ids = {a.key: a.id for a in store.list_articles()}
    store.tag_article(ids["mali"], ["country/Mali", "theme/sécurité"])
    store.tag_article(ids["niger"], ["country/Niger"])
    store.tag_article(ids["tchad"], ["theme/humanitaire"])
    store.highlights.set_color_meaning("pink", "claim to verify")
    h = store.highlights
    h.add_quote(ids["mali"], "la reprise de la coopération militaire", tags=["theme/défense"])
    h.add_quote(
        ids["mali"],
        "Goïta s’est rendu à Gao",
        color="pink",
        note="À suivre : première visite depuis 2021.\nVérifier auprès de l’AFP.",
    )
    h.add_quote(ids["mali"], "disent attendre des effets concrets", color="green")
    h.add_quote(ids["niger"], "les autorités ont rouvert la frontière", color="blue")
    h.add_quote(ids["burkina"], "« des échanges francs »", note="Ton inhabituel.")
    # The Burkina article is rewritten: its passage can no longer be found.
    store.store_parsed_feed(
        monde,
        feed(
            entry(
                "burkina",
                "Burkina Faso : réunion des chefs d’état-major",
                "Ouagadougou a accueilli mardi une réunion régionale. Rien n’a filtré.",
                published=T0 - timedelta(hours=3),
            ),
            title="Le Monde Afrique",
        ),
    )
    return store


@pytest.fixture
def brief(brief_store: Store) -> Brief:
    """An English brief of three sections: Mali, Niger, then Other (Burkina with an orphaned
    passage, Tchad without highlights nor link, the hostile article)."""
    composed = compose(
        brief_store,
        BriefCriteria(group_by="tag", tag_prefix="country"),
        title="Revue de presse – Sahel",
        author="Cellule Afrique",
        introduction=INTRODUCTION,
    )
    return replace(composed, since=T0.replace(hour=0) - timedelta(days=1), until=T0.replace(hour=0))


@pytest.fixture
def french_brief(brief: Brief) -> Brief:
    return replace(brief, language="fr")
