"""Applying a price report: a new plan, only the matched prices changed, the input untouched."""

from __future__ import annotations

import copy

from prices_data import SMALL, api, plan

from planner.io.pricebook import apply, compare, read_price_file
from planner.model import check

STAMP = "prices from LiteLLM file small_prices.json, 2026-07-24"


def _plan() -> dict:
    return plan(api("gpt-4o-mini", 0.1, 0.5, note="small model"),
                api("claude-haiku-4-5-20251001", 0.8, 4, 0.08),
                api("gpt-5.4", 2.5, 15, 0.25),                       # already current
                api("wandb/meta-llama/Llama-3.3-70B-Instruct", 0.7, 0.7),  # refused
                api("acme-internal", 1, 2),                           # unmatched
                {"id": "open-70b", "hosting": "self", "gpu": "g", "gpus_per_replica": 1,
                 "prefill_tokens_per_s": 1, "decode_tokens_per_s": 1, "utilization": 0.5})


def test_apply_returns_a_new_plan_and_never_changes_its_input():
    data = _plan()
    before = copy.deepcopy(data)
    new = apply(data, compare(data, read_price_file(SMALL)))
    assert data == before
    assert new is not data and new["models"] is not data["models"]


def test_only_the_matched_changed_prices_differ():
    data = _plan()
    new = apply(data, compare(data, read_price_file(SMALL)))
    assert new["models"][0] == {"id": "gpt-4o-mini", "hosting": "api", "input_per_mtok": 0.15,
                                "output_per_mtok": 0.6, "cached_input_per_mtok": 0.075,
                                "note": f"small model; {STAMP}"}
    assert new["models"][1] == {"id": "claude-haiku-4-5-20251001", "hosting": "api",
                                "input_per_mtok": 1.0, "output_per_mtok": 5.0,
                                "cached_input_per_mtok": 0.1, "note": STAMP}
    assert new["models"][2:] == data["models"][2:]  # current, refused, unmatched, self-hosted
    assert {k: v for k, v in new.items() if k != "models"} == \
        {k: v for k, v in data.items() if k != "models"}


def test_applying_twice_keeps_one_source_in_the_note():
    prices = read_price_file(SMALL)
    data = _plan()
    data["models"][0]["note"] = "small model; prices from LiteLLM file old.json, 2025-01-01"
    once = apply(data, compare(data, prices))
    assert once["models"][0]["note"] == f"small model; {STAMP}"
    once["models"][0]["input_per_mtok"] = 9  # edited by hand, then refreshed again
    twice = apply(once, compare(once, prices))
    assert twice["models"][0]["note"] == f"small model; {STAMP}"


def test_the_applied_plan_is_still_valid():
    data = _plan()
    data["gpus"] = [{"id": "g", "pricing": "cloud", "per_gpu_hour": 2, "watts_per_gpu": 700}]
    assert [p for p in check(data) if p.severity == "error"] == []
    new = apply(data, compare(data, read_price_file(SMALL)))
    assert [p for p in check(new) if p.severity == "error"] == []
