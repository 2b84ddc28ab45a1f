"""Paths -> Document: find the source files, decode them, and read a title and a date.

Only this module (with ``export`` and ``cli``) touches files. It never prints: anything a
user should hear about (a skipped file, a guessed encoding) goes to ``on_warning``, a
callable the CLI points at stderr. With ``on_warning=None`` such files are skipped silently.

What ``Document.text`` is, and so what every offset indexes:

- Text and Markdown files: exactly what ``open(path, encoding=enc).read()`` returns, that is the
  decoded file with Python's universal newlines (``\\r\\n`` and lone ``\\r`` become ``\\n``) and
  nothing else changed. An external scorer that reads the file that way agrees with our offsets.
  A UTF-8 byte-order mark is dropped (``encoding="utf-8-sig"``, as ``open`` with that codec does).
- Files that are not UTF-8 are decoded with the encoding charset-normalizer finds (cp1252 when it
  fits the bytes as well as any other), and a warning names it. Offsets index the decoded text.
- HTML files: the article's text as trafilatura finds it (``ingest/html.py``), without menus, boxes
  and footers, one block per paragraph separated by blank lines (``text_source="extracted"``); a page
  where it finds none is read by our own tag filter, every block of ``<body>``. Offsets index that
  text, not the file. The publication date comes from htmldate, then the page's own markup.
- PDF files (by suffix in a folder; by their first bytes when named, or on stdin): the text of each
  page as PDFium reads it (``ingest/pdf.py``), pages separated by a blank line, with the offset where
  each page starts in ``Document.pages``. A PDF named on the command line that cannot be read stops
  the run; one found in a folder is skipped with a warning.
- ``-`` reads one document from standard input: PDF, HTML (when it starts with a tag) or text.

Files are read whole, one at a time, so memory is bounded by the largest file (a few times its
size while decoding); files above ``max_bytes`` are skipped with a warning.
"""

from __future__ import annotations

import codecs
import html as html_lib
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Literal, NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from factcheck.errors import InputError
from factcheck.ingest.html import published_date, read_article
from factcheck.ingest.pdf import PDF_MAGIC, PdfError, read_pdf
from factcheck.lexicon import MONTHS
from factcheck.models import Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "STDIN",
    "SUPPORTED_SUFFIXES",
    "default_paths",
    "find_metadata",
    "find_sources",
    "html_depth",
    "iter_documents",
    "load_document",
    "load_documents",
    "shown_path",
]

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
Format = Literal["text", "markdown", "html", "pdf"]
SUPPORTED_SUFFIXES: dict[str, Format] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
STDIN = Path("-")  # a path of "-" reads standard input (name a file called "-" as "$PWD/-")
STDIN_NAME = "<stdin>"  # how standard input is named in every output
TITLE_MAX_CHARS = 200
HEAD_LINES = 15  # a publication date is looked for in this many non-empty lines ...
HEAD_CHARS = 2000  # ... within this many characters from the top
BINARY_SNIFF_BYTES = 8192

Warn = Callable[[str], None]


def _ignore(message: str) -> None:
    """The default ``on_warning``: the library never prints."""


# ---------------------------------------------------------------------------------------------
# Finding files


def default_paths() -> list[Path]:
    """``./seeds`` if it is a folder, else the sample corpus bundled inside the package."""
    seeds = Path("seeds")
    if seeds.is_dir():
        return [seeds]
    return [Path(str(files("factcheck") / "data" / "sample"))]


