"""The reading pane: what it shows, which links it opens, and that it never fetches on its own."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPalette,
    QTextCharFormat,
    QTextDocument,
    QTextImageFormat,
)
from pytestqt.qtbot import QtBot

from reader.core.types import Article, Highlight
from reader.ui.article_html import remote_images
from reader.ui.highlight_marks import PaintedHighlight, body_start, highlight_selections
from reader.ui.reader_view import (
    DOCUMENT_MARGIN,
    LOAD_IMAGES_URL,
    SERIF_FAMILIES,
    ReaderView,
)
from reader.ui.search_marks import SEARCH_HIT, search_selections
from reader.ui.settings import ImagePolicy, ReadingFont, ReadingStyle
from tests.ui.pictures import assert_not_blank

# The offscreen platform warns when a top-level window is shown; it says nothing about us.

IMAGE_URL = "https://img.example/x.jpg"

BODY = f"""<p>À Gao, les marchés ont rouvert mardi après trois semaines de fermeture. Les
commerçants, prudents, évoquent une reprise « fragile » et des prix encore élevés pour les
céréales.</p>
<blockquote><p>Nous avons tout perdu en février ; aujourd'hui nous recommençons, étal par
étal.</p></blockquote>
<p><img src="{IMAGE_URL}" alt="Le marché central de Gao"></p>
<p>Lire aussi <a href="https://courrier-sahel.example/economie/cereales" rel="noopener noreferrer">
la hausse des céréales</a> et écrire à <a href="mailto:redaction@courrier-sahel.example">la
rédaction</a>.</p>
<p>Selon l'Observatoire, la situation reste « très contrastée » d'une région à l'autre, et les
transporteurs attendent la réouverture complète de l'axe Gao–Mopti.</p>"""


def make_article(**fields: object) -> Article:
    values: dict[str, object] = {
        "id": 7,
        "feed_id": 1,
        "key": "gao-marches",
        "title": "Mali : à Gao, les marchés rouvrent après trois semaines d'arrêt",
        "link": "https://courrier-sahel.example/mali/gao-marches",
        "author": "Aïssata Maïga",
        "published": datetime(2026, 11, 27, 14, 30, tzinfo=UTC),
        "updated": None,
        "first_seen": datetime(2026, 11, 27, 15, 0, tzinfo=UTC),
        "read": False,
        "starred": False,
        "feed_title": "Le Courrier du Sahel",
        "content_html": BODY,
        "text": "",
        "tags": ("économie", "Mali"),
        "also_in": ((3, "Radio Kanem Info"),),
    }
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


