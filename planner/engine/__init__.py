"""The calculation engine (MODEL.md sections 2-5). No Qt.

``compute(plan) -> Result`` for one plan; ``prepare(plan) -> Inputs`` and
``run(inputs) -> Raw`` for batches (draws, scenarios) that vary some inputs at once.
"""

from .formulas import ceil_star
from .inputs import Inputs, prepare
from .kernel import Raw, run
from .result import MONTHLY_KEYS, TEAM_KEYS, YEAR_KEYS, Result, compute, month_labels

__all__ = ["compute", "prepare", "run", "Inputs", "Raw", "ceil_star", "Result", "MONTHLY_KEYS",
           "YEAR_KEYS", "TEAM_KEYS", "month_labels"]
