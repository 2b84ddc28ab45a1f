"""The report as CSV: one row per claim of a group, with its group and status, for a spreadsheet or
datasette.

A cell of text from a source that starts with ``= + - @`` (or a tab or carriage return) is a formula
to a spreadsheet ("=HYPERLINK(...)" in a headline would run when opened): such a cell gets a leading
``'``, as OWASP advises. Numbers are written by us and left as they are, so ``-5`` stays a number.
"""

from __future__ import annotations

import csv
import io

from factcheck.models import Claim, Report
from factcheck.report.files import stated
from factcheck.report.wording import short_names, visible

__all__ = ["COLUMNS", "spreadsheet_safe", "to_csv"]

COLUMNS = (
    "group_id",
    "group_label",
    "status",
    "severity",
    "claim_id",
    "source",
    "document",
    "title",
    "published",
    "page",
    "text",
    "stated",
    "kind",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "date",
    "normalized_value",
    "normalized_unit",
    "sentence",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """A text cell a spreadsheet shows as text, never runs as a formula.

    >>> [spreadsheet_safe(t) for t in ("=1+1", "+44 20", "-3 dead", "@SUM(A1)", "plain", "")]
    ["'=1+1", "'+44 20", "'-3 dead", "'@SUM(A1)", 'plain', '']
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(report: Report) -> str:
    """Conflicts first, then agreements, as the report orders them; a header row; CRLF line ends, as
    RFC 4180 and spreadsheets expect."""
    names = short_names([d.path for d in report.documents])
    docs = {d.path: d for d in report.documents}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for group in report.groups:
        for claim in group.claims:
            doc = docs.get(claim.document)
            texts = (
                group.label,
                names.get(claim.document, claim.document),
                claim.document,
                doc.title if doc else "",
                claim.text,
                stated(claim),
                claim.sentence,
            )
            label, source, path, title, text, as_stated, sentence = (
                spreadsheet_safe(visible(t, lines=False)) for t in texts
            )
            writer.writerow(
                (
                    group.id,
                    label,
                    group.status,
                    group.conflict.severity if group.conflict else "",
                    claim.id,
                    source,
                    path,
                    title,
                    (doc.published or "") if doc else "",
                    _number(claim.page),
                    text,
                    as_stated,
                    claim.kind,
                    *_values(claim),
                    spreadsheet_safe(claim.unit or ""),
                    claim.qualifier or "",
                    claim.date or "",
                    _number(claim.normalized.value),
                    spreadsheet_safe(claim.normalized.unit or ""),
                    sentence,
                )
            )
    return out.getvalue()


def _values(claim: Claim) -> tuple[str, str, str]:
    return _number(claim.value), _number(claim.low), _number(claim.high)


def _number(value: float | None) -> str:
    """A number as a spreadsheet reads it: no thousands separator, no exponent for large sums.

    >>> _number(210000000), _number(2.5), _number(None), _number(-4)
    ('210000000', '2.5', '', '-4')
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    return str(value)
