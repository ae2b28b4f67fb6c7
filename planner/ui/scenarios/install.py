"""Put the scenario switcher on the window's toolbar and keep the window's titles naming the
scenario shown."""

from __future__ import annotations

from typing import Any

from .switcher import ScenarioSwitcher


def install_scenarios(window: Any, toolbar: Any) -> ScenarioSwitcher:
    switcher = ScenarioSwitcher(window.doc, toolbar)
    toolbar.addWidget(switcher)
    switcher.message.connect(window.show_message)
    window.scenario_switcher = switcher

    def retitle() -> None:
        sid = window.doc.scenario
        name = window.doc.scenario_name()
        window.results_dock.setWindowTitle("Results" if sid is None else f"Results: {name}")
        for panel in (window.results, getattr(window, "overview", None)):
            if panel is not None and hasattr(panel, "set_scenario_name"):
                panel.set_scenario_name(None if sid is None else name)

    window.retitle_for_scenario = retitle    # pages made later (Overview) call it once made
    window.doc.scenarioChanged.connect(retitle)
    window.doc.changed.connect(lambda *_: retitle())
    return switcher
