"""Where a plan contradicts the evidence: warnings that name the place, what is wrong, the
evidence and what to do. Qt-free.

``evidence_warnings(plan, result=None)`` returns :class:`Problem` objects of severity
"warning" (a plan that fires them is still valid). It reads the engine's arrays (give it
the :class:`~planner.engine.Result` when you have one: the app does after every edit; the
warnings then take a few milliseconds on a 10,000-team plan). Call it with the *Plan*, not
plan data, from inside ``check_and_parse`` (data is parsed by ``parse_plan``, which would
call back). The thresholds and their sources:

- a self-hosted fleet busy less than ``IDLE_FLEET`` (10%) of its time in the final month;
- a workflow whose review overhead eats its whole time saved;
- time saved above the most the cited studies measured for that kind of work (the catalog's
  function ceilings; the team's function, else the workflow's name, is mapped to a catalog
  function by :data:`FUNCTION_WORDS`, and only an unambiguous match warns);
- more than ``FIRST_MONTH_ADOPTION`` (50%) of a workflow's work done with AI in month 1
  (adoption x ramp in month 1; so adoption >= 0.9 without a ramp always warns) against
  28% of workers using generative AI for their job (Bick, Blandin, Deming 2024);
- AI saving more than ``ORG_SHARE`` (15%) of all of today's organisation's hours in the
  final month (Eloundou et al. 2024);
- an API price decline assumed for a model tier whose successors cost more (or the same);
- a team whose workflows take more hours than its people have (``TEAM_LOAD`` x capacity).
"""

from __future__ import annotations

import functools
import re
from typing import Any

import numpy as np

from .validate import Problem

IDLE_FLEET = 0.10
FIRST_MONTH_ADOPTION = 0.5
ORG_SHARE = 0.15
TEAM_LOAD = 1.0
EPS = 1e-9

# Words (whole words, any case) that name a catalog function in a team's function or a
# workflow's name. Longer phrases are matched first and consumed, so "people operations" is
# HR and "customer operations" is support, not operations. A text naming two functions
# ("sales operations") maps to none: the warning only fires on a confident match.
FUNCTION_WORDS: dict[str, tuple[str, ...]] = {
    "software-engineering": ("software", "engineering", "software engineering", "engineers",
                             "developers", "development team", "coding", "code", "programming",
                             "devops", "platform engineering", "product engineering"),
    "customer-support": ("customer support", "customer service", "customer operations",
                         "customer care", "support", "contact centre", "contact center",
                         "call centre", "call center", "tickets", "ticket", "helpdesk"),
    "sales": ("sales", "business development", "sales development", "prospecting", "outreach",
              "account management"),
    "marketing": ("marketing", "brand", "campaign", "campaigns", "advertising", "content"),
    "finance": ("finance", "financial", "accounting", "accounts payable", "accounts receivable",
                "treasury", "invoice", "invoices", "bookkeeping", "month end close",
                "month-end close", "fp&a"),
    "legal": ("legal", "law", "counsel", "contract review", "contracts", "paralegal"),
    "hr": ("hr", "human resources", "people operations", "people ops", "people team",
           "recruiting", "recruitment", "talent", "hiring", "candidate screening"),
    "operations": ("operations", "ops", "logistics", "supply chain", "procurement",
                   "fulfilment", "fulfillment"),
    "management": ("management", "leadership", "executive", "executives"),
}
# Engineering that is not software: the map does not guess.
_NOT_SOFTWARE = frozenset({"mechanical", "civil", "electrical", "chemical", "hardware",
                           "manufacturing", "process", "structural"})
_PHRASES = sorted(((p, f) for f, ps in FUNCTION_WORDS.items() for p in ps),
                  key=lambda pf: -len(pf[0]))


