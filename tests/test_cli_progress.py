"""Progress on stderr in every long stage (issue 18): reading and extracting (a bar of documents and
megabytes), grouping and judging, then writing or laying out the report (a spinner and the time so
far); in JSON mode too, never with --quiet, never when stderr is no terminal, never a spinner on the
terminal the report is printed to.

The thresholds are lowered so that the seeds count as a long run, and stderr is a terminal."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import NamedTuple

import pytest
from rich.console import Console
from typer.testing import CliRunner

from factcheck import cli

ROOT = Path(__file__).parents[1]
ENV = {"SOURCE_DATE_EPOCH": "1700000000", "COLUMNS": "100", "NO_COLOR": "1"}
READING, GROUPING = "reading and extracting", "grouping and judging"


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """stderr as a terminal, recorded; every run long enough for progress."""
    stream = io.StringIO()
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(cli, "_err", lambda: Console(file=stream, force_terminal=True, width=100))
    monkeypatch.setattr(cli, "PROGRESS_THRESHOLD", 1)
    monkeypatch.setattr(cli, "PROGRESS_CLAIMS", 1)
    return stream


class Stages(NamedTuple):
    id: str
    args: tuple[str, ...]
    shown: tuple[str, ...]
    hidden: tuple[str, ...] = ()


STAGES = [
    Stages("conflicts", ("conflicts", "seeds"), (READING, GROUPING, "laying out")),
    Stages("conflicts-json", ("conflicts", "seeds", "--json"), (READING, GROUPING, "writing the report")),
    Stages(
        "export-file", ("export", "seeds", "-o", "{tmp}/r.html"), (READING, GROUPING, "writing the report")
    ),
    Stages(
        "export-stdout", ("export", "seeds", "--format", "csv"), (READING, GROUPING, "writing the report")
    ),
    Stages("sources", ("sources", "seeds"), (READING,), (GROUPING,)),
    Stages("claims-json", ("claims", "seeds", "--json"), (READING,), (GROUPING,)),
    Stages("claims-jsonl", ("claims", "seeds", "--format", "jsonl"), (READING,), (GROUPING,)),
    Stages("query", ("query", "cells", "--in", "seeds", "--json"), (READING, GROUPING)),
    Stages("check", ("check", "Kosovo leases 300 prison cells", "--in", "seeds"), (READING, GROUPING)),
    Stages("quiet", ("-q", "export", "seeds", "-o", "{tmp}/r.json"), (), (READING, GROUPING, "writing")),
    Stages("quiet-after", ("conflicts", "seeds", "--quiet"), (), (READING, GROUPING, "laying")),
]


@pytest.mark.parametrize("case", STAGES, ids=[c.id for c in STAGES])
def test_cli_progress_in_every_long_stage(terminal: io.StringIO, tmp_path: Path, case: Stages) -> None:
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in case.args]
    result = CliRunner().invoke(cli.app, args, env=ENV, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    shown = terminal.getvalue()
    for stage in case.shown:
        assert stage in shown
    for stage in case.hidden:
        assert stage not in shown


def test_cli_progress_bar_counts_documents_and_megabytes(terminal: io.StringIO) -> None:
    CliRunner().invoke(cli.app, ["sources", "seeds"], env=ENV, catch_exceptions=False)
    documents = len(list((ROOT / "seeds").iterdir()))
    assert f"{documents}/{documents} documents" in terminal.getvalue()
    assert " MB" in terminal.getvalue() or " kB" in terminal.getvalue()


def test_cli_progress_leaves_the_output_unchanged(terminal: io.StringIO) -> None:
    """The view is laid out under the spinner and printed whole: the same text as without progress."""
    runner = CliRunner()
    with_progress = runner.invoke(cli.app, ["conflicts", "seeds"], env=ENV, catch_exceptions=False).stdout
    quiet = runner.invoke(cli.app, ["-q", "conflicts", "seeds"], env=ENV, catch_exceptions=False).stdout
    assert with_progress == quiet
    as_json = runner.invoke(cli.app, ["conflicts", "seeds", "--json"], env=ENV, catch_exceptions=False)
    assert json.loads(as_json.stdout)["groups"]


def test_cli_progress_jsonl_counts_each_document(terminal: io.StringIO) -> None:
    runner = CliRunner()
    lines = runner.invoke(cli.app, ["claims", "seeds", "--format", "jsonl"], env=ENV, catch_exceptions=False)
    documents = len(list((ROOT / "seeds").iterdir()))
    assert f"{documents}/{documents} documents" in terminal.getvalue()
    quiet = runner.invoke(
        cli.app, ["-q", "claims", "seeds", "--format", "jsonl"], env=ENV, catch_exceptions=False
    )
    assert lines.stdout == quiet.stdout


def test_cli_progress_not_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """stderr redirected (CliRunner's is no terminal): no bar, no spinner, only the output."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(cli, "PROGRESS_THRESHOLD", 1)
    monkeypatch.setattr(cli, "PROGRESS_CLAIMS", 1)
    result = CliRunner().invoke(cli.app, ["conflicts", "seeds"], env=ENV, catch_exceptions=False)
    assert result.stderr == ""