def find_sources(paths: Sequence[str | Path], *, on_warning: Warn | None = None) -> list[Path]:
    """The files to read, sorted by path (as text, with forward slashes), without duplicates.

    Folders are read recursively for ``.txt .md .markdown .html .htm .pdf`` files (any case), skipping
    hidden files and folders (a leading dot) and not following symlinked folders. A file named
    explicitly is kept whatever its extension: the user means it. A subfolder that cannot be listed is
    skipped with a warning, as an unreadable file is.
    """
    warn = on_warning or _ignore
    found: dict[str, Path] = {}
    for given in paths:
        if str(given) == "-":
            found.setdefault("-", STDIN)
            continue
        path = Path(given)
        name = shown_path(path)
        try:
            is_dir, is_file, exists = path.is_dir(), path.is_file(), path.exists()
        except (OSError, ValueError) as e:  # a name too long for a path, a NUL byte
            raise InputError(f"{_cut(name)}: not a usable path ({getattr(e, 'strerror', None) or e})") from e
        if is_dir:
            in_folder = list(_walk_folder(path, warn))
            if not in_folder:
                raise InputError(f"{name}: no .txt, .md, .html or .pdf documents found")
            for file in in_folder:
                found.setdefault(file.as_posix(), file)
        elif is_file:
            found.setdefault(path.as_posix(), path)
        elif exists:
            raise InputError(f"{name}: not a file or folder")
        else:
            raise InputError(f"{name}: no such file or directory")
    return [found[key] for key in sorted(found)]


def shown_path(path: str | Path) -> str:
    r"""A path as text that any output can hold: forward slashes, and the bytes of a name that are not
    UTF-8 (which Python keeps as lone surrogates) written as ``\xff``.

    >>> shown_path(os.fsdecode(b"bad\xff\xfename.txt"))
    'bad\\xff\\xfename.txt'
    """
    text = Path(path).as_posix()
    return os.fsencode(text).decode("utf-8", "backslashreplace") if _has_surrogate(text) else text


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


def _walk_folder(folder: Path, warn: Warn) -> Iterator[Path]:
    """The supported files under ``folder``, without recursion (a tree may be thousands deep)."""
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = list(entries)
        except OSError as e:
            warn(f"{shown_path(current)}: folder skipped, {e.strerror or e}")
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                    continue
                is_dir = entry.is_dir()  # a symlinked folder: not followed, as os.walk does not
            except OSError:
                is_dir = False
            if not is_dir and Path(entry.name).suffix.lower() in SUPPORTED_SUFFIXES:
                yield Path(entry.path)


# ---------------------------------------------------------------------------------------------
# Loading


def load_documents(
    paths: Sequence[str | Path],
    *,
    found: Sequence[Path] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_warning: Warn | None = None,
) -> list[Document]:
    """Every readable document under ``paths``, with ids ``d0, d1, ...`` in sorted path order.

    ``found`` is ``find_sources(paths)`` when the caller has it already (to size a progress bar), so
    the folders are walked once. Files that cannot be used are skipped with a warning and take no id.
    Raises ``InputError`` for a missing path, a folder without documents, or when nothing at all could
    be read.
    """
    return list(iter_documents(paths, found=found, max_bytes=max_bytes, on_warning=on_warning))


def iter_documents(
    paths: Sequence[str | Path],
    *,
    found: Sequence[Path] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_warning: Warn | None = None,
) -> Iterator[Document]:
    """``load_documents`` one document at a time, for a caller that streams: the ``InputError`` for
    a corpus where nothing could be read comes at the end."""
    if not paths:
        raise InputError("no paths given")
    count = 0
    named = {Path(p).as_posix() for p in paths}  # as find_sources keys them
    for path in found if found is not None else find_sources(paths, on_warning=on_warning):
        doc = load_document(
            path,
            doc_id=f"d{count}",
            max_bytes=max_bytes,
            on_warning=on_warning,
            named=path.as_posix() in named,
        )
        if doc is not None:
            count += 1
            yield doc
    if not count:
        raise InputError(f"no readable documents in {', '.join(shown_path(p) for p in paths)}")


