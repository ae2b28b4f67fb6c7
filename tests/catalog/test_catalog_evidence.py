"""Every catalog figure that EVIDENCE.md states equals it.

The price table is parsed from EVIDENCE.md; the successor prices are read from its sentence;
other figures are pinned below as (catalog path, value, the EVIDENCE.md text that states it,
the part of that text showing the value). A pin fails when the catalog changes or when
EVIDENCE.md no longer says it, so a change on either side prompts a review.
"""

from __future__ import annotations

import re

import pytest
from shared_files import EVIDENCE_COPY, EVIDENCE_SHARED, evidence_text

from planner.catalog import load_catalog

# (path in the catalog, value, EVIDENCE.md text, the part of it that shows the value)
PINS = [
    # GPU table: | GPU | memory | watts | cloud $/GPU-h | purchase | throughput |
    ("gpus[a100-80gb-sxm].memory_gb", 80, "| A100 80GB SXM | 80 GB | 400 |", "80 GB"),
    ("gpus[a100-80gb-sxm].watts.gpu", 400, "| A100 80GB SXM | 80 GB | 400 |", "| 400 |"),
    ("gpus[a100-80gb-sxm].cloud.per_gpu_hour", 2.79, "2.79 (Lambda 8x, 2026-09)", "2.79"),
    ("gpus[a100-80gb-sxm].purchase.low", 10000, "| 10-15k (guess) |", "10-15k"),
    ("gpus[a100-80gb-sxm].purchase.high", 15000, "| 10-15k (guess) |", "10-15k"),
    ("gpus[a100-80gb-sxm].throughput[128/128].output_tokens_per_s", 5586,
     "Llama-7B FP16 128/128: 5,586 (TRT-LLM v0.6)", "5,586"),
    ("gpus[h100-sxm].memory_gb", 80, "| H100 SXM | 80 GB | 700;", "80 GB"),
    ("gpus[h100-sxm].watts.gpu", 700, "| H100 SXM | 80 GB | 700;", "700"),
    ("gpus[h100-sxm].watts.per_gpu", 1275, "DGX H100 10.2 kW / 8 = 1,275 (maximum; average draw is lower)", "1,275"),
    ("gpus[h100-sxm].cloud.per_gpu_hour", 3.99, "3.99 (Lambda 8x, 2026-09; 1x 4.29); AWS p5 6.88", "3.99"),
    ("gpus[h100-sxm].cloud.high", 6.88, "3.99 (Lambda 8x, 2026-09; 1x 4.29); AWS p5 6.88", "6.88"),
    ("gpus[h100-sxm].purchase.low", 37500, "node 300-350k / 8 = 37-44k incl. server", "300-350k / 8"),
    ("gpus[h100-sxm].purchase.high", 43750, "node 300-350k / 8 = 37-44k incl. server", "300-350k / 8"),
    ("gpus[h100-sxm].throughput[1k/1k].output_tokens_per_s", 2209,
     "Llama-3.3-70B FP8 TP2 1k/1k: 2,209; 8k/1k: 398", "2,209"),
    ("gpus[h100-sxm].throughput[8k/1k].output_tokens_per_s", 398,
     "Llama-3.3-70B FP8 TP2 1k/1k: 2,209; 8k/1k: 398", "398"),
    ("gpus[h200-sxm].memory_gb", 141, "| H200 SXM | 141 GB | 700 |", "141 GB"),
    ("gpus[h200-sxm].watts.gpu", 700, "| H200 SXM | 141 GB | 700 |", "700"),
    ("gpus[h200-sxm].cloud.low", 3.59, "3.59-4.54 (RunPod, Hyperstack, Lambda, 2026-09)", "3.59"),
    ("gpus[h200-sxm].cloud.high", 4.54, "3.59-4.54 (RunPod, Hyperstack, Lambda, 2026-09)", "4.54"),
    ("gpus[h200-sxm].purchase.low", 35000, "| ~35k (rough) |", "35k"),
    ("gpus[h200-sxm].throughput[1k/1k].output_tokens_per_s", 2587, "Llama-3.3-70B TP2 1k/1k: 2,587", "2,587"),
    ("gpus[b200].memory_gb", 180, "| B200 | 180-192 GB |", "180-192 GB"),
    ("gpus[b200].watts.gpu", 1000, "1,000-1,200; DGX B200 14.3 kW / 8", "1,000-1,200"),
    ("gpus[b200].watts.per_gpu", 1787.5, "1,000-1,200; DGX B200 14.3 kW / 8", "14.3 kW / 8"),
    ("gpus[b200].cloud.low", 5.98, "5.98-6.69 (2026-09)", "5.98"),
    ("gpus[b200].cloud.high", 6.69, "5.98-6.69 (2026-09)", "6.69"),
    ("gpus[b200].purchase.low", 40000, "| ~40k (rough) |", "40k"),
    ("gpus[b200].throughput[1k/1k].output_tokens_per_s", 6920, "Llama-3.3-70B FP4 TP1 1k/1k: 6,920", "6,920"),
    ("gpus[l40s].memory_gb", 48, "| L40S | 48 GB | 350 |", "48 GB"),
    ("gpus[l40s].watts.gpu", 350, "| L40S | 48 GB | 350 |", "350"),
    ("gpus[l40s].throughput[128/128].output_tokens_per_s", 3240, "Llama-7B FP8 128/128: 3,240 (v0.5)", "3,240"),
    ("gpus[mi300x].memory_gb", 192, "| MI300X | 192 GB | 750 | 1.50-6.00 | 10-15k street |", "192 GB"),
    ("gpus[mi300x].watts.gpu", 750, "| MI300X | 192 GB | 750 | 1.50-6.00 | 10-15k street |", "750"),
    ("gpus[mi300x].cloud.low", 1.5, "| MI300X | 192 GB | 750 | 1.50-6.00 | 10-15k street |", "1.50-6.00"),
    ("gpus[mi300x].cloud.high", 6.0, "| MI300X | 192 GB | 750 | 1.50-6.00 | 10-15k street |", "1.50-6.00"),
    ("gpus[mi300x].purchase.low", 10000, "| 10-15k street |", "10-15k"),
    ("gpus[mi300x].purchase.high", 15000, "| 10-15k street |", "10-15k"),
    ("gpus[mi300x].throughput[128/2048].output_tokens_per_s", 2046,
     "Llama-3.1-70B FP8 TP8 128/2048: ~2,046 (AMD, vLLM)", "2,046"),
    # self-hosted serving rates rest on the same benchmarks; plan at 30-60% of them
    ("self_hosted[llama-3.3-70b-fp8-h100-tp2].measured[0].output_tokens_per_s", 2209,
     "Llama-3.3-70B FP8 TP2 1k/1k: 2,209; 8k/1k: 398", "2,209"),
    ("self_hosted[llama-3.3-70b-fp8-h100-tp2].measured[1].output_tokens_per_s", 398,
     "Llama-3.3-70B FP8 TP2 1k/1k: 2,209; 8k/1k: 398", "398"),
    ("self_hosted[llama-3.3-70b-fp8-h200-tp2].measured[0].output_tokens_per_s", 2587,
     "Llama-3.3-70B TP2 1k/1k: 2,587", "2,587"),
    ("self_hosted[llama-3.3-70b-fp4-b200].measured[0].output_tokens_per_s", 6920,
     "Llama-3.3-70B FP4 TP1 1k/1k: 6,920", "6,920"),
    ("self_hosted[llama-3.1-8b-fp8-h100].measured[0].output_tokens_per_s", 15220,
     "Llama-3.1-8B 1k/1k: 15,220", "15,220"),
    ("self_hosted[llama-3.3-70b-fp8-h100-tp2].utilization", 0.45, "plan at 30-60% of them", "30-60%"),
    # study effects
    ("templates[se-feature].ai.time_saved", 0.21, "+26.1% completed tasks (SE 10.3)", "+26.1%"),
    ("templates[se-feature].time_saved_range.low", -0.19, "19% SLOWER (95% CI +2% to +39%)", "19% SLOWER"),
    ("templates[se-feature].time_saved_range.high", 0.558, "55.8% faster (71 vs 161 min)", "55.8%"),
    ("templates[se-maintenance].time_saved_range.low", -0.39, "19% SLOWER (95% CI +2% to +39%)", "+39%"),
    ("functions[software-engineering].max_time_saved", 0.558, "55.8% faster (71 vs 161 min)", "55.8%"),
    ("templates[cs-tickets].ai.time_saved", 0.13,
     "+15% throughput is ~13% less time per issue (1 - 1/1.15)", "~13%"),
    ("templates[cs-tickets].ai.adoption", 1.0,
     "the effect is per agent with access, so do not discount it again by adoption", "do not discount"),
    ("templates[cs-tickets].minutes_per_unit", 11, "resolution < 2 min vs 11", "vs 11"),
    ("templates[cs-tickets].time_saved_range.low", 0, "~0 for top agents", "~0"),
    ("templates[cs-new-agents].ai.time_saved", 0.23, "~+30% for the least skilled", "~+30%"),
    ("templates[cs-new-agents].time_saved_range.high", 0.254, "(NBER 2023: +14% / +34%)", "+34%"),
    ("functions[customer-support].max_time_saved", 0.254, "(NBER 2023: +14% / +34%)", "+34%"),
    ("templates[cs-escalations].ai.time_saved", 0, "~0 for top agents", "~0"),
    ("templates[sales-proposals].ai.time_saved", 0.25, "inside the frontier: 25.1% faster", "25.1%"),
    ("templates[sales-outreach].time_saved_range.high", 0.31, "heavy users 31% less time on email", "31%"),
    ("templates[mkt-copy].time_saved_range.high", 0.4, "40% less time, +18% quality", "40%"),
    ("functions[hr].max_time_saved", 0.4, "40% less time, +18% quality", "40%"),
    ("templates[legal-drafting].time_saved_range.low", 0.118, "11.8%-32.1% time saved", "11.8%"),
    ("templates[legal-drafting].time_saved_range.high", 0.321, "11.8%-32.1% time saved", "32.1%"),
    ("functions[legal].max_time_saved", 0.321, "11.8%-32.1% time saved", "32.1%"),
    ("templates[mgmt-meetings].ai.time_saved", 0, "meeting time unchanged", "unchanged"),
    ("templates[mgmt-meetings].time_saved_range.high", 0, "meeting time unchanged", "unchanged"),
]


