"""A claim as the grouper sees it, and how surely two claims measure the same thing.

Two claims measure the same thing when
- they are of a comparable kind and unit (any two currencies; counts whose nouns share a head, or,
  for claims that state the same value, counts of related nouns: cells, places, inmates),
- their sentences speak of the same subject: IDF-weighted cosine of content words, where spelling
  variants of names ("Gjilan", "Gnjilane") are merged by RapidFuzz; the figures alone are never
  enough, some word must be shared,
- and nothing says otherwise: not the same sentence, not a rate against a total, not two different
  times when the values differ (a change, not a conflict).

``Vocabulary.score`` is that decision for one pair, and the reference for ``pairs.PairTable``, which
takes it for millions of pairs at once.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from factcheck.config import (
    CLOSE_FIGURE,
    FAR_FIGURE,
    FAR_YEARS,
    MIN_CONTEXT,
    MODALITY_APART,
    NEAR_DAY,
    NEAR_DAYS,
    NEAR_FIGURE,
    NEAR_TIME,
    NEAR_TIME_MINUTES,
    OTHER_DAY,
    RUNNING_DAYS,
    SAME_FIGURE,
    SAME_STORY,
    SLIP,
    SLIP_TOLERANCE,
    STORY_APART,
    SUBJECT_APART,
    SUBJECT_BONUS,
    UNIT_BONUS,
    Settings,
)
from factcheck.lexicon import DURATION_UNITS, OTHER_MEASURES
from factcheck.lexicon.load import table
from factcheck.lexicon.synonyms import related, synonym_pairs
from factcheck.lexicon.words import content_stem
from factcheck.models import Claim
from factcheck.values import (
    ASSUMED,
    FRACTION,
    Interval,
    claims_meet,
    digit_slip,
    interval,
    is_fraction,
    is_speed,
    local_clock,
    nearest_day,
)

FAR_RATIO = 3.0  # figures further apart than this weigh against a pair (``_affinity``)
DAYS_PER_YEAR = 365.25  # a date's interval is in days, a year's in years
GROUPED_KINDS = frozenset(
    {"money", "count", "percent", "distance", "duration", "year", "date", "ratio", "time", "other"}
)
# Words that set a claim in time within its story: "initially 300 cells", "now 400".
MARKER_WORDS: tuple[str, ...] = tuple(table("context.toml", "time_markers"))
SUPERSEDING = frozenset(table("context.toml", "superseding_markers"))
TALLY_MARKERS = frozenset(table("context.toml", "tally_markers"))
# A perfect tense: "have been cancelled", "has risen", "had died".
PERFECT = re.compile(r"\b(?i:has|have|had)(?:[ \u00a0]+(?:now|been))*[ \u00a0]+[a-z]+(?:ed|en|n)\b")
RUNNING_KINDS = frozenset({"count", "money"})  # what a running total counts: people, flights, costs
# "last year", "this year", "next year": a year named from the story's own, as offsets.
PROJECTION_WORDS = frozenset(table("context.toml", "projection_words"))
DEATH_NOUNS = frozenset(table("nouns.toml", "death_nouns"))  # "86 lives", "85 people": one count
# Code k is STATES[k - 1]: the states of a count of people, then the phases of an event a date or a time
# marks (``event_phase``).
STATES: tuple[str, ...] = (*table("nouns.toml", "casualty_states"), *table("context.toml", "event_phases"))
PHASE_OF: dict[str, int] = {
    word: STATES.index(name) + 1
    for name, entry in table("context.toml", "event_phases").items()
    for word in entry["words"]
}
PHASE = re.compile(
    r"\b("
    + "|".join(sorted(map(re.escape, PHASE_OF), key=len, reverse=True))
    + r")\b(?:[ \u00a0]+[^\s\d.,;:!?()]+){0,5}[ \u00a0]+$",
    re.IGNORECASE,
)
STATE_OF: dict[str, int] = {
    word: STATES.index(name) + 1
    for name, entry in table("nouns.toml", "casualty_states").items()
    for word in entry["words"]
}
STATE_REACH = 14  # words either side of a count, up to the next figure, that may name its state
STATE_CHARS = 200  # characters either side that hold them (14 words of news text are about 90)
STATE_WORD = re.compile(r"\b(?:" + "|".join(sorted(STATE_OF, key=len, reverse=True)) + r")\b", re.IGNORECASE)
STATE_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\S*\d\S*")  # a word, or a token holding a figure
COUNTDOWN = re.compile(
    rf"(?:[ \u00a0]+(?:of[ \u00a0]+)?[\w’'-]+){{0,3}}?[ \u00a0]+(?:{'|'.join(table('context.toml', 'countdown_words'))})\b"
)  # "96 hours of oxygen left": at most three words between the span and the word


def _phrases(name: str) -> str:
    """The phrases of a ``context.toml`` table as an alternation, a space matching any run of them."""
    return "|".join(r"[ \u00a0]+".join(map(re.escape, w.split())) for w in table("context.toml", name))


# Words after a figure, in its clause, that say the quantity is moving: "5.6 metres and falling".
MOVING = re.compile(r"(?i:\b(?:" + _phrases("moving_words") + r")\b)")
CLAUSE_END = re.compile(r"[,;:.!?](?=\s|$)")  # not "08:00", "6.2"
# A verb of change, then at most "by" and a hedge, right before a figure: "risen by almost four metres".
CHANGE = re.compile(
    r"(?i:\b(?:" + "|".join(table("context.toml", "level_change_verbs")) + r")"
    r"(?:[ \u00a0]+by)?(?:[ \u00a0]+(?:"
    + "|".join(map(re.escape, table("context.toml", "change_hedges")))
    + r"))?[ \u00a0]+$)"
)
CHANGE_REACH = 40  # characters before a figure that may hold the verb of its change
PROJECTION_REACH = 8  # words before a figure, in its clause, that may make it a projection
# The projection words no other one holds ("aim" holds "aims"): a word holding none of these is none.
_PROJECTION_STEMS = tuple(
    sorted(w for w in PROJECTION_WORDS if not any(o != w and o in w for o in PROJECTION_WORDS))
)
CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:and|but|while|whereas)\s")  # where a clause of a sentence ends
RELATIVE_YEARS: dict[str, int] = dict(table("context.toml", "relative_years"))
RELATIVE_YEAR = re.compile(rf"\b({'|'.join(RELATIVE_YEARS)})[ \u00a0]+year\b", re.I)
TIME_MARKERS = re.compile(
    rf"""\b(?=[{"".join(sorted({word[0] for word in MARKER_WORDS}))}])  # a first letter: most places fail fast
    ({_phrases("time_markers")})\b""",
    re.I | re.X,
)
# What makes a marker word no marker: "first" after a determiner is an ordinal ("the first time", "its
# first match"), "later" and "earlier" before "than" compare ("24 months later than planned").
_NO_MARKER = re.compile(
    r"(?i:(?:\b(?:" + "|".join(table("context.toml", "ordinal_determiners")) + r")[ \u00a0]+first"
    r"|\b(?:later|earlier)[ \u00a0]+than)\b)"
)


def time_marker(sentence: str) -> str | None:
    """The first time marker of a sentence ("initially", "now", "earlier"), lower-cased; None for none.

    >>> time_marker("It was initially put at 14 batches"), time_marker("For the first time, 31 batches")
    ('initially', None)
    >>> time_marker("It opened 24 months later than planned, first reported at 30"), time_marker("No")
    ('first', None)
    """
    idioms = [m.span() for m in _NO_MARKER.finditer(sentence)]
    for found in TIME_MARKERS.finditer(sentence):
        if not any(a <= found.start() < b for a, b in idioms):
            return " ".join(found.group(1).lower().split())  # "so  far" is "so far"
    return None


# Markers that name a day, which a clock time's anchor already holds ("ran out at 7.08am today"):
# for a time they mark no state of a story.
DAY_MARKERS = frozenset({"today"})
YEAR = re.compile(r"(?=[12])(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)")  # the lookahead fails fast on most places
PERIODS = frozenset(canon for canon, _ in DURATION_UNITS.values())
BOUNDS = frozenset({"more_than", "less_than", "at_least", "at_most", "up_to"})
# Kinds whose figures are too common to tell a measure by: every story states spans of time ("a year",
# "four years") and clock readings ("1pm", many events happen on the hour) of unrelated things. Sharing no context word, they never group, even in one story; a
# bound citing the same figure ("at least four years") is no evidence either.
WEAK_FIGURES = frozenset({"duration", "time", "year"})
AGE = "year of age"  # the unit of an age ("Clive, 29", "a 57-year-old skipper")


@dataclass(slots=True)
class Profile:
    """A claim as the grouper sees it: its family, figure, interval, time and weighted context words."""

    claim: Claim
    doc: str
    sentence: tuple[str, int]
    family: str
    head: str  # last word of the counted noun or unit: "cell" for "prison cell"
    interval: Interval | None
    figure: str  # "#300": the figure as a word of its sentence
    words: tuple[int, ...] = ()  # ids of the sentence's content words, the claim's own words left out
    norm: float = 1.0
    probes: tuple[int, ...] = ()  # the rarest words that other claims share
    rarity: float = 1.0  # 1 for a figure few claims of the family state, less for a common one
    anchor: str | None = None  # a year the sentence sets the claim in, else its document's story year
    implicit: bool = False  # the anchor is the story year, not a year its sentence names
    projected: bool = False  # a plan, forecast or target, not what has happened (``projected``)
    countdown: bool = False  # one reading of a quantity that moves: "40 hours left" (``countdown``)
    change: bool = False  # a change ("risen by four metres"), not a level (``change``)
    state: int = 0  # code of the state a count of people is in (``casualty_state``), 0 for none
    source: int = 0  # code of the name its sentence gives it to (``subjects.attribution``), 0 for none
    marker: str | None = None  # "initially", "currently", ...
    subject: tuple[int, ...] = ()  # codes of the names beside the claim (``subjects.subject_codes``)
    subject_words: tuple[int, ...] = ()  # the word ids of those names, where they are words
    day: int = 0  # the day its sentence sets it on (``days.claim_days``), 0 for none
    published_day: int = 0  # its document's publication day, as an ordinal, 0 for none


@dataclass(slots=True)
class Vocabulary:
    """The IDF weights of word ids (squared, as the cosine uses them) and each document's words."""

    weight2: list[float]
    doc_contexts: dict[str, tuple[int, ...]] = field(
        default_factory=dict
    )  # each document's words, figures aside
    _doc_words: dict[str, tuple[frozenset[int], float]] = field(default_factory=dict)
    _stories: dict[tuple[str, str], bool] = field(default_factory=dict)

    def same_story(self, a: str, b: str) -> bool:
        """Whether two documents speak of one story: the cosine of the context words of all their claims,
        figures and counted nouns left out."""
        if a == b:
            return True
        key = (a, b) if a < b else (b, a)
        found = self._stories.get(key)
        if found is None:
            (wa, na), (wb, nb) = self._words_of(a), self._words_of(b)
            w2 = self.weight2
            found = self._stories[key] = sum(w2[w] for w in wa & wb) / (na * nb) >= SAME_STORY
        return found

    def doc_words(self, doc: str) -> frozenset[int]:
        """The context words of all of a document's claims, figures left out."""
        return frozenset(self.doc_contexts.get(doc, ()))

    def _words_of(self, doc: str) -> tuple[frozenset[int], float]:
        found = self._doc_words.get(doc)
        if found is None:
            if len(self._doc_words) > 4096:  # a cache, not a copy of the corpus
                self._doc_words.clear()
            words = self.doc_words(doc)
            found = self._doc_words[doc] = (words, math.sqrt(sum(self.weight2[w] for w in words)) or 1.0)
        return found

    def similarity(self, a: Profile, b: Profile) -> float:
        """IDF-weighted cosine of two claims' context words."""
        if not a.words or not b.words:
            return 0.0
        w2 = self.weight2
        dot = sum(w2[w] for w in set(a.words).intersection(b.words))
        return dot / (a.norm * b.norm)

    def score(self, a: Profile, b: Profile) -> float:
        """How surely two claims measure one thing, from about -0.3 to 1; -1 where they cannot."""
        ca, cb = a.claim, b.claim
        if ca.equivalent_of == cb.id or cb.equivalent_of == ca.id:
            return 1.0
        if _two_kinds_of_measure(a, b):
            return -1.0
        compatible = claims_meet(ca, cb, a.interval, b.interval)
        raw = _affinity(ca, cb, a.interval, b.interval, compatible)
        fig = raw * min(a.rarity, b.rarity) if raw > 0 else raw  # a figure many claims state ties loosely
        shared = not set(a.subject).isdisjoint(b.subject)
        if not compatible and a.subject and b.subject and not shared and not _mentioned(a, b):
            fig -= SUBJECT_APART  # "NDA wins 291", "INDIA bloc 230": two subjects' figures
        if (
            ca.kind == "count"
            and not same_noun(a.head, b.head)
            and fig < SAME_FIGURE
            and not (raw == SLIP and _is_slip(ca, cb, a.interval, b.interval))
        ):
            # Two counted nouns are two measures unless the figure is the same or one is the other's
            # slip: "1.5 crore personnel" and "1.5 lakh officials" of one deployment.
            return -1.0
        if ca.kind in ("distance", "duration", "other") and (a.interval is None or b.interval is None):
            return -1.0
        if not compatible and _two_readings(a, b):
            return -1.0
        if a.state and b.state and a.state != b.state:  # "99 killed", "Hundreds of Missing People"
            return -1.0
        if _story_apart(a, b) and (not compatible or "vague" not in (ca.qualifier, cb.qualifier)):
            fig -= STORY_APART  # a vague figure ("multi-million") allows the other: no time of its own
        if not compatible and a.projected != b.projected:
            fig -= MODALITY_APART
        sim = self.similarity(a, b)
        if sim < MIN_CONTEXT and (ca.kind in WEAK_FIGURES or not self.same_story(a.doc, b.doc)):
            return 0.0
        return sim + _unit_bonus(a, b) + fig + (SUBJECT_BONUS if shared else 0.0)

    def topic(self, a: Profile, b: Profile) -> float:
        """Word overlap plus the bonus for the same counted noun: what two claims speak of, figures aside."""
        return self.similarity(a, b) + _unit_bonus(a, b)


