"""Dates as graphkit keeps them: ISO 8601 ``YYYY-MM-DD``, or ``--MM-DD`` when the year is
unknown (ISO 8601:2000's truncated form), or None.

One place for the questions every step asks of a date: is the year known, which year,
is it complete. (The readers' patterns for dates in page text are here too.)
"""

from __future__ import annotations

import re

ISO_DATE_RE = re.compile(r"(\d{4}-\d{2}-\d{2})")      # a full date inside page text
READERS_RE = re.compile(r"(\d+)\s*位读者")             # kexue.fm's reader count
MONTHS = {m: i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}
_FULL_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL_RE = re.compile(r"^--\d{2}-\d{2}$")


def year_of(date: str | None) -> int | None:
    """The year of a date, or None when it is unknown (``--MM-DD``, None, "").

    >>> year_of("2021-10-05"), year_of("--10-05"), year_of(None)
    (2021, None, None)
    """
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def is_full(date: str | None) -> bool:
    """True for a complete ``YYYY-MM-DD`` date."""
    return bool(date) and bool(_FULL_RE.match(date))


def is_partial(date: str | None) -> bool:
    """True for a date whose year is unknown (``--MM-DD``)."""
    return bool(date) and bool(_PARTIAL_RE.match(date))
