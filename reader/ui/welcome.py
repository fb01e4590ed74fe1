"""The page an empty library opens on: what Press Reader is for, and the three ways in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reader.ui.icons import icon


class WelcomePage(QWidget):
    """A title, a sentence, and buttons to add a feed, import OPML or open the demo library
    (``demo``: whether there is one). The window connects the buttons."""

    def __init__(self, *, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = QLabel(self.tr("Welcome to Press Reader"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "Follow the press you read every morning: subscribe to a news feed, import the "
                "OPML list exported by another reader, or look around the demo library first."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A wrapped label given only a maximum width is laid out at its narrow size hint
        # and clipped; a fixed width lets it compute the height its lines need.
        text.setFixedWidth(540)
        text.setMinimumHeight(text.heightForWidth(540))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.add_button = QPushButton(icon("add-feed"), self.tr("Add feed…"))
        self.import_button = QPushButton(icon("import"), self.tr("Import OPML…"))
        self.demo_button = QPushButton(icon("app"), self.tr("Open demo library"))
        for button in (self.add_button, self.import_button, self.demo_button):
            button.setMinimumHeight(36)
            button.setAccessibleName(button.text().rstrip("…"))
            buttons.addWidget(button)
        self.demo_button.setVisible(demo)
        buttons.addStretch(1)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(20)
        layout.addLayout(buttons)
        layout.addStretch(3)
