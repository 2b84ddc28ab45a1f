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
    return [_claim(m, sent, doc=doc, claim_id=ids[i], ids=ids) for i, m in enumerate(mentions)]


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
