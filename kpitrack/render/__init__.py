"""Renderers: every format is drawn from the same rows (see rows.py)."""
