"""What a claim's figure allows, as an interval: read by grouping and by judging alike.

Each claim becomes an interval in its family's comparison unit (EUR for money, km, days, ...):
an exact value is a point with a rounding margin, "about" widens it a little, "more than" opens it
upward, a range is its bounds, and a vague quantity ("a few kilometres") gets the span its words
imply. Two claims are compatible when their intervals meet. Nothing here knows of groups or
verdicts: grouping asks whether two values can both hold, judging sorts a group into sides.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from importlib import resources
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray
from pydantic import ValidationError

from factcheck.config import (
    APPROX_MARGIN,
    APPROX_TIME_MINUTES,
    CONVERSION_MARGIN,
    DISTANCE_MARGIN,
    EXACT_MARGIN,
    FIXED_RATE_MARGIN,
    FRACTION_MARGIN,
    MAX_STORY_ZONES,
    MEASURED_MARGIN,
)
from factcheck.errors import InputError
from factcheck.lexicon import DISTANCE_UNITS, DURATION_UNITS, OTHER_UNITS, VAGUE_SPAN_WORDS
from factcheck.lexicon.load import table
from factcheck.models import QUALIFIERS, Claim, RateEntry, RatesFile
from factcheck.rates import iso_day as iso_day  # grouping's, read here: rates.py loads no NumPy


def _vague_pattern(words: tuple[str, ...], prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words, or the start of a word: "a few", "millions"; "multi-million" in "multi-millionaire"."""
    parts = [rf"\b{re.escape(w)}\b" for w in words] + [rf"\b{re.escape(p)}" for p in prefixes]
    return re.compile("|".join(parts), re.I)


# What vague words imply, as multiples of the unit: "a few kilometres" is 2 to 9 km.
VAGUE_SPANS = tuple(
    (_vague_pattern(words, prefixes), low, high) for words, prefixes, low, high in VAGUE_SPAN_WORDS
)
HEDGES = frozenset({"approx", "vague"})
# Kinds measured with an instrument and rounded by whoever states them, within ``MEASURED_MARGIN``:
# "14 km" may be 14.35 km, which "nine miles" (14.12 to 14.85 km) meets; a count is exact ("291 seats"
# is not 293).
MEASUREMENTS = frozenset({"distance", "other"})
BOUND_QUALIFIERS = frozenset({"more_than", "at_least", "less_than", "at_most", "up_to"})
FRACTION = "fraction"  # the unit of a share said as a fraction ("two-thirds")


class Interval(NamedTuple):
    """The values a claim allows; a tuple, because a million of them are made in one grouping."""

    low: float
    high: float
    hedged: bool = False


@lru_cache(maxsize=1)
def default_rates() -> dict[str, float]:
    """Units of each currency per EUR, from the package's ``data/rates.json``."""
    data = json.loads(resources.files("factcheck").joinpath("data/rates.json").read_text(encoding="utf-8"))
    return {code: float(entry["rate"]) for code, entry in data["rates"].items()}


RATES_MAX_BYTES = 1024 * 1024  # a rates file is a few kilobytes; /dev/zero or a 1 GB file is not one


def load_rates(path: str | Path) -> dict[str, float]:
    """Units of each currency per EUR from a rates file: ``{"rates": {"DKK": 7.46, ...}}``, each rate a
    number or ``{"rate": 7.46, ...}`` as in ``data/rates.json``; a bare ``{"DKK": 7.46}`` is read too.
    A UTF-8 byte-order mark is allowed.

    Raises InputError for a missing file, one that is not a regular file (a FIFO, a device) or is too
    large, and one of another shape or with a rate that is not a finite positive number (``RatesFile``).
    """
    name = str(path)
    data = _read_small(Path(path), limit=RATES_MAX_BYTES)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise InputError(f'{name}: not a rates file (expected {{"rates": {{"DKK": 7.46, ...}}}})') from e
    if isinstance(raw, dict) and "rates" not in raw:
        raw = {"rates": raw}
    try:
        table = RatesFile.model_validate(raw).rates
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(part) for part in first["loc"][:2])
        raise InputError(
            f"{name}: not a usable rates file ({where}: {first['msg']}); expected "
            f'{{"rates": {{"DKK": 7.46, ...}}}}, each a positive number of units per EUR'
        ) from e
    return {code: float(v.rate if isinstance(v, RateEntry) else v) for code, v in table.items()}


