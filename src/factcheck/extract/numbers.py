"""Read the number at a position of a text: digits with separators, scale words, number words.

Each reader takes the text and a position and returns a ``NumberMatch`` (value and the end of what it
read) or None. Nothing is rewritten: the caller keeps offsets into the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.extract.patterns import trie
from factcheck.lexicon import (
    CASED_SCALE_ALIASES,
    COMPOUND_ORDINAL_UNITS,
    DENOMINATORS,
    DOZEN_VALUE,
    DOZEN_WORDS,
    SCALE_ABBREVIATIONS,
    SCALE_ALIASES,
    SCALES,
    TENS,
    UNITS_0_19,
)


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
        \d{0,3}[½¼¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]                   # 2½, ¾ (a fraction in one character)
      | \d+(?:\.\d+)?[eE][+-]?\d{1,3}(?![\w.])       # 1.3e6, 12e-1 (scientific notation)
      | \d{1,3}(?:,\d{3})+(?:\.\d+)?                 # 1,234,567.89  (English grouping)
      | \d{1,3}(?:\.\d{3})+(?:,\d+)?(?![.]\d)        # 1.234.567,89  (European grouping: 250.000)
      | \d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?  # 250 000 with a no-break or thin space
      | \d{1,3}(?:[ ]\d{3})+(?![\d,/]|[.]\d|[ ]\d)      # 1 234 567 (grouped with plain spaces)
      | \d+,\d{1,2}(?!\d)                            # 1,5 (decimal comma, one or two decimals)
      | \d+(?:\.\d+)?                                # 2021, 1.5
      | \.\d+                                        # .5
    )
    (?!\d)                                           # never stop inside a run of digits
    """,
    re.VERBOSE,
)

# Every spelling of a scale as read after digits, without its plural "s" (the pattern adds it):
# "hundred", "lakh", "lac", "dozen", "dz", ...; apart, those read in lower case only ("cr", not "CR").
_SCALE_STEMS = [*SCALES, *SCALE_ALIASES, *DOZEN_WORDS]
_SCALE_STEMS = [w for w in _SCALE_STEMS if not (w.endswith("s") and w[:-1] in _SCALE_STEMS)]
_CASED_STEMS = [w for w in _SCALE_STEMS if w in CASED_SCALE_ALIASES]
# A scale word after a number: "1.5 billion", "210 million", "3-million", "2 Million", "3 dozens", "12 lac".
SCALE_WORD = re.compile(
    rf"""[ \u00a0-]?(?P<scale>{trie(w for w in _SCALE_STEMS if w not in CASED_SCALE_ALIASES)}  # the words
                        {f"|(?-i:{trie(_CASED_STEMS)})" if _CASED_STEMS else ""}  # in lower case only
    )s?\b""",
    re.IGNORECASE | re.VERBOSE,
)
# An abbreviated scale glued to the digits or after one space: "€6m", "$2.5bn", "10k", "£1.2 bn", "US$ 1MM",
# "£140m-£240m" (not "a 300m-long tanker"); spaced, also "8 B people", "¥1.5 bil.", "$2 mil".
SCALE_ABBREV = re.compile(
    r"\u00a0?(?P<abbr>bn|bln|mn|mln|mio|tn|trn|tln|mil|bil|(?-i:MM)|m|b|k)\b(?!-[A-Za-z])(?!\.\w)",
    re.IGNORECASE,
)
SCALE_ABBREV_SPACED = re.compile(
    r"[ ]{1,2}(?P<abbr>bn|mn|mln|tn|bln|tln|mil|bil|k|(?-i:M|B))\b(?![-'’])", re.IGNORECASE
)
# Giga, only after a decimal or grouped number (a plain "5G" is a network generation): "1,674.5 G", ".0012G".
SCALE_GIGA = re.compile(r"[ ]?(?-i:G)\b(?!-)")
# The rest of a number after its scale: "3 hundred *and 21*", "4 thousand *3 hundred and 21*".
SCALE_REST = re.compile(r"[ \u00a0]+(?:and[ \u00a0]+)?(?=[\da-z])")
_AND_FRACTION = re.compile(r"[ \u00a0]+and[ \u00a0]+(?=(?i:a|one|two|three)\b)")
# Decimals read out: "1 point 1".
POINT_DIGITS = re.compile(r"[ \u00a0]+point[ \u00a0]+(?P<digits>\d+)(?![\d.,])")

