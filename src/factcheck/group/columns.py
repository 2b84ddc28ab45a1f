"""The groupable claims of a corpus as columns, and their context words as rows of integer ids.

Grouping reads, for every claim, the content words of its sentence with its own words left out, their
IDF weights, its rarest shared words (the probes that find its candidates), the year or time marker
its sentence sets it in, and a few of its fields. Made one claim at a time in Python, that costs most
of a minute for a million claims; here it is made for all of them at once. Sentences are tokenised a
chunk at a time (thousands joined, split at white space, each distinct word read once), words become
ids, and the steps per claim are NumPy operations over those ids: a sentence's words without repeats, the
subtraction of the claim's own words, the weights' sums, the sort of the probes.

``profiles.Profile`` objects, which ``check`` and the one-pair ``Vocabulary.score`` read, are made
from these columns on demand. ``tests/reference_profiles.py`` makes the same profiles one claim at a
time, the plain way, and ``tests/test_columns.py`` holds the two equal.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import repeat
from operator import attrgetter
from typing import Any

import numpy as np
from numpy.typing import NDArray

from factcheck.config import COMMON_FIGURE, FAR_YEARS, MAX_STORY_ZONES
from factcheck.group.days import claim_days
from factcheck.group.profiles import (
    BOUNDS,
    DAY_MARKERS,
    PERIODS,
    STATES,
    SUPERSEDING,
    TIME_MARKERS,
    YEAR,
    Profile,
    Settings,
    Vocabulary,
    casualty_state,
    change,
    countdown,
    family_of,
    figure_of,
    groupable,
    head_of_unit,
    per_of,
    personal,
    projected,
    related_nouns,
    relative_year,
    running_reading,
    sentence_year,
    story_year,
    time_marker,
    word_forms,
)
from factcheck.group.subjects import (
    SLOTS,
    attribution,
    codes_mask,
    common_words,
    figure_places,
    names_near,
    subject_table,
)
from factcheck.lexicon import OTHER_MEASURES
from factcheck.lexicon.words import REFER_BACK, WORD, content_stem, refers_back
from factcheck.models import Claim, Identity, trusted
from factcheck.values import ASSUMED, floats, interval, intervals, iso_day, money_factors

Ints = NDArray[np.int64]
Floats = NDArray[np.float64]
Bools = NDArray[np.bool_]

SEPARATOR = "\x00"  # stands between two texts of a chunk: not white space, not a word character
RUN = re.compile(r"[\w'’-]+")  # the characters a word of ``words.WORD`` may go on with
CHUNK = 5_000  # sentences joined and tokenised together; claims whose words are gathered together
# (each chunk's tokens are Python strings, about 1.5 KB a sentence: 20,000 were a peak of grouping)
KIND_CODES = {
    kind: k
    for k, kind in enumerate(
        ("money", "count", "percent", "distance", "duration", "year", "date", "ratio", "time", "other")
    )
}
# A family is named after its first kind; other units' families after their measure ("other:area").
FAMILY_CODES = KIND_CODES | {
    f"other:{measure}": len(KIND_CODES) + k for k, measure in enumerate(sorted(set(OTHER_MEASURES.values())))
}
FAMILY_NAMES = {code: family for family, code in FAMILY_CODES.items()}  # each family code's name


def places(owners: Ints) -> Ints:
    """Each entry's place among the entries of its owner (0 for the first), for owners in ascending
    order; counted, not searched for, which on ten million entries is several times faster."""
    if not len(owners):
        return np.zeros(0, dtype=np.int64)
    counts = np.bincount(owners)
    return np.arange(len(owners), dtype=np.int64) - (np.cumsum(counts) - counts)[owners]


@dataclass(frozen=True, slots=True)
class Rows:
    """Rows of integers in one flat array (the CSR layout): row k is ``values[indptr[k]:indptr[k + 1]]``."""

    indptr: Ints
    values: Ints

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def row(self, k: int) -> tuple[int, ...]:
        return tuple(self.values[self.indptr[k] : self.indptr[k + 1]].tolist())

    def lengths(self) -> Ints:
        return np.diff(self.indptr)

    def owners(self) -> Ints:
        """The row of each value."""
        return np.repeat(np.arange(len(self), dtype=np.int64), self.lengths())

    def take(self, rows: Ints) -> Rows:
        """The given rows, in that order, as rows of their own."""
        lengths = self.lengths()[rows]
        indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        shift = np.repeat(self.indptr[rows] - indptr[:-1], lengths)
        return Rows(indptr, self.values[np.arange(indptr[-1], dtype=np.int64) + shift])

    @classmethod
    def of(cls, owners: Ints, values: Ints, count: int) -> Rows:
        """Rows from values listed with their row, the rows in ascending order."""
        indptr = np.concatenate([[0], np.cumsum(np.bincount(owners, minlength=count))]).astype(np.int64)
        return cls(indptr, values.astype(np.int64))

    @classmethod
    def join(cls, parts: Sequence[Rows]) -> Rows:
        """The rows of several parts, one after another."""
        if not parts:
            return cls(np.zeros(1, np.int64), np.zeros(0, np.int64))
        offsets = np.cumsum([0, *(int(p.indptr[-1]) for p in parts[:-1])])
        indptr = np.concatenate([[0], *(p.indptr[1:] + o for p, o in zip(parts, offsets, strict=True))])
        return cls(indptr.astype(np.int64), np.concatenate([p.values for p in parts]).astype(np.int64))


@dataclass(frozen=True, slots=True)
class Columns:
    """The groupable claims, in (document, offset) order; each array has one entry per claim."""

    claims: list[Claim]
    sentence: Ints  # code of (document, sentence offset), in order of first use
    sentence_keys: list[tuple[str, int]]
    doc: Ints  # code of the document, in order of first use
    docs: list[str]
    family: Ints  # of FAMILY_CODES
    kind: Ints  # of KIND_CODES
    unit: Ints  # code of the unit as written, 0 for none
    per: Ints  # code of the rate's period or head, 0 for none
    per_period: Bools  # the rate is per a period of time ("per year"), not per head
    head: Ints  # code of the counted noun's last word, 0 for none
    heads: list[str]  # by code
    noun_pairs: Ints  # head codes a, b (a < b) WordNet names one thing by, as a * len(heads) + b
    figure: Ints  # word id of the claim's figure ("#300")
    magnitude: Ints  # code of a coarse key of the figure: its power of ten, or a date's year
    anchor: Ints  # code of the year the sentence sets the claim in, else its story year; 0 for none
    implicit: Bools  # the anchor is the document's story year (``profiles.story_year``)
    projected: Bools  # a plan, forecast or target (``profiles.projected``)
    countdown: Bools  # one reading of a quantity that moves (``profiles.countdown``)
    change: Bools  # a change, not a level (``profiles.change``)
    assumed_day: Bools  # a time set on its publication day for want of a day (``values.ASSUMED``)
    personal: Bools  # an age (``profiles.personal``)
    up_to: Bools  # a stated maximum, "up to 350 roles" (``values.maximum``)
    state: Ints  # code of the state a count of people is in (``profiles.casualty_state``), 0 for none
    marker: Ints  # code of the time marker ("initially"), 0 for none
    superseding: Bools  # the marker sets the figure against the story's present (``SUPERSEDING``)
    interim: Bools  # a running total's reading so far ("now" beside a tally: ``running_reading``)
    subject: Ints  # mask of the codes of the names beside the claim (``subjects.codes_mask``), 0 for none
    subject_codes: Ints  # claims x SLOTS: the codes themselves (``subjects.subject_codes``), 0 padded
    subject_names: list[str]  # the names of subject codes: code k is subject_names[k - 1]
    subject_words: Ints  # claims x SLOTS: the word id of each subject name, -1 for none
    source: Ints  # code of the name its sentence gives the claim to (``subjects.attribution``), 0 for none
    source_names: list[str]  # by code ("" for 0)
    day: Ints  # the day the sentence sets the claim on, as an ordinal (``days.claim_days``), 0 for none
    published_day: Ints  # the claim's document's publication day, as an ordinal, 0 for none
    times: list[str]  # anchors' and markers' codes, decoded (0 is "")
    equivalent: Ints  # row of the claim this one restates, -1 if none
    has_interval: Bools
    low: Floats  # the interval, NaN without one
    high: Floats
    vague: Bools
    bounded: Bools  # a bound qualifier ("more than") or a range
    has_value: Bools
    value: Floats  # the figure as stated, in its own unit; NaN for a range or none
    scale: Floats  # a sum's factor from its currency to EUR (``values.money_factors``), 1 for the rest
    # A bare clock time's story offsets (``Claim.story_offsets``), one column per zone, NaN past its own.
    offset_0: Floats
    offset_1: Floats
    offset_2: Floats
    offset_3: Floats
    rarity: Floats  # 1 for a figure few claims of its family state, less for a common one
    norm: Floats  # Euclidean norm of the context words' IDF weights
    words: Rows  # each claim's context words, in the sentence's order
    probes: Rows  # each claim's rarest shared words, rarest first
    vocabulary: list[str]  # each word id's word
    weight2: Floats  # each word id's IDF weight, squared
    doc_words: Rows  # each document's context words, figures left out, in ascending order

    def __len__(self) -> int:
        return len(self.claims)

    def profile(self, k: int) -> Profile:
        """The claim of row k as one object, for code that reads claims one pair at a time."""
        claim = self.claims[k]
        return Profile(
            claim=claim,
            doc=claim.document,
            sentence=self.sentence_keys[int(self.sentence[k])],
            family=family_of(claim),
            head=self.heads[int(self.head[k])],
            interval=interval(claim),
            figure=self.vocabulary[int(self.figure[k])],
            words=self.words.row(k),
            norm=float(self.norm[k]),
            probes=self.probes.row(k),
            rarity=float(self.rarity[k]),
            anchor=self.times[int(self.anchor[k])] or None,
            implicit=bool(self.implicit[k]),
            projected=bool(self.projected[k]),
            countdown=bool(self.countdown[k]),
            change=bool(self.change[k]),
            state=int(self.state[k]),
            marker=self.times[int(self.marker[k])] or None,
            subject=tuple(int(code) for code in self.subject_codes[k] if code),
            subject_words=tuple(int(w) for w in self.subject_words[k] if w >= 0),
            source=int(self.source[k]),
            day=int(self.day[k]),
            published_day=int(self.published_day[k]),
        )

    def identity(self, k: int) -> Identity:
        """What the grouper read of the claim of row k, for the report (``models.Identity``)."""
        return self.identities([k])[0]

    def identities(self, rows: Sequence[int]) -> list[Identity]:
        """``identity`` of each of these rows, their columns read for all of them at once."""
        at = np.asarray(rows, dtype=np.int64)
        families = [FAMILY_NAMES[code] for code in self.family[at].tolist()]
        heads = [self.heads[code] or None for code in self.head[at].tolist()]
        names = self.subject_names
        subjects = [
            tuple(names[code - 1] for code in found if code) for found in self.subject_codes[at].tolist()
        ]
        years = [self.times[code] or None for code in self.anchor[at].tolist()]
        markers = [self.times[code] or None for code in self.marker[at].tolist()]
        days = [date.fromordinal(day).isoformat() if day else None for day in self.day[at].tolist()]
        columns = zip(
            at.tolist(),
            families,
            heads,
            subjects,
            years,
            self.implicit[at].tolist(),
            days,
            markers,
            self.projected[at].tolist(),
            self.countdown[at].tolist(),
            [STATES[code - 1] if code else None for code in self.state[at].tolist()],
            [self.source_names[code] or None for code in self.source[at].tolist()],
            strict=True,
        )
        fields = Identity.model_fields
        return [
            trusted(Identity, dict(zip(fields, (self.claims[k].id, *values), strict=True)), kept=True)
            for k, *values in columns
        ]

    def vocab(self) -> Vocabulary:
        """The weights and the documents' words, as the one-pair ``Vocabulary.score`` reads them."""
        contexts = {doc: self.doc_words.row(d) for d, doc in enumerate(self.docs)}
        return Vocabulary(self.weight2.tolist(), contexts)


