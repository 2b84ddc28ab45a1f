from __future__ import annotations

import codecs
import random
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from factcheck.errors import InputError
from factcheck.ingest.load import (
    DATE_LINE_MAX,
    DEFAULT_MAX_BYTES,
    MONTHS,
    _date_only,
    default_paths,
    find_metadata,
    find_published,
    find_sources,
    find_title,
    load_document,
    load_documents,
)
from factcheck.models import Document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def load_one(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document | None, list[str]]:
    warnings: list[str] = []
    doc = load_document(path, doc_id="d0", max_bytes=max_bytes, on_warning=warnings.append)
    return doc, warnings


# --- file types --------------------------------------------------------------------------------

HTML_PAGE = """<!doctype html>
<html><head><title>Denmark &amp; Kosovo</title><style>p { color: red }</style>
<script>var cells = "999 prison cells";</script></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Prison   cells</h1>
<p>Denmark will pay &euro;200 million<br>over ten years &mdash; for 300 cells.</p>
<div><div><p>Nested <b>bold</b> text &lt;here&gt;.</p></div>tail text</div>
<ul><li>one</li><!-- 7 comments --><li>two</li></ul>
<template><p>hidden 1</p></template><noscript>enable 2 scripts</noscript>
</article><footer>Copyright 2021</footer></body></html>
"""
# trafilatura reads the article: its headline is the title, a list is one block of lines, and text
# loose in a <div> after a nested block ("tail text") is not taken for article text.
HTML_TEXT = (
    "Prison cells\n\nDenmark will pay €200 million\nover ten years — for 300 cells.\n\n"
    "Nested bold text <here>.\n\none\ntwo"
)


class FileCase(NamedTuple):
    name: str
    content: str
    text: str
    format: str
    text_source: str
    title: str


FILE_CASES = [
    FileCase(
        "a.txt",
        "Plain title\n\nIt cost 5 euros.\n",
        "Plain title\n\nIt cost 5 euros.\n",
        "text",
        "file",
        "Plain title",
    ),
    FileCase(
        "a.md",
        "# *Markdown* title\n\nSome **bold** text.\n",
        "# *Markdown* title\n\nSome **bold** text.\n",
        "markdown",
        "file",
        "*Markdown* title",
    ),
    FileCase("a.markdown", "## __Emphasised__\n", "## __Emphasised__\n", "markdown", "file", "Emphasised"),
    FileCase("a.html", HTML_PAGE, HTML_TEXT, "html", "extracted", "Prison cells"),
    FileCase(
        "a.HTM",
        "<p>No title here</p><p>second</p>",
        "No title here\n\nsecond",
        "html",
        "extracted",
        "No title here",
    ),
]


@pytest.mark.parametrize("case", FILE_CASES, ids=[case.name for case in FILE_CASES])
def test_load_file_types(tmp_path: Path, case: FileCase) -> None:
    doc, warnings = load_one(write(tmp_path / case.name, case.content))
    assert doc is not None
    assert (doc.text, doc.format, doc.text_source, doc.title) == (
        case.text,
        case.format,
        case.text_source,
        case.title,
    )
    assert warnings == []


def test_load_html_drops_noise(tmp_path: Path) -> None:
    doc, _ = load_one(write(tmp_path / "page.html", HTML_PAGE))
    assert doc is not None
    text = doc.text
    for noise in ("999", "hidden", "enable", "Home", "Copyright", "color", "comments"):
        assert noise not in text


HTML_DATE_CASES = {
    "meta-article": ('<meta property="article:published_time" content="2021-12-28T10:00:00Z">', "2021-12-28"),
    "meta-name": ('<meta name="date" content="2023-12-08">', "2023-12-08"),
    "meta-itemprop": ('<meta itemprop="datePublished" content="2024-03-01">', "2024-03-01"),
    "time-in-article": (
        '<article><time datetime="2024-07-22T09:00">Monday</time><p>x</p></article>',
        "2024-07-22",
    ),
    "json-ld": (
        '<script type="application/ld+json">{"datePublished": "2023-11-15T10:26:00Z"}</script>',
        "2023-11-15",
    ),
    "byline-text": ("<p>Posted on December 28, 2021</p>", "2021-12-28"),
    "time-outside-article": ('<aside><time datetime="2020-01-01">x</time></aside><p>Body</p>', None),
}


