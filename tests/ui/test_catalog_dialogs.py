"""The catalog in the window: Add workflow from template, Add model / GPU from catalog, and the
Compute page's empty state that starts from the catalog."""

# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

import pytest
from app_helpers import dumps, make_window, plain, window  # noqa: F401 - fixtures
from conftest import BUNDLED
from PySide6.QtCore import Qt

from planner import catalog as cat
from planner.ui.evidence.catalog_dialog import CatalogDialog
from planner.ui.evidence.template_dialog import TemplateDialog, find_data


def texts(tree) -> list[tuple[str, list[str]]]:
    out = []
    for i in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(i)
        out.append((head.text(0), [head.child(j).text(0) for j in range(head.childCount())]))
    return out


def test_templates_are_grouped_by_function_and_searched(window, qtbot):
    d = TemplateDialog(window.doc, window)
    qtbot.addWidget(d)
    groups = texts(d.tree)
    assert len(groups) == 9 and sum(len(c) for _, c in groups) == 28
    assert groups[0][0] == "Software engineering (4)"
    d.search.setText("support")
    assert [g for g, _ in texts(d.tree)] == ["Customer support (3)"]
    d.search.setText("contract review")
    assert texts(d.tree) == [("Legal (1)", ["Contract review against a playbook"])]
    d.search.setText("zzz")
    assert texts(d.tree) == [] and not d.add_button.isEnabled()
    assert "No template matches" in d.preview.toPlainText()


def test_a_template_shows_its_values_and_the_study_behind_them(window, qtbot):
    d = TemplateDialog(window.doc, window, team="eng-platform")
    qtbot.addWidget(d)
    d.select("se-feature")
    text = d.preview.toPlainText()
    for expected in ("Minutes per unit", "240", "Time saved", "21% (studies: -19% to 56%)",
                     "Adoption", "60%", "9 months, s-curve", "Review overhead", "4%",
                     "140 calls a unit, 96,000 input + 1,000 output tokens a call, 90% of input cached",
                     "Cui, Demirer, Jaffe", "+26.1% completed tasks", "randomised trial",
                     "2026-12-02", "Basis", "METR"):
        assert expected in text, expected
    assert 'href="https://doi.org/10.1287/mnsc.2025.00535"' in d.preview.toHtml()


def test_the_team_and_volume_start_from_the_teams_people(window, qtbot):
    d = TemplateDialog(window.doc, window, team="support")
    qtbot.addWidget(d)
    d.select("cs-tickets")
    assert d.team.currentData() == "support" and d.volume.value() == 500 * 120
    assert d.volume_hint.text().startswith("500 a month per person x 120 ICs; ")
    assert "of the team's IC hours" in d.volume_hint.text()
    d.team.setCurrentIndex(d.team.findData("legal"))        # not support work: one person's month
    assert d.volume.value() == 500 and "not customer support" in d.volume_hint.text()
    d.volume.setValue(7000)                                 # the user's own volume
    assert d.volume_hint.text().startswith("your volume; ") and d.choice().volume == 7000
    d.select("cs-escalations")                              # another template: its own suggestion
    assert d.volume.value() == 150


def test_without_a_team_given_each_template_proposes_a_team_doing_its_work(window, qtbot):
    d = TemplateDialog(window.doc, window)
    qtbot.addWidget(d)
    d.select("se-feature")
    assert d.team.currentData() == "eng"               # not the first team (Leadership)
    assert "not software" not in d.volume_hint.text()
    d.select("legal-review")
    assert d.team.currentData() == "legal"
    d.select("mgmt-meetings")                          # management: the first team with managers
    assert d.team.currentData() == "exec"
    d.team.setCurrentIndex(d.team.findData("support"))   # the user's choice...
    d.team.activated.emit(d.team.currentIndex())
    assert d.team.currentData() == "support"
    d.select("legal-review")                           # ...stands for the next template
    assert d.team.currentData() == "support"


def test_the_model_defaults_to_the_plans_busiest_and_prices_the_calls(window, qtbot):
    d = TemplateDialog(window.doc, window, team="support")
    qtbot.addWidget(d)
    d.select("cs-tickets")
    assert d.model.currentData() == ("plan", "small-api")
    assert find_data(d.model, ("plan", "small-api")) == d.model.currentIndex()
    assert d.model_hint.text().startswith("About $") and "at full adoption (100%)" in d.model_hint.text()
    d.model.setCurrentIndex(d.model.findData(("none", None)))
    assert d.choice().model is None and d.choice().new_model is None


