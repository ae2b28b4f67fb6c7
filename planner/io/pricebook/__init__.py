"""The price book: read a LiteLLM price file, match the plan's API models to it, report old
and new prices (refusing absurd entries), and apply them to a copy of the plan. No Qt."""

from .book import Matched, PriceReport, Refused, Unmatched, apply, compare
from .matching import KeyMatch, match_key
from .pricefile import (
    MAX_PER_MTOK,
    PriceFile,
    PriceFileError,
    Prices,
    entry_prices,
    per_mtok,
    read_price_file,
)

__all__ = ["Matched", "PriceReport", "Refused", "Unmatched", "apply", "compare", "KeyMatch",
           "match_key", "MAX_PER_MTOK", "PriceFile", "PriceFileError", "Prices", "entry_prices",
           "per_mtok", "read_price_file"]
