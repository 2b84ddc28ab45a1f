"""Split a document into sentences: ``Document -> Iterator[Sentence]``.

A *unit* is a sentence, a heading, a list item or a title line. The rules:

- every line break ends a unit (a line is a paragraph, a heading or a list item);
- inside a line, a unit ends after ``.``, ``!``, ``?`` or an ellipsis, plus any closing
  quotes and brackets, when whitespace follows and then a capital letter, a digit, an
  opening quote or a currency sign, unless the full stop ends an abbreviation
  (``Mr.``, ``U.S.``, ``No. 5``, ``J. R. R. Tolkien``) or a list label at the start of a unit;
- a bullet inside a line starts a unit, and so does the next label of a list run into one
  line (``1) The first item 2) The second item``);
- at the start of a line the markers ``- ``, ``* ``, ``# `` (up to six ``#``) and ``• `` are
  stripped, except a bullet that opens a list run into one line, which stays like its siblings.

It is one regular-expression scan for candidate boundaries, then cheap checks on each
candidate; the text is never rewritten, so spans index ``doc.text`` directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.lexicon.load import table
from factcheck.models import Document, Sentence, trusted

__all__ = ["split_sentences", "split_spans"]

# Characters that end a line: str.splitlines() agrees, and all are whitespace for str.strip().
_BREAK_CHARS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_BULLETS = "•◦▪‣⁃"
# What may begin a sentence after the full stop: besides capitals and digits.
_OPENERS = frozenset("\"'“‘«„¿¡$€£¥₹")

# Every candidate starts with one character of a small set, so the scan skips ahead at C
# speed; the kind of candidate is then told by that character (the lookbehinds check it).
_CANDIDATE = re.compile(
    r"""
    [\n\r\v\f\x1c-\x1e\x85\u2028\u2029•◦▪‣⁃.?!…‽]    # a line break, a bullet or terminal punctuation
    (?:
        (?<= [.?!…‽] )                     # terminal punctuation ...
        (?<! [.?!…‽][.?!…‽] )              # ... at the start of its run only, and not
        (?<! [.?!…‽][ ][.?!…‽] )           # inside a spaced ellipsis (keeps the scan linear)
        (?P<run>
            [.?!…‽]*+                      # the rest of the run: "?!", "...", "...."
            (?: [ ] [.?!…‽]++ )*+          # a spaced ellipsis ". . ."
        )
        (?P<closers>                       # closing brackets and quotes stay with the sentence,
            (?: [)\]}"'”’»] | \[ [^\[\]\s]{1,8} \] )*+  # and footnote marks: "Lok Sabha.[2][3] On"
        )
        [^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]++  # then whitespace on the same line (NBSP too)
        (?= \S )                           # and something to start the next sentence
      | (?<= \r ) \n?                      # a line break: "\r\n" counts as one
      | (?<= [\n\v\f\x1c-\x1e\x85\u2028\u2029] )
      | (?<= \s [•◦▪‣⁃] )                  # a bullet after whitespace starts a unit
    )
    """,
    re.VERBOSE,
)

# At the start of a line: indentation, then at most one list or heading marker.
_LINE_START = re.compile(
    r"""
    [^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*+    # indentation, NBSP included
    (?P<marker>
        (?: [-*•◦▪‣⁃] | \#{1,6} )              # "- ", "* ", "• ", "# ", "## "
        (?= \s | \Z )                          # a marker is followed by whitespace
    )?
    """,
    re.VERBOSE,
)

# The label of a list item: "1.", "2.)", "3)", "(a)", "b.", optionally after a bullet.
_ITEM = re.compile(
    r"""
    (?: [•◦▪‣⁃] [ ]? )?         # a bullet glued to the label: "• 9.", "⁃10."
    \(?                         # "(a)"
    (?P<label> \d{1,3} | [A-Za-z] )
    (?: \.\) | \) | \. )        # "1.)", "1)", "1."
    (?= \s )
    """,
    re.VERBOSE,
)

# Every list label in the rest of a line, or the line break that ends the search.
_LINE_ITEMS = re.compile(
    r"""
      (?P<brk> [\n\r\v\f\x1c-\x1e\x85\u2028\u2029] )   # end of the line
    | (?<! \S )                                       # a label starts a word
      (?: [•◦▪‣⁃] [ ]? )?                             # after an optional bullet
      \(?
      (?P<label> \d{1,3} | [A-Za-z] )
      (?: \.\) | \) | \. )
      (?= \s )
    """,
    re.VERBOSE,
)

# A run-in list: another bullet later on the same line.
_BULLET_OR_BREAK = re.compile(r"[•◦▪‣⁃\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")

# The word after a candidate boundary, and whether it is an initial ("A.").
_NEXT_WORD = re.compile(r"(\w+)(\.?)")

# Single letters and dotted letters: "E", "U.S", "a.m", "U.S.A".
_DOTTED = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")

# Titles and words that do not end a sentence whatever follows: "Mr. Smith", "Mt. Fuji", "e.g. Denmark".
PREPOSITIVE = frozenset(table("abbreviations.toml", "prepositive"))
# Abbreviations that do not end a sentence before a number: "No. 5", "Art. 12", "Jan. 6", "p. 55".
NUMBER_PREFIX = frozenset(table("abbreviations.toml", "number_prefix"))
# Postpositive abbreviations often followed by a capitalised word in the same sentence:
# they end a sentence only before a sentence starter ("Briggs & Co. It closed").
POSTPOSITIVE = frozenset(table("abbreviations.toml", "postpositive"))
# Words that commonly begin a sentence: after an initial, "U.S." or "Inc." they mean a new sentence.
SENTENCE_STARTERS = frozenset(table("abbreviations.toml", "sentence_starters"))


def split_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield the ``(start, end)`` span of each sentence, heading or list item in ``text``.

    Spans are half-open, increasing, non-overlapping and never empty; ``text[start:end]``
    has no surrounding whitespace (NBSP included).

    >>> text = "Mr. Smith paid $1.5 million. Denmark agreed."
    >>> [text[s:e] for s, e in split_spans(text)]
    ['Mr. Smith paid $1.5 million.', 'Denmark agreed.']
    >>> text = '"It is vital," he said. "Hopefully." 250.000 doses arrived in the U.S. on Monday.'
    >>> [text[s:e] for s, e in split_spans(text)]
    ['"It is vital," he said.', '"Hopefully."', '250.000 doses arrived in the U.S. on Monday.']
    >>> text = "==Military==\\n- Foreign relations of Denmark\\n  • J. R. R. Tolkien wrote it.\\xa0"
    >>> [text[s:e] for s, e in split_spans(text)]
    ['==Military==', 'Foreign relations of Denmark', 'J. R. R. Tolkien wrote it.']
    >>> list(split_spans(" \\n\\xa0"))
    []
    """
    start = _line_start(text, 0)
    items = _list_items(text, start)
    for m in _CANDIDATE.finditer(text):
        cut = m.start()
        while items and items[-1] < cut:
            yield from _span(text, start, items[-1])
            start = items.pop()
        c = text[cut]
        if c in _BREAK_CHARS:
            yield from _span(text, start, cut)
            start = _line_start(text, m.end())
            items = _list_items(text, start)
            continue
        if c in _BULLETS:
            if not text[start:cut].strip():
                continue  # the bullet opens the unit
            yield from _span(text, start, cut)
            start = cut
            continue
        cut = _stop(text, m, start)
        if cut < 0:
            continue
        yield from _span(text, start, cut)
        start = m.end() if cut == m.end("closers") else cut  # skip the gap: it is whitespace
    for item in reversed(items):
        yield from _span(text, start, item)
        start = item
    yield from _span(text, start, len(text))


