"""The fast readings of a claim's neighbourhood against plain ones: the names beside a figure
(``subjects.nearest_names``), the words the sources write in lower case (``_Scanner.common_words``) and
whether a figure is projected (``profiles.projected``). Each plain reading reads the whole sentence, as
the code did before it read only the few words it needs."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import zip_longest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import Corpus
from factcheck.group import columns, profiles
from factcheck.group.columns import _Scanner
from factcheck.group.profiles import CLAUSE_BREAK, PROJECTION_REACH, PROJECTION_WORDS
from factcheck.group.subjects import SPACED, _names, common_words, nearest_names
from factcheck.models import Claim, Normalized
from factcheck.pipeline import build_groups

SENTENCES = [
    ("The ruling NDA has won 291 seats in the final tally.", "291 seats"),
    ("Britain gave 1,000 tents, and France Telecom 2,000 tents to Ukraine.", "2,000 tents"),
    ("A fee,of 300 Euros to\tPSG\u00a0Paris and and but Neymar Jr.", "300 Euros"),
    ("Germany pledged $100M,$50M from Britain and $25M from Denmark.", "$50M"),
    ("  Leading spaces: 40 hours left for the Titan crew ;OceanGate said", "40 hours"),
    ("Kosovo's 210 million Danish kroner deal with the U.S. and United Kingdom", "210 million"),
    ("It is projected to reach 5,000 homes, the planned target said.", "5,000 homes"),
    ("x,forecast 12% growth", "12%"),
]


def claim_of(sentence: str, figure: str, *, at: int | None = None) -> Claim:
    start = sentence.index(figure) if at is None else at
    return Claim.model_construct(
        id="d0:c0",
        document="a.txt",
        start=start,
        end=start + len(figure),
        text=figure,
        sentence=sentence,
        sentence_start=0,
        kind="duration",
        normalized=Normalized(value=None, unit=None),
    )


def plain_nearest_names(claim: Claim, common: frozenset[str], *, reach: int) -> list[str]:
    """``nearest_names`` as it read every break and every word of the sentence."""
    text = claim.sentence
    at = claim.start - claim.sentence_start
    end = at + len(claim.text)
    breaks = [m.span() for m in CLAUSE_BREAK.finditer(text)]
    words = [m.span() for m in SPACED.finditer(text)]
    break_starts, break_ends = [a for a, _ in breaks], [b for _, b in breaks]
    word_starts, word_ends = [a for a, _ in words], [b for _, b in words]
    k = bisect_right(break_ends, at)
    start = break_ends[k - 1] if k else 0
    k = bisect_left(break_starts, end)
    stop = break_starts[k] if k < len(break_starts) else len(text)
    first, last = bisect_left(word_starts, start), bisect_left(word_starts, at)
    left = word_starts[max(first, last - reach)] if last > first else at
    first, last = bisect_left(word_starts, end), bisect_left(word_starts, stop)
    right = min(word_ends[min(last, first + reach) - 1], stop) if last > first else end
    before, after = _names(text, left, at, common)[::-1], _names(text, end, right, common)
    turns = [name for pair in zip_longest(before, after) for name in pair if name is not None]
    return list(dict.fromkeys(turns))


def plain_projected(claim: Claim) -> bool:
    """``projected`` as it read the clause before every figure."""
    before = claim.sentence[: claim.start - claim.sentence_start]
    clause = before[max((m.end() for m in CLAUSE_BREAK.finditer(before)), default=0) :]
    words = clause.lower().split()[-PROJECTION_REACH:]
    return any(w.strip(".,'’\"()") in PROJECTION_WORDS for w in words)


@pytest.mark.parametrize("reach", [1, 3, 6], ids=["reach-1", "reach-3", "reach-6"])
@pytest.mark.parametrize(("sentence", "figure"), SENTENCES, ids=[f"s{k}" for k in range(len(SENTENCES))])
def test_subjects_nearest_names_as_the_plain_reading(sentence: str, figure: str, reach: int) -> None:
    claim = claim_of(sentence, figure)
    for common in (frozenset(), frozenset({"the", "leading", "said"})):
        assert nearest_names(claim, common, reach=reach) == plain_nearest_names(claim, common, reach=reach)


@pytest.mark.parametrize(("sentence", "figure"), SENTENCES, ids=[f"s{k}" for k in range(len(SENTENCES))])
def test_subjects_projected_as_the_plain_reading(sentence: str, figure: str) -> None:
    claim = claim_of(sentence, figure)
    assert profiles.projected(claim) == plain_projected(claim)


PIECES = ["The", "UK", "U.S.", "and", "but", "while", ",", ";", ":", "1,000", "$50M", "Microsoft’s", "of"]
PIECES += ["Bank", "May", "National", "Audit", "Office", "x,forecast", "(planned)", "targets.", "aim"]
SPACES = ["", " ", "  ", "\t", "\u00a0", ", "]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SPACES)), min_size=1, max_size=25),
    data=st.data(),
)
def test_subjects_readings_as_the_plain_ones_on_any_layout(
    words: list[tuple[str, str]], data: st.DataObject
) -> None:
    sentence = "".join(word + space for word, space in words)
    at = data.draw(st.integers(0, len(sentence) - 1))
    end = data.draw(st.integers(at + 1, len(sentence)))
    claim = claim_of(sentence, sentence[at:end], at=at)
    assert profiles.projected(claim) == plain_projected(claim)
    for reach in (3, 6):
        assert nearest_names(claim, frozenset(), reach=reach) == plain_nearest_names(
            claim, frozenset(), reach=reach
        )


def test_subjects_common_words_read_from_the_scanners_runs(seeds: Corpus) -> None:
    sentences = list(dict.fromkeys(c.sentence for c in seeds.claims))
    scanner = _Scanner({"": 0})
    scanner.scan(sentences)
    assert scanner.common_words() == common_words(seeds.claims)


@pytest.mark.parametrize("chunk", [7, 50_000], ids=["many-tasks", "one-task"])
def test_subjects_read_by_a_helper_group_the_same(
    monkeypatch: pytest.MonkeyPatch, seeds: Corpus, chunk: int
) -> None:
    """The names beside the figures read by a helper process (``columns_of``'s ``submit``), in tasks of
    ``chunk`` figures, give the groups the names read here give."""
    expected = build_groups(seeds.claims)
    monkeypatch.setattr(columns, "HELPED", 1)
    monkeypatch.setattr(columns, "NAMES_CHUNK", chunk)
    assert build_groups(seeds.claims) == expected
