"""The plan file format (MODEL.md section 1) as pydantic models.

Every object refuses unknown keys (usually a typo) and non-finite numbers. Types are
strict: ``"12"`` is not a number and ``true`` is not a headcount. Cross-references
(team ids, model ids, the team tree) are checked in :mod:`planner.model.validate`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

FORMAT = "orgplan"
SCHEMA_VERSION = 1

NonNeg = Annotated[float, Field(ge=0)]
Share = Annotated[float, Field(ge=0, le=1)]
Positive = Annotated[float, Field(gt=0)]
AtLeastOne = Annotated[float, Field(ge=1)]
Note = str | None


def _whole_float_to_int(v: object) -> object:
    """``36.0`` -> ``36``: JSON has one number type, and tools that write every number with a
    decimal point (Python, some spreadsheets) should not make "36.0 months" an error."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


# A whole number (months, GPUs per replica): 36 or 36.0, but not 36.5, "36" or true.
Whole = Annotated[int, BeforeValidator(_whole_float_to_int)]

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)


class Settings(_Strict):
    start_month: str | None = None
    horizon_months: Annotated[Whole, Field(ge=1, le=120)] = 36
    hours_per_fte_year: Positive = 1760.0
    headcount_policy: Literal["reduce", "redeploy"] = "reduce"
    redeploy_share: Share = 0.0
    target_span: Positive | None = None
    severance_months: NonNeg = 0.0
    implementation_cost: NonNeg = 0.0
    price_decline_per_year: Annotated[float, Field(ge=0, lt=1)] = 0.0
    token_growth_per_year: NonNeg = 0.0
    peak_to_average: AtLeastOne = 3.0
    pue: AtLeastOne = 1.3
    usd_per_kwh: NonNeg = 0.10
    note: Note = None

    @field_validator("start_month")
    @classmethod
    def _real_month(cls, v: str | None) -> str | None:
        if v is None:
            return v
        m = _MONTH.match(v)
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise ValueError(f'must be a month written YYYY-MM (e.g. "2027-01"), got "{v}"')
        return v


class Role(_Strict):
    name: str
    kind: Literal["ic", "manager"]
    headcount: NonNeg
    annual_cost: NonNeg
    note: Note = None


class AiSeats(_Strict):
    cost_per_seat_month: NonNeg
    coverage: Share = 1.0
    note: Note = None


class Team(_Strict):
    id: str
    name: str
    parent: str | None = None
    function: str | None = None
    roles: list[Role]
    min_ic: NonNeg = 0.0
    target_span: Positive | None = None
    ai_seats: AiSeats | None = None
    note: Note = None


class AiEffect(_Strict):
    time_saved: Annotated[float, Field(ge=-1, le=1)]
    adoption: Share
    review_overhead: Share = 0.0
    ramp_months: Annotated[Whole, Field(ge=0)] = 0
    ramp: Literal["linear", "s-curve"] = "linear"
    note: Note = None


class ComputeUse(_Strict):
    model: str
    calls_per_unit: NonNeg
    input_tokens: NonNeg
    output_tokens: NonNeg
    cached_share: Share = 0.0
    note: Note = None


class Workflow(_Strict):
    id: str
    team: str
    name: str
    volume_per_month: NonNeg
    minutes_per_unit: NonNeg
    ai: AiEffect | None = None
    compute: ComputeUse | None = None
    note: Note = None


class ApiModel(_Strict):
    id: str
    hosting: Literal["api"]
    input_per_mtok: NonNeg
    output_per_mtok: NonNeg
    cached_input_per_mtok: NonNeg | None = None
    note: Note = None

    @property
    def cached_price(self) -> float:
        """Price of cached input tokens; the input price when the plan gives none."""
        return self.input_per_mtok if self.cached_input_per_mtok is None else self.cached_input_per_mtok


class SelfHostedModel(_Strict):
    id: str
    hosting: Literal["self"]
    gpu: str
    gpus_per_replica: Annotated[Whole, Field(ge=1)]
    prefill_tokens_per_s: Positive
    decode_tokens_per_s: Positive
    utilization: Annotated[float, Field(gt=0, le=1)]
    note: Note = None


class CloudGpu(_Strict):
    id: str
    pricing: Literal["cloud"]
    per_gpu_hour: NonNeg
    watts_per_gpu: NonNeg
    note: Note = None


class OwnedGpu(_Strict):
    id: str
    pricing: Literal["owned"]
    capex_per_gpu: NonNeg
    amortization_months: Annotated[Whole, Field(ge=1)]
    watts_per_gpu: NonNeg
    note: Note = None


Model = Annotated[ApiModel | SelfHostedModel, Field(discriminator="hosting")]
Gpu = Annotated[CloudGpu | OwnedGpu, Field(discriminator="pricing")]


class Plan(_Strict):
    format: Literal["orgplan"]
    schema_version: Literal[1]
    name: str
    currency: str = "USD"
    settings: Settings = Settings()
    teams: Annotated[list[Team], Field(min_length=1)]
    workflows: list[Workflow] = []
    models: list[Model] = []
    gpus: list[Gpu] = []
    note: Note = None

    @field_validator("currency")
    @classmethod
    def _currency_code(cls, v: str) -> str:
        if not _CURRENCY.match(v):
            hint = f' (write "{v.upper()}")' if _CURRENCY.match(v.upper()) else ""
            raise ValueError(f'must be a 3-letter currency code such as "USD" or "EUR", got "{v}"{hint}')
        return v

    def team(self, team_id: str) -> Team:
        return next(t for t in self.teams if t.id == team_id)

    def model(self, model_id: str) -> ApiModel | SelfHostedModel:
        return next(m for m in self.models if m.id == model_id)

    def gpu(self, gpu_id: str) -> CloudGpu | OwnedGpu:
        return next(g for g in self.gpus if g.id == gpu_id)
