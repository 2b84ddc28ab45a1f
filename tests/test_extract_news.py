"""The news forms of issue 17, one table per class: real sentences, what must and must not be read."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_text
from factcheck.models import Claim


def _claims(sentence: str) -> list[Claim]:
    claims = extract_text(sentence)
    for claim in claims:
        assert sentence[claim.start : claim.end] == claim.text
    return claims


def _find(sentence: str, text: str) -> Claim:
    claims = _claims(sentence)
    found = [c for c in claims if c.text == text]
    assert found, f"{text!r} not among {[c.text for c in claims]}"
    return found[0]


# --- impossible dates ----------------------------------------------------------------------------

# (sentence, the impossible date): no date claim, and none of its parts read as a count or year.
IMPOSSIBLE_DATES = [
    ("The deal was signed on 31 June 2023, the ministry said.", "31 June 2023"),
    ("The deal was signed on June 31, 2023, the ministry said.", "June 31, 2023"),
    ("The contract is dated 2023-02-30 in the filing.", "2023-02-30"),
    ("Officials said the vote took place on 29 February 2023.", "29 February 2023"),
]


@pytest.mark.parametrize(("sentence", "date"), IMPOSSIBLE_DATES, ids=[d[1] for d in IMPOSSIBLE_DATES])
def test_extract_news_impossible_date_is_no_claim(sentence: str, date: str) -> None:
    at = sentence.index(date)
    inside = [c for c in _claims(sentence) if c.start < at + len(date) and at < c.end]
    assert inside == []


def test_extract_news_leap_day_stays_a_date() -> None:
    assert _find("The law took effect on 29 February 2024.", "29 February 2024").date == "2024-02-29"


# --- scale words ---------------------------------------------------------------------------------

# (sentence, text, value or (low, high))
SCALES = [
    ("The brothers have a net worth of 1.356 billion pounds.", "1.356 billion pounds", 1.356e9),
    ("Israel's 9 billion shekel ($2.408 billion) tobacco industry.", "$2.408 billion", 2.408e9),
    ("The family is worth $1.762bn, the list says.", "$1.762bn", 1.762e9),
    ("The dollar index was up at 96.088 in late trade.", "96.088", 96.088),
    ("Denmark donated 250.000 COVID-19 vaccine doses.", "250.000 COVID-19 vaccine doses", 250_000),
]


@pytest.mark.parametrize(("sentence", "text", "value"), SCALES, ids=[s[1] for s in SCALES])
def test_extract_news_scale_words(sentence: str, text: str, value: float | tuple[float, float]) -> None:
    claim = _find(sentence, text)
    if isinstance(value, tuple):
        assert (claim.low, claim.high) == pytest.approx(value)
    else:
        assert claim.value == pytest.approx(value)
