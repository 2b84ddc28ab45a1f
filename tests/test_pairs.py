"""The array scorer and candidate finder of ``pairs`` against the one-pair reference in ``profiles``.

``PairTable.scores`` must give, for every pair, what ``Vocabulary.score`` gives: the seeds and the
hand-built stories of ``test_group`` are scored both ways, all pairs of them, and so are random
mixtures of their claims (hypothesis), where documents, times and units fall together by chance.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from builders import CASES, Corpus
from factcheck.config import Settings
from factcheck.group import pairs as pairs_module
from factcheck.group.columns import columns_of
from factcheck.group.pairs import PairTable, candidate_pairs
from factcheck.models import Claim
from factcheck.pipeline import read_corpus


def stories() -> list[Claim]:
    return [claim for case in CASES for claim in case.claims()]


def score_both_ways(claims: Sequence[Claim]) -> tuple[np.ndarray, np.ndarray]:
    cols = columns_of(claims)
    items, vocab = [cols.profile(k) for k in range(len(cols))], cols.vocab()
    pairs = list(itertools.permutations(range(len(items)), 2))
    i = np.array([p[0] for p in pairs], dtype=np.int64)
    j = np.array([p[1] for p in pairs], dtype=np.int64)
    reference = np.array([vocab.score(items[a], items[b]) for a, b in pairs])
    return reference, PairTable.of(cols).scores(i, j)


def test_pairs_score_as_the_reference_on_the_seeds(seeds: Corpus) -> None:
    reference, scores = score_both_ways(seeds.claims)
    assert len(scores) > 5_000
    np.testing.assert_allclose(scores, reference, rtol=0, atol=1e-9)


def test_pairs_score_as_the_reference_on_the_stories() -> None:
    reference, scores = score_both_ways(stories())
    assert (reference > 0.2).sum() > 50 and (reference == -1).sum() > 50  # both outcomes are exercised
    np.testing.assert_allclose(scores, reference, rtol=0, atol=1e-9)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(stories()), min_size=2, max_size=40, unique_by=lambda c: c.id))
def test_pairs_score_as_the_reference_on_mixtures(claims: list[Claim]) -> None:
    reference, scores = score_both_ways(claims)
    np.testing.assert_allclose(scores, reference, rtol=0, atol=1e-9)


@pytest.mark.parametrize("candidates", [1, 3, 10], ids=["one", "three", "ten"])
def test_pairs_candidates_are_ordered_unique_and_bounded(seeds: Corpus, candidates: int) -> None:
    cols = columns_of(seeds.claims)
    items = [cols.profile(k) for k in range(len(cols))]
    i, j = candidate_pairs(cols, settings=Settings(candidates=candidates))
    assert len(i) > 0
    assert (i < j).all()
    assert len(set(zip(i.tolist(), j.tolist(), strict=True))) == len(i)
    # Each pair was proposed by one of its claims, and each claim proposes at most ``candidates``.
    assert len(i) <= candidates * len(items)
    assert all(items[a].family == items[b].family for a, b in zip(i.tolist(), j.tolist(), strict=True))


def test_pairs_candidates_find_the_restatements(seeds: Corpus) -> None:
    """Every pair that scores above the bar shares a rare word or a figure, so some claim proposes it."""
    cols = columns_of(seeds.claims)
    items, vocab = [cols.profile(k) for k in range(len(cols))], cols.vocab()
    i, j = candidate_pairs(cols, settings=Settings())
    proposed = set(zip(i.tolist(), j.tolist(), strict=True))
    strong = {
        (a, b)
        for a, b in itertools.combinations(range(len(items)), 2)
        if items[a].doc != items[b].doc and vocab.score(items[a], items[b]) >= 0.5
    }
    assert strong and len(strong & proposed) / len(strong) >= 0.9


def test_pairs_candidates_of_too_few_claims_are_none() -> None:
    i, j = candidate_pairs(columns_of(stories()[:1]), settings=Settings())
    assert len(i) == len(j) == 0


@st.composite
def shared_weights(draw: st.DrawFn) -> tuple[sparse.csr_matrix, int, int]:
    """A chunk of rows of shared weights (few distinct values, so ties abound), its offset and k."""
    rows = draw(st.integers(1, 12))
    width = draw(st.sampled_from([20, 2**31 + 5]))  # the second is too wide to pack: sorted instead
    offset = draw(st.integers(0, 8))
    entries = draw(
        st.lists(
            st.tuples(st.integers(0, rows - 1), st.integers(0, 19), st.sampled_from([0.25, 0.5, 1.0, 3.0])),
            max_size=80,
            unique_by=lambda e: e[:2],
        )
    )
    scale = 1 if width == 20 else 2**26  # spread the columns over the wide matrix
    r = np.array([e[0] for e in entries], dtype=np.int64)
    c = np.array([e[1] * scale for e in entries], dtype=np.int64)
    v = np.array([e[2] for e in entries])
    return sparse.csr_matrix((v, (r, c)), shape=(rows, width)), offset, draw(st.integers(1, 5))


@settings(max_examples=200, deadline=None)
@given(shared_weights(), st.sampled_from([1, 16, 1 << 22]))
def test_pairs_best_keeps_each_rows_largest_lower_column_first(
    case: tuple[sparse.csr_matrix, int, int], cells: int
) -> None:
    """``_best`` against sorting each row's entries, whatever the slices of its dense layout."""
    shared, offset, k = case
    expected = set()
    for row in range(shared.shape[0]):
        lo, hi = shared.indptr[row], shared.indptr[row + 1]
        entries = [
            (-value, col)
            for col, value in zip(shared.indices[lo:hi].tolist(), shared.data[lo:hi].tolist(), strict=True)
            if col != row + offset
        ]
        expected |= {(row + offset, col) for _, col in sorted(entries)[:k]}
    original = pairs_module._BEST_CELLS
    pairs_module._BEST_CELLS = cells
    try:
        rows, cols = pairs_module._best(shared.copy(), offset, k)
    finally:
        pairs_module._BEST_CELLS = original
    assert sorted(zip(rows.tolist(), cols.tolist(), strict=True)) == sorted(expected)


