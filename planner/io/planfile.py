"""Reading and writing ``*.orgplan.json`` files.

``read_plan_data`` turns a file into JSON data or a :class:`PlanFileError` whose message
names the file, the place and the fix; ``load_plan`` also validates it (every problem at
once, never half-loaded). ``save_plan`` writes canonical JSON atomically, so that
save -> load -> save is byte-identical.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..textsafe import encodable, encodable_data
from . import jsonnumbers
from .atomic import write_atomic
from .files import read_checked

if TYPE_CHECKING:
    from ..model import Plan

# The model (pydantic) is imported when first needed: reading a file's data does not need it,
# and the desktop app shows a plan before it imports the model.

# A 10,000-team, 50,000-workflow plan is ~23 MB; far larger is almost surely the wrong file.
MAX_BYTES = 100 * 1024 * 1024
SUFFIX = ".orgplan.json"


class PlanFileError(Exception):
    """A plan file that cannot be read; ``str()`` is the message for the user."""


def parse_plan_text(text: str, *, source: str = "plan") -> Any:
    """JSON data from text, or PlanFileError naming the line and column (and the path of a
    value a plan cannot hold: NaN, Infinity, a number of hundreds of digits)."""
    if not text.strip():
        raise PlanFileError(f"{source}: the file is empty; it should hold a plan (a JSON object)")
    try:
        data, refused = jsonnumbers.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanFileError(
            f"{source} line {exc.lineno} column {exc.colno}: not valid JSON ({exc.msg}); "
            "fix the file in a text editor or open a backup") from None
    except RecursionError:
        raise PlanFileError(f"{source}: the JSON is nested too deeply to be a plan") from None
    except ValueError as exc:  # e.g. a number json cannot convert
        raise PlanFileError(f"{source}: not valid JSON ({exc}); fix the file in a text editor "
                            "or open a backup") from None
    if "\\ud" in text or "\\uD" in text:  # maybe a lone surrogate, which UTF-8 cannot hold
        try:
            data = encodable_data(data)  # as U+FFFD, the way every file and output shows it
        except RecursionError:
            raise PlanFileError(f"{source}: the JSON is nested too deeply to be a plan") from None
    first = jsonnumbers.first_refused(data, text, refused)
    if first is not None:
        path, marker, line, column, count = first
        more = f" ({count - 1} more such value{'s' if count > 2 else ''} below)" \
            if count > 1 else ""
        raise PlanFileError(f"{source} line {line} column {column}: "
                            f"{path + ': ' if path else ''}{marker.problem}{more}")
    return data


def read_plan_data(path: str | os.PathLike[str]) -> Any:
    """The JSON data in a plan file (not yet validated), at the current schema version."""
    p = Path(path)
    name = p.name
    raw = read_checked(p, what="plan", max_bytes=MAX_BYTES, error=PlanFileError)
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise PlanFileError(f"{name}: the file is saved as UTF-16 (\"Unicode\" in Notepad); "
                            "save it as UTF-8 and try again")
    if b"\x00" in raw[:8192]:
        raise PlanFileError(f"{name}: this is a binary file, not a plan (a UTF-8 JSON text file)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanFileError(
            f"{name} line {line}: not UTF-8 text (byte {exc.start}); save the file as UTF-8") from None
    from ..plan.migrate import migrate

    return migrate(parse_plan_text(text, source=name))


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """A valid plan from a file, or PlanFileError / PlanInvalid (all problems listed)."""
    from ..model import parse_plan

    data = read_plan_data(path)
    return parse_plan(data, source=Path(path).name)


def _normalise(value: Any) -> Any:
    """Whole floats as ints (``120`` not ``120.0``) so files stay readable and stable; a lone
    surrogate in a string (``"\\ud800"`` in JSON), which UTF-8 cannot hold, as U+FFFD."""
    if isinstance(value, str):
        return encodable(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 2**53:
            return int(value)
        return value
    if isinstance(value, dict):
        return {encodable(k) if isinstance(k, str) else k: _normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    return value


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan as canonical JSON data: every setting written out, nulls left out."""
    from ..model import SCHEMA_VERSION

    data = plan.model_dump(mode="json", exclude_none=True)
    data["schema_version"] = SCHEMA_VERSION
    # an override that empties a value ("value": null) keeps its value: without it the
    # override would be neither a value nor a scale
    for sc, out in zip(plan.scenarios, data.get("scenarios", []), strict=True):
        for ov, o in zip(sc.overrides, out.get("overrides", []), strict=True):
            if not ov.is_scale and ov.value is None:
                o["value"] = None
    return _normalise(data)


def dumps_plan(plan: Plan | dict[str, Any]) -> str:
    """Canonical text of a plan (a Plan, or raw data that may not validate yet).

    Always encodable as UTF-8: a lone surrogate is written as U+FFFD (see planner.textsafe),
    so saving never fails on a name pasted from a broken source.
    """
    data = _normalise(plan) if isinstance(plan, dict) else plan_to_data(plan)
    return json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False) + "\n"


def save_plan(plan: Plan | dict[str, Any], path: str | os.PathLike[str]) -> None:
    """Write a plan atomically; the old file stays intact if anything fails."""
    text = dumps_plan(plan).encode("utf-8")
    write_atomic(path, lambda fh: fh.write(text))


def __getattr__(name: str) -> Any:
    if name == "PlanInvalid":
        from ..model import PlanInvalid

        return PlanInvalid
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["PlanFileError", "PlanInvalid",  # noqa: F822 - PlanInvalid via __getattr__
           "read_plan_data", "load_plan", "parse_plan_text",
           "plan_to_data", "dumps_plan", "save_plan", "MAX_BYTES", "SUFFIX"]
