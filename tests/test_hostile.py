"""Hostile input (issue 19): never a traceback, never a hang, nothing injected, nothing lost.

Each test is one reproduction of the issue. The CLI runs in-process (Typer's CliRunner) where that is
enough, and as a subprocess where the point is the process itself: what reaches a real stdout, a
signal, an environment variable read at import.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import pty
import re
import signal
import stat
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck import InputError, UsageError, find_sources, load, load_rates
from factcheck.cli import MAX_WIDTH, _width, app
from factcheck.ingest.load import MAX_HTML_DEPTH, html_depth, load_document
from factcheck.report import files
from factcheck.report.files import SENTENCE_MAX, write_atomic

ROOT = Path(__file__).parents[1]
SRC = ROOT / "src"
SEEDS = ROOT / "seeds"
ENV = {"SOURCE_DATE_EPOCH": "1700000000", "COLUMNS": "100", "NO_COLOR": "1"}
STORY = "The bridge cost 5 million euros in 2020, and 300 workers built it.\n"
RAW_CONTROL = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]
BIDI = ["\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069"]


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={**ENV, **(env or {})}, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def run(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    """``python -m factcheck ARGS`` in a subprocess, as a user runs it."""
    full_env = {**os.environ, "PYTHONPATH": str(SRC), **ENV, **(env or {})}
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "factcheck", *args], env=full_env, timeout=timeout, **streams
    )


def no_raw_controls(text: str) -> bool:
    return not any(char in text for char in (*RAW_CONTROL, *BIDI))


def story_folder(folder: Path, names: tuple[str, ...] = ("a.txt", "b.txt")) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k, name in enumerate(names):
        (folder / name).write_text(STORY.replace("5 million", f"{5 + k} million"), encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


# ---------------------------------------------------------------------------------------------
# Crashes


def test_hostile_a_long_statement_is_not_taken_for_a_path() -> None:
    statement = "The hospital budget was 5 million euros in 2020 " * 6  # 288 bytes: too long for a name
    code, out, err = invoke("check", statement, "--in", "seeds")
    assert code == 0, err
    assert "5 million" in out


def test_hostile_a_long_path_is_one_line_and_exit_2() -> None:
    code, _, err = invoke("claims", "x" * 300)
    assert code == 2
    assert err.count("\n") == 1 and "File name too long" in err


def test_hostile_a_thousand_nested_folders(tmp_path: Path) -> None:
    folder, made = tmp_path, []
    for _ in range(1000):
        folder = folder / "d"
        folder.mkdir()
        made.append(folder)
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    try:
        assert [p.name for p in find_sources([tmp_path])] == ["a.txt"]
    finally:  # pytest's own clean-up would recurse as deep, and fail the same way
        (folder / "a.txt").unlink()
        for made_folder in reversed(made):
            made_folder.rmdir()


@pytest.mark.parametrize(
    "command",
    [
        ("claims", "--json"),
        ("conflicts", "--json"),
        ("export", "-o", "-"),
        ("export", "--format", "markdown"),
        ("sources", "--json"),
        ("sources",),
    ],
    ids=lambda c: "-".join(c).strip("-"),
)
def test_hostile_file_names_that_are_not_utf8(tmp_path: Path, command: tuple[str, ...]) -> None:
    folder = story_folder(tmp_path / "c")
    bad = os.fsdecode(b"bad\xff\xfename.txt")
    (folder / bad).write_text(STORY, encoding="utf-8")
    code, out, err = invoke(command[0], str(folder), *command[1:], env={"COLUMNS": "1000"})
    assert code == 0, err
    if "--json" in command or "-" in command:
        data = json.loads(out)
        assert sorted(Path(d["path"]).name for d in data["documents"])[-1] == "bad\\xff\\xfename.txt"
    else:
        assert "bad\\xff\\xfename" in out.replace("\\\\", "\\")  # Markdown escapes the backslash


def test_hostile_a_full_stdout_is_one_line_and_exit_2() -> None:
    with open("/dev/full", "wb") as full:
        done = run("export", "seeds", "-o", "-", stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr and b"No space left on device" in done.stderr
    assert done.stderr.count(b"\n") == 1


def test_hostile_a_full_disk_leaves_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(InputError, match="No space left"):
        write_atomic(tmp_path / "report.json", "{}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("epoch", ["abc", "-5", "1.5", "99999999999999"])
def test_hostile_a_bad_source_date_epoch_is_one_line(epoch: str) -> None:
    done = run("export", "seeds", "-o", "-", env={"SOURCE_DATE_EPOCH": epoch})
    assert done.returncode == 2
    assert done.stderr.decode().startswith("factcheck: SOURCE_DATE_EPOCH=")
    assert done.stderr.count(b"\n") == 1


def test_hostile_source_date_epoch_is_set_back_after_import() -> None:
    code = "import os; import factcheck; print(os.environ['SOURCE_DATE_EPOCH'])"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(SRC), "SOURCE_DATE_EPOCH": "abc"},
        capture_output=True,
        timeout=120,
    )
    assert done.stdout == b"abc\n", done.stderr


# ---------------------------------------------------------------------------------------------
# --rates


def rates_file(tmp_path: Path, data: bytes | str) -> Path:
    path = tmp_path / "rates.json"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


BAD_RATES = {
    "nested-100000": "[" * 100_000 + "]" * 100_000,
    "negative": '{"rates": {"USD": -5}}',
    "zero": '{"rates": {"USD": 0}}',
    "nan": '{"rates": {"USD": NaN}}',
    "infinite": '{"rates": {"USD": Infinity}}',
    "huge-exponent": '{"rates": {"USD": 1e400}}',
    "tiny": '{"rates": {"USD": 1e-300}}',
    "boolean": '{"rates": {"USD": true}}',
    "string": '{"rates": {"USD": "1.1"}}',
    "entry-without-rate": '{"rates": {"USD": {"source": "x"}}}',
    "not-a-code": '{"rates": {"\\u001b[2J": 1.1}}',
    "empty": '{"rates": {}}',
    "list": "[1, 2]",
    "not-json": "rates",
    "latin-1": b'{"rates": {"USD": 1.1, "\xe9": 1}}',
}


@pytest.mark.parametrize("data", BAD_RATES.values(), ids=BAD_RATES.keys())
def test_hostile_bad_rates_are_refused(tmp_path: Path, data: str | bytes) -> None:
    with pytest.raises(InputError):
        load_rates(rates_file(tmp_path, data))


GOOD_RATES = {
    "numbers": ('{"rates": {"USD": 1.08, "DKK": 7}}', {"USD": 1.08, "DKK": 7.0}),
    "entries": ('{"rates": {"USD": {"rate": 1.08, "date": null}}}', {"USD": 1.08}),
    "bare": ('{"USD": 1.08}', {"USD": 1.08}),
    "bom": ('\ufeff{"rates": {"USD": 1.08}}', {"USD": 1.08}),
}


@pytest.mark.parametrize(("data", "rates"), GOOD_RATES.values(), ids=GOOD_RATES.keys())
def test_hostile_good_rates_are_read(tmp_path: Path, data: str, rates: dict[str, float]) -> None:
    assert load_rates(rates_file(tmp_path, data)) == rates


def test_hostile_bundled_rates_are_a_rates_file() -> None:
    assert load_rates(SRC / "factcheck" / "data" / "rates.json")["DKK"] > 7


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_hostile_rates_from_a_device_or_fifo(tmp_path: Path, special: str) -> None:
    path = Path(special)
    if special == "fifo":
        path = tmp_path / "rates.json"
        os.mkfifo(path)
    done = run("conflicts", "seeds", "--rates", str(path), timeout=60)
    assert done.returncode == 2 and b"not a regular file" in done.stderr


def test_hostile_rates_too_large(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="too large"):
        load_rates(rates_file(tmp_path, " " * (2 * 1024 * 1024) + "{}"))


# ---------------------------------------------------------------------------------------------
# Hangs and runaway output


def test_hostile_reading_a_file_costs_its_size_not_the_limit(tmp_path: Path) -> None:
    """read(n) sets aside n bytes: reading with the 200 MB limit made each small file cost 200 MB."""
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    tracemalloc.start()
    try:
        load_document(path, doc_id="d0")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000


def test_hostile_a_fifo_in_a_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    folder = story_folder(tmp_path / "c")
    os.mkfifo(folder / "pipe.txt")
    done = run("claims", str(folder), "--json", timeout=60)
    assert done.returncode == 0, done.stderr
    assert b"pipe.txt: skipped, not a regular file (a FIFO)" in done.stderr


def test_hostile_json_does_not_grow_with_claims_times_sentence(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("1%" * 10_000 + "\n", encoding="utf-8")  # 20 KB, one "sentence"
    code, out, err = invoke("claims", str(tmp_path), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert len(data["claims"]) > 1000
    assert len(out) < 20_000_000  # was 205 MB
    text = (tmp_path / "a.txt").read_text(encoding="utf-8")
    for claim in data["claims"]:
        assert len(claim["sentence"]) <= SENTENCE_MAX
        start = claim["sentence_start"]
        assert text[start : start + len(claim["sentence"])] == claim["sentence"]
        assert claim["sentence"][claim["start"] - start : claim["end"] - start] == claim["text"]


def test_hostile_jsonl_gives_each_sentence_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("1%" * 10_000 + "\n", encoding="utf-8")
    code, out, err = invoke("claims", str(tmp_path), "--format", "jsonl")
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["type"] for line in lines[:3]] == ["header", "document", "sentence"]
    assert sum(line["type"] == "sentence" for line in lines) == 1
    assert len(out) < 5_000_000


def test_hostile_jsonl_is_the_json_claims_with_their_sentence_once() -> None:
    code, out, _ = invoke("claims", "seeds", "--format", "jsonl")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    schema = json.loads((ROOT / "docs" / "schema" / "claims-jsonl.json").read_text(encoding="utf-8"))
    for line in lines:
        jsonschema.validate(line, schema)
    sentences = {line["id"]: line["text"] for line in lines if line["type"] == "sentence"}
    assert len(sentences) == sum(line["type"] == "sentence" for line in lines)
    _, whole, _ = invoke("claims", "seeds", "--json")
    expected = json.loads(whole)
    streamed = [line for line in lines if line["type"] == "claim"]
    assert [c["id"] for c in streamed] == [c["id"] for c in expected["claims"]]
    for line, claim in zip(streamed, expected["claims"], strict=True):
        assert sentences[line["sentence_id"]] == claim["sentence"]
        assert {k: v for k, v in line.items() if k not in ("type", "sentence_id", "rate", "rate_date")} == {
            k: v for k, v in claim.items() if k not in ("sentence", "rate", "rate_date")
        }
    assert [line for line in lines if line["type"] == "document"] == [
        {**d, "type": "document"} for d in expected["documents"]
    ]


@pytest.mark.parametrize("markup", ["<ul><li>x" * 80_000, "<div>" * 400_000], ids=["lists", "divs"])
def test_hostile_deeply_nested_html_is_read_quickly(tmp_path: Path, markup: str) -> None:
    path = tmp_path / "deep.html"
    path.write_text(f"<p>The bridge cost 5 million euros.</p>{markup}", encoding="utf-8")
    warnings: list[str] = []
    started = time.perf_counter()
    doc = load_document(path, doc_id="d0", on_warning=warnings.append)
    assert time.perf_counter() - started < 20  # was over 60 s
    assert doc is not None and "5 million euros" in doc.text
    assert warnings == [
        f"{path.as_posix()}: HTML nested deeper than {MAX_HTML_DEPTH} elements, read with its tags stripped"
    ]


@pytest.mark.parametrize(
    ("markup", "depth"),
    [
        ("<p>a<p>b<p>c", 1),
        ("<div><div></div><div></div></div>", 2),
        ("<br><img><hr/>", 0),
        ("<table><tr><td>a<td>b<tr><td>c</table>", 3),
    ],
    ids=["paragraphs", "siblings", "void", "table"],
)
def test_hostile_html_depth(markup: str, depth: int) -> None:
    assert html_depth(markup, limit=100) == depth


def test_hostile_columns_is_clamped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "99999999")
    assert _width() == MAX_WIDTH
    code, out, _ = invoke("conflicts", "seeds", env={"COLUMNS": "99999999"})
    assert code == 0 and max(len(line) for line in out.splitlines()) <= MAX_WIDTH


# ---------------------------------------------------------------------------------------------
# Injection

EVIL_NAME = "x\x1b]0;pwned\x07\x1b[2J\u202eevil\x9b.txt"


@pytest.mark.parametrize(
    "args",
    [
        ("conflicts", "--all"),
        ("claims",),
        ("sources",),
        ("query", "bridge", "--in"),
        ("check", "The bridge cost 6 million euros", "--in"),
    ],
    ids=["conflicts", "claims", "sources", "query", "check"],
)
def test_hostile_file_names_cannot_drive_the_terminal(tmp_path: Path, args: tuple[str, ...]) -> None:
    folder = story_folder(tmp_path / "c", ("a.txt", EVIL_NAME))
    os.mkfifo(folder / "\x1b[2Jfifo.txt")  # a warning that names it
    code, out, err = invoke(*args, str(folder))
    assert code == 0, err
    assert no_raw_controls(out) and no_raw_controls(err.replace("\n", " "))
    assert "\\x1b" in out + err


def test_hostile_error_messages_are_sanitised(tmp_path: Path) -> None:
    code, _, err = invoke("claims", str(tmp_path / "no\x1b]0;x\x07such\u202e"))
    assert code == 2 and no_raw_controls(err.rstrip("\n")) and "\\x1b" in err


MARKDOWN_NAMES = {
    "html": "<img src=x onerror=alert(1)>.txt",
    "link": "[click](https:evil.example).txt",
    "pipe": "a|b.txt",
    "newline": "two\nlines.txt",
    "bidi": "\u202egnp.txt",
}


@pytest.mark.parametrize("name", MARKDOWN_NAMES.values(), ids=MARKDOWN_NAMES.keys())
def test_hostile_markdown_escapes_file_names(tmp_path: Path, name: str) -> None:
    folder = story_folder(tmp_path / "c", ("a.txt", name))
    code, out, err = invoke("export", str(folder), "--format", "markdown")
    assert code == 0, err
    assert no_raw_controls(out.replace("\n", " "))
    assert not re.search(r"(?<!\\)<img|(?<!\\)\]\(https:", out)
    for line in out.splitlines():
        if line.startswith("|"):
            assert line.replace("\\|", "").count("|") in (6, 5, 4)  # the sources' or a group's columns


def test_hostile_markdown_escapes_control_bytes_from_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "The bridge \x1b[2Jcost\x07 5 million \x9b\u202eeuros.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("The bridge cost 9 million euros.\n", encoding="utf-8")
    code, out, _ = invoke("export", str(tmp_path), "--format", "markdown")
    assert code == 0
    assert no_raw_controls(out.replace("\n", " "))


def test_hostile_markdown_is_the_same_piped_to_a_file_or_a_terminal(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The bridge \x1b[31mcost 5 million euros.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("The bridge cost 9 million euros.\n", encoding="utf-8")
    args = ("export", str(corpus), "--format", "markdown")
    piped = run(*args).stdout
    target = tmp_path / "out.md"
    assert run(*args, "-o", str(target)).returncode == 0
    assert target.read_bytes() == piped
    leader, follower = pty.openpty()
    done = run(*args, stdout=follower, stderr=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert done.returncode == 0
    assert b"".join(chunks).replace(b"\r\n", b"\n") == piped


# ---------------------------------------------------------------------------------------------
# Output safety


def test_hostile_export_refuses_a_device() -> None:
    code, _, err = invoke("export", "seeds", "-o", "/dev/null")
    assert code == 2 and "not a regular file" in err


def test_hostile_export_refuses_a_folder(tmp_path: Path) -> None:
    code, _, err = invoke("export", "seeds", "-o", str(tmp_path))
    assert code == 2 and "not a regular file" in err


def test_hostile_export_follows_a_symlink_and_says_so(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    code, _, err = invoke("export", "seeds", "-o", str(link))
    assert code == 0
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["schema_version"] == "1"
    assert "replaced" in err and "symlink" in err


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o600])
def test_hostile_export_keeps_the_mode_of_a_replaced_file(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(mode)
    code, _, err = invoke("export", "seeds", "-o", str(target))
    assert code == 0 and err.startswith("replaced ")
    assert stat.S_IMODE(target.stat().st_mode) == mode


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_hostile_export_gives_a_new_file_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        written = write_atomic(tmp_path / "new.json", "{}")
    finally:
        os.umask(old)
    assert not written.replaced
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == mode


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_hostile_stale_temporaries_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / f".report.json{files.TEMP_TAG}{dead_pid()}-abc.tmp"
    stale.write_text("partial", encoding="utf-8")
    live = tmp_path / f".report.json{files.TEMP_TAG}1-abc.tmp"  # pid 1 is always alive
    live.write_text("someone else's", encoding="utf-8")
    write_atomic(tmp_path / "report.json", "{}")
    assert not stale.exists() and live.exists()


def test_hostile_sigterm_during_export_leaves_no_temporary(tmp_path: Path) -> None:
    script = (
        "import os, signal, time, sys\n"
        "from factcheck import cli\n"
        "from factcheck.report.files import write_atomic\n"
        "signal.signal(signal.SIGTERM, cli._terminated)\n"
        "os.fsync = lambda fd: time.sleep(60)\n"
        f"write_atomic({str(tmp_path / 'report.json')!r}, 'x' * 1000)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": str(SRC)})
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".report.json*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob(".report.json*.tmp")), "the temporary never appeared"
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=60) == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []


def test_hostile_an_unreadable_subfolder_is_warned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story_folder(tmp_path / "ok")
    story_folder(tmp_path / "locked")
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    warnings: list[str] = []
    corpus = load([tmp_path], on_warning=warnings.append)
    assert len(corpus.docs) == 2
    assert warnings == [f"{(tmp_path / 'locked').as_posix()}: folder skipped, Permission denied"]


def _nobody_can_run_python() -> bool:
    try:
        done = subprocess.run(
            ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", sys.executable, "-c", "pass"],
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


@pytest.mark.skipif(
    os.geteuid() != 0, reason="needs root to drop to nobody; the monkeypatched test covers it"
)
def test_hostile_an_unreadable_subfolder_as_nobody(tmp_path: Path) -> None:
    if not _nobody_can_run_python():
        pytest.skip(
            "this interpreter cannot be run as nobody (its venv is private); the monkeypatched test covers it"
        )
    base = Path("/tmp") / f"factcheck-hostile-{os.getpid()}"
    story_folder(base / "ok")
    story_folder(base / "locked")
    try:
        for path in (base, base / "ok", *(base / "ok").iterdir()):
            path.chmod(0o755)
        (base / "locked").chmod(0o700)
        done = subprocess.run(
            [
                "setpriv",
                "--reuid=nobody",
                "--regid=nogroup",
                "--clear-groups",
                sys.executable,
                "-m",
                "factcheck",
                "claims",
                str(base),
            ],
            env={**os.environ, "PYTHONPATH": str(SRC)},
            capture_output=True,
            timeout=120,
        )
        assert done.returncode == 0
        assert b"locked: folder skipped, Permission denied" in done.stderr
    finally:
        subprocess.run(["rm", "-rf", str(base)], check=False)


# ---------------------------------------------------------------------------------------------
# Wrong results from bad values


def test_hostile_grouping_does_not_depend_on_file_names(tmp_path: Path) -> None:
    """The same documents under names that sort the other way round give the same groups."""
    sources = sorted(SEEDS.glob("*.txt"))
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    forward.mkdir()
    backward.mkdir()
    for k, path in enumerate(sources):
        (forward / f"{k:03d}.txt").write_bytes(path.read_bytes())
        (backward / f"{len(sources) - k:03d}.txt").write_bytes(path.read_bytes())

    def groups(folder: Path, original: Callable[[str], int]) -> set[tuple[str, frozenset[tuple[int, int]]]]:
        corpus = load([folder])
        return {
            (g.status, frozenset((original(c.document), c.start) for c in g.claims))
            for g in corpus.groups()
            if g.status != "single"
        }

    assert groups(forward, lambda p: int(Path(p).stem)) == groups(
        backward, lambda p: len(sources) - int(Path(p).stem)
    )


# ---------------------------------------------------------------------------------------------
# Fuzz: random bytes, Unicode, HTML, file names and rates through every stage and every output.
# A modest run in the default suite; `pytest -m fuzz` runs FUZZ_EXAMPLES (default 100,000) of each.

FRAGMENTS = [
    "The bridge cost 5 million euros in 2020.",
    " 1%",
    "EUR 210 million (DKK 1.5 billion)",
    " about 300 prison cells ",
    "$250,000",
    "£1.2bn",
    "17 February 2008",
    "12.08pm UK time",
    "\n\n",
    "\u202e",
    "\x1b[2J",
    "\x1b]0;t\x07",
    "\x9b",
    "[bold]x[/bold]",
    "<script>x</script>",
    "|",
    "\ud800",
]
HTML_TAGS = ["div", "p", "ul", "li", "table", "tr", "td", "pre", "br", "script", "title", "h1", "span"]


def _html(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(st.sampled_from(HTML_TAGS))
        parts.append(draw(st.sampled_from([f"<{tag}>", f"</{tag}>", f"<{tag} a='&amp;\u202e'>"])))
        parts.append(draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20))))
    return "".join(parts)


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name and its bytes: random bytes, random Unicode (surrogates, bidi, controls) mixed
    with news fragments in several encodings, or random HTML."""
    kind = draw(st.sampled_from(["bytes", "text", "html"]))
    if kind == "bytes":
        data = draw(st.binary(max_size=400))
    else:
        pieces = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40))
        text = "".join(draw(st.lists(pieces, max_size=12))) if kind == "text" else _html(draw)
        encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig"]))
        data = text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    suffix = ".html" if kind == "html" else draw(st.sampled_from([".txt", ".md", ".htm"]))
    raw_name = draw(st.binary(min_size=1, max_size=40)).replace(b"/", b"_").replace(b"\0", b"_")
    name = os.fsdecode(raw_name.lstrip(b".") or b"x") + suffix
    return name, data


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)