def split_sentences(doc: Document) -> Iterator[Sentence]:
    """Yield the sentences of ``doc`` in order, each a view of ``doc.text`` (built without validation:
    the offsets are the splitter's own)."""
    text, doc_id = doc.text, doc.id
    for index, (start, end) in enumerate(split_spans(text)):
        yield trusted(
            Sentence, {"doc_id": doc_id, "index": index, "start": start, "end": end, "text": text[start:end]}
        )


def _span(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The span of ``text[start:end]`` without surrounding whitespace, if anything is left."""
    seg = text[start:end]
    right = len(seg.rstrip())
    if right:
        yield start + len(seg) - len(seg.lstrip()), start + right


def _line_start(text: str, pos: int) -> int:
    """Where the content of the line at ``pos`` starts: after indentation and a list marker."""
    m = _LINE_START.match(text, pos)
    if m is None:  # never: the pattern matches the empty string
        return pos
    marker = m.group("marker")
    if marker is not None and marker in _BULLETS:
        nxt = _BULLET_OR_BREAK.search(text, m.end())
        if nxt is not None and nxt.group() in _BULLETS:
            return m.start("marker")  # a list run into one line keeps its bullets
    return m.end()


def _list_items(text: str, pos: int) -> list[int]:
    """Starts of the later items of a list run into the line that begins at ``pos``, last first.

    >>> text = "1) The first item 2) The second item 4) no 3) The third item"
    >>> [text[i:i + 2] for i in _list_items(text, 0)]
    ['3)', '2)']
    """
    first = _ITEM.match(text, pos)
    if first is None:
        return []
    label = first.group("label")
    cuts: list[int] = []
    for m in _LINE_ITEMS.finditer(text, first.end()):
        if m.lastgroup == "brk":
            break
        if m.group("label") == _successor(label):
            cuts.append(m.start())
            label = m.group("label")
    cuts.reverse()
    return cuts


def _successor(label: str) -> str:
    """The label after ``label`` in a list: ``"9" -> "10"``, ``"a" -> "b"``."""
    if label.isdigit():
        return str(int(label) + 1)
    return chr(ord(label) + 1)


def _stop(text: str, m: re.Match[str], start: int) -> int:
    """Where the unit ends at the punctuation matched by ``m``, or -1 if it goes on."""
    nxt = m.end()
    c = text[nxt]
    if not (c.isupper() or c.isdigit() or c in _OPENERS):
        return -1
    run_start, run_end = m.start(), m.end("run")
    end = m.end("closers")
    if run_end - run_start == 1:
        if text[run_start] == ".":
            return end if _full_stop(text, run_start, start, nxt) else -1
        return end  # "?", "!", "…"
    run = text[run_start:run_end]
    if "?" in run or "!" in run or "‽" in run:
        return end
    if " " not in run:
        return end  # "....", "..."
    # A spaced ellipsis: ". . ." goes on; ". . . ." ends the sentence (ellipsis and full stop),
    # and "word. . . . Next" ends at the full stop, the ellipsis opening the next sentence.
    if run.count(".") + 3 * run.count("…") < 4:
        return -1
    if run_start > start and not text[run_start - 1].isspace():
        return run_start + 1
    return end


def _full_stop(text: str, dot: int, start: int, nxt: int) -> bool:
    """Whether the ``.`` at ``dot`` ends a sentence; ``nxt`` is where the next word starts."""
    lo = dot - 40 if dot - 40 > start else start
    parts = text[lo:dot].rsplit(None, 1)
    token = parts[-1] if parts else ""
    if not token:
        return True
    label = token.lstrip(_BULLETS + "(")
    if len(label) <= 3 and (label.isdigit() or (len(label) == 1 and label.isalpha())):
        # A list label at the start of the unit: "1. The first item", "• 9. The", "⁃10. The".
        before = dot - len(token)  # only a bullet may come before a label
        if before - start <= 4 and not text[start:before].strip().strip(_BULLETS).strip():
            return False
    word = token.lstrip("([{\"'“‘«").lower()
    if word in PREPOSITIVE:
        return False
    if word in NUMBER_PREFIX or word.endswith("°"):
        if text[nxt].isdigit():
            return False
    if word in POSTPOSITIVE or _DOTTED.fullmatch(word):
        return _starts_sentence(text, nxt)
    return True


def _starts_sentence(text: str, nxt: int) -> bool:
    """Whether the word at ``nxt`` usually begins a sentence (and is not an initial)."""
    if text[nxt] in _OPENERS:
        return True
    m = _NEXT_WORD.match(text, nxt)
    return m is not None and not (m.group(2) and len(m.group(1)) == 1) and m.group(1) in SENTENCE_STARTERS
