"""Questions a window asks (confirm, choose); an engine message worded and coloured for a
dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.ui.contrast import error_color


def error_colour(widget: QWidget) -> str:
    """A red that reads on the widget's background, light or dark."""
    return error_color(widget.palette().color(QPalette.ColorRole.Window)).name()


def as_sentence(message: str) -> str:
    """An engine message as a sentence: capital first letter, final full stop."""
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


# -- confirmations -------------------------------------------------------------------------


def confirm(parent: QWidget | None, title: str, text: str, ok_text: str) -> bool:
    """Ask before something that cannot be undone; Cancel is the default (Enter cancels)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    ok = box.addButton(ok_text, QMessageBox.ButtonRole.DestructiveRole)
    ok.setAccessibleName(ok_text)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setAccessibleName(QCoreApplication.translate("confirm", "Cancel"))
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def choose(
    parent: QWidget | None, title: str, text: str, choices: list[tuple[str, str]]
) -> str | None:
    """Ask which of several ways to go (``choices``: (key, button text), the first being the
    safest); returns the chosen key, or None for Cancel, which is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    buttons = {}
    for key, label in choices:
        button = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        button.setAccessibleName(label)
        buttons[key] = button
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setAccessibleName(QCoreApplication.translate("confirm", "Cancel"))
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons.items() if button is clicked), None)
