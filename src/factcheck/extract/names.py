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
from factcheck.extract.numbers import NumberMatch
from factcheck.extract.patterns import CHANGE_VERBS, DIGIT_NEXT, NOUN_WORD
from factcheck.extract.units import YEAR_LEADS
from factcheck.lexicon.plurals import is_plural


def in_a_name(text: str, num: NumberMatch, start: int) -> bool:
    """Whether the bare count ``num`` (starting, with its sign, at ``start``) is part of a name."""
    return name_before(text, num, start) or name_follows(text, num)


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
