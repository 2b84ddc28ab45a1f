"""Find the numeric expressions of one sentence: ``scan(text) -> list[Mention]``.

The scan walks the anchors of ``patterns.ANCHOR`` left to right. At each it tries, in order, a date,
then a number (digits or words) with what stands before it (currency, sign, qualifier, "between")
and after it (scale, percent, currency, unit, a range's second number, the counted noun).
Offsets are into ``text``; nothing is rewritten.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from factcheck import lexicon as lx
from factcheck.extract.names import in_a_name
from factcheck.extract.numbers import NumberMatch, parse_number, parse_words
from factcheck.extract.patterns import (
    ANCHOR,
    ANCHOR_START,
    BETWEEN_BEFORE,
    CASED_CURRENCY,
    CHANGE_VERBS,
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    DATE,
    DIGIT_NEXT,
    LIST_NUMBER,
    NOT_PROSE,
    NOUN_WORD,
    PERCENT_AFTER,
    QUALIFIER_BEFORE,
    QUALIFIER_ENDINGS,
    RANGE_JOIN,
    SUBUNIT_AFTER,
    SYMBOL_AFTER,
    UNIT_AFTER,
)
from factcheck.extract.units import counted_noun, find_period, is_year_context
from factcheck.lexicon import GLUED_ONLY
from factcheck.lexicon.load import table
from factcheck.lexicon.plurals import is_plural

UNITS = {**lx.DISTANCE_UNITS, **lx.DURATION_UNITS, **lx.OTHER_UNITS}
APPROX_ONLY = frozenset({"approx"})
_LEFT = 40  # how far back a currency or qualifier is looked for
_LEAP_YEAR = 2000  # the calendar of a date stated without its year: 29 February exists in it


# Characters without which NOT_PROSE cannot match: most sentences skip that scan.
_MAYBE_NOT_PROSE = re.compile(
    r"[:@\[\]+]|www\.|\d(?:[ .]?\d{0,2}[ ]?(?i:[ap]\.?m)|\)|\d\d[ ]\d)"
)  # 3pm, (202), 01632 960


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    qualifier_start: int | None = None
    date: str | None = None
    per: str | None = None
    equivalent: int | None = None  # index of the mention this one restates (parenthesised conversion)


@dataclass(frozen=True, slots=True)
class _Unit:
    """What follows a number: its kind and unit, and where the expression ends."""

    kind: str
    unit: str | None
    end: int
    factor: float = 1.0  # cents -> main currency
    extra: float = 0.0  # the sub-unit of "3 dollars 50 cents", in the main currency
    qualifier: str | None = None  # stated between the number and its noun: "50 plus staff"


def scan(text: str) -> list[Mention]:
    """Every numeric expression of ``text``, left to right, not overlapping.

    >>> [(m.kind, m.value, m.unit) for m in scan("Denmark will pay EUR 210 million for 300 prison cells.")]
    [('money', 210000000.0, 'EUR'), ('count', 300.0, 'prison cell')]
    """
    anchors = list(_anchors(text))
    if not anchors:  # most sentences: no digit and no number word
        return []
    blocked = (
        [(m.start(), m.end()) for m in NOT_PROSE.finditer(text)] if _MAYBE_NOT_PROSE.search(text) else []
    )
    list_mark = LIST_NUMBER.match(text)
    if list_mark:
        blocked.append((0, list_mark.end()))
    mentions: list[Mention] = []
    pos = 0
    for anchor in anchors:
        at = anchor.start()
        if at < pos or _inside(at, blocked):
            continue
        found = _at_anchor(text, anchor, mentions)
        if isinstance(found, int):
            pos = max(pos, found)
            continue
        if found is not None:
            mentions.append(found)
            pos = found.end
    return _link(text, _bounded(text, _dollar_cents(text, mentions)))


# Currencies written with a dollar sign: their cents are the "cents" of a sentence that names one.
_DOLLARS = frozenset(code for sym, code in lx.CURRENCY_SYMBOLS.items() if "$" in sym)
_CENT_WORD = re.compile(r"(?i:cents?)$")


def _dollar_cents(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "up 19 cents at US$58.24 per barrel": cents in a sentence that states a dollar amount are that
    dollar's cents, not the lexicon's default (euro cents)."""
    dollars = {m.unit for m in mentions if m.kind == "money" and m.unit in _DOLLARS}
    if len(dollars) != 1:
        return mentions
    (dollar,) = dollars
    default = lx.CURRENCY_CENTS["cents"]
    return [
        replace(m, unit=dollar)
        if m.kind == "money" and m.unit == default and _CENT_WORD.search(text, m.start, m.end)
        else m
        for m in mentions
    ]


_LOWER_BOUNDS = frozenset({"more_than", "at_least"})
_UPPER_BOUNDS = frozenset({"less_than", "at_most", "up_to"})
_BOUND_GAP = re.compile(r"[ \u00a0]*,?[ \u00a0]*(?:and|but)?[ \u00a0]*")


def _bounded(text: str, mentions: list[Mention]) -> list[Mention]:
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