_WORD_VALUES = {**UNITS_0_19, **TENS}


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
    >>> parse_digits("2½ years", 0).value, parse_digits("¾ of", 0).value
    (2.5, 0.75)
    """
    m = DIGITS.match(text, pos)
    if m is None:
        return None
    raw = m.group("num")
    plain = raw.isdigit()
    if plain:
        value = float(raw)
    elif not raw[-1].isdigit():  # 2½: the whole number and the fraction's own value
        value = float(raw[:-1] or 0) + unicodedata.numeric(raw[-1])
    elif "e" in raw or "E" in raw:
        value = float(raw)
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw) and not _dot_is_decimal(text, raw, m.end()):
        value = float(raw.replace(".", "").replace(",", "."))
    elif re.fullmatch(r"\d+,\d{1,2}", raw):
        value = float(raw.replace(",", "."))
    else:
        value = float(re.sub(r"[, \u00a0\u202f\u2009]", "", raw))
    return NumberMatch(value, m.start(), m.end(), plain_integer=plain, ndigits=sum(c.isdigit() for c in raw))


def _dot_is_decimal(text: str, raw: str, end: int) -> bool:
    """One dot before three digits is a decimal point, as English writes it ("1.356 billion",
    "96.088"), unless the figure reads as a round European thousand ("250.000 doses", "1.500");
    before a scale word it is always a decimal point: nobody writes 1,356 billion as "1.356 billion".

    >>> [_dot_is_decimal(t, t.split()[0], len(t.split()[0])) for t in ["1.356 billion", "250.000 doses", "96.088"]]
    [True, False, True]
    """
    if raw.count(".") != 1 or "," in raw:
        return False
    return not raw.endswith("00") or bool(SCALE_WORD.match(text, end) or SCALE_ABBREV.match(text, end))


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
    for reader in SCALE_READERS:
        read = reader(text, num)
        if read is not None:
            value, end, abbrev = read
            return NumberMatch(
                value,
                num.start,
                end,
                words=num.words,
                scaled=True,
                scale_abbrev=abbrev,
                ndigits=num.ndigits,
                factor=value / num.value if num.value else 1.0,
            )
    return num


def _scale_word(text: str, num: NumberMatch) -> tuple[float, int, bool] | None:
    """ "210 million", "one hundred thousand", "3 hundred and 21", "3 million and a half":
    (value, end, False)."""
    end, value = num.end, num.value
    before = value
    m = SCALE_WORD.match(text, end)
    if m is None:
        return None
    first = _scale_factor(m.group("scale"))
    value *= first
    end = m.end()
    m2 = SCALE_WORD.match(text, end)  # "one hundred thousand"
    if m2 and _scale_factor(m2.group("scale")) > first:
        value *= _scale_factor(m2.group("scale"))
        end = m2.end()
    rest = _scale_rest(text, end, value / before if before else first)
    if rest is not None:
        value, end = value + rest.value, rest.end
    elif (half := _AND_FRACTION.match(text, end)) and (f := parse_words(text, half.end())) and f.value < 1:
        value, end = value + f.value * (value / before if before else first), f.end  # "3 million and a half"
    return value, end, False


def _scale_abbreviation(text: str, num: NumberMatch) -> tuple[float, int, bool] | None:
    """ "€6m", "$2.5bn", "10k", "£1.2 bn", "US$ 1MM", "1,674.5 G" (never "5G"); the slip "£1.8m
    million" is one scale: (value, end, True)."""
    end = num.end
    m = SCALE_ABBREV.match(text, end) or SCALE_ABBREV_SPACED.match(text, end)
    if m is None and not num.plain_integer:
        m = SCALE_GIGA.match(text, end)
    if m is None:
        return None
    abbr = m.group("abbr") if m.re is not SCALE_GIGA else "G"
    factor = SCALE_ABBREVIATIONS[abbr] if abbr in ("MM", "G") else SCALE_ABBREVIATIONS[abbr.lower()]
    value = num.value * factor
    end = m.end()
    repeat = SCALE_WORD.match(text, end)
    if repeat and _scale_factor(repeat.group("scale")) == factor:
        end = repeat.end()
    return value, end, True


