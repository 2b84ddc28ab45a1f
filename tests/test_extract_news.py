"""The news forms of issue 17, one table per class: real sentences, what must and must not be read."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_text
from factcheck.models import Claim


def _claims(sentence: str) -> list[Claim]:
    claims = extract_text(sentence)
    for claim in claims:
        assert sentence[claim.start : claim.end] == claim.text
    return claims


def _find(sentence: str, text: str) -> Claim:
    claims = _claims(sentence)
    found = [c for c in claims if c.text == text]
    assert found, f"{text!r} not among {[c.text for c in claims]}"
    return found[0]


def _assert_value(claim: Claim, value: float | tuple[float, float]) -> None:
    """A single value, or a range's (low, high)."""
    if isinstance(value, tuple):
        assert (claim.low, claim.high) == pytest.approx(value)
    else:
        assert claim.value == pytest.approx(value)


# --- impossible dates ----------------------------------------------------------------------------

# (sentence, the impossible date): no date claim, and none of its parts read as a count or year.
IMPOSSIBLE_DATES = [
    ("The deal was signed on 31 June 2023, the ministry said.", "31 June 2023"),
    ("The deal was signed on June 31, 2023, the ministry said.", "June 31, 2023"),
    ("The contract is dated 2023-02-30 in the filing.", "2023-02-30"),
    ("Officials said the vote took place on 29 February 2023.", "29 February 2023"),
]


@pytest.mark.parametrize(("sentence", "date"), IMPOSSIBLE_DATES, ids=[d[1] for d in IMPOSSIBLE_DATES])
def test_extract_news_impossible_date_is_no_claim(sentence: str, date: str) -> None:
    at = sentence.index(date)
    inside = [c for c in _claims(sentence) if c.start < at + len(date) and at < c.end]
    assert inside == []


def test_extract_news_iso_timestamp_is_one_date() -> None:
    claims = _claims("Updated 2019-09-01T10:38:07.190Z by the desk.")
    assert [(c.text, c.kind) for c in claims] == [("2019-09-01", "date")]


def test_extract_news_leap_day_stays_a_date() -> None:
    assert _find("The law took effect on 29 February 2024.", "29 February 2024").date == "2024-02-29"


# --- scale words ---------------------------------------------------------------------------------

# (sentence, text, value or (low, high))
SCALES = [
    ("The brothers have a net worth of 1.356 billion pounds.", "1.356 billion pounds", 1.356e9),
    ("Israel's 9 billion shekel ($2.408 billion) tobacco industry.", "$2.408 billion", 2.408e9),
    ("The family is worth $1.762bn, the list says.", "$1.762bn", 1.762e9),
    ("The dollar index was up at 96.088 in late trade.", "96.088", 96.088),
    ("Denmark donated 250.000 COVID-19 vaccine doses.", "250.000 COVID-19 vaccine doses", 250_000),
    ("There are four to five thousand people in the camp.", "four to five thousand people", (4000, 5000)),
    ("Between five and seven million people watched.", "Between five and seven million people", (5e6, 7e6)),
    ("Some two and a half million people fled.", "two and a half million people", 2.5e6),
    (
        "Officials expect two to three hundred thousand visitors.",
        "two to three hundred thousand visitors",
        (2e5, 3e5),
    ),
    ("The value may rise to 33-35 billion euros.", "33-35 billion euros", (33e9, 35e9)),
    ("The bill could reach $7-10bn, analysts say.", "$7-10bn", (7e9, 10e9)),
    ("Japan Pledges ¥1.5 bil. to the fund", "¥1.5 bil", 1.5e9),
    ("The sisters laundered almost S$1mil for the gang.", "S$1mil", 1e6),
    ("The club spent $2 mil on scouting.", "$2 mil", 2e6),
    ("Gas is cooled to minus-260 degrees Fahrenheit.", "minus-260 degrees Fahrenheit", -260),
    ("The current population is about 8 B people.", "8 B people", 8e9),
    ("It is reckoned to have 35m of its Echo devices installed.", "35m", 35e6),
    ("He served 2½ years in jail.", "2½ years", 2.5),
    ("About ¾ of voters agreed.", "¾", 0.75),
    ("The deal is worth £1½ million.", "£1½ million", 1.5e6),
    ("The team's total offense was minus-5 yards.", "minus-5 yards", -5),
    ("Temperatures fell to minus 30 degrees Celsius.", "minus 30 degrees Celsius", -30),
]


@pytest.mark.parametrize(("sentence", "text", "value"), SCALES, ids=[s[1] for s in SCALES])
def test_extract_news_scale_words(sentence: str, text: str, value: float | tuple[float, float]) -> None:
    claim = _find(sentence, text)
    _assert_value(claim, value)


# (sentence, text, qualifier): "sub-" before a number is an upper bound.
SUB = [
    ("New UV light helps chipmakers make sub-7 nanometer chips.", "7 nanometer", "less_than"),
    ("Demand for sub-300 sq m office space has surged.", "300 sq m", "less_than"),
]


@pytest.mark.parametrize(("sentence", "text", "qualifier"), SUB, ids=[s[1] for s in SUB])
def test_extract_news_sub_is_an_upper_bound(sentence: str, text: str, qualifier: str) -> None:
    assert _find(sentence, text).qualifier == qualifier


# --- numbers inside names and identifiers --------------------------------------------------------

