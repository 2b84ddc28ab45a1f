"""Numbers written in words ("three hundred", "a dozen", "half of"), "one" that counts and "one" that
does not, and vague quantities ("hundreds of", "multi-million", "a few kilometres", "sixfold")."""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck import lexicon as lx
from factcheck.extract.context import with_context
from factcheck.extract.digits import SIGN_WORDS
from factcheck.extract.mention import Mention
from factcheck.extract.money import currency_of
from factcheck.extract.names import spelled_in_a_name
from factcheck.extract.numbers import NumberMatch, parse_words
from factcheck.extract.patterns import CURRENCY_AFTER, NOUN_WORD, PERCENT_AFTER, UNIT_AFTER
from factcheck.extract.quantity import ratio_after, read_quantity
from factcheck.extract.readers import unit_kind
from factcheck.extract.units import counted_noun
from factcheck.lexicon import GLUED_ONLY
from factcheck.lexicon.load import table


def read_fold(text: str, anchor: re.Match[str]) -> Mention:
    """ "sixfold", "tenfold": so many times, a ratio."""
    value = lx.UNITS_0_19.get(anchor.group()[:-4].lower()) or lx.TENS[anchor.group()[:-4].lower()]
    return with_context(text, Mention(anchor.start(), anchor.end(), "ratio", value=value, unit="times"))


def read_words(text: str, anchor: re.Match[str], previous: list[Mention]) -> Mention | None:
    """A number in words at ``anchor``: after an article ("a year", "a dozen eggs"), "half of", a fraction
    ("two-thirds"), else a whole number with what stands around it (``_whole_in_words``)."""
    at = anchor.start()
    if anchor.lastgroup == "article":
        return _article(text, at)
    num = parse_words(text, at)
    if num is None:
        return None
    if num.value == 0.5 and anchor.lastgroup == "half" and not num.scaled:
        return _fraction(text, num, at)
    if 0 < num.value < 1:
        return Mention(at, num.end, "ratio", value=num.value, unit="fraction")
    if spelled_in_a_name(text, at, num.end):  # "the Kick Six win"
        return None
    return _whole_in_words(text, num, previous)


def _whole_in_words(text: str, num: NumberMatch, previous: list[Mention]) -> Mention | None:
    """ "minus five percent", "one out of three", "one MP" (not "one of"), "three hundred people",
    "another five" (years, after "five years")."""
    at = num.start
    prev_word = _word_before(text, at)
    signed = prev_word in SIGN_WORDS
    start = at
    if signed:  # "minus five percent", "negative one"
        num = replace(num, value=-num.value)
        start = at - len(re.search(r"[A-Za-z]+[ \u00a0]*$", text[:at]).group())  # type: ignore[union-attr]
    ratio = ratio_after(text, num, start=start)
    if ratio is not None:
        return ratio
    if (
        num.value == 1
        and not signed
        and not _counts_one(text, num.end, prev_word)
        and not _ONE_TO.match(text, num.end)
    ):
        return None
    mention = read_quantity(text, num, start=start, currency=None)
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


def _word_before(text: str, at: int) -> str:
    m = re.search(r"([A-Za-z]+)[ \u00a0]*$", text[max(0, at - 20) : at])
    return m.group(1).lower() if m else ""


def _counts_one(text: str, end: int, prev_word: str) -> bool:
    """ "one MP", "one-yen bid", "that one mile" count; "one of", "no one", "the one who" do not."""
    nxt = NOUN_WORD.match(text, end)
    if (nxt is not None and _is_currency_or_unit(nxt.group("word"))) or PERCENT_AFTER.match(text, end):
        return True  # "one MP", "one per cent"
    if prev_word in ("no", "any", "every", "some", "the", "this", "that", "each", "which", "anyone", "same"):
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
    """ "a dollar", "a year", "a single takeaway", "a dozen eggs", "a million people": read by what the
    word after the article is."""
    word = re.match(r"(?i:an?)[ ](\w+)", text[at : at + 20])
    if word is None:
        return None
    nxt = word.group(1).lower()
    if nxt in lx.ARTICLE_CURRENCIES:
        return _a_currency(text, at, word)
    if nxt in lx.DURATION_UNITS:
        return _a_span_of_time(text, at, word)
    if nxt == "single":
        return _a_single(text, at, word)
    return _a_number(text, at)


def _a_currency(text: str, at: int, word: re.Match[str]) -> Mention | None:
    """ "a dollar", "above a dollar and 42 cents"; not "a euro zone", "a pound of"."""
    follow = NOUN_WORD.match(text, at + word.end())
    if follow and (follow.group("gap") == "-" or follow.group("word").lower() not in lx.NOUN_STOPWORDS):
        return None
    one = NumberMatch(1.0, at, at + word.start(1), words=True)
    amount = read_quantity(text, one, start=at, currency=None)
    return amount if isinstance(amount, Mention) else None


