"""The whole analysis, composed: paths -> documents -> sentences -> claims -> groups -> report."""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.config import Settings
from factcheck.errors import UsageError
from factcheck.extract.zones import with_story_offsets
from factcheck.ingest.copies import find_copies
from factcheck.models import (
    SEVERITIES,
    STATUSES,
    Claim,
    ClaimGroup,
    Document,
    DocumentSummary,
    Identity,
    Report,
    Sentence,
)
from factcheck.parallel import helper, jsonl_all, read_all
from factcheck.rates import checked_rates, corpus_rates_of_day, rates_of_day
from factcheck.report.files import jsonl_header
from factcheck.report.wording import short_names

if TYPE_CHECKING:  # grouping's modules load NumPy: imported where grouping is done
    from factcheck.group.columns import Submit


@dataclass(frozen=True)
class Corpus:
    """Documents with their sentence counts and claims, before grouping."""

    docs: tuple[Document, ...]
    sentence_counts: dict[str, int] = field(default_factory=dict)
    claims: tuple[Claim, ...] = ()
    copies: dict[str, str] = field(default_factory=dict)  # a copy's path -> its original's (``find_copies``)

    def comparable(self) -> tuple[Claim, ...]:
        """The claims the grouper compares: all but those of header lines that describe a source
        (``Document.metadata``), whose dates say when it was published, not what happened, and those
        of copies of another document, which is one source however often it is republished."""
        spans = {d.path: d.metadata for d in self.docs if d.metadata}
        if not spans and not self.copies:
            return self.claims
        return tuple(
            c
            for c in self.claims
            if c.document not in self.copies
            and not any(a <= c.start < b for a, b in spans.get(c.document, ()))
        )

    def names(self) -> dict[str, str]:
        """Each document's short name ("000"), as every view of the corpus names it."""
        return short_names([d.path for d in self.docs])

    def groups(
        self, *, settings: Settings | None = None, rates: Mapping[str, float] | None = None
    ) -> tuple[ClaimGroup, ...]:
        """``build_groups`` of the comparable claims, the documents named as in every view."""
        if rates is not None:  # a --rates table must price every currency the documents use
            rates = checked_rates(rates, (c.unit or "" for c in self.claims if c.kind == "money"))
        return build_groups(
            self.comparable(), settings=settings, rates=rates, names=self.names(), published=self.published()
        )

    def published(self) -> dict[str, str | None]:
        """Each document's publication date, where known: the day its story is told from."""
        return {d.path: d.published for d in self.docs}

    def summaries(self) -> tuple[DocumentSummary, ...]:
        per_doc: dict[str, int] = {}
        for claim in self.claims:
            per_doc[claim.document] = per_doc.get(claim.document, 0) + 1
        return tuple(
            DocumentSummary(
                id=d.id,
                path=d.path,
                title=d.title,
                published=d.published,
                sentences=self.sentence_counts.get(d.id, 0),
                claims=per_doc.get(d.path, 0),
                text_source=d.text_source,
                copy_of=self.copies.get(d.path),
            )
            for d in self.docs
        )


