"""Removing page and feed clutter (share buttons, related posts, comment forms…) from articles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.clutter import (
    CLUTTER,
    MAX_REMOVED_SHARE,
    Action,
    ClutterPattern,
    strip_clutter,
)
from reader.core.sanitize import (
    _CLEANER,
    _text_of_clean,
    html_to_text,
    sanitize_html,
    sanitize_with_text,
)


def sanitize_html_without_clutter(markup: str) -> str:
    """What sanitizing gave before clutter was removed: nh3's output alone."""
    cleaned: str = _CLEANER.clean(markup)
    return cleaned


def html_to_text_of_clean(clean: str) -> str:
    """The canonical text of HTML already sanitized, without sanitizing it again."""
    return _text_of_clean(clean)


# -- articles, in the shapes CMSs write them -----------------------------------------------

ARTICLE_FR = (
    "<p>Les autorités de transition du Mali ont annoncé lundi la fin de la mission de "
    "stabilisation, après dix ans de présence dans le nord du pays.</p>\n"
    "<p>Selon le porte-parole du gouvernement, le retrait des contingents sera achevé d’ici "
    "décembre, et les camps de Gao et de Tombouctou seront remis à l’armée malienne.</p>\n"
    "<p>Les organisations humanitaires s’inquiètent d’un vide sécuritaire dans la région de "
    "Ménaka, où les déplacés se comptent déjà par dizaines de milliers.</p>\n"
)
ARTICLE_EN = (
    "<p>Mali’s transitional authorities announced on Monday the end of the stabilisation "
    "mission, after ten years in the north of the country.</p>\n"
    "<p>According to the government spokesperson, the withdrawal of the contingents will be "
    "complete by December, and the camps in Gao and Timbuktu handed over to the army.</p>\n"
    "<p>Humanitarian organisations fear a security vacuum in the Ménaka region, where tens "
    "of thousands of people have already been displaced.</p>\n"
)

#: WordPress + Jetpack, as in a feed's content:encoded: share buttons, likes, related
#: posts, then the "appeared first on" footer of SEO plugins.
WORDPRESS_FEED_EN = ARTICLE_EN + (
    '<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block '
    'sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3>'
    '<div class="sd-content"><ul><li class="share-twitter"><a rel="nofollow noopener '
    'noreferrer" data-shared="sharing-twitter-4121" class="share-twitter sd-button '
    'share-icon" href="https://sahelwatch.example/2024/05/mali/?share=twitter" '
    'target="_blank" title="Click to share on Twitter"><span>Twitter</span></a></li>'
    '<li class="share-facebook"><a href="https://sahelwatch.example/2024/05/mali/'
    '?share=facebook" title="Click to share on Facebook"><span>Facebook</span></a></li>'
    '<li class="share-end"></li></ul></div></div></div>\n'
    '<div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper '
    'jetpack-likes-widget-unloaded" id="like-post-wrapper-1-4121" data-name="like-post-frame">'
    '<h3 class="sd-title">Like this:</h3><div class="likes-widget-placeholder '
    'post-likes-widget-placeholder" style="height: 55px;"><span class="button"><span>Like'
    '</span></span> <span class="loading">Loading...</span></div><span class="sd-text-color">'
    '</span><a class="sd-link-color"></a></div>\n'
    "<div id='jp-relatedposts' class='jp-relatedposts'><h3 class=\"jp-relatedposts-headline\">"
    "<em>Related</em></h3></div>\n"
    '<p>The post <a rel="nofollow" href="https://sahelwatch.example/2024/05/mali/">Mali ends '
    'the stabilisation mission</a> appeared first on <a rel="nofollow" '
    'href="https://sahelwatch.example">Sahel Watch</a>.</p>'
)

#: The same in French, as Jetpack translates it.
WORDPRESS_FEED_FR = ARTICLE_FR + (
    '<div class="sharedaddy sd-sharing-enabled"><div class="sd-block sd-social"><h3 '
    'class="sd-title">Partager&nbsp;:</h3><div class="sd-content"><ul><li><a href="https://'
    'sahelhebdo.example/mali/?share=twitter" target="_blank"><span>Cliquez pour partager '
    'sur Twitter(ouvre dans une nouvelle fenêtre)</span></a></li><li><a href="https://'
    'sahelhebdo.example/mali/?share=facebook"><span>Cliquez pour partager sur Facebook'
    "(ouvre dans une nouvelle fenêtre)</span></a></li></ul></div></div></div>\n"
    '<div class="sharedaddy sd-block sd-like"><h3 class="sd-title">J&#8217;aime ça&nbsp;:'
    '</h3><div class="likes-widget-placeholder"><span class="button"><span>J&#8217;aime'
    '</span></span> <span class="loading">chargement&hellip;</span></div></div>\n'
    '<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">'
    "<em>Articles similaires</em></h3></div>\n"
    '<p>L&#8217;article <a href="https://sahelhebdo.example/mali/">Mali : fin de la mission'
    '</a> est apparu en premier sur <a href="https://sahelhebdo.example">Sahel Hebdo</a>.</p>'
)