def profile_claims(
    claims: Iterable[Claim],
    *,
    settings: Settings | None = None,
    published: Mapping[str, str | None] | None = None,
    outside: Collection[str] = (),
) -> tuple[list[Profile], Vocabulary]:
    """The groupable claims' profiles, in (document, offset) order, and the vocabulary that weighs them;
    ``outside`` as in ``columns_of``."""
    cols = columns_of(claims, settings=settings, published=published, outside=outside)
    return [cols.profile(k) for k in range(len(cols))], cols.vocab()


def columns_of(
    claims: Iterable[Claim],
    *,
    settings: Settings | None = None,
    doc_order: Mapping[str, str] | None = None,
    published: Mapping[str, str | None] | None = None,
    submit: Submit | None = None,
    outside: Collection[str] = (),
) -> Columns:
    """The columns of the groupable claims: their fields, words, weights, probes and times, in the
    order of their documents (by ``doc_order``'s key, else by path) and their offsets. ``published``
    gives each document's publication date, where known: the year its story is set in. ``submit``
    hands work to a helper process (``Submit``): the names beside the figures, read there while the
    rest is made here. The claims of the documents ``outside`` (the statements a check weighs) are
    read against the others' statistics and add nothing to them: the words' weights, how common a
    figure is and which words are names come from the others alone, so that a statement is read the
    same alone as among others."""
    settings = settings or Settings()
    if doc_order is None:
        chosen = sorted(filter(groupable, claims), key=attrgetter("document", "start", "id"))
    else:
        chosen = sorted(filter(groupable, claims), key=lambda c: (doc_order[c.document], c.start, c.id))
    keys: dict[tuple[str, int], int] = {}
    sentence = _ints(keys.setdefault((c.document, c.sentence_start), len(keys)) for c in chosen)
    firsts = _first_uses(sentence, len(keys)).tolist()  # a claim of each sentence
    times: dict[str, int] = {"": 0}
    scanner = _Scanner(times)
    stem_rows, markers, years = scanner.scan([chosen[k].sentence for k in firsts])  # by sentence code
    for k in np.flatnonzero(markers).tolist():  # the scanner reads words alone: "the first time" is none
        found = time_marker(chosen[firsts[k]].sentence)
        markers[k] = times.setdefault(found, len(times)) if found else 0
    if outside:  # the words of the statements must not turn a source's name into a common word
        common = common_words([c for c in chosen if c.document not in outside])
    else:
        common = scanner.common_words()  # of the sentences: ``subjects.common_words(chosen)``
    names = _names_later(chosen, common, submit)
    doc, docs = _codes([c.document for c in chosen])
    figures, figure_strings = _codes([figure_of(c) for c in chosen])
    known = len(scanner.stems)
    # A sentence's words are its stems, then the figures of its claims: "300" beside a sum of money.
    raw = interleave(stem_rows, Rows.of(*_by_row(sentence, figures + known), len(firsts)))
    vocabulary, id_of = _word_ids(raw, [*scanner.stems, *figure_strings], settings)
    sentence_words = _distinct(Rows(raw.indptr, id_of[raw.values]))
    counted = _ints(chosen[k].document not in outside for k in firsts).astype(np.bool_)  # by sentence
    df = np.bincount(sentence_words.values[counted[sentence_words.owners()]], minlength=len(vocabulary))
    total = max(int(counted.sum()), 1)
    weight2 = np.array([math.log(1 + total / max(n, 1)) ** 2 for n in df.tolist()], dtype=np.float64)
    rank = np.empty(len(df), dtype=np.int64)  # the probes' order: rarest first, then by id
    rank[np.lexsort((np.arange(len(df)), df))] = np.arange(len(df))
    figure = id_of[figures + known]
    own = _own_words(chosen, scanner, id_of[:known], figure)
    family = np.array([FAMILY_CODES[family_of(c)] for c in chosen], dtype=np.int64)
    context, context_words = _contexts(chosen, sentence, sentence_words)
    words, probes, norm = _claim_words(context, context_words, own, weight2, rank, df > 1, settings)
    stated = family * len(vocabulary) + figure  # how many claims of the family state the figure
    stating = np.bincount(stated[counted[sentence]], minlength=int(stated.max(initial=0)) + 1)[stated]
    rarity = np.minimum(1.0, np.sqrt(COMMON_FIGURE / np.maximum(stating, 1)))
    is_figure = np.zeros(len(vocabulary), dtype=np.bool_)
    is_figure[figure] = True
    anchors = _anchors(chosen, sentence, doc, years, times, [(published or {}).get(path) for path in docs])
    marker = _markers(markers[sentence], chosen, times)
    fields = _fields(chosen, settings)
    marked = list(times)  # each marker code's word
    source, source_names = _sources(chosen, common)
    subject, subject_rows, subject_names = _subjects(chosen, settings, names())  # read last: see ``submit``
    return Columns(
        claims=chosen,
        sentence=sentence,
        sentence_keys=list(keys),
        doc=doc,
        docs=docs,
        family=family,
        figure=figure,
        **anchors,
        marker=marker,
        superseding=np.isin(marker, [times[m] for m in SUPERSEDING if m in times]),
        interim=np.fromiter(
            (running_reading(c, marked[m] or None) for c, m in zip(chosen, marker.tolist(), strict=True)),
            np.bool_,
            len(chosen),
        ),
        subject=subject,
        subject_codes=subject_rows,
        subject_names=subject_names,
        state=np.fromiter(map(casualty_state, chosen), np.int64, len(chosen)),
        source=source,
        source_names=source_names,
        subject_words=_subject_words(subject_rows, subject_names, scanner.stems, id_of),
        day=np.array(claim_days(chosen, published or {}), dtype=np.int64),
        published_day=_published_days(doc, docs, published or {}),
        times=list(times),
        rarity=rarity.astype(np.float64),
        norm=norm,
        words=words,
        probes=probes,
        vocabulary=vocabulary,
        weight2=weight2,
        doc_words=_doc_words(doc, words, is_figure, len(docs), len(vocabulary)),
        **fields,
    )


