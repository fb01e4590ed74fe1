"""Taking the article, and only the article, out of a web page."""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.core.errors import ExtractionError, PaywalledError, ReaderError
from reader.core.extract import Extracted, extract_article, looks_like_excerpt
from reader.core.pagedecode import decode_page
from reader.core.sanitize import html_to_text, sanitize_html
from tests.core.test_sanitize import assert_safe

PAGES = Path(__file__).resolve().parent.parent / "data" / "pages"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


@dataclass(frozen=True)
class Page:
    """A fixture page and what must (and must not) come out of it."""

    file: str
    url: str
    title: str
    author: str
    published: datetime
    canonical_url: str
    language: str
    #: The text starts with this (what comes before it on the page is header).
    first: str
    #: A distinctive sentence of every paragraph, list item and quote of the article.
    paragraphs: tuple[str, ...]
    #: Text of the page around the article.
    clutter: tuple[str, ...]
    #: Fragments of the sanitized HTML: headings, lists, quotes, links, figures.
    markup: tuple[str, ...]


WORDPRESS = Page(
    file="wordpress-fr.html",
    url="https://courrierdudelta.example/2026/03/14/mopti-reprise-trafic-fluvial/?utm_source=rss",
    title="Mopti : la reprise du trafic fluvial redonne de l’air aux commerçants",
    author="Aminata Konaté",
    published=datetime(2026, 3, 14, 9, 30, tzinfo=UTC),
    canonical_url="https://courrierdudelta.example/2026/03/14/mopti-reprise-trafic-fluvial/",
    language="fr",
    first="Au petit matin, le quai de Mopti",
    paragraphs=(
        "le quai de Mopti a retrouvé son vacarme d’avant la saison sèche",
        "une douzaine de grandes embarcations ont quitté le port mercredi",
        "Des pinasses chargées de riz attendent le départ au port de Mopti, le 12 mars.",
        "Le sac de cinquante kilos de riz local, vendu jusqu’à 24 000 francs CFA",
        "Beaucoup d’entre eux ont perdu une partie de leur stock",
        "Quand le fleuve s’arrête, c’est toute la ville qui retient son souffle.",
        "La chambre de commerce régionale réclame trois mesures",
        "une escorte régulière des convois entre Mopti et Niafunké",
        "le dragage du chenal à hauteur de Kotaka",
        "un report de six mois des taxes portuaires",
        "Le gouverneur de la région a promis jeudi une réponse",
        "Ils ont créé une caisse commune qui avance le carburant",
    ),
    clutter=(
        "Partager",
        "Cliquez pour partager",
        "WhatsApp",
        "Articles similaires",
        "Dragage du fleuve Niger : le budget toujours en suspens",
        "un convoi de pinasses pris pour cible",
        "Laisser un commentaire",
        "Votre adresse e-mail ne sera pas publiée",
        "Les champs obligatoires sont indiqués",
        "Enregistrer mon nom",
        "Site web",
        "Commentaire",
        "que Dieu garde les piroguiers",
        "pas encore baissé chez nous à Sévaré",
        "Articles récents",
        "Bandiagara : trois écoles rouvrent",
        "Lettre d’information",
        "Je m’abonne",
        "Article précédent",
        "Étiquettes",
        "Aller au contenu",
        "Nous contacter",
        "Tous droits réservés",
        "propulsé par WordPress",
        "_wpemojiSettings",
    ),
    markup=(
        "<h2>Des prix qui commencent à baisser</h2>",
        "<ul><li>une escorte régulière des convois entre Mopti et Niafunké ;</li>",
        "<blockquote><p>Quand le fleuve s’arrête",
        '<a href="https://osam-mopti.example/releves-hebdomadaires" rel="noopener noreferrer">'
        "Observatoire des marchés agricoles</a>",
        # A relative link of the page, resolved.
        '<a href="https://courrierdudelta.example/2026/02/27/dragage-fleuve-niger-budget/"',
        '<figure><img src="https://courrierdudelta.example/wp-content/uploads/2026/03/'
        'port-mopti-1024x576.jpg" alt="Des pinasses chargées de sacs de riz au port de Mopti">'
        "<figcaption>Des pinasses chargées de riz attendent le départ au port de Mopti, le 12 mars."
        "</figcaption></figure>",
    ),
)

