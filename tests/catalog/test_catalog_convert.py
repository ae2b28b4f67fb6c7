"""Catalog entries become plan data the validator accepts, with a note citing the evidence."""

from __future__ import annotations

import pytest

from planner import catalog
from planner.model import SCHEMA_VERSION, check


def _plan(**lists) -> dict:
    """A minimal valid plan: one team, plus the given workflows, models and GPUs."""
    return {"format": "orgplan", "schema_version": 1, "name": "Catalog check",
            "teams": [{"id": "team", "name": "Team", "roles": [
                {"name": "IC", "kind": "ic", "headcount": 10, "annual_cost": 80000}]}],
            **lists}


def _errors(plan: dict) -> list[str]:
    return [str(p) for p in check(plan) if p.severity == "error"]


TEMPLATES = catalog.workflow_templates()


@pytest.mark.parametrize("template", TEMPLATES, ids=[t["id"] for t in TEMPLATES])
def test_every_template_becomes_a_valid_workflow_with_its_range(template):
    model = catalog.api_model_to_plan(catalog.api_model("gpt-5.4-mini"))
    workflow, rng = catalog.template_to_workflow(template, team_id="team", workflow_id="w.1",
                                                 volume_per_month=1200, model_id="gpt-5.4-mini")
    assert _errors(_plan(workflows=[workflow], models=[model])) == []
    assert (workflow["volume_per_month"], workflow["compute"]["model"]) == (1200, "gpt-5.4-mini")
    assert workflow["note"].endswith("Checked 2026-12-02.") and "\n" not in workflow["note"]
    assert template["source"] in workflow["note"] and template["figure"] in workflow["note"]
    if rng is not None:
        assert rng["path"] == "workflows[w.1].ai.time_saved"
        assert rng["low"] <= workflow["ai"]["time_saved"] <= rng["high"]


def test_support_tickets_cite_the_field_study_and_are_not_discounted_twice():
    workflow, rng = catalog.template_to_workflow(catalog.template("cs-tickets"), team_id="support")
    assert workflow["ai"]["time_saved"] == 0.13 and workflow["ai"]["adoption"] == 1
    assert workflow["note"].startswith("Brynjolfsson, Li, Raymond (QJE 140(2), 2025; NBER w31161, "
                                       "2023): 5,172 support agents: +15% issues resolved per hour")
    assert "1 - 1/1.15 = 13%" in workflow["note"]
    assert "compute" not in workflow  # no model named: no token use the plan cannot resolve
    assert workflow["volume_per_month"] == 500  # one agent's month (volume_hint)
    assert rng == {"path": "workflows[cs-tickets].ai.time_saved", "low": 0, "high": 0.23}


def test_meetings_save_nothing_and_bring_no_range():
    workflow, rng = catalog.template_to_workflow(catalog.template("mgmt-meetings"), team_id="team")
    assert workflow["ai"]["time_saved"] == 0 and rng is None


def test_software_template_range_allows_a_slowdown():
    _, rng = catalog.template_to_workflow(catalog.template("se-feature"), team_id="team")
    assert rng["low"] == -0.19 and rng["high"] == 0.558


def test_every_api_and_self_hosted_model_and_cloud_gpu_is_valid_plan_data():
    gpus = [catalog.gpu_to_plan(g) for g in catalog.gpus()]
    models = [catalog.api_model_to_plan(m) for m in catalog.api_models()]
    models += [catalog.self_hosted_to_plan(m) for m in catalog.self_hosted_models()]
    assert _errors(_plan(models=models, gpus=gpus)) == []
    haiku = next(m for m in models if m["id"] == "claude-haiku-4-5")
    assert (haiku["hosting"], haiku["input_per_mtok"], haiku["output_per_mtok"],
            haiku["cached_input_per_mtok"]) == ("api", 1, 5, 0.1)
    assert "claude-haiku-4-5 (anthropic): input_cost_per_token 1e-06" in haiku["note"]
    oss = next(m for m in models if m["id"] == "gpt-oss-120b")
    assert "cached_input_per_mtok" not in oss  # the file gives none: the input price applies


def test_a_cloud_gpu_cites_its_price_provider_and_date():
    h100 = catalog.gpu_to_plan(catalog.gpu("h100-sxm"), gpu_id="h100")
    assert h100 == {"id": "h100", "pricing": "cloud", "per_gpu_hour": 3.99, "watts_per_gpu": 1275,
                    "note": h100["note"]}
    assert h100["note"].startswith("NVIDIA H100 SXM 80GB: $3.99 per GPU-hour, Lambda, 8x H100 SXM "
                                   "on-demand (1x: 4.29; AWS p5: 6.88), 2026-09")


def test_an_owned_gpu_carries_capex_with_server_share_and_overhead():
    owned = catalog.gpu_to_plan(catalog.gpu("h100-sxm"), pricing="owned")
    # 1.275 kW x $200 per kW-month + 12.5% of 40,625 over 48 months = 255 + 105.8
    assert (owned["capex_per_gpu"], owned["amortization_months"], owned["overhead_per_gpu_month"]) \
        == (40625, 48, 361)
    assert set(owned) == {"id", "pricing", "capex_per_gpu", "amortization_months", "watts_per_gpu",
                          "overhead_per_gpu_month", "note"}  # MODEL.md v2 owned GPU keys
    assert "operations staff not included" in owned["note"]
    assert catalog.gpu_to_plan(catalog.gpu("h100-sxm"), pricing="owned",
                               amortization_months=60)["overhead_per_gpu_month"] == 340
    if SCHEMA_VERSION >= 2:  # overhead_per_gpu_month is a schema 2 key
        assert _errors(_plan(gpus=[owned]) | {"schema_version": 2}) == []
    with pytest.raises(ValueError, match='pricing must be "cloud" or "owned"'):
        catalog.gpu_to_plan(catalog.gpu("h100-sxm"), pricing="leased")


def test_a_self_hosted_model_points_at_the_plan_gpu_it_is_given():
    model = catalog.self_hosted_to_plan(catalog.self_hosted_model("llama-3.3-70b-fp8-h100-tp2"),
                                        gpu_id="h100-owned", model_id="open-70b")
    assert (model["id"], model["gpu"], model["gpus_per_replica"], model["utilization"]) == \
        ("open-70b", "h100-owned", 2, 0.45)
    assert "2,209" in model["note"] and "398" in model["note"]


def test_a_workflow_id_that_a_range_path_cannot_name_is_refused():
    with pytest.raises(ValueError, match="cannot be named in a range path"):
        catalog.template_to_workflow(catalog.template("mkt-copy"), team_id="t", workflow_id="a]b")
