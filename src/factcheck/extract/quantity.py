"""A number with what stands around it: ``read_quantity`` reads its unit, a range, a year, a measure
word before it ("a magnitude of 5.9") and a ratio ("one out of three")."""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck import lexicon as lx
from factcheck.extract.context import with_context
from factcheck.extract.mention import Mention, Unit
from factcheck.extract.names import is_identifier
from factcheck.extract.numbers import NumberMatch, parse_number
from factcheck.extract.patterns import BETWEEN_BEFORE, NOUN_WORD
from factcheck.extract.ranges import range_second
from factcheck.extract.readers import is_year, unit_after
from factcheck.extract.units import counted_noun
from factcheck.lexicon.load import table
from factcheck.lexicon.plurals import is_plural


def read_quantity(text: str, num: NumberMatch, *, start: int, currency: str | None) -> Mention | int | None:
    """A number with what stands around it: its unit, a range, what kind of figure it is, a rank or a
    measure word before it; a score ("2-1") gives the offset to skip to."""
    unit = unit_after(text, num, currency)
    second = range_second(text, start, num, unit, currency)
    if second is not None and _is_score(text, num, unit, second[0]):
        return second[0].end
    unit, low, high, end = _with_range(num, unit, second)
    if unit.kind == "none":
        return None
    value = num.value * unit.factor + unit.extra
    kind, unit, end = _kind(text, num, unit, end=end, second=second)
    if kind == "year" and low is not None and high is not None:  # 2023-24
        if high < 100:
            high = (low // 100) * 100 + high
        if high <= low:
            return None
    if low is not None and high is not None and high < low:
        low = high = None
        end = unit.end
    if kind == "count" and unit.unit is None and _RANK_BEFORE.search(text, max(0, start - 12), start):
        return None  # "slipped towards the bottom three": a place in a table
    if kind == "count" and low is None and (measure := _measured(text, num, start, unit)) is not None:
        return with_context(text, Mention(start, num.end, "count", value=value, unit=measure))
    between = BETWEEN_BEFORE.search(text[max(0, start - 12) : start])
    if low is not None and between:
        start -= len(between.group()) - len(between.group("verb") or "") - (1 if between.group("verb") else 0)
    mention = Mention(
        start,
        end,
        kind,
        value=None if low is not None else value,
        low=low,
        high=high,
        unit=unit.unit if kind != "year" else "year",
        qualifier=unit.qualifier,
    )
    return with_context(text, mention)


def _with_range(
    num: NumberMatch, unit: Unit, second: tuple[NumberMatch, Unit] | None
) -> tuple[Unit, float | None, float | None, int]:
    """The unit, the two ends (None, None without a range) and the end of a number read with the
    second number of its range: "10-20%" takes the unit of its second number, "two to three million"
    its scale."""
    if second is None:
        return unit, None, None, unit.end
    num2, unit2 = second
    if unit.unit is None and unit2.unit is not None:
        unit = replace(unit2, end=unit2.end)
    low = num.value
    if not num.scaled and num2.scaled and low * num2.factor <= num2.value:
        low *= num2.factor
    return unit, low, num2.value, max(unit2.end, num2.end)


def _kind(
    text: str, num: NumberMatch, unit: Unit, *, end: int, second: tuple[NumberMatch, Unit] | None
) -> tuple[str, Unit, int]:
    """What kind of figure a number is, with its unit and end: a year ("in 2021"), a fraction ("3/4",
    ".5"), and for a range of years before a measure, that measure ("from 1000 to 2000 hires")."""
    kind = unit.kind
    if kind == "count" and unit.unit is None and second is None and is_year(text, num, end):
        kind = "year"
    if kind == "count" and unit.unit is None and 0 < abs(num.value) < 1 and not num.words:
        kind, unit = "ratio", replace(unit, unit="fraction")  # 3/4, .5
    if kind == "year" and second is not None:  # "from 1000 to 2000 hires", "2000 - 2500 Calories"
        after = unit_after(text, replace(second[0], plain_integer=False), None)
        if after.unit is not None and (after.kind != "count" or _plural_noun_after(text, end)):
            kind, unit, end = after.kind, after, after.end
    return kind, unit, end


def _measured(text: str, num: NumberMatch, start: int, unit: Unit) -> str | None:
    """The noun a bare figure measures, written right before it: "a magnitude of 5.9", "a
    magnitude-5.9 tremor", "a category 4 hurricane", "alert level 3". A plural noun after the figure is
    what it counts: "a score of 3 goals" counts goals.

    >>> from factcheck.extract.scan import scan
    >>> [(m.value, m.unit) for m in scan("A category 4 hurricane, with a score of 3 goals.")]
    [(4.0, 'category'), (3.0, 'goal')]
    """
    found = _MEASURE_BEFORE.search(text, max(0, start - 16), start)
    if found is None:
        return None
    if unit.unit is not None and not text.startswith("-", start - 1):
        noun = NOUN_WORD.match(text, num.end)
        if noun is None or noun.group("gap") == "-" or is_plural(noun.group("word")):
            return None
    return found.group("noun").lower()


# "the top", "the bottom" right before a bare number: a rank.
_RANK_BEFORE = re.compile(
    rf"\b(?i:the)[ \u00a0]+(?i:{'|'.join(table('context.toml', 'rank_words'))})[ \u00a0]+$"
)

# A noun that says what the figure after it measures: "magnitude of", "category", "magnitude-".
_MEASURE_BEFORE = re.compile(rf"\b(?P<noun>(?i:{'|'.join(lx.MEASURE_WORDS)}))(?:[ \u00a0]+of)?[ \u00a0-]$")
MEASURES = frozenset(lx.MEASURE_WORDS)


def _plural_noun_after(text: str, end: int) -> tuple[str, int] | None:
    """The plural noun a number counts right after ``end``: "(from 1000 to 2000) hires"."""
    nxt = NOUN_WORD.match(text, end)
    if nxt is None or nxt.group("gap") == "-" or not is_plural(nxt.group("word")):
        return None
    return counted_noun(text, end, 2.0)


def _is_score(text: str, num: NumberMatch, unit: Unit, num2: NumberMatch) -> bool:
    """ "drew 2-2", "won 2-1", "9-2 lead": two bare integers joined by a hyphen, the second no larger
    than the first, are a score, not a range (a range runs upwards: "10-20 people")."""
    return (
        unit.unit is None
        and num.plain_integer
        and num2.plain_integer
        and text[unit.end : num2.start] == "-"
        and num2.value <= num.value
    )


# "1 over 3", "one out of three": a ratio of two bare numbers.
_RATIO_JOIN = re.compile(r"[ \u00a0]+(?P<join>over|out[ \u00a0]+of)[ \u00a0]+")


def ratio_after(text: str, num: NumberMatch, *, start: int) -> Mention | None:
    """ "one out of three", "1 over 3" (not "over 3 years", a qualifier): the ratio, when the second
    number has no unit or noun of its own, or, after "out of", the same noun the first would count."""
    join = _RATIO_JOIN.match(text, num.end)
    if join is None or num.scaled:
        return None
    second = parse_number(text, join.end())
    if second is None or second.value == 0 or second.scaled or (second.words and second.value < 1):
        return None
    if is_identifier(text, join.end(), second.end):
        return None
    follow = unit_after(text, second, None)
    over = join.group("join") == "over"
    if follow.kind != "count" or (over and follow.unit is not None):
        return None
    end = follow.end if follow.unit is not None else second.end
    value = num.value / second.value
    return with_context(text, Mention(start, end, "ratio", value=value, unit="fraction"))
