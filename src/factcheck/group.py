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

import numpy as np

from factcheck.models import Claim
from factcheck.pairs import PairTable, candidate_pairs
from factcheck.profiles import Profile, Settings, Vocabulary, affinity, groupable, profile_claims

LINKAGE = 0.75  # the average pair may score a little under the bar a single edge needs
SAMPLE = 10  # members of each cluster whose pairs decide a linkage
AHEAD = 4096  # edges whose linkage pairs are scored together, as arrays, before they are taken


def group_claims(claims: Sequence[Claim], *, settings: Settings | None = None) -> list[list[Claim]]:
    """Partition the groupable claims into measures; each list is one group, in a stable order."""
    settings = settings or Settings()
    items, vocab = profile_claims(claims, settings=settings)
    table = PairTable.of(items, vocab)
    first, second = candidate_pairs(items, vocab, settings=settings)
    scores = table.scores(first, second)
    same_doc = table.doc[first] == table.doc[second]
    passed = scores >= np.where(same_doc, settings.same_document, settings.cross_document)
    first, second, scores = first[passed], second[passed], scores[passed]
    order = np.lexsort((second, first, -scores))
    first, second = first[order].tolist(), second[order].tolist()
    docs = table.doc.tolist()
    n = len(items)
    known: dict[int, float] = {}  # scores fetched ahead for the edges at hand, by i * n + j

    def score(i: int, j: int) -> float:
        found = known.get(i * n + j)
        return vocab.score(items[i], items[j]) if found is None else found

    parent = list(range(n))
    members: dict[int, list[int]] = {}  # clusters of two or more, by root
    refused: dict[tuple[int, int], tuple[int, int]] = {}  # roots that failed to link, at their sizes

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for start in range(0, len(first), AHEAD):
        block = list(zip(first[start : start + AHEAD], second[start : start + AHEAD], strict=True))
        roots = {(ri, rj) for ri, rj in ((find(i), find(j)) for i, j in block) if ri != rj}
        pending = [(ri, rj, members.get(ri, [ri]), members.get(rj, [rj])) for ri, rj in sorted(roots)]
        decided, known = _decide_ahead(table, pending, docs, settings)
        for i, j in block:
            ri, rj = find(i), find(j)
            if ri == rj:
                continue
            left, right = members.get(ri, [ri]), members.get(rj, [rj])
            if len(left) > 1 or len(right) > 1:  # two single claims: the edge itself is the linkage
                sizes = (len(left), len(right))
                if refused.get((ri, rj)) == sizes:
                    continue
                linked = decided.get((ri, rj, *sizes))
                if linked is None:  # the clusters changed since the block began
                    linked = _linked(left, right, score, docs, settings)
                if not linked:
                    refused[(ri, rj)] = sizes
                    continue
            if len(left) < len(right):
                ri, rj, left, right = rj, ri, right, left
            parent[rj] = ri
            left.extend(right)  # the larger cluster grows in place: no copy of it per merge
            members[ri] = left
            members.pop(rj, None)
    groups = [sorted((items[k].claim for k in ks), key=_claim_key) for ks in members.values()]
    return sorted(groups, key=lambda g: _claim_key(g[0]))


def _decide_ahead(
    table: PairTable,
    pending: list[tuple[int, int, list[int], list[int]]],
    docs: list[int],
    settings: Settings,
) -> tuple[dict[tuple[int, int, int, int], bool], dict[int, float]]:
    """``_linked`` for each pair of clusters as they stand now, as arrays, keyed by (root, root, size,
    size); and the scores of the pairs read, by i * n + j.

    Clusters grow while a block of edges is taken, so some of these are stale when their edge comes:
    those are decided again, one pair at a time, mostly from the scores fetched here.
    """
    lefts: list[int] = []
    rights: list[int] = []
    keys: list[tuple[int, int, int, int]] = []
    starts: list[int] = []
    chosen = [(ri, rj, left, right) for ri, rj, left, right in pending if len(left) > 1 or len(right) > 1]
    for ri, rj, left, right in chosen:
        keys.append((ri, rj, len(left), len(right)))
        starts.append(len(lefts))
        heads = right[:SAMPLE]
        for member in left[:SAMPLE]:
            lefts.extend([member] * len(heads))
            rights.extend(heads)
    if not lefts:
        return {}, {}
    n = len(table.doc)
    i, j = np.array(lefts, dtype=np.int64), np.array(rights, dtype=np.int64)
    scores = table.scores(i, j)
    at = np.array(starts, dtype=np.int64)
    inside = (table.doc[i] == table.doc[j]) & (settings.same_document > settings.cross_document)
    vetoed = np.logical_or.reduceat(scores <= -1.0, at)
    cross_n = np.add.reduceat((~inside).astype(np.int64), at)
    inside_n = np.diff(np.append(at, len(scores))) - cross_n
    cross = np.add.reduceat(np.where(inside, 0.0, scores), at) / np.maximum(cross_n, 1)
    within = np.add.reduceat(np.where(inside, scores, 0.0), at) / np.maximum(inside_n, 1)
    above = np.where(
        cross_n > 0, cross - LINKAGE * settings.cross_document, within - LINKAGE * settings.same_document
    )
    decided = dict(zip(keys, (~vetoed & (above >= 0)).tolist(), strict=True))
    known = dict(zip((i * n + j).tolist(), scores.tolist(), strict=True))
    # Arrays sum in another order than ``math.fsum``: an average this close to the bar is decided the
    # one-pair way, so both ways always agree.
    for k in np.flatnonzero(~vetoed & (np.abs(above) < 1e-9)).tolist():
        _, _, left, right = chosen[k]
        decided[keys[k]] = _linked(left, right, lambda a, b: known[a * n + b], docs, settings)
    return decided, known


def _claim_key(claim: Claim) -> tuple[str, int]:
    return claim.document, claim.start


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
