"""Perspective Settings docs: the Plan & Billing prototype and the docs site's hooks."""
