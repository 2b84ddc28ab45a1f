"""docs/schema/*.json: generated from the models, committed, and met by what the CLI prints."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.report.schema import OUTPUTS, render, schemas

ROOT = Path(__file__).parents[1]
SCHEMA = ROOT / "docs" / "schema"
NAMES = [name for name, _, _ in OUTPUTS]


@pytest.mark.parametrize("name", NAMES)
def test_schema_committed_file_is_current(name: str) -> None:
    path = SCHEMA / f"{name}.json"
    assert path.is_file(), f"{path} is missing: run python scripts/gen_schema.py"
    assert path.read_text(encoding="utf-8") == render(schemas()[name]), (
        f"{path} is stale: the models changed. Run python scripts/gen_schema.py and commit the result"
    )


def test_schema_no_file_without_an_output() -> None:
    assert sorted(p.stem for p in SCHEMA.glob("*.json")) == sorted(NAMES)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("report", ("conflicts", "seeds", "--json")),
        ("claims", ("claims", "seeds", "--json")),
        ("sources", ("sources", "seeds", "--json")),
        ("query", ("query", "prison", "cells", "--in", "seeds", "--json")),
        ("check", ("check", "Kosovo will receive 210 million euros", "--in", "seeds", "--json")),
        ("check", ("check", "claims/seed-statements.txt", "--in", "seeds", "--json")),
    ],
    ids=["conflicts", "claims", "sources", "query", "check-statement", "check-file"],
)
def test_schema_cli_json_meets_the_committed_schema(
    name: str, args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, list(args), env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.exit_code == 0, result.stderr
    schema = json.loads((SCHEMA / f"{name}.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(result.stdout), schema)