SPIP = Page(
    file="spip-fr.html",
    url="https://sahelhebdo.example/spip.php?article2871",
    title="Niger : à Zinder, les maraîchers face à la flambée des engrais",
    author="Ousmane Garba",
    published=datetime(2026, 2, 3, 6, 45, tzinfo=UTC),
    canonical_url="https://sahelhebdo.example/spip.php?article2871",
    language="fr",
    # The chapo (lead) is part of the article; the surtitre and the breadcrumb are not.
    first="Dans la vallée de la Korama, le prix du sac d'urée a presque doublé en un an.",
    paragraphs=(
        "certains abandonnent la saison de contre-saison",
        "Sur la route de Mirriah, les planches de chou se font rares cette année.",
        "Issoufou Mahamadou cultive deux hectares depuis vingt ans.",
        "La hausse tient d'abord aux difficultés d'acheminement.",
        "n'a livré que le tiers des quantités prévues dans la région",
        "Une parcelle de chou à moitié semée près de Mirriah, en janvier.",
        "Le groupement féminin de Droum",
        "les délégués de la fédération régionale ont adopté une plateforme en quatre points",
        "la reprise des ventes à prix subventionné",
        "un contrôle des prix pratiqués par les revendeurs",
        "l'ouverture d'un magasin de la centrale à Magaria",
        "un appui à la production locale de compost",
        "Nous ne demandons pas la charité.",
        "une nouvelle cargaison de vingt mille tonnes est attendue",
        "Les prix cités ont été relevés par notre correspondant",
    ),
    clutter=(
        "Sur le même sujet",
        "Dans la même rubrique",
        "Maradi : la campagne d'oignon menacée",
        "Uranium : Arlit attend toujours",
        "Répondre à cet article",
        "Accueil",
        "Rechercher",
        "Plan du site",
        "Se connecter",
        "Hebdomadaire d'information",
        "mardi 3 février 2026",
        "BP 11 204 Niamey",
    ),
    markup=(
        "<h3>Une chaîne d'approvisionnement fragilisée</h3>",
        "<ol><li>la reprise des ventes à prix subventionné",
        "<blockquote><p>Nous ne demandons pas la charité.",
        '<a href="https://agri-niger.example/rapports/campagne-2025-2026.pdf"',
        '<figure><img src="https://sahelhebdo.example/IMG/jpg/maraichage-korama.jpg"'
        ' alt="Parcelles de chou dans la vallée de la Korama"><figcaption>Une parcelle de chou'
        " à moitié semée près de Mirriah, en janvier.</figcaption></figure>",
    ),
)

COOKIE_RELATED = Page(
    file="cookie-related-en.html",
    url="https://sahelobserver.example/news/2026/04/chad-new-crossing-refugees-rains?src=feed",
    title="Chad opens new crossing for Sudanese refugees as rains approach",
    author="Grace Mensah",
    published=datetime(2026, 4, 2, 7, 15, tzinfo=UTC),
    canonical_url="https://sahelobserver.example/news/2026/04/chad-new-crossing-refugees-rains",
    language="en",
    # The standfirst leads the article; the kicker and byline above it do not.
    first="Aid agencies race to move families away from flood-prone transit sites",
    paragraphs=(
        "Families wait for registration at a transit site outside Adré",
        "opened a second official crossing point on the border with Sudan",
        "The new site at Goungour will register arrivals",
        "The first rains usually reach the border area in June",
        "floods destroyed more than three thousand shelters in a single night",
        "Every family we move before June is a family we will not have to pull out",
        "who asked not to be named because she was not authorised",
        "register every new arrival within forty-eight hours",
        "move unaccompanied children and the sick first",
        "drill twelve new boreholes at the receiving camps",
        "The regional response plan for Chad is less than a fifth funded",
        "growing tension over firewood and grazing land",
    ),
    clutter=(
        "We use cookies",
        "cookies",
        "Accept all",
        "Manage preferences",
        "privacy policy",
        "Related articles",
        "Related",
        "Water trucking costs soar",
        "In Farchana, classes resume under canvas",
        "Second poor harvest in Ouaddaï",
        "Sahel Weekly",
        "Sign up",
        "newsletter",
        "Share this article",
        "Subscribe",
        "Sign in",
        "Podcasts",
        "By Grace Mensah",
        "All rights reserved",
        "dataLayer",
    ),
    markup=(
        "<h2>A race against the calendar</h2>",
        "<ol><li>register every new arrival within forty-eight hours;</li>",
        "<blockquote><p>Every family we move before June",
        '<a href="https://reliefdata.example/chad/2026" rel="noopener noreferrer">'
        "humanitarian coordination office</a>",
        '<figure><img src="https://cdn.sahelobserver.example/images/2026/04/adre-camp-800.jpg"'
        ' alt="Tents at a transit site near Adré"><figcaption>Families wait for registration',
        "Photo: Idriss Mahamat for The Sahel Observer</figcaption></figure>",
    ),
)

