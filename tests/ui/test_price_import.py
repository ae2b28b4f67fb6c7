"""File > Import prices: the dialog shows what a LiteLLM price file would change (old and new
prices, the key and how it matched, notes, refused entries with their figure, models not in
the file); Apply is one undo step that undo takes back bit for bit."""

# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

import pytest
from app_helpers import dumps, make_window, window  # noqa: F401 - fixtures
from shared_files import PRICE_FILE, PRICE_SUBSET

from planner.ui import dialogs
from planner.ui.evidence.prices_dialog import PricesDialog, change_text
from planner.ui.workers import ThreadRunner

PRICES = PRICE_FILE if PRICE_FILE.exists() else PRICE_SUBSET
LLAMA = "wandb/meta-llama/Llama-3.3-70B-Instruct"


def api(model_id: str, inp: float, out: float, cached: float | None = None) -> dict:
    m = {"id": model_id, "hosting": "api", "input_per_mtok": inp, "output_per_mtok": out}
    return m | ({"cached_input_per_mtok": cached} if cached is not None else {})


@pytest.fixture
def priced(window):
    """Northwind with models the file knows (one at old prices), one it prices absurdly and
    one it does not have; the plan's own small-/mid-/frontier-api are not in it either."""
    for m in (api("gpt-5.4-mini", 0.25, 2.0, 0.025), api("claude-sonnet-4-6-20260217", 3, 15),
              api(LLAMA, 0.7, 0.7), api("acme-internal-llm", 1, 3)):
        window.doc.insert(("models",), len(window.doc.items("models")), m)
    window.doc.undo_stack.clear()
    return window


def run_import(w, *, accept: bool = True) -> PricesDialog:
    shown = []

    def run(dialog):
        shown.append(dialog)
        return accept

    w.catalog_actions.run_dialog = run
    w.catalog_actions.import_prices(PRICES)
    assert len(shown) == 1
    return shown[0]


def rows(tree) -> list[list[str]]:
    return [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
            for i in range(tree.topLevelItemCount())]


def test_the_dialog_reports_matches_refusals_and_models_left_alone(priced):
    d = run_import(priced, accept=False)
    matched = {r[0]: r for r in rows(d.matched)}
    assert matched["gpt-5.4-mini"][1:6] == ["gpt-5.4-mini", "exactly", "$0.25 → $0.75 ↑",
                                           "$2 → $4.5 ↑", "$0.025 → $0.075 ↑"]
    sonnet = matched["claude-sonnet-4-6-20260217"]
    assert sonnet[1:6] == ["claude-sonnet-4-6", "by prefix", "$3", "$15", "– → $0.3"]
    notes = " ".join(sonnet[6].split())
    assert "matched by prefix" in notes and "cache writes cost 3.75 per Mtok (1.25x input)" in notes
    (refused,) = rows(d.refused)
    assert refused[:2] == [LLAMA, LLAMA]
    assert " ".join(refused[2].split()).startswith("input_cost_per_token 0.071 is $71,000 per "
                                                   "million tokens, above the $1,000 sanity limit")
    unmatched = {r[0] for r in rows(d.unmatched)}
    assert unmatched == {"small-api", "mid-api", "frontier-api", "acme-internal-llm"}
    assert d.headline.text().startswith(f"{PRICES.name}, dated 2026-07-24: of the plan's API models, "
                                        "2 matched (2 with new prices), 1 refused, 4 not in the file.")
    assert d.apply_button.text() == "Apply 2 new prices" and d.apply_button.isEnabled()


def test_cancel_changes_nothing(priced):
    before = dumps(priced.doc.data)
    run_import(priced, accept=False)
    assert dumps(priced.doc.data) == before and priced.doc.undo_stack.count() == 0


def test_apply_updates_the_matches_only_as_one_step_and_undo_restores_the_plan(priced):
    w = priced
    before = dumps(w.doc.data)
    untouched = {m["id"]: dict(m) for m in w.doc.data["models"]
                 if m["id"] not in ("gpt-5.4-mini", "claude-sonnet-4-6-20260217")}
    run_import(w)
    assert w.doc.undo_stack.count() == 1
    assert w.doc.undo_stack.text(0) == f"Import prices from {PRICES.name}, 2026-07-24"
    models = {m["id"]: m for m in w.doc.data["models"]}
    mini = models["gpt-5.4-mini"]
    assert (mini["input_per_mtok"], mini["output_per_mtok"], mini["cached_input_per_mtok"]) == \
        (0.75, 4.5, 0.075)
    assert mini["note"] == f"prices from LiteLLM file {PRICES.name}, 2026-07-24"
    assert models["claude-sonnet-4-6-20260217"]["cached_input_per_mtok"] == 0.3
    for mid, m in untouched.items():          # refused and not in the file: left alone
        assert models[mid] == m
    assert "New prices for gpt-5.4-mini, claude-sonnet-4-6-20260217" in w.statusBar().currentMessage()
    w.recomputer.flush()
    assert w.doc.error_count == 0
    w.doc.undo_stack.undo()
    assert dumps(w.doc.data) == before
    w.doc.undo_stack.redo()
    assert w.doc.data["models"] == list(models.values())


def test_a_file_with_nothing_new_offers_nothing_to_apply(window):
    window.doc.insert(("models",), 0, api("gpt-4o-mini", 0.15, 0.6, 0.075))
    d = run_import(window)
    assert not d.apply_button.isEnabled() and d.apply_button.text() == "Nothing to apply"
    assert window.doc.undo_stack.count() == 1               # only the insert above


def test_a_file_that_is_not_a_price_file_is_refused_with_its_reason(window, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(dialogs, "warn", lambda _parent, title, text: said.append((title, text)))
    bad = tmp_path / "roster.json"
    bad.write_text('{"people": [1, 2]}', encoding="utf-8")
    before = dumps(window.doc.data)
    window.catalog_actions.import_prices(bad)
    assert said and said[0][0] == "Cannot import prices" and "not a LiteLLM price file" in said[0][1]
    assert dumps(window.doc.data) == before


def test_the_file_is_read_off_the_ui_thread(priced, qtbot):
    w = priced
    runner = ThreadRunner()
    w.recomputer.runner = runner
    shown = []
    w.catalog_actions.run_dialog = lambda d: shown.append(rows(d.refused)) or False
    w.catalog_actions.import_prices(PRICES)
    assert w.statusBar().currentMessage() == f"Reading {PRICES.name}..."
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    runner.wait()
    assert shown[0][0][0] == LLAMA


def test_price_changes_read_as_changes():
    assert change_text(0.25, 0.75) == "$0.25 → $0.75 ↑"
    assert change_text(3.0, 3.0) == "$3"
    assert change_text(0.3, None, kept=True) == "$0.3 (kept)"
    assert change_text(5.0, 2.5) == "$5 → $2.5 ↓"
