"""Pure edits of plan data addressed by path, e.g. ``("workflows", 3, "ai", "adoption")``.

No Qt here. Every function returns a *new* root and never mutates its input: containers on
the path are copied (structural sharing), everything else is shared. So a snapshot of the
data is just a reference, safe to hand to a worker thread, and an old value kept for undo
never changes under it.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

Path = tuple[str | int, ...]


class _Missing:
    """A key that is absent (setting it deletes the key)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False

    def __deepcopy__(self, memo: dict) -> _Missing:
        return self


MISSING: Any = _Missing()


class EditError(ValueError):
    """A path that does not lead anywhere in the data."""


def get_in(data: Any, path: Sequence[str | int], default: Any = MISSING) -> Any:
    """The value at ``path``, or ``default`` when any step is absent or of the wrong kind."""
    node = data
    for step in path:
        if isinstance(step, int) and not isinstance(step, bool):
            if not isinstance(node, list) or not -len(node) <= step < len(node):
                return default
        elif not isinstance(node, dict) or step not in node:
            return default
        node = node[step]
    return node


def key_index(data: Any, path: Sequence[str | int]) -> int | None:
    """Position of the last key of ``path`` in its parent object (None when absent)."""
    parent = get_in(data, path[:-1])
    if isinstance(parent, dict) and path and path[-1] in parent:
        return list(parent).index(path[-1])
    return None


def _replace(container: Any, step: str | int, value: Any, index: int | None) -> Any:
    if isinstance(container, list):
        if not isinstance(step, int) or not -len(container) <= step < len(container):
            raise EditError(f"no item {step!r} in a list of {len(container)}")
        out = list(container)
        if value is MISSING:
            raise EditError("use remove_in to delete a list item")
        out[step] = value
        return out
    if not isinstance(container, dict):
        raise EditError(f"cannot set {step!r} inside {type(container).__name__}")
    if value is MISSING:
        return {k: v for k, v in container.items() if k != step}
    if step in container or index is None or index >= len(container):
        out = dict(container)
        out[step] = value
        return out
    items = list(container.items())
    items.insert(index, (step, value))
    return dict(items)


def _update(data: Any, path: Sequence[str | int], fn) -> Any:
    if not path:
        return fn(data)
    step = path[0]
    if isinstance(data, dict):
        if step not in data:
            raise EditError(f"no key {step!r}")
        child = data[step]
    elif isinstance(data, list) and isinstance(step, int) and -len(data) <= step < len(data):
        child = data[step]
    else:
        raise EditError(f"no {step!r} in {type(data).__name__}")
    return _replace(data, step, _update(child, path[1:], fn), None)


def set_in(data: Any, path: Sequence[str | int], value: Any, *, index: int | None = None) -> Any:
    """A new root with ``value`` at ``path``; ``MISSING`` deletes the key.

    A key that is added goes at the end of its object, or at ``index`` (used by undo to put
    a deleted key back where it was, so that undo restores the data byte for byte).
    """
    if not path:
        return value
    return _update(data, path[:-1], lambda parent: _replace(parent, path[-1], value, index))


def insert_in(data: Any, list_path: Sequence[str | int], index: int, item: Any) -> Any:
    def ins(lst: Any) -> Any:
        if not isinstance(lst, list):
            raise EditError("not a list")
        out = list(lst)
        out.insert(index, item)
        return out

    return _update(data, list_path, ins)


def remove_in(data: Any, list_path: Sequence[str | int], index: int) -> Any:
    def rem(lst: Any) -> Any:
        if not isinstance(lst, list) or not 0 <= index < len(lst):
            raise EditError(f"no item {index} to remove")
        return lst[:index] + lst[index + 1:]

    return _update(data, list_path, rem)


def move_in(data: Any, list_path: Sequence[str | int], src: int, dst: int) -> Any:
    """Move item ``src`` so that it ends up at index ``dst``."""
    def mv(lst: Any) -> Any:
        if not isinstance(lst, list) or not 0 <= src < len(lst) or not 0 <= dst < len(lst):
            raise EditError("no such item to move")
        out = list(lst)
        out.insert(dst, out.pop(src))
        return out

    return _update(data, list_path, mv)


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is free."""
    base = base.strip() or "item"
    if base not in taken:
        return base
    stem = base
    tail = stem.rsplit("-", 1)
    if len(tail) == 2 and tail[1].isdigit():
        stem = tail[0]
    n = 2
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


def clone(value: Any) -> Any:
    """A deep copy (values entering the document are never shared with the caller)."""
    return copy.deepcopy(value)
