"""Reports as files: JSON, JSON Lines and Markdown, written atomically (a temporary file renamed into
place, never over anything but a regular file)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from factcheck.errors import InputError
from factcheck.models import (
    Claim,
    ClaimGroup,
    ClaimLine,
    ClaimsReport,
    DocumentLine,
    DocumentSummary,
    HeaderLine,
    Report,
    Sentence,
    SentenceLine,
    trusted,
)
from factcheck.report.wording import clock, humanize, short_names, span_of, visible, with_unit

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
        return "".join(json_pieces(value))
    if isinstance(value, BaseModel):
        return json.dumps(value.model_dump(mode="json"), indent=2) + "\n"
    return json.dumps([v.model_dump(mode="json") for v in value], indent=2) + "\n"


# A claim's ``sentence`` in JSON is at most this long. A longer "sentence" (a table flattened into one
# line, 20 KB of "1%1%1%...") is cut to a window around the claim, and ``sentence_start`` moves with it,
# so ``text[sentence_start:][:len(sentence)] == sentence`` still holds; otherwise the JSON would grow
# with claims times sentence length (205 MB for a 20 KB line). News sentences stay far below it.
SENTENCE_MAX = 1000


def clipped(claim: Claim, *, limit: int = SENTENCE_MAX) -> Claim:
    """``claim`` with its sentence cut to ``limit`` characters around it, if it is longer."""
    sentence = claim.sentence
    if len(sentence) <= limit:
        return claim
    at, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    left = max(0, at - max(0, limit - (end - at)) // 2)
    right = min(len(sentence), max(end, left + limit))
    left = max(0, min(left, right - limit, at))
    return claim.model_copy(
        update={"sentence": sentence[left:right], "sentence_start": claim.sentence_start + left}
    )


def json_pieces(value: Report | ClaimsReport) -> Iterator[str]:
    """``to_json`` of a report or of ``claims``, in pieces: each document and each group (or claim) is
    dumped alone as it is written, so that the whole text never sits in memory (the JSON of 100 MB of
    sources is about 800 MB). The bytes are those of ``model_dump_json(indent=2)`` of the whole: the
    items are indented under an outline of the report dumped with its lists empty."""
    lists = ("documents", "groups") if isinstance(value, Report) else ("documents", "claims")
    outline = value.model_copy(update=dict.fromkeys(lists, ())).model_dump_json(indent=2) + "\n"
    for name in lists:
        head, outline = outline.split(f'\n  "{name}": []', 1)
        yield head + f'\n  "{name}": ['
        items: Sequence[BaseModel] = getattr(value, name)
        for i, item in enumerate(items):
            text = _bounded_item(item).model_dump_json(indent=2)
            yield ("\n    " if i == 0 else ",\n    ") + text.replace("\n", "\n    ")
        yield "\n  ]" if items else "]"
    yield outline


def _bounded_item(item: BaseModel) -> BaseModel:
    """A claim, or a group's claims, with sentences cut to ``SENTENCE_MAX`` (``clipped``)."""
    if isinstance(item, Claim):
        return clipped(item)
    if isinstance(item, ClaimGroup) and any(len(c.sentence) > SENTENCE_MAX for c in item.claims):
        return item.model_copy(update={"claims": tuple(clipped(c) for c in item.claims)})
    return item


def to_jsonl(
    stream: Iterable[tuple[DocumentSummary, Sequence[Sentence], Sequence[Claim]]],
) -> Iterator[str]:
    """``claims --format jsonl``: a header line, then for each document its line, and each sentence
    that holds claims once, before its claims, which name it by ``sentence_id``. One document at a time,
    so the output's size and memory are linear in the corpus."""
    yield jsonl_header()
    for summary, sents, claims in stream:
        yield from jsonl_document(summary, sents, claims)


def jsonl_header() -> str:
    return HeaderLine().model_dump_json() + "\n"


def jsonl_document(summary: DocumentSummary, sents: Sequence[Sentence], claims: Sequence[Claim]) -> list[str]:
    """One document's lines of ``to_jsonl``, each with its newline: its own, then its sentences and claims."""
    lines = [DocumentLine(**dict(summary)).model_dump_json()]
    by_start = {sent.start: sent for sent in sents}
    emitted: set[int] = set()
    for claim in claims:
        sent = by_start.get(claim.sentence_start)
        sentence_id = f"{summary.id}:s{sent.index}" if sent is not None else ""
        if sent is not None and sent.start not in emitted:
            emitted.add(sent.start)
            fields: dict[str, Any] = {"type": "sentence", "id": sentence_id, "document": summary.path}
            fields.update(start=sent.start, end=sent.end, text=sent.text)
            lines.append(trusted(SentenceLine, fields).model_dump_json())
        fields = {**claim.__dict__, "type": "claim", "sentence_id": sentence_id}  # ClaimLine's order
        lines.append(trusted(ClaimLine, fields).model_dump_json())
    return [line + "\n" for line in lines]


class Written(NamedTuple):
    """What ``write_atomic`` did: the file written, and whether a file stood there before."""

    path: Path
    replaced: bool


TEMP_TAG = ".factcheck-"  # temporaries are ".<name>.factcheck-<pid>-<random>.tmp"
_TEMP = re.compile(r"\.factcheck-(\d+)-[^.]*\.tmp$")