@pytest.mark.parametrize("seed", range(3), ids=[f"seed-{s}" for s in range(3)])
def test_pairs_linkage_scores_read_what_a_veto_leaves_open(seed: int, seeds: Corpus) -> None:
    """Runs of pairs as a linkage reads them: a run with an impossible pair may leave its other pairs
    unscored (NaN), but each vetoed run shows a -1 score; every score given is the pair's score, to the bit."""
    cols = columns_of([*stories(), *seeds.claims])
    table = PairTable.of(cols)
    rng = np.random.default_rng(seed)
    lengths = rng.integers(1, 12, size=400)
    at = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    i = rng.integers(0, len(cols), size=int(lengths.sum()))
    kin = [np.flatnonzero(cols.family == f) for f in cols.family[i].tolist()]  # most pairs of one family
    j = np.array([rng.choice(rows) for rows in kin], dtype=np.int64)
    expected = table.scores(i, j)
    got = table.linkage_scores(i, j, at)
    vetoed = np.repeat(np.logical_or.reduceat(expected <= -1.0, at), lengths)
    assert 0 < vetoed.mean() < 1  # both kinds of run occur
    unscored = np.isnan(got)
    assert not (unscored & ~vetoed).any()
    seen = np.where(unscored, 0.0, got)
    assert (np.logical_or.reduceat(seen <= -1.0, at) == np.logical_or.reduceat(vetoed, at)).all()
    assert unscored.any()
    np.testing.assert_array_equal(got[~np.isnan(got)], expected[~np.isnan(got)])


@pytest.mark.parametrize("threads", [1, 2, 4])
def test_pairs_same_candidates_and_scores_whatever_the_threads(
    threads: int, seeds: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small chunks, so that the seeds make many; the chunks are joined in order on any number of threads."""
    claims = [*seeds.claims, *stories()]
    cols = columns_of(claims)
    settings = Settings()
    expected_pairs = candidate_pairs(cols, settings=settings)
    expected = PairTable.of(cols).scores(*expected_pairs)
    monkeypatch.setattr(pairs_module, "PROPOSERS", 7)
    monkeypatch.setattr(pairs_module, "CHUNK", 13)
    monkeypatch.setattr(pairs_module, "THREADS", threads)
    first, second = candidate_pairs(cols, settings=settings)
    np.testing.assert_array_equal(first, expected_pairs[0])
    np.testing.assert_array_equal(second, expected_pairs[1])
    assert len(first) > 100
    np.testing.assert_array_equal(PairTable.of(cols).scores(first, second), expected)


# The rules of this round in texts of their own: bare clocks read in the story's zone (a change among
# them), a running total read so far, two sources in one sentence, dates a day apart and months side by
# side, a dateline, a train named by its time.
ROUND_TEXTS = {
    "a.txt": "Derailment\nhttps://example.org/a | Example | 2024-10-08\n\nDUNMERE, Oct 8 (BNW) - The train "
    "derailed at 08:17 BST on Tuesday, the operator said. The water rose to 4 metres at 08:40 BST. The "
    "union said 41,000 nurses took part on 14 November 2024, while the government put the figure at "
    "27,500. The repair bill has now reached £150m. The line reopened in July 2025.\n",
    "b.txt": "Crash horror\nhttps://example.org/b | Example | 2024-10-09\n\nThe 07:42 train derailed at "
    "8.15am on Tuesday. The water rose about 8am on Tuesday. More than 41,000 nurses took part on 15 "
    "November 2024. The repairs cost £190m. The line reopened in August 2025. Corvane now employs 5,000 "
    "people.\n",
}


def test_pairs_score_as_the_reference_on_this_rounds_rules(tmp_path: Path) -> None:
    for name, text in ROUND_TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    claims = read_corpus([tmp_path]).comparable()
    assert any(c.story_offsets for c in claims)  # the bare clocks carry the story's zone
    reference, scores = score_both_ways(claims)
    np.testing.assert_allclose(scores, reference, rtol=0, atol=1e-9)
