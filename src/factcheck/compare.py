"""Decide whether the claims of a group agree or conflict, and say why.

Each claim becomes an interval in its family's comparison unit (EUR for money, km, days, ...):
an exact value is a point with a rounding margin, "about" widens it a little, "more than" opens it
upward, a range is its bounds, and a vague quantity ("a few kilometres") gets the span its words
imply. Two claims are compatible when their intervals meet. A group whose claims are not all
compatible is a conflict; its claims fall into sides of mutually compatible claims.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from importlib import resources
from operator import attrgetter
from pathlib import PurePosixPath
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from factcheck.extract.lexicon import DISTANCE_UNITS, DURATION_UNITS
from factcheck.extract.units import plural
from factcheck.models import QUALIFIERS, Claim, ClaimGroup, Conflict, Normalized
from factcheck.words import content_stems, content_words

EXACT_MARGIN = 0.005  # a precise figure is rounded: 2,050 may be 2,048
APPROX_MARGIN = 0.03  # "about 2,000" covers 2,050, not 2,100
CONVERSION_MARGIN = 0.05  # sums converted between currencies: rates move
DISTANCE_MARGIN = 0.02  # distances converted between units: "100 miles" is "about 161 km"
# What vague words imply, as multiples of the unit: "a few kilometres" is 2 to 9 km.
VAGUE_SPANS = (
    (re.compile(r"\b(?:a few|a couple)\b", re.I), 2.0, 9.0),
    (re.compile(r"\bseveral\b|\ba handful\b", re.I), 3.0, 15.0),
    (re.compile(r"\bdozens\b", re.I), 24.0, 144.0),
    (re.compile(r"\bscores\b", re.I), 40.0, 200.0),
    (re.compile(r"\bhundreds\b", re.I), 200.0, 999.0),
    (re.compile(r"\bthousands\b", re.I), 2_000.0, 99_999.0),
    (re.compile(r"\bmulti-?million|\bmillions\b", re.I), 2e6, 999e6),
    (re.compile(r"\bmulti-?billion|\bbillions\b", re.I), 2e9, 999e9),
)
HEDGES = frozenset({"approx", "vague"})


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


def interval(claim: Claim, *, rates: Mapping[str, float] | None = None) -> Interval | None:
    """The values a claim allows, in its family's comparison unit; None where it cannot be compared."""
    factor = unit_factor(claim.kind, claim.unit, rates)
    if factor is None:
        return None
    if claim.kind == "date":
        return _date_interval(claim)
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
    v = claim.value * factor
    q = claim.qualifier
    if q == "approx":
        return Interval(v * (1 - APPROX_MARGIN), v * (1 + APPROX_MARGIN), True)
    if q in ("more_than", "at_least"):
        return Interval(v, math.inf, True)
    if q in ("less_than", "at_most", "up_to"):
        return Interval(-math.inf if v < 0 else 0.0, v, True)
    margin = 0.0 if claim.kind == "year" else abs(v) * EXACT_MARGIN
    return Interval(v - margin, v + margin)


def unit_factor(kind: str, unit: str | None, rates: Mapping[str, float] | None = None) -> float | None:
    """One ``unit`` of a claim of this kind in its family's comparison unit (EUR, km, days); 1 for
    kinds without units, None for a currency or unit the tables lack."""
    unit = unit or ""
    if kind == "money":
        table = rates if rates is not None else default_rates()
        rate = table.get(unit)
        return None if not rate else 1.0 / rate
    if kind == "distance":
        return _CANON_KM.get(unit)
    if kind == "duration":
        return _CANON_DAYS.get(unit)
    return 1.0