def _read_small(path: Path, *, limit: int) -> bytes:
    """A regular file's bytes, refusing a FIFO or a device (which would block or never end) and a file
    over ``limit`` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError as e:
        raise InputError(f"{path}: no such file") from e
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from e
    with os.fdopen(fd, "rb") as f:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise InputError(f"{path}: not a regular file")
            data = f.read(min(info.st_size, limit) + 1)  # read(n) sets aside n bytes first
            if len(data) > info.st_size:  # it grew since fstat
                data += f.read(limit + 1 - len(data))
        except OSError as e:
            raise InputError(f"{path}: cannot read ({e.strerror or e})") from e
    if len(data) > limit:
        raise InputError(f"{path}: too large for a rates file (over {limit:,} bytes)")
    return data


# A distance per hour, minute or second is a speed, compared in km/h with the speeds of units.toml:
# "80 miles per hour" is "80 mph", "a mile every minute" 97 km/h.
SPEED_PERIODS = {"hour": 1.0, "minute": 60.0, "second": 3600.0}


def is_speed(claim: Claim) -> bool:
    """A distance per hour, minute or second: a speed (``SPEED_PERIODS``)."""
    return claim.kind == "distance" and claim.per in SPEED_PERIODS


def is_fraction(claim: Claim) -> bool:
    """A share said as a fraction ("two-thirds", "one in four"): compared with percentages, in points."""
    return claim.kind == "ratio" and claim.unit == FRACTION


def interval(claim: Claim, *, rates: Mapping[str, float] | None = None) -> Interval | None:
    """The values a claim allows, in its family's comparison unit; None where it cannot be compared."""
    factor = unit_factor(claim.kind, claim.unit, rates, rate=claim.rate)
    if factor is None:
        return None
    if is_speed(claim):
        factor *= SPEED_PERIODS[claim.per or ""]
    if claim.kind == "date":
        return _date_interval(claim)
    if claim.kind == "time":
        return _time_interval(claim)
    hedged = claim.qualifier in HEDGES
    if claim.low is not None and claim.high is not None:
        return Interval(claim.low * factor, claim.high * factor, hedged)
    if claim.qualifier == "vague":
        span = next(((lo, hi) for rx, lo, hi in VAGUE_SPANS if rx.search(claim.text)), None)
        if span is None:
            return None
        return Interval(span[0] * factor, span[1] * factor, True)
    if claim.value is None:
        return None
    return _point(claim, claim.value, factor, hedged)


def _point(claim: Claim, value: float, factor: float, hedged: bool) -> Interval:
    """``interval`` of a figure stated as one value, widened by its qualifier or its precision."""
    v = value * factor
    q = claim.qualifier
    if is_fraction(claim) and q not in BOUND_QUALIFIERS:  # "about two-thirds": as coarse as "two-thirds"
        return Interval(v - FRACTION_MARGIN, v + FRACTION_MARGIN, hedged)
    if q == "approx":
        return Interval(v * (1 - APPROX_MARGIN), v * (1 + APPROX_MARGIN), True)
    if q in ("more_than", "at_least"):
        return Interval(v, math.inf, True)
    if q in ("less_than", "at_most", "up_to"):
        return Interval(-math.inf if v < 0 else 0.0, v, True)
    margin = _margin(claim.kind, value, v, factor)
    return Interval(v - margin, v + margin)


def _margin(kind: str, stated: float, value: float, factor: float) -> float:
    """How far a precise figure may be from its value: half its last digit's place, at most
    ``EXACT_MARGIN`` of it ("2,050" may be 2,048); a share is measured and rounded to a whole point or
    a decimal ("22%" is 21.7% at its precision, "40%" is not 45%); a year is exact."""
    if kind == "year":
        return 0.0
    if kind == "percent":
        return min(stated_step(stated), 1.0) / 2 * factor
    if kind in MEASUREMENTS:
        return min(abs(value) * MEASURED_MARGIN, stated_step(stated) / 2 * abs(factor))
    return min(abs(value) * EXACT_MARGIN, stated_step(stated) / 2 * factor)


