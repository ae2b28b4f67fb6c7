"""Finding catalog entries as the app's template picker and warnings will."""

from __future__ import annotations

import pytest

from planner import catalog


def _ids(entries):
    return [e["id"] for e in entries]


def test_find_templates_matches_name_function_and_unit_in_any_case():
    assert _ids(catalog.find_templates("SUPPORT")) == ["cs-tickets", "cs-new-agents", "cs-escalations"]
    assert _ids(catalog.find_templates("email")) == ["sales-outreach", "ops-exceptions", "mgmt-email"]
    assert _ids(catalog.find_templates("pull request")) == ["se-feature", "se-review"]  # units
    assert _ids(catalog.find_templates("legal draft")) == ["legal-drafting"]  # every word
    assert catalog.find_templates("submarine") == []
    assert len(catalog.find_templates("")) == len(catalog.workflow_templates())


def test_lookups_return_copies_so_callers_cannot_change_the_catalog():
    first = catalog.template("cs-tickets")
    first["ai"]["time_saved"] = 0.9
    assert catalog.template("cs-tickets")["ai"]["time_saved"] == 0.13


def test_an_unknown_id_names_the_ones_that_exist():
    with pytest.raises(KeyError, match='no GPU "h300" in the catalog; the GPUs are a100-80gb-sxm'):
        catalog.gpu("h300")


def test_every_function_has_a_ceiling_with_its_source():
    ceilings = {f["id"]: f["max_time_saved"] for f in catalog.functions()}
    assert ceilings["customer-support"] == 0.254 and ceilings["legal"] == 0.321
    for template in catalog.workflow_templates():
        assert template["time_saved_range"]["high"] <= ceilings[template["function"]]


def test_tier_for_finds_a_models_family_and_whether_successors_cost_more():
    assert catalog.tier_for("gpt-5.4")["trend"] == "rising"
    assert catalog.tier_for("claude-haiku-4-5-20251001")["id"] == "anthropic-haiku"
    assert catalog.tier_for("claude-opus-4-7")["trend"] == "falling"
    assert catalog.tier_for("claude-sonnet-4-6")["trend"] == "flat"
    assert catalog.tier_for("gpt-5.4-2026-03-05")["id"] == "openai-flagship"
    assert catalog.tier_for("gpt-5.4-nano") is None  # another model, not a dated gpt-5.4
    assert catalog.tier_for("my-own-model") is None
