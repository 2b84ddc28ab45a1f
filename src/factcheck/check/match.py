"""Which source claims speak of a statement's measure, best first (``candidates``).

Each number of the statement is set beside the source claims the way the grouper sets two claims
beside each other: the statement is one more document, and its claim is scored against every source
claim of its family. Two scores come out: the *topic* (IDF-weighted overlap of the sentences' words,
plus the bonus for the same counted noun), which must reach ``TOPIC_BAR`` (``TIME_TOPIC_BAR`` for
years and dates); and the *figure*, the grouper's affinity of the two values or its same-figure bonus
for a value that bears the statement's out. The figure counts only to choose between measures, never
against one. Where no source shares enough words, a claim the grouper would pair with the statement's
through its figure is taken instead (``Match.by_figure``): it may bear the figure out, never rule it out.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from factcheck.check.figures import CALENDAR, TIME_KINDS, compatible, supports
from factcheck.config import (
    FAR_FIGURE,
    OTHER_NOUN_TOPIC_BAR,
    PEER_RANK,
    SAME_FIGURE,
    STORY_APART,
    SUBJECT_BONUS,
    TIME_TOPIC_BAR,
    TOPIC_BAR,
    UNIT_BONUS,
)
from factcheck.group.profiles import FAR_RATIO, Profile, Vocabulary, affinity, head_of, slipped
from factcheck.group.subjects import near_names, sentence_names
from factcheck.lexicon.load import table
from factcheck.lexicon.synonyms import noun_kind
from factcheck.lexicon.words import content_stem
from factcheck.models import Claim
from factcheck.values import Interval, digit_slip, interval

GENERIC_PEOPLE = frozenset(table("nouns.toml", "generic_people"))
EACH = ":each"  # id suffix of a statement's sum read as a price per head
PER_GUESS = 0.1  # what reading a sum per head costs a match: the statement did not say "per"
OTHER_SUBJECT = 0.3  # what a figure of another name than the statement's costs a match
OTHER_MODALITY = 0.5  # what a plan, forecast, target or capacity costs a match with what happened


@dataclass(frozen=True, slots=True)
class Match:
    rank: float
    probe: Claim  # the statement's claim, or its year read as a date
    source: Claim
    by_figure: bool = False  # admitted on the grouper's score, its words too few: it never contradicts
    slip: bool = False  # the statement's digits at another power of ten, in a claim the grouper pairs
    apart: float = 0.0  # what another time cost the rank (``_apart``)
    named: bool = False  # the source's sentence names its year (not its document's story year)


def candidates(
    probes: Sequence[Profile],
    sources: Sequence[Profile],
    vocab: Vocabulary,
    rates: Mapping[str, float] | None,
    common: frozenset[str] = frozenset(),
    *,
    bar: float,
    widespread: frozenset[str] = frozenset(),
) -> list[Match]:
    """Every source claim that may state the measure of one of the probes, best first.

    A source claim speaks of the measure when it shares enough words with the statement (``TOPIC_BAR``,
    ``TIME_TOPIC_BAR`` for years and dates). Where none does, those the grouper would pair with the
    statement's claim (its score reaches ``bar``) are taken instead, ranked by that score: a short
    statement in other words ("completed its takeover" for "the deal was concluded") still meets its
    measure, through the figure, which the score weighs by how rare it is. A year alone is too common
    a figure for that."""
    found: list[Match] = []
    by_figure: list[Match] = []
    for probe in probes:
        for source in sources:
            if source.family != probe.family or source.claim.stance is not None:
                continue  # another measure, or a figure its source gives only to reject it
            renamed = _renamed(probe, source)
            score = vocab.score(probe, source) if not renamed else _score_renamed(vocab, probe, source)
            if score <= -1.0:
                continue
            topic = vocab.topic(probe, source)
            words = (topic, vocab.similarity(probe, source))
            if _two_measures(
                probe, source, words=words, renamed=renamed, rates=rates, names=(common, widespread)
            ):
                continue
            if topic < (TIME_TOPIC_BAR if probe.family in CALENDAR else TOPIC_BAR):
                if (score >= bar and not _bare_year(probe.claim)) or _same_instant(probe.claim, source.claim):
                    by_figure.append(Match(max(score, bar), probe.claim, source.claim, by_figure=True))
                continue
            apart = _apart(probe, source)
            rank = topic + _figure(probe.claim, source.claim, rates) - apart
            rank += _ties(probe, source, common, widespread)
            slip = score >= bar and is_slip(probe.claim, source.claim)
            found.append(
                Match(rank, probe.claim, source.claim, slip=slip, apart=apart, named=not source.implicit)
            )
    if not found:  # tied by the figure alone, a claim that bears it out is the one tied: it comes first
        found = [m for m in by_figure if supports(m.probe, m.source, rates)] or by_figure
    found.sort(key=lambda m: (-m.rank, m.source.document, m.source.start, m.probe.id))
    return found


def peers(found: Sequence[Match], known: Sequence[Claim]) -> list[Claim]:
    """The best claim of each other source that speaks of the measure about as surely as the best
    match does (its rank within ``PEER_RANK``, its words enough): where the grouper set two sources'
    figures of one measure apart ("for ten years to Ubisoft" in one, "Ubisoft ... in the next 15 years"
    in another), the statement meets both, as a reader who looks the measure up in each source does.
    A claim tied by the figure alone is no peer: it may bear the figure out, never rule it out; nor is
    one whose sentence names another year than the statement's: it speaks of another time ("in 2018
    the Camp Fire killed 85"). A source whose sentence names no year is set in its document's story
    year only by a guess, which ranks it lower (``_apart``) but does not keep it from being heard:
    "the deal ended up costing around €95m" in a story of 2017 may be the statement's move of 2013."""
    if not found:
        return []
    best = found[0]
    seen = {c.document for c in known}
    out = []
    for m in found[1:]:
        if m.probe.id != best.probe.id or m.by_figure or m.source.document in seen:
            continue
        seen.add(m.source.document)  # a source's best match speaks for it, or it has no peer
        if m.apart and m.named:
            continue
        if m.rank + m.apart >= best.rank - PEER_RANK:
            out.append(m.source)
    return out


