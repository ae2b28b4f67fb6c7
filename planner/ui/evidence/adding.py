"""Adding catalog entries to the plan: each addition is one undo step.

What to add comes from :mod:`planner.catalog` (its converters copy the values and a note
citing source, figure and date); this module only picks free ids and pushes the edits on
the document's undo stack inside one macro. No widgets: the dialogs call these, and so do
the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...catalog import api_model_to_plan, gpu_to_plan, self_hosted_to_plan, template_to_workflow
from ..doc.edits import unique_id

Entry = dict[str, Any]


@dataclass(frozen=True)
class GpuChoice:
    """Where a self-hosted model runs: a GPU the plan has (``plan_id``) or a catalog GPU to
    add, rented (``cloud``) or bought (``owned``)."""

    plan_id: str | None = None
    entry: Entry | None = None
    pricing: str = "cloud"


def currency_caveat(currency: str) -> str:
    """What a user adding catalog prices to a plan in another currency must know ("" in USD):
    catalog and price-file figures are US dollars and are copied as they are."""
    if not currency or currency.upper() == "USD":
        return ""
    return (f"This plan is in {currency}; the catalog's prices are in USD and are added as they "
            f"are. Convert them to {currency} in the added row (hover a price for its source).")


def _free(doc: Any, key: str, base: str) -> str:
    return unique_id(base, set(doc.ids(key)))


def _append(doc: Any, key: str, item: Entry) -> int:
    n = len(doc.items(key))
    doc.insert((key,), n, item, f"Add {item.get('id', key)}")
    return n


def gpu_id_for(entry: Entry, pricing: str) -> str:
    """``h100-sxm-cloud`` / ``h100-sxm-owned``: a rented and a bought GPU of one type can
    both be in a plan."""
    return f"{entry['id']}-{pricing}"


def add_gpu(doc: Any, entry: Entry, *, pricing: str = "cloud",
            amortization_months: int | None = None) -> str:
    """Add a catalog GPU, rented or bought; returns its id in the plan."""
    gid = _free(doc, "gpus", gpu_id_for(entry, pricing))
    kwargs = {} if amortization_months is None else {"amortization_months": amortization_months}
    how = "rented" if pricing == "cloud" else "bought"
    with doc.macro(f"Add GPU {entry['name']} ({how}) from the catalog"):
        _append(doc, "gpus", gpu_to_plan(entry, pricing=pricing, gpu_id=gid, **kwargs))
    return gid


def add_api_model(doc: Any, entry: Entry) -> str:
    """Add a catalog API model at its list prices; returns its id in the plan."""
    mid = _free(doc, "models", entry["id"])
    with doc.macro(f"Add model {entry['name']} from the catalog"):
        _append(doc, "models", api_model_to_plan(entry, model_id=mid))
    return mid


def add_self_hosted(doc: Any, entry: Entry, gpu: GpuChoice) -> tuple[str, str]:
    """Add a catalog self-hosted set-up on a plan GPU, adding the catalog GPU first when
    ``gpu`` names one: one undo step. Returns (model id, GPU id)."""
    mid = _free(doc, "models", entry["id"])
    with doc.macro(f"Add model {entry['name']} from the catalog"):
        if gpu.plan_id is not None:
            gid = gpu.plan_id
        elif gpu.entry is not None:
            gid = add_gpu(doc, gpu.entry, pricing=gpu.pricing)
        else:
            raise ValueError("a self-hosted model needs a GPU: choose one of the plan's or the catalog's")
        _append(doc, "models", self_hosted_to_plan(entry, gpu_id=gid, model_id=mid))
    return mid, gid


@dataclass(frozen=True)
class TemplateChoice:
    """What the template dialog decided: the template, the team, the monthly volume, the
    model for its compute (a plan model's id, a catalog API model to add, or neither) and
    whether to add the template's time-saved range for the Risk page."""

    template: Entry
    team: str
    volume: float
    model: str | None = None
    new_model: Entry | None = None
    with_range: bool = True


def _ids(data: Any, key: str) -> set[str]:
    items = data.get(key) if isinstance(data, dict) else None
    return {i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)} \
        if isinstance(items, list) else set()


