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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain

import numpy as np

from factcheck.columns import Floats, Ints, columns_of, profile_claims
from factcheck.models import Claim
from factcheck.pairs import PairTable, candidate_pairs
from factcheck.profiles import Profile, Settings, Vocabulary, affinity, groupable

LINKAGE = 0.75  # the average pair may score a little under the bar a single edge needs
SAMPLE = 10  # members of each cluster whose pairs decide a linkage
AHEAD = 2048  # edges whose linkage pairs are scored together, as arrays, before they are taken


def group_claims(claims: Sequence[Claim], *, settings: Settings | None = None) -> list[list[Claim]]:
    """Partition the groupable claims into measures; each list is one group, in a stable order."""
    settings = settings or Settings()
    cols = columns_of(claims, settings=settings)
    table = PairTable.of(cols)
    first, second = candidate_pairs(cols, settings=settings)
    scores = table.scores(first, second)
    same_doc = table.doc[first] == table.doc[second]
    passed = scores >= np.where(same_doc, settings.same_document, settings.cross_document)
    first, second, scores = first[passed], second[passed], scores[passed]
    order = np.lexsort((second, first, -scores))
    first, second = first[order].tolist(), second[order].tolist()
    docs = table.doc.tolist()
    n = len(cols)
    known: dict[int, float] = {}  # scores fetched ahead for the clusters at hand, by i * n + j
    # The few pairs not fetched ahead are scored one at a time, from profiles made when first needed.
    vocab, profile = cache(cols.vocab), cache(cols.profile)

    def score(i: int, j: int) -> float:
        found = known.get(i * n + j)
        return vocab().score(profile(i), profile(j)) if found is None else found

    clusters = _Clusters(n)
    root, size, members = clusters.root, clusters.size, clusters.members
    refused: dict[tuple[int, int], tuple[int, int]] = {}  # roots that failed to link, at their samples
    for start in range(0, len(first), AHEAD):
        block = list(zip(first[start : start + AHEAD], second[start : start + AHEAD], strict=True))
        pending = [
            (ri, rj, clusters.of(ri), clusters.of(rj))
            for ri, rj in sorted({(root[i], root[j]) for i, j in block})
            if ri != rj
            and (size[ri] > 1 or size[rj] > 1)
            and refused.get((ri, rj)) != (min(size[ri], SAMPLE), min(size[rj], SAMPLE))
        ]
        decided, fetched = _decide_ahead(table, pending, docs, settings)
        for i, j in block:
            ri, rj = root[i], root[j]
            if ri == rj:
                continue
            if size[ri] > 1 or size[rj] > 1:  # two single claims: the edge itself is the linkage
                samples = min(size[ri], SAMPLE), min(size[rj], SAMPLE)
                if refused.get((ri, rj)) == samples:
                    continue
                linked = decided.get((ri, rj, *samples))
                if linked is None:  # a cluster passed a sample size since the block began
                    left, right = clusters.of(ri), clusters.of(rj)
                    known = fetched.among(left, right)
                    vetoed = any(s <= -1.0 for s in known.values())
                    linked = not vetoed and _linked(left, right, score, docs, settings)
                if not linked:
                    refused[(ri, rj)] = samples
                    continue
            clusters.join(ri, rj)
    # Rows are in (document, offset) order: so are each group's sorted rows, and the groups by their first.
    rows = sorted(sorted(ks) for ks in members.values())
    return [[cols.claims[k] for k in ks] for ks in rows]


