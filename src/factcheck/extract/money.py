"""Money around a number: a currency before it ("EUR 210 million", "$US113", "A$"), after it ("45 million
Danish kroner", "20€", "42 LE"), its sub-unit ("50 cents", "164p", "3 dollars 50 cents"), and "pounds"
that weigh ("a 10-pound baby")."""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck import lexicon as lx
from factcheck.extract.mention import Mention, Unit
from factcheck.extract.numbers import NumberMatch, parse_number
from factcheck.extract.patterns import (
    CASED_CURRENCY,
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    NOUN_WORD,
    SUBUNIT_AFTER,
    SYMBOL_AFTER,
)

# Currencies written with a dollar sign: their cents are the "cents" of a sentence that names one.
_DOLLARS = frozenset(code for sym, code in lx.CURRENCY_SYMBOLS.items() if "$" in sym)
_CENT_WORD = re.compile(r"(?i:cents?)$")


def dollar_cents(text: str, mentions: list[Mention]) -> list[Mention]:
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


# A currency written again before a range's second number: "£", "RM", "US$", "HK $".
CURRENCY_PREFIX = re.compile(r"\$(?:US|AU?|CA?|NZ|HK)(?=\d)|[A-Za-z.]{0,4}[ ]?[$€£¥₹]|[A-Za-z]{2,3}(?=\d)")


def currency_before(text: str, start: int) -> tuple[str | None, int]:
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


CENTS = re.compile(r"[ \u00a0-]?(cents?|pence|pennies|p)\b")


def stated_currency(text: str, num: NumberMatch, currency: str) -> Unit:
    """ "€6m", then a redundant code or name ("$5 USD") is swallowed."""
    end = num.end
    after = CURRENCY_AFTER.match(text, end)
    if after and currency_of(after) == currency:
        end = after.end()
    return _money(text, num, currency, end)


def symbol_after(text: str, num: NumberMatch) -> Unit | None:
    """ "20€", "10 $", "3.14US$", "10¢"."""
    m = SYMBOL_AFTER.match(text, num.end)
    if m is None:
        return None
    if m.group("sym") == "¢":
        return Unit("money", lx.CURRENCY_CENTS["¢"], m.end(), factor=0.01)
    return _money(text, num, lx.CURRENCY_SYMBOLS[m.group("sym").lower()], m.end())


def currency_name_after(text: str, num: NumberMatch) -> Unit | None:
    """ "45 million Danish kroner", "42 KWD", "42MYR" (a glued code only if it is one)."""
    end = num.end
    after = CURRENCY_AFTER.match(text, end)
    if after and (code := currency_of(after)) is not None:
        weight = _weight(text, num, after)
        if weight is not None:
            return weight
        glued_code = after.group("code") is not None and text[end] not in " \u00a0"
        if not glued_code or after.group("code") in lx.CURRENCY_CODES:
            return _money(text, num, code, after.end())
    return None


_OF = re.compile(r"[ \u00a0]+of\b")
# A verb of weighing up to three words before the number: "weighed just over 2 pounds".
_WEIGHED_BEFORE = re.compile(
    rf"\b(?i:{'|'.join(re.escape(v) for v in lx.WEIGH_VERBS)})(?:[ \u00a0]+[\w-]+){{0,3}}?[ \u00a0]+$"
)
# Ounces right after the pounds: "8 pounds 6 ounces", "7lb 4oz" — a weight, as a baby's is given.
_OUNCES_AFTER = re.compile(r"[ \u00a0]*,?[ \u00a0]*(?:and[ \u00a0]+)?\d{1,2}[ \u00a0]?(?:ounces?|oz)\b")


def _weight(text: str, num: NumberMatch, after: re.Match[str]) -> Unit | None:
    """ "a 10-pound baby", "200 pounds of cocaine": a currency name that weighs; an amount with a
    scale ("5 million pounds of aid") or a money noun ("a 5-pound note") stays money."""
    name = (after.group("name") or "").lower()
    if name not in lx.WEIGHT_WORDS or num.scaled:
        return None
    weighed = _WEIGHED_BEFORE.search(text, max(0, num.start - 40), num.start) is not None
    if (
        not weighed
        and _OF.match(text, after.end()) is None
        and _OUNCES_AFTER.match(text, after.end()) is None
    ):
        noun = NOUN_WORD.match(text, after.end())
        if not text.startswith("-", num.end) or (
            noun and noun.group("word").lower() in lx.WEIGHT_MONEY_NOUNS
        ):
            return None
    return Unit("other", lx.WEIGHT_WORDS[name], after.end())


def cased_currency_after(text: str, num: NumberMatch) -> Unit | None:
    """ "42 LE"."""
    m = CASED_CURRENCY.match(text, num.end)
    return _money(text, num, lx.CASED_CURRENCY_AFTER[m.group("abbr")], m.end()) if m else None


def cents_after(text: str, num: NumberMatch) -> Unit | None:
    """ "50 cents", "20p" (a "p" only glued to the digits)."""
    m = CENTS.match(text, num.end)
    if m and (m.group(1) != "p" or m.start(1) == num.end):
        return Unit("money", lx.CURRENCY_CENTS[m.group(1).lower()], m.end(), factor=0.01)
    return None


def _money(text: str, num: NumberMatch, currency: str, end: int) -> Unit:
    """An amount, completed by its sub-unit: "3 dollars 50 cents", "$20 and 43c", "20 dollars 43"."""
    if num.scaled or not num.value.is_integer():
        return Unit("money", currency, end)
    sub = SUBUNIT_AFTER.match(text, end)
    if sub is None:
        return Unit("money", currency, end)
    cents = parse_number(text, sub.start("num"))
    if (
        cents is None
        or cents.end != sub.end("num")
        or not (cents.value.is_integer() and 0 < cents.value < 100)
    ):
        return Unit("money", currency, end)
    return Unit("money", currency, sub.end(), extra=cents.value / 100 * (1 if num.value >= 0 else -1))


def currency_of(m: re.Match[str]) -> str | None:
    if m.group("name"):
        name = re.sub(r"[ \u00a0]+", " ", m.group("name").lower())
        return lx.CURRENCY_WORDS.get(name)
    code = m.group("code")
    if code and code.isupper() and code in lx.CURRENCY_CODES and code not in lx.AMBIGUOUS_CODES:
        return code
    return None
