"""What each result figure is and how it is computed, in words: the one home of that wording.

The dashboard tiles (kpis.py, kpi_money.py) put these lines in their tooltips beside the plan's
own numbers; the Compare and Risk tables use them for every cell of a figure's row. Pure text,
no Qt.
"""

from __future__ import annotations

HEADCOUNT = "Headcount = ICs + managers, summed over every team"
WITHOUT_AI = "Without AI = the same teams and spans, hiring for volume growth, no AI effect"
MANAGERS = ("Managers per team = ceil(ICs / span); span = the team's target span, else the "
            "plan's target span, else ICs / managers today")
LAYERS = ("Layers = the depth of the team tree: for each team with ICs, count the teams on "
          "its path to the top (itself included) that have managers; the largest count")
FTE_FREED = "FTE freed = hours saved per month / (hours per FTE year / 12)"
# completed by the tile with its wage growth: "... wage growth (3% a year) in every organisation"
PAYROLL = ("Payroll per team = (ICs × average IC cost + managers × average manager cost) / 12 a "
           "month, rising with wage growth")
API = ("API = tokens × price per million tokens (cached input at its own price); prices "
       "change each year by the model's price decline, else the plan's")
GPU = ("GPU = cloud rental + owned GPUs' energy and overhead + depreciation of owned GPUs; "
       "fleets shrink as serving gets faster, rent and purchases follow GPU prices")
SEATS = "Seats = ceil(headcount × coverage) × cost per seat a month"
NPV = ("NPV of net cash = sum over months m of net cash in month m / (1 + discount rate) ^ "
       "(m / 12)")
PAYBACK = ("Payback month = the first month in which cumulative net cash (payroll savings "
           "− compute cash − extra severance − one-off costs, from month 1) reaches 0 or more")
COMPUTE_SHARE = ("Compute as share of payroll = compute per month (P&L view) / payroll per "
                 "month, both in the final month")


def hours_saved(workflows: int | None = None) -> str:
    over = (f"{workflows} workflow{'s' if workflows != 1 else ''}" if workflows is not None
            else "every workflow")
    return ("Hours saved = volume × volume growth since month 1 × minutes / 60 × adoption × ramp "
            f"× (time saved − review overhead), summed over {over}")


def net_cash(horizon: int | str = "H") -> str:
    return (f"Net cash over {horizon} months = payroll savings − compute (cash: GPU purchases when "
            f"paid) − extra severance − one-off costs, summed over months 1 to {horizon}")


# Every figure the Compare and Risk tables show: what it is, then how it is computed.
FIGURES: dict[str, tuple[str, ...]] = {
    "headcount": ("The people the plan has in its final month", HEADCOUNT, MANAGERS),
    "headcount_without_ai": ("The people the same work would need in the final month without AI",
                             WITHOUT_AI, HEADCOUNT),
    "managers": ("The managers the plan has in its final month", MANAGERS),
    "layers": ("How many management layers the team tree has in the final month", LAYERS),
    "fte_freed": ("The full-time people's worth of work AI does in the final month",
                  FTE_FREED, hours_saved()),
    "payroll_annual": ("What the plan's people cost a year, at the final month's rate",
                       "Payroll per year = payroll in the final month × 12", PAYROLL),
    "compute_per_month": ("What AI costs in the final month (P&L view: owned GPUs depreciate)",
                          "Compute = API + GPU + seats", API, GPU, SEATS),
    "compute_to_payroll": ("What AI costs for every unit of payroll, in the final month",
                           COMPUTE_SHARE),
    "npv_net_cash": ("The plan's net cash over the horizon, in today's money", NPV, net_cash()),
    "cumulative_net_cash": ("What the plan saves after its costs, over the whole horizon",
                            net_cash()),
    "payback_month": ("When the plan has earned back what it spent", PAYBACK),
}


def figure_tip(key: str, label: str = "") -> str:
    """A figure's tooltip: ``label: what it is`` on the first line, its formula below."""
    what, *how = FIGURES[key]
    return "\n".join([f"{label}: {what}" if label else what, *how])


# Where a value sits among the Monte Carlo draws (the Risk page's P10, P50 and P90 columns).
PERCENTILES = {
    "p10": "P10: 1 draw in 10 came out {low} than this",
    "p50": "P50, the median: half the draws came out {low} than this, half {high}",
    "p90": "P90: 1 draw in 10 came out {high} than this",
}


def percentile_tip(q: str, *, higher_is_better: bool | None) -> str:
    """``P10: 1 draw in 10 came out worse than this`` for a figure where more is better (NPV);
    "lower (better)" for a cost, plain "lower" for a figure neither good nor bad (headcount)."""
    low, high = (("worse", "better") if higher_is_better is True else
                 ("lower (better)", "higher (worse)") if higher_is_better is False else
                 ("lower", "higher"))
    return PERCENTILES[q].format(low=low, high=high)
