"""How a source's figure stands to a statement's: bears it out, rules it out, or neither.

A bound or a range bears a figure out only when it rules out what the statement rules out: "more than
$420 million" neither shows nor denies "more than $1 billion", "between 500 and 1,000" does not show
"850", "more than 2,200" shows "more than 2,000". Only figures of one family are set side by side (a
group may hold a date beside the count it dates), and two clock times that neither places on a day
compare as the clock reads.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import date

from factcheck.config import APPROX_TIME_MINUTES
from factcheck.extract.clock import day_hint
from factcheck.group.days import DAY_WORD, sentence_days
from factcheck.group.profiles import family_of
from factcheck.models import Claim, Normalized
from factcheck.values import interval, intervals_meet, iso_day, margin_between, maximum, values_compatible

TIME_KINDS = frozenset({"year", "date", "time"})  # place a statement in time; context beside a measure
CALENDAR = frozenset({"year", "date"})  # in every other sentence: a match needs more words in common
LOWER = frozenset({"more_than", "at_least"})
UPPER = frozenset({"less_than", "at_most", "up_to"})


def clocks(probe: Claim, source: Claim) -> bool:
    """Whether two claims are clock times that neither places on a day in a zone ("at 4:12 a.m."): they
    compare as the clock reads."""
    return probe.kind == source.kind == "time" and not probe.utc and not source.utc


def compatible(probe: Claim, source: Claim, *, rates: Mapping[str, float] | None) -> bool:
    """``values.values_compatible`` within a family, and two clock times of no known day by the
    minutes they read."""
    linked = probe.equivalent_of == source.id or source.equivalent_of == probe.id
    if not linked and family(probe) != family(source):
        return False
    if clocks(probe, source) and probe.value is not None and source.value is not None:
        hedged = probe.qualifier is not None or source.qualifier is not None
        return abs(probe.value - source.value) <= (APPROX_TIME_MINUTES if hedged else 0)
    return values_compatible(probe, source, rates=rates)


def comparable(probe: Claim, source: Claim, rates: Mapping[str, float] | None) -> bool:
    """Whether the two figures can be set side by side at all: a time the sources place on a day and
    in a zone cannot rule out one the statement gives without them, nor the other way round."""
    if clocks(probe, source) or probe.equivalent_of == source.id or source.equivalent_of == probe.id:
        return True
    if family(probe) != family(source):  # a group may hold a date beside the count it dates
        return False
    if probe.kind == "time" and bool(probe.utc) != bool(source.utc):  # a bare clock and an instant:
        return bool(probe.story_offsets or source.story_offsets)  # only in the story's zones
    return interval(probe, rates=rates) is not None and interval(source, rates=rates) is not None


def family(claim: Claim) -> str:
    """``profiles.family_of``, with years and dates one family: "in 2008" meets "17 February 2008"."""
    return "date" if claim.kind in CALENDAR else family_of(claim)


def supports(probe: Claim, source: Claim, rates: Mapping[str, float] | None) -> bool:
    """Whether the source's figure bears out the statement's, not merely allows it. A bound or a range
    allows many figures and confirms only a statement that allows all of them: "more than $420
    million" fits "more than $1 billion" and does not show it; "more than 1,000 missing" does not
    show "1,500 missing"; "more than 2,200" shows "more than 2,000"."""
    if not compatible(probe, source, rates=rates):
        return False
    if source.kind in TIME_KINDS or source.equivalent_of == probe.id:
        return True
    if probe.qualifier == "up_to" and source.qualifier is None and source.low is None:
        # "certified to carry up to 2,000": a figure below the maximum allows it, only the maximum shows it
        return _shows_maximum(probe, source, rates)
    ranged = source.low is not None and source.high is not None
    if source.qualifier not in LOWER | UPPER and not ranged:
        return True
    mine, theirs = interval(probe, rates=rates), interval(source, rates=rates)
    if mine is None or theirs is None:
        return True
    slack = margin_between(probe, source) * max(
        abs(mine.low), abs(mine.high) if math.isfinite(mine.high) else 0, 1e-9
    )
    return mine.low <= theirs.low + slack and theirs.high <= mine.high + slack


def _shows_maximum(probe: Claim, source: Claim, rates: Mapping[str, float] | None) -> bool:
    """Whether a plain figure is the statement's stated maximum (``values.maximum``)."""
    mine, theirs = interval(probe, rates=rates), interval(source, rates=rates)
    if mine is None or theirs is None:
        return False
    return intervals_meet(maximum(mine), theirs, margin=margin_between(probe, source))


