"""Catalog entries as plan JSON data (MODEL.md section 1), each with a one-line ``note``
citing its source, figure and check date (the app shows it on hover)."""

from __future__ import annotations

from typing import Any

Entry = dict[str, Any]

# Owned-GPU overhead (EVIDENCE.md: colocation ~$150-250 per kW-month, network +10-15% of
# capex, operations staff with no figure): the mid of each range.
COLOCATION_PER_KW_MONTH = 200.0
NETWORK_SHARE_OF_CAPEX = 0.125
AMORTIZATION_MONTHS = 48


def cite(entry: Entry) -> str:
    """``source: figure. basis. Checked YYYY-MM-DD.`` on one line."""
    parts = [f"{entry['source']}: {entry['figure'].rstrip('.')}"]
    if entry.get("basis"):
        parts.append(entry["basis"].rstrip("."))
    parts.append(f"Checked {entry['checked']}")
    return " ".join(". ".join(parts).split()) + "."


def template_to_workflow(template: Entry, *, team_id: str, workflow_id: str | None = None,
                         volume_per_month: float | None = None,
                         model_id: str | None = None) -> tuple[Entry, Entry | None]:
    """A plan workflow for ``team_id`` and its Risk-page range (None when the evidence gives
    no spread, as for meetings).

    ``volume_per_month`` defaults to the template's ``volume_hint`` (one person's month);
    the compute block is added only with ``model_id`` (a model the plan has)."""
    wid = workflow_id or template["id"]
    if "]" in wid:
        raise ValueError(f'workflow id "{wid}": an id with "]" cannot be named in a range path')
    volume = template.get("volume_hint", 0) if volume_per_month is None else volume_per_month
    workflow: Entry = {"id": wid, "team": team_id, "name": template["name"],
                       "volume_per_month": volume, "minutes_per_unit": template["minutes_per_unit"],
                       "ai": dict(template["ai"])}
    if model_id is not None:
        workflow["compute"] = {"model": model_id, **template["compute"]}
    workflow["note"] = cite(template)
    low, high = template["time_saved_range"]["low"], template["time_saved_range"]["high"]
    if low == high:
        return workflow, None
    return workflow, {"path": f"workflows[{wid}].ai.time_saved", "low": low, "high": high}


def api_model_to_plan(entry: Entry, *, model_id: str | None = None) -> Entry:
    """A plan model with ``hosting: "api"`` and list prices per million tokens."""
    model: Entry = {"id": model_id or entry["id"], "hosting": "api",
                    "input_per_mtok": entry["input_per_mtok"],
                    "output_per_mtok": entry["output_per_mtok"]}
    if "cached_input_per_mtok" in entry:
        model["cached_input_per_mtok"] = entry["cached_input_per_mtok"]
    model["note"] = cite(entry)
    return model


def self_hosted_to_plan(entry: Entry, *, gpu_id: str | None = None,
                        model_id: str | None = None) -> Entry:
    """A plan model with ``hosting: "self"`` on the plan GPU ``gpu_id`` (default: the catalog
    GPU's id, as :func:`gpu_to_plan` names it)."""
    return {"id": model_id or entry["id"], "hosting": "self", "gpu": gpu_id or entry["gpu"],
            "gpus_per_replica": entry["gpus_per_replica"],
            "prefill_tokens_per_s": entry["prefill_tokens_per_s"],
            "decode_tokens_per_s": entry["decode_tokens_per_s"],
            "utilization": entry["utilization"], "note": cite(entry)}


def owned_overhead(entry: Entry, amortization_months: int = AMORTIZATION_MONTHS) -> float:
    """Colocation per kW-month on the GPU's power plus network capex spread over its life,
    per GPU-month (operations staff excluded: no figure)."""
    kw = entry["watts"]["per_gpu"] / 1000
    capex = entry["purchase"]["capex_per_gpu"]
    return round(kw * COLOCATION_PER_KW_MONTH + capex * NETWORK_SHARE_OF_CAPEX / amortization_months)


def gpu_to_plan(entry: Entry, *, pricing: str = "cloud", gpu_id: str | None = None,
                amortization_months: int = AMORTIZATION_MONTHS) -> Entry:
    """A plan GPU: rented (``"cloud"``, per GPU-hour) or bought (``"owned"``: capex including
    the server share, straight-line over ``amortization_months``, and overhead)."""
    watts, cloud, purchase = entry["watts"], entry["cloud"], entry["purchase"]
    power = f"{watts['per_gpu']:,g} W per GPU incl. server share ({watts['source']}: {watts['figure']})"
    if pricing == "cloud":
        where = f", {cloud['provider']}" + (f", {cloud['date']}" if cloud.get("date") else "")
        note = (f"{entry['name']}: ${cloud['per_gpu_hour']:g} per GPU-hour{where} "
                f"({cloud['source']}: {cloud['figure']}); {power}. Checked {cloud['checked']}.")
        return {"id": gpu_id or entry["id"], "pricing": "cloud", "per_gpu_hour": cloud["per_gpu_hour"],
                "watts_per_gpu": watts["per_gpu"], "note": note}
    if pricing != "owned":
        raise ValueError(f'pricing must be "cloud" or "owned", got "{pricing}"')
    overhead = owned_overhead(entry, amortization_months)
    note = (f"{entry['name']}: ${purchase['capex_per_gpu']:,g} per GPU ({purchase['source']}: "
            f"{purchase['figure']}; {purchase['basis'].rstrip('.')}); overhead ${overhead:,g} per "
            f"GPU-month = colocation ${COLOCATION_PER_KW_MONTH:g} per kW-month (mid of $150-250) "
            f"+ network {NETWORK_SHARE_OF_CAPEX:.1%} of capex (mid of 10-15%) over "
            f"{amortization_months} months, operations staff not included; {power}. "
            f"Checked {purchase['checked']}.")
    return {"id": gpu_id or entry["id"], "pricing": "owned",
            "capex_per_gpu": purchase["capex_per_gpu"], "amortization_months": amortization_months,
            "watts_per_gpu": watts["per_gpu"], "overhead_per_gpu_month": overhead, "note": note}
