"""Small dialogs for annotating: the tags of an article or highlight, the colours' meanings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core import library_tag
from reader.core.errors import InvalidTagError
from reader.core.types import HighlightColor
from reader.ui.highlight_marks import color_meaning, color_name, swatch_icon
from reader.ui.tag_input import TagLineEdit


class TagsDialog(QDialog):
    """Edit a list of tags: comma-separated, completed from the library's tags; a name the
    library would refuse is explained under the field and OK waits until it is fixed."""

    def __init__(
        self,
        title: str,
        label: str,
        current: Sequence[str],
        known: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        prompt = QLabel(label)
        prompt.setWordWrap(True)
        self.field = TagLineEdit(known)
        # Names already in the library (or on the item) pass as they are; new ones must obey
        # the library's limits, explained here as the user types.
        self._known = (*known, *current)
        self.field.setAccessibleName(self.tr("Tags"))
        self.field.set_tags(current)
        self.field.selectAll()
        prompt.setBuddy(self.field)
        hint = QLabel(
            self.tr("Separate tags with commas; use / for levels: country/Mali, theme/security.")
        )
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.field)
        layout.addWidget(hint)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.field.textChanged.connect(self._check)

    def tags(self) -> list[str]:
        """The tags as the library will store them."""
        return [library_tag(tag, self._known) for tag in self.field.tags()]

    @Slot()
    def _check(self) -> bool:
        try:
            self.tags()
        except InvalidTagError as error:
            self.problem.setText(str(error).capitalize() + ".")
            self.problem.show()
            return False
        self.problem.hide()
        return True

    def accept(self) -> None:
        if self._check():
            super().accept()


def ask_tags(
    parent: QWidget | None,
    title: str,
    label: str,
    current: Sequence[str],
    known: Sequence[str],
) -> list[str] | None:
    """The tags the user settled on, or None for Cancel."""
    dialog = TagsDialog(title, label, current, known, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.tags()


class HighlightColorsDialog(QDialog):
    """What each highlight colour means, edited in one form."""

    def __init__(self, colors: Sequence[HighlightColor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Highlight Colours"))
        self.setMinimumWidth(420)
        intro = QLabel(
            self.tr(
                "Say what each colour means in your reviews. The meanings label the "
                "highlight menus and the passages of exported briefs."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for color in colors:
            field = QLineEdit(color_meaning(color.meaning))
            field.setAccessibleName(self.tr("Meaning of {0}").format(color_name(color.name)))
            field.setMaxLength(60)
            name = QLabel(color_name(color.name))
            name.setBuddy(field)
            mark = QLabel()
            mark.setPixmap(swatch_icon(color.name).pixmap(16, 16))
            label = QWidget()
            label_layout = QHBoxLayout(label)
            label_layout.setContentsMargins(0, 0, 0, 0)
            label_layout.addWidget(mark)
            label_layout.addWidget(name)
            form.addRow(label, field)
            self.fields[color.name] = field
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def meanings(self) -> dict[str, str]:
        """Each colour's meaning as shown: the library's default meanings are shown in the
        interface's language, and kept so once the dialog is accepted (exported briefs then
        print what the user saw)."""
        return {name: " ".join(field.text().split()) for name, field in self.fields.items()}

    def accept(self) -> None:
        empty = [name for name, meaning in self.meanings().items() if not meaning]
        if empty:
            names = ", ".join(color_name(name).lower() for name in empty)
            self.problem.setText(
                self.tr("Give every colour a meaning ({0} has none).").format(names)
            )
            self.problem.show()
            self.fields[empty[0]].setFocus()
            return
        super().accept()
