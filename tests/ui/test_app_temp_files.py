"""The app removes the temp files a killed save left next to a plan it opens or saves."""
# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

import os
import shutil

from app_helpers import make_window  # noqa: F401 - fixture


def test_opening_and_saving_a_plan_remove_stale_temps_of_that_plan(make_window, tmp_path,
                                                                  northwind_path):
    plan = tmp_path / "plan.orgplan.json"
    shutil.copy(northwind_path, plan)
    stale = tmp_path / ".plan.orgplan.json.abcd1234.tmp"
    other = tmp_path / ".other.orgplan.json.abcd1234.tmp"
    for p in (stale, other):
        p.write_text("{", encoding="utf-8")
        os.utime(p, (0, 0))
    w = make_window(plan, show=False)
    assert not stale.exists() and other.exists()
    stale.write_text("{", encoding="utf-8")
    os.utime(stale, (0, 0))
    w.doc.set(("name",), "Saved again")
    assert w.save()
    assert not stale.exists() and other.exists()