def _anchors(text: str) -> Iterator[re.Match[str]]:
    """What ``ANCHOR.finditer(text)`` yields, found faster: ANCHOR is tried only where ``ANCHOR_START``
    (a digit or a word an anchor can begin with) matches, instead of at every character."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): offsets would shift
        yield from ANCHOR.finditer(text)
        return
    end = 0
    for start in ANCHOR_START.finditer(low):
        at = start.start()
        if start.lastgroup == "digits" and at > end and text[at - 1] == ".":  # ".5"
            at -= 1
        if at < end:
            continue
        anchor = ANCHOR.match(text, at) or (ANCHOR.match(text, at + 1) if at < start.start() else None)
        if anchor is not None:
            end = anchor.end()
            yield anchor


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= at < e for s, e in spans)


def _at_anchor(text: str, anchor: re.Match[str], previous: list[Mention]) -> Mention | int | None:
    """A mention at this anchor, or an offset to skip to (an identifier), or None."""
    group = anchor.lastgroup
    at = anchor.start()
    if group in ("digit", "month", "part"):
        date = _date(text, at)
        if date is not None:
            return date  # a Mention, or the end of an impossible date to skip
        if group != "digit":
            return None
        return _digits(text, at)
    if group == "vague":
        return _vague_plural(text, anchor)
    if group == "multi":
        return _multi(text, anchor)
    if group == "few":
        return _few(text, anchor)
    return _words(text, anchor, previous)


# --- dates ---------------------------------------------------------------------------------------


def _date(text: str, at: int) -> Mention | int | None:
    """A date at ``at``; for a date no calendar has ("31 June 2023"), the offset after it: an
    impossible date is no claim, and its parts are no count or year either."""
    m = DATE.match(text, at)
    if m is None:
        return None
    g = m.groupdict()
    qualifier = None
    if g["iso"]:
        year, month, day = g["y0"], int(g["mo0"]), int(g["d0"])
    elif g["dmy"]:
        year, month, day = g["y1"], _month(g["m1"]), int(g["d1"])
    elif g["mdy"]:
        year, month, day = g["y2"], _month(g["m2"]), int(g["d2"])
    elif g["my"]:
        year, month, day = g["y3"], _month(g["m3"]), 0
    else:
        year, month, day = g["y4"], _month(g["m4"]) if g["m4"] else 0, 0
        qualifier = "approx"
    if not 1 <= (day or 1) <= 31 or (year and not 1000 <= int(year) <= 2200):
        return None
    if not 1 <= month <= 12 and month:
        return None
    if day and (not month or day > monthrange(int(year) if year else _LEAP_YEAR, month)[1]):
        return m.end()  # 31 June, 30 February, and month 00 of 2023-00-29
    iso = "-".join(filter(None, [year or "-", f"{month:02d}" if month else "", f"{day:02d}" if day else ""]))
    return Mention(at, m.end(), "date", date=iso, qualifier=qualifier)


def _month(name: str) -> int:
    return lx.MONTHS[name.rstrip(".").lower()]


# --- numbers written in digits -------------------------------------------------------------------


def _digits(text: str, at: int) -> Mention | int | None:
    num = parse_number(text, at)
    if num is None:
        return None
    fraction = _SLASH.match(text, num.end) if text.startswith(("/", "\u2044"), num.end) else None
    if fraction and num.plain_integer and int(fraction.group(1)) > 0:  # 3/4, 1/4 mile
        if num.value < int(fraction.group(1)):
            num = replace(
                num,
                value=num.value / int(fraction.group(1)),
                end=fraction.end(),
                plain_integer=False,
            )
        else:
            return _token_end(text, at)
    elif num.plain_integer:
        num = _mixed_fraction(text, num)
    num = _metres_not_millions(text, num)
    num = _power(text, num)
    if _is_identifier(text, at, num.end):
        return _token_end(text, at)
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
    currency, cur_start = _currency_before(text, start)
    if currency is None:
        ratio = _ratio_after(text, num, start=start)
        if ratio is not None:
            return ratio
    found = _quantity(text, num, start=cur_start if currency else start, currency=currency)
    if isinstance(found, Mention) and found.kind == "count" and in_a_name(text, num, start):
        return _token_end(text, at)
    return found


_HYPHEN_PREFIXES = frozenset(table("context.toml", "hyphen_prefixes"))
_SIGN_WORDS = tuple(table("context.toml", "sign_words"))
_SIGN_WORD = re.compile(rf"(?i:\b(?:{'|'.join(_SIGN_WORDS)}))(?:[ \u00a0]+|-)$")
_SLASH = re.compile(r"[/\u2044](\d{1,3})(?![/\u2044\d])")  # 3/4, 1⁄32 (fraction slash)
# A currency written again before a range's second number: "£", "RM", "US$", "HK $".
_CURRENCY_PREFIX = re.compile(r"[A-Za-z.]{0,4}[ ]?[$€£¥₹]|[A-Za-z]{2,3}(?=\d)")
_MIXED = re.compile(r"[ \u00a0]{1,2}(?P<num>\d{1,2})/(?P<den>\d{1,2})(?![/\d])")
# "×10−8", "x 10^-8", "×10^23": scientific notation as printed (a minus sign or a hyphen as the sign);
# "4x100" (a relay) has neither a caret nor a sign and is left alone.
_TEN_POWER = re.compile(r"[ ]?[×x][ ]?10(?:\^(?P<sign>[-−]?)|(?P<minus>[-−]))(?P<exp>\d{1,3})(?![\d.])")
_POWER = re.compile(r"\^(?P<sign>[+-]*)(?P<exp>\d{1,3})(?![\d.])")


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
    if before or (after and _currency_of(after)) or counted_noun(text, num.end, 2.0):
        return num
    return replace(num, value=num.value / 1e6, end=num.end - 1, scaled=False, scale_abbrev=False, factor=1.0)


def _is_identifier(text: str, start: int, end: int) -> bool:
    """COVID-19, G7, F-16, MH17, 4G, A4: digits glued to letters that are no unit or currency."""
    before = text[start - 1] if start else " "
    if before.isalpha():  # an ambiguous code glued to a figure names a thing: "COP28", not 28 pesos
        found = CURRENCY_BEFORE.search(text[max(0, start - 6) : start])
        if found is None:
            return True
        code = found.group("code")  # three capitals that are no currency ("LGA1156") name a thing too
        return code is not None and (code not in lx.CURRENCY_CODES or code in lx.AMBIGUOUS_CODES)
    if before == "-" and start >= 2 and text[start - 2].isalpha():
        word = re.search(r"[A-Za-z]+$", text[max(0, start - 12) : start - 1])
        low = word.group().lower() if word else ""
        return word is not None and low not in _HYPHEN_PREFIXES and low not in lx.MEASURE_WORDS
    after = re.match(r"[A-Za-z]+", text[end : end + 12])
    if after is None or text[end + after.end() : end + after.end() + 1] == "$":  # 3.14US$
        return False
    glued = after.group().lower()
    unit = UNIT_AFTER.match(text, end)
    if PERCENT_AFTER.match(text, end) or _CENTS.match(text, end) or (unit and _cased_as_unit(unit)):
        return False  # "24pc", "164p", "256GB", "3923sq m"; not "5G"
    known = glued in lx.SCALE_ABBREVIATIONS or glued in ("st", "nd", "rd", "th", "s", "bn")
    return not known and glued not in lx.CURRENCY_SYMBOLS and glued.upper() not in lx.CURRENCY_CODES


def _token_end(text: str, at: int) -> int:
    m = re.compile(r"[\w.,-]*").match(text, at)
    return m.end() if m else at + 1


def _currency_before(text: str, start: int) -> tuple[str | None, int]:
    m = CURRENCY_BEFORE.search(text[max(0, start - 8) : start])
    if m is None:
        return None, start
    begin = start - (len(text[max(0, start - 8) : start]) - m.start())
    if m.group("sym"):
        sym = m.group("sym").replace(" ", "")  # "c $" -> "c$"
        return lx.CURRENCY_SYMBOLS.get(sym.lower(), lx.CURRENCY_SYMBOLS.get(sym)), begin
    if m.group("word"):
        return lx.CURRENCY_SYMBOLS[m.group("word").lower()], begin
    code = m.group("code")
    if code in lx.CURRENCY_CODES and code not in lx.AMBIGUOUS_CODES:
        return code, begin
    return None, start


def _quantity(text: str, num: NumberMatch, *, start: int, currency: str | None) -> Mention | int | None:
    """A number with what stands around it."""
    low = high = None
    unit = _unit_after(text, num, currency)
    end = unit.end
    second = _range_second(text, start, num, unit, currency)
    if second is not None and _is_score(text, num, unit, second[0]):
        return second[0].end
    if second is not None:
        num2, unit2 = second
        if unit.unit is None and unit2.unit is not None:
            unit = replace(unit2, end=unit2.end)
        low, high = num.value, num2.value
        if not num.scaled and num2.scaled and low * num2.factor <= high:
            low *= num2.factor
        end = max(unit2.end, num2.end)
    if unit.kind == "none":
        return None
    kind, value = unit.kind, num.value * unit.factor + unit.extra
    if kind == "count" and unit.unit is None and _is_year(text, num, end) and low is None:
        kind = "year"
    if kind == "count" and unit.unit is None and 0 < abs(num.value) < 1 and not num.words:
        kind, unit = "ratio", replace(unit, unit="fraction")  # 3/4, .5
    if kind == "year" and low is not None:  # 2023-24
        if high is not None and high < 100:
            high = (low // 100) * 100 + high
        if high is None or high <= low:
            return None
    if low is not None and high is not None and high < low:
        low = high = None
        end = unit.end
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
    return _with_context(text, mention)


def _is_score(text: str, num: NumberMatch, unit: _Unit, num2: NumberMatch) -> bool:
    """ "drew 2-2", "won 2-1", "9-2 lead": two bare integers joined by a hyphen, the second no larger
    than the first, are a score, not a range (a range runs upwards: "10-20 people")."""
    return (
        unit.unit is None
        and num.plain_integer
        and num2.plain_integer
        and text[unit.end : num2.start] == "-"
        and num2.value <= num.value
    )


def _words_of(table: dict[str, str]) -> str:
    """An alternation of a qualifier table's words as written, longest first."""
    return "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))


