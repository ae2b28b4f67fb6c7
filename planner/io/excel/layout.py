"""Where everything sits in the workbook: sheet names, columns and rows.

Formulas on one sheet point at cells on another, so every position is computed here,
once, from the size of the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from ...model import Plan

# The Monthly table's columns (the workbook's formulas cover these; the version 2 columns
# are added with the version 2 formulas).
MONTHLY_KEYS = (
    "m", "month", "headcount", "ic", "managers", "fte_freed", "hours_saved", "payroll",
    "payroll_savings", "tokens_in", "tokens_out", "api_cost", "gpu_cost", "gpus", "energy_kwh",
    "seat_cost", "capex", "depreciation", "compute_pnl", "compute_cash", "severance", "one_off",
    "net_pnl", "net_cash",
)

SETTING_KEYS = (
    "start_month", "horizon_months", "hours_per_fte_year", "headcount_policy", "redeploy_share",
    "target_span", "severance_months", "implementation_cost", "price_decline_per_year",
    "token_growth_per_year", "peak_to_average", "pue", "usd_per_kwh",
)

# Column keys, in order, of the sheets with one row per item.
TEAM_COLS = ("id", "name", "parent", "function", "min_ic", "target_span", "seat_cost", "coverage",
             "note", "ic", "mgr", "c_ic", "c_mgr", "span", "hc0", "hcH", "change", "fteH",
             "savings", "seatsH")
ROLE_COLS = ("team", "name", "kind", "headcount", "annual_cost", "note", "payroll")
WF_COLS = ("id", "team", "name", "volume", "minutes", "time_saved", "adoption", "review",
           "ramp_months", "ramp", "model", "calls", "tok_in", "tok_out", "cached", "note",
           "base_hours", "net_saved", "hours_unit", "tin_unit", "tout_unit", "is_api", "pin",
           "pcached", "pout", "api_unit", "final_hours", "final_fte", "final_tin", "final_tout",
           "final_api")
MODEL_COLS = ("id", "hosting", "pin", "pout", "pcached", "gpu", "per_replica", "prefill", "decode",
              "utilization", "note", "cached_price", "is_api", "is_self", "owned", "rental", "capex",
              "amort", "watts", "final_tin", "final_tout", "final_api", "final_gh", "final_fleet",
              "final_kwh")
GPU_COLS = ("id", "pricing", "per_hour", "capex", "amort", "watts", "note", "final_fleet",
            "final_cost")
YEAR_COLS = ("year", "months", "payroll_savings", "api_cost", "gpu_cost", "seat_cost",
             "depreciation", "capex", "compute_pnl", "compute_cash", "severance", "one_off",
             "net_pnl", "net_cash")
CAL_COLS = ("m", "month", "price_factor", "growth_factor", "cum_net_cash", "cum_net_pnl", "payback",
            "chart_label")

MONTHLY_LABELS = {
    "m": "Month no.", "month": "Month", "headcount": "Headcount", "ic": "ICs", "managers": "Managers",
    "fte_freed": "FTE freed", "hours_saved": "Hours saved", "payroll": "Payroll",
    "payroll_savings": "Payroll savings", "tokens_in": "Tokens in", "tokens_out": "Tokens out",
    "api_cost": "API cost", "gpu_cost": "GPU cost (rental + power)", "gpus": "GPUs",
    "energy_kwh": "Energy kWh", "seat_cost": "AI seats", "capex": "GPU capex (cash)",
    "depreciation": "GPU depreciation", "compute_pnl": "Compute (P&L)", "compute_cash": "Compute (cash)",
    "severance": "Severance", "one_off": "One-off", "net_pnl": "Net P&L", "net_cash": "Net cash",
}

TEAM_BLOCKS = ("fte", "ic", "mgr", "seats")
MODEL_BLOCKS = ("tin", "tout", "api", "gh", "fleet", "kwh", "capex", "dep")
WF_LEAD = ("id", "team", "adoption", "ramp_months", "s_curve")   # WorkflowMonths lead columns


class Cols:
    """Column letters of a sheet by key."""

    def __init__(self, keys: tuple[str, ...], first: int = 1) -> None:
        self.keys = keys
        self.index = {k: i + first for i, k in enumerate(keys)}
        self.letter = {k: get_column_letter(i) for k, i in self.index.items()}

    def __getitem__(self, key: str) -> str:
        return self.letter[key]


@dataclass(frozen=True)
class Layout:
    T: int   # teams
    R: int   # roles
    W: int   # workflows
    J: int   # models
    G: int   # GPUs
    H: int   # months

    @classmethod
    def of(cls, plan: Plan) -> Layout:
        return cls(T=len(plan.teams), R=sum(len(t.roles) for t in plan.teams),
                   W=len(plan.workflows), J=len(plan.models), G=len(plan.gpus),
                   H=plan.settings.horizon_months)

    team = Cols(TEAM_COLS)
    role = Cols(ROLE_COLS)
    wf = Cols(WF_COLS)
    model = Cols(MODEL_COLS)
    gpu = Cols(GPU_COLS)
    year = Cols(YEAR_COLS)
    cal = Cols(CAL_COLS)

    # Data rows of the item sheets start under one header row.
    FIRST = 2
    # Assumptions: settings from this row, in SETTING_KEYS order.
    SETTINGS_ROW = 6

    def setting_row(self, key: str) -> int:
        return self.SETTINGS_ROW + SETTING_KEYS.index(key)

    @property
    def hours_per_fte_month_row(self) -> int:
        return self.SETTINGS_ROW + len(SETTING_KEYS) + 1

    @property
    def hours_per_month_row(self) -> int:
        return self.hours_per_fte_month_row + 1

    # ----- helper sheets with one column per month ---------------------------------------
    # WorkflowMonths: row 1 labels, row 2 month numbers, rows 3.. one per workflow.
    def wfm_col(self, m: int) -> str:
        return get_column_letter(len(WF_LEAD) + m)

    # TeamMonths: C = baseline (month 0), D.. months 1..H; blocks stacked, each a title row.
    def tm_col(self, m: int) -> str:
        return get_column_letter(3 + m)

    def tm_block_title(self, block: str) -> int:
        return 3 + TEAM_BLOCKS.index(block) * (self.T + 2)

    def tm_row(self, block: str, i: int) -> int:
        return self.tm_block_title(block) + 1 + i

    # ModelMonths: C.. months 1..H.
    def mm_col(self, m: int) -> str:
        return get_column_letter(2 + m)

    def mm_block_title(self, block: str) -> int:
        return 3 + MODEL_BLOCKS.index(block) * (self.J + 2)

    def mm_row(self, block: str, j: int) -> int:
        return self.mm_block_title(block) + 1 + j

    # Monthly: row 1 labels for people, row 2 the table header, rows 3.. months.
    def monthly_row(self, m: int) -> int:
        return 2 + m

    def cal_row(self, m: int) -> int:
        return 1 + m

    @property
    def years(self) -> int:
        return (self.H + 11) // 12


def rng(sheet: str, col: str, first: int, count: int) -> str | None:
    """An absolute range ``Sheet!$C$2:$C$9`` of ``count`` rows, or None when empty."""
    if count <= 0:
        return None
    return f"{sheet}!${col}${first}:${col}${first + count - 1}"


MONTHLY_COL = Cols(MONTHLY_KEYS)
