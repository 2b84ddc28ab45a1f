"""A date that says when figures were read ("as of December 10, 2023"), not when something happened:
grouped and shown, never a side in a disagreement on a date, in a group or in a statement check."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import check_statement
from factcheck.extract import extract_text
from factcheck.judge import assess
from factcheck.models import Claim
from factcheck.pipeline import read_corpus
from factcheck.values import reading_date

# (sentence, date as written, whether it is the moment of a reading)
READINGS = [
    (
        "Facts and figures – what has been achieved at the summit (as of December 10, 2023):",
        "December 10, 2023",
        True,
    ),
    ("As at 30 June 2024, the fund held $3.2 billion.", "30 June 2024", True),
    ("As   of 11 August 2023, the fires were the deadliest in a century.", "11 August 2023", True),
    ("The summit ended on 13 December 2023 with a deal.", "13 December 2023", False),
    ("The fund was set up as agreed on 30 November 2023.", "30 November 2023", False),
]


@pytest.mark.parametrize(("sentence", "text", "expected"), READINGS, ids=[f"{t}-{e}" for _, t, e in READINGS])
def test_reading_date_of_a_sentence(sentence: str, text: str, expected: bool) -> None:
    (claim,) = [c for c in extract_text(sentence) if c.text == text]
    assert reading_date(claim) is expected


def _claims(*sentences: str) -> list[Claim]:
    out = []
    for k, sentence in enumerate(sentences):
        for claim in extract_text(sentence):
            if claim.kind == "date":
                out.append(claim.model_copy(update={"document": f"{k}.txt", "id": f"d{k}:{claim.id}"}))
    return out


@pytest.mark.parametrize(
    ("sentences", "status"),
    [
        (
            ("The summit ended on 13 December 2023.", "What the summit achieved (as of December 10, 2023):"),
            "agreement",
        ),
        (("The summit ended on 13 December 2023.", "The summit ended on 12 December 2023."), "conflict"),
    ],
    ids=["reading-date-is-no-side", "two-event-dates-conflict"],
)
def test_reading_date_in_a_group(sentences: tuple[str, ...], status: str) -> None:
    assert assess(_claims(*sentences), group_id="g").status == status


def _doc(title: str, day: str, body: str) -> str:
    return f"{title}\nhttps://example.org/{day} | Example | {day}\n\n{body}\n"


SUMMIT = {
    "a.txt": _doc(
        "Summit ends with a deal",
        "2023-12-13",
        "The climate summit ended this Wednesday (13) with a deal on fossil fuels.",
    ),
    "b.txt": _doc(
        "What the summit achieved",
        "2023-12-11",
        "Facts and figures of the climate summit (as of December 10, 2023): pledges reached $700 million.",
    ),
}


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The climate summit ended on 13 December 2023.", "supported"),
        ("The climate summit ended on 10 December 2023.", "contradicted"),
    ],
    ids=["the-day-it-ended", "the-day-of-a-reading"],
)
def test_reading_date_in_a_statement_check(tmp_path: Path, statement: str, verdict: str) -> None:
    for name, text in SUMMIT.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = read_corpus([tmp_path])
    result = check_statement(statement, corpus.comparable(), corpus.groups(), published=corpus.published())
    assert result.verdict == verdict
    (number,) = result.numbers
    assert {c.text for c in (*number.supporting, *number.contradicting)} == {"Wednesday (13)"}
