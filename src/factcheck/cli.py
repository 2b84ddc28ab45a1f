"""The command line: parse, call the library, render, exit. Errors end here as one line and exit code 2."""

from __future__ import annotations

import contextlib
import errno
import functools
import gc
import json
import os
import re
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer
import typer.core
from rich.console import Console, Group
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

import factcheck  # its functions are called as factcheck.load(...): a command imports only what it runs
from factcheck import (
    KINDS,
    VERDICTS,
    ClaimGroup,
    ClaimsReport,
    QueryReport,
    Report,
    SourcesReport,
    StatementCheck,
    __version__,
)

if TYPE_CHECKING:
    from factcheck import Corpus
from factcheck.errors import FactcheckError, InputError, UsageError
from factcheck.report.csv import to_csv
from factcheck.report.files import json_pieces, to_json, to_markdown, write_atomic
from factcheck.report.terminal import (
    check_view,
    claims_lines,
    claims_table,
    conflicts_head,
    conflicts_tail,
    group_view,
    message,
    query_table,
    sources_table,
)
from factcheck.report.wording import short_names

GLOBAL_FLAGS = frozenset({"--no-color", "--quiet", "-q"})  # the app's own: accepted after the command too
COMMAND_FLAGS = frozenset({"--json"})  # each command's own: accepted before the command too


def _hoisted(args: Sequence[str], commands: frozenset[str]) -> list[str]:
    """``args`` with the global flags put before the command and ``--json`` after it, wherever the user
    wrote them (``factcheck conflicts --no-color``, ``factcheck --json sources``); nothing after ``--``
    moves.

    >>> _hoisted(["conflicts", "seeds", "--no-color", "-q"], frozenset({"conflicts"}))
    ['--no-color', '-q', 'conflicts', 'seeds']
    >>> _hoisted(["--json", "sources", "--", "--no-color"], frozenset({"sources"}))
    ['sources', '--json', '--', '--no-color']
    """
    args = list(args)
    cut = args.index("--") if "--" in args else len(args)
    head, tail = args[:cut], args[cut:]
    at = next((k for k, arg in enumerate(head) if arg in commands), None)
    if at is None:
        return args
    flags = [arg for arg in head if arg in GLOBAL_FLAGS]
    before = [arg for arg in head[:at] if arg not in GLOBAL_FLAGS | COMMAND_FLAGS]
    moved = [arg for arg in head[:at] if arg in COMMAND_FLAGS]
    after = [arg for arg in head[at + 1 :] if arg not in GLOBAL_FLAGS]
    return [*flags, *before, head[at], *moved, *after, *tail]


class _Commands(typer.core.TyperGroup):
    """The app's group: global flags anywhere on the line (``_hoisted``)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _hoisted(args, frozenset(self.commands)))


def _no_bool_shown(display: Callable[[Any, Any], str | None]) -> Callable[[Any, Any], str | None]:
    """Typer's help writes ``<bool>`` beside every flag, which takes no value: show nothing there."""

    def shown(option: Any, ctx: Any) -> str | None:
        return None if getattr(option, "is_flag", False) else display(option, ctx)

    return shown


typer.core.TyperOption.display_type_rich = _no_bool_shown(typer.core.TyperOption.display_type_rich)  # type: ignore[method-assign,assignment]

app = typer.Typer(
    cls=_Commands,
    name="factcheck",
    help="Find the numbers in your sources, see where the sources disagree, and check statements against them.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
PROGRESS_THRESHOLD = 20  # files; below this a run is quick enough to need no bar
PROGRESS_CLAIMS = 5000  # claims; below this grouping takes well under a second
MIN_WIDTH, MAX_WIDTH = 40, 1000  # COLUMNS is clamped to these: Rich lays out every column of the width
# errno of a stdout that cannot take the output: full disk, quota, file too large, I/O error, closed pipe
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EPIPE})
MAX_EPOCH = 253402300799  # SOURCE_DATE_EPOCH of 9999-12-31T23:59:59Z, the last second a report can print


