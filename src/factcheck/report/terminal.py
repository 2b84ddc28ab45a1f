"""Reports as Rich renderables. Nothing here prints; the CLI does.

Source text is data, never markup: it goes into ``Text`` objects (never into markup strings), and
every string from outside (document text, titles, file names, statements, messages) passes through
``safe``: control characters, bidi controls and undecodable bytes are shown as escapes, so ``[bold]``,
an escape sequence or a right-to-left override in a source or a file name prints as written and cannot
restyle, retitle or clear the terminal.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factcheck.models import Claim, ClaimGroup, DocumentSummary, QueryHit, Report, StatementCheck
from factcheck.report.files import as_written, compared, stated
from factcheck.report.wording import counted, short_names, visible
from factcheck.report.wording import word_window as _word_window

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
    """The sentence with the number in bold, shortened around it when long, at word boundaries."""
    sentence = claim.sentence
    at = claim.start - claim.sentence_start
    end = claim.end - claim.sentence_start
    left, right = _word_window(sentence, at - context, end + context, at=at, end=end)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(sentence) else ""
    text = Text(prefix)
    text.append(safe(sentence[left:at]))
    text.append(safe(sentence[at:end]), style="bold reverse")
    text.append(safe(sentence[end:right]))
    text.append(suffix)
    return text


def source_of(claim: Claim, names: dict[str, str]) -> Text:
    """A claim's source as every view names it ("000"), and under it the page of a PDF ("p. 12"), so
    that a reader can cite it."""
    source = plain(names.get(claim.document, claim.document), lines=False)
    if claim.page:
        source.append(f"\np. {claim.page}", style="dim")
    return source


def sources_table(docs: Sequence[DocumentSummary]) -> Table:
    """The documents, each under the short name every other view gives it (``src``): the title, and the
    file below it (a path has no spaces: on a line of its own it stays whole); the date column only when
    a document states one."""
    names = short_names([d.path for d in docs])
    dated = any(d.published for d in docs)
    table = Table(title="Sources", expand=False)
    table.add_column("src", no_wrap=True)
    table.add_column("title and file", overflow="fold")
    if dated:
        table.add_column("published", no_wrap=True)
    table.add_column("sentences", justify="right", no_wrap=True)
    table.add_column("claims", justify="right", no_wrap=True)
    for d in docs:
        source = plain(d.title)
        source.append("\n")
        source.append(safe(d.path, lines=False), style="dim")
        cells: list[RenderableType] = [plain(names[d.path], lines=False), source]
        if dated:
            cells.append(plain(d.published or ""))
        table.add_row(*cells, str(d.sentences), str(d.claims))
    return table


def claims_table(claims: Sequence[Claim], names: dict[str, str] | None = None) -> Table:
    """Every claim under its source's short name and its number in that source (``c3`` of ``d0:c3``)."""
    names = names if names is not None else short_names([c.document for c in claims])
    table = Table(title=f"Claims ({len(claims)})")
    for name in ("src", "claim", "kind", "text", "value", "sentence"):
        table.add_column(name, overflow="fold")
    for claim in claims:
        table.add_row(
            source_of(claim, names),
            plain(claim.id.rpartition(":")[2]),
            claim.kind,
            plain(claim.text),
            plain(stated(claim)),
            highlighted_sentence(claim, context=40),
        )
    return table