def groupable(claim: Claim) -> bool:
    """Whether the grouper compares this claim at all: ordinals, bare numbers and yearless dates not."""
    if claim.kind not in GROUPED_KINDS:
        return False
    if claim.kind in ("count", "money") and not claim.unit:
        return False
    if claim.kind == "other" and (claim.unit or "") not in OTHER_MEASURES:
        return False  # a figure with no unit of measure: "a magnitude of 5.9" compares in no group
    if claim.kind == "date" and (claim.date or "-").startswith("-"):
        return False  # "April 14": no year, no comparison
    if claim.kind == "date" and dateline(claim):
        return False  # "LONDON, July 4 (MPA) -": the day the story was filed, not a day it tells of
    if (
        claim.kind == "time"
        and claim.start == claim.sentence_start
        and STAMP.match(claim.sentence, len(claim.text))
    ):
        return False  # "00:25 – Injured brought ashore": when a live blog's entry was posted
    at = claim.start - claim.sentence_start
    if claim.kind == "time" and NOT_A_MOMENT.search(claim.sentence, max(0, at - MOMENT_REACH), at):
        return False  # "the 07:42 from Dunmere", "Last updated 21:52 BST": no moment of the story
    if (
        claim.kind == "year"
        and claim.low is not None
        and PERIOD_LABEL.match(claim.sentence, claim.end - claim.sentence_start)
    ):
        return False  # "the 2025-26 season": the name of a period, not when something happened
    return (
        claim.value is not None
        or claim.low is not None
        or claim.qualifier == "vague"
        or claim.date is not None
    )