# submit(fn, *args) runs fn(*args) in a helper process; calling what it returns waits for the result.
Submit = Callable[..., Callable[[], Any]]
# Claims from which grouping takes a helper (``pipeline.build_groups``): for fewer it would save a second
# or two, and its 50 MB are a tenth of what grouping and judging 65,000 claims (10 MB of text) take.
HELPED = 100_000
NAMES_CHUNK = 50_000  # figures whose names one task of the helper reads


def _names_later(
    chosen: Sequence[Claim], common: frozenset[str], submit: Submit | None
) -> Callable[[], list[list[str]]]:
    """``subjects.names_near`` each claim's figure: handed to the helper at once when there is one, so
    that it reads them while the other columns are made; returned as a call to make when they are
    needed."""
    places = figure_places(chosen)
    if submit is None:
        return lambda: names_near(places, common)
    parts = [
        submit(names_near, places[k : k + NAMES_CHUNK], common) for k in range(0, len(places), NAMES_CHUNK)
    ]
    return lambda: [names for part in parts for names in part()]


def _markers(marker: Ints, chosen: Sequence[Claim], times: dict[str, int]) -> Ints:
    """Each claim's sentence's time marker, but none for a clock time whose marker names its day
    (``DAY_MARKERS``)."""
    days = [times[word] for word in DAY_MARKERS if word in times]
    if not days:
        return marker
    clock = np.fromiter((c.kind == "time" for c in chosen), np.bool_, len(chosen))
    found: Ints = np.where(clock & np.isin(marker, days), 0, marker)
    return found


