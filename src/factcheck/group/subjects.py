"""Whose figure a claim is: the names beside it, value-blind evidence of what it measures.

"NDA wins 291 seats; INDIA bloc 230": both are seats won, in one sentence, but of two subjects. The
names a claim's clause gives near it (``near_names``) are its subjects; two claims whose subjects are
both known and share no name, and whose figures differ, most likely measure two things ("Messi's
557,000 euros a week" and "Neymar's £540,000 a week"). A capitalised word is a name only when the
sources never write it in lower case (``common_words``): "Turnout was ...", "the Government" name no one.

For many pairs at once a claim's subjects are kept as codes, one per name of the corpus
(``subject_codes``), and a 63-bit mask of them (``codes_mask``): two masks that share no bit are two
disjoint subjects, and where they share one the codes tell whether a name is really shared.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import zip_longest
from typing import Any

from factcheck.config import SUBJECT_REACH
from factcheck.group.profiles import CLAUSE_BREAK, name_variants
from factcheck.lexicon import MONTHS
from factcheck.lexicon.load import index, table
from factcheck.lexicon.words import STOPWORDS, WORD
from factcheck.models import Claim

NAME_REACH = 3  # words between a figure and the name it belongs to: "$50M from Britain", "France $109M"
NAME = re.compile(r"\b[A-Z][\w'’.-]*[A-Za-z]")  # a capitalised word: "Britain", "U.S.", "McDonald's"
SPACED = re.compile(r"\S+")  # a word as white space delimits it, punctuation and all
CAPITAL = re.compile(r"[A-Z]")  # where a name may be: every name and alias starts with one
POSSESSIVES = ("'s", "’s")  # "Microsoft’s" is Microsoft
WEEKDAYS = frozenset(table("context.toml", "weekdays"))
ALIASES = index(table("names.toml", "name"), "spellings")  # "britain" -> "united_kingdom"
NO_NAMES = STOPWORDS | frozenset(MONTHS) | WEEKDAYS  # capitalised, yet no one's name: "The", "May", "Monday"


def _trie(words: Iterable[str]) -> str:
    r"""One regular expression of ``words`` as a trie, the longest first where one is a prefix of
    another: Python's engine tries a long alternation at every position, a trie only where a first
    letter fits (three times faster on news sentences).

    >>> _trie(["us", "u.s.", "uk"])
    'u(?:\\.s\\.|k|s)'
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


ALIAS = re.compile(  # a spelling of ALIASES as a whole phrase, capitalised: "U.S.", "United Kingdom"
    r"(?<![\w.])(?=[A-Z])(?:" + _trie(ALIASES) + r")(?!\w)",
    re.IGNORECASE,
)
_SAYING = table("measures.toml", "attribution")
# "Maui Mayor Richard Bissen", "CNN": whole words (possessive, so a long word is read once).
_NAME_RUN = r"((?<![\w'’.-])(?:[A-Z][\w'’.-]*+[ \u00a0]+){0,5}[A-Z][\w'’.-]*+)"
_VERBS = "|".join(sorted((*_SAYING["after"], *_SAYING["reporting"]), key=len, reverse=True))
# Who a sentence gives a figure to: a name before a verb of saying ("Bissen said", "Liz
# Sherwood-Randall put it", "CNN is reporting"; an aside between them allowed), after one ("said
# Mayor Richard Bissen"), or after "according to" ("according to a Bloomberg report").
SOURCES = re.compile(
    rf"{_NAME_RUN}(?:,[^,]{{1,60}},)?[ \u00a0]+(?:{_VERBS})\b"
    rf"|\b(?:{'|'.join(_SAYING['after'])})[ \u00a0]+{_NAME_RUN}"
    rf"|\b(?i:{'|'.join(_SAYING['before'])})[ \u00a0]+(?:(?i:the|a|an)[ \u00a0]+)?{_NAME_RUN}"
    # a body named by a common noun: "the union said", "the government put the figure at"
    rf"|\b[Tt]he[ \u00a0]+({'|'.join(_SAYING['bodies'])})[ \u00a0]+(?:{_VERBS})\b"
)
SAYING = re.compile(rf"\b(?:{_VERBS}|(?i:{'|'.join(_SAYING['before'])}))\b")  # a verb of SOURCES, alone
MASK_BITS = 63  # bits of a subject mask: an int64 that stays positive
SLOTS = 8  # names a claim's subject holds: the nearest to its figure


