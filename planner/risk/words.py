"""Break-even values, bets, ranged inputs and stress values in plain words, for the app, the
CLI, the workbook and the brief (no Qt: the CLI and the app share this wording)."""

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
    """One sentence a manager can repeat. The test is the sign of the NPV over the plan's
    months (MODEL.md 7.4), so the sentences say "NPV", not "pays back" (a plan can keep a
    positive NPV while losing money every month at the end). ``ends`` is the NPV at the
    bracket's two ends, used to say which way a lever without a break-even leaves the plan."""
    lo_npv, hi_npv = ends if ends else (None, None)
    if lever == "time_saved_scale":
        if value is None:
            return ("NPV stays positive even if AI saves none of the time planned: the savings "
                    "from structure (span changes) carry it"
                    if (lo_npv or 0) > 0 else
                    "NPV stays negative even if AI saves three times the time planned")
        if value <= 1:
            return f"NPV stays positive as long as AI saves at least {pct(value)} of the time planned"
        return (f"NPV is negative as planned: AI would need to save {pct(value)} of the time "
                "planned to break even")
    if lever == "compute_scale":
        if value is None:
            return ("Compute could cost 1,000 times the planned amount and the NPV would stay "
                    "positive" if (hi_npv or 0) > 0 else "NPV is negative even if compute were free")
        if value >= 1:
            return (f"Compute could cost {value:.1f} times the planned amount before the NPV "
                    "turns negative")
        return (f"NPV is negative as planned: compute would have to cost {value:.2f} times the "
                "planned amount to break even")
    # which side of the break-even is positive (the usual one when the ends are not given)
    usual = {"time_saved_scale": True, "compute_scale": False, "price_decline_per_year": True,
             "volume_growth_per_year": True}.get(lever, True)
    high_positive = usual if hi_npv is None or lo_npv is None or value is None else hi_npv > 0
    if lever == "volume_growth_per_year" and value is not None and not high_positive:
        # less work pays: the plan hires for growth or its AI costs more than it saves
        if value <= 0:
            return f"NPV turns positive only if volume falls more than {pct(-value)} a year"
        return f"NPV stays positive as long as volume grows less than {pct(value)} a year"
    if lever == "price_decline_per_year" and value is not None and not high_positive:
        return (f"NPV changes sign with API prices {change_words(lever, value)} (positive on "
                "the dearer side)")
    if lever == "price_decline_per_year":
        if value is None:
            return ("NPV over the plan's months stays positive even if API prices double "
                    "every year (the most tested)"
                    if (lo_npv or 0) > 0 else
                    "NPV is negative even if API prices fall 99% a year")
        if value <= 0:
            return f"API prices could rise {pct(-value)} a year before the NPV turns negative"
        return f"Needs API prices to fall at least {pct(value)} a year for a positive NPV"
    if lever == "volume_growth_per_year":
        if value is None:
            return ("NPV stays positive even if volume falls 99% a year (the most tested)"
                    if (lo_npv or 0) > 0 else "NPV is negative whatever the volume does")
        if value <= 0:
            return f"NPV stays positive if volume falls up to {pct(-value)} a year"
        return f"Needs volume to grow at least {pct(value)} a year for a positive NPV"
    return f"{lever}: {value}"


def payback_odds(probability: float, below_again: float, horizon: int, draws: str) -> str:
    """"Pays back within 36 months in 100% of 10,000 draws; in 74% of draws the running net
    cash is below 0 again by month 36" (the second part only when some are). ``draws`` is
    "10,000 draws" or "2,500 of 10,000 draws"."""
    text = f"Pays back within {horizon} months in {pct(probability)} of {draws}"
    if below_again > 0:
        share = pct(below_again) if below_again >= 0.005 else "under 1%"
        text += (f"; in {share} of draws the running net cash is below 0 again by month "
                 f"{horizon}")
    return text


def break_even_sentences(rows: list[dict[str, Any]]) -> list[str]:
    return [break_even_sentence(r["lever"], r["value"],
                                (r.get("npv_at_low", 0.0), r.get("npv_at_high", 0.0)))
            for r in rows]


# ----- ranged inputs ------------------------------------------------------------------------
# A yearly change named by what changes, and the words for up and down: "API price decline
# -25%" reads "API prices rising 25% a year". ``falls_when_positive``: the field is a decline.
CHANGES: dict[str, tuple[str, str, str, bool]] = {
    # key: (what changes, word when it goes up, word when it goes down, positive = down?)
    "price_decline_per_year": ("API prices", "rising", "falling", True),
    "gpu_price_decline_per_year": ("GPU prices", "rising", "falling", True),
    "volume_growth_per_year": ("work volume", "growing", "shrinking", False),
    "token_growth_per_year": ("token use", "growing", "shrinking", False),
    "wage_growth_per_year": ("wages", "rising", "falling", False),
    "throughput_gain_per_year": ("serving speed", "improving", "slowing", False),
}