@pytest.mark.parametrize("markup, published", HTML_DATE_CASES.values(), ids=HTML_DATE_CASES.keys())
def test_load_html_published(tmp_path: Path, markup: str, published: str | None) -> None:
    html = f"<html><head><title>T</title></head><body><h1>Head</h1>{markup}<p>On 17 February 2008 it rained.</p></body></html>"
    doc, _ = load_one(write(tmp_path / "page.html", html))
    assert doc is not None
    assert doc.published == published


# --- encodings ---------------------------------------------------------------------------------


class EncodingCase(NamedTuple):
    id: str
    data: bytes
    text: str
    encoding: str
    warns: bool


ENCODING_CASES = [
    EncodingCase("utf8", "café €\n".encode(), "café €\n", "utf-8", False),
    EncodingCase("utf8-bom", codecs.BOM_UTF8 + "café €\n".encode(), "café €\n", "utf-8-sig", False),
    EncodingCase("cp1252", "café €\n".encode("cp1252"), "café €\n", "cp1252", True),
    EncodingCase(
        "cp1252-quotes",
        "It cost £200m – “a lot”.\n".encode("cp1252"),
        "It cost £200m – “a lot”.\n",
        "cp1252",
        True,
    ),
    EncodingCase("latin1", "naïve résumé\n".encode("latin-1"), "naïve résumé\n", "cp1252", True),
    EncodingCase("utf16-bom", "café €\r\nnext\n".encode("utf-16"), "café €\nnext\n", "utf-16", True),
    EncodingCase("crlf", b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n", "utf-8", False),
    EncodingCase(
        "cp1251",
        "Привет, как дела? Это тестовый текст на русском языке, довольно длинный.\n".encode("cp1251"),
        "Привет, как дела? Это тестовый текст на русском языке, довольно длинный.\n",
        "cp1251",
        True,
    ),
]


@pytest.mark.parametrize("case", ENCODING_CASES, ids=[case.id for case in ENCODING_CASES])
def test_load_encodings(tmp_path: Path, case: EncodingCase) -> None:
    path = write(tmp_path / "doc.txt", case.data)
    doc, warnings = load_one(path)
    assert doc is not None
    assert (doc.text, doc.encoding) == (case.text, case.encoding)
    assert warnings == ([f"{path.as_posix()}: not UTF-8, read as {case.encoding}"] if case.warns else [])
    with open(path, encoding=case.encoding) as f:  # offsets agree with text mode
        assert doc.text == f.read()


SKIP_CASES = {
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "binary"),
    "nul-bytes": (bytes(random.Random(1).randrange(256) for _ in range(4000)) + b"\0", "binary"),
    "empty": (b"", "empty"),
    "whitespace": (b" \n\t\n  \r\n", "empty"),
    "html-no-text": (b"<html><head><script>x()</script></head><body> </body></html>", "empty"),
}


@pytest.mark.parametrize("data, reason", SKIP_CASES.values(), ids=SKIP_CASES.keys())
def test_load_skips_unreadable(tmp_path: Path, data: bytes, reason: str) -> None:
    suffix = ".html" if data.startswith(b"<html") else ".txt"
    path = write(tmp_path / f"bad{suffix}", data)
    doc, warnings = load_one(path)
    assert doc is None
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{path.as_posix()}: skipped")
    assert reason in warnings[0]


# --- finding files and errors ------------------------------------------------------------------


def test_load_finds_recursively_sorted_without_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in [
        "b.txt",
        "a.md",
        "sub/c.html",
        "sub/deeper/d.htm",
        "z.MARKDOWN",
        ".hidden.txt",
        ".git/e.txt",
        "sub/.cache/f.txt",
        "notes.csv",
        "image.png",
    ]:
        write(tmp_path / "corpus" / name, "text")
    monkeypatch.chdir(tmp_path)
    found = [path.as_posix() for path in find_sources(["corpus"])]
    assert found == [
        "corpus/a.md",
        "corpus/b.txt",
        "corpus/sub/c.html",
        "corpus/sub/deeper/d.htm",
        "corpus/z.MARKDOWN",
    ]


