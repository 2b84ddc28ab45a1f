"""Sentences in, numeric claims out.

>>> [c.text for c in extract_text("Kosovo would have received EUR 210 million (DKK 1.5 billion) from Denmark.")]
['EUR 210 million', 'DKK 1.5 billion']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from factcheck.extract.anchor import anchor_claims
from factcheck.extract.clock import with_times
from factcheck.extract.numbers import as_number
from factcheck.extract.scan import Mention, scan
from factcheck.ingest.sentences import split_sentences
from factcheck.models import Claim, Document, Normalized, Sentence

__all__ = ["extract_claims", "extract_sentence", "extract_text"]


def extract_claims(doc: Document, sents: Iterable[Sentence] | None = None) -> Iterator[Claim]:
    """Every claim of a document, in document order; ids count claims: ``d1:c0``, ``d1:c1``, ...

    Sentences default to ``split_sentences(doc)``.
    """
    found: list[Claim] = []
    for sent in split_sentences(doc) if sents is None else sents:
        found.extend(extract_sentence(sent, doc=doc, first=len(found)))
    yield from anchor_claims(doc, found)  # dates and times read against the whole document


def extract_sentence(sent: Sentence, *, doc: Document, first: int = 0) -> list[Claim]:
    """The claims of one sentence, numbered from ``first``."""
    mentions = with_times(scan(sent.text), sent.text)
    ids = [f"{doc.id}:c{first + i}" for i in range(len(mentions))]
    return elided_nouns([_claim(m, sent, doc=doc, claim_id=ids[i], ids=ids) for i, m in enumerate(mentions)])


def elided_nouns(claims: list[Claim]) -> list[Claim]:
    """A bare count takes the noun of the nearest count of its sentence that names one: a writer names
    the noun once. "NDA wins 291 seats; INDIA bloc 230" (230 seats), "61.5 crore out of 91.20 crore
    eligible voters" (61.5 crore voters: the head noun, not its modifiers), "99 wins against 44 in
    2014" (44 wins). A count alone in its sentence, or
    beside no named one, stays bare.

    >>> [(c.text, c.unit) for c in extract_text("The NDA won 291 seats and the INDIA bloc 230.")]
    [('291 seats', 'seat'), ('230', 'seat')]
    """
    named = [c for c in claims if c.kind == "count" and c.unit and c.per is None and c.qualifier != "vague"]
    if not named:
        return claims
    out = []
    for claim in claims:
        if (
            claim.kind == "count"
            and claim.unit is None
            and claim.per is None
            and claim.value is not None
            and not _after_a_name(claim)
        ):
            nearest = min(named, key=lambda c: (abs(c.start - claim.start), c.start))
            noun = (nearest.unit or "").rsplit(" ", 1)[-1]  # the head: "voters", not "eligible voters"
            claim = claim.model_copy(
                update={"unit": noun, "normalized": Normalized(value=claim.value, unit=noun)}
            )
        out.append(claim)
    return out


def extract_text(text: str, *, published: str | None = None) -> list[Claim]:
    """Claims of a bare string, offsets into it: for tests, benchmarks and ``check``. Dates without a
    year and times are anchored to ``published`` (an ISO date), as a document's are to its own."""
    doc = Document(id="t", path="<text>", title="", text=text, published=published)
    return list(extract_claims(doc))


def _claim(m: Mention, sent: Sentence, *, doc: Document, claim_id: str, ids: list[str]) -> Claim:
    start, end = sent.start + m.start, sent.start + m.end
    value = None if m.value is None else as_number(m.value)
    low = None if m.low is None else as_number(m.low)
    high = None if m.high is None else as_number(m.high)
    return Claim(
        id=claim_id,
        document=doc.path,
        start=start,
        end=end,
        text=doc.text[start:end],
        sentence=sent.text,
        sentence_start=sent.start,
        kind=m.kind,
        value=value,
        low=low,
        high=high,
        unit=m.unit,
        qualifier=m.qualifier,
        qualifier_text=None if m.qualifier_start is None else sent.text[m.qualifier_start : m.start].strip(),
        date=m.date,
        per=m.per,
        equivalent_of=None if m.equivalent is None else ids[m.equivalent],
        normalized=Normalized(value=value, unit=m.unit),
    )


def _after_a_name(claim: Claim) -> bool:
    """Whether the word just before the count is capitalised: "COP 28", "BJP 240" label a thing."""
    before = claim.sentence[: claim.start - claim.sentence_start].rstrip().rsplit(None, 1)
    return bool(before) and before[-1][:1].isupper()
