"""The zone a story's times are told in, for the clock times that name none.

A document that states its times in one zone lends it to its bare ones (``anchor.document_zone``). A
tabloid's "at 8.15am", in a corpus whose wire, operator and encyclopedia say "08:17 BST" (and a foreign
desk "09:17 CEST"), names no zone and its document none: a reader takes it to be in the zone the story
is told in, the one most of its documents state. So a bare clock time keeps its clock reading and
carries that zone's UTC offset (``Claim.story_offsets``); it meets a stated instant that it reads as in
that zone, and stands against one it does not ("8.15am" is 07:15 UTC: not 07:17). UTC and GMT name no
place: a story told in them alone, or in two zones stated by as many documents, leaves bare times as
they are, compared only with each other, by the clock. The offsets are a tuple so that a rule that
reads a bare clock in several zones (any of them) needs no new field; ``MAX_STORY_ZONES`` bound it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from factcheck.models import Claim, updated

DAY_MINUTES = 1440
REFERENCE_ZONE = "UTC"  # ``Claim.zone`` of "UTC", "GMT" and "Z" (``clock.ZONES``)


def story_offsets(claims: Sequence[Claim]) -> tuple[int, ...]:
    """The UTC offset, in minutes, of the zone most of the documents state their times in (what a
    stated time's clock reads less its instant in UTC), as a tuple; empty when no zone is stated
    outside UTC, or two are stated by as many documents.

    >>> from factcheck.extract import extract_text
    >>> story_offsets(extract_text("It left at 08:17 BST (07:17 UTC) on 8 October 2024."))
    (60,)
    """
    documents: dict[int, set[str]] = {}
    for claim in claims:
        offset = stated_offset(claim)
        if offset is not None:
            documents.setdefault(offset, set()).add(claim.document)
    found = Counter({offset: len(docs) for offset, docs in documents.items()})
    ranked = found.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return ()
    return (ranked[0][0],)


def stated_offset(claim: Claim) -> int | None:
    """A zoned time's UTC offset in minutes, east positive: its clock reading less its UTC time of day.
    UTC itself (and GMT, which wires write for it) is the zone of no place: a story told in UTC alone
    names no local zone for its bare clocks ("2300 GMT" on the wire, "02:00" on the local live blog)."""
    if claim.kind != "time" or not claim.utc or claim.value is None or not 0 <= claim.value < DAY_MINUTES:
        return None
    if claim.zone == REFERENCE_ZONE:
        return None
    clock = claim.utc.rsplit("T", 1)[-1].rstrip("Z")
    hours, _, minutes = clock.partition(":")
    if not (hours.isdigit() and minutes.isdigit()):
        return None
    offset = (int(claim.value) - int(hours) * 60 - int(minutes)) % DAY_MINUTES
    return offset - DAY_MINUTES if offset > DAY_MINUTES // 2 else offset


def bare_clock(claim: Claim) -> bool:
    """A clock time that neither its words nor its document place in a zone ("at 8.15am")."""
    return claim.kind == "time" and claim.utc is None and claim.zone is None and claim.value is not None


LOCAL_TIME = re.compile(r"\s*(?i:local\s+time)\b")


def says_local_time(claim: Claim) -> bool:
    """Whether a time is told in "local time": the clock of the place, not the zone its document states
    its other times in ("7:47 p.m. Eastern time, or 3:47 a.m. local time in Kessaria")."""
    return LOCAL_TIME.match(claim.sentence, claim.end - claim.sentence_start) is not None


def with_story_offsets(claims: Sequence[Claim], *, offsets: tuple[int, ...] | None = None) -> list[Claim]:
    """The claims, each bare clock time carrying the story's offsets (``story_offsets`` of the claims
    themselves unless given: a statement takes its sources'). A "local time" in a document that states
    a zone is left bare: the place it names may be the story's or the paper's own, and a reader cannot
    tell which ("1:05 p.m. local time" in a Portland paper on a Portland bank)."""
    offsets = story_offsets(claims) if offsets is None else offsets
    if not offsets:
        return list(claims)
    zoned = {c.document for c in claims if c.kind == "time" and c.zone is not None}
    return [
        updated(c, {"story_offsets": offsets})
        if bare_clock(c) and not (c.document in zoned and says_local_time(c))
        else c
        for c in claims
    ]