def intervals(
    claims: Sequence[Claim], *, rates: Mapping[str, float] | None = None
) -> tuple[NDArray[np.bool_], NDArray[np.float64], NDArray[np.float64]]:
    """``interval`` of each claim as arrays: whether it has one, and its low and high ends (NaN
    without one). The same arithmetic on columns, for a million claims at once; dates and vague
    quantities, which read their text, are done one claim at a time."""
    n = len(claims)
    kinds = list(map(attrgetter("kind", "unit"), claims))
    factors = {key: unit_factor(*key, rates) for key in set(kinds)}
    factor = floats(list(map(factors.__getitem__, kinds)))
    qualifier = np.array(list(map(_QUALIFIER_CODES.__getitem__, map(attrgetter("qualifier"), claims))))
    kind = np.array([_KIND_FLAGS.get(k, 0) for k, _ in kinds], dtype=np.int64)
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
    margin = np.where(kind == _YEAR, 0.0, np.abs(v) * EXACT_MARGIN)
    spans = [  # (which, low, high) for the points, by qualifier; the last is a precise figure
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


def floats(values: Sequence[float | None]) -> NDArray[np.float64]:
    """Floats as an array, None as NaN (NumPy converts None so when the dtype is float)."""
    return np.array(values, dtype=np.float64).reshape(len(values))


_QUALIFIER_CODES: dict[str | None, int] = {
    None: 0,
    **{q: k for k, q in enumerate(QUALIFIERS, start=1)},
}
_LOWER_BOUNDS = np.array([_QUALIFIER_CODES[q] for q in ("more_than", "at_least")])
_UPPER_BOUNDS = np.array([_QUALIFIER_CODES[q] for q in ("less_than", "at_most", "up_to")])
_DATE, _YEAR = 1, 2
_KIND_FLAGS = {"date": _DATE, "year": _YEAR}


_CANON_KM = {canon: factor for canon, factor in DISTANCE_UNITS.values()}
_CANON_DAYS = {canon: factor for canon, factor in DURATION_UNITS.values()}


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


def values_compatible(a: Claim, b: Claim, *, rates: Mapping[str, float] | None = None) -> bool:
    """Whether two claims of one measure can both be true.

    Bounds are satisfied by values inside them, ranges overlap, "about" allows a little rounding,
    and sums in two currencies agree within the margin of a conversion.
    """
    return claims_meet(a, b, interval(a, rates=rates), interval(b, rates=rates))


def claims_meet(a: Claim, b: Claim, ia: Interval | None, ib: Interval | None) -> bool:
    """``values_compatible`` for claims whose intervals are already at hand; None meets nothing."""
    if ia is None or ib is None:
        return False
    return intervals_meet(ia, ib, margin=margin_between(a, b))


def margin_between(a: Claim, b: Claim) -> float:
    """The slack two claims' intervals get: sums in two currencies, distances in two units."""
    if a.unit == b.unit:
        return 0.0
    return CONVERSION_MARGIN if a.kind == "money" else DISTANCE_MARGIN if a.kind == "distance" else 0.0


def intervals_meet(ia: Interval, ib: Interval, *, margin: float = 0.0) -> bool:
    """Whether two intervals overlap, allowing ``margin`` of the larger bound between them."""
    low = max(ia.low, ib.low)
    high = min(ia.high, ib.high)
    if not margin or not math.isfinite(high):
        return low <= high
    return low <= high + margin * max(abs(high), abs(low), 1e-9)


def sides(claims: Sequence[Claim], *, rates: Mapping[str, float] | None = None) -> list[list[Claim]]:
    """Claims in groups that agree among themselves, the most supported side first.

    Sides are made of firm claims. A vague claim ("multi-million") or a parenthesised restatement
    in another currency joins a side only where it fits exactly one, so it never tips a count.
    """
    spans = {id(c): interval(c, rates=rates) for c in claims}

    def meet(a: Claim, b: Claim) -> bool:
        return claims_meet(a, b, spans[id(a)], spans[id(b)])

    def middle(claim: Claim) -> float:
        return _midpoint(spans[id(claim)])

    firm = [c for c in claims if _firm(c, claims)]
    if not firm:
        firm = list(claims)
    out: list[list[Claim]] = []
    for claim in sorted(firm, key=lambda c: (middle(c), c.document, c.start)):
        for side in out:
            if all(meet(claim, other) for other in side):
                side.append(claim)
                break
        else:
            out.append([claim])
    firm_ids = {id(c) for c in firm}
    for claim in claims:
        if id(claim) in firm_ids:  # by identity: comparing frozen models field by field is slow
            continue
        fits = [side for side in out if all(meet(claim, other) for other in side)]
        if len(fits) == 1:
            fits[0].append(claim)
        elif not fits:
            out.append([claim])
    return sorted(out, key=lambda side: (-len({c.document for c in side}), middle(side[0])))


def _firm(claim: Claim, claims: Sequence[Claim]) -> bool:
    if claim.qualifier == "vague":
        return False
    if claim.equivalent_of is None:
        return True
    partner = next((c for c in claims if c.id == claim.equivalent_of), None)
    return partner is None or partner.start > claim.start


def _midpoint(iv: Interval | None) -> float:
    if iv is None:
        return 0.0
    if not math.isfinite(iv.high):
        return iv.low
    return (iv.low + iv.high) / 2


def assess(
    claims: Sequence[Claim],
    *,
    group_id: str,
    rates: Mapping[str, float] | None = None,
    names: Mapping[str, str] | None = None,
) -> ClaimGroup:
    """The group of these claims, with its status, label, normalised values and explanation.

    ``names`` are the documents' short names in the explanation (``short_names`` of the whole corpus,
    so that a source has one name in every group); by default, those of the group's documents."""
    unit = _comparison_unit(claims)
    claims = tuple(_normalize(c, unit, rates) for c in claims)
    parts = sides(claims, rates=rates)
    names = names if names is not None else short_names([c.document for c in claims])
    first = claims[0]
    label = group_label(claims)
    conflict = None
    if len(parts) == 1:
        docs = sorted({names[c.document] for c in claims})
        n = len(docs)
        text = f"{n} source{'s' if n > 1 else ''} agree on {describe(parts[0])} ({', '.join(docs)})"
    else:
        conflict = _conflict(parts, names, rates)
        text = conflict.explanation
    return ClaimGroup(
        id=group_id,
        label=label,
        kind=first.kind,
        unit=unit,
        status="agreement" if conflict is None else "conflict",
        claims=claims,
        conflict=conflict,
        explanation=text,
    )


def _conflict(
    parts: list[list[Claim]], names: Mapping[str, str], rates: Mapping[str, float] | None
) -> Conflict:
    reps = [_representative(side) for side in parts]
    finite = [v for v in reps if v is not None]
    values = tuple(sorted({_tidy(v) for v in finite}))
    spread = (max(finite) - min(finite)) / max(abs(max(finite)), 1e-9) if len(finite) > 1 else 1.0
    phrases = []
    for i, side in enumerate(parts):
        docs = sorted({names[c.document] for c in side})
        n = len(docs)
        verb = "says" if n == 1 else "say"
        lead = f"{n} source{'s' if n > 1 else ''} {verb}" if i == 0 else f"{n} {verb}"
        phrases.append(f"{lead} {describe(side)} ({', '.join(docs)})")
    text = ", ".join(phrases)
    hedgers = sorted({names[c.document] for side in parts for c in side if c.qualifier in HEDGES})
    if hedgers:
        text += f"; {', '.join(hedgers)} hedge{'s' if len(hedgers) == 1 else ''} the figure"
    all_docs = {c.document for side in parts for c in side}
    if len(all_docs) == 1:
        text += "; all in one source"
    return Conflict(
        severity=_severity(parts, spread), values=values, relative_spread=round(spread, 4), explanation=text
    )


def _severity(parts: list[list[Claim]], spread: float) -> str:
    """Relative difference, hedging and independent support, in points: 0-1 low, 2 medium, 3+ high."""
    points = 1 + (spread >= 0.1) + (spread >= 0.5)
    supported = sum(len({c.document for c in side}) >= 2 for side in parts)
    points += supported >= 2
    if any(all(c.qualifier in HEDGES for c in side) for side in parts):
        points -= 1
    if len({c.document for side in parts for c in side}) == 1:
        points -= 1
    return "high" if points >= 3 else "medium" if points >= 1 else "low"


def _representative(side: list[Claim]) -> float | None:
    values = [c.normalized.value for c in side if c.normalized.value is not None]
    if values:
        return float(Counter(values).most_common(1)[0][0])
    bounds = [c.low for c in side if c.low is not None]
    return float(bounds[0]) if bounds else None


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 4)