def _same_instant(probe: Claim, source: Claim) -> bool:
    """Two clock times placed on one minute of one day, in any zones: "6:10 p.m. Eastern time" on the
    day of a story and a source's "planned time of 6:10 p.m." that day. An instant is too precise to
    meet by chance, so it ties a statement to a source in other words ("surface", "resurface")."""
    return probe.kind == source.kind == "time" and bool(probe.utc) and probe.utc == source.utc


def _renamed(probe: Profile, source: Profile) -> bool:
    """Whether the two are counts of other nouns: a writer may name what a statement counts in other
    words ("2,000 jobs", "1,900 employees"; "85 people", "86 lives"). Only sentences with many words
    in common (``OTHER_NOUN_TOPIC_BAR``) and figures that may be one (not ``FAR_FIGURE`` apart, as the
    grouper weighs them) tell so: "hired 40 pilots" is not "300 ships called" of one harbour."""
    return probe.claim.kind == "count" and bool(probe.head and source.head) and probe.head != source.head


def _as_people(probe: Profile, source: Profile, rates: Mapping[str, float] | None) -> bool:
    """Whether a source names the very count of people a statement gives in general words: "a
    workforce of 640 people" and "employs 640 workers" (``_of_people``, the figure borne out)."""
    return _of_people(probe.head, source.head) and supports(probe.claim, source.claim, rates)


def _of_people(a: str, b: str) -> bool:
    """Whether one counted noun is "people" and the other names people of a kind ("workers",
    "staff"): "a workforce of 640 people" counts the "640 workers" a source names."""
    generic = {a, b} & GENERIC_PEOPLE
    other = ({a, b} - generic).pop() if len(generic) == 1 else None
    stem = content_stem(other) if other else None
    return stem is not None and noun_kind(stem) == "p"