def _lookup(catalog, path: str):
    """``gpus[h100-sxm].throughput[8k/1k].output_tokens_per_s`` in the loaded catalog."""
    node: object = {"gpus": catalog.gpus, "templates": catalog.templates,
                    "functions": catalog.functions, "self_hosted": catalog.self_hosted}
    for name, key in re.findall(r"([a-z_]+)(?:\[([^\]]+)\])?", path):
        node = node[name]
        if key:
            node = node[int(key)] if key.isdigit() else \
                next(x for x in node if key in (x.get("id"), x.get("shape")))
    return node


def test_the_evidence_copy_kept_with_the_tests_is_current():
    if not EVIDENCE_SHARED.exists():
        pytest.skip("the shared design folder is not beside this checkout")
    assert EVIDENCE_COPY.read_bytes() == EVIDENCE_SHARED.read_bytes(), \
        "EVIDENCE.md changed: review resources/catalog against it, then copy it to tests/data/evidence"


@pytest.mark.parametrize("path, value, quote, shown", PINS, ids=[p[0] for p in PINS])
def test_catalog_figure_equals_evidence(path, value, quote, shown):
    assert shown in quote
    assert " ".join(quote.split()) in evidence_text(), f"EVIDENCE.md no longer says: {quote}"
    assert _lookup(load_catalog(), path) == pytest.approx(value)


