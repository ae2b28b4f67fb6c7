"""The plan file format (MODEL.md section 1) as pydantic models, built from the field registry.

Every leaf (its type, range, default, choices) comes from :mod:`planner.plan.fields`; this
module only says how objects nest. Every object refuses unknown keys (usually a typo) and
non-finite numbers. Types are strict: ``"12"`` is not a number and ``true`` is not a
headcount or a schema version. Cross-references (team ids, model ids, the team tree) and
scenario paths are checked in :mod:`planner.model.validate`.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    create_model,
    model_validator,
)

from ..plan import fields as F

FORMAT = "orgplan"
SCHEMA_VERSION = F.SCHEMA_VERSION
READS = F.READS

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def _whole_float_to_int(v: object) -> object:
    """``36.0`` -> ``36``: JSON has one number type, and tools that write every number with a
    decimal point (Python, some spreadsheets) should not make "36.0 months" an error."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _real_month(v: str) -> str:
    m = _MONTH.match(v)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValueError(f'must be a month written YYYY-MM (e.g. "2027-01"), got "{v}"')
    return v


def _currency_code(v: str) -> str:
    if not _CURRENCY.match(v):
        hint = f' (write "{v.upper()}")' if _CURRENCY.match(v.upper()) else ""
        raise ValueError(f'must be a 3-letter currency code such as "USD" or "EUR", got "{v}"{hint}')
    return v


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)


def _bounds(s: F.Spec) -> dict[str, float]:
    out: dict[str, float] = {}
    if s.minimum is not None:
        out["gt" if s.min_open else "ge"] = s.minimum
    if s.maximum is not None:
        out["lt" if s.max_open else "le"] = s.maximum
    return out


def annotation(s: F.Spec) -> Any:
    """The pydantic type of one registry field."""
    if s.kind == "number":
        t: Any = Annotated[float, Field(**_bounds(s))]
    elif s.kind == "whole":
        t = Annotated[int, BeforeValidator(_whole_float_to_int), Field(**_bounds(s))]
    elif s.kind in ("choice", "const"):
        t = Literal[tuple(v for v, _ in s.choices)]  # type: ignore[misc]
    elif s.kind == "month":
        t = Annotated[str, AfterValidator(_real_month)]
    elif s.kind == "currency":
        t = Annotated[str, AfterValidator(_currency_code)]
    else:
        t = str
    return t | None if s.nullable else t