class _Clusters:
    """Clusters of claim rows, each root keeping its members in the order they joined.

    A root's members only grow at its end, and only its first ``SAMPLE`` members decide its linkages:
    so a root and its size up to ``SAMPLE`` fix what it links with, and a refusal stands until one side
    passes a sample size, however much it grows beyond. Each row knows its root, and a join relabels
    the smaller side: a row is relabelled at most log2(n) times, and finding a root is one lookup."""

    def __init__(self, n: int) -> None:
        self.root = list(range(n))
        self.size = [1] * n  # by root
        self.members: dict[int, list[int]] = {}  # clusters of two or more, by root

    def of(self, root: int) -> list[int]:
        return self.members.get(root, [root])

    def join(self, ri: int, rj: int) -> None:
        """One cluster of two; the larger grows in place, so no cluster is copied per merge."""
        left, right = self.of(ri), self.of(rj)
        if len(left) < len(right):
            ri, rj, left, right = rj, ri, right, left
        root = self.root
        for k in right:
            root[k] = ri
        left.extend(right)
        self.size[ri] = len(left)
        self.members[ri] = left
        self.members.pop(rj, None)


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
    table: PairTable,
    pending: list[tuple[int, int, list[int], list[int]]],
    docs: list[int],
    settings: Settings,
) -> tuple[dict[tuple[int, int, int, int], bool], _Fetched]:
    """``_linked`` for each pair of clusters as they stand now, as arrays, keyed by (root, root, sample
    size, sample size); and the scores of the pairs read.

    Clusters grow while a block of edges is taken, so some of these are stale when their edge comes:
    those are decided again, one pair at a time, mostly from the scores fetched here.
    """
    n = len(table.doc)
    chosen = [(ri, rj, left, right) for ri, rj, left, right in pending if len(left) > 1 or len(right) > 1]
    keys = [(ri, rj, min(len(left), SAMPLE), min(len(right), SAMPLE)) for ri, rj, left, right in chosen]
    if not chosen:
        return {}, _Fetched(np.zeros(0, np.int64), np.zeros(0), n)
    # Each pair of clusters' sample pairs, each left member with each right one, in that order.
    a = np.array([k[2] for k in keys], dtype=np.int64)
    b = np.array([k[3] for k in keys], dtype=np.int64)
    lefts = np.fromiter(
        chain.from_iterable(left[:SAMPLE] for _, _, left, _ in chosen), np.int64, int(a.sum())
    )
    rights = np.fromiter(
        chain.from_iterable(right[:SAMPLE] for _, _, _, right in chosen), np.int64, int(b.sum())
    )
    count = a * b
    at = np.cumsum(count) - count
    owner = np.repeat(np.arange(len(chosen)), count)
    place = np.arange(int(count.sum())) - at[owner]
    i = lefts[(np.cumsum(a) - a)[owner] + place // b[owner]]
    j = rights[(np.cumsum(b) - b)[owner] + place % b[owner]]
    scores = table.linkage_scores(i, j, at)  # NaN for the pairs a veto leaves unread
    inside = (table.doc[i] == table.doc[j]) & (settings.same_document > settings.cross_document)
    vetoed = np.logical_or.reduceat(scores <= -1.0, at)
    cross_n = np.add.reduceat((~inside).astype(np.int64), at)
    inside_n = count - cross_n
    cross = np.add.reduceat(np.where(inside, 0.0, scores), at) / np.maximum(cross_n, 1)
    within = np.add.reduceat(np.where(inside, scores, 0.0), at) / np.maximum(inside_n, 1)
    above = np.where(
        cross_n > 0, cross - LINKAGE * settings.cross_document, within - LINKAGE * settings.same_document
    )
    decided = dict(zip(keys, (~vetoed & (above >= 0)).tolist(), strict=True))
    read = np.flatnonzero(~np.isnan(scores))
    pairs = i[read] * n + j[read]
    order = np.argsort(pairs, kind="stable")
    fetched = _Fetched(pairs[order], scores[read[order]], n)
    # Arrays sum in another order than ``math.fsum``: an average this close to the bar is decided the
    # one-pair way, so both ways always agree.
    for k in np.flatnonzero(~vetoed & (np.abs(above) < 1e-9)).tolist():
        _, _, left, right = chosen[k]
        found = fetched.among(left, right)
        decided[keys[k]] = _linked(left, right, lambda a, b: found[a * n + b], docs, settings)  # noqa: B023
    return decided, fetched


def _linked(
    left: list[int],
    right: list[int],
    score: Callable[[int, int], float],
    docs: list[int],
    settings: Settings,
) -> bool:
    """Average linkage: two clusters join when their pairs score, on average, above the bar, and no
    pair is impossible (one sentence, a rate and a total, two times with two values). The first
    ``SAMPLE`` members of each side stand for it."""
    cross: list[float] = []
    inside: list[float] = []
    stricter = settings.same_document > settings.cross_document
    for i in left[:SAMPLE]:
        for j in right[:SAMPLE]:
            s = score(i, j)
            if s <= -1.0:
                return False
            (inside if stricter and docs[i] == docs[j] else cross).append(s)
    if cross:  # pairs within one document only veto; the cross-document pairs carry the decision
        return math.fsum(cross) / len(cross) >= LINKAGE * settings.cross_document
    return math.fsum(inside) / len(inside) >= LINKAGE * settings.same_document


__all__ = ["Profile", "Settings", "Vocabulary", "affinity", "group_claims", "groupable", "profile_claims"]