# What may extend a number, tried in this order: a scale word, else an abbreviation.
SCALE_READERS: tuple[Callable[[str, NumberMatch], tuple[float, int, bool] | None], ...] = (
    _scale_word,
    _scale_abbreviation,
)


def _scale_factor(word: str) -> float:
    low = word.lower()
    if low in DOZEN_WORDS:
        return float(DOZEN_VALUE)
    return float(SCALES[SCALE_ALIASES.get(low, low)])


def _scale_rest(text: str, end: int, factor: float) -> NumberMatch | None:
    """What completes a number after its scale: "3 hundred and 21", "6 crore and two hundred". After
    "hundred", "and" and a number below 100; after a larger scale, a number with a smaller scale of
    its own ("5 million and 300 people" stays 5 million)."""
    if factor < 100 or factor == DOZEN_VALUE:
        return None
    gap = SCALE_REST.match(text, end)
    if gap is None:
        return None
    rest = parse_number(text, gap.end())
    if rest is None or rest.value >= factor or rest.value <= 0:
        return None
    if factor == 100:
        return rest if "and" in gap.group() and not rest.scaled and rest.value < 100 else None
    has_scale = rest.scaled or (rest.words and rest.value >= 100)  # "two hundred" in words
    return rest if has_scale and not rest.scale_abbrev else None


def parse_words(text: str, pos: int) -> NumberMatch | None:
    """Read a spelled-out number at ``pos``: "three hundred", "twenty-four", "a dozen", "half a million",
    decimals with "point", fractions ("five eighths", "one and a half") and mixed numbers.

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
    >>> [parse_words(t, 0).value for t in ["one point five", "five eighths", "two thousand and two hundred"]]
    [1.5, 0.625, 2200.0]
    >>> [parse_words(t, 0).value for t in ["three million and a half", "three dozens", "a hundredth"]]
    [3500000.0, 36.0, 0.01]
    >>> [parse_words(t, 0).value for t in ["two and a half million", "one and three quarter billion"]]
    [2500000.0, 1750000000.0]
    """
    return _WordReader(text, pos).read()


# One token of a spelled number, and what separates tokens: spaces, a hyphen, or " - " between the
# parts of a compound ("fifty - two", "one - fourth").
WORD = re.compile(r"[A-Za-z]+")
_GAP = re.compile(r"[ \u00a0]+(?:-[ \u00a0]+)?|-")


