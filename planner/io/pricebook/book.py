"""Comparing a plan's API model prices with a price file, and applying the new prices.

Pure functions over plan JSON data: :func:`compare` reads, :func:`apply` returns a new plan
and never changes its input (the app applies it as one undo step).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from .matching import KeyMatch, match_key
from .pricefile import INPUT, PriceFile, Prices, entry_prices, per_mtok

_CHAT_MODES = (None, "chat", "responses", "completion")
_STAMP = re.compile(r"(?:;\s*)?prices from LiteLLM file [^;]*")


@dataclass(frozen=True)
class Matched:
    model: str                 # the plan model's id
    key: str                   # the price-file key that priced it
    how: str                   # exact, prefix or provider
    old: Prices
    new: Prices
    notes: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return (self.new.input, self.new.output) != (self.old.input, self.old.output) or \
            (self.new.cached is not None and self.new.cached != self.old.cached)


@dataclass(frozen=True)
class Unmatched:
    model: str
    reason: str


@dataclass(frozen=True)
class Refused:
    model: str
    key: str
    reason: str                # names the key and the figure


@dataclass(frozen=True)
class PriceReport:
    file: str
    date: str | None
    matched: tuple[Matched, ...]
    unmatched: tuple[Unmatched, ...]
    refused: tuple[Refused, ...]

    def to_json(self) -> dict[str, Any]:
        def one(m: Matched) -> dict[str, Any]:
            return {**asdict(m), "notes": list(m.notes), "changed": m.changed}
        return {"file": self.file, "date": self.date, "matched": [one(m) for m in self.matched],
                "unmatched": [asdict(u) for u in self.unmatched],
                "refused": [asdict(r) for r in self.refused]}


def _number(v: Any) -> float | None:
    return v if isinstance(v, int | float) and not isinstance(v, bool) else None


def _plan_api_models(data: Any) -> list[dict[str, Any]]:
    """The plan's API models with an id, first of each id (a broken plan is read as far as it goes)."""
    models = data.get("models") if isinstance(data, dict) else None
    out, seen = [], set()
    for m in models if isinstance(models, list) else []:
        if isinstance(m, dict) and m.get("hosting") == "api" and isinstance(m.get("id"), str) \
                and m["id"] not in seen:
            seen.add(m["id"])
            out.append(m)
    return out


def compare(data: Any, prices: PriceFile) -> PriceReport:
    """Match every API model of the plan to a price-file entry and compare their prices."""
    matched, unmatched, refused = [], [], []
    for model in _plan_api_models(data):
        found = match_key(model["id"], prices.entries)
        if isinstance(found, str):
            unmatched.append(Unmatched(model["id"], found))
            continue
        entry = prices.entries[found.key]
        new = entry_prices(found.key, entry)
        if isinstance(new, str):
            refused.append(Refused(model["id"], found.key, new))
            continue
        old = Prices(_number(model.get("input_per_mtok")), _number(model.get("output_per_mtok")),
                     _number(model.get("cached_input_per_mtok")))
        matched.append(Matched(model["id"], found.key, found.how, old, new,
                               tuple(_notes(found, entry, old, new))))
    return PriceReport(prices.name, prices.date, tuple(matched), tuple(unmatched), tuple(refused))


def _notes(found: KeyMatch, entry: Mapping[str, Any], old: Prices, new: Prices) -> list[str]:
    """What the user should know about a match: assumptions and prices not applied."""
    notes = [f"matched by {found.how}: {found.detail}; check it is the same model"] \
        if found.how != "exact" else []
    if entry.get("mode") not in _CHAT_MODES:
        notes.append(f"the file lists {found.key} with mode \"{entry['mode']}\", not chat")
    if new.cached is None:
        notes.append(f"the file gives no cached-input price: the plan's {old.cached:g} is kept"
                     if old.cached is not None else
                     "the file gives no cached-input price: cached input is billed at the input price")
        if old.cached is not None and new.input is not None and old.cached > new.input:
            notes.append("the kept cached price is above the new input price: check it")
    base = new.input or 0.0
    write = _number(entry.get("cache_creation_input_token_cost"))
    if write:
        ratio = f" ({per_mtok(write) / base:.3g}x input)" if base else ""
        notes.append(f"cache writes cost {per_mtok(write):g} per Mtok{ratio} in the file: not "
                     "applied; caching stays explicit (cached_share)")
    batch_in = _number(entry.get(f"{INPUT}_batches"))
    batch_out = _number(entry.get("output_cost_per_token_batches"))
    if batch_in is not None and batch_out is not None:
        off = f" ({1 - per_mtok(batch_in) / base:.0%} off)" if base else ""
        notes.append(f"batch prices {per_mtok(batch_in):g}/{per_mtok(batch_out):g} per Mtok{off} "
                     "in the file: not applied")
    for field, value in entry.items():
        tier = re.fullmatch(rf"{INPUT}_above_(\d+k)_tokens", field)
        if tier and _number(value) is not None:
            notes.append(f"input beyond {tier.group(1)} tokens of context costs "
                         f"{per_mtok(value):g} per Mtok in the file: not applied")
    return notes


def apply(data: dict[str, Any], report: PriceReport) -> dict[str, Any]:
    """A copy of ``data`` with the report's changed prices set and each updated model's note
    extended with where they came from. ``data`` is not changed."""
    new = copy.deepcopy(data)
    pending = {m.model: m for m in report.matched if m.changed}
    stamp = f"prices from LiteLLM file {report.file}" + (f", {report.date}" if report.date else "")
    for model in _plan_api_models(new):
        match = pending.pop(model["id"], None)
        if match is None:
            continue
        model["input_per_mtok"] = match.new.input
        model["output_per_mtok"] = match.new.output
        if match.new.cached is not None:
            model["cached_input_per_mtok"] = match.new.cached
        note = model.get("note")
        kept = _STAMP.sub("", note).strip() if isinstance(note, str) else ""
        model["note"] = f"{kept}; {stamp}" if kept else stamp
    return new
