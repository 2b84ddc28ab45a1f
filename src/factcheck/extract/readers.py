"""What follows a number: ``unit_after`` tries the readers of ``UNIT_READERS`` in order (percent, currency,
unit of measure, ordinal, decade, times, year, counted noun); the first that reads something wins."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from factcheck import lexicon as lx
from factcheck.extract.mention import Unit
from factcheck.extract.money import (
    cased_currency_after,
    cents_after,
    currency_name_after,
    stated_currency,
    symbol_after,
)
from factcheck.extract.numbers import NumberMatch
from factcheck.extract.patterns import CURRENCY_AFTER, NOUN_WORD, PERCENT_AFTER, UNIT_AFTER
from factcheck.extract.units import counted_noun, is_year_context, strong_year_lead
from factcheck.lexicon import GLUED_ONLY
from factcheck.lexicon.load import table
from factcheck.lexicon.plurals import is_plural

# A word after "86 m" that makes the "m" millions of it: "86 m euros", "86 m viewers".
_AFTER_SPACED_M = re.compile(r"[ \u00a0]+[A-Za-z]")


def _spaced_metres(text: str, surface: str, end: int) -> bool:
    """Whether an "m" a space after a number is metres: "peaked at 6.8 m", "the 86 m span"; not "86 m
    euros" or "86 m viewers" (millions) and not a letter of a list ("5 m" in "a, m, n")."""
    if surface != "m":
        return False
    after = _AFTER_SPACED_M.match(text, end)
    if after is None:
        return text[end : end + 1] in ("", ".", ",", ";", ")", " ", "\n", "\u00a0")
    return not (CURRENCY_AFTER.match(text, end) or counted_noun(text, end, 2.0))


def words_of(table: dict[str, str]) -> str:
    """An alternation of a qualifier table's words as written, longest first."""
    return "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))


# A qualifier between a number and the noun it counts: "50 plus staff", "100 and more people".
_QUALIFIER_BEFORE_NOUN = re.compile(rf"[ \u00a0]+({words_of(lx.QUALIFIERS_BEFORE_NOUN)})\b")
# A qualifier glued to the digits, then a space or the end of a clause: "17,000+ acres", "500+.".
_GLUED_QUALIFIER = re.compile(rf"({words_of(lx.QUALIFIERS_GLUED)})(?=[ \u00a0.,;:)]|$)")
_ORDINAL_SUFFIX = re.compile(r"(st|nd|rd|th)\b")
_TIMES = re.compile(r"[ \u00a0](?:times|fold)\b|-fold\b")


def unit_after(text: str, num: NumberMatch, currency: str | None) -> Unit:
    """What follows a number: its currency if one stood before it, else the first reading of
    ``UNIT_READERS`` that applies, else a bare count."""
    glued = _GLUED_QUALIFIER.match(text, num.end)
    if glued is not None:  # "17,000+ acres", "500+ homes": the unit after the sign, a bound
        unit = unit_after(text, replace(num, end=glued.end()), currency)
        if unit.kind == "count" and text[glued.end() : glued.end() + 2].strip()[:1].isupper():
            unit = Unit("count", None, glued.end())  # "injuries26+ Missing people": a table's next row
        return replace(unit, qualifier=unit.qualifier or lx.QUALIFIERS_GLUED[glued.group(1)])
    if currency is not None:
        return stated_currency(text, num, currency)
    for reader in UNIT_READERS:
        found = reader(text, num)
        if found is not None:
            return found
    return Unit("count", None, num.end)


def _percent(text: str, num: NumberMatch) -> Unit | None:
    """ "45%", "3 per cent", "2 percentage points"."""
    m = PERCENT_AFTER.match(text, num.end)
    return Unit("percent", "%", m.end()) if m else None


def _ordinal(text: str, num: NumberMatch) -> Unit | None:
    """ "10th anniversary" is ten years; any other ordinal is no quantity ("the 3rd floor")."""
    end = num.end
    if not _ORDINAL_SUFFIX.match(text, end):
        return None
    noun = NOUN_WORD.match(text, end + 2)
    if noun and noun.group("word").lower() in lx.QUANTITY_ORDINAL_NOUNS:
        return Unit("ordinal", noun.group("word").lower(), noun.end())
    return Unit("none", None, end + 2)


def _decade(text: str, num: NumberMatch) -> Unit | None:
    """ "the 1990s"."""
    if text.startswith("s", num.end) and num.plain_integer and num.ndigits == 4:
        return Unit("year", "decade", num.end + 1)
    return None


def _times(text: str, num: NumberMatch) -> Unit | None:
    """ "3 times", "tenfold", "5-fold"."""
    end = num.end
    if _TIMES.match(text, end):
        return Unit("ratio", "times", end + (6 if text[end + 1 : end + 6] == "times" else 5))
    return None


def _year_number(text: str, num: NumberMatch) -> Unit | None:
    """ "in 2021", "the 2010 floods"."""
    return Unit("year", "year", num.end) if is_year(text, num, num.end) else None


def _qualified_noun(text: str, num: NumberMatch) -> Unit | None:
    """ "50 plus staff", "100 and more people": a qualifier between the number and its noun."""
    between = _QUALIFIER_BEFORE_NOUN.match(text, num.end)
    if between and (counted := counted_noun(text, between.end(), num.value)) is not None:
        return Unit("count", counted[0], counted[1], qualifier=lx.QUALIFIERS_BEFORE_NOUN[between.group(1)])
    return None