def common_words(claims: Iterable[Claim]) -> frozenset[str]:
    """The words the sources write in lower case somewhere: a capitalised one of them at the start of
    a sentence ("Turnout was ...") is no name."""
    words: set[str] = set()
    for text in {c.sentence for c in claims}:
        words.update(WORD.findall(text))
    return frozenset(w for w in words if w[0].islower())


def sentence_names(claim: Claim, common: frozenset[str] = frozenset()) -> frozenset[str]:
    """The names of a claim's sentence: its capitalised words, common words aside (``common``: what the
    sources write in lower case, for the first word of a sentence)."""
    return frozenset(_names(claim.sentence, 0, len(claim.sentence), common))


def near_names(
    claim: Claim, common: frozenset[str] = frozenset(), *, reach: int = NAME_REACH
) -> frozenset[str]:
    """The names right beside a claim, in its clause (between the commas, semicolons and "and"s around
    it) and at most ``reach`` words from it: whose figure it is, in a sentence that lists several.

    >>> from factcheck.extract import extract_text
    >>> text = "Germany pledged $100M, $50M from Britain and $25M from Denmark."
    >>> [sorted(near_names(c)) for c in extract_text(text)]
    [['Germany'], ['united_kingdom'], ['Denmark']]
    """
    return frozenset(nearest_names(claim, common, reach=reach))


def nearest_names(
    claim: Claim, common: frozenset[str] = frozenset(), *, reach: int = NAME_REACH
) -> list[str]:
    """``near_names`` nearest first, the names before the figure and after it in turn, each once.

    >>> from factcheck.extract import extract_text
    >>> [c] = extract_text("The ruling National Democratic Alliance won 293 seats in Lok Sabha polls.")
    >>> nearest_names(c, reach=6)
    ['NDA', 'Lok', 'Alliance', 'Sabha', 'Democratic', 'LS', 'National']
    """
    at = claim.start - claim.sentence_start
    return _nearest(claim.sentence, at, at + len(claim.text), common, reach)


def _nearest(text: str, at: int, end: int, common: frozenset[str], reach: int) -> list[str]:
    """``nearest_names`` of the figure at ``[at, end)`` of the sentence ``text``."""
    break_starts, break_ends = _breaks(text)
    k = bisect_right(break_ends, at)
    start = break_ends[k - 1] if k else 0  # the clause around the figure
    k = bisect_left(break_starts, end)
    stop = break_starts[k] if k < len(break_starts) else len(text)
    # The words of the clause start after its start and before the figure, and after the figure and
    # before the clause's end; a word cut by either edge starts before it, so it is not one of them.
    start, after_end = _word_start(text, start), _word_start(text, end)
    words = _words(reach) if reach > 0 else None
    last = words.match(text[start:at][::-1]) if words else None  # read backwards: the last words
    left = at - last.end() if last else at
    first = words.match(text, after_end, stop) if words else None
    right = first.end() if first else end
    before, after = _names(text, left, at, common)[::-1], _names(text, end, right, common)
    turns = [name for pair in zip_longest(before, after) for name in pair if name is not None]
    return list(dict.fromkeys(turns))


def attribution(claim: Claim, common: frozenset[str] = frozenset()) -> str | None:
    """The source its sentence gives a claim to, nearest it: the last word of a name that says it, in
    lower case; None where the sentence names none (a source is no subject: it says whose figure
    it is, not what the figure measures).

    >>> from factcheck.extract import extract_text
    >>> text = "Maui Mayor Richard Bissen said in a video that the number was 850."
    >>> [attribution(c) for c in extract_text(text)]
    ['bissen']
    >>> [attribution(c) for c in extract_text("At least 99 people were killed, CNN is reporting.")]
    ['cnn']
    >>> [attribution(c) for c in extract_text("The toll was 93, according to a Bloomberg report.")]
    ['bloomberg']
    >>> [attribution(c) for c in extract_text("The toll was 93, officials said.")]
    [None]
    >>> text = "The union said 41,000 nurses struck, while the government put the figure at 27,500."
    >>> [attribution(c) for c in extract_text(text)]
    ['union', 'government']
    """
    at = claim.start - claim.sentence_start
    best: tuple[int, str] | None = None
    for start, words, body in _source_spans(claim.sentence):
        names = (
            list(words)
            if body
            else [w for w in words if w.lower() not in STOPWORDS and w.lower() not in common]
        )
        if names and (best is None or abs(start - at) < best[0]):
            best = (abs(start - at), names[-1].lower())
    return None if best is None else best[1]


