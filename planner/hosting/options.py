"""What a month of tokens costs on each way of serving them, at month-1 prices.

An API model costs a price per token (linear in volume). A self-hosted model needs a fleet
sized for peak in whole replicas (MODEL.md 4, :func:`~planner.engine.formulas.fleet_needed`),
so its cost is a step function of volume: cloud GPUs pay rent for every hour of the month,
owned GPUs pay depreciation, energy and overhead whether busy or not.

Month-1 prices: no API price decline, no throughput gain, no GPU price decline (every
index of MODEL.md 4 is 1 in month 1), so the curves equal the engine's month-1 figures.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..engine.formulas import HOURS_PER_MONTH, depreciation, fleet_needed


@dataclass(frozen=True)
class Mix:
    """The shape of a workload: what share of its tokens are input (the rest is output), and
    what share of the input is read from cache (API prices only; self-hosting ignores it)."""

    input_share: float
    cached_share: float = 0.0

    @property
    def output_share(self) -> float:
        return 1.0 - self.input_share

    def describe(self) -> str:
        return (f"{self.input_share:.0%} input and {self.output_share:.0%} output tokens, "
                f"{self.cached_share:.0%} of input read from cache")


@dataclass(frozen=True)
class ApiOption:
    """An API model's prices per million tokens (cached input defaults to the input price)."""

    model: str
    input_per_mtok: float
    output_per_mtok: float
    cached_input_per_mtok: float | None = None
    source: str = "plan"            # "plan" or "catalog"

    @property
    def key(self) -> str:
        return f"api:{self.model}"

    @property
    def label(self) -> str:
        return self.model if self.source == "plan" else f"{self.model} (catalog)"

    def per_token(self, mix: Mix) -> float:
        """MODEL.md 4's ``api_w`` per token: input at the cached blend, plus output."""
        cached = self.input_per_mtok if self.cached_input_per_mtok is None \
            else self.cached_input_per_mtok
        rate_in = (1.0 - mix.cached_share) * self.input_per_mtok + mix.cached_share * cached
        return (mix.input_share * rate_in + mix.output_share * self.output_per_mtok) / 1e6

    def cost(self, tokens: np.ndarray | float, mix: Mix) -> np.ndarray:
        return np.asarray(tokens, dtype=np.float64) * self.per_token(mix)


@dataclass(frozen=True)
class FleetOption:
    """A self-hosted set-up (serving rates, replica size) on one GPU, cloud or owned."""

    model: str
    gpu: str
    pricing: str                    # "cloud" | "owned"
    gpus_per_replica: int
    prefill_tokens_per_s: float
    decode_tokens_per_s: float
    utilization: float
    peak_to_average: float
    watts_per_gpu: float
    pue: float
    # cloud
    per_gpu_hour: float = 0.0
    # owned
    capex_per_gpu: float = 0.0
    amortization_months: int = 1
    overhead_per_gpu_month: float = 0.0
    usd_per_kwh: float = 0.0
    own_gpu: bool = True            # the GPU the plan gives this model (else a what-if)
    source: str = "plan"            # "plan" or "catalog"

    @property
    def key(self) -> str:
        return f"{self.pricing}:{self.model}@{self.gpu}"

    @property
    def label(self) -> str:
        if self.source == "catalog":
            how = "rented" if self.pricing == "cloud" else "bought"
            return f"{self.model} on {self.gpu}, {how} (catalog)"
        tail = "" if self.own_gpu else " (what if)"
        return f"{self.model} on {self.gpu}{tail}"

    # ----- sizing (MODEL.md 4, speed index 1) ---------------------------------------------
    def hours_per_token(self, mix: Mix) -> float:
        """Busy GPU-hours per token at this mix: ``bh / T``."""
        return (mix.input_share / self.prefill_tokens_per_s
                + mix.output_share / self.decode_tokens_per_s) / 3600.0

    def busy_hours(self, tokens: np.ndarray | float, mix: Mix) -> np.ndarray:
        return np.asarray(tokens, dtype=np.float64) * self.hours_per_token(mix)

    def gpus(self, tokens: np.ndarray | float, mix: Mix) -> np.ndarray:
        """GPUs needed: whole replicas sized for peak (the engine's ``fleet_needed``)."""
        gh = self.busy_hours(tokens, mix) / self.utilization
        return fleet_needed(gh, np.float64(self.gpus_per_replica), np.float64(self.peak_to_average))

    def tokens_per_replica(self, mix: Mix) -> float:
        """The volume one replica serves at peak: each further step of the curve adds one."""
        return (HOURS_PER_MONTH * self.gpus_per_replica * self.utilization
                / (self.hours_per_token(mix) * self.peak_to_average))

    # ----- money per GPU-month --------------------------------------------------------------
    def kwh_per_gpu_month(self) -> float:
        return self.watts_per_gpu / 1000.0 * HOURS_PER_MONTH * self.pue

    def depreciation_per_gpu_month(self) -> float:
        """A GPU bought in month 1, written off straight-line (the engine's ``depreciation``)."""
        if self.pricing != "owned":
            return 0.0
        dep = depreciation(np.array([[self.capex_per_gpu]]), np.array([self.amortization_months]))
        return float(dep[0, 0])

    def parts_per_gpu_month(self) -> dict[str, float]:
        """What one GPU costs a month, by part: rent (cloud), or depreciation, energy and
        overhead (owned)."""
        if self.pricing == "cloud":
            return {"rent": HOURS_PER_MONTH * self.per_gpu_hour}
        return {"depreciation": self.depreciation_per_gpu_month(),
                "energy": self.kwh_per_gpu_month() * self.usd_per_kwh,
                "overhead": self.overhead_per_gpu_month}

    def per_gpu_month(self) -> float:
        return sum(self.parts_per_gpu_month().values())

    def cost(self, tokens: np.ndarray | float, mix: Mix) -> np.ndarray:
        """The fleet's monthly cost at each volume: GPUs x cost per GPU-month."""
        return self.gpus(tokens, mix) * self.per_gpu_month()

    def busy_share(self, tokens: float, mix: Mix) -> float | None:
        """Busy GPU-hours / (GPUs x 730); None without GPUs."""
        n = float(self.gpus(tokens, mix))
        return None if n == 0 else float(self.busy_hours(tokens, mix)) / (n * HOURS_PER_MONTH)