# A qualifier after a quantity, read on a short window: "20 years or so", "30 odd".
_QUALIFIER_AFTER = re.compile(rf"[ \u00a0]+({_words_of(lx.QUALIFIERS_AFTER)})\b")
# A qualifier between a number and the noun it counts: "50 plus staff", "100 and more people".
_QUALIFIER_BEFORE_NOUN = re.compile(rf"[ \u00a0]+({_words_of(lx.QUALIFIERS_BEFORE_NOUN)})\b")
_CENTS = re.compile(r"[ \u00a0-]?(cents?|pence|pennies|p)\b")
_ORDINAL_SUFFIX = re.compile(r"(st|nd|rd|th)\b")
_TIMES = re.compile(r"[ \u00a0](?:times|fold)\b|-fold\b")


def _unit_after(text: str, num: NumberMatch, currency: str | None) -> _Unit:
    """What follows a number: its currency if one stood before it, else the first reading of
    ``UNIT_READERS`` that applies, else a bare count."""
    if currency is not None:
        return _stated_currency(text, num, currency)
    for reader in UNIT_READERS:
        unit = reader(text, num)
        if unit is not None:
            return unit
    return _Unit("count", None, num.end)


def _stated_currency(text: str, num: NumberMatch, currency: str) -> _Unit:
    """ "€6m", then a redundant code or name ("$5 USD") is swallowed."""
    end = num.end
    after = CURRENCY_AFTER.match(text, end)
    if after and _currency_of(after) == currency:
        end = after.end()
    return _money(text, num, currency, end)


