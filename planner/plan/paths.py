"""Paths that name values in a plan (MODEL.md section 6), and where they lead in plan data.

``settings.KEY``; ``teams[ID].KEY``, ``teams[ID].ai_seats.KEY``, ``teams[ID].roles[NAME].KEY``;
``workflows[ID].KEY``, ``workflows[ID].ai.KEY``, ``workflows[ID].compute.KEY``;
``models[ID].KEY``; ``gpus[ID].KEY``. A bracket holds an id whole (ids may contain dots);
``[*]`` matches every item to which the key applies, written or defaulted. Paths name
leaves only. Pure functions over JSON-like plan data; no Qt, no pydantic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import fields as F
from .edits import get_in

ANY = "*"
COLLECTIONS = {"teams": "team", "workflows": "workflow", "models": "model", "gpus": "gpu"}
BLOCKS = {"teams": ("ai_seats",), "workflows": ("ai", "compute")}
# Keys whose empty value means "follow another value": a range or a scale uses that value.
FOLLOWS = {
    ("workflow", "volume_growth_per_year"): ("settings", "volume_growth_per_year"),
    ("model", "price_decline_per_year"): ("settings", "price_decline_per_year"),
    ("model", "throughput_gain_per_year"): ("settings", "throughput_gain_per_year"),
    ("model", "cached_input_per_mtok"): ("item", "input_per_mtok"),
}

_ITEM = re.compile(
    r"^(?P<coll>teams|workflows|models|gpus)\[(?P<id>[^\]]*)\]"
    r"(?:\.roles\[(?P<role>[^\]]*)\])?"
    r"(?:\.(?P<block>ai_seats|ai|compute))?"
    r"\.(?P<key>[A-Za-z_][A-Za-z0-9_]*)$")
_SETTING = re.compile(r"^settings\.(?P<key>[A-Za-z_][A-Za-z0-9_]*)$")


class PathError(ValueError):
    """A path that cannot be read or matches nothing; the message says why and how to fix it."""


@dataclass(frozen=True)
class PlanPath:
    """A parsed path. ``obj`` is the registry object of the leaf (``ai``, ``role``...)."""

    text: str
    collection: str | None      # "teams", "workflows", "models", "gpus"; None for settings
    item: str | None            # an id or "*"
    role: str | None            # a role name or "*" (teams only)
    block: str | None           # "ai", "compute", "ai_seats"
    key: str

    @property
    def obj(self) -> str:
        if self.collection is None:
            return "settings"
        if self.role is not None:
            return "role"
        if self.block is not None:
            return self.block
        return COLLECTIONS[self.collection]

    @property
    def spec(self) -> F.Spec:
        return F.spec(self.obj, self.key)

    @property
    def wildcard(self) -> bool:
        return self.item == ANY or self.role == ANY

    def with_item(self, new_id: str) -> str:
        """The text of this path naming ``new_id`` instead of its item (for renames)."""
        return format_path(self.collection, new_id, self.role, self.block, self.key)


def format_path(collection: str | None, item: str | None, role: str | None, block: str | None,
                key: str) -> str:
    if collection is None:
        return f"settings.{key}"
    out = f"{collection}[{item}]"
    if role is not None:
        out += f".roles[{role}]"
    if block is not None:
        out += f".{block}"
    return f"{out}.{key}"


def parse(text: Any) -> PlanPath:
    """A :class:`PlanPath`, or :class:`PathError` saying what is wrong with it."""
    if not isinstance(text, str):
        raise PathError("a path must be text such as \"workflows[tickets].ai.adoption\"")
    t = text.strip()
    m = _SETTING.match(t)
    if m:
        p = PlanPath(t, None, None, None, None, m["key"])
    else:
        m = _ITEM.match(t)
        if not m:
            raise PathError(
                f'"{t}" is not a path: write settings.KEY, teams[ID].KEY, '
                "teams[ID].roles[NAME].KEY, teams[ID].ai_seats.KEY, workflows[ID].KEY, "
                "workflows[ID].ai.KEY, workflows[ID].compute.KEY, models[ID].KEY or gpus[ID].KEY")
        coll, block, role = m["coll"], m["block"], m["role"]
        if role is not None and coll != "teams":
            raise PathError(f'"{t}": only teams have roles[NAME]')
        if role is not None and block is not None:
            raise PathError(f'"{t}": a role has no .{block}')
        if block is not None and block not in BLOCKS.get(coll, ()):
            raise PathError(f'"{t}": {coll} have no .{block} block')
        if not m["id"].strip():
            raise PathError(f'"{t}": the brackets are empty; put an id or * in them')
        p = PlanPath(t, coll, m["id"], role, block, m["key"])
    spec = F.find(p.obj, p.key)
    if spec is None or spec.key == "note":
        known = sorted(s.key for s in F.of(p.obj) if s.kind in ("number", "whole", "choice"))
        raise PathError(f'"{t}": {p.obj.replace("_", " ")} has no value "{p.key}" that can be '
                        f"changed (it has: {', '.join(known)})")
    if spec.kind not in ("number", "whole", "choice"):
        raise PathError(f'"{t}": "{p.key}" is {spec.kind} text, not a value a scenario or a '
                        "range can change")
    return p


@dataclass(frozen=True)
class Match:
    """One value a path leads to: its place in the data (list indexes) and what it holds."""

    loc: tuple[str | int, ...]
    value: Any                   # the written value, or the default when absent (None: null)
    written: bool


def _kind_of(item: dict, coll: str) -> str | None:
    tag = F.KIND_TAG.get(COLLECTIONS[coll])
    return item.get(tag) if tag else None


def _applies(spec: F.Spec, item: dict, coll: str) -> bool:
    return spec.only is None or _kind_of(item, coll) in spec.only


def resolve(path: PlanPath | str, data: Any) -> list[Match]:
    """Every value ``path`` names in ``data``; :class:`PathError` when it names none."""
    p = parse(path) if isinstance(path, str) else path
    spec = p.spec
    if not isinstance(data, dict):
        raise PathError("the plan is not an object")
    if p.collection is None:
        settings = data.get("settings") if isinstance(data.get("settings"), dict) else {}
        written = p.key in settings
        return [Match(("settings", p.key), settings.get(p.key, spec.default_value()), written)]
    items = data.get(p.collection)
    items = items if isinstance(items, list) else []
    out: list[Match] = []
    found_item = False
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        if p.item != ANY and item.get("id") != p.item:
            continue
        found_item = True
        if not _applies(spec, item, p.collection):
            if p.item != ANY:
                kind = _kind_of(item, p.collection)
                raise PathError(f'"{p.text}": {p.collection[:-1]} "{p.item}" is {kind}, and '
                                f'"{p.key}" is only for {" or ".join(spec.only or ())}')
            continue
        if p.role is not None:
            roles = item.get("roles") if isinstance(item.get("roles"), list) else []
            for j, role in enumerate(roles):
                if isinstance(role, dict) and (p.role == ANY or role.get("name") == p.role):
                    out.append(_leaf(("teams", i, "roles", j), role, p.key, spec))
            continue
        if p.block is not None:
            block = item.get(p.block)
            if not isinstance(block, dict):
                if p.item != ANY:
                    raise PathError(f'"{p.text}": {p.collection[:-1]} "{p.item}" has no '
                                    f"{p.block} block")
                continue
            out.append(_leaf((p.collection, i, p.block), block, p.key, spec))
            continue
        out.append(_leaf((p.collection, i), item, p.key, spec))
    if not out:
        what = p.collection[:-1]
        if p.item != ANY and not found_item:
            ids = [x.get("id") for x in items if isinstance(x, dict) and isinstance(x.get("id"), str)]
            raise PathError(f'"{p.text}": no {what} with id "{p.item}"{_suggest(p.item, ids)}')
        if p.role is not None:
            raise PathError(f'"{p.text}": no role named "{p.role}" there')
        raise PathError(f'"{p.text}" matches nothing: no {what} has this value')
    return out


def _leaf(prefix: tuple, obj: dict, key: str, spec: F.Spec) -> Match:
    written = key in obj
    return Match((*prefix, key), obj.get(key, spec.default_value()), written)


def _suggest(word: str, choices: list[str]) -> str:
    import difflib

    m = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f' (did you mean "{m[0]}"?)' if m else ""


def effective(match: Match, path: PlanPath, data: dict) -> Any:
    """The value in force: a value that follows another (the plan's growth, the input price)
    when it is empty, else the value itself."""
    if match.value is not None:
        return match.value
    follows = FOLLOWS.get((path.obj, path.key))
    if follows is None:
        return None
    where, key = follows
    if where == "settings":
        settings = data.get("settings") if isinstance(data.get("settings"), dict) else {}
        return settings.get(key, F.spec("settings", key).default_value())
    item = data
    for step in match.loc[:-1]:
        item = item[step]
    return item.get(key) if isinstance(item, dict) else None


def rename_id(text: str, collection: str, old: str, new: str, *, team: str | None = None) -> str:
    """``text`` with the item ``old`` of ``collection`` renamed ``new`` (unchanged otherwise).

    For teams' roles, ``collection`` is ``"roles"``, ``old``/``new`` are role names and
    ``team`` (when given) the team whose role was renamed (other teams' paths stay).
    """
    try:
        p = parse(text)
    except PathError:
        return text
    if collection == "roles":
        if p.role == old and (team is None or p.item == team):
            return format_path(p.collection, p.item, new, p.block, p.key)
        return text
    if p.collection == collection and p.item == old:
        return p.with_item(new)
    return text


def names_item(text: str, collection: str, item_id: str) -> bool:
    """True when ``text`` names the item ``item_id`` of ``collection`` by its id."""
    try:
        p = parse(text)
    except PathError:
        return False
    return p.collection == collection and p.item == item_id


def describe(data: Any, loc: tuple) -> str:
    """A place in plan data written with ids instead of list indexes
    (``("workflows", 4, "ai", "adoption")`` -> ``workflows[tickets].ai.adoption``)."""
    out = ""
    node = data
    for i, step in enumerate(loc):
        if isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
            item = node[step]
            parent = loc[i - 1] if i else None
            name_key = "name" if parent == "roles" else "id"
            label = item.get(name_key) if isinstance(item, dict) else None
            out += f"[{label}]" if isinstance(label, str) and "]" not in label else f"[{step}]"
            node = item
            continue
        out += f".{step}" if out else str(step)
        node = node.get(step) if isinstance(node, dict) else None
    return out


_WHERE = {"teams": "Teams", "workflows": "Workflows", "models": "Models", "gpus": "GPUs",
          "settings": "Settings"}


def place_words(data: Any, loc: tuple) -> str:
    """A place as people read it: ``Workflows › Answer tickets › ai adoption`` for
    ``("workflows", 0, "ai", "adoption")`` (names for teams and workflows, ids for models and
    GPUs). The app's Problems list, the brief and the workbook's evidence lines share it."""
    if not loc:
        return "Plan"
    head = loc[0]
    parts = [_WHERE.get(str(head), "Plan")]
    rest = list(loc[1:]) if head in _WHERE else list(loc)

    if head in ("teams", "workflows", "models", "gpus") and rest and isinstance(rest[0], int):
        item = get_in(data, (head, rest[0]), None)
        label = None
        if isinstance(item, dict):
            label = item.get("name") if head in ("teams", "workflows") else item.get("id")
        parts.append(str(label) if isinstance(label, str) and label else f"row {rest[0] + 1}")
        rest = rest[1:]
        if rest[:1] == ["roles"] and len(rest) > 1 and isinstance(rest[1], int):
            role = get_in(data, (head, loc[1], "roles", rest[1]), None)
            name = role.get("name") if isinstance(role, dict) else None
            parts.append(f"role {name}" if isinstance(name, str) and name else f"role {rest[1] + 1}")
            rest = rest[2:]
    # a workflow's "ai" and "compute" blocks are groups, not words a reader needs
    words = [str(p).replace("_", " ") for p in rest
             if isinstance(p, str) and not (head == "workflows" and p in ("ai", "compute"))]
    if words:
        parts.append(" ".join(words))
    return " › ".join(parts)
