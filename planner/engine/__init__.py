"""The calculation engine: ``compute(plan) -> Result`` (MODEL.md sections 2-5). No Qt."""

from .compute import ceil_star, compute
from .result import MONTHLY_KEYS, TEAM_KEYS, YEAR_KEYS, Result, month_labels

__all__ = ["compute", "ceil_star", "Result", "MONTHLY_KEYS", "YEAR_KEYS", "TEAM_KEYS", "month_labels"]