def test_a_plan_without_models_is_offered_one_from_the_catalog(make_window, qtbot):
    w = make_window()
    w.doc.insert(("teams",), 0, {"id": "ops", "name": "Operations", "function": "Operations",
                                 "roles": [{"name": "Analyst", "kind": "ic", "headcount": 10,
                                            "annual_cost": 70000}]})
    d = TemplateDialog(w.doc, w)
    qtbot.addWidget(d)
    d.select("ops-exceptions")
    kind, ident = d.model.currentData()
    assert kind == "catalog" and d.choice().new_model == cat.api_model(ident)
    assert d.model_hint.text().startswith(f"Adds {ident} to the plan's models")


def test_the_dialog_warns_what_adding_would_break(make_window, qtbot):
    window = make_window(BUNDLED)          # its scenarios halve time saved in "Bets go wrong"
    d = TemplateDialog(window.doc, window, team="marketing")
    qtbot.addWidget(d)
    d.select("mkt-copy")
    found = d.check_now()
    assert len(found) == 1 and not d.problems.isHidden()
    assert "Added as it is, the plan gets 1 problem" in d.problems.text()
    d.with_range.setChecked(False)                          # its range clashes with a scenario
    assert d.check_now() == [] and d.problems.isHidden()


def test_adding_from_the_window_is_one_undo_step_and_shows_the_new_row(window):
    w = window
    before = dumps(w.doc.data)

    def choose(dialog):
        dialog.select("legal-review")
        dialog.team.setCurrentIndex(dialog.team.findData("legal"))
        dialog.volume.setValue(160)
        return True

    w.catalog_actions.run_dialog = choose
    w.workflows_page.template_button.click()
    assert w.doc.undo_stack.count() == 1
    row = w.doc.ids("workflows")["legal-review"]
    added = w.doc.data["workflows"][row]
    assert (added["team"], added["volume_per_month"]) == ("legal", 160)
    assert w.doc.data["ranges"][-1]["path"] == "workflows[legal-review].ai.time_saved"
    assert w.current_page() == "Workflows" and w.workflows_page.current_row() == row
    assert w.statusBar().currentMessage().startswith(
        "Added Contract review against a playbook from the catalog (Choi, Monahan, Schwarcz (2024)); its time saved ranges "
        "0% to 32% on the Risk page.")
    tip = plain(w.workflows_page.model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole))
    assert tip.startswith(cat.template("legal-review")["source"])
    w.doc.undo_stack.undo()
    assert dumps(w.doc.data) == before


def test_the_menus_hold_the_catalog_commands(window):
    menus = {a.text().replace("&", ""): [x.text().replace("&", "") for x in a.menu().actions()]
             for a in window.menuBar().actions() if a.menu() is not None}
    assert {"Add workflow from template...", "Add model from catalog...",
            "Add GPU from catalog..."} <= set(menus["Edit"])
    file = menus["File"]
    assert file.index("Import Prices...") == file.index("Import Roster...") + 1


def test_a_new_plans_compute_page_starts_from_the_catalog(make_window):
    w = make_window()
    w.show_page("Compute")
    page = w.compute_page
    assert page.models_section.stack.currentWidget() is page.models_section.empty
    assert page.gpus_section.stack.currentWidget() is page.gpus_section.empty
    row = page.models_section.empty.row
    buttons = [row.itemAt(i).widget() for i in range(row.count()) if row.itemAt(i).widget()]
    assert [b.text() for b in buttons] == ["Add a model from the catalog", "Add a model by hand"]
    assert buttons[0].isDefault() and not buttons[1].isDefault()

    def choose(dialog):
        assert dialog.kind() == "api"
        dialog.api.select("gpt-5.4-mini")
        return True

    w.catalog_actions.run_dialog = choose
    buttons[0].click()
    assert [m["id"] for m in w.doc.data["models"]] == ["gpt-5.4-mini"]
    assert page.models_section.stack.currentWidget() is page.models
    w.doc.undo_stack.undo()
    assert page.models_section.stack.currentWidget() is page.models_section.empty


def test_the_catalog_dialog_lists_models_setups_and_gpus_with_sources(window, qtbot):
    d = CatalogDialog(window.doc, window)
    qtbot.addWidget(d)
    assert d.api.tree.topLevelItemCount() == 12
    assert d.self_hosted.tree.topLevelItemCount() == 5 and d.gpu_tab.tree.topLevelItemCount() == 6
    d.api.select("claude-haiku-4-5")
    text = d.api.preview.toPlainText()
    assert "$1 per million tokens" in text and "claude-3-haiku" in text and "LiteLLM" in text
    # a self-hosted set-up runs on the plan's H100s by default, or brings its GPU
    d.show_tab("self")
    d.self_hosted.select("llama-3.3-70b-fp8-h100-tp2")
    assert d.run_on.currentData() == ("plan", "h100-cloud")
    assert d.run_on_hint.text() == "The serving rates were measured on NVIDIA H100 SXM 80GB."
    d.self_hosted.select("llama-3.3-70b-fp4-b200")
    assert d.run_on.currentData() == ("catalog", "cloud") and d.add_button.text() == "Add model and GPU"
    c = d.choice()
    assert c.kind == "self" and c.gpu.entry["id"] == "b200" and c.gpu.pricing == "cloud"
    # GPUs: rented, or bought over a chosen life
    d.show_tab("gpu")
    d.gpu_tab.select("h100-sxm")
    assert "$3.99 per GPU-hour" in d.gpu_tab.preview.toPlainText() and not d.months.isEnabled()
    d.buy.setChecked(True)
    d.months.setValue(36)
    text = d.gpu_tab.preview.toPlainText()
    assert "$40,625 per GPU" in text and "over 36 months" in text and "Evidence for the price" in text
    assert d.choice() == type(d.choice())("gpu", cat.gpu("h100-sxm"), pricing="owned", months=36)


