"""check: how a statement's figure is weighed against the sources, one rule of issue 16 per table.

Each table is a small corpus of fresh sentences, written for these tests, and the statements a
journalist would paste against it, with the verdict a careful reader gives.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import check_statement
from factcheck.models import StatementCheck
from factcheck.pipeline import read_corpus


def _check(tmp_path: Path, files: dict[str, str], statement: str) -> StatementCheck:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = read_corpus([tmp_path])
    claims = corpus.comparable()
    return check_statement(statement, claims, corpus.groups(), published=corpus.published())


def _doc(title: str, day: str, body: str) -> str:
    return f"{title}\nhttps://example.org/{day} | Example | {day}\n\n{body}\n"


# Bounds, rounding and ranges: a source bears a figure out only when it rules out what the
# statement rules out; a bound that merely allows the figure counts for neither side.
PLEDGES = {
    "a.txt": _doc(
        "Pledges climb at climate summit",
        "2023-12-04",
        "In total, more than $420 million was pledged to the new climate fund on Monday, officials said.\n"
        "The factory cut 1,900 jobs in its car division, the company said.",
    ),
    "b.txt": _doc(
        "Climate fund tally",
        "2023-12-13",
        "By the end of the summit, pledges to the new climate fund had reached $792 million.\n"
        "The company cut 1,900 jobs in its car division in January.",
    ),
    "c.txt": _doc(
        "Fund update",
        "2023-12-12",
        "Pledges to the new climate fund came to $792 million, the summit's presidency said.",
    ),
}


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Pledges to the new climate fund passed $1 billion.", "contradicted"),
        ("More than $400 million was pledged to the new climate fund.", "supported"),
        ("Pledges to the new climate fund reached about $790 million.", "supported"),
        ("The company cut more than 2,000 jobs in its car division.", "contradicted"),
        ("The company cut fewer than 2,000 jobs in its car division.", "supported"),
        ("The company cut about 1,900 jobs in its car division.", "supported"),
    ],
    ids=[
        "lower-bound-above-the-sum",
        "lower-bound-below-the-sum",
        "about-a-rounded-sum",
        "more-than-against-fewer",
        "fewer-than",
        "about-the-count",
    ],
)
def test_check_bounds_and_rounding(tmp_path: Path, statement: str, verdict: str) -> None:
    assert _check(tmp_path, PLEDGES, statement).verdict == verdict


def test_check_a_bound_that_allows_the_figure_does_not_support_it(tmp_path: Path) -> None:
    """Against "more than $420 million" alone, "passed $1 billion" is neither shown nor ruled out."""
    files = {"a.txt": PLEDGES["a.txt"]}
    result = _check(tmp_path, files, "Pledges to the new climate fund passed $1 billion.")
    assert result.verdict == "not_found"
    (number,) = result.numbers
    assert (number.supporting, number.contradicting) == ((), ())


# One source does not contest itself: a headline that drops a scale word ("¥1.5 bil.") beside a
# body that states the figure in full leaves the source on the statement's side.
YEN = {
    "a.txt": _doc(
        "Japan Pledges ¥1.5 bil. to Climate Fund",
        "2023-12-01",
        "Japan has pledged $10 million (about ¥1.5 billion) toward the new climate fund, a government "
        "representative said on Friday.",
    ),
    "b.txt": _doc(
        "Rich nations open their wallets",
        "2023-12-02",
        "Japan committed $10 million to the new climate fund, while Germany committed $100 million.",
    ),
}


@pytest.mark.parametrize(
    ("statement", "verdict", "against"),
    [
        ("Japan pledged about 1.5 billion yen to the new climate fund.", "supported", set()),
        ("Japan pledged $10 million to the new climate fund.", "supported", set()),
        ("Japan pledged $12 million to the new climate fund.", "contradicted", {"a.txt", "b.txt"}),
    ],
    ids=["in-another-currency", "as-stated", "off"],
)
def test_check_one_source_does_not_contest_itself(
    tmp_path: Path, statement: str, verdict: str, against: set[str]
) -> None:
    result = _check(tmp_path, YEN, statement)
    assert result.verdict == verdict
    (number,) = result.numbers
    assert {Path(c.document).name for c in number.contradicting} == against


# A share written in words meets percentages: "a quarter" is 25%.
SEARCH = {
    "a.txt": _doc(
        "Search of burn zone slow",
        "2023-08-15",
        "Crews with cadaver dogs have searched 25% of the burn area, the police chief said.",
    ),
    "b.txt": _doc(
        "Search widens", "2023-08-15", "Only 25% of the burn area has been searched so far, the county said."
    ),
}


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("About a quarter of the burn area has been searched.", "supported"),
        ("Half of the burn area has been searched.", "contradicted"),
    ],
    ids=["quarter", "half"],
)
def test_check_fractions_meet_percentages(tmp_path: Path, statement: str, verdict: str) -> None:
    assert _check(tmp_path, SEARCH, statement).verdict == verdict