def stated_step(value: float) -> float:
    """The place of a figure's last non-zero digit: what a writer who states it has rounded to, so an
    exact figure allows half of it either way. "291" allows 290.5 to 291.5, so 293 is another count;
    "1.4 billion" allows 1.35 to 1.45 billion (before ``EXACT_MARGIN`` caps it).

    >>> [stated_step(v) for v in (291, 2050, 1.4e9, 65.8, 0.25, 0)]
    [1.0, 10.0, 100000000.0, 0.1, 0.01, 1.0]
    """
    magnitude = abs(value)
    if magnitude == 0 or not math.isfinite(magnitude):
        return 1.0
    top = min(STEP_PLACES[0], math.floor(math.log10(magnitude)) + 1)  # the places above it are < 1
    for place in range(top, STEP_PLACES[-1] - 1, -1):  # as ``_stated_steps``, one figure at a time
        unit = 10.0**place
        ratio = magnitude / unit
        if ratio >= 1 - 1e-9 and abs(ratio - round(ratio)) <= min(1e-6, 1e-14 * ratio):
            return unit
    return 10.0 ** STEP_PLACES[-1]


def _stated_steps(magnitudes: NDArray[np.float64]) -> NDArray[np.float64]:
    """``stated_step`` of many positive magnitudes: the largest power of ten each is a multiple of."""
    step = np.full(magnitudes.shape, 10.0 ** STEP_PLACES[-1])
    found = np.zeros(magnitudes.shape, dtype=np.bool_)
    for place in STEP_PLACES:
        unit = 10.0**place
        ratio = magnitudes / unit
        whole = (ratio >= 1 - 1e-9) & (np.abs(ratio - np.round(ratio)) <= np.minimum(1e-6, 1e-14 * ratio))
        new = whole & ~found
        step[new] = unit
        found |= new
    return step


STEP_PLACES = tuple(range(15, -7, -1))  # from 10^15 down to a millionth: the places a figure is stated to


def unit_factor(
    kind: str, unit: str | None, rates: Mapping[str, float] | None = None, *, rate: float | None = None
) -> float | None:
    """One ``unit`` of a claim of this kind in its family's comparison unit (EUR, km, days); 1 for
    kinds without units, None for a currency or unit the tables lack. A sum's ``rate`` of the day
    (``rates.rates_of_day``) is used unless a ``rates`` table overrides it."""
    unit = unit or ""
    if kind == "money":
        if rates is None and rate:
            return 1.0 / rate
        table = rates if rates is not None else default_rates()
        rate = table.get(unit)
        return None if not rate else 1.0 / rate
    if kind == "distance":
        return _CANON_KM.get(unit)
    if kind == "duration":
        return _CANON_DAYS.get(unit)
    if kind == "other":  # a unit of measure ("2,170 acres", "880 hectares") in its measure's first unit
        return _CANON_OTHER.get(unit, 1.0)
    if kind == "ratio" and unit == FRACTION:  # two-thirds: 66.7 points, as a percentage
        return 100.0
    return 1.0


