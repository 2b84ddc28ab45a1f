"""Many claim pairs at once: the candidates a corpus proposes, and their scores, as array operations.

``group.Vocabulary.score`` says how surely two claims measure one thing; it is the reference and reads
well, but a corpus of a million claims proposes millions of pairs, and a Python call per pair costs
minutes. Here the same decision is taken for arrays of pairs: each claim's fields become a column
(``PairTable``), its context words a row of a sparse matrix, and a pair's score is a handful of
vectorised comparisons plus a sparse dot product. ``tests/test_pairs.py`` holds the two equal.

Candidates are found the same way: every claim lists its posting keys (its rarest shared words, its
figure, its power of ten, its counted noun), and one sparse product of claims by keys gives, for each
claim, the weight it shares with every other; each keeps its ``candidates`` best.

NumPy and SciPy do this work because a sparse matrix product and a gather of rows run in compiled
loops, a hundred times faster than the dictionaries they replace.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from factcheck.config import (
    APPROX_MARGIN,
    CLOSE_FIGURE,
    CONVERSION_MARGIN,
    DISTANCE_MARGIN,
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
from factcheck.group.columns import (
    FAMILY_CODES,
    KIND_CODES,
    Bools,
    Columns,
    Floats,
    Ints,
    Rows,
    interleave,
    places,
)
from factcheck.group.profiles import DAYS_PER_YEAR, FAR_RATIO, UNIT_SLIPS, WEAK_FIGURES
from factcheck.values import LOCAL_CLOCK, digit_slips, story_clock_meets

# Pairs scored per step (two steps at once), about 600 bytes of temporaries a pair: at 50,000 the
# steps were the peak of export on 10 MB of text (60 MB); more, smaller steps cost no measurable time.
CHUNK = 16_384
PROPOSERS = 20_000  # claims whose candidates' weights are quantised on one scale (``_best``)
# Claims whose candidates one sparse product finds, ~150 entries each: two products of 20,000 (one a
# thread) were the peak of export on 10 MB of text (25 MB). Each product is made twice, for the
# largest weight of its PROPOSERS and for the candidates: 0.02 s each on 10 MB.
PRODUCT_ROWS = 5_000
# Chunks worked on at once (NumPy and SciPy release the GIL), at most the cores this process may use;
# so at most THREADS chunks' arrays are alive together.
THREADS = min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
T = TypeVar("T")


def in_parallel(work: Callable[[int], T], starts: Sequence[int]) -> list[T]:
    """``[work(start) for start in starts]``, the chunks on up to ``THREADS`` threads. The chunks are
    independent and the results come back in order, so the outcome is the same as one after another."""
    if len(starts) < 2 or THREADS < 2:
        return [work(start) for start in starts]
    with ThreadPoolExecutor(min(THREADS, len(starts))) as pool:
        return list(pool.map(work, starts))


class _Side(NamedTuple):
    """One side of many pairs: each claim's codes and values, gathered in one step (one row of a
    matrix per claim, so one cache line, not one per column)."""

    sentence: Ints
    family: Ints
    kind: Ints  # codes of KIND_CODES
    unit: Ints
    per: Ints
    head: Ints
    anchor: Ints
    marker: Ints
    subject: Ints  # mask of the codes of the names beside the claim, 0 for none
    day: Ints  # the day the sentence sets the claim on, 0 for none
    published_day: Ints  # the day its document was published, 0 for none
    state: Ints  # code of the state a count of people is in, 0 for none
    source: Ints  # code of the name its sentence gives it to, 0 for none
    equivalent: Ints  # row of the claim this one restates, -1 if none
    flags: Ints  # bits of _FLAGS
    low: Floats
    high: Floats
    rarity: Floats
    value: Floats  # as stated, NaN for none
    scale: Floats  # a sum's factor to EUR: its interval over it is the sum as stated
    offset_0: Floats  # a bare clock time's story offsets (``Claim.story_offsets``), NaN past its own
    offset_1: Floats
    offset_2: Floats
    offset_3: Floats

    def offsets(self) -> Floats:
        """The story offsets as rows x zones."""
        found: Floats = np.stack([self.offset_0, self.offset_1, self.offset_2, self.offset_3], axis=1)
        return found

    def flag(self, name: str) -> Bools:
        found: Bools = (self.flags & (1 << _FLAGS.index(name))) != 0
        return found


_CODES = _Side._fields[: _Side._fields.index("flags")]


_FLAGS = (
    "per_period",
    "has_interval",
    "vague",
    "bounded",
    "has_value",
    "implicit",
    "projected",
    "countdown",
    "assumed_day",
    "personal",
    "up_to",
    "superseding",
    "interim",
    "change",
)
_VALUES = ("low", "high", "rarity", "value", "scale", "offset_0", "offset_1", "offset_2", "offset_3")
_KIND = _CODES.index("kind")


@dataclass(frozen=True, slots=True)
class PairTable:
    """The claims' columns, packed, and their words as sparse matrices; row k is row k of the ``Columns``."""

    codes: NDArray[np.int64]  # claims x the integer columns of a ``_Side``, its flags last
    values: Floats  # claims x low, high, rarity, value
    doc: Ints
    norm: Floats
    weighted: sparse.csr_matrix  # claims x words, IDF weight squared
    present: sparse.csr_matrix  # claims x words, 1 where the word is there
    doc_weighted: sparse.csr_matrix  # documents x words, for same_story
    doc_present: sparse.csr_matrix
    doc_norm: Floats
    subject_codes: Ints  # claims x SLOTS (``Columns.subject_codes``), read only where masks meet
    subject_words: Ints  # claims x SLOTS (``Columns.subject_words``), read only for two subjects
    noun_pairs: Ints  # ``Columns.noun_pairs``: related heads, as low * nouns + high
    nouns: int  # how many heads there are

    @classmethod
    def of(cls, cols: Columns) -> PairTable:
        """The table of the columns' claims: their columns packed, their words as sparse matrices."""
        size = len(cols.weight2)
        weighted, present = _matrices(
            cols.words.indptr, cols.words.values.astype(np.int32), cols.weight2, size
        )
        doc_weighted, doc_present = _matrices(
            cols.doc_words.indptr, cols.doc_words.values.astype(np.int32), cols.weight2, size
        )
        doc_norm = np.sqrt(np.asarray(doc_weighted.sum(axis=1)).ravel())
        flags = sum(
            (getattr(cols, name).astype(np.int64) << bit for bit, name in enumerate(_FLAGS)), np.int64(0)
        )
        return cls(
            codes=np.stack([*(getattr(cols, name) for name in _CODES), flags], axis=1),
            subject_codes=cols.subject_codes,
            subject_words=cols.subject_words,
            noun_pairs=cols.noun_pairs,
            nouns=len(cols.heads),
            values=np.stack([getattr(cols, name) for name in _VALUES], axis=1),
            doc=cols.doc,
            norm=cols.norm,
            weighted=weighted,
            present=present,
            doc_weighted=doc_weighted,
            doc_present=doc_present,
            doc_norm=np.where(doc_norm > 0, doc_norm, 1.0),
        )

    def side(self, rows: Ints) -> _Side:
        """The claims of these rows, as one side of pairs."""
        return _Side(*self.codes[rows].T, *self.values[rows].T)

    def meet(self, i: Ints, j: Ints) -> Bools:
        """``compare.claims_meet`` for each pair of rows: whether both values can hold."""
        with np.errstate(invalid="ignore"):
            x, y = self.side(i), self.side(j)
            return _meet(x, y, i, j, _day_shift(x, y))

    def meet_one(self, i: int, j: int) -> bool:
        return bool(self.meet(np.array([i]), np.array([j]))[0])

    def scores(self, i: Ints, j: Ints) -> Floats:
        """``Vocabulary.score(items[i], items[j])`` for each pair of rows."""
        out = np.empty(len(i), dtype=np.float64)

        def score(start: int) -> None:
            out[start : start + CHUNK] = self._scores(i[start : start + CHUNK], j[start : start + CHUNK])

        in_parallel(score, range(0, len(i), CHUNK))
        return out

    def linkage_scores(self, i: Ints, j: Ints, at: Ints) -> Floats:
        """``scores`` for pairs in runs that start at ``at``, as a linkage reads them: a run holding an
        impossible pair is vetoed whatever its other pairs score, so those are left unscored (NaN)."""
        return self.linkage(i, j, at)[0]

    def linkage(self, i: Ints, j: Ints, at: Ints) -> tuple[Floats, Bools]:
        """``linkage_scores``, and ``meet`` of each pair, both found from one read of the pairs' fields
        (``CHUNK`` pairs at a time: a block of edges' samples may hold 200,000 pairs)."""
        if len(i) <= CHUNK:
            settled, bonus, figure, compatible = self._settled(i, j)
        else:
            parts = [self._settled(i[s : s + CHUNK], j[s : s + CHUNK]) for s in range(0, len(i), CHUNK)]
            settled, bonus, figure, compatible = (
                np.concatenate(column) for column in zip(*parts, strict=True)
            )
        vetoed = np.logical_or.reduceat(settled <= -1.0, at) if len(at) else np.zeros(0, dtype=np.bool_)
        live = np.isnan(settled) & ~np.repeat(vetoed, np.diff(np.append(at, len(i))))
        out = settled.copy()
        for start in range(0, len(i), CHUNK):
            part = np.flatnonzero(live[start : start + CHUNK]) + start
            out[part] = self._by_words(i[part], j[part], bonus[part], figure[part])
        return out, compatible

    def _scores(self, i: Ints, j: Ints) -> Floats:
        settled, bonus, figure, _ = self._settled(i, j)
        live = np.flatnonzero(np.isnan(settled))
        settled[live] = self._by_words(i[live], j[live], bonus[live], figure[live])
        return settled

    def _settled(self, i: Ints, j: Ints) -> tuple[Floats, Floats, Floats, Bools]:
        """What the claims' fields alone say of each pair: its score where they settle it (1 for a
        restatement, -1 for an impossible pair, NaN otherwise), what the counted noun and the figures
        add to the shared words' cosine, and whether both values can hold."""
        x, y = self.side(i), self.side(j)
        kind = x.kind
        with np.errstate(invalid="ignore", divide="ignore"):
            shift = _day_shift(x, y)
            compatible = _meet(x, y, i, j, shift)
            fig, slip = _affinity(x, y, compatible, shift)
        fig = np.where(fig > 0, fig * np.minimum(x.rarity, y.rarity), fig)
        vague = x.flag("vague") | y.flag("vague")  # "multi-million" allows the other: no time of its own
        fig = np.where(_story_apart(x, y) & (~compatible | ~vague), fig - STORY_APART, fig)
        fig = np.where(~compatible & (x.flag("projected") != y.flag("projected")), fig - MODALITY_APART, fig)
        shared = self._shared_subject(x, y, i, j)
        apart = (x.subject != 0) & (y.subject != 0) & ~shared & ~compatible  # two subjects ...
        if apart.any():  # ... unless one sentence names the other's subject too
            apart[apart] = ~self._mentioned(i[apart], j[apart])
        fig = np.where(apart, fig - SUBJECT_APART, fig)
        measured = x.flag("has_interval") & y.flag("has_interval")
        impossible = (
            ((x.sentence == y.sentence) & ~_two_sources(x, y))
            | (x.family != y.family)
            | ~_same_per(x, y)
            | ((kind == KIND_CODES["count"]) & ~self._same_noun(x.head, y.head) & (fig < SAME_FIGURE) & ~slip)
            | (np.isin(kind, MEASURED) & ~measured)
            | (~compatible & ~_same_time(x, y))
            | (~compatible & (self.doc[i] == self.doc[j]) & ~_two_sources(x, y))
            | ((x.state > 0) & (y.state > 0) & (x.state != y.state))  # "99 killed", "1,000 missing"
            | (x.flag("change") != y.flag("change"))  # "risen by four metres", "stood at 4.5 metres"
            | (_clock_and_instant(x, y) & np.isnan(x.offset_0) & np.isnan(y.offset_0))
            | (~compatible & np.isin(kind, TIMES) & _far_times(x, y))
        )
        bonus = np.where(
            (x.head > 0) & (x.head == y.head) & np.isin(kind, COUNTED) & ~x.flag("personal"), UNIT_BONUS, 0.0
        )
        bonus += np.where(shared, SUBJECT_BONUS, 0.0)
        settled = np.where(impossible, -1.0, np.nan)
        settled[(x.equivalent == j) | (y.equivalent == i)] = 1.0
        return settled, bonus, fig, compatible

    def _same_noun(self, a: Ints, b: Ints) -> Bools:
        """``profiles.same_noun`` of head codes: the same, or a pair WordNet relates."""
        same: Bools = a == b
        if len(self.noun_pairs):
            keys = np.minimum(a, b) * self.nouns + np.maximum(a, b)
            same |= np.isin(keys, self.noun_pairs)
        return same

    def _mentioned(self, i: Ints, j: Ints) -> Bools:
        """``profiles._mentioned`` of pairs of rows: a subject word of one among the other's words."""
        found = np.zeros(len(i), dtype=np.bool_)
        for mine, theirs in ((i, j), (j, i)):
            words = self.subject_words[mine]  # pairs x SLOTS
            pair, slot = np.nonzero(words >= 0)
            if len(pair):
                hit = np.asarray(self.present[theirs[pair], words[pair, slot]]).ravel() != 0
                found[pair[hit]] = True
        return found

    def _shared_subject(self, x: _Side, y: _Side, i: Ints, j: Ints) -> Bools:
        """Whether the two claims' subjects share a name: where their masks share a bit, by their
        codes (read only for those pairs; a code's slots are ascending, zeros last)."""
        shared: Bools = (x.subject & y.subject) != 0
        maybe = np.flatnonzero(shared)
        if len(maybe):
            mine, theirs = self.subject_codes[i[maybe]], self.subject_codes[j[maybe]]
            width = int(max((mine > 0).sum(axis=1).max(), (theirs > 0).sum(axis=1).max()))
            found = np.zeros(len(maybe), dtype=np.bool_)
            for a in range(width):
                for b in range(width):
                    found |= (mine[:, a] == theirs[:, b]) & (mine[:, a] > 0)
            shared[maybe] = found
        return shared

    def _by_words(self, i: Ints, j: Ints, bonus: Floats, figure: Floats) -> Floats:
        """The score of pairs the fields leave open: the cosine of their context words plus ``bonus``
        and ``figure``, or 0 for claims that share no context word and come from documents of two
        stories, or are of a kind whose figures are weak evidence (``WEAK_FIGURES``)."""
        sim = _dots(self.weighted, self.present, i, j) / (self.norm[i] * self.norm[j])
        score = sim + bonus + figure
        wordless = sim < MIN_CONTEXT
        weak = np.isin(self.codes[i, _KIND], WEAK_FIGURE_KINDS)
        score[wordless & weak] = 0.0
        unsure = np.flatnonzero(wordless & ~weak)
        if len(unsure):
            score[unsure[~self._same_story(self.doc[i[unsure]], self.doc[j[unsure]])]] = 0.0
        return score

    def _same_story(self, a: Ints, b: Ints) -> Bools:
        """``Vocabulary.same_story`` for pairs of document codes, each distinct pair computed once."""
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        base = len(self.doc_norm) + 1
        keys, back = np.unique(lo * base + hi, return_inverse=True)
        da, db = keys // base, keys % base
        cosine = _dots(self.doc_weighted, self.doc_present, da, db) / (self.doc_norm[da] * self.doc_norm[db])
        found = (da == db) | (cosine >= SAME_STORY)
        return np.asarray(found[back.ravel()], dtype=np.bool_)