# A period a span of years names, right after it: "the 2025-26 season", "in the 2023-24 financial year".
PERIOD_LABEL = re.compile(r"[ \u00a0]+(?:" + _phrases("period_labels") + r")\b", re.IGNORECASE)
# Words right before a time that make it no moment of the story, read in the last ``MOMENT_REACH``
# characters before it.
NOT_A_MOMENT = re.compile(
    rf"""
    (?:\b[Tt]he                                   # names a thing by it: "the 07:42 service"
      |\b(?i:{_phrases("page_stamps")})             # stamps the page: "Last updated 21:52 BST"
       (?:[ \u00a0]+at|:)?                          # "updated at", "Posted:"
    )[ \u00a0]+$                                   # right before the time
    """,
    re.VERBOSE,
)
# A wire story's dateline, opening the sentence: "LONDON, July 4 (MPA) -", "PORT HALLORAN, Texas -
# March 19, 2025 -". What comes before the date (``DATELINE_BEFORE``, at most ``DATELINE_REACH``
# characters), and after it (``DATELINE_AFTER``).
DATELINE_BEFORE = re.compile(
    r"""
    [A-Z][A-Z .'’/-]+                       # the place in capitals: "NEW YORK/SINGAPORE"
    (?:,[ \u00a0]+[A-Z][A-Za-z.'’ -]*)?      # its region: ", Texas", ", Wash."
    [ \u00a0]*[,–—-][ \u00a0]*               # a comma or a dash
    """,
    re.VERBOSE,
)
DATELINE_AFTER = re.compile(
    r"""
    [ \u00a0]*(?:\([^()\n]{1,40}\)[ \u00a0]*)?  # the agency in brackets: "(MPA)"
    [–—-]                                      # then a dash
    """,
    re.VERBOSE,
)


