"""Word tables for the extractor: number words, scales, currencies, units, qualifiers, months.

The tables are data, in the ``*.toml`` files beside this module, read once by ``load.table``; this
module turns them into the lookups the code uses. Everything is general English and general
measurement; nothing is specific to a topic. Keys are lower case; lookups lower-case the text they
are given.

>>> UNITS_0_19["seven"], SCALES["crore"], SCALE_ALIASES["lacs"], DISTANCE_UNITS["miles"]
(7, 10000000, 'lakh', ('mi', 1.609344))
>>> CURRENCY_SYMBOLS["₹"], CURRENCY_WORDS["danish kroner"], QUALIFIERS["upwards of"], MONTHS["sept"]
('INR', 'DKK', 'more_than', 9)
"""

from __future__ import annotations

from typing import Any

from factcheck.lexicon.load import LexiconError, index, table

SECONDS_PER_DAY = 86_400  # durations are compared in days

# --- numbers -------------------------------------------------------------------------------------

UNITS_0_19: dict[str, int] = dict(table("numbers.toml", "cardinals"))
TENS: dict[str, int] = dict(table("numbers.toml", "tens"))
_scales: dict[str, dict[str, Any]] = table("numbers.toml", "scales")
# Multipliers that may follow a number ("1.5 billion", "€6m", "three hundred").
SCALES: dict[str, int] = {name: entry["value"] for name, entry in _scales.items()}
# Other spellings of scales, after a number: "12 lac", "three cr".
SCALE_ALIASES: dict[str, str] = {
    alias: name for alias, name in index(_scales, "aliases", keys=True).items() if alias != name
}
# Aliases read after digits only in lower case ("3 CR" is no crore).
CASED_SCALE_ALIASES = frozenset(alias for entry in _scales.values() for alias in entry.get("cased", ()))
_dozen: dict[str, Any] = table("numbers.toml", "dozen")
DOZEN_VALUE: int = _dozen["value"]
DOZEN: str = _dozen["spellings"][0]  # the word in full: "dozen"
DOZEN_WORDS = frozenset(_dozen["spellings"])
# Ordinals that name a fraction's denominator: "five eighths", "a hundredth", "one twenty-fifth".
DENOMINATORS: dict[str, int] = dict(table("numbers.toml", "denominators"))
# Ordinals that end a compound ("twenty-first"): "first" and "second" alone are no fraction.
COMPOUND_ORDINAL_UNITS: dict[str, int] = {
    **table("numbers.toml", "compound_ordinals"),
    **{k: v for k, v in DENOMINATORS.items() if v < 10},
}
# Abbreviated scales, only read glued to a number or right after one: "€6m", "$2.5bn", "10k".
SCALE_ABBREVIATIONS: dict[str, int] = dict(table("numbers.toml", "scale_abbreviations"))
# Words after "a"/"an" that make it a number, besides scales, denominators and tens: "a year".
ARTICLE_NOUN_WORDS: tuple[str, ...] = tuple(table("numbers.toml", "article_nouns"))
# Nouns after which an ordinal carries a quantity ("10th anniversary" is ten years).
QUANTITY_ORDINAL_NOUNS = frozenset(table("numbers.toml", "quantity_ordinal_nouns"))
# "hundreds of", "dozens of": vague quantities with an order of magnitude.
VAGUE_PLURALS: tuple[str, ...] = tuple(table("numbers.toml", "vague_plurals"))
# What vague words imply, as multiples of the unit, first match first: (words, prefixes, low, high).
VAGUE_SPAN_WORDS: tuple[tuple[tuple[str, ...], tuple[str, ...], float, float], ...] = tuple(
    (tuple(span["words"]), tuple(span.get("prefixes", ())), span["low"], span["high"])
    for span in table("numbers.toml", "vague_spans").values()
)

# --- currencies ----------------------------------------------------------------------------------

_currencies: dict[str, dict[str, Any]] = table("currencies.toml", "currency")
CURRENCY_CODES = frozenset(_currencies)
# Codes that are also ordinary English words: read as currency only right before or after a number.
AMBIGUOUS_CODES = frozenset(code for code, entry in _currencies.items() if entry.get("ambiguous"))
CURRENCY_SYMBOLS = index(_currencies, "symbols")
# Currency names after a number, longest first in the pattern; adjectives of nationality pick the code.
CURRENCY_WORDS = index(_currencies, "words")
# Currency abbreviations read only in this case, after a number: "42 LE" (not the French "le").
CASED_CURRENCY_AFTER = index(_currencies, "cased")
# Sub-units: the value is divided by 100 into the main currency.
CURRENCY_CENTS = index(_currencies, "cents")
# Currency names that follow "a"/"an" as an amount of one: "a dollar", "a euro".
ARTICLE_CURRENCIES = frozenset(table("currencies.toml", "article_names"))

