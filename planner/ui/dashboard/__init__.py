"""The results dashboard: KPI tiles and pyqtgraph charts of an engine Result.

``ResultsPanel`` is the compact, always-visible results dock; ``OverviewPage`` is the
leadership view with large tiles and a grid of charts. Both take ``set_result(result,
currency)`` (``None`` shows an empty state that teaches) and ``set_stale(stale, message)``.
Importing this package imports pyqtgraph (the only other user is the roster page's spans view,
imported when that page is built).
"""

from __future__ import annotations

from .kpis import KPI_KEYS, Kpi, build_kpis
from .overview import OverviewPage
from .panel import ResultsPanel

__all__ = ["ResultsPanel", "OverviewPage", "build_kpis", "Kpi", "KPI_KEYS"]