# (sentence, the number inside a name): no claim covers it.
NAMES = [
    ("The S&P 500 fell 0.9% while the Nasdaq slid 1.1%.", "500"),
    ("London's FTSE 100 closed higher on Friday.", "100"),
    ("The iPhone 14 Pro sells for $999 in the US.", "14"),
    ("Microsoft will stop supporting Windows 11 version 21H2.", "11"),
    ("The goalkeeper was hurt in Game 2 of the series.", "2"),
    ("Tickets in Section 427 Row 21 cost $6 each.", "427"),
    ("Tickets in Section 427 Row 21 cost $6 each.", "21"),
    ("Tesla delivered 63,150 Model 3 sedans in the quarter.", "3"),
    ("Samsung's Galaxy Note 20 Ultra has a larger battery.", "20"),
    ("The benchmark Stoxx 600 index advanced about 1.7 percent.", "600"),
    ("The flat at 575 Wilbraham Road sold last week.", "575"),
    ("The 787 Dreamliner first flew in 2009.", "787"),
    ("The Prime Minister spoke outside 10 Downing Street.", "10"),
    ("The tie ended 2-2 on aggregate.", "2"),
    ("Bristol City beat Charlton 2-1 thanks to a late winner.", "2"),
    ("Chapman came on with a 9-2 lead in the ninth.", "9"),
    ("Properties including 9 E 71st St, Manhattan, were sold.", "9"),
    ("The house at 358 El Brillo Way, Palm Beach, was sold.", "358"),
    ("Unit 3 at 16-18 Industrial Avenue has been leased.", "16"),
    ("Dak Prescott (4) celebrates a touchdown.", "4"),
    ("VW first used the tech in its electric ID.3 and ID.4 models.", "3"),
    ("VW first used the tech in its electric ID.3 and ID.4 models.", "4"),
    ("His call of the Kick Six win over Alabama is famous.", "Six"),
    ("In Europe: Stoxx 50 -1.3% FTSE -0.6%.", "50"),
]


@pytest.mark.parametrize(("sentence", "number"), NAMES, ids=[f"{s[:20]}|{n}" for s, n in NAMES])
def test_extract_news_number_in_a_name_is_no_claim(sentence: str, number: str) -> None:
    at = sentence.index(f" {number} ") + 1 if f" {number} " in sentence else sentence.index(number)
    assert [c.text for c in _claims(sentence) if c.start <= at < c.end] == []


# (sentence, text): a count or measure after a capitalised word that is no name.
NOT_NAMES = [
    ("About 1,000 come from Asia, the ministry said.", "1,000"),
    ("Some 300 troops remain in the country.", "300 troops"),
    ("Russia's 1,500 troops crossed the border.", "1,500 troops"),
    ("Tesla delivered 63,150 Model 3 sedans in the quarter.", "63,150"),
    ("The Samsung Galaxy Note 20 Ultra has a 4500 mAh battery.", "4500 mAh"),
    ("Denmark leased 300 Kosovo prison cells.", "300 Kosovo prison cells"),
    ("Five EU states objected, and 20 Democrats voted no.", "20 Democrats"),
    ("Police said 10-20 people were hurt.", "10-20 people"),
    ("About 460 Kia and Hyundai vehicles were stolen this year.", "460 Kia and Hyundai vehicles"),
    ("Tesla delivered 27000 Model S and Model X vehicles.", "27000"),
    ("Nights fall to about minus 233 Celsius there.", "minus 233 Celsius"),
    ("Analysts say 20 Wall Street banks will report.", "20 Wall Street banks"),
    ("Structures destroyed2,207[5]", "2,207"),  # a table scraped without its cell borders
    ("Deaths80[2][3]", "80"),
    ("Fire Kills Three People In Village", "Three People"),
    ("In Europe: Stoxx 50 -1.3% FTSE -0.6%.", "-1.3%"),
]


@pytest.mark.parametrize(("sentence", "text"), NOT_NAMES, ids=[n[1] for n in NOT_NAMES])
def test_extract_news_count_after_a_capital_stays(sentence: str, text: str) -> None:
    _find(sentence, text)


# --- glued units ---------------------------------------------------------------------------------

# (sentence, text, kind, value, unit)
GLUED = [
    ("The base model doubles storage to 256GB from 128GB.", "256GB", "other", 256, "GB"),
    ("Take one 500mg tablet every four hours.", "500mg", "other", 500, "mg"),
    ("Shares in the firm rose to 164p in London.", "164p", "money", 1.64, "GBP"),
    ("Britain can borrow for fifty years at 1.38pc.", "1.38pc", "percent", 1.38, "%"),
    ("The plan offers 30Mbps for RM79 a month.", "30Mbps", "other", 30, "Mbit/s"),
    ("The screen refreshes at 120Hz, twice the old rate.", "120Hz", "other", 120, "Hz"),
    ("The recalled toy uses a 2.4GHz radio.", "2.4GHz", "other", 2.4, "GHz"),
    ("Its V10 engine makes 640bhp.", "640bhp", "other", 640, "hp"),
    ("The car may soon push past 1000 hp.", "1000 hp", "other", 1000, "hp"),
    ("The phone has a 4500 mAh battery.", "4500 mAh", "other", 4500, "mAh"),
    ("The 1520 sq m medical centre is pre-leased.", "1520 sq m", "other", 1520, "m2"),
    ("The pharmacy dispensed 2 milligrams of the drug.", "2 milligrams", "other", 2, "mg"),
    ("Add 50mL of the acid to the flask.", "50mL", "other", 50, "ml"),
    ("The fire burned 880 hectares of forest.", "880 hectares", "other", 880, "ha"),
    ("The blaze has scorched 2,170 acres.", "2,170 acres", "other", 2170, "acre"),
    ("The lake covers 3 sq mi of the valley.", "3 sq mi", "other", 3, "mi2"),
    ("The park covers one square mile.", "one square mile", "other", 1, "mi2"),
    ("The zone spans 5 square kilometres.", "5 square kilometres", "other", 5, "km2"),
    ("The house has 450 square foot of garden.", "450 square foot", "other", 450, "ft2"),
    ("It was 2.14degF (1.19deg C) warmer than average.", "2.14degF", "other", 2.14, "°F"),
    ("It was 2.14degF (1.19deg C) warmer than average.", "1.19deg C", "other", 1.19, "°C"),
    ("Revenue grew more than sixfold last year.", "sixfold", "ratio", 6, "times"),
    ("It was 30°C in Paris on Monday.", "30°C", "other", 30, "°C"),
    ("Water boils at 212 °F at sea level.", "212 °F", "other", 212, "°F"),
    ("Nights fell to 20 ºC in the desert.", "20 ºC", "other", 20, "°C"),
    ("Jobs grew by 60,600 or one per cent for men.", "one per cent", "percent", 1, "%"),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "value", "unit"), GLUED, ids=[g[1] for g in GLUED])