class Severity(StrEnum):
    """The choices of --min-severity; their order is the library's ``SEVERITIES`` (a test holds them equal)."""

    low = "low"
    medium = "medium"
    high = "high"


class Format(StrEnum):
    json = "json"
    markdown = "markdown"
    html = "html"
    csv = "csv"


# -o report.md picks Markdown, and so on, unless --format says otherwise; any other name gets JSON.
SUFFIX_FORMATS = {
    ".json": Format.json,
    ".md": Format.markdown,
    ".markdown": Format.markdown,
    ".html": Format.html,
    ".htm": Format.html,
    ".csv": Format.csv,
}


def _to_html(report: Report) -> str:
    """``report.html.to_html``, imported when a page is written: Jinja2 is 11 MB of every command."""
    from factcheck.report.html import to_html

    return to_html(report)


WRITERS: dict[Format, Callable[[Report], str]] = {
    Format.json: to_json,
    Format.markdown: to_markdown,
    Format.html: _to_html,
    Format.csv: to_csv,
}


class ClaimsFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class _State:
    color: bool = True
    quiet: bool = False  # --quiet: no progress bar, notes or warnings; errors still say why
    jobs: int = 0  # --jobs: processes that read the documents, 0 for one per core
    scheduler: str | None = None  # --scheduler: a Dask cluster's workers read them instead


STATE = _State()

Paths = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Source files or folders (read recursively). Default: ./seeds, else the bundled sample.",
        show_default=False,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON to stdout instead of a table.")]
RatesOption = Annotated[
    Path | None,
    typer.Option(
        "--rates",
        help="JSON file of currency rates per EUR, as src/factcheck/data/rates.json.",
        show_default=False,
    ),
]


EXIT_CODES = "Exit codes: 0 done; 2 bad usage, an unreadable source or an output that cannot be written."
EXIT_ONE = {  # the commands that exit 1 when asked to
    "conflicts": "1 a conflict was found and --fail-on-conflict asks for it",
    "check": "1 a verdict is one that --fail-on names",
}
EXAMPLES = {
    "sources": ("factcheck sources articles/", "curl -s URL | factcheck sources -"),
    "claims": ("factcheck claims report.pdf", "factcheck claims articles/ --format jsonl > claims.jsonl"),
    "conflicts": (
        "factcheck conflicts articles/ --all",
        "factcheck conflicts articles/ --json --min-severity high",
    ),
    "export": ("factcheck export articles/ -o report.html", "factcheck export articles/ -o claims.csv"),
    "query": ('factcheck query "prison cells" --in articles/', "factcheck query seats --kind count --json"),
    "check": (
        'factcheck check "Kosovo will receive 210 million euros" --in articles/',
        "factcheck check claims/statements.txt --fail-on contradicted",
    ),
}


def _epilog(name: str) -> str:
    """Two examples and the exit codes, at the end of a command's --help."""
    examples = "\n\n".join(f"  {example}" for example in EXAMPLES.get(name, ()))
    codes = EXIT_CODES.replace("; 2 ", f"; {EXIT_ONE[name]}; 2 ") if name in EXIT_ONE else EXIT_CODES
    return f"Examples:\n\n{examples}\n\n{codes}"


