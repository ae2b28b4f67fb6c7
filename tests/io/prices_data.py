"""Fixtures shared by the price book tests: the hand-written price file and a plan using it."""

from __future__ import annotations

from conftest import ROOT

SMALL = ROOT / "tests" / "data" / "prices" / "small_prices.json"


def api(model_id: str, inp: float, out: float, cached: float | None = None, **extra) -> dict:
    model = {"id": model_id, "hosting": "api", "input_per_mtok": inp, "output_per_mtok": out}
    if cached is not None:
        model["cached_input_per_mtok"] = cached
    return {**model, **extra}


def plan(*models: dict) -> dict:
    return {"format": "orgplan", "schema_version": 1, "name": "Prices",
            "teams": [{"id": "t", "name": "T", "roles": [
                {"name": "IC", "kind": "ic", "headcount": 5, "annual_cost": 70000}]}],
            "models": list(models)}
