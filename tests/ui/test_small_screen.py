"""A 1366x768 laptop screen: the main window, every page, and the help's long documents fit."""
# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

from app_helpers import make_window  # noqa: F401 - fixture
from conftest import BUNDLED


def test_every_page_fits_a_1366_px_wide_screen_with_the_results_dock(make_window, qapp):
    w = make_window(BUNDLED)
    assert w.results_dock.isVisible()
    widths = {}
    for name in w.pages:
        w.show_page(name)
        qapp.processEvents()
        widths[name] = w.minimumSizeHint().width()
    # the Workflows page's one row of filters and buttons made this ~1400 px: the dock's float
    # and close buttons sat beyond the right edge of a 1366 px screen
    assert max(widths.values()) <= 1366, widths
    # the editing pages show the Results dock beside them, and still fit with room to spare
    w.show_page("Workflows")
    qapp.processEvents()
    assert w.results_dock.isVisible()
    assert w.minimumSizeHint().width() <= 1366 - 100


def test_the_model_document_fits_the_screen_with_its_close_button(qtbot):
    from planner.ui.help.docs import DocViewer

    viewer = DocViewer("model.md")
    qtbot.addWidget(viewer)
    avail = viewer.screen().availableGeometry()
    # room for the title bar under the available height (900x765 hid Close at 768 px)
    assert viewer.height() <= int(avail.height() * 0.88)
    assert viewer.width() <= avail.width()


def test_the_model_document_explains_first_and_keeps_the_changelog_for_the_end():
    from conftest import ROOT

    text = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    first = text.index("## 1. What you describe")
    appendix = text.index("## Appendix A. What changed in version 2")
    assert first < appendix
    # developer material sits in the appendices, after every plain section...
    for phrase in ("float artefact", "The test suite checks", "`design/MODEL.md`",
                   "A version 1 file opens unchanged", "`redeploy` is the same as keeping"):
        assert text.index(phrase) > appendix, phrase
    assert text.index("## Where the defaults come from") < appendix
    # ...and nothing is lost: the rules and formulas a reader meets first are still there
    for phrase in ("**Units.**", "`ceil*`", "idx(r, m) = (1 + r)^((m - 1) / 12)",
                   "## 7. Risk: what if the bets fail?"):
        assert text.index(phrase) < appendix, phrase
