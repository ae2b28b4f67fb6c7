"""One row per measured figure, and the table ``make bench`` prints and writes."""

from __future__ import annotations

import datetime as dt
import platform
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Row:
    figure: str          # what was measured
    value: str           # the measurement, with its unit
    ratio: str           # against what (a baseline), or "-"
    target: str          # the target
    met: bool | None     # None: informational


def render(rows: list[Row]) -> str:
    head = ("Figure", "Measured", "Ratio", "Target", "Met")
    body = [(r.figure, r.value, r.ratio, r.target,
             "yes" if r.met else "no" if r.met is not None else "-") for r in rows]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in body]
    return "\n".join(lines)


def write(rows: list[Row], path: Path) -> None:
    met = sum(1 for r in rows if r.met)
    judged = sum(1 for r in rows if r.met is not None)
    text = (f"# OrgPlanner benchmarks\n\n{dt.datetime.now():%Y-%m-%d %H:%M}, "
            f"{platform.python_implementation()} {platform.python_version()}, "
            f"{platform.machine()}; {met} of {judged} targets met. Timings on a shared 2-core "
            "machine vary by up to ~2x with load; each figure is a median unless it says so.\n\n"
            f"{render(rows)}\n")
    path.write_text(text, encoding="utf-8")
