"""What each field of a plan is: one home for its range, default, label, unit and meaning.

Qt-free. The pydantic schema (:mod:`planner.model.schema`), the validation messages, the
app's editors (:mod:`planner.ui.doc.catalog`), the Excel input sheets and the clipping of
sections 6-7 (scenarios, ranges, risk) are all derived from :data:`FIELDS`; a test checks
that they agree. Adding a setting means adding one :class:`Spec` here.

Ranges follow MODEL.md section 1. Where MODEL.md says only "finite, >= 0", an upper bound
keeps every result finite (a plan of such values still computes without overflow); each
bound is generous for any real organisation and its reason is in ``bound``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

SCHEMA_VERSION = 2          # what OrgPlanner writes
READS = (1, 2)              # what it reads (a version 1 file opens unchanged)


class _Required:
    """The key has no default: a plan must give it."""

    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()

# Objects of a plan, as they appear in paths (MODEL.md section 6).
OBJECTS = ("plan", "settings", "team", "role", "ai_seats", "workflow", "ai", "compute", "model",
           "gpu", "stress")

# The kinds of the two polymorphic objects, keyed by their tag.
KIND_TAG = {"model": "hosting", "gpu": "pricing"}
KINDS = {"model": ("api", "self"), "gpu": ("cloud", "owned")}


@dataclass(frozen=True)
class Spec:
    """One field of one kind of object.

    ``kind``: ``number`` (a real number), ``whole`` (a whole number), ``choice`` (one of
    ``choices``), ``text``, ``id``, ``ref`` (another item's id), ``month`` (YYYY-MM),
    ``currency`` (a 3-letter code), ``const`` (a fixed value such as ``format``).
    ``show``: how the app and the workbook show a number: ``plain``, ``percent`` (stored
    as a share, 0.35 shown as 35%), ``money`` (in the plan's currency), ``int``.
    ``decimals``: how many decimals a value of the field is usually stated with (a
    presentation hint: 2.5 for a GPU-hour, 12.5% for a growth rate; the workbook's number
    formats follow it).
    ``only``: for models and GPUs, the kinds the key belongs to (None: every kind).
    """

    obj: str
    key: str
    kind: str = "number"
    label: str = ""
    meaning: str = ""
    unit: str = ""
    default: Any = REQUIRED
    nullable: bool = False
    minimum: float | None = None
    maximum: float | None = None
    min_open: bool = False
    max_open: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    show: str = "plain"
    decimals: int = 0
    short: str = ""
    null_text: str = ""          # what a null (or absent nullable) value means
    only: tuple[str, ...] | None = None
    source: str = ""             # where the default comes from (shown in the workbook)
    bound: str = ""              # why the upper bound is what it is

    # ----- derived ---------------------------------------------------------------------
    @property
    def name(self) -> str:
        return f"{self.obj}.{self.key}"

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    @property
    def numeric(self) -> bool:
        return self.kind in ("number", "whole")

    @property
    def rangeable(self) -> bool:
        """Only keys with real (not whole-number) values may carry a range (MODEL.md s.6)."""
        return self.kind == "number"

    @property
    def header(self) -> str:
        return self.short or self.label

    def default_value(self) -> Any:
        return None if self.required else self.default

    def describe_range(self) -> str:
        """``>= 0 and <= 1,000,000`` (percent fields as percentages)."""
        if not self.numeric:
            return ""
        show = _pct if self.show == "percent" else _num
        parts = []
        if self.minimum is not None:
            parts.append(f"{'>' if self.min_open else '>='} {show(self.minimum)}")
        if self.maximum is not None:
            parts.append(f"{'<' if self.max_open else '<='} {show(self.maximum)}")
        text = " and ".join(parts)
        return f"a whole number {text}" if self.kind == "whole" else text

    def describe_default(self) -> str:
        if self.required:
            return ""
        if self.default is None:
            return self.null_text or "none"
        if self.show == "percent" and isinstance(self.default, int | float):
            return _pct(self.default)
        if isinstance(self.default, int | float):
            return _num(self.default)
        label = dict(self.choices).get(self.default) if self.choices else None
        return str(label or self.default)

    def clip(self, value: float) -> float:
        """``value`` inside the valid interval (an open end: 1e-9 inside it; MODEL.md s.6)."""
        lo, hi = self.minimum, self.maximum
        if lo is not None:
            floor = lo + 1e-9 if self.min_open else lo
            value = max(value, floor)
        if hi is not None:
            ceiling = hi - 1e-9 if self.max_open else hi
            value = min(value, ceiling)
        return value

    def clip_array(self, values: Any) -> Any:
        import numpy as np

        lo = -np.inf if self.minimum is None else self.minimum + (1e-9 if self.min_open else 0.0)
        hi = np.inf if self.maximum is None else self.maximum - (1e-9 if self.max_open else 0.0)
        return np.clip(values, lo, hi)

    def accepts(self, value: Any) -> bool:
        """True when ``value`` is valid for this key (numbers and choices only)."""
        if value is None:
            return self.nullable
        if self.kind == "choice":
            return value in dict(self.choices)
        if not self.numeric:
            return isinstance(value, str)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return False
        if self.kind == "whole" and not float(value).is_integer():
            return False
        lo, hi = self.minimum, self.maximum
        if lo is not None and (value < lo or (self.min_open and value == lo)):
            return False
        return not (hi is not None and (value > hi or (self.max_open and value == hi)))


def _num(v: float) -> str:
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.6g}"


def _pct(v: float) -> str:
    p = round(v * 100, 6)
    return (f"{p:.0f}" if float(p).is_integer() else f"{p:g}") + "%"


# Shared bounds -------------------------------------------------------------------------
_PEOPLE = dict(minimum=0, maximum=10_000_000, decimals=1,
               bound="more people than any employer has")
_SALARY = dict(minimum=0, maximum=100_000_000, bound="100 million a year per person")
_SHARE = dict(minimum=0, maximum=1, show="percent")
_SHARE_RATE = dict(_SHARE, decimals=1)       # a yearly rate: 12.5% is a common figure
_GROWTH = dict(minimum=-1, maximum=10, min_open=True, show="percent", decimals=1,
               bound="11 times a year at most (MODEL.md)")
_DECLINE = dict(minimum=-1, maximum=1, max_open=True, show="percent", decimals=1,
                bound="-100% doubles prices each year (MODEL.md)")
_TOKEN_PRICE = dict(minimum=0, maximum=100_000, show="money", decimals=2, unit="per M tokens",
                    bound="100,000 per million tokens, 100x the dearest model listed")
_NOTE_MEANING = "A source or a caveat (free text)."


def _note(obj: str, only: tuple[str, ...] | None = None) -> Spec:
    return Spec(obj, "note", "text", "Note", _NOTE_MEANING, default=None, nullable=True, only=only)


FIELDS: tuple[Spec, ...] = (
    # ----- plan ---------------------------------------------------------------------------
    Spec("plan", "format", "const", "Format", 'Always "orgplan".', choices=(("orgplan", "orgplan"),)),
    Spec("plan", "schema_version", "whole", "Schema version",
         "The version of the file format (1 or 2); OrgPlanner saves version 2.",
         minimum=min(READS), maximum=max(READS)),
    Spec("plan", "name", "text", "Plan name", "Shown in titles and the export."),
    Spec("plan", "currency", "currency", "Currency",
         "ISO code of the plan's currency (USD, EUR, GBP...). All money is in it.", default="USD"),
    _note("plan"),
    # ----- settings -----------------------------------------------------------------------
    Spec("settings", "start_month", "month", "Start month", "The label of month 1.",
         unit="YYYY-MM", default=None, nullable=True,
         null_text="none (months are labelled M1, M2...)"),
    Spec("settings", "horizon_months", "whole", "Horizon", "How many months the plan covers.",
         unit="months", default=36, minimum=1, maximum=120, show="int"),
    Spec("settings", "hours_per_fte_year", "number", "Hours per FTE",
         "Productive hours of one full-time person in a year (1,760 = 220 days of 8 hours).",
         unit="hours / year", default=1760, minimum=1, maximum=8784,
         bound="8,784 hours: every hour of a leap year"),
    Spec("settings", "headcount_policy", "choice", "Headcount policy",
         "Reduce: freed capacity lowers IC headcount. Redeploy: nobody leaves; freed time is "
         "capacity for new work (the same as keeping 100% for new work).",
         default="reduce",
         choices=(("reduce", "Reduce (fewer people)"), ("redeploy", "Redeploy (same people)"))),
    Spec("settings", "redeploy_share", "number", "Kept for new work",
         "Share of freed capacity kept for new work instead of lowering headcount "
         "(reduce policy only).", default=0, **_SHARE),
    Spec("settings", "reduction", "choice", "How headcount comes down",
         "Layoffs: people leave when the work no longer needs them, with severance. "
         "Attrition: people leave as they do anyway (attrition a year), nobody is laid off.",
         default="layoffs",
         choices=(("layoffs", "Layoffs (with severance)"), ("attrition", "Attrition (no layoffs)")),
         source="Orgvue 2025: 55% of leaders who made AI redundancies regret them"),
    Spec("settings", "attrition_per_year", "number", "Attrition",
         "Share of today's people who leave in a year (used when headcount comes down by "
         "attrition).", unit="per year", default=0.10,
         source="10-15% a year is a common planning range (a judgement)", **_SHARE_RATE),
    Spec("settings", "target_span", "number", "Target span",
         "ICs per first-line manager after the change, for every team without its own.",
         unit="ICs per manager", default=None, nullable=True, minimum=0.01, maximum=10_000,
         decimals=1,
         null_text="none (each team keeps its own span)",
         source="McKinsey 2017 archetypes: 3-5 player/coach ... 15+ coordinator",
         bound="a span below 0.01 or above 10,000 describes no real team"),
    Spec("settings", "severance_months", "number", "Severance",
         "Months of cost paid for each person laid off.", unit="months of cost", default=0,
         decimals=1,
         minimum=0, maximum=120, bound="ten years of pay"),
    Spec("settings", "implementation_cost", "number", "Implementation cost",
         "One-off cost of the change, booked in month 1.", unit="one-off", default=0,
         minimum=0, maximum=1e12, show="money", bound="a trillion"),
    Spec("settings", "wage_growth_per_year", "number", "Wage growth",
         "People costs rise by this share a year (in every organisation compared alike).",
         unit="per year", default=0, minimum=-0.5, maximum=1, show="percent", decimals=1),
    Spec("settings", "discount_rate_per_year", "number", "Discount rate",
         "The yearly rate at which future net cash is discounted for the NPV.",
         unit="per year", default=0, **_SHARE_RATE),
    Spec("settings", "volume_growth_per_year", "number", "Work volume growth",
         "Work volume of every workflow grows by this share a year (demand); negative: it "
         "shrinks. A workflow may set its own.", unit="per year", default=0, **_GROWTH),
    Spec("settings", "price_decline_per_year", "number", "API price decline",
         "API token prices fall by this share a year; negative: they rise. A model may set "
         "its own.", unit="per year", default=0,
         source="frontier list prices do not fall steadily (EVIDENCE.md: successors cost more)",
         **_DECLINE),
    Spec("settings", "token_growth_per_year", "number", "Token use growth",
         "Tokens used per task grow by this share a year (longer prompts, agents).",
         unit="per year", default=0, source="tokens per request grew ~4x in 2025 (OpenRouter)",
         **_GROWTH),
    Spec("settings", "throughput_gain_per_year", "number", "Serving speed gain",
         "Self-hosted tokens per second per GPU improve by this share a year (software, "
         "newer models). A model may set its own.", unit="per year", default=0, **_GROWTH),
    Spec("settings", "gpu_price_decline_per_year", "number", "GPU price decline",
         "GPU rental and purchase prices fall by this share a year; negative: they rise.",
         unit="per year", default=0,
         source="cloud H100 1-year contracts rose $1.70 -> $2.35 (Oct 2025 -> Mar 2026)",
         **_DECLINE),
    Spec("settings", "peak_to_average", "number", "Peak to average",
         "Self-hosted fleets are sized for peak load: peak divided by average.", unit="x",
         default=3, minimum=1, maximum=100, decimals=1, bound="a peak 100 times the average"),
    Spec("settings", "pue", "number", "PUE",
         "Datacentre power overhead (power usage effectiveness).", unit="x", default=1.3,
         minimum=1, maximum=5, decimals=2, source="industry mean 1.55-1.59, hyperscalers 1.09-1.20 "
         "(Uptime Institute 2025); 1.3 is a good colocation site", bound="5: no datacentre is worse"),
    Spec("settings", "usd_per_kwh", "number", "Power price",
         "Electricity price, in the plan's currency.", unit="per kWh", default=0.10, minimum=0,
         maximum=10, show="money", decimals=3, source="US industrial 6.8-18 cents/kWh (EIA 2024)",
         bound="100 times a typical industrial price"),
    _note("settings"),
    # ----- team ---------------------------------------------------------------------------
    Spec("team", "id", "id", "ID", "Short unique id of the team; other rows refer to it."),
    Spec("team", "name", "text", "Team", "The team's name."),
    Spec("team", "parent", "ref", "Reports to",
         "The team this one reports to (its id); empty for the top.", default=None,
         nullable=True, null_text="top level"),
    Spec("team", "function", "text", "Function", "Business function, for grouping.",
         default=None, nullable=True),
    Spec("team", "min_ic", "number", "Minimum ICs",
         "The team never shrinks below this many ICs (it never forces a hire either).",
         unit="people", default=0, **_PEOPLE),
    Spec("team", "target_span", "number", "Target span",
         "ICs per first-line manager after the change, for this team only.",
         unit="ICs per manager", default=None, nullable=True, minimum=0.01, maximum=10_000,
         decimals=1,
         null_text="the plan's target span, else today's span",
         bound="a span below 0.01 or above 10,000 describes no real team"),
    _note("team"),
    # ----- role ---------------------------------------------------------------------------
    Spec("role", "name", "text", "Role", "The job title."),
    Spec("role", "kind", "choice", "Kind",
         "IC: does the work. Manager: manages people (sized from the span).",
         choices=(("ic", "IC"), ("manager", "Manager"))),
    Spec("role", "headcount", "number", "Headcount",
         "People in this role today (may be fractional FTE).", unit="people", **_PEOPLE),
    Spec("role", "annual_cost", "number", "Annual cost",
         "Fully loaded annual cost of one person in this role (salary plus on-costs).",
         unit="per year", show="money", **_SALARY),
    _note("role"),
    # ----- AI seats -----------------------------------------------------------------------
    Spec("ai_seats", "cost_per_seat_month", "number", "AI seat cost",
         "Monthly licence per AI seat (e.g. a coding assistant).", unit="per seat / month",
         minimum=0, maximum=100_000, show="money", decimals=2, bound="100,000 a seat a month"),
    Spec("ai_seats", "coverage", "number", "Seat coverage",
         "Share of the team's people who get a seat.", default=1, **_SHARE),
    _note("ai_seats"),
    # ----- workflow -----------------------------------------------------------------------
    Spec("workflow", "id", "id", "ID", "Short unique id of the workflow."),
    Spec("workflow", "team", "ref", "Team",
         "The team that does this work; its freed hours change that team's ICs."),
    Spec("workflow", "name", "text", "Workflow", "What the work is, in a few words."),
    Spec("workflow", "volume_per_month", "number", "Volume / month",
         "How many times a month this work is done (tickets, reviews, invoices...).",
         unit="units / month", short="Volume\n/ month", minimum=0, maximum=1e12,
         bound="a trillion units a month"),
    Spec("workflow", "minutes_per_unit", "number", "Minutes / unit",
         "Minutes of human work per unit today.", unit="minutes", short="Minutes\n/ unit",
         minimum=0, maximum=100_000, decimals=1, bound="about ten weeks of work per unit"),
    Spec("workflow", "volume_growth_per_year", "number", "Volume growth",
         "This workflow's volume grows by this share a year; empty: the plan's growth.",
         unit="per year", short="Volume\ngrowth", default=None, nullable=True,
         null_text="the plan's volume growth", **_GROWTH),
    _note("workflow"),
    # ----- AI effect ----------------------------------------------------------------------
    Spec("ai", "time_saved", "number", "Time saved",
         "Share of a unit's time AI saves when it is used (negative: AI slows the work).",
         short="Time\nsaved", minimum=-1, maximum=1, show="percent"),
    Spec("ai", "adoption", "number", "Adoption",
         "Share of the units done with AI once the ramp is complete.", **_SHARE),
    Spec("ai", "review_overhead", "number", "Review",
         "Share of a unit's time spent checking AI output (subtracted from time saved).",
         default=0, **_SHARE),
    Spec("ai", "ramp_months", "whole", "Ramp (months)",
         "Months until adoption reaches its full level.", unit="months", short="Ramp\nmonths",
         default=0, minimum=0, maximum=120, show="int",
         null_text="full adoption from month 1", bound="the longest horizon"),
    Spec("ai", "ramp", "choice", "Ramp shape",
         "How adoption grows during the ramp: a straight line or an S-curve.", short="Ramp\nshape",
         default="linear", choices=(("linear", "linear"), ("s-curve", "s-curve"))),
    _note("ai"),
    # ----- compute use --------------------------------------------------------------------
    Spec("compute", "model", "ref", "Model", "The AI model this workflow calls."),
    Spec("compute", "calls_per_unit", "number", "Calls / unit",
         "Model calls per AI-assisted unit.", short="Calls\n/ unit", minimum=0, maximum=10_000,
         decimals=1,
         bound="10,000 model calls for one unit of work"),
    Spec("compute", "input_tokens", "number", "Input tokens", "Input (prompt) tokens per call.",
         unit="tokens / call", short="Tokens\nin", minimum=0, maximum=100_000_000,
         bound="100 times the longest context window"),
    Spec("compute", "output_tokens", "number", "Output tokens",
         "Output (generated) tokens per call.", unit="tokens / call", short="Tokens\nout",
         minimum=0, maximum=100_000_000, bound="100 times the longest context window"),
    Spec("compute", "cached_share", "number", "Cached",
         "Share of input tokens read from the provider's cache (cheaper; API models only).",
         default=0, **_SHARE),
    _note("compute"),
    # ----- model --------------------------------------------------------------------------
    Spec("model", "id", "id", "ID", "Short unique id of the model; workflows refer to it."),
    Spec("model", "hosting", "choice", "Hosting",
         "API: pay per token. Self-hosted: run it on GPUs (sized from tokens).",
         choices=(("api", "API"), ("self", "Self-hosted"))),
    Spec("model", "input_per_mtok", "number", "Input price", "Price per million input tokens.",
         short="Input\n{cur}/M tok", only=("api",), **_TOKEN_PRICE),
    Spec("model", "output_per_mtok", "number", "Output price",
         "Price per million output tokens.", short="Output\n{cur}/M tok", only=("api",),
         **_TOKEN_PRICE),
    Spec("model", "cached_input_per_mtok", "number", "Cached price",
         "Price per million cached input tokens.", short="Cached\n{cur}/M tok", default=None,
         nullable=True, null_text="the input price", only=("api",), **_TOKEN_PRICE),
    Spec("model", "price_decline_per_year", "number", "Price decline",
         "This model's prices fall by this share a year; negative: they rise. Empty: the "
         "plan's.", unit="per year", short="Price\ndecline", default=None, nullable=True,
         null_text="the plan's API price decline", only=("api",), **_DECLINE),
    Spec("model", "gpu", "ref", "GPU", "The GPU type it runs on (from the GPUs table).",
         only=("self",)),
    Spec("model", "gpus_per_replica", "whole", "GPUs / replica", "GPUs one copy of the model needs.",
         short="GPUs /\nreplica", minimum=1, maximum=1024, show="int", only=("self",),
         bound="1,024 GPUs for one copy of a model"),
    Spec("model", "prefill_tokens_per_s", "number", "Prefill tok/s",
         "Measured input (prefill) rate per GPU.", unit="tokens/s per GPU",
         short="Prefill\ntok/s", minimum=0.001, maximum=100_000_000, only=("self",),
         bound="below 0.001 token/s nothing is served; 100 million per GPU is 1,000x today's best"),
    Spec("model", "decode_tokens_per_s", "number", "Decode tok/s",
         "Measured output (decode) rate per GPU.", unit="tokens/s per GPU", short="Decode\ntok/s",
         minimum=0.001, maximum=100_000_000, only=("self",),
         bound="below 0.001 token/s nothing is served; 100 million per GPU is 1,000x today's best"),
    Spec("model", "utilization", "number", "Utilization",
         "Share of GPU time doing useful work on average.", minimum=0.001, maximum=1,
         show="percent", only=("self",), bound="below 0.1% a fleet does no work"),
    Spec("model", "throughput_gain_per_year", "number", "Speed gain",
         "This model's tokens/s per GPU improve by this share a year. Empty: the plan's.",
         unit="per year", short="Speed\ngain", default=None, nullable=True,
         null_text="the plan's serving speed gain", only=("self",), **_GROWTH),
    _note("model"),
    # ----- GPU ----------------------------------------------------------------------------
    Spec("gpu", "id", "id", "ID", "Short unique id of the GPU; self-hosted models refer to it."),
    Spec("gpu", "pricing", "choice", "Pricing",
         "Cloud: rented by the hour. Owned: bought, depreciated over its life.",
         choices=(("cloud", "Cloud (rented)"), ("owned", "Owned"))),
    Spec("gpu", "per_gpu_hour", "number", "Rental", "Rental price of one GPU for one hour.",
         unit="per GPU-hour", minimum=0, maximum=10_000, show="money", decimals=2,
         only=("cloud",),
         bound="10,000 an hour, 1,000x today's rates"),
    Spec("gpu", "capex_per_gpu", "number", "Purchase",
         "Purchase price of one GPU including its share of the server.", unit="per GPU",
         minimum=0, maximum=100_000_000, show="money", only=("owned",),
         bound="100 million a GPU"),
    Spec("gpu", "amortization_months", "whole", "Depreciation",
         "Months over which the purchase is depreciated.", unit="months", minimum=1,
         maximum=600, show="int", only=("owned",), bound="50 years"),
    Spec("gpu", "watts_per_gpu", "number", "Power",
         "Average draw per GPU including its share of the server.", unit="W per GPU",
         minimum=0, maximum=100_000, bound="100 kW per GPU"),
    Spec("gpu", "overhead_per_gpu_month", "number", "Overhead",
         "Colocation, network and operations per owned GPU a month.", unit="per GPU / month",
         short="Overhead\n/ GPU-month", default=0, minimum=0, maximum=1_000_000, show="money",
         only=("owned",), source="colocation ~$150-250 per kW-month; network +10-15% of capex",
         bound="a million a GPU a month"),
    _note("gpu"),
    # ----- stress (MODEL.md 7.3): what each bet looks like when it fails ------------------
    Spec("stress", "volume_growth_per_year", "number", "Demand falls to",
         "The demand bet fails: every workflow's volume growth at most this.", unit="per year",
         default=-0.10, **_GROWTH),
    Spec("stress", "price_decline_per_year", "number", "API prices fall at most",
         "The pricing bet fails: every API model's price decline at most this (negative: "
         "prices rise).", unit="per year", default=-0.25, **_DECLINE),
    Spec("stress", "time_saved_scale", "number", "AI saves this share of the plan",
         "The productivity bet fails: every positive time saved is multiplied by this.",
         default=0.5, **_SHARE),
    Spec("stress", "throughput_gain_per_year", "number", "Serving speed gains at most",
         "The infrastructure bet fails: self-hosted speed gains at most this.",
         unit="per year", default=0, **_GROWTH),
    Spec("stress", "gpu_price_decline_per_year", "number", "GPU prices fall at most",
         "The infrastructure bet fails: GPU price decline at most this.", unit="per year",
         default=0, **_DECLINE),
    Spec("stress", "token_growth_per_year", "number", "Token use grows at least",
         "The infrastructure bet fails: token use per task grows at least this.",
         unit="per year", default=1.0, **_GROWTH),
    _note("stress"),
)

BY_NAME: dict[str, Spec] = {}
for _s in FIELDS:
    BY_NAME.setdefault(_s.name, _s)


def spec(obj: str, key: str) -> Spec:
    """The :class:`Spec` of ``key`` in an object of kind ``obj`` (KeyError when unknown)."""
    return BY_NAME[f"{obj}.{key}"]


def find(obj: str, key: str) -> Spec | None:
    return BY_NAME.get(f"{obj}.{key}")


def of(obj: str, kind: str | None = None) -> list[Spec]:
    """The fields of an object (for models and GPUs, of one ``kind`` when given), in order."""
    return [s for s in FIELDS if s.obj == obj and (kind is None or s.only is None or kind in s.only)]


def settings() -> list[Spec]:
    """The settings, in the order they are shown (without ``note``)."""
    return [s for s in of("settings") if s.key != "note"]


def defaults(obj: str, kind: str | None = None) -> dict[str, Any]:
    """``{key: default}`` of the optional keys of an object."""
    return {s.key: s.default for s in of(obj, kind) if not s.required}


# where each object is edited in the app, and how its keys are written in a file
_PAGES = {"plan": ("Settings", ""), "settings": ("Settings", "settings."),
          "team": ("Teams", "teams[ID]."), "role": ("Teams", "teams[ID].roles[NAME]."),
          "ai_seats": ("Teams", "teams[ID].ai_seats."),
          "workflow": ("Workflows", "workflows[ID]."), "ai": ("Workflows", "workflows[ID].ai."),
          "compute": ("Workflows", "workflows[ID].compute."),
          "model": ("Compute", "models[ID]."), "gpu": ("Compute", "gpus[ID].")}


def names_table() -> str:
    """A Markdown table of every input: its name on screen, where it is edited and how the
    plan file (and docs/model.md's formulas) write it. docs/model.md holds it as generated;
    a test keeps the two equal."""
    lines = ["| on screen | page | in the file and the formulas | unit |", "|---|---|---|---|"]
    for obj in OBJECTS:
        page, prefix = _PAGES.get(obj, ("", ""))
        for f in of(obj):
            if f.kind == "const" or f.key in ("note", "schema_version"):
                continue
            unit = "share (shown as %)" if f.show == "percent" else f.unit
            lines.append(f"| {f.label} | {page} | `{prefix}{f.key}` | {unit} |")
    return "\n".join(lines)


__all__ = ["Spec", "FIELDS", "REQUIRED", "OBJECTS", "KINDS", "KIND_TAG", "spec", "find", "of",
           "settings", "defaults", "names_table"]
