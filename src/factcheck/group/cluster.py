"""Claims in, groups of claims that measure the same thing out.

Whether two claims measure one thing is ``profiles.Vocabulary.score``; here the pairs that score
above the bar are joined into groups. A pair inside one document needs a higher score than a pair
across two: writers rarely contradict themselves, so two different values in one document are
usually two measures.

Cost. Each claim proposes its best-sharing candidates through an inverted index (``pairs``), so the
number of scored pairs grows linearly with the number of claims, and they are scored as arrays.
Edges are taken strongest first; two clusters join only when their members, on average, score above
the bar and no pair of them is impossible (average linkage on a sample, which stops chaining).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice
from typing import NamedTuple

import numpy as np

from factcheck.config import Settings
from factcheck.group.columns import Columns, Floats, Ints, Submit, columns_of, profile_claims
from factcheck.group.pairs import PairTable, candidate_pairs
from factcheck.group.profiles import Profile, Vocabulary, affinity, groupable
from factcheck.models import Claim, Identity

LINKAGE = 0.75  # the average pair may score a little under the bar a single edge needs
SAMPLE = 10  # members of each cluster whose pairs decide a linkage
STRIDE = SAMPLE + 1  # a pair of sample sizes (a, b) as one number, a * STRIDE + b
AHEAD = 2048  # edges whose linkage pairs are scored together, as arrays, before they are taken
# Profiles kept for the linkages decided one pair at a time, the most recently used: each is about
# 1 KB (its words a tuple of ints), all of them were 20 MB of export's peak on 10 MB of text, and
# 2,048 are made again about a fifth more often than all. The groups are the same.
PROFILES = 2048


def group_claims(
    claims: Sequence[Claim],
    *,
    settings: Settings | None = None,
    doc_order: Mapping[str, str] | None = None,
    published: Mapping[str, str | None] | None = None,
) -> list[list[Claim]]:
    """Partition the groupable claims into measures; each list is one group, in a stable order.

    ``doc_order`` names each document by a key to read the documents in (by default their paths): the
    pipeline gives one made from what they say, so that renaming the files changes no group."""
    cols, rows = _cluster(claims, settings=settings, doc_order=doc_order, published=published)
    return [[cols.claims[k] for k in found] for found in rows]


def group_identities(
    claims: Sequence[Claim],
    *,
    settings: Settings | None = None,
    doc_order: Mapping[str, str] | None = None,
    published: Mapping[str, str | None] | None = None,
    submit: Submit | None = None,
) -> list[tuple[list[Claim], list[Identity]]]:
    """``group_claims``, each group with what the grouper read of each of its claims (``Identity``):
    its family, counted noun, subjects, year, day, marker and modality. ``submit`` hands part of the
    work to a helper process (``columns.columns_of``); the groups are the same."""
    cols, rows = _cluster(claims, settings=settings, doc_order=doc_order, published=published, submit=submit)
    read = iter(cols.identities([k for found in rows for k in found]))  # all at once: the columns read once
    return [([cols.claims[k] for k in found], list(islice(read, len(found)))) for found in rows]


def _cluster(
    claims: Sequence[Claim],
    *,
    settings: Settings | None,
    doc_order: Mapping[str, str] | None,
    published: Mapping[str, str | None] | None,
    submit: Submit | None = None,
) -> tuple[Columns, list[list[int]]]:
    """The claims' columns, and the groups as lists of rows."""
    settings = settings or Settings()
    cols = columns_of(claims, settings=settings, doc_order=doc_order, published=published, submit=submit)
    table = PairTable.of(cols)
    first, second = candidate_pairs(cols, settings=settings)
    scores = table.scores(first, second)
    same_doc = table.doc[first] == table.doc[second]
    passed = scores >= np.where(same_doc, settings.same_document, settings.cross_document)
    first, second, scores = first[passed], second[passed], scores[passed]
    order = np.lexsort((second, first, -scores))
    first, second = first[order], second[order]
    docs = table.doc.tolist()
    n = len(cols)
    known: dict[int, float] = {}  # scores fetched ahead for the clusters at hand, by i * n + j
    # The few pairs not fetched ahead are scored one at a time, from profiles made when needed (the
    # last ``PROFILES`` kept).
    vocab, profile = cache(cols.vocab), lru_cache(maxsize=PROFILES)(cols.profile)

    def score(i: int, j: int) -> float:
        found = known.get(i * n + j)
        return vocab().score(profile(i), profile(j)) if found is None else found

    clusters = _Clusters(n)
    sizes = clusters.sizes
    refused: dict[int, int] = {}  # roots that failed to link (ri * n + rj), at their samples (a * STRIDE + b)
    for start in range(0, len(first), AHEAD):
        lefts = clusters.roots(first[start : start + AHEAD])
        rights = clusters.roots(second[start : start + AHEAD])
        decided, fetched = _decide_ahead(table, clusters.pending(lefts, rights, refused), docs, settings)
        moved: dict[int, int] = {}  # roots joined into another since the block began
        for ri, rj in zip(lefts.tolist(), rights.tolist(), strict=True):
            while ri in moved:
                ri = moved[ri]
            while rj in moved:
                rj = moved[rj]
            if ri == rj:
                continue
            if sizes[ri] > 1 or sizes[rj] > 1:  # two single claims: the edge itself is the linkage
                a, b = min(sizes[ri], SAMPLE), min(sizes[rj], SAMPLE)
                if refused.get(ri * n + rj) == a * STRIDE + b:
                    continue
                linked = decided.get((ri, rj, a, b))
                if linked is None:  # a cluster passed a sample size since the block began
                    left, right = clusters.sample(ri), clusters.sample(rj)
                    known = fetched.among(left, right)
                    vetoed = any(s <= -1.0 for s in known.values())
                    linked = not vetoed and _linked(left, right, score, table.meet_one, docs, settings)
                if not linked:
                    refused[ri * n + rj] = a * STRIDE + b
                    continue
            kept = clusters.join(ri, rj)
            moved[rj if kept == ri else ri] = kept
    return cols, [list(rows) for rows in clusters.groups()]


