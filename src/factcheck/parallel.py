"""Reading a corpus on every core, or on the workers of a Dask cluster.

Load, split and extract are independent per document and most of a run's time, so they run where
there are cores: ``read_files`` is the one unit of work (a few files in, their documents and claims out),
the same function in this process, in a local pool of processes and on a Dask cluster. Its results come
back packed (``_pack``): plain tuples rather than models, each sentence as an offset into the document's
text, so that little crosses between processes and nothing is validated again. Results are read in the
order of the files, and documents are numbered as they come, so the corpus is the same, byte for byte,
whatever ran it.
"""

from __future__ import annotations

import gc
import importlib
import math
import os
import pickle
import re
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from factcheck.errors import InputError, UsageError, WorkerError
from factcheck.extract import extract_claims, extract_text
from factcheck.ingest.copies import signature_of
from factcheck.ingest.load import DEFAULT_MAX_BYTES, find_sources, load_document, shown_path
from factcheck.ingest.pdf import with_pages
from factcheck.ingest.sentences import split_sentences
from factcheck.models import Claim, Document, DocumentSummary, Normalized, Sentence, trusted
from factcheck.rates import rate_on, rates_of_day
from factcheck.report.files import jsonl_document

if TYPE_CHECKING:  # the pool's modules are imported where a pool is made
    from concurrent.futures import Future, ProcessPoolExecutor

MAX_CHUNK = 32  # files per task at most: a task is a few hundred KB of text, so results stream back
TASKS_PER_WORKER = 4  # tasks per worker at least, so that one slow file does not leave the others idle
AHEAD = 3  # tasks in flight per worker: enough to keep each busy, few enough that memory stays bounded
HELD = 6  # results per local process done but not yet read, at most (``_shared``)
MIN_PARALLEL_FILES = 16  # below this, starting processes costs more than it saves
MIN_FILES_PER_WORKER = 8  # a process forked for fewer files costs more than it saves

_CLAIM_FIELDS = tuple(Claim.model_fields)
_DOC_FIELDS = tuple(Document.model_fields)
_SENTENCE = _CLAIM_FIELDS.index("sentence")
_NORMALIZED = _CLAIM_FIELDS.index("normalized")


@dataclass(frozen=True)
class Read:
    """One file read: its document (None when skipped), the number of its sentences, its claims, the
    sentences that hold claims (when asked for), and the warnings reading it gave."""

    doc: Document | None
    sentences: int
    claims: tuple[Claim, ...]
    held: tuple[Sentence, ...]
    warnings: tuple[str, ...]
    signature: Any = None  # ``signature_of`` the text, for ``find_copies``, when asked for


class Loaded(NamedTuple):
    """A document read, as ``read_all`` gives it: its sentence count, claims and the sentences holding them."""

    doc: Document
    sentences: int
    claims: tuple[Claim, ...]
    held: tuple[Sentence, ...]
    signature: Any = None


