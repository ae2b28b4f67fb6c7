"""The desktop app (PySide6). Qt lives only under this package."""

# The core first: PySide6 inspects every module imported after it (its "feature" hook reads
# their source), which makes numpy, pydantic and the engine import slower when they come later.
from .. import engine as _engine  # noqa: F401
from ..io import planfile as _planfile  # noqa: F401