def _leaves(obj: str, kind: str | None = None, *, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for s in F.of(obj, kind):
        if s.key in skip:
            continue
        out[s.key] = (annotation(s), ... if s.required else s.default)
    return out


def _model(name: str, obj: str, kind: str | None = None, *, base: type = _Strict,
           skip: tuple[str, ...] = (), **extra: Any) -> Any:
    return create_model(name, __base__=base, __module__=__name__,
                        **_leaves(obj, kind, skip=skip), **extra)


# ----- leaves and blocks ------------------------------------------------------------------
Settings = _model("Settings", "settings")
Role = _model("Role", "role")
AiSeats = _model("AiSeats", "ai_seats")
AiEffect = _model("AiEffect", "ai")
ComputeUse = _model("ComputeUse", "compute")
Stress = _model("Stress", "stress")

Team = _model("Team", "team", roles=(list[Role], ...), ai_seats=(AiSeats | None, None))
Workflow = _model("Workflow", "workflow", ai=(AiEffect | None, None),
                  compute=(ComputeUse | None, None))


class _ApiBase(_Strict):
    @property
    def cached_price(self) -> float:
        """Price of cached input tokens; the input price when the plan gives none."""
        return self.input_per_mtok if self.cached_input_per_mtok is None else self.cached_input_per_mtok


def _tagged(name: str, obj: str, kind: str, base: type = _Strict) -> Any:
    tag = F.KIND_TAG[obj]
    return _model(name, obj, kind, base=base, skip=(tag,), **{tag: (Literal[kind], ...)})


ApiModel = _tagged("ApiModel", "model", "api", _ApiBase)
SelfHostedModel = _tagged("SelfHostedModel", "model", "self")
CloudGpu = _tagged("CloudGpu", "gpu", "cloud")
OwnedGpu = _tagged("OwnedGpu", "gpu", "owned")

Model = Annotated[ApiModel | SelfHostedModel, Field(discriminator="hosting")]
Gpu = Annotated[CloudGpu | OwnedGpu, Field(discriminator="pricing")]


# ----- scenarios and ranges (MODEL.md section 6) ------------------------------------------
Number = Annotated[float, Field()]
OverrideValue = float | str | None


class Override(_Strict):
    path: str
    value: OverrideValue = None
    scale: Number | None = None
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _one_of(cls, data: Any) -> Any:
        if isinstance(data, dict):
            has_value, has_scale = "value" in data, "scale" in data
            if has_value == has_scale:
                raise ValueError('give exactly one of "value" (replace) or "scale" (multiply)')
        return data

    @property
    def is_scale(self) -> bool:
        return self.scale is not None or "scale" in self.model_fields_set


class Scenario(_Strict):
    id: str
    name: str
    note: str | None = None
    overrides: list[Override] = []


class Range(_Strict):
    path: str
    low: Number | None = None
    high: Number | None = None
    low_scale: Annotated[float, Field(ge=0, le=1)] | None = None
    high_scale: Annotated[float, Field(ge=1, le=1000)] | None = None
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _one_kind(cls, data: Any) -> Any:
        if isinstance(data, dict):
            absolute = "low" in data or "high" in data
            scaled = "low_scale" in data or "high_scale" in data
            if absolute and scaled:
                raise ValueError('give either "low" and "high" (values) or "low_scale" and '
                                 '"high_scale" (multipliers), not both')
            if absolute and not ("low" in data and "high" in data):
                raise ValueError('give both "low" and "high"')
            if scaled and not ("low_scale" in data and "high_scale" in data):
                raise ValueError('give both "low_scale" and "high_scale"')
            if not absolute and not scaled:
                raise ValueError('give "low" and "high" (values) or "low_scale" and "high_scale" '
                                 "(multipliers)")
        return data

    @property
    def is_scale(self) -> bool:
        return self.low_scale is not None


# ----- the plan ---------------------------------------------------------------------------
class _PlanBase(_Strict):
    def team(self, team_id: str) -> Any:
        return next(t for t in self.teams if t.id == team_id)

    def model(self, model_id: str) -> Any:
        return next(m for m in self.models if m.id == model_id)

    def gpu(self, gpu_id: str) -> Any:
        return next(g for g in self.gpus if g.id == gpu_id)


Plan = _model(
    "Plan", "plan", base=_PlanBase,
    settings=(Settings, Settings()),
    teams=(Annotated[list[Team], Field(min_length=1)], ...),
    workflows=(list[Workflow], []),
    models=(list[Model], []),
    gpus=(list[Gpu], []),
    scenarios=(list[Scenario], []),
    ranges=(list[Range], []),
    stress=(Stress, Stress()),
)

# The plan without its four item lists, for checking items one by one (planner.model.items).
ITEM_LISTS = ("teams", "workflows", "models", "gpus")
PlanHead = _model(
    "PlanHead", "plan",
    settings=(Settings, Settings()),
    scenarios=(list[Scenario], []),
    ranges=(list[Range], []),
    stress=(Stress, Stress()),
)

# Which pydantic class holds the keys under each place of a plan (for "did you mean").
CLASSES: dict[str, Any] = {
    "plan": Plan, "settings": Settings, "team": Team, "role": Role, "ai_seats": AiSeats,
    "workflow": Workflow, "ai": AiEffect, "compute": ComputeUse, "stress": Stress,
    "scenario": Scenario, "override": Override, "range": Range,
}
KIND_CLASSES: dict[str, dict[str, Any]] = {
    "model": {"api": ApiModel, "self": SelfHostedModel},
    "gpu": {"cloud": CloudGpu, "owned": OwnedGpu},
}