def read_file(
    path: Path,
    *,
    doc_id: str,
    held: bool = False,
    signed: bool = False,
    named: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Read:
    """Load, split and extract one file, as ``read_corpus`` does, its warnings kept for the caller; with
    ``signed``, the text's signature for ``find_copies`` too. A file the user ``named`` that cannot be
    read as a PDF raises ``InputError`` (``load_document``)."""
    warnings: list[str] = []
    doc = load_document(path, doc_id=doc_id, max_bytes=max_bytes, on_warning=warnings.append, named=named)
    if doc is None:
        return Read(None, 0, (), (), tuple(warnings))
    sents = list(split_sentences(doc))
    claims = tuple(with_pages(doc, extract_claims(doc, sents)))
    kept: tuple[Sentence, ...] = ()
    if held:
        starts = {c.sentence_start for c in claims}
        kept = tuple(s for s in sents if s.start in starts)
    return Read(doc, len(sents), claims, kept, tuple(warnings), signature_of(doc.text) if signed else None)


def read_files(
    paths: Sequence[str], first: int, held: bool = False, signed: bool = False, named: Sequence[str] = ()
) -> list[tuple[Any, ...]]:
    """The unit of work of a pool or a cluster: ``read_file`` of each path, the first numbered ``d{first}``,
    packed. Positional arguments and plain values only, so that any scheduler can ship it."""
    with collector_paused():
        return [
            _pack(read_file(Path(p), doc_id=f"d{first + i}", held=held, signed=signed, named=p in named))
            for i, p in enumerate(paths)
        ]


def read_all(
    paths: Sequence[str | Path],
    *,
    found: Sequence[Path] | None = None,
    on_warning: Callable[[str], None] | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    held: bool = False,
    signed: bool = False,
) -> Iterator[Loaded]:
    """``read_file`` of every source under ``paths``, in order, the readable ones numbered d0, d1, ...

    Raises ``InputError`` for a missing path or when nothing could be read, as ``iter_documents`` does."""
    if not paths:
        raise InputError("no paths given")
    files = [str(p) for p in (found if found is not None else find_sources(paths, on_warning=on_warning))]
    count = 0
    for read in _reads(files, jobs=jobs, scheduler=scheduler, held=held, signed=signed, named=_named(paths)):
        for warning in read.warnings:
            if on_warning is not None:
                on_warning(warning)
        doc = read.doc
        if doc is None:
            continue
        if doc.id != f"d{count}":  # a file before it was skipped: ids count readable documents
            read = _renumbered(read, doc, f"d{count}")
            doc = doc.model_copy(update={"id": f"d{count}"})
        count += 1
        yield Loaded(doc, read.sentences, read.claims, read.held, read.signature)
    if not count:
        raise InputError(f"no readable documents in {', '.join(shown_path(p) for p in paths)}")


def jsonl_files(
    paths: Sequence[str], first: int, named: Sequence[str] = ()
) -> list[tuple[str | None, str, tuple[str, ...]]]:
    """The unit of work of ``claims --format jsonl``: each file's lines (``jsonl_document``), rendered
    where it is read, so that only text comes back: (its document's id or None, the lines, warnings)."""
    out: list[tuple[str | None, str, tuple[str, ...]]] = []
    with collector_paused():
        for i, path in enumerate(paths):
            read = read_file(Path(path), doc_id=f"d{first + i}", held=True, named=path in named)
            if read.doc is None:
                out.append((None, "", read.warnings))
                continue
            doc, claims = read.doc, tuple(rates_of_day(read.doc, read.claims))
            summary = DocumentSummary(
                id=doc.id,
                path=doc.path,
                title=doc.title,
                published=doc.published,
                sentences=read.sentences,
                claims=len(claims),
                text_source=doc.text_source,
            )
            out.append((doc.id, "".join(jsonl_document(summary, read.held, claims)), read.warnings))
    return out


def jsonl_all(
    paths: Sequence[str | Path],
    *,
    found: Sequence[Path] | None = None,
    on_warning: Callable[[str], None] | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Iterator[str]:
    """The lines of ``claims --format jsonl`` after its header, a document's at a time, in order; the
    same as ``to_jsonl(stream_claims(...))``, made by the workers."""
    if not paths:
        raise InputError("no paths given")
    files = [str(p) for p in (found if found is not None else find_sources(paths, on_warning=on_warning))]
    named = _named(paths)
    n = workers(jobs, files=len(files), scheduler=scheduler)
    if scheduler is None and (n == 1 or len(files) < MIN_PARALLEL_FILES):
        results: Iterator[list[Any]] = (jsonl_files([f], i, named) for i, f in enumerate(files))
    else:
        results = _results(jsonl_files, files, n=n, scheduler=scheduler, args=(named,))
    count = 0
    for chunk in results:
        for doc_id, text, warnings in chunk:
            for warning in warnings:
                if on_warning is not None:
                    on_warning(warning)
            if doc_id is None:
                continue
            if doc_id != f"d{count}":  # a file before it was skipped: ids count readable documents
                text = _JSONL_IDS.sub(rf"\g<1>d{count}\g<3>", text)
            count += 1
            yield text
    if not count:
        raise InputError(f"no readable documents in {', '.join(shown_path(p) for p in paths)}")


# The ids in a document's JSON lines: keys followed by a document id; inside a JSON string a quote is
# escaped (\"), so the pattern matches only keys and values.
_JSONL_IDS = re.compile(r'("(?:id|sentence_id|equivalent_of)":")(d\d+)((?::[cs]\d+)?")')


def workers(jobs: int, *, files: int, scheduler: str | None = None) -> int:
    """``jobs`` as a number of processes: 0 is one per core this process may use. A local pool gets
    at most one process per ``MIN_FILES_PER_WORKER`` files: on 64 cores, 20 files fork 2, not 64."""
    if jobs < 0:
        raise UsageError(f"--jobs {jobs}: give a number of processes, or 0 for one per core")
    n = jobs or _cores()
    return n if scheduler is not None else max(1, min(n, files // MIN_FILES_PER_WORKER))


def _named(paths: Sequence[str | Path]) -> tuple[str, ...]:
    """The paths the user named, as ``find_sources`` keys them: a PDF among them that cannot be read is
    an error, not a skipped file."""
    return tuple(sorted({Path(p).as_posix() for p in paths}))


def _reads(
    files: list[str], *, jobs: int, scheduler: str | None, held: bool, signed: bool, named: tuple[str, ...]
) -> Iterator[Read]:
    n = workers(jobs, files=len(files), scheduler=scheduler)
    if scheduler is None and (n == 1 or len(files) < MIN_PARALLEL_FILES):
        for i, path in enumerate(files):
            with collector_paused():
                read = read_file(Path(path), doc_id=f"d{i}", held=held, signed=signed, named=path in named)
            yield read
        return
    normalized: dict[tuple[Any, ...], Normalized] = {}  # one of each, for the whole corpus (``_unpack``)
    for packed in _results(read_files, files, n=n, scheduler=scheduler, args=(held, signed, named)):
        with collector_paused():
            reads = [_unpack(p, normalized=normalized) for p in packed]
        yield from reads


def _results(
    task: Callable[..., list[Any]], files: list[str], *, n: int, scheduler: str | None, args: tuple[Any, ...]
) -> Iterator[list[Any]]:
    """``task(chunk, first, *args)`` of chunks of the files, on ``n`` processes or a Dask cluster, its
    results in the order of the files, with at most ``AHEAD`` tasks per worker in flight."""
    size = max(1, min(MAX_CHUNK, len(files) // (n * TASKS_PER_WORKER)))
    chunks = [(files[i : i + size], i) for i in range(0, len(files), size)]
    if scheduler is None:
        yield from _shared(task, chunks, n=n, args=args)
        return
    todo = iter(chunks)
    with _dask(scheduler, n) as submit:
        pending: deque[Callable[[], list[Any]]] = deque()
        for chunk, first in todo:
            pending.append(submit(task, chunk, first, *args))
            if len(pending) >= n * AHEAD:
                break
        while pending:
            result = pending.popleft()()
            for chunk, first in todo:  # one more in flight for each one done
                pending.append(submit(task, chunk, first, *args))
                break
            yield result


def _shared(
    task: Callable[..., list[Any]], chunks: list[tuple[list[str], int]], *, n: int, args: tuple[Any, ...]
) -> Iterator[list[Any]]:
    """``_results`` on ``n`` local processes: a pool of ``n - 1`` and this one. While the next result in
    order is not ready, this process runs the next chunk no worker has been given, so that it works
    rather than waits, and one process fewer holds its own copy of the modules and lexicons (a worker
    is about 36 MB). The workers always have ``AHEAD`` chunks each not yet done (given before this
    process runs one), and at most ``HELD`` results per process wait for their turn."""
    ahead, held = (n - 1) * AHEAD, n * HELD
    with _pool(n - 1, rates=task is jsonl_files) as pool:
        futures: dict[int, Future[list[Any]]] = {}  # chunks given to the pool, by number
        here: dict[int, list[Any]] = {}  # results of chunks run here, before their turn
        given = 0  # chunks handed out, to the pool or to this process, in order

        def fill() -> None:
            nonlocal given
            while (
                given < len(chunks)
                and sum(not f.done() for f in futures.values()) < ahead
                and len(futures) + len(here) < held
            ):
                futures[given] = pool.submit(task, *chunks[given], *args)
                given += 1

        for k in range(len(chunks)):
            while k not in here:
                fill()
                future = futures.get(k)
                if future is None or (
                    not future.done() and given < len(chunks) and len(futures) + len(here) < held
                ):
                    here[given] = task(*chunks[given], *args)  # k itself, or one no worker has yet
                    given += 1
                else:
                    here[k] = futures.pop(k).result()
            yield here.pop(k)


@contextmanager
def _pool(n: int, *, rates: bool) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``n`` processes. Forked where the system allows it: a forked worker starts with the
    modules, lexicons and patterns this process has loaded, in milliseconds rather than a second."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if sys.platform == "linux" else None
    if method == "fork":
        _warm(rates=rates)
    with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context(method)) as pool:
        yield pool


Submit = Callable[..., Callable[[], list[Any]]]


@contextmanager
def helper(*, wanted: bool = True) -> Iterator[Submit | None]:
    """One helper process, for the work a stage hands over while it goes on with its own (grouping
    reads the names beside the figures there: ``columns_of``'s ``submit``); None where this process may
    use one core only, or the helper is not ``wanted``.

    A fresh Python (``_Helper``), not a fork: a fork of a process that holds a large corpus shares
    every page of it, and each page this process then writes to (a reference count is a write) would be
    copied while both run: at 300,000 claims the two took 0.6 GB more than this one alone."""
    if not wanted or _cores() < 2:
        yield None
        return
    try:
        process = _Helper()
    except OSError:  # no Python to start (an embedded interpreter): the work is done here
        yield None
        return
    try:
        yield process.submit
    finally:
        process.close()


# What the helper runs: tasks (a function and its arguments, pickled, each after its length in 8
# bytes) from its standard input, one after another, each result pickled to its standard output; the
# first task is this process's path. A thread takes in the tasks as they come, as bytes (unpickling one
# may import modules), and another sends the results, so that neither process waits for the other:
# the caller sends its tasks and goes on, and reads the results when it needs them.
_SERVE = """
import gc, pickle, queue, sys, threading
gc.disable()  # a short life, many small objects and no cycles
tasks, results = sys.stdin.buffer, sys.stdout.buffer
inbox, outbox = queue.SimpleQueue(), queue.SimpleQueue()

def take():
    while len(size := tasks.read(8)) == 8:
        inbox.put(tasks.read(int.from_bytes(size, "little")))
    inbox.put(None)

def send():
    while (result := outbox.get()) is not None:
        results.write(result)
        results.flush()

threading.Thread(target=take, daemon=True).start()
sender = threading.Thread(target=send)
sender.start()
sys.path[:] = pickle.loads(inbox.get())
while (task := inbox.get()) is not None:
    fn, args = pickle.loads(task)
    try:
        result = (True, fn(*args))
    except Exception as e:
        result = (False, f"{type(e).__name__}: {e}")
    outbox.put(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
outbox.put(None)
sender.join()
"""


class _Helper:
    """A Python process running ``_SERVE``: a task is written to it at once (it takes in what it is
    sent as it comes), and its result is read when the caller asks for it."""

    def __init__(self) -> None:
        import subprocess

        self.process = subprocess.Popen(  # a session of its own: ^C stops this process, which ends it
            [sys.executable, "-c", _SERVE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            start_new_session=True,
        )
        self.sent = 0  # tasks submitted
        self.results: list[tuple[bool, Any]] = []  # those read, in order; emptied once handed over
        self._write(sys.path)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Callable[[], Any]:
        number = self.sent
        self.sent += 1
        self._write((fn, args))
        return lambda: self._result(number)

    def _write(self, value: Any) -> None:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        stdin: Any = self.process.stdin
        try:
            stdin.write(len(data).to_bytes(8, "little"))
            stdin.write(data)
            stdin.flush()
        except BrokenPipeError:  # it died: the caller learns it when it reads a result
            pass

    def _result(self, number: int) -> Any:
        while len(self.results) <= number:
            try:
                self.results.append(pickle.load(cast(Any, self.process.stdout)))
            except EOFError as e:
                raise WorkerError(
                    "the helper process ended before it finished its work (killed, or out of memory?)"
                ) from e
        done, value = self.results[number]
        self.results[number] = (True, None)  # handed over: not kept here too
        if not done:
            raise WorkerError(f"the helper process failed: {value}")
        return value

    def close(self) -> None:
        with suppress(BrokenPipeError):
            cast(Any, self.process.stdin).close()
        if len(self.results) < self.sent:  # results nobody will read: do not wait for them
            self.process.kill()
        self.process.wait()
        cast(Any, self.process.stdout).close()


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _warm(*, rates: bool) -> None:
    """Load here what the workers would each load on first use: the lexicons and compiled patterns of
    extraction (compiled lazily), and with ``rates`` the ECB history (half a second)."""
    extract_text(
        "On 5 May 2020, about 300 people paid EUR 2.5 million (USD 2.7 million), 3% more, at 10:30 GMT."
    )
    if rates:
        rate_on("USD", date(2020, 5, 5))


@contextmanager
def _dask(scheduler: str, n: int) -> Iterator[Submit]:
    """The workers of a Dask cluster: ``local`` starts one of ``n`` processes on this machine, an address
    (``tcp://host:8786``) joins a running one, whose workers must see the same files at the same paths."""
    if scheduler != "local" and not re.fullmatch(r"[a-z][a-z0-9+.-]*://\S+", scheduler):
        raise UsageError(f"--scheduler {scheduler!r}: give 'local' or a scheduler's address, tcp://host:8786")
    try:
        distributed: Any = importlib.import_module("dask.distributed")  # optional: factcheck[dask]
    except ImportError as e:
        raise UsageError(f"--scheduler {scheduler}: needs Dask (pip install 'factcheck[dask]')") from e
    cluster = None
    try:
        if scheduler == "local":
            cluster = distributed.LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(scheduler, timeout=10)
    except OSError as e:
        raise UsageError(f"--scheduler {scheduler}: cannot reach the scheduler ({e})") from e
    try:

        def submit(fn: Callable[..., list[Any]], *args: Any) -> Callable[[], list[Any]]:
            future = client.submit(fn, *args, pure=False)
            return cast(Callable[[], list[Any]], future.result)

        yield submit
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Reading makes many small objects and no reference cycles; the cycle collector would walk them
    (and everything read before) again and again. It runs as before once the block ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- packing: a Read as plain values, and back ---------------------------------------------------------


class _Packed(NamedTuple):
    doc: tuple[Any, ...] | None
    sentences: int
    claims: list[tuple[Any, ...]]
    held: list[tuple[int, int, int]]
    warnings: tuple[str, ...]
    signature: Any


def _pack(read: Read) -> tuple[Any, ...]:
    """A Read as tuples of field values. A claim's sentence is sent as its length when it is the text at
    its offset (always, but for a claim built by hand), so each sentence crosses once, in the document."""
    doc = read.doc
    if doc is None:
        return tuple(_Packed(None, 0, [], [], read.warnings, None))
    claims = []
    for claim in read.claims:
        values = [getattr(claim, name) for name in _CLAIM_FIELDS]
        sentence = claim.sentence
        if doc.text.startswith(sentence, claim.sentence_start):
            values[_SENTENCE] = len(sentence)
        values[_NORMALIZED] = (claim.normalized.value, claim.normalized.unit)
        claims.append(tuple(values))
    doc_values = tuple(getattr(doc, name) for name in _DOC_FIELDS)
    held = [(s.index, s.start, s.end) for s in read.held]
    return tuple(_Packed(doc_values, read.sentences, claims, held, read.warnings, read.signature))


def _unpack(packed: tuple[Any, ...], *, normalized: dict[tuple[Any, ...], Normalized] | None = None) -> Read:
    """The Read that ``_pack`` packed. ``normalized`` holds the ``Normalized`` values made so far, by
    ``_same``: equal ones are one object (a frozen value), shared by claims of any document; in a
    corpus of news a few thousand values and units serve tens of thousands of claims, and each object
    is 260 bytes."""
    values = _Packed(*packed)
    shared: dict[tuple[Any, ...], Normalized] = {} if normalized is None else normalized
    if values.doc is None:
        return Read(None, 0, (), (), values.warnings)
    doc = trusted(Document, dict(zip(_DOC_FIELDS, values.doc, strict=True)))
    text = doc.text
    sentences: dict[tuple[int, int], str] = {}
    claims = []
    for row in values.claims:
        fields = dict(zip(_CLAIM_FIELDS, row, strict=True))
        if isinstance(row[_SENTENCE], int):
            start, length = fields["sentence_start"], row[_SENTENCE]
            key = (start, length)
            if key not in sentences:
                sentences[key] = text[start : start + length]
            fields["sentence"] = sentences[key]
        value, unit = row[_NORMALIZED]
        key = _same(value, unit)
        found = shared.get(key)
        if found is None:
            found = shared[key] = trusted(Normalized, {"value": value, "unit": unit})
        fields["normalized"] = found
        claims.append(trusted(Claim, fields, kept=True))
    held = tuple(
        trusted(
            Sentence, {"doc_id": doc.id, "index": index, "start": start, "end": end, "text": text[start:end]}
        )
        for index, start, end in values.held
    )
    return Read(doc, values.sentences, tuple(claims), held, values.warnings, values.signature)


def _same(value: float | None, unit: str | None) -> tuple[Any, ...]:
    """A key that two values share only if they are written the same in JSON: 1 and 1.0, or 0.0 and
    -0.0, are equal in Python but not in the report.

    >>> _same(1, "km") == _same(1.0, "km"), _same(0.0, None) == _same(-0.0, None), _same(2, None)
    (False, False, (<class 'int'>, 2, None))
    """
    if type(value) is float:
        return float, value, math.copysign(1.0, value), unit
    return type(value), value, unit


def _renumbered(read: Read, doc: Document, doc_id: str) -> Read:
    """A Read of ``doc`` with its id changed, and the ids of its claims and sentences with it."""
    old = f"{doc.id}:"

    def new(claim_id: str | None) -> str | None:
        return None if claim_id is None else doc_id + ":" + claim_id.removeprefix(old)

    claims = tuple(
        c.model_copy(update={"id": new(c.id), "equivalent_of": new(c.equivalent_of)}) for c in read.claims
    )
    held = tuple(s.model_copy(update={"doc_id": doc_id}) for s in read.held)
    return Read(
        doc.model_copy(update={"id": doc_id}), read.sentences, claims, held, read.warnings, read.signature
    )
