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
from collections.abc import Iterable, Sequence
from itertools import zip_longest

from factcheck.config import SUBJECT_REACH
from factcheck.group.profiles import CLAUSE_BREAK, name_variants
from factcheck.lexicon import MONTHS
from factcheck.lexicon.load import index, table
from factcheck.lexicon.words import STOPWORDS, WORD
from factcheck.models import Claim

NAME_REACH = 3  # words between a figure and the name it belongs to: "$50M from Britain", "France $109M"
NAME = re.compile(r"\b[A-Z][\w'’.-]*[A-Za-z]")  # a capitalised word: "Britain", "U.S.", "McDonald's"
POSSESSIVE = re.compile(r"['’]s$")  # "Microsoft’s" is Microsoft
WEEKDAYS = frozenset(table("context.toml", "weekdays"))
ALIASES = index(table("names.toml", "name"), "spellings")  # "britain" -> "united_kingdom"
ALIAS = re.compile(  # a spelling of ALIASES as a whole phrase: "U.S.", "United Kingdom"
    r"(?<![\w.])(?:" + "|".join(sorted(map(re.escape, ALIASES), key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
MASK_BITS = 63  # bits of a subject mask: an int64 that stays positive
SLOTS = 8  # names a claim's subject holds: the nearest to its figure


def common_words(claims: Iterable[Claim]) -> frozenset[str]:
    """The words the sources write in lower case somewhere: a capitalised one of them at the start of
    a sentence ("Turnout was ...") is no name."""
    sentences = {c.sentence for c in claims}
    return frozenset(w for text in sentences for w in WORD.findall(text) if w[0].islower())


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
    text = claim.sentence
    at = claim.start - claim.sentence_start
    end = at + len(claim.text)
    start = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, at)), default=0)
    found = CLAUSE_BREAK.search(text, end)
    stop = found.start() if found else len(text)
    words_before = [m.start() for m in re.finditer(r"\S+", text[start:at])][-reach:]
    words_after = [m.end() for m in re.finditer(r"\S+", text[end:stop])][:reach]
    left = start + words_before[0] if words_before else at
    right = end + words_after[-1] if words_after else end
    before, after = _names(text, left, at, common)[::-1], _names(text, end, right, common)
    turns = [name for pair in zip_longest(before, after) for name in pair if name is not None]
    return list(dict.fromkeys(turns))


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
    claims: Sequence[Claim], *, reach: int | None = None, cutoff: int = 85
) -> tuple[list[tuple[int, ...]], list[str]]:
    """``subject_codes``, and the names by code (the name of code k at k - 1), lower case.

    >>> from factcheck.extract import extract_text
    >>> subject_table(extract_text("Norway pledged $46m. Britain gave $50m."))
    ([(1,), (2,)], ['norway', 'united_kingdom'])
    """
    common = common_words(claims)
    names = [[n.lower() for n in nearest_names(c, common, reach=reach or SUBJECT_REACH)] for c in claims]
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


def _names(text: str, start: int, end: int, common: frozenset[str]) -> list[str]:
    """The names in ``text[start:end]``: a spelling of ``ALIASES`` as its one name ("Britain" and "UK"
    are "united_kingdom"), and each other capitalised word that is no common word, with the initials
    of a run of them ("National Audit Office" is also "NAO").

    >>> _names("The United States and Britain", 0, 29, frozenset())
    ['united_states', 'united_kingdom']
    >>> _names("the National Audit Office said", 0, 30, frozenset({"said"}))
    ['National', 'Audit', 'Office', 'NAO']
    """
    found: list[str] = []
    taken: list[tuple[int, int]] = []
    for m in ALIAS.finditer(text, start, end):
        if m.group()[0].isupper():
            found.append(ALIASES[m.group().lower()])
            taken.append(m.span())
    run: list[str] = []
    last = -1

    def close() -> None:
        if len(run) >= 2:
            initials = "".join(w[0] for w in run).upper()
            found.append(ALIASES.get(initials.lower(), initials))
        run.clear()

    for m in NAME.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in taken):
            continue
        word = POSSESSIVE.sub("", m.group())
        lower = word.lower()
        if lower in STOPWORDS or lower in MONTHS or lower in WEEKDAYS or lower in common:
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
    "codes_mask",
    "common_words",
    "near_names",
    "sentence_names",
    "subject_codes",
    "subject_mask",
    "subject_table",
]
