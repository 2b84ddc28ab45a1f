"""Every data type of factcheck, in one place: the JSON schema of the report comes from here.

Models are frozen values (tuples, not lists); change one with ``model_copy(update=...)``.
Offsets are half-open Python ``str`` indices into ``Document.text``.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

Number = int | float
Kind = Literal[
    "money", "count", "percent", "year", "date", "duration", "distance", "ratio", "ordinal", "time", "other"
]
AnchoredBy = Literal["stated", "published", "nearest_date", "assumed"]
Qualifier = Literal["approx", "more_than", "less_than", "at_least", "at_most", "up_to", "vague"]
Status = Literal["conflict", "agreement", "single"]
Severity = Literal["low", "medium", "high"]
Verdict = Literal["supported", "contested", "contradicted", "not_found"]
TextSource = Literal["file", "extracted"]

KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
QUALIFIERS: tuple[str, ...] = Qualifier.__args__  # type: ignore[attr-defined]
# The one order of each scale, read wherever results are sorted, filtered or summed up.
STATUSES: tuple[Status, ...] = ("conflict", "agreement", "single")  # the order of a report's groups
SEVERITIES: tuple[Severity, ...] = ("low", "medium", "high")  # least severe first: --min-severity
VERDICTS: tuple[Verdict, ...] = ("contradicted", "contested", "not_found", "supported")  # most serious first


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


V = TypeVar("V", bound=BaseModel)


def trusted(model: type[V], fields: dict[str, Any], *, kept: bool = False) -> V:
    """A model of trusted values, every field given in the model's order, as unpickling makes one: four
    times as fast as ``model_construct``, which the workers' claims and the JSON lines pay per claim.

    Every value of a model shares one set of the fields given: a set of 24 names is 2.2 KB, half of
    what a claim took. Nothing changes it in place: a frozen model refuses assignment, and
    ``model_copy`` copies the set before it adds to it.

    Its four slots are set as ``BaseModel.__setstate__`` sets them, without the state dictionary and the
    call: a sixth of the cost of a claim read by a worker.

    A value ``kept`` (a corpus's claims, held until the report is written) stores its fields in a
    dictionary whose keys it shares with the model's other values (``_template``): less than half the
    memory for a model of many fields, for about a microsecond more."""
    value = model.__new__(model)
    _set(value, "__pydantic_fields_set__", _all_fields(model))
    _set(value, "__pydantic_extra__", None)
    _set(value, "__pydantic_private__", None)
    if kept:
        template = _TEMPLATES.get(model, _UNKNOWN)
        if template is _UNKNOWN:
            template = _TEMPLATES[model] = _template(model)
        if template is not None and len(fields) == len(template):
            compact = template.copy()
            compact.update(fields)
            fields = compact
    _set(value, "__dict__", fields)
    return value


_set = object.__setattr__  # what pydantic's __setstate__ sets a model's slots with


_UNKNOWN: dict[str, Any] = {}
_TEMPLATES: dict[type[BaseModel], dict[str, Any] | None] = {}  # ``_template`` of each model, when made


def _template(model: type[BaseModel]) -> dict[str, Any] | None:
    """A dictionary of the model's fields (all None) whose keys are shared, as an instance of a plain
    class shares its attributes' names with the other instances: its copies keep only their values (a
    split dictionary), 336 bytes for a claim's 25 fields against 840 for a dictionary of its own. A
    copy stays split while its keys' values are replaced, in any order (``trusted``, ``model_copy``).
    None where that saves nothing: a model of a few fields (a split dictionary keeps room for 30
    values), or a Python whose dictionaries do not split; ``trusted`` then makes it as before.

    >>> _template(Claim) is not None, _template(Normalized)
    (True, None)
    >>> trusted(Normalized, {"value": 3, "unit": "km"}, kept=True) == Normalized(value=3, unit="km")
    True
    """
    row = type(f"_{model.__name__}Fields", (), {})()
    for name in model.model_fields:
        setattr(row, name, None)
    fields: dict[str, Any] = row.__dict__
    return fields if sys.getsizeof(fields) < sys.getsizeof(dict(fields)) else None


def updated(value: V, update: dict[str, Any]) -> V:
    """``value.model_copy(update=update)`` for a model of trusted values (``trusted``): the copy shares
    the one set of field names instead of a copy of its own (2.2 KB a claim, as much as the rest of it).

    >>> claim = Normalized(value=3, unit=None)
    >>> updated(claim, {"unit": "km"}) == claim.model_copy(update={"unit": "km"})
    True
    """
    return trusted(type(value), {**value.__dict__, **update}, kept=True)


@cache
def _all_fields(model: type[BaseModel]) -> set[str]:
    return set(model.model_fields)


class Document(_Value):
    """A source as read from disk. ``text`` is what every offset indexes."""

    id: str = Field(description="Short stable id, d0, d1, ... in sorted path order")
    path: str = Field(description="Path as given or found, with forward slashes")
    title: str
    published: str | None = Field(default=None, description="ISO 8601 date if the text states it")
    text: str = Field(repr=False)
    format: Literal["text", "markdown", "html", "pdf"] = "text"
    text_source: TextSource = Field(
        default="file",
        description="'file': offsets index the file as read; 'extracted': the text extracted from HTML or PDF",
    )
    encoding: str = "utf-8"
    metadata: tuple[tuple[int, int], ...] = Field(
        default=(),
        description="Spans of header lines that describe the source rather than its story: "
        "'URL | publisher | date', a dateline, a byline. Their claims are listed but never compared",
    )
    pages: tuple[int, ...] = Field(
        default=(), description="A PDF's page starts: the offset in ``text`` of page 1, 2, ..."
    )

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


class Sentence(_Value):
    """A sentence (or heading, list item) of a document: ``doc.text[start:end] == text``."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str