def test_extract_news_glued_units(sentence: str, text: str, kind: str, value: float, unit: str) -> None:
    claim = _find(sentence, text)
    assert (claim.kind, claim.value, claim.unit) == (kind, pytest.approx(value), unit)


# (sentence, the glued identifier): letters that are no unit make a name, in any case.
GLUED_NAMES = [
    ("Operators rolled out 5G networks across the city.", "5"),
    ("The board uses an LGA1156 socket.", "1156"),
    ("Delegates met at COP28 in Dubai.", "28"),
]


@pytest.mark.parametrize(("sentence", "number"), GLUED_NAMES, ids=[g[0][:24] for g in GLUED_NAMES])
def test_extract_news_glued_identifier_is_no_claim(sentence: str, number: str) -> None:
    at = sentence.index(number)
    assert [c.text for c in _claims(sentence) if c.start <= at < c.end] == []


# --- a change and a level in one sentence --------------------------------------------------------

# (sentence, the change, the level): two claims, no range.
CHANGE_AND_LEVEL = [
    ("Germany's DAX fell 0.4 per cent to 13,176 on Tuesday.", "0.4 per cent", "13,176"),
    ("The index gained 0.7 percent to 6,327.80.", "0.7 percent", "6,327.80"),
    ("The benchmark edged down 0.03% to 1,463.87 points.", "0.03%", "1,463.87 points"),
    ("The Dow rose 64.06 points to 4,577.10.", "64.06 points", "4,577.10"),
    ("The deficit increased by $43.6 billion to $419.2 billion.", "$43.6 billion", "$419.2 billion"),
    ("Its sales jumped 90 per cent to US$7.2 billion.", "90 per cent", "US$7.2 billion"),
    # A span, then the date it reaches: "by three months to 18 October" is no range of months.
    ("They extended the deal by three months to 18 October.", "three months", "18 October"),
    ("The deadline moved by two weeks to the 3rd of May.", "two weeks", "3rd of May"),
]


@pytest.mark.parametrize(
    ("sentence", "change", "level"), CHANGE_AND_LEVEL, ids=[c[1] for c in CHANGE_AND_LEVEL]
)
def test_extract_news_change_then_level_is_two_claims(sentence: str, change: str, level: str) -> None:
    assert _find(sentence, change).low is None
    assert _find(sentence, level).low is None


# (sentence, text, low, high): still ranges.
STILL_RANGES = [
    ("Prices went up 5 to 10 percent last year.", "5 to 10 percent", 5, 10),
    ("The agency may impose a fine of $3 billion to $5 billion.", "$3 billion to $5 billion", 3e9, 5e9),
    ("The upper limit for adults is between 15kHz and 17kHz.", "between 15kHz and 17kHz", 15, 17),
    ("Estimates put the bill at £140m-£240m.", "£140m-£240m", 140e6, 240e6),
    ("It shaves a second off the 0-to-60-mph time.", "0-to-60-mph", 0, 60),
    ("The number range is 5k-20k.", "5k-20k", 5000, 20000),
    ("Take 10mg-20mg a day.", "10mg-20mg", 10, 20),
    ("Sizes go from 450 sq ft up to 900 sq ft.", "from 450 sq ft up to 900 sq ft", 450, 900),
    (
        "Guidance was cut from between $US160 million and $US171 million.",
        "between $US160 million and $US171 million",
        160e6,
        171e6,
    ),
    ("Plans call for an 8- to 16-meter space telescope.", "8- to 16-meter", 8, 16),
    ("He faces a 10- to 15-year prison sentence.", "10- to 15-year", 10, 15),
    ("The cracks are between 5 and six millimetres wide.", "between 5 and six millimetres", 5, 6),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high"), STILL_RANGES, ids=[r[1] for r in STILL_RANGES])
def test_extract_news_range_stays_a_range(sentence: str, text: str, low: float, high: float) -> None:
    claim = _find(sentence, text)
    assert (claim.low, claim.high) == (pytest.approx(low), pytest.approx(high))


# --- currency prefixes and sub-units -------------------------------------------------------------

# (sentence, text, kind, value, unit)
CURRENCIES = [
    ("Global debt was about $US113 trillion before the crisis.", "$US113 trillion", "money", 113e12, "USD"),
    ("The miner paid $A5.5 million for the lease.", "$A5.5 million", "money", 5.5e6, "AUD"),
    ("Revenue grew to HK$3.7 billion last year.", "HK$3.7 billion", "money", 3.7e9, "HKD"),
    ("The fund raised NZ$40 million.", "NZ$40 million", "money", 40e6, "NZD"),
    ("They laundered almost S $1mil from victims.", "S $1mil", "money", 1e6, "SGD"),
    ("Crude was up 19 cents at US$58.24 per barrel.", "19 cents", "money", 0.19, "USD"),
    ("The bar rose 5 cents to 1.20 euros.", "5 cents", "money", 0.05, "EUR"),
    ("She gave birth to a 10-pound baby on Monday.", "10-pound", "other", 10, "lb"),
    ("Police seized 200 pounds of cocaine at the port.", "200 pounds", "other", 200, "lb"),
    ("The state paid 5 million pounds of compensation.", "5 million pounds", "money", 5e6, "GBP"),
    ("He handed over a 5-pound note.", "5-pound", "money", 5, "GBP"),
]


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "value", "unit"), CURRENCIES, ids=[c[1] for c in CURRENCIES]
)
def test_extract_news_currency_prefixes_and_subunits(
    sentence: str, text: str, kind: str, value: float, unit: str
) -> None:
    claim = _find(sentence, text)
    assert (claim.kind, claim.value, claim.unit) == (kind, pytest.approx(value), unit)