def _percent(text: str, num: NumberMatch) -> _Unit | None:
    """ "45%", "3 per cent", "2 percentage points"."""
    m = PERCENT_AFTER.match(text, num.end)
    return _Unit("percent", "%", m.end()) if m else None


def _symbol(text: str, num: NumberMatch) -> _Unit | None:
    """ "20€", "10 $", "3.14US$", "10¢"."""
    m = SYMBOL_AFTER.match(text, num.end)
    if m is None:
        return None
    if m.group("sym") == "¢":
        return _Unit("money", lx.CURRENCY_CENTS["¢"], m.end(), factor=0.01)
    return _money(text, num, lx.CURRENCY_SYMBOLS[m.group("sym").lower()], m.end())


def _currency_name(text: str, num: NumberMatch) -> _Unit | None:
    """ "45 million Danish kroner", "42 KWD", "42MYR" (a glued code only if it is one)."""
    end = num.end
    after = CURRENCY_AFTER.match(text, end)
    if after and (code := _currency_of(after)) is not None:
        weight = _weight(text, num, after)
        if weight is not None:
            return weight
        glued_code = after.group("code") is not None and text[end] not in " \u00a0"
        if not glued_code or after.group("code") in lx.CURRENCY_CODES:
            return _money(text, num, code, after.end())
    return None


_OF = re.compile(r"[ \u00a0]+of\b")


def _weight(text: str, num: NumberMatch, after: re.Match[str]) -> _Unit | None:
    """ "a 10-pound baby", "200 pounds of cocaine": a currency name that weighs; an amount with a
    scale ("5 million pounds of aid") or a money noun ("a 5-pound note") stays money."""
    name = (after.group("name") or "").lower()
    if name not in lx.WEIGHT_WORDS or num.scaled:
        return None
    if _OF.match(text, after.end()) is None:
        noun = NOUN_WORD.match(text, after.end())
        if not text.startswith("-", num.end) or (
            noun and noun.group("word").lower() in lx.WEIGHT_MONEY_NOUNS
        ):
            return None
    return _Unit("other", lx.WEIGHT_WORDS[name], after.end())


def _cased_currency(text: str, num: NumberMatch) -> _Unit | None:
    """ "42 LE"."""
    m = CASED_CURRENCY.match(text, num.end)
    return _money(text, num, lx.CASED_CURRENCY_AFTER[m.group("abbr")], m.end()) if m else None


def _cents(text: str, num: NumberMatch) -> _Unit | None:
    """ "50 cents", "20p" (a "p" only glued to the digits)."""
    m = _CENTS.match(text, num.end)
    if m and (m.group(1) != "p" or m.start(1) == num.end):
        return _Unit("money", lx.CURRENCY_CENTS[m.group(1).lower()], m.end(), factor=0.01)
    return None


def _ordinal(text: str, num: NumberMatch) -> _Unit | None:
    """ "10th anniversary" is ten years; any other ordinal is no quantity ("the 3rd floor")."""
    end = num.end
    if not _ORDINAL_SUFFIX.match(text, end):
        return None
    noun = NOUN_WORD.match(text, end + 2)
    if noun and noun.group("word").lower() in lx.QUANTITY_ORDINAL_NOUNS:
        return _Unit("ordinal", noun.group("word").lower(), noun.end())
    return _Unit("none", None, end + 2)


def _decade(text: str, num: NumberMatch) -> _Unit | None:
    """ "the 1990s"."""
    if text.startswith("s", num.end) and num.plain_integer and num.ndigits == 4:
        return _Unit("year", "decade", num.end + 1)
    return None


def _times(text: str, num: NumberMatch) -> _Unit | None:
    """ "3 times", "tenfold", "5-fold"."""
    end = num.end
    if _TIMES.match(text, end):
        return _Unit("ratio", "times", end + (6 if text[end + 1 : end + 6] == "times" else 5))
    return None


def _year_number(text: str, num: NumberMatch) -> _Unit | None:
    """ "in 2021", "the 2010 floods"."""
    return _Unit("year", "year", num.end) if _is_year(text, num, num.end) else None