def _subjects(
    chosen: Sequence[Claim], settings: Settings, near: list[list[str]]
) -> tuple[Ints, Ints, list[str]]:
    """The ``subject`` and ``subject_codes`` columns, and the names by code, from the names ``near``
    each figure."""
    codes, names = subject_table(chosen, cutoff=settings.fuzzy_names, names=near)
    table = np.zeros((len(chosen), SLOTS), dtype=np.int64)
    for k, found in enumerate(codes):
        table[k, : len(found)] = found
    mask = np.fromiter(map(codes_mask, codes), dtype=np.int64, count=len(codes))
    return mask, table, names


def _sources(chosen: Sequence[Claim], common: frozenset[str]) -> tuple[Ints, list[str]]:
    """The ``source`` column (``subjects.attribution``), and the sources by code ("" for 0)."""
    sources: dict[str | None, int] = {None: 0}
    source = _ints(sources.setdefault(attribution(c, common), len(sources)) for c in chosen)
    return source, [name or "" for name in sources]


def _published_days(doc: Ints, docs: list[str], published: Mapping[str, str | None]) -> Ints:
    """Each claim's document's publication day as an ordinal, 0 where it is not known."""
    ordinal = [0, *((found.toordinal() if (found := iso_day(published.get(path))) else 0) for path in docs)]
    days: Ints = np.array(ordinal, dtype=np.int64)[doc + 1]
    return days


def _subject_words(codes: Ints, names: list[str], stems: dict[str, int], id_of: Ints) -> Ints:
    """Each subject name's word id, where the name is a word of the sentences ("OceanGate": the word
    "oceangat"), by claim and slot; -1 for none. ``stems`` codes the sentences' stems, ``id_of`` gives
    a code's word id."""
    by_code = np.array(
        [-1, *(int(id_of[stems[stem]]) if (stem := content_stem(name)) in stems else -1 for name in names)],
        dtype=np.int64,
    )
    found: Ints = np.where(codes > 0, by_code[codes], -1)
    return found