def _two_measures(
    probe: Profile,
    source: Profile,
    *,
    words: tuple[float, float],
    renamed: bool,
    rates: Mapping[str, float] | None,
    names: tuple[frozenset[str], frozenset[str]],
) -> bool:
    """Whether the source, though of the statement's family, measures something else: a count of
    another noun that only the words, and a figure that may be the same, would tie to the
    statement's; or a figure far from the statement's (``_another_measure``) that neither as many
    words in common, the counted noun aside, as another noun needs (``OTHER_NOUN_TOPIC_BAR``) nor a
    name of the statement's own (``_own_names_shared``) ties to it. ``words`` are the topic and the
    similarity of the two sentences."""
    topic, similarity = words
    if renamed and (
        _people_and_things(probe.head, source.head)
        or (topic < OTHER_NOUN_TOPIC_BAR and not _as_people(probe, source, rates))
        or affinity(probe.claim, source.claim) <= FAR_FIGURE
        or _far_apart(probe.claim, source.claim)
    ):
        return True
    common, widespread = names
    return (
        similarity < OTHER_NOUN_TOPIC_BAR
        and _another_measure(probe.claim, source.claim, rates)
        and not _own_names_shared(probe.claim, source.claim, common, widespread)
    )


def _ties(probe: Profile, source: Profile, common: frozenset[str], widespread: frozenset[str]) -> float:
    """What the claims' modality, subjects and reading add to a match's rank: a plan, forecast, target
    or capacity against what happened ("was carrying 412", "can carry up to 1,200") and a figure of
    another name cost it; the statement's subject's own figure gains ("Denmark pledged $50 million");
    a reading the statement does not spell out (a sum per head) costs it."""
    tie = -OTHER_MODALITY if probe.projected != source.projected else 0.0
    if _other_subject(probe.claim, source.claim, common):
        tie -= OTHER_SUBJECT
    elif _same_subject(probe.claim, source.claim, common, widespread):
        tie += SUBJECT_BONUS
    if probe.claim.id.endswith(EACH):
        tie -= PER_GUESS
    return tie


def _people_and_things(a: str, b: str) -> bool:
    """Whether one counted noun names people and the other things (``synonyms.noun_kind``): "20 beds"
    and "23 people" of one health centre are two measures, however many words they share."""
    kinds = {noun_kind(stem) for stem in (content_stem(a), content_stem(b)) if stem is not None}
    return kinds == {"p", "t"}


def _another_measure(probe: Claim, source: Claim, rates: Mapping[str, float] | None) -> bool:
    """Whether the source's figure is more than ``FAR_RATIO`` from the statement's in the family's
    unit, neither allowing the other and no slip of its digits: as the grouper weighs two such
    figures (``FAR_FIGURE``), likely two measures. Times, dates and years are placed, not sized."""
    if probe.kind in TIME_KINDS or compatible(probe, source, rates=rates) or is_slip(probe, source):
        return False
    mine, theirs = interval(probe, rates=rates), interval(source, rates=rates)
    if mine is None or theirs is None:
        return False
    a, b = _size(mine), _size(theirs)
    return min(a, b) > 0 and max(a, b) / min(a, b) > FAR_RATIO


def _size(span: Interval) -> float:
    """The figure an interval stands for: a bound's finite end ("more than 2,000", "fewer than 100"),
    else its middle."""
    if math.isinf(span.high):
        return abs(span.low)
    if span.low <= 0 < span.high:
        return span.high
    return abs(span.low + span.high) / 2


def _own_names_shared(
    probe: Claim, source: Claim, common: frozenset[str], widespread: frozenset[str]
) -> bool:
    """Whether the source's sentence gives a name of the statement's that is not the story's own
    (``widespread_names``): "500 kilometres from Pristina" against "located 50 kilometers outside
    the capital Pristina". A figure far from the statement's is heard as its denial only so: "Neymar
    scored 28 goals in his first season at PSG" shares no such name with "Neymar scored 105 goals"
    for Barcelona, in a story every source tells of Neymar and PSG, and the two are two measures."""
    return bool((sentence_names(probe, common) - widespread) & sentence_names(source, common))


def _far_apart(probe: Claim, source: Claim) -> bool:
    """Whether the two figures as stated are more than ``FAR_RATIO`` apart, bounds or not: "26 members"
    is no count of "at least five countries", though the bound meets it."""
    a, b = probe.value or probe.high or probe.low, source.value or source.high or source.low
    if not a or not b or a <= 0 or b <= 0:
        return False
    return max(a, b) / min(a, b) > FAR_RATIO


