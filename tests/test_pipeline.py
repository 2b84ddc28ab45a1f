"""The pipeline as a whole: odd input that must not crash it, and its runs in parallel."""

from __future__ import annotations

import importlib
import json
import random
import subprocess
import sys
import time
import types
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factcheck
from builders import make_claim
from factcheck import parallel
from factcheck.cli import app
from factcheck.judge import _midpoint, sides
from factcheck.models import Claim, Normalized, Report
from factcheck.pipeline import read_corpus, report_of, stream_claims
from factcheck.report.files import SENTENCE_MAX, clipped, json_pieces, to_jsonl
from factcheck.values import claims_meet, interval

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000", "COLUMNS": "100", "NO_COLOR": "1"}


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=EPOCH, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# --- impossible dates (issue 20) ----------------------------------------------------------------

# (name, the text of two documents): a date no calendar has must give no date claim and no traceback,
# whichever command reads it.
IMPOSSIBLE = [
    ("31 June 2023", "The deal was signed on 31 June 2023. It cost {} million euros."),
    ("month 00", "The deal was signed 2023-00-29, officials said. It cost {} million euros."),
    (
        "29 February near no leap year",
        "Published: 2022-06-01\n\nThe vote took place on 29 February. It cost {} million euros.",
    ),
]


@pytest.mark.parametrize("command", ["conflicts", "export"])
@pytest.mark.parametrize(("name", "text"), IMPOSSIBLE, ids=[i[0] for i in IMPOSSIBLE])
def test_pipeline_impossible_date_is_no_date_claim(
    tmp_path: Path, command: str, name: str, text: str
) -> None:
    for i, figure in enumerate((5, 6)):
        (tmp_path / f"{i}.txt").write_text(text.format(figure), encoding="utf-8")
    code, out, err = invoke(command, str(tmp_path), *(["--json"] if command == "conflicts" else []))
    assert code == 0, err
    dates = [c["date"] for g in json.loads(out)["groups"] for c in g["claims"] if c["kind"] == "date"]
    assert all(d is None or d.startswith("-") or d[5:] not in ("06-31", "02-29") for d in dates), name


# --- every core (issue 20) -----------------------------------------------------------------------


