"""Small shared widgets: section headings, empty states that teach, link labels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def heading(text: str, parent: QWidget | None = None, *, size: float = 1.25) -> QLabel:
    label = QLabel(text, parent)
    f = label.font()
    f.setPointSizeF(f.pointSizeF() * size)
    f.setBold(True)
    label.setFont(f)
    return label


class Hint(QLabel):
    """Secondary text: between the text and the background colour, readable in both themes.

    The tint follows a theme switch at run time: an application palette change reaches a
    widget as a ``PaletteChange`` event, and the tint is worked out again from the new
    application palette (setting it raises one more ``PaletteChange``, which changes nothing).
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._tint()

    def tint_color(self):
        from PySide6.QtGui import QColor, QGuiApplication, QPalette

        app_pal = QGuiApplication.palette()
        fg = app_pal.color(QPalette.ColorRole.WindowText)
        bg = app_pal.color(QPalette.ColorRole.Window)
        return QColor(int(fg.red() * 0.68 + bg.red() * 0.32), int(fg.green() * 0.68 + bg.green() * 0.32),
                      int(fg.blue() * 0.68 + bg.blue() * 0.32))

    def _tint(self) -> None:
        from PySide6.QtGui import QPalette

        mix = self.tint_color()
        pal = self.palette()
        if pal.color(QPalette.ColorRole.WindowText) == mix:
            return
        pal.setColor(QPalette.ColorRole.WindowText, mix)
        self.setPalette(pal)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        from PySide6.QtCore import QEvent

        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._tint()


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    return Hint(text, parent)


class EmptyState(QWidget):
    """A centred message with one main button and an optional link: teaches the next step."""

    def __init__(self, title: str, text: str, button: str, on_click: Callable[[], None],
                 *, link: str = "", on_link: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QVBoxLayout()
        box.setSpacing(12)
        t = heading(title, self, size=1.6)
        t.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(t)
        body = QLabel(text, self)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        width = body.fontMetrics().averageCharWidth() * 64
        body.setFixedWidth(width)
        body.setMinimumHeight(body.heightForWidth(width))
        box.addWidget(body, 0, Qt.AlignmentFlag.AlignHCenter)
        self.button = QPushButton(button, self)
        self.button.setDefault(True)
        self.button.clicked.connect(on_click)
        self.row = QHBoxLayout()
        self.row.addStretch(1)
        self.row.addWidget(self.button)
        self.row.addStretch(1)
        box.addLayout(self.row)
        if link and on_link is not None:
            self.link = QLabel(f'<a href="#">{link}</a>', self)
            self.link.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            self.link.linkActivated.connect(lambda _href: on_link())
            box.addWidget(self.link)
        outer.addLayout(box)
        outer.addStretch(2)

    def add_action(self, action, text: str = "", *, first: bool = False) -> QPushButton:
        """Another way to begin, as a button beside the main one (``first``: it becomes the
        main one, and the other steps back)."""
        button = QPushButton(text or action.iconText(), self)
        button.setToolTip(action.toolTip())
        button.clicked.connect(lambda _=False: action.trigger())
        if first:
            self.button.setDefault(False)
            button.setDefault(True)
            self.row.insertWidget(1, button)
        else:
            self.row.insertWidget(self.row.count() - 1, button)
        return button


def fit_to_screen(window: QWidget, width: int, height: int, *, share: float = 0.88) -> None:
    """Size a dialog to ``width`` x ``height``, or less on a small screen: it keeps ``1 - share``
    of the available height free for its title bar and the desktop's panels, so its buttons
    never sit at the screen's edge (1366x768 leaves ~730 px under a taskbar); then centre it
    on its parent (or the screen)."""
    from PySide6.QtGui import QGuiApplication

    parent = window.parentWidget()
    screen = (parent.screen() if parent is not None else None) or window.screen() \
        or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    avail = screen.availableGeometry()
    w = min(width, int(avail.width() * 0.92))
    h = min(height, int(avail.height() * share))
    window.resize(w, h)
    centre = parent.frameGeometry().center() if parent is not None and parent.isVisible() \
        else avail.center()
    x = max(avail.left(), min(centre.x() - w // 2, avail.left() + avail.width() - w - 8))
    y = max(avail.top(), min(centre.y() - h // 2, avail.top() + avail.height() - h - 40))
    window.move(x, y)


def scrolled(page: QWidget, body: QWidget) -> None:
    """Lay ``body`` out as the whole of ``page``, scrolling when the window is short."""
    from PySide6.QtWidgets import QScrollArea

    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(body)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
