"""Check a plan and report every problem at once, each with its path and a fix.

``check(data)`` never raises: it returns a list of :class:`Problem`. ``parse_plan(data)``
returns a :class:`Plan` or raises :class:`PlanInvalid` carrying all the problems, so a plan
is never half-loaded.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from .schema import READS, SCHEMA_VERSION, Plan
from .tree import find_cycles

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a plan. ``loc`` is the path as keys and list indexes."""

    loc: Loc
    message: str
    severity: str = "error"  # "error" refuses the plan; "warning" is shown but allowed

    @property
    def path(self) -> str:
        return format_loc(self.loc)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.loc else self.message


@dataclass
class PlanInvalid(Exception):
    """A plan that breaks one or more rules; ``problems`` lists them all."""

    problems: list[Problem]
    source: str | None = None
    errors: list[Problem] = field(init=False)

    def __post_init__(self) -> None:
        self.errors = [p for p in self.problems if p.severity == "error"]

    def __str__(self) -> str:
        """One line per error, each naming the file and the place (compiler style)."""
        head = f"{self.source}: " if self.source else ""
        return "\n".join(f"{head}{p}" for p in self.errors)


class ItemId(str):
    """An item of a list named by its id in a problem's place: ``scenarios[bear]``."""


def format_loc(loc: Sequence[str | int]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int | ItemId):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 40 else f'"{value[:37]}..."'
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int) and abs(value) >= 10**15:
        return f"a number of {len(str(abs(value)))} digits"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value)) if not math.isinf(value) else str(value)
    return str(value)