def _qualified_noun(text: str, num: NumberMatch) -> _Unit | None:
    """ "50 plus staff", "100 and more people": a qualifier between the number and its noun."""
    between = _QUALIFIER_BEFORE_NOUN.match(text, num.end)
    if between and (counted := counted_noun(text, between.end(), num.value)) is not None:
        return _Unit("count", counted[0], counted[1], qualifier=lx.QUALIFIERS_BEFORE_NOUN[between.group(1)])
    return None


# "two *of the* engines", "three *of its* reactors": a partitive before the counted noun.
_PARTITIVE = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:the|its|their|his|her|our|these|those)(?=[ \u00a0])")
# "twelve *British, French and German* jets": capitalised adjectives listed before the noun.
_ADJECTIVE_LIST = re.compile(
    r"(?:[ \u00a0]+[A-Z][a-z]+,){1,5}[ \u00a0]+[A-Z][a-z]+,?[ \u00a0]+(?:and|or)[ \u00a0]+[A-Z][a-z]+(?=[ \u00a0])"
    r"|[ \u00a0]+[A-Z][a-z]+[ \u00a0]+(?:and|or)[ \u00a0]+[A-Z][a-z]+(?=[ \u00a0])"
)


def _listed_noun(text: str, num: NumberMatch) -> _Unit | None:
    """ "two of the engines", "twelve British, French and German jets": the noun counted past a
    partitive or a list of adjectives, when it is a plural noun in lower case."""
    if num.value == 1:
        return None
    lead = _PARTITIVE.match(text, num.end) or _ADJECTIVE_LIST.match(text, num.end)
    if lead is None:
        return None
    noun = NOUN_WORD.match(text, lead.end())
    if noun is None or not noun.group("word").islower() or not is_plural(noun.group("word")):
        return None
    counted = counted_noun(text, lead.end(), num.value)
    return _Unit("count", counted[0], counted[1]) if counted is not None else None


def _counted(text: str, num: NumberMatch) -> _Unit | None:
    """ "300 prison cells", "152-member unit"."""
    counted = counted_noun(text, num.end, num.value)
    return _Unit("count", counted[0], counted[1]) if counted is not None else None


def _money(text: str, num: NumberMatch, currency: str, end: int) -> _Unit:
    """An amount, completed by its sub-unit: "3 dollars 50 cents", "$20 and 43c", "20 dollars 43"."""
    if num.scaled or not num.value.is_integer():
        return _Unit("money", currency, end)
    sub = SUBUNIT_AFTER.match(text, end)
    if sub is None:
        return _Unit("money", currency, end)
    cents = parse_number(text, sub.start("num"))
    if (
        cents is None
        or cents.end != sub.end("num")
        or not (cents.value.is_integer() and 0 < cents.value < 100)
    ):
        return _Unit("money", currency, end)
    return _Unit("money", currency, sub.end(), extra=cents.value / 100 * (1 if num.value >= 0 else -1))


def _currency_of(m: re.Match[str]) -> str | None:
    if m.group("name"):
        name = re.sub(r"[ \u00a0]+", " ", m.group("name").lower())
        return lx.CURRENCY_WORDS.get(name)
    code = m.group("code")
    if code and code.isupper() and code in lx.CURRENCY_CODES and code not in lx.AMBIGUOUS_CODES:
        return code
    return None


def _measure_unit(text: str, num: NumberMatch) -> _Unit | None:
    m = UNIT_AFTER.match(text, num.end)
    if m is None:
        return None
    surface = re.sub(r"[ \u00a0]+", " ", m.group("unit").lower())
    if surface in GLUED_ONLY and m.group("gap"):
        return None
    if surface == "m" and num.scale_abbrev:
        return None
    if not _cased_as_unit(m):
        return None  # "5 MP", "3 T"
    kind, unit = _unit_kind(surface)
    end = m.end()
    if kind == "duration" and re.match(r"-old\b", text[end : end + 5]):
        return _Unit("other", "year of age", end + 4)
    return _Unit(kind, unit, end)


def _cased_as_unit(m: re.Match[str]) -> bool:
    """A unit's spelling of one or two letters all in capitals is no unit ("5 MP", "3 T", "5G") unless
    the lexicon lists it as written so ("60 GB", "5 W"); "50mL" is millilitres."""
    written = m.group("unit")
    return len(written) > 2 or not written.isupper() or written.lower() in lx.CAPITAL_UNITS


# What may follow a number, tried in this order; the first that reads something wins.
UNIT_READERS: tuple[Callable[[str, NumberMatch], _Unit | None], ...] = (
    _percent,
    _symbol,
    _currency_name,
    _cased_currency,
    _cents,
    _measure_unit,
    _ordinal,
    _decade,
    _times,
    _year_number,
    _qualified_noun,
    _listed_noun,
    _counted,
)


