"""Reusable widgets: editable tables with clipboard support, empty states, the problems list."""
