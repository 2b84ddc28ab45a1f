"""Properties of the issue-17 readers (ranges, scales, years, signs, area units, "-fold") over generated
numbers, and their patterns on long adversarial strings."""

from __future__ import annotations

import re
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import (
    context,
    digits,
    extract_text,
    halves,
    money,
    names,
    quantity,
    ranges,
    readers,
    units,
)
from factcheck.extract.dates import DAY_RANGE_END
from factcheck.extract.numbers import parse_digits
from factcheck.extract.patterns import RANGE_JOIN
from factcheck.extract.readers import PARTITIVE
from factcheck.group.subjects import SOURCES
from factcheck.lexicon import OTHER_UNITS, TENS, UNITS_0_19
from factcheck.models import Claim


def _claims(text: str) -> list[Claim]:
    claims = extract_text(text)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
    return claims


def _one(text: str) -> Claim:
    claims = [c for c in _claims(text) if c.kind not in ("year", "date")]
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


_PAIRS = st.tuples(st.integers(1, 9_999), st.integers(1, 9_999)).filter(lambda p: p[0] < p[1])


# --- ranges --------------------------------------------------------------------------------------


# (a range written with a hyphen, the scale both ends take)
HYPHEN_RANGES = [("{a}k-{b}k", 1e3), ("£{a}m-£{b}m", 1e6), ("{a}mg-{b}mg", 1.0), ("{a}-to-{b}-mph", 1.0)]


@given(_PAIRS, st.sampled_from(HYPHEN_RANGES))
def test_extract_properties_hyphen_range_keeps_both_ends(
    pair: tuple[int, int], form: tuple[str, float]
) -> None:
    low, high = pair
    written, factor = form
    claim = _one("They said " + written.format(a=low, b=high) + " at most.")
    assert (claim.low, claim.high) == (pytest.approx(low * factor), pytest.approx(high * factor))


@given(_PAIRS)
def test_extract_properties_from_up_to_is_a_range(pair: tuple[int, int]) -> None:
    low, high = pair
    claim = _one(f"Flats go from {low} sq ft up to {high} sq ft in the valley.")
    assert (claim.low, claim.high, claim.unit) == (low, high, "ft2")


@given(st.integers(1, 999), st.integers(0, 9), st.integers(1, 9))
def test_extract_properties_minus_before_a_decimal_is_a_sign(level: int, whole: int, tenth: int) -> None:
    text = f"In Europe: Stoxx {level} -{whole}.{tenth}% on the day."
    claim = _one(text)
    assert (claim.value, claim.unit) == (pytest.approx(-(whole + tenth / 10)), "%")


# --- scales, years, units, "-fold" ----------------------------------------------------------------


@given(st.integers(1, 999))
def test_extract_properties_spaced_capital_b_is_billions(n: int) -> None:
    assert _one(f"The population is {n} B people.").value == pytest.approx(n * 1e9)


@given(st.integers(10, 17).map(lambda h: h * 100))
def test_extract_properties_round_hundred_after_a_qualifier_is_a_count(n: int) -> None:
    assert [c.kind for c in _claims(f"About {n} come from Asia.")] == ["count"]
    assert [c.kind for c in _claims(f"The fort was built in {n}.")] == ["year"]


@given(st.integers(1, 99_999), st.sampled_from([s for s, (u, _) in OTHER_UNITS.items() if u.endswith("2")]))
def test_extract_properties_area_spellings_read_as_area(n: int, spelling: str) -> None:
    if spelling.isalpha() and len(spelling) < 3:
        return  # short spellings are read glued only
    claim = _one(f"The fire burned {n:,} {spelling} of forest.")
    assert (claim.value, claim.unit) == (n, OTHER_UNITS[spelling][0])


@given(st.sampled_from([w for w, v in {**UNITS_0_19, **TENS}.items() if v >= 2]))
def test_extract_properties_number_word_fold_is_a_ratio(word: str) -> None:
    value = {**UNITS_0_19, **TENS}[word]
    claim = _one(f"Revenue grew {word}fold last year.")
    assert (claim.kind, claim.value, claim.unit) == ("ratio", value, "times")


