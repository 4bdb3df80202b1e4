"""Field types shared by the fixture models and the docs' front matter."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

from prototype.inputs.errors import shown

_CALENDAR_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a date in the form YYYY-MM-DD, got {type(value).__name__}")
    try:
        if _CALENDAR_DATE.match(value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise ValueError(f"{shown(value)} is not a calendar date in the form YYYY-MM-DD")


IsoDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date"}),
]
"""A calendar date written ``YYYY-MM-DD``."""