@lru_cache(maxsize=1024)
def _source_spans(text: str) -> tuple[tuple[int, tuple[str, ...], bool], ...]:
    """Where a sentence names who says its figures, the words of each name, and whether it is a body
    named by a common noun ("the union said"), whose word is a source though the texts write it in
    lower case: read once for all of its claims."""
    if CAPITAL.search(text) is None or SAYING.search(text) is None:  # most sentences name no source
        return ()
    found = []
    for m in SOURCES.finditer(text):
        group = next(k for k in (1, 2, 3, 4) if m.group(k) is not None)
        words = (w[:-2] if w.endswith(POSSESSIVES) else w for w in m.group(group).split())
        found.append((m.start(group), tuple(words), group == 4))
    return tuple(found)


def figure_places(claims: Iterable[Claim]) -> list[tuple[str, int, int]]:
    """Each claim's sentence and where its figure starts and ends in it: what ``names_near`` reads."""
    places = []
    for claim in claims:
        at = claim.start - claim.sentence_start
        places.append((claim.sentence, at, at + len(claim.text)))
    return places


def names_near(
    places: Sequence[tuple[str, int, int]], common: frozenset[str], reach: int = SUBJECT_REACH
) -> list[list[str]]:
    """``nearest_names`` of each figure (``figure_places``), lower case. It reads plain values only, so
    that a helper process can do this work for a large corpus (``subject_table``'s ``names``).

    >>> names_near([("Britain gave $50m, Norway $46m.", 13, 17)], frozenset())
    [['united_kingdom']]
    """
    return [[n.lower() for n in _nearest(text, at, end, common, reach)] for text, at, end in places]


def subject_mask(names: Iterable[str]) -> int:
    """The names as bits of a mask, case aside: 0 for none.

    >>> subject_mask([]), subject_mask(["NDA"]) == subject_mask(["nda"]), subject_mask(["NDA"]) > 0
    (0, True, True)
    """
    mask = 0
    for name in names:
        mask |= 1 << (zlib.crc32(name.lower().encode("utf-8")) % MASK_BITS)
    return mask


def subject_codes(
    claims: Sequence[Claim], *, reach: int | None = None, cutoff: int = 85
) -> list[tuple[int, ...]]:
    """Each claim's subject: the codes (from 1, one per name of these claims) of its ``near_names``
    within ``reach`` words (``SUBJECT_REACH``), the ``SLOTS`` nearest, ascending; empty for none. The
    sentences' first words are judged by the words
    these claims' sentences write in lower case, and spelling variants of one name ("Kharkiv",
    "Kharkov": RapidFuzz ratio ``cutoff``) are one name.

    >>> from factcheck.extract import extract_text
    >>> claims = extract_text("Norway pledged $46m. The UK pledged $40m. Britain gave $50m.")
    >>> subject_codes(claims)
    [(1,), (2,), (2,)]
    """
    return subject_table(claims, reach=reach, cutoff=cutoff)[0]


