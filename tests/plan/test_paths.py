"""Places and names in a plan, in words (one Qt-free home for the app, the brief, the workbook and docs/model.md)."""

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


def test_the_model_document_names_every_input_as_the_screen_does():
    """docs/model.md's Appendix C is the registry's table as generated (a finance reader maps
    `min_ic` to "Minimum ICs" there); regenerate it with planner.plan.fields.names_table."""
    import re
    from pathlib import Path

    from planner.plan.fields import names_table

    doc = (Path(__file__).resolve().parents[2] / "docs" / "model.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- names:start[^>]*-->\n(.*?)\n<!-- names:end -->", doc, re.S)
    assert found, "docs/model.md has no generated names table"
    assert found.group(1) == names_table()
    assert "| Minimum ICs | Teams | `teams[ID].min_ic` | people |" in found.group(1)