DAY = ":day"  # id suffix of a clock time read as the date of its day


def day_of_time(claim: Claim) -> Claim | None:
    """A clock time that carries its day, read as the date of that day: "3pm UK time on Monday" in a
    story of Tuesday 20 June is 2023-06-19, and "at 9.45 am" after "underwater since 8 a.m. Sunday"
    is 2023-06-18, so a statement's "lost on 18 June" meets them. A time placed on the publication
    day only because its sentence names no day ("until 5.40 pm") carries none. None for any other.

    >>> from factcheck.extract import extract_text
    >>> [c.date for c in map(day_of_time, extract_text("The last ping was at 3pm UK time on Monday.",
    ...     published="2023-06-20")) if c]
    ['2023-06-19']
    >>> [day_of_time(c) for c in extract_text("It was reported at 5.40 pm.", published="2023-06-20")]
    [None]
    """
    if claim.kind != "time" or not claim.date or len(claim.date) != 10 or claim.date[0] == "-":
        return None
    at, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    if claim.anchored_by in ("published", "assumed") and day_hint(claim.sentence, at, end) is None:
        return None
    return claim.model_copy(update={"id": f"{claim.id}{DAY}", "kind": "date", **_NO_FIGURE})


# What a claim read as a day keeps of no figure: no value, unit, qualifier or instant.
_NO_FIGURE = {
    "value": None,
    "low": None,
    "high": None,
    "unit": None,
    "per": None,
    "qualifier": None,
    "qualifier_text": None,
    "normalized": Normalized(value=None, unit=None),
    "utc": None,
    "zone": None,
    "equivalent_of": None,
}


WEEKDAY = ":on"  # id suffix of a weekday a source's sentence names, read as the date of that day
ON_A_DAY = re.compile(r"\b(?:on|last)[ \u00a0]+$", re.IGNORECASE)  # "widened the recall on Thursday"


def weekday_views(claims: Sequence[Claim], published: Mapping[str, str | None]) -> list[Claim]:
    """The days sources name by a weekday ("widened the recall on Thursday", in a paper of Saturday 15
    March: 2025-03-13), as date claims of the sentences that hold a claim, so that a statement's "on
    13 March" meets them. A weekday is no claim of its own (a reader's gold leaves it out), but it
    says when the sentence's event happened; it is read as ``days.claim_days`` reads it.

    >>> from factcheck.extract import extract_text
    >>> claims = extract_text("The regulator widened the recall on Thursday to 31 batches.")
    >>> [(c.text, c.date) for c in weekday_views(claims, {claims[0].document: "2025-03-15"})]
    [('Thursday', '2025-03-13')]
    """
    out: list[Claim] = []
    seen: set[tuple[str, int]] = set()
    for claim in claims:
        key = (claim.document, claim.sentence_start)
        reference = iso_day(published.get(claim.document))
        if key in seen or reference is None or claim.kind in ("date", "time"):
            continue
        seen.add(key)
        for at, day in sentence_days(claim.sentence, reference):
            word = DAY_WORD.match(claim.sentence, at)
            if word is None or not word.group("weekday") or not ON_A_DAY.search(claim.sentence, 0, at):
                continue
            start = claim.sentence_start + at
            out.append(
                claim.model_copy(
                    update={
                        "id": f"{claim.id}{WEEKDAY}{at}",
                        "start": start,
                        "end": start + len(word.group()),
                        "text": word.group(),
                        "kind": "date",
                        "date": date.fromordinal(day).isoformat(),
                        "anchored_by": "published",
                        **_NO_FIGURE,
                    }
                )
            )
    return out
