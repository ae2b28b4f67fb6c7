"""The desktop app (PySide6). Qt lives only under this package.

The core (pydantic models, engine) is imported after the window's first paint, when the plan
is first checked and computed; importing it before or after PySide6 costs the same.
"""