def _range_second(
    text: str, start: int, num: NumberMatch, unit: _Unit, currency: str | None
) -> tuple[NumberMatch, _Unit] | None:
    """The upper bound of "700 to 800", "10-20%", "between 10% and 20%", "£140m-£240m"."""
    join = RANGE_JOIN.match(text, unit.end)
    if join is None:
        return None
    word = join.group().strip()
    if word == "or" and not text[join.start() : join.end()].startswith(" "):
        return None  # "5or6" is no text
    before = BETWEEN_BEFORE.search(text[max(0, start - 12) : start])
    if word == "and" and not (before and before.group("b").lower() == "between"):
        return None
    if (
        before
        and before.group("b").lower() == "from"
        and (word != "to" or (before.group("verb") or "").lower() in CHANGE_VERBS)
    ):  # "rose from 5 to 10" is a change
        return None
    if word == "to" and unit.unit is not None and _after_change_verb(text, start):
        # "fell 0.4 per cent to 13,176": a change, then a level; "went up 5 to 10 percent" is a range
        return None
    at = join.end()
    if currency:  # "£140m-£240m", "from RM120,000 to RM300,000": the same currency again
        prefix = _CURRENCY_PREFIX.match(text, at)
        if prefix and _currency_before(text, prefix.end())[0] == currency:
            at = prefix.end()
    num2 = parse_number(text, at)
    if num2 is None or (num2.words and not num.words and not num2.scaled):
        return None
    if unit.kind == "year":  # 2023-24, 2021-2025
        if num2.plain_integer and num2.ndigits in (2, 4) and word != "and":
            return num2, _Unit("year", "year", num2.end)
        return None
    if _is_identifier(text, at, num2.end):
        return None
    if word == "or" and not (num.words and num2.words and num.value < num2.value <= 2 * num.value + 1):
        return None  # "three or four years", the spoken estimate; not "25k or 40k ... respectively"
    unit2 = _unit_after(text, num2, currency)
    if unit.kind not in ("count",) and unit.unit is not None and unit2.unit not in (None, unit.unit):
        return None
    if unit.unit is not None and unit.kind != "count" and unit2.unit is None:
        unit2 = replace(unit2, kind=unit.kind, unit=unit.unit)
    return num2, unit2


# The words right before a number that make it a change: "rose", "edged down", "increased by".
_CHANGE_BEFORE = re.compile(r"(?P<verb>[A-Za-z]+)(?:[ \u00a0]+(?:by|down|up|higher|lower))?[ \u00a0]+$")


def _after_change_verb(text: str, start: int) -> bool:
    """ "gained 0.7 percent to 6,327.80", "increased by $43.6 billion to $419.2 billion": the first
    number is a change and the second the level it reached, not a range."""
    m = _CHANGE_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group("verb").lower() in CHANGE_VERBS


def _is_year(text: str, num: NumberMatch, end: int) -> bool:
    return (
        num.plain_integer
        and num.ndigits == 4
        and 1000 <= num.value <= 2100
        and is_year_context(text, num.start, end)
    )


# --- numbers written in words, and vague quantities ----------------------------------------------


def _words(text: str, anchor: re.Match[str], previous: list[Mention]) -> Mention | None:
    at = anchor.start()
    group = anchor.lastgroup
    if group == "article":
        return _article(text, at)
    num = parse_words(text, at)
    if num is None:
        return None
    if num.value == 0.5 and group == "half" and not num.scaled:
        return _fraction(text, num, at)
    if 0 < num.value < 1:
        return Mention(at, num.end, "ratio", value=num.value, unit="fraction")
    prev_word = _word_before(text, at)
    signed = prev_word in _SIGN_WORDS
    start = at
    if signed:  # "minus five percent", "negative one"
        num = replace(num, value=-num.value)
        start = at - len(re.search(r"[A-Za-z]+[ \u00a0]*$", text[:at]).group())  # type: ignore[union-attr]
    ratio = _ratio_after(text, num, start=start)
    if ratio is not None:
        return ratio
    if (
        num.value == 1
        and not signed
        and not _counts_one(text, num.end, prev_word)
        and not _ONE_TO.match(text, num.end)
    ):
        return None
    mention = _quantity(text, num, start=start, currency=None)
    if not isinstance(mention, Mention):
        return None
    if mention.kind == "count" and mention.unit is None and not signed:
        if num.value == 0 and _stands_alone(text, num.end):  # "zero is 0", "nought"
            return mention
        return _elliptic(mention, prev_word, previous)
    return mention


# "one to two years", "one or two days": a spelled range that starts at one.
_ONE_TO = re.compile(r"[ \u00a0]+(?:to|or)[ \u00a0]+(?:two|three|four|five|2|3|4|5)\b")


def _stands_alone(text: str, end: int) -> bool:
    """Nothing but a verb, a punctuation mark or the end follows: "zero is 0", "rates stay at zero."."""
    nxt = NOUN_WORD.match(text, end)
    return nxt is None or (nxt.group("gap") != "-" and nxt.group("word").lower() in lx.NOUN_STOPWORDS)


# "1 over 3", "one out of three": a ratio of two bare numbers.
_RATIO_JOIN = re.compile(r"[ \u00a0]+(?P<join>over|out[ \u00a0]+of)[ \u00a0]+")


