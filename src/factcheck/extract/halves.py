"""Fractions that belong to a measure: "an hour and a half", "two hours and a half", "a mile and a
half" (the half is read as a fraction on its own; this pass adds it to the measure it finishes), "a
quarter of an hour", "half a mile" (a fraction of one unit), and "a quarter of a percentage point",
"half a percentage point" (a change in percentage points)."""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck import lexicon as lx
from factcheck.extract.context import with_context
from factcheck.extract.mention import Mention

# " and a half" after a measure: "an hour *and a half*".
_AND_A_HALF = re.compile(r"[ \u00a0]+and[ \u00a0]+(?:a|one)[ \u00a0]+half\b")
# A unit word in the singular right before it, with its article: "*an hour*", "the first *hour*".
_UNIT_BEFORE = re.compile(r"(?:(?<![\w-])(?P<article>[Aa]n?)[ \u00a0]+)?(?<![\w-])(?P<unit>[a-z]+)$")
_MEASURED = frozenset({"duration", "distance", "other"})
# Singular unit words that may stand alone before "and a half": (kind, unit).
_UNIT_WORDS: dict[str, tuple[str, str]] = {
    **{word: ("duration", unit) for word, (unit, _) in lx.DURATION_UNITS.items() if word == unit},
    **{
        word: ("distance", unit)
        for word, (unit, _) in lx.DISTANCE_UNITS.items()
        if word.isalpha() and len(word) > 3 and not word.endswith("s")  # "mile", not "mi" or "miles"
    },
}


def and_a_half(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "two hours and a half" is 2.5 hours, "an hour and a half" 1.5, "a mile and a half" 1.5 miles;
    a half that finishes no measure is left as it was.

    >>> from factcheck.extract.scan import scan
    >>> [(m.value, m.unit) for m in scan("The talks lasted an hour and a half.")]
    [(1.5, 'hour')]
    >>> [(m.value, m.unit) for m in scan("The meeting lasted two hours and a half.")]
    [(2.5, 'hour')]
    """
    if "half" not in text:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue  # the half "two hours and a half" now ends with
        out.append(_extended(text, m))
    for half in _AND_A_HALF.finditer(text):
        unit = _UNIT_BEFORE.search(text, max(0, half.start() - 20), half.start())
        found = _UNIT_WORDS.get(unit.group("unit")) if unit is not None else None
        if unit is None or found is None:
            continue
        start = unit.start("article") if unit.group("article") else unit.start("unit")
        inside = [m for m in out if m.start < half.end() and start < m.end]
        if any(not (_is_half(m) and m.start >= half.start()) for m in inside):
            continue  # already read as a measure ("two hours and a half"), or part of another figure
        new = with_context(text, Mention(start, half.end(), found[0], value=1.5, unit=found[1]))
        out = sorted([m for m in out if m not in inside] + [new], key=lambda m: m.start)
    return out


def _extended(text: str, m: Mention) -> Mention:
    """ "two hours" before " and a half": 2.5 hours."""
    if m.kind not in _MEASURED or m.value is None or m.low is not None:
        return m
    half = _AND_A_HALF.match(text, m.end)
    return m if half is None else replace(m, end=half.end(), value=m.value + 0.5)


def _is_half(m: Mention) -> bool:
    return m.kind == "ratio" and m.value == 0.5 and m.qualifier is None


# " of a percentage point" after a fraction: "a quarter *of a percentage point*".
_OF_A_POINT = re.compile(r"[ \u00a0]+of[ \u00a0]+a[ \u00a0]+percentage[ \u00a0]+point\b")
# "half a percentage point", with no fraction read before it ("half" alone is none).
_HALF_A_POINT = re.compile(
    r"(?<![\w-])[Hh]alf[ \u00a0]+(?:of[ \u00a0]+)?a[ \u00a0]+percentage[ \u00a0]+point\b"
)


def of_a_point(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "a quarter of a percentage point" is 0.25 points, "half a percentage point" 0.5: a percent,
    as "2 percentage points" is.

    >>> from factcheck.extract.scan import scan
    >>> [(m.value, m.unit) for m in scan("The bank raised rates by a quarter of a percentage point.")]
    [(0.25, '%')]
    """
    if "percentage point" not in text:
        return mentions
    out = []
    for m in mentions:
        point = _OF_A_POINT.match(text, m.end) if m.kind == "ratio" and m.unit == "fraction" else None
        out.append(m if point is None else replace(m, kind="percent", unit="%", end=point.end()))
    for half in _HALF_A_POINT.finditer(text):
        if not any(m.start < half.end() and half.start() < m.end for m in out):
            new = with_context(text, Mention(half.start(), half.end(), "percent", value=0.5, unit="%"))
            out = sorted([*out, new], key=lambda m: m.start)
    return out


# " of an hour" after a fraction: "a quarter *of an hour*", "three quarters *of a mile*".
_OF_A_UNIT = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:an?|one)[ \u00a0]+(?P<unit>[a-z]+)\b")
# "half an hour", "half a mile": the fraction and its unit, no "of".
_HALF_A_UNIT = re.compile(r"(?<![\w-])[Hh]alf[ \u00a0]+(?:an?)[ \u00a0]+(?P<unit>[a-z]+)\b")