def _score_renamed(vocab: Vocabulary, probe: Profile, source: Profile) -> float:
    """The grouper's score of a count of another noun, weighed as if it counted the statement's,
    without the bonus for the same noun."""
    return vocab.score(probe, replace(source, head=probe.head)) - UNIT_BONUS


def is_slip(probe: Claim, source: Claim) -> bool:
    """Whether the source gives the statement's digits at another power of ten, of the same currency or
    counted noun: "1.5 lakh officials" for "1.5 crore polling officials", "$69 million" for "$69
    billion" (``profiles.slipped``), or with two digits swapped ("2.4 million users" for 4.2 million:
    ``values.digit_slips``)."""
    if probe.kind not in ("money", "count") or head_of(probe) != head_of(source):
        return False
    if probe.value is None or source.value is None or min(probe.value, source.value) <= 0:
        return False
    return slipped(max(probe.value, source.value) / min(probe.value, source.value)) or (
        probe.unit == source.unit and digit_slip(probe.value, source.value)
    )


def _bare_year(claim: Claim) -> bool:
    """A year alone ("in 2010", or read as a date): a figure too common to tie a statement to a
    source by itself."""
    return claim.kind == "year" or (claim.kind == "date" and len(claim.date or "") == 4)


def _same_subject(probe: Claim, source: Claim, common: frozenset[str], widespread: frozenset[str]) -> bool:
    """Whether the source's figure belongs to a name the statement gives, one that tells sources
    apart: "Denmark pledged $25mn" for "Denmark pledged $50 million", as the grouper weighs a shared
    subject (``SUBJECT_BONUS``). A name most sources give (the story's own: "Microsoft" in a story of
    its deal) tells nothing."""
    return bool((sentence_names(probe, common) - widespread) & near_names(source, common))


def widespread_names(claims: Sequence[Claim], common: frozenset[str]) -> frozenset[str]:
    """The names most documents give in the sentences of their figures: the story's own."""
    docs: dict[str, set[str]] = {}
    seen: set[tuple[str, int]] = set()
    for claim in claims:
        key = (claim.document, claim.sentence_start)
        if key not in seen:
            seen.add(key)
            docs.setdefault(claim.document, set()).update(sentence_names(claim, common))
    counts = Counter(name for names in docs.values() for name in names)
    return frozenset(name for name, n in counts.items() if 2 * n > len(docs))


def _other_subject(probe: Claim, source: Claim, common: frozenset[str]) -> bool:
    """Whether the source's figure belongs to another name than the statement's, which its sentence
    gives elsewhere: in "Germany pledged $100M, $50M from Britain, $25M from Denmark", Denmark's is
    $25M, not $50M. A sentence that does not name the statement's subject at all may say it in other
    words, and is not judged so."""
    mine = sentence_names(probe, common)
    theirs = near_names(source, common)
    if not mine or not theirs or mine & theirs:
        return False
    return bool(mine & sentence_names(source, common))


def sources_year(sources: Sequence[Profile], day: str | None) -> str | None:
    """The year the sources' documents are mostly about (their claims' story years), else the year of
    their story's middle day."""
    years = Counter(s.anchor for s in sources if s.implicit and s.anchor)
    if years:
        return max(years, key=lambda y: (years[y], y))
    return day[:4] if day else None


def _apart(probe: Profile, source: Profile) -> float:
    """What another time costs a match: a source set in a year its sentence names, against the year
    the statement names or is set in ("killed 85 people" in 2018 is not the toll of a fire of 2023)."""
    if not probe.anchor or not source.anchor or probe.anchor == source.anchor:
        return 0.0
    if probe.implicit and source.implicit:
        return 0.0
    return STORY_APART if probe.implicit or source.implicit else 2 * STORY_APART


def _figure(probe: Claim, source: Claim, rates: Mapping[str, float] | None) -> float:
    """What the figures add to the rank: the same bonus for any figure that bears the statement's out
    ("700 to 800" meets "some 700 to 800"), vague ones aside, else the grouper's affinity when
    positive. A bound that merely allows the figure earns no bonus: "more than $420 million" is no
    likelier the measure of "passed $1 billion" than "$792 million" is."""
    if source.qualifier != "vague" and supports(probe, source, rates):
        return SAME_FIGURE
    return max(affinity(probe, source), 0.0)
