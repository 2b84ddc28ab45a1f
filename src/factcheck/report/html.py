"""The report as one self-contained HTML page a reporter can open, mail or attach.

Jinja2 renders ``templates/report.html.j2`` with autoescaping on: every string from a source (a title,
a sentence, a file name) is data, so a ``<script>`` in a source prints as text. The page makes no
request (styles inline, no script, no font, no image) and says so to the browser: its
Content-Security-Policy allows inline styles and nothing else.

Conflicts come first, each with its sources side by side and the figure marked in its sentence; a
timeline where the sources, dated, state the measure differently over time; agreements below.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from factcheck.models import Claim, ClaimGroup, DocumentSummary, Report
from factcheck.report.files import normalized, stated
from factcheck.report.wording import counted, short_names, visible, word_window

__all__ = ["to_html"]

CONTEXT = 160  # characters kept on each side of a figure in a long sentence

_ENV = Environment(
    loader=PackageLoader("factcheck.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,  # a misspelt name in the template fails the tests, not the reader
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


class Figure(NamedTuple):
    """One claim as a card shows it: its source, the figure in its sentence, as stated and compared."""

    source: str  # the document's short name, as the legend and the explanations give it: "000"
    title: str
    published: str
    page: int | None
    before: str
    figure: str
    after: str
    stated: str
    compared: str


class Moment(NamedTuple):
    """A point of a timeline: a date and what the sources dated then say."""

    date: str
    sources: str
    value: str


class Card(NamedTuple):
    id: str
    label: str
    status: str
    severity: str
    explanation: str
    figures: tuple[Figure, ...]
    timeline: tuple[Moment, ...]


def to_html(report: Report) -> str:
    """The report as a page: the same bytes for the same report."""
    names = short_names([d.path for d in report.documents])  # as the explanations name them
    docs = {d.path: d.model_copy(update={"id": names[d.path]}) for d in report.documents}
    conflicts = [_card(g, docs) for g in report.groups if g.status == "conflict"]
    agreements = [_card(g, docs) for g in report.groups if g.status == "agreement"]
    summary = ", ".join(
        (
            counted(len(report.documents), "source"),
            counted(sum(d.claims for d in report.documents), "claim"),
            counted(len(conflicts), "conflict"),
            counted(len(agreements), "agreement"),
        )
    )
    return _ENV.get_template("report.html.j2").render(
        generated_at=report.generated_at,
        summary=summary,
        documents=[_source(d) for d in docs.values()],
        conflicts=conflicts,
        agreements=agreements,
    )


def _source(doc: DocumentSummary) -> dict[str, str | int]:
    return {
        "id": doc.id,
        "title": _shown(doc.title),
        "path": _shown(doc.path),
        "published": doc.published or "",
        "claims": doc.claims,
        "copy_of": _shown(doc.copy_of or ""),
    }


def _card(group: ClaimGroup, docs: dict[str, DocumentSummary]) -> Card:
    figures = tuple(_figure(claim, docs.get(claim.document)) for claim in group.claims)
    return Card(
        id=group.id,
        label=_shown(group.label),
        status=group.status,
        severity=group.conflict.severity if group.conflict else "",
        explanation=_shown(group.explanation or (group.conflict.explanation if group.conflict else "")),
        figures=figures,
        timeline=_timeline(group.claims, docs),
    )


def _figure(claim: Claim, doc: DocumentSummary | None) -> Figure:
    sentence = claim.sentence
    at, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    left, right = word_window(sentence, at - CONTEXT, end + CONTEXT, at=at, end=end)
    as_stated, compared = stated(claim), normalized(claim)
    return Figure(
        source=doc.id if doc else claim.document,
        title=_shown(doc.title if doc else claim.document),
        published=(doc.published or "") if doc else "",
        page=claim.page,
        before=("…" if left else "") + _shown(sentence[left:at]),
        figure=_shown(sentence[at:end]),
        after=_shown(sentence[end:right]) + ("…" if right < len(sentence) else ""),
        stated=_shown(as_stated),
        compared="" if not compared or as_stated.endswith(compared) else _shown(compared),
    )


def _timeline(claims: Sequence[Claim], docs: dict[str, DocumentSummary]) -> tuple[Moment, ...]:
    """The figure by publication date, when dated sources state it differently on different dates; empty
    otherwise (one date, or one figure throughout: nothing changed)."""
    by_date: dict[str, dict[str, list[str]]] = {}  # date -> figure -> sources
    for claim in claims:
        doc = docs.get(claim.document)
        if doc is None or not doc.published:
            continue
        by_date.setdefault(doc.published, {}).setdefault(stated(claim), []).append(doc.id)
    figures = {figure for said in by_date.values() for figure in said}
    if len(by_date) < 2 or len(figures) < 2:
        return ()
    return tuple(
        Moment(day, ", ".join(sorted(set(ids))), _shown(figure))
        for day in sorted(by_date)
        for figure, ids in sorted(by_date[day].items())
    )


def _shown(text: str) -> str:
    """Source text as a page may show it: control and bidi characters as escapes (autoescaping does the
    markup)."""
    return visible(text)
