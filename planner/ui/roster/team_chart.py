"""The plan's own team tree as an org chart: one box a team, its people and span today and in
the final month, coloured by span health (the roster chart's colours), with its layer.

Used by the Organisation page when no roster is loaded, so a plan built by hand shows its
structure too. Span = direct reports per manager (the team's ICs and the managers of the
teams reporting to it, per manager of the team); layer = MODEL.md's count of managed teams
on the path to the top.
"""

from __future__ import annotations

import math

import numpy as np

from planner.io.roster import archetype, span_health

from ..doc.team_figures import Month, TeamFigures
from .layout import Children
from .orgchart import DEFAULT_OPEN_LAYERS, TreeChartView, _esc


def _span_text(span: float) -> str:
    return "no managers" if math.isnan(span) else f"span {span:.1f}"


def _people(x: float) -> str:
    return f"{x:,.0f}" if abs(x - round(x)) < 1e-9 else f"{x:,.1f}"


class TeamChartView(TreeChartView):
    """``set_figures(fig)`` shows a plan's teams; boxes take the final month's span health
    (today's when there is no result)."""

    noun = "teams"

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.figures: TeamFigures | None = None

    def set_figures(self, fig: TeamFigures | None, *, open_layers: int = DEFAULT_OPEN_LAYERS) -> None:
        same_tree = (self.figures is not None and fig is not None
                     and self.figures.ids == fig.ids
                     and np.array_equal(self.figures.parent, fig.parent))
        self.figures = fig
        if fig is None:
            self.children = None
            self.expanded = set()
            self._rebuild()
            return
        if same_tree:           # an edit of the figures: keep what the user opened and the view
            self._rebuild()
            return
        self.children = Children(fig.parent, fig.below)
        self.expand_to_depth(open_layers, keep_view=False)

    @property
    def shown(self) -> Month | None:
        """The month the colours describe: the final month when there is a result."""
        fig = self.figures
        return None if fig is None else (fig.final or fig.today)

    def expand_to_depth(self, depth: int, *, keep_view: bool = False) -> None:
        """Open every team down to ``depth`` levels of the tree (1 = the top teams)."""
        fig = self.figures
        if fig is None:
            return
        from planner.io.roster.tree import climb

        level = climb(fig.parent)[0] + 1
        self.expanded = set(np.flatnonzero((level <= depth) & (fig.below > 0)).tolist())
        self._rebuild()
        if not keep_view:
            self.auto_fit = True
            self.fit()

    # -- what the boxes say ------------------------------------------------------------------
    def roots(self) -> list[int]:
        fig = self.figures
        if fig is None:
            return []
        roots = np.array(fig.roots, dtype=np.int64)
        return [int(r) for r in roots[(-fig.below[roots]).argsort(kind="stable")]]

    def span_of(self, node: int) -> int:
        span = self.shown.span[node]
        return 0 if math.isnan(span) else max(1, int(round(span)))

    def below(self, node: int) -> int:
        return int(self.figures.below[node])

    def box_lines(self, i: int) -> tuple[str, str, str]:
        fig = self.figures
        today = f"Today {_people(fig.today.people[i])} people, {_span_text(fig.today.span[i])}"
        if fig.final is None:
            return fig.names[i], today, _layer_text(fig.today, i)
        final = (f"M{fig.horizon} {_people(fig.final.people[i])}, "
                 f"{_span_text(fig.final.span[i])}")
        return fig.names[i], today, final

    def tooltip(self, i: int) -> str:
        fig = self.figures
        lines = [f"<b>{_esc(fig.names[i])}</b> (id {_esc(fig.ids[i])})"]
        months = [("Today", fig.today)]
        if fig.final is not None:
            months.append((f"Month {fig.horizon}", fig.final))
        for label, m in months:
            span = m.span[i]
            text = (f"{label}: {_people(m.ic[i])} ICs + {_people(m.mgr[i])} managers; ")
            if math.isnan(span):
                text += "no managers"
            else:
                whole = max(1, int(round(span)))
                flag = {"narrow": ", narrow: a layer that adds little",
                        "wide": ", wide: little time per report"}.get(span_health(whole), "")
                text += f"span {span:.1f} ({archetype(whole)}{flag})"
            lines.append(f"{text}; {_layer_text(m, i)}")
        lines.append("Span = direct reports per manager: the team's ICs and the managers of the "
                     "teams reporting to it, divided by its managers")
        lines.append("Layer = the teams with managers on the path to the top, this one included")
        below = int(fig.below[i])
        if below:
            lines.append(f"Teams below: {below:,} (click to open or close)")
        return "<br>".join(lines)


def _layer_text(m: Month, i: int) -> str:
    return f"layer {int(m.layer[i])}" if m.layer[i] else "no layer of its own"