def load_document(
    path: Path,
    *,
    doc_id: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_warning: Warn | None = None,
    named: bool = False,
) -> Document | None:
    """Read one file (``STDIN``: standard input); ``None`` when it is skipped (too large, binary,
    empty), with a warning. A PDF that cannot be read is skipped too, unless the user ``named`` it:
    then it raises ``InputError``."""
    warn = on_warning or _ignore
    name = STDIN_NAME if path == STDIN else shown_path(path)
    try:
        data = _read_stdin(max_bytes=max_bytes) if path == STDIN else _read_regular(path, max_bytes=max_bytes)
    except _Skip as e:
        warn(f"{name}: skipped, {e}")
        return None
    fmt = _format_of(path, data, named=named)
    if fmt == "pdf":
        return _load_pdf(data, doc_id=doc_id, name=name, warn=warn, named=named)
    decoded = _decode(data, html=fmt == "html")
    del data
    if decoded is None:
        warn(f"{name}: skipped, binary or not text")
        return None
    text, encoding = decoded
    if encoding not in ("utf-8", "utf-8-sig"):
        warn(f"{name}: not UTF-8, read as {encoding}")
    if fmt == "html":
        page = _read_html(text)
        if page.stripped:
            warn(f"{name}: HTML nested deeper than {MAX_HTML_DEPTH} elements, read with its tags stripped")
        text, title, published = page.text, page.title, page.published
    else:
        title, published = "", None
    if not text or text.isspace():
        warn(f"{name}: skipped, empty")
        return None
    return Document(
        id=doc_id,
        path=name,
        title=title or find_title(text) or _stem(name),
        published=published or find_published(text),
        metadata=find_metadata(text),
        text=text,
        format=fmt,
        text_source="extracted" if fmt == "html" else "file",
        encoding=encoding,
    )


def _stem(name: str) -> str:
    return "stdin" if name == STDIN_NAME else Path(name).stem


_HTML_START = re.compile(rb"\s*<(?:!doctype\s+html|html|head|body|!--|meta|title|div|p)\b", re.IGNORECASE)


def _format_of(path: Path, data: bytes, *, named: bool) -> Format:
    """The suffix's format; a file the user named, or stdin, is a PDF if its bytes say so whatever its
    name ("report" with no suffix, a ".txt" that is not), and stdin is HTML if it starts with a tag."""
    if (named or path == STDIN) and PDF_MAGIC in data[:1024]:
        return "pdf"
    if path == STDIN:
        return "html" if _HTML_START.match(data[:1024].lstrip(codecs.BOM_UTF8)) else "text"
    return SUPPORTED_SUFFIXES.get(path.suffix.lower(), "text")


def _load_pdf(data: bytes, *, doc_id: str, name: str, warn: Warn, named: bool) -> Document | None:
    try:
        pdf = read_pdf(data)
    except PdfError as e:
        if named:
            raise InputError(f"{name}: not a readable PDF ({e})") from None
        warn(f"{name}: skipped, not a readable PDF ({e})")
        return None
    if not pdf.text.strip():
        warn(f"{name}: skipped, no text in the PDF (a scan without a text layer?)")
        return None
    return Document(
        id=doc_id,
        path=name,
        title=_cut(pdf.title) or find_title(pdf.text) or _stem(name),
        published=find_published(pdf.text),
        metadata=find_metadata(pdf.text),
        text=pdf.text,
        format="pdf",
        text_source="extracted",
        encoding="pdf",
        pages=pdf.pages,
    )


def _read_stdin(*, max_bytes: int) -> bytes:
    """Standard input, whole, up to ``max_bytes``."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise _Skip("no standard input")
    try:
        data: bytes = stream.read(max_bytes + 1)
    except OSError as e:
        raise _Skip(e.strerror or str(e)) from e
    if len(data) > max_bytes:
        raise _Skip(f"too large (over {max_bytes:,} bytes)")
    return data


class _Skip(Exception):
    """Why a file is skipped: the end of a warning."""


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"))


def _read_regular(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of a regular file. Anything else (a FIFO, a device, a socket) is refused before a byte
    is read: a FIFO would wait for a writer forever, ``/dev/zero`` never ends. ``O_NONBLOCK`` makes the
    open itself return at once for a FIFO; the type is checked on the open file, so it cannot change
    between the check and the read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        raise _Skip(e.strerror or str(e)) from e
    with os.fdopen(fd, "rb") as f:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                kind = next((k for test, k in _KINDS if test(info.st_mode)), "a device")
                raise _Skip(f"not a regular file ({kind})")
            if info.st_size > max_bytes:
                raise _Skip(f"too large ({info.st_size:,} bytes, limit {max_bytes:,})")
            # read(n) sets aside n bytes first: ask for the size the file has, not for the limit
            data = f.read(info.st_size + 1)
            if len(data) > info.st_size:  # it grew since fstat
                data += f.read(max_bytes + 1 - len(data))
        except OSError as e:
            raise _Skip(e.strerror or str(e)) from e
    if len(data) > max_bytes:  # grew since fstat
        raise _Skip(f"too large (over {max_bytes:,} bytes)")
    return data


# ---------------------------------------------------------------------------------------------
# Decoding

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode(data: bytes, *, html: bool = False) -> tuple[str, str] | None:
    """``(text, encoding)`` as text mode would read it, or ``None`` for binary data."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None:
        if b"\0" in data[:BINARY_SNIFF_BYTES]:
            return None
        try:
            return _universal_newlines(data.decode("utf-8")), "utf-8"
        except UnicodeDecodeError:
            encoding = (_declared_charset(data) if html else None) or _guess_encoding(data)
        if encoding is None:
            return None
    try:
        return _universal_newlines(data.decode(encoding)), encoding
    except (UnicodeDecodeError, LookupError):
        return None