MOMENT_REACH = 30  # characters before a time that NOT_A_MOMENT reads: "Last updated " is 13
DATELINE_REACH = 80  # a dateline's place and region are short: "NEW YORK/SINGAPORE, " is 20


def dateline(claim: Claim) -> bool:
    """Whether a date is its story's dateline, which says when the story was filed.

    >>> from factcheck.extract import extract_text
    >>> [dateline(c) for c in extract_text("LONDON, July 4 (MPA) - Corvane cancelled 312 flights on July 4.", published="2025-07-04")]
    [True, False, False]
    """
    at = claim.start - claim.sentence_start
    return (
        at <= DATELINE_REACH
        and DATELINE_BEFORE.fullmatch(claim.sentence, 0, at) is not None
        and DATELINE_AFTER.match(claim.sentence, claim.end - claim.sentence_start) is not None
    )


# A separator after a time that opens its line: the time stamps an entry of a live blog or a timeline.
STAMP = re.compile(r"[ \t]*(?:[A-Z]{2,5}[ \t]*)?(?:[–—|]|-(?=\s))")  # "23:40 –", "08:45 NPT —"


def family_of(claim: Claim) -> str:
    """Claims of one family can be compared: money with money, distances with distances, areas with
    areas ("other:area": acres with hectares), ..."""
    if claim.kind == "other":
        return f"other:{OTHER_MEASURES[claim.unit or '']}"
    if is_speed(claim):  # "80 miles per hour" is a speed, as "80 mph" is
        return "other:speed"
    if is_fraction(claim):  # "two-thirds of its deposits" is a share: "41% of deposits"
        return "percent"
    return "count" if claim.kind == "ratio" else claim.kind


def figure_of(claim: Claim) -> str:
    """The figure as a word of its sentence: "#300"."""
    value = claim.value if claim.value is not None else claim.low
    return f"#{value:g}" if value is not None else f"#{claim.text.lower()}"


SINCE = re.compile(r"\bsince(?:\s+(?:the|a|an|its|their))?\s+$", re.IGNORECASE)  # "since the 2015 ..."


def sentence_year(claim: Claim, named: Sequence[str]) -> str | None:
    """The year a claim's sentence sets it in, of the years ``named`` there (in order): the one
    written nearest the figure, outside its own text ("the 2023 wildfires are the deadliest since the
    Camp Fire of 2018, in which 85 people died": 2018).

    >>> from factcheck.extract import extract_text
    >>> [c] = [c for c in extract_text("The 2023 fires are the worst since 2018, when 85 people died.") if c.kind == "count"]
    >>> sentence_year(c, ["2023", "2018"])
    '2018'

    A year after the figure that a comparison starts from sets it in no time: "killed 126 people, the
    deadliest since the 2015 Gorkha earthquake".

    >>> [c] = [c for c in extract_text("It killed 126 people, the deadliest since the 2015 quake.") if c.kind == "count"]
    >>> sentence_year(c, ["2015"]) is None
    True
    """
    own = YEAR.findall(claim.text)
    at, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    since = {
        m.group()
        for m in YEAR.finditer(claim.sentence, end)
        if SINCE.search(claim.sentence, max(end, m.start() - 24), m.start())
    }
    candidates = [y for y in dict.fromkeys(named) if y not in own and y not in since]
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    best: tuple[int, int] | None = None
    found = None
    for m in YEAR.finditer(claim.sentence):
        if m.group() not in candidates or at <= m.start() < end:
            continue
        distance = at - m.end() if m.end() <= at else m.start() - end
        key = (distance, m.start())
        if best is None or key < best:
            best, found = key, m.group()
    return found or candidates[0]


def _mentioned(a: Profile, b: Profile) -> bool:
    """Whether either claim's sentence names the other's subject: "OceanGate, a company offering dives
    to the Titanic for €250,000" has the subject Titanic, but names OceanGate too."""
    return not set(a.subject_words).isdisjoint(b.words) or not set(b.subject_words).isdisjoint(a.words)


def head_of(claim: Claim) -> str:
    """The last word of the counted noun or unit: "cell" for "prison cell"."""
    return head_of_unit(claim.unit)


def head_of_unit(unit: str | None) -> str:
    """``head_of`` a unit; a fraction's ("two-thirds") is a percentage's: they measure one share."""
    return "%" if unit == FRACTION else (unit or "").lower().split(" ")[-1]


def name_variants(vocabulary: Iterable[str], *, cutoff: int) -> dict[str, str]:
    """Map spelling variants onto one form: "gnjilane" -> "gjilan". Only words of 5 letters or more,
    compared within buckets of the same first letter so the cost stays near-linear."""
    buckets: dict[str, list[str]] = defaultdict(list)
    for word in sorted(vocabulary):
        if len(word) >= 5 and word.isalpha():
            buckets[word[0]].append(word)
    canon: dict[str, str] = {}
    for words in buckets.values():
        if len(words) < 2 or len(words) > 2000:
            continue
        for i, word in enumerate(words):
            earlier = words[:i]
            for match, _, j in process.extract(
                word, earlier, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3
            ):
                if abs(len(word) - len(match)) <= 3:
                    canon[word] = canon.get(words[j], words[j])
                    break
    return canon


