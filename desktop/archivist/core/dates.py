"""Issued dates as the catalogue keeps them: ISO strings cut to their precision (year, month or day)."""

from __future__ import annotations

import re

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_PRECISION = {4: "year", 7: "month", 10: "day"}


def clean_issued(value: str | None) -> tuple[str | None, str | None]:
    """An ISO date of any precision and its precision name, or (None, None)."""
    if value and _ISO_DATE.match(value.strip()):
        value = value.strip()
        return value, _PRECISION[len(value)]
    return None, None
