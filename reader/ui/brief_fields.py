"""The composer's fields of the brief itself: its title, its author and the language it is
written in."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QWidget

from reader.export.labels import LANGUAGES


class BriefFields(QGroupBox):
    """The title, author and language of a brief; the window follows the fields' own change
    signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Brief"))
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("Title of the brief"))
        self.author_edit = QLineEdit()
        self.author_edit.setAccessibleName(self.tr("Author"))
        self.author_edit.setPlaceholderText(self.tr("Your name or team (optional)"))
        self.language_box = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setAccessibleName(self.tr("Language of the brief"))
        self.language_box.setToolTip(
            self.tr("The language of the brief's headings, labels and dates")
        )
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Author:"), self.author_edit)
        form.addRow(self.tr("Language:"), self.language_box)

    def language(self) -> str:
        """The code of the brief's language (``en``, ``fr``)."""
        return str(self.language_box.currentData())

    def set_fields(self, *, title: str, author: str, language: str) -> None:
        """Show these values without signalling a change."""
        widgets = (self.title_edit, self.author_edit, self.language_box)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.title_edit.setText(title)
            self.author_edit.setText(author)
            self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def focus_chain(self) -> list[QWidget]:
        """The fields' Tab stops, in the order Tab visits them."""
        return [self.title_edit, self.author_edit, self.language_box]
