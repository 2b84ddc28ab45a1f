"""Check a statement's numbers against the sources: supported, contested, contradicted or not found.

The statement is read as one more document of its sources' story (its dates, times and sums read as
of their day, its claims set in their story year), and each of its numbers is probed in the readings
it leaves open (a year also as a date, a sum also per head, a fraction also as a percentage, an area
in hectares). ``match.candidates`` ranks the source claims that speak of the measure; the best one's
group is the evidence, with any slip of the figure ("1.5 lakh" for "1.5 crore") the grouper would
pair with it. ``figures`` splits the evidence three ways: claims that bear the figure out, claims
that rule it out, and claims that do neither (a bound that only allows it, a figure of another
family). A source that bears the figure out is on its side even where it also gives another figure:
one source does not contest itself, unless it gives the two figures to two named sources
(``_backed``). A clock time that carries its day ("3pm UK time on Monday") is also a date, so a
statement's day meets it (``figures.day_of_time``); the answer shows the time. A year or date beside
a measure only places the statement in time (``_decisive``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from factcheck.check.figures import (
    CALENDAR,
    TIME_KINDS,
    comparable,
    compatible,
    day_of_time,
    supports,
    weekday_views,
)
from factcheck.check.match import EACH, Match, candidates, peers, sources_year, widespread_names
from factcheck.config import Settings
from factcheck.errors import InputError
from factcheck.extract import extract_text
from factcheck.extract.zones import story_offsets, with_story_offsets
from factcheck.group.columns import profile_claims
from factcheck.group.subjects import attribution, common_words
from factcheck.judge import sides
from factcheck.models import VERDICTS, Claim, ClaimGroup, Normalized, NumberCheck, StatementCheck, Verdict
from factcheck.rates import statement_rates_of_day
from factcheck.report.wording import describe, short_names
from factcheck.values import reading_date

STATEMENT = "<statement>"
NO_NUMBER = "no number found in the statement"


def check_statement(
    statement: str,
    claims: Sequence[Claim],
    groups: Sequence[ClaimGroup],
    *,
    rates: Mapping[str, float] | None = None,
    settings: Settings | None = None,
    published: Mapping[str, str | None] | None = None,
) -> StatementCheck:
    """Check each number of ``statement`` against the source ``claims`` and their ``groups``.

    Raises InputError when the statement states no number.
    """
    return _check_all(
        [(statement, None)], claims, groups, rates=rates, settings=settings, published=published
    )[0]


def check_lines(
    lines: Iterable[str],
    claims: Sequence[Claim],
    groups: Sequence[ClaimGroup],
    *,
    rates: Mapping[str, float] | None = None,
    settings: Settings | None = None,
    published: Mapping[str, str | None] | None = None,
) -> tuple[StatementCheck, ...]:
    """Check each line as a statement; blank lines and lines starting with ``#`` are skipped. A line
    with no number is not checked (verdict not_found, with a ``note``), and the others are."""
    statements = [
        (line.strip(), n)
        for n, line in enumerate(lines, 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    return _check_all(statements, claims, groups, rates=rates, settings=settings, published=published)


def _check_all(
    statements: Sequence[tuple[str, int | None]],
    claims: Sequence[Claim],
    groups: Sequence[ClaimGroup],
    *,
    rates: Mapping[str, float] | None,
    settings: Settings | None,
    published: Mapping[str, str | None] | None,
) -> tuple[StatementCheck, ...]:
    day = story_day(claims)
    offsets = story_offsets(claims)  # a bare clock of a statement is read in its sources' zones
    numbers: list[list[Claim]] = []
    notes: list[str | None] = []
    for text, line in statements:
        note: str | None = None
        try:
            found = _statement_claims(text, line, day)
        except InputError:
            if line is None:  # one statement without a number: a usage error
                raise
            found, note = [], NO_NUMBER  # a file goes on past such a line
        numbers.append(with_story_offsets(statement_rates_of_day(found, claims), offsets=offsets))
        notes.append(note)
    probes = {claim.id: _probes(claim) for claim_list in numbers for claim in claim_list}
    probe_claims = [p for ps in probes.values() for p in ps]
    # Each clock time that carries its day is also a source of a date: the view's id -> the time.
    pairs = [(view, c) for c in claims if (view := day_of_time(c)) is not None]
    days = {view.id: time for view, time in pairs}
    views = [view for view, _ in pairs] + weekday_views(claims, published or {})
    statements_docs = {p.document for p in probe_claims}  # weighed by the sources' words alone
    profiles, vocab = profile_claims(
        [*claims, *views, *probe_claims], settings=settings, published=published, outside=statements_docs
    )
    probe_ids = {p.id for p in probe_claims}
    sources = [p for p in profiles if p.claim.id not in probe_ids]
    probe_items = {p.claim.id: p for p in profiles if p.claim.id in probe_ids}
    year = sources_year([s for s in sources if s.claim.id not in days], day)
    common = common_words(claims)
    widespread = widespread_names(claims, common)
    pair_bar = (settings or Settings()).cross_document
    for item in probe_items.values():  # a statement is set in its sources' story, as they are in theirs
        if item.anchor is None and year is not None and item.claim.kind not in CALENDAR:
            item.anchor, item.implicit = year, True
    group_of = {c.id: g for g in groups for c in g.claims}
    group_of.update({view: group_of[time.id] for view, time in days.items() if time.id in group_of})
    names = short_names(sorted({c.document for c in claims}))
    checks = []
    for (text, _), claim_list, note in zip(statements, numbers, notes, strict=True):
        if not claim_list:
            checks.append(StatementCheck(statement=text, verdict="not_found", numbers=(), note=note))
            continue
        results = []
        uncompared: set[str] = set()
        for claim in claim_list:
            items = [probe_items[p.id] for p in probes[claim.id] if p.id in probe_items]
            if not items:
                uncompared.add(claim.id)
                results.append(
                    NumberCheck(
                        claim=claim,
                        verdict="not_found",
                        supporting=(),
                        contradicting=(),
                        explanation=f"not a measure factcheck compares ({claim.kind}, no unit)",
                    )
                )
                continue
            matches = candidates(items, sources, vocab, rates, common, bar=pair_bar, widespread=widespread)
            results.append(_as_stated(_verdict(claim, matches, group_of, names, rates, common), days))
        verdict = min((r.verdict for r in _decisive(results, uncompared)), key=VERDICTS.index)
        checks.append(StatementCheck(statement=text, verdict=verdict, numbers=tuple(results)))
    return tuple(checks)


def _decisive(results: Sequence[NumberCheck], uncompared: set[str]) -> Sequence[NumberCheck]:
    """The numbers whose verdicts make the statement's: beside a measure (a sum, a count, a share),
    a year or date only places the statement in time ("60 crore people voted in the 2024 election"):
    it selects the claims that match, through the grouper's time anchors, and is not itself checked.
    A bare number factcheck does not compare (``uncompared``: "28" with no noun) decides nothing
    beside numbers it does compare."""
    compared = [r for r in results if r.claim.id not in uncompared]
    measures = [r for r in compared if r.claim.kind not in TIME_KINDS]
    return measures or compared or results


def story_day(claims: Sequence[Claim]) -> str | None:
    """The middle of the full dates the sources state: the time of their story. A statement has no
    date of its own; "on 18 June" or "at 6:10 p.m." in it is read as of this day, as a source's
    would be read as of its publication."""
    days = sorted(
        c.date for c in claims if c.kind == "date" and c.date and len(c.date) == 10 and c.date[0] != "-"
    )
    return days[len(days) // 2] if days else None


def _statement_claims(text: str, line: int | None, day: str | None = None) -> list[Claim]:
    """The statement's claims, as claims of a document of their own, read as of ``day``."""
    found = extract_text(text, published=day)
    if not found:
        where = f"line {line}: " if line is not None else ""
        raise InputError(f"{where}{NO_NUMBER}: {text!r}")
    doc = STATEMENT if line is None else f"{STATEMENT}:{line}"
    prefix = "s" if line is None else f"s{line}"

    def rename(claim_id: str | None) -> str | None:
        return None if claim_id is None else f"{prefix}:{claim_id.split(':', 1)[1]}"

    return [
        c.model_copy(update={"document": doc, "id": rename(c.id), "equivalent_of": rename(c.equivalent_of)})
        for c in found
    ]