def _word_ids(raw: Rows, strings: list[str], settings: Settings) -> tuple[list[str], Ints]:
    """Word ids in order of first use in ``raw`` (rows of codes of ``strings``), spelling variants of
    names and WordNet's synonyms merged into one form (``profiles.word_forms``): the words by id, and
    each code's id."""
    canon = np.arange(len(strings), dtype=np.int64)
    position = {word: k for k, word in enumerate(strings)}
    for word, form in word_forms(strings, settings=settings).items():
        canon[position[word]] = position[form]
    del position
    used = canon[raw.values]
    first = _first_uses(used, len(strings))
    order = np.flatnonzero(first < len(used))
    order = order[np.argsort(first[order], kind="stable")]
    id_of = np.full(len(strings), -1, dtype=np.int64)
    id_of[order] = np.arange(len(order))
    return [strings[k] for k in order.tolist()], id_of[canon]


def _ints(values: Iterable[int]) -> Ints:
    return np.fromiter(values, dtype=np.int64)


def _codes(values: Sequence[str | None], *, empty_is_zero: bool = False) -> tuple[Ints, list[str]]:
    """Integer codes of values in order of first use, and the values by code; with ``empty_is_zero``,
    None and "" are code 0."""
    decoded = [v or "" for v in dict.fromkeys(values)]
    if empty_is_zero:
        decoded = ["", *filter(None, decoded)]
    code: dict[str | None, int] = {v: k for k, v in enumerate(decoded)}
    code[None] = 0
    return np.fromiter(map(code.__getitem__, values), dtype=np.int64, count=len(values)), decoded


def _first_uses(codes: Ints, count: int) -> Ints:
    """For each code below ``count``, the index of its first use in ``codes``; ``len(codes)`` if unused."""
    first = np.full(count, len(codes), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(codes), dtype=np.int64))
    return first


