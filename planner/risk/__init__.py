"""How sure we are (MODEL.md sections 6-7): scenarios side by side, Monte Carlo over the
plan's ranges, the tornado, the four bets stressed and break-even values. No Qt.

``analyse(data)`` runs everything on a plan (or one of its scenarios) through the batch
kernel; ``compare(data)`` computes every scenario.
"""

from .analyses import BETS, LEVERS, METRICS, Cancelled, MonteCarlo, percentile
from .compare import ScenarioResult, compare
from .report import RiskReport, analyse

__all__ = ["analyse", "compare", "RiskReport", "ScenarioResult", "MonteCarlo", "Cancelled",
           "BETS", "LEVERS", "METRICS", "percentile"]