def intervals(
    claims: Sequence[Claim], *, rates: Mapping[str, float] | None = None
) -> tuple[NDArray[np.bool_], NDArray[np.float64], NDArray[np.float64]]:
    """``interval`` of each claim as arrays: whether it has one, and its low and high ends (NaN
    without one). The same arithmetic on columns, for a million claims at once; dates and vague
    quantities, which read their text, are done one claim at a time."""
    n = len(claims)
    kinds = list(map(attrgetter("kind", "unit", "rate"), claims))
    factors = {key: unit_factor(key[0], key[1], rates, rate=key[2]) for key in set(kinds)}
    factor = floats(list(map(factors.__getitem__, kinds)))
    factor *= np.fromiter((SPEED_PERIODS[c.per or ""] if is_speed(c) else 1.0 for c in claims), np.float64, n)
    qualifier = np.array(list(map(_QUALIFIER_CODES.__getitem__, map(attrgetter("qualifier"), claims))))
    kind = np.array([_KIND_FLAGS.get((k, u), _KIND_FLAGS.get(k, 0)) for k, u, _ in kinds], dtype=np.int64)
    value = floats(list(map(attrgetter("value"), claims)))
    low_end, high_end = (
        floats(list(map(attrgetter("low"), claims))),
        floats(list(map(attrgetter("high"), claims))),
    )
    known = ~np.isnan(factor)
    dated = known & (kind == _DATE)
    ranged = known & ~dated & ~np.isnan(low_end) & ~np.isnan(high_end)
    vague = known & ~dated & ~ranged & (qualifier == _QUALIFIER_CODES["vague"])
    point = known & ~dated & ~ranged & ~vague & ~np.isnan(value)
    low, high = np.full(n, math.nan), np.full(n, math.nan)
    low[ranged], high[ranged] = low_end[ranged] * factor[ranged], high_end[ranged] * factor[ranged]
    v = value * factor
    stated = np.abs(value)
    steps = np.ones(n)
    usable = np.isfinite(stated) & (stated > 0)
    steps[usable] = _stated_steps(stated[usable])
    rounded = steps / 2 * np.abs(factor)
    share = np.minimum(steps, 1.0) / 2 * np.abs(factor)  # ``_margin``
    margin = np.where(
        kind == _YEAR,
        0.0,
        np.where(
            kind == _PERCENT,
            share,
            np.minimum(np.abs(v) * np.where(kind == _MEASUREMENT, MEASURED_MARGIN, EXACT_MARGIN), rounded),
        ),
    )
    fraction = kind == _FRACTION
    spans = [  # (which, low, high) for the points, by qualifier; the last is a precise figure
        (fraction & ~np.isin(qualifier, _BOUNDS), v - FRACTION_MARGIN, v + FRACTION_MARGIN),
        (qualifier == _QUALIFIER_CODES["approx"], v * (1 - APPROX_MARGIN), v * (1 + APPROX_MARGIN)),
        (np.isin(qualifier, _LOWER_BOUNDS), v, np.full(n, math.inf)),
        (np.isin(qualifier, _UPPER_BOUNDS), np.where(v < 0, -math.inf, 0.0), v),
        (np.ones(n, dtype=np.bool_), v - margin, v + margin),
    ]
    left = point.copy()
    for which, lo, hi in spans:
        chosen = left & which
        low[chosen], high[chosen] = lo[chosen], hi[chosen]
        left &= ~which
    has = ranged | point
    for k in np.flatnonzero(dated | vague).tolist():
        iv = interval(claims[k], rates=rates)
        if iv is not None:
            has[k], low[k], high[k] = True, iv.low, iv.high
    return has, low, high


def money_factors(
    claims: Sequence[Claim], *, rates: Mapping[str, float] | None = None
) -> NDArray[np.float64]:
    """Each sum's factor from its currency to EUR, as ``intervals`` used it (1 for other kinds): an
    interval divided by it is the sum as stated, which is how two sums in one currency compare."""
    keys = list(map(attrgetter("kind", "unit", "rate"), claims))
    found = {
        key: unit_factor(key[0], key[1], rates, rate=key[2]) if key[0] == "money" else 1.0
        for key in set(keys)
    }
    return floats([found[key] or 1.0 for key in keys])


