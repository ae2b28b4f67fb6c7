"""Scenarios in the app: the switcher on the toolbar and the commands that make, copy, rename
and delete them (each one undo step)."""
