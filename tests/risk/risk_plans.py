"""A Northwind plan with scenarios and ranges, for the scenario and risk tests (import the
``risky`` fixture from here)."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "northwind.v1.orgplan.json"

SCENARIOS = [
    {"id": "bear", "name": "Bets go wrong", "overrides": [
        {"path": "workflows[*].ai.time_saved", "scale": 0.5},
        {"path": "settings.price_decline_per_year", "value": -0.25},
        {"path": "settings.volume_growth_per_year", "value": -0.1}]},
    {"id": "fast", "name": "Fast adoption", "overrides": [
        {"path": "workflows[*].ai.adoption", "scale": 1.2},
        {"path": "workflows[*].ai.ramp_months", "value": 3}]},
    {"id": "attrition", "name": "Attrition, no layoffs", "overrides": [
        {"path": "settings.reduction", "value": "attrition"},
        {"path": "settings.attrition_per_year", "value": 0.12}]},
]
RANGES = [
    {"path": "workflows[*].ai.adoption", "low_scale": 0.5, "high_scale": 1.2},
    {"path": "workflows[*].ai.time_saved", "low_scale": 0.4, "high_scale": 1.3},
    {"path": "settings.price_decline_per_year", "low": -0.3, "high": 0.5},
    {"path": "settings.token_growth_per_year", "low": 0.2, "high": 3},
    {"path": "teams[support].roles[Support agent].annual_cost", "low_scale": 0.9,
     "high_scale": 1.1},
    {"path": "workflows[tickets].ai.adoption", "low": 0.5, "high": 1.0},
]


def northwind_data() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def risky_data() -> dict:
    """Northwind with three scenarios and six ranges."""
    data = northwind_data()
    data["schema_version"] = 2
    data["scenarios"] = json.loads(json.dumps(SCENARIOS))
    data["ranges"] = json.loads(json.dumps(RANGES))
    return data
