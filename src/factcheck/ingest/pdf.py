"""PDF -> text with page starts, and each claim's page.

Read with pypdfium2 (Google's PDFium, the engine of Chromium's viewer): on an 88-page report it gave
the same text as pdfminer.six, 25 to 45 times faster (README, "Measured"). Pages are joined by a blank
line; ``PdfText.pages`` holds the offset where each page starts, so a claim's offset gives its page.

Only ``load.py`` calls ``read_pdf``; the pipeline calls ``with_pages`` on each document's claims.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from factcheck.models import Claim, Document

if TYPE_CHECKING:  # PDFium is loaded when a PDF is read: its library is 10 MB of every process
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

__all__ = ["PDF_MAGIC", "PdfError", "PdfText", "page_of", "read_pdf", "with_pages"]

PDF_MAGIC = b"%PDF-"  # the first bytes of every PDF; readers allow up to 1 KB of junk before it
PAGE_BREAK = "\n\n"
# PDFium marks a hyphen at a line end, where it joined the two halves of a word, as U+FFFE (U+0002 in
# its bounded text); the source printed a hyphen there, so a hyphen it is ("Gammeltoft-Hansen").
_SOFT_HYPHENS = str.maketrans({"\ufffe": "-", "\x02": "-", "\x00": None})
_LINE_ENDS = re.compile(r"\r\n?")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


class PdfError(Exception):
    """A file PDFium cannot open: damaged, truncated, or locked with a password."""


class PdfText(NamedTuple):
    text: str
    title: str
    pages: tuple[int, ...]  # offset in ``text`` where page 1, 2, ... starts


def read_pdf(data: bytes) -> PdfText:
    """The text of every page, in order, with the offsets where pages start and the title the file's
    metadata gives (empty when it gives none). Raises ``PdfError`` for a file PDFium cannot open."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise PdfError(_reason(e)) from e
    try:
        texts = [_page_text(pdf, index) for index in range(len(pdf))]
        title = str(pdf.get_metadata_dict().get("Title") or "").strip()
    except pdfium.PdfiumError as e:
        raise PdfError(_reason(e)) from e
    finally:
        pdf.close()
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + len(PAGE_BREAK)
    return PdfText(PAGE_BREAK.join(texts), title, tuple(starts))


def _page_text(pdf: pdfium.PdfDocument, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            raw = textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()
    text = _LINE_ENDS.sub("\n", raw).translate(_SOFT_HYPHENS)
    return _TRAILING_SPACE.sub("\n", text).strip()


def _reason(error: Exception) -> str:
    """PDFium's message without its prefix: "Failed to load document (PDFium: Data format error)." ->
    "data format error"."""
    text = str(error)
    match = re.search(r"PDFium: ([^)]+)", text)
    return (match.group(1) if match else text).strip().rstrip(".").lower() or "unreadable"


def page_of(doc: Document, offset: int) -> int | None:
    """The 1-based page of ``offset`` in a PDF document, ``None`` for any other document.

    >>> doc = Document(id="d0", path="a.pdf", title="", text="one\\n\\ntwo", format="pdf", pages=(0, 5))
    >>> page_of(doc, 0), page_of(doc, 6), page_of(Document(id="d1", path="a.txt", title="", text="x"), 0)
    (1, 2, None)
    """
    if not doc.pages:
        return None
    return bisect.bisect_right(doc.pages, offset)


def with_pages(doc: Document, claims: Iterable[Claim]) -> Iterator[Claim]:
    """``claims`` of ``doc``, each with its ``page`` when ``doc`` is a PDF."""
    if not doc.pages:
        yield from claims
        return
    for claim in claims:
        yield claim.model_copy(update={"page": page_of(doc, claim.start)})
