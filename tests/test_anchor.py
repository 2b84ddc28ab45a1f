"""Dates without a year and times without a day, anchored to the publication date or the nearest date."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from factcheck.extract import extract_claims
from factcheck.models import Claim, Document


class Case(NamedTuple):
    text: str
    published: str | None
    quote: str
    date: str | None
    utc: str | None
    anchored_by: str | None


CASES = [
    Case("Voting ran from April 26 to June 1.", "2024-05-02", "April 26", "2024-04-26", None, "published"),
    Case("Polls opened on 19 April.", "2024-05-02", "19 April", "2024-04-19", None, "published"),
    Case("Talks began on Oct. 18.", "2023-11-02", "Oct. 18", "2023-10-18", None, "published"),
    Case("The fire began on Dec. 30.", "2024-01-03", "Dec. 30", "2023-12-30", None, "published"),  # year end
    Case(
        "The June 2024 count was late. Voting began on April 26.",
        None,
        "April 26",
        "2024-04-26",
        None,
        "nearest_date",
    ),
    # A timeline: the date the text has just named gives its year to the yearless ones after it.
    Case(
        "Events unfolded from April 2022.\n\nApril 14: Johnson announced the plan.",
        "2023-11-15",
        "April 14",
        "2022-04-14",
        None,
        "nearest_date",
    ),
    Case(
        "It began on 14 April 2022. On June 15, the first flight was grounded.",
        "2023-11-15",
        "June 15",
        "2022-06-15",
        None,
        "nearest_date",
    ),
    # A date recalled in passing gives its year to no date of a later paragraph: the story's year does,
    # the publication's or, undated, the one the document's dates name most.
    Case(
        "The heatwave ran from 14 to 23 July 2026. It beat the 40.3C recorded in July 2022.\n\n"
        "London had eight days above 30C, from 14 to 21 July.",
        "2026-09-18",
        "21 July",
        "2026-07-21",
        None,
        "published",
    ),
    Case(
        "The heatwave ran from 14 to 23 July 2026. It beat the 40.3C recorded in July 2022.\n\n"
        "The hosepipe ban was lifted on 8 September.",
        None,
        "8 September",
        "2026-09-08",
        None,
        "nearest_date",
    ),
    # A blank line with spaces on it is a paragraph break too.
    Case(
        "The heatwave ran from 14 to 23 July 2026. It beat the 40.3C recorded in July 2022.\n \n"
        "London had eight days above 30C, from 14 to 21 July.",
        "2026-09-18",
        "21 July",
        "2026-07-21",
        None,
        "published",
    ),
    # Early in a year about the year before: the publication's year would put the date ahead of it.
    Case(
        "The fire began on 1 July 2026 in the hills.\n\nBy 20 July, crews had contained it.",
        "2027-02-01",
        "20 July",
        "2026-07-20",
        None,
        "nearest_date",
    ),
    # A month of another month only (no day) says less than the publication date.
    Case(
        "The deal of January 2022 had a deadline of 18 July.",
        "2023-07-19",
        "18 July",
        "2023-07-18",
        None,
        "published",
    ),
    # A time still to come, with no day of its own, is on the day of publication, not the story's last.
    Case(
        "It dived on 18 June. A countdown began, the oxygen expected to run out at 7.08am ET.",
        "2023-06-22",
        "7.08am ET",
        "2023-06-22",
        "2023-06-22T11:08Z",
        "published",
    ),
    Case(
        "It submerged at 1pm UK time on Sunday.",
        "2023-06-22",
        "1pm UK time",
        "2023-06-18",
        "2023-06-18T12:00Z",
        "published",
    ),
    Case(
        "It will run out of oxygen at 1pm UK time on Thursday.",
        "2023-06-22",
        "1pm UK time",
        "2023-06-22",
        "2023-06-22T12:00Z",
        "published",
    ),
    Case(
        "The last ping was about 3pm UK time on Monday.",
        "2023-06-20",
        "3pm UK time",
        "2023-06-19",
        "2023-06-19T14:00Z",
        "published",
    ),
    Case(
        "The ship arrived on 17 June and the dive began the following day at 10:30 NDT.",
        None,
        "10:30 NDT",
        "--06-18",
        "--06-18T13:00Z",
        "nearest_date",
    ),
    Case(
        "At 20:05 EDT on 31 December, they knew.",
        "2024-01-02",
        "20:05 EDT",
        "2023-12-31",
        "2024-01-01T01:05Z",
        "stated",
    ),  # a time in New York on New Year's Eve is the next year in UTC
    Case("Rain began at 7.08am yesterday.", "2023-07-01", "7.08am", None, None, None),  # no zone: no instant
    Case(
        "Rain began at 7.08am BST yesterday.",
        "2023-07-01",
        "7.08am BST",
        "2023-06-30",
        "2023-06-30T06:08Z",
        "published",
    ),  # across a month end
    # A weekday with its day of the month in brackets: the month that puts that day on that weekday.
    Case(
        "COP28 ended this Wednesday (13) with an agreement on fossil fuels.",
        "2023-12-13",
        "Wednesday (13)",
        "2023-12-13",
        None,
        "published",
    ),
    Case(
        "The vote is set for next Friday (15).", "2023-12-08", "Friday (15)", "2023-12-15", None, "published"
    ),
    Case("Talks closed on Thursday (30).", "2023-12-01", "Thursday (30)", "2023-11-30", None, "published"),
    Case(
        "The summit opened on 30 November 2023 and closed on Wednesday (13).",
        None,
        "Wednesday (13)",
        "2023-12-13",
        None,
        "nearest_date",
    ),
    Case("It closed on Tuesday (13).", "2023-12-14", "Tuesday (13)", "---13", None, None),  # no such Tuesday
    Case("It closed on Wednesday (13).", None, "Wednesday (13)", "---13", None, None),  # nothing to anchor to
    # A time whose text names no day is set on the publication day only as an assumption.
    Case(
        "It struck the reef at 18:40 GMT, a coastguard spokeswoman said.",
        "2024-09-08",
        "18:40 GMT",
        "2024-09-08",
        "2024-09-08T18:40Z",
        "assumed",
    ),
    Case(
        "It sank on 18 June 2023. It was reported missing at 17:40 EDT.",
        None,
        "17:40 EDT",
        "2023-06-18",
        "2023-06-18T21:40Z",
        "nearest_date",
    ),
    # "until" after a past tense tells when it happened: the story's day, not the publication day ...
    Case(
        "It dived on 18 June 2023. It was not reported missing until 17:40 EDT.",
        "2023-06-22",
        "17:40 EDT",
        "2023-06-18",
        "2023-06-18T21:40Z",
        "nearest_date",
    ),
    # ... where "until" after a future looks ahead to the day the story is told.
    Case(
        "It dived on 18 June 2023. Oxygen will not last until 17:40 EDT.",
        "2023-06-22",
        "17:40 EDT",
        "2023-06-22",
        "2023-06-22T21:40Z",
        "published",
    ),
]


def _claim(case: Case) -> Claim:
    doc = Document(id="d0", path="a.txt", title="", published=case.published, text=case.text)
    return next(c for c in extract_claims(doc) if c.text.rstrip(".") == case.quote)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.quote}-{c.published}" for c in CASES])
def test_anchor_resolves_dates_and_times(case: Case) -> None:
    claim = _claim(case)
    if case.utc is not None or claim.kind == "date":
        assert claim.date == case.date
    assert claim.utc == case.utc
    assert claim.anchored_by == case.anchored_by


@pytest.mark.parametrize(
    "text",
    ["The list (13) ends here.", "Wednesday 13 came and went.", "On Wednesday, (13) votes were cast."],
    ids=["bracket-alone", "no-bracket", "comma-between"],
)
def test_anchor_reads_a_day_in_brackets_only_after_its_weekday(text: str) -> None:
    doc = Document(id="d0", path="a.txt", title="", published="2023-12-13", text=text)
    assert not [c for c in extract_claims(doc) if c.kind == "date"]


def test_anchor_infers_the_one_zone_a_document_uses() -> None:
    text = "It left at 8 a.m. Sunday. The deadline is 7.08am US Eastern Time (12.08pm UK) on Thursday."
    doc = Document(id="d0", path="a.txt", title="", published="2023-06-22", text=text)
    first = next(c for c in extract_claims(doc) if c.text == "8 a.m.")
    assert (first.zone, first.utc) == ("America/New_York", "2023-06-18T12:00Z")


def test_anchor_leaves_an_unanchored_date_out() -> None:
    doc = Document(id="d0", path="a.txt", title="", text="It opened on April 26.")
    (claim,) = extract_claims(doc)
    assert claim.date == "--04-26" and claim.anchored_by is None


@pytest.mark.parametrize(
    "text",
    ["It began at 9am BST on 31 June. It surfaced the following day at 10am BST."],
    ids=["31-june-then-following-day"],
)
def test_anchor_makes_no_instant_of_an_impossible_day(text: str) -> None:
    doc = Document(id="d0", path="a.txt", title="", published="2023-07-02", text=text)
    assert [c.utc for c in extract_claims(doc) if c.kind == "time"] == [None, None]


def test_anchor_gives_a_bracketed_time_no_zone_of_its_document() -> None:
    """A zone-less time in brackets restates a zoned one in another zone: not the document's."""
    text = "It struck at around 12.10 am IST on Sunday (9.40 pm on Saturday in Greece). Crew met at 9 am IST."
    doc = Document(id="d0", path="a.txt", title="", published="2024-09-09", text=text)
    found = {c.text: c for c in extract_claims(doc) if c.kind == "time"}
    assert (found["9.40 pm"].zone, found["9.40 pm"].utc) == (None, None)
    assert found["12.10 am IST"].utc == "2024-09-07T18:40Z"


