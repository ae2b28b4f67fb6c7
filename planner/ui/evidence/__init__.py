"""The evidence library in the app: workflows, models and GPUs added from the catalog with
their sources, the price book (File > Import prices) and the API-or-self-host comparison.

``install_catalog_actions(window)`` puts the commands in the window's menus and pages; the
dialogs and the chart are imported when first used.
"""

from .actions import CatalogActions, install_catalog_actions

__all__ = ["CatalogActions", "install_catalog_actions"]
