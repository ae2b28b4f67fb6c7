"""Which price-file key prices a plan model, and what the comparison reports."""

from __future__ import annotations

import pytest
from prices_data import SMALL, api, plan

from planner.io.pricebook import KeyMatch, Prices, compare, match_key, read_price_file
from planner.io.pricebook.matching import NO_MATCH


@pytest.fixture(scope="module")
def prices():
    return read_price_file(SMALL)


@pytest.mark.parametrize("model_id, key, how", [
    ("gpt-4o-mini", "gpt-4o-mini", "exact"),
    # a dated id: the LONGEST bare key it starts with (claude-haiku-4 is shorter), and bare keys
    # before the provider-prefixed anthropic/claude-haiku-4-5-20251001 at another price
    ("claude-haiku-4-5-20251001", "claude-haiku-4-5", "prefix"),
    ("gpt-5.4@2026-03-05", "gpt-5.4", "prefix"),
    ("anthropic/claude-haiku-4-5", "claude-haiku-4-5", "provider"),  # LiteLLM's routing name
    ("open-70b", "fireworks_ai/open-70b", "provider"),  # two providers, one price
    ("anthropic/claude-haiku-4-5-20251001", "anthropic/claude-haiku-4-5-20251001", "exact"),
])
def test_matching_order(prices, model_id, key, how):
    found = match_key(model_id, prices.entries)
    assert isinstance(found, KeyMatch) and (found.key, found.how) == (key, how)


@pytest.mark.parametrize("model_id, reason", [
    ("gpt-4o-minimal", NO_MATCH),  # a prefix must end at - @ or :
    ("openai/claude-haiku-4-5", NO_MATCH),  # wrong provider
    ("mixed-8b", "2 provider keys price it differently (cerebras/mixed-8b 0.1/0.1, groq/mixed-8b "
                 "0.05/0.08); rename the model (and its workflows' compute.model) to the key you "
                 "buy from"),
])
def test_no_match_says_why(prices, model_id, reason):
    assert match_key(model_id, prices.entries) == reason


def test_compare_reports_old_and_new_prices_per_million_tokens(prices):
    report = compare(plan(api("gpt-4o-mini", 0.1, 0.5), api("claude-haiku-4-5-20251001", 0.8, 4, 0.08)),
                     prices)
    mini, haiku = report.matched
    assert (mini.key, mini.old, mini.new) == ("gpt-4o-mini", Prices(0.1, 0.5, None), Prices(0.15, 0.6, 0.075))
    assert (haiku.key, haiku.how, haiku.old, haiku.new) == \
        ("claude-haiku-4-5", "prefix", Prices(0.8, 4, 0.08), Prices(1.0, 5.0, 0.1))
    assert mini.changed and haiku.changed
    assert (report.file, report.date, report.unmatched, report.refused) == \
        ("small_prices.json", "2026-07-24", (), ())


def test_notes_report_cache_writes_batch_tiers_and_long_context_without_applying_them(prices):
    report = compare(plan(api("claude-haiku-4-5-20251001", 1, 5, 0.1), api("gpt-4o-mini", 0.15, 0.6, 0.075),
                          api("gpt-5.4", 2.5, 15, 0.25)), prices)
    notes = {m.model: m.notes for m in report.matched}
    assert notes["claude-haiku-4-5-20251001"] == (
        "matched by prefix: the id adds '-20251001' to claude-haiku-4-5; check it is the same model",
        "cache writes cost 1.25 per Mtok (1.25x input) in the file: not applied; caching stays "
        "explicit (cached_share)")
    assert notes["gpt-4o-mini"] == ("batch prices 0.075/0.3 per Mtok (50% off) in the file: not applied",)
    assert notes["gpt-5.4"] == ("input beyond 272k tokens of context costs 5 per Mtok in the file: "
                                "not applied",)
    assert not any(m.changed for m in report.matched)  # same prices: nothing to change


def test_a_missing_cached_price_keeps_the_plans_and_says_so(prices):
    report = compare(plan(api("claude-haiku-4", 1, 5, 0.1), api("local-free", 0.2, 0.2)), prices)
    haiku, free = report.matched
    assert haiku.new == Prices(0.8, 4.0, None)
    assert "the file gives no cached-input price: the plan's 0.1 is kept" in haiku.notes
    assert "the file gives no cached-input price: cached input is billed at the input price" in free.notes


def test_refused_and_unmatched_models_are_listed_and_self_hosted_ones_ignored(prices):
    report = compare(plan(api("wandb/meta-llama/Llama-3.3-70B-Instruct", 0.7, 0.7),
                          api("acme-internal", 1, 2), api("text-embedding-small", 0.02, 0),
                          {"id": "open-70b", "hosting": "self", "gpu": "g"}), prices)
    assert [(r.model, r.key) for r in report.refused] == \
        [("wandb/meta-llama/Llama-3.3-70B-Instruct", "wandb/meta-llama/Llama-3.3-70B-Instruct")]
    assert "$71,000 per million tokens" in report.refused[0].reason
    assert [(u.model, u.reason) for u in report.unmatched] == \
        [("acme-internal", NO_MATCH)]
    assert [m.model for m in report.matched] == ["text-embedding-small"]
    assert 'the file lists text-embedding-small with mode "embedding", not chat' in report.matched[0].notes


def test_a_broken_plan_is_read_as_far_as_it_goes(prices):
    assert compare({"models": "none"}, prices).matched == ()
    assert compare([], prices).matched == ()
    report = compare({"models": [7, {"hosting": "api"}, api("gpt-4o-mini", "cheap", None)]}, prices)
    assert report.matched[0].old == Prices(None, None, None)