@functools.lru_cache(maxsize=4096)
def functions_named(text: str | None) -> frozenset[str]:
    """Every catalog function ``text`` names ("?" for engineering that is not software)."""
    if not text:
        return frozenset()
    s = " " + re.sub(r"[^a-z0-9&]+", " ", text.casefold().replace("-", " ")).strip() + " "
    found = set()
    for phrase, fid in _PHRASES:
        p = " " + phrase.replace("-", " ") + " "
        if p in s:
            found.add(fid)
            s = s.replace(p, " | ")
    if "software-engineering" in found and _NOT_SOFTWARE & set(s.split()):
        found.discard("software-engineering")
        found.add("?")
    return frozenset(found)


def function_of(team_function: str | None, workflow_name: str | None = None) -> str | None:
    """The catalog function of a workflow: the one its team's function names, else (when
    that names none) the one its name names; None when none or more than one."""
    found = functions_named(team_function)
    if not found:
        found = functions_named(workflow_name)
    return next(iter(found)) if len(found) == 1 and "?" not in found else None


@functools.lru_cache(maxsize=8192)
def _pct(x: float) -> str:
    """``35%``, ``12.5%`` (cached: a large plan repeats its shares)."""
    return f"{x * 100:.1f}%".replace(".0%", "%")


def _plan_and_result(plan: Any, result: Any) -> tuple[Any, Any]:
    if result is not None:
        return (plan if plan is not None and not isinstance(plan, dict) else result.plan), result
    from ..engine import compute

    if isinstance(plan, dict):
        from .validate import PlanInvalid, parse_plan

        try:
            plan = parse_plan(plan)
        except PlanInvalid:
            return None, None        # the errors are reported by check_and_parse
    return plan, compute(plan)


# What it means when no check below fires, in words for leadership (the brief says it).
NONE_FIRED = ("None: no input crosses the evidence checks (time saved beyond the cited studies, "
              "idle GPU fleets, review that eats the saving, full adoption from month 1, "
              "organisation-wide time saved above ~15%, price declines against the tier's trend, "
              "teams with more work than people).")


def evidence_warnings(plan: Any, result: Any = None, *, catalog: Any = None) -> list[Problem]:
    """Every place where ``plan`` (a Plan, or plan data) contradicts the cited evidence."""
    plan, result = _plan_and_result(plan, result)
    if result is None or not result.raw.inputs.T:
        return []
    from ..catalog import load_catalog

    cat = catalog or load_catalog()
    ctx = _Context(plan, result, cat)
    # in check_and_parse's order (by place), without sorting tens of thousands of warnings
    models = sorted(_idle_fleets(ctx) + _price_decline(ctx), key=lambda p: p.loc)
    per_workflow = _by_workflow(_adoption_month_1(ctx), _review_eats_saving(ctx),
                                _above_ceiling(ctx))
    return models + _team_load(ctx) + _org_share(ctx) + per_workflow


def _by_workflow(*lists: list[Problem]) -> list[Problem]:
    """Lists of ``workflows[i].ai.KEY`` warnings, each in workflow order and given in the
    order of their keys, merged by workflow."""
    merged = [p for lst in lists for p in lst]
    if not merged:
        return []
    keys = np.concatenate([np.fromiter((p.loc[1] for p in lst), np.int64, len(lst)) * len(lists)
                           + rank for rank, lst in enumerate(lists)])
    return [merged[i] for i in np.argsort(keys, kind="stable").tolist()]


class _Context:
    """What the checks share: the plan, the engine's arrays (batch axis dropped)."""

    def __init__(self, plan: Any, result: Any, catalog: Any) -> None:
        self.plan, self.result, self.catalog = plan, result, catalog
        self.raw = result.raw
        self.inp = result.raw.inputs
        self.H = self.inp.H
        self.currency = self.inp.currency
        self.hpm = self.setting("hours_per_fte_year") / 12.0

    def setting(self, key: str) -> float:
        return float(np.asarray(self.inp.values[f"settings.{key}"]).reshape(-1)[0])

    def values(self, key: str) -> np.ndarray:
        return np.asarray(self.inp.values[key], dtype=np.float64).reshape(-1)

    def month(self) -> str:
        """``month 36 (2029-12)``; ``month 36`` when the plan has no start month."""
        if not self.inp.start_month:
            return f"month {self.H}"
        return f"month {self.H} ({self.result.month_labels[-1]})"

    def money(self, x: float) -> str:
        from ..hosting.words import cost

        return cost(x, self.currency)


