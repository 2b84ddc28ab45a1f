"""The zones a story's times are told in, and bare clock times read in them (``extract.zones``)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import extract_text
from factcheck.extract.zones import stated_offset, story_offsets, with_story_offsets
from factcheck.models import Claim
from factcheck.values import claims_meet, interval, story_clock_meets


def _time(sentence: str, text: str, *, published: str = "2024-10-08", document: str = "a.txt") -> Claim:
    found = [c for c in extract_text(sentence, published=published) if c.text == text]
    assert found, sentence
    return found[0].model_copy(update={"document": document})


OFFSETS = [
    ("British Summer Time", "It left at 08:17 BST on 8 October 2024.", "08:17 BST", 60),
    ("Central European", "It left at 09:17 CEST on 8 October 2024.", "09:17 CEST", 120),
    (
        "Eastern, before midnight UTC",
        "It was spotted at 10:47 p.m. EDT on 10 March 2025.",
        "10:47 p.m. EDT",
        -240,
    ),
    ("Newfoundland half hour", "It dived at 8:00 NDT on 18 June 2023.", "8:00 NDT", -150),
    ("UTC names no place", "It left at 07:17 UTC on 8 October 2024.", "07:17 UTC", None),
    ("GMT as wires write UTC", "It left at 0717 GMT on 8 October 2024.", "0717 GMT", None),
    ("a bare clock", "It left at 8.17am on 8 October 2024.", "8.17am", None),
]


@pytest.mark.parametrize(
    ("sentence", "text", "offset"), [o[1:] for o in OFFSETS], ids=[o[0] for o in OFFSETS]
)
def test_zones_stated_offset(sentence: str, text: str, offset: int | None) -> None:
    assert stated_offset(_time(sentence, text)) == offset


def test_zones_the_zone_most_documents_state_is_the_storys() -> None:
    home = [_time("It left at 08:17 BST on 8 October 2024.", "08:17 BST", document=d) for d in ("a", "b")]
    foreign = _time("It left at 09:17 CEST on 8 October 2024.", "09:17 CEST", document="c")
    assert story_offsets([*home, foreign]) == (60,)
    assert story_offsets([home[0], foreign]) == ()  # one document each: no zone is the story's
    assert story_offsets([]) == ()


def test_zones_only_bare_clocks_carry_the_story_offsets() -> None:
    stated = _time("It left at 08:17 BST on 8 October 2024.", "08:17 BST")
    bare = _time("It left at 8.15am on Tuesday.", "8.15am", document="b.txt")
    out = with_story_offsets([stated, bare])
    assert [c.story_offsets for c in out] == [None, (60,)]
    assert with_story_offsets([bare]) == [bare]  # no zone stated: nothing to read it in


def test_zones_a_local_time_in_a_zoned_document_takes_no_story_offset() -> None:
    """ "1:05 p.m. local time" in a paper that states Pacific times: the paper's zone or the story's."""
    stated = [
        _time("It closed at 4:05 p.m. EDT on 11 March 2025.", "4:05 p.m. EDT", document=d) for d in "ab"
    ]
    own = _time("It shut at 10:05 a.m. PDT on 11 March 2025.", "10:05 a.m. PDT", document="c")
    local = _time("It said so at 1:05 p.m. local time on 11 March 2025.", "1:05 p.m.", document="c")
    alone = _time("It said so at 1:05 p.m. local time on 11 March 2025.", "1:05 p.m.", document="d")
    out = with_story_offsets([*stated, own, local, alone])
    assert [c.story_offsets for c in out[3:]] == [None, (-240,)]


MEETS = [
    ("the same minute", "It left at 8.17am on Tuesday.", "8.17am", True),
    ("two minutes off", "It left at 8.15am on Tuesday.", "8.15am", False),
    ("about the hour", "It left at about 8am on Tuesday.", "8am", True),
    ("an hour off, as in another zone", "It left at 7.17am on Tuesday.", "7.17am", False),
]


@pytest.mark.parametrize(("sentence", "text", "meets"), [m[1:] for m in MEETS], ids=[m[0] for m in MEETS])
def test_zones_a_bare_clock_meets_an_instant_read_in_the_story_zone(
    sentence: str, text: str, meets: bool
) -> None:
    stated = _time("It left at 08:17 BST on 8 October 2024.", "08:17 BST")
    (bare,) = with_story_offsets([_time(sentence, text, document="b.txt")], offsets=(60,))
    assert claims_meet(bare, stated, interval(bare), interval(stated)) is meets
    assert claims_meet(stated, bare, interval(stated), interval(bare)) is meets
    alone = _time(sentence, text, document="b.txt")  # no story zone: never beside an instant
    assert not claims_meet(alone, stated, interval(alone), interval(stated))


@given(
    st.integers(0, 1439),
    st.integers(0, 366 * 1440),
    st.lists(st.sampled_from([-300, -240, 0, 60, 120, 330, 480, 600]), min_size=1, max_size=4),
)
def test_zones_story_clock_meets_wraps_the_day(clock: int, instant: int, offsets: list[int]) -> None:
    """A clock meets an instant exactly when, under one of the offsets, it reads the instant's time of
    day: across midnight too."""
    padded = np.full((1, 4), np.nan)
    padded[0, : len(offsets)] = offsets
    found = story_clock_meets(
        np.array([float(clock)]), np.zeros(1), np.array([float(instant)]), np.zeros(1), padded
    )[0]
    assert found == any((clock - o) % 1440 == instant % 1440 for o in offsets)
