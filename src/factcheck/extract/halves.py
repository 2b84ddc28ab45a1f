"""Fractions that belong to a measure: "an hour and a half", "two hours and a half", "a mile and a
half" (the half is read as a fraction on its own; this pass adds it to the measure it finishes), and
"a quarter of a percentage point", "half a percentage point" (a change in percentage points)."""

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
