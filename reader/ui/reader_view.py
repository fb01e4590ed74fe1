"""The reading pane: one article's header and sanitized body, never fetched from the network."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

from PySide6.QtCore import QDateTime, QEvent, QLocale, QPointF, QRectF, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget

from reader.core.types import Article
from reader.ui.settings import ImagePolicy

#: The internal link of the "Load images for this article" action.
LOAD_IMAGES_URL = "press-reader:load-images"
INTERNAL_SCHEME = "press-reader"

#: Links the view hands to the system (the browser, the mail client).
OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})
#: Image addresses that are remote: shown as placeholders until images are allowed.
REMOTE_SCHEMES = frozenset({"http", "https"})

PLACEHOLDER_SIZE = (160, 90)
DOCUMENT_MARGIN = 24

#: Loads one image by URL, or returns None when it has none (yet) to show.
ImageLoader = Callable[[str], QImage | None]

# nh3 serializes <blockquote> without attributes; Qt's rich text cannot draw a left border
# on a block, only on a table cell, so quotes become one-cell tables.
_QUOTE_OPEN = re.compile(r"<blockquote\b[^>]*>", re.IGNORECASE)
_QUOTE_CLOSE = re.compile(r"</blockquote\s*>", re.IGNORECASE)
_QUOTE_TABLE_OPEN = (
    '<table class="quote" width="100%" cellspacing="0" cellpadding="0"><tr><td class="quote">'
)
_QUOTE_TABLE_CLOSE = "</td></tr></table>"


class _ImageSources(HTMLParser):
    """Collects the ``src`` of every ``<img>`` in a fragment, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            src = dict(attrs).get("src")
            if src and src not in self.sources:
                self.sources.append(src)


def remote_images(fragment: str) -> list[str]:
    """The distinct http(s) image addresses of an HTML fragment, in document order."""
    if "<img" not in fragment.lower():
        return []
    parser = _ImageSources()
    parser.feed(fragment)
    parser.close()
    return [src for src in parser.sources if QUrl(src).scheme().lower() in REMOTE_SCHEMES]


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved towards ``b`` by ``amount`` (0 = a, 1 = b)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


