"""JSON as the project writes it: indented, non-ASCII kept, one newline at the end."""

from __future__ import annotations

import json
from typing import Any


def json_text(data: Any) -> str:
    """``data`` as the JSON files the build and the test runs write."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
