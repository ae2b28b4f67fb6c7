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


def compare(data: Any, *, source: str | None = None, base: Result | None = None
            ) -> list[ScenarioResult]:
    """The baseline and every scenario, in the plan's order (the plan must be valid).
    ``base``: the baseline's Result when the caller has it (the plan is not parsed again)."""
    base = base if base is not None else compute(parse_plan(data, source=source))
    out = [ScenarioResult(S.BASELINE, "Baseline", base)]
    for sc in S.scenarios(data):
        plan = parse_plan(S.apply(data, sc).data, source=source)
        out.append(ScenarioResult(sc["id"], sc.get("name") or sc["id"], compute(plan)))
    return out