def _two_sources(x: _Side, y: _Side) -> Bools:
    """``profiles._two_sources``: two named sources, each giving its own figure."""
    two: Bools = (x.source > 0) & (y.source > 0) & (x.source != y.source)
    return two


def _meet(x: _Side, y: _Side, i: Ints, j: Ints, shift: Floats) -> Bools:
    """``values.claims_meet`` of rows i and j: the intervals overlap, with slack between two units; two
    sums in one currency compare as stated; a restatement meets what it restates. ``shift`` moves y's
    time to the day nearest x's where a day is only assumed (``_day_shift``)."""
    stated = (x.kind == KIND_CODES["money"]) & (x.unit == y.unit) & (x.unit > 0)
    sx, sy = np.where(stated, x.scale, 1.0), np.where(stated, y.scale, 1.0)
    maxima = x.flag("up_to") & y.flag("up_to")  # ``values.maximum``: two maxima compare as figures
    (xl, xh), (yl, yh) = _span(x, maxima), _span(y, maxima)
    low = np.maximum(xl / sx, (yl + shift) / sy)
    high = np.minimum(xh / sx, (yh + shift) / sy)
    margin = np.where(
        x.unit == y.unit,
        0.0,
        np.where(
            x.kind == KIND_CODES["money"],
            CONVERSION_MARGIN,
            np.where(np.isin(x.kind, CONVERTED), DISTANCE_MARGIN, 0.0),
        ),
    )
    scale = np.maximum(np.maximum(np.abs(high), np.abs(low)), 1e-9)
    slack = np.where(margin > 0, margin * scale, 0.0)
    meet = np.where(np.isfinite(high), low <= high + slack, low <= high)
    mixed = _clock_and_instant(x, y)
    if mixed.any():  # ``values.read_in_story_zones``: a bare clock read in the story's zones
        bare_x = x.low >= LOCAL_TIME
        m = np.flatnonzero(mixed)
        bx = bare_x[m]
        bare_low, bare_high = np.where(bx, x.low[m], y.low[m]), np.where(bx, x.high[m], y.high[m])
        at_low, at_high = np.where(bx, y.low[m], x.low[m]), np.where(bx, y.high[m], x.high[m])
        offsets = np.where(bx[:, None], x.offsets()[m], y.offsets()[m])
        meet[m] = story_clock_meets(
            (bare_low + bare_high) / 2 - LOCAL_CLOCK,
            (bare_high - bare_low) / 2,
            (at_low + at_high) / 2,
            (at_high - at_low) / 2,
            offsets,
        )
    found: Bools = (
        (meet & x.flag("has_interval") & y.flag("has_interval")) | (x.equivalent == j) | (y.equivalent == i)
    )
    return found


