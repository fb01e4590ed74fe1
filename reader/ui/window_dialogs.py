"""The main window's own dialogs: the settings (with the reader previewing the style), the
keyboard shortcuts, About, and an error shown to the user."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot

from reader import __version__
from reader.ui.settings import ReadingStyle

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow


class WindowDialogs(QObject):
    """Opens the window's settings, shortcuts and About dialogs, and shows errors."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    @Slot()
    def edit_preferences(self) -> None:
        from reader.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self._window.prefs, self._window.store.path.parent, parent=self._window
        )
        # The reader shows the font, spacing and column as they are edited.
        dialog.reading_style_changed.connect(self.preview_reading_style)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            self.preview_reading_style(self._window.prefs.reading_style())
        else:
            language = self._window.prefs.language
            self._window.prefs = dialog.preferences()
            self._window.settings.save_preferences(self._window.prefs)
            self._window.apply_preferences()
            self._window.reader_pane.show_article(self._window.reader_pane.current_article)
            if self._window.prefs.language != language:
                self._window.messages.info.emit(
                    self.tr("The new language applies the next time Press Reader starts.")
                )

    @Slot(object)
    def preview_reading_style(self, style: ReadingStyle) -> None:
        """Show the article in ``style`` (not saved), its marks painted again."""
        self._window.reader_view.set_reading_style(style)
        self._window.reader_pane.paint_marks()

    @Slot()
    def show_shortcuts(self) -> None:
        from reader.ui.help_dialogs import ShortcutsDialog

        ShortcutsDialog(self._window.acts.shortcut_list(), parent=self._window).exec()

    @Slot()
    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self._window,
            self.tr("About Press Reader"),
            self.tr(
                "<h3>Press Reader {0}</h3><p>A desktop press-review reader: follow feeds, "
                "search them, and build annotated briefs.</p><p>Library: {1}</p>"
            ).format(__version__, self._window.store.path),
        )

    @Slot(str)
    def on_error_message(self, text: str) -> None:
        self._window.statusBar().showMessage(text)
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Press Reader"),
            text,
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