#: A French WordPress page body: the comment form follows the article (the form, its
#: inputs and textarea are gone after sanitizing; their labels are not).
WORDPRESS_PAGE_FR = ARTICLE_FR + (
    '<div id="respond" class="comment-respond"><h3 id="reply-title" '
    'class="comment-reply-title">Laisser un commentaire <small><a rel="nofollow" '
    'id="cancel-comment-reply-link" href="/mali/#respond" style="display:none;">Annuler la '
    'réponse</a></small></h3><form action="https://sahelhebdo.example/wp-comments-post.php" '
    'method="post" id="commentform" class="comment-form" novalidate><p class="comment-notes">'
    '<span id="email-notes">Votre adresse e-mail ne sera pas publiée.</span> <span '
    'class="required-field-message">Les champs obligatoires sont indiqués avec <span '
    'class="required">*</span></span></p><p class="comment-form-comment"><label '
    'for="comment">Commentaire <span class="required">*</span></label> <textarea '
    'id="comment" name="comment" cols="45" rows="8" required></textarea></p><p '
    'class="comment-form-author"><label for="author">Nom <span class="required">*</span>'
    '</label> <input id="author" name="author" type="text" value="" size="30" required /></p>'
    '<p class="comment-form-email"><label for="email">E-mail <span class="required">*'
    '</span></label> <input id="email" name="email" type="email" value="" size="30" /></p>'
    '<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" '
    'name="wp-comment-cookies-consent" type="checkbox" value="yes" /> <label '
    'for="wp-comment-cookies-consent">Enregistrer mon nom, mon e-mail et mon site dans le '
    'navigateur pour mon prochain commentaire.</label></p><p class="form-submit"><input '
    'name="submit" type="submit" id="submit" class="submit" value="Laisser un commentaire" />'
    "</p></form></div>"
)

#: The same page in English, with the comment form's heading at the top level.
WORDPRESS_PAGE_EN = ARTICLE_EN + (
    '<h3 id="reply-title" class="comment-reply-title">Leave a Reply <small><a '
    'rel="nofollow" href="#respond">Cancel reply</a></small></h3>'
    '<p class="comment-notes">Your email address will not be published. Required fields '
    "are marked *</p><p>Comment *</p><p>Name *</p><p>Email *</p><p>Website</p>"
    "<p>Save my name, email, and website in this browser for the next time I comment.</p>"
)

#: SPIP: a "Sur le même sujet" box, then "Dans la même rubrique" after the article.
SPIP_FR = (
    '<div class="texte">' + ARTICLE_FR + "</div>\n"
    '<div class="menu articles"><h2>Sur le même sujet</h2><ul><li><a '
    'href="spip.php?article1845">Niger : les déplacés de Tillabéri</a></li><li><a '
    'href="spip.php?article1850">Burkina Faso : l’accès à l’eau</a></li></ul></div>'
)

#: A newsletter box inside the article, and an inline "Lire aussi" between paragraphs.
NEWSLETTER_FR = (
    ARTICLE_FR.replace(
        "</p>\n<p>Selon",
        '</p>\n<p><strong>À lire aussi :</strong> <a href="/niger">Au Niger, la junte '
        "suspend les exportations</a></p>\n<p>Selon",
    )
    + '<div class="newsletter-box"><h4>Abonnez-vous à notre newsletter</h4><p>Recevez '
    "chaque matin l’essentiel de l’actualité du Sahel.</p><p>S’inscrire</p></div>"
)

#: A cookie banner that a page extraction left at the end of the body.
COOKIES_EN = ARTICLE_EN + (
    "<p>We use cookies to give you the best experience on our website. By continuing to "
    'browse, you agree to our use of cookies. <a href="/privacy">Privacy policy</a></p>'
)
COOKIES_FR = ARTICLE_FR + (
    "<div><p>Ce site utilise des cookies pour améliorer votre expérience de navigation."
    "</p><p>Accepter</p><p>Refuser</p></div>"
)