# ----- the checks --------------------------------------------------------------------------
def _idle_fleets(c: _Context) -> list[Problem]:
    """A self-hosted fleet busy < 10% of its time in the final month."""
    if not c.H or not c.inp.J:
        return []
    from ..formatting import tokens
    from ..hosting import catalog_api_options, plan_api_options, workload

    raw = c.raw
    fleet, busy = raw.fleet[0][:, -1], raw.busy_hours[0][:, -1]
    out = []
    for j in np.flatnonzero(~c.inp.model_is_api & (fleet > 0)):
        share = busy[j] / (fleet[j] * 730.0)
        if share >= IDLE_FLEET:
            continue
        cost = float(raw.rental[0][j, -1] + raw.energy_cost[0][j, -1] + raw.overhead[0][j, -1]
                     + raw.depreciation[0][j, -1])
        w = workload(c.result, int(j), c.H)
        apis = plan_api_options(c.inp)
        where = "in the plan"
        if not apis:
            apis, where = catalog_api_options(c.catalog), "in the catalog"
        api = min(apis, key=lambda a: a.per_token(w.mix))
        n = int(round(fleet[j]))
        gpu = c.inp.gpu_ids[int(c.inp.model_gpu[j])]
        out.append(Problem(("models", int(j)), (
            f"its {n} GPU{'s' if n != 1 else ''} ({gpu}) {'are' if n != 1 else 'is'} busy "
            f"{_pct(share)} of the time in "
            f"{c.month()} and cost {c.money(cost)} a month; an API would cost about "
            f"{c.money(float(api.cost(w.tokens, w.mix)))} a month for the same "
            f"{tokens(w.tokens)} tokens ({api.model}, the cheapest API model {where}, at its "
            "list prices). A fleet is sized for peak in whole replicas, and owned GPUs "
            "depreciate and draw power whether busy or not. Send this work to an API until "
            "the volume fills the GPUs (orgplanner hosting shows where self-hosting pays), or "
            "share the fleet with other work."), "warning"))
    return out


def _review_eats_saving(c: _Context) -> list[Problem]:
    ts, ro = c.values("ai.time_saved"), c.values("ai.review_overhead")
    hit = np.flatnonzero(c.inp.wf_has_ai & (ts > 0) & (ts - ro <= EPS))
    tail = ("the workflow saves no time with AI while its AI still costs money. Checking AI "
            "output is real work (Klarna hired human agents again in 2025 after quality "
            "complaints), but a review as long as the saving means AI does not help here: "
            "measure both, or take AI out of this workflow.")
    return [Problem(("workflows", w, "ai", "review_overhead"),
                    f"review overhead {_pct(r)} eats the whole time saved ({_pct(t)}): {tail}",
                    "warning")
            for w, t, r in zip(hit.tolist(), ts[hit].tolist(), ro[hit].tolist())]