def _span(side: _Side, maxima: Bools) -> tuple[Floats, Floats]:
    """A side's interval, or about its high end where it is one of two maxima (``values.maximum``)."""
    low = np.where(maxima, side.high * (1 - APPROX_MARGIN), side.low)
    return low, np.where(maxima, side.high * (1 + APPROX_MARGIN), side.high)


def _day_shift(x: _Side, y: _Side) -> Floats:
    """The whole days that put y's time nearest x's where either's day is only assumed
    (``values._nearest_day``), else 0."""
    wrap = (
        (x.kind == KIND_CODES["time"])
        & (x.flag("assumed_day") | y.flag("assumed_day"))
        & (x.low < LOCAL_TIME)
    )
    with np.errstate(invalid="ignore"):
        days = np.round((x.low - y.low) / 1440)
    shift: Floats = np.where(wrap & np.isfinite(days), days * 1440, 0.0)
    return shift


def _affinity(x: _Side, y: _Side, compatible: Bools, shift: Floats) -> tuple[Floats, Bools]:
    """``profiles._affinity``: what two figures say of being one measure; and ``profiles._is_slip``.
    ``shift`` is ``_day_shift`` of the pairs."""
    mid_i = (x.low + x.high) / 2
    mid_j = (y.low + y.high) / 2
    ratio = np.maximum(mid_i, mid_j) / np.minimum(mid_i, mid_j)
    stated = np.where(  # the ratio as stated, in one unit: a sum converted at two days' rates moves
        (x.unit == y.unit) & (np.minimum(x.value, y.value) > 0),
        np.maximum(x.value, y.value) / np.minimum(x.value, y.value),
        ratio,
    )
    power = 10.0 ** np.round(np.log10(stated))
    slipped = (
        ((power >= 100) & (np.abs(stated / power - 1) <= SLIP_TOLERANCE))
        | (np.isin(x.kind, UNIT_SLIP_KINDS) & (x.value == y.value) & (x.unit != y.unit))
        | ((x.unit == y.unit) & ~np.isin(x.kind, CLOCKS) & digit_slips(x.value, y.value))
    )
    by_ratio = np.select(
        [(ratio <= 1.006) | compatible, slipped, ratio <= 1.15, ratio <= 1.5, ratio <= FAR_RATIO],
        [SAME_FIGURE, SLIP, NEAR_FIGURE, CLOSE_FIGURE, -0.05],
        FAR_FIGURE,
    )
    other = [
        x.flag("vague") | y.flag("vague") | ~x.flag("has_interval") | ~y.flag("has_interval"),
        np.isin(x.kind, TIMES),
        x.kind == KIND_CODES["time"],
        x.flag("bounded") | y.flag("bounded"),
        ~(x.flag("has_value") & y.flag("has_value")),
        (mid_i <= 0) | (mid_j <= 0),
    ]
    figure: Floats = np.select(
        other,
        [
            0.0,
            np.where(
                compatible,
                SAME_FIGURE,
                np.where((x.kind == KIND_CODES["date"]) & _near_days(x, y), NEAR_DAY, OTHER_DAY),
            ),
            np.where(
                compatible,
                SAME_FIGURE,
                np.where(
                    (np.abs(x.low - y.low - shift) <= NEAR_TIME_MINUTES)
                    & (x.low < LOCAL_TIME)
                    & (y.low < LOCAL_TIME),
                    NEAR_TIME,
                    OTHER_DAY,
                ),
            ),
            np.where(
                compatible,
                np.where(_same_figure(x, y), SAME_FIGURE, 0.0),
                np.where(_bound_ratio(x, y) > FAR_RATIO, FAR_FIGURE, -0.1),
            ),
            0.0,
            np.where(compatible, SAME_FIGURE, 0.0),
        ],
        by_ratio,
    )
    slip: Bools = slipped & ~((ratio <= 1.006) | compatible) & ~np.logical_or.reduce(other)
    return figure, slip