def test_load_ids_and_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "in" / "2.txt", "second")
    write(tmp_path / "in" / "1.txt", "")  # skipped: takes no id
    write(tmp_path / "in" / "0.txt", "first")
    monkeypatch.chdir(tmp_path)
    warnings: list[str] = []
    docs = load_documents(["in", "in/0.txt"], on_warning=warnings.append)
    assert [(doc.id, doc.path) for doc in docs] == [("d0", "in/0.txt"), ("d1", "in/2.txt")]
    assert warnings == ["in/1.txt: skipped, empty"]


def test_load_explicit_unsupported_extension(tmp_path: Path) -> None:
    text_file = write(tmp_path / "notes.csv", "Cost,200 million\n")
    binary_file = write(tmp_path / "blob.bin", b"\x00\x01\x02")
    warnings: list[str] = []
    docs = load_documents([text_file, binary_file], on_warning=warnings.append)
    assert [(doc.text, doc.format) for doc in docs] == [("Cost,200 million\n", "text")]
    assert warnings == [f"{binary_file.as_posix()}: skipped, binary or not text"]


ERROR_CASES = {
    "missing": (lambda tmp: [tmp / "nope"], "nope: no such file or directory"),
    "empty-folder": (lambda tmp: [tmp], ": no .txt, .md, .html or .pdf documents found"),
    "only-hidden": (
        lambda tmp: [write(tmp / ".x.txt", "a").parent],
        ": no .txt, .md, .html or .pdf documents found",
    ),
    "all-skipped": (lambda tmp: [write(tmp / "e.txt", "")], "no readable documents in "),
    "no-paths": (lambda tmp: [], "no paths given"),
}


@pytest.mark.parametrize("make_paths, message", ERROR_CASES.values(), ids=ERROR_CASES.keys())
def test_load_errors(tmp_path: Path, make_paths: Callable[[Path], list[Path]], message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_documents(make_paths(tmp_path))


def test_load_default_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    bundled = default_paths()
    assert len(bundled) == 1
    assert sorted(path.name for path in bundled[0].glob("*.txt")) == sorted(
        path.name for path in SEEDS.glob("*.txt")
    )
    (tmp_path / "seeds").mkdir()
    assert default_paths() == [Path("seeds")]


# --- titles and dates --------------------------------------------------------------------------

SEED_CASES = {
    "000": ("Denmark–Kosovo relations", None),
    "001": ("Kosovan parliament rejects Danish prisoner exchange agreement", None),
    "002": ("Denmark tackles prison overcrowding by sending the prisoners to Kosovo", None),
    "003": ("DENMARK'S LEFT-WING GOVERNMENT TO RENT PRISON CELLS FROM KOSOVO TO EASE CROWDING", "2021-12-28"),
    "004": ("Albania–Denmark relations", None),
}


@pytest.mark.parametrize(
    "prefix, title, published", [(k, *v) for k, v in SEED_CASES.items()], ids=SEED_CASES.keys()
)
def test_load_seed_title_and_date(prefix: str, title: str, published: str | None) -> None:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    doc = load_document(path, doc_id="d0")
    assert doc is not None
    assert (doc.title, doc.published) == (title, published)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name[:3])
def test_load_seed_text_is_file_text(path: Path) -> None:
    doc = load_document(path, doc_id="d0")
    assert doc is not None
    with open(path, encoding="utf-8") as f:
        assert doc.text == f.read()
    assert (doc.format, doc.text_source, doc.encoding) == ("text", "file", "utf-8")


TITLE_CASES = {
    "wiki": ("= Denmark–Kosovo relations =\n\ntext", "Denmark–Kosovo relations"),
    "markdown-bold": (" \n\n\n# **LOUD TITLE**\n\nPosted", "LOUD TITLE"),
    "markdown-closing-hashes": ("## Title ##\n", "Title"),
    "markdown-underscore": ("# _Quiet_\n", "Quiet"),
    "first-line": ("\n\n  First line here  \nsecond", "First line here"),
    "long": ("word " * 100, ("word " * 40).strip() + "…"),
}


@pytest.mark.parametrize("text, title", TITLE_CASES.values(), ids=TITLE_CASES.keys())
def test_load_title(text: str, title: str) -> None:
    assert find_title(text) == title