class ReaderView(QTextBrowser):
    """Shows one article: title, source, author, date, tags, then its sanitized HTML.

    The view never touches the network. Remote images are shown as placeholders until the
    user allows them for the article (or the policy is "always"); then each image is asked
    of the loader given to :meth:`set_image_loader`. Links open in the system browser only
    for http, https and mailto; every other scheme is refused.

    Signals:
        link_activated(QUrl): the user opened a web or mail link (it is handed to the system).
        link_refused(QUrl): the user clicked a link whose scheme is not allowed; nothing opened.
        link_hovered(str): the link under the mouse, for the status bar; "" when it leaves.
        load_images_requested(): the user asked to load the current article's images.
    """

    link_activated = Signal(QUrl)
    link_refused = Signal(QUrl)
    link_hovered = Signal(str)
    load_images_requested = Signal()

    _ready = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Hands a URL to the system; replaced in tests so nothing opens for real.
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._article: Article | None = None
        self._policy = ImagePolicy.ASK
        self._images_allowed: set[int] = set()
        self._loader: ImageLoader | None = None
        self._font_size = 0
        self._placeholder: QImage | None = None
        #: Images handed over by :meth:`on_image_loaded` for the current article.
        self._loaded: dict[str, QImage] = {}

        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        # Passages are selected with the keyboard too (Shift+arrows), to highlight them
        # without a mouse.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName(self.tr("Article"))
        self.setAccessibleDescription(self.tr("The text of the selected article"))
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self.anchorClicked.connect(self.on_anchor_clicked)
        self.highlighted.connect(self._on_highlighted)
        self._ready = True
        self._apply_style()
        self._render()

    # -- what the window calls -------------------------------------------------------------

    def article(self) -> Article | None:
        """The article shown, or None for the empty state."""
        return self._article

    def show_article(
        self, article: Article | None, *, images: ImagePolicy = ImagePolicy.ASK
    ) -> None:
        """Show ``article`` (None: the empty state) with remote images as ``images`` says."""
        same = article is not None and self._article is not None and article.id == self._article.id
        if not same:
            self._loaded.clear()
        self._article = article
        self._policy = images
        if same:
            self._rerender()  # starred, tagged, marked read: keep the reading position
        else:
            self._render()
            self.verticalScrollBar().setValue(0)

    def set_image_loader(self, loader: ImageLoader | None) -> None:
        """Use ``loader`` for images the user allowed; None keeps every image a placeholder."""
        self._loader = loader
        if self._images_shown():
            self._rerender()

    def set_font_size(self, points: int) -> None:
        """Show articles at ``points``; 0 follows the application font."""
        self._font_size = max(0, points)
        self._apply_style()
        self._rerender()

    def images_allowed(self) -> bool:
        """Whether the current article's remote images may be loaded."""
        return self._images_shown()

    @Slot(str, QImage)
    def on_image_loaded(self, url: str, image: QImage) -> None:
        """Show an image that arrived after the article was rendered (an asynchronous loader)."""
        if image.isNull() or not self._images_shown():
            return
        self._loaded[url] = image
        self._rerender()

    # -- links -----------------------------------------------------------------------------

    @Slot(QUrl)
    def on_anchor_clicked(self, url: QUrl) -> None:
        """Open web and mail links outside; handle the view's own links; refuse the rest."""
        scheme = url.scheme().lower()
        if scheme == INTERNAL_SCHEME:
            if url.path() == "load-images" and self._article is not None:
                self._images_allowed.add(self._article.id)
                self.load_images_requested.emit()
                self._rerender()
            else:
                self.link_refused.emit(url)
        elif scheme in OPENABLE_SCHEMES:
            self.link_activated.emit(url)
            self.open_url(url)
        elif not scheme and not url.path() and url.hasFragment():
            self.scrollToAnchor(url.fragment())
        else:
            self.link_refused.emit(url)

    @Slot(QUrl)
    def _on_highlighted(self, url: QUrl) -> None:
        if url.isEmpty():
            self.link_hovered.emit("")
        elif url.scheme().lower() == INTERNAL_SCHEME:
            self.link_hovered.emit(self.tr("Load the images of this article"))
        else:
            self.link_hovered.emit(url.toDisplayString())

    # -- Qt overrides ----------------------------------------------------------------------

    def loadResource(self, type: int, name: QUrl | str) -> object:
        """Give the document its images without touching the network or the disk."""
        if type != QTextDocument.ResourceType.ImageResource.value:
            return None
        name = QUrl(name)
        url = name.toString()
        if name.scheme().lower() in REMOTE_SCHEMES and self._images_shown():
            image = self._loaded.get(url)
            if image is None and self._loader is not None:
                image = self._loader(url)
            if image is not None and not image.isNull():
                return self._fit(image)
        return self.placeholder_image()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._article is None:
            self._render()  # keep the empty-state message in the middle

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if not self._ready:
            return  # a change while the base class is still being built
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._placeholder = None
            self._apply_style()
            self._rerender()

    # -- rendering -------------------------------------------------------------------------

    def placeholder_image(self) -> QImage:
        """A quiet grey box with a picture glyph, standing in for an image not loaded."""
        if self._placeholder is None:
            self._placeholder = self._draw_placeholder()
        return self._placeholder

    def _draw_placeholder(self) -> QImage:
        width, height = PLACEHOLDER_SIZE
        ratio = self.devicePixelRatioF() or 1.0
        image = QImage(
            int(width * ratio), int(height * ratio), QImage.Format.Format_ARGB32_Premultiplied
        )
        image.setDevicePixelRatio(ratio)
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        box = _mix(base, text, 0.08)
        glyph = _mix(base, text, 0.35)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(_mix(base, text, 0.18), 1))
        painter.setBrush(box)
        painter.drawRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), 6, 6)
        # A small framed landscape: a sun and two hills.
        frame = QRectF(width / 2 - 16, height / 2 - 12, 32, 24)
        painter.setPen(QPen(glyph, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(frame, 3, 3)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(glyph)
        painter.drawEllipse(QPointF(frame.left() + 9, frame.top() + 8), 3, 3)
        hills = QPainterPath()
        hills.moveTo(frame.left() + 3, frame.bottom() - 3)
        hills.lineTo(frame.left() + 12, frame.top() + 12)
        hills.lineTo(frame.left() + 18, frame.bottom() - 8)
        hills.lineTo(frame.left() + 22, frame.top() + 10)
        hills.lineTo(frame.right() - 3, frame.bottom() - 3)
        hills.closeSubpath()
        painter.drawPath(hills)
        painter.end()
        return image

    def _fit(self, image: QImage) -> QImage:
        """``image`` scaled down to the width of the text column, never up."""
        room = self.viewport().width() - 2 * DOCUMENT_MARGIN - 8
        if room > 0 and image.width() / (image.devicePixelRatio() or 1.0) > room:
            return image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
        return image

    def _images_shown(self) -> bool:
        article = self._article
        return article is not None and (
            self._policy == ImagePolicy.ALWAYS or article.id in self._images_allowed
        )

    def _base_point_size(self) -> float:
        if self._font_size > 0:
            return float(self._font_size)
        size = QApplication.font().pointSizeF()
        return size if size > 0 else 10.0

    def _apply_style(self) -> None:
        """Typography and colours for the document, taken from the palette (dark or light)."""
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        link = palette.color(QPalette.ColorRole.Link)
        muted = _mix(text, base, 0.4)
        rule = _mix(base, text, 0.18)
        chip = _mix(base, text, 0.1)
        quote_bar = _mix(base, link, 0.6)
        size = self._base_point_size()

        font = QFont(self.font())
        font.setPointSizeF(size)
        self.document().setDefaultFont(font)
        line = QFontMetricsF(font).height()  # one line of body text, in pixels
        gap = round(line * 0.45)  # extra space between lines: a fixed distance, so a line
        # holding an image is not stretched the way a proportional line-height would
        paragraph = round(line * 0.8)
        self.document().setDefaultStyleSheet(
            f"""
            body {{ color: {text.name()}; }}
            p, li, dd, figcaption {{ line-height: {gap}px; -qt-line-height-type: line-distance; }}
            p {{ margin-top: 0; margin-bottom: {paragraph}px; }}
            li {{ margin-bottom: {round(line * 0.3)}px; }}
            h1 {{ font-size: {size * 1.75:.1f}pt; font-weight: 600;
                 margin-top: 0; margin-bottom: {round(line * 0.5)}px; }}
            h2 {{ font-size: {size * 1.35:.1f}pt; font-weight: 600;
                 margin-top: {paragraph}px; margin-bottom: {round(line * 0.4)}px; }}
            h3 {{ font-size: {size * 1.15:.1f}pt; font-weight: 600;
                 margin-top: {paragraph}px; margin-bottom: {round(line * 0.3)}px; }}
            a {{ color: {link.name()}; }}
            table.quote {{ margin-top: {round(line * 0.3)}px; margin-bottom: {paragraph}px;
                           border-collapse: collapse; }}
            td.quote {{ color: {muted.name()}; font-style: italic;
                        padding-left: 16px; padding-top: 0; padding-bottom: 0;
                        border-left-width: 3px; border-left-style: solid;
                        border-left-color: {quote_bar.name()};
                        border-top-width: 0; border-right-width: 0; border-bottom-width: 0; }}
            td.quote p {{ margin-bottom: {round(line * 0.4)}px; }}
            p.meta {{ color: {muted.name()}; margin-bottom: {round(line * 0.35)}px; }}
            p.links {{ margin-bottom: {round(line * 0.35)}px; }}
            p.chips {{ margin-bottom: {round(line * 0.35)}px; }}
            .chip {{ background-color: {chip.name()}; color: {text.name()};
                     font-size: {size * 0.85:.1f}pt; }}
            p.also {{ color: {muted.name()}; font-size: {size * 0.9:.1f}pt; }}
            hr {{ background-color: {rule.name()}; margin-top: {round(line * 0.2)}px;
                  margin-bottom: {paragraph}px; }}
            table.banner {{ margin-bottom: {paragraph}px; }}
            td.banner {{ background-color: {chip.name()}; color: {text.name()}; padding: 9px; }}
            .empty {{ color: {muted.name()}; font-size: {size * 1.2:.1f}pt; }}
            pre, code {{ font-family: monospace; }}
            figcaption {{ color: {muted.name()}; font-size: {size * 0.9:.1f}pt; }}
            """
        )

    def _rerender(self) -> None:
        """Render again, keeping the reading position."""
        position = self.verticalScrollBar().value()
        self._render()
        self.verticalScrollBar().setValue(position)

    def _render(self) -> None:
        # setHtml forgets the images the document cached, so placeholders are asked for
        # again once images are allowed.
        article = self._article
        document = self.document()
        if article is None:
            self.setHtml(self._empty_html())
            # Rich text cannot centre vertically, and ignores the first block's top margin:
            # the root frame's margin puts the message a third of the way down.
            root = document.rootFrame()
            frame_format = root.frameFormat()
            frame_format.setTopMargin(max(DOCUMENT_MARGIN, self.viewport().height() // 3))
            root.setFrameFormat(frame_format)
        else:
            self.setHtml(self._article_html(article))
            document.setDocumentMargin(DOCUMENT_MARGIN)

    def _empty_html(self) -> str:
        message = html.escape(self.tr("Select an article to read it"))
        return f'<p align="center" class="empty">{message}</p>'

    def _article_html(self, article: Article) -> str:
        parts = [f"<h1>{html.escape(article.title or self.tr('(untitled)'))}</h1>"]

        meta = [article.feed_title, article.author, self._format_date(article)]
        meta_text = " · ".join(html.escape(item) for item in meta if item)
        if meta_text:
            parts.append(f'<p class="meta">{meta_text}</p>')

        if article.link and QUrl(article.link).scheme().lower() in REMOTE_SCHEMES:
            href = html.escape(article.link, quote=True)
            label = html.escape(self.tr("Open original"))
            parts.append(f'<p class="links"><a href="{href}">{label} ↗</a></p>')

        if article.tags:
            chips = " ".join(
                f'<span class="chip">&nbsp;{html.escape(tag)}&nbsp;</span>' for tag in article.tags
            )
            parts.append(f'<p class="chips">{chips}</p>')

        if article.also_in:
            names = ", ".join(html.escape(title) for _feed_id, title in article.also_in)
            label = html.escape(self.tr("Also in:"))
            parts.append(f'<p class="also">{label} {names}</p>')

        parts.append("<hr/>")

        body = article.html
        if remote_images(body) and not self._images_shown():
            notice = html.escape(self.tr("Images are not loaded."))
            action = html.escape(self.tr("Load images for this article"))
            parts.append(
                '<table class="banner" width="100%" cellspacing="0" cellpadding="0"><tr>'
                f'<td class="banner">{notice} <a href="{LOAD_IMAGES_URL}">{action}</a></td>'
                "</tr></table>"
            )
        body = _QUOTE_OPEN.sub(_QUOTE_TABLE_OPEN, body)
        body = _QUOTE_CLOSE.sub(_QUOTE_TABLE_CLOSE, body)
        parts.append(f'<div class="body">{body}</div>')
        return "<body>" + "\n".join(parts) + "</body>"

    def _format_date(self, article: Article) -> str:
        """The publication date in the user's locale, in local time."""
        moment = QDateTime.fromMSecsSinceEpoch(int(article.published.timestamp() * 1000))
        locale = self.locale() if self.locale() != QLocale.c() else QLocale()
        date = locale.toString(moment.date(), QLocale.FormatType.LongFormat)
        time = locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
        return self.tr("{date}, {time}").format(date=date, time=time)
