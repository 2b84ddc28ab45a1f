"""The columnar profiles of ``columns`` against the plain per-claim reference (``reference_profiles``).

Every profile made from the columns must equal the one made one claim at a time: its words in the
same order and with the same ids, its norm to the last bit, its probes, rarity, anchor and marker;
and the vocabulary's weights and documents' words must be the same. The seeds, the hand-built stories
and random mixtures of them (hypothesis) are made both ways.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import CASES, ClaimDoc, Corpus
from factcheck.config import Settings
from factcheck.group import columns as columns_module
from factcheck.group.columns import Rows, columns_of, interleave, places, profile_claims
from factcheck.models import Claim
from factcheck.pipeline import read_corpus
from reference_profiles import reference_profiles


def stories() -> list[Claim]:
    return [claim for case in CASES for claim in case.claims()]


def assert_same_profiles(
    claims: Sequence[Claim],
    *,
    grouping: Settings | None = None,
    published: dict[str, str | None] | None = None,
) -> None:
    items, vocab = profile_claims(claims, settings=grouping, published=published)
    expected, expected_vocab = reference_profiles(claims, settings=grouping, published=published)
    assert items == expected
    assert vocab.weight2 == expected_vocab.weight2
    assert vocab.doc_contexts == expected_vocab.doc_contexts


@pytest.mark.parametrize("synonyms", [False, True], ids=["words", "wordnet-synonyms"])
def test_columns_profiles_as_the_reference_on_the_seeds(seeds: Corpus, synonyms: bool) -> None:
    assert_same_profiles(seeds.claims, grouping=Settings(synonyms=synonyms))


@pytest.mark.parametrize("synonyms", [False, True], ids=["words", "wordnet-synonyms"])
def test_columns_profiles_as_the_reference_on_the_stories(synonyms: bool) -> None:
    assert_same_profiles(stories(), grouping=Settings(synonyms=synonyms))


def test_columns_profiles_as_the_reference_with_publication_dates() -> None:
    """Days named in sentences ("on Monday") resolve against each document's publication date."""
    corpus = read_corpus([Path(__file__).resolve().parents[1] / "seeds"])
    published = corpus.published()
    assert any(published.values())
    assert_same_profiles([*corpus.claims, *stories()], published=published)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(stories()), min_size=0, max_size=40, unique_by=lambda c: c.id))
def test_columns_profiles_as_the_reference_on_mixtures(claims: list[Claim]) -> None:
    assert_same_profiles(claims)


def test_columns_chunks_of_sentences_change_nothing(monkeypatch: pytest.MonkeyPatch, seeds: Corpus) -> None:
    """Sentences and claims are taken a chunk at a time; a chunk of 7 gives what one chunk gives."""
    expected = profile_claims(seeds.claims)
    monkeypatch.setattr(columns_module, "CHUNK", 7)
    assert profile_claims(seeds.claims) == expected


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Initially 308 soldiers\x00 served there in 2009.", "308 soldiers"),
        ("In 2010, Later, the cost rose to 5 million euros (about 2010 levels).", "5 million euros"),
        ("Nowadays the Ærø ferry carries 300 passengers; currently it is full since 2019.", "300 passengers"),
    ],
    ids=["separator-in-text", "year-and-marker", "non-ascii"],
)
def test_columns_odd_sentences_as_the_reference(sentence: str, text: str) -> None:
    doc = ClaimDoc("odd/a.txt")
    other = ClaimDoc("odd/b.txt")
    claims = [
        doc.claim(sentence, text, kind="count", value=300, unit="passengers"),
        other.claim(
            sentence.replace("300", "310"),
            text.replace("300", "310"),
            kind="count",
            value=310,
            unit="passengers",
        ),
    ]
    assert_same_profiles(claims)


def test_columns_of_no_claims_are_empty() -> None:
    cols = columns_of([])
    assert len(cols) == 0 and len(cols.words) == 0 and len(cols.vocabulary) == 0


@given(st.lists(st.lists(st.integers(0, 50), max_size=6), max_size=8), st.data())
def test_columns_rows_take_and_interleave(rows: list[list[int]], data: st.DataObject) -> None:
    table = Rows(
        np.cumsum([0, *map(len, rows)]).astype(np.int64),
        np.array([v for row in rows for v in row], dtype=np.int64),
    )
    picked = data.draw(st.lists(st.integers(0, max(len(rows) - 1, 0)), max_size=10)) if rows else []
    taken = table.take(np.array(picked, dtype=np.int64))
    assert [taken.row(k) for k in range(len(picked))] == [tuple(rows[p]) for p in picked]
    both = interleave(table, table)
    assert [both.row(k) for k in range(len(rows))] == [tuple(row + row) for row in rows]


@given(st.lists(st.integers(0, 6), max_size=40).map(sorted))
def test_columns_places_count_each_entry_within_its_owner(owners: list[int]) -> None:
    expected = [k - owners.index(owner) for k, owner in enumerate(owners)]
    assert places(np.array(owners, dtype=np.int64)).tolist() == expected


def test_columns_profiles_as_the_reference_on_this_rounds_rules(tmp_path: Path) -> None:
    """Running totals read "now", bare clocks in the story's zone, two sources in one
    sentence (``test_pairs.ROUND_TEXTS``)."""
    from factcheck.group.profiles import running_reading
    from test_pairs import ROUND_TEXTS

    for name, text in ROUND_TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = read_corpus([tmp_path])
    items, _ = profile_claims(corpus.claims, published=corpus.published())
    assert any(running_reading(item.claim, item.marker) for item in items)  # "has now reached £150m"
    assert_same_profiles(corpus.claims, published=corpus.published())
