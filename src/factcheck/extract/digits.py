"""Numbers written in digits: a sign ("minus 5"), fractions ("3/4", "10 1/2"), powers ("2.998×10−8"),
"m" as metres or millions, identifiers ("COVID-19"), then ``read_quantity``."""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.extract.mention import Mention
from factcheck.extract.money import currency_before, currency_of
from factcheck.extract.names import in_a_name, is_identifier, table_label_noun, token_end
from factcheck.extract.numbers import NumberMatch, parse_number
from factcheck.extract.patterns import CURRENCY_AFTER, CURRENCY_BEFORE
from factcheck.extract.quantity import MEASURES, ratio_after, read_quantity
from factcheck.extract.readers import PARTITIVE
from factcheck.extract.units import counted_noun
from factcheck.lexicon.load import table


def read_digits(text: str, at: int) -> Mention | int | None:
    num = parse_number(text, at)
    if num is None:
        return None
    fraction = _slash_fraction(text, num)
    if isinstance(fraction, int):
        return fraction  # "8/8", "22/04": a date or a score, neither figure a count
    month_day = (
        fraction is not num
        and text.startswith("/", num.end)
        and _month_day(text, num.value, int(text[num.end + 1 : fraction.end]), fraction.end)
    )
    num = fraction
    num = _metres_not_millions(text, num)
    num = _power(text, num)
    if is_identifier(text, at, num.end):
        return token_end(text, at)
    start = at
    sign = text[at - 1] if at > 0 and text[at - 1] in "+-−" else ""
    if sign and (at < 2 or not text[at - 2].isalnum()):
        start = at - 1
    else:
        sign = ""
        word = _SIGN_WORD.search(text[max(0, at - 10) : at])
        if word:  # "minus 5", "negative 1200000", "minus-130"
            sign, start = "-", at - len(word.group())
    if sign in ("-", "−"):
        num = replace(num, value=-num.value)
    currency, cur_start = currency_before(text, start)
    if currency is None:
        ratio = ratio_after(text, num, start=start)
        if ratio is not None:
            return ratio
    found = read_quantity(text, num, start=cur_start if currency else start, currency=currency)
    if isinstance(found, Mention) and found.kind == "count" and found.unit is None:
        noun = table_label_noun(text, at)  # "Structures destroyed2,207[5]": 2,207 structures
        found = found if noun is None else replace(found, unit=noun)
    if month_day and isinstance(found, Mention) and found.kind in ("ratio", "count"):
        return found.end  # "as of today, 8/17,", "the aftermath of 9/11": a date, no fraction or count
    if (
        isinstance(found, Mention)
        and found.kind == "count"
        and not (found.unit in MEASURES and found.end == num.end)  # "Category 5 Hurricane Ian"
        and in_a_name(text, num, start)
    ):
        return token_end(text, at)
    return found


SIGN_WORDS = tuple(table("context.toml", "sign_words"))
_SIGN_WORD = re.compile(rf"(?i:\b(?:{'|'.join(SIGN_WORDS)}))(?:[ \u00a0]+|-)$")
_SLASH = re.compile(r"[/\u2044](\d{1,3})(?![/\u2044\d])")  # 3/4, 1⁄32 (fraction slash)
_MIXED = re.compile(r"[ \u00a0]{1,2}(?P<num>\d{1,2})/(?P<den>\d{1,2})(?![/\d])")
# "×10−8", "x 10^-8", "×10^23": scientific notation as printed (a minus sign or a hyphen as the sign);
# "4x100" (a relay) has neither a caret nor a sign and is left alone.
_TEN_POWER = re.compile(r"[ ]?[×x][ ]?10(?:\^(?P<sign>[-−]?)|(?P<minus>[-−]))(?P<exp>\d{1,3})(?![\d.])")
_POWER = re.compile(r"\^(?P<sign>[+-]*)(?P<exp>\d{1,3})(?![\d.])")


_SLASH_DENOMINATORS = frozenset(table("numbers.toml", "slash_denominators"))
_OF_AFTER = re.compile(r"[ \u00a0]{1,3}of\b")


def _slash_fraction(text: str, num: NumberMatch) -> NumberMatch | int:
    """ "3/4", "1/4 mile": a proper fraction read on; "8/8", "22/04" (a date or a score): the end of
    the pair, which no claim covers; a mixed "10 1/2"; else ``num`` itself."""
    fraction = _SLASH.match(text, num.end) if text.startswith(("/", "\u2044"), num.end) else None
    if fraction and num.plain_integer and int(fraction.group(1)) > 0:
        if num.value >= int(fraction.group(1)):
            return fraction.end()
        return replace(num, value=num.value / int(fraction.group(1)), end=fraction.end(), plain_integer=False)
    return _mixed_fraction(text, num) if num.plain_integer else num


def _month_day(text: str, numerator: float, denominator: int, end: int) -> bool:
    """Whether the slash fraction "n/d" ending at ``end`` reads as a month and a day: the denominator
    is not one a writer uses for a fraction, both fit a date, and no "of" follows.

    >>> [_month_day(t, n, d, t.index(" ")) for t, n, d in [("8/17 data", 8, 17), ("3/4 full", 3, 4), ("5/12 of", 5, 12)]]
    [True, False, False]
    """
    return (
        denominator not in _SLASH_DENOMINATORS
        and 1 <= numerator <= 12
        and 0 < denominator <= 31
        and _OF_AFTER.match(text, end) is None
    )


def _mixed_fraction(text: str, num: NumberMatch) -> NumberMatch:
    """ "10 1/2 miles", "2  1/4": a whole number and a proper fraction."""
    m = _MIXED.match(text, num.end)
    if m is None or not 0 < int(m.group("num")) < int(m.group("den")):
        return num
    value = num.value + int(m.group("num")) / int(m.group("den"))
    return replace(num, value=value, end=m.end(), plain_integer=False)


def _power(text: str, num: NumberMatch) -> NumberMatch:
    """ "1.1^23", "2.5^-1": a number raised to a power; "2.998×10−8": times a power of ten."""
    ten = _TEN_POWER.match(text, num.end)
    if ten is not None:
        exponent = int(ten.group("exp")) * (-1 if ten.group("sign") or ten.group("minus") else 1)
        return replace(
            num, value=num.value * 10.0**exponent, end=ten.end(), plain_integer=False, scaled=False
        )
    m = _POWER.match(text, num.end)
    if m is None:
        return num
    exponent = int(m.group("exp")) * (-1) ** m.group("sign").count("-")
    try:
        value = num.value**exponent
    except OverflowError:
        return num
    return replace(num, value=value, end=m.end(), plain_integer=False, scaled=False)


def _metres_not_millions(text: str, num: NumberMatch) -> NumberMatch:
    """ "1.8m tall": an "m" after a number is a metre unless money or a counted noun follows."""
    if not (num.scale_abbrev and text[num.end - 1] == "m" and num.factor == 1e6):  # "3M" is millions
        return num
    before = CURRENCY_BEFORE.search(text[max(0, num.start - 8) : num.start])
    after = CURRENCY_AFTER.match(text, num.end)
    if before or (after and currency_of(after)) or counted_noun(text, num.end, 2.0):
        return num
    partitive = PARTITIVE.match(text, num.end)  # "35m of its Echo devices": millions of things
    if partitive and counted_noun(text, partitive.end(), 2.0):
        return num
    return replace(num, value=num.value / 1e6, end=num.end - 1, scaled=False, scale_abbrev=False, factor=1.0)