def _probes(claim: Claim) -> list[Claim]:
    """The claim, and the other readings a statement leaves open: a year also as a date ("in 2008" is
    a span of days that dates can meet), a sum or count with no rate also as one per head ("a
    place cost $250,000" is the price of each place: sources write "$250,000 per person"), and a
    fraction also as a percentage ("about a quarter of the area" is "25% of the area")."""
    if claim.kind in ("money", "count") and claim.per is None and claim.value is not None:
        return [claim, claim.model_copy(update={"id": f"{claim.id}{EACH}", "per": "each"})]
    if claim.kind == "ratio" and claim.unit == "fraction" and claim.value is not None:
        share = claim.value * 100
        as_percent = claim.model_copy(
            update={
                "id": f"{claim.id}:percent",
                "kind": "percent",
                "unit": "%",
                "value": share,
                "normalized": Normalized(value=share, unit="%"),
            }
        )
        return [claim, as_percent]
    if claim.kind != "year" or claim.value is None or claim.qualifier is not None:
        return [claim]
    as_date = claim.model_copy(
        update={
            "id": f"{claim.id}:date",
            "kind": "date",
            "date": f"{claim.value:04d}",
            "value": None,
            "unit": None,
            "normalized": Normalized(value=None, unit=None),
        }
    )
    return [claim, as_date]


