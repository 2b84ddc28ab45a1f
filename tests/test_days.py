"""The day a sentence sets a claim on (``group.days``): read as that day's paper is read."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.extract import extract_text
from factcheck.group.days import claim_days

PUBLISHED = "2023-08-15"  # a Tuesday

DAYS = [
    ("weekday-before", "The death toll rose to 99 on Monday, officials said.", "99", "2023-08-14"),
    ("same-weekday", "As of Tuesday, 106 people were confirmed dead.", "106", "2023-08-15"),
    ("week-old-weekday", "On Wednesday the fire had destroyed 2,200 buildings.", "2,200", "2023-08-09"),
    ("yesterday", "Yesterday the county reported 55 deaths.", "55", "2023-08-14"),
    ("today", "Today 1,300 people remain unaccounted for.", "1,300", "2023-08-15"),
    (
        "future-weekday",
        "The council will vote on Thursday on a $95 million relief fund.",
        "$95 million",
        "2023-08-17",
    ),
    ("nearest-day-word", "On Monday 80 people were dead, and by Friday 96 people.", "96", "2023-08-11"),
    ("no-day", "The fire destroyed 2,200 buildings.", "2,200", None),
    # A full date the sentence names is its day too: a price at one day's close.
    (
        "named-date",
        "Based on the closing price of A$17.85 on 17 March 2025, it values the bank.",
        "A$17.85",
        "2025-03-17",
    ),
]


@pytest.mark.parametrize(("sentence", "figure", "expected"), [d[1:] for d in DAYS], ids=[d[0] for d in DAYS])
def test_days_resolve_against_the_publication_date(sentence: str, figure: str, expected: str | None) -> None:
    claims = extract_text(sentence)
    [claim] = [c for c in claims if c.text.startswith(figure)]
    day = claim_days(claims, {claim.document: PUBLISHED})[claims.index(claim)]
    assert (date.fromordinal(day).isoformat() if day else None) == expected


def test_days_without_a_publication_date_read_as_of_the_nearest_stated_date() -> None:
    text = "Maui, 15 August 2023. The death toll rose to 99 on Monday."
    claims = extract_text(text)
    [toll] = [c for c in claims if c.text.startswith("99")]
    days = claim_days(claims, {})
    assert date.fromordinal(days[claims.index(toll)]).isoformat() == "2023-08-14"


def test_days_unknown_without_any_date() -> None:
    claims = extract_text("The death toll rose to 99 on Monday.")
    assert claim_days(claims, {}) == [0] * len(claims)


def test_days_dates_and_times_carry_their_own_day() -> None:
    claims = extract_text("On Monday, 14 August 2023, the toll stood at 99.")
    days = dict(
        zip(
            (c.kind for c in claims), claim_days(claims, {c.document: PUBLISHED for c in claims}), strict=True
        )
    )
    assert days["date"] == 0 and days["count"] == date(2023, 8, 14).toordinal()


def test_days_regex_is_linear_on_long_input() -> None:
    sentence = "Monday " * 20_000 + "99 dead"
    claims = extract_text(sentence)
    assert len(claim_days(claims, {c.document: PUBLISHED for c in claims})) == len(claims)
