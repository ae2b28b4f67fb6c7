"""Reading and checking the three catalog files into one :class:`Catalog`."""

from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .paths import catalog_dir
from .schema import file_problems

MAX_BYTES = 5 * 1024 * 1024


class CatalogError(Exception):
    """A catalog file that cannot be used; ``str()`` lists every problem, one per line."""


@dataclass(frozen=True)
class Catalog:
    """The evidence catalog: plain JSON data, checked. Treat the dicts as read-only."""

    folder: Path
    functions: tuple[dict[str, Any], ...]
    templates: tuple[dict[str, Any], ...]
    api_models: tuple[dict[str, Any], ...]
    tiers: tuple[dict[str, Any], ...]
    self_hosted: tuple[dict[str, Any], ...]
    gpus: tuple[dict[str, Any], ...]
    price_file: dict[str, Any]


def read_catalog_file(path: str | os.PathLike[str], name: str) -> dict[str, Any]:
    """One catalog file's data (``name``: workflows, models or gpus), or CatalogError."""
    from ..io.files import read_checked

    p = Path(path)
    raw = read_checked(p, what="catalog", max_bytes=MAX_BYTES, error=CatalogError)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CatalogError(f"{p}: not UTF-8 text; save the file as UTF-8") from None
    except json.JSONDecodeError as exc:
        raise CatalogError(f"{p} line {exc.lineno} column {exc.colno}: not valid JSON "
                           f"({exc.msg}); fix the file in a text editor") from None
    found = file_problems(name, data)
    if found:
        raise CatalogError("\n".join(f"{p}: {msg}" for msg in found))
    return data


def load_catalog(folder: str | os.PathLike[str] | None = None) -> Catalog:
    """The catalog in ``folder`` (default: the bundled ``resources/catalog``)."""
    return _load(str(Path(folder) if folder is not None else catalog_dir()))


@functools.lru_cache(maxsize=4)
def _load(folder: str) -> Catalog:
    # The bundled files do not change while the app runs, so one read serves every lookup.
    base = Path(folder)
    wf = read_catalog_file(base / "workflows.json", "workflows")
    models = read_catalog_file(base / "models.json", "models")
    gpus = read_catalog_file(base / "gpus.json", "gpus")
    gpu_ids = {g["id"] for g in gpus["gpus"]}
    missing = [f"{base / 'models.json'}: self_hosted[{m['id']}].gpu: \"{m['gpu']}\" is not in "
               f"gpus.json; use one of {', '.join(sorted(gpu_ids))}"
               for m in models["self_hosted"] if m["gpu"] not in gpu_ids]
    if missing:
        raise CatalogError("\n".join(missing))
    return Catalog(folder=base, functions=tuple(wf["functions"]), templates=tuple(wf["templates"]),
                   api_models=tuple(models["api_models"]), tiers=tuple(models["tiers"]),
                   self_hosted=tuple(models["self_hosted"]), gpus=tuple(gpus["gpus"]),
                   price_file=models["price_file"])
