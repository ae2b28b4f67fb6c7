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
