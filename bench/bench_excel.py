"""Excel export of the 10,000-team / 50,000-workflow / 36-month bench plan.

Prints seconds for the live-formula workbook and the ``--values`` workbook, and the ratio
against ``pandas.DataFrame.to_excel`` (openpyxl engine) writing the same tables unformatted.
Target: ``--values`` within 1.5x of that baseline.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path


def _baseline_frames(plan, figs) -> dict:
    """The workbook's tables as plain DataFrames, same rows and columns, no formatting."""
    import numpy as np
    import pandas as pd

    from planner.engine import MONTHLY_KEYS
    from planner.io.excel.layout import (
        GPU_COLS,
        MODEL_COLS,
        ROLE_COLS,
        TEAM_BLOCKS,
        TEAM_COLS,
        WF_COLS,
        YEAR_COLS,
    )

    r = figs.result
    labels = r.month_labels
    T, W = len(plan.teams), len(plan.workflows)
    teams = pd.DataFrame({k: np.zeros(T) for k in TEAM_COLS})
    teams["id"] = [t.id for t in plan.teams]
    teams["name"] = [t.name for t in plan.teams]
    for k, v in figs.team_rows.items():
        if k in teams:
            teams[k] = v
    roles = pd.DataFrame([{"team": t.id, "name": ro.name, "kind": ro.kind, "headcount": ro.headcount,
                           "annual_cost": ro.annual_cost, "note": ro.note,
                           "payroll": ro.headcount * ro.annual_cost}
                          for t in plan.teams for ro in t.roles], columns=list(ROLE_COLS))
    wfs = pd.DataFrame({k: np.zeros(W) for k in WF_COLS})
    wfs["id"] = [w.id for w in plan.workflows]
    wfs["team"] = [w.team for w in plan.workflows]
    wfs["name"] = [w.name for w in plan.workflows]
    for k, v in figs.wf.items():
        if k in wfs and getattr(v, "ndim", 0) == 1:
            wfs[k] = v
    models = pd.DataFrame(np.zeros((len(plan.models), len(MODEL_COLS))), columns=list(MODEL_COLS))
    gpus = pd.DataFrame(np.zeros((len(plan.gpus), len(GPU_COLS))), columns=list(GPU_COLS))
    monthly = r.monthly
    years = pd.DataFrame(np.zeros((len(r.years), len(YEAR_COLS))), columns=list(YEAR_COLS))
    blocks = figs.team_blocks                       # the three organisations, as the workbook
    team_months = pd.DataFrame(np.vstack([blocks[k] for k in TEAM_BLOCKS]), columns=["Today", *labels])
    team_months.insert(0, "id", [t.id for t in plan.teams] * len(TEAM_BLOCKS))
    team_tree = pd.DataFrame({k: v for k, v in figs.tree.items()})
    team_tree.insert(0, "id", [t.id for t in plan.teams])
    wf_months = pd.DataFrame(figs.wf["units"], columns=labels)
    wf_months.insert(0, "id", [w.id for w in plan.workflows])
    model_months = pd.DataFrame(np.vstack([r.model_tokens_in, r.model_tokens_out, r.model_api_cost,
                                           r.gpu_hours, r.fleet, r.kwh, r.capex, r.depreciation]),
                                columns=labels)
    calendar = pd.DataFrame({"m": np.arange(1, len(labels) + 1), "month": labels, **figs.calendar})
    assert list(monthly.columns) == list(MONTHLY_KEYS)
    return {"Teams": teams, "Roles": roles, "Workflows": wfs, "Models": models, "GPUs": gpus,
            "Monthly": monthly, "Years": years, "TeamMonths": team_months, "TeamTree": team_tree,
            "WorkflowMonths": wf_months, "ModelMonths": model_months, "Calendar": calendar}


def main() -> list:
    import pandas as pd

    from bench.table import Row
    from planner.io.excel import export_workbook
    from planner.io.excel.figures import Figures

    try:
        from bench.plans import big_plan
    except ImportError:   # pragma: no cover - the shared generator is part of the repository
        raise SystemExit("bench/plans.py is missing") from None

    t0 = time.perf_counter()
    plan = big_plan()
    figs = Figures.of(plan)
    _ = figs.summary, figs.wf, figs.team_rows
    t_plan = time.perf_counter() - t0
    print(f"plan: {len(plan.teams):,} teams, {len(plan.workflows):,} workflows, "
          f"{plan.settings.horizon_months} months (generated + computed in {t_plan:.1f} s)")

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        frames = _baseline_frames(plan, figs)
        cells = sum(df.size + len(df.columns) for df in frames.values())
        t0 = time.perf_counter()
        with pd.ExcelWriter(out / "baseline.xlsx", engine="openpyxl") as writer:
            for name, df in frames.items():
                df.to_excel(writer, sheet_name=name, index=False)
        t_base = time.perf_counter() - t0
        print(f"pandas to_excel baseline (same tables, unformatted, {cells:,} cells): {t_base:.1f} s, "
              f"{os.path.getsize(out / 'baseline.xlsx') / 1e6:.0f} MB")

        t0 = time.perf_counter()
        export_workbook(plan, out / "values.xlsx", values_only=True)
        t_values = time.perf_counter() - t0
        print(f"export --values: {t_values:.1f} s, {os.path.getsize(out / 'values.xlsx') / 1e6:.0f} MB, "
              f"ratio {t_values / t_base:.2f}x baseline (target <= 1.5x)")

        t0 = time.perf_counter()
        export_workbook(plan, out / "formulas.xlsx")
        t_formulas = time.perf_counter() - t0
        print(f"export with formulas: {t_formulas:.1f} s, "
              f"{os.path.getsize(out / 'formulas.xlsx') / 1e6:.0f} MB, "
              f"ratio {t_formulas / t_base:.2f}x baseline")
        print("(export times include computing the plan; the baseline does not)")
    return [
        Row("Excel export, values only, 10,000 teams / 50,000 workflows", f"{t_values:.1f} s",
            f"{t_values / t_base:.2f}x pandas to_excel of the same tables ({t_base:.1f} s)",
            "<= 1.5x", t_values / t_base <= 1.5),
        Row("Excel export, live formulas, 10,000 teams / 50,000 workflows", f"{t_formulas:.1f} s",
            f"{t_formulas / t_base:.2f}x pandas to_excel", "-", None),
    ]


if __name__ == "__main__":
    main()
