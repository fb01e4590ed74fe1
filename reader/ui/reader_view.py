"""The reading pane: one article's header and sanitized body, never fetched from the network."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
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
from PySide6.QtWidgets import QApplication, QStyle, QTextBrowser, QWidget

from reader.core.types import Article
from reader.ui import article_html
from reader.ui.contrast import legible, mix
from reader.ui.i18n import long_date, short_date, short_time
from reader.ui.settings import ImagePolicy, ReadingFont, ReadingStyle

#: The internal link of the "Load images for this article" action.
LOAD_IMAGES_URL = "press-reader:load-images"
#: The internal links of the full-text banner: show the feed's own version of the article,
#: show its full text again, fetch the full text (again).
FEED_VERSION_URL = "press-reader:feed-version"
FULL_TEXT_URL = "press-reader:full-text"
FETCH_FULL_TEXT_URL = "press-reader:fetch-full-text"
INTERNAL_SCHEME = "press-reader"

#: Links the view hands to the system (the browser, the mail client).
OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})
PLACEHOLDER_SIZE = (160, 90)
#: The least room between the text and the view's edges, in pixels.
DOCUMENT_MARGIN = 24
#: Typefaces tried in turn for the serif reading font (the first one installed is used).
SERIF_FAMILIES = (
    "Source Serif 4",
    "Source Serif Pro",
    "Charter",
    "Georgia",
    "Noto Serif",
    "DejaVu Serif",
    "Liberation Serif",
    "Cambria",
    "Times New Roman",
    "serif",
)
# What a line of an article is made of, to turn a width in characters into pixels: the
# average advance of running text, spaces and punctuation included.
_MEASURE = (
    "Les commerçants, prudents, évoquent une reprise « fragile » et des prix encore élevés; "
    "the traders expect the road to reopen fully by the end of the month."
)

#: Loads one image by URL, or returns None when it has none (yet) to show.
ImageLoader = Callable[[str], QImage | None]


class ReaderView(QTextBrowser):
    """Shows one article: title, source, author, date, tags, then its sanitized HTML.

    The view never touches the network. Remote images are shown as placeholders until the
    user allows them for the article (or the policy is "always"); then each image is asked
    of the loader given to :meth:`set_image_loader`. Links open in the system browser only
    for http, https and mailto; every other scheme is refused.

    An article with a full text (fetched from its page) shows it, under a line naming where
    it came from with a link to the feed's own version; the choice of version is made per
    article and lasts while the application runs. The window says when a fetch is under way
    (:meth:`set_fetching`) or failed (:meth:`set_fetch_failed`).

    The text is set in a column of at most :attr:`ReadingStyle.column_width` characters,
    centred in the view however wide it is (:meth:`set_reading_style`); a placeholder for
    an image not loaded is a small box, never wider than the column.

    Signals:
        link_activated(QUrl): the user opened a web or mail link (it is handed to the system).
        link_refused(QUrl): the user clicked a link whose scheme is not allowed; nothing opened.
        link_hovered(str): the link under the mouse, for the status bar; "" when it leaves.
        load_images_requested(): the user asked to load the current article's images.
        full_text_requested(int): the user asked to fetch (again) this article's full text.
        version_changed(int, bool): the article (id) is now shown in the feed's version
            (True) or in its full text (False); the document was rendered again.
    """

    link_activated = Signal(QUrl)
    link_refused = Signal(QUrl)
    link_hovered = Signal(str)
    load_images_requested = Signal()
    full_text_requested = Signal(int)
    version_changed = Signal(int, bool)

    _ready = False
    _rendering = False
    _laying_out = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Hands a URL to the system; replaced in tests so nothing opens for real.
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._article: Article | None = None
        self._policy = ImagePolicy.ASK
        self._images_allowed: set[int] = set()
        self._loader: ImageLoader | None = None
        self._style = ReadingStyle()
        self._placeholder: QImage | None = None
        #: Setting the document's HTML or its margins can resize the viewport (the scroll bar
        #: comes or goes), and Qt tells of it from inside the change: the view then neither
        #: renders nor lays out again until the change is over.
        self._layout_again = QTimer(self)
        self._layout_again.setSingleShot(True)
        self._layout_again.setInterval(0)
        self._layout_again.timeout.connect(self._apply_layout)
        #: Images handed over by :meth:`on_image_loaded` for the current article.
        self._loaded: dict[str, QImage] = {}
        #: Articles the user reads in the feed's version although they have a full text.
        self._feed_version: set[int] = set()
        #: Articles whose full text is being fetched.
        self._fetching: set[int] = set()
        #: Why the last fetch of an article failed, when the library could not record it.
        self._fetch_errors: dict[int, str] = {}

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
        self.set_reading_style(replace(self._style, font_size=max(0, points)))

    def reading_style(self) -> ReadingStyle:
        """The typeface, size, line spacing and column width articles are shown in."""
        return self._style

    def set_reading_style(self, style: ReadingStyle) -> None:
        """Show articles in ``style`` from now on (the current one at once)."""
        if style == self._style:
            return
        self._style = style
        self._apply_style()
        self._rerender()

    def column_width(self) -> int:
        """The width of the text column in pixels: the style's width in characters, or
        the view's width less its margins when the view is narrower."""
        room = self.viewport().width() - 2 * DOCUMENT_MARGIN
        return max(1, min(room, self._widest_column()))

    def images_allowed(self) -> bool:
        """Whether the current article's remote images may be loaded."""
        return self._images_shown()

    def has_full_text(self) -> bool:
        """Whether the current article has a full text fetched from its page."""
        article = self._article
        return bool(article is not None and article.full_text and article.full_text.html)

    def showing_feed_version(self) -> bool:
        """Whether the current article has a full text but the feed's version is shown."""
        article = self._article
        return article is not None and self.has_full_text() and article.id in self._feed_version

    def displayed_html(self) -> str:
        """The body shown for the current article: its full text or the feed's version."""
        article = self._article
        if article is None:
            return ""
        return article.html if self.showing_feed_version() else article.reading_html

    def show_feed_version(self, feed_version: bool) -> None:
        """Show the current article in the feed's version (True) or its full text (False);
        remembered for the article while the application runs."""
        article = self._article
        if article is None or not self.has_full_text():
            return
        if feed_version == (article.id in self._feed_version):
            return
        if feed_version:
            self._feed_version.add(article.id)
        else:
            self._feed_version.discard(article.id)
        self._rerender()
        self.version_changed.emit(article.id, feed_version)

    def forget_version_choice(self, article_id: int) -> None:
        """Show an article's full text again next time (a full text fetched on request)."""
        self._feed_version.discard(article_id)

    def set_fetching(self, article_id: int, fetching: bool) -> None:
        """Say whether the full text of ``article_id`` is being fetched (shown in its
        banner); starting a fetch forgets the previous failure."""
        if fetching:
            self._fetching.add(article_id)
            self._fetch_errors.pop(article_id, None)
        else:
            self._fetching.discard(article_id)
        if self._article is not None and self._article.id == article_id:
            self._rerender()

    def set_fetch_failed(self, article_id: int, message: str) -> None:
        """Show why fetching the full text of ``article_id`` failed, with a way to retry
        (for failures the library could not record on the article itself)."""
        self._fetching.discard(article_id)
        self._fetch_errors[article_id] = message
        if self._article is not None and self._article.id == article_id:
            self._rerender()

    def forget_library(self) -> None:
        """Forget what was chosen for the articles of the library being closed (their ids
        mean other articles in the next one)."""
        self._images_allowed.clear()
        self._feed_version.clear()
        self._fetching.clear()
        self._fetch_errors.clear()

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
            action = url.path()
            article = self._article
            if article is None:
                self.link_refused.emit(url)
            elif action == "load-images":
                self._images_allowed.add(article.id)
                self.load_images_requested.emit()
                self._rerender()
            elif action == "feed-version":
                self.show_feed_version(True)
            elif action == "full-text":
                self.show_feed_version(False)
            elif action == "fetch-full-text":
                self.full_text_requested.emit(article.id)
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
            self.link_hovered.emit(self._internal_link_tip(url.path()))
        else:
            self.link_hovered.emit(url.toDisplayString())

    def _internal_link_tip(self, action: str) -> str:
        """What an internal link of the view does, in the status bar while hovered."""
        if action == "feed-version":
            return self.tr("Show the article as the feed gives it (the full text stays kept)")
        if action == "full-text":
            return self.tr("Show the full text fetched from the article's page")
        if action == "fetch-full-text":
            return self.tr("Download the article's page again and find its full text")
        return self.tr("Load the images of this article")

    # -- Qt overrides ----------------------------------------------------------------------

    def loadResource(self, type: int, name: QUrl | str) -> object:
        """Give the document its images without touching the network or the disk."""
        if type != QTextDocument.ResourceType.ImageResource.value:
            return None
        name = QUrl(name)
        url = name.toString()
        if name.scheme().lower() in article_html.REMOTE_SCHEMES and self._images_shown():
            image = self._loaded.get(url)
            if image is None and self._loader is not None:
                image = self._loader(url)
            if image is not None and not image.isNull():
                return self._fit(image)
        return self._fit(self.placeholder_image())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Never render from here: this may run inside setHtml, whose document would then
        # hold the new text twice. The margins alone follow the new width.
        if not self._rendering:
            self._apply_layout()

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
        box = mix(base, text, 0.08)
        glyph = mix(base, text, 0.35)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(mix(base, text, 0.18), 1))
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
        room = self.column_width() - 8
        if room > 0 and image.width() / (image.devicePixelRatio() or 1.0) > room:
            return image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
        return image

    def _images_shown(self) -> bool:
        article = self._article
        return article is not None and (
            self._policy == ImagePolicy.ALWAYS or article.id in self._images_allowed
        )

    def _base_point_size(self) -> float:
        if self._style.font_size > 0:
            return float(self._style.font_size)
        size = QApplication.font().pointSizeF()
        return size if size > 0 else 10.0

    def _body_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(self._base_point_size())
        if self._style.font == ReadingFont.SERIF:
            font.setFamilies(list(SERIF_FAMILIES))
            font.setStyleHint(QFont.StyleHint.Serif)
        return font

    def comfortable_width(self) -> int:
        """The view's width that shows the whole column with its margins and scroll bar: more
        room only widens the margins (the window gives it to the article list)."""
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return self._widest_column() + 2 * DOCUMENT_MARGIN + scroll_bar + 2 * self.frameWidth()

    def _widest_column(self) -> int:
        """The style's column width in pixels, in the body's font."""
        metrics = QFontMetricsF(self.document().defaultFont())
        return round(metrics.horizontalAdvance(_MEASURE) / len(_MEASURE) * self._style.column_width)

    def _apply_layout(self) -> None:
        """Centre the column in the view (the root frame's side margins), and put the empty
        state's message a third of the way down."""
        if self._laying_out:
            self._layout_again.start()  # once the change that resized the view is over
            return
        self._laying_out = True
        try:
            width = self.viewport().width()
            side = max(DOCUMENT_MARGIN, (width - self.column_width()) // 2)
            # Rich text cannot centre vertically, and ignores the first block's top margin:
            # the root frame's margin puts the message a third of the way down.
            top = DOCUMENT_MARGIN
            if self._article is None:
                top = max(DOCUMENT_MARGIN, self.viewport().height() // 3)
            root = self.document().rootFrame()
            frame = root.frameFormat()
            wanted = (float(side), float(side), float(top), float(DOCUMENT_MARGIN))
            if (
                frame.leftMargin(),
                frame.rightMargin(),
                frame.topMargin(),
                frame.bottomMargin(),
            ) != wanted:
                frame.setLeftMargin(wanted[0])
                frame.setRightMargin(wanted[1])
                frame.setTopMargin(wanted[2])
                frame.setBottomMargin(wanted[3])
                root.setFrameFormat(frame)
        finally:
            self._laying_out = False

    def _apply_style(self) -> None:
        """Typography and colours for the document, taken from the palette (dark or light)."""
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        rule = mix(base, text, 0.18)
        chip = mix(base, text, 0.1)
        # Links and muted lines sit on the page and on the banner's tint: legible on both,
        # whatever the palette (a dark theme may keep the light theme's dark blue links).
        link = legible(legible(palette.color(QPalette.ColorRole.Link), base), chip)
        muted = legible(legible(mix(text, base, 0.4), base), chip)
        quote_bar = mix(base, link, 0.6)
        size = self._base_point_size()

        font = self._body_font()
        self.document().setDefaultFont(font)
        line = QFontMetricsF(font).height()  # one line of body text, in pixels
        # Extra space between lines: a fixed distance, so a line holding an image is not
        # stretched the way a proportional line-height would.
        gap = round(line * max(0, self._style.line_spacing - 100) / 100)
        paragraph = round(line * 0.8)
        self.document().setDefaultStyleSheet(
            f"""
            body {{ color: {text.name()}; }}
            p, li, dd {{ line-height: {gap}px; -qt-line-height-type: line-distance; }}
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
            p.version {{ color: {muted.name()}; font-size: {size * 0.9:.1f}pt;
                         margin-bottom: {round(line * 0.35)}px; }}
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
            p.caption {{ color: {muted.name()}; font-size: {size * 0.9:.1f}pt;
                         margin-top: 0; }}
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
        text = self._empty_html() if article is None else self._article_html(article)
        self._rendering = True
        try:
            self.setHtml(text)
        finally:
            self._rendering = False
        self._apply_layout()

    def _empty_html(self) -> str:
        message = html.escape(self.tr("Select an article to read it"))
        return f'<p align="center" class="empty">{message}</p>'

    def _article_html(self, article: Article) -> str:
        parts = [f"<h1>{html.escape(article.title or self.tr('(untitled)'))}</h1>"]

        meta = [article.feed_title, article.author, self._format_date(article)]
        meta_text = " · ".join(html.escape(item) for item in meta if item)
        if meta_text:
            parts.append(f'<p class="meta">{meta_text}</p>')
        version = self._version_line(article)
        if version:
            parts.append(f'<p class="version">{version}</p>')

        if article.link and QUrl(article.link).scheme().lower() in article_html.REMOTE_SCHEMES:
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

        body = self.displayed_html()
        if article_html.remote_images(body) and not self._images_shown():
            notice = html.escape(self.tr("Images are not loaded."))
            action = html.escape(self.tr("Load images for this article"))
            parts.append(
                '<table class="banner" width="100%" cellspacing="0" cellpadding="0"><tr>'
                f'<td class="banner">{notice} <a href="{LOAD_IMAGES_URL}">{action}</a></td>'
                "</tr></table>"
            )
        body = article_html.for_rich_text(article_html.IMAGE_TAG.sub(self._sized_image, body))
        parts.append(f'<div class="body">{body}</div>')
        return "<body>" + "\n".join(parts) + "</body>"

    def _sized_image(self, match: re.Match[str]) -> str:
        """An ``<img>`` tag sized for the column. Qt stretches whatever it draws to the
        tag's width and height: a placeholder loses them and keeps its own small size; a
        loaded image wider than the column is given the column's width, in proportion."""
        tag = match.group(0)
        source = article_html.IMAGE_SOURCE.search(tag)
        url = html.unescape(source.group(1).strip("\"'")) if source else ""
        sizes = {
            name.lower(): value.strip("\"'") for name, value in article_html.IMAGE_SIZE.findall(tag)
        }
        bare = article_html.IMAGE_SIZE.sub("", tag)
        shown = QUrl(url).scheme().lower() in article_html.REMOTE_SCHEMES and self._images_shown()
        if not shown:
            return bare
        try:
            width = int(float(sizes.get("width", "")))
            height = int(float(sizes["height"])) if "height" in sizes else 0
        except ValueError:
            return bare  # a size in percent or nonsense: the image's own, fitted
        room = self._widest_column() - 8
        if width > room > 0:
            height = round(height * room / width)
            width = room
        attributes = f' width="{width}"' + (f' height="{height}"' if height > 0 else "")
        return bare[:4] + attributes + bare[4:]

    def _version_line(self, article: Article) -> str:
        """The line under the meta line saying which version of the article is shown (HTML,
        escaped); "" for an article that never had a full text asked for."""
        full = article.full_text
        link = (article.link or "").strip()
        can_fetch = QUrl(link).scheme().lower() in article_html.REMOTE_SCHEMES

        def action(href: str, label: str) -> str:
            # Kept on one line: a link broken across two reads as two.
            words = "&nbsp;".join(html.escape(word) for word in label.split())
            return f' · <a href="{href}">{words}</a>'

        if article.id in self._fetching:
            return html.escape(self.tr("Fetching the full text…"))
        error = self._fetch_errors.get(article.id)
        if full is not None and full.html:
            if article.id in self._feed_version:
                return html.escape(self.tr("The feed's version.")) + action(
                    FULL_TEXT_URL, self.tr("Show the full text")
                )
            host = _host(full.url) or self.tr("the article's page")
            error = error or full.error
            if error:
                # A retry failed: the full text kept is the one fetched earlier, and the
                # date stored is the failed attempt's, so no date is given.
                line = html.escape(
                    self.tr("Full text from {host}; fetching it again failed: {reason}.").format(
                        host=host, reason=_sentence(error)
                    )
                )
                if can_fetch:
                    line += action(FETCH_FULL_TEXT_URL, self.tr("Try again"))
            else:
                line = html.escape(
                    self.tr("Full text from {host}, fetched {date}.").format(
                        host=host, date=self._format_moment(full.fetched, short=True)
                    )
                )
            return line + action(FEED_VERSION_URL, self.tr("Show the feed's version"))
        if error is None and full is not None and full.error:
            error = full.error
        if error is None:
            return ""
        line = html.escape(
            self.tr("Full text not available: {reason}.").format(reason=_sentence(error))
        )
        if can_fetch:
            line += action(FETCH_FULL_TEXT_URL, self.tr("Try again"))
        return line

    def _format_date(self, article: Article) -> str:
        """The publication date in the user's locale, in local time."""
        return self._format_moment(article.published)

    def _format_moment(self, when: datetime, *, short: bool = False) -> str:
        """A date and time in the interface's locale, in local time: « 28 novembre 2026 à
        14:30 » (``short``: the date in figures, for a line that should not wrap)."""
        date = short_date(when) if short else long_date(when)
        return self.tr("{date}, {time}").format(date=date, time=short_time(when))


def _host(url: str) -> str:
    """The site of an address, as a reader names it (without "www.")."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _sentence(message: str) -> str:
    """A message to end with our own full stop."""
    return message.strip().rstrip(".")
