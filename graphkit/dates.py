"""Dates as graphkit keeps them: ISO 8601 ``YYYY-MM-DD``, or ``--MM-DD`` when the year is
unknown (ISO 8601:2000's truncated form), or None.

One place for the questions every step asks of a date: is the year known, which year,
is it complete. (The readers' patterns for dates in page text are here too.)
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

ISO_DATE_RE = re.compile(r"(\d{4}-\d{2}-\d{2})")      # a full date inside page text
READERS_RE = re.compile(r"(?<!\d)(\d{1,9})\s*+位读者")   # kexue.fm's reader count
MONTHS = {m: i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}
_FULL_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL_RE = re.compile(r"^--\d{2}-\d{2}$")
# a date written by numbers, year first: 2022-07-08, 2022/7/8, 2022.07.08, 2022年7月8日
# (and Logseq's journal names, 2024_01_05)
_NUMERIC_DATE_RE = re.compile(
    r"(?<!\d)(\d{4})\s*(?:-|/|\.|_|年)\s*(\d{1,2})\s*(?:-|/|\.|_|月)\s*(\d{1,2})(?!\d)")
# numbers ending with the year: 13/08/2022 (day first), 08/13/2022 (month first); the
# separator is kept for PHP's rule (see parse_date)
_YEAR_LAST_RE = re.compile(r"^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?!\d)")
# a time of day written before the date (Grav's admin: "14:14 05/19/2016")
_TIME_FIRST_RE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?+(?:\s*+[ap]\.?m\.?)?+\s++(?=\d)", re.I)
# the months' names in the languages of Latin and Cyrillic script that blogs are most
# written in, as a written-out date uses them (Slavic languages name the month in the
# genitive after a day: 5 марта, 5 marca), each month's names in one string, month by month
MONTH_NAMES = {
    "de": "januar jänner|februar feber|märz maerz|april|mai|juni|juli|august|september"
          "|oktober|november|dezember",
    "fr": "janvier|février fevrier|mars|avril|mai|juin|juillet|août aout|septembre|octobre"
          "|novembre|décembre decembre",
    "es": "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre setiembre|octubre"
          "|noviembre|diciembre",
    "pt": "janeiro|fevereiro|março marco|abril|maio|junho|julho|agosto|setembro|outubro"
          "|novembro|dezembro",
    "it": "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre"
          "|novembre|dicembre",
    "nl": "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
          "|december",
    "pl": "styczeń stycznia|luty lutego|marzec marca|kwiecień kwietnia|maj maja"
          "|czerwiec czerwca|lipiec lipca|sierpień sierpnia|wrzesień września"
          "|październik października|listopad listopada|grudzień grudnia",
    "ru": "январь января|февраль февраля|март марта|апрель апреля|май мая|июнь июня"
          "|июль июля|август августа|сентябрь сентября|октябрь октября|ноябрь ноября"
          "|декабрь декабря",
    "tr": "ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık",
    "id": "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november"
          "|desember",
}
_OTHER_MONTHS = [set() for _ in range(12)]
for _names in MONTH_NAMES.values():
    for _i, _month in enumerate(_names.split("|")):
        _OTHER_MONTHS[_i].update(_month.split())
_MONTH_WORD_RE = re.compile(
    r"(?i)\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|"
    + "|".join(sorted({n for ns in _OTHER_MONTHS for n in ns}, key=len, reverse=True))
    + r")(?!\w)")
TEXT_DATE_MAX = 64   # characters: a date written out is shorter; longer text is not one
# ISO 8601's basic format (20220708), and Unix time in seconds or milliseconds
# (Dendron's created: 1608254542044), each read only as a day between these years
# (with a time of day in the basic format too, 20200304T080000Z: Evernote's ENEX)
_BASIC_DATE_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T\d{2}(?:\d{2}){0,2}(?:[.,]\d{1,9})?"
                            r"(?:Z|[+-]\d{2}(?:\d{2})?)?)?$")
_EPOCH_RE = re.compile(r"^(?:\d{9,10}|\d{12,13})(?:\.\d+)?$")   # (since 1973)
NUMBER_YEARS = (1970, 2100)


# a year before this is no year a post was written in: 0001-01-01 is Go's zero time,
# which Hugo writes for a page without a date (its feeds' pubDate, its templates'
# <time>), and .NET's DateTime.MinValue
MIN_YEAR = 1000


def is_zero_date(date: str | None) -> bool:
    """True for a ``YYYY-MM-DD`` date before :data:`MIN_YEAR` (``0001-01-01``): a
    program's zero date, written where a page has none.

    Examples
    --------
    >>> is_zero_date("0001-01-01"), is_zero_date("2021-03-04"), is_zero_date(None)
    (True, False, False)
    """
    return bool(date) and date[:4].isdigit() and int(date[:4]) < MIN_YEAR


def year_of(date: str | None) -> int | None:
    """The year of a date, or None when it is unknown (``--MM-DD``, None, "").

    >>> year_of("2021-10-05"), year_of("--10-05"), year_of(None)
    (2021, None, None)
    """
    if date and len(date) >= 4 and date[:4].isdecimal():
        return int(date[:4])
    return None


def is_full(date: str | None) -> bool:
    """True for a complete ``YYYY-MM-DD`` date."""
    return bool(date) and bool(_FULL_RE.match(date))


def is_partial(date: str | None) -> bool:
    """True for a date whose year is unknown (``--MM-DD``)."""
    return bool(date) and bool(_PARTIAL_RE.match(date))


def parse_date(value: object, *, month_first: bool = False, php: bool = False) -> str | None:
    """The calendar date a metadata value names, as ``YYYY-MM-DD``, or None.

    Generators' front matter writes dates in many forms: a YAML date or timestamp, an
    ISO string with a time and zone (``2015-05-01T22:12:03.284Z``: its calendar day as
    written, not converted), numbers year first (``2022/7/8``, ``2022年7月8日``, ISO
    8601's basic ``20220708``), numbers year last when a number over 12 says which is
    the day (``13/08/2022``, ``08/13/2022``; ``07/08/2022`` is July or August, so
    None) or when dots part them (``05.03.2024``: the day first, as everywhere dates are
    dotted: Germany's DIN 5008, Russia's GOST R 7.0.97), Unix time in seconds or
    milliseconds (Dendron's ``created: 1608254542044``; its day in UTC), or words
    (``Jul 08 2022``, ``July 8, 2022``, ``Sat, 08 Jul 2022 10:00:00 +0800``; the blog
    template of Astro writes ``pubDate: 'Jul 08 2022'``), the months named in English
    or in a language of :data:`MONTH_NAMES` (``5. März 2024``, ``14 de julho de 2020``,
    ``5 марта 2024 г.``).
    A value that names no whole
    date (``2022``, ``July 2022``, ``last-modified``, ``true``) is None: a date is only
    kept when its year, month and day are all written. A time of day before the date
    (``14:14 05/19/2016``, as Grav's admin writes it) is passed over.

    Parameters
    ----------
    value : object
        A ``datetime.date``/``datetime``, a string, or anything else (None).
    month_first : bool, keyword-only
        Numbers ending with the year are month, day, year whatever their size, as a
        format that says so writes them (the Movable Type export's ``MM/DD/YYYY``).
    php : bool, keyword-only
        Numbers ending with the year are read as PHP's ``strtotime`` reads them,
        whatever their size: month first when slashes separate them (American
        ``m/d/Y``), day first when dashes or dots do (European ``d-m-Y``, ``d.m.Y``).
        PHP generators date pages so (Grav's ``date:``).

    Returns
    -------
    str or None

    References
    ----------
    .. [1] python-dateutil's parser, https://dateutil.readthedocs.io/en/stable/parser.html
    .. [2] ISO 8601-1:2019, 5.2.2 (calendar date, basic format ``YYYYMMDD``)
    .. [3] POSIX.1-2017, Base Definitions 4.16, "Seconds Since the Epoch"; Dendron's
       notes keep ``created``/``updated`` in milliseconds since it
       (https://github.com/dendronhq/dendron)
    .. [4] PHP Manual, "Supported Date and Time Formats" (``mm/dd/y``, ``dd-mm-YY``),
       https://www.php.net/manual/en/datetime.formats.php

    Examples
    --------
    >>> parse_date("Jul 08 2022"), parse_date("2022年7月8日"), parse_date("July 2022")
    ('2022-07-08', '2022-07-08', None)
    >>> parse_date("13/08/2022"), parse_date("08/13/2022"), parse_date("07/08/2022")
    ('2022-08-13', '2022-08-13', None)
    >>> parse_date("20220708"), parse_date(1608254542044), parse_date(12345678)
    ('2022-07-08', '2020-12-18', None)
    >>> parse_date("20200304T080000Z")
    '2020-03-04'
    >>> parse_date("07/08/2022 03:31:05 PM", month_first=True)
    '2022-07-08'
    >>> parse_date("14:14 05/19/2016"), parse_date("12:19 05-03-2021", php=True)
    ('2016-05-19', '2021-03-05')
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = repr(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text = _TIME_FIRST_RE.sub("", value.strip(), count=1)
    if text[:1].isdigit() and (_BASIC_DATE_RE.match(text) or _EPOCH_RE.match(text)):
        return _number_date(text)
    m = _NUMERIC_DATE_RE.search(text)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    m = _YEAR_LAST_RE.match(text)
    if m:        # the day first in most of the world, the month first in the US: only
        first, second, year = (int(g) for g in m.group(1, 3, 4))  # a number over 12 tells
        if month_first or (php and m.group(2) == "/"):
            month, day = first, second
        elif php or m.group(2) == ".":      # (dots: the day first wherever they are used)
            day, month = first, second
        elif (first > 12) == (second > 12):
            return None              # 07/08/2022: either; 13/14/2022: neither
        else:
            day, month = (first, second) if first > 12 else (second, first)
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    if len(text) > TEXT_DATE_MAX or not _MONTH_WORD_RE.search(text):
        return None
    from dateutil import parser

    info = _month_names()
    try:   # parsed against two defaults: a field the text lacks differs between them
        a = parser.parse(text, parserinfo=info, default=dt.datetime(2001, 1, 1), fuzzy=True)
        b = parser.parse(text, parserinfo=info, default=dt.datetime(2002, 2, 2), fuzzy=True)
    except (ValueError, OverflowError, TypeError):
        return None
    return a.date().isoformat() if a.date() == b.date() else None


@lru_cache(maxsize=1)
def _month_names():
    """dateutil's ``parserinfo`` knowing the months' names of :data:`MONTH_NAMES` too."""
    from dateutil import parser

    class _Info(parser.parserinfo):
        MONTHS = [(*english, *sorted(other)) for english, other
                  in zip(parser.parserinfo.MONTHS, _OTHER_MONTHS)]

    return _Info()


def _number_date(text: str) -> str | None:
    """The day of ``YYYYMMDD`` or of Unix time (9–10 digits: seconds, 12–13: ms),
    when it falls within :data:`NUMBER_YEARS`; else None (an id, a count)."""
    m = _BASIC_DATE_RE.match(text)
    try:
        if m:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        else:
            seconds = float(text) / (1000 if len(text.split(".")[0]) > 10 else 1)
            day = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()
    except (ValueError, OverflowError, OSError):
        return None
    return day.isoformat() if NUMBER_YEARS[0] <= day.year <= NUMBER_YEARS[1] else None