# --- four-digit quantities read as years ---------------------------------------------------------

# (sentence, text, kind)
FOUR_DIGITS = [
    ("The company has more than 1000 customers in Europe.", "1000 customers", "count"),
    ("The ministry sent 2000 troops to the border.", "2000 troops", "count"),
    ("A total of 2000 troops were deployed.", "2000 troops", "count"),
    ("Rebels massed a 1500-strong force near the town.", "1500-strong force", "count"),
    ("Voters go to the polls in the 2022 elections.", "2022", "year"),
    ("Output is still below 2019 levels, the bank said.", "2019", "year"),
    ("Sales are measured at 2008 prices.", "2008", "year"),
    ("The summer of 1969 was the hottest on record.", "1969", "year"),
    ("About 1000 come from Asia.", "1000", "count"),
    ("Car prices will go up by an average of 1500.", "1500", "count"),
    ("The fort was built in 1500.", "1500", "year"),
    ("Seas may submerge coastal regions by 2120, scientists warn.", "2120", "year"),
    ("Apple is going from 1000 to 2000 hires this year.", "from 1000 to 2000 hires", "count"),
    ("Adults need about 2000 - 2500 Calories a day.", "2000 - 2500 Calories", "other"),
    ("The law applied from 2019 to 2021.", "from 2019 to 2021", "year"),
]


@pytest.mark.parametrize(
    ("sentence", "text", "kind"), FOUR_DIGITS, ids=[str(getattr(f, "values", f)[1]) for f in FOUR_DIGITS]
)
def test_extract_news_four_digits_year_or_count(sentence: str, text: str, kind: str) -> None:
    assert _find(sentence, text).kind == kind


# --- printed notation: fraction slash, powers of ten, a currency repeated in a range ---------------

# (sentence, text, value or (low, high))
NOTATION = [
    ("One fluid ounce is 1⁄32 of a US quart.", "1⁄32", 1 / 32),
    ("Light travels at about 2.998×10−8 metres per nanosecond.", "2.998×10−8 metres", 2.998e-8),
    ("A mole holds 6.02 x 10^23 atoms.", "6.02 x 10^23 atoms", 6.02e23),
    ("Flats may be priced from RM120,000 to RM300,000.", "from RM120,000 to RM300,000", (120_000, 300_000)),
]


@pytest.mark.parametrize(("sentence", "text", "value"), NOTATION, ids=[n[1] for n in NOTATION])
def test_extract_news_printed_notation(sentence: str, text: str, value: float | tuple[float, float]) -> None:
    claim = _find(sentence, text)
    _assert_value(claim, value)


def test_extract_news_relay_is_no_power_of_ten() -> None:
    assert all(c.value != 4 * 10**0 or c.text != "4x100" for c in _claims("She ran the 4x100 relay."))


# --- bounds on both sides and bounds after the number ---------------------------------------------

# (sentence, text, value or (low, high), qualifier)
BOUNDS = [
    (
        "Police put the crowd at more than 100 and fewer than 300 people.",
        "more than 100 and fewer than 300 people",
        (100, 300),
        None,
    ),
    (
        "The fund will hold no more than 50 and no less than 20 stocks.",
        "no more than 50 and no less than 20 stocks",
        (20, 50),
        None,
    ),
    ("Tickets cost less than or equal to $30.", "$30", 30, "at_most"),
    ("The firm employs about 500 people or more.", "500 people", 500, "at_least"),
    ("Scores of 200 or greater qualify.", "200", 200, "at_least"),
    ("Volunteers worked 20 through 100 hours.", "20 through 100 hours", (20, 100), None),
    ("Free travel is offered to residents aged 65 and over.", "65", 65, "at_least"),
    ("Children of five and under travel free.", "five", 5, "at_most"),
    ("Weekly sales exceeded 3,000 units for the first time.", "3,000 units", 3000, "more_than"),
    ("The fund's assets surpassed $2 billion in March.", "$2 billion", 2e9, "more_than"),
    ("Turnout topped 70% in the northern districts.", "70%", 70, "more_than"),
    ("Half of the victims were over 65 years old.", "65 years old", 65, "more_than"),
    ("Repayments were spread over 25 years.", "25 years", 25, None),
]


@pytest.mark.parametrize(("sentence", "text", "value", "qualifier"), BOUNDS, ids=[b[1] for b in BOUNDS])
def test_extract_news_bounds(
    sentence: str, text: str, value: float | tuple[float, float], qualifier: str | None
) -> None:
    claim = _find(sentence, text)
    _assert_value(claim, value)
    assert claim.qualifier == qualifier


