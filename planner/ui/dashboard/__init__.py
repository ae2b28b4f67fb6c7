"""The results dashboard: KPI tiles and pyqtgraph charts of an engine Result.

``ResultsPanel`` is the compact, always-visible results dock; ``OverviewPage`` is the
leadership view with large tiles and a grid of charts. Both take ``set_result(result,
currency)`` (``None`` shows an empty state that teaches) and ``set_stale(stale, message)``.
Importing this package imports pyqtgraph; nothing outside it should.
"""

from __future__ import annotations

from ._refguard import keep_singletons_alive

keep_singletons_alive()  # before any painting: see _refguard

from .kpis import KPI_KEYS, Kpi, build_kpis  # noqa: E402
from .overview import OverviewPage  # noqa: E402
from .panel import ResultsPanel  # noqa: E402

__all__ = ["ResultsPanel", "OverviewPage", "build_kpis", "Kpi", "KPI_KEYS"]
