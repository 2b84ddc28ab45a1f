"""The extractor on real sentences: what it finds, with what value, unit, qualifier and span."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_text
from factcheck.extract.numbers import parse_digits, parse_number, parse_words
from factcheck.lexicon import TRAILING_QUALIFIERS

ROOT = Path(__file__).parents[1]
GOLD = ROOT / "tests" / "data" / "gold"

# (sentence, text of the claim, kind, value or (low, high), unit, qualifier)
CASES = [
    (
        "Kosovo would have received EUR 210 million (DKK 1.5 billion) from Denmark.",
        "EUR 210 million",
        "money",
        210e6,
        "EUR",
        None,
    ),
    (
        "Kosovo would have received EUR 210 million (DKK 1.5 billion) from Denmark.",
        "DKK 1.5 billion",
        "money",
        1.5e9,
        "DKK",
        None,
    ),
    (
        "an annual contribution of 45 million Danish kroner (about €6 million)",
        "45 million Danish kroner",
        "money",
        45e6,
        "DKK",
        None,
    ),
    (
        "an annual contribution of 45 million Danish kroner (about €6 million)",
        "€6 million",
        "money",
        6e6,
        "EUR",
        "approx",
    ),
    ("The club paid £120m for the striker.", "£120m", "money", 120e6, "GBP", None),
    ("The fund holds $3 billion in bonds.", "$3 billion", "money", 3e9, "USD", None),
    ("Shares rose to €1.2bn on Monday.", "€1.2bn", "money", 1.2e9, "EUR", None),
    ("The mayor promised kr. 3 million for roads.", "kr. 3 million", "money", 3e6, "DKK", None),
    ("3 million DKK were allocated on human rights.", "3 million DKK", "money", 3e6, "DKK", None),
    ("The council spent 200 million euros on it.", "200 million euros", "money", 200e6, "EUR", None),
    ("It cost US$4.7 billion in total.", "US$4.7 billion", "money", 4.7e9, "USD", None),
    (
        "Kosovo agreed to lease 300 prison cells to Denmark.",
        "300 prison cells",
        "count",
        300,
        "prison cell",
        None,
    ),
    (
        "The state will receive some 300 foreigners this year.",
        "300 foreigners",
        "count",
        300,
        "foreigner",
        "approx",
    ),
    ("Denmark maintained a 152-member unit within KFOR.", "152-member unit", "count", 152, "member", None),
    ("The hospital received 30 ventilators last week.", "30 ventilators", "count", 30, "ventilator", None),
    (
        "Denmark donated 250.000 COVID-19 vaccine doses.",
        "250.000 COVID-19 vaccine doses",
        "count",
        250_000,
        "vaccine dose",
        None,
    ),
    ("Denmark deployed up to 308 soldiers.", "308 soldiers", "count", 308, "soldier", "up_to"),
    ("The prison currently holds more than 200 inmates.", "200 inmates", "count", 200, "inmate", "more_than"),
    ("At least 1,200 homes were flooded in the valley.", "1,200 homes", "count", 1200, "home", "at_least"),
    ("Nearly 6,000 people attended the rally.", "6,000 people", "count", 6000, "person", "approx"),
    (
        "She has more than half a million followers.",
        "half a million followers",
        "count",
        500_000,
        "follower",
        "more_than",
    ),
    ("The firm hired three hundred engineers.", "three hundred engineers", "count", 300, "engineer", None),
    ("Twenty-four hospitals reported shortages.", "Twenty-four hospitals", "count", 24, "hospital", None),
    ("A dozen ships were waiting.", "A dozen ships", "count", 12, "ship", None),
    (
        "Kosovo has some 700 to 800 unused prison cells.",
        "700 to 800 unused prison cells",
        "count",
        (700, 800),
        "prison cell",
        "approx",
    ),
    (
        "Growth reached between 10% and 20% in some sectors.",
        "between 10% and 20%",
        "percent",
        (10, 20),
        "%",
        None,
    ),
    ("Turnout was 10-20% lower.", "10-20%", "percent", (10, 20), "%", None),
    ("The poorest saw a +8.9% rise.", "+8.9%", "percent", 8.9, "%", None),
    ("Employment grew by an average of nearly 6% in one year.", "6%", "percent", 6, "%", "approx"),
    ("Inflation was 4.5 per cent in May.", "4.5 per cent", "percent", 4.5, "%", None),
    ("A two-thirds majority is required.", "two-thirds", "ratio", 2 / 3, "fraction", None),
    (
        "The facility is located 50 kilometers outside the capital.",
        "50 kilometers",
        "distance",
        50,
        "km",
        None,
    ),
    (
        "They were sent more than 2,000 kilometres away.",
        "2,000 kilometres",
        "distance",
        2000,
        "km",
        "more_than",
    ),
    ("The trail runs for 1,200 km along the coast.", "1,200 km", "distance", 1200, "km", None),
    ("The town is 5 miles from the border.", "5 miles", "distance", 5, "mi", None),
    (
        "The plan is to rent places a few kilometres from the capital.",
        "a few kilometres",
        "distance",
        None,
        "km",
        "vague",
    ),
    ("It pays approximately 200 million euros over 10 years.", "10 years", "duration", 10, "year", None),
    ("The loan runs over the next ten years.", "ten years", "duration", 10, "year", None),
    (
        "Barely 24 hours after the text was published, they announced it.",
        "24 hours",
        "duration",
        24,
        "hour",
        "approx",
    ),
    ("They had not left within two weeks of the ruling.", "two weeks", "duration", 2, "week", None),
    ("People can be detained there for a year.", "a year", "duration", 1, "year", None),
    ("The rocket broke up about a minute into the flight.", "a minute", "duration", 1, "minute", "approx"),
    ("It has been repeatedly postponed for four years.", "four years", "duration", 4, "year", None),
    (
        "The 10th Anniversary of the institution was marked.",
        "10th Anniversary",
        "ordinal",
        10,
        "anniversary",
        None,
    ),
    ("Diplomatic relations were established in 1970.", "1970", "year", 1970, "year", None),
    ("After the 2010 Albania floods, Denmark helped.", "2010", "year", 2010, "year", None),
    ("The payment falls in the 2023-24 financial year.", "2023-24", "year", (2023, 2024), "year", None),
    # "crew" counts people in the plural as in the singular; a toll "of" a figure counts the dead.
    ("There were 2,880 guests and 968 crew on board.", "968 crew", "count", 968, "crew", None),
    ("The agency announced a final death toll of 688 on Friday.", "688", "count", 688, "person", None),
    # A share said as so many in so many: not a count of four passengers.
    ("The bug struck almost one in four passengers.", "one in four", "ratio", 0.25, "fraction", "approx"),
    ("Two in every three voters backed it.", "Two in every three", "ratio", 2 / 3, "fraction", None),
    ("He scored 3 in 20 minutes.", "20 minutes", "duration", 20, "minute", None),
    # A bare count takes the noun of the named count of its scale, and a list's items past a comma too.
    (
        "Police said 7,400 residents of 12 villages left, and that 6,200 had gone.",
        "6,200",
        "count",
        6200,
        "resident",
        None,
    ),
    (
        "The KAA recorded 656 cancellations: 212 on Tuesday, 348 on Wednesday.",
        "348",
        "count",
        348,
        "cancellation",
        None,
    ),
    # A population counts people, its level and its change alike.
    (
        "The office said the population had risen by about 216,000 since 2015.",
        "216,000",
        "count",
        216000,
        "person",
        "approx",
    ),
    ("Results put the population of Marisse at 612,480.", "612,480", "count", 612480, "person", None),
    # An "m" a space after a number is metres, unless a currency or a counted noun follows.
    ("The river peaked at 6.8 m on Thursday.", "6.8 m", "distance", 6.8, "m", None),
    ("The tower is 300 m high.", "300 m", "distance", 300, "m", None),
    # An infobox scraped without its borders: a label glued to a value that ends its line.
    ("Duration20 days", "20 days", "duration", 20, "day", None),
    ("Vessels waiting41 (peak)", "41", "count", 41, "vessel", None),
]
IDS = [f"{c[1]}|{c[0][:30]}" for c in CASES]


@pytest.mark.parametrize(("sentence", "text", "kind", "value", "unit", "qualifier"), CASES, ids=IDS)
def test_extract_sentence_table(
    sentence: str, text: str, kind: str, value: object, unit: str | None, qualifier: str | None
) -> None:
    claims = {c.text: c for c in extract_text(sentence)}
    assert text in claims, f"found {list(claims)}"
    claim = claims[text]
    assert claim.kind == kind
    assert claim.unit == unit
    assert claim.qualifier == qualifier
    if isinstance(value, tuple):
        assert (claim.value, claim.low, claim.high) == (None, *value)
    elif value is None:
        assert claim.value is None
    else:
        assert claim.value == pytest.approx(value)


DATES = [
    ("Kosovo declared its independence on 17 February 2008.", "17 February 2008", "2008-02-17", None),
    ("Posted on December 28, 2021", "December 28, 2021", "2021-12-28", None),
    ("By November 2010, the unit was smaller.", "November 2010", "2010-11", None),
    ("They expected to send inmates in early 2023.", "early 2023", "2023", "approx"),
    ("The report was published on 2024-03-01.", "2024-03-01", "2024-03-01", None),
    ("Work resumes in mid-2025.", "mid-2025", "2025", "approx"),
    ("The ship returned to port on 13.09.2025 at 06:40 CEST.", "13.09.2025", "2025-09-13", None),
    ("Thieves struck in the early hours of 9.2.2025, police said.", "9.2.2025", "2025-02-09", None),
    ("The trigger was an announcement on 11.03. at 21:05 CET.", "11.03.", "--03-11", None),
]


@pytest.mark.parametrize(("sentence", "text", "date", "qualifier"), DATES, ids=[d[1] for d in DATES])
def test_extract_dates(sentence: str, text: str, date: str, qualifier: str | None) -> None:
    claims = {c.text: c for c in extract_text(sentence)}
    assert text in claims, f"found {list(claims)}"
    assert (claims[text].kind, claims[text].date, claims[text].qualifier) == ("date", date, qualifier)


NOT_CLAIMS = [
    ("during the COVID-19 pandemic", "19"),
    ("The G7 summit met in June.", "7"),
    ("The F-16 jets arrived.", "16"),
    ("It was one of the most popular attractions.", "one"),
    ("No one party can rule alone.", "one"),
    ("It's not the first time the law has been rejected.", "first"),
    ("Kosovo has a multi-party system.", "multi"),
    ("Several law professors explain the treaty.", "Several"),
    ("They may be sent directly to a third country.", "third"),
    ("See https://example.com/2023/05/story-123 for details.", "2023"),
    ("1. Introduction to the budget", "1"),
    ("The fine was set on 31.02.2024 by mistake.", "31.02"),  # no calendar has it
    ("According to a [joint statement](#2021) issued later.", "2021"),
]


@pytest.mark.parametrize(("sentence", "number"), NOT_CLAIMS, ids=[n[0][:40] for n in NOT_CLAIMS])
def test_extract_ignores_non_quantities(sentence: str, number: str) -> None:
    at = sentence.index(number)
    assert not [c for c in extract_text(sentence) if c.start <= at < c.end]


def test_extract_a_dotted_day_without_its_year_follows_on() -> None:
    (claim,) = extract_text("The index closed at 17.03. Traders went home.")
    assert (claim.kind, claim.value) == ("count", 17.03)


def test_extract_links_parenthesised_equivalents() -> None:
    eur, dkk = extract_text("Kosovo would have received EUR 210 million (DKK 1.5 billion) from Denmark.")
    assert eur.equivalent_of == dkk.id and dkk.equivalent_of == eur.id


@pytest.mark.parametrize(
    ("sentence", "text", "per"),
    [
        (
            "Likewise, a payment of €15 million will be made each year, plus €5 million to renovate it.",
            "€15 million",
            "year",
        ),
        (
            "Likewise, a payment of €15 million will be made each year, plus €5 million to renovate it.",
            "€5 million",
            None,
        ),
        ("with an annual contribution of 45 million Danish kroner", "45 million Danish kroner", "year"),
        ("The NAO put the cost at £2m per asylum seeker.", "£2m", "asylum seeker"),
        ("The council pays £1m a year for the site.", "£1m", "year"),
        ("In exchange for approximately 200 million euros over 10 years.", "200 million euros", None),
        ("The maximum penalty under the Act is €10 million for each breach.", "€10 million", "breach"),
        ("It costs £5 for each of the tickets.", "£5", None),
    ],
    ids=[
        "each year",
        "plus is not a rate",
        "annual",
        "per noun",
        "a year",
        "over is a span",
        "for each",
        "each of",
    ],
)
def test_extract_rates(sentence: str, text: str, per: str | None) -> None:
    claims = {c.text: c for c in extract_text(sentence)}
    assert claims[text].per == per


def test_extract_offsets_are_exact_on_the_seeds() -> None:
    from factcheck.extract import extract_claims
    from factcheck.ingest.load import load_documents

    for doc in load_documents([ROOT / "seeds"]):
        for claim in extract_claims(doc):
            assert doc.text[claim.start : claim.end] == claim.text
            assert (
                doc.text[claim.sentence_start : claim.sentence_start + len(claim.sentence)] == claim.sentence
            )


# --- parsers: properties ---------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**12))
def test_extract_parse_digits_reads_grouped_integers(n: int) -> None:
    text = f"{n:,}"
    num = parse_digits(text, 0)
    assert num is not None and num.value == n and num.end == len(text)


@given(st.integers(min_value=0, max_value=999), st.sampled_from(["million", "billion", "thousand"]))
def test_extract_parse_number_applies_scales(n: int, scale: str) -> None:
    factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale]
    num = parse_number(f"{n} {scale} people", 0)
    assert num is not None and num.value == n * factor


_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _spell(n: int) -> str:
    if n < 20:
        return _WORDS[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _WORDS[n % 10])
    rest = n % 100
    return f"{_WORDS[n // 100]} hundred" + ("" if rest == 0 else f" and {_spell(rest)}")


@given(st.integers(min_value=0, max_value=999))
def test_extract_parse_words_reads_spelled_numbers(n: int) -> None:
    num = parse_words(_spell(n) + " people", 0)
    assert num is not None and num.value == n


_ALPHABET = st.sampled_from(
    [
        *list("0123456789 ,.-–%€$£()+\n\xa0abcxyzMBkmKTé\"'“”"),
        " million",
        " billion",
        " euros",
        " km",
        " years",
        " per cent",
        " to ",
        " and ",
        "between ",
        "about ",
        "more than ",
        "COVID-",
        "EUR ",
        "DKK ",
        "a few ",
        "hundreds of ",
        "early ",
        "December ",
        "twenty-",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_extract_never_raises_and_spans_are_exact(text: str) -> None:
    for claim in extract_text(text):
        assert text[claim.start : claim.end] == claim.text
        assert claim.start < claim.end


ADVERSARIAL = [
    "1," * 50_000,
    "1." * 50_000,
    "9" * 100_000,
    "€" * 50_000 + "5",
    "- " * 50_000,
    "about " * 20_000 + "5",
    "between 1 and " * 8_000,
    "a few " * 20_000,
    "(" * 50_000 + "1 million euros",
    "hundreds of " * 10_000,
    "12-" * 40_000,
    "1 1 1 " * 30_000,
    "more than 5 and less than " * 8_000 + "9",  # bounds joined into ranges
    "2×10" * 30_000 + "−8",  # printed powers of ten
    "RM1 to " * 20_000,  # a currency repeated in a range
    "rose 5% to " * 20_000,  # change and level
    "Section 4 Row " * 20_000,  # numbers inside names
    "5 Main Street and " * 20_000,  # names after numbers
    "Tel: +44 1 " * 20_000,  # telephone numbers
    "(202) 555 0" * 20_000,
    "one in " * 20_000 + "four",  # shares: "one in four"
    "13.09." * 20_000 + "2025",  # dotted dates
    "toll of " * 20_000 + "688",  # a toll's figure
    "span86 a b " * 20_000,  # a label glued to a value, words after it
    "waiting41 (" * 20_000,  # ... and a bracket never closed
    "at 11 p.m. Eastern " * 10_000,  # a zone by its region
    "peaked at 6.8 m " * 20_000,  # metres a space after the figure
]


def _time(text: str) -> float:
    start = time.perf_counter()
    extract_text(text)
    return time.perf_counter() - start


@pytest.mark.slow  # a wall-clock ratio: noisy on a loaded machine, so out of the default run
@pytest.mark.parametrize("text", ADVERSARIAL, ids=[t[:12] for t in ADVERSARIAL])
def test_extract_runs_in_linear_time_on_adversarial_text(text: str) -> None:
    """Quadrupling the input must not multiply the time by much more than four (catastrophic
    backtracking multiplies it by 16 or more)."""
    quarter = text[: len(text) // 4]
    small = min(_time(quarter) for _ in range(2))
    large = _time(text)
    assert large < max(small * 10, 0.5), f"{small:.3f}s for n, {large:.3f}s for 4n"


def test_extract_meets_the_seed_gold_floors(tmp_path: Path) -> None:
    """Issue 3's floors: span F1 >= 0.95, value accuracy >= 0.97, unit accuracy >= 0.90."""
    out = tmp_path / "claims.json"
    run = subprocess.run(
        [sys.executable, "-m", "factcheck", "claims", "seeds", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    out.write_text(run.stdout, encoding="utf-8")
    json.loads(run.stdout)
    score = subprocess.run(
        [
            sys.executable,
            str(GOLD / "score.py"),
            "mentions",
            str(out),
            str(GOLD / "seed-mentions.jsonl"),
            "--docs",
            "seeds",
            "--min-f1",
            "0.95",
            "--min-value-acc",
            "0.97",
            "--min-unit-acc",
            "0.90",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert score.returncode == 0, score.stdout


ANCHOR_TEXTS = [
    "Kosovo would have received EUR 210 million (DKK 1.5 billion) from Denmark.",
    "Half a million people, a half of them in early 2023, and .5 of a 1.5 share; many hundreds of them.",
    "Tens of thousands waited a few hours in mid-2024; the end of March saw Twenty-Four multi-million bids.",
    "A Year, AN HOUR, a couple of days, several weeks, a handful of MPs, scores of 3,000.7 and 5.5.5 .9",
    "İstanbul paid 5 lira to ONE man, THREE women and Sept. 2021 a dozen 1/4 x.5 0.25",
]


@pytest.mark.parametrize("text", ANCHOR_TEXTS, ids=[t[:24] for t in ANCHOR_TEXTS])
def test_extract_anchor_prefilter_finds_every_anchor(text: str) -> None:
    """``scan._anchors`` (ANCHOR tried only where ANCHOR_START matches) yields what ANCHOR.finditer does."""
    from factcheck.extract.patterns import ANCHOR
    from factcheck.extract.scan import _anchors

    def spans(matches: object) -> list[tuple[int, int, str | None]]:
        return [(m.start(), m.end(), m.lastgroup) for m in matches]  # type: ignore[attr-defined]

    assert spans(_anchors(text)) == spans(ANCHOR.finditer(text))


def test_extract_anchor_prefilter_matches_on_the_seeds() -> None:
    from factcheck.extract.patterns import ANCHOR
    from factcheck.extract.scan import _anchors

    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert [m.span() for m in _anchors(text)] == [m.span() for m in ANCHOR.finditer(text)], path.name


# Spelled numbers, fractions, decimals and signs: (sentence, text of the claim, kind, value).
SPELLED = [
    (
        "The survey counted two thousand and two hundred replies.",
        "two thousand and two hundred replies",
        "count",
        2200,
    ),
    ("Turnout rose by one point five points.", "one point five points", "count", 1.5),
    ("Its share fell to nought point nought three.", "nought point nought three", "ratio", 0.03),
    ("Inflation was minus five point five in May.", "minus five point five", "count", -5.5),
    ("Temperatures reached minus 5 overnight.", "minus 5", "count", -5),
    ("The ministry ordered three dozen vaccines.", "three dozen vaccines", "count", 36),
    ("Police seized 200 dozens of eggs.", "200 dozens", "count", 2400),
    ("Five eighths of the budget went on salaries.", "Five eighths", "ratio", 0.625),
    ("The plan needs a two-thirds majority.", "two-thirds", "ratio", 2 / 3),
    ("Staff waited one and a half hours.", "one and a half hours", "duration", 1.5),
    ("The town has 3 million and a half inhabitants.", "3 million and a half inhabitants", "count", 3.5e6),
    ("Half a million people marched.", "Half a million people", "count", 5e5),
    ("A quarter million homes lost power.", "A quarter million homes", "count", 2.5e5),
    ("It weighed a hundredth of a gram.", "a hundredth", "ratio", 0.01),
    ("The trail runs 10 1/2 miles through the park.", "10 1/2 miles", "distance", 10.5),
    ("One out of three adults smokes.", "One out of three adults", "ratio", 1 / 3),
    ("Blood pressure was 120 over 80.", "120 over 80", "ratio", 1.5),
    ("China's population is 1 414 021 100.", "1 414 021 100", "count", 1414021100),
    ("The constant is 1.3e6 in these units.", "1.3e6", "count", 1.3e6),
    ("Rates have stayed at zero.", "zero", "count", 0),
    ("The firm lost US$ 1MM last year.", "US$ 1MM", "money", 1e6),
    (
        "The bill came to 4 thousand 3 hundred and 21 rupees.",
        "4 thousand 3 hundred and 21 rupees",
        "money",
        4321,
    ),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), SPELLED, ids=[s[1] for s in SPELLED])
def test_extract_spelled_numbers_fractions_and_signs(
    sentence: str, text: str, kind: str, value: float
) -> None:
    claims = {c.text: c for c in extract_text(sentence)}
    assert text in claims, f"found {list(claims)}"
    assert (claims[text].kind, claims[text].value) == (kind, pytest.approx(value))


NOT_NUMBERS = [
    ("They celebrated the two millionth visitor.", "two millionth", 2e-6),
    ("Prices rose over 3 years.", "3 years", 1 / 3),
    ("He is the one who won.", "one", None),
]


@pytest.mark.parametrize(("sentence", "text", "wrong"), NOT_NUMBERS, ids=[n[1] for n in NOT_NUMBERS])
def test_extract_does_not_misread_ordinals_and_idioms(sentence: str, text: str, wrong: float | None) -> None:
    """An ordinal is no fraction, "over" before a unit is a qualifier, "the one who" is no claim."""
    values = [c.value for c in extract_text(sentence)]
    if wrong is None:
        assert not [c for c in extract_text(sentence) if c.text == text]
    else:
        assert wrong not in values


# Money: tokenised and regional currencies, sub-units, symbols after the amount: (sentence, text, value, unit).
MONEY = [
    ("The charge was c $ 300 million, the bank said.", "c $ 300 million", 300e6, "CAD"),
    ("Exports fell to hk $ 10.05 billion.", "hk $ 10.05 billion", 10.05e9, "HKD"),
    ("Sell Mex$ 10 million forward.", "Mex$ 10 million", 10e6, "MXN"),
    ("Nokia paid 420 million Finnish markka.", "420 million Finnish markka", 420e6, "FIM"),
    ("The fare was RM42 on Monday.", "RM42", 42, "MYR"),
    ("Rent rose to 42 Kuwaiti dinars.", "42 Kuwaiti dinars", 42, "KWD"),
    ("It only cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "USD"),
    (
        "It only cost thirteen dollars and forty-five cents.",
        "thirteen dollars and forty-five cents",
        13.45,
        "USD",
    ),
    ("A ticket is $20 and 43c at the door.", "$20 and 43c", 20.43, "USD"),
    ("The book costs 100 ₡ here.", "100 ₡", 100, "CRC"),
    ("Shares closed at 3.14US$ on Friday.", "3.14US$", 3.14, "USD"),
    ("Fujitsu withdrew its one-yen bid.", "one-yen", 1, "JPY"),
    ("He sold it for a dollar.", "a dollar", 1, "USD"),
    ("The fee is 42 LE per visit.", "42 LE", 42, "EGP"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit"), MONEY, ids=[m[1] for m in MONEY])
def test_extract_money_currencies_and_subunits(sentence: str, text: str, value: float, unit: str) -> None:
    claims = {c.text: c for c in extract_text(sentence)}
    assert text in claims, f"found {list(claims)}"
    claim = claims[text]
    assert (claim.kind, claim.value, claim.unit) == ("money", pytest.approx(value), unit)


NOT_MONEY = [
    ("Spain hosts Euro 2024 qualifiers; a euro zone country.", "euro"),
    ("She bought a pound of flesh.", "a pound"),
    ("Tickets cost $20 and 43 people came.", "43"),
]


@pytest.mark.parametrize(("sentence", "part"), NOT_MONEY, ids=[n[1] for n in NOT_MONEY])
def test_extract_money_stays_out_of_names_and_weights(sentence: str, part: str) -> None:
    at = sentence.index(part)
    assert not [c for c in extract_text(sentence) if c.kind == "money" and c.start <= at < c.end]


# A qualifier after the number, as the lexicon's table says: between the number and its noun
# ("50 plus staff") or after the whole quantity ("20 years or so").
TRAILING = [
    ("The firm has 50 plus staff.", "50 plus staff", "staff", "plus"),
    ("About 100 and more people came.", "100 and more people", "person", "and more"),
    ("The club signed 30 plus players.", "30 plus players", "player", "plus"),
    ("They waited 20 years or so.", "20 years", "year", "or so"),
    ("It takes 5 days or more to cross.", "5 days", "day", "or more"),
    ("A trip of 10 km or less.", "10 km", "km", "or less"),
]


@pytest.mark.parametrize(("sentence", "text", "unit", "word"), TRAILING, ids=[t[1] for t in TRAILING])
def test_extract_trailing_qualifiers_follow_the_lexicon(
    sentence: str, text: str, unit: str, word: str
) -> None:
    claims = {c.text: c for c in extract_text(sentence)}
    assert text in claims, f"found {list(claims)}"
    assert (claims[text].unit, claims[text].qualifier) == (unit, TRAILING_QUALIFIERS[word])


@pytest.mark.parametrize(
    ("sentence", "text"),
    [("It costs €15 million plus VAT.", "€15 million"), ("He said 5 plus 3 is 8.", "5")],
    ids=["plus-adds-to-money", "plus-between-numbers"],
)
def test_extract_plus_after_a_quantity_is_no_qualifier(sentence: str, text: str) -> None:
    claims = {c.text: c for c in extract_text(sentence)}
    assert text in claims, f"found {list(claims)}"
    assert claims[text].qualifier is None


ELIDED = [
    ("Final results: NDA wins 291 seats, set to form government; INDIA bloc 230", "230", "seat"),
    (
        "The 2019 elections saw 61.5 crore out of 91.20 crore eligible voters exercising their franchise.",
        "61.5 crore",
        "voter",
    ),
    ("The Congress won 99 seats, against 44 in 2014 and 52 in 2019.", "44", "seat"),
    ("At least 93 dead in Maui wildfires.", "93 dead", "person"),
    ("At least 93 dead, more than 2,700 properties destroyed.", "93 dead", "person"),
    # A fact box's line: the label counts its figure.
    ("Passengers: 212", "212", "passenger"),
    ("Accounts affected: 18,400", "18,400", "account"),
    ("Flights cancelled: 312 on 4 July, a further 77 on 5 July", "312", "flight"),
    ("Injured: 46 (11 seriously)", "46", "person"),
    ("Batches recalled: 31 (14 announced on 4 March, 17 added today)", "31", "batch"),
    # A label of no plural names no counted thing; nor does a figure after the start of a sentence.
    ("Majority: 353. Turnout 37.2%.", "353", None),
    ("Green: 8 (+3)", "8", None),
    ("He told reporters the union had 35 and the company 40 of them.", "35", None),
]


@pytest.mark.parametrize(("sentence", "text", "unit"), ELIDED, ids=[f"{t}-{u}" for _, t, u in ELIDED])
def test_extract_bare_count_takes_the_noun_of_its_sentence(
    sentence: str, text: str, unit: str | None
) -> None:
    (claim,) = [c for c in extract_text(sentence) if c.text == text]
    assert claim.unit == unit


COMPOUND = [
    (
        "Its last ping came one hour and 45 minutes after it submerged.",
        "one hour and 45 minutes",
        105,
        "minute",
    ),
    ("The dive lasted 1 hour 45 minutes.", "1 hour 45 minutes", 105, "minute"),
    ("The talks took two days and 6 hours.", "two days and 6 hours", 54, "hour"),
    ("He ran for 3 years, 2 months and 14 days.", "3 years, 2 months and 14 days", 1170.625, "day"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit"), COMPOUND, ids=[c[1] for c in COMPOUND])
def test_extract_span_of_time_in_several_units_is_one(
    sentence: str, text: str, value: float, unit: str
) -> None:
    (claim,) = [c for c in extract_text(sentence) if c.kind == "duration"]
    assert (claim.text, claim.unit) == (text, unit)
    assert claim.value == pytest.approx(value)


def test_extract_spans_of_time_in_growing_units_stay_apart() -> None:
    """'in 5 minutes and 2 hours' are two spans: a compound goes from the larger unit to the smaller."""
    assert [c.text for c in extract_text("It rang in 5 minutes and 2 hours.")] == ["5 minutes", "2 hours"]


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("It sank on 18 June.", "18 June"),
        ("It sank on Oct. 18, 2023.", "Oct. 18, 2023"),
        ("Talks began JUNE 18.", "JUNE 18"),
    ],
    ids=["full-name", "abbreviation", "capitals"],
)
def test_extract_date_takes_a_dot_only_after_an_abbreviated_month(sentence: str, text: str) -> None:
    assert [c.text for c in extract_text(sentence) if c.kind == "date"] == [text]


@pytest.mark.parametrize(
    ("sentence", "per"),
    [
        ("Microsoft agreed to pay $95 per Activision Blizzard share.", "share"),
        ("The offer was $95 a share in cash.", "share"),
        ("Tickets cost $10 a head.", "person"),
    ],
    ids=["per-a-named-noun", "a-share", "a-head"],
)
def test_extract_rate_per_unit_across_a_name(sentence: str, per: str) -> None:
    (claim,) = [c for c in extract_text(sentence) if c.kind == "money"]
    assert claim.per == per


MEASURED = [
    ("The quake had a magnitude of 5.9.", "magnitude"),
    ("A magnitude-5.9 tremor hit the city.", "magnitude"),
    ("It was a category 4 hurricane.", "category"),
    ("The storm reached Category 5.", "category"),
    ("Alert level 3 was declared.", "level"),
]


@pytest.mark.parametrize(("sentence", "unit"), MEASURED, ids=[m[0][:24] for m in MEASURED])
def test_extract_bare_figure_after_a_measure_word_measures_it(sentence: str, unit: str) -> None:
    (claim,) = extract_text(sentence)
    assert claim.unit == unit