# (sentence, text, value, unit): "17,000+ acres" is at least 17,000 acres.
GLUED_PLUS = [
    ("The fire burned 17,000+ acres of forest.", "17,000+ acres", 17_000, "acre"),
    ("Rescuers reached 500+ homes by Friday.", "500+ homes", 500, "home"),
    ("The film is rated 18+.", "18+", 18, None),
    ("Total injuries: 26+ Missing: 1,500", "26+", 26, "injury"),  # a labelled line counts its label
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit"), GLUED_PLUS, ids=[g[1] for g in GLUED_PLUS])
def test_extract_news_glued_plus_is_a_lower_bound(
    sentence: str, text: str, value: float, unit: str | None
) -> None:
    claim = _find(sentence, text)
    assert (claim.value, claim.unit, claim.qualifier) == (value, unit, "at_least")


def test_extract_news_crossed_bounds_stay_apart() -> None:
    claims = _claims("Ages more than 40 and less than 10 are excluded.")
    assert [(c.value, c.qualifier) for c in claims] == [(40, "more_than"), (10, "less_than")]


# --- figures listed before the one that names their scale and unit ------------------------------

# (sentence, the first figure, its value, kind, unit)
LISTED = [
    ("The U.S. and Japan pledged 17 and 10 million dollars, respectively.", "17", 17e6, "money", "USD"),
    ("Germany, France and Italy offered 5, 6 and 7 billion euros.", "6", 6e9, "money", "EUR"),
    ("Turnout was 65 and 60 per cent in the two rounds.", "65", 65, "percent", "%"),
    ("The two plants export 3 and 4.5 million tonnes a year.", "3", 3e6, "other", "t"),
]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "kind", "unit"), LISTED, ids=[x[0][:30] for x in LISTED]
)
def test_extract_news_listed_figures_share_scale_and_unit(
    sentence: str, text: str, value: float, kind: str, unit: str
) -> None:
    claim = _find(sentence, text)
    assert (claim.value, claim.kind, claim.unit) == (pytest.approx(value), kind, unit)


# (sentence, the first figure, its value): nothing to share.
NOT_LISTED = [
    ("Between 5 and 7 million people voted.", "Between 5 and 7 million people", None),
    ("Sales of 1,500 and 10 million units were reported.", "1,500", 1500),
    ("In 2019 and 2020 million people travelled.", "2019", 2019),
]


@pytest.mark.parametrize(("sentence", "text", "value"), NOT_LISTED, ids=[x[1] for x in NOT_LISTED])
def test_extract_news_unlisted_figures_keep_their_value(
    sentence: str, text: str, value: float | None
) -> None:
    assert _find(sentence, text).value == value


# --- nouns the counter loses ---------------------------------------------------------------------

# (sentence, text, kind, unit)
NOUNS = [
    (
        "NATO sent twelve British, French and German jets.",
        "twelve British, French and German jets",
        "count",
        "jet",
    ),
    ("Officials said 20 French and German troops died.", "20 French and German troops", "count", "troop"),
    ("Two of the engines failed during take-off.", "Two of the engines", "count", "engine"),
    ("Three of its reactors were shut down.", "Three of its reactors", "count", "reactor"),
    ("The plant makes 12,000 tonnes of steel a year.", "12,000 tonnes", "other", "t"),
    ("The field pumps 50,000 barrels of oil a day.", "50,000 barrels", "other", "barrel"),
    ("A 2,000-strong force crossed the border.", "2,000-strong force", "count", "force"),
    ("A 300-strong crowd gathered outside.", "300-strong crowd", "count", "crowd"),
    ("Trial patients took 1,000 IU of vitamin D.", "1,000 IU", "other", "IU"),
    ("The Camp Fire claimed 86 lives in 2018.", "86 lives", "count", "life"),
    ("Police said 1,500 remain missing.", "1,500 remain missing", "count", "person"),
    ("Officials said 1,000 remained unaccounted for.", "1,000 remained unaccounted", "count", "person"),
    ("Five were injured in the crash.", "Five were injured", "count", "person"),
    ("The 2 were friends.", "2", "count", None),
    # A bare figure that is the value of a noun that counts: "the death toll" counts people.
    ("The death toll from the fires in Maui was at 93 on Monday.", "93", "count", "person"),
    ("The confirmed death toll rose to at least 99 on Monday.", "99", "count", "person"),
    ("The number of migrants crossing the Channel rose to 5,000.", "5,000", "count", "migrant"),
    ("The tally of missing children now stands at 41.", "41", "count", "child"),
    ("The number of confirmed fatalities remains at 111, police said.", "111", "count", "fatality"),
    ("The total of 93, he said, is final.", "93", "count", None),
    # An age: between commas after a name, or a span of years "old".
    ("Neymar, 25, joined PSG.", "25", "other", "year of age"),
    ("The victims were Ana, 12, and Tom, 9.", "9", "other", "year of age"),
    ("Half of the victims were over 65 years old.", "65 years old", "other", "year of age"),
    ("Items 1, 2, 3, and 4 were sold.", "2", "count", None),
    ("On June 5, 25 people died.", "25 people", "count", "person"),
    ("In 2019, 25 came.", "25", "count", None),
    ("A six-month-old baby survived.", "six-month", "duration", "month"),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "unit"), NOUNS, ids=[n[1] for n in NOUNS])
def test_extract_news_counted_nouns(sentence: str, text: str, kind: str, unit: str | None) -> None:
    claim = _find(sentence, text)
    assert (claim.kind, claim.unit) == (kind, unit)


# --- rates ---------------------------------------------------------------------------------------

