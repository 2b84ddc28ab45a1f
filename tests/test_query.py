"""query.search: typo-tolerant keyword search over claims, their sentences and their measures."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import Corpus
from factcheck.errors import UsageError
from factcheck.query import QueryHit, query_terms, search

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def found(corpus: Corpus, hits: tuple[QueryHit, ...]) -> set[tuple[str, str]]:
    return {(corpus.names[h.claim.document], h.claim.text) for h in hits}


# The claims of the leased cells in each of the four articles on the lease. 002 and 003 speak of
# "prison places" and "inmates": they come in through their group, whose measure is the prison cell.
LEASED_CELLS = {
    ("000", "300 prison cells"),
    ("001", "300 prison cells"),
    ("002", "300 prison places"),
    ("003", "300 inmates"),
}


@pytest.mark.parametrize(
    "keywords",
    [
        ["prison", "cells"],
        ["prison cells"],
        ["prision", "cels"],
        ["prision cels"],
        ["PRISON", "Cells"],
        ["the", "prison", "cells"],
    ],
    ids=["words", "one-keyword", "typos", "typos-one-keyword", "case", "stopword"],
)
def test_query_search_finds_the_leased_cells_in_every_article(seeds: Corpus, keywords: list[str]) -> None:
    hits = search(seeds.claims, seeds.groups, keywords, limit=None)
    assert found(seeds, hits) >= LEASED_CELLS


@pytest.mark.parametrize(
    ("keywords", "doc", "text", "matched"),
    [
        (["Vetevendosje"], "001", "one MP", "Vetëvendosje"),
        (["vetëvendosje"], "001", "one MP", "Vetëvendosje"),
        (["GNJILANE"], "002", "300 prison places", "Gnjilane"),
        (["gnjilane"], "003", "300 inmates", "Gjilan"),
        (["ventilaters"], "004", "30 ventilators", "ventilator"),
        (["300", "inmates"], "003", "300 inmates", "300"),
        (["2,000", "kilometres"], "002", "2,000 kilometres", "2,000"),
    ],
    ids=[
        "no-accent",
        "accent",
        "upper-case",
        "spelling-variant",
        "typo-in-measure",
        "number",
        "number-separator",
    ],
)
def test_query_search_matches_words_folded_and_fuzzy(
    seeds: Corpus, keywords: list[str], doc: str, text: str, matched: str
) -> None:
    hits = search(seeds.claims, seeds.groups, keywords, limit=None)
    hit = next(h for h in hits if (seeds.names[h.claim.document], h.claim.text) == (doc, text))
    assert matched in hit.matched


@pytest.mark.parametrize(
    "keywords",
    [["prison", "ventilators"], ["xylophone"], ["cellar"], ["301", "prison"]],
    ids=["and-semantics", "no-such-word", "near-word-too-far", "number-exact"],
)
def test_query_search_finds_nothing(seeds: Corpus, keywords: list[str]) -> None:
    assert search(seeds.claims, seeds.groups, keywords, limit=None) == ()


def test_query_search_ranks_the_measure_above_its_sentence_mates(seeds: Corpus) -> None:
    hits = search(seeds.claims, seeds.groups, ["prison", "cells"], limit=None)
    order = [h.claim.text for h in hits if seeds.names[h.claim.document] == "000"]
    assert order.index("300 prison cells") < order.index("200 million euros")
    assert hits[0].score == 100.0
    assert hits[0].matched == ("prison", "cell")


def test_query_search_is_deterministic(seeds: Corpus) -> None:
    hits = search(seeds.claims, seeds.groups, ["Kosovo"], limit=None)
    shuffled = search(tuple(reversed(seeds.claims)), tuple(reversed(seeds.groups)), ["Kosovo"], limit=None)
    assert hits == shuffled
    assert [(-h.score, h.claim.document, h.claim.start) for h in hits] == sorted(
        (-h.score, h.claim.document, h.claim.start) for h in hits
    )


@pytest.mark.parametrize(
    ("claim_id", "status", "group"),
    [("d3:c12", "single", False), ("d0:c8", "agreement", True), ("d0:c9", "conflict", True)],
    ids=["single", "agreement", "conflict"],
)
def test_query_search_gives_the_status_of_the_group(
    seeds: Corpus, claim_id: str, status: str, group: bool
) -> None:
    hits = search(seeds.claims, seeds.groups, ["prison"], limit=None)
    hit = next(h for h in hits if h.claim.id == claim_id)
    assert hit.status == status
    assert (hit.group_id is not None, hit.group_label is not None) == (group, group)


@pytest.mark.parametrize(
    ("kind", "count"), [("money", 5), ("count", 10), ("distance", 0)], ids=["money", "count", "distance"]
)
def test_query_search_filters_by_kind(seeds: Corpus, kind: str, count: int) -> None:
    hits = search(seeds.claims, seeds.groups, ["prison"], kind=kind, limit=None)
    assert {h.claim.kind for h in hits} <= {kind}
    assert len(hits) >= count


@pytest.mark.parametrize("limit", [1, 3, 20], ids=["one", "three", "default"])
def test_query_search_limits_the_hits(seeds: Corpus, limit: int) -> None:
    every = search(seeds.claims, seeds.groups, ["Denmark"], limit=None)
    assert len(every) > 20
    assert search(seeds.claims, seeds.groups, ["Denmark"], limit=limit) == every[:limit]


@pytest.mark.parametrize(
    ("keywords", "options", "message"),
    [
        (["prison"], {"kind": "moneys"}, "unknown kind 'moneys'; choose from money, count"),
        ([], {}, "give at least one keyword"),
        (["  ", "!"], {}, "give at least one keyword"),
        (["prison"], {"limit": 0}, "limit must be 1 or more, not 0"),
    ],
    ids=["unknown-kind", "no-keywords", "blank-keywords", "zero-limit"],
)
def test_query_search_rejects_bad_usage(
    seeds: Corpus, keywords: list[str], options: dict[str, object], message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        search(seeds.claims, seeds.groups, keywords, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("keywords", "expected"),
    [
        (["brige", "drina"], {("a", "1,200 metres"), ("b", "1,500 metres")}),
        (["Visegrad", "metres"], {("a", "1,200 metres"), ("b", "1,500 metres")}),
        (["constrution", "euros"], {("a", "40 million euros"), ("b", "40 million euros")}),
        (["workers"], {("a", "300 workers")}),
    ],
    ids=["typo", "accent-in-source", "typo-money", "measure"],
)
def test_query_search_on_a_small_corpus(
    bridge: Corpus, keywords: list[str], expected: set[tuple[str, str]]
) -> None:
    hits = search(bridge.claims, bridge.groups, keywords, limit=None)
    assert found(bridge, hits[: len(expected)]) == expected


@pytest.mark.parametrize(
    ("keywords", "terms"),
    [
        (["Prision cels"], ("prision", "cels")),
        (["the", "of"], ("the", "of")),
        (["Vetëvendosje", "vetevendosje"], ("vetevendosje",)),
        (["2,000 km", "1.5"], ("2000", "km", "1.5")),
    ],
    ids=["split", "only-stopwords-kept", "folded-deduplicated", "numbers"],
)
def test_query_terms(keywords: list[str], terms: tuple[str, ...]) -> None:
    assert query_terms(keywords) == terms
