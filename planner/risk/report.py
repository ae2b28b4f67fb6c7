"""``analyse``: every section 7 figure of a plan or scenario, and its MODEL.md 8 JSON."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..engine.inputs import prepare
from ..plan import fields as F
from ..plan import scenarios as S
from .analyses import MonteCarlo, Progress, bets, break_even, monte_carlo, tornado
from .compare import scenario_plan
from .slots import range_slots


@dataclass
class RiskReport:
    scenario: str
    stress: dict[str, float]
    monte_carlo: MonteCarlo
    tornado: list[dict[str, Any]]
    bets: list[dict[str, Any]]
    break_even: list[dict[str, Any]]
    ranges: int

    def to_json(self) -> dict[str, Any]:
        mc = self.monte_carlo
        return {
            "scenario": self.scenario, "draws": mc.draws, "seed": mc.seed,
            "percentiles": mc.percentiles(), "payback_probability": mc.payback_probability,
            "below_again_probability": mc.below_again_probability,
            "fan": mc.fan(), "tornado": self.tornado, "bets": self.bets,
            "break_even": self.break_even,
        }


def stress_values(data: dict) -> dict[str, float]:
    """The plan's ``stress`` with the defaults of MODEL.md 7.3 filled in."""
    given = data.get("stress") if isinstance(data.get("stress"), dict) else {}
    out = {}
    for spec in F.of("stress"):
        if spec.key != "note":
            out[spec.key] = float(given.get(spec.key, spec.default))
    return out


def analyse(data: dict, *, scenario: str | None = None, draws: int = 10_000, seed: int = 1,
            progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
            partial: Callable[[MonteCarlo], None] | None = None, plan: Any = None) -> RiskReport:
    """Monte Carlo, tornado, the four bets and break-even of ``data`` (a valid plan) as
    ``scenario`` sees it. ``progress(fraction, text)`` and ``cancel()`` are polled between
    chunks of draws; ``partial(monte_carlo)`` receives the draws done so far. ``plan``: the
    scenario's Plan when the caller has it (it is not parsed again)."""
    sid = scenario or S.BASELINE
    sdata = S.resolved(data, sid)
    plan = plan if plan is not None else scenario_plan(data, sid)
    inputs = prepare(plan)
    ranges = range_slots(sdata)
    stress = stress_values(data)

    def staged(share: float, offset: float) -> Progress | None:
        if progress is None:
            return None
        return lambda f, text: progress(offset + share * f, text)

    mc = monte_carlo(inputs, ranges, draws=draws, seed=seed, progress=staged(0.9, 0.0),
                     cancel=cancel, partial=partial)
    if progress is not None:
        progress(0.92, "tornado and the four bets")
    tor = tornado(inputs, ranges)
    bet_rows = bets(inputs, stress)
    if progress is not None:
        progress(0.96, "break-even values")
    be = break_even(inputs)
    if progress is not None:
        progress(1.0, "done")
    return RiskReport(sid, stress, mc, tor, bet_rows, be, len(ranges))
