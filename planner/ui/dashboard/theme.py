"""Colours for the dashboard, derived from the current QPalette.

Colour carries meaning only: savings are green, costs amber, problems red; everything else
uses the palette's own text and accent colours. Each colour has a light-theme and a
dark-theme variant, chosen from the lightness of the window colour, so both stay legible.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# (light theme, dark theme) pairs: strong enough on white, soft enough on near-black.
_SAVING = ("#2e7d32", "#66bb6a")
_COST = ("#b26a00", "#ffb74d")
_COST_2 = ("#e09b2d", "#f08c00")
_COST_3 = ("#f3c77a", "#a86200")
_PROBLEM = ("#c62828", "#ef5350")
_PEOPLE = ("#3d6aa8", "#7fa7dc")
_PEOPLE_2 = ("#9db6d9", "#3f5f8c")


@dataclass(frozen=True)
class Theme:
    dark: bool
    background: QColor
    surface: QColor        # tile fill
    border: QColor
    text: QColor
    muted: QColor          # secondary text, axis ticks
    grid: QColor
    saving: QColor
    cost: QColor           # API / the main cost
    cost_2: QColor         # GPU
    cost_3: QColor         # seats
    problem: QColor
    people: QColor         # ICs
    people_2: QColor       # managers


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _pick(pair: tuple[str, str], dark: bool) -> QColor:
    return QColor(pair[1] if dark else pair[0])


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a share ``t`` of the way towards ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def theme_for(widget: QWidget | None = None) -> Theme:
    """The theme for ``widget``'s palette (or the application's)."""
    palette = widget.palette() if widget is not None else QApplication.palette()
    dark = is_dark(palette)
    base = palette.color(QPalette.ColorRole.Base)
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return Theme(
        dark=dark,
        background=base,
        surface=_blend(window, base, 0.6),
        border=_blend(window, text, 0.18),
        text=text,
        muted=_blend(text, window, 0.35),
        grid=_blend(base, text, 0.12),
        saving=_pick(_SAVING, dark),
        cost=_pick(_COST, dark),
        cost_2=_pick(_COST_2, dark),
        cost_3=_pick(_COST_3, dark),
        problem=_pick(_PROBLEM, dark),
        people=_pick(_PEOPLE, dark),
        people_2=_pick(_PEOPLE_2, dark),
    )


def tone_color(theme: Theme, tone: str) -> QColor:
    """The colour of a KPI's meaning: ``saving``, ``cost``, ``problem`` or ``neutral``."""
    return {"saving": theme.saving, "cost": theme.cost, "problem": theme.problem}.get(tone, theme.text)