class Loader:
    """An image loader that records what it was asked for."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, url: str) -> QImage:
        self.calls.append(url)
        image = QImage(400, 300, QImage.Format.Format_RGB32)
        image.fill(QColor("darkgreen"))
        return image


class Opener:
    def __init__(self) -> None:
        self.calls: list[QUrl] = []

    def __call__(self, url: QUrl) -> bool:
        self.calls.append(url)
        return True


@pytest.fixture
def view(qtbot: QtBot) -> ReaderView:
    widget = ReaderView()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    return widget


@pytest.fixture
def opener(view: ReaderView) -> Opener:
    fake = Opener()
    view.open_url = fake
    return fake


def lay_out(view: ReaderView) -> None:
    """Draw the view once: Qt asks for images only when it lays the document out."""
    view.grab()


def test_shows_header_and_body(view: ReaderView) -> None:
    article = make_article()
    view.show_article(article, images=ImagePolicy.ASK)
    text = view.toPlainText()
    assert article.title in text
    assert "Le Courrier du Sahel" in text
    assert "Aïssata Maïga" in text
    assert "2026" in text
    assert "les marchés ont rouvert mardi" in text
    assert "Nous avons tout perdu en février" in text
    assert "Open original" in text
    assert "économie" in text and "Mali" in text
    assert "Also in: Radio Kanem Info" in text
    assert view.article() is article


def test_header_without_optional_parts(view: ReaderView) -> None:
    view.show_article(
        make_article(author=None, link=None, tags=(), also_in=(), content_html="<p>Court.</p>")
    )
    text = view.toPlainText()
    assert "Open original" not in text
    assert "Also in" not in text
    assert "Images are not loaded" not in text
    assert "Court." in text


def test_title_is_escaped(view: ReaderView) -> None:
    view.show_article(make_article(title="<b>Pas</b> du HTML & co", content_html=""))
    assert "<b>Pas</b> du HTML & co" in view.toPlainText()


def test_showing_the_same_article_again_keeps_the_position(view: ReaderView) -> None:
    long_body = "".join(f"<p>Paragraphe {i} : la suite du reportage à Gao.</p>" for i in range(80))
    view.show_article(make_article(content_html=long_body))
    view.show()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    position = bar.value()
    assert position > 0
    view.show_article(make_article(content_html=long_body, starred=True))
    assert bar.value() == position
    view.show_article(make_article(id=8, content_html=long_body))
    assert bar.value() == 0


def test_empty_state(view: ReaderView) -> None:
    view.show_article(make_article())
    view.show_article(None, images=ImagePolicy.ASK)
    assert "Select an article to read it" in view.toPlainText()
    assert view.article() is None


def test_remote_images_are_placeholders_until_allowed(view: ReaderView) -> None:
    loader = Loader()
    view.set_image_loader(loader)
    view.show_article(make_article(), images=ImagePolicy.ASK)
    lay_out(view)
    assert "Images are not loaded" in view.toPlainText()
    assert loader.calls == []
    image = view.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(IMAGE_URL))
    assert image == view.placeholder_image()
    assert (image.width(), image.height()) == (160, 90)
    assert loader.calls == []
    assert not view.images_allowed()


def test_load_images_link_asks_the_loader(view: ReaderView, qtbot: QtBot, opener: Opener) -> None:
    loader = Loader()
    view.set_image_loader(loader)
    view.show_article(make_article(), images=ImagePolicy.ASK)
    lay_out(view)
    with qtbot.wait_signal(view.load_images_requested), qtbot.assert_not_emitted(view.link_refused):
        view.anchorClicked.emit(QUrl(LOAD_IMAGES_URL))
    lay_out(view)
    assert loader.calls == [IMAGE_URL]
    assert view.images_allowed()
    assert "Images are not loaded" not in view.toPlainText()
    assert opener.calls == []


def test_images_always_loads_without_banner(view: ReaderView) -> None:
    loader = Loader()
    view.set_image_loader(loader)
    view.show_article(make_article(), images=ImagePolicy.ALWAYS)
    lay_out(view)
    assert "Images are not loaded" not in view.toPlainText()
    assert loader.calls == [IMAGE_URL]
    image = view.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(IMAGE_URL))
    assert image.width() <= view.viewport().width()


def test_allowed_images_without_loader_stay_placeholders(view: ReaderView) -> None:
    view.show_article(make_article(), images=ImagePolicy.ALWAYS)
    image = view.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(IMAGE_URL))
    assert image == view.placeholder_image()


def test_images_arriving_later_are_shown(view: ReaderView) -> None:
    view.show_article(make_article(), images=ImagePolicy.ALWAYS)
    late = QImage(50, 40, QImage.Format.Format_RGB32)
    late.fill(QColor("navy"))
    view.on_image_loaded(IMAGE_URL, late)
    image = view.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(IMAGE_URL))
    assert (image.width(), image.height()) == (50, 40)


def test_local_images_are_never_read(view: ReaderView) -> None:
    loader = Loader()
    view.set_image_loader(loader)
    view.show_article(make_article(), images=ImagePolicy.ALWAYS)
    for url in ("file:///etc/passwd", "relative/picture.png", "ftp://img.example/x.jpg"):
        image = view.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
        assert image == view.placeholder_image()
    assert loader.calls == []


def test_other_resources_are_not_loaded(view: ReaderView) -> None:
    view.show_article(make_article())
    kind = QTextDocument.ResourceType.StyleSheetResource.value
    assert view.loadResource(kind, QUrl("https://evil.example/x.css")) is None


@pytest.mark.parametrize(
    "url", ["https://courrier-sahel.example/economie", "http://a.example/", "mailto:r@x.example"]
)
def test_web_and_mail_links_open(view: ReaderView, qtbot: QtBot, opener: Opener, url: str) -> None:
    view.show_article(make_article())
    with (
        qtbot.wait_signal(view.link_activated) as blocker,
        qtbot.assert_not_emitted(view.link_refused),
    ):
        view.anchorClicked.emit(QUrl(url))
    assert blocker.args == [QUrl(url)]
    assert opener.calls == [QUrl(url)]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<b>x</b>",
        "ftp://files.example/a.txt",
        "press-reader:delete-everything",
    ],
)
def test_other_links_are_refused(view: ReaderView, qtbot: QtBot, opener: Opener, url: str) -> None:
    view.show_article(make_article())
    with (
        qtbot.wait_signal(view.link_refused) as blocker,
        qtbot.assert_not_emitted(view.link_activated),
    ):
        view.anchorClicked.emit(QUrl(url))
    assert blocker.args == [QUrl(url)]
    assert opener.calls == []


def test_hovered_link_is_reported(view: ReaderView, qtbot: QtBot) -> None:
    view.show_article(make_article())
    with qtbot.wait_signal(view.link_hovered) as blocker:
        view.highlighted.emit(QUrl("https://courrier-sahel.example/economie"))
    assert blocker.args == ["https://courrier-sahel.example/economie"]
    with qtbot.wait_signal(view.link_hovered) as blocker:
        view.highlighted.emit(QUrl())
    assert blocker.args == [""]


def test_dark_palette_is_respected(view: ReaderView) -> None:
    palette = QPalette(view.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1f22"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e6e1d6"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#8ab4f8"))
    view.setPalette(palette)
    view.show_article(make_article())
    sheet = view.document().defaultStyleSheet()
    assert "#e6e1d6" in sheet
    assert "#8ab4f8" in sheet
    assert view.placeholder_image().pixelColor(80, 5).lightness() < 128


def test_font_size(view: ReaderView) -> None:
    view.show_article(make_article())
    view.set_font_size(18)
    assert view.document().defaultFont().pointSizeF() == 18
    assert "31.5pt" in view.document().defaultStyleSheet()  # h1 at 1.75 ×
    view.set_font_size(0)
    assert view.document().defaultFont().pointSizeF() > 0
    assert "Gao" in view.toPlainText()


def test_remote_images_helper() -> None:
    fragment = (
        '<img src="https://a.example/1.jpg?x=1&amp;y=2"><img src="relative.png">'
        '<img src="https://a.example/1.jpg?x=1&amp;y=2"><img src="http://b.example/2.png">'
    )
    assert remote_images(fragment) == [
        "https://a.example/1.jpg?x=1&y=2",
        "http://b.example/2.png",
    ]
    assert remote_images("<p>no images</p>") == []


def test_screenshot(view: ReaderView, tmp_path: Path) -> None:
    view.show_article(make_article(), images=ImagePolicy.ASK)
    path = tmp_path / "reader_view.png"
    assert view.grab().save(str(path))
    assert_not_blank(QImage(str(path)))


# -- the reading column --------------------------------------------------------------------


def column_margins(view: ReaderView) -> tuple[float, float]:
    frame = view.document().rootFrame().frameFormat()
    return frame.leftMargin(), frame.rightMargin()


def test_a_wide_view_centres_a_column_of_about_75_characters(view: ReaderView) -> None:
    view.resize(1920, 900)
    view.show()
    view.show_article(make_article())
    left, right = column_margins(view)
    assert left == right > 500  # centred, the rest of the width left empty
    column = view.column_width()
    assert abs(column - (view.viewport().width() - left - right)) <= 1
    # About 75 characters of running text a line (70 to 80).
    document = view.document()
    lines = []
    block = document.findBlock(document.toPlainText().index("les marchés ont rouvert"))
    layout = block.layout()
    for i in range(layout.lineCount() - 1):  # the last line of a paragraph is short
        lines.append(layout.lineAt(i).textLength())
    assert lines and all(60 <= length <= 90 for length in lines), lines


def test_a_narrow_view_gives_the_column_its_whole_width(view: ReaderView) -> None:
    view.resize(420, 600)
    view.show()
    view.show_article(make_article())
    assert column_margins(view) == (DOCUMENT_MARGIN, DOCUMENT_MARGIN)
    assert view.column_width() == view.viewport().width() - 2 * DOCUMENT_MARGIN


def test_the_column_follows_the_view_as_it_is_resized(view: ReaderView) -> None:
    view.show()
    view.show_article(make_article())
    view.resize(1600, 700)
    wide = column_margins(view)[0]
    view.resize(700, 700)
    assert column_margins(view)[0] < wide
    assert "les marchés ont rouvert" in view.toPlainText()


def test_the_reading_style_sets_font_spacing_and_column(view: ReaderView) -> None:
    view.resize(1920, 900)
    view.show()
    view.show_article(make_article())
    normal = view.column_width()
    sans = view.document().defaultFont()
    view.set_reading_style(
        ReadingStyle(font_size=14, font=ReadingFont.SERIF, line_spacing=180, column_width=60)
    )
    font = view.document().defaultFont()
    assert font.pointSizeF() == 14
    assert font.families()[: len(SERIF_FAMILIES)] == list(SERIF_FAMILIES)
    assert font.styleHint() == QFont.StyleHint.Serif and sans.styleHint() != font.styleHint()
    line = QFontMetricsF(font).height()
    assert f"line-height: {round(line * 0.8)}px" in view.document().defaultStyleSheet()
    narrow = view.column_width()
    view.set_reading_style(ReadingStyle(font_size=14, font=ReadingFont.SERIF, column_width=90))
    assert view.column_width() > narrow
    assert normal > 0 and "Gao" in view.toPlainText()


def test_a_blocked_image_is_a_small_box_whatever_size_the_page_gives_it(
    view: ReaderView,
) -> None:
    body = (
        f'<figure><img src="{IMAGE_URL}" width="1600" height="1200">'
        "<figcaption>Gao.</figcaption></figure>"
    )
    view.resize(1920, 900)
    view.show()
    view.show_article(make_article(content_html=body), images=ImagePolicy.ASK)
    lay_out(view)
    (image,) = images_of(view.document())
    assert (image.width(), image.height()) == (0, 0)  # no size: the placeholder's own
    assert image.name() == IMAGE_URL
    # The caption is a paragraph of its own, under the box.
    assert "\nGao." in view.toPlainText()


def test_an_allowed_image_is_never_wider_than_the_column(view: ReaderView) -> None:
    body = f'<p><img src="{IMAGE_URL}" width="1600" height="1200"></p>'
    view.resize(1920, 900)
    view.show()
    view.set_image_loader(Loader())
    view.show_article(make_article(content_html=body), images=ImagePolicy.ALWAYS)
    (image,) = images_of(view.document())
    assert 0 < image.width() <= view.column_width()
    assert image.height() == round(1200 * image.width() / 1600)


def images_of(document: QTextDocument) -> list[QTextImageFormat]:
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(fmt.toImageFormat())
            it += 1
        block = block.next()
    return found


# -- search hits and highlights ------------------------------------------------------------


def test_search_hits_are_underlined_not_painted_like_highlights(view: ReaderView) -> None:
    view.show_article(make_article())
    document = view.document()
    hits = search_selections(document, "marchés")
    assert [hit.cursor.selectedText().casefold() for hit in hits][-1] == "marchés"
    start = body_start(document)
    when = datetime(2026, 11, 28, tzinfo=UTC)
    highlight = Highlight(1, 7, "t", None, "f", "À Gao", "", "", 0, 5, "yellow", "", (), when, when)
    marks = highlight_selections(document, [PaintedHighlight(start, start + 5, highlight)])
    for hit in hits:
        fmt = hit.format
        assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
        assert fmt.background().style() == Qt.BrushStyle.NoBrush
        assert fmt.property(SEARCH_HIT) is True
    (mark,) = marks
    assert mark.format.background().style() != Qt.BrushStyle.NoBrush
    assert mark.format.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    assert not mark.format.hasProperty(SEARCH_HIT)


# -- the empty state -----------------------------------------------------------------------


def test_the_empty_text_appears_once_after_a_long_article(view: ReaderView) -> None:
    # A long article has a scroll bar; the empty state has none, so showing it resizes the
    # viewport while the document is being replaced.
    long_body = "".join(f"<p>Paragraphe {i} : la suite du reportage à Gao.</p>" for i in range(80))
    view.show()
    view.show_article(make_article(content_html=long_body))
    assert view.verticalScrollBar().maximum() > 0
    view.show_article(None)
    assert view.toPlainText() == "Select an article to read it"
    view.resize(700, 300)
    assert view.toPlainText() == "Select an article to read it"
    top = view.document().rootFrame().frameFormat().topMargin()
    assert top == max(DOCUMENT_MARGIN, view.viewport().height() // 3)