def _bound_ratio(x: _Side, y: _Side) -> Floats:
    """``profiles._bound_ratio``: the ratio of two intervals' finite ends' sizes."""
    ex = np.abs(np.where(np.isfinite(x.high), x.high, x.low))
    ey = np.abs(np.where(np.isfinite(y.high), y.high, y.low))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio: Floats = np.where(np.minimum(ex, ey) > 0, np.maximum(ex, ey) / np.minimum(ex, ey), np.inf)
    return ratio


def _clock_and_instant(x: _Side, y: _Side) -> Bools:
    """Pairs of times of which one is a bare clock reading (``LOCAL_TIME``) and the other an instant."""
    mixed: Bools = (x.kind == KIND_CODES["time"]) & ((x.low >= LOCAL_TIME) != (y.low >= LOCAL_TIME))
    return mixed


def _near_days(x: _Side, y: _Side) -> Bools:
    """Two single days at most ``NEAR_DAYS`` apart (``profiles._calendar_affinity``)."""
    one_day = (x.low == x.high) & (y.low == y.high)
    near: Bools = one_day & (np.maximum(x.low - y.high, y.low - x.high) <= NEAR_DAYS)
    return near


def _far_times(x: _Side, y: _Side) -> Bools:
    """``profiles._far_times``: years or dates more than ``FAR_YEARS`` apart."""
    per_year = np.where(x.kind == KIND_CODES["year"], 1.0, DAYS_PER_YEAR)
    far: Bools = np.maximum(x.low - y.high, y.low - x.high) > FAR_YEARS * per_year
    return far


