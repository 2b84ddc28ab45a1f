"""check: a statement's numbers against the sources, supported, contested, contradicted or not found."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from builders import Corpus
from factcheck.check import check_lines, check_statement
from factcheck.errors import InputError
from factcheck.extract import extract_text
from factcheck.group.columns import profile_claims
from factcheck.group.subjects import near_names
from factcheck.models import NumberCheck
from factcheck.pipeline import read_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


class Case(NamedTuple):
    statement: str
    verdict: str
    supporting: set[str]  # short names of the documents for it
    contradicting: set[str]


SEED_CASES = {
    "conflict-one-side": Case(
        "Kosovo will receive 210 million euros", "contested", {"001", "003"}, {"000", "002"}
    ),
    "conflict-other-side": Case(
        "Denmark pays about 200 million euros to Kosovo", "contested", {"000", "002"}, {"001", "003"}
    ),
    "agreement": Case(
        "Denmark leases 300 prison cells in Kosovo", "supported", {"000", "001", "002", "003"}, set()
    ),
    "same-measure-other-noun": Case(
        "Denmark rents 300 prison places in Gjilan", "supported", {"000", "001", "002", "003"}, set()
    ),
    "other-unit": Case(
        "Kosovo would get DKK 1.5 billion from Denmark", "supported", {"000", "001", "002", "003"}, set()
    ),
    "money-off": Case(
        "Denmark will pay Kosovo 150 million euros", "contradicted", set(), {"000", "001", "002", "003"}
    ),
    "money-far-off": Case(
        "Denmark will pay Kosovo 5 million euros", "contradicted", set(), {"000", "001", "002", "003"}
    ),
    "count-off": Case(
        "Denmark leases 400 prison places in Kosovo", "contradicted", set(), {"000", "001", "002", "003"}
    ),
    "distance-both-sides-off": Case(
        "The prison is 500 kilometres from Pristina", "contradicted", set(), {"002", "003"}
    ),
    "distance-against-vague": Case(
        "The prison in Gjilan is 50 km from Pristina", "contested", {"003"}, {"002"}
    ),
    "year": Case("Kosovo's parliament ratified the agreement in 2024", "supported", {"000"}, set()),
    "year-off": Case("Kosovo's parliament ratified the agreement in 2023", "contradicted", set(), {"000"}),
    "year-meets-date": Case("Kosovo declared independence from Serbia in 2008", "supported", {"000"}, set()),
    "year-off-a-date": Case(
        "Kosovo declared independence from Serbia in 2010", "contradicted", set(), {"000"}
    ),
    "range": Case("Kosovo has 700 to 800 unused prison cells", "supported", {"003"}, set()),
    "single-source": Case("About 8,000 Albanians live in Denmark", "supported", {"004"}, set()),
    "single-source-off": Case("Denmark donated 45 ventilators to Albania", "contradicted", set(), {"004"}),
    "not-in-sources": Case("The prison has 1,200 guards", "not_found", set(), set()),
    "same-year-other-topic": Case("Kosovo joined the European Union in 2010", "not_found", set(), set()),
}


@pytest.mark.parametrize("case", SEED_CASES.values(), ids=SEED_CASES.keys())
def test_check_statement_on_the_seeds(seeds: Corpus, case: Case) -> None:
    result = check_statement(case.statement, seeds.claims, seeds.groups)
    assert result.verdict == case.verdict
    (number,) = result.numbers
    assert number.verdict == case.verdict
    assert seeds.docs(number.supporting) == case.supporting
    assert seeds.docs(number.contradicting) == case.contradicting


@pytest.mark.parametrize(
    ("statement", "explanation"),
    [
        (
            "Kosovo will receive 210 million euros",
            "2 sources say 210 million EUR (001, 003), 2 say about 200 million EUR (000, 002)",
        ),
        (
            "Denmark will pay Kosovo 150 million euros",
            "no source says 150 million EUR; 2 sources say about 200 million EUR (000, 002), "
            "2 say 210 million EUR (001, 003)",
        ),
        (
            "Kosovo would get DKK 1.5 billion from Denmark",
            "4 sources fit 1.5 billion DKK: 2 say about 200 million EUR (000, 002), 2 say 210 million EUR (001, 003)",
        ),
        ("Denmark leases 300 prison cells in Kosovo", "4 sources say 300 prison cells (000, 001, 002, 003)"),
        ("The prison has 1,200 guards", "no source gives this measure"),
    ],
    ids=["contested", "contradicted", "supported-by-two-figures", "supported", "not-found"],
)
def test_check_statement_explains(seeds: Corpus, statement: str, explanation: str) -> None:
    (number,) = check_statement(statement, seeds.claims, seeds.groups).numbers
    assert number.explanation == explanation


@pytest.mark.parametrize(
    ("statement", "verdict", "verdicts"),
    [
        (
            "In 2021, Denmark agreed to rent 300 prison places for 10 years",
            "supported",
            ["supported", "supported", "supported"],
        ),
        (
            "In 2021, Denmark agreed to rent 300 prison places for 200 million euros",
            "contested",
            ["supported", "supported", "contested"],
        ),
        (
            "Denmark rents 300 prison places for 150 million euros and pays 1,200 guards",
            "contradicted",
            ["supported", "contradicted", "not_found"],
        ),
        ("Denmark rents 300 prison places and pays 1,200 guards", "not_found", ["supported", "not_found"]),
    ],
    ids=["all-supported", "contested-wins", "contradicted-wins", "not-found-wins"],
)
def test_check_statement_verdict_is_the_most_serious(
    seeds: Corpus, statement: str, verdict: str, verdicts: list[str]
) -> None:
    result = check_statement(statement, seeds.claims, seeds.groups)
    assert [n.verdict for n in result.numbers] == verdicts
    assert result.verdict == verdict


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The bridge at Visegrad is 1.2 km long", "contested"),
        ("The Drina bridge is 1,500 metres long", "contested"),
        ("The bridge over the Drina is 900 metres long", "contradicted"),
        ("The bridge cost 40 million euros", "supported"),
        ("The bridge cost 90 million euros", "contradicted"),
        ("300 workers built the bridge", "supported"),
        ("The bridge has 4 lanes", "not_found"),
    ],
    ids=["other-unit", "one-side", "neither-side", "agreement", "agreement-off", "single", "not-found"],
)
def test_check_statement_on_a_small_corpus(bridge: Corpus, statement: str, verdict: str) -> None:
    assert check_statement(statement, bridge.claims, bridge.groups).verdict == verdict


@pytest.mark.parametrize(
    ("statement", "verdict", "verdicts"),
    [
        # A year beside a measure places the statement in time; the measure decides.
        (
            "In 2030, Kosovo will lease 300 prison cells to Denmark",
            "supported",
            ["contradicted", "supported"],
        ),
        (
            "In 2021, Denmark agreed to pay Kosovo 150 million euros",
            "contradicted",
            ["supported", "contradicted"],  # "In 2021, Kosovo and Denmark signed an agreement"
        ),
        # Alone, a year is the statement's figure and is checked.
        ("Kosovo's parliament ratified the agreement in 2023", "contradicted", ["contradicted"]),
        # A number inside a name ("COP 28") is no claim, and decides nothing beside a measure.
        ("At COP 28, Denmark leased 300 prison cells in Kosovo", "supported", ["supported"]),
    ],
    ids=["year-is-context", "year-is-context-measure-off", "year-alone", "bare-number-is-no-measure"],
)
def test_check_statement_years_beside_a_measure_are_context(
    seeds: Corpus, statement: str, verdict: str, verdicts: list[str]
) -> None:
    result = check_statement(statement, seeds.claims, seeds.groups)
    assert [n.verdict for n in result.numbers] == verdicts
    assert result.verdict == verdict


@pytest.mark.parametrize(
    ("rates", "verdict"),
    [(None, "supported"), ({"EUR": 1.0, "DKK": 10.0}, "contradicted")],
    ids=["default-rates", "given-rates"],
)
def test_check_statement_converts_at_the_rates(
    seeds: Corpus, rates: dict[str, float] | None, verdict: str
) -> None:
    result = check_statement(
        "Kosovo would get DKK 1.5 billion from Denmark", seeds.claims, seeds.groups, rates=rates
    )
    assert result.verdict == verdict


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        ("Denmark leases prison cells in Kosovo", "no number found in the statement: 'Denmark leases prison"),
        ("", "no number found in the statement: ''"),
    ],
    ids=["words-only", "empty"],
)
def test_check_statement_needs_a_number(seeds: Corpus, statement: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        check_statement(statement, seeds.claims, seeds.groups)


def test_check_statement_matches_the_contract(seeds: Corpus) -> None:
    data = check_statement("Kosovo will receive 210 million euros", seeds.claims, seeds.groups).model_dump(
        mode="json"
    )
    assert list(data) == ["schema_version", "statement", "verdict", "numbers", "note"]
    assert data["schema_version"] == "1"
    assert list(data["numbers"][0]) == [
        "claim",
        "verdict",
        "supporting",
        "contradicting",
        "explanation",
        "matched",
        "group_id",
        "neither",
    ]
    assert data["numbers"][0]["claim"]["text"] == "210 million euros"
    assert data["numbers"][0]["claim"]["document"] == "<statement>"


@pytest.mark.parametrize(
    ("lines", "statements"),
    [
        (
            ["# a comment", "", "   ", "Denmark leases 300 prison cells\n"],
            ["Denmark leases 300 prison cells"],
        ),
        (
            ["  # indented comment", "The prison has 1,200 guards", "Kosovo will receive 210 million euros"],
            ["The prison has 1,200 guards", "Kosovo will receive 210 million euros"],
        ),
        ([], []),
    ],
    ids=["skips-blank-and-comments", "keeps-order", "empty"],
)
def test_check_lines_reads_statements(seeds: Corpus, lines: list[str], statements: list[str]) -> None:
    assert [r.statement for r in check_lines(lines, seeds.claims, seeds.groups)] == statements


def test_check_lines_agrees_with_check_statement(seeds: Corpus) -> None:
    lines = [case.statement for case in SEED_CASES.values()]
    together = check_lines(lines, seeds.claims, seeds.groups)
    assert [r.verdict for r in together] == [case.verdict for case in SEED_CASES.values()]


def test_check_lines_reads_each_statement_as_check_statement_does(seeds: Corpus) -> None:
    """A statement is weighed by the sources' words alone: the other lines of its file change neither
    its verdict nor its evidence nor its explanation."""
    lines = [
        line
        for line in (ROOT / "claims" / "seed-statements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    # Lines that repeat the story's words would make them common, were the statements' words counted.
    others = [
        f"Denmark will pay {n} million euros to Kosovo for the prison cells in Gjilan" for n in range(20)
    ]
    together = check_lines([*lines, *others], seeds.claims, seeds.groups)[: len(lines)]
    for line, found in zip(lines, together, strict=True):
        alone = check_statement(line, seeds.claims, seeds.groups)
        assert found.verdict == alone.verdict, line
        assert [_evidence(n) for n in found.numbers] == [_evidence(n) for n in alone.numbers], line


def _evidence(number: NumberCheck) -> tuple[object, ...]:
    """What a number's check says, apart from the statement's own claim (its id names its line)."""
    ids = [[c.id for c in side] for side in (number.supporting, number.contradicting, number.neither)]
    matched = number.matched.id if number.matched else None
    return (number.claim.text, number.verdict, *ids, number.explanation, matched, number.group_id)


def test_statements_leave_the_sources_weights_alone(seeds: Corpus) -> None:
    """The words and figures of statements weigh nothing in the sources' profiles: a word every
    statement repeats is as rare as before, a figure they repeat as uncommon."""
    statements = [
        c.model_copy(update={"document": f"<statement>:{n}", "id": f"s{n}:{c.id}"})
        for n in range(20)
        for c in extract_text("Kosovo will lease 300 prison cells to Denmark for 200 million euros")
    ]
    alone, _ = profile_claims(seeds.claims)
    among, _ = profile_claims([*seeds.claims, *statements], outside={c.document for c in statements})
    sources = [p for p in among if not p.doc.startswith("<statement>")]
    assert [(p.claim.id, p.words, p.norm, p.rarity) for p in sources] == [
        (p.claim.id, p.words, p.norm, p.rarity) for p in alone
    ]


def test_check_lines_goes_on_past_a_line_without_a_number(seeds: Corpus) -> None:
    results = check_lines(
        [
            "# header",
            "About 8,000 Albanians live in Denmark",
            "Denmark leases cells",
            "Denmark leases 300 prison cells",
        ],
        seeds.claims,
        seeds.groups,
    )
    assert [(r.verdict, r.note) for r in results] == [
        ("supported", None),
        ("not_found", "no number found in the statement"),
        ("supported", None),
    ]


SEED_STATEMENTS = [
    "contested",
    "supported",
    "supported",
    "contested",
    "contradicted",
    "contradicted",
    "supported",
    "supported",
    "contradicted",
    "supported",
    "not_found",
]


def test_check_lines_on_the_seed_statements(seeds: Corpus) -> None:
    lines = (ROOT / "claims" / "seed-statements.txt").read_text(encoding="utf-8").splitlines()
    assert [r.verdict for r in check_lines(lines, seeds.claims, seeds.groups)] == SEED_STATEMENTS


DIVE = {
    "a.txt": "Dive firm under scrutiny\nhttps://a.example/story | Example News | 2023-06-20\n\n"
    "A seat on the dive costs $250,000 per person, the company said. The submersible lost contact "
    "with its support ship on 18 June, an hour and 45 minutes into the dive.\n",
    "b.txt": "Search for missing submersible\nhttps://b.example/story | Other Paper | 2023-06-21\n\n"
    "Each passenger paid $250,000 per person for the dive to the wreck. The submersible lost contact "
    "with the support ship on Sunday 18 June.\n",
}


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        # A sum with no "per" may be a price per head: sources write "$250,000 per person".
        ("A place on the dive cost $250,000.", "supported"),
        ("A seat on the dive cost $300,000.", "contradicted"),
        # A date without a year is read as of the sources' story, as a source's is read as of its day.
        ("The submersible lost contact on 18 June.", "supported"),
        ("The submersible lost contact on 19 June.", "contradicted"),
    ],
    ids=["per-head-reading", "per-head-reading-off", "yearless-date", "yearless-date-off"],
)
def test_check_statement_reads_what_a_statement_leaves_open(
    tmp_path: Path, statement: str, verdict: str
) -> None:
    for name, text in DIVE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = read_corpus([tmp_path])
    claims = corpus.comparable()
    assert check_statement(statement, claims, corpus.groups()).verdict == verdict


FIRES = {
    "a.txt": "Wildfire toll\n\nThe fire of 2023 is the deadliest in a century. The 2023 season was dry. "
    "The fire killed at least 99 people, officials said.\n",
    "b.txt": "Wildfire comparison\n\nThe 2023 blaze is compared with older fires. In 2018 the Camp Fire "
    "killed 85 people in California.\n",
}


def test_check_statement_prefers_claims_of_its_own_time(tmp_path: Path) -> None:
    """A statement is set in its sources' story year; a source sentence naming another year speaks of
    another time, and is the weaker match even where its figure fits."""
    for name, text in FIRES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = read_corpus([tmp_path])
    result = check_statement("The fire killed 85 people.", corpus.comparable(), corpus.groups())
    assert result.verdict == "contradicted"
    (number,) = result.numbers
    assert {c.text for c in number.contradicting} == {"99 people"}


NEAR_NAMES = [
    (
        "The UAE and Germany pledged $100M each, France $109M, $50M from Britain and $25M from Denmark.",
        "$25M",
        {"Denmark"},
    ),
    (
        "The UAE and Germany pledged $100M each, France $109M, $50M from Britain and $25M from Denmark.",
        "$109M",
        {"France"},
    ),
    (
        "Nonetheless, the BJP-led NDA appears poised to form a government, boasting 293 seats in the 543-member House.",
        "293 seats",
        set(),
    ),
    ("The National Democratic Alliance (NDA) won 293 seats in the polls.", "293 seats", {"Alliance", "NDA"}),
]


@pytest.mark.parametrize(
    ("sentence", "text", "names"), NEAR_NAMES, ids=[f"{t}-{sorted(n)}" for _, t, n in NEAR_NAMES]
)
def test_check_near_names_are_whose_figure_it_is(sentence: str, text: str, names: set[str]) -> None:
    (claim,) = [c for c in extract_text(sentence) if c.text == text]
    assert near_names(claim) == names


LIST = {
    "a.txt": "Pledges\n\nThe UAE and Germany pledged $100M each to the fund, France $109M, $50M from Britain "
    "and $25M from Denmark.\n",
    "b.txt": "Pledges\n\nDenmark pledged $25 million to the fund, its minister said.\n",
}


def test_check_statement_reads_a_list_by_its_names(tmp_path: Path) -> None:
    for name, text in LIST.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = read_corpus([tmp_path])
    result = check_statement("Denmark pledged $50 million to the fund.", corpus.comparable(), corpus.groups())
    assert result.verdict == "contradicted"


WEEKDAYS = {
    "a.txt": "Recall widened\nhttps://example.org/a | Courier | 2025-03-15\n\n"
    "The regulator widened the recall of the drug on Thursday to 31 batches, its spokesman said.\n",
    "b.txt": "Drug recall\nhttps://example.org/b | Wire | 2025-03-05\n\n"
    "The regulator recalled 14 batches of the drug on 4 March 2025, its spokesman said.\n",
}


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The regulator widened the recall of the drug on 13 March.", "supported"),
        ("The regulator widened the recall of the drug on 12 March.", "contradicted"),
    ],
    ids=["the-weekday's-date", "another-date"],
)
def test_check_statement_reads_a_weekday_as_its_date(tmp_path: Path, statement: str, verdict: str) -> None:
    """A source's "on Thursday", in a paper of Saturday 15 March, is 13 March (``weekday_views``)."""
    for name, text in WEEKDAYS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = read_corpus([tmp_path])
    result = check_statement(statement, corpus.comparable(), corpus.groups(), published=corpus.published())
    assert result.verdict == verdict
    (number,) = result.numbers
    assert {c.text for c in (*number.supporting, *number.contradicting)} == {"Thursday"}


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("The Marrowby plant has a workforce of around 640 people.", "supported"),
        ("The group employs 1,200 people at the Marrowby plant.", "contradicted"),
        ("The Marrowby plant has 640 beds.", "not_found"),  # things, not people: another measure
    ],
    ids=["people-of-a-kind", "people-of-a-kind-other-figure", "things"],
)
def test_check_statement_people_count_the_workers(tmp_path: Path, statement: str, verdict: str) -> None:
    """ "640 people" counts the "640 workers" a source names: people of a kind (``match._of_people``)."""
    (tmp_path / "a.txt").write_text(
        "Plant\nhttps://example.org/a | Ledger | 2025-07-10\n\n"
        "Production at the Marrowby plant, where the group employs 640 workers, restarted on 2 June.\n",
        encoding="utf-8",
    )
    corpus = read_corpus([tmp_path])
    result = check_statement(statement, corpus.comparable(), corpus.groups(), published=corpus.published())
    assert result.verdict == verdict
