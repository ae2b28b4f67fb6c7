"""Span-health colours for the org chart and the charts, legible in light and dark themes.

Colour carries meaning only: amber for a narrow span (1-2), red for a wide one (16+), a soft
green for a healthy one, neutral for people without reports.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_FILL = {  # (light, dark)
    "narrow": ("#ffe0a3", "#6b4a10"),
    "ok": ("#d7ecd9", "#244a2c"),
    "wide": ("#f8c4c4", "#6e2222"),
    "": ("#eceff3", "#3a3d44"),
}
_EDGE = {
    "narrow": ("#b26a00", "#ffb74d"),
    "ok": ("#2e7d32", "#66bb6a"),
    "wide": ("#c62828", "#ef5350"),
    "": ("#9aa3ad", "#6d737c"),
}
_PEOPLE = ("#3d6aa8", "#7fa7dc")
_AFTER = ("#e09b2d", "#f0a030")


def is_dark() -> bool:
    app = QApplication.instance()
    if app is None:
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _pick(pair: tuple[str, str]) -> QColor:
    return QColor(pair[1] if is_dark() else pair[0])


def fill(health: str) -> QColor:
    return _pick(_FILL.get(health, _FILL[""]))


def edge(health: str) -> QColor:
    return _pick(_EDGE.get(health, _EDGE[""]))


def before() -> QColor:
    return _pick(_PEOPLE)


def after() -> QColor:
    return _pick(_AFTER)


def text() -> QColor:
    app = QApplication.instance()
    if app is None:
        return QColor("#202124")
    return app.palette().color(QPalette.ColorRole.Text)