def template_items(data: Any, choice: TemplateChoice) -> tuple[Entry | None, Entry, Entry | None]:
    """What the choice adds to ``data``: the catalog model (or None), the workflow, the range
    (None when the evidence gives no spread or it is not wanted)."""
    model_id, model = choice.model, None
    if choice.new_model is not None:
        model_id = unique_id(choice.new_model["id"], _ids(data, "models"))
        model = api_model_to_plan(choice.new_model, model_id=model_id)
    wid = unique_id(choice.template["id"], _ids(data, "workflows"))
    workflow, rng = template_to_workflow(choice.template, team_id=choice.team, workflow_id=wid,
                                         volume_per_month=choice.volume, model_id=model_id)
    return model, workflow, rng if choice.with_range else None


def add_workflow_from_template(doc: Any, choice: TemplateChoice) -> tuple[str, Entry | None]:
    """Add the template's workflow (its note cites the source) and its time-saved range for
    the Risk page, with the catalog model it uses when that is new: one undo step.

    Returns the workflow's id and the range added (None when none was)."""
    model, workflow, rng = template_items(doc.data, choice)
    with doc.macro(f"Add workflow {choice.template['name']} from the catalog"):
        if model is not None:
            _append(doc, "models", model)
        _append(doc, "workflows", workflow)
        if rng is not None:
            _append(doc, "ranges", rng)
    return workflow["id"], rng


def problems_if_added(data: Any, choice: TemplateChoice, *, cache: Any = None) -> list[str]:
    """The errors the addition would give the plan that it does not have now (a scenario
    that scales adoption past 100%, a range a scenario's value falls outside...), so the
    dialog can say so before anything changes. ``cache``: an ItemCache kept between calls
    (then only the new items are validated again)."""
    from ...model import check_and_parse

    if not isinstance(data, dict):
        return []
    model, workflow, rng = template_items(data, choice)
    after = dict(data)
    for key, item in (("models", model), ("workflows", workflow), ("ranges", rng)):
        if item is not None:
            old = data.get(key)
            after[key] = [*(old if isinstance(old, list) else []), item]

    def errors(d: Any) -> list[str]:
        return [str(p) for p in check_and_parse(d, cache=cache)[0] if p.severity == "error"]

    before = set(errors(data))
    return [e for e in errors(after) if e not in before]


@dataclass(frozen=True)
class VolumeHint:
    volume: float
    text: str          # how the volume was worked out, in words


def _team(data: Any, team_id: str | None) -> Entry | None:
    teams = data.get("teams") if isinstance(data, dict) else None
    return next((t for t in teams if isinstance(t, dict) and t.get("id") == team_id), None) \
        if isinstance(teams, list) else None


def matching_team(data: Any, template: Entry) -> str | None:
    """The first team whose work is the template's function (management work: the first team
    with managers), or None when no team's function matches."""
    from ...model.evidence import function_of

    teams = data.get("teams") if isinstance(data, dict) else None
    teams = [t for t in teams if isinstance(t, dict)] if isinstance(teams, list) else []
    if template.get("function") == "management":
        return next((t.get("id") for t in teams if _headcount(t, "manager") > 0), None)
    return next((t.get("id") for t in teams
                 if function_of(t.get("function"), t.get("name")) == template.get("function")),
                None)


def _headcount(team: Entry, kind: str) -> float:
    total = 0.0
    for r in team.get("roles") or []:
        h = r.get("headcount") if isinstance(r, dict) else None
        if isinstance(r, dict) and r.get("kind") == kind and isinstance(h, int | float) \
                and not isinstance(h, bool):
            total += h
    return total


