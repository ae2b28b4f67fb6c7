"""Places in a plan, in words (one Qt-free home for the app, the brief and the workbook)."""

from __future__ import annotations


def test_places_in_words_name_items_as_people_read_them():
    from planner.plan.paths import place_words

    data = {"teams": [{"id": "ops", "name": "Operations",
                       "roles": [{"name": "Clerk"}]}],
            "workflows": [{"id": "t", "name": "Answer tickets", "ai": {}}],
            "models": [{"id": "gpt-5-mini"}]}
    assert place_words(data, ("workflows", 0, "ai", "review_overhead")) == \
        "Workflows › Answer tickets › review overhead"
    assert place_words(data, ("teams", 0, "roles", 0, "annual_cost")) == \
        "Teams › Operations › role Clerk › annual cost"
    assert place_words(data, ("models", 0, "price_decline_per_year")) == \
        "Models › gpt-5-mini › price decline per year"
    assert place_words(data, ("workflows", 7, "team")) == "Workflows › row 8 › team"
    assert place_words(data, ("settings", "pue")) == "Settings › pue"
    assert place_words(data, ()) == "Plan"
