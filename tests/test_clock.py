"""Clock times: 12- and 24-hour forms, zones as stated, and nothing taken that is not a time."""

from __future__ import annotations

import time
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_text
from factcheck.extract.clock import scan_times


class Case(NamedTuple):
    sentence: str
    text: str
    minutes: int
    zone: str | None


CASES = [
    Case("The sub was due back at 6:10 p.m. Sunday.", "6:10 p.m.", 18 * 60 + 10, None),
    Case("Contact was lost at 18:10 that evening.", "18:10", 18 * 60 + 10, None),
    Case("It surfaced at 6.10pm, hours late.", "6.10pm", 18 * 60 + 10, None),
    Case("The sub lost contact at 9.45 am but was not reported missing.", "9.45 am", 9 * 60 + 45, None),
    Case("The oxygen ran out at 7.08am today.", "7.08am", 7 * 60 + 8, None),
    Case("The vote closes at 12 noon on Friday.", "12 noon", 12 * 60, None),
    Case("Polls close at midnight.", "midnight", 0, None),
    Case("The curfew ends at 24:00 each day.", "24:00", 24 * 60, None),
    Case("It starts at 12 a.m. sharp.", "12 a.m.", 0, None),
    Case("Lunch is at 12pm.", "12pm", 12 * 60, None),
    Case("It submerged at 1pm UK time on Sunday.", "1pm UK time", 13 * 60, "UK time"),
    Case("At 20:05 EDT, authorities were notified.", "20:05 EDT", 20 * 60 + 5, "EDT"),
    Case("The dive began at 10:30 NDT.", "10:30 NDT", 10 * 60 + 30, "NDT"),
    Case("It was 11.08am GMT in London.", "11.08am GMT", 11 * 60 + 8, "GMT"),
    Case("The deadline was 13:00 UTC.", "13:00 UTC", 13 * 60, "UTC"),
    Case("Talks open at 9:00 CET tomorrow.", "9:00 CET", 9 * 60, "CET"),
    Case("Results come at 8am IST.", "8am IST", 8 * 60, "IST"),
    Case("It was 7.08am US Eastern Time then.", "7.08am US Eastern Time", 7 * 60 + 8, "Eastern"),
    Case("The launch is at 3pm Eastern time.", "3pm Eastern time", 15 * 60, "Eastern"),
    Case("The launch is at 3 p.m. ET on Monday.", "3 p.m. ET", 15 * 60, "ET"),
    Case("Rescuers arrived at 4 a.m. local time.", "4 a.m.", 4 * 60, None),  # "local" names no zone
    Case("between 6 am (1000 GMT) and 8 am", "1000 GMT", 10 * 60, "GMT"),
    Case("The summit opened at 14:30 UTC+2 today.", "14:30 UTC+2", 14 * 60 + 30, "UTC+2"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.text for c in CASES])
def test_clock_reads_times_and_zones(case: Case) -> None:
    (claim,) = [c for c in extract_text(case.sentence) if c.kind == "time" and case.text in c.text]
    assert claim.text == case.text
    assert claim.value == case.minutes
    assert claim.unit == case.zone


NOT_TIMES = [
    "The rate rose to 10.30 per cent.",
    "Revenue was 3.45 million.",
    "The ratio was 13pm of nothing.",
    "The midnight deadline passed.",
    "Chapter 24:30 is no time.",
    "It cost £10.30 at 9 in the morning.",
]


@pytest.mark.parametrize("sentence", NOT_TIMES, ids=NOT_TIMES)
def test_clock_takes_no_time_where_there_is_none(sentence: str) -> None:
    assert not scan_times(sentence)


# "<place> time" where the tz database knows one clock for the place: a country of one zone, a zone's city.
PLACES = [
    ("The earthquake struck at 10:24 p.m. Nepal time.", "10:24 p.m. Nepal time", "Asia/Kathmandu"),
    ("Talks open at 9am Moscow time.", "9am Moscow time", "Europe/Moscow"),
    ("The vote ends at 5pm Brazil time.", "5pm", None),  # several zones: no one clock
    ("It began at 9am Sunday time.", "9am", None),  # no place
]