def _command(func: Callable[..., None]) -> Callable[..., None]:
    """Register a command whose library errors end as one line on stderr and exit code 2."""

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            func(*args, **kwargs)
        except FactcheckError as e:
            _say(f"factcheck: {e}", style="red")
            raise typer.Exit(2) from None
        except OSError as e:  # the library turns its file errors into InputError: most likely the output
            if e.errno in _WRITE_ERRORS:
                _discard_stdout()
            if not isinstance(e, BrokenPipeError):  # a reader that stopped (| head) needs no message
                what = "cannot write the output" if e.errno in _WRITE_ERRORS else "system error"
                _say(f"factcheck: {what} ({e.strerror or e})", style="red")
            raise typer.Exit(2) from None

    return app.command(epilog=_epilog(func.__name__))(run)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colour or styles (NO_COLOR is honoured too).")
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No progress bar, notes or warnings; errors still print."),
    ] = False,
    version: Annotated[
        bool | None,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Processes that read the documents; 0: one per core.")
    ] = 0,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Read the documents on Dask: 'local' (--jobs workers here) or a scheduler's tcp://host:port.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Numeric claims across sources: conflicts, agreements, queries and statement checks.

    Global flags (--no-color, --quiet) go before or after the command.
    """
    STATE.color = not (no_color or "NO_COLOR" in os.environ)
    STATE.quiet = quiet
    STATE.jobs, STATE.scheduler = jobs, scheduler


def _out(*, color: bool | None = None) -> Console:
    return Console(
        no_color=not (STATE.color if color is None else color),
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        width=_width(),
    )


def _err() -> Console:
    return Console(
        stderr=True, no_color=not STATE.color, highlight=False, markup=False, emoji=False, width=_width()
    )


def _width() -> int | None:
    """COLUMNS, clamped: ``COLUMNS=99999999`` would have Rich lay out a hundred million cells a line."""
    columns = os.environ.get("COLUMNS", "").strip()
    if not (columns.isascii() and columns.isdigit()):
        return None
    return min(max(int(columns), MIN_WIDTH), MAX_WIDTH)


def _say(text: str, *, style: str = "") -> None:
    """One line on stderr, through the one sanitiser: file names in it cannot drive the terminal."""
    _err().print(message(text, style=style), soft_wrap=True)


def _warn(text: str) -> None:
    if not STATE.quiet:
        _say(f"warning: {text}", style="yellow")


def _note(text: str) -> None:
    """Something a user should know that is not wrong: which corpus is read, where paths go."""
    if not STATE.quiet:
        _say(f"note: {text}")


def _emit(text: str, *, flush: bool = True) -> None:
    """Data to stdout as UTF-8, exactly as given, whether stdout is a terminal, a pipe or a file."""
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(text)
    else:
        stream.write(text.encode("utf-8", "backslashreplace"))
    if flush:
        sys.stdout.flush()


def _emit_pieces(pieces: Iterable[str]) -> None:
    """``_emit`` of a long output in pieces, buffered, so that its whole text is never in memory."""
    for piece in pieces:
        _emit(piece, flush=False)
    sys.stdout.flush()


def _discard_stdout() -> None:
    """After a failed write to stdout (a full disk, a closed pipe), drop what is still buffered, so
    that the interpreter's last flush does not fail again with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _paths(paths: Sequence[Path] | None) -> list[Path]:
    """The paths given, else ``./seeds``, else the bundled sample, which a notice on stderr names: a
    user who forgot the paths must not read the sample's conflicts as their own."""
    if paths:
        return list(paths)
    chosen = factcheck.default_paths()
    if chosen != [Path("seeds")]:
        _note("no paths given and no ./seeds folder here: reading the sample corpus bundled with factcheck")
    return chosen


@contextmanager
def _progress(files: Sequence[Path], *, quiet: bool) -> Iterator[Callable[[Any], None]]:
    """A bar on stderr while the documents are read, split and their claims extracted (one step, done
    for each document by the process that reads it): the documents read, the megabytes of them, and
    the time so far. Only on a terminal, and for runs long enough to need one."""
    console = _err()
    if quiet or STATE.quiet or len(files) < PROGRESS_THRESHOLD or not console.is_terminal:
        yield lambda _doc: None
        return
    sizes = {str(path): _size(path) for path in files}
    with Progress(  # refreshed here, not by a thread: the processes that read are forked from this one
        TextColumn("reading and extracting"),
        BarColumn(),
        TextColumn("{task.fields[docs]:,}/{task.fields[files]:,} documents"),
        DownloadColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        auto_refresh=False,
    ) as bar:
        task = bar.add_task("reading", total=sum(sizes.values()) or 1, docs=0, files=len(files))
        shown = [0.0]
        done = [0]

        def advance(doc: Any) -> None:
            done[0] += 1
            bar.update(task, advance=sizes.get(getattr(doc, "path", ""), 0), docs=done[0])
            if time.monotonic() - shown[0] > 0.1:
                shown[0] = time.monotonic()
                bar.refresh()

        yield advance


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except (OSError, ValueError):
        return 0