@st.composite
def rates_files(draw: st.DrawFn) -> bytes | None:
    if draw(st.booleans()):
        return None
    codes = st.sampled_from(["EUR", "USD", "DKK", "GBP", "usd", "X"])
    rates = draw(st.dictionaries(codes, st.one_of(st.floats(), st.integers(), JSON_VALUES), max_size=4))
    body = json.dumps(draw(st.sampled_from([{"rates": rates}, rates, draw(JSON_VALUES)])))
    return (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + body.encode("utf-8")


def _rendered(renderable: object) -> str:
    from rich.console import Console

    out = io.StringIO()
    Console(file=out, width=100, color_system=None, force_terminal=False, no_color=True).print(renderable)
    return out.getvalue()


def _check_everything(docs: list[tuple[str, bytes]], rates_data: bytes | None) -> None:
    from factcheck import (
        ClaimsReport,
        SourcesReport,
        check_statement,
        report_of,
        search,
        stream_claims,
        to_json,
        to_jsonl,
    )
    from factcheck.report.files import to_markdown
    from factcheck.report.terminal import (
        check_view,
        claims_table,
        conflicts_view,
        message,
        query_table,
        sources_table,
    )

    with tempfile.TemporaryDirectory() as folder:
        for k, (name, data) in enumerate(docs):
            with contextlib.suppress(OSError):  # a name the file system refuses (too long in bytes)
                (Path(folder) / f"{k}{name}").write_bytes(data)
        warnings: list[str] = []
        try:
            rates = None
            if rates_data is not None:
                (Path(folder) / "rates.json").write_bytes(rates_data)
                rates = load_rates(Path(folder) / "rates.json")
            corpus = load([folder], on_warning=warnings.append)
            report = report_of(corpus, rates=rates, now=datetime(2024, 1, 1, tzinfo=UTC))
        except InputError as e:
            assert no_raw_controls(_rendered(message(f"factcheck: {e}")).rstrip("\n"))
            return
        groups = report.groups
        for text in (
            to_json(report),
            to_json(ClaimsReport(documents=corpus.summaries(), claims=corpus.claims)),
            to_json(SourcesReport(documents=corpus.summaries())),
        ):
            json.loads(text)
        for line in to_jsonl(stream_claims([folder])):
            json.loads(line)
        assert no_raw_controls(to_markdown(report).replace("\n", " "))
        names = corpus.names()
        hits = search(corpus.claims, groups, ["bridge", "cost"])
        views = [
            conflicts_view(report, groups=groups, claims=len(corpus.claims)),
            claims_table(corpus.claims),
            sources_table(corpus.summaries()),
            query_table(hits, names),
            *(message(f"warning: {w}") for w in warnings),
        ]
        for claim in corpus.claims[:3]:
            with contextlib.suppress(InputError, UsageError):
                views.append(check_view(check_statement(claim.sentence, corpus.comparable(), groups), names))
        for view in views:
            assert no_raw_controls(_rendered(view).replace("\n", " "))


FUZZ_SMALL = 40  # examples in the default run: a few seconds


@settings(max_examples=FUZZ_SMALL, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(docs=st.lists(documents(), min_size=1, max_size=3), rates_data=rates_files())
def test_hostile_fuzz_every_stage_and_output(docs: list[tuple[str, bytes]], rates_data: bytes | None) -> None:
    _check_everything(docs, rates_data)


@pytest.mark.fuzz
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "100000")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
@given(docs=st.lists(documents(), min_size=1, max_size=3), rates_data=rates_files())
def test_hostile_fuzz_at_length(docs: list[tuple[str, bytes]], rates_data: bytes | None) -> None:
    _check_everything(docs, rates_data)
