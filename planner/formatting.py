"""Numbers for people: currency with symbol and separators, k/M in tiles, percentages.

Pure Python; the CLI, the app and the Excel export (for number formats) share it.
"""

from __future__ import annotations

import math

SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥", "INR": "₹",
           "AUD": "A$", "CAD": "C$", "NZD": "NZ$", "HKD": "HK$", "SGD": "S$", "KRW": "₩",
           "BRL": "R$", "CHF": "CHF ", "SEK": "kr ", "NOK": "kr ", "DKK": "kr "}


def symbol(currency: str) -> str:
    """``$`` for USD, ``€`` for EUR, else the code and a space (``PLN ``)."""
    code = (currency or "").upper()
    return SYMBOLS.get(code, f"{code} " if code else "")


def _missing(x: float | None) -> bool:
    """No figure to show: None, NaN, or an infinity (a plan's numbers overflowed)."""
    return x is None or (isinstance(x, float) and not math.isfinite(x))


def compact(x: float) -> str:
    """``4.6M``, ``330k``, ``950``: for tiles and charts."""
    a = abs(x)
    for div, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= div:
            v = x / div
            return f"{v:.1f}{suffix}" if abs(v) < 100 else f"{v:.0f}{suffix}"
    return f"{x:.0f}"


def money(x: float | None, currency: str = "USD", *, short: bool = False, sign: bool = False) -> str:
    """Currency with its symbol: ``$1,234,567`` or, short, ``$1.2M``; ``-$4.6M`` when negative."""
    if _missing(x):
        return "–"
    body = compact(abs(x)) if short else f"{abs(x):,.0f}"
    lead = "-" if x < -1e-9 else ("+" if sign and x > 1e-9 else "")
    return f"{lead}{symbol(currency)}{body}"


def number(x: float | None, decimals: int = 0) -> str:
    if _missing(x):
        return "–"
    return f"{x:,.{decimals}f}"


def smart(x: float | None) -> str:
    """A headcount-like number: whole when whole (``430``), else one decimal (``34.7``)."""
    if _missing(x):
        return "–"
    return f"{x:,.0f}" if abs(x - round(x)) < 1e-9 else f"{x:,.1f}"


def percent(x: float | None, decimals: int = 0) -> str:
    if _missing(x):
        return "–"
    return f"{x * 100:.{decimals}f}%"


def ratio(x: float | None) -> str:
    """A multiple: ``1.08x``."""
    if _missing(x):
        return "–"
    return f"{x:.2f}x"


def tokens(x: float | None) -> str:
    """Token counts: ``92.4B``, ``1.1M``."""
    if _missing(x):
        return "–"
    return compact(x)


BELOW_ZERO = -1e-6      # a running net cash under this is below 0 (not float noise around it)


def below_again(final_cumulative: float | None) -> bool:
    """True when the running net cash ends below 0: a payback month then does not last."""
    return final_cumulative is not None and final_cumulative < BELOW_ZERO


def payback(month: int | float | None, final_cumulative: float | None = None, *,
            never: str = "never") -> str:
    """The payback month as people read it. MODEL.md's payback month is the first month the
    running net cash reaches 0; a plan whose running total falls below 0 again by the end has
    not paid back for good, so it says so (``month 8, then below 0``)."""
    if month is None or (isinstance(month, float) and math.isnan(month)):
        return never
    text = f"month {month:.0f}" if abs(month - round(month)) < 1e-9 else f"month {month:.1f}"
    if below_again(final_cumulative):
        text += ", then below 0"
    return text

