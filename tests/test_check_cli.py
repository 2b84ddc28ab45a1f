"""check from the command line: the JSON a newsroom's script reads, its evidence and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

SOURCES = {
    "a.txt": "Plant closure\nhttps://a.example/plant | Example News | 2024-01-25\n\n"
    "The carmaker cut 1,900 jobs at its engine plant, the union said on Thursday.\n",
    "b.txt": "Union reacts\nhttps://b.example/plant | Other Paper | 2024-01-26\n\n"
    "The carmaker has cut 1,900 jobs at the engine plant, a spokeswoman confirmed.\n",
    "c.txt": "Engine plant news\nhttps://c.example/plant | Third Paper | 2024-01-26\n\n"
    "About 2,400 jobs were cut at the engine plant of the carmaker, the regional paper wrote.\n",
}


def _run(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    for name, text in SOURCES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, [*args, "--in", str(tmp_path)], env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("statement", "verdict", "supporting", "contradicting"),
    [
        ("The carmaker cut 1,900 jobs at its engine plant.", "contested", {"a.txt", "b.txt"}, {"c.txt"}),
        (
            "The carmaker cut about 2,400 jobs at its engine plant.",
            "contested",
            {"c.txt"},
            {"a.txt", "b.txt"},
        ),
        (
            "The carmaker cut 3,000 jobs at its engine plant.",
            "contradicted",
            set(),
            {"a.txt", "b.txt", "c.txt"},
        ),
    ],
    ids=["one-side", "other-side", "neither-side"],
)
def test_check_cli_json_names_its_evidence(
    tmp_path: Path, statement: str, verdict: str, supporting: set[str], contradicting: set[str]
) -> None:
    code, out, _ = _run(tmp_path, "check", statement, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["verdict"] == verdict
    (number,) = data["numbers"]
    assert {Path(c["document"]).name for c in number["supporting"]} == supporting
    assert {Path(c["document"]).name for c in number["contradicting"]} == contradicting
    evidence = {c["id"] for side in ("supporting", "contradicting", "neither") for c in number[side]}
    assert number["matched"]["id"] in evidence
    assert number["group_id"] is not None


def test_check_cli_json_is_deterministic(tmp_path: Path) -> None:
    statement = "The carmaker cut 1,900 jobs at its engine plant."
    first = _run(tmp_path, "check", statement, "--json")
    assert first == _run(tmp_path, "check", statement, "--json")


def test_check_cli_a_file_goes_on_past_a_line_without_a_number(tmp_path: Path) -> None:
    lines = tmp_path / "statements.txt"
    lines.write_text(
        "The carmaker cut 3,000 jobs at its engine plant.\nThe carmaker cut jobs.\n", encoding="utf-8"
    )
    sources = tmp_path / "sources"
    sources.mkdir()
    code, out, _ = _run(sources, "check", str(lines), "--json", "--fail-on", "contradicted")
    assert code == 1
    first, second = json.loads(out)
    assert first["verdict"] == "contradicted"
    assert (second["verdict"], second["note"]) == ("not_found", "no number found in the statement")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "The carmaker cut jobs."), "no number found in the statement"),
        (("check", "   "), "empty statement"),
        (("check", "The carmaker cut 1,900 jobs.", "--fail-on", "wrong"), "unknown verdict"),
    ],
    ids=["no-number", "blank", "unknown-verdict"],
)
def test_check_cli_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    code, out, err = _run(tmp_path, *args)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