# A fraction of a span of time in the next unit down, where that makes it whole: "a quarter of an hour"
# is said to mean 15 minutes, "half a century" 50 years.
_SMALLER = {
    "minute": ("second", 60), "hour": ("minute", 60), "day": ("hour", 24), "week": ("day", 7),
    "year": ("month", 12), "decade": ("year", 10), "century": ("year", 100),
}  # fmt: skip


def of_a_unit(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "a quarter of an hour" is 15 minutes, "half an hour" 30, "three quarters of a mile" 0.75
    miles: a fraction of one unit is a measure, not a share of something.

    >>> from factcheck.extract.scan import scan
    >>> [(m.value, m.unit) for m in scan("Kick-off was delayed by a quarter of an hour.")]
    [(15.0, 'minute')]
    >>> [(m.value, m.unit) for m in scan("It took half an hour, then three quarters of a mile.")]
    [(30.0, 'minute'), (0.75, 'mi')]
    """
    if " of a" not in text and "alf a" not in text:
        return mentions
    found: list[Mention] = []
    for m in mentions:
        if m.kind == "ratio" and m.unit == "fraction" and m.value is not None and m.low is None:
            unit = _OF_A_UNIT.match(text, m.end)
            measure = _UNIT_WORDS.get(unit.group("unit")) if unit is not None else None
            if unit is not None and measure is not None:
                found.append(replace(m, end=unit.end(), kind=measure[0], unit=measure[1]))  # its hedge too
    for half in _HALF_A_UNIT.finditer(text):
        measure = _UNIT_WORDS.get(half.group("unit"))
        if measure is not None and not any(f.start <= half.start() < f.end for f in found):
            found.append(Mention(half.start(), half.end(), measure[0], value=0.5, unit=measure[1]))
    if not found:
        return mentions
    kept = [m for m in mentions if not any(f.start < m.end and m.start < f.end for f in found)]
    return sorted([*kept, *(with_context(text, _whole(f)) for f in found)], key=lambda m: m.start)


def _whole(m: Mention) -> Mention:
    smaller, factor = _SMALLER.get(m.unit or "", (None, 0))
    value = (m.value or 0.0) * factor
    return replace(m, value=value, unit=smaller) if smaller and value == int(value) else m


_SMALL = "|".join(sorted((w for w, v in lx.UNITS_0_19.items() if 1 <= v <= 10), key=len, reverse=True))
# A share as "one in four", "two in every three", "1 in 10": so many of every so many. In digits, only
# "1 in": "more than 2 in 5" is as often two numbers.
ONE_IN = re.compile(
    rf"""(?<![\w.,-])(?P<part>(?i:{_SMALL})|1)[ \u00a0]+in[ \u00a0]+(?:every[ \u00a0]+)?
    (?P<whole>(?i:{_SMALL}|twenty|fifty|a[ ]hundred|a[ ]thousand)|[1-9]\d{{0,2}}(?:,\d{{3}})?)(?![\w.,]\d|-)\b""",
    re.VERBOSE,
)
_WHOLES = {**{w: v for w, v in lx.UNITS_0_19.items() if 1 <= v <= 10}, "twenty": 20, "fifty": 50}
_WHOLES |= {"a hundred": 100, "a thousand": 1000}


def one_in_n(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "one in four passengers", "almost 1 in 10 homes": a share (1/4), not a count of four passengers.
    The mentions inside it give way to it; a part no smaller than its whole ("five in four") is none.

    >>> text = "The bug struck almost one in four passengers."
    >>> [(m.kind, m.value, m.qualifier, text[m.start : m.end]) for m in one_in_n(text, [])]
    [('ratio', 0.25, 'approx', 'one in four')]
    """
    if " in " not in text:
        return mentions
    shares = []
    for found in ONE_IN.finditer(text):
        part, whole = (_count(found.group(g)) for g in ("part", "whole"))
        at = found.start("whole")
        counted = all(m.kind == "count" for m in mentions if m.start <= at < m.end)  # not "3 in 20 minutes"
        if part < whole and counted:
            share = Mention(
                found.start(), found.end(), "ratio", value=round(part / whole, 10), unit="fraction"
            )
            shares.append(with_context(text, share))
    if not shares:
        return mentions
    kept = [m for m in mentions if not any(m.start < s.end and s.start < m.end for s in shares)]
    if kept != mentions and any(m.equivalent is not None for m in mentions):
        return mentions  # a restatement's index would shift: leave such rare sentences as they were
    return sorted(kept + shares, key=lambda m: m.start)


def _count(word: str) -> int:
    digits = word.replace(",", "")
    return int(digits) if digits.isdigit() else _WHOLES[word.lower().replace("\u00a0", " ")]