@pytest.mark.parametrize(("sentence", "text", "zone"), PLACES, ids=[p[1] for p in PLACES])
def test_clock_reads_a_place_s_time(sentence: str, text: str, zone: str | None) -> None:
    (claim,) = [c for c in extract_text(sentence) if c.kind == "time"]
    assert (claim.text, claim.unit) == (text, zone)


# An h:mm:ss after "in", "a time of", "ran" is a time taken, in seconds; elsewhere a time of day.
# The wires write the American zones by their region alone after am/pm: "11:40 p.m. Eastern".
REGIONS = [
    ("Talks broke down at 11:40 p.m. Eastern on Sunday.", "11:40 p.m. Eastern", "Eastern"),
    ("The sale opened at 8 a.m. Pacific (11 a.m. Eastern).", "8 a.m. Pacific", "Pacific"),
    ("It aired at 5 a.m. Mountain Standard Time.", "5 a.m. Mountain Standard Time", "Mountain"),
    ("At 3 p.m. Central Park was full.", "3 p.m.", None),  # a name after the time, not its zone
]


@pytest.mark.parametrize(("sentence", "text", "zone"), REGIONS, ids=[r[1] for r in REGIONS])
def test_clock_reads_a_region_after_am_pm_as_its_zone(sentence: str, text: str, zone: str | None) -> None:
    (claim,) = [c for c in extract_text(sentence) if c.kind == "time"][:1]
    assert (claim.text, claim.unit) == (text, zone)


TAKEN = [
    ("Liam Costa won the men's marathon in 2:19:47.", "2:19:47", "duration", 8387.0),
    ("She finished in a time of 2:41:05.", "2:41:05", "duration", 9665.0),
    ("Kipchoge ran 2:01:09 in Berlin.", "2:01:09", "duration", 7269.0),
    ("The alarm went off at 10:12:30 local time.", "10:12:30", "time", 612.0),
    ("The race started at 7:08:30 a.m.", "7:08:30 a.m.", "time", 428.0),
    ("Kiplel's 2:00:27 stands as the winning time.", "2:00:27", "duration", 7227.0),
    ("2. Lemuel Sang (KEN) 2:01:09.", "2:01:09", "duration", 7269.0),
    ("He went through halfway in 59:58.", "59:58", "duration", 3598.0),
    ("UTC time: 2025-03-15 23:47:10", "23:47:10", "time", 1427.0),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), TAKEN, ids=[t[1] for t in TAKEN])
def test_clock_a_time_taken_is_a_duration(sentence: str, text: str, kind: str, value: float) -> None:
    (claim,) = [c for c in extract_text(sentence) if c.text == text]
    assert (claim.kind, claim.value) == (kind, value)
    assert claim.unit == ("second" if kind == "duration" else None)


def test_clock_replaces_the_scanners_reading_of_its_span() -> None:
    claims = extract_text("At 10:30 NDT the dive began, 45 minutes late.")
    assert [(c.kind, c.text) for c in claims] == [("time", "10:30 NDT"), ("duration", "45 minutes")]


@given(st.text(alphabet="0123456789:. apmAPMnoidghtUTCGESBDK()-+\u2212onMdayweek", max_size=80))
@settings(max_examples=300, deadline=None)
def test_clock_never_raises_and_offsets_point_into_the_text(text: str) -> None:
    for mention in scan_times(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end].strip()


@pytest.mark.parametrize(
    "text",
    ["1" * 50_000, "1:" * 25_000, "1.1 " * 12_000 + "x", "12 " * 15_000 + "pm", "( " * 20_000 + "UTC"],
    ids=["digits", "colons", "decimals", "spaces", "brackets"],
)
def test_clock_is_linear_on_adversarial_text(text: str) -> None:
    began = time.perf_counter()
    scan_times(text)
    assert time.perf_counter() - began < 1.0


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Time07:42 UTC", ("07:42 UTC", 462)),
        ("Local time04:17", ("04:17", 257)),
        ("Flight BA2490:15 left", None),
    ],
    ids=["label-and-zone", "label", "a-code-is-no-label"],
)
def test_clock_reads_a_time_glued_to_its_label(text: str, found: tuple[str, int] | None) -> None:
    """An infobox scraped without its borders glues its label to its time: "Time07:42 UTC"."""
    times = [(c.text, c.value) for c in extract_text(text) if c.kind == "time"]
    assert times == ([found] if found else [])
