"""Perspective Settings docs: the Settings prototype and the docs site's hooks."""
