"""Numbers that are part of a name, not quantities: "S&P 500", "iPhone 14", "575 Wilbraham Road".

CQE's rule, as a method: in a place where a name is likely, a number counts only with a unit of its
own. The scan asks ``in_a_name`` about a bare count it has read.

>>> from factcheck.extract.numbers import parse_number
>>> text = "The S&P 500 fell while Denmark leased 300 Kosovo prison cells."
>>> [in_a_name(text, parse_number(text, text.index(n)), text.index(n)) for n in ("500", "300")]
[True, False]
"""

from __future__ import annotations

import re

from factcheck import lexicon as lx
from factcheck.extract.money import CENTS
from factcheck.extract.numbers import NumberMatch
from factcheck.extract.patterns import (
    CHANGE_VERBS,
    CURRENCY_BEFORE,
    DIGIT_NEXT,
    NOUN_WORD,
    PERCENT_AFTER,
    UNIT_AFTER,
)
from factcheck.extract.readers import cased_as_unit
from factcheck.extract.units import YEAR_LEADS
from factcheck.lexicon.load import table
from factcheck.lexicon.plurals import is_plural, singular


def in_a_name(text: str, num: NumberMatch, start: int) -> bool:
    """Whether the bare count ``num`` (starting, with its sign, at ``start``) is part of a name."""
    return (
        name_before(text, num, start)
        or name_follows(text, num)
        or street_number(text, num)
        or label_after_name(text, num, start)
    )


def street_number(text: str, num: NumberMatch) -> bool:
    """ "9 E 71st St", "358 El Brillo Way", "16-18 Industrial Avenue": a house number (or a run of
    them) before a street's name; "20 Wall Street banks" counts banks.

    >>> from factcheck.extract.numbers import parse_number
    >>> text = "Properties including 9 E 71st St and 16-18 Industrial Avenue."
    >>> [street_number(text, parse_number(text, text.index(n))) for n in ("9", "16")]
    [True, True]
    """
    if not num.plain_integer:
        return False
    street = _STREET.match(text, num.end)
    if street is None:
        return False
    nxt = NOUN_WORD.match(text, street.end())
    return nxt is None or not (nxt.group("word").islower() and is_plural(nxt.group("word")))


_STREET_SUFFIXES = "|".join(table("nouns.toml", "street_suffixes"))
_STREET = re.compile(
    rf"""(?:[-–]\d{{1,5}})?                                # 16-18 Industrial Avenue
    (?:[ \u00a0](?:[A-Z][\w'’]*\.?|\d{{1,3}}(?:st|nd|rd|th))){{1,3}}?  # the name: E 71st, El Brillo
    [ \u00a0](?:{_STREET_SUFFIXES})\b\.?                 # St, Road, Way
    """,
    re.VERBOSE,
)
# A label in brackets right after a name: "Dak Prescott (4)", a shirt or a list number.
_LABEL_BEFORE = re.compile(r"[A-Z][\w'’.-]*[ \u00a0]\($")


def label_after_name(text: str, num: NumberMatch, start: int) -> bool:
    """ "Dak Prescott (4) celebrates": a bare integer alone in brackets after a capitalised word.

    >>> from factcheck.extract.numbers import parse_number
    >>> text = "Dak Prescott (4) celebrates."
    >>> label_after_name(text, parse_number(text, 14), 14)
    True
    """
    return (
        num.plain_integer
        and text.startswith(")", num.end)
        and _LABEL_BEFORE.search(text, max(0, start - 30), start) is not None
    )


def spelled_in_a_name(text: str, at: int, end: int) -> bool:
    """ "the Kick Six win", "the Fantastic Four film": a number word written with a capital after a
    capitalised word that is no function word, with a lower-case word after it (in a headline set in
    title case, "Fire Kills Three People", the next word is capitalised too).

    >>> text = "his call of the Kick Six win over Alabama"
    >>> spelled_in_a_name(text, text.index("Six"), text.index("Six") + 3)
    True
    """
    if not text[at : at + 1].isupper():
        return False
    before = _WORD_BEFORE.search(text, max(0, at - 24), at)
    if before is None or not before.group("word")[0].isupper():
        return False
    if before.group("word").lower() in _NOT_NAMES:
        return False
    nxt = NOUN_WORD.match(text, end)
    return nxt is None or not nxt.group("word")[0].isupper()


def name_follows(text: str, num: NumberMatch) -> bool:
    """ "575 Wilbraham Road", "787 Dreamliner", "11 Pro Max": a plain integer above one before a
    capitalised singular word, with no lower-case plural noun after it, is part of a name (a house
    number, a model); "300 Kosovo prison cells", "5 EU countries" and "20 Democrats" count."""
    if not num.plain_integer or num.value == 1:
        return False
    pos = num.end
    for i in range(6):  # a name of a few words: "Model S and Model X vehicles"
        word = NOUN_WORD.match(text, pos)
        if word is None or word.group("gap") == "-":  # "Road, Chorlton"; not "Model 3 sedans"
            return i > 0 and not DIGIT_NEXT.match(text, pos)
        written = word.group("word")
        if i > 0 and written in ("and", "or"):  # "460 Kia and Hyundai vehicles"
            pos = word.end()
            continue
        if i == 0 and (
            not written[0].isupper()
            or len(written) < 3  # "50 Wh", "10 Mt": a unit we may not know
            or is_plural(written)
            or written.lower() in lx.MONTHS
            or written.lower() in lx.NOUN_STOPWORDS  # "700 Should": a new sentence, not a name
        ):
            return False
        if written.islower() and (written in lx.NOUN_STOPWORDS or is_plural(written)):
            return written in lx.NOUN_STOPWORDS  # "Road *in*" ends a name; "prison *cells*" is counted
        pos = word.end()
    return True