# (sentence, text, per)
RATES = [
    ("A seat on the dive cost $250,000 per passenger.", "$250,000", "passenger"),
    ("The club charged £40 a head for the dinner.", "£40", "person"),
    ("Analysts value the stock at $95/share.", "$95", "share"),
    ("Volunteers were paid $5 each.", "$5", "volunteer"),
    ("Tickets in Section 427 Row 21 cost $6 each in the stands.", "$6", "ticket"),
    ("The firm lost 63 cents per share in the quarter.", "63 cents", "share"),
    ("They paid $5 each month.", "$5", "month"),
    ("Rents rose to £1,200 a month in London.", "£1,200", "month"),
    ("Messi earns £500,000-a-week after tax.", "£500,000", "week"),
    ("Brent crude rose to $84.50 a barrel on Monday.", "$84.50", "barrel"),
    ("Gold hit $2,350 an ounce, a record.", "$2,350", "ounce"),
    ("Beef now costs $3 a pound in Texas.", "$3", "pound"),
    ("Households pay 30p a kWh under the cap.", "30p", "kwh"),
    ("The flames moved 5 miles every minute in one area.", "5 miles", "minute"),
    ("The drone flew 10 metres a second.", "10 metres", "second"),
    ("It raced a mile (1.6 kilometers) every minute.", "1.6 kilometers", "minute"),
    ("He earns $5 (£4) a day.", "£4", "day"),
    ("Others on board the £195,000 per-person trip were named.", "£195,000", "person"),
]

# (sentence, text): "a week earlier", "a year ago" set a figure in time; they state no rate.
NOT_RATES = [
    (
        "Open interest eased to 196,440 contracts from 210,643 contracts a week earlier.",
        "210,643 contracts",
    ),
    ("The carmaker sold 3,000 vehicles a year ago.", "3,000 vehicles"),
    ("Profit was $4 billion, against $3 billion a year-earlier.", "$3 billion"),
    ("Shares traded at $52 a month later.", "$52"),
    ("The United Arab Emirates and Germany pledged $100 million each.", "$100 million"),
]


@pytest.mark.parametrize(
    ("sentence", "text", "per"), RATES, ids=[getattr(r, "values", r)[0][:30] for r in RATES]
)
def test_extract_news_rates(sentence: str, text: str, per: str) -> None:
    assert _find(sentence, text).per == per


@pytest.mark.parametrize(("sentence", "text"), NOT_RATES, ids=[r[1] for r in NOT_RATES])
def test_extract_news_point_in_time_is_no_rate(sentence: str, text: str) -> None:
    assert _find(sentence, text).per is None


# (a table scraped without its borders, the value glued to its label, the noun it counts)
TABLE_CELLS = [
    ("Impacts Deaths80[2][3] Non-fatal injuries26+", "80", "death"),
    ("Impacts Deaths80[2][3] Non-fatal injuries26+", "26+", "injury"),
    ("Missing people1,500[4] Structures destroyed2,207[5]", "1,500", "person"),
    ("Missing people1,500[4] Structures destroyed2,207[5]", "2,207", "structure"),
]


@pytest.mark.parametrize(("sentence", "text", "unit"), TABLE_CELLS, ids=[t[1] for t in TABLE_CELLS])
def test_extract_news_table_cell_counts_its_label(sentence: str, text: str, unit: str) -> None:
    assert _find(sentence, text).unit == unit


# --- temperatures with a capital C, weights in pounds and ounces ----------------------------------

# (sentence, text, value, unit)
MEASURES_WRITTEN_SHORT = [
    ("Temperatures hit 30C in London on Tuesday.", "30C", 30, "°C"),
    ("The mercury fell to -5C overnight in Oslo.", "-5C", -5, "°C"),
    ("The station logged a record 106.2F on Tuesday.", "106.2F", 106.2, "°F"),
    ("The payload stack weighs about 4.4 metric tons.", "4.4 metric tons", 4.4, "t"),
    ("Attackers drained 35,400 ETH from a hot wallet.", "35,400 ETH", 35_400, "ETH"),
    ("The hackers had stolen 31,250 ether by Tuesday.", "31,250 ether", 31_250, "ETH"),
    ("He bought 0.5 BTC with his savings.", "0.5 BTC", 0.5, "BTC"),
    ("The baby weighed 8 pounds 6 ounces at birth.", "8 pounds", 8, "lb"),
    ("The baby weighed 8 pounds 6 ounces at birth.", "6 ounces", 6, "oz"),
    ("The baby weighed just over 2 pounds.", "2 pounds", 2, "lb"),
    ("The suspect, who weighs about 300 pounds, fled on foot.", "300 pounds", 300, "lb"),
    ("He paid 2 pounds for a set of weighing scales.", "2 pounds", 2, "GBP"),
    (
        "The Fed raised rates by a quarter of a percentage point.",
        "a quarter of a percentage point",
        0.25,
        "%",
    ),
    ("The bank cut its rate by half a percentage point.", "half a percentage point", 0.5, "%"),
]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"), MEASURES_WRITTEN_SHORT, ids=[m[1] for m in MEASURES_WRITTEN_SHORT]
)
def test_extract_news_measures_written_short(sentence: str, text: str, value: float, unit: str) -> None:
    claim = _find(sentence, text)
    assert (claim.value, claim.unit) == (value, unit)


# (sentence, the part that must give no temperature): "43c" is cents, "seat 14C" a label.
NOT_CELSIUS = [
    ("The stamp cost 43c at the post office.", "43c"),
    ("She was sitting in seat 14C near the wing.", "14C"),
    ("The family lived in Flat 3C on the top floor.", "3C"),
    ("She was sitting in seat 14F near the wing.", "14F"),
]


@pytest.mark.parametrize(("sentence", "text"), NOT_CELSIUS, ids=[n[1] for n in NOT_CELSIUS])
def test_extract_news_lower_case_or_labelled_c_is_no_celsius(sentence: str, text: str) -> None:
    assert [c.unit for c in _claims(sentence) if c.unit in ("°C", "°F")] == []


# --- a measure and a half ------------------------------------------------------------------------

