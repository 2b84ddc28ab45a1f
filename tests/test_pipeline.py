"""The pipeline as a whole: odd input that must not crash it, and its runs in parallel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

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