def _ratio_after(text: str, num: NumberMatch, *, start: int) -> Mention | None:
    """ "one out of three", "1 over 3" (not "over 3 years", a qualifier): the ratio, when the second
    number has no unit or noun of its own, or, after "out of", the same noun the first would count."""
    join = _RATIO_JOIN.match(text, num.end)
    if join is None or num.scaled:
        return None
    second = parse_number(text, join.end())
    if second is None or second.value == 0 or second.scaled or (second.words and second.value < 1):
        return None
    if _is_identifier(text, join.end(), second.end):
        return None
    follow = _unit_after(text, second, None)
    over = join.group("join") == "over"
    if follow.kind != "count" or (over and follow.unit is not None):
        return None
    end = follow.end if follow.unit is not None else second.end
    value = num.value / second.value
    return _with_context(text, Mention(start, end, "ratio", value=value, unit="fraction"))


def _word_before(text: str, at: int) -> str:
    m = re.search(r"([A-Za-z]+)[ \u00a0]*$", text[max(0, at - 20) : at])
    return m.group(1).lower() if m else ""


def _counts_one(text: str, end: int, prev_word: str) -> bool:
    """ "one MP", "one-yen bid", "that one mile" count; "one of", "no one", "the one who" do not."""
    nxt = NOUN_WORD.match(text, end)
    if nxt is not None and _is_currency_or_unit(nxt.group("word")):
        return True
    if prev_word in ("no", "any", "every", "some", "the", "this", "that", "each", "which", "anyone"):
        return False
    if nxt is None or nxt.group("gap") == "-":
        return False
    word = nxt.group("word").lower()
    return word not in lx.NOUN_STOPWORDS and word not in ("another", "day", "way", "thing", "side", "hand")


def _is_currency_or_unit(word: str) -> bool:
    low = word.lower()
    if low in GLUED_ONLY or low in lx.NOUN_STOPWORDS:  # "one in five", "one m"
        return False
    return low in lx.CURRENCY_WORDS or low in lx.DISTANCE_UNITS or low in lx.OTHER_UNITS


def _elliptic(mention: Mention, prev_word: str, previous: list[Mention]) -> Mention | None:
    """ "another five" after "five years": the unit of the quantity it continues."""
    if prev_word in ("another", "further", "additional", "extra") and previous:
        last = previous[-1]
        if last.kind == "duration" and last.unit:
            return replace(mention, kind="duration", unit=last.unit)
    if mention.value in (0.0, 1.0):  # "one of", "the one who", "zero-sum": no claim by themselves
        return None
    return mention


def _article(text: str, at: int) -> Mention | None:
    """ "a year", "a single takeaway", "a dozen eggs", "a million people"."""
    word = re.match(r"(?i:an?)[ ](\w+)", text[at : at + 20])
    if word is None:
        return None
    nxt = word.group(1).lower()
    if (
        nxt in lx.ARTICLE_CURRENCIES
    ):  # "a dollar", "above a dollar and 42 cents"; not "a euro zone", "a pound of"
        follow = NOUN_WORD.match(text, at + word.end())
        if follow and (follow.group("gap") == "-" or follow.group("word").lower() not in lx.NOUN_STOPWORDS):
            return None
        one = NumberMatch(1.0, at, at + word.start(1), words=True)
        amount = _quantity(text, one, start=at, currency=None)
        return amount if isinstance(amount, Mention) else None
    if nxt in lx.DURATION_UNITS:
        prev = _word_before(text, at)
        follow = re.match(r"[ \u00a0]+(ago|later|earlier|before|after|or)\b", text[at + word.end() :])
        if prev not in _DURATION_LEADS or follow:
            return None
        return _with_context(
            text, Mention(at, at + word.end(), "duration", value=1.0, unit=lx.DURATION_UNITS[nxt][0])
        )
    if nxt == "single":
        noun = counted_noun(text, at + word.end(), 1.0)
        if noun is None:
            return None
        if noun[0].lower() in lx.DURATION_UNITS:
            return Mention(at, noun[1], "duration", value=1.0, unit=lx.DURATION_UNITS[noun[0].lower()][0])
        return _with_context(text, Mention(at, noun[1], "count", value=1.0, unit=noun[0]))
    num = parse_words(text, at)
    if num is None or num.value == 1:
        return None
    if num.value < 1:
        if not re.match(r"[ \u00a0]+of\b|[ \u00a0]*[,.;)]|$", text[num.end : num.end + 4]):
            return None  # "a third country" is an ordinal, not a fraction
        return Mention(at, num.end, "ratio", value=num.value, unit="fraction")
    mention = _quantity(text, num, start=at, currency=None)
    return mention if isinstance(mention, Mention) else None


# Words before "a year", "a month" that make it a duration of one: "for a year", "after a week".
_DURATION_LEADS = frozenset(table("context.toml", "duration_leads"))


def _fraction(text: str, num: NumberMatch, at: int) -> Mention | None:
    m = re.match(r"half[ ](?:of\b|the\b)", text[at : at + 12], re.IGNORECASE)
    if m is None:
        return None
    return Mention(at, at + 4, "ratio", value=0.5, unit="fraction")