class _WordReader:
    """A left-to-right reader of number words; ``read`` returns the longest number it can form."""

    def __init__(self, text: str, pos: int) -> None:
        self.text, self.pos = text, pos
        self.total = self.current = 0.0  # value = total + current ("two million" + "three hundred")
        self.segment = 0.0  # what was read since the last "and" ("three hundred and *two* dozens")
        self.largest = 0.0  # the largest scale read so far
        self.lead = 0.0  # the number before the first scale word: 3 in "three hundred thousand"
        self.seen = False
        self.end = pos

    # -- tokens --
    def _token(self, at: int) -> re.Match[str] | None:
        return WORD.match(self.text, at)

    def _next(self, end: int) -> tuple[re.Match[str], str] | None:
        """The token after ``end`` and the gap before it."""
        gap = _GAP.match(self.text, end)
        if gap is None:
            return None
        token = self._token(gap.end())
        return (token, gap.group()) if token else None

    def read(self) -> NumberMatch | None:
        token = self._token(self.pos)
        if token is None:
            return None
        gap = ""
        while token is not None:
            word = token.group().lower()
            if not self._integer_step(word, gap, token):
                break
            self.seen, self.end = True, token.end()
            nxt = self._next(self.end)
            if nxt is None:
                token = None
                break
            token, gap = nxt
        if not self.seen:
            return self._leading_fraction(token)
        value = self.total + self.current
        tail = self._after_integer(value, token, gap)
        if tail is not None:
            value, self.end = tail
        # "three *hundred thousand*": the scale a range's bare first number shares ("two to three ...")
        factor = (
            value / self.lead if self.lead and value >= 1000 and (value / self.lead).is_integer() else 1.0
        )
        return NumberMatch(value, self.pos, self.end, words=True, scaled=value >= 1000, factor=factor)

    # -- the integer part --
    def _integer_step(self, word: str, gap: str, token: re.Match[str]) -> bool:
        """Take one token into the integer being read; False where the integer ends. A number word
        decides alone; after a spaced hyphen nothing else is taken; else the first of
        ``_INTEGER_STEPS`` that knows the token takes it (True) or ends the integer (False)."""
        spaced_hyphen = gap.strip() == "-" and gap != "-"
        if word in _WORD_VALUES:
            return self._number_word(word, token, spaced_hyphen=spaced_hyphen)
        if spaced_hyphen:
            return False
        for step in _INTEGER_STEPS:
            taken = step(self, word, token)
            if taken is not None:
                return taken
        return False

    def _number_word(self, word: str, token: re.Match[str], *, spaced_hyphen: bool) -> bool:
        """ "three", "thirty three", "fifty - two"; not "five six", "three nought"."""
        value = _WORD_VALUES[word]
        last = self.current % 100
        tens_then_unit = last >= 20 and last % 10 == 0 and 0 < value < 10  # "thirty three", "fifty - two"
        if spaced_hyphen and not tens_then_unit:
            return False
        if self.seen and last and not tens_then_unit:  # "five six" is not a number
            return False
        if self.seen and value >= 20 and self._starts_compound_ordinal(token):  # "hundred thirty-fifths"
            return False
        if self.seen and value == 0 and (self.current or self.total):  # "three nought"
            return False
        self.current += value
        self.segment += value
        return True

    def _and(self, word: str, token: re.Match[str]) -> bool | None:
        """ "three hundred *and* five", "two thousand *and* twelve"."""
        if word == "and" and self.seen and self._and_continues(token):
            self.segment = 0.0
            return True
        return None

    def _article(self, word: str, token: re.Match[str]) -> bool | None:
        """ "*a* million", "*a* dozen": an article as one, only before a scale."""
        if word not in ("a", "an") or self.seen:
            return None
        follow = self._next(token.end())
        if follow is None or follow[1] == "-":
            return False
        nxt = follow[0].group().lower()
        if nxt in SCALES or nxt in DOZEN_WORDS:
            self.current = self.segment = 1.0
            return True
        return False

    def _scale(self, word: str, token: re.Match[str]) -> bool | None:
        """ "three *hundred*", "two hundred *thousand*", "lakh crore"; not "three hundred hundred"."""
        scale = _scale_of(word)
        if scale is None or not self.seen:
            return None
        if not self.lead:
            self.lead = self.current  # "*three* hundred thousand": what the scales multiply
        if scale == 100:
            if self.current % 100 == 0 and self.current:  # "three hundred hundred"
                return False
            hundreds = self.current - self.current % 100 + (self.current % 100 or 1) * 100
            self.segment = (self.segment or 1.0) * 100
            self.current = hundreds
            return True
        if scale > self.largest:  # "two hundred thousand", "three thousand millions", "lakh crore"
            self.total = ((self.total + self.current) if self.total else (self.current or 1.0)) * scale
        else:
            self.total += (self.current or 1.0) * scale
        self.largest = max(self.largest, scale)
        self.current = self.segment = 0.0
        return True

    def _dozen(self, word: str, token: re.Match[str]) -> bool | None:
        """ "three *dozen*", "two hundred and two *dozens*"."""
        if word not in DOZEN_WORDS or not self.seen:
            return None
        segment = self.segment or 1.0
        self.current += segment * DOZEN_VALUE - self.segment
        self.segment = segment * DOZEN_VALUE
        return True

    def _starts_compound_ordinal(self, token: re.Match[str]) -> bool:
        nxt = self._next(token.end())
        return (
            nxt is not None
            and nxt[1] == "-"
            and nxt[0].group().lower().removesuffix("s") in COMPOUND_ORDINAL_UNITS
        )

    def _and_continues(self, token: re.Match[str]) -> bool:
        """ "and" goes on with the number after a hundred ("three hundred and five") or a larger scale
        ("two thousand and twelve"), when a number word follows that is smaller than that scale."""
        follow = self._next(token.end())
        if follow is None or follow[1] == "-":
            return False
        nxt = follow[0].group().lower()
        if nxt not in _WORD_VALUES:
            return False
        after_hundred = self.current >= 100 and self.current % 100 == 0
        after_scale = self.current == 0 and self.total > 0
        if not (after_hundred or after_scale):
            return False
        # "and three quarters", "and two thirds": a fraction follows, read by _after_integer
        second = self._next(follow[0].end())
        return not (second and _denominator(second[0].group().lower()) and _WORD_VALUES[nxt] < 20)

    # -- after the integer: decimals, fractions, "and a half" --
    def _after_integer(self, value: float, token: re.Match[str] | None, gap: str) -> tuple[float, int] | None:
        if token is None or (gap.strip() == "-" and gap != "-" and not _denominator(token.group().lower())):
            return None
        word = token.group().lower()
        if word == "point" and gap != "-":
            return self._decimals(value, token)
        denom = self._denominator_at(token)
        if denom is not None and self.seen:
            d, end = denom
            numerator = self.segment if self.segment and self.segment < d else value
            plural = self.text[end - 1 : end] in "sS"
            if numerator != 1 and not plural:  # "the two millionth visitor" is an ordinal, "two half" nothing
                return None
            whole = value - numerator if numerator != value else 0.0
            return self._scaled(whole + numerator / d, end)
        if word == "and":
            fraction = self._fraction_at(token.end())
            if fraction is not None:
                f, end, factor = fraction
                if factor != 1.0:  # "two and a half million": the scale after the fraction takes both
                    return (value if self.largest else value * factor) + f, end
                scale = 1.0 if self.current else (self.largest or 1.0)  # "three million and a half"
                return value + f * scale, end
        return None

    def _decimals(self, value: float, point: re.Match[str]) -> tuple[float, int] | None:
        """ "point zero three", "point seventy-one", "point eleven": the digits after the decimal point."""
        if not value.is_integer():
            return None
        digits, end = "", point.end()
        nxt = self._next(end)
        while nxt is not None and (nxt[1] != "-" or digits):
            word = nxt[0].group().lower()
            if word not in _WORD_VALUES:
                break
            v = _WORD_VALUES[word]
            end = nxt[0].end()
            nxt = self._next(end)
            if v >= 20:  # "seventy-one" -> 71, "seventy" -> 7
                unit = _WORD_VALUES.get(nxt[0].group().lower(), 0) if nxt else 0
                if nxt and 0 < unit < 10:
                    digits += f"{v + unit}"
                    end = nxt[0].end()
                    nxt = self._next(end)
                else:
                    digits += str(v // 10)
            else:
                digits += str(v)
        if not digits:
            return None
        return self._scaled(float(f"{value:.0f}.{digits}"), end)

    def _scaled(self, value: float, end: int) -> tuple[float, int]:
        """A scale after a decimal or a fraction: "two point two million", "three quarters million",
        "two thirds of a million"."""
        m = re.compile(r"[ \u00a0]+(?:of[ \u00a0]+an?[ \u00a0]+)?([A-Za-z]+)").match(self.text, end)
        if m:
            scale = _scale_of(m.group(1).lower())
            if scale is not None and scale >= 1000:
                return value * scale, m.end()
        return value, end

    def _fraction_at(self, end: int) -> tuple[float, int, float] | None:
        """A fraction after "and": "a half", "one half", "three quarters", "five ninths", "a thirtieth";
        with its scale if one follows ("and a half million"): (value, end, the scale read or 1)."""
        nxt = self._next(end)
        if nxt is None:
            return None
        token, _ = nxt
        word = token.group().lower()
        numerator = 1.0 if word in ("a", "an") else _WORD_VALUES.get(word)
        if numerator is None or numerator == 0:
            return None
        follow = self._next(token.end())
        if follow is None:
            return None
        denom = self._denominator_at(follow[0])
        if denom is None:
            return None
        d, stop = denom
        value, stop2 = self._scaled(numerator / d, stop)
        return value, stop2, value / (numerator / d) if stop2 != stop else 1.0

    def _denominator_at(self, token: re.Match[str]) -> tuple[float, int] | None:
        """The denominator that starts at ``token`` and where it ends: "fifths", "twenty-fifth"."""
        d = _denominator(token.group().lower())
        if d is not None:
            return d, token.end()
        return self._compound_denominator(token)

    def _compound_denominator(self, token: re.Match[str]) -> tuple[float, int] | None:
        """ "twenty-fifth", "twenty firsts", "one hundred and fifth": a cardinal ending in an ordinal."""
        tens = _WORD_VALUES.get(token.group().lower())
        if tens is None:
            return None
        total, end = float(tens), token.end()
        for _ in range(4):
            nxt = self._next(end)
            if nxt is None:
                return None
            word = nxt[0].group().lower()
            unit = COMPOUND_ORDINAL_UNITS.get(word.removesuffix("s"))
            if unit is not None and total % 10 == 0 and (total >= 20 or total % 100 == 0):
                return total + unit, nxt[0].end()
            if word == "hundred":
                total *= 100
            elif word != "and" or total % 100:
                return None
            end = nxt[0].end()
        return None

    def _leading_fraction(self, token: re.Match[str] | None) -> NumberMatch | None:
        """ "half a million", "half million", "quarter million", "a fifth", "a hundredth"."""
        if token is None:
            return None
        word = token.group().lower()
        if word in ("half", "quarter"):
            f = 0.5 if word == "half" else 0.25
            m = re.compile(r"[ \u00a0]+(?:an?[ \u00a0]+)?([A-Za-z]+)").match(self.text, token.end())
            if m and (scale := _scale_of(m.group(1).lower())) is not None and scale >= 1000:
                return NumberMatch(f * scale, self.pos, m.end(), words=True, scaled=True)
            if m and m.group(1).lower() in DOZEN_WORDS:  # "half a dozen"
                return NumberMatch(f * DOZEN_VALUE, self.pos, m.end(), words=True)
            if word == "half":
                return NumberMatch(0.5, self.pos, token.end(), words=True)
            return None
        if word in ("a", "an"):
            nxt = self._next(token.end())
            if nxt is None or nxt[1] == "-":
                return None
            denom = self._denominator_at(nxt[0])
            if denom is None:
                return None
            value, end = self._scaled(1 / denom[0], denom[1])
            return NumberMatch(value, self.pos, end, words=True, scaled=value >= 1000)
        return None


# What a token other than a number word may do to the integer being read, tried in this order.
_INTEGER_STEPS: tuple[Callable[[_WordReader, str, re.Match[str]], bool | None], ...] = (
    _WordReader._and,
    _WordReader._article,
    _WordReader._scale,
    _WordReader._dozen,
)


def _scale_of(word: str) -> float | None:
    """ "million", "millions", "lakh", "lac", "cr": the multiplier, or None."""
    word = SCALE_ALIASES.get(word, word)
    if word in SCALES:
        return SCALES[word]
    if word.endswith("s") and word[:-1] in SCALES:
        return SCALES[word[:-1]]
    return None


def _denominator(word: str) -> float | None:
    """ "fifths" -> 5, "quarter" -> 4, "hundredth" -> 100; None for any other word."""
    return DENOMINATORS.get(word) or DENOMINATORS.get(word.removesuffix("s"))


def parse_number(text: str, pos: int) -> NumberMatch | None:
    """Digits or words at ``pos``, extended over a scale.

    >>> parse_number("DKK 1.5 billion", 4).value
    1500000000.0
    >>> parse_number("45 million Danish kroner", 0).end
    10
    """
    num = parse_digits(text, pos)
    if num is not None:
        point = POINT_DIGITS.match(text, num.end) if num.plain_integer else None
        if point is not None:  # "1 point 1"
            value = float(f"{text[num.start : num.end]}.{point.group('digits')}")
            num = NumberMatch(value, num.start, point.end(), ndigits=num.ndigits)
        return read_scale(text, num)
    return parse_words(text, pos)


def as_number(value: float) -> int | float:
    """An integral float as int, so JSON shows 210000000 rather than 210000000.0.

    Other values keep ten significant digits (not ten decimals: 2.998e-08 stays itself).

    >>> as_number(210000000.0), as_number(8.5), as_number(2.998e-08), as_number(0.1 + 0.2)
    (210000000, 8.5, 2.998e-08, 0.3)
    """
    if value == value and abs(value) < 1e15 and float(value).is_integer():
        return int(value)
    return float(f"{value:.10g}")
