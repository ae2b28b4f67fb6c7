"""The bundled catalog loads, every entry carries its evidence, and a broken catalog file is
refused with messages that name the file, the place and the fix."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import Counter

import pytest

from planner.catalog import KINDS, CatalogError, catalog_dir, load_catalog, resources_dir

EVIDENCE_KEYS = ("source", "figure", "kind", "checked")


def _evidence_records(node, path=""):
    """Every object in a catalog that carries a ``kind`` (an entry or a sub-figure)."""
    if isinstance(node, dict):
        if "kind" in node:
            yield path, node
        for key, value in node.items():
            yield from _evidence_records(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _evidence_records(item, f"{path}[{item.get('id', i) if isinstance(item, dict) else i}]")


def _catalog_json(name: str) -> dict:
    return json.loads((catalog_dir() / f"{name}.json").read_text(encoding="utf-8"))


def test_the_catalog_lives_in_the_resources_folder_the_app_ships():
    assert catalog_dir() == resources_dir() / "catalog"
    assert (resources_dir() / "examples" / "northwind.orgplan.json").exists()
    for name in ("workflows", "models", "gpus"):
        data = _catalog_json(name)
        assert (data["catalog"], data["version"]) == (name, 1)
        dt.date.fromisoformat(data["checked"])


def test_the_pyinstaller_build_carries_the_resources_folder():
    spec = (resources_dir().parent / "packaging" / "orgplanner.spec").read_text()
    assert '(str(ROOT / "resources"), "resources")' in spec
    # the CLI loads its commands by name: the spec takes them from loaded_by_name()
    from planner.ui.smoke import loaded_by_name

    assert "hiddenimports=loaded_by_name()" in spec
    assert "planner.cli.prices_cmd" in loaded_by_name()


def test_catalog_counts():
    cat = load_catalog()
    per_function = Counter(t["function"] for t in cat.templates)
    assert len(cat.templates) >= 24
    assert set(per_function) == {"software-engineering", "customer-support", "sales", "marketing",
                                 "finance", "legal", "hr", "operations", "management"}
    assert len(cat.api_models) >= 12 and len(cat.gpus) >= 6 and len(cat.self_hosted) >= 3


@pytest.mark.parametrize("name", ["workflows", "models", "gpus"])
def test_every_entry_has_source_figure_kind_and_checked_date(name):
    data = _catalog_json(name)
    entries = [e for key in data if isinstance(data[key], list) for e in data[key]]
    assert entries
    for entry in entries:
        for key in EVIDENCE_KEYS:
            assert entry.get(key), f"{name}.json {entry['id']}: no {key}"
    for path, record in _evidence_records(data):
        assert record["kind"] in KINDS, path
        assert dt.date.fromisoformat(record["checked"]) <= dt.date.today(), path
        if record["kind"] == "judgement":
            assert len(record.get("basis", "")) > 20, f"{path}: a judgement without a basis"


def test_judged_gpu_figures_say_so():
    """Figures EVIDENCE.md does not give (A100/L40S/MI300X at 8k/1k) are marked judgement."""
    judged = {(g["id"], t["shape"]) for g in load_catalog().gpus for t in g["throughput"]
              if t["kind"] == "judgement"}
    assert {("a100-80gb-sxm", "8k/1k"), ("l40s", "8k/1k"), ("mi300x", "1k/1k"),
            ("mi300x", "8k/1k")} <= judged
    assert ("h100-sxm", "8k/1k") not in judged


@pytest.fixture
def catalog_copy(tmp_path):
    folder = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), folder)
    return folder


def _edit(folder, name, change):
    path = folder / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _refused(folder) -> str:
    with pytest.raises(CatalogError) as err:
        load_catalog(folder)
    return str(err.value)


def test_unknown_kind_and_missing_source_are_named_with_their_place(catalog_copy):
    def change(d):
        d["templates"][0]["kind"] = "blog post"
        del d["templates"][1]["source"]
    path = _edit(catalog_copy, "workflows", change)
    message = _refused(catalog_copy)
    assert f"{path}: templates[se-feature].kind: must be one of randomised trial," in message
    assert "got \"blog post\"" in message
    assert f"{path}: templates[se-maintenance].source: missing" in message


def test_bad_dates_and_numbers_out_of_range(catalog_copy):
    def change(d):
        d["gpus"][0]["checked"] = "2026-02-30"
        d["gpus"][1]["cloud"]["checked"] = "2999-01-01"
        d["gpus"][2]["throughput"][0]["output_tokens_per_s"] = -5
        d["gpus"][3]["cloud"]["per_gpu_hour"] = "6.34"
    _edit(catalog_copy, "gpus", change)
    message = _refused(catalog_copy)
    assert "gpus[a100-80gb-sxm].checked: is not a real date: 2026-02-30" in message
    assert "gpus[h100-sxm].cloud.checked: is in the future: 2999-01-01" in message
    assert "gpus[h200-sxm].throughput[1k/1k].output_tokens_per_s: must be above 0, got -5" in message
    assert 'gpus[b200].cloud.per_gpu_hour: must be a number, got "6.34"' in message


def test_a_judgement_needs_a_basis_and_a_typo_is_not_ignored(catalog_copy):
    def change(d):
        d["api_models"][0]["kind"] = "judgement"
        d["api_models"][1]["imput_per_mtok"] = 1
    _edit(catalog_copy, "models", change)
    message = _refused(catalog_copy)
    assert "api_models[gpt-5.4]: a judgement needs a basis" in message
    assert "api_models[gpt-5.4-mini].imput_per_mtok: unknown key (a typo?)" in message


def test_a_template_above_its_function_ceiling_or_outside_its_range(catalog_copy):
    def change(d):
        d["templates"][4]["time_saved_range"]["high"] = 0.35   # cs-tickets; ceiling 0.254
        d["templates"][0]["ai"]["time_saved"] = 0.9            # se-feature; range -0.19..0.558
    _edit(catalog_copy, "workflows", change)
    message = _refused(catalog_copy)
    assert "templates[cs-tickets].time_saved_range.high: 0.35 is above the customer-support " \
           "ceiling 0.254" in message
    assert "templates[se-feature].ai.time_saved: 0.9 lies outside its time_saved_range " \
           "[-0.19, 0.558]" in message


def test_self_hosted_rates_must_reproduce_what_was_measured(catalog_copy):
    _edit(catalog_copy, "models",
          lambda d: d["self_hosted"][0].update(decode_tokens_per_s=2600, prefill_tokens_per_s=15000))
    message = _refused(catalog_copy)
    assert "self_hosted[llama-3.3-70b-fp8-h100-tp2].measured[1]: prefill and decode rates give " \
           "1,089 output tok/s, not the measured 398; refit them" in message


def test_not_json_a_newer_version_and_a_missing_file(catalog_copy):
    (catalog_copy / "gpus.json").write_text('{"catalog": "gpus",\n "version": 1,,}', encoding="utf-8")
    assert "gpus.json line 2 column 15: not valid JSON" in _refused(catalog_copy)
    (catalog_copy / "gpus.json").write_text(json.dumps({"catalog": "gpus", "version": 2}))
    assert "version 2 was written by a newer OrgPlanner" in _refused(catalog_copy)
    (catalog_copy / "gpus.json").unlink()
    assert "gpus.json: no such file; check the path" in _refused(catalog_copy)


def test_a_self_hosted_model_on_an_unknown_gpu(catalog_copy):
    _edit(catalog_copy, "models", lambda d: d["self_hosted"][0].update(gpu="h300"))
    assert 'self_hosted[llama-3.3-70b-fp8-h100-tp2].gpu: "h300" is not in gpus.json' \
        in _refused(catalog_copy)