def _firsts(keys: Ints) -> Ints:
    """The index of the first occurrence of each distinct key, in ascending order of key.

    A stable sort, not ``np.unique``: keys here come in ascending runs, which a stable sort (timsort)
    takes in one pass, and ``np.unique`` was found 20 times slower on ten million of them."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    return order[np.concatenate([[True], ordered[1:] != ordered[:-1]])] if len(keys) else order


def _among(keys: Ints, pool: Ints) -> Bools:
    """Whether each key is one of ``pool``."""
    if not len(pool):
        return np.zeros(len(keys), dtype=np.bool_)
    pool = np.sort(pool, kind="stable")
    found: Bools = pool[np.minimum(np.searchsorted(pool, keys), len(pool) - 1)] == keys
    return found


def _by_row(rows: Ints, values: Ints) -> tuple[Ints, Ints]:
    """(rows, values) sorted by row, the values of one row in their order."""
    order = np.argsort(rows, kind="stable")
    return rows[order], values[order]


class _Scanner:
    """Content stems, time markers and years of texts, many texts at a time.

    A chunk of texts is joined with separators and split at white space; each distinct token is cut
    into runs of word characters (``RUN``), and each distinct run is read once: its content stem (a
    run holds at most one word of ``words.WORD``, from its first letter to its end), its first time
    marker and its years. No word, marker or year crosses the edge of a run, and a run's edges are
    word boundaries in its text as in itself, so this finds in each text what the patterns find in it.
    """

    def __init__(self, times: dict[str, int]) -> None:
        self.stems: dict[str, int] = {}  # stem -> code, in order of first use
        self.times = times  # marker -> code
        self.tokens: dict[str, int] = {SEPARATOR: 0}  # token -> id
        self.token_runs: list[int] = [0]  # the runs' ids of each token, one token after another
        self.token_ends: list[int] = [1]  # where each token's runs end in ``token_runs``
        self.runs: dict[str, int] = {SEPARATOR: 0}  # run -> id
        self.stem = [-2]  # each run's stem code; -2 for the separator (run 0), -1 for no content word
        self.marker = [0]  # each run's first time marker's code, 0 for none
        self.years: list[tuple[str, ...]] = [()]
        self._mirror: dict[str, Ints] = {}  # the lists above as arrays, as far as they were converted

    def scan(self, texts: Sequence[str]) -> tuple[Rows, Ints, dict[int, list[str]]]:
        """Each text's stems as rows of codes of ``stems`` (repeats kept), its first time marker's code
        and, for texts that name years, the years in order."""
        parts: list[Rows] = []
        markers = np.zeros(len(texts), dtype=np.int64)
        years: dict[int, list[str]] = {}
        for first in range(0, len(texts), CHUNK):
            part = texts[first : first + CHUNK]
            body = f" {SEPARATOR} ".join(part)
            if body.count(SEPARATOR) != len(part) - 1:  # a text holds one: it is no word, a space will do
                body = f" {SEPARATOR} ".join(t.replace(SEPARATOR, " ") for t in part)
            tokens = body.split()
            ids = np.fromiter(map(self.tokens.get, tokens, repeat(-1)), dtype=np.int64, count=len(tokens))
            unseen = np.flatnonzero(ids < 0).tolist()
            for token in dict.fromkeys(tokens[k] for k in unseen):
                self.tokens[token] = len(self.token_ends)
                self.token_runs.extend(map(self._run, RUN.findall(token)))
                self.token_ends.append(len(self.token_runs))
            ids[unseen] = [self.tokens[tokens[k]] for k in unseen]
            ends, token_runs, stem_of, marker_of, dated_of = (
                self._array(name) for name in ("token_ends", "token_runs", "stem", "marker", "years")
            )
            runs = Rows(np.concatenate([[0], ends]), token_runs).take(ids).values
            rows = np.cumsum(runs == 0)
            stems = stem_of[runs]
            parts.append(Rows.of(rows[stems >= 0], stems[stems >= 0], len(part)))
            marked = np.flatnonzero(marker_of[runs])
            at = _firsts(rows[marked])  # the first marked run of each row
            markers[first + rows[marked[at]]] = marker_of[runs[marked[at]]]
            dated = np.flatnonzero(dated_of[runs])
            for row, run in zip(rows[dated].tolist(), runs[dated].tolist(), strict=True):
                years.setdefault(first + row, []).extend(self.years[run])
        return Rows.join(parts), markers, years

    def common_words(self) -> frozenset[str]:
        """``subjects.common_words`` of the texts scanned so far: the words (``words.WORD``) they write in
        lower case. A run holds at most one word, so each distinct run is read, not each text."""
        found = (WORD.search(run) for run in self.runs)
        return frozenset(word for m in found if m and (word := m.group())[0].islower())

    def _array(self, name: str) -> Ints:
        """One of the lists as an array (``years`` as how many years each run holds); only what was
        added since the last call is converted."""
        items: list[Any] = getattr(self, name)
        done = self._mirror.get(name, np.zeros(0, dtype=np.int64))
        if len(done) < len(items):
            tail = items[len(done) :]
            added = np.fromiter(map(len, tail) if name == "years" else tail, dtype=np.int64, count=len(tail))
            done = self._mirror[name] = np.concatenate([done, added])
        return done

    def _run(self, run: str) -> int:
        found = self.runs.get(run)
        if found is None:
            found = self.runs[run] = len(self.stem)
            word = WORD.search(run)
            stem = content_stem(word.group()) if word else None
            self.stem.append(-1 if stem is None else self.stems.setdefault(stem, len(self.stems)))
            marker = TIME_MARKERS.search(run)
            self.marker.append(
                self.times.setdefault(marker.group(1).lower(), len(self.times)) if marker else 0
            )
            self.years.append(tuple(YEAR.findall(run)))
        return found


def interleave(first: Rows, second: Rows) -> Rows:
    """Each row of ``first`` followed by the same row of ``second``."""
    la, lb = first.lengths(), second.lengths()
    indptr = np.concatenate([[0], np.cumsum(la + lb)]).astype(np.int64)
    values = np.empty(int(indptr[-1]), dtype=np.int64)
    for rows, shift in ((first, indptr[:-1]), (second, indptr[:-1] + la)):
        owners = rows.owners()
        values[np.arange(len(rows.values)) - rows.indptr[owners] + shift[owners]] = rows.values
    return Rows(indptr, values)


def _distinct(rows: Rows) -> Rows:
    """Each row without its repeats, in order of first appearance."""
    owners = rows.owners()
    width = int(rows.values.max()) + 1 if len(rows.values) else 1
    firsts = np.sort(_firsts(owners * width + rows.values), kind="stable")
    return Rows.of(owners[firsts], rows.values[firsts], len(rows))


def _own_words(chosen: Sequence[Claim], scanner: _Scanner, id_of: Ints, figure: Ints) -> Rows:
    """Each claim's own words: the stems of its text and its figure, as ids (-1 for none). ``id_of``
    gives the ids of the sentences' stems; a stem first met here is in no sentence."""
    text_code, texts = _codes([c.text for c in chosen])
    text_rows = scanner.scan(texts)[0]
    known = len(id_of)
    ids = np.where(text_rows.values < known, id_of[np.minimum(text_rows.values, max(known - 1, 0))], -1)
    per_claim = Rows(text_rows.indptr, ids).take(text_code)
    owners = np.concatenate([per_claim.owners(), np.arange(len(chosen), dtype=np.int64)])
    return Rows.of(*_by_row(owners, np.concatenate([per_claim.values, figure])), len(chosen))


def _contexts(chosen: Sequence[Claim], sentence: Ints, sentence_words: Rows) -> tuple[Ints, Rows]:
    """Where each claim's context words are: its sentence's row of ``sentence_words``; for a count that
    refers back ("the number was 850", ``words.refers_back``), a row added after them that joins its
    sentence's words to those of the count it refers to (the nearest count of its noun before it, at
    most ``REFER_BACK`` sentences back in its document), as a reader reads it."""
    context = sentence.copy()
    added: list[tuple[int, ...]] = []
    last: dict[tuple[str, str], int] = {}  # the row of the latest count of (document, noun)
    for k, claim in enumerate(chosen):
        if claim.kind != "count" or not claim.unit:
            continue
        key = (claim.document, claim.unit)
        ref = last.get(key)
        if (
            ref is not None
            and 0 < sentence[k] - sentence[ref] <= REFER_BACK
            and refers_back(claim.sentence, claim.start - claim.sentence_start)
        ):
            at = int(context[ref])  # the count it refers to may refer back in turn: its row is added
            before = sentence_words.row(at) if at < len(sentence_words) else added[at - len(sentence_words)]
            joined = dict.fromkeys((*before, *sentence_words.row(int(sentence[k]))))
            context[k] = len(sentence_words) + len(added)
            added.append(tuple(joined))
        last[key] = k
    if not added:
        return context, sentence_words
    lengths = np.fromiter(map(len, added), dtype=np.int64, count=len(added))
    extra = Rows(
        np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64),
        np.fromiter((w for row in added for w in row), dtype=np.int64, count=int(lengths.sum())),
    )
    return context, Rows.join([sentence_words, extra])


