"""Every API model's and tier member's prices equal the LiteLLM price file's per-token prices
x 1e6, under the key the catalog names (the real file when the shared folder is present)."""

from __future__ import annotations

import json

import pytest
from shared_files import PRICE_FILE, PRICE_FILE_NAME, PRICE_SUBSET, price_entries

from planner.catalog import load_catalog


def _per_mtok(entry: dict, key: str) -> float | None:
    value = entry.get(key)
    return None if value is None else round(value * 1e6, 9)


def test_api_model_prices_equal_the_price_file():
    entries = price_entries()
    catalog = load_catalog()
    assert catalog.price_file["name"] == PRICE_FILE_NAME
    for model in catalog.api_models:
        entry = entries[model["file_key"]]
        assert model["input_per_mtok"] == pytest.approx(_per_mtok(entry, "input_cost_per_token"))
        assert model["output_per_mtok"] == pytest.approx(_per_mtok(entry, "output_cost_per_token"))
        assert model.get("cached_input_per_mtok") == \
            pytest.approx(_per_mtok(entry, "cache_read_input_token_cost")), model["id"]
        # the figure quotes the per-token prices it was computed from
        assert f"input_cost_per_token {entry['input_cost_per_token']:g}" in model["figure"]


def test_tier_member_prices_equal_the_price_file():
    entries = price_entries()
    for tier in load_catalog().tiers:
        for member in tier["members"]:
            entry = entries[member["file_key"]]
            assert member["input_per_mtok"] == pytest.approx(_per_mtok(entry, "input_cost_per_token"))
            assert member["output_per_mtok"] == pytest.approx(_per_mtok(entry, "output_cost_per_token"))


def test_the_subset_kept_with_the_tests_equals_the_real_file():
    if not PRICE_FILE.exists():
        pytest.skip("the shared price file is not beside this checkout")
    real = json.loads(PRICE_FILE.read_text(encoding="utf-8"))
    subset = json.loads(PRICE_SUBSET.read_text(encoding="utf-8"))
    assert len(real) == 2985
    for key, entry in subset.items():
        assert real[key] == entry, key


def test_the_bundled_examples_api_models_are_priced_by_the_file_as_they_are():
    """File > Import prices on the bundled example finds every API model, at the prices the
    example already has (its models are named by the file's keys)."""
    from conftest import BUNDLED

    from planner.io.pricebook import compare
    from planner.io.pricebook.pricefile import PriceFile

    data = json.loads(BUNDLED.read_text(encoding="utf-8"))
    report = compare(data, PriceFile(PRICE_FILE_NAME, "2026-07-24", price_entries()))
    api = [m["id"] for m in data["models"] if m["hosting"] == "api"]
    assert sorted(m.model for m in report.matched) == sorted(api)
    assert report.unmatched == () and report.refused == ()
    assert not any(m.changed for m in report.matched)