def group_view(group: ClaimGroup, names: dict[str, str]) -> Panel:
    """One group: a row per claim (source, the figure as written, the compared value where it differs,
    the sentence once), then the explanation. The sources are named once, in the report's legend."""
    table = Table(expand=True, show_edge=False, pad_edge=False)
    table.add_column("src", no_wrap=True)
    table.add_column("stated", ratio=3, overflow="fold")
    shown = [compared(claim, group.unit) for claim in group.claims]
    if any(shown):  # a column of blanks says nothing: only where something was converted
        table.add_column(safe(f"in {group.unit}" if group.unit else "compared"), ratio=2, overflow="fold")
    table.add_column("sentence", ratio=9, overflow="fold")
    for claim, value in zip(group.claims, shown, strict=True):
        cells = [source_of(claim, names), plain(as_written(claim))]
        if any(shown):
            cells.append(plain(value))
        table.add_row(*cells, highlighted_sentence(claim))
    title = Text(f"{group.id} ")
    title.append(safe(group.label, lines=False), style="bold")
    if group.conflict is not None:
        severity = group.conflict.severity
        title.append(f"  {severity} severity conflict", style=SEVERITY_STYLE[severity])
    else:
        title.append(f"  {group.status}", style=STATUS_STYLE[group.status])
    return Panel(Group(table, plain(group.explanation)), title=title, title_align="left")


class SourceLegend:
    """The sources of the groups shown, once per report: short name, title, file. The file stands in
    a column of its own where the title keeps ``LEGEND_TITLE`` cells beside it, else on a line of its
    own under the title: a long path never squeezes the title into broken words."""

    def __init__(self, docs: Sequence[DocumentSummary], names: dict[str, str]) -> None:
        self.rows = [(names[d.path], d.title, d.path) for d in docs]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        name_width = max((len(safe(name, lines=False)) for name, _, _ in self.rows), default=0)
        path_width = max((len(safe(path, lines=False)) for _, _, path in self.rows), default=0)
        beside = options.max_width - name_width - path_width - 4 >= LEGEND_TITLE
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="bold")
        table.add_column(ratio=1, overflow="fold")
        if beside:
            table.add_column(no_wrap=True, overflow="fold", style="dim")  # a path has no spaces: kept whole
        for name, title, path in self.rows:
            if beside:
                table.add_row(plain(name, lines=False), plain(title, "italic"), plain(path, lines=False))
                continue
            cell = plain(title, "italic")
            cell.append("\n")
            cell.append(safe(path, lines=False), style="dim")
            table.add_row(plain(name, lines=False), cell)
        yield table


LEGEND_TITLE = 30  # cells a title keeps beside the file names, else each file goes under its title


def source_legend(docs: Sequence[DocumentSummary], names: dict[str, str], paths: set[str]) -> SourceLegend:
    """The sources of the groups shown (``paths``), in the order of their short names."""
    shown = sorted((d for d in docs if d.path in paths), key=lambda d: names.get(d.path, d.path))
    return SourceLegend(shown, names)


def conflicts_view(report: Report, *, groups: Sequence[ClaimGroup], claims: int) -> Group:
    """The sources once, then the groups asked for, most severe first, and a summary line."""
    names = short_names([d.path for d in report.documents])
    views = [group_view(g, names) for g in groups]
    tail = conflicts_tail(report, groups=groups, claims=claims)
    return Group(*conflicts_head(report, groups=groups), *views, *tail)


def conflicts_head(report: Report, *, groups: Sequence[ClaimGroup]) -> list[RenderableType]:
    """What ``conflicts_view`` shows before the groups: the sources of those shown."""
    if not groups:
        return []
    names = short_names([d.path for d in report.documents])
    paths = {c.document for g in groups for c in g.claims}
    return [Text("Sources", style="bold"), source_legend(report.documents, names, paths)]


def conflicts_tail(report: Report, *, groups: Sequence[ClaimGroup], claims: int) -> list[RenderableType]:
    """What ``conflicts_view`` shows after the groups: why there are none, and the summary line."""
    parts: list[RenderableType] = []
    if not any(g.status == "conflict" for g in groups):
        hidden = sum(g.status == "conflict" for g in report.groups)
        if hidden:
            parts.append(
                Text(
                    f"No conflicts at this severity ({counted(hidden, 'conflict')} below it).", style="yellow"
                )
            )
        else:
            parts.append(Text("No conflicts found.", style="green"))
    parts.append(summary_line(report, claims=claims))
    return parts


