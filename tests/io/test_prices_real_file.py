"""The price book on the real LiteLLM file (2,985 entries), when the shared folder is present."""

from __future__ import annotations

import pytest
from prices_data import api, plan
from shared_files import PRICE_FILE

from planner.catalog import api_models
from planner.io.pricebook import Prices, apply, compare, entry_prices, read_price_file

pytestmark = pytest.mark.skipif(not PRICE_FILE.exists(),
                                reason="the shared LiteLLM price file is not beside this checkout")


@pytest.fixture(scope="module")
def real():
    return read_price_file(PRICE_FILE)


def test_reads_the_real_file(real):
    assert (real.name, real.date, len(real.entries)) == \
        ("litellm_model_prices_2026-07-24.json", "2026-07-24", 2983)  # less sample_spec, last_updated


def test_the_demo_plan_on_the_real_file(real):
    data = plan(api("gpt-4o-mini", 0.15, 0.6), api("claude-haiku-4-5-20251001", 0.8, 4, 0.08),
                api("gpt-5.4-mini", 0.25, 2, 0.025), api("claude-sonnet-4-6-20260217", 3, 15),
                api("acme-internal-llm", 1, 3))
    report = compare(data, real)
    got = {m.model: (m.key, m.how, m.new) for m in report.matched}
    assert got == {
        "gpt-4o-mini": ("gpt-4o-mini", "exact", Prices(0.15, 0.6, 0.075)),
        "claude-haiku-4-5-20251001": ("claude-haiku-4-5-20251001", "exact", Prices(1.0, 5.0, 0.1)),
        "gpt-5.4-mini": ("gpt-5.4-mini", "exact", Prices(0.75, 4.5, 0.075)),
        "claude-sonnet-4-6-20260217": ("claude-sonnet-4-6", "prefix", Prices(3.0, 15.0, 0.3)),
    }
    assert [u.model for u in report.unmatched] == ["acme-internal-llm"]
    new = apply(data, report)
    assert new["models"][4] == data["models"][4]


def test_the_71000_dollar_llama_is_refused(real):
    report = compare(plan(api("wandb/meta-llama/Llama-3.3-70B-Instruct", 0.7, 0.7)), real)
    assert report.matched == () and len(report.refused) == 1
    assert report.refused[0].reason.startswith(
        "wandb/meta-llama/Llama-3.3-70B-Instruct: input_cost_per_token 0.071 is $71,000 per million")


def test_every_catalog_api_model_matches_its_key_at_the_catalog_price(real):
    models = api_models()
    data = plan(*[api(m["file_key"], m["input_per_mtok"], m["output_per_mtok"],
                      m.get("cached_input_per_mtok")) for m in models])
    report = compare(data, real)
    assert len(report.matched) == len(models) and not report.refused
    assert all(m.how == "exact" and not m.changed for m in report.matched)


def test_anthropic_cache_writes_are_one_and_a_quarter_times_input(real):
    """EVIDENCE.md: "Anthropic charges cache writes at 1.25x input" (reported, not applied)."""
    for key in ("claude-haiku-4-5", "claude-sonnet-4-6", "claude-opus-4-7"):
        entry = real.entries[key]
        assert entry["cache_creation_input_token_cost"] == pytest.approx(1.25 * entry["input_cost_per_token"])


def test_the_sanity_limit_refuses_only_a_few_entries_of_the_real_file(real):
    refused = {k for k, e in real.entries.items()
               if "input_cost_per_token" in e and isinstance(entry_prices(k, e), str)
               and "sanity limit" in entry_prices(k, e)}
    assert "wandb/meta-llama/Llama-3.3-70B-Instruct" in refused
    assert 10 <= len(refused) <= 30  # the wandb entries and a few others