def write_atomic(path: str | Path, text: str | Iterable[str]) -> Written:
    """Write ``text`` (a string, or its pieces: ``json_pieces``) to ``path`` so that readers see the old
    file or the whole new one, never a part.

    Only a regular file is replaced (a symlink is followed to its target, which is what gets written);
    a device, a FIFO or a folder at ``path`` is refused. A replaced file keeps its mode (and owner,
    where allowed); a new one gets the mode the umask gives. Temporaries left by a run that was killed
    (``kill -9``) are removed by the next run that writes beside them.
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{target}: folder {folder} does not exist")
    existing = _existing(target)
    _remove_stale(folder, target.name)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}{TEMP_TAG}{os.getpid()}-", suffix=".tmp", dir=folder
        )
    except OSError as e:
        raise InputError(f"{target}: cannot write ({e.strerror})") from e
    try:
        _take_mode(fd, existing)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            for piece in [text] if isinstance(text, str) else text:
                f.write(piece)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as e:
        raise InputError(f"{target}: cannot write ({e.strerror})") from e
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return Written(target, existing is not None)


def _existing(target: Path) -> os.stat_result | None:
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise InputError(f"{target}: cannot write ({e.strerror})") from e
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a device, FIFO or socket"
        raise InputError(f"{target}: not a regular file ({kind}); refusing to replace it")
    return info


def _take_mode(fd: int, existing: os.stat_result | None) -> None:
    """The old file's mode and owner, or for a new file what ``open`` would give (0666 less the umask)."""
    if existing is None:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        return
    with contextlib.suppress(PermissionError):
        os.fchown(fd, existing.st_uid, existing.st_gid)
    os.fchmod(fd, stat.S_IMODE(existing.st_mode))


def _remove_stale(folder: Path, name: str) -> None:
    """Temporaries beside ``name`` whose process is gone."""
    prefix = f".{name}{TEMP_TAG}"
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            match = _TEMP.search(entry.name)
            if not (entry.name.startswith(prefix) and match and entry.is_file(follow_symlinks=False)):
                continue
            if _alive(int(match.group(1))):
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return pid > 0
    return True


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


def as_written(claim: Claim) -> str:
    """The figure as the source wrote it, with the qualifier's words when they stand apart from it:
    "approximately 200 million euros", "1.8 crore first-time voters", "€210m"; a figure the source
    rejects, or gives as since revised, says so: "£1.4bn (rejected)", "A$66 billion (revised)"."""
    qualifier = claim.qualifier_text
    text = claim.text
    if qualifier and qualifier.lower() not in claim.text.lower():
        text = f"{qualifier} {claim.text}"
    return {"denied": f"{text} (rejected)", "revised": f"{text} (revised)"}.get(claim.stance or "", text)


def compared(claim: Claim, unit: str | None) -> str:
    """The value as the group compares it, where that is not what the source wrote: a converted sum
    ("201.06 million EUR" for "DKK 1.5 billion"); empty for a figure compared as stated."""
    n = claim.normalized
    if claim.kind == "time":
        return normalized(claim)
    if n.value is None or claim.kind in ("year", "date"):
        return ""
    if n.unit == claim.unit and n.value == claim.value:
        return ""
    return normalized(claim) if unit is None or n.unit == unit else ""


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
            f"| {_cell(names[d.path])} | {_cell(d.title)} | {_cell(d.path)} | {_cell(d.published or '')} "
            f"| {d.claims} |"
        )
    for heading, groups in (("Conflicts", conflicts), ("Agreements", agreements)):
        lines += ["", f"## {heading}", ""]
        if not groups:
            lines.append("None found.")
        for group in groups:
            lines += _markdown_group(group, names)
    return "\n".join(lines) + "\n"


def _markdown_group(group: ClaimGroup, names: dict[str, str]) -> list[str]:
    """A group as the terminal shows it: the figure as written, the compared value only where it
    differs (and its column only when some figure was converted), the sentence with the figure bold."""
    severity = f" ({group.conflict.severity} severity)" if group.conflict else ""
    shown = [compared(claim, group.unit) for claim in group.claims]
    converted = any(shown)
    head = f"in {group.unit}" if group.unit else "compared"
    out = [
        f"### {group.id}: {_cell(group.label)}{severity}",
        "",
        _cell(group.explanation),
        "",
        f"| source | stated | {_cell(head)} | sentence |" if converted else "| source | stated | sentence |",
        "| --- | --- | --- | --- |" if converted else "| --- | --- | --- |",
    ]
    for claim, value in zip(group.claims, shown, strict=True):
        page = f", p. {claim.page}" if claim.page else ""  # a PDF's page, to cite
        cells = [f"{_cell(names.get(claim.document, claim.document))}{page}", _cell(as_written(claim))]
        if converted:
            cells.append(_cell(value))
        out.append(f"| {' | '.join(cells)} | {_bold_figure(claim)} |")
    out.append("")
    return out


def _bold_figure(claim: Claim) -> str:
    """The claim's sentence as a Markdown cell, the figure bold where it stands (not the first text
    like it: "300 of the 300 cells")."""
    at, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    sentence = claim.sentence
    before, figure, after = sentence[:at], sentence[at:end], sentence[end:]
    return f"{_escaped(before).lstrip()}**{_escaped(figure)}**{_escaped(after).rstrip()}"


def _cell(text: str) -> str:
    r"""Text safe inside a Markdown table cell: no pipes, no line breaks, no markup or entity from the
    source, and no control character (ESC, BEL, C1, bidi overrides: written as ``\x1b``, ``\u202e``).

    >>> _cell("<img src=x>|[a](b)\n&#x202E;\x1b[2J\u202e")
    '\\<img src=x\\>\\|\\[a\\](b) \\&\\#x202E;\\x1b\\[2J\\u202e'
    """
    return _escaped(" ".join(text.split()))


def _escaped(text: str) -> str:
    """``_cell`` of a part of a cell: whitespace runs made one space, none trimmed."""
    text = _SPACE.sub(" ", text)
    for char in "\\|*_`[]<>#&~":
        text = text.replace(char, "\\" + char)
    return visible(text, lines=False)


_SPACE = re.compile(r"\s+")
