"""On which day a claim's figure held: the day its sentence names, as a reader of that day's paper reads it.

A running total is reported day after day: "the death toll rose to 99 on Monday" in a paper of
Tuesday 15 August, "as of Monday, 115 people were confirmed dead" in one of Tuesday 22 August. The two
Mondays are a week apart, so the figures are two readings of one count, not a disagreement. A claim's
day is the weekday or the relative day ("today", "yesterday") its sentence names nearest to it,
resolved against its document's publication date: a weekday is the last such day on or before it, or
the next one when the words before it look ahead ("will", "expected", "due"). A document that states
no publication date is read as of the full date it states nearest the claim, as a reader would. A
sentence that names no day, or a document with no date at all, gives no day (0): then nothing is
known, and nothing is held against the pair.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from factcheck.lexicon.load import table
from factcheck.lexicon.words import looks_ahead
from factcheck.models import Claim
from factcheck.values import iso_day

WEEKDAYS = tuple(table("context.toml", "weekdays"))  # Monday first, as date.weekday() counts
SHIFTS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
DAY_WORD = re.compile(
    r"\b(?:(?P<weekday>"
    + "|".join(w.capitalize() for w in WEEKDAYS)
    + r")|(?P<shift>(?i:"
    + "|".join(SHIFTS)
    + r")))\b"
)


def claim_days(claims: Sequence[Claim], published: Mapping[str, str | None]) -> list[int]:
    """Each claim's day as a proleptic ordinal (``date.toordinal``), 0 where none is known; dates and
    clock times, which carry their own day, get 0 too.

    >>> from factcheck.extract import extract_text
    >>> [c] = extract_text("The death toll rose to 99 on Monday.")
    >>> date.fromordinal(claim_days([c], {c.document: "2023-08-15"})[0]).isoformat()
    '2023-08-14'
    """
    out: list[int] = []
    stated: dict[str, list[tuple[int, date]]] = {}  # document -> its full dates, by offset
    named: dict[tuple[str, int], list[tuple[int, int]]] = {}  # sentence -> its full dates, by offset in it
    for claim in claims:
        day = iso_day(claim.date) if claim.kind == "date" and len(claim.date or "") == 10 else None
        if day is not None:
            stated.setdefault(claim.document, []).append((claim.start, day))
            at = claim.start - claim.sentence_start
            named.setdefault((claim.document, claim.sentence_start), []).append((at, day.toordinal()))
    for claim in claims:
        reference = iso_day(published.get(claim.document))
        if reference is None and claim.document in stated:
            reference = min(stated[claim.document], key=lambda d: (abs(d[0] - claim.start), d[0]))[1]
        if claim.kind in ("date", "time") or reference is None:
            out.append(0)
            continue
        days = sentence_days(claim.sentence, reference) + named.get(
            (claim.document, claim.sentence_start), []
        )
        if not days:
            out.append(0)
            continue
        at = claim.start - claim.sentence_start
        out.append(min(days, key=lambda d: (abs(d[0] - at), d[0]))[1])
    return out


def sentence_days(sentence: str, reference: date) -> list[tuple[int, int]]:
    """The days a sentence names, each at its offset, resolved against ``reference``."""
    days = []
    for m in DAY_WORD.finditer(sentence):
        if m.group("shift"):
            day = reference + timedelta(days=SHIFTS[m.group("shift").lower()])
        else:
            weekday = WEEKDAYS.index(m.group("weekday").lower())
            back = (reference.weekday() - weekday) % 7
            ahead = looks_ahead(sentence, m.start())
            day = reference + timedelta(days=(7 - back) % 7) if ahead else reference - timedelta(days=back)
        days.append((m.start(), day.toordinal()))
    return days


__all__ = ["claim_days", "sentence_days"]