def _many_files(folder: Path) -> Path:
    """The seeds cut into 24 files of a few paragraphs, an empty file and a binary one among them (they
    are skipped and take no id, so the documents after them are numbered as they come), and an HTML page."""
    seeds = Path(__file__).parents[1] / "seeds"
    paras = [p for f in sorted(seeds.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n") if p]
    for i in range(24):  # 24 files of text
        (folder / f"{i:02d}.txt").write_text("\n\n".join(paras[i * 3 : i * 3 + 5]) + "\n", encoding="utf-8")
    (folder / "01a.txt").write_text("", encoding="utf-8")
    (folder / "03a.txt").write_bytes(b"\x00\x01binary\x00" * 10)
    (folder / "05a.html").write_text(f"<html><body><p>{paras[0]}</p></body></html>", encoding="utf-8")
    return folder


COMMANDS = [
    ("export", ["export", "-o", "-"]),
    ("conflicts --json", ["conflicts", "--json"]),
    ("claims --json", ["claims", "--json"]),
    ("claims --format jsonl", ["claims", "--format", "jsonl"]),
    ("sources --json", ["sources", "--json"]),
]


@pytest.mark.parametrize(("name", "args"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_pipeline_jobs_give_the_serial_output(tmp_path: Path, name: str, args: list[str]) -> None:
    folder = _many_files(tmp_path)
    code, serial, _ = invoke("--jobs", "1", *args, str(folder))
    assert code == 0
    code, pooled, _ = invoke("--jobs", "2", *args, str(folder))
    assert code == 0
    assert pooled == serial, name


def _numbered(paths: list[str], first: int, *, slow: str = "f03") -> list[tuple[int, str]]:
    """A task of the pool: its paths numbered from ``first``; the chunk holding ``slow`` takes longer,
    so that the process that starts the pool runs chunks ahead of it while it waits."""
    if slow in paths:
        time.sleep(0.3)
    return [(first + k, path) for k, path in enumerate(paths)]


@pytest.mark.parametrize("n", [2, 3], ids=["one-worker", "two-workers"])
def test_pipeline_pool_and_its_parent_give_results_in_order(n: int) -> None:
    """The pool's workers and the process that starts it share the chunks; the results come in order."""
    files = [f"f{k:02d}" for k in range(100)]
    chunks = list(parallel._results(_numbered, files, n=n, scheduler=None, args=()))
    assert [item for chunk in chunks for item in chunk] == list(enumerate(files))


def test_pipeline_jobs_number_the_readable_documents(tmp_path: Path) -> None:
    code, out, err = invoke("--jobs", "2", "sources", "--json", str(_many_files(tmp_path)))
    assert code == 0
    ids = [d["id"] for d in json.loads(out)["documents"]]
    assert ids == [f"d{i}" for i in range(len(ids))]
    assert len(ids) == 25 and "skipped" in err  # 27 files, an empty one and a binary one skipped


def test_pipeline_packed_read_is_the_read() -> None:
    seeds = Path(__file__).parents[1] / "seeds"
    for i, path in enumerate(sorted(seeds.glob("*.txt"))):
        read = parallel.read_file(path, doc_id=f"d{i}", held=True)
        assert parallel._unpack(parallel._pack(read)) == read


def test_pipeline_renumbered_read_moves_every_id() -> None:
    path = sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))[1]
    read = parallel.read_file(path, doc_id="d7", held=True)
    assert read.doc is not None
    moved = parallel._renumbered(read, read.doc, "d1")
    assert moved == parallel.read_file(path, doc_id="d1", held=True)


# --- judging in linear time (issue 20) ----------------------------------------------------------


def _plain_sides(claims: list[Claim]) -> list[list[Claim]]:
    """``judge.sides`` as it was, every claim against every claim of a side: the reference."""
    spans = {id(c): interval(c) for c in claims}

    def meet(a: Claim, b: Claim) -> bool:
        return claims_meet(a, b, spans[id(a)], spans[id(b)])

    def middle(claim: Claim) -> float:
        return _midpoint(spans[id(claim)])

    chosen = [c for c in claims if _plain_firm(c, claims)] or list(claims)
    out: list[list[Claim]] = []
    for claim in sorted(chosen, key=lambda c: (middle(c), c.document, c.start)):
        for side in out:
            if all(meet(claim, other) for other in side):
                side.append(claim)
                break
        else:
            out.append([claim])
    for claim in claims:
        if any(claim is c for c in chosen):
            continue
        fits = [side for side in out if all(meet(claim, other) for other in side)]
        if len(fits) == 1:
            fits[0].append(claim)
        elif not fits:
            out.append([claim])
    return sorted(out, key=lambda side: (-len({c.document for c in side}), middle(side[0])))


def _plain_firm(claim: Claim, claims: list[Claim]) -> bool:
    if claim.qualifier == "vague":
        return False
    if claim.equivalent_of is None:
        return True
    partner = next((c for c in claims if c.id == claim.equivalent_of), None)
    return partner is None or partner.start > claim.start


def _random_group(rng: random.Random, size: int) -> list[Claim]:
    """Claims of a few kinds, units, rates and qualifiers, close values, ranges and restatements."""
    claims: list[Claim] = []
    for i in range(size):
        kind = rng.choice(["money", "money", "count", "percent", "distance", "year"])
        unit = {
            "money": rng.choice(["EUR", "USD", "DKK"]),
            "count": rng.choice(["seat", None]),
            "percent": "%",
            "distance": rng.choice(["km", "m"]),
            "year": "year",
        }[kind]
        value: float | None = rng.choice([100, 104, 105, 110, 200, 210, 1000, 2010, 0.5])
        low = high = None
        if rng.random() < 0.15:
            low, high, value = value, (value or 0) * rng.choice([1.05, 1.5, 2]), None
        doc = f"{rng.randrange(6)}.txt"
        claims.append(
            Claim(
                id=f"d{i}:c{i}",
                document=doc,
                start=rng.randrange(1000),
                end=1001,
                text=f"{value}",
                sentence="s",
                sentence_start=0,
                kind=kind,
                value=value,
                low=low,
                high=high,
                unit=unit,
                qualifier=rng.choice([None, None, None, "approx", "more_than", "at_most", "up_to", "vague"]),
                equivalent_of=f"d{rng.randrange(i)}:c{0}" if i and rng.random() < 0.1 else None,
                rate=rng.choice([None, 1.08, 1.1]) if kind == "money" and unit != "EUR" else None,
                normalized=Normalized(value=value, unit=unit),
            )
        )
    for i, claim in enumerate(
        claims
    ):  # restatements of the claim just before, as "EUR 210 million (DKK 1.5 billion)"
        if claim.equivalent_of is not None:
            claims[i] = claim.model_copy(update={"equivalent_of": claims[i - 1].id})
    return claims


@pytest.mark.parametrize("seed", range(40))
def test_pipeline_sides_are_those_of_the_plain_comparison(seed: int) -> None:
    rng = random.Random(seed)
    claims = _random_group(rng, rng.choice([2, 5, 20, 80, 200]))
    assert sides(claims) == _plain_sides(claims)


def test_pipeline_sides_of_a_large_group_in_linear_time() -> None:
    """5,000 claims of one measure in two sides: the plain comparison made 6 million comparisons."""
    rng = random.Random(0)
    claim = make_claim("It has 300 beds.", "300 beds", kind="count", value=300, unit="bed")
    claims = [
        claim.model_copy(update={"id": f"d{i}:c0", "document": f"{i}.txt", "value": rng.choice([300, 310])})
        for i in range(5_000)
    ]
    parts = sides(claims)
    assert sorted(len(side) for side in parts) == sorted(
        [sum(c.value == 300 for c in claims), sum(c.value == 310 for c in claims)]
    )


# --- streamed JSON (issue 20) --------------------------------------------------------------------


def _whole(report: Report) -> str:
    """The report's JSON as it was made before it was streamed: one dump of the whole, sentences cut."""
    groups = tuple(
        g.model_copy(update={"claims": tuple(clipped(c) for c in g.claims)}) for g in report.groups
    )
    return report.model_copy(update={"groups": groups}).model_dump_json(indent=2) + "\n"


def test_pipeline_streamed_json_is_the_whole_dump(tmp_path: Path) -> None:
    long = "In the table " + "1%, " * 400 + "the total was 300 prison cells in 2023."
    (tmp_path / "a.txt").write_text(long + "\n\nIt cost 5 million euros.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        long.replace("300", "310") + "\n\nIt cost 6 million euros.\n", encoding="utf-8"
    )
    report = report_of(read_corpus([tmp_path]), now=datetime(2026, 1, 1, tzinfo=UTC))
    assert any(len(c.sentence) > SENTENCE_MAX for g in report.groups for c in g.claims)
    assert "".join(json_pieces(report)) == _whole(report)


def test_pipeline_streamed_json_of_empty_lists() -> None:
    report = Report(generated_at="2026-01-01T00:00:00Z", documents=(), groups=())
    assert "".join(json_pieces(report)) == report.model_dump_json(indent=2) + "\n"


def test_pipeline_jsonl_of_the_workers_is_that_of_the_stream(tmp_path: Path) -> None:
    """The lines the workers render, ids renumbered after skipped files, are ``to_jsonl(stream_claims)``."""
    folder = _many_files(tmp_path)
    code, out, _ = invoke("--jobs", "2", "claims", "--format", "jsonl", str(folder))
    assert code == 0
    assert out == "".join(to_jsonl(stream_claims([folder])))


# --- start-up (issue 20) -------------------------------------------------------------------------


def test_pipeline_version_imports_no_stage() -> None:
    """``factcheck --version`` answers before NumPy, SciPy, Typer and the stages are imported."""
    code = (
        "import sys, runpy; sys.argv = ['factcheck', '--version']; runpy.run_module('factcheck', run_name='__main__');"
        "print(sorted(m for m in ('numpy', 'scipy', 'typer', 'rich', 'factcheck.extract') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [f"factcheck {factcheck.__version__}", "[]"]


def test_pipeline_api_names_stay_functions_when_their_modules_are_imported() -> None:
    importlib.import_module("factcheck.extract")
    importlib.import_module("factcheck.group.cluster")
    importlib.import_module("factcheck.check")
    for name in ("extract", "group", "judge", "check", "load"):
        assert not isinstance(getattr(factcheck, name), types.ModuleType), name
    assert factcheck.extract("EUR 210 million")[0].value == 210_000_000


# --- terminal views of big outputs (issue 20) ----------------------------------------------------


def test_pipeline_claims_past_a_screenful_are_plain_lines() -> None:
    code, out, _ = invoke("claims", str(Path(__file__).parents[1] / "seeds"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Claims (96)" and len(lines) == 98
    assert all(len(line) <= 100 for line in lines)  # COLUMNS
    assert not any(char in out for char in "│┃━")
    assert lines[2].split()[:4] == ["000", "c0", "date", "17"]
