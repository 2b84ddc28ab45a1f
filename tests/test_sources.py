"""Real-world sources (issue 18): PDFs with their pages, news pages read for their article, standard
input, and the notices a new user needs (the sample corpus, paths after --in)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import pytest
from typer.testing import CliRunner

from factcheck import load
from factcheck.cli import app
from factcheck.errors import InputError
from factcheck.ingest.html import published_date, read_article
from factcheck.ingest.load import STDIN, find_sources, load_document, load_documents
from factcheck.ingest.pdf import PdfError, read_pdf
from pdfs import make_pdf

ENV = {"SOURCE_DATE_EPOCH": "1700000000", "COLUMNS": "100", "NO_COLOR": "1"}

REPORT_PAGES = [
    ["Town hall renovation", "", "The council will spend EUR 210 million on the town hall."],
    ["Annex", "", "The renovation will take 3 years and create 450 jobs."],
]

NEWS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Council approves £210m renovation | Northshire Gazette</title>
<script>window.dataLayer = [{"price": 999}];</script></head>
<body>
<header><div class="logo">Northshire Gazette</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<div class="trending"><h3>Trending</h3><ul><li><a href="/a">5 things to do</a></li><li>Weather: 14°C</li></ul></div>
<main><article>
<h1>Council approves £210m renovation</h1>
<p class="byline">Posted on 15 March 2025 by Jane Smith</p>
<p>The council voted on Tuesday to approve a £210 million renovation of the town hall, which will close for 3 years.</p>
<p>Officials said 450 jobs would be created during the works. The building, opened in 1889, welcomed 120,000 visitors last year.</p>
<p>Opposition councillors said the true cost could reach £260 million.</p>
</article></main>
<aside><h3>Most read</h3><ol><li>Road closed for 2 weeks</li><li>Team wins 3-1</li></ol></aside>
<div class="contact">Call us on 0161 496 0000</div>
<footer><p>© 2025 Northshire Gazette. All rights reserved.</p></footer>
</body></html>
"""


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=ENV, input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- PDF -----------------------------------------------------------------------------------------


def test_sources_pdf_text_and_page_starts() -> None:
    pdf = read_pdf(make_pdf(REPORT_PAGES, title="Annual report"))
    assert pdf.title == "Annual report"
    assert pdf.pages == (0, pdf.text.index("Annex"))
    assert "EUR 210 million" in pdf.text and "450 jobs" in pdf.text


class PageCase(NamedTuple):
    text: str
    page: int


PAGE_CASES = [PageCase("EUR 210 million", 1), PageCase("3 years", 2), PageCase("450 jobs", 2)]


@pytest.mark.parametrize("case", PAGE_CASES, ids=[case.text for case in PAGE_CASES])
def test_sources_pdf_claims_carry_their_page(tmp_path: Path, case: PageCase) -> None:
    write(tmp_path / "report.pdf", make_pdf(REPORT_PAGES))
    corpus = load([tmp_path])
    [claim] = [c for c in corpus.claims if c.text == case.text]
    assert claim.page == case.page
    assert corpus.docs[0].text[claim.start : claim.end] == claim.text


def test_sources_text_claims_have_no_page(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "It cost EUR 5 million.\n")
    assert [c.page for c in load([tmp_path]).claims] == [None]


class BrokenCase(NamedTuple):
    id: str
    data: bytes


BROKEN_PDFS = [
    BrokenCase("garbage-after-header", b"%PDF-1.4\n1 0 obj garbage"),
    BrokenCase("truncated", make_pdf(REPORT_PAGES)[:200]),
    BrokenCase("header-only", b"%PDF-"),
]


@pytest.mark.parametrize("case", BROKEN_PDFS, ids=[case.id for case in BROKEN_PDFS])
def test_sources_broken_pdf_named_is_one_line_exit_2(tmp_path: Path, case: BrokenCase) -> None:
    path = write(tmp_path / "broken.pdf", case.data)
    code, out, err = invoke("claims", str(path))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "not a readable PDF" in err and "Traceback" not in err


