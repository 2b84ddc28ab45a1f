"""`export` as HTML and CSV (issue 18): the format from --format or the -o suffix, source text as data
(a <script> prints as text, a formula as text), and the same bytes for the same corpus."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import load, report_of
from factcheck.cli import app
from factcheck.report.csv import COLUMNS, to_csv
from factcheck.report.html import to_html

ROOT = Path(__file__).parents[1]
ENV = {"SOURCE_DATE_EPOCH": "1700000000", "COLUMNS": "100", "NO_COLOR": "1"}

# Two sources that disagree, one of them hostile: markup, a formula and a bidi override in its text.
HOSTILE = (
    "=HYPERLINK(\"http://x\") <script>alert('title')</script>\n\n"
    "Published 3 March 2024\n\n"
    "The new bridge over the river cost EUR 210 million, officials said <script>alert(1)</script>.\n\n"
    "<img src=x onerror=alert(2)> The bridge is 1,200 metres long.\n"
)
PLAIN = (
    "Bridge opens\n\n"
    "Published 1 February 2024\n\n"
    "The new bridge over the river cost EUR 180 million, officials said.\n\n"
    "The bridge is 1,200 metres long.\n"
)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=ENV, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "b_plain.txt").write_text(PLAIN, encoding="utf-8")
    return folder


SUFFIX_CASES = {
    "json": ("report.json", [], '{\n  "schema_version"'),
    "markdown": ("report.md", [], "# factcheck report"),
    "markdown-long": ("report.markdown", [], "# factcheck report"),
    "html": ("report.html", [], "<!doctype html>"),
    "htm": ("report.HTM", [], "<!doctype html>"),
    "csv": ("report.csv", [], "group_id,group_label,status"),
    "unknown suffix": ("report.txt", [], '{\n  "schema_version"'),
    "format wins": ("report.md", ["--format", "csv"], "group_id,group_label,status"),
}


@pytest.mark.parametrize("name, extra, start", SUFFIX_CASES.values(), ids=SUFFIX_CASES.keys())
def test_export_format_from_suffix(
    corpus_dir: Path, tmp_path: Path, name: str, extra: list[str], start: str
) -> None:
    target = tmp_path / name
    code, _, err = invoke("export", str(corpus_dir), "-o", str(target), *extra)
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith(start)


@pytest.mark.parametrize(
    "fmt, start", [("html", "<!doctype html>"), ("csv", "group_id,")], ids=["html", "csv"]
)
def test_export_format_to_stdout(corpus_dir: Path, fmt: str, start: str) -> None:
    code, out, _ = invoke("export", str(corpus_dir), "--format", fmt)
    assert code == 0 and out.startswith(start)


# --- HTML ----------------------------------------------------------------------------------------


def _html(folder: Path) -> str:
    code, out, err = invoke("export", str(folder), "--format", "html")
    assert code == 0, err
    return out


def test_export_html_source_markup_is_text(corpus_dir: Path) -> None:
    page = _html(corpus_dir)
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_export_html_makes_no_request(corpus_dir: Path) -> None:
    page = _html(corpus_dir)
    assert not re.search(r"""<[^>]*\s(?:src|href|action)\s*=|url\(|@import""", page, re.IGNORECASE)
    assert "default-src 'none'" in page


def test_export_html_conflicts_before_agreements(corpus_dir: Path) -> None:
    page = _html(corpus_dir)
    assert page.index('id="conflicts"') < page.index('id="agreements"') < page.index('id="sources"')
    conflicts = page[page.index('id="conflicts"') : page.index('id="agreements"')]
    assert "<mark>EUR 210 million</mark>" in conflicts and "<mark>EUR 180 million</mark>" in conflicts
    agreements = page[page.index('id="agreements"') : page.index('id="sources"')]
    assert "<mark>1,200 metres</mark>" in agreements


def test_export_html_timeline_where_the_measure_changed(corpus_dir: Path) -> None:
    page = _html(corpus_dir)
    timeline = page[page.index('class="timeline"') :]
    assert timeline.index("2024-02-01") < timeline.index("2024-03-03")


def test_export_html_sources_with_titles_and_dates(corpus_dir: Path) -> None:
    page = _html(corpus_dir)
    assert "Bridge opens" in page and "2024-02-01" in page


CITES = {
    "html": ("export", "{dir}", "--format", "html"),
    "markdown": ("export", "{dir}", "--format", "markdown"),
    "conflicts": ("conflicts", "{dir}"),
    "query": ("query", "bridge", "--in", "{dir}"),
    "check": ("check", "The bridge cost EUR 300 million", "--in", "{dir}"),
}


@pytest.mark.parametrize("args", CITES.values(), ids=CITES.keys())
def test_export_cites_pdf_pages(tmp_path: Path, args: tuple[str, ...]) -> None:
    """A figure from a PDF is cited with its page in every view: "p. 2"."""
    from pdfs import make_pdf

    (tmp_path / "a.pdf").write_bytes(make_pdf([["Report"], ["The bridge cost EUR 210 million."]]))
    (tmp_path / "b.txt").write_text("B\n\nThe bridge cost EUR 180 million.\n", encoding="utf-8")
    code, out, _ = invoke(*(arg.replace("{dir}", str(tmp_path)) for arg in args))
    assert code in (0, 1) and "p. 2" in out


def test_export_html_is_deterministic(corpus_dir: Path) -> None:
    assert _html(corpus_dir) == _html(corpus_dir)


def test_export_html_without_groups() -> None:
    report = report_of(load([ROOT / "seeds" / "000_9d414ae51106c56f.txt"]))
    page = to_html(report.model_copy(update={"groups": ()}))
    assert "No conflicts found." in page and "No agreements found." in page


@pytest.mark.parametrize(
    "count, words",
    [(1, "1 conflict,"), (2, "2 conflicts,")],
    ids=["one", "two"],
)
def test_export_html_summary_counts_in_words(count: int, words: str) -> None:
    report = report_of(load([ROOT / "seeds"]))
    conflict = next(g for g in report.groups if g.status == "conflict")
    others = tuple(g for g in report.groups if g.status != "conflict")
    page = to_html(report.model_copy(update={"groups": (conflict,) * count + others}))
    assert words in page


# --- CSV -----------------------------------------------------------------------------------------


def _rows(folder: Path) -> list[dict[str, str]]:
    code, out, err = invoke("export", str(folder), "--format", "csv")
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def test_export_csv_one_row_per_claim_of_each_group(corpus_dir: Path) -> None:
    code, out, _ = invoke("export", str(corpus_dir), "--format", "json")
    assert code == 0
    report = json.loads(out)
    rows = _rows(corpus_dir)
    assert len(rows) == sum(len(g["claims"]) for g in report["groups"])
    assert tuple(rows[0]) == COLUMNS
    assert [r["claim_id"] for r in rows] == [c["id"] for g in report["groups"] for c in g["claims"]]


def test_export_csv_status_and_values(corpus_dir: Path) -> None:
    rows = {r["text"]: r for r in _rows(corpus_dir)}
    assert (rows["EUR 210 million"]["status"], rows["EUR 210 million"]["value"]) == ("conflict", "210000000")
    assert rows["EUR 180 million"]["group_id"] == rows["EUR 210 million"]["group_id"]
    assert rows["1,200 metres"]["status"] == "agreement"


INJECTION_CASES = {
    "equals": ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
    "plus": ("+44 20 7946", "'+44 20 7946"),
    "minus": ("-3+2", "'-3+2"),
    "at": ("@SUM(A1)", "'@SUM(A1)"),
    "tab": ("\t=1", "'\t=1"),
    "plain": ("Bridge", "Bridge"),
}


@pytest.mark.parametrize("cell, safe", INJECTION_CASES.values(), ids=INJECTION_CASES.keys())
def test_export_csv_cells_are_never_formulas(cell: str, safe: str) -> None:
    from factcheck.report.csv import spreadsheet_safe

    assert spreadsheet_safe(cell) == safe


def test_export_csv_hostile_title_is_quoted(corpus_dir: Path) -> None:
    rows = _rows(corpus_dir)
    titles = {r["title"] for r in rows}
    assert any(t.startswith("'=HYPERLINK") for t in titles)
    assert not any(v.startswith(("=", "+", "@")) for r in rows for v in r.values())


def test_export_csv_is_crlf_and_deterministic(corpus_dir: Path) -> None:
    report = report_of(load([corpus_dir]))
    text = to_csv(report)
    assert text == to_csv(report) and text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")


@pytest.mark.parametrize(
    "name, extra, noted",
    [
        ("report.xlsx", [], True),
        ("report.txt", [], True),
        ("report", [], False),
        ("report.xlsx", ["--format", "csv"], False),
        ("report.csv", [], False),
    ],
    ids=["unknown-suffix", "text-suffix", "no-suffix", "format-given", "known-suffix"],
)
def test_export_unknown_suffix_is_noted(
    corpus_dir: Path, tmp_path: Path, name: str, extra: list[str], noted: bool
) -> None:
    """-o report.xlsx writes JSON, and says so: the suffix promised another format."""
    code, _, err = invoke("export", str(corpus_dir), "-o", str(tmp_path / name), *extra)
    assert code == 0
    assert ("names no format" in err) == noted


def _markdown_rows(text: str, group: str) -> list[str]:
    lines = text.split(f"### {group}:", 1)[1].split("\n\n")[2].splitlines()
    return lines


def test_export_markdown_states_the_figure_as_written() -> None:
    """As in the terminal: "approximately 200 million euros", and "in EUR" only beside the figure
    that was converted (DKK 1.5 billion)."""
    code, out, _ = invoke("export", "seeds", "--format", "markdown")
    assert code == 0
    rows = _markdown_rows(out, "g1")
    assert rows[0] == "| source | stated | in EUR | sentence |"
    assert any(r.startswith("| 000 | approximately 200 million euros |  | ") for r in rows)
    assert any(r.startswith("| 001 | DKK 1.5 billion | 201.06 million EUR | ") for r in rows)
    no_conversion = _markdown_rows(out, "g2")
    assert no_conversion[0] == "| source | stated | sentence |"


def test_export_markdown_bolds_the_figure_where_it_stands() -> None:
    """The second "300 cells" of a sentence is the claim's: the first is not the one made bold."""
    from builders import make_claim
    from factcheck.report.files import _bold_figure

    sentence = "Of 300 cells, 300 cells were leased."
    first = make_claim(sentence, "300 cells", kind="count", value=300, unit="cell")
    shift = sentence.index("300 cells", 4) - sentence.index("300 cells")
    second = first.model_copy(update={"start": first.start + shift, "end": first.end + shift})
    assert _bold_figure(first) == "Of **300 cells**, 300 cells were leased."
    assert _bold_figure(second) == "Of 300 cells, **300 cells** were leased."


def test_export_html_cuts_long_sentences_at_words(tmp_path: Path) -> None:
    """A long sentence is shortened round its figure at word boundaries ("…ed a draft" was shown)."""
    words = [f"w{a}{b}x" for a in "abcdefghij" for b in "abcdefgh"]
    long = f"Kosovo said {' '.join(words[:45])} and Denmark will lease 300 prison cells in Gjilan {' '.join(words[45:])}."
    short = "The ministry in Pristina said on Monday that Denmark will lease 320 prison cells in Gjilan."
    (tmp_path / "a.txt").write_text(long + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(short + "\n", encoding="utf-8")
    code, out, _ = invoke("export", str(tmp_path), "--format", "html")
    assert code == 0
    quote = next(q for q in re.findall(r"<q>(.*?)</q>", out, flags=re.S) if "300" in q)
    assert quote.startswith("…") and quote.endswith("…")
    shown = re.sub(r"<[^>]+>|…", " ", quote).split()
    assert set(shown) <= set(long.rstrip(".").split())
