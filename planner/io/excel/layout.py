"""Where everything sits in the workbook: sheet names, columns and rows.

Formulas on one sheet point at cells on another, so every position is computed here,
once, from the size of the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from ...engine import MONTHLY_KEYS, YEAR_KEYS
from ...model import Plan
from ...plan import fields
from .registry import GPU_FIELDS, MODEL_FIELDS, ROLE_FIELDS, TEAM_FIELDS, WF_FIELDS

# Assumptions: one named input cell per setting of the registry, in its order.
SETTING_KEYS = tuple(s.key for s in fields.settings())
# Calculated cells named under the settings: (name, label, meaning).
DERIVED = (
    ("hours_per_fte_month", "Hours per FTE a month", "Calculated: hours per FTE a year / 12."),
    ("hours_per_month", "Hours in a month",
     "Average hours in a month: GPU rental and power are billed for every hour."),
    ("kept_share", "Share of freed capacity kept",
     "Calculated: 100% under the redeploy policy, else the share kept for new work."),
    ("by_attrition", "Headcount comes down by attrition",
     "Calculated: 1 when people leave by attrition, 0 with layoffs."),
)

# Column keys, in order, of the sheets with one row per item: inputs first (registry.py
# says which plan field each holds), then calculated columns.
TEAM_INPUTS = tuple(TEAM_FIELDS)
TEAM_COLS = TEAM_INPUTS + (
    "ic", "mgr", "c_ic", "c_mgr", "own", "span", "own_span", "hc0", "hcH", "hcH_c", "change",
    "fteH", "savings", "seatsH")
ROLE_INPUTS = ("team", *ROLE_FIELDS)
ROLE_COLS = ROLE_INPUTS + ("payroll",)
WF_INPUTS = tuple(WF_FIELDS)
WF_COLS = WF_INPUTS + (
    "growth_used", "base_hours", "net_saved", "hours_unit", "tin_unit", "tout_unit", "is_api",
    "pin", "pcached", "pout", "api_unit", "price_final", "final_hours", "final_fte", "final_tin",
    "final_tout", "final_api")
MODEL_INPUTS = tuple(MODEL_FIELDS)
MODEL_COLS = MODEL_INPUTS + (
    "cached_price", "is_api", "is_self", "owned", "decline_used", "speed_used", "price_final",
    "rental", "capex", "amort", "watts", "overhead", "final_tin", "final_tout", "final_api",
    "final_gh", "final_fleet", "final_kwh", "final_busy")
GPU_INPUTS = tuple(GPU_FIELDS)
GPU_COLS = GPU_INPUTS + ("final_fleet", "final_cost")
YEAR_COLS = ("year", "months", *YEAR_KEYS[1:4], "api_cost", "gpu_cost", "seat_cost",
             "depreciation", "capex", *YEAR_KEYS[4:])
CAL_COLS = ("m", "month", "token_factor", "gpu_price_factor", "wage_index", "discount",
            "hc_today", "hc_plan", "hc_without_ai", "cum_net_cash", "cum_net_pnl", "payback",
            "chart_label")

MONTHLY_LABELS = {
    "m": "Month no.", "month": "Month", "headcount": "Headcount (plan)", "ic": "ICs",
    "managers": "Managers", "headcount_without_ai": "Headcount without AI",
    "fte_freed": "FTE freed by AI", "hours_saved": "Hours saved", "payroll": "Payroll (plan)",
    "payroll_without_ai": "Payroll without AI", "payroll_savings": "Payroll savings",
    "payroll_savings_ai": "Savings from AI", "payroll_savings_structure": "Savings from structure",
    "tokens_in": "Tokens in", "tokens_out": "Tokens out", "api_cost": "API cost",
    "gpu_cost": "GPU cost (rental, power, overhead)", "gpus": "GPUs", "energy_kwh": "Energy kWh",
    "seat_cost": "AI seats", "capex": "GPU capex (cash)", "depreciation": "GPU depreciation",
    "compute_pnl": "Compute (P&L)", "compute_cash": "Compute (cash)", "severance": "Severance (plan)",
    "severance_without_ai": "Severance without AI", "one_off": "One-off", "net_pnl": "Net P&L",
    "net_cash": "Net cash",
}
YEAR_LABELS = {"year": "Year", "months": "Months", **MONTHLY_LABELS}

# TeamMonths blocks: the plan (P), AI only (A: the plan's people with today's spans; its ICs
# are the plan's, only its managers differ) and without AI (C).
TEAM_BLOCKS = ("fte", "growth", "tic", "ic", "mgr", "mgr_ai", "tic_c", "ic_c", "mgr_c", "seats")
MODEL_BLOCKS = ("tin", "tout", "api", "gh", "fleet", "kwh", "capex", "dep")
WF_LEAD = ("id", "team", "adoption", "ramp_months", "s_curve", "growth")  # WorkflowMonths leads


class Cols:
    """Column letters of a sheet by key."""

    def __init__(self, keys: tuple[str, ...], first: int = 1) -> None:
        self.keys = keys
        self.index = {k: i + first for i, k in enumerate(keys)}
        self.letter = {k: get_column_letter(i) for k, i in self.index.items()}

    def __getitem__(self, key: str) -> str:
        return self.letter[key]


def tree_levels(teams: int) -> int:
    """Pointer-jumping passes that cover any path in a tree of ``teams`` teams (2^L >= T)."""
    return max(1, (teams - 1).bit_length())


class TreeCols:
    """TeamTree columns: id, parent id, then for each pass k the pointer ``up_k`` (the team
    2^(k-1) levels up) and the managed-team counts of today and the final month over the
    path so far; last, the count of teams with ICs (``layers0``, ``layersH``)."""

    def __init__(self, levels: int) -> None:
        keys = ["id", "parent", "up1", "n0_0", "nH_0"]
        for k in range(1, levels + 1):
            keys += [f"n0_{k}", f"nH_{k}"]
            if k < levels:
                keys.append(f"up{k + 1}")
        keys += ["layers0", "layersH"]
        self.levels = levels
        self.cols = Cols(tuple(keys))

    def __getitem__(self, key: str) -> str:
        return self.cols[key]


# Empty input rows under the plan's teams, roles and workflows: a reader adds one by typing
# in the first of them. Every formula and working sheet already has a row for each.
SPARE_TEAMS, SPARE_ROLES, SPARE_WORKFLOWS = 5, 10, 10


@dataclass(frozen=True)
class Layout:
    T: int   # team rows: the plan's teams, then SPARE_TEAMS empty rows
    R: int   # role rows, likewise
    W: int   # workflow rows, likewise
    J: int   # models
    G: int   # GPUs
    H: int   # months
    teams: int = 0       # the plan's own teams, roles and workflows (the rest are spare)
    roles: int = 0
    workflows: int = 0

    @classmethod
    def of(cls, plan: Plan) -> Layout:
        teams, roles = len(plan.teams), sum(len(t.roles) for t in plan.teams)
        workflows = len(plan.workflows)
        return cls(T=teams + SPARE_TEAMS, R=roles + SPARE_ROLES, W=workflows + SPARE_WORKFLOWS,
                   J=len(plan.models), G=len(plan.gpus), H=plan.settings.horizon_months,
                   teams=teams, roles=roles, workflows=workflows)

    team = Cols(TEAM_COLS)
    role = Cols(ROLE_COLS)
    wf = Cols(WF_COLS)
    model = Cols(MODEL_COLS)
    gpu = Cols(GPU_COLS)
    year = Cols(YEAR_COLS)
    cal = Cols(CAL_COLS)

    # Data rows of the item sheets start under one header row.
    FIRST = 2
    # Assumptions: settings from this row, in SETTING_KEYS order, then the DERIVED cells.
    SETTINGS_ROW = 6

    def setting_row(self, key: str) -> int:
        return self.SETTINGS_ROW + SETTING_KEYS.index(key)

    def derived_row(self, name: str) -> int:
        return self.SETTINGS_ROW + len(SETTING_KEYS) + 1 + [d[0] for d in DERIVED].index(name)

    @property
    def tree(self) -> TreeCols:
        return TreeCols(tree_levels(self.T))

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

    def tm(self, block: str, col: str) -> str:
        """A TeamMonths block's column ``col`` over every team (absolute rows)."""
        first = self.tm_row(block, 0)
        return f"TeamMonths!{col}${first}:{col}${first + self.T - 1}"

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

    # Years: row 1 labels, row 2 keys, rows 3.. years.
    def year_row(self, y: int) -> int:
        return 2 + y

    # Calendar: row 1 labels, row 2 today (month 0, for the headcount chart), rows 3.. months.
    def cal_row(self, m: int) -> int:
        return 2 + m

    def cal_range(self, key: str, first: int = 1) -> str:
        """A Calendar column over months ``first``..H (absolute)."""
        c = self.cal[key]
        return f"Calendar!${c}${self.cal_row(first)}:${c}${self.cal_row(self.H)}"

    @property
    def years(self) -> int:
        return (self.H + 11) // 12


def rng(sheet: str, col: str, first: int, count: int) -> str | None:
    """An absolute range ``Sheet!$C$2:$C$9`` of ``count`` rows, or None when empty."""
    if count <= 0:
        return None
    return f"{sheet}!${col}${first}:${col}${first + count - 1}"


MONTHLY_COL = Cols(MONTHLY_KEYS)
