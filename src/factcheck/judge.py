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
from factcheck.report.wording import describe, group_label, short_names
from factcheck.values import HEDGES, Interval, claims_meet, interval, unit_factor


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