def _vague_plural(text: str, anchor: re.Match[str]) -> Mention | None:
    """ "hundreds of criminal migrants", "many millions of Danish kroner"."""
    end = anchor.end()
    after = CURRENCY_AFTER.match(text, end)
    if after and _currency_of(after) and after.group("name"):
        return Mention(anchor.start(), after.end(), "money", unit=_currency_of(after), qualifier="vague")
    unit = UNIT_AFTER.match(text, end)
    if unit and unit.group("gap") and unit.group("unit").lower() not in GLUED_ONLY:
        kind, canon = _unit_kind(unit.group("unit"))
        return Mention(anchor.start(), unit.end(), kind, unit=canon, qualifier="vague")
    scale = re.match(r"[ \u00a0]+(?:millions|billions|thousands)(?:[ \u00a0]+of)?\b", text[end : end + 20])
    if scale:  # "hundreds of millions of pounds"
        after = CURRENCY_AFTER.match(text, end + scale.end())
        if after and _currency_of(after) and after.group("name"):
            return Mention(anchor.start(), after.end(), "money", unit=_currency_of(after), qualifier="vague")
        return Mention(anchor.start(), end + scale.end(), "count", qualifier="vague")
    noun = counted_noun(text, end, 100.0)
    if noun is None:
        return None
    return Mention(anchor.start(), noun[1], "count", unit=noun[0], qualifier="vague")


def _unit_kind(surface: str) -> tuple[str, str]:
    s = re.sub(r"[ \u00a0]+", " ", surface.lower())
    if s in lx.DURATION_UNITS:
        return "duration", lx.DURATION_UNITS[s][0]
    if s in lx.DISTANCE_UNITS:
        return "distance", lx.DISTANCE_UNITS[s][0]
    return "other", lx.OTHER_UNITS[s][0]


def _multi(text: str, anchor: re.Match[str]) -> Mention:
    """ "multi-million euro funding": money, amount unstated."""
    after = CURRENCY_AFTER.match(text, anchor.end())
    if after and _currency_of(after):
        return Mention(anchor.start(), after.end(), "money", unit=_currency_of(after), qualifier="vague")
    return Mention(anchor.start(), anchor.end(), "money", qualifier="vague")


def _few(text: str, anchor: re.Match[str]) -> Mention | None:
    """ "a few kilometres", "several years": vague only before a unit of measure."""
    unit = UNIT_AFTER.match(text, anchor.end())
    if unit is None or not unit.group("gap") or unit.group("unit").lower() in GLUED_ONLY:
        return None
    kind, canon = _unit_kind(unit.group("unit"))
    return Mention(anchor.start(), unit.end(), kind, unit=canon, qualifier="vague")


# --- context: qualifiers, rates, equivalents -----------------------------------------------------


def _with_context(text: str, mention: Mention) -> Mention:
    left = text[max(0, mention.start - _LEFT) : mention.start]
    last = left.rsplit(None, 1)[-1].lstrip("([{\"'“‘").lower() if left.strip() else ""
    q = QUALIFIER_BEFORE.search(left) if last in QUALIFIER_ENDINGS else None
    qualifier, q_start = None, None
    if q is not None and mention.qualifier is None:
        word = re.sub(r"[ \u00a0]+", " ", q.group("q").lower())
        qualifier = lx.QUALIFIERS[word]
        if mention.kind == "duration" and word == "over":
            qualifier = None  # "over 10 years": spread across, not more than
        elif mention.kind in ("year", "date") and qualifier not in APPROX_ONLY:
            qualifier = None
        elif word == "some" and mention.kind in ("year", "date"):
            qualifier = None
        if qualifier is not None:
            q_start = mention.start - (len(left) - q.start("q"))
    if qualifier in (None, "approx") and mention.qualifier is None:
        trailing = _QUALIFIER_AFTER.match(text[mention.end : mention.end + 20])
        bound_of_next = trailing and DIGIT_NEXT.match(
            text, mention.end + trailing.end()
        )  # "200 or more than 190"
        if (
            trailing
            and not bound_of_next
            and (qualifier is None or lx.QUALIFIERS_AFTER[trailing.group(1)] != "approx")
        ):
            qualifier = lx.QUALIFIERS_AFTER[trailing.group(1)]  # "about 500 or more": a bound wins
    per = (
        find_period(text, mention.start, mention.end)
        if mention.kind in ("money", "count", "distance")
        else None
    )
    if (qualifier or mention.qualifier) == mention.qualifier and q_start == mention.qualifier_start:
        if per == mention.per:
            return mention  # nothing to add: skip the (slow) dataclasses.replace
    return replace(mention, qualifier=qualifier or mention.qualifier, qualifier_start=q_start, per=per)


_EQUIVALENT_GAP = re.compile(
    r"[ \u00a0]*(?:\([ \u00a0]*(?:(?:then|now|at the time)[ \u00a0]+)?|,[ \u00a0]*(?:or|i\.e\.|that is)[ \u00a0]+"
    r"|[ \u00a0]+or[ \u00a0]+|[ \u00a0]*/[ \u00a0]*)$"  # "(then $116 million)": converted at that day's rate
)


def _link(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mark "EUR 210 million (DKK 1.5 billion)" as two statements of one sum; share a rate's period."""
    out = list(mentions)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.kind != b.kind or a.kind not in ("money", "distance", "other") or a.unit == b.unit:
            continue
        gap = text[a.end : b.qualifier_start if b.qualifier_start is not None else b.start]
        if _EQUIVALENT_GAP.fullmatch(gap) is None:
            continue
        per = a.per or b.per
        out[i - 1] = replace(a, equivalent=i, per=per)
        out[i] = replace(b, equivalent=i - 1, per=per)
    return out


__all__ = ["Mention", "scan"]