@pytest.mark.parametrize("case", BROKEN_PDFS, ids=[case.id for case in BROKEN_PDFS])
def test_sources_broken_pdf_in_a_folder_is_skipped(tmp_path: Path, case: BrokenCase) -> None:
    write(tmp_path / "broken.pdf", case.data)
    write(tmp_path / "good.pdf", make_pdf(REPORT_PAGES))
    warnings: list[str] = []
    docs = load_documents([tmp_path], on_warning=warnings.append)
    assert [d.name for d in docs] == ["good.pdf"]
    assert len(warnings) == 1 and "broken.pdf: skipped, not a readable PDF" in warnings[0]


def test_sources_pdf_line_end_hyphen_is_a_hyphen() -> None:
    long = "The ombudsman, Mr. Hans Gammeltoft-" + "Hansen, " + "spoke. " * 20
    words = long.split(" ")
    lines = [" ".join(words[:5]), " ".join(words[5:])]  # the first line ends in "Gammeltoft-"
    text = read_pdf(make_pdf([lines])).text
    assert "Gammeltoft-Hansen" in text and "\ufffe" not in text and "\x02" not in text


def test_sources_read_pdf_raises_pdf_error() -> None:
    with pytest.raises(PdfError):
        read_pdf(b"%PDF-1.4 nothing")


def test_sources_folder_finds_pdfs(tmp_path: Path) -> None:
    write(tmp_path / "sub" / "Report.PDF", make_pdf(REPORT_PAGES))
    assert [p.name for p in find_sources([tmp_path])] == ["Report.PDF"]


def test_sources_named_pdf_without_suffix_is_read_as_pdf(tmp_path: Path) -> None:
    path = write(tmp_path / "report", make_pdf(REPORT_PAGES))
    doc = load_document(path, doc_id="d0", named=True)
    assert doc is not None and doc.format == "pdf" and "1 0 obj" not in doc.text


def test_sources_pdf_without_text_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "scan.pdf", make_pdf([[]]))
    warnings: list[str] = []
    assert load_document(path, doc_id="d0", on_warning=warnings.append) is None
    assert "no text in the PDF" in warnings[0]


def test_sources_pdf_page_in_json(tmp_path: Path) -> None:
    write(tmp_path / "report.pdf", make_pdf(REPORT_PAGES))
    code, out, _ = invoke("claims", str(tmp_path), "--json")
    assert code == 0
    pages = {c["text"]: c["page"] for c in json.loads(out)["claims"]}
    assert pages["EUR 210 million"] == 1 and pages["450 jobs"] == 2


# --- HTML pages ----------------------------------------------------------------------------------

NOISE = {
    "trending box": "Trending",
    "weather": "14°C",
    "phone number": "0161",
    "menu": "Home",
    "footer": "All rights reserved",
    "sidebar": "Most read",
    "script": "999",
    "byline": "Posted on",
}


@pytest.mark.parametrize("noise", NOISE.values(), ids=NOISE.keys())
def test_sources_html_article_drops_page_furniture(noise: str) -> None:
    article = read_article(NEWS_PAGE)
    assert article is not None
    assert noise not in article.text


def test_sources_html_article_text_title_and_date() -> None:
    article = read_article(NEWS_PAGE)
    assert article is not None
    assert article.title == "Council approves £210m renovation"
    assert article.published == "2025-03-15"
    assert article.text.split("\n\n")[1].startswith("The council voted on Tuesday")


DATE_CASES = {
    "byline": ("<article><p>Posted on 15 March 2025 by Jane</p><p>Text.</p></article>", "2025-03-15"),
    "meta": (
        '<head><meta property="article:published_time" content="2021-12-28T10:00Z"></head>',
        "2021-12-28",
    ),
    "sidebar-only": ('<aside><time datetime="2020-01-01">x</time></aside><p>Body</p>', None),
    "footer-copyright": ("<p>Body</p><footer>© 2019 Gazette</footer>", None),
}


@pytest.mark.parametrize("markup, published", DATE_CASES.values(), ids=DATE_CASES.keys())
def test_sources_html_published_date(tmp_path: Path, markup: str, published: str | None) -> None:
    page = f"<html><body>{markup}<p>On 17 February 2008 it rained for 3 days.</p></body></html>"
    [doc] = load_documents([write(tmp_path / "page.html", page)])
    assert doc.published == published