def _verdict(
    claim: Claim,
    found: Sequence[Match],
    group_of: Mapping[str, ClaimGroup],
    names: Mapping[str, str],
    rates: Mapping[str, float] | None,
    common: frozenset[str] = frozenset(),
) -> NumberCheck:
    """Split the evidence of the matched measure into claims for and against the statement's figure.

    The evidence is the best source claim's group (or the claim alone), and the claims that give the
    statement's digits at another power of ten where the grouper would pair them with it ("1.5 lakh
    officials" for "1.5 crore"): a slip is the grouper's own sign of one measure, and a conflict the
    statement meets even where the grouper set the slip apart. Supported: sources bear the
    figure out and no other source goes against it; contested: some do and others do not;
    contradicted: they give only other figures, and the match rests on words, not on a figure alone
    (``Match.by_figure``): a claim that only the figure ties to the statement may bear it out, and
    when it does not, the sources are silent on the measure. A source that states the figure is on its
    side even where it also gives another (a headline's misprint, an earlier count): one source does
    not contest itself. Claims that allow the figure without showing it (a bound, a wide range) are
    neither for nor against it."""
    if not found:
        return NumberCheck(
            claim=claim,
            verdict="not_found",
            supporting=(),
            contradicting=(),
            explanation="no source gives this measure",
        )
    match = found[0]
    group = group_of.get(match.source.id)
    evidence = group.claims if group is not None else (match.source,)
    if match.probe.kind in CALENDAR:  # a date meets the times of the evidence on their days
        evidence = tuple(day_of_time(c) or c for c in evidence)
    known = {c.id for c in evidence}
    slips = [m.source for m in found if m.slip and m.probe.id == match.probe.id and m.source.id not in known]
    evidence = (*evidence, *slips)
    evidence = (*evidence, *peers(found, evidence))
    stated = [c for c in evidence if not reading_date(c)]  # "as of 10 December": when, not what
    firm = [c for c in stated if _firm(c, evidence)]
    supporting = [c for c in firm if supports(match.probe, c, rates)]
    if not firm:  # only vague claims: they support what they allow
        supporting = [c for c in stated if compatible(match.probe, c, rates=rates)]
    backing = _backing(supporting, common)
    contradicting = [
        c
        for c in stated
        if not _backed(c, backing, common)
        and comparable(match.probe, c, rates)
        and not compatible(match.probe, c, rates=rates)
    ]
    sided = {c.id for c in (*supporting, *contradicting)}
    neither = [c for c in evidence if c.id not in sided]
    verdict: Verdict = (
        "contested"
        if supporting and contradicting
        else "supported"
        if supporting
        else "contradicted"
        if contradicting and not match.by_figure
        else "not_found"
    )
    return NumberCheck(
        claim=claim,
        verdict=verdict,
        supporting=tuple(supporting),
        contradicting=tuple(contradicting),
        explanation=_explain(
            match.probe,
            supporting,
            contradicting,
            names,
            rates,
            neither=[c for c in neither if compatible(match.probe, c, rates=rates)],
            by_figure=match.by_figure,
        ),
        matched=match.source,
        group_id=group.id if group is not None else None,
        neither=tuple(neither),
    )


