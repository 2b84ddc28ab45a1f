"""Clock times as a reader reads them: "6:10 p.m.", "18:10", "9.45 am", "12 noon", "1pm UK time".

A time becomes a ``scan.Mention`` of kind ``time``: its value is the minute of the local day (780 for
1pm), its unit the zone as stated ("BST", "UK time") or None. Which day it falls on, and so its UTC
instant, is for ``extract.anchor``: it reads the day words next to the time (``day_hint``).

The word tables are module constants for now; they belong in the lexicon and will move there.

>>> [(m.value, m.unit) for m in scan_times("It submerged at 1pm UK time, and at 20:05 EDT they knew.")]
[(780.0, 'UK time'), (1205.0, 'EDT')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, timedelta, timezone, tzinfo
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

from factcheck.extract.scan import Mention
from factcheck.lexicon.load import table

# Each stated zone, as a reader reads it: a region's clock where the name is a region's (its summer
# and winter time follow the date: reporters write "EST" in June and mean Eastern), a fixed offset
# where the name is one.
ZONES: dict[str, str] = {
    "UTC": "UTC",
    "GMT": "UTC",
    "Z": "UTC",
    "BST": "Europe/London",
    "UK time": "Europe/London",
    "UK": "Europe/London",
    "British time": "Europe/London",
    "London time": "Europe/London",
    "EDT": "America/New_York",
    "EST": "America/New_York",
    "ET": "America/New_York",
    "Eastern": "America/New_York",
    "CDT": "America/Chicago",
    "CST": "America/Chicago",
    "Central": "America/Chicago",
    "MDT": "America/Denver",
    "MST": "America/Denver",
    "Mountain": "America/Denver",
    "PDT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "PT": "America/Los_Angeles",
    "Pacific": "America/Los_Angeles",
    "ADT": "America/Halifax",
    "AST": "America/Halifax",
    "Atlantic": "America/Halifax",
    "NDT": "America/St_Johns",
    "NST": "America/St_Johns",
    "Newfoundland": "America/St_Johns",
    "CET": "Europe/Paris",
    "CEST": "Europe/Paris",
    "EET": "Europe/Athens",
    "EEST": "Europe/Athens",
    "IST": "Asia/Kolkata",  # India's, the far more frequent reading in news than Irish Summer Time
    "Indian": "Asia/Kolkata",
    "JST": "Asia/Tokyo",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "Sydney": "Australia/Sydney",
    "HKT": "Asia/Hong_Kong",
    "SGT": "Asia/Singapore",
    "MSK": "Europe/Moscow",
    "NPT": "Asia/Kathmandu",
    "PKT": "Asia/Karachi",
}
# Spelled-out forms, mapped onto a key of ZONES: "US Eastern Time", "Eastern Daylight Time".
_NAMED = {
    "eastern": "Eastern",
    "central": "Central",
    "mountain": "Mountain",
    "pacific": "Pacific",
    "atlantic": "Atlantic",
    "newfoundland": "Newfoundland",
    "indian": "Indian",
    "uk": "UK time",
    "british": "UK time",
    "london": "UK time",
    "sydney": "Sydney",
}
WEEKDAYS = tuple(table("context.toml", "weekdays"))  # Monday first, as date.weekday() counts
PERIODS = {"noon": 720, "midday": 720, "midnight": 0}

_ABBREVIATIONS = "|".join(sorted((k for k in ZONES if k.isupper() and k != "UK"), key=len, reverse=True))

TIME = re.compile(
    rf"""
    (?<![\w.:,£$€/-])                                   # not inside a number, word, sum or date
    (?:
      (?P<h>[01]?\d|2[0-4])                             # an hour: 1, 09, 18, 24
      (?:
        (?P<sep>[:.])(?P<m>[0-5]\d)                     # minutes after a colon or a dot: 6:10, 7.08
        (?::(?P<s>[0-5]\d))?                            # seconds
      )?
      (?:
        \s?(?P<ampm>[aApP])(?:\.\s?[mM]\.|\s?[mM]\b)    # am / p.m. / PM; "pm." ends a sentence
        | \s(?P<noon>noon)\b                            # "12 noon"
      )?
    | (?P<hhmm>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?=\s?(?:{_ABBREVIATIONS})\b)  # AP style "1000 GMT"
    | (?P<word>noon|midday|midnight)\b                   # the named hours
    )
    (?![\w:]|\.\d)                                      # not followed by more digits or a word
    """,
    re.X,
)
ZONE = re.compile(
    rf"""
    \s?\(?                                              # "13:17 NDT", "7.08am (UK time)" is not ours
    (?:
      (?P<offset>(?:UTC|GMT)\s?[+\u2212-]\s?\d{{1,2}}(?::?\d\d)?)   # "UTC+1", "GMT-4", "UTC−2:30"
    | (?P<abbr>{_ABBREVIATIONS})\b                      # "NDT", "EDT", "GMT"
    | (?P<named>(?i:(?:US\s)?(?:eastern|central|mountain|pacific|atlantic|newfoundland|indian|uk|british|london|sydney)
        (?:\s(?:daylight|standard|summer))?\s(?:time\b|local\stime\b)))   # "US Eastern Time", "UK time"
    | (?P<region>(?:Eastern|Central|Mountain|Pacific)\b(?![ ]?[A-Z]|[ ](?i:time|standard|daylight)\b))  # "6:15 a.m. Eastern"
    | (?P<local>(?i:local\stime)\b)                     # "local time": the place's, not known here
    | (?P<place>[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)[ ]time\b  # "Nepal time", "Moscow time" (``place_zone``)
    | (?P<short>UK\b(?!\s[a-z]))                        # "12.08pm UK" in a list of zones
    )
    """,
    re.X,
)
# What makes a bare number a time: minutes, am/pm, "noon", or a stated zone.
_CUE_BEFORE = re.compile(r"(?i:\b(?:at|by|until|till|before|after|around|about|from|since|to)\s+)$")


@dataclass(frozen=True, slots=True)
class DayHint:
    """The day words next to a time: a weekday (0 is Monday), a shift from the reference day
    ("yesterday" is -1), or an explicit day and month."""

    weekday: int | None = None
    shift: int | None = None
    month_day: tuple[int, int] | None = None


_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ),
        start=1,
    )
    for m in names.split()
}
_WEEKDAY = rf"(?P<wd>(?i:{'|'.join(WEEKDAYS)}))"
_SHIFT = r"(?P<shift>(?i:today|tonight|yesterday|tomorrow|this\s+morning|this\s+afternoon|this\s+evening))"
_MONTH = r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DATE = rf"(?P<date>(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\b|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})\b)"
DAY_AFTER = re.compile(
    rf"""^(?:\s*\([^()]{{0,60}}\))?                     # a parenthesised restatement: "(12.08pm UK time)"
    ,?\s+(?:(?i:on|of)\s+)?(?:(?i:the)\s+)?             # "on", "of", "the"
    (?:{_WEEKDAY}|{_SHIFT}|{_DATE})""",
    re.X,
)
DAY_BEFORE = re.compile(
    rf"""(?:{_WEEKDAY}|{_SHIFT}|{_DATE})                # "Sunday", "today", "June 18"
    (?:,?\s+\d{{4}})?                                    # "22 June 2023"
    (?:\s+(?i:morning|afternoon|evening|night))?        # "Thursday morning"
    ,?\s+(?:(?i:at|from|around|about|by|until)\s+)?$    # "Sunday at"
    """,
    re.X,
)
DATE_NEXT = re.compile(rf",?\s+(?:(?i:the)\s+)?{_DATE}")  # the date after a weekday: "Saturday, March 15"
_SHIFTS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0}


def scan_times(text: str) -> list[Mention]:
    """Every clock time of ``text``, left to right; offsets index ``text``."""
    if not _maybe_time(text):
        return []
    found: list[Mention] = []
    for match in TIME.finditer(_unglued(text)):
        mention = _mention(text, match)
        if mention is not None:
            found.append(mention)
    if more := _minutes_seconds(text):
        found = sorted(found + more, key=lambda m: m.start)
    return found


# An infobox's label glued to its time, as a page scraped without its cell borders writes it: "Time07:42
# UTC", "Local time04:17". The label is a word of lower-case letters (a capital first) of three or more.
GLUED_TIME = re.compile(r"(?<![A-Za-z])[A-Za-z][a-z]{2,}(?=(?:[01]?\d|2[0-3]):[0-5]\d\b)")


_QUICK_GLUED = re.compile(r"[a-z]\d\d?:\d")


def _unglued(text: str) -> str:
    """``text`` with a space for the last letter of each label glued to a time, so that ``TIME`` (which
    reads no time inside a word) reads the time; the offsets are unchanged."""
    return GLUED_TIME.sub(lambda m: m.group()[:-1] + " ", text) if _QUICK_GLUED.search(text) else text


def with_times(mentions: list[Mention], text: str) -> list[Mention]:
    """The scanner's mentions with the clock times of ``text`` added: a time wins its span, and
    mentions it overlaps are dropped (a restatement index is kept pointing at the same mention)."""
    times = scan_times(text)
    if not times:
        return mentions
    kept = [m for m in mentions if not any(m.start < t.end and t.start < m.end for t in times)]
    merged = sorted(kept + times, key=lambda m: m.start)
    where = {id(m): i for i, m in enumerate(merged)}
    return [
        m if m.equivalent is None else replace(m, equivalent=where.get(id(mentions[m.equivalent])))
        for m in merged
    ]


def _maybe_time(text: str) -> bool:
    """A cheap test that most sentences fail: no colon-time, no am/pm, no named hour, no "1000 GMT"."""
    return bool(_QUICK.search(text)) or ("noon" in text or "midday" in text or "midnight" in text)


# One pattern that starts with a digit, so the engine skips to digits: "6:10", "7.08", "4am", "1000 GMT".
_QUICK = re.compile(r"\d(?:[:.]\d\d|\s?[aApP]\.?\s?[mM]\b|\d\d\d\s?[A-Z]{2,4}\b)")


def _mention(text: str, match: re.Match[str]) -> Mention | None:
    zone_match = ZONE.match(text, match.end())
    zone = _zone_label(zone_match)
    if _elapsed(text, match) and zone is None:
        hours, minutes, seconds = (int(match.group(g)) for g in ("h", "m", "s"))
        value = float(hours * 3600 + minutes * 60 + seconds)
        return Mention(start=match.start(), end=match.end(), kind="duration", value=value, unit="second")
    if match.group("word"):
        if not _CUE_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            return None  # "the midnight deadline" states no time; "at midnight" does
        minutes = PERIODS[match.group("word").lower()]
    elif match.group("hhmm"):
        minutes = int(match.group("hhmm")) * 60 + int(match.group("mm"))
    else:
        hour, minute = int(match.group("h")), int(match.group("m") or 0)
        ampm, noon = match.group("ampm"), match.group("noon")
        if noon:
            if hour != 12 or match.group("m"):
                return None
        elif ampm:
            if not 1 <= hour <= 12:
                return None  # "13pm" is no time
            hour = hour % 12 + (12 if ampm in "pP" else 0)
        elif match.group("sep") == ":" or (match.group("m") and zone is not None):
            if hour == 24 and minute:
                return None  # 24:00 is midnight; 24:30 is no time
        else:
            return None  # "10.30" alone is a decimal; "4" alone a number
        minutes = (hour % 24) * 60 + minute if hour != 24 else 24 * 60
    end = match.end() if zone_match is None or zone is None else zone_match.end()
    qualifier, qualifier_start = _qualifier(text, match.start())
    return Mention(
        start=match.start(),
        end=end,
        kind="time",
        value=float(minutes),
        unit=zone,
        qualifier=qualifier,
        qualifier_start=qualifier_start,
    )


# Words before an h:mm:ss that make it a time taken, not a time of day: "won in 2:19:47", "a time of
# 2:41:05", "ran 2:01:09", "clocked 2:05:12".
_ELAPSED_BEFORE = re.compile(
    r"(?i:\b(?:in|of|ran|run|runs|clocked|clocking|timed|recorded|record|time|best|finished|won)\s+)$"
)


# What puts a clock's h:mm:ss: "at 14:03:27", "from 09:00:00", or a date before it ("2025-03-15 23:47:10").
_CLOCK_BEFORE = re.compile(r"(?i:\b(?:at|from|until|till|by|since|around|before|after)\s+)$|\d\s$")
# Minutes and seconds past any hour of a clock: "halfway in 59:58". Read only after a word of timing.
MINUTES_SECONDS = re.compile(r"(?<![\w.:,£$€/-])(?P<m>[2-5]\d):(?P<s>[0-5]\d)(?![\w:]|\.\d)")


def _elapsed(text: str, match: re.Match[str]) -> bool:
    """Whether an h:mm:ss with no am/pm is a time taken ("won the race in 2:19:47", "Kiplel's 2:00:27"),
    not a clock's: a clock's seconds follow "at", "from" or a date ("at 14:03:27")."""
    if not match.group("s") or match.group("ampm") or match.group("sep") != ":":
        return False
    before = text[max(0, match.start() - 12) : match.start()]
    return bool(_ELAPSED_BEFORE.search(before)) or not _CLOCK_BEFORE.search(before)


def _minutes_seconds(text: str) -> list[Mention]:
    """Each "59:58" of ``text`` after a word of timing ("in 59:58"): a span of minutes and seconds."""
    found = []
    for match in MINUTES_SECONDS.finditer(text):
        if _ELAPSED_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            value = float(int(match.group("m")) * 60 + int(match.group("s")))
            found.append(
                Mention(start=match.start(), end=match.end(), kind="duration", value=value, unit="second")
            )
    return found


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Place names whose clock the tz database knows, lower-cased, with its zone: a country with one
    zone ("nepal": Asia/Kathmandu, from ``iso3166.tab`` and ``zone.tab``) and each zone's city
    ("moscow", "new york"). A country of several zones is left out: its time names no one clock."""
    base = resources.files("tzdata.zoneinfo")
    countries = dict(
        line.split("\t")[:2]
        for line in base.joinpath("iso3166.tab").read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    )
    by_country: dict[str, list[str]] = {}
    places: dict[str, str] = {}
    for line in base.joinpath("zone.tab").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            code, _, name = line.split("\t")[:3]
            by_country.setdefault(code, []).append(name)
            places[name.rsplit("/", 1)[-1].replace("_", " ").lower()] = name
    for code, names in by_country.items():
        if len(names) == 1 and code in countries:
            places[countries[code].lower()] = names[0]
    return places


def place_zone(place: str) -> str | None:
    """The tz database zone of "<place> time": "Nepal time", "Moscow time"; None for a place of several
    zones or none ("Brazil time", "Sunday time").

    >>> place_zone("Nepal"), place_zone("Moscow"), place_zone("Brazil"), place_zone("Sunday")
    ('Asia/Kathmandu', 'Europe/Moscow', None, None)
    """
    return _places().get(place.lower())


def _zone_label(match: re.Match[str] | None) -> str | None:
    """The zone as the text names it, as a key of ZONES; None where none is stated."""
    if match is None:
        return None
    if match.group("offset"):
        return re.sub(r"\s", "", match.group("offset")).replace("\u2212", "-")
    if match.group("abbr"):
        return match.group("abbr")
    if match.group("short"):
        return "UK time"
    if match.group("region"):  # the wires' style for the American zones: "11:40 p.m. Eastern"
        return match.group("region")
    if match.group("place"):
        return place_zone(match.group("place"))
    named = match.group("named")
    if named:
        words = named.lower().split()
        key = words[1] if words[0] == "us" else words[0]
        return _NAMED[key]
    return None  # "local time" names no zone


_APPROX = re.compile(
    r"(?i:\b(?:about|around|approximately|roughly|some|circa|c\.|just\s+(?:before|after))\s+)$"
)


def _qualifier(text: str, start: int) -> tuple[str | None, int | None]:
    found = _APPROX.search(text, max(0, start - 20), start)
    return ("approx", found.start()) if found else (None, None)


def zone_info(label: str | None) -> tzinfo | None:
    """The tzinfo of a stated zone label: a region's clock or a fixed offset; None if unknown."""
    if label is None:
        return None
    offset = re.fullmatch(r"(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d\d))?", label)
    if offset:
        sign = -1 if offset.group(1) == "-" else 1
        delta = timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3) or 0))
        return timezone(sign * delta) if delta < timedelta(hours=15) else None
    name = ZONES.get(label, label if "/" in label else None)  # a key of ZONES, or a tz database name
    return None if name is None else _zone(name)