def _above_ceiling(c: _Context) -> list[Problem]:
    """Time saved above the most the studies measured for that kind of work."""
    funcs = list(c.catalog.functions)
    if not funcs or not c.inp.W:
        return []
    index = {f["id"]: i for i, f in enumerate(funcs)}
    ceilings = np.array([f["max_time_saved"] for f in funcs] + [np.inf])
    ts = c.values("ai.time_saved")
    rows = np.flatnonzero(c.inp.wf_has_ai & (ts > ceilings.min() + EPS))
    if not rows.size:
        return []
    # the team's function decides (one look-up per distinct text); a team whose function names
    # no catalog function lets each workflow's name decide
    declared = [t.function for t in c.plan.teams]
    of_text = {d: index.get(function_of(d), len(funcs)) if functions_named(d) else -1
               for d in set(declared)}
    by_team = np.array([of_text[d] for d in declared], dtype=np.int64)
    which = by_team[c.inp.wf_team[rows]]
    for k in np.flatnonzero(which < 0).tolist():
        which[k] = index.get(function_of(None, c.inp.wf_names[rows[k]]), len(funcs))
    hit = ts[rows] > ceilings[which] + EPS
    rows, which = rows[hit], which[hit]
    evidence = [f"is above the most any cited study measured for {f['name'].lower()} work "
                f"({_pct(f['max_time_saved'])}; {f['source']}: {f['figure'].rstrip('.')}). "
                "Lower it towards what was measured, or put your own before-and-after "
                f"measurement in the workflow's note. (Matched to {f['name'].lower()} by "
                for f in funcs]
    tails: dict[tuple[int, str | None], str] = {}     # a few distinct texts: built once each
    out = []
    for w, k, t, team in zip(rows.tolist(), which.tolist(), ts[rows].tolist(),
                             c.inp.wf_team[rows].tolist()):
        d = declared[team]
        tail = tails.get((k, d))
        if tail is None:
            how = f'the team\'s function "{d}"' if functions_named(d) else "the workflow's name"
            tail = tails[(k, d)] = f"{evidence[k]}{how}.)"
        out.append(Problem(("workflows", w, "ai", "time_saved"), f"time saved {_pct(t)} {tail}",
                           "warning"))
    return out


def _adoption_month_1(c: _Context) -> list[Problem]:
    """Most of the work done with AI from month 1."""
    if not c.H or not c.inp.W:
        return []
    adoption = c.values("ai.adoption")
    first = adoption * c.inp.ramps[:, 1][c.inp.wf_ramp]
    hit = np.flatnonzero(c.inp.wf_has_ai & (first > FIRST_MONTH_ADOPTION + EPS))
    tail = ("Two years after ChatGPT, 28% of US workers used generative AI for their job and "
            "10.6% every workday (Bick, Blandin, Deming 2024, NBER WP 32966): give adoption a "
            "ramp (ramp_months, e.g. 6-12 with an s-curve) or plan a lower adoption.")
    wfs = c.plan.workflows
    out = []
    for w, f, a in zip(hit.tolist(), first[hit].tolist(), adoption[hit].tolist()):
        ramp = wfs[w].ai.ramp_months
        out.append(Problem(("workflows", w, "ai", "ramp_months"), (
            f"{_pct(f)} of this work is done with AI in month 1 (adoption {_pct(a)}, ramp "
            f"{ramp} month{'s' if ramp != 1 else ''}). {tail}"), "warning"))
    return out


def _final_hours_saved(c: _Context) -> np.ndarray:
    """S_w(H) per workflow, without expanding every month."""
    detail = c.raw.workflows
    if detail is None:
        return c.result.wf_hours_saved[:, -1]
    return detail.c_saved[0] * detail.profiles.matrix[0][detail.profiles.prof, c.H]


def _org_share(c: _Context) -> list[Problem]:
    """AI saving more than ~15% of all the organisation's hours."""
    if not c.H:
        return []
    hours = float(c.raw.hours_saved[0][-1])
    total = float((c.raw.IC[0] + c.raw.M[0]).sum()) * c.hpm
    if total <= 0 or hours / total <= ORG_SHARE + EPS:
        return []
    saved = _final_hours_saved(c)
    top = np.argsort(-saved, kind="stable")[:3]
    names = ", ".join(f"{c.inp.wf_ids[w]} ({saved[w]:,.0f} h)" for w in top if saved[w] > 0)
    return [Problem(("workflows",), (
        f"AI saves {_pct(hours / total)} of all of today's organisation's working hours in "
        f"{c.month()} ({hours:,.0f} of {total:,.0f} hours a month). An LLM alone makes about "
        "15% of US workers' tasks significantly faster (Eloundou et al. 2024, Science; 47-56% "
        "with tools built on it), and Danish records show 2.8% of work time saved on average "
        "(Humlum & Vestergaard 2025): check adoption and time saved of the largest savers: "
        f"{names}."), "warning")]