def read_corpus(
    paths: Sequence[str | Path],
    *,
    found: Sequence[Path] | None = None,
    on_warning: Callable[[str], None] | None = None,
    on_document: Callable[[Document], None] | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Corpus:
    """Load, split and extract: the corpus before grouping. ``found`` is ``find_sources(paths)`` when the
    caller has it already (a progress bar sized by it); ``on_document`` is called as each is read.

    ``jobs`` processes read the documents (0: one per core), or the workers of a Dask ``scheduler``
    (``"local"`` or a scheduler's address, ``"tcp://host:8786"``); the corpus is the same either way."""
    docs: list[Document] = []
    counts: dict[str, int] = {}
    claims: list[Claim] = []
    signatures = {}
    reads = read_all(paths, found=found, on_warning=on_warning, jobs=jobs, scheduler=scheduler, signed=True)
    for read in reads:
        docs.append(read.doc)
        counts[read.doc.id] = read.sentences
        claims.extend(read.claims)
        signatures[read.doc.path] = read.signature
        if on_document is not None:
            on_document(read.doc)
    copies = find_copies(docs, signatures=signatures)
    claims = with_story_offsets(corpus_rates_of_day(docs, claims))  # bare clocks in the story's zones
    return Corpus(tuple(docs), counts, tuple(claims), copies)


def stream_claims(
    paths: Sequence[str | Path],
    *,
    found: Sequence[Path] | None = None,
    on_warning: Callable[[str], None] | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Iterator[tuple[DocumentSummary, tuple[Sentence, ...], tuple[Claim, ...]]]:
    """Each document's summary, the sentences that hold claims, and its claims, one document at a time:
    memory is bounded by the largest document (and, with ``jobs``, the few read ahead), not by the corpus.

    The claims are those of ``read_corpus``, but for two things only the whole corpus can tell: a
    document that states no date of its own takes no rate of the day (``read_corpus`` gives it the
    middle day of the corpus), so its sums are compared at the reference rates; and a bare clock time
    carries no ``story_offsets`` (the zone most of the corpus's documents state)."""
    reads = read_all(paths, found=found, on_warning=on_warning, jobs=jobs, scheduler=scheduler, held=True)
    for read in reads:
        doc = read.doc
        claims = tuple(rates_of_day(doc, read.claims))
        summary = DocumentSummary(
            id=doc.id,
            path=doc.path,
            title=doc.title,
            published=doc.published,
            sentences=read.sentences,
            claims=len(claims),
            text_source=doc.text_source,
        )
        yield summary, read.held, claims


def jsonl_lines(
    paths: Sequence[str | Path],
    *,
    found: Sequence[Path] | None = None,
    on_warning: Callable[[str], None] | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Iterator[str]:
    """``to_jsonl(stream_claims(...))``, a document's lines at a time, rendered by the processes that
    read the documents: only text crosses between them."""
    yield jsonl_header()
    yield from jsonl_all(paths, found=found, on_warning=on_warning, jobs=jobs, scheduler=scheduler)


def build_groups(
    claims: Sequence[Claim],
    *,
    settings: Settings | None = None,
    rates: Mapping[str, float] | None = None,
    names: Mapping[str, str] | None = None,
    published: Mapping[str, str | None] | None = None,
) -> tuple[ClaimGroup, ...]:
    """Groups of claims, conflicts first (most severe first), then agreements; ids g1, g2, ...

    ``names`` are the documents' short names the explanations use: give those of the whole corpus
    (``Corpus.names``), so that they match the other views; by default, those of the claims' documents."""
    from factcheck.group.columns import HELPED  # grouping's imports (SciPy), only where it is done
    from factcheck.judge import assess_sources

    names = names if names is not None else short_names([c.document for c in claims])
    with _collector_paused(), helper(wanted=len(claims) >= HELPED) as submit:
        found = _grouped_by_content(claims, settings=settings, published=published, submit=submit)
        labels = _labels_later(found, rates=rates, submit=submit)
        later = "" if labels is not None else None  # "": a label the helper makes, filled in below
        assessed = [
            (judged.model_copy(update={"identity": tuple(read[c.id] for c in judged.claims)}), k)
            for k, (g, read) in enumerate(_read_by_claim(found))
            for judged in assess_sources(g, rates=rates, names=names, label=later)
        ]
        assessed.sort(
            key=lambda pair: (
                STATUSES.index(pair[0].status),
                -SEVERITIES.index(pair[0].conflict.severity) if pair[0].conflict else 1,  # most severe first
                pair[0].claims[0].document,
                pair[0].claims[0].start,
            )
        )
        made = labels() if labels is not None else []
        return tuple(
            g.model_copy(update={"id": f"g{i}", "label": made[k]} if g.label == "" else {"id": f"g{i}"})
            for i, (g, k) in enumerate(assessed, 1)
        )


LABELS_CHUNK = 20_000  # groups whose labels one task of the helper makes


def _labels_later(
    found: list[tuple[list[Claim], list[Identity]]],
    *,
    rates: Mapping[str, float] | None,
    submit: Submit | None,
) -> Callable[[], list[str]] | None:
    """Each group's label (``judge.label_input``), handed to the helper at once, so that it makes them
    while the groups are judged here; a call that returns them, or None without a helper."""
    from factcheck.judge import label_input
    from factcheck.report.wording import labels_of

    if submit is None:
        return None
    inputs = [label_input(group, rates=rates) for group, _ in found]
    parts = [submit(labels_of, inputs[k : k + LABELS_CHUNK]) for k in range(0, len(inputs), LABELS_CHUNK)]
    return lambda: [label for part in parts for label in part()]


def _grouped_by_content(
    claims: Sequence[Claim],
    *,
    settings: Settings | None,
    published: Mapping[str, str | None] | None = None,
    submit: Submit | None = None,
) -> list[tuple[list[Claim], list[Identity]]]:
    """``group_identities`` with the documents read in the order of what they say, not of their names:
    the grouper breaks ties between equal scores by position, so 25 files renamed to sort in reverse
    grouped some claims differently. Documents that say exactly the same are ordered by path."""
    from factcheck.group.cluster import group_identities

    return group_identities(
        claims, settings=settings, doc_order=_content_names(claims), published=published, submit=submit
    )


def _read_by_claim(
    found: list[tuple[list[Claim], list[Identity]]],
) -> Iterator[tuple[list[Claim], dict[str, Identity]]]:
    """Each group, with what the grouper read of its claims by claim id, a group at a time."""
    for group, read in found:
        yield group, {identity.claim: identity for identity in read}


def _content_names(claims: Sequence[Claim]) -> dict[str, str]:
    """Each document path -> a digest of its claims' sentences, then the path (for exact copies)."""
    digests: dict[str, Any] = {}
    seen: set[tuple[str, int]] = set()
    for claim in claims:
        digest = digests.setdefault(claim.document, hashlib.sha256())
        if (claim.document, claim.sentence_start) not in seen:
            seen.add((claim.document, claim.sentence_start))
            digest.update(claim.sentence.encode("utf-8", "surrogatepass") + b"\0")
    return {path: f"{digest.hexdigest()}\0{path}" for path, digest in digests.items()}


def select_groups(
    groups: Sequence[ClaimGroup], *, min_severity: str = "low", agreements: bool = False
) -> tuple[ClaimGroup, ...]:
    """The conflicts of at least ``min_severity``, and with ``agreements`` the agreements too, in order.

    Raises UsageError for a severity that is not one of ``SEVERITIES``.
    """
    if min_severity not in SEVERITIES:
        raise UsageError(f"unknown severity {min_severity!r}; choose from {', '.join(SEVERITIES)}")
    floor = SEVERITIES.index(min_severity)
    return tuple(
        g
        for g in groups
        if (g.conflict is not None and SEVERITIES.index(g.conflict.severity) >= floor)
        or (agreements and g.status == "agreement")
    )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Grouping a large corpus makes millions of small objects and no reference cycles; without this,
    Python's cycle collector would walk all of them (and the corpus) again and again, a quarter of the
    time spent. It runs as before once grouping ends: after the groups are sorted and numbered, whose
    copies would otherwise set off full collections of the whole heap (0.9 s of 32 at 100k claims)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def analyze(
    paths: Sequence[str | Path],
    *,
    settings: Settings | None = None,
    rates: Mapping[str, float] | None = None,
    on_warning: Callable[[str], None] | None = None,
    now: datetime | None = None,
) -> Report:
    corpus = read_corpus(paths, on_warning=on_warning)
    return report_of(corpus, settings=settings, rates=rates, now=now)


def report_of(
    corpus: Corpus,
    *,
    settings: Settings | None = None,
    rates: Mapping[str, float] | None = None,
    now: datetime | None = None,
) -> Report:
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    groups = corpus.groups(settings=settings, rates=rates)
    return Report(generated_at=stamp, documents=corpus.summaries(), groups=groups)
