"""Help: a short tour for a first-time user, the model's formulas, the keyboard shortcuts."""