def _same_figure(x: _Side, y: _Side) -> Bools:
    """The same figure as stated, in the same unit (or two counts, both bounds): "over £10bn" and
    "£10 billion", "more than 2,200 buildings" and "more than 2,200 structures"; not of a kind whose
    figures are weak evidence (``WEAK_FIGURES``)."""
    both = x.flag("bounded") & y.flag("bounded")  # "200 prisoners" is no "more than 200 inmates"
    unit = (x.unit == y.unit) | ((x.kind == KIND_CODES["count"]) & both)
    same: Bools = (x.value == y.value) & unit & ~np.isin(x.kind, WEAK_FIGURE_KINDS)
    return same


def _story_apart(x: _Side, y: _Side) -> Bools:
    """``profiles._story_apart``: a named year against the other document's story year."""
    ix, iy = x.flag("implicit"), y.flag("implicit")
    apart: Bools = (x.anchor > 0) & (y.anchor > 0) & (x.anchor != y.anchor) & (ix != iy)
    return apart


def _same_per(x: _Side, y: _Side) -> Bools:
    """``profiles._same_per``: the same period, or two rates per head."""
    heads = (x.per > 0) & (y.per > 0) & ~x.flag("per_period") & ~y.flag("per_period")
    same: Bools = (x.per == y.per) | heads
    return same