@given(st.integers(0, 999), st.sampled_from("½¼¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"))
def test_extract_properties_fraction_in_one_character(whole: int, fraction: str) -> None:
    written = f"{whole or ''}{fraction}"
    num = parse_digits(f"It took {written} years.", 8)
    assert num is not None and num.end == 8 + len(written)
    assert num.value == pytest.approx(whole + unicodedata.numeric(fraction))


# --- the new patterns on long adversarial strings ------------------------------------------------

PATTERNS = [
    names._STREET,
    names._LABEL_BEFORE,
    units._EACH,
    DAY_RANGE_END,
    quantity._RANK_BEFORE,
    quantity._MEASURE_BEFORE,
    ranges._SIGNED_DECIMAL,
    PARTITIVE,
    RANGE_JOIN,
    halves._AND_A_HALF,
    halves._UNIT_BEFORE,
    halves._OF_A_POINT,
    names._LABEL_WORDS,
    money._WEIGHED_BEFORE,
    halves._HALF_A_POINT,
    units._PERIOD_AFTER,
    units._PER_NOUN,
    context._AGE_AFTER,
    digits._OF_AFTER,
    readers._GLUED_QUALIFIER,
    ranges._LIST_GAP,
    ranges._PLAIN_DIGITS,
    SOURCES,
]
LONG = [
    "9 E " * 20_000,
    "A" * 50_000 + " (",
    "Road " * 20_000,
    " each" * 20_000,
    "-1" * 40_000,
    "the top " * 20_000,
    "magnitude of " * 10_000,
    " of the" * 20_000,
    " - " * 30_000 + "to",
    "1.1" * 30_000,
    " a year" * 20_000 + " -",
    " per " + "Big " * 20_000,
    " - " * 30_000 + "old",
    "- " * 30_000 + "to",
    " and a" * 20_000 + " half",
    "a" * 50_000 + " and a half",
    "Big Name, " * 10_000 + "said",
    "according to the " * 10_000,
]


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.pattern[:20] for p in PATTERNS])
def test_extract_properties_patterns_stay_linear_on_long_strings(pattern: re.Pattern[str]) -> None:
    start = time.perf_counter()
    for text in LONG:
        for at in range(0, len(text), 997):  # as the scan asks: match at many places of one text
            pattern.match(text, at)
        pattern.search(text)
    assert time.perf_counter() - start < 2.0


# Whole sentences built from the new forms, repeated: no reader may backtrack on them.
FORMS = [
    "0-to-",
    "from 1 sq ft up to ",
    "9 E 71st St, ",
    "ID.3 and ",
    "the Kick Six ",
    "Sept. 20-24, ",
    "a 1:36.6 lap ",
    "sixfold ",
    "$5 each, ",
    "the bottom three ",
    "a magnitude of 5 ",
    "35m of its ",
    "between $US1 and $US",
    "Stoxx 50 -1.3% ",
    "about 1000 ",
    "2½ years ",
    "8/17, ",
    "3/4 of ",
    "$3 a year earlier ",
    "aged 65 and over ",
    "over 65 years old ",
    "exceeded 3,000 ",
    "17 and 10 million dollars, ",
    "5, 6 and ",
    "500+ homes ",
    "26+ Missing ",
    "8- to 16-meter ",
    "between 5 and six ",
    "an hour and a half ",
    "2 hours and a half, ",
    "seat 14C ",
    "30C ",
    "$5 a barrel ",
    "8 pounds 6 ounces ",
    "a quarter of a percentage point ",
    "half a percentage point ",
    "Missing people1,500[4] ",
    "weighed just over 2 pounds ",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FORMS), min_size=1, max_size=60).map("".join))
def test_extract_properties_new_forms_never_raise_and_spans_are_exact(text: str) -> None:
    _claims(text)


@pytest.mark.parametrize("form", FORMS)
def test_extract_properties_new_forms_repeated_are_read_quickly(form: str) -> None:
    text = form * (20_000 // len(form))
    start = time.perf_counter()
    _claims(text)
    assert time.perf_counter() - start < 10.0
