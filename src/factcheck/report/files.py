"""Reports as files: JSON and Markdown, written atomically (a temporary file renamed into place)."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from factcheck.errors import InputError
from factcheck.models import Claim, ClaimGroup, ClaimsReport, Report
from factcheck.report.wording import clock, humanize, short_names, span_of, with_unit

QUALIFIER_WORDS = {
    "approx": "about",
    "more_than": "more than",
    "less_than": "less than",
    "at_least": "at least",
    "at_most": "at most",
    "up_to": "up to",
    "vague": "",
}


def to_json(value: BaseModel | Sequence[BaseModel]) -> str:
    """The JSON of any ``--json`` output: a model of ``factcheck.models``, or a list of them (``check``
    of a file), indented by 2, with a final newline.

    The report and ``claims`` are pydantic's JSON (UTF-8 as is); ``sources``, ``query`` and ``check``
    have been ``json.dumps`` of the same data since 0.1.0 (non-ASCII escaped as ``\\u2019``). Both
    read back to the same values; the bytes are kept as they were, since users diff them.
    """
    if isinstance(value, Report | ClaimsReport):
        return value.model_dump_json(indent=2) + "\n"
    if isinstance(value, BaseModel):
        return json.dumps(value.model_dump(mode="json"), indent=2) + "\n"
    return json.dumps([v.model_dump(mode="json") for v in value], indent=2) + "\n"


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the whole new one, never a part."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{target}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise InputError(f"{target}: cannot write ({e.strerror})") from e
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as e:
        raise InputError(f"{target}: cannot write ({e.strerror})") from e
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def stated(claim: Claim) -> str:
    """A claim's value as the source states it, with its qualifier: "about 200 million EUR"."""
    word = QUALIFIER_WORDS.get(claim.qualifier or "", "")
    if claim.qualifier == "vague" or (claim.value is None and claim.low is None and claim.date is None):
        return claim.text
    if claim.kind == "time":
        body = claim.text
    elif claim.date:
        body = claim.date
    elif claim.low is not None and claim.high is not None:
        body = span_of(claim, claim.low, claim.high, claim.unit or "")
    elif claim.kind == "year":
        body = str(claim.value)
    else:
        body = with_unit(humanize(claim.value or 0), claim.unit or "", claim.kind)
    if claim.per:
        body += f" per {claim.per}"
    return " ".join(p for p in (word, body) if p)


def normalized(claim: Claim) -> str:
    n = claim.normalized
    if claim.kind == "time":
        return clock(claim) if claim.utc else ""
    if n.value is None or claim.kind in ("year", "date"):
        return ""
    return with_unit(humanize(n.value), n.unit or "", claim.kind)


def to_markdown(report: Report) -> str:
    """A report a person can paste into a document."""
    names = short_names([d.path for d in report.documents])
    conflicts = [g for g in report.groups if g.status == "conflict"]
    agreements = [g for g in report.groups if g.status == "agreement"]
    lines = [
        "# factcheck report",
        "",
        f"Generated {report.generated_at}. {len(report.documents)} documents, "
        f"{sum(d.claims for d in report.documents)} claims, {len(report.groups)} groups: "
        f"{len(conflicts)} conflicts, {len(agreements)} agreements.",
        "",
        "## Sources",
        "",
        "| id | title | file | published | claims |",
        "| --- | --- | --- | --- | --- |",
    ]
    for d in report.documents:
        lines.append(
            f"| {names[d.path]} | {_cell(d.title)} | `{d.path}` | {d.published or ''} | {d.claims} |"
        )
    for heading, groups in (("Conflicts", conflicts), ("Agreements", agreements)):
        lines += ["", f"## {heading}", ""]
        if not groups:
            lines.append("None found.")
        for group in groups:
            lines += _markdown_group(group, names)
    return "\n".join(lines) + "\n"


def _markdown_group(group: ClaimGroup, names: dict[str, str]) -> list[str]:
    severity = f" ({group.conflict.severity} severity)" if group.conflict else ""
    out = [
        f"### {group.id}: {_cell(group.label)}{severity}",
        "",
        _cell(group.explanation),
        "",
        "| source | stated | normalised | sentence |",
        "| --- | --- | --- | --- |",
    ]
    for claim in group.claims:
        sentence = _cell(claim.sentence).replace(_cell(claim.text), f"**{_cell(claim.text)}**", 1)
        out.append(
            f"| {names.get(claim.document, claim.document)} | {_cell(stated(claim))} | "
            f"{normalized(claim)} | {sentence} |"
        )
    out.append("")
    return out


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks, no markup from the source."""
    for char in "\\|*_`[]<>#":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())