LATIN1 = Page(
    file="latin1-fr.html",
    url="http://echodesegou.example/culture/festival-2026.html",
    title="Ségou : le festival sur le Niger maintenu malgré la crise",
    author="Fatoumata Diarra",
    # The page gives the day only.
    published=datetime(2026, 1, 21, tzinfo=UTC),
    canonical_url="http://echodesegou.example/culture/festival-2026.html",
    language="fr",
    first="Les organisateurs l'ont confirmé lundi soir",
    paragraphs=(
        "devant la presse réunie au Centre culturel Kôrè",
        "sur les berges du fleuve, à Ségou",
        "« Nous avons réduit la voilure, mais nous n'avons jamais envisagé d'annuler »",
        "des commerçants de la ville, des transporteurs et la chambre des métiers",
        "le maintien du festival est une bouffée d'oxygène",
        "Les artisans du quartier Darsalam, connus pour leurs bogolans",
        "les pirogues seront contrôlées à l'arrivée",
    ),
    clutter=(
        "Dernières nouvelles",
        "Markala : reprise des lâchers",
        "Petites annonces",
        "Vends moto",
        "Retour à la rubrique",
        "Imprimer",
        "Envoyer à un ami",
        "Hebdomadaire régional",
        "Par Fatoumata Diarra",
        "Archives",
    ),
    markup=("<p>Les organisateurs l'ont confirmé lundi soir",),
)

ARTICLES = [WORDPRESS, SPIP, COOKIE_RELATED, LATIN1]


@pytest.fixture(scope="module", params=ARTICLES, ids=lambda p: p.file)
def case(request: pytest.FixtureRequest) -> tuple[Page, Extracted]:
    expected: Page = request.param
    return expected, extract_article(page(expected.file), expected.url)


# -- the article and nothing else -------------------------------------------------------------


def test_every_paragraph_of_the_article_is_found(case: tuple[Page, Extracted]) -> None:
    expected, extracted = case
    missing = [sentence for sentence in expected.paragraphs if sentence not in extracted.text]
    assert not missing


def test_the_text_starts_with_the_article(case: tuple[Page, Extracted]) -> None:
    expected, extracted = case
    assert extracted.text.startswith(expected.first)


def test_nothing_around_the_article_is_kept(case: tuple[Page, Extracted]) -> None:
    expected, extracted = case
    found = [c for c in expected.clutter if c in extracted.text or c in extracted.html]
    assert not found


def test_the_title_is_not_repeated_in_the_body(case: tuple[Page, Extracted]) -> None:
    expected, extracted = case
    assert expected.title not in extracted.text
    assert "<h1>" not in extracted.html


def test_structure_is_kept(case: tuple[Page, Extracted]) -> None:
    expected, extracted = case
    missing = [fragment for fragment in expected.markup if fragment not in extracted.html]
    assert not missing


def test_a_caption_is_given_once(case: tuple[Page, Extracted]) -> None:
    _, extracted = case
    for caption in ("Des pinasses chargées de riz", "Une parcelle de chou", "Families wait"):
        assert extracted.text.count(caption) <= 1


