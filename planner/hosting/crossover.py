"""Where self-hosting becomes cheaper than an API: exact, on the replica steps.

A fleet of k replicas costs ``k c`` (``c``: one replica's GPUs a month) and serves up to
``k t`` tokens (``t``: one replica's volume at peak, MODEL.md 4), so its cost is a staircase;
the API is a line ``a T``. On step k self-hosting is cheaper where ``a T > k c``. Every step
costs ``c / t`` per token when full, so:

- if ``c / t >= a`` (even a full replica costs more per token) self-hosting never pays;
- else it first pays at ``T = c / a``, which lies on the first step (``c / a < t``);
- past a step edge the next replica is bought before the volume has grown into it, so the
  API can be cheaper again just above ``t``, ``2t``, ... until the steps are small against
  the volume: from step ``K = ceil(c / (a t - c))`` on, self-hosting stays cheaper, from
  ``T = K c / a``.

The step edges follow ``fleet_needed``'s ``ceil*`` (``ceil(x - 1e-9)``): step k ends at
``(k + 1e-9) t``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..engine.formulas import EPS
from .options import ApiOption, FleetOption, Mix


@dataclass(frozen=True)
class Crossover:
    fleet: str                      # FleetOption.key
    api: str                        # ApiOption.key
    cheaper_from: float | None      # smallest monthly volume above which the fleet is cheaper
    always_cheaper_from: float | None   # ... and stays cheaper at every larger volume
    fleet_per_mtok_full: float      # the fleet's cost per million tokens with full replicas
    api_per_mtok: float

    def to_json(self) -> dict:
        return {"fleet": self.fleet, "api": self.api, "cheaper_from": self.cheaper_from,
                "always_cheaper_from": self.always_cheaper_from,
                "fleet_per_mtok_full": self.fleet_per_mtok_full, "api_per_mtok": self.api_per_mtok}


def crossover(fleet: FleetOption, api: ApiOption, mix: Mix) -> Crossover:
    """Where ``fleet`` becomes (and stays) cheaper than ``api`` for a workload of ``mix``."""
    c = fleet.gpus_per_replica * fleet.per_gpu_month()
    t = fleet.tokens_per_replica(mix)
    a = api.per_token(mix)
    full = c / t * 1e6
    first = always = None
    if c <= 0:                          # a free fleet: cheaper at any volume
        first = always = 0.0
    elif a > 0 and c / a <= (1.0 + EPS) * t:
        first = c / a
        if a * t > c:
            k = max(1, math.ceil((c - a * EPS * t) / (a * t - c)))
            always = k * c / a
        else:                           # equal per token when full: only inside step 1
            always = None
    return Crossover(fleet=fleet.key, api=api.key, cheaper_from=first, always_cheaper_from=always,
                     fleet_per_mtok_full=full, api_per_mtok=a * 1e6)