CLUTTER_PHRASES = (
    "Share this",
    "Twitter",
    "Facebook",
    "Like this",
    "Loading",
    "Related",
    "appeared first on",
    "Partager",
    "Cliquez pour partager",
    "aime",
    "chargement",
    "Articles similaires",
    "est apparu en premier",
    "Laisser un commentaire",
    "Annuler",
    "Votre adresse",
    "Commentaire",
    "Nom *",
    "Enregistrer mon nom",
    "Leave a Reply",
    "Your email address",
    "Save my name",
    "Sur le même sujet",
    "Tillabéri",
    "À lire aussi",
    "Au Niger, la junte",
    "Abonnez-vous",
    "Recevez chaque matin",
    "S’inscrire",
    "cookies",
    "Privacy policy",
    "Accepter",
    "Refuser",
)


@pytest.mark.parametrize(
    ("markup", "article"),
    [
        pytest.param(WORDPRESS_FEED_EN, ARTICLE_EN, id="wordpress-feed-en"),
        pytest.param(WORDPRESS_FEED_FR, ARTICLE_FR, id="wordpress-feed-fr"),
        pytest.param(WORDPRESS_PAGE_FR, ARTICLE_FR, id="wordpress-comment-form-fr"),
        pytest.param(WORDPRESS_PAGE_EN, ARTICLE_EN, id="wordpress-comment-form-en"),
        pytest.param(SPIP_FR, ARTICLE_FR, id="spip-same-subject"),
        pytest.param(NEWSLETTER_FR, ARTICLE_FR, id="newsletter-and-read-also"),
        pytest.param(COOKIES_EN, ARTICLE_EN, id="cookie-banner-en"),
        pytest.param(COOKIES_FR, ARTICLE_FR, id="cookie-banner-fr"),
    ],
)
def test_clutter_goes_and_the_article_stays(markup: str, article: str) -> None:
    safe, text = sanitize_with_text(markup, "https://sahel.example/")
    assert text == html_to_text(article)
    assert html_to_text(safe) == text
    for phrase in CLUTTER_PHRASES:
        assert phrase not in text
        assert phrase not in safe


def test_wordpress_feed_keeps_its_markup_but_loses_the_wrappers() -> None:
    assert sanitize_html(WORDPRESS_FEED_EN) == sanitize_html(ARTICLE_EN)


def test_an_inline_read_also_takes_only_its_paragraph() -> None:
    text = html_to_text(NEWSLETTER_FR)
    paragraphs = text.split("\n\n")
    assert paragraphs[1].startswith("Selon le porte-parole")
    assert len(paragraphs) == 3


# -- every pattern -------------------------------------------------------------------------


def _case_forms(phrase: str) -> list[str]:
    return [
        phrase,
        phrase.lower(),
        phrase.upper(),
        phrase[0].upper() + phrase[1:],
        " ".join(word[:1].upper() + word[1:] for word in phrase.split(" ")),
    ]


@pytest.mark.parametrize("pattern", CLUTTER, ids=lambda p: p.name)
def test_every_pattern_removes_its_example_in_any_usual_case(pattern: ClutterPattern) -> None:
    for example in _case_forms(pattern.example):
        for markup in (f"<p>{example}</p>", f"<h3>\n<em>{example}</em></h3>"):
            html = sanitize_html(ARTICLE_FR)
            assert strip_clutter(f"{html}\n{markup}") == html, markup


def test_patterns_are_documented_and_distinct() -> None:
    names = [pattern.name for pattern in CLUTTER]
    assert len(set(names)) == len(names)
    assert {pattern.action for pattern in CLUTTER} == set(Action)
    for pattern in CLUTTER:
        assert pattern.example
        assert not pattern.regex.pattern.startswith("^")  # re.match anchors it already


