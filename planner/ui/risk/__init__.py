"""Scenarios side by side (Compare) and what happens when the plan's bets fail (Risk)."""