def _universal_newlines(text: str) -> str:
    r"""What Python's text mode does to line ends, and nothing else.

    >>> _universal_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    if "\r" in text:
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
        data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None
    return name


def _guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's guess, but cp1252 whenever it fits as well (or the text is too short to tell).

    Short Western European texts are ambiguous between many code pages; for news text cp1252
    (a superset of Latin-1's printable characters) is by far the likeliest.
    """
    import charset_normalizer  # only for a file that is not UTF-8

    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    close = [m for m in matches if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.05]
    candidates = {enc for m in close for enc in m.could_be_from_charset}
    if "cp1252" in candidates or (best.coherence == 0 and _decodes(data, "cp1252")):
        return "cp1252"
    return str(best.encoding)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


# ---------------------------------------------------------------------------------------------
# HTML

_DROP_TAGS = frozenset(
    # not readable article text: code, media, and page furniture (navigation, footers, sidebars)
    "script style noscript template svg math iframe object embed canvas button select textarea "
    "nav footer aside head -comment".split()
)
_BLOCK_TAGS = frozenset(
    "address article blockquote body caption dd details dialog div dl dt fieldset figcaption figure "
    "form h1 h2 h3 h4 h5 h6 header hr html legend li main ol p pre section summary table tbody "
    "tfoot thead tr ul".split()
)
_CELL_TAGS = frozenset({"td", "th"})
_PUBLISHED_SELECTORS = (
    ('meta[property="article:published_time"]', "content"),
    ('meta[name="date"]', "content"),
    ('meta[itemprop="datePublished"]', "content"),
    ('[itemprop="datePublished"]', "datetime"),
    ('meta[name="pubdate"]', "content"),
    ('meta[name="publish-date"]', "content"),
    ('meta[name="dc.date"]', "content"),
    ('meta[name="DC.date.issued"]', "content"),
    ("article time[datetime]", "datetime"),
)
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_BREAK = "\x00"  # marks a block boundary while extracting; never in decoded text (NUL = binary)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


class _Page(NamedTuple):
    text: str
    title: str
    published: str | None
    stripped: bool = False  # too deep for the parser: read by stripping tags


def _read_html(html: str) -> _Page:
    """The article as trafilatura finds it, else every block of the body; the date htmldate finds,
    else the one the page's metadata states."""
    if html_depth(html, limit=MAX_HTML_DEPTH) > MAX_HTML_DEPTH:
        return _stripped_html(html)
    tree = LexborHTMLParser(html)
    title = _node_text(tree.css_first("title")) or _node_text(tree.css_first("h1"))
    article = read_article(html)
    published = (article.published if article else published_date(html)) or _html_published(tree)
    root = tree.body or tree.root
    text = _extract_text(root) if root is not None else ""
    if article is None:
        return _Page(text, _cut(title), published)
    # a byline the article leaves out ("Posted on 15 March 2025 by ...") still dates it
    return _Page(article.text, _cut(article.title or title), published or find_published(text))


def _node_text(node: LexborNode | None) -> str:
    return "" if node is None else _HTML_SPACE.sub(" ", node.text()).strip()


def _html_published(tree: LexborHTMLParser) -> str | None:
    for selector, attribute in _PUBLISHED_SELECTORS:
        node = tree.css_first(selector)
        value = node.attributes.get(attribute) if node is not None else None
        if value and (found := parse_date(value)):
            return found
    for script in tree.css('script[type="application/ld+json"]'):
        match = _JSON_LD_DATE.search(script.text())
        if match and (found := parse_date(match.group(1))):
            return found
    return None