def summary_line(report: Report, *, claims: int) -> Text:
    conflicts = sum(g.status == "conflict" for g in report.groups)
    agreements = sum(g.status == "agreement" for g in report.groups)
    return Text(
        f"{counted(len(report.documents), 'document')}, {counted(claims, 'claim')}, "
        f"{counted(len(report.groups), 'group')}: {counted(conflicts, 'conflict')}, "
        f"{counted(agreements, 'agreement')}",
        style="bold",
    )


VERDICT_STYLE = {"supported": "green", "contested": "yellow", "contradicted": "bold red", "not_found": "dim"}


def query_table(hits: Sequence[QueryHit], names: dict[str, str]) -> Table:
    """Ranked hits: the claim, its source, its group and the group's status, the sentence."""
    table = Table(title=f"{len(hits)} claims", expand=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("src", no_wrap=True)
    table.add_column("stated", ratio=2, overflow="fold", width=13)  # with a ratio, the least: "approximately"
    table.add_column("group", ratio=2, overflow="fold")
    table.add_column("sentence", ratio=5, overflow="fold")
    for hit in hits:
        claim = hit.claim
        group = Text(hit.status, style=STATUS_STYLE[hit.status])
        if hit.group_id:
            group.append(safe(f" {hit.group_id} {hit.group_label}"))
        table.add_row(
            f"{hit.score:.0f}",
            source_of(claim, names),
            plain(as_written(claim)),
            group,
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
        evidence = Table.grid(padding=(0, 1), pad_edge=True)  # wrapped lines keep their indent
        evidence.add_column(no_wrap=True)
        evidence.add_column(no_wrap=True)
        evidence.add_column(overflow="fold")
        evidence.add_row("", "", plain(number.explanation))
        for label, claims in (("for", number.supporting), ("against", number.contradicting)):
            for claim in claims:
                source = source_of(claim, names)
                evidence.add_row(label, source, highlighted_sentence(claim, context=50))
        parts.append(evidence)
    title = Text("")
    title.append(result.verdict.replace("_", " ").upper(), style=VERDICT_STYLE[result.verdict])
    title.append("  ")
    title.append(safe(result.statement, lines=False))
    return Panel(Group(*parts), title=title, title_align="left")


CLAIM_WIDTHS = (8, 6, 9, 24, 24)  # src, claim, kind, text, value; the sentence takes the rest of the line


def claims_lines(
    claims: Sequence[Claim], *, width: int, names: dict[str, str] | None = None
) -> Iterator[str]:
    """``claims_table`` as plain lines of fixed widths, one claim a line, for more claims than fit on a
    screen: a Rich table lays out every cell of every row before it prints the first (85% of
    ``claims`` on 100 MB), these are written as they are made. Control characters are escaped."""
    rest = max(20, width - sum(CLAIM_WIDTHS) - len(CLAIM_WIDTHS))
    yield f"Claims ({len(claims)})"
    names = names if names is not None else short_names([c.document for c in claims])
    yield _cells(("src", "claim", "kind", "text", "value", "sentence"), rest)
    for claim in claims:
        sentence = highlighted_sentence(claim, context=max(10, (rest - len(claim.text)) // 2)).plain
        source = names.get(claim.document, claim.document)
        number = claim.id.rpartition(":")[2]
        yield _cells((source, number, claim.kind, claim.text, stated(claim), sentence), rest)


def _cells(cells: Sequence[str], last: int) -> str:
    out = []
    for text, size in zip(cells, (*CLAIM_WIDTHS, last), strict=True):
        text = visible(" ".join(text.split()), lines=False)
        out.append(text if len(text) <= size else text[: size - 1] + "…")
    return (
        " ".join(f"{text:<{size}}" for text, size in zip(out[:-1], CLAIM_WIDTHS, strict=True)) + " " + out[-1]
    )
