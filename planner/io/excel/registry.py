"""The field registry (:mod:`planner.plan.fields`) as the input sheets show it.

Every input column and setting of the workbook takes its header, unit, meaning, number
format, drop-down choices and valid range from the plan field it holds; nothing about a
field is written twice. Which column holds which field is listed here, per sheet.
"""

from __future__ import annotations

from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation

from ...plan import fields
from ...plan.fields import Spec


def _columns(obj: str, *keys: str | tuple[str, str, str]) -> dict[str, Spec]:
    """Column key -> field: ``"id"`` is the object's own ``id``; ``("seat_cost", "ai_seats",
    "cost_per_seat_month")`` a column named apart from its field, or of a nested block."""
    out = {}
    for k in keys:
        col, o, key = (k, obj, k) if isinstance(k, str) else k
        out[col] = fields.spec(o, key)
    return out


# Input columns of the item sheets (layout.py orders them): column key -> registry field.
TEAM_FIELDS = _columns("team", "id", "name", "parent", "function", "min_ic", "target_span",
                       ("seat_cost", "ai_seats", "cost_per_seat_month"),
                       ("coverage", "ai_seats", "coverage"), "note")
ROLE_FIELDS = _columns("role", "name", "kind", "headcount", "annual_cost", "note")  # + team id
WF_FIELDS = _columns("workflow", "id", "team", "name", ("volume", "workflow", "volume_per_month"),
                     ("minutes", "workflow", "minutes_per_unit"),
                     ("growth", "workflow", "volume_growth_per_year"), ("time_saved", "ai", "time_saved"),
                     ("adoption", "ai", "adoption"), ("review", "ai", "review_overhead"),
                     ("ramp_months", "ai", "ramp_months"), ("ramp", "ai", "ramp"),
                     ("model", "compute", "model"), ("calls", "compute", "calls_per_unit"),
                     ("tok_in", "compute", "input_tokens"), ("tok_out", "compute", "output_tokens"),
                     ("cached", "compute", "cached_share"), "note")
MODEL_FIELDS = _columns("model", "id", "hosting", ("pin", "model", "input_per_mtok"),
                        ("pout", "model", "output_per_mtok"), ("pcached", "model", "cached_input_per_mtok"),
                        ("decline", "model", "price_decline_per_year"), "gpu",
                        ("per_replica", "model", "gpus_per_replica"),
                        ("prefill", "model", "prefill_tokens_per_s"),
                        ("decode", "model", "decode_tokens_per_s"), "utilization",
                        ("speed", "model", "throughput_gain_per_year"), "note")
GPU_FIELDS = _columns("gpu", "id", "pricing", ("per_hour", "gpu", "per_gpu_hour"),
                      ("capex", "gpu", "capex_per_gpu"), ("amort", "gpu", "amortization_months"),
                      ("watts", "gpu", "watts_per_gpu"), ("overhead", "gpu", "overhead_per_gpu_month"),
                      "note")

KIND_NAMES = {"api": "API models", "self": "self-hosted models", "cloud": "cloud GPUs",
              "owned": "owned GPUs"}


def fmt_of(s: Spec) -> str:
    """The number format (a key of :func:`cells.number_formats`) a field's values take."""
    if s.kind == "whole" or s.show == "int":
        return "int"
    if s.show == "percent":
        return "pct" if s.decimals == 0 else "pct1"
    if s.show == "money":
        return "money" if s.decimals == 0 else "money_var"
    if not s.numeric:
        return "text"
    return {0: "int", 1: "num1"}.get(s.decimals, "num2")


def unit_text(s: Spec, currency: str) -> str:
    """``USD per year``, ``% per year``, ``minutes``."""
    lead = currency if s.show == "money" else "%" if s.show == "percent" else ""
    return " ".join(x for x in (lead, s.unit) if x)