def _tier(model: Any, catalog: Any) -> tuple[dict | None, str]:
    """The catalog tier of an API model: by its id (the catalog's strict ``tier_for``), else
    by list prices equal to exactly one tier member's."""
    from ..catalog import tier_for

    tier = tier_for(model.id, catalog)
    if tier is not None:
        return tier, "its id"
    same = [(t, m) for t in catalog.tiers for m in t["members"]
            if abs(m["input_per_mtok"] - model.input_per_mtok) <= EPS
            and abs(m["output_per_mtok"] - model.output_per_mtok) <= EPS]
    if len({t["id"] for t, _ in same}) == 1:
        return same[-1][0], f"its prices, which are {same[-1][1]['model']}'s"
    return None, ""


def _price_decline(c: _Context) -> list[Problem]:
    """A price decline assumed for a tier whose successors cost more (or the same)."""
    plan_rate = c.plan.settings.price_decline_per_year
    out = []
    for j, m in enumerate(c.plan.models):
        if m.hosting != "api":
            continue
        own = m.price_decline_per_year
        rate = plan_rate if own is None else own
        if rate <= EPS:
            continue
        tier, how = _tier(m, c.catalog)
        if tier is None or tier["trend"] == "falling":
            continue
        chain = " -> ".join(f"{x['model']} {x['input_per_mtok']:g}/{x['output_per_mtok']:g}"
                            for x in tier["members"])
        whose = "the plan's price_decline_per_year" if own is None else "its price_decline_per_year"
        moved = "risen: each successor costs more" if tier["trend"] == "rising" else \
            "stayed flat: each successor costs the same"
        out.append(Problem(("models", j, "price_decline_per_year"), (
            f"assumes its price falls {_pct(rate)} a year ({whose}), but its tier, "
            f"{tier['name']} (matched by {how}), has {moved} per token ({chain}: list prices "
            "per million input/output tokens). Prices at equal capability fall, but a "
            "plan that keeps buying this tier pays the tier's price: set this model's "
            "price_decline_per_year to 0, or say in its note why its price will fall."),
            "warning"))
    return out


def _team_load(c: _Context) -> list[Problem]:
    """Workflows that take more hours than the team's people have."""
    inp = c.inp
    if not inp.W:
        return []
    hours = c.values("workflow.volume_per_month") * c.values("workflow.minutes_per_unit") / 60.0
    load = np.bincount(inp.wf_team, weights=hours, minlength=inp.T)
    ic, mgr = c.raw.IC[0], c.raw.M[0]
    people = np.where(ic > 0, ic, mgr)
    capacity = people * c.hpm
    hit = np.flatnonzero((load > 0) & (load > TEAM_LOAD * capacity + EPS))
    tail = ("Volume growth then hires for the whole workload, far beyond the team (one "
            "generated plan grew a 3-person team to 695). Check each workflow's "
            "volume_per_month (units a month for the whole team) and minutes_per_unit, or add "
            "the people who do this work.")
    out = []
    for t, h, n, cap, has_ic in zip(hit.tolist(), load[hit].tolist(), people[hit].tolist(),
                                    capacity[hit].tolist(), (ic[hit] > 0).tolist()):
        if cap > 0:
            have = f"its {n:g} {'ICs' if has_ic else 'managers'} have {cap:,.0f} ({h / cap:.1f}x)"
        else:
            have = "it has nobody to do them"
        out.append(Problem(("teams", t), f"its workflows take {h:,.0f} hours a month but {have}. "
                           f"{tail}", "warning"))
    return out
