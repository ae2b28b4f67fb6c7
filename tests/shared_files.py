"""Shared reference files the catalog and price book tests read: the shared copy beside the
checkout when present (the one the team edits), else the copy kept with the tests."""

from __future__ import annotations

from conftest import ROOT, SHARED

DATA = ROOT / "tests" / "data"
EVIDENCE_COPY = DATA / "evidence" / "EVIDENCE.md"
EVIDENCE_SHARED = SHARED / "design" / "EVIDENCE.md"
EVIDENCE_MD = EVIDENCE_SHARED if EVIDENCE_SHARED.exists() else EVIDENCE_COPY

PRICE_FILE_NAME = "litellm_model_prices_2026-07-24.json"
PRICE_FILE = SHARED / "data" / "prices" / PRICE_FILE_NAME  # the real 1.5 MB file; may be absent
PRICE_SUBSET = DATA / "prices" / "litellm_subset_2026-07-24.json"


def evidence_text() -> str:
    """EVIDENCE.md with runs of whitespace as one space (its table cells wrap lines)."""
    return " ".join(EVIDENCE_MD.read_text(encoding="utf-8").split())


def price_entries() -> dict:
    """The LiteLLM entries the catalog was built from: the real file, else the subset."""
    import json

    path = PRICE_FILE if PRICE_FILE.exists() else PRICE_SUBSET
    return json.loads(path.read_text(encoding="utf-8"))
