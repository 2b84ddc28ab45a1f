"""A small PDF writer for tests: pages of text lines in Helvetica, no dependency.

Real PDFs come from word processors and typesetters; this one is the simplest file a reader must
handle (one content stream a page, WinAnsi text), so the tests can make their own instead of
shipping binaries.
"""

from __future__ import annotations

from collections.abc import Sequence

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
LINE_HEIGHT = 14


def _literal(line: str) -> bytes:
    """A PDF string literal of ``line`` in WinAnsi (cp1252), with ``( ) \\`` escaped."""
    data = line.encode("cp1252")
    for char in (b"\\", b"(", b")"):
        data = data.replace(char, b"\\" + char)
    return b"(" + data + b")"


def _content(lines: Sequence[str]) -> bytes:
    ops = [b"BT", b"/F1 11 Tf", f"{LINE_HEIGHT} TL".encode(), f"56 {PAGE_HEIGHT - 72} Td".encode()]
    for line in lines:
        ops.append(_literal(line) + b" Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def make_pdf(pages: Sequence[Sequence[str]], *, title: str | None = None) -> bytes:
    """A PDF with one page per item of ``pages``, each a list of lines set top to bottom."""
    objects: list[bytes] = []  # object n is objects[n - 1]
    page_ids = [5 + 2 * k for k in range(len(pages))]
    info = b"<< /Title " + _literal(title) + b" >>" if title else b"<< >>"
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(f"{n} 0 R".encode() for n in page_ids)
    objects.append(b"<< /Type /Pages /Kids [" + kids + f"] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(info)
    for n, lines in zip(page_ids, pages, strict=True):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {n + 1} 0 R >>".encode()
        )
        stream = _content(lines)
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
