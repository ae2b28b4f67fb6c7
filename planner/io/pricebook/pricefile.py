"""Reading a LiteLLM-format price file and sanity-checking one entry's prices.

The format (LiteLLM's ``model_prices_and_context_window.json``): one JSON object keyed by model
name; each entry gives USD per token (``input_cost_per_token``, ``output_cost_per_token``,
``cache_read_input_token_cost``, ...). Entries may lack fields or hold strings; the entry
``sample_spec`` documents the fields and is not a model.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files import read_checked

MAX_BYTES = 50 * 1024 * 1024      # the real file is ~1.5 MB
MAX_PER_MTOK = 1000.0             # dollars per million tokens: anything above is a unit error
SAMPLE = "sample_spec"
INPUT, OUTPUT, CACHED = "input_cost_per_token", "output_cost_per_token", "cache_read_input_token_cost"


class PriceFileError(Exception):
    """A price file that cannot be read; ``str()`` is the message for the user."""


@dataclass(frozen=True)
class PriceFile:
    name: str                          # the file's name, for messages and notes
    date: str | None                   # YYYY-MM-DD: ``last_updated``, else from the name
    entries: Mapping[str, dict[str, Any]]  # model key -> entry (documentation left out)


@dataclass(frozen=True)
class Prices:
    """USD per million tokens. ``cached`` None: not given (billed at the input price)."""

    input: float | None
    output: float | None
    cached: float | None = None


def per_mtok(per_token: float) -> float:
    """Per token -> per million tokens without float noise (1.5e-07 -> 0.15, not 0.15000000000000002)."""
    return float(f"{per_token * 1e6:.10g}")


def _show(v: Any) -> str:
    return f'"{v}"' if isinstance(v, str) else "true" if v is True else "false" if v is False \
        else "null" if v is None else "an object" if isinstance(v, dict) else \
        "a list" if isinstance(v, list) else str(v)


def read_price_file(path: str | os.PathLike[str]) -> PriceFile:
    """The model entries of a LiteLLM price file, or PriceFileError naming the file and the fix."""
    p = Path(path)
    raw = read_checked(p, what="price", max_bytes=MAX_BYTES, error=PriceFileError)
    if not raw.strip():
        raise PriceFileError(f"{p.name}: the file is empty; it should hold a LiteLLM price file")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise PriceFileError(f"{p.name}: not UTF-8 text; is this the right file?") from None
    except json.JSONDecodeError as exc:
        raise PriceFileError(f"{p.name} line {exc.lineno} column {exc.colno}: not valid JSON "
                             f"({exc.msg}); download the price file again") from None
    except RecursionError:
        raise PriceFileError(f"{p.name}: the JSON is nested too deeply to be a price file") from None
    if not isinstance(data, dict):
        raise PriceFileError(
            f"{p.name}: not a LiteLLM price file: it holds {_show(data)}; expected an object keyed "
            'by model name, like {"gpt-4o-mini": {"input_cost_per_token": 1.5e-07, ...}}')
    entries = {k: v for k, v in data.items() if isinstance(v, dict) and k != SAMPLE}
    if not any(INPUT in e or OUTPUT in e for e in entries.values()):
        raise PriceFileError(f"{p.name}: no entry has {INPUT} or {OUTPUT}: not a LiteLLM price file "
                             "(model_prices_and_context_window.json)")
    return PriceFile(name=p.name, date=_date(data.get("last_updated"), p.name), entries=entries)


def _date(last_updated: Any, name: str) -> str | None:
    for text in (last_updated if isinstance(last_updated, str) else "", name):
        found = re.search(r"\d{4}-\d{2}-\d{2}", text)
        if found:
            return found.group()
    return None


def entry_prices(key: str, entry: Mapping[str, Any]) -> Prices | str:
    """The entry's prices per million tokens, or why they are refused (naming key and figure)."""
    values: dict[str, float] = {}
    for label, field in (("input", INPUT), ("output", OUTPUT), ("cached", CACHED)):
        v = entry.get(field)
        if v is None:
            if label == "cached":
                continue
            return f"{key}: the file gives no {field}"
        if isinstance(v, bool) or not isinstance(v, int | float):
            return f"{key}: {field} is {_show(v)}, not a number"
        if not math.isfinite(v):
            return f"{key}: {field} is {v}, not a finite number"
        price = per_mtok(v)
        if price < 0:
            return f"{key}: {field} is negative ({price:g} per million tokens)"
        if price > MAX_PER_MTOK:
            return (f"{key}: {field} {v:g} is ${price:,.0f} per million tokens, above the "
                    f"${MAX_PER_MTOK:,.0f} sanity limit (a unit error in the file?)")
        values[label] = price
    if values.get("cached", 0) > values["input"]:
        return (f"{key}: the cached-input price (${values['cached']:g} per million tokens) is above "
                f"the input price (${values['input']:g})")
    return Prices(values["input"], values["output"], values.get("cached"))
