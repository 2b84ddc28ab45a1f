"""Decide whether the claims of a group agree or conflict, and say why.

A group whose claims are not all compatible (``values.claims_meet``) is a conflict; its claims fall
into sides of mutually compatible claims, and the severity comes from the spread between the sides,
their hedging and their independent support.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from factcheck.models import Claim, ClaimGroup, Conflict, Normalized
from factcheck.report.wording import LabelInput, describe, group_label, short_names
from factcheck.report.wording import label_input as wording_label_input
from factcheck.values import (
    ASSUMED,
    HEDGES,
    Interval,
    claims_meet,
    interval,
    is_fraction,
    reading_date,
    unit_factor,
)


def sides(claims: Sequence[Claim], *, rates: Mapping[str, float] | None = None) -> list[list[Claim]]:
    """Claims in groups that agree among themselves, the most supported side first.

    Sides are made of firm claims. A vague claim ("multi-million") or a parenthesised restatement
    in another currency joins a side only where it fits exactly one, so it never tips a count.
    A claim joins a side it meets every claim of; ``_Side`` tells that in constant time for the claims
    of one kind, unit and rate, so that a group of thousands of claims is judged in linear time.
    """
    spans = {id(c): interval(c, rates=rates) for c in claims}

    def middle(claim: Claim) -> float:
        return _midpoint(spans[id(claim)])

    by_id: dict[str, Claim] = {}
    for claim in claims:
        by_id.setdefault(claim.id, claim)  # the first of an id, as a search in order would find
    firm = [c for c in claims if _firm(c, by_id)]
    if not firm:
        firm = list(claims)
    out: list[_Side] = []
    for claim in sorted(firm, key=lambda c: (middle(c), c.document, c.start)):
        for side in out:
            if side.meets(claim, spans):
                side.add(claim, spans)
                break
        else:
            out.append(_Side(claim, spans))
    firm_ids = {id(c) for c in firm}
    for claim in claims:
        if id(claim) in firm_ids:  # by identity: comparing frozen models field by field is slow
            continue
        fits = [side for side in out if side.meets(claim, spans)]
        if len(fits) == 1:
            fits[0].add(claim, spans)
        elif not fits:
            out.append(_Side(claim, spans))
    parts = [side.claims for side in out]
    return sorted(parts, key=lambda side: (-len({c.document for c in side}), middle(side[0])))


Spans = Mapping[int, Interval | None]


class _Side:
    """Claims that meet one another, and what a claim must be to meet them all.

    Two claims of one kind, unit and rate (``_key``) meet when their intervals overlap (``claims_meet``
    with no margin and no conversion), so a claim meets all those of its key when its interval reaches
    their highest low and their lowest high. Claims of other keys, and a claim that restates one of the
    side or is restated by one, are compared one by one, as ``claims_meet`` compares them."""

    def __init__(self, claim: Claim, spans: Spans) -> None:
        self.claims: list[Claim] = []
        self.ids: set[str] = set()
        self.restated: set[str] = set()  # the ids the side's claims restate (``equivalent_of``)
        self.members: dict[Key, list[Claim]] = {}
        self.reach: dict[Key, tuple[float, float]] = {}  # a key's highest low and lowest high, if all plain
        self.add(claim, spans)

    def add(self, claim: Claim, spans: Spans) -> None:
        self.claims.append(claim)
        self.ids.add(claim.id)
        if claim.equivalent_of is not None:
            self.restated.add(claim.equivalent_of)
        key, span = _key(claim), spans[id(claim)]
        first = key not in self.members
        self.members.setdefault(key, []).append(claim)
        if span is None or not span.low <= span.high:  # no interval, an empty one or NaN: one by one
            self.reach.pop(key, None)
        elif first:
            self.reach[key] = (span.low, span.high)
        elif key in self.reach:
            high_low, low_high = self.reach[key]
            self.reach[key] = (max(high_low, span.low), min(low_high, span.high))

    def meets(self, claim: Claim, spans: Spans) -> bool:
        """Whether ``claim`` meets every claim of the side (``claims_meet``)."""
        span = spans[id(claim)]
        if claim.equivalent_of in self.ids or claim.id in self.restated:
            return all(claims_meet(claim, other, span, spans[id(other)]) for other in self.claims)
        key = _key(claim)
        for other_key, members in self.members.items():
            reach = self.reach.get(other_key) if other_key == key else None
            if reach is not None:
                if span is None or not (
                    span.low <= span.high and span.low <= reach[1] and reach[0] <= span.high
                ):
                    return False
            elif not all(claims_meet(claim, other, span, spans[id(other)]) for other in members):
                return False
        return True


Key = tuple[str, str | None, float | None]
BARE_CLOCK = " clock"  # ``_key`` of the times no zone places: no unit is spelt so


def _key(claim: Claim) -> Key:
    """Claims of one key compare as plain intervals: one unit (no margin), one rate (no conversion). A
    time whose day is only assumed compares by its time of day (``values.nearest_day``), and a stated
    maximum with another by their maxima (``values.maximum``): one by one, under a key of their own."""
    if (claim.kind == "time" and claim.anchored_by == ASSUMED) or claim.qualifier == "up_to":
        return claim.kind, claim.id, None  # two maxima compare as figures (``values.maximum``)
    if claim.kind == "time" and claim.utc is None:  # a bare clock reads on an axis of its own: it meets
        return claim.kind, BARE_CLOCK, None  # an instant as read in the story's zones (``claims_meet``)
    return claim.kind, claim.unit, claim.rate if claim.kind == "money" else None


def _firm(claim: Claim, by_id: Mapping[str, Claim]) -> bool:
    if claim.qualifier == "vague":
        return False
    if claim.equivalent_of is None:
        return True
    partner = by_id.get(claim.equivalent_of)
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
    label: str | None = None,
) -> ClaimGroup:
    """The group of these claims, with its status, label, normalised values and explanation.

    ``names`` are the documents' short names in the explanation (``short_names`` of the whole corpus,
    so that a source has one name in every group); by default, those of the group's documents. A
    caller that makes the ``label`` elsewhere (``label_input``) gives it, or "" to fill in later."""
    unit = _comparison_unit(claims)
    claims = tuple(_normalize(c, unit, rates) for c in claims)
    # A rejected figure is no side, nor a date that only says when figures were read.
    stated = [c for c in claims if c.stance is None and not reading_date(c)] or list(claims)
    denied = [c for c in claims if c.stance is not None] if len(stated) < len(claims) else []
    parts = sides(stated, rates=rates)
    names = names if names is not None else short_names([c.document for c in claims])
    first = claims[0]
    label = group_label(claims) if label is None else label
    conflict = None
    if len(parts) == 1:
        docs = sorted({names[c.document] for c in stated})
        n = len(docs)
        agree = f"{n} sources agree on" if n > 1 else "1 source says"
        text = f"{agree} {describe(parts[0])} ({', '.join(docs)})"
    else:
        conflict = _conflict(parts, names, rates)
        text = conflict.explanation
    if denied:
        text += _rejections(denied, names)
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


def assess_sources(
    claims: Sequence[Claim],
    *,
    rates: Mapping[str, float] | None = None,
    names: Mapping[str, str] | None = None,
    label: str | None = None,
) -> list[ClaimGroup]:
    """``assess`` of a group, where a disagreement must be one between sources: a group whose claims all
    come from one document and do not agree is that document's several measures ("surged 40%" and "a
    premium of 45%"; a list of pledges by several donors), which grouping took for one. Each of its
    sides becomes a group of its own (a side of one claim, no group), so that a writer's two figures
    never make a conflict; a source disagreeing with another always does. Group ids are left empty.
    ``label`` is the whole group's (``assess``); the sides' own are made here."""
    group = assess(claims, group_id="", rates=rates, names=names, label=label)
    if group.status != "conflict" or len({c.document for c in claims}) > 1:
        return [group]
    return [
        assess(side, group_id="", rates=rates, names=names)
        for side in sides(claims, rates=rates)
        if len(side) > 1
    ]


def _conflict(
    parts: list[list[Claim]], names: Mapping[str, str], rates: Mapping[str, float] | None
) -> Conflict:
    reps = [_representative(side) for side in parts]
    finite = [v for v in reps if v is not None]
    values = tuple(sorted({_tidy(v) for v in finite}))
    spread = (max(finite) - min(finite)) / max(abs(max(finite)), 1e-9) if len(finite) > 1 else 1.0
    side_docs = [{c.document for c in side} for side in parts]
    phrases = []
    for i, (side, found) in enumerate(zip(parts, side_docs, strict=True)):
        docs = sorted(names[doc] for doc in found)
        n = len(docs)
        verb = "says" if n == 1 else "say"
        lead = f"{n} source{'s' if n > 1 else ''} {verb}" if i == 0 else f"{n} {verb}"
        phrases.append(f"{lead} {describe(side)} ({', '.join(docs)})")
    text = ", ".join(phrases)
    hedgers = sorted({names[c.document] for side in parts for c in side if c.qualifier in HEDGES})
    if hedgers:
        text += f"; {', '.join(hedgers)} hedge{'s' if len(hedgers) == 1 else ''} the figure"
    sides_of = Counter(doc for found in side_docs for doc in found)
    if len(sides_of) == 1:
        text += "; all in one source"
    else:  # a text that reports the dispute itself: "Bissen said 850; Sherwood-Randall put it at 500-800"
        both = sorted(names[doc] for doc, n in sides_of.items() if n > 1)
        if both:
            text += f"; {', '.join(both)} give{'s' if len(both) == 1 else ''} more than one side"
    return Conflict(
        severity=_severity(parts, spread), values=values, relative_spread=round(spread, 4), explanation=text
    )


def _rejections(denied: list[Claim], names: Mapping[str, str]) -> str:
    """The figures sources give only to reject them, or as figures since revised, for the explanation:
    "; 003 rejects 1.4 billion", "; 005 revises 66 billion"."""
    by_doc: dict[str, list[Claim]] = {}
    for claim in denied:
        by_doc.setdefault(names[claim.document], []).append(claim)
    phrases = [
        f"{doc} {'rejects' if any(c.stance == 'denied' for c in found) else 'revises'} {describe(found)}"
        for doc, found in sorted(by_doc.items())
    ]
    return "; " + ", ".join(phrases)


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


def label_input(claims: Sequence[Claim], *, rates: Mapping[str, float] | None = None) -> LabelInput:
    """What the label ``assess`` gives these claims reads (``wording.label_input``): their units as
    ``assess`` normalises them, found without copying a claim."""
    unit = _comparison_unit(claims)
    units = (unit if _factors(c, unit, rates) else c.normalized.unit or c.unit for c in claims)
    return wording_label_input(claims[0].kind, units, claims)


def _factors(claim: Claim, unit: str | None, rates: Mapping[str, float] | None) -> tuple[float, float] | None:
    """The factors of the claim's unit and of ``unit``, where ``_normalize`` converts the one to the other."""
    if claim.value is None or unit is None or claim.unit == unit:
        return None
    if is_fraction(claim) and unit == "%":  # "one in eight" among percentages: 12.5%
        share = unit_factor(claim.kind, claim.unit)
        return None if share is None else (share, 1.0)
    if claim.kind not in ("money", "distance", "duration"):
        return None
    mine, theirs = unit_factor(claim.kind, claim.unit, rates), unit_factor(claim.kind, unit, rates)
    if mine is None or theirs is None:
        return None
    return mine, theirs


def _normalize(claim: Claim, unit: str | None, rates: Mapping[str, float] | None) -> Claim:
    factors = _factors(claim, unit, rates)
    if factors is None or claim.value is None:
        return claim
    mine, theirs = factors
    value = claim.value * mine / theirs
    return claim.model_copy(update={"normalized": Normalized(value=_tidy(round(value, 6)), unit=unit)})