DATE_CASES = {
    "posted-on": ("Posted on December 28, 2021", "2021-12-28"),
    "published": ("Published 8 December 2023", "2023-12-08"),
    "published-colon": ("Published: 8th Dec. 2023, 10:00 GMT", "2023-12-08"),
    "first-published": ("First published on Fri 1 Mar 2024 12.01 GMT", "2024-03-01"),
    "updated-only": ("Updated: 9 December 2023", "2023-12-09"),
    "published-beats-updated": ("Updated 10 December 2023\nPublished 8 December 2023", "2023-12-08"),
    "metadata-line": ("https://www.itv.com/news/2023-12-08/x | ITV News | 2023-12-08", "2023-12-08"),
    "metadata-line-words": ("https://a.org/x | Pub | 15 November 2023", "2023-11-15"),
    "metadata-undated": ("https://en.wikipedia.org/wiki/X | Wikipedia | undated", None),
    "metadata-url-day": (
        "https://amp.example.com/news/west/2023/08/15/735502.htm | Journal | not stated",
        "2023-08-15",
    ),
    "metadata-url-month": ("https://boorsee.com/2023/08/maui-missing-people.html | boorsee.com |", "2023-08"),
    "metadata-url-dashes": ("https://x.org/2017-08-03-neymar-deal | X | not stated", "2017-08-03"),
    "metadata-url-impossible": ("https://x.org/2023/02/30/story | X | not stated", None),
    "metadata-stated-beats-url": ("https://x.org/2023/08/15/story | X | 2023-08-16", "2023-08-16"),
    "date-alone": ("December 28, 2021", "2021-12-28"),
    "date-alone-weekday-time": ("Wednesday 15 November 2023 10:26 GMT", "2023-11-15"),
    "date-alone-emphasis": ("*28 December 2021*", "2021-12-28"),
    "iso-alone": ("2023-12-08", "2023-12-08"),
    "month-only": ("November 2023", "2023-11"),
    "byline": ("By Jane Doe, 8 December 2023", "2023-12-08"),
    "byline-dash": ("By Lucy Skoulding - December 8, 2023", "2023-12-08"),
    "byline-no-date": ("By Jenny Medlicott", None),
    "sentence-starting-by": ("By November 2010, Denmark maintained a 152-member unit.", None),
    "body-date": ("Kosovo declared its independence from Serbia on 17 February 2008 and more.", None),
    "invalid-date": ("Published 31 February 2023", None),
}


@pytest.mark.parametrize("line, published", DATE_CASES.values(), ids=DATE_CASES.keys())
def test_load_published(line: str, published: str | None) -> None:
    assert find_published(f"Headline\n{line}\n\nThe body says 3 March 2020 in a sentence.\n") == published


METADATA_CASES = {
    "source-line": ("https://www.itv.com/news/2023-12-08/x | ITV News | 2023-12-08", True),
    "source-line-undated": ("https://en.wikipedia.org/wiki/X | Wikipedia | undated", True),
    "posted-on": ("Posted on December 28, 2021", True),
    "dateline": ("Wednesday 15 November 2023 10:26 GMT", True),
    "byline-dated": ("By Lucy Skoulding - December 8, 2023", True),
    "byline-no-date": ("By Jenny Medlicott", False),
    "sentence-starting-by": ("By November 2010, Denmark maintained a 152-member unit.", False),
    "body-date": ("Kosovo declared its independence from Serbia on 17 February 2008 and more.", False),
    "pipes-in-prose": ("Results | 2023 | 300 cells leased", False),
    "keyword-paragraph": ("Released in March 2023, the report found that 300 inmates were held.", False),
    "keyword-paragraph-date-first": ("Updated figures from 8 December 2023 show 300 inmates.", False),
}


@pytest.mark.parametrize("line, is_metadata", METADATA_CASES.values(), ids=METADATA_CASES.keys())
def test_load_metadata_lines(line: str, is_metadata: bool) -> None:
    text = f"Headline\n{line}\n\nThe body says 3 March 2020 in a sentence.\n"
    start = text.index(line)
    assert find_metadata(text) == (((start, start + len(line)),) if is_metadata else ())


