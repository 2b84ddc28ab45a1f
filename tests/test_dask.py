"""``--scheduler local``: the documents read by the workers of a Dask LocalCluster, the same report."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

pytest.importorskip("dask.distributed")

ROOT = Path(__file__).parents[1]
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000", "COLUMNS": "100", "NO_COLOR": "1"}


def _export(*options: str) -> str:
    result = CliRunner().invoke(app, [*options, "export", str(ROOT / "seeds"), "-o", "-"], env=EPOCH)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_dask_local_cluster_gives_the_default_report() -> None:
    assert _export("--scheduler", "local", "--jobs", "2") == _export()


@pytest.mark.parametrize("scheduler", ["nowhere", "tcp://"], ids=["a word", "no host"])
def test_dask_bad_scheduler_is_a_usage_error(scheduler: str) -> None:
    result = CliRunner().invoke(app, ["--scheduler", scheduler, "sources", str(ROOT / "seeds")], env=EPOCH)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "--scheduler" in result.stderr