def _same_time(x: _Side, y: _Side) -> Bools:
    """``profiles._same_time``: not two years the sentences name, not two markers, not a marker
    against a named year, not two named days."""
    ix, iy = x.flag("implicit"), y.flag("implicit")
    years = (x.anchor > 0) & (y.anchor > 0) & (x.anchor != y.anchor) & ~(ix | iy)
    markers = (x.marker > 0) & (y.marker > 0) & (x.marker != y.marker)
    marker_x, marker_y = (x.marker > 0) & ((x.anchor == 0) | ix), (y.marker > 0) & ((y.anchor == 0) | iy)
    year_x, year_y = (x.anchor > 0) & ~ix & (x.marker == 0), (y.anchor > 0) & ~iy & (y.marker == 0)
    countdowns = x.flag("countdown") & y.flag("countdown")  # two readings of a countdown: two moments
    running = np.isin(x.kind, RUNNING_KINDS)  # ``profiles._earlier_reading``: "now 240", "412 in total"
    earlier = running & ((x.flag("interim") & (x.high < y.low)) | (y.flag("interim") & (y.high < x.low)))
    days = (x.day > 0) & (y.day > 0) & (x.day != y.day)  # a running total's readings on two days
    read_x, read_y = np.where(x.day > 0, x.day, x.published_day), np.where(y.day > 0, y.day, y.published_day)
    stale = (
        (x.kind == KIND_CODES["count"])
        & ix
        & iy
        & ((x.state > 0) | (y.state > 0))
        & (read_x > 0)
        & (read_y > 0)
        & (np.abs(read_x - read_y) > RUNNING_DAYS)
    )
    # "earlier this month" in a story of 2025 may be the "4 March 2025" another sentence names
    superseded = x.flag("superseding") | y.flag("superseding")
    marked = ((marker_x & year_y) | (marker_y & year_x)) & ((x.anchor != y.anchor) | superseded)
    apart: Bools = years | markers | marked | countdowns | earlier | days | stale
    return ~apart


def candidate_pairs(cols: Columns, *, settings: Settings) -> tuple[Ints, Ints]:
    """Pairs (i, j), i < j, each proposed by one of the two claims among its best-sharing candidates.

    A claim reads the postings of its keys, rarest first, until it has read ``visits`` entries (the
    first key is always read); a word shared by more than ``max_postings`` claims, or a figure, power
    of ten or noun shared by more than ``coarse_postings``, proposes nothing. Each claim it meets
    earns the weight of the key: the word's IDF squared, or for a coarse key the same weight computed
    from its postings. A claim keeps the ``candidates`` that earned most, the lower row first on a tie.
    """
    n = len(cols)
    if n < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    matrices = _asks(cols, settings=settings)
    if matrices is None:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    asks, posted = matrices

    def product(start: int) -> sparse.csr_matrix:
        return (asks[start : start + PRODUCT_ROWS] @ posted).tocsr()

    def propose(start: int) -> Ints:
        """The pairs the claims from ``start`` propose, as lower row * n + higher row. Their weights are
        quantised on one scale, the largest weight of the ``PROPOSERS`` claims; the products are made
        ``PRODUCT_ROWS`` claims at a time, once for that largest weight and once for the candidates."""
        starts = range(start, min(start + PROPOSERS, n), PRODUCT_ROWS)
        top = max(_top(product(first), first) for first in starts)
        chosen = [_best(product(first), first, settings.candidates, top=top) for first in starts]
        rows, others = np.concatenate([r for r, _ in chosen]), np.concatenate([o for _, o in chosen])
        found: Ints = np.minimum(rows, others) * n + np.maximum(rows, others)
        return found

    pairs = np.sort(np.concatenate(in_parallel(propose, range(0, n, PROPOSERS))), kind="stable")
    pairs = pairs[np.concatenate([[True], pairs[1:] != pairs[:-1]])]
    return pairs // n, pairs % n