def _claim_words(
    sentence: Ints,
    sentence_words: Rows,
    own: Rows,
    weight2: Floats,
    rank: Ints,
    shared: Bools,
    settings: Settings,
) -> tuple[Rows, Rows, Floats]:
    """Each claim's context words (its sentence's, its own left out), its probes and its norm, a chunk
    of claims at a time so that the arrays of one step stay small."""
    words, probes, norms = [], [], []
    width = len(weight2) + 1
    by_rank = np.argsort(rank)
    for start in range(0, len(sentence), CHUNK):
        part = sentence_words.take(sentence[start : start + CHUNK])
        owners = part.owners()
        mine = own.take(np.arange(start, min(start + CHUNK, len(sentence)), dtype=np.int64))
        kept = ~_among(owners * width + part.values, mine.owners() * width + mine.values)
        owners, values = owners[kept], part.values[kept]
        words.append(Rows.of(owners, values, len(part)))
        sums = np.bincount(owners, weights=weight2[values], minlength=len(part))  # in order, as ``sum``
        norm = np.sqrt(sums)
        norms.append(np.where(norm > 0, norm, 1.0))
        candidate = shared[values]
        keys = np.sort(owners[candidate] * width + rank[values[candidate]], kind="stable")
        by, ranked = keys // width, keys % width
        first = places(by) < settings.probe_words
        probes.append(Rows.of(by[first], by_rank[ranked[first]], len(part)))
    return Rows.join(words), Rows.join(probes), np.concatenate([np.zeros(0), *norms])


def _noun_pairs(heads: list[str]) -> Ints:
    """The pairs of head codes WordNet names one thing by (``profiles.same_noun``), each as
    ``low * len(heads) + high``, sorted."""
    code = {head: k for k, head in enumerate(heads)}
    keys = sorted(min(code[a], code[b]) * len(heads) + max(code[a], code[b]) for a, b in related_nouns(heads))
    return np.array(keys, dtype=np.int64)


def _fields(chosen: Sequence[Claim], settings: Settings) -> dict[str, Any]:
    """The columns read straight from each claim's fields and interval, and the counted nouns WordNet
    names one thing by ("individuals", "people")."""
    has_interval, low, high = intervals(chosen)
    read = attrgetter("kind", "unit", "qualifier", "value", "low", "equivalent_of")
    kinds, units_as_written, qualifiers, values, lows, equivalents = (
        (list(column) for column in zip(*map(read, chosen), strict=True))
        if chosen
        else ([], [], [], [], [], [])
    )
    periods = list(map(per_of, chosen))
    unit, units = _codes(units_as_written, empty_is_zero=True)
    per, pers = _codes(periods, empty_is_zero=True)
    # head_of reads the unit alone: each unit's head, coded in order of first use as the units are
    head_code: dict[str, int] = {}
    head = np.array([head_code.setdefault(head_of_unit(u), len(head_code)) for u in units], dtype=np.int64)
    rows = set(filter(None, equivalents))
    row_of = {c.id: k for k, c in enumerate(chosen) if c.id in rows} if rows else {}
    kind = np.array(list(map(KIND_CODES.__getitem__, kinds)), dtype=np.int64)
    qualifier_code = {q: k for k, q in enumerate(sorted(set(qualifiers), key=str))}
    qualifier = np.array(list(map(qualifier_code.__getitem__, qualifiers)), dtype=np.int64)
    bound_codes = np.array([qualifier_code[q] for q in BOUNDS if q in qualifier_code], dtype=np.int64)
    value = floats(values)
    return {
        "kind": kind,
        "unit": unit,
        "per": per,
        "per_period": np.array([p in PERIODS for p in pers], dtype=np.bool_)[per],
        "head": head[unit],
        "heads": list(head_code),
        "noun_pairs": _noun_pairs(list(head_code)) if settings.noun_synonyms else np.zeros(0, dtype=np.int64),
        "magnitude": _magnitudes(chosen, kind, low),
        "equivalent": _ints(row_of.get(e, -1) for e in equivalents) if rows else np.full(len(chosen), -1),
        "has_interval": has_interval,
        "low": low,
        "high": high,
        "vague": qualifier == qualifier_code.get("vague", -1),
        "bounded": np.isin(qualifier, bound_codes) | np.array([x is not None for x in lows], dtype=np.bool_),
        "has_value": ~np.isnan(value),
        "value": value,
        "scale": money_factors(chosen),
        **_story_offsets(chosen),
    }


def _story_offsets(chosen: Sequence[Claim]) -> dict[str, Floats]:
    """The columns ``offset_0`` to ``offset_3``: each bare clock time's story offsets, NaN past them."""
    table = np.full((len(chosen), MAX_STORY_ZONES), np.nan)
    for k, claim in enumerate(chosen):
        if claim.story_offsets:
            found = claim.story_offsets[:MAX_STORY_ZONES]
            table[k, : len(found)] = found
    return {f"offset_{z}": table[:, z].copy() for z in range(MAX_STORY_ZONES)}


