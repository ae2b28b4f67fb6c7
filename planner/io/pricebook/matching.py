"""Which price-file key prices a plan's model id.

In order: the exact key; the longest bare key (no provider prefix) the id starts with (a dated
id such as ``claude-haiku-4-5-20251001`` -> ``claude-haiku-4-5``); a provider-prefixed id
(``openai/gpt-4o-mini``) as its bare key of that provider; and only then the keys with a
provider prefix (``azure/...``, ``together_ai/openai/...``). Several providers pricing the same
model differently is ambiguous: the id must name one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .pricefile import entry_prices

NO_MATCH = ("no key in the file matches this id: the model's id must be the file's name for it "
            "(such as gpt-5-mini or claude-haiku-4-5); rename the model on the Compute page (its "
            "workflows follow), then import again")

# What may follow a key in a longer id: -20251001, @20240307, :0
_SEPARATORS = "-@:"


@dataclass(frozen=True)
class KeyMatch:
    key: str
    how: str          # "exact", "prefix" or "provider"
    detail: str = ""  # for the notes: what the match assumed


def _longest_prefix(model_id: str, keys) -> str | None:
    best = None
    for key in keys:
        if len(model_id) > len(key) and model_id.startswith(key) \
                and model_id[len(key)] in _SEPARATORS and (best is None or len(key) > len(best)):
            best = key
    return best


def _price_text(key: str, entry: Mapping[str, Any]) -> str:
    prices = entry_prices(key, entry)
    return "refused" if isinstance(prices, str) else f"{prices.input:g}/{prices.output:g}"


def match_key(model_id: str, entries: Mapping[str, Mapping[str, Any]]) -> KeyMatch | str:
    """The key that prices ``model_id``, or why none does (a sentence for the user)."""
    if model_id in entries:
        return KeyMatch(model_id, "exact")
    bare = [k for k in entries if "/" not in k]
    key = _longest_prefix(model_id, bare)
    if key:
        return KeyMatch(key, "prefix", f"the id adds '{model_id[len(key):]}' to {key}")
    if "/" in model_id:
        provider, rest = model_id.split("/", 1)
        key = rest if rest in entries else _longest_prefix(rest, bare)
        if key and str(entries[key].get("litellm_provider", "")).startswith(provider):
            return KeyMatch(key, "provider", f"the file lists {provider}'s model as {key}")
    prefixed = [k for k in entries if "/" in k]
    key = _longest_prefix(model_id, prefixed)
    if key:
        return KeyMatch(key, "prefix", f"the id adds '{model_id[len(key):]}' to {key}")
    by_tail: dict[str, list[str]] = {}
    for k in prefixed:
        tail = k.rsplit("/", 1)[1]
        if tail == model_id or _longest_prefix(model_id, [tail]):
            by_tail.setdefault(tail, []).append(k)
    if not by_tail:
        return NO_MATCH
    candidates = sorted(by_tail[max(by_tail, key=len)])
    prices = {k: _price_text(k, entries[k]) for k in candidates}
    if len(set(prices.values())) == 1:
        others = f" (and {len(candidates) - 1} other provider keys at the same price)" \
            if len(candidates) > 1 else ""
        return KeyMatch(candidates[0], "provider", f"listed under a provider prefix{others}")
    shown = ", ".join(f"{k} {p}" for k, p in list(prices.items())[:4])
    more = f" and {len(candidates) - 4} more" if len(candidates) > 4 else ""
    return (f"{len(candidates)} provider keys price it differently ({shown}{more}); rename the "
            "model (and its workflows' compute.model) to the key you buy from")