def test_sources_htmldate_skips_sidebars() -> None:
    sidebar = '<html><body><aside><time datetime="2020-01-01">x</time></aside><p>Body</p></body></html>'
    assert published_date(sidebar) is None


def test_sources_html_published_feeds_the_document(tmp_path: Path) -> None:
    [doc] = load_documents([write(tmp_path / "page.html", NEWS_PAGE)])
    assert (doc.published, doc.title, doc.text_source) == (
        "2025-03-15",
        "Council approves £210m renovation",
        "extracted",
    )
    counts = [c.text for c in load([tmp_path]).claims if c.kind == "count"]
    assert "0161" not in " ".join(counts)


# --- standard input ------------------------------------------------------------------------------

STDIN_CASES = {
    "text": (b"Title\n\nIt cost EUR 5 million.\n", "text", "EUR 5 million"),
    "html": (NEWS_PAGE.encode("utf-8"), "html", "£210 million"),
    "pdf": (make_pdf(REPORT_PAGES), "pdf", "EUR 210 million"),
}


@pytest.mark.parametrize("data, fmt, figure", STDIN_CASES.values(), ids=STDIN_CASES.keys())
def test_sources_stdin_is_one_document(data: bytes, fmt: str, figure: str) -> None:
    code, out, err = invoke("claims", "-", "--json", stdin=data)
    assert code == 0, err
    report = json.loads(out)
    assert [d["path"] for d in report["documents"]] == ["<stdin>"]
    assert figure in [c["text"] for c in report["claims"]]
    assert report["claims"][0]["document"] == "<stdin>"


def test_sources_stdin_beside_a_folder(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A\n\nIt cost EUR 5 million.\n")
    code, out, _ = invoke("sources", "-", str(tmp_path), "--json", stdin=b"B\n\nIt cost EUR 6 million.\n")
    assert code == 0
    assert [d["path"] for d in json.loads(out)["documents"]] == ["<stdin>", f"{tmp_path.as_posix()}/a.txt"]


def test_sources_stdin_path_is_found_once() -> None:
    assert find_sources(["-", "-"]) == [STDIN]


def test_sources_empty_stdin_is_exit_2() -> None:
    code, _, err = invoke("claims", "-", stdin=b"")
    assert code == 2 and "no readable documents" in err


# --- notices -------------------------------------------------------------------------------------


def test_sources_sample_corpus_is_named_on_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("sources", "--json")
    assert code == 0 and json.loads(out)["documents"]
    assert "reading the sample corpus" in err


def test_sources_seeds_folder_needs_no_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "seeds" / "a.txt", "A\n\nIt cost EUR 5 million.\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke("sources")
    assert code == 0 and err == ""


HINT_CASES = {
    "folder": (["seats", "corpus"], "'corpus' names a folder: paths go after --in"),
    "file": (["seats", "notes.txt"], "'notes.txt' names a file: paths go after --in"),
    "plain words": (["seats", "won"], None),
}


@pytest.mark.parametrize("keywords, hint", HINT_CASES.values(), ids=HINT_CASES.keys())
def test_sources_query_hints_paths_go_after_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keywords: list[str], hint: str | None
) -> None:
    write(tmp_path / "corpus" / "a.txt", "A\n\nThe party won 240 seats.\n")
    write(tmp_path / "notes.txt", "x\n")
    write(tmp_path / "seeds" / "a.txt", "A\n\nThe party won 240 seats.\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke("query", *keywords)
    assert code == 0
    assert (hint in err) if hint else err == ""


def test_sources_query_with_in_gives_no_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "corpus" / "a.txt", "A\n\nThe party won 240 seats.\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke("query", "corpus", "--in", "corpus")
    assert code == 0 and err == ""


def test_sources_missing_stdin_pdf_named_error_is_input_error(tmp_path: Path) -> None:
    path = write(tmp_path / "x.pdf", b"%PDF-broken")
    with pytest.raises(InputError, match="not a readable PDF"):
        load_document(path, doc_id="d0", named=True)


@pytest.mark.parametrize("given", ["broken.pdf", "./broken.pdf"], ids=["plain", "dot-slash"])
def test_sources_named_pdf_as_a_string_stops_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    write(tmp_path / "broken.pdf", b"%PDF-broken")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="not a readable PDF"):
        load_documents([given])