class _Clusters:
    """Clusters of claim rows: a forest of rows (union by size), and each root's size and sample.

    A cluster's sample is its first ``SAMPLE`` members in the order they joined: when two join, the
    larger keeps its root and its sample, and the smaller's first members fill what its sample lacks.
    Only the samples decide linkages, so a root and its size up to ``SAMPLE`` fix what it links
    with, and a refusal stands until one side passes a sample size, however much it grows beyond.
    The roots of a block of edges are found at once, as arrays."""

    def __init__(self, n: int) -> None:
        self.parent = np.arange(n, dtype=np.int64)
        self.sizes = [1] * n  # by root
        self.samples = np.full((n, SAMPLE), -1, dtype=np.int64)  # by root, its first min(size, SAMPLE)
        self.samples[:, 0] = np.arange(n)

    def roots(self, rows: Ints) -> Ints:
        """The root of each row; the rows then point at it straight (path compression)."""
        found = self.parent[rows]
        while True:
            up = self.parent[found]
            if np.array_equal(up, found):
                break
            found = up
        self.parent[rows] = found
        return found

    def sample(self, root: int) -> list[int]:
        members: list[int] = self.samples[root, : min(self.sizes[root], SAMPLE)].tolist()
        return members

    def join(self, ri: int, rj: int) -> int:
        """One cluster of two, rooted at the larger's root (the first's on a tie), which it returns."""
        sizes = self.sizes
        if sizes[ri] < sizes[rj]:
            ri, rj = rj, ri
        if sizes[ri] < SAMPLE:
            take = min(SAMPLE - sizes[ri], sizes[rj])
            self.samples[ri, sizes[ri] : sizes[ri] + take] = self.samples[rj, :take]
        self.parent[rj] = ri
        sizes[ri] += sizes[rj]
        return ri

    def pending(self, lefts: Ints, rights: Ints, refused: dict[int, int]) -> _Pending:
        """The pairs of clusters of these roots, as they stand, whose linkage is to be decided: not one
        cluster, not two single claims, not refused at these samples; in order of (root, root)."""
        n = len(self.parent)
        pairs = _distinct_sorted((lefts * n + rights)[lefts != rights])
        left, right = pairs // n, pairs % n
        a = np.array([self.sizes[r] for r in left.tolist()], dtype=np.int64)
        b = np.array([self.sizes[r] for r in right.tolist()], dtype=np.int64)
        a, b, keep = np.minimum(a, SAMPLE), np.minimum(b, SAMPLE), (a > 1) | (b > 1)
        stated = np.array([refused.get(k, -1) for k in pairs.tolist()], dtype=np.int64)
        keep &= stated != a * STRIDE + b
        left, right, a, b = left[keep], right[keep], a[keep], b[keep]
        taken = np.arange(SAMPLE) < a[:, None], np.arange(SAMPLE) < b[:, None]
        return _Pending(left, right, a, b, self.samples[left][taken[0]], self.samples[right][taken[1]])

    def groups(self) -> list[list[int]]:
        """The clusters of two or more, each in ascending order of row, ordered by their first row."""
        roots = self.roots(np.arange(len(self.parent), dtype=np.int64))
        rows = np.flatnonzero(np.array(self.sizes, dtype=np.int64)[roots] > 1)
        rows = rows[np.argsort(roots[rows], kind="stable")]  # by root, each root's rows ascending
        roots = roots[rows]
        starts = np.flatnonzero(np.concatenate([[True], roots[1:] != roots[:-1]])) if len(rows) else rows
        return (
            sorted((c.tolist() for c in np.split(rows, starts[1:])), key=lambda c: c[0]) if len(rows) else []
        )


