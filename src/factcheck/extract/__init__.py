"""Sentences in, numeric claims out.

>>> [c.text for c in extract_text("Kosovo would have received EUR 210 million (DKK 1.5 billion) from Denmark.")]
['EUR 210 million', 'DKK 1.5 billion']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from factcheck.extract.anchor import anchor_claims
from factcheck.extract.clock import with_times
from factcheck.extract.counted import appositive_ages, elided_nouns, indefinite_ones, referred_nouns
from factcheck.extract.numbers import as_number
from factcheck.extract.scan import Mention, scan
from factcheck.extract.stance import may_deny, stance_of
from factcheck.ingest.sentences import split_sentences
from factcheck.lexicon import DURATION_UNITS
from factcheck.models import Claim, Document, Normalized, Sentence, trusted, updated

__all__ = ["elided_nouns", "extract_claims", "extract_sentence", "extract_text"]


def extract_claims(doc: Document, sents: Iterable[Sentence] | None = None) -> Iterator[Claim]:
    """Every claim of a document, in document order; ids count claims: ``d1:c0``, ``d1:c1``, ...

    Sentences default to ``split_sentences(doc)``.
    """
    found: list[Claim] = []
    for sent in split_sentences(doc) if sents is None else sents:
        found.extend(extract_sentence(sent, doc=doc, first=len(found)))
    found = referred_nouns(doc.text, found)  # "the number was 850" after "1,000 people remained missing"
    yield from anchor_claims(doc, found)  # dates and times read against the whole document


def extract_sentence(sent: Sentence, *, doc: Document, first: int = 0) -> list[Claim]:
    """The claims of one sentence, numbered from ``first``."""
    mentions = with_times(scan(sent.text), sent.text)
    ids = [f"{doc.id}:c{first + i}" for i in range(len(mentions))]
    deny = bool(mentions) and may_deny(sent.text)
    claims = [_claim(m, sent, doc=doc, claim_id=ids[i], ids=ids, deny=deny) for i, m in enumerate(mentions)]
    return indefinite_ones(elided_nouns(appositive_ages(joined_durations(claims, doc=doc))))


def joined_durations(claims: list[Claim], *, doc: Document) -> list[Claim]:
    """A span of time said in two units is one span: "1 hour 45 minutes", "one hour and 45 minutes"
    are 105 minutes, "two days and 6 hours" 54 hours, in the smaller unit. Other claims keep their ids.

    >>> [(c.text, c.value, c.unit) for c in extract_text("Contact was lost one hour and 45 minutes in.")]
    [('one hour and 45 minutes', 105, 'minute')]
    """
    out: list[Claim] = []
    for claim in claims:
        last = out[-1] if out else None
        if last is not None and _second_part(last, claim):
            big, small = DURATION_UNITS[last.unit or ""][1], DURATION_UNITS[claim.unit or ""][1]
            value = as_number(round((last.value or 0) * big / small + (claim.value or 0), 6))
            text = doc.text[last.start : claim.end]
            out[-1] = updated(
                last,
                {
                    "end": claim.end,
                    "text": text,
                    "value": value,
                    "unit": claim.unit,
                    "normalized": Normalized(value=value, unit=claim.unit),
                },
            )
            continue
        out.append(claim)
    return out


def _second_part(first: Claim, second: Claim) -> bool:
    """Whether ``second`` finishes the span of time ``first`` begins: both plain, the second in a
    smaller unit, nothing but "and" or a comma between them."""
    if first.kind != "duration" or second.kind != "duration" or first.value is None or second.value is None:
        return False
    if (
        first.qualifier == "vague"
        or second.qualifier is not None
        or first.low is not None
        or second.low is not None
    ):
        return False
    units = (DURATION_UNITS.get(first.unit or ""), DURATION_UNITS.get(second.unit or ""))
    if units[0] is None or units[1] is None or units[0][1] <= units[1][1]:
        return False
    gap = second.sentence[first.end - first.sentence_start : second.start - second.sentence_start]
    return _DURATION_GAP.fullmatch(gap) is not None


_DURATION_GAP = re.compile(r"[ \u00a0]*(?:,|and|,[ \u00a0]*and)?[ \u00a0]*")


def extract_text(text: str, *, published: str | None = None) -> list[Claim]:
    """Claims of a bare string, offsets into it: for tests, benchmarks and ``check``. Dates without a
    year and times are anchored to ``published`` (an ISO date), as a document's are to its own."""
    doc = Document(id="t", path="<text>", title="", text=text, published=published)
    return list(extract_claims(doc))


def _claim(
    m: Mention, sent: Sentence, *, doc: Document, claim_id: str, ids: list[str], deny: bool = True
) -> Claim:
    """The claim of a mention, built without validation (``trusted``): the scanner's values are of the
    model's types already, and checking them again was a tenth of extraction. Without ``deny``
    (``may_deny`` of the sentence), its stance is None without a search."""
    start, end = sent.start + m.start, sent.start + m.end
    value = None if m.value is None else as_number(m.value)
    low = None if m.low is None else as_number(m.low)
    high = None if m.high is None else as_number(m.high)
    return trusted(
        Claim,
        {
            "id": claim_id,
            "document": doc.path,
            "start": start,
            "end": end,
            "text": doc.text[start:end],
            "sentence": sent.text,
            "sentence_start": sent.start,
            "kind": m.kind,
            "value": value,
            "low": low,
            "high": high,
            "unit": m.unit,
            "qualifier": m.qualifier,
            "qualifier_text": None
            if m.qualifier_start is None
            else sent.text[m.qualifier_start : m.start].strip(),
            "date": m.date,
            "per": m.per,
            "equivalent_of": None if m.equivalent is None else ids[m.equivalent],
            "normalized": trusted(Normalized, {"value": value, "unit": m.unit}),
            "utc": None,
            "zone": None,
            "story_offsets": None,
            "anchored_by": None,
            "rate": None,
            "rate_date": None,
            "page": None,
            "stance": stance_of(
                sent.text, m.start if m.qualifier_start is None else m.qualifier_start, m.end, deny=deny
            ),
        },
        kept=True,
    )