def test_adding_a_self_hosted_model_and_its_gpu_from_the_window(window):
    w = window
    before = dumps(w.doc.data)

    def choose(dialog):
        dialog.show_tab("self")
        dialog.self_hosted.select("llama-3.3-70b-fp4-b200")
        dialog.run_on.setCurrentIndex(find_data(dialog.run_on, ("catalog", "owned")))
        return True

    w.catalog_actions.run_dialog = choose
    w.catalog_actions.model.trigger()
    assert w.doc.undo_stack.count() == 1
    assert w.doc.data["gpus"][-1]["id"] == "b200-owned"
    assert w.doc.data["models"][-1]["gpu"] == "b200-owned"
    assert w.current_page() == "Compute"
    w.doc.undo_stack.undo()
    assert dumps(w.doc.data) == before


def test_a_scenarios_problem_is_named_by_the_scenario():
    from planner.ui.evidence.template_dialog import readable

    data = {"scenarios": [{"id": "fast", "name": "Fast adoption"}]}
    assert readable("scenarios[fast].overrides[0]: workflows[x].ai.adoption: must be <= 1, got 1.1",
                    data) == 'In the scenario "Fast adoption": workflows[x].ai.adoption: must be <= 1, got 1.1'
    assert readable("scenarios[fast]: ranges[7]: in this scenario, x is 0.1", data) == \
        'In the scenario "Fast adoption": in this scenario, x is 0.1'
    assert readable("workflows[3].team: no team", data) == "workflows[3].team: no team"


def test_a_plan_in_another_currency_is_told_catalog_prices_are_usd(window, qtbot):
    from planner.ui.evidence.adding import currency_caveat

    assert currency_caveat("USD") == "" and "in EUR" in currency_caveat("EUR")
    usd = CatalogDialog(window.doc, window)
    qtbot.addWidget(usd)
    assert usd.currency_note is None
    window.doc.set(("currency",), "EUR")
    eur = CatalogDialog(window.doc, window)
    qtbot.addWidget(eur)
    assert "prices are in USD" in eur.currency_note.text()
    t = TemplateDialog(window.doc, window, team="support")
    qtbot.addWidget(t)
    t.select("cs-tickets")
    t.model.setCurrentIndex(find_data(t.model, ("catalog", next(iter(t.api_models)))))
    assert "prices are in USD" in t.model_hint.text()


def test_entries_the_plan_has_are_marked_and_adding_one_says_it_copies(window, qtbot):
    """Adding a model the plan already has made an unused "-2" twin with no warning."""
    from planner.ui.evidence.adding import add_api_model

    ident = cat.api_models()[0]["id"]
    assert add_api_model(window.doc, cat.api_model(ident)) == ident
    d = CatalogDialog(window.doc, window)
    qtbot.addWidget(d)
    first = d.api.current()
    assert first is not None and first["id"] != ident             # starts on a new one
    assert d.add_button.text() == "Add model"
    d.api.select(ident)
    row = d.api.tree.currentItem()
    assert row.text(0).endswith("(in the plan)")
    assert "Already in the plan" in d.api.preview.toPlainText()
    assert d.add_button.text() == "Add a second copy"


@pytest.mark.parametrize(("source", "short"), [
    ("Cui, Demirer, Jaffe, Musolff, Peng, Salz (Management Science 2026), doi 10.1287/x",
     "Cui et al. (Management Science 2026)"),
    ("Brynjolfsson, Li, Raymond (QJE 140(2), 2025; NBER w31161, 2023)",
     "Brynjolfsson, Li, Raymond (QJE 140(2), 2025; NBER w31161, 2023)"),
    ("Noy & Zhang (Science 381, 2023), doi 10.1126/x", "Noy & Zhang (Science 381, 2023)"),
    ("OpenRouter usage data, 2025", "OpenRouter usage data"),
])
def test_a_short_citation_keeps_its_brackets_whole(source, short):
    """The status bar once read "... (Noy & Zhang (Science 381); its time saved ...": cut at the
    first comma inside the parenthesis."""
    from planner.ui.evidence.citation import short_citation

    assert short_citation(source) == short