# A word glued before a number, as in "S&P 500", "iPhone 14", "Game 2", "Section 427".
_WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z][\w&]*)[ \u00a0]$")
# Capitalised words before a number that are no name: function words and qualifiers at the start of a
# sentence ("About 1000 come", "Some 300 troops"), months, words that make a year or a change.
_NOT_NAMES = frozenset(
    {
        *lx.NOUN_STOPWORDS,
        *lx.QUALIFIERS,
        *lx.MONTHS,
        *table("context.toml", "weekdays"),  # "On Monday 80 people were dead"
        *YEAR_LEADS,
        *CHANGE_VERBS,
        *lx.PERIOD_WORDS,
        *lx.MEASURE_WORDS,
    }
)  # "Category 5" measures a storm: a measure word names no thing


def name_before(text: str, num: NumberMatch, start: int) -> bool:
    """ "the S&P 500", "Windows 11", "Game 2", "Model 3 sedans": a plain integer right after a
    capitalised word, with no unit of measure or currency of its own, is part of a name (CQE keeps a
    number in such a place only with a unit); "Russia's 1,500 troops" and "About 300" are counts."""
    if not num.plain_integer or num.scaled or num.words:
        return False
    m = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if m is None:
        return False
    word = m.group("word")
    return word.lower() not in _NOT_NAMES and any(c.isupper() for c in word)


# --- digits glued to letters ------------------------------------------------------------------
_HYPHEN_PREFIXES = frozenset(table("context.toml", "hyphen_prefixes"))


# A value as a table scraped without its cell borders writes it after its label: grouped, or before a
# footnote mark or a "+", or alone on the rest of its line with at most a unit or two words: "Structures
# destroyed2,207[5]", "Deaths80[2]", "Non-fatal injuries26+", "Duration20 days".
_TABLE_CELL = re.compile(
    r"""\d{1,3}(?:,\d{3})+(?![\d.])|\d+(?:\[\w{1,3}\]|\+)           # "destroyed2,207", "Deaths80[2]"
    | \d+(?:\.\d+)?(?=(?:[ \u00a0][^\W\d][\w/]{0,15}){0,2}          # or a value that ends its line: "Duration20 days",
        (?:[ \u00a0]\([^()\n]{0,20}\))?[ \u00a0]*(?:\n|$))              #   "span86 m", "waiting41 (peak)"
    """,
    re.VERBOSE,
)
# The label: a lower-case word of four letters or more, glued to the value.
_LABEL_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]?[a-z]{3,}$")


# Up to four words of a table's label, right before its value: "Structures destroyed", "Missing people".
_LABEL_WORDS = re.compile(r"(?<![\w-])(?:[A-Za-z][\w-]*[ \u00a0]){0,3}[A-Za-z][\w-]*$")


def table_label_noun(text: str, start: int) -> str | None:
    """What a table's value counts, from its label: the last plural noun of the label glued before it.

    >>> [table_label_noun(t, t.index("2")) for t in ["Structures destroyed2,207[5]", "Missing people26+"]]
    ['structure', 'person']
    """
    if not start or not text[start - 1].isalpha() or not _TABLE_CELL.match(text, start):
        return None
    label = _LABEL_WORDS.search(text, max(0, start - 40), start)
    for word in reversed(label.group().split() if label else []):
        low = word.lower()
        if low not in lx.NOUN_STOPWORDS and is_plural(low):
            return singular(low)
    return None


def is_identifier(text: str, start: int, end: int, *, joined: bool = False) -> bool:
    """COVID-19, G7, F-16, MH17, 4G, A4: digits glued to letters that are no unit or currency. A
    range's second number ``joined`` by a hyphen to the first ("5k-20k") is judged on what follows."""
    before = " " if joined or not start else text[start - 1]
    if before.isalpha() and _TABLE_CELL.match(text, start) and _LABEL_WORD.search(text, 0, start):
        return False  # "Deaths80[2]", "Structures destroyed2,207[5]": a table's label and its value
    if before.isalpha():  # an ambiguous code glued to a figure names a thing: "COP28", not 28 pesos
        found = CURRENCY_BEFORE.search(text[max(0, start - 6) : start])
        if found is None:
            return True
        code = found.group("code")  # three capitals that are no currency ("LGA1156") name a thing too
        return code is not None and (code not in lx.CURRENCY_CODES or code in lx.AMBIGUOUS_CODES)
    if before == "." and start >= 2 and text[start - 2].isupper():  # "ID.3", "ID.4 models"
        return True
    if before == "-" and start >= 2 and text[start - 2].isalpha():
        word = re.search(r"[A-Za-z]+$", text[max(0, start - 12) : start - 1])
        low = word.group().lower() if word else ""
        return word is not None and low not in _HYPHEN_PREFIXES and low not in lx.MEASURE_WORDS
    after = re.match(r"[A-Za-z]+", text[end : end + 12])
    if after is None or text[end + after.end() : end + after.end() + 1] == "$":  # 3.14US$
        return False
    glued = after.group().lower()
    unit = UNIT_AFTER.match(text, end)
    if (
        PERCENT_AFTER.match(text, end)
        or CENTS.match(text, end)
        or (unit and cased_as_unit(unit, text, start))
    ):
        return False  # "24pc", "164p", "256GB", "3923sq m"; not "5G"
    known = glued in lx.SCALE_ABBREVIATIONS or glued in ("st", "nd", "rd", "th", "s", "bn")
    return not known and glued not in lx.CURRENCY_SYMBOLS and glued.upper() not in lx.CURRENCY_CODES


def token_end(text: str, at: int) -> int:
    m = re.compile(r"[\w.,-]*").match(text, at)
    return m.end() if m else at + 1