def suggest_volume(data: Any, template: Entry, team_id: str | None,
                   function_names: dict[str, str] | None = None) -> VolumeHint:
    """The template's monthly volume for a team: its ``volume_hint`` (one person's month)
    times the team's ICs (managers, for management work), when the team does this kind of
    work; one person's month when its function names another kind (a volume for the whole
    team would then be a guess) or it has nobody."""
    from ...model.evidence import function_of

    hint = float(template.get("volume_hint") or 0)
    unit = template.get("unit", "unit")
    names = function_names or {}
    team = _team(data, team_id)
    one = f"{hint:,.0f} a month ({unit}): one person's month in the catalog"
    if team is None:
        return VolumeHint(hint, one)
    manage = template.get("function") == "management"
    people = _headcount(team, "manager" if manage else "ic")
    who = "managers" if manage else "ICs"
    fn = function_of(team.get("function"), team.get("name"))
    if fn is not None and fn != template.get("function") and not manage:   # all teams manage
        theirs = names.get(fn, fn)
        ours = names.get(template.get("function", ""), template.get("function", ""))
        return VolumeHint(hint, f"{one}; the team's work is {theirs}, not {ours}: enter the "
                                "volume of the people who do this work")
    if people <= 0:
        return VolumeHint(hint, f"{one}; the team has no {who}")
    volume = hint * people
    return VolumeHint(volume, f"{hint:,.0f} a month per person x {people:,.0f} {who}")


def team_hours_share(data: Any, template: Entry, team_id: str | None, volume: float) -> str:
    """``2,400 hours a month, 45% of the team's IC hours`` (managers' for management work)."""
    from ...plan.fields import spec

    hours = volume * float(template.get("minutes_per_unit") or 0) / 60
    settings = data.get("settings") if isinstance(data, dict) else None
    per_fte = (settings or {}).get("hours_per_fte_year") if isinstance(settings, dict) else None
    if not isinstance(per_fte, int | float) or isinstance(per_fte, bool) or per_fte <= 0:
        per_fte = spec("settings", "hours_per_fte_year").default
    team = _team(data, team_id)
    text = f"{hours:,.0f} hours a month"
    if team is None:
        return text
    manage = template.get("function") == "management"
    people = _headcount(team, "manager" if manage else "ic")
    if people > 0:
        share = hours / (people * per_fte / 12)
        text += f", {share:.0%} of the team's {'manager' if manage else 'IC'} hours"
    return text


@dataclass(frozen=True)
class CatalogChoice:
    """What the catalog dialog decided: an API model, a self-hosted set-up (on ``gpu``) or
    a GPU (rented or bought over ``months``)."""

    kind: str                    # "api" | "self" | "gpu"
    entry: Entry
    gpu: GpuChoice | None = None
    pricing: str = "cloud"
    months: int | None = None


def add_from_catalog(doc: Any, choice: CatalogChoice) -> tuple[str, str]:
    """Add the chosen entry (one undo step); returns the list it went to and its id."""
    if choice.kind == "api":
        return "models", add_api_model(doc, choice.entry)
    if choice.kind == "self":
        return "models", add_self_hosted(doc, choice.entry, choice.gpu or GpuChoice())[0]
    return "gpus", add_gpu(doc, choice.entry, pricing=choice.pricing,
                           amortization_months=choice.months)


def apply_prices(doc: Any, report: Any) -> list[str]:
    """Set the report's new prices (and each updated model's note) as one undo step; returns
    the ids of the models changed. Refused and unmatched models are left alone."""
    from ...io.pricebook import apply

    new = apply(doc.data, report)["models"]
    rows = [i for i, model in enumerate(doc.items("models")) if new[i] != model]
    if not rows:
        return []
    where = f"{report.file}" + (f", {report.date}" if report.date else "")
    with doc.macro(f"Import prices from {where}"):
        for i in rows:
            doc.set(("models", i), new[i], f"Prices of {new[i].get('id')}")
    return [str(new[i].get("id")) for i in rows]