DATELINE_CASES = {
    "place-month-day": (
        "New Delhi, March 16 Announcing the schedule, the commission said.",
        "New Delhi, March 16",
    ),
    "agency": ("WASHINGTON, June 5 (Reuters) - The Fed held rates.", "WASHINGTON, June 5 (Reuters)"),
    "region-and-dash": ("LAHAINA, Hawaii, Aug. 14 (AP) — The fire burned.", "LAHAINA, Hawaii, Aug. 14 (AP)"),
    "day-month-year": ("Paris, 16 March, 2024: Le gouvernement a dit.", "Paris, 16 March, 2024"),
    "sentence-with-weekday": ("By Monday, March 16 the count was 5.", None),
    "no-place": ("In March 16 people died.", None),
    "month-only": ("Kyiv, March 2022 Troops arrived.", None),
}


@pytest.mark.parametrize("line, span", DATELINE_CASES.values(), ids=DATELINE_CASES.keys())
def test_load_metadata_wire_dateline(line: str, span: str | None) -> None:
    """A wire dateline opening the first paragraph is the day of filing: its date is metadata, the rest
    of the line is the story."""
    text = f"Headline\n\n{line}\n"
    start = text.index(line)
    assert find_metadata(text) == (((start, start + len(span)),) if span else ())


@pytest.mark.parametrize("unit", ["A" * 30 + " ", "New Delhi, ", "A, March ", "A, 1 ("], ids=str)
def test_load_dateline_adversarial_line_is_no_dateline(unit: str) -> None:
    """Long runs of a dateline's parts: no match, and (the patterns being bounded) no long search."""
    assert find_metadata("Headline\n\n" + unit * 100_000) == ()


@pytest.mark.parametrize(
    "line",
    ["https://a.org/" + "x" * 500_000, "Posted on " + "1 " * 250_000, "| " * 250_000, "By A, " * 100_000],
    ids=["long-url", "long-keyword-line", "pipes", "bylines"],
)
def test_load_metadata_reads_only_the_head_of_a_huge_line(line: str) -> None:
    """The header patterns see at most ``HEAD_CHARS`` of the text, so a huge adversarial first line
    costs no more than a short one; none of these lines is only a date, so none is metadata."""
    assert find_metadata(f"{line}\n\nThe body.\n") == ()
    assert find_published(f"{line}\n\nThe body.\n") is None


def test_load_metadata_only_near_top() -> None:
    text = "Headline\n\n" + "A paragraph.\n\n" * 20 + "Posted on December 28, 2021\n"
    assert find_metadata(text) == ()


def test_load_published_only_near_top() -> None:
    text = "Headline\n\n" + "A paragraph.\n\n" * 20 + "Posted on December 28, 2021\n"
    assert find_published(text) is None


# --- size --------------------------------------------------------------------------------------


@pytest.mark.slow
def test_load_large_file(tmp_path: Path) -> None:
    paragraph = (
        "Kosovo will receive 210 million euros over ten years for 300 prison cells. " * 10 + "\n\n"
    ).encode()
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.write(b"Big file\nPublished 8 December 2023\n\n")
        f.write(paragraph * (100 * 1024 * 1024 // len(paragraph) + 1))
    size = path.stat().st_size
    assert size > 100 * 1024 * 1024

    doc, warnings = load_one(path)
    assert doc is not None
    assert (len(doc.text), doc.title, doc.published, warnings) == (size, "Big file", "2023-12-08", [])
    del doc

    doc, warnings = load_one(path, max_bytes=10 * 1024 * 1024)
    assert doc is None
    assert len(warnings) == 1
    assert "too large" in warnings[0]


# The longest date lines _DATE_LINE takes, each month spelled out: a weekday, the day with its ordinal,
# "of", a dotted month, the year, "at", a time with seconds, "p.m." and an offset.
LONGEST_DATE_LINES = [
    f"Wednesday., 28th of {month.title()}. 2023, at 10:26:00 p.m. +05:30" for month in MONTHS
]


@pytest.mark.parametrize("line", LONGEST_DATE_LINES, ids=[line.split()[3] for line in LONGEST_DATE_LINES])
def test_load_date_line_max_leaves_room_for_the_longest_date_line(line: str) -> None:
    """``_date_only`` gives up on a line of more than DATE_LINE_MAX characters (spaces and commas aside)
    without trying the pattern: the longest line it reads as a date is well within that."""
    assert _date_only(line) is not None
    assert len("".join(line.split()).replace(",", "")) <= DATE_LINE_MAX - 10
