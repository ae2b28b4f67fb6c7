"""The plan being edited: plain JSON data, pure path edits and the undoable document."""