def _extract_text(root: LexborNode) -> str:
    """The readable text under ``root``: blocks separated by blank lines, ``<br>`` by a newline.

    Runs of spaces collapse within a line (inside ``<pre>`` line breaks are kept); entities are
    already decoded by the parser.
    """
    pieces: list[str] = []
    stack: list[tuple[LexborNode, bool, bool]] = [(root, False, False)]  # node, leaving, inside <pre>
    while stack:
        node, leaving, in_pre = stack.pop()
        tag = node.tag or ""
        if leaving:
            pieces.append(_BREAK if tag in _BLOCK_TAGS else " ")
            continue
        if tag == "-text":
            raw = node.text_content or ""
            pieces.append(raw if in_pre else _HTML_SPACE.sub(" ", raw))
            continue
        if tag in _DROP_TAGS:
            continue
        if tag == "br":
            pieces.append("\n")
            continue
        if tag in _BLOCK_TAGS or tag in _CELL_TAGS:
            pieces.append(_BREAK if tag in _BLOCK_TAGS else " ")
            stack.append((node, True, in_pre))
        children = list(node.iter(include_text=True))
        stack.extend((child, False, in_pre or tag == "pre") for child in reversed(children))
    blocks = (_clean_block(block) for block in "".join(pieces).split(_BREAK))
    return "\n\n".join(block for block in blocks if block)


def _clean_block(block: str) -> str:
    lines = (_HTML_SPACE.sub(" ", line).strip() for line in block.split("\n"))
    return "\n".join(line for line in lines if line)


# Browsers stop nesting at 512 elements (WebKit, Blink); the parser's time grows with the square of
# the depth (80,000 nested lists took over a minute), and no article is nested more than a few dozen.
MAX_HTML_DEPTH = 512
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})(?:\s[^<>]*)?(/?)>")
_VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
# Tags whose end tag may be left out: a second <p> or <li> closes the first rather than nesting in it.
_SELF_CLOSING_SIBLINGS = frozenset("p li dt dd tr td th option thead tbody tfoot".split())


def html_depth(html: str, *, limit: int) -> int:
    """How deep the elements of ``html`` nest, roughly as a parser would nest them, stopping as soon as
    ``limit`` is passed; linear in the length.

    >>> html_depth("<div><p>a<p>b</div><ul><li>x<li>y</ul>", limit=100)
    2
    >>> html_depth("<ul><li>" * 1000, limit=100)
    101
    """
    stack: list[str] = []
    open_counts: dict[str, int] = {}
    deepest = 0
    for match in _TAG.finditer(html):
        closing, tag, self_closed = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            if open_counts.get(tag):
                while stack:  # pop up to the matching open tag; each tag is popped once at most
                    top = stack.pop()
                    open_counts[top] -= 1
                    if top == tag:
                        break
            continue
        if tag in _VOID_TAGS or self_closed:
            continue
        if tag in _SELF_CLOSING_SIBLINGS:
            _close_sibling(stack, open_counts, tag)
        stack.append(tag)
        open_counts[tag] = open_counts.get(tag, 0) + 1
        deepest = max(deepest, len(stack))
        if deepest > limit:
            break
    return deepest


def _close_sibling(stack: list[str], open_counts: dict[str, int], tag: str) -> None:
    """A <td> closes the open <td>, a <tr> the open <tr> and its cells: pop back to an open ``tag``
    when only such elements stand above it (a <li> inside a nested <ul> nests)."""
    for k in range(1, min(len(stack), 3) + 1):
        if stack[-k] == tag:
            for _ in range(k):
                open_counts[stack.pop()] -= 1
            return
        if stack[-k] not in _SELF_CLOSING_SIBLINGS:
            return


_DROPPED_BLOCK = re.compile(r"<(script|style|noscript|template|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(sorted(_BLOCK_TAGS)) + r"|br)\b[^<>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]*>")


