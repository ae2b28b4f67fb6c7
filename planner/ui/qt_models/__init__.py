"""Thin Qt item models over lists and objects of the plan document (read/write by path)."""
