"""Typing and pasting values: numbers, percentages, ranges, references; every editor field
agrees with the plan registry and every field a user can set has an editor."""

from __future__ import annotations

import re

import pytest

from planner.plan import fields as registry
from planner.ui.doc import catalog
from planner.ui.doc.catalog import SETTINGS_FIELDS, WORKFLOW_FIELDS
from planner.ui.doc.edits import MISSING
from planner.ui.doc.fields import PERCENT_RULE


def field(fields, key):
    return next(f for f in fields if f.key == key)


def test_percent_accepts_the_ways_people_type_it():
    f = field(WORKFLOW_FIELDS, "adoption")
    assert f.parse("35") == 0.35
    assert f.parse("35%") == 0.35
    assert f.parse("35 %") == 0.35
    assert f.parse("0.35") == 0.35
    assert f.display(0.35) == "35%"
    assert f.display(0.125) == "12.5%"


def test_one_percent_rule_a_bare_number_up_to_1_is_a_share():
    """``1`` is 100% (a share) and ``0.5`` is 50%; ``1%`` is 1%; ``1.5`` is 1.5%."""
    f = field(WORKFLOW_FIELDS, "adoption")
    assert f.parse("1") == 1
    assert f.parse("0.5") == 0.5
    assert f.parse("1%") == 0.01
    assert f.parse("1.5") == 0.015
    assert f.parse("0,35") == 0.35               # a decimal comma
    saved = field(WORKFLOW_FIELDS, "time_saved")
    assert saved.parse("-0.2") == -0.2 and saved.parse("-20") == -0.2
    # the rule is stated where people look: every percent cell's tooltip
    for f in catalog.all_fields():
        if f.kind == "percent":
            assert PERCENT_RULE in f.describe(), f.key


def test_out_of_range_and_non_numbers_are_refused_with_a_message():
    f = field(WORKFLOW_FIELDS, "adoption")
    with pytest.raises(ValueError, match="Adoption must be at most 100%"):
        f.parse("150%")
    vol = field(WORKFLOW_FIELDS, "volume_per_month")
    with pytest.raises(ValueError, match='"lots" is not a number'):
        vol.parse("lots")
    assert vol.parse("60,000") == 60000
    with pytest.raises(ValueError, match="whole number"):
        field(SETTINGS_FIELDS, "horizon_months").parse("12.5")
    with pytest.raises(ValueError, match="too large a number"):
        vol.parse("1e400")


def test_empty_optional_values_fall_back_to_the_default():
    f = field(SETTINGS_FIELDS, "pue")
    assert f.parse("") is MISSING
    assert f.display(MISSING) == "1.3"


def test_every_editor_field_agrees_with_the_registry():
    for f in catalog.all_fields():
        spec = f.spec
        assert spec is not None, f.key
        assert spec.key == f.key and f.path[-1] == spec.key
        assert (f.minimum, f.maximum, f.min_open, f.max_open) == \
            (spec.minimum, spec.maximum, spec.min_open, spec.max_open), spec.name
        expected_default = MISSING if spec.required or spec.default is None else spec.default
        assert f.default == expected_default, spec.name
        assert f.optional or spec.required, spec.name
        if spec.kind == "choice":
            assert f.choices(None) == list(spec.choices), spec.name
        tip = f.describe()
        assert spec.meaning.split(".")[0] in tip, spec.name
        if f.unit:
            assert f.unit == spec.unit
        if spec.numeric:
            assert f"Allowed: {spec.describe_range()}." in tip, spec.name
        if not spec.required and spec.default is not None and f.default_text:
            assert f"Default: {spec.describe_default()}" in tip, spec.name
        assert f.header == spec.label or f.key in ("id", "note", "model"), spec.name
        assert (f.kind == "percent") == (spec.show == "percent"), spec.name
        if spec.only is not None:      # N/A for the other kinds of model or GPU
            tag = registry.KIND_TAG[spec.obj]
            for kind in registry.KINDS[spec.obj]:
                assert f.is_applicable({tag: kind}) == (kind in spec.only), (spec.name, kind)


def test_every_registry_field_a_user_can_set_has_an_editor():
    edited = {f.spec.name for f in catalog.all_fields()}
    left = {s.name for s in registry.FIELDS} - edited
    assert left == set(catalog.NOT_EDITED), sorted(left ^ set(catalog.NOT_EDITED))
    assert not edited & set(catalog.NOT_EDITED)


@pytest.mark.parametrize("text", ["1e300", "-1e300", "1e300%"])
def test_absurd_values_are_refused_in_every_number_field(text):
    numbers = [f for f in catalog.all_fields() if f.kind in ("number", "int", "percent")]
    assert numbers and all(f.minimum is not None and f.maximum is not None for f in numbers)
    for f in numbers:
        if text.endswith("%") and f.kind != "percent":
            continue
        with pytest.raises(ValueError, match=f"^{re.escape(f.header)} must be"):
            f.parse(text)
