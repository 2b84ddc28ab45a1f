"""Dates: "17 February 2008", "December 28, 2021", "2008-02-17", "November 2010", "early 2023"; a date no
calendar has ("31 June 2023") is skipped whole."""

from __future__ import annotations

import re
from calendar import monthrange

from factcheck import lexicon as lx
from factcheck.extract.mention import Mention
from factcheck.extract.patterns import DATE

_LEAP_YEAR = 2000  # the calendar of a date stated without its year: 29 February exists in it


# The last day of a run of days after a date: "Sept. 20*-24*", "Oct. 18*–22*".
DAY_RANGE_END = re.compile(r"[-–](?:[12]\d|3[01]|0?[1-9])\b(?![.,]?\d)")


def read_date(text: str, at: int) -> Mention | int | None:
    """A date at ``at``; for a date no calendar has ("31 June 2023"), the offset after it: an
    impossible date is no claim, and its parts are no count or year either."""
    m = DATE.match(text, at)
    if m is None:
        return None
    g = m.groupdict()
    qualifier = None
    if g["iso"]:
        year, month, day = g["y0"], int(g["mo0"]), int(g["d0"])
    elif g["dmy"]:
        year, month, day = g["y1"], _month(g["m1"]), int(g["d1"])
    elif g["mdy"]:
        year, month, day = g["y2"], _month(g["m2"]), int(g["d2"])
    elif g["my"]:
        year, month, day = g["y3"], _month(g["m3"]), 0
    else:
        year, month, day = g["y4"], _month(g["m4"]) if g["m4"] else 0, 0
        qualifier = "approx"
    if not 1 <= (day or 1) <= 31 or (year and not 1000 <= int(year) <= 2200):
        return None
    if not 1 <= month <= 12 and month:
        return None
    if day and (not month or day > monthrange(int(year) if year else _LEAP_YEAR, month)[1]):
        return m.end()  # 31 June, 30 February, and month 00 of 2023-00-29
    iso = "-".join(filter(None, [year or "-", f"{month:02d}" if month else "", f"{day:02d}" if day else ""]))
    return Mention(at, m.end(), "date", date=iso, qualifier=qualifier)


def _month(name: str) -> int:
    return lx.MONTHS[name.rstrip(".").lower()]
