"""Claims built by hand, so the comparator's and the grouper's tests do not depend on the extractor.

A ``ClaimDoc`` lays its sentences end to end in one document text, as the loader would, so offsets
are real: ``doc.text[claim.start:claim.end] == claim.text`` and two sentences of one document never
share a ``sentence_start``. ``make_claim`` is the one-claim shortcut.

>>> doc = ClaimDoc("seeds/000_a.txt")
>>> claim = doc.claim("The bridge is 1,200 metres long.", "1,200 metres", kind="distance", value=1200, unit="m")
>>> doc.text[claim.start:claim.end], claim.id
('1,200 metres', '000_a:c0')
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import NamedTuple

from factcheck.models import Claim, ClaimGroup, Kind, Normalized, Number, Qualifier
from factcheck.pipeline import build_groups, read_corpus
from factcheck.report.wording import short_names

# The words in front of a figure that give its qualifier, longest first: "more than" before "more".
QUALIFIER_WORDS: tuple[tuple[str, Qualifier], ...] = (
    ("approximately", "approx"),
    ("about", "approx"),
    ("around", "approx"),
    ("some", "approx"),
    ("nearly", "approx"),
    ("almost", "approx"),
    ("roughly", "approx"),
    ("more than", "more_than"),
    ("over", "more_than"),
    ("less than", "less_than"),
    ("fewer than", "less_than"),
    ("at least", "at_least"),
    ("at most", "at_most"),
    ("up to", "up_to"),
)


class ClaimDoc:
    """One document of hand-built claims; each new sentence is appended to ``text``.

    Claim ids are ``<doc_id>:c<n>`` as the extractor makes them; ``doc_id`` defaults to the file's stem.
    """

    def __init__(self, path: str, *, doc_id: str | None = None) -> None:
        self.path = path
        self.doc_id = doc_id or PurePosixPath(path).stem
        self.text = ""
        self.count = 0
        self._starts: dict[str, int] = {}

    def claim(
        self,
        sentence: str,
        text: str,
        *,
        kind: Kind,
        value: Number | None = None,
        low: Number | None = None,
        high: Number | None = None,
        unit: str | None = None,
        qualifier: Qualifier | None = None,
        date: str | None = None,
        per: str | None = None,
        equivalent_of: str | None = None,
        nth: int = 0,
        claim_id: str | None = None,
    ) -> Claim:
        """The claim ``text`` (its ``nth`` occurrence) of ``sentence``, which joins the document if new."""
        if sentence not in self._starts:
            self._starts[sentence] = len(self.text) + (1 if self.text else 0)
            self.text += (" " if self.text else "") + sentence
        sentence_start = self._starts[sentence]
        offset = -1
        for _ in range(nth + 1):
            offset = sentence.find(text, offset + 1)
            if offset < 0:
                raise ValueError(f"{text!r} is not in {sentence!r} {nth + 1} times")
        start = sentence_start + offset
        qualifier_text = _qualifier_text(sentence[:offset], qualifier)
        claim = Claim(
            id=claim_id or f"{self.doc_id}:c{self.count}",
            document=self.path,
            start=start,
            end=start + len(text),
            text=text,
            sentence=sentence,
            sentence_start=sentence_start,
            kind=kind,
            value=value,
            low=low,
            high=high,
            unit=unit,
            qualifier=qualifier,
            qualifier_text=qualifier_text,
            date=date,
            per=per,
            equivalent_of=equivalent_of,
            normalized=Normalized(value=value, unit=unit),
        )
        self.count += 1
        return claim


def make_claim(sentence: str, text: str, *, document: str = "a.txt", **fields: object) -> Claim:
    """A claim alone in its document: ``make_claim("It has 300 beds.", "300 beds", kind="count", ...)``."""
    return ClaimDoc(document).claim(sentence, text, **fields)  # type: ignore[arg-type]


def _qualifier_text(before: str, qualifier: Qualifier | None) -> str | None:
    """The qualifier's words as written just before the figure, if they are there."""
    if qualifier is None or qualifier == "vague":
        return None
    tail = before.rstrip()
    for words, meaning in QUALIFIER_WORDS:
        if meaning == qualifier and tail.lower().endswith(words):
            return tail[len(tail) - len(words) :]
    return None


class Corpus(NamedTuple):
    """A corpus read and grouped by the real pipeline, with the documents' short names."""

    claims: tuple[Claim, ...]
    groups: tuple[ClaimGroup, ...]
    names: dict[str, str]

    def docs(self, claims: tuple[Claim, ...]) -> set[str]:
        return {self.names[c.document] for c in claims}


def analysed(path: Path) -> Corpus:
    corpus = read_corpus([path])
    return Corpus(corpus.claims, build_groups(corpus.claims), short_names([d.path for d in corpus.docs]))


def write_bridge_articles(folder: Path) -> Path:
    """Two short articles that disagree on a bridge's length and agree on its cost; one spells the
    town with its accent."""
    (folder / "a.txt").write_text(
        "Bridge over the Drina\n\nThe new bridge over the Drina river at Višegrad is 1,200 metres long, the "
        "ministry said. Its construction cost 40 million euros and employed 300 workers.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Drina bridge opens\n\nThe bridge over the Drina at Visegrad, 1,500 metres long, opened on Monday. "
        "Its construction cost about 40 million euros.\n",
        encoding="utf-8",
    )
    return folder