def subject_table(
    claims: Sequence[Claim],
    *,
    reach: int | None = None,
    cutoff: int = 85,
    names: Sequence[list[str]] | None = None,
) -> tuple[list[tuple[int, ...]], list[str]]:
    """``subject_codes``, and the names by code (the name of code k at k - 1), lower case. ``names`` are
    ``names_near`` the claims' figures at the default reach, for a caller that has them read already.

    >>> from factcheck.extract import extract_text
    >>> subject_table(extract_text("Norway pledged $46m. Britain gave $50m."))
    ([(1,), (2,)], ['norway', 'united_kingdom'])
    """
    if names is None:
        names = names_near(figure_places(claims), common_words(claims), reach or SUBJECT_REACH)
    forms = name_variants({n for found in names for n in found}, cutoff=cutoff)
    canonical = [list(dict.fromkeys(forms.get(n, n) for n in found))[:SLOTS] for found in names]
    table = sorted({n for found in canonical for n in found})
    code = {name: k for k, name in enumerate(table, 1)}
    return [tuple(sorted(code[n] for n in found)) for found in canonical], table


def codes_mask(codes: Iterable[int]) -> int:
    """Subject codes as bits of a mask: 0 for none; two masks that share no bit share no code.

    >>> codes_mask(()), codes_mask((1, 64)) == codes_mask((1,)), codes_mask((2,)) & codes_mask((3,))
    (0, True, 0)
    """
    mask = 0
    for code in codes:
        mask |= 1 << (code % MASK_BITS)
    return mask


@lru_cache(maxsize=1024)
def _breaks(text: str) -> tuple[list[int], list[int]]:
    """A sentence's clause breaks, their starts and their ends: read once for all of its claims."""
    breaks = [m.span() for m in CLAUSE_BREAK.finditer(text)]
    return [a for a, _ in breaks], [b for _, b in breaks]


def _word_start(text: str, at: int) -> int:
    """``at``, or past the word it cuts: where the words (runs of ``SPACED``) starting at or after it begin
    to be looked for."""
    if 0 < at < len(text) and not text[at - 1].isspace() and not text[at].isspace():
        found = SPACED.match(text, at)
        return found.end() if found else at
    return at


@lru_cache(maxsize=16)
def _words(reach: int) -> re.Pattern[str]:
    """Up to ``reach`` words (runs of ``SPACED``), white space before them allowed: matched at a place,
    the words from there, and on a reversed text, the last ones; the match ends where its last word does.

    >>> _words(2).match("  a bc d").end(), _words(2).match("a bc d"[::-1]).end()
    (6, 4)
    """
    return re.compile(rf"\s*(?:\S+\s+){{0,{reach - 1}}}\S+")


@lru_cache(maxsize=1024)
def _alias_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where a sentence spells a name of ``ALIASES``: read once for all of its claims."""
    return tuple(m.span() for m in ALIAS.finditer(text))


def _names(text: str, start: int, end: int, common: frozenset[str]) -> list[str]:
    """The names in ``text[start:end]``: a spelling of ``ALIASES`` as its one name ("Britain" and "UK"
    are "united_kingdom"), and each other capitalised word that is no common word, with the initials
    of a run of them ("National Audit Office" is also "NAO").

    >>> _names("The United States and Britain", 0, 29, frozenset())
    ['united_states', 'united_kingdom']
    >>> _names("the National Audit Office said", 0, 30, frozenset({"said"}))
    ['National', 'Audit', 'Office', 'NAO']
    """
    if CAPITAL.search(text, start, end) is None:  # most windows of most sentences name no one
        return []
    found: list[str] = []
    taken: list[tuple[int, int]] = []
    for a, b in _alias_spans(text):
        if start <= a and b <= end:
            found.append(ALIASES[text[a:b].lower()])
            taken.append((a, b))
    run: list[str] = []
    last = -1

    def close() -> None:
        if len(run) >= 2:
            initials = "".join(w[0] for w in run).upper()
            found.append(ALIASES.get(initials.lower(), initials))
        run.clear()

    for m in NAME.finditer(text, start, end):
        if taken and any(a <= m.start() < b for a, b in taken):
            continue
        word = m.group()
        if word.endswith(POSSESSIVES):
            word = word[:-2]
        lower = word.lower()
        if lower in NO_NAMES or lower in common:
            close()
            continue
        if text[last : m.start()] != " ":
            close()
        run.append(word)
        last = m.end()
        found.append(word)
    close()
    return found


__all__ = [
    "attribution",
    "codes_mask",
    "common_words",
    "figure_places",
    "names_near",
    "near_names",
    "sentence_names",
    "subject_codes",
    "subject_mask",
    "subject_table",
]
