"""Light and dark themes (View > Theme): System follows the desktop; Light/Dark force it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_light_palette: QPalette | None = None


def dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor(30, 32, 36), QColor(43, 45, 50), QColor(225, 227, 230)
    mid = QColor(70, 73, 80)
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base, QPalette.ColorRole.AlternateBase: QColor(37, 39, 44),
        QPalette.ColorRole.ToolTipBase: QColor(55, 58, 64), QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor(140, 144, 150),
        QPalette.ColorRole.Text: text, QPalette.ColorRole.Button: QColor(52, 55, 61),
        QPalette.ColorRole.ButtonText: text, QPalette.ColorRole.BrightText: QColor(255, 90, 90),
        QPalette.ColorRole.Light: QColor(80, 83, 90), QPalette.ColorRole.Midlight: QColor(62, 65, 71),
        QPalette.ColorRole.Mid: mid, QPalette.ColorRole.Dark: QColor(25, 26, 29),
        QPalette.ColorRole.Shadow: QColor(10, 10, 12),
        QPalette.ColorRole.Highlight: QColor(42, 110, 190), QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Link: QColor(110, 170, 255), QPalette.ColorRole.LinkVisited: QColor(170, 140, 255),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(128, 131, 137))
    return p


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None:
        try:
            return hints.colorScheme() == Qt.ColorScheme.Dark
        except (AttributeError, TypeError):
            pass
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(mode: str) -> bool:
    """Apply ``system`` / ``light`` / ``dark``; returns True when the result is dark."""
    global _light_palette
    app = QApplication.instance()
    if app is None:
        return False
    if _light_palette is None:
        _light_palette = app.style().standardPalette()
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):
        scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(mode, Qt.ColorScheme.Unknown)
        try:
            hints.setColorScheme(scheme)
        except (AttributeError, TypeError):
            pass
    dark = mode == "dark" or (mode == "system" and system_is_dark())
    app.setPalette(dark_palette() if dark else _light_palette)
    app.setProperty("orgplanner_dark", dark)
    return dark


def is_dark() -> bool:
    app = QApplication.instance()
    return bool(app and app.property("orgplanner_dark"))