@lru_cache(maxsize=64)
def _zone(name: str) -> tzinfo:
    return UTC if name == "UTC" else ZoneInfo(name)


def day_hint(text: str, start: int, end: int) -> DayHint | None:
    """The day a time at ``text[start:end]`` names next to it: "1pm on Sunday", "Sunday at 13:17",
    "22 June 2023 13:12", "7.08am (12.08pm UK time) today"."""
    after = DAY_AFTER.match(text[end : end + 80])
    if after is not None:
        if after.group("wd") and (date := DATE_NEXT.match(text, end + after.end(), end + 100)):
            return _hint(date)  # "on Saturday, March 15": the date, not the Saturday nearest the text's
        return _hint(after)
    before = DAY_BEFORE.search(text[max(0, start - 60) : start])
    if before is not None:
        return _hint(before)
    return None


def _hint(match: re.Match[str]) -> DayHint:
    found = match.groupdict()
    if found.get("wd"):
        return DayHint(weekday=WEEKDAYS.index(match.group("wd").lower()))
    if found.get("shift"):
        return DayHint(shift=_SHIFTS[match.group("shift").lower().split()[0]])
    day = match.group("d1") or match.group("d2")
    month = _MONTHS.get((match.group("m1") or match.group("m2")).lower().rstrip("."), 0)
    return DayHint(month_day=(month, int(day)))
