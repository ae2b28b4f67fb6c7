"""Typing and pasting values: numbers, percentages, ranges, references."""

from __future__ import annotations

import pytest

from planner.ui.doc.catalog import SETTINGS_FIELDS, WORKFLOW_FIELDS
from planner.ui.doc.edits import MISSING


def field(fields, key):
    return next(f for f in fields if f.key == key)


def test_percent_accepts_the_ways_people_type_it():
    f = field(WORKFLOW_FIELDS, "adoption")
    assert f.parse("35") == 0.35
    assert f.parse("35%") == 0.35
    assert f.parse("0.35") == 0.35
    assert f.display(0.35) == "35%"
    assert f.display(0.125) == "12.5%"


def test_out_of_range_and_non_numbers_are_refused_with_a_message():
    f = field(WORKFLOW_FIELDS, "adoption")
    with pytest.raises(ValueError, match="Adoption must be <= 100%"):
        f.parse("150%")
    vol = field(WORKFLOW_FIELDS, "volume")
    with pytest.raises(ValueError, match='"lots" is not a number'):
        vol.parse("lots")
    assert vol.parse("60,000") == 60000
    with pytest.raises(ValueError, match="whole number"):
        field(SETTINGS_FIELDS, "horizon").parse("12.5")


def test_empty_optional_values_fall_back_to_the_default():
    f = field(SETTINGS_FIELDS, "pue")
    assert f.parse("") is MISSING
    assert f.display(MISSING) == "1.3"
