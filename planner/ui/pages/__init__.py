"""The editor pages shown in the middle of the window (one per navigation entry)."""