def word_forms(vocabulary: Iterable[str], *, settings: Settings) -> dict[str, str]:
    """Map words that say one thing onto one form: spelling variants of names ("gnjilane" ->
    "gjilan") and, with ``settings.synonyms``, stems WordNet relates ("payment" -> "paid",
    "purchased" -> "bought"), whatever the order of the vocabulary; words alone are left out. A group
    of synonyms goes to its first word in sorted order, and a word joins it only when related to each
    of its words: "kill" relates to "died" and "died" to "death", but "kill" not to "death", so the
    three never become one word.

    >>> words = ["payment", "paid", "gnjilane", "gjilan", "minimum", "maximum", "bought", "sold"]
    >>> word_forms(words, settings=Settings(synonyms=True))
    {'gnjilane': 'gjilan', 'payment': 'paid'}
    >>> word_forms(words, settings=Settings())
    {'gnjilane': 'gjilan'}
    """
    words = list(dict.fromkeys(vocabulary))
    forms = name_variants(words, cutoff=settings.fuzzy_names)
    if not settings.synonyms:
        return forms
    group_of = synonym_forms(w for w in words if not w.startswith("#") and w not in forms)
    merged = {word: group_of.get(form, form) for word, form in forms.items()}  # a name's form may be merged
    return {**merged, **group_of}


def same_noun(a: str, b: str) -> bool:
    """Whether two counted nouns name one thing: the same head, or heads WordNet relates ("93
    individuals" and "93 people", "voters" and "electors").

    >>> same_noun("individual", "person"), same_noun("voter", "elector"), same_noun("seat", "voter")
    (True, True, False)
    """
    if a == b or (a in DEATH_NOUNS and b in DEATH_NOUNS):
        return True
    sa, sb = content_stem(a), content_stem(b)
    if sa is None or sb is None:
        return False
    return sa == sb or related(sa, sb)


def related_nouns(heads: Iterable[str]) -> list[tuple[str, str]]:
    """The pairs of distinct heads that ``same_noun`` holds for, each once, sorted."""
    heads = sorted(set(heads))
    dead = [head for head in heads if head in DEATH_NOUNS]
    found = {(a, b) for a in dead for b in dead if a < b}
    by_stem: dict[str, list[str]] = defaultdict(list)
    for head in heads:
        stem = content_stem(head)
        if stem is not None:
            by_stem[stem].append(head)
    found |= {(a, b) for group in by_stem.values() for a in group for b in group if a < b}
    for sa, sb in synonym_pairs(by_stem):
        found.update((min(a, b), max(a, b)) for a in by_stem[sa] for b in by_stem[sb])
    return sorted(found)


def synonym_forms(stems: Iterable[str]) -> dict[str, str]:
    """Map stems WordNet relates onto one form, the group's first in sorted order; a stem joins a group
    only when related to each of its stems. Stems related to none are left out.

    >>> synonym_forms(["individual", "person", "voter", "elector", "minimum", "maximum"])
    {'voter': 'elector', 'person': 'individual'}
    """
    groups: dict[str, list[str]] = {}  # the synonyms' groups, by their first word
    group_of: dict[str, str] = {}
    for a, b in synonym_pairs(stems):
        ga, gb = group_of.get(a, a), group_of.get(b, b)
        members_a, members_b = groups.get(ga, [a]), groups.get(gb, [b])
        if ga == gb or not all(related(x, y) for x in members_a for y in members_b):
            continue
        first = min(ga, gb)
        groups[first] = sorted(members_a + members_b)
        groups.pop(max(ga, gb), None)
        for word in groups[first]:
            group_of[word] = first
    return {word: form for word, form in group_of.items() if word != form}


def affinity(a: Claim, b: Claim) -> float:
    """What two figures say of being one measure: the same figure is evidence, a far one against."""
    ia, ib = interval(a), interval(b)
    compatible = claims_meet(a, b, ia, ib)
    return _affinity(a, b, ia, ib, compatible)


def _affinity(a: Claim, b: Claim, ia: Interval | None, ib: Interval | None, compatible: bool) -> float:
    if a.qualifier == "vague" or b.qualifier == "vague" or ia is None or ib is None:
        return 0.0
    if a.kind in ("year", "date"):
        return _calendar_affinity(a.kind, ia, ib, compatible)
    if a.kind == "time":  # minutes from New Year: the ratio of two says nothing, their distance does
        return SAME_FIGURE if compatible else (NEAR_TIME if _near_times(a, b, ia, ib) else OTHER_DAY)
    if a.qualifier in BOUNDS or b.qualifier in BOUNDS or a.low is not None or b.low is not None:
        # "over £10bn" and "£10 billion" cite one figure; a bound says little of a figure it only meets
        both = all(c.qualifier in BOUNDS or c.low is not None for c in (a, b))
        unit = a.unit == b.unit or (
            a.kind == "count" and both
        )  # "more than 2,200 buildings", "... structures"
        same = a.value is not None and a.value == b.value and unit and a.kind not in WEAK_FIGURES
        if compatible:
            return SAME_FIGURE if same else 0.0
        return FAR_FIGURE if _bound_ratio(ia, ib) > FAR_RATIO else -0.1  # "more than 100 years", "2 weeks"
    if a.value is None or b.value is None:
        return 0.0
    ma, mb = (ia.low + ia.high) / 2, (ib.low + ib.high) / 2
    if ma <= 0 or mb <= 0:
        return SAME_FIGURE if compatible else 0.0
    ratio = max(ma, mb) / min(ma, mb)
    if ratio <= 1.006 or compatible:
        return SAME_FIGURE
    if _slip(a, b, ratio):
        return SLIP
    if ratio <= 1.15:
        return NEAR_FIGURE
    if ratio <= 1.5:
        return CLOSE_FIGURE
    return -0.05 if ratio <= FAR_RATIO else FAR_FIGURE


def _calendar_affinity(kind: str, ia: Interval, ib: Interval, compatible: bool) -> float:
    """What two years or dates say of being one measure: the same day, or two dates a few days apart
    ("14 November" and "15 November": one day misreported, or two events of one week)."""
    if compatible:
        return SAME_FIGURE
    one_day = ia.low == ia.high and ib.low == ib.high  # "14 November", not "July 2025" or "2024"
    near = kind == "date" and one_day and max(ia.low - ib.high, ib.low - ia.high) <= NEAR_DAYS
    return NEAR_DAY if near else OTHER_DAY