def header_text(s: Spec, currency: str) -> str:
    """A column header: the label, its unit, and what a blank cell means."""
    unit = unit_text(s, currency)
    text = s.label + (f" ({unit})" if unit else "")
    if s.only and s.obj in fields.KIND_TAG:
        text += f", {' and '.join(KIND_NAMES[k] for k in s.only)} only"
    if s.nullable and s.null_text and s.kind not in ("text", "ref"):
        text += f"\nblank: {s.null_text}"
    return text


def help_text(s: Spec, *, source: bool = True) -> str:
    """What the field means, its valid range, its default and (``source``) where the default
    comes from."""
    parts = [s.meaning]
    if s.kind == "choice":
        parts.append("One of: " + "; ".join(f"{k} ({label})" if label != k else k
                                            for k, label in s.choices) + ".")
    rng = s.describe_range()
    if rng:
        parts.append(f"Valid: {rng}.")
    if not s.required:
        parts.append(f"Default: {s.describe_default()}.")
    if s.source and source:
        parts.append(f"Source: {s.source}.")
    return " ".join(p for p in parts if p)


def header_comment(s: Spec) -> Comment:
    c = Comment(help_text(s), "OrgPlanner")
    c.width, c.height = 320, 150
    return c


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.12g}"


def validation(s: Spec, ref: str | None) -> DataValidation | None:
    """The drop-down of a choice, or the range check of a number, over ``ref`` (None: none)."""
    if not ref:
        return None
    if s.kind == "choice":
        keys = ",".join(k for k, _ in s.choices)
        dv = DataValidation(type="list", formula1=f'"{keys}"', allow_blank=True)
        dv.error = f"Choose one of: {keys.replace(',', ', ')}"
    elif s.numeric:
        lo = None if s.minimum is None else s.minimum + (1e-9 if s.min_open else 0.0)
        hi = None if s.maximum is None else s.maximum - (1e-9 if s.max_open else 0.0)
        kind = "whole" if s.kind == "whole" else "decimal"
        if lo is not None and hi is not None:
            dv = DataValidation(type=kind, operator="between", formula1=_number(lo),
                                formula2=_number(hi), allow_blank=True)
        elif lo is not None:
            dv = DataValidation(type=kind, operator="greaterThanOrEqual", formula1=_number(lo),
                                allow_blank=True)
        elif hi is not None:
            dv = DataValidation(type=kind, operator="lessThanOrEqual", formula1=_number(hi),
                                allow_blank=True)
        else:
            return None
        dv.error = f"{s.label} must be {s.describe_range()}."[:225]
    else:
        return None
    return _refusing(dv, s.label, ref)


def _refusing(dv: DataValidation, title: str, ref: str) -> DataValidation:
    """``dv`` over ``ref`` (ranges separated by spaces), refusing a bad value with its message
    (not only warning)."""
    dv.errorTitle = title[:32]
    dv.errorStyle = "stop"
    dv.showErrorMessage = True
    for part in ref.split():
        dv.add(part)
    return dv


def id_validation(s: Spec, ids: str | None, ref: str | None, what: str) -> DataValidation | None:
    """A drop-down of the ids in the range ``ids`` (``Teams!$A$2:$A$16``) for a reference
    column: a typo, or an id with a stray space, is refused."""
    if not ids or not ref:
        return None
    dv = DataValidation(type="list", formula1=ids, allow_blank=True)
    dv.error = (f"Choose one of the {what} ids listed (type a new one on its sheet first)"
                + (", or leave it empty." if s.nullable or not s.required else "."))
    return _refusing(dv, s.label, ref)


def validate(ws, s: Spec, ref: str | None) -> None:
    dv = validation(s, ref)
    if dv is not None:
        ws.data_validations.append(dv)


__all__ = ["TEAM_FIELDS", "ROLE_FIELDS", "WF_FIELDS", "MODEL_FIELDS", "GPU_FIELDS", "fmt_of",
           "unit_text", "header_text", "help_text", "header_comment", "validation", "validate",
           "id_validation"]