def _asks(cols: Columns, *, settings: Settings) -> tuple[sparse.csr_matrix, sparse.csr_matrix] | None:
    """What each claim asks for (its keys within the reading budget, weighted) and each key's postings,
    as sparse matrices; None when no key is shared. A function of its own, so that the columns it is
    made from are freed before the products, which are the peak of grouping's memory."""
    n = len(cols)
    owner, key, coarse = _keys(cols)
    subject = places(owner) == 0  # a claim's first key is its subject's (``_keys``)
    length = np.bincount(key)[key]
    valid = (length >= 2) & (length <= np.where(coarse, settings.coarse_postings, settings.max_postings))
    owner, key, coarse, length, subject = (
        owner[valid],
        key[valid],
        coarse[valid],
        length[valid],
        subject[valid],
    )
    if not len(owner):
        return None
    place = places(owner)  # owner is sorted: 0 for the first key of its claim
    read = np.cumsum(length)
    read -= (read - length)[np.arange(len(owner)) - place]
    # The first key is always read; after it, reading stops at the first key over the budget, and
    # since ``read`` only grows, the keys within it are the ones before that.
    keep = (read <= settings.visits) | (place == 0)
    word = np.where(coarse, 0, key // _FAMILIES)
    weight = np.where(coarse, np.log1p(n / length) ** 2, cols.weight2[word])
    # A subject shared is as strong a proposal as the rarest word: the names beside two figures say
    # more about what they measure than the rest of their sentences.
    weight = np.where(subject, max(float(cols.weight2.max(initial=0.0)), float(weight.max())), weight)
    shape = (n, int(key.max()) + 1)
    asks = sparse.csr_matrix((weight[keep], (owner[keep], key[keep])), shape=shape)
    holds = sparse.csr_matrix((np.ones(len(owner)), (owner, key)), shape=shape)
    holds.data[:] = 1.0  # a claim listing a key twice holds it once
    return asks, holds.T.tocsr()


_FAMILIES = max(FAMILY_CODES.values()) + 1  # room for every family code in a posting key
_COARSE = 3  # keys after a claim's probe words: its figure, power of ten and counted noun


def _keys(cols: Columns) -> tuple[Ints, Ints, Bools]:
    """Each claim's posting keys in reading order, as (claim row, key, whether coarse) columns: its
    subject (the names beside it), its probe words, then its figure, its magnitude and its counted
    noun. The subject is read first: "$24.5 million" of "while the US has pledged $24.5 million" finds
    "the US pledged $17.5 million" however little else the sentences share. A key is a token and the
    claim's family; the tokens are word ids, then magnitudes' codes, then nouns' codes, then subjects'
    (a claim with no subject gets a token of its own, which proposes nothing)."""
    n = len(cols)
    words = len(cols.weight2)
    magnitudes = int(cols.magnitude.max()) + 1
    heads = int(cols.head.max()) + 1
    coarse_tokens = np.stack([cols.figure, words + cols.magnitude, words + magnitudes + cols.head], axis=1)
    coarse_rows = Rows(np.arange(0, _COARSE * n + 1, _COARSE, dtype=np.int64), coarse_tokens.ravel())
    subjects, subject = np.unique(cols.subject_codes, axis=0, return_inverse=True)
    subject = np.where(cols.subject == 0, len(subjects) + np.arange(n), subject.ravel())
    subject_rows = Rows(np.arange(n + 1, dtype=np.int64), words + magnitudes + heads + subject)
    tokens = interleave(subject_rows, interleave(cols.probes, coarse_rows))
    owners = tokens.owners()
    per_claim = tokens.lengths()
    place = np.arange(len(owners)) - tokens.indptr[owners]
    coarse = (place == 0) | (place >= (per_claim - _COARSE)[owners])
    return owners, tokens.values * _FAMILIES + cols.family[owners], coarse


def _top(shared: sparse.csr_matrix, offset: int) -> float:
    """The largest entry, each row's own column left out; 0 for none."""
    indptr = shared.indptr.astype(np.int64)
    top = 0.0
    for first, last in _slices(indptr, _BEST_CELLS):
        _, _, values = _entries(shared, indptr, first, last, offset)
        if len(values):
            top = max(top, float(values.max()))
        del values  # before the next slice's are made
    return top


def _best(shared: sparse.csr_matrix, offset: int, k: int, *, top: float | None = None) -> tuple[Ints, Ints]:
    """The ``k`` columns of each row with the largest values, the row itself left out, lower first on ties.

    Each entry becomes one integer, its value falling (quantised to 31 bits of ``top``, by default the
    largest) above its
    column, so that the smallest integers of a row are its best entries, ties to the lower column. The
    rows are laid out as a dense matrix, a slice of rows at a time, and each row's ``k`` smallest are
    selected in linear time (``np.partition``) instead of sorting every entry. The entries are read
    from ``shared`` a slice at a time too: arrays of all of them at once were most of the peak memory
    of grouping (eight arrays of 1.2 million entries, in each of two threads, for 50,000 claims)."""
    width = max(int(shared.shape[1] - 1).bit_length(), 1)
    if width + 32 > 62:  # too wide to pack: sort the entries instead
        return _best_sorted(shared, offset, k, top=top)
    indptr = shared.indptr.astype(np.int64)
    n = shared.shape[0]
    tops, span = [], 0  # each slice's largest value, and the longest row, the row itself left out
    for first, last in _slices(indptr, _BEST_CELLS):
        rows, _, values = _entries(shared, indptr, first, last, offset)
        if len(rows):
            tops.append(float(values.max()))
            span = max(span, int(np.bincount(rows - first).max()))
        del rows, values  # before the next slice's are made
    if not span:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    top = (max(tops) if top is None else top) or 1.0
    span = max(span, k)
    step = max(1, _BEST_CELLS // span)
    found_rows: list[Ints] = []
    found_cols: list[Ints] = []
    for first in range(0, n, step):
        last = min(first + step, n)
        rows, cols, values = _entries(shared, indptr, first, last, offset)
        falling = np.int64(2**31) - np.rint(values * (2**31 / top)).astype(np.int64)
        dense = np.full((last - first, span), _EMPTY, dtype=np.int64)
        dense[rows - first, places(rows - first)] = falling << width | cols
        if span > k:
            dense = np.partition(dense, k - 1, axis=1)[:, :k]
        filled = dense != _EMPTY
        found_rows.append(np.nonzero(filled)[0] + first + offset)
        found_cols.append(dense[filled] & ((1 << width) - 1))
        del rows, cols, values, falling, dense, filled  # before the next slice's are made
    return np.concatenate(found_rows), np.concatenate(found_cols)


def _slices(indptr: NDArray[np.int64], entries: int) -> list[tuple[int, int]]:
    """Consecutive slices of rows, each of at most ``entries`` entries (or one row, if longer)."""
    n = len(indptr) - 1
    found, first = [], 0
    while first < n:
        last = int(np.searchsorted(indptr, indptr[first] + entries, side="right")) - 1
        last = min(max(last, first + 1), n)
        found.append((first, last))
        first = last
    return found


def _entries(
    shared: sparse.csr_matrix, indptr: NDArray[np.int64], first: int, last: int, offset: int
) -> tuple[Ints, Ints, Floats]:
    """The entries of rows ``first`` to ``last`` (rows, columns, values), each row's own column left out."""
    lo, hi = indptr[first], indptr[last]
    rows = np.repeat(np.arange(first, last, dtype=np.int64), np.diff(indptr[first : last + 1]))
    cols = shared.indices[lo:hi].astype(np.int64)
    other = cols != rows + offset
    return rows[other], cols[other], shared.data[lo:hi][other]


def _best_sorted(
    shared: sparse.csr_matrix, offset: int, k: int, *, top: float | None = None
) -> tuple[Ints, Ints]:
    """``_best`` by sorting every entry: for a matrix too wide to pack a column beside its value."""
    rows, cols, values = _entries(shared, shared.indptr.astype(np.int64), 0, shared.shape[0], offset)
    if not len(rows):
        return rows, cols
    top = (float(values.max()) if top is None else top) or 1.0
    falling = np.int64(2**31) - np.rint(values * (2**31 / top)).astype(np.int64)
    order = np.lexsort((cols, falling, rows))
    rows, cols = rows[order], cols[order]
    keep = places(rows) < k
    return rows[keep] + offset, cols[keep]


_CELLS = 1 << 18  # words of the pairs' rows gathered at once (``_dots``)
# Cells of the dense matrix one slice of rows is laid out in, and entries read at once (``_best``): a
# slice's arrays are 1.5 MB (at 1 << 18 they were a tenth of export's peak on 10 MB, in two threads).
# Any size picks the same entries: each row's are chosen among its own.
_BEST_CELLS = 1 << 16
_EMPTY = np.iinfo(np.int64).max


def _dots(weighted: sparse.csr_matrix, present: sparse.csr_matrix, i: Ints, j: Ints) -> Floats:
    """For each pair, the weight of the words rows i and j share; the rows are gathered a slice of
    pairs at a time, ``_CELLS`` words at most (the rows of two documents hold hundreds each)."""
    if len(i) == 0:
        return np.zeros(0)
    lengths = np.diff(weighted.indptr)[i] + np.diff(present.indptr)[j]
    ends = np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)])
    return np.concatenate(
        [
            np.asarray(weighted[i[a:b]].multiply(present[j[a:b]]).sum(axis=1), dtype=np.float64).ravel()
            for a, b in _slices(ends, _CELLS)
        ]
    )


