"""Article dates in one stored form, and the date an article's address gives.

The form is ISO 8601 without a zone: ``YYYY-MM-DDTHH:MM:SS`` when the source
states a time, ``YYYY-MM-DD`` when it states only the day (a URL, a date-only
tag: no midnight is invented). The time is the publisher's clock as stated: an
offset (``+01:00``, ``Z``) is dropped, not converted, because converting would
move a page's "2019-02-08T00:00:00+01:00" to the 7th, a day the page never
shows, and JSON records give local times with no zone to convert from anyway.
Fixed-width fields make the text order the time order, so the library sorts
"newest first" on the stored text and its index (a day-only date sorts before
the timed dates of its day). Ordering across zones is off by at most the
zones' difference.

Dates are read from the forms sources use: ISO 8601 with ``T`` or a space,
seconds optional, fractions and offsets allowed, ``/`` for ``-``; anything else
(words, day-first dates) is not a date here.
"""

from __future__ import annotations

import re
from datetime import date, time
from urllib.parse import urlsplit

_DATE_TIME = re.compile(
    r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?:[Zz]|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?"
)

#: Dates in addresses, most specific first. Each gives year, month, day.
_URL_DATES = (
    # /2015/08/11/ and /2020/8/24/ (WordPress, youm7, aleqt)
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?![0-9])"),
    # /2013/middle_east/8/3/ (CNN Arabic: the section between year and month)
    re.compile(r"/((?:19|20)\d{2})/[A-Za-z][A-Za-z_-]*/(\d{1,2})/(\d{1,2})/"),
    # /20150811/ as a folder (al-jazirah, okaz)
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/"),
    # 2015-08-11 anywhere in the path (slugs, file names)
    re.compile(r"(?<![0-9])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![0-9])"),
)
#: An address's date further ahead than this many years is not a publication date.
_FUTURE_YEARS = 1


def canonical_date(value: str | None) -> str | None:
    """*value* in the stored form, or None when it is not a date this module reads."""
    if not value:
        return None
    match = _DATE_TIME.fullmatch(value.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second = match.groups()
    try:
        day_text = date(int(year), int(month), int(day)).isoformat()
        if hour is None:
            return day_text
        clock = time(int(hour), int(minute), int(second or 0))
    except ValueError:
        return None
    return f"{day_text}T{clock.isoformat()}"


def url_date(url: str | None, *, today: date | None = None) -> str | None:
    """The publication day an article's address gives (``/2015/08/11/`` and the like)."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    latest = (today or date.today()).year + _FUTURE_YEARS
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            year, month, day = (int(part) for part in match.groups())
            if year > latest:
                continue
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                continue
    return None