def digit_slips(a: NDArray[np.float64], b: NDArray[np.float64]) -> NDArray[np.bool_]:
    """Whether two figures of one scale read as one figure mistyped: two neighbouring digits swapped
    ("221 passengers" for 212, "2.4 million users" for 4.2 million, "102" for 120), or a digit string
    of three or more digits at ten times the other ("184,000 accounts" for 18,400). Figures under 100
    are left out: "12" and "21" are as often two counts. Other powers of ten are ``profiles.slipped``.

    >>> digit_slips(np.array([212.0, 2.4e6, 18400.0, 12.0, 18.0e3]), np.array([221.0, 4.2e6, 184e3, 21.0, 180e3])).tolist()
    [True, True, True, False, False]
    """
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        ok = np.isfinite(a) & np.isfinite(b) & (np.minimum(a, b) >= 100)
        top = np.where(ok, np.maximum(a, b), 1.0)
        ratio = top / np.where(ok, np.minimum(a, b), 1.0)
        power = 10.0 ** (np.floor(np.log10(top)) - (_DIGITS - 1))  # both figures' digits on one grid
        da = np.round(np.where(ok, a, 0.0) / power).astype(np.int64)
        db = np.round(np.where(ok, b, 0.0) / power).astype(np.int64)
        for _ in range(_DIGITS - 1):  # the zeros both end in are no digits of theirs
            ends = (da % 10 == 0) & (db % 10 == 0) & ((da > 0) | (db > 0))
            da, db = np.where(ends, da // 10, da), np.where(ends, db // 10, db)
        differ = np.zeros(len(a), dtype=np.int64)
        first = np.full(len(a), -_DIGITS - 1, dtype=np.int64)  # the lowest place that differs, none yet
        adjacent = np.zeros(len(a), dtype=np.bool_)
        key_a = np.zeros(len(a), dtype=np.int64)  # how many of each digit, in base 16
        key_b = np.zeros(len(a), dtype=np.int64)
        sa, sb = da, db
        for place in range(_DIGITS):
            here = (sa % 10) != (sb % 10)
            adjacent |= here & (first == place - 1)
            first = np.where(here & (first < 0), place, first)
            differ += here
            key_a += np.left_shift(1, 4 * (sa % 10))
            key_b += np.left_shift(1, 4 * (sb % 10))
            sa, sb = sa // 10, sb // 10
        swapped = ok & (ratio < 10) & (differ == 2) & adjacent & (key_a == key_b)
        own_a, count_a = _digits(a)
        own_b, _ = _digits(b)
        shifted = ok & (own_a == own_b) & (count_a >= 3) & (np.abs(ratio - 10) <= 1e-6 * ratio)
    found: NDArray[np.bool_] = swapped | shifted
    return found


def digit_slip(a: float, b: float) -> bool:
    """``digit_slips`` of two figures."""
    return bool(digit_slips(np.array([a], dtype=np.float64), np.array([b], dtype=np.float64))[0])


_DIGITS = 9  # significant digits read of a figure: more are a measurement's, never a slip's


def _digits(values: NDArray[np.float64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Each positive figure's significant digits as an integer ("2.4 million": 24), and how many."""
    ok = np.isfinite(values) & (values > 0)
    safe = np.where(ok, values, 1.0)
    power = np.floor(np.log10(safe))
    digits = np.round(safe / 10.0**power * 10.0 ** (_DIGITS - 1)).astype(np.int64)
    for _ in range(_DIGITS - 1):
        digits = np.where((digits % 10 == 0) & (digits > 0), digits // 10, digits)
    count = np.floor(np.log10(np.maximum(digits, 1))).astype(np.int64) + 1
    return np.where(ok, digits, -1), np.where(ok, count, 0)


def floats(values: Sequence[float | None]) -> NDArray[np.float64]:
    """Floats as an array, None as NaN (NumPy converts None so when the dtype is float)."""
    return np.array(values, dtype=np.float64).reshape(len(values))


_QUALIFIER_CODES: dict[str | None, int] = {
    None: 0,
    **{q: k for k, q in enumerate(QUALIFIERS, start=1)},
}
_LOWER_BOUNDS = np.array([_QUALIFIER_CODES[q] for q in ("more_than", "at_least")])
_UPPER_BOUNDS = np.array([_QUALIFIER_CODES[q] for q in ("less_than", "at_most", "up_to")])
_BOUNDS = np.concatenate([_LOWER_BOUNDS, _UPPER_BOUNDS])
_DATE, _YEAR, _PERCENT, _FRACTION, _MEASUREMENT = 1, 2, 3, 4, 5
_KIND_FLAGS: dict[str | tuple[str, str | None], int] = {
    "date": _DATE,
    "time": _DATE,
    "year": _YEAR,
    "percent": _PERCENT,
    **dict.fromkeys(("distance", "other"), _MEASUREMENT),
    ("ratio", "fraction"): _FRACTION,
}  # times, like dates, one by one


_CANON_KM = {canon: factor for canon, factor in DISTANCE_UNITS.values()}
_CANON_DAYS = {canon: factor for canon, factor in DURATION_UNITS.values()}
_CANON_OTHER = {canon: factor for canon, factor in OTHER_UNITS.values()}


_READING_LEAD = re.compile(
    r"(?i:\b(?:"
    + "|".join(r"\s+".join(map(re.escape, w.split())) for w in table("context.toml", "reading_date_leads"))
    + r"))\s*$"
)


def reading_date(claim: Claim) -> bool:
    """Whether a date says when the figures beside it were read ("as of December 10, 2023"), not when
    something happened: such a date is no side in a disagreement on a date.

    >>> from factcheck.extract import extract_text
    >>> [reading_date(c) for c in extract_text("As of 10 December 2023, the summit ended on 12 December 2023.")]
    [True, False]
    """
    if claim.kind != "date":
        return False
    return _READING_LEAD.search(claim.sentence, 0, claim.start - claim.sentence_start) is not None


def _date_interval(claim: Claim) -> Interval | None:
    """A date as an interval of day numbers: "2023" is all of 2023, "early 2023" its first third."""
    if not claim.date or claim.date.startswith("-"):
        return None
    parts = [int(p) for p in claim.date.split("-")]
    year = parts[0]
    if len(parts) == 3:
        day = date(year, parts[1], parts[2]).toordinal()
        return Interval(day, day)
    if len(parts) == 2:
        first = date(year, parts[1], 1).toordinal()
        last = (date(year + parts[1] // 12, parts[1] % 12 + 1, 1)).toordinal() - 1
        return Interval(first, last)
    first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    text = claim.text.lower()
    # A third of the year in whole months: early is January to April, mid May to August, late the rest.
    may, september = date(year, 5, 1).toordinal(), date(year, 9, 1).toordinal()
    if text.startswith("early"):
        return Interval(first, may - 1, True)
    if text.startswith("mid"):
        return Interval(may, september - 1, True)
    if text.startswith("late") or "end of" in text:
        return Interval(september, last, True)
    return Interval(first, last, claim.qualifier is not None)


def _time_interval(claim: Claim) -> Interval | None:
    """A time as minutes on a year-agnostic axis: from 1 January 00:00 UTC of a leap year, so that a time
    whose year the text never gives ("10:30 NDT the day after 17 June") still compares with one whose
    year it gives. "About 4am" allows half an hour either way."""
    found = _UTC.fullmatch(claim.utc or "")
    if found is None:
        if claim.zone is not None or claim.value is None or not 0 <= claim.value < 1440:
            return None
        minutes = LOCAL_CLOCK + int(claim.value)  # no zone: the clock as it reads, on an axis of its own
    else:
        month, day, hour, minute = (int(g) for g in found.groups())
        try:
            minutes = (date(2000, month, day).toordinal() - _JANUARY_1) * 1440 + hour * 60 + minute
        except ValueError:
            return None
    if claim.qualifier in HEDGES:
        return Interval(minutes - APPROX_TIME_MINUTES, minutes + APPROX_TIME_MINUTES, True)
    return Interval(minutes, minutes)


_UTC = re.compile(r"(?:\d{4}|-)-(\d\d)-(\d\d)T(\d\d):(\d\d)Z")
# A time no zone places ("at 21:40", in a text that names no zone) reads as its clock reads: minutes of
# the day, on an axis of their own far past any instant's, so that two such times compare by the clock
# and never meet a time a zone places (whose clock reading in the other's zone is unknown).
LOCAL_CLOCK = 10**9


ASSUMED = "assumed"  # ``Claim.anchored_by`` of a time set on its publication day for want of a day


def nearest_day(moved: Interval, to: Interval) -> Interval:
    """``moved`` shifted by whole days to the day that puts it nearest ``to``: a time whose day is only
    assumed ("at 18:40 GMT" in a report of the next morning) may fall on any day."""
    days = round((to.low - moved.low) / 1440)
    return moved if days == 0 else Interval(moved.low + days * 1440, moved.high + days * 1440, moved.hedged)


def maximum(found: Interval) -> Interval:
    """What "up to N" states of the most there is: N itself, as about N. Two such figures of one
    measure give its maximum, so they agree only where their maxima do ("can carry up to 1,200
    passengers" is not "up to 2,000")."""
    return Interval(found.high * (1 - APPROX_MARGIN), found.high * (1 + APPROX_MARGIN), True)


def local_clock(found: Interval | None) -> bool:
    """Whether a time's interval is a clock reading no zone places (``LOCAL_CLOCK``)."""
    return found is not None and found.low >= LOCAL_CLOCK - 1440


_JANUARY_1 = date(2000, 1, 1).toordinal()


def values_compatible(a: Claim, b: Claim, *, rates: Mapping[str, float] | None = None) -> bool:
    """Whether two claims of one measure can both be true.

    Bounds are satisfied by values inside them, ranges overlap, "about" allows a little rounding,
    and sums in two currencies agree within the margin of a conversion.
    """
    return claims_meet(a, b, interval(a, rates=rates), interval(b, rates=rates))


def claims_meet(a: Claim, b: Claim, ia: Interval | None, ib: Interval | None) -> bool:
    """``values_compatible`` for claims whose intervals are already at hand; None meets nothing.

    Two sums in one currency compare as stated: each may be converted at its own day's rate, and
    $250,000 in June is $250,000 in July. A restatement meets what it restates, at whatever rate its
    writer converted: "105 million euros (then $116 million)"."""
    if a.equivalent_of == b.id or b.equivalent_of == a.id:
        return True
    if ia is None or ib is None:
        return False
    if a.kind == "time" and local_clock(ia) != local_clock(ib):  # a bare clock and a stated instant
        return read_in_story_zones(a, ia, ib) if local_clock(ia) else read_in_story_zones(b, ib, ia)
    if a.kind == "time" and ASSUMED in (a.anchored_by, b.anchored_by) and not local_clock(ia):
        ib = nearest_day(ib, ia)  # a day the text never named: the times of day compare
    if a.qualifier == b.qualifier == "up_to":  # "up to 1,200 passengers", "up to 2,000": two maxima
        ia, ib = maximum(ia), maximum(ib)
    if a.kind == "money" and a.unit and a.unit == b.unit and a.rate != b.rate:  # one rate: one scale already
        stated = {a.unit: 1.0}
        ia, ib = interval(a, rates=stated), interval(b, rates=stated)
        if ia is None or ib is None:
            return False
    return intervals_meet(ia, ib, margin=margin_between(a, b))


def read_in_story_zones(bare: Claim, bare_span: Interval, stated_span: Interval) -> bool:
    """Whether a bare clock time (``bare_span``, on the ``LOCAL_CLOCK`` axis) read in the story's zone
    (its ``Claim.story_offsets``) meets a stated instant (``stated_span``) on some day: "8.15am" meets
    "07:15 UTC" where the story is told in BST. With no story zone the two never meet: nothing sets the
    one beside the other. The instant's claim is not read: its zone is its own."""
    offsets = (bare.story_offsets or ())[:MAX_STORY_ZONES]
    return bool(offsets) and bool(
        story_clock_meets(
            np.array([(bare_span.low + bare_span.high) / 2 - LOCAL_CLOCK]),
            np.array([(bare_span.high - bare_span.low) / 2]),
            np.array([(stated_span.low + stated_span.high) / 2]),
            np.array([(stated_span.high - stated_span.low) / 2]),
            np.array([list(offsets)], dtype=np.float64),
        )[0]
    )


def story_clock_meets(
    clock: NDArray[np.float64],
    clock_half: NDArray[np.float64],
    instant: NDArray[np.float64],
    instant_half: NDArray[np.float64],
    offsets: NDArray[np.float64],
) -> NDArray[np.bool_]:
    """``read_in_story_zones`` as arrays: the bare clocks' minutes of the day and half widths, the
    instants' minutes and half widths, and each pair's offsets (pairs x zones, NaN where it has fewer).
    Whether, under some offset, the two are no further apart on the day's circle than their widths."""
    gap = np.mod(clock[:, None] - offsets - instant[:, None], 1440.0)
    gap = np.minimum(gap, 1440.0 - gap)
    with np.errstate(invalid="ignore"):
        near = gap <= (clock_half + instant_half)[:, None] + 1e-9
    found: NDArray[np.bool_] = np.any(near & np.isfinite(offsets), axis=1)
    return found


def margin_between(a: Claim, b: Claim) -> float:
    """The slack two claims' intervals get: sums in two currencies, distances in two units."""
    if a.unit == b.unit:
        return 0.0
    if a.kind == "money":
        of_day = (a.rate is not None or a.unit == "EUR") and (b.rate is not None or b.unit == "EUR")
        return CONVERSION_MARGIN if of_day else FIXED_RATE_MARGIN
    return DISTANCE_MARGIN if a.kind in ("distance", "other") else 0.0  # "2,170 acres", "878 ha"


def intervals_meet(ia: Interval, ib: Interval, *, margin: float = 0.0) -> bool:
    """Whether two intervals overlap, allowing ``margin`` of the larger bound between them."""
    low = max(ia.low, ib.low)
    high = min(ia.high, ib.high)
    if not margin or not math.isfinite(high):
        return low <= high
    return low <= high + margin * max(abs(high), abs(low), 1e-9)