def _near_times(a: Claim, b: Claim, ia: Interval, ib: Interval) -> bool:
    """Two instants within ``NEAR_TIME_MINUTES``: on the day that puts them nearest, where a day is only
    assumed (``values.nearest_day``). Two clock readings no zone places are never near: what sets one
    moment hours apart is a zone misread, and they have none."""
    if local_clock(ia) or local_clock(ib):
        return False
    if ASSUMED in (a.anchored_by, b.anchored_by):
        ib = nearest_day(ib, ia)
    return abs(ia.low - ib.low) <= NEAR_TIME_MINUTES


def _two_readings(a: Profile, b: Profile) -> bool:
    """Whether two claims whose values cannot both hold are two readings, not one measure disputed:
    of two times (``_same_time``), of one source (a writer states one figure per measure: two are two
    measures, unless the writer gives them to two named sources), or of years or dates far apart (``_far_times``)."""
    if not _same_time(a, b) or (a.doc == b.doc and not _two_sources(a, b)):
        return True
    return a.claim.kind in ("year", "date") and _far_times(a.claim.kind, a.interval, b.interval)


def _two_sources(a: Profile, b: Profile) -> bool:
    """Two figures one text gives to two named sources ("Bissen said that the number was 850",
    "Sherwood-Randall put it between 500 and 800"): the text reports a dispute, so they may be one
    measure whose values cannot both hold."""
    return bool(a.source and b.source and a.source != b.source)


def _far_times(kind: str, ia: Interval | None, ib: Interval | None) -> bool:
    """Two years or dates more than ``FAR_YEARS`` apart: two events ("2023 Hawaii wildfires" and
    "from 1820 to 1845"), not one misreported."""
    if ia is None or ib is None:
        return False
    per_year = 1.0 if kind == "year" else DAYS_PER_YEAR
    return max(ia.low - ib.high, ib.low - ia.high) > FAR_YEARS * per_year


def _bound_ratio(ia: Interval, ib: Interval) -> float:
    """How far apart two intervals are, one of them a bound: the ratio of their finite ends' sizes."""
    ends = [abs(i.high) if math.isfinite(i.high) else abs(i.low) for i in (ia, ib)]
    return max(ends) / min(ends) if min(ends) > 0 else math.inf


def _is_slip(a: Claim, b: Claim, ia: Interval | None, ib: Interval | None) -> bool:
    """Whether two figures whose ``_affinity`` is ``SLIP`` are one figure slipped (the same digits at
    another power of ten, "$69 million" for "$68.7 billion", two digits swapped, "221" for 212
    (``values.digit_slips``), or the same figure in another currency or unit, "86ft" for "86 m"),
    not two figures within 15% of each other, which weigh as much."""
    if ia is None or ib is None:
        return False
    ma, mb = (ia.low + ia.high) / 2, (ib.low + ib.high) / 2
    return _slip(a, b, max(ma, mb) / min(ma, mb))


# Kinds whose same figure in another unit is a slip: "£68.7bn" for "$68.7bn", "86ft" for "86 metres".
UNIT_SLIPS = ("money", "distance", "other")


def _slip(a: Claim, b: Claim, ratio: float) -> bool:
    """``_is_slip`` of two plain figures ``ratio`` apart in a common unit."""
    assert a.value is not None and b.value is not None
    stated = (
        max(a.value, b.value) / min(a.value, b.value)
        if a.unit == b.unit and min(a.value, b.value) > 0
        else ratio
    )
    return (
        slipped(stated)
        or (a.kind in UNIT_SLIPS and a.value == b.value and a.unit != b.unit)
        or (a.unit == b.unit and a.kind not in ("year", "date", "time") and digit_slip(a.value, b.value))
    )


def slipped(ratio: float) -> bool:
    """Whether two figures this far apart are the same digits at another power of ten (100 or more):
    "$69 million" against "$68.7 billion" is 1/996.

    >>> slipped(68.7e9 / 69e6), slipped(100.0), slipped(10.0), slipped(1.3e3)
    (True, True, False, False)
    """
    power = 10.0 ** round(math.log10(ratio)) if 0 < ratio < math.inf else 0.0
    return power >= 100 and abs(ratio / power - 1) <= SLIP_TOLERANCE


def per_of(claim: Claim) -> str | None:
    """A claim's rate, as grouping compares it: a speed's period is in its unit (``values.is_speed``)."""
    return None if is_speed(claim) else claim.per


def _same_per(a: str | None, b: str | None) -> bool:
    """Rates of one kind: per year with per year, per head with per head ("per person", "per asylum
    seeker"); never a rate with a total."""
    if a == b:
        return True
    if a is None or b is None:
        return False
    return a not in PERIODS and b not in PERIODS


def _unit_bonus(a: Profile, b: Profile) -> float:
    """The same counted noun or unit of measure is evidence of one measure."""
    same_unit = a.head and a.head == b.head and a.claim.kind in ("count", "distance", "duration", "other")
    return UNIT_BONUS if same_unit and not personal(a.claim) else 0.0


def personal(claim: Claim) -> bool:
    """Whether the figure is a property of one person or thing, an age: every age of a story shares its
    unit, so the unit says nothing of two ages being one person's ("Clive, 29" and "the 26-year-old
    vessel")."""
    return claim.unit == AGE


