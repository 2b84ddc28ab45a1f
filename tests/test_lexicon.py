"""The lexicon's data files: each loads, none claims a word twice, and the code reads every table."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from factcheck.lexicon.load import LEXICON, Lexicon, LexiconError, index

# Every module that builds its lookups from the lexicon when imported.
READERS = [
    "factcheck.lexicon",
    "factcheck.lexicon.plurals",
    "factcheck.lexicon.words",
    "factcheck.extract.patterns",
    "factcheck.extract.numbers",
    "factcheck.extract.units",
    "factcheck.extract.scan",
    "factcheck.extract.digits",
    "factcheck.extract.words",
    "factcheck.extract.readers",
    "factcheck.extract.names",
    "factcheck.ingest.sentences",
    "factcheck.ingest.load",
    "factcheck.group.profiles",
    "factcheck.group.subjects",
    "factcheck.values",
    "factcheck.query",
    "factcheck.report.wording",
]
FILES = [
    "abbreviations.toml",
    "context.toml",
    "currencies.toml",
    "measures.toml",
    "months.toml",
    "names.toml",
    "nouns.toml",
    "numbers.toml",
    "plurals.toml",
    "qualifiers.toml",
    "stopwords.toml",
    "units.toml",
]


def test_lexicon_files_are_package_data() -> None:
    assert LEXICON.names() == FILES


@pytest.mark.parametrize("name", FILES)
def test_lexicon_file_loads(name: str) -> None:
    assert LEXICON.file(name)


def test_lexicon_every_table_is_read_by_some_code() -> None:
    for module in READERS:
        importlib.import_module(module)
    assert LEXICON.tables() - LEXICON.read == set()


def test_lexicon_reports_a_table_nobody_reads(tmp_path: Path) -> None:
    (tmp_path / "words.toml").write_text('used = ["a"]\norphan = ["b"]\n', encoding="utf-8")
    lexicon = Lexicon(tmp_path)
    assert lexicon.table("words.toml", "used") == ["a"]
    assert lexicon.tables() - lexicon.read == {("words.toml", "orphan")}


BAD_FILES = [
    ("[month.may]\nnumber = 5\n\n[month.may]\nnumber = 5\n", "a table declared twice"),
    ("[cardinals]\none = 1\none = 1\n", "a key declared twice"),
    (
        '[distance.kilometre]\nspellings = ["km"]\n\n[other.knot]\nspellings = ["km", "kn"]\n',
        "a spelling two entries claim",
    ),
    ('[currency.EUR]\nsymbols = ["€"]\n\n[currency.XEU]\nsymbols = ["€"]\n', "a symbol two codes claim"),
    ('content = ["the", "a", "the"]\n', "a word listed twice"),
    ("cardinals = [\n", "not TOML"),
]


@pytest.mark.parametrize("text", [b[0] for b in BAD_FILES], ids=[b[1] for b in BAD_FILES])
def test_lexicon_refuses_a_file_that_says_one_thing_twice(tmp_path: Path, text: str) -> None:
    (tmp_path / "bad.toml").write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.toml"):
        Lexicon(tmp_path).file("bad.toml")


def test_lexicon_accepts_one_word_under_two_fields(tmp_path: Path) -> None:
    (tmp_path / "ok.toml").write_text('[currency.INR]\nsymbols = ["rs"]\nwords = ["rs"]\n', encoding="utf-8")
    assert Lexicon(tmp_path).file("ok.toml")["currency"]["INR"]["words"] == ["rs"]


@pytest.mark.parametrize(
    ("entries", "field", "keys"),
    [
        ({"lakh": {"aliases": ["lac"]}, "crore": {"aliases": ["lakh"]}}, "aliases", True),
        ({"kilometre": {"spellings": ["km"]}, "knot": {"spellings": ["km"]}}, "spellings", False),
    ],
    ids=["an-alias-that-is-another-key", "a-spelling-of-two-entries"],
)
def test_lexicon_index_refuses_a_spelling_claimed_twice(
    entries: dict[str, dict[str, list[str]]], field: str, keys: bool
) -> None:
    with pytest.raises(LexiconError, match="claimed by"):
        index(entries, field, keys=keys)


def test_lexicon_missing_table_is_an_error() -> None:
    with pytest.raises(LexiconError, match="no table"):
        LEXICON.table("units.toml", "furlongs")


def test_lexicon_each_unit_has_one_factor() -> None:
    """Two spellings of one canonical unit must give it one size: "fortnight" once made every "week"
    14 days, since the comparison tables keep one factor per unit."""
    from factcheck.lexicon import DISTANCE_UNITS, DURATION_UNITS, OTHER_UNITS

    for units in (DISTANCE_UNITS, DURATION_UNITS, OTHER_UNITS):
        factors: dict[str, set[float]] = {}
        for canon, factor in units.values():
            factors.setdefault(canon, set()).add(round(factor, 12))
        assert {canon: f for canon, f in factors.items() if len(f) > 1} == {}