def _distinct_sorted(keys: Ints) -> Ints:
    keys = np.sort(keys)
    return keys[np.concatenate([[True], keys[1:] != keys[:-1]])] if len(keys) else keys


class _Pending(NamedTuple):
    """Pairs of clusters whose linkage is to be decided: their roots, the sizes of their samples (a
    cluster's first ``SAMPLE`` members) and the samples' members, all of one side one after another."""

    left_root: Ints
    right_root: Ints
    left_size: Ints
    right_size: Ints
    lefts: Ints
    rights: Ints

    @classmethod
    def of(cls, pairs: Sequence[tuple[int, int, list[int], list[int]]]) -> _Pending:
        """From (root, root, members, members) of each pair of clusters, two of one claim left out."""
        pairs = [p for p in pairs if len(p[2]) > 1 or len(p[3]) > 1]
        return cls(
            np.array([p[0] for p in pairs], dtype=np.int64),
            np.array([p[1] for p in pairs], dtype=np.int64),
            np.array([min(len(p[2]), SAMPLE) for p in pairs], dtype=np.int64),
            np.array([min(len(p[3]), SAMPLE) for p in pairs], dtype=np.int64),
            np.array([k for p in pairs for k in p[2][:SAMPLE]], dtype=np.int64),
            np.array([k for p in pairs for k in p[3][:SAMPLE]], dtype=np.int64),
        )

    def members(self, k: int) -> tuple[list[int], list[int]]:
        """The samples of pair k."""
        left_at, right_at = int(self.left_size[:k].sum()), int(self.right_size[:k].sum())
        return (
            self.lefts[left_at : left_at + self.left_size[k]].tolist(),
            self.rights[right_at : right_at + self.right_size[k]].tolist(),
        )


@dataclass(frozen=True, slots=True)
class _Fetched:
    """The pair scores taken ahead for a block of edges, by i * n + j in ascending order."""

    keys: Ints
    scores: Floats
    n: int

    def among(self, left: list[int], right: list[int]) -> dict[int, float]:
        """Those of the pairs of two clusters' samples, by i * n + j."""
        wanted = np.array([i * self.n + j for i in left[:SAMPLE] for j in right[:SAMPLE]], dtype=np.int64)
        if not len(self.keys):
            return {}
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        hit = self.keys[at] == wanted
        return dict(zip(wanted[hit].tolist(), self.scores[at[hit]].tolist(), strict=True))


