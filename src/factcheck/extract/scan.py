"""Find the numeric expressions of one sentence: ``scan(text) -> list[Mention]``.

The scan walks the anchors of ``patterns.ANCHOR`` left to right. At each it asks the reader of the
anchor's kind (``ANCHOR_READERS``): a date, then a number in digits (``digits``) or in words
(``words``), with what stands before it (currency, sign, qualifier, "between") and after it (scale,
percent, currency, unit, a range's second number, the counted noun: ``quantity``, ``readers``,
``money``, ``ranges``). The passes of ``AFTER_SCAN`` then read the mentions together. Offsets are into
``text``; nothing is rewritten.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator

from factcheck.extract.context import link_equivalents
from factcheck.extract.dates import DAY_RANGE_END, read_date, weekday_days
from factcheck.extract.digits import read_digits
from factcheck.extract.halves import and_a_half, of_a_point, of_a_unit, one_in_n
from factcheck.extract.mention import Mention
from factcheck.extract.money import dollar_cents
from factcheck.extract.patterns import ANCHOR, ANCHOR_START, LIST_NUMBER, NOT_PROSE
from factcheck.extract.ranges import bounded, shared_measure
from factcheck.extract.words import read_few, read_fold, read_multi, read_vague_plural, read_words

# Characters without which NOT_PROSE cannot match: most sentences skip that scan.
_MAYBE_NOT_PROSE = re.compile(
    r"[:@\[\]+]|www\.|\d(?:[ .]?\d{0,2}[ ]?(?i:[ap]\.?m)|\)|\d\d[ ]\d)"
)  # 3pm, (202), 01632 960


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
    listed = list_mark.end() if list_mark else 0
    starts = [start for start, _ in blocked]  # finditer's spans: in order, none overlapping
    mentions: list[Mention] = []
    pos = 0
    for anchor in anchors:
        at = anchor.start()
        if at < pos or at < listed or _inside(at, blocked, starts):
            continue
        found = _at_anchor(text, anchor, mentions)
        if isinstance(found, int):
            pos = max(pos, found)
            continue
        if found is not None:
            mentions.append(found)
            pos = found.end
            if found.kind == "date" and text[pos - 1].isdigit() and (days := DAY_RANGE_END.match(text, pos)):
                pos = days.end()  # "Oct. 18-22": the last day is no count
    for step in AFTER_SCAN:
        mentions = step(text, mentions)
    return mentions


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


def _inside(at: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``at`` is inside one of ``spans`` (in order, none overlapping; ``starts`` their starts)."""
    k = bisect_right(starts, at) - 1
    return k >= 0 and at < spans[k][1]


def _at_anchor(text: str, anchor: re.Match[str], previous: list[Mention]) -> Mention | int | None:
    """A mention at this anchor, or an offset to skip to (an identifier), or None. A number in words
    may continue the mention before it ("five years ... another five"), so it reads ``previous``."""
    reader = ANCHOR_READERS.get(anchor.lastgroup or "")
    return reader(text, anchor) if reader is not None else read_words(text, anchor, previous)


def _date_or_digits(text: str, anchor: re.Match[str]) -> Mention | int | None:
    """ "17 February 2008", else a number in digits: "2,000 km"."""
    date = read_date(text, anchor.start())
    return date if date is not None else read_digits(text, anchor.start())


def _date_only(text: str, anchor: re.Match[str]) -> Mention | int | None:
    """ "December 28, 2021", "early 2023": a month or a part of a year begins a date or nothing."""
    return read_date(text, anchor.start())


AnchorReader = Callable[[str, re.Match[str]], Mention | int | None]
# The reader of each kind of anchor (a group of ``patterns.ANCHOR``): a Mention, an offset to skip to
# (a date no calendar has, an identifier) or None. Any other kind is a number in words: one ... ninety,
# "a year", "half of" (``read_words``).
ANCHOR_READERS: dict[str, AnchorReader] = {
    "digit": _date_or_digits,  # 17 February 2008, 2,000 km
    "month": _date_only,  # December 28
    "part": _date_only,  # early 2023, mid-2024
    "vague": read_vague_plural,  # hundreds of migrants
    "multi": read_multi,  # multi-million euro funding
    "few": read_few,  # a few kilometres
    "fold": read_fold,  # sixfold
}

# What reads the mentions of a sentence together, in this order.
AFTER_SCAN: tuple[Callable[[str, list[Mention]], list[Mention]], ...] = (
    weekday_days,  # "this Wednesday (13)": a day of the month, its month and year the anchor's
    one_in_n,  # "one in four passengers": a share, not four passengers
    and_a_half,  # "an hour and a half": 1.5 hours, not a half on its own
    of_a_point,  # "a quarter of a percentage point": 0.25 points
    of_a_unit,  # "a quarter of an hour": 0.25 hours, not a share
    dollar_cents,  # "up 19 cents at US$58.24": the cents of the dollar the sentence names
    bounded,  # "more than 100 and less than 300": one range
    shared_measure,  # "17 and 10 million dollars": the first figure is in millions of dollars too
    link_equivalents,  # "EUR 210 million (DKK 1.5 billion)": one sum stated twice
)

__all__ = ["ANCHOR_READERS", "Mention", "scan"]