@pytest.mark.parametrize(
    "typography",
    [
        "<p>J'aime ça :</p>",  # straight apostrophe
        "<p>J&#8217;aime&nbsp;ça&nbsp;:</p>",  # entities, no-break spaces
        "<p>A lire aussi : <a href='/x'>Le Tchad et ses voisins</a></p>",  # no accent
        "<p>  Sur le meme sujet</p>",
        "<p>Partager\u202f:</p>",  # narrow no-break space
        "<p>&nbsp; Partager :</p>",
        "<div>\n  <h3>\n<em>Share&nbsp;this:</em></h3></div>",
        "<p>Related posts:</p><ol><li><a href='/a'>One</a></li><li><a href='/b'>Two</a></li></ol>",
    ],
)
def test_accents_apostrophes_and_spaces_do_not_matter(typography: str) -> None:
    html = sanitize_html(ARTICLE_FR)
    assert sanitize_html(ARTICLE_FR + typography) == html


# -- what must stay ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prose",
    [
        # The phrases in the middle of prose.
        "<p>Les éleveurs refusent de partager les points d’eau : « Partager : voilà le mot "
        "que Bamako n’a jamais prononcé », dit l’un d’eux. Share this: nothing.</p>",
        "<p>La CNIL a rappelé que « ce site utilise des cookies » ne suffit pas, et que "
        "accepter les cookies doit rester un choix libre.</p>",
        "<p>Officials said they would not share this information. Read more: nothing.</p>",
        # Paragraphs that begin like clutter but are prose.
        "<p>Share prices in Bamako fell after the announcement.</p>",
        "<p>Partager les ressources en eau reste le principal défi des communes.</p>",
        "<p>Like many countries in the Sahel, Mali has reshaped its alliances.</p>",
        "<p>Related to this, the ministry said the talks would resume.</p>",
        "<p>Sur le même sujet, le ministre a déclaré que rien n’était décidé.</p>",
        "<p>L’article 5 de la Charte de la transition prévoit des élections.</p>",
        "<p>The post of prime minister has been vacant since March.</p>",
        "<p>Leave a comment box empty, the form said, and nobody will notice.</p>"
        "<p>That was the advice of the commission.</p>",
        "<p>Loading of the trucks began at dawn in Gao.</p>",
    ],
)
def test_prose_that_mentions_clutter_stays(prose: str) -> None:
    for markup in (ARTICLE_FR + prose, ARTICLE_EN + prose + ARTICLE_EN.replace("Mali", "Niger")):
        html = sanitize_html_without_clutter(markup).strip()
        assert sanitize_html(markup) == html
        assert strip_clutter(html) is html


def test_a_list_of_the_article_after_a_read_also_stays() -> None:
    markup = (
        ARTICLE_FR + "<p>Lire aussi : <a href='/n'>Le Niger</a></p>"
        "<ul><li>Les camps seront remis à l’armée.</li><li>Le retrait s’achève.</li></ul>"
    )
    assert html_to_text(markup) == html_to_text(ARTICLE_FR) + (
        "\n\n• Les camps seront remis à l’armée.\n• Le retrait s’achève."
    )


def test_text_after_a_heading_in_the_article_stays() -> None:
    markup = (
        ARTICLE_EN + "<h3>Related</h3><ul><li><a href='/a'>Niger</a></li></ul>"
        "<p>Meanwhile, in Chad, the government reopened the border.</p>"
    )
    text = html_to_text(markup)
    assert (
        text
        == html_to_text(ARTICLE_EN) + "\n\nMeanwhile, in Chad, the government reopened the border."
    )


def test_a_read_also_in_a_part_of_the_article_takes_only_its_paragraph() -> None:
    # SPIP writes the lead and the body in two blocks: the body is not the first text's
    # container, and it is no box of clutter either.
    lead = "<div class='chapo'><p>Le retrait de la mission s’achève.</p></div>"
    body = ARTICLE_FR.replace("</p>\n<p>Selon", "</p>\n<p>Lire aussi : Le Niger</p>\n<p>Selon")
    markup = f"{lead}<div class='texte'>{body}</div>"
    assert html_to_text(markup) == html_to_text(lead + ARTICLE_FR)


def test_the_first_block_is_never_removed() -> None:
    markup = "<p>Lire aussi : notre dossier sur le Sahel</p>" + ARTICLE_FR
    assert html_to_text(markup) == "Lire aussi : notre dossier sur le Sahel\n\n" + html_to_text(
        ARTICLE_FR
    )
    only = "<p>The post Mali ends the mission appeared first on Sahel Watch.</p>"
    assert html_to_text(only) == "The post Mali ends the mission appeared first on Sahel Watch."


