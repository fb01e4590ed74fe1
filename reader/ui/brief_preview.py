"""The composer's preview: a brief shown as its export will read (the HTML export when that
format is installed, else the Markdown export)."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Sequence

from PySide6.QtCore import QUrl, Slot
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.core.types import Brief, HighlightColor
from reader.export.markdown import render_markdown

Renderer = Callable[[Brief, Sequence[HighlightColor]], str]


class BriefPreview(QTextBrowser):
    """A read-only view of a brief; links within it (contents, citations) scroll it, others
    do nothing here: the preview is not a browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._html_renderer: Renderer | None = None
        self._renderer_checked = False
        self.setObjectName("brief-preview")
        self.setAccessibleName(self.tr("Preview of the brief"))
        self.setOpenLinks(False)
        self.document().setDocumentMargin(14)
        self.anchorClicked.connect(self._on_anchor_clicked)

    def show_brief(self, brief: Brief, colors: Sequence[HighlightColor]) -> None:
        """Show ``brief`` (``colors`` name what its highlight colours mean), staying where
        the reader had scrolled to."""
        scroll = self.verticalScrollBar()
        position = scroll.value()
        renderer = self._renderer()
        if renderer is not None:
            self.setHtml(renderer(brief, colors))
        else:
            self.setMarkdown(render_markdown(brief, colors))
        scroll.setValue(position)

    def show_problem(self, text: str) -> None:
        """Show why there is no brief to preview."""
        self.setPlainText(text)

    def _renderer(self) -> Renderer | None:
        """The HTML export's renderer when that format is installed."""
        if not self._renderer_checked:
            self._renderer_checked = True
            if importlib.util.find_spec("reader.export.html") is not None:
                try:
                    module = importlib.import_module("reader.export.html")
                except ImportError:
                    module = None
                renderer = getattr(module, "render_html", None)
                self._html_renderer = renderer if callable(renderer) else None
        return self._html_renderer

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())
