"""Singular and plural of counted nouns and units: one rule table, read by the extractor (which
counts nouns in the singular) and by the reports (which write them in the plural after a number).
"""

from __future__ import annotations

from factcheck.lexicon import DISTANCE_UNITS
from factcheck.lexicon.load import table

# Plurals not made with -s, and words the same in both numbers: plural -> singular.
IRREGULAR_PLURALS: dict[str, str] = dict(table("plurals.toml", "irregular"))
# Words ending in -s that are verbs or not plurals after a number.
NOT_PLURAL = frozenset(table("plurals.toml", "not_plural"))


def singular(word: str) -> str:
    """The singular of a counted noun.

    >>> [singular(w) for w in ["cells", "doses", "MPs", "countries", "taxes", "people", "series"]]
    ['cell', 'dose', 'MP', 'country', 'tax', 'person', 'series']
    """
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[low]
    if low.endswith("ies") and len(low) > 4 and low not in NOT_PLURAL:
        return word[:-3] + "y"
    if low.endswith(("ches", "shes", "xes", "sses", "zzes")):
        return word[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and low not in NOT_PLURAL and len(low) > 2:
        return word[:-1]
    return word


IRREGULAR_SINGULARS = {one: many for many, one in IRREGULAR_PLURALS.items() if " " not in one}
ABBREVIATED_UNITS = frozenset(canon for canon, _ in DISTANCE_UNITS.values())  # "km", "mi": never plural


def plural(unit: str) -> str:
    """The plural of a unit or counted noun as a reader writes it after a number other than one;
    codes, symbols and abbreviations stay as they are.

    >>> [plural(u) for u in ["prison cell", "person", "year", "century", "tax", "MP", "fishermen", "km"]]
    ['prison cells', 'people', 'years', 'centuries', 'taxes', 'MPs', 'fishermen', 'km']
    """
    head, _, last = unit.rpartition(" ")
    low = last.lower()
    if not last.isalpha() or low in ABBREVIATED_UNITS or is_plural(last) or low.endswith("men"):
        return unit
    if last.isupper():  # an acronym: "MPs", "NGOs"
        many = last + "s"
    elif last in IRREGULAR_SINGULARS:
        many = IRREGULAR_SINGULARS[last]
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        many = last[:-1] + "ies"
    elif last.endswith(("ch", "sh", "x", "ss", "zz")):
        many = last + "es"
    else:
        many = last + "s"
    return f"{head} {many}" if head else many


def is_plural(word: str) -> bool:
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    return (
        len(low) > 2
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "'s", "’s"))
        and low not in NOT_PLURAL
    )