def _decide_ahead(
    table: PairTable, pending: _Pending, docs: list[int], settings: Settings
) -> tuple[dict[tuple[int, int, int, int], bool], _Fetched]:
    """``_linked`` for each pair of clusters as they stand now, as arrays, keyed by (root, root, sample
    size, sample size); and the scores of the pairs read.

    Clusters grow while a block of edges is taken, so some of these are stale when their edge comes:
    those are decided again, one pair at a time, mostly from the scores fetched here.
    """
    n = len(table.doc)
    a, b = pending.left_size, pending.right_size
    if not len(a):
        return {}, _Fetched(np.zeros(0, np.int64), np.zeros(0), n)
    # Each pair of clusters' sample pairs, each left member with each right one, in that order.
    count = a * b
    at = np.cumsum(count) - count
    owner = np.repeat(np.arange(len(a)), count)
    place = np.arange(int(count.sum())) - at[owner]
    i = pending.lefts[(np.cumsum(a) - a)[owner] + place // b[owner]]
    j = pending.rights[(np.cumsum(b) - b)[owner] + place % b[owner]]
    scores, meet = table.linkage(i, j, at)  # scores NaN for the pairs a veto leaves unread
    inside = (table.doc[i] == table.doc[j]) & (settings.same_document > settings.cross_document)
    vetoed = np.logical_or.reduceat(scores <= -1.0, at)
    cross_n = np.add.reduceat((~inside).astype(np.int64), at)
    inside_n = count - cross_n
    cross = np.add.reduceat(np.where(inside, 0.0, scores), at) / np.maximum(cross_n, 1)
    within = np.add.reduceat(np.where(inside, scores, 0.0), at) / np.maximum(inside_n, 1)
    above = np.where(
        cross_n > 0, cross - LINKAGE * settings.cross_document, within - LINKAGE * settings.same_document
    )
    # Two values of one document that cannot both hold must, on average, pass the bar across documents
    # too: a writer rarely gives two values of one measure ("two and a half years" since the launch,
    # "six years" of the forecast).
    clash = inside & ~meet
    clash_n = np.add.reduceat(clash.astype(np.int64), at)
    clashing = np.add.reduceat(np.where(clash, scores, 0.0), at) / np.maximum(clash_n, 1)
    above = np.where(
        (cross_n > 0) & (clash_n > 0), np.minimum(above, clashing - LINKAGE * settings.cross_document), above
    )
    keys = list(zip(*(column.tolist() for column in pending[:4]), strict=True))
    decided = dict(zip(keys, (~vetoed & (above >= 0)).tolist(), strict=True))
    read = np.flatnonzero(~np.isnan(scores))
    pairs = i[read] * n + j[read]
    order = np.argsort(pairs, kind="stable")
    fetched = _Fetched(pairs[order], scores[read[order]], n)
    # Arrays sum in another order than ``math.fsum``: an average this close to the bar is decided the
    # one-pair way, so both ways always agree.
    for k in np.flatnonzero(~vetoed & (np.abs(above) < 1e-9)).tolist():
        left, right = pending.members(k)
        found = fetched.among(left, right)
        decided[keys[k]] = _linked(
            left,
            right,
            lambda a, b: found[a * n + b],  # noqa: B023
            table.meet_one,
            docs,
            settings,
        )
    return decided, fetched


def _linked(
    left: list[int],
    right: list[int],
    score: Callable[[int, int], float],
    meets: Callable[[int, int], bool],
    docs: list[int],
    settings: Settings,
) -> bool:
    """Average linkage: two clusters join when their pairs score, on average, above the bar, and no
    pair is impossible (one sentence, a rate and a total, two times with two values). The first
    ``SAMPLE`` members of each side stand for it. The pairs across documents carry the decision; the
    pairs of one document whose values cannot both hold (``meets``) must pass the same bar, on average."""
    cross: list[float] = []
    inside: list[float] = []
    clash: list[float] = []
    stricter = settings.same_document > settings.cross_document
    for i in left[:SAMPLE]:
        for j in right[:SAMPLE]:
            s = score(i, j)
            if s <= -1.0:
                return False
            if stricter and docs[i] == docs[j]:
                inside.append(s)
                if not meets(i, j):
                    clash.append(s)
            else:
                cross.append(s)
    if cross:
        bar = LINKAGE * settings.cross_document
        return math.fsum(cross) / len(cross) >= bar and (not clash or math.fsum(clash) / len(clash) >= bar)
    return math.fsum(inside) / len(inside) >= LINKAGE * settings.same_document


__all__ = [
    "Profile",
    "Settings",
    "Vocabulary",
    "affinity",
    "group_claims",
    "group_identities",
    "groupable",
    "profile_claims",
]