def test_nothing_is_removed_when_it_would_take_too_much_of_the_text() -> None:
    share = (
        "<h3>Partager :</h3>"
        "<ul><li><a href='/t'>Twitter</a></li><li><a href='/f'>Facebook</a></li></ul>"
    )
    short = "<p>Bamako, lundi.</p><p>Un court article.</p>"
    # 25 characters of clutter out of 56: more than 40 %, so all of it is kept.
    assert MAX_REMOVED_SHARE == 0.4
    assert (
        html_to_text(short + share)
        == html_to_text(short) + "\n\nPartager :\n\n• Twitter\n• Facebook"
    )
    longer = short + "<p>" + "Un article plus long, sur plusieurs lignes. " * 2 + "</p>"
    assert sanitize_html(longer + share) == sanitize_html(longer)


def test_quotes_are_never_removed() -> None:
    quote = "<blockquote><p>Partager :</p><p>Twitter, Facebook</p></blockquote>"
    assert (
        html_to_text(ARTICLE_FR + quote)
        == html_to_text(ARTICLE_FR) + "\n\nPartager :\n\nTwitter, Facebook"
    )
    # A clutter heading goes; the quote after it, in the article or in a box, stays.
    niamey = "<blockquote><p>Our correspondent in Niamey writes…</p></blockquote>"
    assert html_to_text(ARTICLE_EN + "<h2>Related</h2>" + niamey) == html_to_text(
        ARTICLE_EN + niamey
    )
    boxed = f"<div><h3>Share this:</h3><ul><li><a href='/t'>Twitter</a></li></ul>{niamey}</div>"
    assert html_to_text(ARTICLE_EN + boxed) == html_to_text(ARTICLE_EN + niamey)


# -- properties ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "markup",
    [WORDPRESS_FEED_EN, WORDPRESS_FEED_FR, WORDPRESS_PAGE_FR, SPIP_FR, NEWSLETTER_FR, COOKIES_FR],
)
def test_stripping_is_idempotent(markup: str) -> None:
    once = sanitize_html(markup, "https://sahel.example/")
    assert strip_clutter(once) == once
    assert sanitize_html(once, "https://sahel.example/") == once


@pytest.mark.parametrize(
    "markup",
    [
        "",
        "plain text",
        "<p>Partager :</p>",  # only a first block
        "<p>a <b>b</p>",
        ARTICLE_FR + "<p>Partager :</p></div>",  # a stray end tag: not nh3's output
        ARTICLE_FR + "<p>Partager :",  # an unclosed element
    ],
)
def test_unmatched_or_foreign_html_is_returned_as_is(markup: str) -> None:
    assert strip_clutter(markup) is markup


_PROSE = st.sampled_from(
    [
        "<p>Prose: the army withdrew from Gao on Monday, officials said.</p>",
        "<p>Prose : la mission a quitté Tombouctou, selon le ministère.</p>",
        "<p>Prose, with <a href='/x'>a link</a> and <em>emphasis</em>.</p>",
        "<ul><li>Prose item one</li><li>Prose item two</li></ul>",
        "<blockquote><p>Quoted: Partager : Twitter</p></blockquote>",
        "<p>Prose <img src='/i.png'> beside an image.</p>",
    ]
)
_CLUTTER_BLOCKS = st.sampled_from(
    [f"<p>{pattern.example}</p>" for pattern in CLUTTER]
    + [f"<h3>{pattern.example}</h3>" for pattern in CLUTTER]
    + ["<ul><li><a href='/t'>Twitter</a></li><li><a href='/f'>Facebook</a></li></ul>"]
)
_BLOCKS = st.recursive(
    st.one_of(_PROSE, _CLUTTER_BLOCKS),
    lambda inner: st.lists(inner, min_size=1, max_size=4).map(lambda b: f"<div>{''.join(b)}</div>"),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_BLOCKS, min_size=1, max_size=8))
def test_any_mix_of_prose_and_clutter(blocks: list[str]) -> None:
    safe = sanitize_html_without_clutter("\n".join(blocks)).strip()
    stripped = strip_clutter(safe)
    assert strip_clutter(stripped) == stripped
    assert sanitize_html_without_clutter(stripped) == stripped  # still nh3's own form
    before, after = html_to_text_of_clean(safe), html_to_text_of_clean(stripped)
    assert after.partition("\n")[0] == before.partition("\n")[0]  # the first block stays
    assert before.count("Quoted:") == after.count("Quoted:")
    if stripped != safe:
        assert len(after) >= (1 - MAX_REMOVED_SHARE) * len(before) - 40
