"""Read the number at a position of a text: digits with separators, scale words, number words.

Each reader takes the text and a position and returns a ``NumberMatch`` (value and the end of what it
read) or None. Nothing is rewritten: the caller keeps offsets into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.lexicon import FRACTIONS, SCALE_ABBREVIATIONS, SCALES, TENS, UNITS_0_19


@dataclass(frozen=True, slots=True)
class NumberMatch:
    value: float
    start: int
    end: int
    words: bool = False  # spelled out ("three hundred") rather than digits
    scaled: bool = False  # a scale word or abbreviation was read ("million", "m")
    scale_abbrev: bool = False  # the scale was an abbreviation glued or next to the digits ("6m")
    plain_integer: bool = False  # digits only, no separator, decimal or scale ("2021")
    ndigits: int = 0
    factor: float = 1.0  # the scale read, 1e6 for "million"


DIGITS = re.compile(
    r"""
    (?P<num>
        \d{1,3}(?:,\d{3})+(?:\.\d+)?                 # 1,234,567.89  (English grouping)
      | \d{1,3}(?:\.\d{3})+(?:,\d+)?(?![.]\d)        # 1.234.567,89  (European grouping: 250.000)
      | \d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?  # 250 000 with a no-break or thin space
      | \d+,\d{1,2}(?!\d)                            # 1,5 (decimal comma, one or two decimals)
      | \d+(?:\.\d+)?                                # 2021, 1.5
      | \.\d+                                        # .5
    )
    (?!\d)                                           # never stop inside a run of digits
    """,
    re.VERBOSE,
)

# A scale word after a number: "1.5 billion", "210 million", "3-million", "2 Million".
SCALE_WORD = re.compile(
    r"[ \u00a0-]?(?P<scale>hundred|thousand|million|billion|trillion|lakh|crore)s?\b", re.IGNORECASE
)
# An abbreviated scale glued to the digits or after one space: "€6m", "$2.5bn", "10k", "£1.2 bn".
SCALE_ABBREV = re.compile(r"\u00a0?(?P<abbr>bn|bln|mn|mln|mio|tn|trn|m|b|k)\b(?!-)(?!\.\w)", re.IGNORECASE)
SCALE_ABBREV_SPACED = re.compile(r" (?P<abbr>bn|mn|mln|tn)\b", re.IGNORECASE)

_WORD_VALUES = {**UNITS_0_19, **TENS}
# One token of a spelled number: "twenty-four", "hundred", "and".
WORD_TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")
_SPACE_OR_HYPHEN = re.compile(r"[ \u00a0]+|-")


def parse_digits(text: str, pos: int) -> NumberMatch | None:
    """Read digits with grouping separators and a decimal part at ``pos``.

    >>> parse_digits("2,000 km", 0).value
    2000.0
    >>> parse_digits("250.000 doses", 0).value
    250000.0
    >>> parse_digits("1.5 billion", 0).value
    1.5
    >>> parse_digits("1,5 Mio", 0).value
    1.5
    >>> parse_digits("in 2021,", 3).plain_integer
    True
    """
    m = DIGITS.match(text, pos)
    if m is None:
        return None
    raw = m.group("num")
    plain = raw.isdigit()
    if plain:
        value = float(raw)
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
        value = float(raw.replace(".", "").replace(",", "."))
    elif re.fullmatch(r"\d+,\d{1,2}", raw):
        value = float(raw.replace(",", "."))
    else:
        value = float(re.sub(r"[,\u00a0\u202f\u2009]", "", raw))
    return NumberMatch(value, m.start(), m.end(), plain_integer=plain, ndigits=sum(c.isdigit() for c in raw))


def read_scale(text: str, num: NumberMatch) -> NumberMatch:
    """Extend a number over a scale word or abbreviation that follows it.

    >>> m = read_scale("EUR 210 million (", parse_digits("EUR 210 million (", 4)); (m.value, m.end)
    (210000000.0, 15)
    >>> read_scale("€6m for", parse_digits("€6m for", 1)).value
    6000000.0
    >>> read_scale("£1.8m million per", parse_digits("£1.8m million per", 1)).value
    1800000.0
    >>> read_scale("2 Million euro", parse_digits("2 Million euro", 0)).value
    2000000.0
    """
    end, value, abbrev = num.end, num.value, False
    before = value
    m = SCALE_WORD.match(text, end)
    if m:
        value *= SCALES[m.group("scale").lower()]
        end = m.end()
        m2 = SCALE_WORD.match(text, end)  # "one hundred thousand"
        if m2 and SCALES[m2.group("scale").lower()] > 100:
            value *= SCALES[m2.group("scale").lower()]
            end = m2.end()
    else:
        m = SCALE_ABBREV.match(text, end) or SCALE_ABBREV_SPACED.match(text, end)
        if m is None:
            return num
        factor = SCALE_ABBREVIATIONS[m.group("abbr").lower()]
        value *= factor
        end, abbrev = m.end(), True
        repeat = SCALE_WORD.match(text, end)  # "£1.8m million": a slip, one scale only
        if repeat and SCALES[repeat.group("scale").lower()] == factor:
            end = repeat.end()
    return NumberMatch(
        value,
        num.start,
        end,
        words=num.words,
        scaled=True,
        scale_abbrev=abbrev,
        ndigits=num.ndigits,
        factor=value / before if before else 1.0,
    )


def parse_words(text: str, pos: int) -> NumberMatch | None:
    """Read a spelled-out number at ``pos``: "three hundred", "twenty-four", "a dozen", "half a million".

    >>> parse_words("three hundred and fifty people", 0).value
    350.0
    >>> parse_words("twenty-four hours", 0).value
    24.0
    >>> parse_words("half a million followers", 0).value
    500000.0
    >>> parse_words("a dozen eggs", 0).value
    12.0
    >>> parse_words("two-thirds majority", 0).value
    0.6666666666666666
    >>> parse_words("one hundred thousand", 0).value
    100000.0
    >>> parse_words("another", 0) is None
    True
    """
    total, current = 0.0, 0.0
    end, seen = pos, False
    i = pos
    while True:
        m = WORD_TOKEN.match(text, i)
        if m is None:
            break
        word = m.group().lower()
        step = _word_step(word, current, total, seen)
        if step is None:
            break
        current, total, done = step
        seen = True
        end = m.end()
        if done:
            break
        gap = _SPACE_OR_HYPHEN.match(text, end)
        if gap is None:
            break
        i = gap.end()
    if not seen:
        return None
    value = total + current
    return NumberMatch(value, pos, end, words=True, scaled=value >= 1000)


def _word_step(word: str, current: float, total: float, seen: bool) -> tuple[float, float, bool] | None:
    """One token of a spelled number: the new (current, total, finished) or None where it stops."""
    if "-" in word:
        head, _, tail = word.partition("-")
        if head in TENS and tail in UNITS_0_19 and UNITS_0_19[tail] < 10:
            return current + TENS[head] + UNITS_0_19[tail], total, False
        if head in _WORD_VALUES and tail in FRACTIONS:  # two-thirds
            return _WORD_VALUES[head] * FRACTIONS[tail], total, True
        return None
    if word in _WORD_VALUES:
        value = _WORD_VALUES[word]
        tens_then_unit = current % 100 >= 20 and current % 10 == 0 and value < 10  # "thirty three"
        if seen and current % 100 and value < 100 and not tens_then_unit:  # "five six" is not a number
            return None
        return current + value, total, False
    if word in FRACTIONS and seen and 1 <= current < 20 and not total and word not in ("half", "quarter"):
        if (current == 1) == (not word.endswith("s")):  # "two thirds", "one third"
            return current * FRACTIONS[word], total, True
    if word == "and" and seen and current >= 100 and current % 100 == 0:
        return current, total, False
    if word == "a" and not seen:
        return 1.0, total, False
    if word == "a" and current == 0.5 and not total:  # "half a million"
        return current, total, False
    if word == "dozen":
        return (current or 1.0) * 12, total, False
    if word == "half" and not seen:
        return 0.5, total, False
    if word in ("quarter", "third") and current == 1.0 and not total:  # "a quarter", "a third"
        return FRACTIONS[word], total, True
    if word in SCALES and seen:
        scale = SCALES[word]
        if scale == 100:
            return (current or 1.0) * 100, total, False
        return 0.0, total + (current or 1.0) * scale, False
    return None


def parse_number(text: str, pos: int) -> NumberMatch | None:
    """Digits or words at ``pos``, extended over a scale.

    >>> parse_number("DKK 1.5 billion", 4).value
    1500000000.0
    >>> parse_number("45 million Danish kroner", 0).end
    10
    """
    num = parse_digits(text, pos)
    if num is not None:
        return read_scale(text, num)
    return parse_words(text, pos)


def as_number(value: float) -> int | float:
    """An integral float as int, so JSON shows 210000000 rather than 210000000.0.

    >>> as_number(210000000.0), as_number(8.5)
    (210000000, 8.5)
    """
    if value == value and abs(value) < 1e15 and float(value).is_integer():
        return int(value)
    return round(value, 10)