def _a_span_of_time(text: str, at: int, word: re.Match[str]) -> Mention | None:
    """ "for a year", "after a week"; not "a year ago", "a week or", nor "for a century" (a figure of
    speech)."""
    nxt = word.group(1).lower()
    if nxt in _FIGURATIVE_SPANS:  # "for a century", "more than a decade"
        return None
    prev = _word_before(text, at)
    follow = re.match(r"[ \u00a0]+(ago|later|earlier|before|after|or)\b", text[at + word.end() :])
    if prev not in _DURATION_LEADS or follow:
        return None
    return with_context(
        text, Mention(at, at + word.end(), "duration", value=1.0, unit=lx.DURATION_UNITS[nxt][0])
    )


def _a_single(text: str, at: int, word: re.Match[str]) -> Mention | None:
    """ "a single takeaway", "a single day"."""
    noun = counted_noun(text, at + word.end(), 1.0)
    if noun is None:
        return None
    if noun[0].lower() in lx.DURATION_UNITS:
        return Mention(at, noun[1], "duration", value=1.0, unit=lx.DURATION_UNITS[noun[0].lower()][0])
    return with_context(text, Mention(at, noun[1], "count", value=1.0, unit=noun[0]))


def _a_number(text: str, at: int) -> Mention | None:
    """ "a dozen eggs", "a million people", "a third of"; not "a third country" (an ordinal)."""
    num = parse_words(text, at)
    if num is None or num.value == 1:
        return None
    if num.value < 1:
        if not re.match(r"[ \u00a0]+of\b|[ \u00a0]*[,.;)]|$", text[num.end : num.end + 4]):
            return None  # "a third country" is an ordinal, not a fraction
        return Mention(at, num.end, "ratio", value=num.value, unit="fraction")
    mention = read_quantity(text, num, start=at, currency=None)
    return mention if isinstance(mention, Mention) else None


# Words before "a year", "a month" that make it a duration of one: "for a year", "after a week".
_DURATION_LEADS = frozenset(table("context.toml", "duration_leads"))
# Spans of time that "a" makes a figure of speech: "for a century", "the highest in a decade".
_FIGURATIVE_SPANS = frozenset(table("context.toml", "figurative_spans"))


def _fraction(text: str, num: NumberMatch, at: int) -> Mention | None:
    """ "half of the", "half the revenue"; not "the second half of the game", a part of a match."""
    m = re.match(r"half[ ](?:of\b|the\b)", text[at : at + 12], re.IGNORECASE)
    if m is None or _word_before(text, at) in ("first", "second", "other"):
        return None
    return Mention(at, at + 4, "ratio", value=0.5, unit="fraction")


def read_vague_plural(text: str, anchor: re.Match[str]) -> Mention | None:
    """ "hundreds of criminal migrants", "many millions of Danish kroner"."""
    end = anchor.end()
    after = CURRENCY_AFTER.match(text, end)
    if after and currency_of(after) and after.group("name"):
        return Mention(anchor.start(), after.end(), "money", unit=currency_of(after), qualifier="vague")
    unit = UNIT_AFTER.match(text, end)
    if unit and unit.group("gap") and unit.group("unit").lower() not in GLUED_ONLY:
        kind, canon = unit_kind(unit.group("unit"))
        return Mention(anchor.start(), unit.end(), kind, unit=canon, qualifier="vague")
    scale = re.match(r"[ \u00a0]+(?:millions|billions|thousands)(?:[ \u00a0]+of)?\b", text[end : end + 20])
    if scale:  # "hundreds of millions of pounds"
        after = CURRENCY_AFTER.match(text, end + scale.end())
        if after and currency_of(after) and after.group("name"):
            return Mention(anchor.start(), after.end(), "money", unit=currency_of(after), qualifier="vague")
        return Mention(anchor.start(), end + scale.end(), "count", qualifier="vague")
    noun = counted_noun(text, end, 100.0)
    if noun is None:
        return None
    return Mention(anchor.start(), noun[1], "count", unit=noun[0], qualifier="vague")


def read_multi(text: str, anchor: re.Match[str]) -> Mention:
    """ "multi-million euro funding": money, amount unstated."""
    after = CURRENCY_AFTER.match(text, anchor.end())
    if after and currency_of(after):
        return Mention(anchor.start(), after.end(), "money", unit=currency_of(after), qualifier="vague")
    return Mention(anchor.start(), anchor.end(), "money", qualifier="vague")


def read_few(text: str, anchor: re.Match[str]) -> Mention | None:
    """ "a few kilometres", "several years": vague only before a unit of measure."""
    unit = UNIT_AFTER.match(text, anchor.end())
    if unit is None or not unit.group("gap") or unit.group("unit").lower() in GLUED_ONLY:
        return None
    kind, canon = unit_kind(unit.group("unit"))
    return Mention(anchor.start(), unit.end(), kind, unit=canon, qualifier="vague")