def test_metadata(case: tuple[Page, Extracted]) -> None:
    expected, extracted = case
    assert extracted.title == expected.title
    assert extracted.author == expected.author
    assert extracted.published == expected.published
    assert extracted.published is not None and extracted.published.tzinfo is not None
    assert extracted.canonical_url == expected.canonical_url
    assert extracted.language == expected.language
    assert extracted.source_url == expected.url


def test_html_is_sanitized_with_the_feed_policy(case: tuple[Page, Extracted]) -> None:
    expected, extracted = case
    assert_safe(extracted.html)
    assert sanitize_html(extracted.html, expected.url) == extracted.html
    assert html_to_text(extracted.html) == extracted.text
    assert not extracted.html.startswith(("<html", "<body", "<doc"))


def test_extracted_is_a_frozen_value() -> None:
    extracted = extract_article(page(WORDPRESS.file), WORDPRESS.url)
    with pytest.raises(dataclasses.FrozenInstanceError):
        extracted.title = "changed"  # type: ignore[misc]


# -- links ------------------------------------------------------------------------------------


def article_page(body: str, head: str = "", *, lang: str = "fr") -> bytes:
    """A small page with an article of ``body`` between a menu and a footer."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>Gao : la foire régionale rouvre</title>{head}</head><body>"
        '<nav><a href="/">Accueil</a> <a href="/region/">Région</a></nav>'
        f'<article><h1>Gao : la foire régionale rouvre</h1><div class="entry-content">{body}'
        "</div></article><footer>Tous droits réservés</footer></body></html>"
    ).encode()


PARAGRAPHS = (
    "<p>La foire régionale de Gao a rouvert ses portes samedi après deux années d'absence, "
    "sous un grand soleil et devant une foule venue des communes voisines.</p>"
    "<p>Les exposants, éleveurs et artisans pour la plupart, ont installé leurs stands le long "
    "du boulevard de l'Indépendance dès le vendredi soir.</p>"
    "<p>Les organisateurs espèrent dépasser les quinze mille visiteurs d'ici à mardi, date de "
    "la clôture, malgré la chaleur et le prix élevé du transport.</p>"
)


def test_relative_links_are_resolved_against_the_page_folder() -> None:
    body = PARAGRAPHS + (
        '<p>Voir <a href="programme.html">le programme</a>, <a href="../photos/">les photos</a>'
        ' et <a href="/contact/">nos contacts</a>, ainsi que <img src="img/stand.jpg"'
        ' alt="Un stand"> le stand de la chambre d\'agriculture.</p>'
    )
    url = "https://nord-info.example/2026/foire/gao.html"
    extracted = extract_article(article_page(body), url)
    assert 'href="https://nord-info.example/2026/foire/programme.html"' in extracted.html
    assert 'href="https://nord-info.example/2026/photos/"' in extracted.html
    assert 'href="https://nord-info.example/contact/"' in extracted.html
    assert 'src="https://nord-info.example/2026/foire/img/stand.jpg"' in extracted.html


def test_base_href_is_honoured() -> None:
    body = PARAGRAPHS + '<p>Lire <a href="programme.html">le programme complet</a> ici.</p>'
    head = '<base href="https://static.nord-info.example/archives/2026/">'
    extracted = extract_article(article_page(body, head), "https://nord-info.example/a/gao")
    assert 'href="https://static.nord-info.example/archives/2026/programme.html"' in extracted.html


def test_dangerous_markup_in_the_article_is_removed() -> None:
    body = PARAGRAPHS + (
        '<p onclick="steal()">Un lien <a href="javascript:alert(1)">piégé</a> et '
        '<a href="https://nord-info.example/ok" onmouseover="x()">sain</a>.</p>'
        "<script>document.write('injecté')</script>"
    )
    extracted = extract_article(article_page(body), "https://nord-info.example/gao")
    assert_safe(extracted.html)
    assert "injecté" not in extracted.text
    assert "javascript" not in extracted.html


def test_read_also_boxes_and_breadcrumbs_are_left_out_but_not_an_article_tagged_so() -> None:
    body = (
        PARAGRAPHS[: PARAGRAPHS.index("<p>Les exposants")]
        + '<div class="lire-aussi"><h4>Lire aussi</h4><p>Kidal : la foire annulée faute de '
        "sécurité, notre enquête sur les rassemblements du nord du pays, où plusieurs marchés "
        "hebdomadaires ont été suspendus cette année.</p></div>"
        + PARAGRAPHS[PARAGRAPHS.index("<p>Les exposants") :]
    )
    data = article_page(body).replace(
        b"<article>",
        b'<nav id="fil-ariane"><a href="/">Accueil</a> &gt; Gao</nav>'
        b'<article class="post tag-ariane-6 tag-lire-aussi-gao">',
    )
    extracted = extract_article(data, "https://nord-info.example/gao")
    assert "Lire aussi" not in extracted.text
    assert "la foire annulée faute de sécurité" not in extracted.text
    assert "Accueil" not in extracted.text
    assert "La foire régionale de Gao a rouvert" in extracted.text
    assert "Les exposants, éleveurs et artisans" in extracted.text


def test_a_layout_table_becomes_paragraphs() -> None:
    # The Latin-1 page without the class that names its article's body: trafilatura has to
    # find the article in a page laid out with a table.
    data = page(LATIN1.file).replace(b'class="corps-article"', b'class="bloc"')
    extracted = extract_article(data, LATIN1.url)
    assert "<table" not in extracted.html and "<td" not in extracted.html
    assert extracted.text.startswith(LATIN1.first)
    for sentence in LATIN1.paragraphs:
        assert sentence in extracted.text
    assert "\n\n« Nous avons réduit la voilure" in extracted.text
    for clutter in ("Accueil | Culture", "Par Fatoumata Diarra", "Markala : reprise"):
        assert clutter not in extracted.text


# -- encodings --------------------------------------------------------------------------------

LATIN1_WORDS = ("Ségou", "« Nous avons réduit la voilure", "commerçants", "à Ségou", "Kôrè")


def latin1_page(declaration: bytes | None) -> bytes:
    """The Latin-1 fixture with its meta declaration replaced (None: removed)."""
    data = page(LATIN1.file)
    declared = b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    assert declared in data
    return data.replace(declared, declaration or b"")


def test_the_latin1_fixture_really_is_latin1() -> None:
    data = page(LATIN1.file)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert "Ségou".encode("latin-1") in data


@pytest.mark.parametrize(
    ("declaration", "content_type"),
    [
        pytest.param(None, None, id="meta only"),
        pytest.param(b"", "text/html; charset=ISO-8859-1", id="header only"),
        pytest.param(b"", None, id="no declaration: detected"),
        pytest.param(b'<meta charset="utf-8">', None, id="wrong meta"),
        pytest.param(None, "text/html; charset=utf-8", id="wrong header, right meta"),
        pytest.param(b'<meta charset="utf-8">', "text/html; charset=UTF-8", id="both wrong"),
        pytest.param(b'<meta charset="no-such-encoding">', "text/html", id="unknown charset"),
    ],
)
def test_latin1_page_decodes(declaration: bytes | None, content_type: str | None) -> None:
    data = page(LATIN1.file) if declaration is None else latin1_page(declaration)
    extracted = extract_article(data, LATIN1.url, content_type=content_type)
    for word in LATIN1_WORDS:
        assert word in extracted.text
    assert extracted.title == LATIN1.title
    assert "Ã" not in extracted.text and "\ufffd" not in extracted.text


def test_a_utf8_page_is_read_as_utf8_whatever_the_header_says() -> None:
    extracted = extract_article(
        page(WORDPRESS.file), WORDPRESS.url, content_type="text/html; charset=ISO-8859-1"
    )
    assert extracted.title == WORDPRESS.title
    assert "le quai de Mopti a retrouvé son vacarme d’avant" in extracted.text


#: Chad's Arabic-language press: not French or English, so not read as windows-1252.
ARABIC = (
    "<p>أعلنت السلطات في نجامينا يوم الاثنين إعادة فتح الطريق الرئيسي إلى الحدود السودانية بعد"
    " ثلاثة أشهر من الإغلاق، وسط ترحيب التجار والناقلين.</p>"
)


@pytest.mark.parametrize(
    ("data", "content_type", "text", "encoding"),
    [
        pytest.param(
            "Côte d’Ivoire".encode(),
            "text/html; charset=iso-8859-1",
            "Côte d’Ivoire",
            "utf-8",
            id="valid UTF-8 wins",
        ),
        pytest.param(
            b"<meta charset=iso-8859-1>C\xf4te d\x92Ivoire \x96 \x85",
            None,
            "<meta charset=iso-8859-1>Côte d’Ivoire – …",
            "cp1252",
            id="Latin-1 label reads as windows-1252",
        ),
        pytest.param(
            b"<?xml version='1.0' encoding='iso-8859-15'?><p>\xa4 100</p>",
            None,
            "<?xml version='1.0' encoding='iso-8859-15'?><p>€ 100</p>",
            "iso8859-15",
            id="XML declaration",
        ),
        pytest.param(
            "\ufeffSégou".encode("utf-16-le"),
            "text/html; charset=iso-8859-1",
            "Ségou",
            "utf-16-le",
            id="byte-order mark wins",
        ),
        pytest.param(
            b"<p>Sikasso \xe0 l'heure du coton</p>",
            "text/html; charset=x-unknown",
            "<p>Sikasso à l'heure du coton</p>",
            "cp1252",
            id="unknown label: windows-1252",
        ),
        pytest.param(
            ARABIC.encode("cp1256"),
            None,
            ARABIC,
            "cp1256",
            id="another script: detected",
        ),
    ],
)
def test_decode_page(data: bytes, content_type: str | None, text: str, encoding: str) -> None:
    assert decode_page(data, content_type) == (text, encoding)


# -- paywalls ---------------------------------------------------------------------------------

PAYWALL_URL = (
    "https://quotidien-sahel.example/afrique/article/2026/05/06/"
    "burkina-faso-dori-retour-deplaces_5512.html"
)


def test_a_paywalled_teaser_raises() -> None:
    with pytest.raises(PaywalledError) as raised:
        extract_article(page("paywall-fr.html"), PAYWALL_URL)
    error = raised.value
    assert isinstance(error, ExtractionError)
    assert isinstance(error, ReaderError)
    assert str(error).startswith("only a teaser: the page at https://quotidien-sahel.example/")
    assert "looks paywalled" in str(error)
    assert f"({error.chars} characters)" in str(error)
    assert 200 < error.chars < 1500
    assert error.url == PAYWALL_URL


def test_a_teaser_is_paywalled_even_when_long_enough_for_min_chars() -> None:
    with pytest.raises(PaywalledError):
        extract_article(page("paywall-fr.html"), PAYWALL_URL, min_chars=50)


def test_a_paywalled_page_that_carries_the_whole_text_is_extracted() -> None:
    data = page("paywall-fr.html")
    anchor = b'<div class="article__content">'
    more = "".join(
        f"<p>Paragraphe {n} : les familles de la commune de Seytenga racontent le voyage de "
        f"retour, les champs retrouvés en friche et les greniers vidés pendant leur absence.</p>"
        for n in range(1, 15)
    )
    extracted = extract_article(data.replace(anchor, anchor + more.encode()), PAYWALL_URL)
    assert "Paragraphe 14 : les familles" in extracted.text
    assert len(extracted.text) > 1500


def test_a_subscribers_label_on_another_article_is_no_paywall() -> None:
    related = (
        '<aside><a href="/autre/">Mopti : les pêcheurs inquiets '
        "<span>Article réservé aux abonnés</span></a></aside>"
    )
    data = article_page(PARAGRAPHS).replace(b"<footer>", related.encode() + b"<footer>")
    extracted = extract_article(data, "https://nord-info.example/gao")
    assert "La foire régionale de Gao a rouvert" in extracted.text


def test_a_short_page_with_a_paywall_notice_is_paywalled() -> None:
    body = (
        "<p>Le conseil municipal de Kayes a voté mardi un budget en baisse.</p>"
        '<div class="paywall"><p>La suite est réservée aux abonnés.</p></div>'
    )
    with pytest.raises(PaywalledError, match=r"looks paywalled"):
        extract_article(article_page(body), "https://nord-info.example/kayes")


# -- failures ---------------------------------------------------------------------------------

NO_ARTICLE = "has no article text that could be found"
GARBAGE = bytes(random.Random(20260101).randrange(256) for _ in range(20_000))


@pytest.mark.parametrize(
    ("data", "content_type", "message"),
    [
        pytest.param(b"", None, "is empty", id="empty"),
        pytest.param(b"  \r\n\t ", "text/html", "is empty", id="blank"),
        pytest.param(GARBAGE, None, "", id="random bytes"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + GARBAGE, None, "not a web page",
                     id="an image"),
        pytest.param(b"%PDF-1.7\n" + GARBAGE, "application/pdf", "not a web page (application/pdf)",
                     id="a PDF"),
        pytest.param(b"<<<>>><<</ ;;; <!-- <? \xff\xfe", None, "", id="broken markup"),
        pytest.param(b"<html><body></body></html>", None, NO_ARTICLE, id="no body text"),
        pytest.param(
            b"<html><body><nav><a href='/'>Accueil</a></nav><p>Bienvenue.</p>"
            b"<footer>Contact</footer></body></html>", None, NO_ARTICLE, id="no article",
        ),
        pytest.param(b"Just some text, no markup at all.", "text/plain", NO_ARTICLE,
                     id="plain text"),
    ],
)  # fmt: skip
def test_pages_without_an_article_raise_a_readable_error(
    data: bytes, content_type: str | None, message: str
) -> None:
    url = "https://nord-info.example/page"
    with pytest.raises(ExtractionError) as raised:
        extract_article(data, url, content_type=content_type)
    text = str(raised.value)
    assert text.startswith(f"the page at {url} ")
    assert message in text
    assert not isinstance(raised.value, PaywalledError)
    assert raised.value.url == url


def test_min_chars_decides_what_is_too_short() -> None:
    data = article_page(PARAGRAPHS)
    extracted = extract_article(data, "https://nord-info.example/gao", min_chars=200)
    assert len(extracted.text) >= 200
    with pytest.raises(ExtractionError, match=rf"only {len(extracted.text)} characters"):
        extract_article(data, "https://nord-info.example/gao", min_chars=len(extracted.text) + 1)


def test_a_long_url_is_shortened_in_messages() -> None:
    url = "https://nord-info.example/" + "x" * 500
    with pytest.raises(ExtractionError) as raised:
        extract_article(b"", url)
    assert len(str(raised.value)) < 300
    assert raised.value.url == url


# -- language ---------------------------------------------------------------------------------


def test_a_wrong_declared_language_gives_way_to_the_text() -> None:
    extracted = extract_article(article_page(PARAGRAPHS, lang="en-US"), "https://x.example/a")
    assert extracted.language == "fr"


def test_the_declared_language_is_used_when_the_text_says_little() -> None:
    body = "<p>" + " ".join(["Tombouctou Gao Kidal Ménaka Tessalit Anéfis"] * 10) + "</p>"
    extracted = extract_article(article_page(body, lang="fr-ML"), "https://x.example/a")
    assert extracted.language == "fr"


# -- excerpts ---------------------------------------------------------------------------------

LONG_FR = (
    "Les autorités de transition ont annoncé lundi la réouverture de la route nationale entre "
    "Mopti et Gao, fermée depuis trois mois à la suite d'attaques répétées contre des convois "
    "de camions. Les transporteurs saluent une décision attendue, mais demandent des escortes "
    "régulières. Dans les gares routières de Sévaré, les chauffeurs restent prudents et "
    "attendent de voir les premiers convois arriver à destination avant de reprendre la route. "
    "Les commerçants espèrent une baisse rapide des prix des produits de première nécessité, "
    "qui ont fortement augmenté depuis la fermeture de l'axe. Le gouverneur a promis un point "
    "d'étape dans deux semaines."
)
LONG_EN = (
    "Authorities in Niamey announced on Monday that the main road to the Burkina Faso border "
    "would reopen after three months of closure following repeated attacks on lorry convoys. "
    "Hauliers welcomed the decision but asked for regular escorts. At the bus stations of the "
    "capital, drivers remain cautious and want to see the first convoys arrive safely before "
    "they set off again. Traders hope prices of basic goods, which rose sharply while the road "
    "was closed, will fall quickly. The governor promised an update within two weeks, and "
    "officials said engineers would inspect the bridges before the first lorries cross."
)


def test_the_long_samples_are_long() -> None:
    assert len(LONG_FR) >= 600 and len(LONG_EN) >= 600


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        pytest.param(LONG_FR, False, id="full text FR"),
        pytest.param(LONG_EN, False, id="full text EN"),
        pytest.param(LONG_FR + "\n\n", False, id="full text, trailing newlines"),
        pytest.param("Les autorités ont annoncé la réouverture de la route.", True, id="short FR"),
        pytest.param("Authorities announced the road would reopen.", True, id="short EN"),
        pytest.param("", True, id="empty"),
        pytest.param(LONG_FR[:-1] + "…", True, id="ellipsis"),
        pytest.param(LONG_FR[:-1] + "...", True, id="three dots"),
        pytest.param(LONG_FR[:-1] + " […]", True, id="bracketed ellipsis (WordPress)"),
        pytest.param(LONG_FR[:-1] + " [...]", True, id="bracketed dots"),
        pytest.param(LONG_FR[:-1] + " […]  ", True, id="ellipsis, trailing spaces"),
        pytest.param(LONG_FR[:-1] + " (…)", True, id="parenthesized ellipsis"),
        pytest.param(LONG_FR + " Lire la suite", True, id="Lire la suite"),
        pytest.param(LONG_FR + " Lire la suite »", True, id="Lire la suite »"),
        pytest.param(LONG_FR + "… Lire la suite…", True, id="… Lire la suite…"),
        pytest.param(LONG_FR + "\nLIRE LA SUITE →", True, id="upper case, arrow"),
        pytest.param(LONG_FR + " Continuer la lecture", True, id="Continuer la lecture"),
        pytest.param(
            LONG_FR + " Continuer la lecture de « Route Mopti-Gao : la réouverture »", True,
            id="Continuer la lecture de « title »",
        ),
        pytest.param(LONG_FR + " (suite)", True, id="(suite)"),
        pytest.param(LONG_FR + " [Lire la suite]", True, id="[Lire la suite]"),
        pytest.param(LONG_EN + " Read more", True, id="Read more"),
        pytest.param(LONG_EN + " Read more »", True, id="Read more »"),
        pytest.param(LONG_EN + " [Read more...]", True, id="[Read more...]"),
        pytest.param(LONG_EN + " Continue reading →", True, id="Continue reading →"),
        pytest.param(
            LONG_EN + ' Continue reading "Niger reopens the road to Burkina Faso"', True,
            id="Continue reading + title",
        ),
        pytest.param(
            LONG_FR[:-1] + " […]\nL’article Route Mopti-Gao : la réouverture est apparu en "
            "premier sur Le Courrier du Delta.", True, id="WordPress footer after the ellipsis",
        ),
        pytest.param(
            LONG_FR + "\nL’article Route Mopti-Gao est apparu en premier sur Le Courrier.",
            False, id="WordPress footer after a full text",
        ),
        pytest.param(
            LONG_EN + ' "We will see…", he said.', False, id="ellipsis inside a final quote",
        ),
        pytest.param(
            LONG_EN + " Residents say they read more newspapers than ever.", False,
            id="'read more' in a sentence",
        ),
        pytest.param(
            LONG_FR + " Les gens disent qu'ils ont envie de lire la suite des événements.",
            False, id="'lire la suite' inside a sentence",
        ),
        pytest.param(
            LONG_EN + " Teachers say children should read more.", False,
            id="'read more' ending a sentence",
        ),
        pytest.param(LONG_EN + "\nRead more", True, id="Read more on a line of its own"),
    ],
)  # fmt: skip
def test_looks_like_excerpt(text: str, excerpt: bool) -> None:
    assert looks_like_excerpt(text) is excerpt


def test_the_excerpt_threshold_is_a_parameter() -> None:
    assert looks_like_excerpt(LONG_FR, threshold=2000)
    assert not looks_like_excerpt("Une brève complète.", threshold=10)
