"""Finding entries in the bundled catalog. Every function returns copies: change them freely."""

from __future__ import annotations

import copy
import re
from typing import Any

from .loader import Catalog, load_catalog

Entry = dict[str, Any]
# What may follow a model name in a dated or versioned id: -20251001, -2026-03-05, @20240307, -v1:0
_VERSION_SUFFIX = re.compile(r"[-@](\d{8}|\d{4}-\d{2}-\d{2}|latest|v\d[\w:.]*)$")


def _copies(items: tuple[Entry, ...]) -> list[Entry]:
    return copy.deepcopy(list(items))


def _by_id(items: tuple[Entry, ...], ident: str, what: str) -> Entry:
    for item in items:
        if item["id"] == ident:
            return copy.deepcopy(item)
    raise KeyError(f'no {what} "{ident}" in the catalog; the {what}s are '
                   f"{', '.join(i['id'] for i in items)}")


def workflow_templates(catalog: Catalog | None = None) -> list[Entry]:
    return _copies((catalog or load_catalog()).templates)


def functions(catalog: Catalog | None = None) -> list[Entry]:
    """The business functions, each with ``max_time_saved``: the most the cited studies
    measured for that kind of work (for warnings about optimistic plans)."""
    return _copies((catalog or load_catalog()).functions)


def api_models(catalog: Catalog | None = None) -> list[Entry]:
    return _copies((catalog or load_catalog()).api_models)


def tiers(catalog: Catalog | None = None) -> list[Entry]:
    return _copies((catalog or load_catalog()).tiers)


def self_hosted_models(catalog: Catalog | None = None) -> list[Entry]:
    return _copies((catalog or load_catalog()).self_hosted)


def gpus(catalog: Catalog | None = None) -> list[Entry]:
    return _copies((catalog or load_catalog()).gpus)


def template(ident: str, catalog: Catalog | None = None) -> Entry:
    return _by_id((catalog or load_catalog()).templates, ident, "workflow template")


def api_model(ident: str, catalog: Catalog | None = None) -> Entry:
    return _by_id((catalog or load_catalog()).api_models, ident, "API model")


def self_hosted_model(ident: str, catalog: Catalog | None = None) -> Entry:
    return _by_id((catalog or load_catalog()).self_hosted, ident, "self-hosted model")


def gpu(ident: str, catalog: Catalog | None = None) -> Entry:
    return _by_id((catalog or load_catalog()).gpus, ident, "GPU")


def find_templates(query: str, catalog: Catalog | None = None) -> list[Entry]:
    """Templates whose name, function or unit contain every word of ``query`` (any case)."""
    cat = catalog or load_catalog()
    names = {f["id"]: f["name"] for f in cat.functions}
    words = query.casefold().split()
    found = []
    for t in cat.templates:
        hay = " ".join((t["name"], t["function"], names.get(t["function"], ""), t["unit"])).casefold()
        if all(w in hay for w in words):
            found.append(copy.deepcopy(t))
    return found


def tier_for(model_id: str, catalog: Catalog | None = None) -> Entry | None:
    """The price tier (family of successive models) a model id belongs to, or None.

    Matches a member's name or price-file key exactly, or followed by a date or version
    (``claude-haiku-4-5-20251001``); ``gpt-5.4-nano`` is not ``gpt-5.4``."""
    cat = catalog or load_catalog()
    best: tuple[int, Entry] | None = None
    for t in cat.tiers:
        for m in t["members"]:
            for name in (m["model"], m["file_key"]):
                if model_id == name:
                    return copy.deepcopy(t)
                if model_id.startswith(name) and _VERSION_SUFFIX.match(model_id[len(name):]) \
                        and (best is None or len(name) > best[0]):
                    best = (len(name), t)
    return copy.deepcopy(best[1]) if best else None