def _magnitudes(chosen: Sequence[Claim], kind: Ints, low: Floats) -> Ints:
    """Codes, in order of first use, of a coarse key of each figure: a date's year ("~2023"), a clock
    time's day ("~2023-06-18": the times of one day are proposed to each other, whatever their zone
    and wording), or the power of ten of the interval's low end ("~6"), or "~" for neither."""
    powers = {x: f"~{math.floor(math.log10(x))}" for x in set(low[np.isfinite(low) & (low > 0)].tolist())}
    keys = [powers.get(x, "~") for x in low.tolist()]
    for k in np.flatnonzero(kind == KIND_CODES["date"]).tolist():
        keys[k] = f"~{(chosen[k].date or '')[:4]}"
    for k in np.flatnonzero(kind == KIND_CODES["time"]).tolist():
        keys[k] = f"~{chosen[k].date or ''}"
    return _codes(keys)[0]


def _anchors(
    chosen: Sequence[Claim],
    sentence: Ints,
    doc: Ints,
    years: dict[int, list[str]],
    times: dict[str, int],
    published: Sequence[str | None],
) -> dict[str, Any]:
    """Each claim's anchor, for claims that are not themselves years or dates: the year its sentence
    names nearest it, outside its own text (``sentence_year``), or names from the story's ("last
    year"), else
    (``implicit``) its document's story year: the year it was published in, or else the year most of
    its sentences name (a story published in 2024 that looks back at 2019 is still a story of 2024)."""
    anchor = np.zeros(len(chosen), dtype=np.int64)
    implicit = np.zeros(len(chosen), dtype=np.bool_)
    timeless = np.isin(np.array([KIND_CODES[c.kind] for c in chosen], dtype=np.int64), TIMELESS)
    doc_sentences: dict[int, set[int]] = {}
    for d, s in zip(doc.tolist(), sentence.tolist(), strict=True):
        doc_sentences.setdefault(d, set()).add(s)
    dated = sorted(day[:4] for day in published if day)  # once for the corpus, not per document
    middle = dated[len(dated) // 2] if dated else None
    stories = {
        d: _story_of(published[d], [years.get(s, []) for s in sorted(found)], middle)
        for d, found in doc_sentences.items()
    }
    for k in np.flatnonzero(~timeless).tolist():
        claim = chosen[k]
        named = years.get(int(sentence[k]))
        year = sentence_year(claim, named) if named else None
        if year is None:
            year = relative_year(claim.sentence, stories[int(doc[k])])
        if year is None:
            year = stories[int(doc[k])]
            implicit[k] = year is not None
        if year is not None:
            anchor[k] = times.setdefault(year, len(times))
    return {
        "anchor": anchor,
        "implicit": implicit,
        "projected": np.fromiter(map(projected, chosen), np.bool_, len(chosen)),
        "countdown": np.fromiter(map(countdown, chosen), np.bool_, len(chosen)),
        "assumed_day": np.fromiter((c.anchored_by == ASSUMED for c in chosen), np.bool_, len(chosen)),
        "personal": np.fromiter(map(personal, chosen), np.bool_, len(chosen)),
        "change": np.fromiter(map(change, chosen), np.bool_, len(chosen)),
        "up_to": np.fromiter((c.qualifier == "up_to" for c in chosen), np.bool_, len(chosen)),
    }


def _story_of(published: str | None, years: list[list[str]], middle: str | None) -> str | None:
    """The year a document's story is set in: the year it was published, else (sources of one story are
    written within days of each other) ``middle``, the middle publication year of the corpus's dated
    documents, when it names that year or none or the year most of its sentences name is more than
    ``FAR_YEARS`` from it (history told beside the story), else the year most of its sentences name.

    >>> _story_of(None, [["2019"], ["2019"], ["2024"]], "2024"), _story_of("2023-01-02", [], None)
    ('2024', '2023')
    >>> _story_of(None, [["1820", "1845"], ["1845"]], "2023"), _story_of(None, [["2019"]], "2024")
    ('2023', '2019')
    """
    if published:
        return published[:4]
    if middle is not None and (not any(years) or any(middle in found for found in years)):
        return middle
    named = story_year(years)
    if middle is not None and named is not None and abs(int(named) - int(middle)) > FAR_YEARS:
        return middle  # "the capital of the Kingdom of Hawaii from 1820 to 1845": history, not the story
    return named


TIMELESS = np.array([KIND_CODES["year"], KIND_CODES["date"]], dtype=np.int64)  # times themselves


def _doc_words(doc: Ints, words: Rows, is_figure: Bools, count: int, width: int) -> Rows:
    """The context words of all of each document's claims, figures left out, in ascending order; read
    CHUNK claims at a time (the words of all claims at once were a peak of grouping), each chunk's
    distinct keys kept, then those of all chunks."""
    parts = []
    for start in range(0, len(doc), CHUNK):
        lo, hi = words.indptr[start], words.indptr[min(start + CHUNK, len(doc))]
        values = words.values[lo:hi]
        owners = np.repeat(doc[start : start + CHUNK], np.diff(words.indptr[start : start + CHUNK + 1]))
        kept = ~is_figure[values]
        keys = owners[kept] * width + values[kept]
        parts.append(keys[_firsts(keys)])
    keys = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    keys = keys[_firsts(keys)]
    return Rows.of(keys // width, keys % width, count)


__all__ = [
    "FAMILY_CODES",
    "KIND_CODES",
    "Columns",
    "Rows",
    "columns_of",
    "interleave",
    "places",
    "profile_claims",
]
