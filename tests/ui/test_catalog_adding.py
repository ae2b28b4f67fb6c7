"""Adding from the catalog: a template's workflow with its citation and its time-saved range,
models and GPUs with their sources; each one undo step that undo takes back bit for bit."""

from __future__ import annotations

import copy
import json
from dataclasses import replace

import pytest
from conftest import BUNDLED

from planner import catalog as cat
from planner.model import check_and_parse
from planner.ui.doc.document import PlanDocument
from planner.ui.evidence.adding import (
    GpuChoice,
    TemplateChoice,
    add_api_model,
    add_gpu,
    add_self_hosted,
    add_workflow_from_template,
    problems_if_added,
    suggest_volume,
    team_hours_share,
)


@pytest.fixture
def doc(qtbot):
    return PlanDocument(json.loads(BUNDLED.read_text(encoding="utf-8")))


def dumps(data) -> str:
    return json.dumps(data, sort_keys=False)


def errors(data) -> list[str]:
    problems, _ = check_and_parse(data)
    return [f"{p.loc}: {p.message}" for p in problems if p.severity == "error"]


def test_a_template_adds_its_workflow_and_its_range_as_one_step(doc):
    before = dumps(doc.data)
    t = cat.template("hr-screening")
    wid, rng = add_workflow_from_template(doc, TemplateChoice(t, team="people-ops", volume=6000,
                                                              model="gpt-5-mini"))
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.text(0) == f"Add workflow {t['name']} from the catalog"
    w = doc.data["workflows"][-1]
    assert (w["id"], w["team"], w["volume_per_month"], w["minutes_per_unit"]) == \
        (wid, "people-ops", 6000, t["minutes_per_unit"])
    assert w["ai"] == t["ai"] and w["compute"] == {"model": "gpt-5-mini", **t["compute"]}
    assert w["note"] == cat.cite(t) and t["source"] in w["note"] and t["checked"] in w["note"]
    assert doc.data["ranges"][-1] == rng == {"path": f"workflows[{wid}].ai.time_saved",
                                             "low": t["time_saved_range"]["low"],
                                             "high": t["time_saved_range"]["high"]}
    assert errors(doc.data) == []
    doc.undo_stack.undo()
    assert dumps(doc.data) == before
    doc.undo_stack.redo()
    assert doc.data["workflows"][-1] == w


def test_the_same_template_twice_gets_a_fresh_id_and_its_own_range(doc):
    t = cat.template("se-review")
    first, _ = add_workflow_from_template(doc, TemplateChoice(t, team="eng-platform", volume=100))
    second, rng = add_workflow_from_template(doc, TemplateChoice(t, team="eng-product", volume=100))
    assert (first, second) == ("se-review", "se-review-2")
    assert rng["path"] == "workflows[se-review-2].ai.time_saved"
    assert "compute" not in doc.data["workflows"][-1]          # no model chosen: no tokens
    assert errors(doc.data) == []


def test_a_template_without_a_spread_adds_no_range(doc):
    n = len(doc.data["ranges"])
    _, rng = add_workflow_from_template(doc, TemplateChoice(cat.template("mgmt-meetings"),
                                                            team="exec", volume=240))
    assert rng is None and len(doc.data["ranges"]) == n


def test_a_catalog_model_for_the_template_is_added_in_the_same_step(qtbot):
    doc = PlanDocument({"format": "orgplan", "schema_version": 2, "name": "New", "teams": [
        {"id": "legal", "name": "Legal", "roles": [{"name": "Lawyer", "kind": "ic", "headcount": 4,
                                                    "annual_cost": 150000}]}]})
    before = dumps(doc.data)
    choice = TemplateChoice(cat.template("legal-review"), team="legal", volume=80,
                            new_model=cat.api_model("claude-sonnet-4-6"))
    wid, _ = add_workflow_from_template(doc, choice)
    assert doc.undo_stack.count() == 1
    assert [m["id"] for m in doc.data["models"]] == ["claude-sonnet-4-6"]
    assert doc.data["workflows"][0]["compute"]["model"] == "claude-sonnet-4-6"
    assert doc.data["models"][0]["note"] == cat.cite(cat.api_model("claude-sonnet-4-6"))
    assert errors(doc.data) == []
    doc.undo_stack.undo()
    assert dumps(doc.data) == before


def test_an_api_model_keeps_its_list_prices_and_source(doc):
    entry = cat.api_model("gpt-5.4-mini")
    mid = add_api_model(doc, entry)
    m = doc.data["models"][-1]
    assert (m["id"], m["input_per_mtok"], m["output_per_mtok"], m["cached_input_per_mtok"]) == \
        (mid, 0.75, 4.5, 0.075)
    assert "LiteLLM" in m["note"] and "Checked 2026-12-02" in m["note"]
    assert add_api_model(doc, entry) == "gpt-5.4-mini-2"