# "two *of the* engines", "three *of its* reactors", "35m *of* devices": a partitive before the counted noun.
PARTITIVE = re.compile(
    r"[ \u00a0]+of(?P<whose>[ \u00a0]+(?:the|its|their|his|her|our|these|those))?(?=[ \u00a0])"
)
# "twelve *British, French and German* jets": capitalised adjectives listed before the noun.
_ADJECTIVE_LIST = re.compile(
    r"(?:[ \u00a0]+[A-Z][a-z]+,){1,5}[ \u00a0]+[A-Z][a-z]+,?[ \u00a0]+(?:and|or)[ \u00a0]+[A-Z][a-z]+(?=[ \u00a0])"
    r"|[ \u00a0]+[A-Z][a-z]+[ \u00a0]+(?:and|or)[ \u00a0]+[A-Z][a-z]+(?=[ \u00a0])"
)


def _listed_noun(text: str, num: NumberMatch) -> Unit | None:
    """ "two of the engines", "twelve British, French and German jets": the noun counted past a
    partitive or a list of adjectives, when it is a plural noun in lower case."""
    if num.value == 1:
        return None
    partitive = PARTITIVE.match(text, num.end)
    lead = partitive if partitive and partitive.group("whose") else _ADJECTIVE_LIST.match(text, num.end)
    if lead is None:
        return None
    noun = NOUN_WORD.match(text, lead.end())
    if noun is None or not noun.group("word").islower() or not is_plural(noun.group("word")):
        return None
    counted = counted_noun(text, lead.end(), num.value)
    return Unit("count", counted[0], counted[1]) if counted is not None else None


def _counted(text: str, num: NumberMatch) -> Unit | None:
    """ "300 prison cells", "152-member unit"; "a six-speed gearbox" names a kind and counts nothing."""
    counted = counted_noun(text, num.end, num.value)
    if counted is None:
        return None
    if counted[0] in _CLASSIFIER_NOUNS and text.startswith("-", num.end):
        return Unit("none", None, counted[1])
    return Unit("count", counted[0], counted[1])


# Nouns that glued to a number name a kind: "a six-speed gearbox", "a four-cylinder engine".
_CLASSIFIER_NOUNS = frozenset(table("nouns.toml", "classifier_nouns"))


def _measure_unit(text: str, num: NumberMatch) -> Unit | None:
    m = UNIT_AFTER.match(text, num.end)
    if m is None:
        return None
    surface = re.sub(r"[ \u00a0]+", " ", m.group("unit").lower())
    if surface in GLUED_ONLY and m.group("gap") and not _spaced_metres(text, surface, m.end()):
        return None
    if surface == "m" and num.scale_abbrev:
        return None
    if not cased_as_unit(m, text, num.start):
        return None  # "5 MP", "3 T", "43c", "seat 14C"
    kind, unit = unit_kind(surface)
    end = m.end()
    if kind == "duration" and unit == "year" and _OLD.match(text, end):
        return Unit("other", "year of age", end + 4)  # "a 25-year-old", "over 85 years old": an age
    return Unit(kind, unit, end)


_OLD = re.compile(r"[- \u00a0]old\b")  # "-old" or " old" after a span of years: an age
_LABEL_NOUNS = frozenset(table("context.toml", "label_nouns"))
_WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z]+)[ \u00a0]+[-−]?$")


def _after_a_label(text: str, start: int) -> bool:
    """ "seat 14C", "Flat 3C": a noun that labels what the number names stands right before it."""
    before = _WORD_BEFORE.search(text, max(0, start - 16), start)
    return before is not None and before.group("word").lower() in _LABEL_NOUNS


def cased_as_unit(m: re.Match[str], text: str, start: int) -> bool:
    """A unit's spelling of one or two letters all in capitals is no unit ("5 MP", "3 T", "5G") unless
    the lexicon lists it as written so ("60 GB", "5 W"); "50mL" is millilitres. A spelling read only in
    capitals ("30C") is no unit in lower case ("43c", cents) or after a label ("seat 14C")."""
    written = m.group("unit")
    if written.lower() in lx.UPPER_ONLY_UNITS and (not written.isupper() or _after_a_label(text, start)):
        return False
    return len(written) > 2 or not written.isupper() or written.lower() in lx.CAPITAL_UNITS


# What may follow a number, tried in this order; the first that reads something wins.
UNIT_READERS: tuple[Callable[[str, NumberMatch], Unit | None], ...] = (
    _percent,
    symbol_after,
    currency_name_after,
    cased_currency_after,
    cents_after,
    _measure_unit,
    _ordinal,
    _decade,
    _times,
    _year_number,
    _qualified_noun,
    _listed_noun,
    _counted,
)


def is_year(text: str, num: NumberMatch, end: int) -> bool:
    """A four-digit number read as a year: "in 2021", "the 2010 floods", "by 2120" (past 2100 only
    after a word that makes a year); a round hundred before 1800 only after such a word ("in 1500"),
    so "about 1000 come from Asia" and "an average of 1500" are counts."""
    if not (num.plain_integer and num.ndigits == 4 and 1000 <= num.value <= 2200):
        return False
    if num.value > 2100 or (num.value < 1800 and num.value % 100 == 0):
        return strong_year_lead(text, num.start)
    return is_year_context(text, num.start, end)


def unit_kind(surface: str) -> tuple[str, str]:
    s = re.sub(r"[ \u00a0]+", " ", surface.lower())
    if s in lx.DURATION_UNITS:
        return "duration", lx.DURATION_UNITS[s][0]
    if s in lx.DISTANCE_UNITS:
        return "distance", lx.DISTANCE_UNITS[s][0]
    return "other", lx.OTHER_UNITS[s][0]