def _comparison_unit(claims: Sequence[Claim]) -> str | None:
    units = Counter(c.unit for c in claims if c.unit)
    if not units:
        return None
    return sorted(units.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _normalize(claim: Claim, unit: str | None, rates: Mapping[str, float] | None) -> Claim:
    if (
        claim.value is None
        or unit is None
        or claim.unit == unit
        or claim.kind not in ("money", "distance", "duration")
    ):
        return claim
    mine, theirs = unit_factor(claim.kind, claim.unit, rates), unit_factor(claim.kind, unit, rates)
    if mine is None or theirs is None:
        return claim
    value = claim.value * mine / theirs
    return claim.model_copy(update={"normalized": Normalized(value=_tidy(round(value, 6)), unit=unit)})


def describe(side: list[Claim]) -> str:
    """How a side states its figure: "about 200 million EUR", "more than 2,000 km"."""
    claim = side[0]
    words = {
        "approx": "about ",
        "more_than": "more than ",
        "less_than": "less than ",
        "at_least": "at least ",
        "at_most": "at most ",
        "up_to": "up to ",
    }
    qualifier = Counter(c.qualifier for c in side).most_common(1)[0][0]
    prefix = words.get(qualifier or "", "")
    if qualifier == "vague":
        return claim.text
    if claim.kind == "date" and claim.date:
        return claim.date
    unit = claim.normalized.unit or claim.unit or ""
    value = claim.normalized.value
    if claim.low is not None and claim.high is not None:
        return span_of(claim, claim.low, claim.high, unit)
    if value is None:
        return claim.text
    if claim.kind == "year":
        return f"{prefix}{value}"
    return prefix + with_unit(humanize(value), unit, claim.kind)


def span_of(claim: Claim, low: float, high: float, unit: str) -> str:
    """A range as a reader writes it: "2019 to 2021" for years, "10 to 12 km" for the rest."""
    if claim.kind == "year":
        return f"{low:g} to {high:g}"
    return with_unit(f"{humanize(low)} to {humanize(high)}", unit, claim.kind)


def with_unit(amount: str, unit: str, kind: str) -> str:
    """An amount and its unit; a counted noun or a span of time in the plural after an amount other
    than "1". Currencies, percentages and units of measure are written as they are.

    >>> with_unit("300", "prison cell", "count"), with_unit("1", "year", "duration")
    ('300 prison cells', '1 year')
    >>> with_unit("210 million", "EUR", "money"), with_unit("5", "kg", "other")
    ('210 million EUR', '5 kg')
    """
    if not unit:
        return amount
    return f"{amount} {plural(unit) if kind in PLURAL_KINDS and amount != '1' else unit}"


PLURAL_KINDS = frozenset({"count", "duration"})


def humanize(value: float) -> str:
    """A number as a reader writes it.

    >>> [humanize(v) for v in (210000000, 1500000000, 2000, 8.5, 300, 6030000.5)]
    ['210 million', '1.5 billion', '2,000', '8.5', '300', '6.03 million']
    """
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        # Also where the scale below would print 1,000: 999,999,999 is "1 billion", not "1,000 million".
        if abs(value) >= scale or (scale > 1e6 and round(abs(value) / scale * 1000, 2) >= 1000):
            return f"{value / scale:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def short_names(paths: Sequence[str]) -> dict[str, str]:
    """Short, unique names of documents for explanations: "000" for "seeds/000_9d41.txt"."""
    unique = sorted(set(paths))
    stems = {p: PurePosixPath(p).stem for p in unique}
    prefixes = {p: s.split("_")[0] for p, s in stems.items()}
    if len(set(prefixes.values())) == len(unique):
        return prefixes
    if len(set(stems.values())) == len(unique):
        return stems
    return _distinct_tails(unique)


def _distinct_tails(paths: Sequence[str]) -> dict[str, str]:
    """For each path, the fewest trailing parts (two or more), without the suffix, that no other path
    ends with: "bbc/story" beside "cnn/story"; the whole path where none do. Linear in the paths."""
    parts = {p: PurePosixPath(p).with_suffix("").parts for p in paths}
    names: dict[str, str] = {}
    pending = list(parts)
    for n in range(2, max((len(x) for x in parts.values()), default=0) + 1):
        tails = {p: "/".join(parts[p][-n:]) for p in parts}
        counts = Counter(tails.values())
        names.update((p, tails[p]) for p in pending if counts[tails[p]] == 1 and len(parts[p]) >= n)
        pending = [p for p in pending if p not in names]
    names.update((p, p) for p in pending)
    return names


def group_label(claims: Sequence[Claim]) -> str:
    """The three words the group's sentences share most, in the order a reader meets them, with the
    unit: "lease prison cells (EUR)"."""
    own = {w for c in claims for w in content_stems(c.text)}
    sentences = [content_words(text) for text in sorted({c.sentence for c in claims})]
    stems = [tuple(s for s, _ in found) for found in sentences]
    counts: Counter[str] = Counter()  # sentences using each stem
    for order in stems:
        counts.update(set(order).difference(own))
    shared = [w for w, n in counts.items() if n >= 2] or list(counts)
    top = sorted(shared, key=lambda w: (-counts[w], -len(w), w))[:3]
    surfaces: Counter[tuple[str, str]] = Counter()  # (stem, word as first written in a sentence)
    places: dict[str, float] = {}  # each stem's earliest place in a sentence, as a share of its length
    for words, order in zip(sentences, stems, strict=True):
        for stem_ in top:
            if stem_ in order:
                k = order.index(stem_)
                surfaces[stem_, words[k][1]] += 1
                places[stem_] = min(places.get(stem_, 1.0), k / len(order))
    written: dict[str, tuple[int, str]] = {}  # the most frequent way each top stem is written
    for (stem_, word), n in surfaces.items():
        if stem_ not in written or (-n, word) < written[stem_]:
            written[stem_] = (-n, word)
    shown = " ".join(written[w][1] for w in sorted(top, key=lambda w: (places[w], w)))
    unit = claims[0].unit or claims[0].kind
    return f"{shown} ({unit})" if shown else unit
