"""Older plan files, brought to the current schema version on reading.

Version 1 -> 2 (MODEL.md section 0): every new key has a default, so a version 1 plan
means the same as version 2 data with only ``schema_version`` changed. The file on disk
is untouched until the user saves; it is then written as version 2.
"""

from __future__ import annotations

from typing import Any

from .fields import SCHEMA_VERSION


def migrate(data: Any) -> Any:
    """``data`` at the current version (a new dict when it changed; the same object if not).

    Data that is not a plan, or of a version this one cannot read, is returned as it is:
    validation reports it.
    """
    if not isinstance(data, dict):
        return data
    version = data.get("schema_version")
    if isinstance(version, bool) or version != 1:
        return data
    return {k: (SCHEMA_VERSION if k == "schema_version" else v) for k, v in data.items()}
