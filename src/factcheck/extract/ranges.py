"""Two numbers of one measure: a range's upper bound ("700 to 800", "10-20%", "between 10% and 20%",
"£140m-£240m"), and a lower and an upper bound side by side ("more than 100 and less than 300")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from factcheck.extract.mention import Mention, Unit
from factcheck.extract.money import CURRENCY_PREFIX, currency_before
from factcheck.extract.names import is_identifier
from factcheck.extract.numbers import NumberMatch, parse_number
from factcheck.extract.patterns import BETWEEN_BEFORE, CHANGE_VERBS, MONTH, RANGE_JOIN
from factcheck.extract.readers import unit_after

_LOWER_BOUNDS = frozenset({"more_than", "at_least"})
_UPPER_BOUNDS = frozenset({"less_than", "at_most", "up_to"})
_BOUND_GAP = re.compile(r"[ \u00a0]*,?[ \u00a0]*(?:and|but)?[ \u00a0]*")


def bounded(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "greater than 100 and smaller than 300", "at most 100 and at least 20": a lower and an upper
    bound of one measure, side by side, are one range."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.qualifier_start is not None
            and prev.qualifier_start is not None
            and {prev.qualifier, m.qualifier} & _LOWER_BOUNDS
            and {prev.qualifier, m.qualifier} & _UPPER_BOUNDS
            and prev.kind == m.kind
            and prev.value is not None
            and m.value is not None
            and (prev.unit == m.unit or prev.unit is None or m.unit is None)
            and _BOUND_GAP.fullmatch(text, prev.end, m.qualifier_start)
        ):
            low, high = (prev.value, m.value) if prev.qualifier in _LOWER_BOUNDS else (m.value, prev.value)
            if low >= high:  # "more than 40 and less than 10": two ranges, no interval
                out.append(m)
                continue
            unit = prev.unit or m.unit
            out[-1] = Mention(prev.qualifier_start, m.end, m.kind, low=low, high=high, unit=unit, per=m.per)
            continue
        out.append(m)
    return out


# "17 *and* 10 million dollars", "65*,* 60 and 55 per cent": figures listed before the one that names
# their scale and unit.
_LIST_GAP = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*(?:and[ \u00a0]+)?|(?:and|&)[ \u00a0]+)")
_PLAIN_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?")
_FIRST_DIGIT = re.compile(r"\d")
_LISTED_KINDS = frozenset({"money", "percent", "distance", "other", "count"})


def shared_measure(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "pledged 17 and 10 million dollars, respectively", "turnout was 65 and 60 per cent": bare
    figures listed before a figure with a scale or a unit share them (a writer names them once). The
    first figure keeps its own span; it takes the second's scale, kind and unit.

    >>> [(m.value, m.unit) for m in shared_measure("gave 17 and 10 million dollars", [
    ...     Mention(5, 7, "count", value=17.0), Mention(12, 30, "money", value=1e7, unit="USD")])]
    [(17000000.0, 'USD'), (10000000.0, 'USD')]
    """
    out = list(mentions)
    for i in range(len(out) - 1, 0, -1):
        a, b = out[i - 1], out[i]
        if a.kind != "count" or a.unit is not None or a.value is None or a.low is not None:
            continue
        if b.kind not in _LISTED_KINDS or b.value is None or b.qualifier_start is not None:
            continue
        if _PLAIN_DIGITS.fullmatch(text, a.start, a.end) is None or not _LIST_GAP.fullmatch(
            text, a.end, b.start
        ):
            continue
        digit = _FIRST_DIGIT.search(text, b.start, b.end)
        written = parse_number(text, digit.start()) if digit else None
        if written is None or not written.value or (b.kind == "count" and not written.scaled):
            continue  # "3 and 4 medals": the noun alone, read by the claims' elided nouns
        if written.scaled and a.value >= 1000:
            continue  # "1,500 and 10 million": no one writes 1,500 million so
        factor = b.value * written.factor / written.value  # "10 million dollars": 1e6 dollars a unit
        out[i - 1] = replace(a, kind=b.kind, value=a.value * factor, unit=b.unit, per=a.per or b.per)
    return out


@dataclass(frozen=True, slots=True)
class Join:
    """A connector after a first number ("to", "-", "and", "up to"), and what stands around it."""

    text: str  # the sentence
    start: int  # where the first number starts, with its sign or currency
    unit: Unit  # what follows the first number
    written: str  # the connector with its spaces: " to ", "-", " -"
    word: str  # the connector alone, spaces made one: "to", "-", "up to"
    lead: str  # "between" or "from" right before the first number, else ""
    verb: str  # the word before that "between" or "from", lower case: "rose"
    end: int  # where the connector ends