def _num(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _suggest(word: Any, choices: Iterable[str]) -> str:
    if not isinstance(word, str):
        return ""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{match[0]}"?)' if match else ""


# Pydantic puts the discriminator tag into the location of union members: drop it.
_TAGS = {"api", "self", "cloud", "owned"}


def _clean_loc(loc: Loc) -> Loc:
    out: list[str | int] = []
    for i, part in enumerate(loc):
        if part in _TAGS and i > 0 and isinstance(loc[i - 1], int):
            continue
        out.append(part)
    return tuple(out)


_PLACE_OBJ = {"settings": "settings", "teams": "team", "roles": "role", "ai_seats": "ai_seats",
              "workflows": "workflow", "ai": "ai", "compute": "compute", "stress": "stress",
              "scenarios": "scenario", "overrides": "override", "ranges": "range",
              "models": "model", "gpus": "gpu"}


def _known_keys(loc: Loc) -> list[str]:
    """Keys valid at the object holding ``loc[-1]`` (for "did you mean")."""
    from . import schema

    named = [p for p in loc[:-1] if isinstance(p, str)]
    obj = _PLACE_OBJ.get(named[-1]) if named else "plan"
    if obj in schema.KIND_CLASSES:
        keys: set[str] = set()
        for cls in schema.KIND_CLASSES[obj].values():
            keys |= set(cls.model_fields)
        return sorted(keys)
    cls = schema.CLASSES.get(obj or "")
    return list(cls.model_fields) if cls else []


def _other_kind(data: Any, loc: Loc) -> str | None:
    """For a key of the other kind of model or GPU (``gpu`` on an API model): say so."""
    from . import schema

    kinds = {"models": ("hosting", schema.KIND_CLASSES["model"]),
             "gpus": ("pricing", schema.KIND_CLASSES["gpu"])}
    if len(loc) != 3 or loc[0] not in kinds or not isinstance(loc[1], int):
        return None
    tag, classes = kinds[str(loc[0])]
    try:
        kind = data[loc[0]][loc[1]][tag]
    except (KeyError, IndexError, TypeError):
        return None
    others = [k for k, cls in classes.items() if k != kind and loc[2] in cls.model_fields]
    if kind not in classes or not others:
        return None
    return (f'unknown key for {tag} "{kind}" (only {tag} "{others[0]}" has it): '
            f"remove it, or change {tag}")


def _message(err: dict[str, Any]) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    got = err.get("input")
    if kind == "greater_than_equal":
        return f"must be >= {_num(ctx['ge'])}, got {_show(got)}"
    if kind == "greater_than":
        return f"must be > {_num(ctx['gt'])}, got {_show(got)}"
    if kind == "less_than_equal":
        return f"must be <= {_num(ctx['le'])}, got {_show(got)}"
    if kind == "less_than":
        return f"must be < {_num(ctx['lt'])}, got {_show(got)}"
    if kind == "missing":
        return "is required but missing: add it"
    if kind == "extra_forbidden":
        return "unknown key: remove it or fix its spelling"
    if kind in ("float_type", "float_parsing"):
        return f"must be a number, got {_show(got)}"
    if kind in ("int_type", "int_from_float", "int_parsing"):
        return f"must be a whole number, got {_show(got)}"
    if kind == "finite_number":
        return "must be a finite number (not NaN or Infinity)"
    if kind in ("string_type",):
        return f"must be text in quotes, got {_show(got)}"
    if kind in ("bool_type",):
        return f"must be true or false, got {_show(got)}"
    if kind == "literal_error":
        return f"must be {ctx.get('expected')}, got {_show(got)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"must be an object {{...}}, got {_show(got)}"
    if kind == "list_type":
        return f"must be a list [...], got {_show(got)}"
    if kind == "too_short":
        return "must not be empty: add at least one"
    if kind == "union_tag_invalid":
        return f"{ctx['discriminator'].strip(chr(39))} must be one of {ctx['expected_tags']}, got {_show(ctx['tag'])}"
    if kind == "union_tag_not_found":
        return f"needs a {ctx['discriminator'].strip(chr(39))} key"
    if kind == "value_error":
        return str(ctx.get("error", err.get("msg")))
    return f"{err.get('msg', 'is not valid')}, got {_show(got)}"


def _structural(data: Any, cache: Any = None) -> tuple[list[Problem], Plan | None]:
    """The schema's problems, and the Plan when there are none (validated once; item by
    item through ``cache`` when given)."""
    from .items import lists_are_lists, validate_items

    if cache is not None and lists_are_lists(data):
        errors, plan = validate_items(data, cache)
    else:
        try:
            errors, plan = [], Plan.model_validate(data)
        except ValidationError as exc:
            errors, plan = exc.errors(include_url=False), None
    if errors:
        out = []
        for err in errors:
            loc = _clean_loc(tuple(err["loc"]))
            msg = _message(err)
            if err["type"] == "extra_forbidden":
                msg = _other_kind(data, loc) or msg + _suggest(loc[-1], _known_keys(loc))
            if loc == ("schema_version",) and err["type"] != "missing":
                msg = _version_message(err.get("input"))
            out.append(Problem(loc, msg))
        return out, None
    return [], plan


def _version_message(v: Any) -> str:
    if isinstance(v, int) and not isinstance(v, bool) and v > SCHEMA_VERSION:
        return (f"this plan was written by a newer OrgPlanner (schema_version {v}); this version "
                f"reads up to {SCHEMA_VERSION}: update OrgPlanner to open it")
    return f"must be {' or '.join(map(str, READS))}, got {_show(v)}"


def _items(data: dict, key: str) -> Iterable[tuple[int, dict]]:
    """``(index, item)`` of the objects of a list (a generator: 50,000 tuples kept alive at
    once would wake the garbage collector over the whole plan)."""
    items = data.get(key)
    if not isinstance(items, list):
        return ()
    return ((i, x) for i, x in enumerate(items) if isinstance(x, dict))


def _ids(data: dict, key: str, out: list[Problem]) -> dict[str, int]:
    seen: dict[str, int] = {}
    folded: dict[str, int] = {}
    for i, item in _items(data, key):
        ident = item.get("id")
        if not isinstance(ident, str):
            continue
        if not ident.strip():
            out.append(Problem((key, i, "id"), "must not be empty: give it a short unique id"))
        elif ident in seen:
            out.append(Problem((key, i, "id"),
                               f'duplicate id "{ident}" (also {key}[{seen[ident]}]): ids must be unique'))
        else:
            seen[ident] = i
            j = folded.setdefault(ident.casefold(), i)
            if j != i:
                # Spreadsheet lookups ignore case: the exported workbook would mix the two.
                other = data[key][j]["id"]
                out.append(Problem((key, i, "id"),
                                   f'"{ident}" differs from "{other}" ({key}[{j}]) only in case, and '
                                   "Excel treats them as one id: rename one before exporting to "
                                   "Excel", "warning"))
    return seen


def _ref(out: list[Problem], loc: Loc, ref: Any, known: dict[str, int], what: str) -> None:
    if isinstance(ref, str) and ref not in known:
        out.append(Problem(loc, f'no {what} with id "{ref}"{_suggest(ref, known)}'))


def _references(data: Any) -> list[Problem]:
    """Ids, references, the team tree and warnings; tolerant of a malformed plan."""
    if not isinstance(data, dict):
        return []
    out: list[Problem] = []
    teams = _ids(data, "teams", out)
    models = _ids(data, "models", out)
    gpus = _ids(data, "gpus", out)
    _ids(data, "workflows", out)

    _names(data, out)
    parents: dict[str, str] = {}
    for i, team in _items(data, "teams"):
        parent = team.get("parent")
        _ref(out, ("teams", i, "parent"), parent, teams, "team")
        if isinstance(parent, str) and isinstance(team.get("id"), str):
            if parent == team["id"]:
                out.append(Problem(("teams", i, "parent"), "a team cannot be its own parent"))
            else:
                parents[team["id"]] = parent
    for chain in find_cycles(parents):
        cycle = " -> ".join([*chain, chain[0]])
        # a blank id is not in ``teams`` (reported above): place the cycle at a known member
        where = next((teams[t] for t in chain if t in teams), None)
        out.append(Problem(("teams", where, "parent") if where is not None else ("teams",),
                           f"the team tree has a cycle ({cycle}): set one parent to null or "
                           "another team"))

    for i, wf in _items(data, "workflows"):
        _ref(out, ("workflows", i, "team"), wf.get("team"), teams, "team")
        comp = wf.get("compute")
        if isinstance(comp, dict):
            _ref(out, ("workflows", i, "compute", "model"), comp.get("model"), models, "model")
        ai = wf.get("ai")
        if isinstance(ai, dict):
            ts, ro = ai.get("time_saved"), ai.get("review_overhead", 0)
            if _is_num(ts) and _is_num(ro) and ts - ro < 0:
                out.append(Problem(("workflows", i, "ai", "time_saved"),
                                   f"review overhead ({_num(ro)}) exceeds time saved ({_num(ts)}): "
                                   "AI makes this workflow slower", "warning"))
    for i, model in _items(data, "models"):
        if model.get("hosting") == "self":
            _ref(out, ("models", i, "gpu"), model.get("gpu"), gpus, "GPU")
    return out


def _names(data: dict, out: list[Problem]) -> None:
    """Names are what people read in tables, charts and the workbook: never blank."""
    def blank(v: Any) -> bool:
        return isinstance(v, str) and not v.strip()

    if blank(data.get("name")):
        out.append(Problem(("name",), "must not be empty: give the plan a name"))
    for key in ("teams", "workflows"):
        for i, item in _items(data, key):
            if blank(item.get("name")):
                out.append(Problem((key, i, "name"), "must not be empty: give it a name"))
    for i, team in _items(data, "teams"):
        roles = team.get("roles")
        for j, role in enumerate(roles if isinstance(roles, list) else []):
            if isinstance(role, dict) and blank(role.get("name")):
                out.append(Problem(("teams", i, "roles", j, "name"), "must not be empty: give it a name"))


def _is_num(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def check(data: Any) -> list[Problem]:
    """Every problem with a plan (errors and warnings), in file order. Never raises."""
    return check_and_parse(data)[0]


def check_and_parse(data: Any, *, cache: Any = None) -> tuple[list[Problem], Plan | None]:
    """``check(data)`` and, when it found no errors, the :class:`Plan` (validated once).

    ``cache`` (an :class:`~planner.model.items.ItemCache`) remembers validated items between
    calls: the app passes one so that an edit re-checks only what it changed. Without one, a
    fresh cache still lets the scenarios share the base plan's validated items."""
    from .items import ItemCache

    if cache is None:
        cache = ItemCache()
    cache.begin()
    try:
        return _check_and_parse(data, cache)
    finally:
        cache.end()


def _check_and_parse(data: Any, cache: Any) -> tuple[list[Problem], Plan | None]:
    if not isinstance(data, dict):
        return [Problem((), f"a plan must be a JSON object {{...}}, got {_show(data)}")], None
    version = data.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        # A newer format: the other "problems" would only be its new features.
        return [Problem(("schema_version",), _version_message(version))], None
    problems, plan = _structural(data, cache)
    problems += _references(data)
    from .scenario_checks import range_problems, scenario_problems

    problems = [_scenario_by_id(data, p) for p in problems]
    base_ok = not any(p.severity == "error" for p in problems)
    problems += range_problems(data)
    problems += scenario_problems(data, lambda d: _check_and_parse(d, cache)[0], base_ok)
    problems.sort(key=lambda p: [(0, x, "") if isinstance(x, int) else (1, 0, x) for x in p.loc])
    return problems, None if any(p.severity == "error" for p in problems) else plan


def _scenario_by_id(data: dict, p: Problem) -> Problem:
    """``scenarios[0].overrides[1].value`` -> ``scenarios[bear].overrides[1].value``."""
    loc = p.loc
    if len(loc) > 1 and loc[0] == "scenarios" and isinstance(loc[1], int) and not isinstance(
            loc[1], bool):
        items = data.get("scenarios")
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        sid = item.get("id") if isinstance(item, dict) else None
        if isinstance(sid, str) and sid.strip() and "]" not in sid and len(loc) > 2 and \
                loc[2] != "id":
            return Problem(("scenarios", ItemId(sid), *loc[2:]), p.message, p.severity)
    return p


def parse_plan(data: Any, *, source: str | None = None) -> Plan:
    """A valid :class:`Plan`, or :class:`PlanInvalid` listing every problem."""
    problems, plan = check_and_parse(data)
    if plan is None:
        raise PlanInvalid(problems, source)
    return plan
