"""A synthetic roster of any size (for demos and for checking import speed), with optional
known-bad rows so that the checks can be seen at work."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

DEPARTMENTS = ("Operations", "Sales", "Engineering", "Support", "Finance", "Marketing",
               "People", "Legal", "Research", "Logistics", "Procurement", "IT")
BAD_KINDS = ("unknown_manager", "unknown_manager", "duplicate_id", "duplicate_id", "cycle",
             "cycle", "missing_id", "cost_negative", "cost_invalid", "fte_invalid")


def generate_roster(path: str | os.PathLike[str], people: int, *, seed: int = 7,
                    bad_rows: int = 0) -> dict[str, list[int]]:
    """Write a CSV roster of ``people`` rows (one tree, mean span about 7.5) to ``path``.

    With ``bad_rows`` (up to 10), that many rows of individual contributors are spoiled, one
    problem each (see ``BAD_KINDS``). Returns kind -> the file lines (header = line 1) spoiled.
    """
    import pandas as pd

    if people < 2:
        raise ValueError("a roster needs at least 2 people")
    if bad_rows > len(BAD_KINDS):
        raise ValueError(f"at most {len(BAD_KINDS)} bad rows")
    rng = np.random.default_rng(seed)
    n = people
    # Person k reports to someone earlier (a uniform pick among the first k/6.5): a tree.
    k = np.arange(n)
    parent = np.floor(rng.random(n) * k / 6.5).astype(np.int64)
    parent[0] = -1
    span = np.bincount(parent[1:], minlength=n)
    ids = np.array([f"E{x:06d}" for x in rng.permutation(n) + 1], dtype=object)
    mgr = np.where(parent >= 0, ids[np.maximum(parent, 0)], "").astype(object)
    dept_of = rng.integers(0, len(DEPARTMENTS), n)
    # Departments follow the tree: a manager's IC reports sit in the manager's department.
    dept_of = np.where((span == 0) & (parent >= 0), dept_of[np.maximum(parent, 0)], dept_of)
    dept = np.array(DEPARTMENTS, dtype=object)[dept_of]
    is_mgr = span > 0
    title = np.where(is_mgr, "Manager", "Specialist").astype(object)
    title[0] = "Chief Executive"
    cost = np.round(np.where(is_mgr, 95000, 60000) * rng.lognormal(0, 0.2, n)).astype(np.int64)
    fte = np.where(rng.random(n) < 0.1, "0.5", "1").astype(object)
    frame = pd.DataFrame({
        "Employee ID": ids, "Name": [f"Person {i + 1}" for i in range(n)], "Job Title": title,
        "Department": dept, "Manager ID": mgr, "Annual Salary": cost.astype(str).astype(object),
        "FTE": fte,
    })
    # Rows in a shuffled order (an export is rarely sorted top-down); the top stays first.
    order = np.concatenate([[0], rng.permutation(np.arange(1, n))])
    frame = frame.iloc[order].reset_index(drop=True)
    spoiled: dict[str, list[int]] = {}
    if bad_rows:
        leaves = np.flatnonzero(~is_mgr[order])
        pick = np.sort(rng.choice(leaves[leaves > 0], size=bad_rows + 1, replace=False))
        kinds = BAD_KINDS[:bad_rows]
        cycle_rows = [int(r) for r, kd in zip(pick, kinds, strict=False) if kd == "cycle"]
        for row, kind in zip(pick, kinds, strict=False):
            row = int(row)
            if kind == "unknown_manager":
                frame.iat[row, 4] = "X999999"
            elif kind == "duplicate_id":
                frame.iat[row, 0] = frame.iat[row - 1, 0] if row > 1 else frame.iat[0, 0]
            elif kind == "cycle":
                other = cycle_rows[1] if row == cycle_rows[0] else cycle_rows[0]
                frame.iat[row, 4] = frame.iat[other, 0]
            elif kind == "missing_id":
                frame.iat[row, 0] = ""
            elif kind == "cost_negative":
                frame.iat[row, 5] = "-1000"
            elif kind == "cost_invalid":
                frame.iat[row, 5] = "n/a"
            elif kind == "fte_invalid":
                frame.iat[row, 6] = "full"
            spoiled.setdefault(kind, []).append(row + 2)
    frame.to_csv(Path(path), index=False)
    return spoiled