def _stripped_html(html: str) -> _Page:
    """The text of a page too deep to parse: tags removed, block tags as paragraph breaks."""
    text = _ANY_TAG.sub(" ", _BLOCK_TAG.sub(_BREAK, _DROPPED_BLOCK.sub(" ", html)))
    blocks = (_clean_block(html_lib.unescape(block)) for block in text.split(_BREAK))
    return _Page("\n\n".join(block for block in blocks if block), "", None, stripped=True)


# ---------------------------------------------------------------------------------------------
# Title and date

_WIKI_HEADING = re.compile(r"^(=+)\s*(?P<title>.+?)\s*\1\s*$")  # = Title =
_MD_HEADING = re.compile(r"^\#{1,6}\s+(?P<title>.+?)(?:\s+\#+)?\s*$")  # # Title  (or # Title #)
_EMPHASIS = re.compile(r"^(?P<mark>\*{1,3}|_{1,3})(?P<inner>.+?)(?P=mark)$")  # **x**, *x*, __x__, _x_
_FIRST_LINE = re.compile(r"\S[^\n]{0,1000}")


def find_title(text: str) -> str:
    """The first non-empty line, without wiki ``=`` or Markdown ``#`` heading marks and emphasis.

    >>> find_title("= Denmark–Kosovo relations =\\n\\nDenmark ...")
    'Denmark–Kosovo relations'
    >>> find_title(" \\n\\n# **RENT PRISON CELLS**\\n")
    'RENT PRISON CELLS'
    >>> find_title("Plain first line\\nsecond")
    'Plain first line'
    """
    match = _FIRST_LINE.search(text)
    if match is None:
        return ""
    line = match.group().strip()
    heading = _WIKI_HEADING.match(line) or _MD_HEADING.match(line)
    if heading:
        line = heading.group("title")
    while emphasis := _EMPHASIS.match(line):
        line = emphasis.group("inner").strip()
    return _cut(line)