def change_words(key: str, value: float) -> str:
    """``rising 25% a year`` for an API price decline of -25%; ``flat`` for 0."""
    _what, up, down, inverted = CHANGES[key]
    v = -value if inverted else value
    if abs(v) < 1e-12:
        return "flat"
    return f"{up if v > 0 else down} {_pct_text(abs(v))} a year"


def _pct_text(x: float) -> str:
    return f"{x * 100:.1f}%".replace(".0%", "%")


def path_words(path: str) -> str:
    """``workflows[*].ai.time_saved`` -> "time saved (every workflow)";
    ``settings.price_decline_per_year`` -> "API prices"; a path that does not parse as it is."""
    from planner.plan.paths import PathError, parse

    try:
        p = parse(path)
    except PathError:
        return path
    if p.spec.key in CHANGES and CHANGES[p.spec.key][3] and p.spec.show == "percent":
        label = CHANGES[p.spec.key][0]          # "API prices", not "API price decline"
    else:
        label = p.spec.label
    if len(label) > 1 and not label[1].isupper():       # keep acronyms: "API prices"
        label = label[0].lower() + label[1:]
    if p.collection is None:
        return label
    if p.item == "*":
        where = f"every {p.collection[:-1]}"
    else:
        where = p.item
    if p.role is not None:
        where = f"{p.role} in {where}" if p.role != "*" else f"every role in {where}"
    return f"{label} ({where})"


def range_words(path: str, low: float | None, high: float | None, *,
                scale: bool = False, show=None) -> str:
    """The range of a ranged input in words: "from rising 25% a year to falling 30% a year"
    for an API price decline of -25% to 30%; "-50% to +50% of its value" for a scale range;
    else "from LOW to HIGH" with ``show`` (value -> text, default: percent or plain)."""
    from planner.plan.paths import PathError, parse

    if low is None or high is None:
        return ""
    if scale:
        return f"{_signed_pct(low - 1)} to {_signed_pct(high - 1)} of its value"
    try:
        spec = parse(path).spec
    except PathError:
        spec = None
    if spec is not None and spec.key in CHANGES and spec.show == "percent":
        lo, hi = change_words(spec.key, low), change_words(spec.key, high)
        lo_word, hi_word = lo.split(" ")[0], hi.split(" ")[0]
        if lo_word == hi_word and lo_word != "flat":    # "rising 2% to 5% a year"
            return f"{lo.removesuffix(' a year')} to {hi.split(' ')[1]} a year"
        return f"from {lo} to {hi}"
    if show is None:
        def show(x: float) -> str:
            return _pct_text(x) if spec is not None and spec.show == "percent" else f"{x:g}"
    return f"from {show(low)} to {show(high)}"


def _signed_pct(x: float) -> str:
    return ("+" if x > 0 else "") + _pct_text(x)


# ----- what failing means (the stress values), in words ------------------------------------
# Labels without a double negative ("Demand falls to: -10%"): what the value is, and beside
# it what it means (stress_reading).
STRESS_LABELS = {
    "volume_growth_per_year": "Work volume growth, at most",
    "price_decline_per_year": "API price decline, at most",
    "time_saved_scale": "Share of the planned time AI saves",
    "throughput_gain_per_year": "Serving speed gain, at most",
    "gpu_price_decline_per_year": "GPU price decline, at most",
    "token_growth_per_year": "Token use growth, at least",
}


def stress_reading(key: str, value: float) -> str:
    """What a stress value means: -10% volume growth at most -> "work volume shrinks 10% a
    year or more"; -25% API price decline at most -> "API prices rise 25% a year or more"."""
    p = _pct_text(abs(value))
    zero = abs(value) < 1e-12
    if key == "time_saved_scale":
        return f"AI saves only {_pct_text(value)} of the time planned"
    if key == "volume_growth_per_year":
        return ("work volume does not grow" if zero else
                f"work volume shrinks {p} a year or more" if value < 0 else
                f"work volume grows {p} a year at most")
    if key in ("price_decline_per_year", "gpu_price_decline_per_year"):
        what = "API prices" if key == "price_decline_per_year" else "GPU prices"
        return (f"{what} do not fall" if zero else
                f"{what} rise {p} a year or more" if value < 0 else
                f"{what} fall {p} a year at most")
    if key == "throughput_gain_per_year":
        return ("serving gets no faster" if zero else
                f"serving slows {p} a year or more" if value < 0 else
                f"serving gets {p} a year faster at most")
    if key == "token_growth_per_year":
        return ("token use does not shrink" if zero else
                f"token use grows {p} a year or more" if value > 0 else
                f"token use shrinks {p} a year at most")
    return f"{value:g}"
