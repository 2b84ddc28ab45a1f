"""Dates: "17 February 2008", "December 28, 2021", "2008-02-17", "13.09.2025", "November 2010", "early 2023"; a date no
calendar has ("31 June 2023") is skipped whole."""

from __future__ import annotations

import re
from calendar import monthrange

from factcheck import lexicon as lx
from factcheck.extract.mention import Mention
from factcheck.extract.patterns import DATE
from factcheck.lexicon.load import table

_LEAP_YEAR = 2000  # the calendar of a date stated without its year: 29 February exists in it
# What a day written "17.03." without its year must follow to be a day and not a decimal.
_DAY_CUE = re.compile(r"(?i:\b(?:on|from|until|since|by)[ \u00a0])$")


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
    elif g["dots"]:
        if not g["y5"] and not _DAY_CUE.search(text, max(0, at - 6), at):
            return None  # "closed at 17.03." is a number; "on 17.03." a day
        year, month, day = g["y5"], int(g["m5"]), int(g["d5"])
        if not (month and day):
            return None
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


_WEEKDAYS = tuple(table("context.toml", "weekdays"))  # Monday first, as date.weekday() counts
# A weekday with its day of the month in brackets, as translated wire copy writes it: "this Wednesday
# (13)" is the 13th, a Wednesday near the day of writing. The month and year are the anchor's to find.
WEEKDAY_DAY = re.compile(
    rf"""
    \b(?P<weekday>(?i:{"|".join(_WEEKDAYS)}))  # "Wednesday"
    [ \u00a0]?\(                     # " ("
    (?P<day>[12]\d|3[01]|0?[1-9])    # the day of the month: 13
    \)                               # ")"
    """,
    re.VERBOSE,
)


def weekday_days(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each "Wednesday (13)" of ``text`` added as a date of a day of the month only
    (ISO 8601's truncated ``---13``), its span the weekday and bracket: ``anchor`` gives it the month
    and year nearest its document's date that put the 13th on a Wednesday. A mention inside it gives
    way to it. It runs before any pass links restatements, so no index needs mending.

    >>> text = "It ended this Wednesday (13)."
    >>> [(m.date, text[m.start : m.end]) for m in weekday_days(text, [])]
    [('---13', 'Wednesday (13)')]
    """
    if "(" not in text:
        return mentions
    days = [
        Mention(m.start(), m.end(), "date", date=f"---{int(m.group('day')):02d}")
        for m in WEEKDAY_DAY.finditer(text)
    ]
    if not days:
        return mentions
    kept = [m for m in mentions if not any(m.start < d.end and d.start < m.end for d in days)]
    return sorted([*kept, *days], key=lambda m: m.start)
