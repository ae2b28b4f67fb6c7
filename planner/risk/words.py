"""Break-even values and bets in plain words, for the app, the CLI, the workbook and the brief."""

from __future__ import annotations

from typing import Any

BET_LABELS = {
    "plan": "As planned",
    "demand": "Demand falls",
    "pricing": "API prices rise",
    "productivity": "AI saves less time",
    "infrastructure": "Serving gets no cheaper",
    "all": "All four fail",
}
# The Monte Carlo's figures (MODEL.md 7.1), as a reader names them.
METRIC_LABELS = {
    "headcount": "Headcount (final month)",
    "fte_freed": "FTE freed (final month)",
    "cumulative_net_cash": "Cumulative net cash",
    "npv_net_cash": "NPV of net cash",
    "compute_per_month": "Compute per month (final month)",
    "payback_month": "Payback month",
}
BET_BETS = {
    "demand": "the work keeps growing",
    "pricing": "usage prices hold or fall",
    "productivity": "AI saves the time planned",
    "infrastructure": "serving AI gets cheaper",
}


def pct(x: float, digits: int = 0) -> str:
    return f"{x * 100:.{digits}f}%"


def bet_label(bet: str, stress: dict[str, float]) -> str:
    """``"Demand falls 10% a year"`` with the plan's stress values."""
    s = stress
    if bet == "demand":
        g = s["volume_growth_per_year"]
        return (f"Demand falls {pct(-g)} a year" if g < 0 else
                f"Demand grows at most {pct(g)} a year")
    if bet == "pricing":
        d = s["price_decline_per_year"]
        return (f"API prices rise {pct(-d)} a year" if d < 0 else
                f"API prices fall at most {pct(d)} a year")
    if bet == "productivity":
        return f"AI saves {pct(s['time_saved_scale'])} of the time planned"
    if bet == "infrastructure":
        return f"Serving no cheaper; tokens +{pct(s['token_growth_per_year'])} a year"
    return BET_LABELS[bet]


def break_even_sentence(lever: str, value: float | None, ends: tuple[float, float] | None = None
                        ) -> str:
    """One sentence a manager can repeat. ``ends`` is the NPV at the bracket's two ends, used to
    say which way a lever without a break-even leaves the plan."""
    lo_npv, hi_npv = ends if ends else (None, None)
    if lever == "time_saved_scale":
        if value is None:
            return ("NPV stays positive even if AI saves none of the time planned"
                    if (lo_npv or 0) > 0 else
                    "NPV stays negative even if AI saves three times the time planned")
        if value <= 1:
            return f"Pays back as long as AI saves at least {pct(value)} of the time planned"
        return (f"Loses money as planned: AI would need to save {pct(value)} of the time planned "
                "to break even")
    if lever == "compute_scale":
        if value is None:
            return ("Compute could cost 1,000x more and the plan would still pay back"
                    if (hi_npv or 0) > 0 else "Loses money even if compute were free")
        if value >= 1:
            return f"Compute could cost {value:.1f}x more before the plan loses money"
        return f"Loses money as planned: compute would have to cost {value:.2f}x as much to break even"
    if lever == "price_decline_per_year":
        if value is None:
            return ("API prices could double every year and the plan would still pay back"
                    if (lo_npv or 0) > 0 else
                    "Loses money even if API prices fell 99% a year")
        if value <= 0:
            return f"API prices could rise {pct(-value)} a year before the plan loses money"
        return f"Needs API prices to fall at least {pct(value)} a year to break even"
    if lever == "volume_growth_per_year":
        if value is None:
            return ("Still pays back even if volume falls 99% a year"
                    if (lo_npv or 0) > 0 else "Loses money whatever the volume does")
        if value <= 0:
            return f"Still pays back if volume falls up to {pct(-value)} a year"
        return f"Needs volume to grow at least {pct(value)} a year to pay back"
    return f"{lever}: {value}"


def break_even_sentences(rows: list[dict[str, Any]]) -> list[str]:
    return [break_even_sentence(r["lever"], r["value"],
                                (r.get("npv_at_low", 0.0), r.get("npv_at_high", 0.0)))
            for r in rows]