def test_a_self_hosted_model_brings_its_gpu_when_the_plan_lacks_it(doc):
    before = dumps(doc.data)
    entry = cat.self_hosted_model("llama-3.3-70b-fp8-h200-tp2")
    mid, gid = add_self_hosted(doc, entry, GpuChoice(entry=cat.gpu("h200-sxm"), pricing="owned"))
    assert doc.undo_stack.count() == 1
    assert gid == "h200-sxm-owned" and doc.data["gpus"][-1]["id"] == gid
    assert doc.data["gpus"][-1]["pricing"] == "owned" and "Checked" in doc.data["gpus"][-1]["note"]
    m = doc.data["models"][-1]
    assert (m["id"], m["hosting"], m["gpu"], m["gpus_per_replica"]) == (mid, "self", gid, 2)
    assert errors(doc.data) == []
    doc.undo_stack.undo()
    assert dumps(doc.data) == before


def test_a_self_hosted_model_on_a_gpu_the_plan_has(doc):
    gpus = copy.deepcopy(doc.data["gpus"])
    mid, gid = add_self_hosted(doc, cat.self_hosted_model("llama-3.1-8b-fp8-h100"),
                               GpuChoice(plan_id="h100-cloud"))
    assert gid == "h100-cloud" and doc.data["gpus"] == gpus
    assert doc.data["models"][-1]["gpu"] == "h100-cloud"


def test_a_gpu_rented_or_bought(doc):
    entry = cat.gpu("b200")
    assert add_gpu(doc, entry) == "b200-cloud"
    assert add_gpu(doc, entry, pricing="owned", amortization_months=36) == "b200-owned"
    cloud, owned = doc.data["gpus"][-2:]
    assert cloud == cat.gpu_to_plan(entry, gpu_id="b200-cloud")
    assert owned == cat.gpu_to_plan(entry, pricing="owned", gpu_id="b200-owned",
                                    amortization_months=36)
    assert doc.undo_stack.count() == 2 and errors(doc.data) == []


def test_the_volume_is_one_persons_month_times_the_people_who_do_the_work(doc):
    names = {f["id"]: f["name"].lower() for f in cat.functions()}
    tickets = cat.template("cs-tickets")
    hint = suggest_volume(doc.data, tickets, "support", names)
    assert hint.volume == tickets["volume_hint"] * 120
    assert hint.text == f"{tickets['volume_hint']:,} a month per person x 120 ICs"
    # management work is the managers'
    meetings = cat.template("mgmt-meetings")
    assert suggest_volume(doc.data, meetings, "support", names).volume == 40 * 12
    assert suggest_volume(doc.data, meetings, "exec", names).volume == 40 * 6
    # another function's work: one person's month, and the reason
    other = suggest_volume(doc.data, cat.template("legal-review"), "support", names)
    assert other.volume == 20 and "not legal" in other.text
    # a team of managers only
    assert suggest_volume(doc.data, tickets, "exec", names).volume == tickets["volume_hint"]


def test_the_hours_a_volume_takes_are_put_against_the_teams(doc):
    t = cat.template("cs-tickets")
    text = team_hours_share(doc.data, t, "support", 1000)
    hours = 1000 * t["minutes_per_unit"] / 60
    assert text == f"{hours:,.0f} hours a month, {hours / (120 * 1760 / 12):.0%} of the team's IC hours"


def test_what_an_addition_would_break_is_known_before_it_is_made(doc):
    """Northwind's "Bets go wrong" halves time saved (below the low end of some ranges): the
    dialog says so before anything changes; without the range, that problem goes. "Fast
    adoption" scales adoption by 1.1, which a scale clips at 100% (MODEL.md s.6), so a
    support template's 100% adds cleanly."""
    before = dumps(doc.data)
    tickets = TemplateChoice(cat.template("cs-tickets"), team="support", volume=1000)
    assert problems_if_added(doc.data, tickets) == []
    copy_ = TemplateChoice(cat.template("mkt-copy"), team="marketing", volume=1000)
    found = problems_if_added(doc.data, copy_)
    assert len(found) == 1 and "outside the range [0.15, 0.4]" in found[0]
    assert problems_if_added(doc.data, replace(copy_, with_range=False)) == []
    assert problems_if_added(doc.data, TemplateChoice(cat.template("legal-review"), team="legal",
                                                      volume=160, model="claude-haiku-4-5")) == []
    assert dumps(doc.data) == before and doc.undo_stack.count() == 0