def _backing(supporting: Sequence[Claim], common: frozenset[str]) -> dict[str, set[str | None]]:
    """The documents that bear the figure out, each with the named sources it gives it to (None for a
    figure it gives to no one)."""
    out: dict[str, set[str | None]] = {}
    for c in supporting:
        out.setdefault(c.document, set()).add(attribution(c, common))
    return out


def _backed(claim: Claim, backing: Mapping[str, set[str | None]], common: frozenset[str]) -> bool:
    """Whether the claim's document bears the figure out, so that the claim does not go against it: one
    source does not contest itself, unless it gives the two figures to two named sources ("Bissen said
    that the number was 850", "Sherwood-Randall put it between 500 and 800") and so reports a dispute."""
    sources = backing.get(claim.document)
    if sources is None:
        return False
    own = attribution(claim, common)
    return own is None or None in sources or own in sources


def _as_stated(result: NumberCheck, days: Mapping[str, Claim]) -> NumberCheck:
    """The check with each clock time read as its day (``day_of_time``) shown as the time it is."""
    if not days:
        return result

    def stated(claims: Sequence[Claim]) -> tuple[Claim, ...]:
        return tuple(days.get(c.id, c) for c in claims)

    matched = result.matched
    return result.model_copy(
        update={
            "supporting": stated(result.supporting),
            "contradicting": stated(result.contradicting),
            "neither": stated(result.neither),
            "matched": None if matched is None else days.get(matched.id, matched),
        }
    )


def _firm(claim: Claim, evidence: Sequence[Claim]) -> bool:
    """A firm claim states a figure: not vague, not a restatement of an earlier figure of its sentence."""
    if claim.qualifier == "vague":
        return False
    partner = next((c for c in evidence if c.id == claim.equivalent_of), None)
    return partner is None or partner.start > claim.start


def _explain(
    probe: Claim,
    supporting: Sequence[Claim],
    contradicting: Sequence[Claim],
    names: Mapping[str, str],
    rates: Mapping[str, float] | None,
    *,
    neither: Sequence[Claim] = (),
    by_figure: bool = False,
) -> str:
    """ "2 sources say 210 million EUR (001, 003), 2 say about 200 million EUR (000, 002)"; where no
    source takes a side, what the evidence allows; where a figure alone ties the sources to the
    statement, that it does."""
    against = sides(contradicting, rates=rates) if contradicting else []
    if not supporting and not against:
        if not neither:
            return f"no source says {describe([probe])}; no figure of the sources can be set beside it"
        allowing = _phrases(sides(neither, rates=rates), names)
        return f"no source says {describe([probe])}; {allowing}, which allows it without showing it"
    if not supporting and by_figure:
        return f"no source says {describe([probe])}; only the figure ties these to it: {_phrases(against, names)}"
    if not supporting:
        return f"no source says {describe([probe])}; {_phrases(against, names)}"
    parts = sides(supporting, rates=rates)
    if len(parts) == 1:
        return _phrases([*parts, *against], names)
    n = len({c.document for c in supporting})
    text = f"{n} sources fit {describe([probe])}: {_phrases(parts, names, lead=False)}"
    return f"{text}; against it {_phrases(against, names)}" if against else text


def _phrases(parts: Sequence[Sequence[Claim]], names: Mapping[str, str], *, lead: bool = True) -> str:
    """ "2 sources say about 200 million EUR (000, 002), 1 says 210 million EUR (003)"."""
    phrases: list[str] = []
    for side in parts:
        docs = sorted({names.get(c.document, c.document) for c in side})
        n = len(docs)
        verb = "says" if n == 1 else "say"
        subject = f"{n} source{'s' if n > 1 else ''}" if lead and not phrases else f"{n}"
        phrases.append(f"{subject} {verb} {describe(list(side))} ({', '.join(docs)})")
    return ", ".join(phrases)


__all__ = ["NumberCheck", "StatementCheck", "Verdict", "check_lines", "check_statement"]