def test_anchor_gives_a_local_time_no_zone_of_its_document() -> None:
    """A paper that states its times in its own zone writes "local time" for the place's clock."""
    text = "The quake struck at 7:47 p.m. Eastern time on Saturday, March 15, or 3:47 a.m. local time in Kessaria."
    doc = Document(id="d0", path="a.txt", title="", published="2025-04-13", text=text)
    found = {c.text: c for c in extract_claims(doc) if c.kind == "time"}
    assert (found["3:47 a.m."].zone, found["3:47 a.m."].utc) == (None, None)
    assert found["7:47 p.m. Eastern time"].utc == "2025-03-15T23:47Z"  # the date after the weekday


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("It struck at 7:47 p.m. EDT on Saturday, March 15.", "2025-03-15"),
        ("It struck at 7:47 p.m. EDT on Saturday the 15 March.", "2025-03-15"),
        ("It struck at 7:47 p.m. EDT on Saturday, after a week of tremors.", "2025-04-12"),
    ],
    ids=["weekday-and-date", "weekday-the-date", "weekday-alone"],
)
def test_anchor_takes_the_date_after_a_weekday(sentence: str, day: str) -> None:
    doc = Document(id="d0", path="a.txt", title="", published="2025-04-13", text=sentence)
    (time,) = [c for c in extract_claims(doc) if c.kind == "time"]
    assert time.date == day