# (sentence, text, value, unit)
HALVES = [
    ("The talks lasted an hour and a half.", "an hour and a half", 1.5, "hour"),
    ("For the first hour and a half of the descent, the sub kept in touch.", "hour and a half", 1.5, "hour"),
    ("The bridge took a year and a half to build.", "a year and a half", 1.5, "year"),
    ("The meeting lasted two hours and a half.", "two hours and a half", 2.5, "hour"),
    ("The school is a mile and a half away.", "a mile and a half", 1.5, "mi"),
    ("He waited one and a half hours.", "one and a half hours", 1.5, "hour"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit"), HALVES, ids=[h[1] for h in HALVES])
def test_extract_news_measure_and_a_half(sentence: str, text: str, value: float, unit: str) -> None:
    claims = _claims(sentence)
    assert [(c.text, c.value, c.unit) for c in claims] == [(text, value, unit)]


def test_extract_news_half_of_no_measure_stays_a_fraction() -> None:
    assert [(c.text, c.value) for c in _claims("He ate a pie and a half of the cake.")] == [("a half", 0.5)]


# --- spoken estimates: "three or four", "one to two" ---------------------------------------------

# (sentence, text, low, high)
ESTIMATES = [
    ("Over the past three or four years lenders have changed.", "three or four years", 3, 4),
    ("Thousands have been out of work for one to two years.", "one to two years", 1, 2),
    ("He expects one or two goals at most.", "one or two goals", 1, 2),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high"), ESTIMATES, ids=[e[1] for e in ESTIMATES])
def test_extract_news_spoken_estimates(sentence: str, text: str, low: float, high: float) -> None:
    claim = _find(sentence, text)
    assert (claim.low, claim.high) == (low, high)


def test_extract_news_alternatives_in_digits_stay_apart() -> None:
    texts = [c.text for c in _claims("The S8 may be 25k or 40k cheaper than its rivals respectively.")]
    assert "25k or 40k" not in texts


# --- page furniture: telephone numbers -----------------------------------------------------------

PHONES = [
    "For tickets call 01632 960 123 before Friday.",
    "The London office is on 020 7946 0958.",
    "Tel: +44 1632 960123",
    "Readers can phone (202) 555-0142 with tips.",
]


@pytest.mark.parametrize("sentence", PHONES, ids=[p[:24] for p in PHONES])
def test_extract_news_phone_number_is_no_claim(sentence: str) -> None:
    assert _claims(sentence) == []


# --- numbers that count nothing one compares -----------------------------------------------------

# (sentence, the words that must give no claim)
NO_FIGURE = [
    ("Basketball has been part of the culture for more than a century.", "a century"),
    ("The deficit hit its highest level in a decade last year.", "a decade"),
    ("The SUV had a six-speed automatic transmission.", "six-speed"),
    ("It would be a four-door lap record.", "four-door"),
    ("They stayed at a five-star hotel.", "five-star"),
    ("Using the same one across accounts is a security fail.", "one"),
    ("He scored in the second half of the game.", "half"),
]


@pytest.mark.parametrize(("sentence", "words"), NO_FIGURE, ids=[n[1] for n in NO_FIGURE])
def test_extract_news_figure_of_speech_is_no_claim(sentence: str, words: str) -> None:
    at = sentence.index(words)
    assert [c.text for c in _claims(sentence) if c.start < at + len(words) and at < c.end] == []


# --- a bare figure after the noun it measures ----------------------------------------------------

# (sentence, text, value, unit)
MEASURED = [
    ("The quake had a magnitude of 5.9, the survey said.", "5.9", 5.9, "magnitude"),
    ("A magnitude-5.9 tremor hit the coast.", "5.9", 5.9, "magnitude"),
    ("The category 4 hurricane made landfall overnight.", "4", 4, "category"),
    ("Forecasters said the Category 5 Hurricane Ian was weakening.", "5", 5, "category"),
    ("Alert level 3 remains in force.", "3", 3, "level"),
    ("They won with a score of 3 goals.", "3 goals", 3, "goal"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit"), MEASURED, ids=[m[0][:30] for m in MEASURED])
def test_extract_news_measured_figure(sentence: str, text: str, value: float, unit: str) -> None:
    claim = _find(sentence, text)
    assert (claim.kind, claim.value, claim.unit) == ("count", pytest.approx(value), unit)


# --- runs of days and lap times ------------------------------------------------------------------

# (sentence, the part that must give no count)
NOT_COUNTS = [
    ("The hunt takes place Sept. 20-24 and Oct. 18-22.", "24"),
    ("The hunt takes place Sept. 20-24 and Oct. 18-22.", "22"),
    ("A Model S ran a 1:36.6 at Laguna Seca.", "6"),
    ("The Olinda fire (initially reported 8/8) is 85% contained.", "8"),
]

# (sentence, a month and a day written with a slash): no fraction, no count.
SLASH_DATES = [
    ("As of today, 8/17, data for these fires will be reported separately.", "8/17"),
    ("The Pulehu fire was declared 100% contained 8/12.", "8/12"),
    ("Rescuers who worked in the aftermath of 9/11 joined the search.", "9/11"),
    ("The merger agreement was extended to 10/18 to allow more time.", "10/18"),
    ("The extension to 10/18 helps both firms.", "10/18"),
]


@pytest.mark.parametrize(("sentence", "date"), SLASH_DATES, ids=[d[1] for d in SLASH_DATES])
def test_extract_news_slash_date_is_no_fraction(sentence: str, date: str) -> None:
    at = sentence.index(date)
    assert [c.text for c in _claims(sentence) if c.start < at + len(date) and at < c.end] == []


# (sentence, text, value): fractions in digits stay fractions.
SLASH_FRACTIONS = [
    ("About 3/4 of voters backed the plan.", "3/4", 0.75),
    ("Nearly 5/12 of the budget went on salaries.", "5/12", 5 / 12),
    ("The pipe is 3/16 inch thick.", "3/16 inch", 0.1875),
    ("The tank was 7/10 full when it left port.", "7/10", 0.7),
    ("Light waves about 1/40 of the wavelength.", "1/40", 0.025),
]


@pytest.mark.parametrize(("sentence", "text", "value"), SLASH_FRACTIONS, ids=[f[1] for f in SLASH_FRACTIONS])
def test_extract_news_slash_fraction_stays(sentence: str, text: str, value: float) -> None:
    assert _find(sentence, text).value == pytest.approx(value)


@pytest.mark.parametrize(("sentence", "number"), NOT_COUNTS, ids=[f"{s[:20]}|{n}" for s, n in NOT_COUNTS])
def test_extract_news_part_of_a_date_or_time_is_no_count(sentence: str, number: str) -> None:
    at = sentence.rindex(number)
    assert [c.kind for c in _claims(sentence) if c.start <= at < c.end and c.kind == "count"] == []


def test_extract_news_run_of_days_keeps_the_next_date() -> None:
    assert [c.date for c in _claims("It ran from 5 June-7 July.")] == ["--06-05", "--07-07"]


# "One <noun>" as an indefinite determiner is no count; as a count of one it stays.
ONES = [
    ("One possibility is that the hull failed.", None),
    ("One official said the toll would rise.", None),
    ("One option was to wait for the tide.", None),
    ("One person was killed in the blast.", "One person"),
    ("One person is dead, the police said.", "One person"),
    ("Only one person survived.", "one person"),
]


@pytest.mark.parametrize(("sentence", "text"), ONES, ids=[s[:30] for s, _ in ONES])
def test_extract_news_indefinite_one_is_no_count(sentence: str, text: str | None) -> None:
    found = [c.text for c in extract_text(sentence) if c.kind == "count"]
    assert found == ([text] if text else [])


# A bare figure that refers back ("the number was 850", "put it between 500 and 800") counts what the
# paragraph counted before it; a new paragraph, or no cue, leaves it bare.
REFERRED = [
    (
        "Green said more than 1,000 remained unaccounted for. Bissen said the number was 850. "
        "The adviser put it between 500 and 800.",
        ["person", "person", "person"],
    ),
    ("More than 1,000 people remained missing.\n\nThe mayor said the number was 850.", ["person", None]),
    ("More than 1,000 people remained missing. The mayor said 850 came.", ["person", None]),
    (
        "A total of 2,847 runners started the marathon. Of those, 1,108 had crossed the finish line.",
        ["runner", "runner"],
    ),
    ("A total of 2,847 runners started. Of the money, 40 went to charity.", ["runner", None]),
]


@pytest.mark.parametrize(
    ("text", "units"), REFERRED, ids=["chain", "new-paragraph", "no-cue", "of-those", "of-another-thing"]
)
def test_extract_news_a_figure_that_refers_back(text: str, units: list[str | None]) -> None:
    assert [c.unit for c in extract_text(text) if c.kind == "count"] == units


# --- a fraction of one unit --------------------------------------------------------------------

# (sentence, text, kind, value, unit): a fraction of one unit is a measure, stated whole in the unit
# below where it can be ("a quarter of an hour" is 15 minutes), not a share of something.
FRACTION_OF_A_UNIT = [
    ("Kick-off was delayed by a quarter of an hour after the turnstiles failed.", "a quarter of an hour",
     "duration", 15, "minute"),
    ("The gates stayed shut for half an hour, police said.", "half an hour", "duration", 30, "minute"),
    ("Talks went on for three quarters of an hour.", "three quarters of an hour", "duration", 45, "minute"),
    ("The wall stood for half a century before it fell.", "half a century", "duration", 50, "year"),
    ("Residents within half a mile of the plant were moved.", "half a mile", "distance", 0.5, "mi"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "value", "unit"), FRACTION_OF_A_UNIT, ids=[c[1] for c in FRACTION_OF_A_UNIT]
)
def test_extract_news_fraction_of_a_unit(
    sentence: str, text: str, kind: str, value: float, unit: str
) -> None:
    claim = _find(sentence, text)
    assert (claim.kind, claim.unit) == (kind, unit)
    _assert_value(claim, value)


def test_extract_news_fraction_of_people_stays_a_share() -> None:
    assert _find("About a quarter of the voters stayed at home.", "a quarter").kind == "ratio"


# --- the noun of a tally --------------------------------------------------------------------------

# (sentence, bare figure, its noun): the second figure of a tally takes the first's noun, never that of
# a count after a comma ("24, with three abstentions").
TALLIES = [
    ("The extra borrowing was approved by 34 votes to 24, with three abstentions.", "24", "vote"),
    ("The council approved the loan by 34 votes to 22 with three abstentions.", "22", "vote"),
    ("The NDA won 291 seats and the INDIA bloc 230.", "230", "seat"),
]


@pytest.mark.parametrize(("sentence", "text", "noun"), TALLIES, ids=[c[1] for c in TALLIES])
def test_extract_news_tally_shares_its_noun(sentence: str, text: str, noun: str) -> None:
    assert _find(sentence, text).unit == noun


# (sentence, bare figure, its noun): a counting subject ("the toll") linked by a perfect tense.
COUNTING_SUBJECTS = [
    ("Civil protection says the toll has risen to 17, with nine people missing.", "17", "person"),
    ("The death toll had climbed to 23 by Monday evening.", "23", "person"),
]


@pytest.mark.parametrize(
    ("sentence", "text", "noun"), COUNTING_SUBJECTS, ids=[c[1] for c in COUNTING_SUBJECTS]
)
def test_extract_news_counting_subject_names_the_noun(sentence: str, text: str, noun: str) -> None:
    assert _find(sentence, text).unit == noun