def _price_table() -> dict[str, tuple[float, float, float | None]]:
    rows = re.findall(r"\| ([\w.\-]+)(?: \(hosted\))? \| ([\d.]+) \| ([\d.]+) \| ([\d.]+|-) \|",
                      evidence_text())
    return {m: (float(i), float(o), None if c == "-" else float(c)) for m, i, o, c in rows}


def test_every_price_in_evidence_is_in_the_catalog_and_equal():
    table = _price_table()
    assert len(table) == 12
    catalog = {m["id"]: m for m in load_catalog().api_models}
    for model, (inp, out, cached) in table.items():
        entry = catalog[model]
        assert (entry["input_per_mtok"], entry["output_per_mtok"]) == (inp, out), model
        assert entry.get("cached_input_per_mtok") == cached, model


def test_successor_prices_match_the_evidence_sentence():
    """"gpt-5 1.25/10 -> gpt-5.4 2.50/15 -> gpt-5.5 5/30; ...; only Opus fell (15/75 -> 5/25)"."""
    text = evidence_text()
    tiers = {t["id"]: t for t in load_catalog().tiers}
    checked = 0
    for tier in tiers.values():
        for member in tier["members"]:
            found = re.search(rf"(?<![\w.-]){re.escape(member['model'])} ([\d.]+)/([\d.]+)", text)
            if found:
                assert (member["input_per_mtok"], member["output_per_mtok"]) == \
                    (float(found[1]), float(found[2])), member["model"]
                checked += 1
    assert checked == 9
    assert "Sonnet flat at 3/15" in text and tiers["anthropic-sonnet"]["trend"] == "flat"
    assert all((m["input_per_mtok"], m["output_per_mtok"]) == (3, 15)
               for m in tiers["anthropic-sonnet"]["members"])
    assert "only Opus fell (15/75 -> 5/25)" in text
    opus = [(m["input_per_mtok"], m["output_per_mtok"]) for m in tiers["anthropic-opus"]["members"]]
    assert (opus[0], opus[-1]) == ((15, 75), (5, 25))
    assert [t["id"] for t in tiers.values() if t["trend"] == "rising"] == \
        ["openai-flagship", "openai-mini", "anthropic-haiku", "google-flash"]
