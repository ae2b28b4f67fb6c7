"""The leadership brief as a PDF: File > Export brief and ``orgplanner brief``."""

from .export import export_brief

__all__ = ["export_brief"]
