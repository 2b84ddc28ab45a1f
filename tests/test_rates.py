"""Exchange rates of the day: the ECB fixing of a source's date, from the bundled history."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.errors import InputError
from factcheck.extract import extract_claims
from factcheck.models import Document
from factcheck.rates import checked_rates, rate_on, rates_of_day, statement_rates_of_day
from factcheck.values import interval


@pytest.mark.parametrize(
    ("published", "rate", "eur"),
    [("2021-06-18", 1.1898, 210_119), ("2023-06-20", 1.0933, 228_666)],
    ids=["2021", "2023"],
)
def test_rates_convert_a_sum_at_its_sources_day(published: str, rate: float, eur: int) -> None:
    doc = Document(id="d0", path="a.txt", title="", published=published, text="A seat costs $250,000.")
    (claim,) = rates_of_day(doc, list(extract_claims(doc)))
    assert (claim.rate, claim.rate_date) == (rate, published)
    found = interval(claim)
    assert found is not None and round(found.low / (1 - 0.005)) == eur


def test_rates_take_the_last_business_day_before_a_weekend() -> None:
    assert rate_on("USD", date(2023, 6, 18)) == (1.0966, date(2023, 6, 16))


def test_rates_leave_an_unknown_currency_alone() -> None:
    assert rate_on("XYZ", date(2023, 6, 18)) is None


@pytest.mark.parametrize(
    ("table", "used"),
    [({"USD": 0.0}, ["USD"]), ({"USD": -1.0}, ["USD"]), ({"USD": "one"}, ["USD"]), ({"USD": 1.1}, ["GBP"])],
    ids=["zero", "negative", "not-a-number", "missing"],
)
def test_rates_refuse_a_bad_table(table: dict[str, object], used: list[str]) -> None:
    with pytest.raises(InputError):
        checked_rates(table, used)


def test_rates_a_statement_takes_the_middle_day_of_its_sources() -> None:
    days = ("2023-06-16", "2023-06-20", "2023-06-22")
    sources = []
    for k, day in enumerate(days):
        doc = Document(id=f"d{k}", path=f"{k}.txt", title="", published=day, text="A seat costs $250,000.")
        sources.extend(rates_of_day(doc, list(extract_claims(doc))))
    statement = Document(id="s", path="<statement>", title="", text="A place cost £195,000.")
    (claim,) = statement_rates_of_day(list(extract_claims(statement)), sources)
    assert claim.rate_date == "2023-06-20"
    assert claim.rate == rate_on("GBP", date(2023, 6, 20))[0]  # type: ignore[index]
