"""The composer's export controls: the format, the paper size, whether the articles are then
marked as used, and the file to export to."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction, QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QLabel, QToolBar, QWidget

from reader.export import FORMATS, PAPERS, ExportFormat

#: The formats laid out on pages, which a paper size applies to.
PAGED_FORMATS: Final = ("pdf", "docx")

_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def suggested_file_name(title: str, suffix: str) -> str:
    """A file name from a brief's title: characters file systems refuse become hyphens."""
    stem = _UNSAFE_IN_FILE_NAMES.sub("-", " ".join(title.split())).strip(" .-")
    return f"{stem or 'brief'}{suffix}"


class ExportControls(QObject):
    """The export's choices, laid on the window's toolbar by :meth:`add_to`; the folder of the
    last export is where the next one is suggested."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        #: Where the save dialog opens.
        self.folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        self.format_box = QComboBox(window)
        self.format_box.setAccessibleName(self.tr("Export format"))
        self.format_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.format_box.setMinimumContentsLength(16)
        for fmt in FORMATS.values():
            self.format_box.addItem(self.format_name(fmt), fmt.key)
        formats = self.format_box.model()
        if isinstance(formats, QStandardItemModel):
            for row, fmt in enumerate(FORMATS.values()):
                if importlib.util.find_spec(fmt.module) is None:
                    item = formats.item(row)
                    item.setEnabled(False)
                    item.setToolTip(self.tr("Not available in this version"))
        self.paper_box = QComboBox(window)
        self.paper_box.setAccessibleName(self.tr("Paper size"))
        self.paper_box.setToolTip(self.tr("The page size of PDF and Word documents"))
        for paper in PAPERS:
            self.paper_box.addItem(self.tr("A4") if paper == "a4" else self.tr("Letter"), paper)
        self.mark_used_check = QCheckBox(self.tr("Mark articles as used"), window)
        self.mark_used_check.setAccessibleName(self.tr("Mark articles as used"))
        self.mark_used_check.setToolTip(
            self.tr(
                "After exporting, save the brief and remember its articles, so “not used in a "
                "previous brief” leaves them out next time"
            )
        )
        self.mark_used_check.setChecked(True)
        self._format_label = QLabel(self.tr("Format:"), window)
        self._format_label.setBuddy(self.format_box)
        self._paper_label = QLabel(self.tr("Paper:"), window)
        self._paper_label.setBuddy(self.paper_box)
        self.format_box.currentIndexChanged.connect(lambda _row: self._on_format_changed())
        self._on_format_changed()

    def add_to(self, toolbar: QToolBar, export: QAction) -> None:
        """Lay the controls on ``toolbar``, ending with the ``export`` action."""
        for widget in (self._format_label, self.format_box, self._paper_label, self.paper_box):
            toolbar.addWidget(widget)
        toolbar.addSeparator()
        toolbar.addWidget(self.mark_used_check)
        toolbar.addAction(export)

    def format_name(self, fmt: ExportFormat) -> str:
        """An export format as the interface names it (the library names it in English)."""
        names = {
            "md": self.tr("Markdown"),
            "pdf": self.tr("PDF"),
            "docx": self.tr("Word document"),
            "html": self.tr("Web page (HTML)"),
            "w3c": self.tr("W3C Web Annotations (JSON-LD)"),
        }
        return names.get(fmt.key, fmt.name)

    def chosen_format(self) -> ExportFormat:
        return FORMATS[str(self.format_box.currentData())]

    def paper(self) -> str:
        return str(self.paper_box.currentData())

    def mark_used(self) -> bool:
        return self.mark_used_check.isChecked()

    def ask_path(self, fmt: ExportFormat, title: str) -> Path | None:
        """The file to export the brief ``title`` to, asked with a save dialog; None when
        cancelled."""
        suggested = self.folder / suggested_file_name(title, fmt.suffix)
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export Brief"),
            str(suggested),
            f"{self.format_name(fmt)} (*{fmt.suffix})",
        )
        if not path:
            return None
        chosen = Path(path)
        if chosen.suffix.casefold() != fmt.suffix:
            chosen = chosen.with_name(chosen.name + fmt.suffix)
        return chosen

    def _on_format_changed(self) -> None:
        self.paper_box.setEnabled(str(self.format_box.currentData()) in PAGED_FORMATS)
