"""WordNet's synonyms (``lexicon.synonyms``): the same measure in other words relates, the same words
for another measure do not; the table loads from the package; grouping merges related words only
when asked (``Settings.synonyms``)."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from factcheck.config import Settings
from factcheck.group.profiles import word_forms
from factcheck.lexicon.synonyms import (
    TABLE,
    _entries,
    classes_of,
    inflections,
    noun_kind,
    related,
    synonym_pairs,
)
from factcheck.lexicon.words import content_stem, content_stems


class Pair(NamedTuple):
    a: str  # a sentence with the word, and the word
    word_a: str
    b: str
    word_b: str


def stems_of(pair: Pair) -> tuple[str, str]:
    sa, sb = content_stem(pair.word_a), content_stem(pair.word_b)
    assert sa in content_stems(pair.a) and sb in content_stems(pair.b)
    return sa or "", sb or ""


SAME_MEASURE = {
    "voters-electors": Pair(
        "Some 968 million voters were registered.", "voters", "The roll lists 968m electors.", "electors"
    ),
    "bought-purchased": Pair(
        "Microsoft bought Activision for $68.7bn.", "bought", "It purchased the firm for $69bn.", "purchased"
    ),
    "acquired-acquisition": Pair(
        "Microsoft acquired the publisher for $68.7bn.",
        "acquired",
        "The $69bn acquisition closed in October.",
        "acquisition",
    ),
    "killed-died": Pair(
        "The fire killed 97 people.", "killed", "At least 100 people died in the fire.", "died"
    ),
    "died-deaths": Pair(
        "At least 100 people died in the fire.", "died", "The fire caused 101 deaths.", "deaths"
    ),
    "payment-paid": Pair(
        "A payment of €15 million is made each year.", "payment", "Denmark paid €15m a year.", "paid"
    ),
    "price-cost": Pair("The ticket price was $250,000.", "price", "A seat cost $250,000.", "cost"),
    "troops-soldiers": Pair(
        "About 300 troops were sent.", "troops", "Some 300 soldiers were deployed.", "soldiers"
    ),
    "votes-ballots": Pair(
        "The party won 240 million votes.", "votes", "240 million ballots went to the party.", "ballots"
    ),
    "destroyed-destruction": Pair(
        "The fire destroyed 2,200 buildings.",
        "destroyed",
        "The destruction of 2,200 buildings.",
        "destruction",
    ),
}
OTHER_MEASURE = {
    "seats-votes": Pair("The party won 240 seats.", "seats", "The party won 240 million votes.", "votes"),
    "cost-revenue": Pair("The plan cost £70m.", "cost", "Revenue reached £70m.", "revenue"),
    "jobs-games": Pair("Microsoft cut 1,900 jobs.", "jobs", "It released 1,900 games.", "games"),
    "killed-injured": Pair(
        "The blast killed 12 people.", "killed", "The blast injured 12 people.", "injured"
    ),
    "minimum-maximum": Pair("The minimum was 5 years.", "minimum", "The maximum was 8 years.", "maximum"),
    "bought-sold": Pair("It bought 3 million shares.", "bought", "It sold 3 million shares.", "sold"),
    "deaths-births": Pair("There were 900 deaths.", "deaths", "There were 900 births.", "births"),
    "exports-imports": Pair("Exports rose to $5bn.", "exports", "Imports rose to $5bn.", "imports"),
    "voters-votes": Pair("968 million voters registered.", "voters", "642 million votes were cast.", "votes"),
    "buyers-buy": Pair("Two buyers bid $5m.", "buyers", "They agreed to buy it for $5m.", "buy"),
}


@pytest.mark.parametrize("pair", SAME_MEASURE.values(), ids=SAME_MEASURE.keys())
def test_synonyms_relate_one_measure_in_other_words(pair: Pair) -> None:
    a, b = stems_of(pair)
    assert related(a, b) and related(b, a)


@pytest.mark.parametrize("pair", OTHER_MEASURE.values(), ids=OTHER_MEASURE.keys())
def test_synonyms_keep_other_measures_apart(pair: Pair) -> None:
    a, b = stems_of(pair)
    assert not related(a, b) and not related(b, a)


KNOWN_GAPS = {  # related only through a hypernym (left out: it cost more on the dev corpora than it won)
    "killed-deaths": ("killed", "deaths"),  # or through a shared neighbour, "die"
    "agreement-pact": ("agreement", "pact"),
    "staff-personnel": ("staff", "personnel"),
    "submersible-vessel": ("submersible", "vessel"),
    "completed-finalised": ("completed", "finalised"),
}


@pytest.mark.parametrize("words", KNOWN_GAPS.values(), ids=KNOWN_GAPS.keys())
@pytest.mark.xfail(strict=True, reason="hypernyms are left out of the rule")
def test_synonyms_known_gaps(words: tuple[str, str]) -> None:
    a, b = (content_stem(w) or "" for w in words)
    assert related(a, b)


@pytest.mark.parametrize(
    ("lemma", "verb", "irregular", "forms"),
    [
        ("die", True, (), ["die", "dies", "died", "dying"]),
        ("buy", True, ("bought",), ["buy", "bought", "buys", "buyed", "buying"]),
        ("price", True, (), ["price", "prices", "priced", "pricing"]),
        ("casualty", False, (), ["casualty", "casualties"]),
        ("tax", False, (), ["tax", "taxes"]),
    ],
    ids=["ie-verb", "irregular-verb", "e-verb", "y-noun", "sibilant-noun"],
)
def test_synonyms_inflections(lemma: str, verb: bool, irregular: tuple[str, ...], forms: list[str]) -> None:
    assert inflections(lemma, verb=verb, irregular=irregular) == forms


def test_synonyms_table_loads_from_the_package() -> None:
    entries = _entries()
    assert TABLE.endswith(".gz") and len(entries) > 10_000
    assert classes_of("voter") == classes_of("elector") != frozenset()
    assert classes_of("no-such-stem") == frozenset()


@pytest.mark.parametrize(
    ("words", "pairs"),
    [
        (["voter", "elector", "seat"], [("elector", "voter")]),
        (["kill", "died", "death", "injur"], [("death", "died"), ("died", "kill")]),
        (["#300", "minimum", "maximum"], []),
    ],
    ids=["synonyms", "cause-and-derivation", "none"],
)
def test_synonyms_pairs_of_a_vocabulary(words: list[str], pairs: list[tuple[str, str]]) -> None:
    assert synonym_pairs(words) == pairs


@pytest.mark.parametrize(
    ("words", "forms"),
    [
        (["voter", "elector"], {"voter": "elector"}),
        # "kill" relates to "died" (kill causes die), "died" to "death", not "kill" to "death": a group
        # is a clique, so "kill" stays out
        (["kill", "died", "death"], {"died": "death"}),
    ],
    ids=["pair", "clique"],
)
def test_synonyms_merge_words_only_when_asked(words: list[str], forms: dict[str, str]) -> None:
    assert word_forms(words, settings=Settings(synonyms=True)) == forms
    assert word_forms(words, settings=Settings()) == {}


# Counted nouns by what they name, from the lexicographer file of their first WordNet sense.
NOUN_KINDS = [
    ("beds", "t"),
    ("people", "p"),
    ("person", "p"),  # noun.Tops: by its hyponyms
    ("employees", "p"),
    ("passengers", "p"),
    ("homes", "t"),
    ("vehicles", "t"),
    ("jobs", None),  # an act: neither, so "2,000 jobs" may be "1,900 employees"
    ("properties", None),
]


@pytest.mark.parametrize(("word", "kind"), NOUN_KINDS, ids=[w for w, _ in NOUN_KINDS])
def test_synonyms_noun_kind(word: str, kind: str | None) -> None:
    stem = content_stem(word)
    assert stem is not None and noun_kind(stem) == kind