def _cut(title: str) -> str:
    if len(title) <= TITLE_MAX_CHARS:
        return title
    cut = title[:TITLE_MAX_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATE = re.compile(
    rf"""
    (?<![\w-])
    (?:
        (?P<iso_y>\d{{4}})[-/](?P<iso_m>\d{{1,2}})[-/](?P<iso_d>\d{{1,2}})(?!\d)  # 2023-12-08, 2023/12/08, 2023-12-08T10:00
      | (?:
            (?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_m>{_MONTH}),?\s+(?P<dmy_y>\d{{4}})  # 8 December 2023, 8th Dec. 2023
          | (?P<mdy_m>{_MONTH})\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<mdy_y>\d{{4}})  # December 28, 2021
          | (?P<my_m>{_MONTH}),?\s+(?P<my_y>\d{{4}})  # December 2021 (month only)
        )
        (?!\w)  # "2021" not the start of "20210"
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?"
_DATE_LINE = re.compile(  # a line that is only a date: "Wednesday 15 November 2023 10:26 GMT"
    rf"""
    (?:{_WEEKDAY}\s+)?         # optional weekday
    (?P<date>[^|]+?)           # the date itself, checked with _DATE
    (?:,?\s+(?:at\s+)?{_TIME})?  # optional time and zone
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Characters besides white space and commas of the longest line _DATE_LINE takes: a weekday
# ("Wednesday."), a date ("28th of September. 2023"), "at" and a time with its zone ("10:26:00 p.m.
# +05:30") take 51.
DATE_LINE_MAX = 64
_KEYWORD_LINE = re.compile(  # "Posted on ...", "Published: ...", "Updated ..."
    r"""
    (?P<keyword>(?:first\s+)?published|posted|date[d]?|filed|released|(?:last\s+)?updated|modified
      |(?:press|news|media)\s+release)  # "Press release, 14 March 2025"
    \b[\s:,]*(?:on\b)?(?P<rest>.*)
    """,
    re.IGNORECASE | re.VERBOSE,
)
# "By Jane Doe, 8 December 2023"; no digits in the name, as "By March 2023, ..." is a sentence
_BYLINE = re.compile(
    r"by\s+[^\W\d][^\d|,]{0,60}?\s*[,|·•–—-]\s*(?P<rest>.+)",
    re.IGNORECASE,
)
# A wire dateline opening the story's first paragraph: "New Delhi, March 16 Announcing ...",
# "WASHINGTON, June 5 (Reuters) - ...". Its date is the day of filing, not a figure of the story.
_DATELINE = re.compile(
    rf"""
    [A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){{0,3}}            # the place: "New Delhi", "LAHAINA"
    (?:,[ ][A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){{0,2}})?   # its region: ", Hawaii"
    ,[ ]
    (?i:{_MONTH}[ ]\d{{1,2}}|\d{{1,2}}[ ]{_MONTH})(?:,[ ]\d{{4}})?  # "March 16", "16 March", "June 5, 2024"
    (?:[ ]\([A-Z][\w ]{{0,30}}\))?                          # the agency: "(Reuters)"
    (?=[ ]?[-–—:]?[ ]?[A-Z])                                # then the story
    """,
    re.VERBOSE,
)
_LINE_MARKS = "*_#> \t"  # Markdown emphasis, heading and quote marks around a line


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO 8601, ``YYYY-MM`` when only the month is stated.

    >>> parse_date("2023-12-08T10:00:00Z")
    '2023-12-08'
    >>> parse_date("Posted on December 28, 2021")
    '2021-12-28'
    >>> parse_date("15th Nov 2023"), parse_date("November 2023"), parse_date("31 February 2023")
    ('2023-11-15', '2023-11', None)
    """
    match = _DATE.search(text)
    if match is None:
        return None
    groups = {key: value for key, value in match.groupdict().items() if value}
    year = int(next(groups[k] for k in ("iso_y", "dmy_y", "mdy_y", "my_y") if k in groups))
    month_text = next(groups[k] for k in ("iso_m", "dmy_m", "mdy_m", "my_m") if k in groups)
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
    day_text = next((groups[k] for k in ("iso_d", "dmy_d", "mdy_d") if k in groups), None)
    try:
        date(year, month, int(day_text or 1))
    except ValueError:
        return None
    if not 1800 <= year <= 2200:
        return None
    return f"{year:04d}-{month:02d}" if day_text is None else f"{year:04d}-{month:02d}-{int(day_text):02d}"


def find_published(text: str) -> str | None:
    """The publication date from a byline or dateline near the top, never from the body.

    Looks at the first non-empty lines for: a line that is only a date (weekday and time
    allowed); "Posted on / Published / Date: ..."; a ``URL | publisher | date`` line; "By Name,
    date". "Updated ..." is used only when nothing else is found.

    >>> find_published("Title\\nhttps://x.org/a | Pub | 2023-12-08\\n\\nText on 17 February 2008.")
    '2023-12-08'
    >>> find_published("T\\nhttps://x.org/a | Pub | 2023-06-22 (from the URL)"), find_published("T\\nhttps://x.org | P | not stated (2 May 2023)")
    ('2023-06-22', None)
    >>> find_published("Title\\n\\nKosovo declared independence on 17 February 2008.") is None
    True

    A source line that states no date gives its URL's, as news sites write it in the path (the day,
    else the month): "https://x.com/2023/08/15/story | P | not stated" was published on 15 August 2023.

    >>> find_published("T\\nhttps://x.com/2023/08/15/a | P | not stated"), find_published("T\\nhttps://x.com/2023/08/a.html | P |")
    ('2023-08-15', '2023-08')
    """
    updated: str | None = None
    from_url: str | None = None
    for line in _head_lines(text):
        line = line.strip(_LINE_MARKS)
        found = _date_of_line(line)
        if found is None:
            if from_url is None and _SOURCE_LINE.match(line):
                from_url = url_date(line.split("|", 1)[0])
            continue
        keyword = _KEYWORD_LINE.match(line)
        if keyword and keyword.group("keyword").lower().endswith(("updated", "modified")):
            updated = updated or found
            continue
        return found
    return from_url or updated


def url_date(url: str) -> str | None:
    """The date a URL's path holds, as "YYYY-MM-DD" or, with no day, "YYYY-MM"; None for none or an
    impossible one.

    >>> url_date("https://x.com/news/2023/08/15/fire"), url_date("https://x.org/2017-08-03-deal")
    ('2023-08-15', '2017-08-03')
    >>> url_date("https://x.com/2023/08/fire.html"), url_date("https://x.com/2023/02/30/a"), url_date("https://x.com/a/1234567")
    ('2023-08', None, None)
    """
    found = _URL_DATE.search(url)
    if found is None:
        return None
    year, month, day = found.groups()
    try:
        date(int(year), int(month), int(day or 1))
    except ValueError:
        return None
    return f"{year}-{month}-{day}" if day else f"{year}-{month}"


# "/2023/08/15/", "/2023-08-15-", "/2023/08/": a year, a month and perhaps a day as path parts.
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=[/_.-]|$)")


def find_metadata(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the header lines that describe the source, not its story: ``URL | publisher |
    date``, a dateline, a byline with a date, "Posted on ...". Their dates are the publication's.

    >>> text = "Title\\nhttps://x.org/a | Pub | 2023-12-08\\n\\nText on 17 February 2008."
    >>> [text[a:b] for a, b in find_metadata(text)]
    ['https://x.org/a | Pub | 2023-12-08']
    >>> find_metadata("Title\\n\\nBy March 2023, 300 cells were leased.")
    ()
    >>> text = "Title\\n\\nPress release, 14 March 2025\\n\\nThe recall was extended."
    >>> [text[a:b] for a, b in find_metadata(text)]
    ['Press release, 14 March 2025']
    >>> text = "Title\\n\\nNew Delhi, March 16 Announcing the schedule, the commission said."
    >>> [text[a:b] for a, b in find_metadata(text)]
    ['New Delhi, March 16']
    """
    spans = []
    for start, line in _head_spans(text):
        stripped = line.strip(_LINE_MARKS)
        if _SOURCE_LINE.match(stripped) or _date_of_line(stripped, whole=True) is not None:
            spans.append((start, start + len(line)))
        elif dateline := _DATELINE.match(line):
            spans.append((start, start + dateline.end()))
    return tuple(spans)


_REMARK = re.compile(r"\s*\([^()]*\)\s*$")  # a bracketed remark that ends a field
_SOURCE_LINE = re.compile(r"(?:https?://|www\.)\S+\s*\|")  # "https://site/path | Publisher | date"


def _head_lines(text: str) -> Iterator[str]:
    for _, line in _head_spans(text):
        yield line


def _head_spans(text: str) -> Iterator[tuple[int, str]]:
    """The first ``HEAD_LINES`` non-empty lines within ``HEAD_CHARS``, with their offsets."""
    start, seen = 0, 0
    head = text[:HEAD_CHARS]
    for line in head.split("\n"):
        if seen == HEAD_LINES:
            return
        if line.strip():
            seen += 1
            yield start, line
        start += len(line) + 1


def _date_of_line(line: str, *, whole: bool = False) -> str | None:
    """The date a header line states, if the line is a dateline, byline or metadata line. With
    ``whole``, "Published ..." counts only when a date is all that follows: "Released in March 2023,
    the report found ..." is a paragraph of the story, though its date may well be the publication's."""
    fields = [field.strip() for field in line.split("|")]
    if len(fields) >= 2:  # source URL | publisher | date, perhaps with a remark: "2023-06-22 (from the URL)"
        return _date_only(_REMARK.sub("", fields[-1]))
    if keyword := _KEYWORD_LINE.match(line):
        rest = keyword.group("rest")
        return _date_only(rest.strip(" :,-")) or (None if whole else parse_date(rest[:80]))
    if byline := _BYLINE.match(line):
        return _date_only(byline.group("rest").strip())
    return _date_only(line)


def _date_only(text: str) -> str | None:
    """The date when ``text`` is nothing but a date (with optional weekday and time).

    >>> _date_only("Wednesday 15 November 2023 10:26 GMT"), _date_only("In 2023 the fund grew.")
    ('2023-11-15', None)
    """
    if len("".join(text.split()).replace(",", "")) > DATE_LINE_MAX:
        return None  # a paragraph: the pattern below would try every place it could end
    match = _DATE_LINE.fullmatch(text.strip(_LINE_MARKS))
    if match is None:
        return None
    date_match = _DATE.fullmatch(match.group("date").strip(" ,"))
    return parse_date(date_match.group()) if date_match else None
