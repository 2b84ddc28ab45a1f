"""Reports as Rich renderables. Nothing here prints; the CLI does.

Source text is data, never markup: it goes into ``Text`` objects (never into markup strings), and
every string from outside (document text, titles, file names, statements, messages) passes through
``safe``: control characters, bidi controls and undecodable bytes are shown as escapes, so ``[bold]``,
an escape sequence or a right-to-left override in a source or a file name prints as written and cannot
restyle, retitle or clear the terminal.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factcheck.models import Claim, ClaimGroup, DocumentSummary, QueryHit, Report, StatementCheck
from factcheck.report.files import normalized, stated
from factcheck.report.wording import short_names, visible

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}
STATUS_STYLE = {"conflict": "red", "agreement": "green", "single": "dim"}
CONTEXT = 70  # characters kept on each side of a number in a long sentence


def safe(text: str, *, lines: bool = True) -> str:
    r"""The one sanitiser of text bound for a terminal: control characters, bidi controls and
    undecodable bytes as visible escapes ("\x1b[31m" prints as written); with ``lines=False``
    (a one-line message) newlines and tabs too.

    >>> safe("a\x1b[31mred\u202e")
    'a\\x1b[31mred\\u202e'
    """
    return visible(text, lines=lines)


def message(text: str, style: str = "") -> Text:
    """A one-line message (an error, a warning) whose parts may come from file names."""
    return Text(safe(text, lines=False), style=style)


def plain(text: str, style: str = "", *, lines: bool = True) -> Text:
    return Text(safe(text, lines=lines), style=style)


def highlighted_sentence(claim: Claim, *, context: int = CONTEXT) -> Text:
    """The sentence with the number in bold, shortened around it when long."""
    sentence = claim.sentence
    at = claim.start - claim.sentence_start
    end = claim.end - claim.sentence_start
    left, right = max(0, at - context), min(len(sentence), end + context)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(sentence) else ""
    text = Text(prefix)
    text.append(safe(sentence[left:at]))
    text.append(safe(sentence[at:end]), style="bold reverse")
    text.append(safe(sentence[end:right]))
    text.append(suffix)
    return text


def sources_table(docs: Sequence[DocumentSummary]) -> Table:
    table = Table(title="Sources", expand=False)
    for name in ("id", "title", "file", "published", "sentences", "claims"):
        table.add_column(
            name, justify="right" if name in ("sentences", "claims") else "left", overflow="fold"
        )
    for d in docs:
        table.add_row(
            d.id,
            plain(d.title),
            plain(d.path, lines=False),
            plain(d.published or ""),
            str(d.sentences),
            str(d.claims),
        )
    return table


def claims_table(claims: Sequence[Claim]) -> Table:
    table = Table(title=f"Claims ({len(claims)})")
    for name in ("id", "kind", "text", "value", "sentence"):
        table.add_column(name, overflow="fold")
    for claim in claims:
        table.add_row(
            plain(claim.id),
            claim.kind,
            plain(claim.text),
            plain(stated(claim)),
            highlighted_sentence(claim, context=40),
        )
    return table


def group_view(group: ClaimGroup, names: dict[str, str], titles: dict[str, str]) -> Panel:
    """One group: a row per claim (source, value as stated, normalised, sentence), then the sources
    by title and file, then the explanation."""
    table = Table(expand=True, show_edge=False, pad_edge=False)
    table.add_column("src", no_wrap=True)
    table.add_column("stated", ratio=3, overflow="fold")
    table.add_column(safe(f"in {group.unit}" if group.unit else "normalised"), ratio=2, overflow="fold")
    table.add_column("sentence", ratio=9, overflow="fold")
    for claim in group.claims:
        as_stated, norm = stated(claim), normalized(claim)
        shown = "" if norm and as_stated.endswith(norm) else norm
        table.add_row(
            plain(names.get(claim.document, claim.document), lines=False),
            plain(as_stated),
            plain(shown),
            highlighted_sentence(claim),
        )
    title = Text(f"{group.id} ")
    title.append(safe(group.label, lines=False), style="bold")
    if group.conflict is not None:
        title.append(f"  {group.conflict.severity} severity", style=SEVERITY_STYLE[group.conflict.severity])
    else:
        title.append(f"  {group.status}", style=STATUS_STYLE[group.status])
    legend = Text()
    for path in sorted({c.document for c in group.claims}):
        legend.append(f"{safe(names.get(path, path), lines=False)}  ", style="bold")
        legend.append(safe(titles.get(path, "")), style="italic")
        legend.append(f"  {safe(path, lines=False)}\n", style="dim")
    return Panel(Group(table, legend, plain(group.explanation)), title=title, title_align="left")


def conflicts_view(report: Report, *, groups: Sequence[ClaimGroup], claims: int) -> Group:
    """The groups asked for, most severe first, and a summary line."""
    names = short_names([d.path for d in report.documents])
    titles = {d.path: d.title for d in report.documents}
    parts: list[RenderableType] = [group_view(g, names, titles) for g in groups]
    if not groups:
        parts.append(Text("No conflicts found.", style="green"))
    parts.append(summary_line(report, claims=claims))
    return Group(*parts)


def summary_line(report: Report, *, claims: int) -> Text:
    conflicts = sum(g.status == "conflict" for g in report.groups)
    agreements = sum(g.status == "agreement" for g in report.groups)
    return Text(
        f"{len(report.documents)} documents, {claims} claims, {len(report.groups)} groups: "
        f"{conflicts} conflicts, {agreements} agreements",
        style="bold",
    )


VERDICT_STYLE = {"supported": "green", "contested": "yellow", "contradicted": "bold red", "not_found": "dim"}


def query_table(hits: Sequence[QueryHit], names: dict[str, str]) -> Table:
    """Ranked hits: the claim, its source, its group's status, the sentence."""
    table = Table(title=f"{len(hits)} claims", expand=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("src", no_wrap=True)
    table.add_column("stated", ratio=2, overflow="fold")
    table.add_column("group", ratio=2, overflow="fold")
    table.add_column("sentence", ratio=6, overflow="fold")
    for hit in hits:
        claim = hit.claim
        table.add_row(
            f"{hit.score:.0f}",
            Text(hit.status, style=STATUS_STYLE[hit.status]),
            plain(names.get(claim.document, claim.document), lines=False),
            plain(stated(claim)),
            plain(f"{hit.group_id} {hit.group_label}" if hit.group_id else ""),
            highlighted_sentence(claim, context=50),
        )
    return table


def check_view(result: StatementCheck, names: dict[str, str]) -> Panel:
    """A statement's verdict, and for each of its numbers the evidence on each side."""
    parts: list[RenderableType] = []
    for number in result.numbers:
        line = Text(f"{safe(number.claim.text)}: ", style="bold")
        line.append(number.verdict.replace("_", " "), style=VERDICT_STYLE[number.verdict])
        parts.append(line)
        parts.append(plain(f"  {number.explanation}"))
        for label, claims in (("for", number.supporting), ("against", number.contradicting)):
            for claim in claims:
                row = Text(f"  {label:<8}{safe(names.get(claim.document, claim.document), lines=False)}  ")
                row.append_text(highlighted_sentence(claim, context=50))
                parts.append(row)
    title = Text("")
    title.append(result.verdict.replace("_", " ").upper(), style=VERDICT_STYLE[result.verdict])
    title.append("  ")
    title.append(safe(result.statement, lines=False))
    return Panel(Group(*parts), title=title, title_align="left")


CLAIM_WIDTHS = (12, 9, 24, 24)  # id, kind, text, value; the sentence takes the rest of the line


def claims_lines(claims: Sequence[Claim], *, width: int) -> Iterator[str]:
    """``claims_table`` as plain lines of fixed widths, one claim a line, for more claims than fit on a
    screen: a Rich table lays out every cell of every row before it prints the first (85% of
    ``claims`` on 100 MB), these are written as they are made. Control characters are escaped."""
    rest = max(20, width - sum(CLAIM_WIDTHS) - len(CLAIM_WIDTHS))
    yield f"Claims ({len(claims)})"
    yield _cells(("id", "kind", "text", "value", "sentence"), rest)
    for claim in claims:
        sentence = highlighted_sentence(claim, context=max(10, (rest - len(claim.text)) // 2)).plain
        yield _cells((claim.id, claim.kind, claim.text, stated(claim), sentence), rest)


def _cells(cells: Sequence[str], last: int) -> str:
    out = []
    for text, size in zip(cells, (*CLAIM_WIDTHS, last), strict=True):
        text = visible(" ".join(text.split()), lines=False)
        out.append(text if len(text) <= size else text[: size - 1] + "…")
    return (
        " ".join(f"{text:<{size}}" for text, size in zip(out[:-1], CLAIM_WIDTHS, strict=True)) + " " + out[-1]
    )
