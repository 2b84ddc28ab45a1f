"""The command line end to end, through Typer's CliRunner, on the seeds and on tiny hand-made corpora."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from factcheck import SEVERITIES, ClaimsReport, Report
from factcheck.cli import Severity, app

ROOT = Path(__file__).parents[1]
GOLD = ROOT / "tests" / "data" / "gold"
GOLDEN = ROOT / "tests" / "data" / "golden"
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000", "COLUMNS": "100", "NO_COLOR": "1"}


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    result = runner.invoke(app, list(args), env={**EPOCH, **(env or {})}, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_cli_conflicts_json_matches_the_schema() -> None:
    code, out, _ = invoke("conflicts", "seeds", "--json")
    assert code == 0
    report = json.loads(out)
    jsonschema.validate(report, Report.model_json_schema())
    assert report["schema_version"] == "1"
    assert [d["path"] for d in report["documents"]] == sorted(d["path"] for d in report["documents"])
    assert any(g["status"] == "conflict" for g in report["groups"])
    for group in report["groups"]:
        assert (group["conflict"] is None) == (group["status"] != "conflict")


def test_cli_claims_json_matches_the_schema() -> None:
    code, out, _ = invoke("claims", "seeds", "--json")
    assert code == 0
    data = json.loads(out)
    jsonschema.validate(data, ClaimsReport.model_json_schema())
    assert set(data) == {"schema_version", "documents", "claims"}


def test_cli_export_writes_the_report_and_meets_the_conflict_floors(tmp_path: Path) -> None:
    """Issue 4's floors: 2 of 3 must-flag including C1, no trap, A1 across 3 documents, precision 0.6."""
    target = tmp_path / "report.json"
    code, _, err = invoke("export", "seeds", "-o", str(target))
    assert code == 0, err
    jsonschema.validate(json.loads(target.read_text(encoding="utf-8")), Report.model_json_schema())
    score = subprocess.run(
        [
            sys.executable,
            str(GOLD / "score.py"),
            "conflicts",
            str(target),
            str(GOLD / "seed-conflicts.json"),
            "--docs",
            "seeds",
            "--require",
            "C1",
            "--min-found",
            "2",
            "--max-violated",
            "0",
            "--min-precision",
            "0.6",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert score.returncode == 0, score.stdout
    a1 = re.search(r"A1\s+(\d) of 4 documents together", score.stdout)
    assert a1 is not None and int(a1.group(1)) >= 3, score.stdout


def test_cli_export_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert invoke("export", "seeds", "-o", str(first))[0] == 0
    assert invoke("export", "seeds", "-o", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_cli_export_markdown(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    assert invoke("export", "seeds", "-o", str(target), "--format", "markdown")[0] == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# factcheck report")
    assert "## Conflicts" in text and "2 sources say about 200 million EUR" in text


def test_cli_export_leaves_no_partial_file_when_it_cannot_write(tmp_path: Path) -> None:
    code, _, err = invoke("export", "seeds", "-o", str(tmp_path / "missing" / "report.json"))
    assert code == 2 and "does not exist" in err
    assert not list(tmp_path.rglob("*.tmp"))


def test_cli_conflicts_view_matches_the_golden_file() -> None:
    """Rendered at a fixed width with colour off; FACTCHECK_UPDATE_GOLDEN=1 rewrites the golden file."""
    code, out, _ = invoke("--no-color", "conflicts", "seeds")
    assert code == 0
    golden = GOLDEN / "conflicts-seeds.txt"
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    assert "\x1b[" not in out


@pytest.mark.parametrize("jobs", ["1", "2"], ids=["here", "two-processes"])
def test_cli_conflicts_view_laid_out_in_parts_is_the_same(monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    """A large view's groups are laid out a few at a time, on every core: the same bytes as in one piece."""
    import factcheck.cli

    monkeypatch.setattr(factcheck.cli, "PARALLEL_VIEW_CLAIMS", 0)
    monkeypatch.setattr(factcheck.cli, "VIEW_TASK_CLAIMS", 3)
    code, out, _ = invoke("--no-color", "--jobs", jobs, "conflicts", "seeds")
    assert code == 0
    assert out == (GOLDEN / "conflicts-seeds.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("conflicts", "seeds", "--fail-on-conflict"), 1),
        (("conflicts", "seeds"), 0),
        (("conflicts", "seeds", "--min-severity", "high", "--fail-on-conflict"), 0),
    ],
    ids=["fail-on-conflict", "default", "none at high severity"],
)
def test_cli_conflicts_exit_codes(args: tuple[str, ...], code: int) -> None:
    assert invoke(*args)[0] == code


def test_cli_conflicts_all_adds_agreements() -> None:
    _, out, _ = invoke("conflicts", "seeds", "--all")
    assert "agreement" in out and "300" in out


def test_cli_sources_lists_titles_and_dates() -> None:
    code, out, _ = invoke("sources", "seeds", "--json")
    assert code == 0
    docs = json.loads(out)["documents"]
    assert docs[3]["published"] == "2021-12-28"
    assert docs[0]["title"] == "Denmark–Kosovo relations"


def test_cli_default_paths_use_the_seeds_folder() -> None:
    assert invoke("sources", "--json")[1] == invoke("sources", "seeds", "--json")[1]


def test_cli_default_paths_fall_back_to_the_bundled_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("sources", "--json")
    assert code == 0 and len(json.loads(out)["documents"]) == 5


def _binary(path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing", "no such file or directory"),
        (lambda tmp: tmp, "no .txt, .md, .html or .pdf documents found"),
        (lambda tmp: _binary(tmp / "image.txt"), "no readable documents"),
    ],
    ids=["missing path", "empty folder", "only a binary file"],
)
def test_cli_bad_input_is_one_line_and_exit_2(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    for command in ("conflicts", "claims", "sources", "export"):
        code, out, err = invoke(command, str(make(tmp_path)))
        assert code == 2, (command, out, err)
        lines = [line for line in err.splitlines() if not line.startswith("warning:")]
        assert len(lines) == 1 and message in lines[0] and "Traceback" not in err


def test_cli_unknown_option_value_is_exit_2() -> None:
    assert invoke("conflicts", "seeds", "--min-severity", "bogus")[0] == 2


def test_cli_source_markup_and_escapes_print_literally(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "A [bold red]loud[/bold red] <script>alert(1)</script> plan costs 5 million euros \x1b[31mnow.\n",
        encoding="utf-8",
    )
    code, out, _ = invoke("claims", str(tmp_path))
    assert code == 0
    flat = " ".join(out.split())
    assert "[bold red]loud[/bold red]" in flat.replace("│ ", "").replace(" │", "") or "[bold" in flat
    assert "\x1b[31m" not in out and "\\x1b" in out


def test_cli_version() -> None:
    code, out, _ = invoke("--version")
    assert code == 0 and out.startswith("factcheck ")


COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)  # type: ignore[union-attr]


def test_cli_commands_are_the_contracts() -> None:
    """A command added or dropped is a change of the contract: docs/CONTRACT.md and this list move with it."""
    assert COMMANDS == ["check", "claims", "conflicts", "export", "query", "sources"]


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_help_lists_every_command(command: str) -> None:
    _, out, _ = invoke("--help")
    assert re.search(rf"^│ {command}\b", out, flags=re.M), out
    code, out, _ = invoke(command, "--help")
    assert code == 0 and f"factcheck {command}" in out


def test_cli_severity_choices_are_the_librarys_order() -> None:
    assert [s.value for s in Severity] == list(SEVERITIES)


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", text, flags=re.S)
    return [
        line.strip()
        for block in blocks
        for line in block.splitlines()
        if line.strip().startswith("factcheck ")
    ]


@pytest.mark.parametrize("line", _readme_commands())
def test_cli_readme_commands_work(line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shlex
    import shutil

    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "claims").mkdir()
    for example in (ROOT / "claims").glob("*.txt"):
        shutil.copy(example, tmp_path / "claims" / example.name)
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke(*shlex.split(line, comments=True)[1:])
    assert code == 0, (line, out, err)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_readme_shows_every_command(command: str) -> None:
    """Each command has an example in the README (run by test_cli_readme_commands_work) and a row in
    docs/CONTRACT.md."""
    shown = {
        next(word for word in line.split()[1:] if not word.startswith("-")) for line in _readme_commands()
    }
    assert command in shown, f"README.md has no ```bash example of factcheck {command}"
    contract = (ROOT / "docs" / "CONTRACT.md").read_text(encoding="utf-8")
    assert f"| `factcheck {command}" in contract, f"docs/CONTRACT.md has no row for factcheck {command}"


@pytest.mark.parametrize(
    "keywords",
    [("prison", "cells"), ("prision", "cels"), ("PRISON", "Cells")],
    ids=["exact", "typos", "case"],
)
def test_cli_query_finds_the_leased_cells_in_four_documents(keywords: tuple[str, ...]) -> None:
    code, out, _ = invoke("query", *keywords, "--in", "seeds", "--json")
    assert code == 0
    hits = json.loads(out)["hits"]
    docs = {Path(h["claim"]["document"]).name[:3] for h in hits if h["claim"]["value"] == 300}
    assert docs == {"000", "001", "002", "003"}
    assert {h["status"] for h in hits} <= {"conflict", "agreement", "single"}


def test_cli_query_unknown_kind_is_exit_2() -> None:
    code, _, err = invoke("query", "cells", "--kind", "bogus")
    assert code == 2 and "unknown kind" in err


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ("Kosovo will receive 210 million euros", "contested"),
        ("Denmark leases 300 prison cells in Kosovo", "supported"),
        ("The prison in Gjilan employs 1,200 guards", "not_found"),
    ],
    ids=["contested", "supported", "not found"],
)
def test_cli_check_statement_verdicts(statement: str, verdict: str) -> None:
    code, out, _ = invoke("check", statement, "--in", "seeds", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["verdict"] == verdict
    if verdict == "supported":
        assert len({Path(c["document"]).name for c in result["numbers"][0]["supporting"]}) >= 3
    if verdict == "contested":
        number = result["numbers"][0]
        assert number["supporting"] and number["contradicting"]


def test_cli_check_file_gives_one_result_per_line() -> None:
    code, out, _ = invoke("check", "claims/seed-statements.txt", "--in", "seeds", "--json")
    assert code == 0
    lines = [
        ln
        for ln in (ROOT / "claims" / "seed-statements.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    assert len(json.loads(out)) == len(lines)


@pytest.mark.parametrize("statement", ["no numbers in this one", "   "], ids=["no number", "blank"])
def test_cli_check_without_a_number_is_exit_2(statement: str) -> None:
    code, _, err = invoke("check", statement, "--in", "seeds")
    assert code == 2 and err.startswith("factcheck:")


def test_cli_metadata_lines_are_listed_but_never_compared(tmp_path: Path) -> None:
    """Two sources published on different days: their 'URL | publisher | date' lines are claims of the
    source, not of the story, so they form no group (here they would be a false conflict)."""
    body = "The council approved 300 new homes on 14 April 2022, the mayor said."
    for name, day in (("a", "2023-12-08"), ("b", "2024-03-01")):
        (tmp_path / f"{name}.txt").write_text(
            f"Headline {name}\nhttps://{name}.example/story | Paper {name.upper()} | {day}\n\n{body}\n",
            encoding="utf-8",
        )
    code, out, _ = invoke("claims", str(tmp_path), "--json")
    assert code == 0
    assert {"2023-12-08", "2024-03-01"} <= {c["date"] for c in json.loads(out)["claims"]}
    code, out, _ = invoke("conflicts", str(tmp_path), "--json", "--all")
    assert code == 0
    grouped = {c["text"] for g in json.loads(out)["groups"] for c in g["claims"]}
    assert grouped == {"300 new homes", "14 April 2022"}


def test_cli_explanations_name_documents_as_the_legend_does(tmp_path: Path) -> None:
    """A document with no comparable claim still counts in the short names, in every view."""
    (tmp_path / "000_a.txt").write_text(
        "The new bridge over the river is 300 metres long.\n", encoding="utf-8"
    )
    (tmp_path / "001_b.txt").write_text(
        "The new bridge over the river is 450 metres long.\n", encoding="utf-8"
    )
    (tmp_path / "000_c.txt").write_text("A note without figures.\n", encoding="utf-8")
    code, out, _ = invoke("conflicts", str(tmp_path), "--json")
    assert code == 0
    (group,) = json.loads(out)["groups"]
    assert "(000_a)" in group["explanation"] and "(001_b)" in group["explanation"]


@pytest.mark.parametrize(
    ("statement", "fail_on", "code"),
    [
        ("Denmark will pay Kosovo 150 million euros", "contradicted,contested", 1),
        ("Kosovo will receive 210 million euros", "contradicted", 0),
        ("Kosovo will receive 210 million euros", "contradicted,contested", 1),
        ("Denmark leases 300 prison cells in Kosovo", "contradicted,contested,not_found", 0),
        ("Denmark leases 300 prison cells in Kosovo", "wrong", 2),
    ],
    ids=["contradicted", "contested-not-asked", "contested", "supported", "unknown-verdict"],
)
def test_cli_check_fail_on_makes_the_exit_code_usable(statement: str, fail_on: str, code: int) -> None:
    exit_code, _, _ = invoke("check", statement, "--in", "seeds", "--json", "--fail-on", fail_on)
    assert exit_code == code
