"""Ranged inputs, their ranges and what failing means, in plain words: one Qt-free home that
the app and the command line share."""

from __future__ import annotations

import re

import pytest

from planner.cli import main
from planner.risk.words import break_even_sentence, path_words, range_words, stress_reading


@pytest.mark.parametrize(("path", "words"), [
    ("workflows[*].ai.time_saved", "time saved (every workflow)"),
    ("teams[support].roles[Support agent].annual_cost", "annual cost (Support agent in support)"),
    ("settings.price_decline_per_year", "API prices"),
    ("settings.gpu_price_decline_per_year", "GPU prices"),
    ("settings.volume_growth_per_year", "work volume growth"),
    ("not a path", "not a path"),
])
def test_a_path_in_words(path, words):
    assert path_words(path) == words


def test_a_range_in_words_has_no_double_negative():
    assert (range_words("settings.price_decline_per_year", -0.25, 0.30)
            == "from rising 25% a year to falling 30% a year")
    assert (range_words("settings.volume_growth_per_year", -0.10, 0.15)
            == "from shrinking 10% a year to growing 15% a year")
    assert range_words("settings.wage_growth_per_year", 0.02, 0.05) == "rising 2% to 5% a year"
    assert (range_words("workflows[*].ai.time_saved", 0.5, 1.5, scale=True)
            == "-50% to +50% of its value")


def test_what_failing_means_in_words():
    assert stress_reading("volume_growth_per_year", -0.10) == "work volume shrinks 10% a year or more"
    assert stress_reading("price_decline_per_year", -0.25) == "API prices rise 25% a year or more"
    assert stress_reading("gpu_price_decline_per_year", 0.0) == "GPU prices do not fall"
    assert stress_reading("time_saved_scale", 0.5) == "AI saves only 50% of the time planned"


def test_the_cli_tornado_names_inputs_in_words_with_the_path_second(capsys):
    from conftest import BUNDLED

    assert main(["risk", str(BUNDLED), "--draws", "200"]) == 0
    out = capsys.readouterr().out
    tornado = out.split("Tornado:")[1].split("The four bets")[0]
    firsts = [line for line in tornado.splitlines() if line.startswith("  ") and
              not line.startswith("      ")]
    assert firsts
    for line in firsts:                         # the input in words leads each row
        assert "[" not in line.split("$")[0] and "settings." not in line, line
    assert "time saved (every workflow)" in tornado
    assert "API prices" in tornado and "from rising 25% a year to falling 30% a year" in tornado
    assert "[workflows[*].ai.time_saved]" in tornado     # the path, for experts, second


def test_the_cli_hosting_verdict_gives_prices_per_million_tokens_in_the_currency(capsys):
    from conftest import BUNDLED

    assert main(["hosting", str(BUNDLED)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    said = re.findall(r"cost (\S+) per million tokens against (\S+) on the API", out)
    assert said
    for fleet, api in said:
        assert fleet.startswith("$") and api.startswith("$"), (fleet, api)


# ----- break-even: what was tested (the sign of the NPV), in words -----------------------
@pytest.mark.parametrize(("lever", "value", "ends", "expected"), [
    ("time_saved_scale", 0.18, None,
     "NPV stays positive as long as AI saves at least 18% of the time planned"),
    ("time_saved_scale", None, (1e6, 5e6),
     "NPV stays positive even if AI saves none of the time planned: the savings from structure "
     "(span changes) carry it"),
    ("time_saved_scale", 1.5, None,
     "NPV is negative as planned: AI would need to save 150% of the time planned to break even"),
    ("compute_scale", 6.44, None,
     "Compute could cost 6.4 times the planned amount before the NPV turns negative"),
    ("compute_scale", None, (5e6, -1e6), "NPV is negative even if compute were free"),
    ("price_decline_per_year", -0.25, None,
     "API prices could rise 25% a year before the NPV turns negative"),
    ("price_decline_per_year", None, (2e6, 9e6),
     "NPV over the plan's months stays positive even if API prices double every year (the most "
     "tested)"),
    ("volume_growth_per_year", -0.3, None, "NPV stays positive if volume falls up to 30% a year"),
    ("volume_growth_per_year", 0.1, None,
     "Needs volume to grow at least 10% a year for a positive NPV"),
    # a plan whose NPV is negative as planned and positive only when the work shrinks fast
    ("volume_growth_per_year", -0.46, (3e6, -9e6),
     "NPV turns positive only if volume falls more than 46% a year"),
    ("volume_growth_per_year", 0.05, (3e6, -9e6),
     "NPV stays positive as long as volume grows less than 5% a year"),
])
def test_each_lever_in_words(lever, value, ends, expected):
    assert break_even_sentence(lever, value, ends) == expected


def test_no_sentence_promises_payback_the_npv_test_did_not_check():
    for lever in ("time_saved_scale", "compute_scale", "price_decline_per_year",
                  "volume_growth_per_year"):
        for value in (None, 0.5, 2.0, -0.5):
            for ends in ((1.0, 1.0), (-1.0, -1.0)):
                words = break_even_sentence(lever, value, ends).lower()
                assert "pay back" not in words and "pays back" not in words, words


def test_payback_odds_say_when_draws_fall_below_0_again():
    from planner.risk.words import payback_odds

    assert payback_odds(1.0, 0.0, 36, "10,000 draws") == \
        "Pays back within 36 months in 100% of 10,000 draws"
    assert payback_odds(1.0, 0.74, 36, "10,000 draws") == (
        "Pays back within 36 months in 100% of 10,000 draws; in 74% of draws the running net "
        "cash is below 0 again by month 36")
    assert payback_odds(0.9, 0.001, 24, "draws").endswith("in under 1% of draws the running "
                                                          "net cash is below 0 again by month 24")
