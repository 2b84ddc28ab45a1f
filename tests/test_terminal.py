"""The terminal view a new user meets (issue 18): words, counts, one legend, whole words at 80 columns,
the figure as written, the same source names everywhere, flags anywhere, help with examples."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import load, report_of
from factcheck.cli import COMMAND_FLAGS, EXAMPLES, GLOBAL_FLAGS, app
from factcheck.report.terminal import _word_window, summary_line

ROOT = Path(__file__).parents[1]
SEEDS = "seeds"  # relative, as a user types it: the tests run in the repository root
ENV = {"SOURCE_DATE_EPOCH": "1700000000", "COLUMNS": "80", "NO_COLOR": "1"}
STATEMENT = "Kosovo will receive 210 million euros for 300 prison cells"


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def invoke(*args: str, columns: int = 80) -> tuple[int, str, str]:
    env = {**ENV, "COLUMNS": str(columns)}
    result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def report_json() -> dict:  # type: ignore[type-arg]
    _, out, _ = invoke("export", SEEDS)
    return json.loads(out)  # type: ignore[no-any-return]


# --- words and counts ------------------------------------------------------------------------------


def test_terminal_conflict_header_says_conflict() -> None:
    _, out, _ = invoke("conflicts", SEEDS)
    headers = [line for line in out.splitlines() if line.startswith("╭─ g")]
    assert headers and all("severity conflict" in line for line in headers)


@pytest.mark.parametrize(
    "conflicts, agreements, words",
    [
        (1, 0, "1 conflict, 0 agreements"),
        (2, 1, "2 conflicts, 1 agreement"),
        (0, 2, "0 conflicts, 2 agreements"),
    ],
    ids=["one conflict", "one agreement", "none"],
)
def test_terminal_summary_singular_and_plural(conflicts: int, agreements: int, words: str) -> None:
    report = report_of(load([SEEDS]))
    conflict = next(g for g in report.groups if g.status == "conflict")
    agreement = next(g for g in report.groups if g.status == "agreement")
    groups = (conflict,) * conflicts + (agreement,) * agreements
    line = summary_line(report.model_copy(update={"groups": groups}), claims=1).plain
    assert line.endswith(words) and "1 claim," in line


def test_terminal_no_conflicts_found_never_above_a_counted_conflict() -> None:
    _, out, _ = invoke("conflicts", SEEDS, "--min-severity", "high")
    assert "No conflicts found." not in out
    assert "No conflicts at this severity (2 conflicts below it)." in out


# --- each thing once --------------------------------------------------------------------------------


def test_terminal_sentence_once_per_claim(report_json: dict) -> None:  # type: ignore[type-arg]
    _, out, _ = invoke("conflicts", SEEDS, columns=1000)
    shown = [c for g in report_json["groups"] if g["status"] == "conflict" for c in g["claims"]]
    for claim in shown:
        at = claim["start"] - claim["sentence_start"]
        fragment = claim["sentence"][max(0, at - 20) : at] + claim["text"]  # the figure and what leads to it
        same = sum(fragment in c["sentence"] for c in shown)
        assert 1 <= out.count(fragment) <= same, fragment


def test_terminal_sources_listed_once(report_json: dict) -> None:  # type: ignore[type-arg]
    _, out, _ = invoke("conflicts", SEEDS, "--all", columns=200)
    for doc in report_json["documents"]:
        if doc["claims"]:
            assert out.count(doc["path"]) <= 1, doc["path"]


def test_terminal_same_source_names_everywhere() -> None:
    _, sources, _ = invoke("sources", SEEDS, columns=200)
    names = re.findall(r"^│ (\S+) +│", sources, flags=re.M)
    assert names == ["000", "001", "002", "003", "004"]
    _, conflicts, _ = invoke("conflicts", SEEDS, columns=200)
    _, claims, _ = invoke("claims", SEEDS, columns=200)
    _, check, _ = invoke("check", STATEMENT, "--in", SEEDS, columns=200)
    for out in (conflicts, claims, check):
        used = set(re.findall(r"\b00\d\b", out))
        assert used and used <= set(names)
    assert not re.search(r"\bd\d\b", conflicts + claims + check)


# --- columns ---------------------------------------------------------------------------------------


def _group_block(out: str, group_id: str) -> str:
    start = out.index(f"╭─ {group_id} ")
    return out[start : out.index("╰", start)]


def test_terminal_compared_column_only_where_converted() -> None:
    _, out, _ = invoke("conflicts", SEEDS, columns=160)
    assert "in EUR" in _group_block(out, "g1")  # DKK 1.5 billion, converted
    assert "in km" not in _group_block(out, "g2")  # every figure compared as stated


@pytest.mark.parametrize(
    "written",
    [
        "EUR 210 million",
        "DKK 1.5 billion",
        "around €200 million",
        "approximately 200 million euros",
        "50 kilometers",
    ],
)
def test_terminal_stated_as_written(written: str) -> None:
    _, out, _ = invoke("conflicts", SEEDS, columns=240)
    stated = [cells[2].strip() for line in out.splitlines() if len(cells := line.split("│")) > 3]
    assert written in stated


def test_terminal_converted_value_beside_the_written_one() -> None:
    _, out, _ = invoke("conflicts", SEEDS, columns=240)
    row = next(line for line in out.splitlines() if "│ DKK 1.5 billion" in line)
    assert "201.06 million EUR" in row


# --- whole words at 80 columns -----------------------------------------------------------------------

BOX = "│┃━╇┏┓┗┛┡┩└┘┌┐─╭╮╰╯┳┻┼╋┬┴├┤"


def _tokens(text: str) -> set[str]:
    return {token.strip(".,;:()[]…'\"*") for token in text.split()}


@pytest.mark.parametrize(
    "args",
    [
        ("conflicts", SEEDS, "--all"),
        ("query", "prison", "cells", "--in", SEEDS),
        ("check", STATEMENT, "--in", SEEDS),
        ("sources", SEEDS),
    ],
    ids=["conflicts", "query", "check", "sources"],
)
def test_terminal_no_word_broken_at_80_columns(args: tuple[str, ...], report_json: dict) -> None:  # type: ignore[type-arg]
    corpus = load([SEEDS])
    known = set().union(*(_tokens(doc.text) for doc in corpus.docs))
    known |= _tokens(json.dumps(report_json, ensure_ascii=False).replace("\\n", " ").replace('"', " "))
    known |= _tokens(STATEMENT)
    _, out, _ = invoke(*args)
    words = _tokens(out.translate({ord(c): " " for c in BOX}))
    known |= {word for word in words if re.fullmatch(r"[\d,.%:]+|g\d+|[A-Z]+|[a-z_]+", word)}  # figures, ids
    known |= {"Sources", "No", "CONTESTED", "Claims"}  # headings
    broken = sorted(word for word in words if word and word not in known and not word.isdigit())
    assert not broken, broken


@pytest.mark.parametrize(
    "left, right, shown",
    [
        (9, 40, "lease 300 prison cells to"),
        (0, 100, "Kosovo would lease 300 prison cells to Denmark"),
        (17, 36, "300 prison cells"),
    ],
    ids=["inside words", "whole sentence", "at the figure"],
)
def test_terminal_window_keeps_whole_words(left: int, right: int, shown: str) -> None:
    sentence = "Kosovo would lease 300 prison cells to Denmark"
    start, end = _word_window(sentence, left, right, at=19, end=35)
    assert sentence[start:end].strip() == shown


def test_terminal_check_continuation_lines_keep_their_indent() -> None:
    _, out, _ = invoke("check", STATEMENT, "--in", SEEDS)
    lines = out.splitlines()
    for k, line in enumerate(lines[:-1]):
        if re.match(r"│\s+(for|against)\s+00\d ", line):
            indent = re.match(r"│\s+(for|against)\s+00\d ", line).end()  # type: ignore[union-attr]
            follow = lines[k + 1]
            if not re.match(r"│\s+(for|against)\s+00\d |│ \S", follow) and follow.startswith("│ "):
                assert follow[:indent].strip("│ ") == "", follow


# --- flags, version, help -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("sources", SEEDS, "--no-color"),
        ("--no-color", "sources", SEEDS),
        ("sources", SEEDS, "--quiet"),
        ("sources", SEEDS, "-q", "--no-color"),
        ("--json", "sources", SEEDS),
        ("sources", SEEDS, "--json"),
    ],
    ids=["no-color after", "no-color before", "quiet after", "both after", "json before", "json after"],
)
def test_terminal_flags_before_or_after_the_command(args: tuple[str, ...]) -> None:
    code, out, err = invoke(*args)
    assert code == 0, err
    if "--json" in args:
        assert json.loads(out)["documents"]


def test_terminal_quiet_silences_notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _, _, err = invoke("sources", "--quiet")
    assert err == ""
    _, _, err = invoke("sources")
    assert "sample corpus" in err


def test_terminal_flag_names_are_the_apps() -> None:
    assert GLOBAL_FLAGS == {"--no-color", "--quiet", "-q"} and COMMAND_FLAGS == {"--json"}


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_terminal_version(flag: str) -> None:
    code, out, _ = invoke(flag)
    assert code == 0 and re.fullmatch(r"factcheck \S+\n", out)


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_terminal_help_ends_with_examples_and_exit_codes(command: str) -> None:
    code, out, _ = invoke(command, "--help", columns=200)
    assert code == 0
    tail = out[out.index("Examples:") :]
    assert all(example in tail for example in EXAMPLES[command]) and len(EXAMPLES[command]) == 2
    assert "Exit codes: 0" in tail and "2 bad usage" in tail
    assert ("1 " in tail.split("Exit codes:")[1]) == (command in ("conflicts", "check"))


@pytest.mark.parametrize(
    "args", [("--help",), *[(c, "--help") for c in sorted(EXAMPLES)]], ids=lambda a: " ".join(a)
)
def test_terminal_help_shows_no_bool(args: tuple[str, ...]) -> None:
    _, out, _ = invoke(*args, columns=200)
    assert "<bool>" not in out


def test_terminal_conflicts_json_honours_all_and_min_severity(report_json: dict) -> None:  # type: ignore[type-arg]
    _, shown, _ = invoke("conflicts", SEEDS, "--json")
    assert {g["status"] for g in json.loads(shown)["groups"]} == {"conflict"}
    _, everything, _ = invoke("conflicts", SEEDS, "--json", "--all")
    assert len(json.loads(everything)["groups"]) == sum(
        g["status"] != "single" for g in report_json["groups"]
    )
    _, high, _ = invoke("conflicts", SEEDS, "--json", "--min-severity", "high")
    assert json.loads(high)["groups"] == []


# --- progress in every long stage -----------------------------------------------------------------


@pytest.mark.parametrize(
    "size, quiet, shown",
    [(100_000, False, True), (10, False, False), (100_000, True, False)],
    ids=["large corpus", "small corpus", "quiet"],
)
def test_terminal_grouping_shows_a_spinner(
    monkeypatch: pytest.MonkeyPatch, size: int, quiet: bool, shown: bool
) -> None:
    import io

    from rich.console import Console

    from factcheck import cli

    stream = io.StringIO()
    monkeypatch.setattr(cli, "_err", lambda: Console(file=stream, force_terminal=True, width=80))
    with cli._working("grouping", size=size, quiet=quiet):
        pass
    assert ("grouping 100,000 claims" in stream.getvalue()) == shown


@pytest.mark.parametrize("columns", [80, 100, 200])
def test_terminal_long_paths_leave_titles_whole(tmp_path: Path, columns: int) -> None:
    """A source in a deep folder: its path goes under its title rather than squeeze the title into
    two-letter pieces (the legend gave "97 / cr / re / gi / st" at 80 columns)."""
    deep = tmp_path / "newsroom-archive" / "india-election-2024" / "corpus" / "collected-articles"
    deep.mkdir(parents=True)
    for source in sorted((ROOT / SEEDS).iterdir()):
        (deep / source.name).write_bytes(source.read_bytes())
    _, out, _ = invoke("conflicts", str(deep), columns=columns)
    words = set(re.findall(r"[\w’'-]+", out))
    listed = {line[:3] for line in out.splitlines()}  # the legend's short names, "000"
    assert {"000", "001", "002", "003"} <= listed
    for doc in (d for d in load([str(deep)]).docs if Path(d.path).name[:3] in listed):
        for word in re.findall(r"[\w’'-]+", doc.title):
            assert word in words, (word, doc.title)
    assert all(len(line) <= columns for line in out.splitlines())