# --- units of measure ----------------------------------------------------------------------------


def _units(kind: str, size: str, per: float = 1.0) -> dict[str, tuple[str, float]]:
    """surface -> (canonical unit, size in the kind's base unit), in the order of the file."""
    entries: dict[str, dict[str, Any]] = table("units.toml", kind)
    return {
        spelling: (entry["unit"], entry[size] / per)
        for entry in entries.values()
        for spelling in entry["spellings"]
    }


# Measurement units: surface -> (canonical unit, factor to the kind's base unit).
# Distance base: km. Duration base: day. Other kinds compare within one canonical unit.
DISTANCE_UNITS = _units("distance", "km")
DURATION_UNITS = _units("duration", "seconds", per=SECONDS_PER_DAY)
OTHER_UNITS = _units("other", "factor")
# What each other unit measures ("acre" -> "area"): figures of one measure compare in any of its units.
OTHER_MEASURES: dict[str, str] = {
    entry["unit"]: entry["measure"] for entry in table("units.toml", "other").values()
}
# Short unit names that are also words or letters: read only glued to the digits ("100m", "5h").
GLUED_ONLY = frozenset(
    spelling
    for kind in ("distance", "duration", "other")
    for entry in table("units.toml", kind).values()
    for spelling in entry.get("glued", ())
)
# Currency names that are also units of weight: "a 10-pound baby", "200 pounds of cocaine".
WEIGHT_WORDS: dict[str, str] = {
    word: entry["unit"]
    for entry in table("units.toml", "other").values()
    for word in entry.get("weights", ())
}
WEIGHT_MONEY_NOUNS = frozenset(
    noun for entry in table("units.toml", "other").values() for noun in entry.get("money_nouns", ())
)
# Short spellings that may be written in capitals: "60 GB", "5 W" (but "5 MP", "3 T" are no units).
CAPITAL_UNITS = frozenset(
    spelling
    for kind in ("distance", "duration", "other")
    for entry in table("units.toml", kind).values()
    for spelling in entry.get("capitals", ())
)
if len(DISTANCE_UNITS.keys() | DURATION_UNITS.keys() | OTHER_UNITS.keys()) != (
    len(DISTANCE_UNITS) + len(DURATION_UNITS) + len(OTHER_UNITS)
):
    raise LexiconError("units.toml: a spelling is claimed by two kinds of unit")

# --- qualifiers ----------------------------------------------------------------------------------

_qualifiers: dict[str, dict[str, Any]] = table("qualifiers.toml", "qualifier")
# Words before a number that give its qualifier; longest match wins. "over" before a duration means
# "spread across" and is handled in the parser.
QUALIFIERS = index(_qualifiers, "before")
# Words after a quantity: "20 years or so", "30 odd".
QUALIFIERS_AFTER = index(_qualifiers, "after")
# Words between a number and the noun it counts: "50 plus staff", "100 and more people".
QUALIFIERS_BEFORE_NOUN = index(_qualifiers, "before_noun")
# Every qualifier that follows its number.
TRAILING_QUALIFIERS = {**QUALIFIERS_AFTER, **QUALIFIERS_BEFORE_NOUN}

# --- months --------------------------------------------------------------------------------------

_months: dict[str, dict[str, Any]] = table("months.toml", "month")
MONTH_NAMES: tuple[str, ...] = tuple(_months)  # in full, January first
MONTH_ABBREVIATIONS: tuple[str, ...] = tuple(
    a for entry in _months.values() for a in entry.get("abbreviations", ())
)
MONTHS: dict[str, int] = {
    **{name: entry["number"] for name, entry in _months.items()},
    **{a: entry["number"] for entry in _months.values() for a in entry.get("abbreviations", ())},
}

# --- words around a number -----------------------------------------------------------------------

# Words that stop a counted-noun phrase: function words, and verbs common right after a count.
NOUN_STOPWORDS = frozenset(table("stopwords.toml", "noun_phrase"))
# Heads that are not things one counts: a number before them is not a count of them.
NON_COUNT_HEADS = frozenset(table("nouns.toml", "non_count_heads"))
_periods: dict[str, dict[str, Any]] = table("context.toml", "periods")
# Words that mark a period for a rate: "each year", "per month", "annual".
MEASURE_WORDS: tuple[str, ...] = tuple(table("context.toml", "measure_words"))
PERIOD_WORDS = index(_periods, "nouns")
PERIOD_ADJECTIVES = index(_periods, "adjectives")