def _same_time(a: Profile, b: Profile) -> bool:
    """Whether two claims may speak of one time: not two years their sentences name, not two markers,
    not a marker against a named year, not two days their sentences name (``days.claim_days``). A story year (``implicit``) is no such year: see ``_story_apart``."""
    if a.anchor and b.anchor and a.anchor != b.anchor and not (a.implicit or b.implicit):
        return False
    if a.marker and b.marker and a.marker != b.marker:
        return False
    if a.countdown and b.countdown:  # two readings of a countdown are two moments
        return False
    if _earlier_reading(a, b) or _earlier_reading(b, a):  # "now 240 cancelled", "412 in total"
        return False
    if a.day and b.day and a.day != b.day:  # "99 on Monday", "115 as of Monday" a week later
        return False
    if (
        a.implicit
        and b.implicit
        and bool(a.state or b.state)
        and _stale_counts(a.claim.kind, a.day or a.published_day, b.day or b.published_day)
    ):
        return False
    # "earlier this month" in a story of 2025 may be the "4 March 2025" another sentence names
    same_year = a.anchor == b.anchor and not ({a.marker, b.marker} & SUPERSEDING)
    return same_year or not ((_marker_only(a) and _year_only(b)) or (_marker_only(b) and _year_only(a)))


def running_reading(claim: Claim, marker: str | None) -> bool:
    """Whether a figure is a running total's reading so far: its marker is one of ``TALLY_MARKERS``
    ("now") beside a perfect tense, or of a count of people in a state (the dead, the missing: a toll).

    >>> from factcheck.extract import extract_text
    >>> [c] = extract_text("Corvane now says 240 flights have been cancelled.")
    >>> running_reading(c, "now"), running_reading(extract_text("It now employs 5,000 people.")[0], "now")
    (True, False)
    """
    if marker not in TALLY_MARKERS:  # most figures: no sentence read
        return False
    return PERFECT.search(claim.sentence) is not None or casualty_state(claim) > 0  # a toll is a tally


def _earlier_reading(a: Profile, b: Profile) -> bool:
    """Whether ``a`` is a reading of a running total so far (``running_reading``: "Corvane now says 240
    flights have been cancelled") that lies below ``b``: what grew since, not a disagreement."""
    return (
        running_reading(a.claim, a.marker)
        and a.claim.kind in RUNNING_KINDS
        and a.interval is not None
        and b.interval is not None
        and a.interval.high < b.interval.low
    )


def _two_kinds_of_measure(a: Profile, b: Profile) -> bool:
    """Whether two claims are never one measure, whatever their words: one sentence, two families,
    two periods ("a year", "a month"), a clock reading no zone places against an instant (unless the
    story's zones place it: ``Claim.story_offsets``), or a change against a level ("risen by four
    metres", "stood at 4.5 metres")."""
    if a.sentence == b.sentence and not _two_sources(a, b):  # one sentence gives one figure a measure,
        return True  # unless it sets two sources' against each other ("the union said 41,000, ...")
    if a.family != b.family or not _same_per(per_of(a.claim), per_of(b.claim)):
        return True
    bare = a.claim.kind == "time" and local_clock(a.interval) != local_clock(b.interval)
    if bare and not (a.claim.story_offsets or b.claim.story_offsets):
        return True  # a bare clock meets an instant only as read in the story's zone
    return a.change != b.change


def _stale_counts(kind: str, day_a: int, day_b: int) -> bool:
    """Two counts of the story's own time (no year named beside them) and of people in a state (dead,
    missing, evacuated: ``casualty_state``) read as of days more than ``RUNNING_DAYS`` apart (the day a
    sentence names, else the day its document was published): a running count's two readings ("111
    fatalities" on 17 August, "115 people" dead on 22 August), not one count disputed. Other counts
    are facts that stay: "14 batches" recalled on 4 March are 14 in a report of 20 March. Sums and
    shares are left to the words: a deal's value reported a year later is the same fact; and a count
    of a year named beside it (a fire of 2018) is no running count."""
    return kind == "count" and day_a > 0 and day_b > 0 and abs(day_a - day_b) > RUNNING_DAYS


def _story_apart(a: Profile, b: Profile) -> bool:
    """A year one sentence names against the year the other's document is mostly about ("in 2019,
    61.5 crore voters" against "64.2 crore voters" in a story of 2024): likely two times, but a story
    may report an older fact without its year, so it weighs against the pair (``STORY_APART``) and
    does not forbid it. It weighs whether or not both figures can hold: "killed at least 111" in a
    story of 2023 and "the blaze of 2018 that killed 115" are two fires, not one agreeing."""
    return bool(a.anchor and b.anchor and a.anchor != b.anchor and (a.implicit != b.implicit))


def _marker_only(item: Profile) -> bool:
    return bool(item.marker) and (not item.anchor or item.implicit)


def _year_only(item: Profile) -> bool:
    return bool(item.anchor) and not item.implicit and not item.marker


def relative_year(sentence: str, story: str | None) -> str | None:
    """The year a sentence names from its story's year: "last year" in a story of 2017 is 2016.

    >>> relative_year("the fee United paid last year", "2017"), relative_year("a fee", "2017")
    ('2016', None)
    """
    if not story or "year" not in sentence.lower():  # most sentences: no need to run the pattern
        return None
    found = RELATIVE_YEAR.search(sentence)
    return None if found is None else str(int(story) + RELATIVE_YEARS[found.group(1).lower()])


def casualty_state(claim: Claim) -> int:
    """The code of the state (``STATES``) a count is of, from the state word nearest its figure within
    ``STATE_REACH`` words and before any other figure: killed, missing, injured, displaced ...; for a
    date or a time, the phase of the event it marks (``event_phase``); 0 for none or for another kind.

    >>> from factcheck.extract import extract_text
    >>> found = extract_text("The death toll rose to 99 on Monday as more than 1,000 people remained unaccounted for.")
    >>> [STATES[casualty_state(c) - 1] for c in found if c.kind == "count"]
    ['dead', 'missing']
    >>> found = extract_text("The earthquake killed 126 people, injured 412 and left three missing.")
    >>> [STATES[casualty_state(c) - 1] for c in found if c.kind == "count"]
    ['dead', 'injured', 'missing']
    """
    if claim.kind in ("date", "time"):
        return event_phase(claim)
    if claim.kind != "count" or not _names_a_state(claim.sentence):
        return 0
    text = claim.sentence
    at, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    for word in STATE_TOKEN.findall(text, at, end):  # the figure's own words first: "93 dead"
        if code := STATE_OF.get(word.lower(), 0):
            return code
    start = max(0, at - STATE_CHARS)
    start = text.find(" ", start, at) + 1 if start else 0  # whole words only: "skilled" is no "killed"
    stop = min(len(text), end + STATE_CHARS)
    stop = max(text.rfind(" ", end, stop), end) if stop < len(text) else stop
    before = _words_to_figure(reversed(STATE_TOKEN.findall(text, start, at)))
    after = _words_to_figure(STATE_TOKEN.findall(text, end, stop))
    if before and (code := STATE_OF.get(before[0], 0)) and text[end : end + 2].startswith(","):
        return code  # "killed 126 people, injured 412": the verb before governs, the comma ends it
    for k in range(STATE_REACH):  # nearest first, the words after (a predicate) before the words before
        for side in (after, before):
            if k < len(side) and (code := STATE_OF.get(side[k], 0)):
                return code
    return 0


