"""API or self-host: each cost curve worked by hand, and the exact crossovers."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.hosting import ApiOption, FleetOption, Mix, crossover

HALF = Mix(input_share=0.5)


def cloud(**kw) -> FleetOption:
    """1-GPU replicas; prefill 1,000 and decode 100 tok/s; half busy at most; peak 2x;
    $2 per GPU-hour. At a 50/50 mix one token takes (0.5/1000 + 0.5/100)/3600 GPU-hours."""
    base = dict(model="m", gpu="g", pricing="cloud", gpus_per_replica=1,
                prefill_tokens_per_s=1000.0, decode_tokens_per_s=100.0, utilization=0.5,
                peak_to_average=2.0, watts_per_gpu=1000.0, pue=1.5, per_gpu_hour=2.0)
    base.update(kw)
    return FleetOption(**base)


def test_api_cost_is_the_blended_price_per_token():
    api = ApiOption("a", input_per_mtok=1.0, output_per_mtok=4.0, cached_input_per_mtok=0.1)
    mix = Mix(input_share=0.8, cached_share=0.5)
    # input: 0.5 x 1.0 + 0.5 x 0.1 = 0.55 per million; 0.8 x 0.55 + 0.2 x 4 = 1.24 per million
    assert api.per_token(mix) * 1e6 == pytest.approx(1.24)
    assert float(api.cost(2e9, mix)) == pytest.approx(2480.0)
    # without a cached price, cached tokens cost the input price
    assert ApiOption("b", 1.0, 4.0).per_token(mix) * 1e6 == pytest.approx(0.8 + 0.8)


def test_cloud_fleet_is_a_staircase_of_whole_replicas():
    f = cloud()
    per_token_hours = (0.5 / 1000 + 0.5 / 100) / 3600
    t = 730 * 1 * 0.5 / (per_token_hours * 2.0)        # one replica's volume at peak
    assert f.tokens_per_replica(HALF) == pytest.approx(t)
    assert t == pytest.approx(119_454_545.45, rel=1e-9)
    vols = np.array([0.0, 1.0, t, t * 1.001, 2 * t, 2.5 * t])
    assert f.gpus(vols, HALF).tolist() == [0, 1, 1, 2, 2, 3]
    assert f.cost(vols, HALF).tolist() == pytest.approx([0, 1460, 1460, 2920, 2920, 4380])
    # half the replica's volume: busy GPU-hours over 1 GPU x 730 h
    assert f.busy_share(t / 2, HALF) == pytest.approx(t / 2 * per_token_hours / 730)
    assert f.busy_share(0.0, HALF) is None


def test_owned_fleet_costs_depreciation_energy_and_overhead_per_gpu():
    f = cloud(pricing="owned", per_gpu_hour=0.0, capex_per_gpu=36_000.0, amortization_months=48,
              overhead_per_gpu_month=150.0, usd_per_kwh=0.10, gpus_per_replica=2)
    parts = f.parts_per_gpu_month()
    assert parts["depreciation"] == pytest.approx(750.0)             # 36,000 / 48
    assert parts["energy"] == pytest.approx(1.0 * 730 * 1.5 * 0.10)  # kW x h x PUE x price
    assert parts["overhead"] == 150.0
    assert f.per_gpu_month() == pytest.approx(750 + 109.5 + 150)
    assert float(f.cost(1e6, HALF)) == pytest.approx(2 * 1009.5)     # one replica of 2 GPUs


def test_break_even_matches_the_hand_worked_case():
    """c = $1,460 a replica, t = 119.45M tokens a replica, a = $20 per million tokens:
    self-hosting first pays at c / a = 73M tokens; just above t the second replica ($2,920)
    costs more than the API ($2,389), so it pays for good only from K c / a with
    K = ceil(c / (a t - c)) = ceil(1,460 / 929.1) = 2: 146M tokens."""
    f = cloud()
    api = ApiOption("a", input_per_mtok=10.0, output_per_mtok=30.0)
    x = crossover(f, api, HALF)
    assert x.api_per_mtok == pytest.approx(20.0)
    assert x.cheaper_from == pytest.approx(73_000_000.0, rel=1e-12)
    assert x.always_cheaper_from == pytest.approx(146_000_000.0, rel=1e-12)
    # on the step function itself
    a = x.cheaper_from
    assert float(f.cost(a * (1 - 1e-9), HALF)) >= float(api.cost(a * (1 - 1e-9), HALF))
    assert float(f.cost(a * (1 + 1e-9), HALF)) < float(api.cost(a * (1 + 1e-9), HALF))
    t = f.tokens_per_replica(HALF)
    assert float(f.cost(t * 1.0001, HALF)) > float(api.cost(t * 1.0001, HALF))   # tips back
    b = x.always_cheaper_from
    assert float(f.cost(b * (1 - 1e-9), HALF)) >= float(api.cost(b * (1 - 1e-9), HALF))
    assert float(f.cost(b * (1 + 1e-9), HALF)) < float(api.cost(b * (1 + 1e-9), HALF))


def test_self_hosting_never_pays_when_a_full_replica_costs_more_per_token():
    x = crossover(cloud(), ApiOption("a", 1.0, 3.0), HALF)          # $2 per million
    assert x.cheaper_from is None and x.always_cheaper_from is None
    assert x.fleet_per_mtok_full == pytest.approx(1460 / 119_454_545.45 * 1e6)
    assert x.fleet_per_mtok_full > x.api_per_mtok


def test_a_free_fleet_is_cheaper_at_any_volume():
    x = crossover(cloud(per_gpu_hour=0.0), ApiOption("a", 1.0, 3.0), HALF)
    assert x.cheaper_from == 0.0 and x.always_cheaper_from == 0.0


@settings(max_examples=200, deadline=None)
@given(per_replica=st.integers(1, 8), prefill=st.floats(100, 50_000), decode=st.floats(10, 20_000),
       util=st.floats(0.05, 1.0), peak=st.floats(1.0, 6.0), rent=st.floats(0.01, 20.0),
       pin=st.floats(0.01, 30.0), pout=st.floats(0.01, 100.0), share=st.floats(0.0, 1.0))
def test_crossovers_agree_with_the_step_function(per_replica, prefill, decode, util, peak, rent,
                                                 pin, pout, share):
    """Below ``cheaper_from`` the fleet never costs less than the API; above
    ``always_cheaper_from`` it always does; between them it sometimes does."""
    f = cloud(gpus_per_replica=per_replica, prefill_tokens_per_s=prefill,
              decode_tokens_per_s=decode, utilization=util, peak_to_average=peak, per_gpu_hour=rent)
    api = ApiOption("a", pin, pout)
    mix = Mix(input_share=share)
    x = crossover(f, api, mix)
    t = f.tokens_per_replica(mix)
    top = 50 * t if x.always_cheaper_from is None else max(50 * t, 3 * x.always_cheaper_from)
    vols = np.concatenate([np.geomspace(t / 1000, top, 4001), t * np.arange(1, 50) * (1 + 1e-6)])
    cheaper = f.cost(vols, mix) < api.cost(vols, mix)
    if x.cheaper_from is None:
        assert not cheaper.any()
        return
    assert not cheaper[vols < x.cheaper_from * (1 - 1e-9)].any()
    assert float(f.cost(x.cheaper_from * (1 + 1e-9), mix)) < float(api.cost(x.cheaper_from * (1 + 1e-9), mix))
    assert x.always_cheaper_from is not None and x.always_cheaper_from >= x.cheaper_from
    assert cheaper[vols > x.always_cheaper_from * (1 + 1e-9)].all()
    if not math.isclose(x.always_cheaper_from, x.cheaper_from):
        b = x.always_cheaper_from * (1 - 1e-9)
        assert float(f.cost(b, mix)) >= float(api.cost(b, mix))