class Normalized(_Value):
    value: Number | None
    unit: str | None


# "denied": the source gives the figure to reject it ("rejecting reports of a £1.4bn figure").
Stance = Literal["denied", "revised"]


class Claim(_Value):
    """One numeric expression in a sentence, with what it means."""

    id: str = Field(description="'<doc id>:c<n>', n counting claims in document order")
    document: str = Field(description="The document's path")
    start: int
    end: int
    text: str = Field(description="The whole quantity expression: number, scale word, currency, unit")
    sentence: str
    sentence_start: int = Field(description="Offset of the sentence in the document")
    kind: Kind
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    unit: str | None = None
    qualifier: Qualifier | None = None
    qualifier_text: str | None = Field(
        default=None, description="The words that gave the qualifier, as written"
    )
    date: str | None = Field(default=None, description="ISO 8601, truncated to what the text states")
    per: str | None = Field(default=None, description="A rate's period: 'year' for 'each year', 'annual'")
    equivalent_of: str | None = Field(
        default=None,
        description="Id of the claim this one restates in another currency or unit (parenthesised)",
    )
    normalized: Normalized
    utc: str | None = Field(
        default=None,
        description="A time's instant in UTC, ISO 8601 ('2023-06-18T12:00Z'; '--06-18T12:00Z' without a year)",
    )
    zone: str | None = Field(
        default=None, description="The zone a time was read in: as stated, or inferred from its document"
    )
    story_offsets: tuple[int, ...] | None = Field(
        default=None,
        description="A clock time no zone places ('at 8.15am'): the UTC offset, in minutes, of the zone "
        "most of the corpus's documents state their times in (UTC and GMT aside); it is compared with a "
        "stated instant as read in it. Null where no zone is read",
    )
    anchored_by: AnchoredBy | None = Field(
        default=None,
        description="How a date or time without a year or a day got one: 'stated' next to it, the "
        "document's 'published' date, or the 'nearest_date' the document states; 'assumed' for a time "
        "whose text names no day at all, set on the publication day and compared by its time of day only",
    )
    rate: float | None = Field(
        default=None, description="Units of the sum's currency per EUR used to compare it (ECB reference)"
    )
    rate_date: str | None = Field(default=None, description="The ECB business day of ``rate``")
    page: int | None = Field(default=None, description="The page of a PDF source the claim is on, from 1")
    stance: Stance | None = Field(
        default=None,
        description="'denied': the source gives the figure to reject it ('rejecting reports of a £1.4bn "
        "figure', 'and not the €57m'); such a claim is grouped and shown but never counted as a "
        "source's figure. Null: the source states it",
    )


class Conflict(_Value):
    severity: Severity
    values: tuple[Number, ...]
    relative_spread: float
    explanation: str


class Identity(_Value):
    """What the grouper read of a claim to decide what it measures, values aside: a user can see why
    two claims were put in one group, and why another was left out."""

    claim: str = Field(description="Id of the claim")
    family: str = Field(description="What can be compared with it: 'money', 'count', 'other:area', ...")
    noun: str | None = Field(default=None, description="Its counted noun or unit, as compared: 'seat', 'eur'")
    subjects: tuple[str, ...] = Field(
        default=(), description="The names beside its figure (whose figure it is), in alphabetical order"
    )
    year: str | None = Field(
        default=None, description="The year its sentence sets it in, or its story's year (``story_year``)"
    )
    story_year: bool = Field(default=False, description="Whether ``year`` is its story's, not its sentence's")
    day: str | None = Field(default=None, description="The day its sentence names ('on Monday'), resolved")
    marker: str | None = Field(default=None, description="A time marker of its sentence: 'initially', 'now'")
    projected: bool = Field(default=False, description="A plan, forecast or target, not what happened")
    countdown: bool = Field(
        default=False,
        description="One reading of a quantity that moves: what is left ('40 hours left') or a level 'and falling'",
    )
    state: str | None = Field(
        default=None, description="The state a count of people is in: 'dead', 'missing', 'injured', ..."
    )
    source: str | None = Field(
        default=None,
        description="Who its sentence gives the figure to ('bissen' of 'Bissen said'), in lower case",
    )


class ClaimGroup(_Value):
    id: str
    label: str
    kind: Kind
    unit: str | None
    status: Status
    claims: tuple[Claim, ...]
    conflict: Conflict | None = None
    explanation: str = Field(default="", description="Why the claims agree, or what the conflict is")
    identity: tuple[Identity, ...] = Field(
        default=(), description="For each claim, in order, what the grouper read of it (``Identity``)"
    )


