"""Group labels name the measure (issue 18): "cost of the renovation (GBP)", "seats won — NDA", built
from the claims' fields and the words beside each figure, never the word salad of shared stems."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from builders import ClaimDoc
from factcheck.models import Claim
from factcheck.report.wording import group_label


class Figure(NamedTuple):
    sentence: str
    text: str
    kind: str
    value: float
    unit: str | None


class LabelCase(NamedTuple):
    id: str
    figures: tuple[Figure, ...]
    label: str


def _claims(figures: tuple[Figure, ...]) -> list[Claim]:
    return [
        ClaimDoc(f"news/{n:03d}_x.txt").claim(f.sentence, f.text, kind=f.kind, value=f.value, unit=f.unit)  # type: ignore[arg-type]
        for n, f in enumerate(figures)
    ]


def money(sentence: str, text: str, value: float, unit: str = "GBP") -> Figure:
    return Figure(sentence, text, "money", value, unit)


def count(sentence: str, text: str, value: float, unit: str) -> Figure:
    return Figure(sentence, text, "count", value, unit)


CASES = [
    LabelCase(
        "cost-of-the-thing",
        (
            money("The total cost of the renovation is £5m, the council said.", "£5m", 5e6),
            money("The cost of the renovation rose to £6m.", "£6m", 6e6),
        ),
        "cost of the renovation (GBP)",
    ),
    LabelCase(
        "counted-noun-verb-and-subject",
        (
            count("Final results: the NDA wins 291 seats, short of a majority.", "291 seats", 291, "seat"),
            count("The NDA won 293 seats in the election.", "293 seats", 293, "seat"),
        ),
        "seats won — NDA",
    ),
    LabelCase(
        "pledge-and-its-pledger",
        (
            money("Japan pledged $10 million to the fund.", "$10 million", 1e7, "USD"),
            money("On Monday, Japan pledged $12 million to the new fund.", "$12 million", 1.2e7, "USD"),
        ),
        "pledge (USD) — Japan",
    ),
    LabelCase(
        "headline-capitals-are-no-names",
        (
            money("Japan Pledges $10 Million To Loss And Damage Fund", "$10 Million", 1e7, "USD"),
            money("Japan pledged $12 million to the fund.", "$12 million", 1.2e7, "USD"),
        ),
        "pledge (USD) — Japan",
    ),
    LabelCase(
        "sentence-opener-is-no-name",
        (
            count("Nearly 97 crore Indians are eligible to vote.", "97 crore Indians", 9.7e8, "Indian"),
            count("Nearly 96 crore Indians are eligible.", "96 crore Indians", 9.6e8, "Indian"),
        ),
        "Indians eligible",
    ),
    LabelCase(
        "possessive-dropped-and-name-of-name",
        (
            count("Kosovo’s parliament leases 300 cells in Call of Duty county.", "300 cells", 300, "cell"),
            count("Kosovo’s parliament leases 300 cells in Call of Duty.", "300 cells", 300, "cell"),
        ),
        "cells — Call of Duty, Kosovo",  # nearest the figure first
    ),
    LabelCase(
        "months-weekdays-and-codes-are-no-names",
        (
            money("On Monday, in March, DKK 45 million was paid.", "DKK 45 million", 4.5e7, "DKK"),
            money("In March the state paid DKK 45 million (EUR 6 million).", "DKK 45 million", 4.5e7, "DKK"),
        ),
        "payment (DKK)",
    ),
    LabelCase(
        "who-says-it-is-no-subject",
        (
            count("Kumar said there are 96.8 crore voters in India.", "96.8 crore voters", 9.68e8, "voter"),
            count(
                "According to Sky Sports, 97 crore voters live in India.", "97 crore voters", 9.7e8, "voter"
            ),
        ),
        "voters — India",
    ),
    LabelCase(
        "unit-says-the-measure",
        (
            Figure("The fire burned 2,170 acres.", "2,170 acres", "other", 2170, "acre"),
            Figure("Flames swept over 2,100 acres.", "2,100 acres", "other", 2100, "acre"),
        ),
        "area (acre)",
    ),
    LabelCase(
        "fallback-by-kind",
        (
            Figure("About 40% of them.", "40%", "percent", 40, "%"),
            Figure("Some 41% of them.", "41%", "percent", 41, "%"),
        ),
        "share (%)",
    ),
    LabelCase(
        "distance-word-and-plural-duration",
        (
            Figure("The water depth is about 13,000 feet.", "13,000 feet", "distance", 13000, "ft"),
            Figure("The wreck lies at a depth of 12,500 feet.", "12,500 feet", "distance", 12500, "ft"),
        ),
        "depth (ft)",
    ),
    LabelCase(
        "duration-unit-in-the-plural",
        (
            Figure("The sub had 96 hours of oxygen.", "96 hours", "duration", 96, "hour"),
            Figure("It carried 96 hours of oxygen.", "96 hours", "duration", 96, "hour"),
        ),
        "oxygen supply (hours)",
    ),
    LabelCase(
        "name-beside-half-the-figures-only",
        (
            money("Rwanda was paid £100m.", "£100m", 1e8),
            money("The Home Office paid £120m.", "£120m", 1.2e8),
            money("It paid £90m in all.", "£90m", 9e7),
        ),
        "payment (GBP)",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_report_label_names_the_measure(case: LabelCase) -> None:
    assert group_label(_claims(case.figures)) == case.label


def test_report_label_markup_stays_text() -> None:
    """A label is made of source words: it is escaped where it is shown, never trusted as markup."""
    figures = (
        money("The <b>Council</b> paid £5m.", "£5m", 5e6),
        money("The <b>Council</b> paid £6m.", "£6m", 6e6),
    )
    assert group_label(_claims(figures)).startswith("payment (GBP)")