def _matrices(
    indptr: NDArray[np.int64], indices: NDArray[np.int32], w2: Floats, size: int
) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """Rows of word ids as two sparse matrices: their IDF weights squared, and 1 (one byte) where present;
    the two share their index arrays."""
    shape = (len(indptr) - 1, size)
    indptr = indptr.astype(np.int32) if indptr[-1] < 2**31 else indptr
    weighted = sparse.csr_matrix((w2[indices], indices, indptr), shape=shape)
    present = sparse.csr_matrix(
        (np.ones(len(indices), dtype=np.int8), weighted.indices, weighted.indptr), shape=shape
    )
    return weighted, present


MEASURED = np.array([KIND_CODES["distance"], KIND_CODES["duration"], KIND_CODES["other"]])
CONVERTED = np.array([KIND_CODES["distance"], KIND_CODES["other"]])  # units converted with slack
TIMES = np.array([KIND_CODES["year"], KIND_CODES["date"]])
RUNNING_KINDS = np.array([KIND_CODES["count"], KIND_CODES["money"]])  # ``profiles.RUNNING_KINDS``
CLOCKS = np.array([KIND_CODES["year"], KIND_CODES["date"], KIND_CODES["time"]])  # no digit slips
LOCAL_TIME = LOCAL_CLOCK - 1440  # a time's low from here: a clock reading no zone places (``local_clock``)
UNIT_SLIP_KINDS = np.array([KIND_CODES[k] for k in UNIT_SLIPS])  # ``profiles.UNIT_SLIPS``
COUNTED = np.array([KIND_CODES["count"], KIND_CODES["distance"], KIND_CODES["duration"], KIND_CODES["other"]])
WEAK_FIGURE_KINDS = np.array(sorted(KIND_CODES[kind] for kind in WEAK_FIGURES))