def event_phase(claim: Claim) -> int:
    """The code (``STATES``) of the phase of an event a date or a time marks: the verb of starting or
    ending nearest before it in its clause, with at most five words between; 0 for none.

    >>> from factcheck.extract import extract_text
    >>> found = extract_text("The evacuation began at 22:15 and ended at 02:50.")
    >>> [STATES[event_phase(c) - 1] for c in found]
    ['started', 'ended']
    """
    at = claim.start - claim.sentence_start
    found = PHASE.search(claim.sentence, max(0, at - 60), at)
    return PHASE_OF[found.group(1).lower()] if found else 0


@lru_cache(maxsize=4096)
def _names_a_state(sentence: str) -> bool:
    """Whether a sentence has a word of ``STATE_OF`` at all: most have none, and are read once."""
    return STATE_WORD.search(sentence) is not None


def _words_to_figure(tokens: Iterable[str]) -> list[str]:
    """The words of ``tokens``, lower case, up to the first that holds a figure or ``STATE_REACH``."""
    out: list[str] = []
    for token in tokens:
        if len(out) == STATE_REACH or any(ch.isdigit() for ch in token):
            break
        out.append(token.lower())
    return out


def projected(claim: Claim) -> bool:
    """Whether a claim is a plan, a forecast or a target: a word of ``PROJECTION_WORDS`` among the
    words just before it in its clause.

    >>> from factcheck.extract import extract_text
    >>> [projected(c) for c in extract_text("It has cost £290m so far, and next year's £50m would bring the total to £340m.")]
    [False, False, True]
    """
    before = claim.sentence[: claim.start - claim.sentence_start]
    # The clause's last words are within the last words of ``before``: most claims have none of
    # PROJECTION_WORDS there, and need no clause.
    near = " ".join(before.rsplit(None, PROJECTION_REACH)[-PROJECTION_REACH:]).lower()
    if not any(word in near for word in _PROJECTION_STEMS):
        return False
    clause = before[max((m.end() for m in CLAUSE_BREAK.finditer(before)), default=0) :]
    words = clause.lower().split()[-PROJECTION_REACH:]
    return any(w.strip(".,'’\"()") in PROJECTION_WORDS for w in words)


def countdown(claim: Claim) -> bool:
    """Whether a figure is one reading of a quantity that moves: what is left of a countdown ("40
    hours of oxygen left"), or a level its clause says is moving ("5.6 metres and falling", "6.2
    metres at 08:00 and still rising"). Two such readings are two moments, not a disagreement.

    >>> from factcheck.extract import extract_text
    >>> [countdown(c) for c in extract_text("It had 40 hours of oxygen left after a 96-hour supply.")]
    [True, False]
    >>> [countdown(c) for c in extract_text("The gauge reads 5.6 metres and falling, above the 4.5 metres mark.")]
    [True, False]
    """
    end = claim.end - claim.sentence_start
    if claim.kind == "duration" and COUNTDOWN.match(claim.sentence, end) is not None:
        return True
    clause = CLAUSE_END.search(claim.sentence, end)
    return MOVING.search(claim.sentence, end, clause.start() if clause else len(claim.sentence)) is not None


def change(claim: Claim) -> bool:
    """Whether a figure states a change ("rose by four metres", "fell 300 jobs"), not a level
    ("rose to 6.2 metres", "stood at 6.2 metres"): a change and a level are two measures. A share is
    most often a change however it is put ("pay went up 3.1%", "a 3.1% rise", "3.1% for 2026-27"),
    so shares are never read as one.

    >>> from factcheck.extract import extract_text
    >>> [change(c) for c in extract_text("It had risen by almost four metres, to stand at 6.2 metres.")]
    [True, False]
    >>> [change(c) for c in extract_text("Shares fell 5p to 210 pence; pay went up 3.1%.")]
    [True, False, False]
    >>> [change(c) for c in extract_text("The closest debris came down more than 100 miles offshore.")]
    [False]
    """
    if claim.kind in ("percent", "ratio", "year", "date", "time"):  # "rose about 8am": when, not by how much
        return False
    start = claim.start - claim.sentence_start
    return CHANGE.search(claim.sentence, max(0, start - CHANGE_REACH), start) is not None


def story_year(years_by_sentence: Iterable[Iterable[str]]) -> str | None:
    """The year a document is mostly about: the one most of its sentences name, the latest on a tie.

    >>> story_year([["2024"], ["2019", "2024"], ["2019"], ["2024", "2024"]])
    '2024'
    """
    counts: dict[str, int] = defaultdict(int)
    for years in years_by_sentence:
        for year in set(years):
            counts[year] += 1
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


__all__ = [
    "Profile",
    "Settings",
    "Vocabulary",
    "affinity",
    "casualty_state",
    "family_of",
    "figure_of",
    "groupable",
    "head_of",
    "name_variants",
    "per_of",
    "related_nouns",
    "same_noun",
    "sentence_year",
    "synonym_forms",
    "word_forms",
]