@contextmanager
def _working(stage: str, *, size: int, quiet: bool = False) -> Iterator[None]:
    """A spinner and the time so far on stderr while a long stage with no steps to count runs
    (grouping and judging, writing the report), on a terminal, for ``size`` claims worth waiting for."""
    console = _err()
    if quiet or STATE.quiet or size < PROGRESS_CLAIMS or not console.is_terminal:
        yield
        return
    with Progress(
        SpinnerColumn("line"),
        TextColumn(f"{stage} {size:,} claims"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        refresh_per_second=8,
    ) as spinner:
        spinner.add_task(stage, total=None)
        yield


def _writing(size: int) -> AbstractContextManager[None]:
    """``_working`` while the report is written, unless it goes to the terminal the spinner is on."""
    return _working("writing the report of", size=size, quiet=_stdout_is_terminal())


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stdout
        return False


class _Read(NamedTuple):
    path: str


def _advancing(pieces: Iterator[str], advance: Callable[[Any], None]) -> Iterator[str]:
    """``claims --format jsonl``'s pieces, the bar advanced by each document's (its first line, the
    document's summary, names its path)."""
    for piece in pieces:
        if piece.startswith('{"id":'):
            head = piece.partition("\n")[0]
            with contextlib.suppress(ValueError, AttributeError):
                advance(_Read(str(json.loads(head).get("path", ""))))
        yield piece


def _corpus(paths: Sequence[Path] | None, *, quiet: bool = False) -> Corpus:
    chosen = _paths(paths)
    found = factcheck.find_sources(
        chosen, on_warning=_warn
    )  # walked once: the bar's size, then the files to read
    with _progress(found, quiet=quiet) as advance:
        return factcheck.load(
            chosen,
            found=found,
            on_warning=_warn,
            on_document=advance,
            jobs=STATE.jobs,
            scheduler=STATE.scheduler,
        )


def _rates(path: Path | None) -> dict[str, float] | None:
    return None if path is None else factcheck.load_rates(path)


def _now() -> datetime | None:
    """SOURCE_DATE_EPOCH fixes the report's timestamp, for byte-identical output; a value that is not
    a whole number of seconds from 1970 to 9999 is a usage error, said once, in one line."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    if not re.fullmatch(r"[0-9]{1,12}", epoch) or int(epoch) > MAX_EPOCH:
        raise UsageError(
            f"SOURCE_DATE_EPOCH={epoch[:40]!r}: not a number of seconds since 1970 (0 to {MAX_EPOCH})"
        )
    return datetime.fromtimestamp(int(epoch), UTC)


def _report(paths: Sequence[Path] | None, rates: Path | None) -> tuple[Corpus, Report]:
    corpus = _corpus(paths)
    _large_blocks_mapped()  # grouping's arrays, from here on
    with _working("grouping and judging", size=len(corpus.claims)):
        return corpus, factcheck.report_of(corpus, rates=_rates(rates), now=_now())


@_command
def sources(paths: Paths = None, as_json: JsonFlag = False) -> None:
    """List the documents: title, date if stated, sentences and claims."""
    corpus = _corpus(paths)
    if as_json:
        _emit(to_json(SourcesReport(documents=corpus.summaries())))
        return
    _out().print(sources_table(corpus.summaries()))


@_command
def claims(
    paths: Paths = None,
    as_json: JsonFlag = False,
    fmt: Annotated[
        ClaimsFormat,
        typer.Option(
            "--format",
            help="table; json (as --json); jsonl: one object per line, each sentence once, streamed.",
        ),
    ] = ClaimsFormat.table,
) -> None:
    """Every numeric claim in the sources, with its value, unit and qualifier."""
    if fmt is ClaimsFormat.jsonl:
        chosen = _paths(paths)
        found = factcheck.find_sources(chosen, on_warning=_warn)
        lines = factcheck.jsonl_lines(
            chosen, found=found, on_warning=_warn, jobs=STATE.jobs, scheduler=STATE.scheduler
        )
        with _progress(found, quiet=_stdout_is_terminal()) as advance:  # the lines are the output
            _emit_pieces(_advancing(lines, advance))
        return
    as_json = as_json or fmt is ClaimsFormat.json
    corpus = _corpus(paths)
    if as_json:
        _emit_pieces(json_pieces(ClaimsReport(documents=corpus.summaries(), claims=corpus.claims)))
        return
    console = _out()
    if len(corpus.claims) > console.height:  # more than a screenful: plain lines, written as they are made
        _emit_pieces(
            line + "\n" for line in claims_lines(corpus.claims, width=console.width, names=corpus.names())
        )
        return
    console.print(claims_table(corpus.claims, corpus.names()))


@_command
def conflicts(
    paths: Paths = None,
    show_all: Annotated[bool, typer.Option("--all", help="Also show groups whose sources agree.")] = False,
    min_severity: Annotated[Severity, typer.Option("--min-severity", help="Hide conflicts below this.")] = (
        Severity.low
    ),
    fail_on_conflict: Annotated[
        bool, typer.Option("--fail-on-conflict", help="Exit 1 when a conflict is found (for CI).")
    ] = False,
    as_json: JsonFlag = False,
    rates: RatesOption = None,
) -> None:
    """Show where the sources disagree, most severe first."""
    corpus, report = _report(paths, rates)
    shown = factcheck.select_groups(report.groups, min_severity=min_severity.value, agreements=show_all)
    size = sum(len(g.claims) for g in shown)
    if as_json:  # the groups the view would show; `export` writes them all
        with _writing(size):
            _emit_pieces(json_pieces(report.model_copy(update={"groups": shown})))
    else:
        with _working("laying out", size=size):  # then printed at once
            pieces = list(_conflicts_pieces(report, shown, claims=len(corpus.claims), size=size))
        _emit_pieces(pieces)
    if fail_on_conflict and any(g.status == "conflict" for g in shown):
        raise typer.Exit(1)


VIEW_TASK_CLAIMS = 1000  # claims of the groups one process lays out at a time in a large conflicts view
PARALLEL_VIEW_CLAIMS = 4000  # below this, starting processes costs more than laying out here


def _conflicts_pieces(
    report: Report, shown: Sequence[ClaimGroup], *, claims: int, size: int
) -> Iterator[str]:
    """``conflicts_view`` as text, the same, byte for byte: its head, its groups (a large view's laid
    out on every core, Rich's tables being most of the command), its tail."""
    names = short_names([d.path for d in report.documents])
    yield _rendered_view(conflicts_head(report, groups=shown), STATE.color)
    chunks: list[tuple[Any, ...]] = []
    filled = VIEW_TASK_CLAIMS
    for group in shown:
        if filled >= VIEW_TASK_CLAIMS:
            chunks.append(([], names, STATE.color))
            filled = 0
        chunks[-1][0].append(group)
        filled += len(group.claims)
    yield from _in_order(_group_views, chunks, jobs=STATE.jobs if size >= PARALLEL_VIEW_CLAIMS else 1)
    yield _rendered_view(conflicts_tail(report, groups=shown, claims=claims), STATE.color)


def _in_order(task: Callable[..., str], chunks: Sequence[tuple[Any, ...]], *, jobs: int) -> Iterator[str]:
    """``task(*chunk)`` of each chunk on ``jobs`` processes (0: one per core), in order; here when one."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    n = min(jobs or cores, len(chunks))
    if n <= 1:
        yield from (task(*chunk) for chunk in chunks)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if sys.platform == "linux" else None  # a forked worker starts with what is loaded
    gc.freeze()  # a worker's collector never walks the report it was forked with: its pages stay shared
    try:
        with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context(method)) as pool:
            yield from pool.map(task, *zip(*chunks, strict=True))
    finally:
        gc.unfreeze()


def _group_views(groups: Sequence[ClaimGroup], names: dict[str, str], color: bool) -> str:
    """``group_view`` of each group, laid out as ``conflicts`` prints them (a task of ``_in_order``)."""
    return _rendered_view([group_view(g, names) for g in groups], color)


def _rendered_view(parts: Sequence[Any], color: bool) -> str:
    if not parts:
        return ""
    console = _out(color=color)  # given: a process that was not forked from this one knows no STATE
    with console.capture() as view:
        console.print(Group(*parts))
    return view.get()


@_command
def export(
    paths: Paths = None,
    output: Annotated[str, typer.Option("--output", "-o", help="File to write, or - for stdout.")] = "-",
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            help="json (the contract's report), markdown, html (one page, no external requests) or csv "
            "(a row per claim). Default: from the -o suffix (.md, .html, .csv), else json.",
            show_default=False,
        ),
    ] = None,
    rates: RatesOption = None,
) -> None:
    """Write the whole report to a file, atomically."""
    suffix = Path(output).suffix.lower() if output != "-" else ""
    chosen = fmt or SUFFIX_FORMATS.get(suffix, Format.json)
    if fmt is None and suffix and suffix not in SUFFIX_FORMATS:
        _note(f"{output}: {suffix} names no format of --format: writing JSON")
    _, report = _report(paths, rates)
    size = sum(len(g.claims) for g in report.groups)
    if output == "-":
        with _writing(size):
            _emit_pieces(_rendered(report, chosen))
        return
    with _working("writing the report of", size=size):
        written = write_atomic(output, _rendered(report, chosen))
    through = f" (the target of the symlink {output})" if written.path != Path(output) else ""
    if not STATE.quiet:
        _say(f"{'replaced' if written.replaced else 'wrote'} {written.path}{through}")


def _rendered(report: Report, fmt: Format) -> Iterator[str]:
    """The report in ``fmt``, in pieces: JSON a group at a time, the other formats whole."""
    if fmt is Format.json:
        yield from json_pieces(report)
    else:
        yield WRITERS[fmt](report)


InPaths = Annotated[
    list[Path] | None,
    typer.Option(
        "--in", help="Source files or folders. Default: ./seeds, else the bundled sample.", show_default=False
    ),
]


@_command
def query(
    keywords: Annotated[
        list[str], typer.Argument(help="Words to look for; typos, case and accents are forgiven.")
    ],
    paths: InPaths = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help=f"Only claims of this kind: {', '.join(KINDS)}.", show_default=False),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many claims.")] = 20,
    as_json: JsonFlag = False,
    rates: RatesOption = None,
) -> None:
    """Claims whose sentence, counted noun or group matches the keywords, best first."""
    if kind is not None and kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}")
    if paths is None:
        _hint_in(keywords)
    corpus = _corpus(paths)
    _large_blocks_mapped()  # grouping's arrays, from here on
    with _working("grouping and judging", size=len(corpus.claims)):
        groups = corpus.groups(rates=_rates(rates))
    hits = factcheck.search(corpus.claims, groups, keywords, kind=kind, limit=limit)
    if as_json:
        _emit(to_json(QueryReport(keywords=tuple(keywords), hits=hits)))
        return
    names = corpus.names()
    _out().print(query_table(hits, names))


def _hint_in(keywords: Sequence[str]) -> None:
    """A keyword that names a folder or file was most likely meant as the sources: say where paths go."""
    for word in keywords:
        kind = "a folder" if _is_dir(Path(word)) else "a file" if _is_file(Path(word)) else None
        if kind is not None:
            _note(
                f"the keyword {word!r} names {kind}: paths go after --in "
                f"(factcheck query KEYWORD... --in {word}); searching for it as a word"
            )
            return


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


@_command
def check(
    statement_or_file: Annotated[
        str, typer.Argument(help="A statement in quotes, or a file with one per line.")
    ],
    paths: InPaths = None,
    as_json: JsonFlag = False,
    rates: RatesOption = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a statement's verdict is one of these, comma-separated: "
            "contradicted, contested, not_found (for a newsroom's pipeline).",
            show_default=False,
        ),
    ] = "",
) -> None:
    """Check a statement's numbers against the sources: supported, contested, contradicted or not found."""
    failing = _verdicts(fail_on)
    source = Path(statement_or_file)
    lines: list[str] | None = None
    if _is_file(source):
        try:
            lines = source.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"{source}: cannot read ({e})") from e
    elif not statement_or_file.strip():
        raise InputError("empty statement")
    else:
        statement_or_file = _decodable(statement_or_file)
    corpus = _corpus(paths)
    table = _rates(rates)
    claims = corpus.comparable()
    with _working("grouping and judging", size=len(claims)):
        groups = corpus.groups(rates=table)
    if lines is None:
        results: tuple[StatementCheck, ...] = (
            factcheck.check_statement(
                statement_or_file, claims, groups, rates=table, published=corpus.published()
            ),
        )
    else:
        results = factcheck.check_lines(lines, claims, groups, rates=table, published=corpus.published())
    if as_json:
        _emit(to_json(results if lines is not None else results[0]))
    else:
        names = corpus.names()
        console = _out()
        for result in results:
            console.print(check_view(result, names))
    if any(r.verdict in failing for r in results):
        raise typer.Exit(1)


def _verdicts(text: str) -> frozenset[str]:
    """The verdicts of ``--fail-on``; an unknown one is a usage error."""
    chosen = frozenset(v.strip() for v in text.split(",") if v.strip())
    unknown = sorted(chosen - set(VERDICTS))
    if unknown:
        raise UsageError(f"--fail-on: unknown verdict {unknown[0]!r}; choose from {', '.join(VERDICTS)}")
    return chosen


def _is_file(path: Path) -> bool:
    """Whether a statement names a file; a statement too long for a path (over 255 bytes) is none."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _decodable(text: str) -> str:
    r"""An argument with its bytes that are not UTF-8 (kept by Python as lone surrogates) as ``\xff``."""
    if not any("\ud800" <= char <= "\udfff" for char in text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _terminated(signum: int, _frame: object) -> None:
    """SIGTERM ends the run as an exception would, so that ``finally`` blocks remove temporaries."""
    raise SystemExit(128 + signum)


M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)
MMAP_THRESHOLD = 128 * 1024  # bytes: a block this large or larger is mapped alone, and unmapped when freed


def _large_blocks_mapped() -> None:
    """Keep glibc's malloc from raising its mmap threshold while a corpus is grouped. It maps a block
    of 128 KB or more alone and returns it when freed, but after such a block is freed it raises the
    threshold to its size (up to 32 MB), so that grouping's next NumPy arrays come from the heap, and
    the heap keeps what they leave between smaller blocks: 40 to 60 MB of ``export``'s peak on 10 MB
    of text. A fixed threshold ends that adjustment. It is set once the documents are read: while they
    are, every result a worker sends would be mapped anew (a second of page faults a MB/s, saving
    nothing at the peak). Elsewhere (another C library, no ``mallopt``) nothing is done."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point. Typer turns usage errors into exit code 2; each command turns library errors into
    one line on stderr and exit code 2 (see ``_command``); a stdout that cannot take the output (a full
    disk, ``> /dev/full``) is exit code 2 with one line too."""
    signal.signal(signal.SIGTERM, _terminated)
    try:
        app(args=list(argv) if argv is not None else None, prog_name="factcheck")
    finally:
        try:
            sys.stdout.flush()
        except OSError as e:
            _discard_stdout()
            if not isinstance(e, BrokenPipeError):
                _say(f"factcheck: cannot write the output ({e.strerror or e})", style="red")
            raise SystemExit(2) from None