class DocumentSummary(_Value):
    id: str
    path: str
    title: str
    published: str | None
    sentences: int
    claims: int
    text_source: TextSource = Field(
        default="file",
        description="'file': offsets index the file as read; 'extracted': the text extracted from HTML or PDF",
    )
    copy_of: str | None = Field(
        default=None,
        description="Path of the earlier document this one copies (the same text republished): its claims "
        "are listed but not counted again as a source",
    )


class Report(_Value):
    schema_version: str = SCHEMA_VERSION
    generated_at: str
    documents: tuple[DocumentSummary, ...]
    groups: tuple[ClaimGroup, ...]


class ClaimsReport(_Value):
    """What ``factcheck claims --json`` prints."""

    schema_version: str = SCHEMA_VERSION
    documents: tuple[DocumentSummary, ...]
    claims: tuple[Claim, ...]


class SourcesReport(_Value):
    """What ``factcheck sources --json`` prints."""

    schema_version: str = SCHEMA_VERSION
    documents: tuple[DocumentSummary, ...]


class QueryHit(_Value):
    """One claim that matches a query, with its group and why it matched."""

    claim: Claim
    group_id: str | None
    group_label: str | None
    status: Status
    score: float
    matched: tuple[str, ...]


class QueryReport(_Value):
    """What ``factcheck query --json`` prints."""

    schema_version: str = SCHEMA_VERSION
    keywords: tuple[str, ...]
    hits: tuple[QueryHit, ...]


class NumberCheck(_Value):
    """One number of a statement, with the source claims for and against it."""

    claim: Claim
    verdict: Verdict
    supporting: tuple[Claim, ...]
    contradicting: tuple[Claim, ...]
    explanation: str
    matched: Claim | None = Field(
        default=None,
        description="The source claim that speaks of the statement's measure most nearly: it chose "
        "the evidence (null when no source speaks of it)",
    )
    group_id: str | None = Field(
        default=None,
        description="The group of the matched claim, whose claims are the evidence (null: the matched "
        "claim alone)",
    )
    neither: tuple[Claim, ...] = Field(
        default=(),
        description="The evidence on neither side: figures that allow the statement's without bearing "
        "it out (a bound, a wide range, a vague or restated figure), and the other figures of a source "
        "that states the statement's",
    )


class StatementCheck(_Value):
    """What ``factcheck check --json`` prints for one statement (for a file: a list of them)."""

    schema_version: str = SCHEMA_VERSION
    statement: str
    verdict: Verdict
    numbers: tuple[NumberCheck, ...]
    note: str | None = Field(
        default=None,
        description="Why a statement of a file was not checked ('no number found in the statement'); "
        "the other lines are checked all the same",
    )


# ---------------------------------------------------------------------------------------------
# claims --format jsonl: one object per line, each sentence once, claims pointing at theirs.


class HeaderLine(_Value):
    """The first line of ``claims --format jsonl``."""

    type: Literal["header"] = "header"
    schema_version: str = SCHEMA_VERSION


class DocumentLine(DocumentSummary):
    """A document, before its sentences and claims."""

    type: Literal["document"] = "document"


class SentenceLine(_Value):
    """A sentence that holds claims, once, before them: ``document text[start:end] == text``."""

    type: Literal["sentence"] = "sentence"
    id: str = Field(description="'<doc id>:s<n>', n counting the document's sentences from 0")
    document: str = Field(description="The document's path")
    start: int
    end: int
    text: str


class ClaimLine(Claim):
    """A claim as ``--json`` prints it, but its sentence given by ``sentence_id`` (the line before)."""

    type: Literal["claim"] = "claim"
    sentence: str = Field(default="", exclude=True)
    sentence_id: str = Field(description="Id of the sentence line the claim is in")


JsonLine = HeaderLine | DocumentLine | SentenceLine | ClaimLine


# ---------------------------------------------------------------------------------------------
# --rates FILE: read, never printed.

# Units of a currency per EUR: from the Kuwaiti dinar (0.3) to the Iranian rial (about 50,000), with
# room either way; a rate outside these is a typo, and a tiny one turns every sum into infinity.
RATE_MIN = 1e-4
RATE_MAX = 1e7
Rate = Annotated[float, Field(strict=True, ge=RATE_MIN, le=RATE_MAX, allow_inf_nan=False)]
CurrencyCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class RateEntry(BaseModel):
    """``{"rate": 7.46, "source": ..., "date": ...}``, as in ``data/rates.json``; other keys are notes."""

    model_config = ConfigDict(frozen=True, extra="allow")
    rate: Rate


class RatesFile(BaseModel):
    """A ``--rates`` file: ``{"rates": {"DKK": 7.46, "USD": {"rate": 1.04}}}``; a number is a finite,
    positive JSON number (not a string, not a boolean), between ``RATE_MIN`` and ``RATE_MAX``."""

    model_config = ConfigDict(frozen=True, extra="allow")
    rates: dict[CurrencyCode, Rate | RateEntry] = Field(min_length=1)
