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

from collections.abc import Callable, Sequence

import numpy as np

from factcheck.models import Claim
from factcheck.pairs import PairTable, candidate_pairs
from factcheck.profiles import Profile, Settings, Vocabulary, affinity, groupable, profile_claims

LINKAGE = 0.75  # the average pair may score a little under the bar a single edge needs


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
    edges = zip(first[order].tolist(), second[order].tolist(), strict=True)
    docs = table.doc.tolist()

    def bar(i: int, j: int) -> float:
        """The score a pair needs: higher inside one document; bar(i, i) is the cross-document one."""
        if i != j and docs[i] == docs[j]:
            return settings.same_document
        return settings.cross_document

    def score(i: int, j: int) -> float:
        return vocab.score(items[i], items[j])

    parent = list(range(len(items)))
    members: dict[int, list[int]] = {}  # clusters of two or more, by root
    refused: dict[tuple[int, int], tuple[int, int]] = {}  # roots that failed to link, at their sizes

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in edges:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        left, right = members.get(ri, [ri]), members.get(rj, [rj])
        if len(left) > 1 or len(right) > 1:  # two single claims: the edge itself is the linkage
            sizes = (len(left), len(right))
            if refused.get((ri, rj)) == sizes:
                continue
            if not _linked(left, right, score, bar):
                refused[(ri, rj)] = sizes
                continue
        if len(left) < len(right):
            ri, rj, left, right = rj, ri, right, left
        parent[rj] = ri
        members[ri] = left + right
        members.pop(rj, None)
    groups = [sorted((items[k].claim for k in ks), key=_claim_key) for ks in members.values()]
    return sorted(groups, key=lambda g: _claim_key(g[0]))


def _claim_key(claim: Claim) -> tuple[str, int]:
    return claim.document, claim.start


def _linked(
    left: list[int],
    right: list[int],
    score: Callable[[int, int], float],
    bar: Callable[[int, int], float],
    *,
    sample: int = 10,
) -> bool:
    """Average linkage: two clusters join when their pairs score, on average, above the bar, and no
    pair is impossible (one sentence, a rate and a total, two times with two values)."""
    cross: list[float] = []
    inside: list[float] = []
    for i in left[:sample]:
        for j in right[:sample]:
            s = score(i, j)
            if s <= -1.0:
                return False
            (inside if bar(i, j) > bar(i, i) else cross).append(s)
    if cross:  # pairs within one document only veto; the cross-document pairs carry the decision
        return sum(cross) / len(cross) >= LINKAGE * bar(left[0], left[0])
    return sum(inside) / len(inside) >= LINKAGE * bar(left[0], right[0])


__all__ = ["Profile", "Settings", "Vocabulary", "affinity", "group_claims", "groupable", "profile_claims"]
