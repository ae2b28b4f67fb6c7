"""Every scenario of a plan computed, side by side with the baseline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..engine import Result, compute
from ..model import parse_plan
from ..plan import scenarios as S


@dataclass
class ScenarioResult:
    id: str
    name: str
    result: Result

    @property
    def summary(self) -> dict[str, Any]:
        return self.result.summary


def scenario_plan(data: Any, scenario_id: str | None, *, source: str | None = None) -> Any:
    """The validated :class:`Plan` a scenario of ``data`` leaves (the base plan for None or
    "baseline"); KeyError for an unknown scenario, PlanInvalid for a broken plan."""
    return parse_plan(S.resolved(data, scenario_id), source=source)


def compare(data: Any, *, source: str | None = None) -> list[ScenarioResult]:
    """The baseline and every scenario, in the plan's order (the plan must be valid)."""
    out = [ScenarioResult(S.BASELINE, "Baseline", compute(parse_plan(data, source=source)))]
    for sc in S.scenarios(data):
        plan = parse_plan(S.apply(data, sc).data, source=source)
        out.append(ScenarioResult(sc["id"], sc.get("name") or sc["id"], compute(plan)))
    return out
