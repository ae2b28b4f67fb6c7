"""API or self-host? The monthly cost of serving a plan's tokens on each API model and each
self-hosted fleet, as a function of volume, the crossovers and a verdict in words. No Qt.

``analyse(plan)`` for a whole plan; :class:`ApiOption`, :class:`FleetOption` and
:func:`crossover` for one comparison.
"""

from .crossover import Crossover, crossover
from .options import ApiOption, FleetOption, Mix
from .report import PRICES, HostingReport, WorkloadReport, analyse, grid
from .workloads import (
    Workload,
    catalog_api_options,
    catalog_fleet_options,
    plan_api_options,
    plan_fleet_options,
    workload,
    workloads,
)

__all__ = ["analyse", "grid", "crossover", "Crossover", "ApiOption", "FleetOption", "Mix",
           "HostingReport", "WorkloadReport", "PRICES", "Workload", "workload", "workloads",
           "plan_api_options", "plan_fleet_options", "catalog_api_options",
           "catalog_fleet_options"]