def _join(text: str, start: int, unit: Unit) -> Join | None:
    join = RANGE_JOIN.match(text, unit.end)
    if join is None:
        return None
    before = BETWEEN_BEFORE.search(text[max(0, start - 12) : start])
    return Join(
        text,
        start,
        unit,
        join.group(),
        re.sub(r"^-[ \u00a0]+", "", re.sub(r"[ \u00a0]+", " ", join.group().strip())),  # "8- to 16-meter"
        before.group("b").lower() if before else "",
        (before.group("verb") or "").lower() if before else "",
        join.end(),
    )


def _glued_or(j: Join) -> bool:
    """ "5or6" is no text."""
    return j.word == "or" and not j.written.startswith(" ")


def _minus_sign(j: Join) -> bool:
    """ "Stoxx 50 -1.3% FTSE -0.6%": a sign before a decimal, not a dash ("ef 75 -300mm" is a range)."""
    return j.word == "-" and j.written.startswith(" ") and _SIGNED_DECIMAL.match(j.text, j.end) is not None


def _and_without_between(j: Join) -> bool:
    """ "5 and 6" joins a range only after "between"."""
    return j.word == "and" and j.lead != "between"


def _up_to_without_from(j: Join) -> bool:
    """ "up to" joins a range only after "from": "from 450 sq ft up to 900 sq ft"."""
    return j.word == "up to" and j.lead != "from"


def _change_from_to(j: Join) -> bool:
    """ "rose from 5 to 10" is a change between two levels; after "from", only "to" and "up to" join."""
    return j.lead == "from" and (j.word not in ("to", "up to") or j.verb in CHANGE_VERBS)


def _change_then_level(j: Join) -> bool:
    """ "fell 0.4 per cent to 13,176": a change, then the level it reached ("went up 5 to 10 percent"
    is a range: the first number has no unit of its own)."""
    return j.word == "to" and j.unit.unit is not None and _after_change_verb(j.text, j.start)


def _date_after(j: Join) -> bool:
    """ "extended by three months to 18 October": the second number is a day of a month, a date."""
    return _DAY_OF_MONTH.match(j.text, j.end) is not None


_DAY_OF_MONTH = re.compile(rf"[0-3]?\d(?:st|nd|rd|th)?[ \u00a0](?:of[ \u00a0])?{MONTH}")


# Connectors that join no range, each with its example; any that holds leaves the first number alone.
NOT_A_RANGE: tuple[Callable[[Join], bool], ...] = (
    _glued_or,
    _minus_sign,
    _and_without_between,
    _up_to_without_from,
    _change_from_to,
    _change_then_level,
    _date_after,
)


def range_second(
    text: str, start: int, num: NumberMatch, unit: Unit, currency: str | None
) -> tuple[NumberMatch, Unit] | None:
    """The upper bound of "700 to 800", "10-20%", "between 10% and 20%", "£140m-£240m"."""
    join = _join(text, start, unit)
    if join is None or any(rule(join) for rule in NOT_A_RANGE):
        return None
    at = _currency_again(text, join.end, currency)
    num2 = parse_number(text, at)
    if num2 is None or (num2.words and not num.words and not num2.scaled and join.lead != "between"):
        return None  # "5 or six": no range; "between 5 and six millimetres" is one
    if unit.kind == "year":  # 2023-24, 2021-2025
        year = num2.plain_integer and num2.ndigits in (2, 4) and join.word != "and"
        return (num2, Unit("year", "year", num2.end)) if year else None
    if is_identifier(text, at, num2.end, joined=join.word in ("-", "-to-") and text[at - 1] == "-"):
        return None
    if join.word == "or" and not (num.words and num2.words and num.value < num2.value <= 2 * num.value + 1):
        return None  # "three or four years", the spoken estimate; not "25k or 40k ... respectively"
    unit2 = unit_after(text, num2, currency)
    if unit.kind not in ("count",) and unit.unit is not None and unit2.unit not in (None, unit.unit):
        return None
    if unit.unit is not None and unit.kind != "count" and unit2.unit is None:
        unit2 = replace(unit2, kind=unit.kind, unit=unit.unit)
    return num2, unit2


def _currency_again(text: str, at: int, currency: str | None) -> int:
    """Past the currency written again before a range's second number: "£140m-*£*240m", "from RM120,000
    to *RM*300,000"."""
    if currency:
        prefix = CURRENCY_PREFIX.match(text, at)
        if prefix and currency_before(text, prefix.end())[0] == currency:
            return prefix.end()
    return at


# A decimal right after a minus sign: "-1.3%", the change of a market index.
_SIGNED_DECIMAL = re.compile(r"\d+\.\d")

# The words right before a number that make it a change: "rose", "edged down", "increased by".
_CHANGE_BEFORE = re.compile(r"(?P<verb>[A-Za-z]+)(?:[ \u00a0]+(?:by|down|up|higher|lower))?[ \u00a0]+$")


def _after_change_verb(text: str, start: int) -> bool:
    """ "gained 0.7 percent to 6,327.80", "increased by $43.6 billion to $419.2 billion": the first
    number is a change and the second the level it reached, not a range."""
    m = _CHANGE_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group("verb").lower() in CHANGE_VERBS
