"""Dates without a year and times without a day, anchored as a reader anchors them.

"April 26" in a story published on 2 May 2024 is 2024-04-26; "1pm UK time on Sunday" in one published
on Thursday 22 June 2023 is 2023-06-18T12:00Z. A document is read in order: a date or time gets its
year from the publication date, or else from the nearest date the document states; a time without a
day falls on the day the story last named ("the following day" is the day after it), or else on the
publication day. A zone-less time takes the one zone the document's stated times use, when they use
one. What cannot be anchored keeps no ``utc`` and stays out of comparisons.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from calendar import monthrange
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from factcheck.extract.clock import WEEKDAYS, ZONES, day_hint, zone_info
from factcheck.extract.dates import WEEKDAY_DAY
from factcheck.extract.zones import says_local_time
from factcheck.lexicon.words import looks_ahead
from factcheck.models import AnchoredBy, Claim, Document, updated
from factcheck.rates import iso_day

FOLLOWING_DAY = re.compile(r"(?i:\b(?:the\s+)?(?:following|next)\s+day\b|\bthe\s+day\s+after\b)")
LEAP = 2000  # the calendar of a date whose year is unknown: 29 February exists in it
CONTEXT_REACH = 400  # characters after a date within which a yearless date is read in its year

Day = tuple[int | None, int, int]  # (year or None, month, day)


def anchor_claims(doc: Document, claims: Sequence[Claim]) -> list[Claim]:
    """The claims of one document, in order, with year-less dates and times anchored."""
    if not any(c.kind == "time" or (c.kind == "date" and _yearless(c)) for c in claims):
        return list(claims)
    published = iso_day(doc.published)
    explicit = sorted((c.start, day) for c in claims if (day := _full_day(c)) is not None)
    story = published.year if published is not None else _story_year(explicit)
    undated = (story, 7, 2) if story is not None and published is None else None  # mid-year: all months
    zone = document_zone(doc, claims)
    out: list[Claim] = []
    last: Day | None = None  # the day the story is on, as it was last named
    context: tuple[int, Day] | None = None  # the last full date read, and where it ends
    for claim in claims:
        if claim.kind == "date":
            near = context if context is not None and claim.start - context[0] <= CONTEXT_REACH else None
            if (
                near is not None
                and story is not None
                and near[1][0] != story
                and not _entry(doc.text, claim, near[0])
                and not _ahead_of(claim, published)
            ):
                near = None  # "surpassing the record of July 2022. ... On 24 July": the story's July
            weekday = (claim.date or "").startswith("---")  # "Wednesday (13)": the day nearest the text's
            nearest = _nearest(explicit, claim.start) if weekday or undated is None else undated
            claim = _anchor_date(claim, published, nearest, near and near[1])
            day = _day_of(claim.date)
            if any(a <= claim.start < b for a, b in doc.metadata):
                day = None  # the page's own date line: when it was published, not a day its story names
            last = day if day is not None and day[2] else last
            if day is not None and day[0] is not None and day[1]:
                context = (claim.end, day)
        elif claim.kind == "time":
            claim, day = _anchor_time(claim, published, _nearest(explicit, claim.start), last, zone)
            last = day if day is not None else last
        out.append(claim)
    return out


def document_zone(doc: Document, claims: Sequence[Claim]) -> str | None:
    """The one zone the document's stated times are in, outside brackets and the title line; None
    when they use none or several (a reader cannot tell then which one a bare "9.45 am" is in)."""
    title_end = len(doc.title) if doc.title and doc.text.startswith(doc.title) else 0
    labels = {
        ZONES.get(c.unit, c.unit): c.unit
        for c in claims
        if c.kind == "time"
        and c.unit is not None
        and c.start >= title_end
        and not any(a <= c.start < b for a, b in doc.metadata)
        and _depth(c.sentence, c.start - c.sentence_start) == 0
    }
    return next(iter(labels.values())) if len(labels) == 1 else None


def _anchor_date(claim: Claim, published: date | None, nearest: Day | None, context: Day | None) -> Claim:
    """A yearless date's year: the one that puts it nearest the date the text has just named, where
    that is a full date or one of the same month (a timeline: "starting in April 2022. April 14: ...
    June 15: ..."), else nearest the publication date, else nearest the date the document states
    nearest it."""
    if not _yearless(claim) or claim.date is None:
        return claim
    if claim.date.startswith("---"):
        return _anchor_day(claim, published, _as_date(nearest))
    parts = claim.date[2:].split("-")
    month, day = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    how: AnchoredBy
    if context is not None and context[0] is not None and (context[2] or context[1] == month):
        ref = date(context[0], context[1], context[2] or 15)
        year, how = _year_near(month, day or 15, ref), "nearest_date"
    elif published is not None:
        year, how = _year_near(month, day or 15, published), "published"
    elif nearest is not None and nearest[0] is not None:
        ref = date(nearest[0], nearest[1] or 6, nearest[2] or 15)
        year, how = _year_near(month, day or 15, ref), "nearest_date"
    else:
        return claim
    if day and day > monthrange(year, month)[1]:  # 29 February, and no leap year near: left yearless
        return claim
    iso = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    return updated(claim, {"date": iso, "anchored_by": how})


def _anchor_day(claim: Claim, published: date | None, nearest: date | None) -> Claim:
    """A day of the month stated with its weekday ("this Wednesday (13)"): the month, of the reference
    day's and the two beside it, that puts the day on that weekday nearest the reference. Where none
    does, or there is no reference, the claim stays unanchored and out of comparisons.

    >>> from factcheck.extract import extract_text
    >>> [c.date for c in extract_text("It ended this Wednesday (13).", published="2023-12-14")]
    ['2023-12-13']
    """
    found = WEEKDAY_DAY.match(claim.text)
    reference = published or nearest
    if reference is None or found is None or claim.date is None:
        return claim
    weekday, dom = WEEKDAYS.index(found.group("weekday").lower()), int(claim.date[3:])
    days = []
    for shift in (-1, 0, 1):
        year, month = divmod(reference.year * 12 + reference.month - 1 + shift, 12)
        if dom <= monthrange(year, month + 1)[1] and date(year, month + 1, dom).weekday() == weekday:
            days.append(date(year, month + 1, dom))
    if not days:
        return claim
    day = min(days, key=lambda d: abs((d - reference).days))
    how: AnchoredBy = "published" if published is not None else "nearest_date"
    return updated(claim, {"date": day.isoformat(), "anchored_by": how})


def _anchor_time(
    claim: Claim, published: date | None, nearest: Day | None, last: Day | None, zone: str | None
) -> tuple[Claim, Day | None]:
    rel_start, rel_end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    hint = day_hint(claim.sentence, rel_start, rel_end)
    reference = published or _as_date(nearest)
    how: AnchoredBy | None = None
    day: Day | None = None
    if hint is not None and hint.month_day is not None and hint.month_day[0]:
        month, dom = hint.month_day
        year = None
        if published is not None:
            year = _year_near(month, dom, published)
        elif nearest is not None and nearest[0] is not None:
            year = _year_near(month, dom, date(nearest[0], nearest[1] or 6, nearest[2] or 15))
        day, how = (year, month, dom), "stated"
    elif hint is not None and reference is not None:
        if hint.shift is not None:
            found = reference + timedelta(days=hint.shift)
        else:
            weekday = hint.weekday or 0  # a DayHint without a date or a shift holds a weekday
            future = looks_ahead(claim.sentence, rel_start)
            back = (reference.weekday() - weekday) % 7
            found = reference + timedelta(days=(7 - back) % 7) if future else reference - timedelta(days=back)
        day, how = (found.year, found.month, found.day), "published" if published else "nearest_date"
    elif hint is None and published is not None and looks_ahead(claim.sentence, rel_start):
        day, how = (
            (published.year, published.month, published.day),
            "published",
        )  # "expected to run out at 7.08am"
    elif hint is None and last is not None:
        day, how = last, "nearest_date"
        if FOLLOWING_DAY.search(claim.sentence, 0, rel_start):
            day = _shift(last, 1)
    elif hint is None and published is not None:  # only a guess: news reports the day before as often
        day, how = (published.year, published.month, published.day), "assumed"
    stated = zone_info(claim.unit)
    zone = None if _restated(claim) or says_local_time(claim) else zone
    tz_label = claim.unit if stated is not None else zone
    tz = stated or zone_info(zone)
    if day is None or tz is None or claim.value is None:
        return updated(claim, {"zone": tz_label if tz is not None else None}), day
    year = day[0] if day[0] is not None else (published.year if published else 2001)
    minutes = int(claim.value)
    try:
        local = datetime(year, day[1], day[2], tzinfo=tz) + timedelta(minutes=minutes)
    except ValueError:  # 29 February of a year without one
        return claim, day
    instant = local.astimezone(UTC)
    prefix = f"{instant.year:04d}" if day[0] is not None else "-"
    utc = f"{prefix}-{instant.month:02d}-{instant.day:02d}T{instant.hour:02d}:{instant.minute:02d}Z"
    iso_day = (
        f"{day[0]:04d}-{day[1]:02d}-{day[2]:02d}" if day[0] is not None else f"--{day[1]:02d}-{day[2]:02d}"
    )
    update = {"utc": utc, "date": iso_day, "anchored_by": how, "zone": ZONES.get(tz_label or "", tz_label)}
    return updated(claim, update), day


def _restated(claim: Claim) -> bool:
    """Whether a zone-less time is in brackets: "12.10 am IST on Sunday (9.40 pm on Saturday in Greece)"
    gives the time in another zone than the text's, so the document's zone is not its zone."""
    return claim.unit is None and _depth(claim.sentence, claim.start - claim.sentence_start) > 0


BRACKET_REACH = 200  # characters back within which a bracket that holds a time opens


def _depth(text: str, at: int) -> int:
    """How many brackets are open at ``text[at]``, opened at most ``BRACKET_REACH`` before it (so that a
    sentence of many times is read in linear time)."""
    head = text[max(0, at - BRACKET_REACH) : at]
    return max(0, head.count("(") - head.count(")"))


def _yearless(claim: Claim) -> bool:
    return claim.kind == "date" and bool(claim.date) and str(claim.date).startswith("--")


def _entry(text: str, claim: Claim, context_end: int) -> bool:
    """Whether a date opens its line, as an entry of a timeline does ("April 14: ...", "- 3 May: ..."),
    or goes on in the paragraph of the date before it (which ends at ``context_end``: "It began on 14
    April 2022. On June 15, ..."): then it is read in that date's year, whatever year the document is
    about. A new paragraph after a date recalled in passing is the story's again."""
    line = text.rfind("\n", 0, claim.start) + 1
    opens = not text[line : claim.start].strip(" \t-–—•*")
    return opens or PARAGRAPH_BREAK.search(text, context_end, claim.start) is None


PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")  # a blank line, spaces on it or not


def _ahead_of(claim: Claim, published: date | None) -> bool:
    """Whether a yearless date read in its publication's year would fall after the publication: "By 20
    July" in a report of 1 February 2027 on a fire of July 2026 is July 2026, the year named before."""
    found = re.fullmatch(r"--(\d\d)-(\d\d)", claim.date or "")
    if published is None or found is None:
        return False
    month, day = int(found.group(1)), int(found.group(2))
    if day > monthrange(published.year, month)[1]:
        return False
    return date(published.year, month, day) > published


def _story_year(explicit: list[tuple[int, Day]]) -> int | None:
    """The year an undated document's full dates name most (the later on a tie): its story's, where a
    date without a year is read, rather than in the year of a date it recalls in passing ("the 40.3 °C
    recorded in July 2022" in an encyclopedia's article on July 2026). None where it names no year."""
    years = Counter(day[0] for _, day in explicit if day[0] is not None)
    return max(years, key=lambda year: (years[year], year)) if years else None


def _full_day(claim: Claim) -> Day | None:
    """A date the document states with its year: day and month may be 0 where it gives none."""
    if claim.kind == "date" and claim.date and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", claim.date):
        parts = [int(p) for p in claim.date.split("-")] + [0, 0]
        return parts[0], parts[1], parts[2]
    return None


def _day_of(iso: str | None) -> Day | None:
    if not iso:
        return None
    found = re.fullmatch(r"(\d{4}|-)-(\d\d)(?:-(\d\d))?", iso)
    if found is None:
        return None
    year = None if found.group(1) == "-" else int(found.group(1))
    return year, int(found.group(2)), int(found.group(3) or 0)


def _nearest(explicit: list[tuple[int, Day]], at: int) -> Day | None:
    """The stated date nearest ``at``, before or after it."""
    if not explicit:
        return None
    k = bisect_left(explicit, (at,))
    around = explicit[max(0, k - 1) : k + 1]
    return min(around, key=lambda item: abs(item[0] - at))[1]


def _as_date(day: Day | None) -> date | None:
    if day is None or day[0] is None or not day[1] or not day[2]:
        return None
    return date(day[0], day[1], day[2])


def _year_near(month: int, day: int, reference: date) -> int:
    """The year that puts a month and day nearest the reference: "Dec 30" near 2 January 2024 is 2023."""

    def distance(year: int) -> int:
        try:
            return abs((date(year, month, day) - reference).days)
        except ValueError:
            return 10_000

    return min((reference.year - 1, reference.year, reference.year + 1), key=distance)


def _shift(day: Day, days: int) -> Day:
    """The day ``days`` after; an impossible day ("31 June" in a time's hint) stays as it is, and no
    instant is made of it."""
    try:
        found = date(day[0] if day[0] is not None else LEAP, day[1], day[2]) + timedelta(days=days)
    except ValueError:
        return day
    return (found.year if day[0] is not None else None), found.month, found.day
