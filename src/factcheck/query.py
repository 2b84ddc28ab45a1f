"""Find claims by keywords, typo-tolerant: ``search(claims, groups, ["prision", "cels"])``.

Keywords are split into words; stop words are dropped unless nothing else is left. Every word must
match (AND): a claim that answers half a question is noise once a corpus has thousands of claims.
A word matches a claim where it meets

- its context: a word of the claim's sentence, or of its group's label, or
- its measure: the claim's unit ("prison cell"; "EUR" with its names "euro", "euros"), its kind
  ("distance"), and the units of all the claims of its group. So "prison cells" also finds
  "300 inmates" when the grouper put those inmates in the group of the 300 cells.

Words are compared folded as ``words.fold`` does (case and accents: "Vetevendosje" meets
"Vetëvendosje"). Equal words, or words with one light stem ("cells", "cell"), score 100; others the
RapidFuzz ratio of the two whole words, from ``FUZZY_CUTOFF`` up ("prision" meets "prison" at 92,
"cels" meets "cells" at 89, "gnjilane" meets "gjilan" at 86; "cellar" does not meet "cell" at 80).
Whole words, not ``partial_ratio``: a substring score would let "cell" match "cancellation".
Words with a digit match only exactly ("300"; "2,000" is "2000").

A claim's score is the mean over the words of ``0.9 * ratio`` for a word met in the context, or
``0.9 * ratio + 10`` for one met in the measure, whichever is higher: the claim that *is* "300
prison cells" ranks above the other claims of its sentence. Scores run from 76.5 to 100. Hits are
sorted by score, then document and offset, so the order does not depend on the input's.

The cost is one fuzzy pass per keyword over the corpus's distinct words, then one look-up per
keyword and distinct sentence: a query over 100,000 claims takes a second or two.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from rapidfuzz import fuzz, process

from factcheck.errors import UsageError
from factcheck.lexicon import CURRENCY_WORDS, DISTANCE_UNITS, DURATION_UNITS
from factcheck.lexicon.words import STOPWORDS, stem
from factcheck.models import KINDS, Claim, ClaimGroup, QueryHit

FUZZY_CUTOFF = 85  # RapidFuzz ratio from which two words are one word misspelt ("cellar" is not "cell": 80)
SENTENCE_WEIGHT = 0.9  # a word met in the sentence only
MEASURE_BONUS = 10.0  # a word that names the measure: the unit, the kind, the group's label

# A number with its separators ("2,000", "1.5") or a run of letters; folded text only.
TOKEN = re.compile(
    r"""
    \d+(?:[.,]\d+)*      # a number, with thousands separators or a decimal point
    | [^\W\d_]+          # a run of letters (any script): "prison", "vetevendosje"
    """,
    re.VERBOSE,
)
SEPARATOR = re.compile(r"(?<=\d),(?=\d{3})")  # a thousands separator: "2,000"
# Combining marks of the Latin, Greek and Cyrillic scripts' accents, dropped after NFKD: "ë" -> "e".
COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@dataclass(frozen=True, slots=True)
class _Entry:
    """A claim with its words: indices into the list of distinct word tables of the query."""

    claim: Claim
    group: ClaimGroup | None
    context: tuple[int, ...]  # the sentence's words, and the group label's
    measure: tuple[int, ...]  # the words of the units and kinds of the claim and its group


def search(
    claims: Sequence[Claim],
    groups: Sequence[ClaimGroup],
    keywords: Sequence[str],
    *,
    kind: str | None = None,
    limit: int | None = 20,
) -> tuple[QueryHit, ...]:
    """The claims that match every keyword, best first; at most ``limit`` (None: all).

    ``claims`` are all the corpus's claims; ``groups`` give a claim its group, status and label
    (a claim in no group has status ``single``).
    """
    if kind is not None and kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}")
    if limit is not None and limit < 1:
        raise UsageError(f"limit must be 1 or more, not {limit}")
    terms = query_terms(keywords)
    if not terms:
        raise UsageError("give at least one keyword")
    tables: list[dict[str, str]] = []
    entries = _entries(claims, groups, kind=kind, tables=tables)
    vocabulary = sorted({w for table in tables for w in table})
    stems: dict[str, list[str]] = {}
    for word in vocabulary:
        stems.setdefault(stem(word), []).append(word)
    bests = []
    for term in terms:
        term_scores = _term_scores(term, vocabulary, stems)
        bests.append([_best(term_scores, table) for table in tables])
    found = []
    for entry in entries:
        scored = _score(entry, bests, tables)
        if scored is not None:
            found.append(
                (-scored[0], entry.claim.document, entry.claim.start, entry.claim.end, scored[1], entry)
            )
    found.sort(key=lambda t: t[:4])
    return tuple(_hit(entry, -neg, matched) for neg, _, _, _, matched, entry in found[:limit])


def query_terms(keywords: Iterable[str]) -> tuple[str, ...]:
    """The folded words of the keywords, without stop words unless nothing else is left.

    >>> query_terms(["Prision cels", "in", "Gnjilane"])
    ('prision', 'cels', 'gnjilane')
    >>> query_terms(["2,000 km"])
    ('2000', 'km')
    """
    words = [_norm(w) for keyword in keywords for w in TOKEN.findall(_fold(keyword))]
    content = [w for w in words if w not in STOPWORDS]
    return tuple(dict.fromkeys(content or words))


def _fold(text: str) -> str:
    """Like ``words.fold``, faster on long texts: lower case, accents of the common scripts dropped.

    >>> _fold("Vetëvendosje GNJILANE")
    'vetevendosje gnjilane'
    """
    if text.isascii():
        return text.lower()
    return COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


def _norm(word: str) -> str:
    """A number without thousands separators: "2,000" -> "2000"; words as they are."""
    return SEPARATOR.sub("", word)


def _words(text: str) -> dict[str, str]:
    """Folded word -> its first spelling in ``text``; numbers without thousands separators."""
    surfaces = TOKEN.findall(text)
    folded = TOKEN.findall(SEPARATOR.sub("", _fold(text)))
    if len(folded) != len(surfaces):  # folding split a character ("½" -> "1⁄2"): fold word by word
        folded = [_norm(_fold(w)) for w in surfaces]
    return dict(zip(reversed(folded), reversed(surfaces), strict=True))


def _entries(
    claims: Sequence[Claim], groups: Sequence[ClaimGroup], *, kind: str | None, tables: list[dict[str, str]]
) -> list[_Entry]:
    """Each claim (of ``kind``) with its word tables; the distinct tables are appended to ``tables``."""
    group_of = {claim.id: group for group in groups for claim in group.claims}
    index: dict[object, int] = {}

    def table(key: object, make: Callable[[], dict[str, str]]) -> int:
        if key not in index:
            index[key] = len(tables)
            tables.append(make())
        return index[key]

    entries = []
    for claim in claims:
        if kind is not None and claim.kind != kind:
            continue
        group = group_of.get(claim.id)
        context = [table((claim.document, claim.sentence_start), partial(_words, claim.sentence))]
        measure = [table((claim.unit, claim.kind), partial(_measure_words, (claim,)))]
        if group is not None:
            context.append(table(("label", group.id), partial(_words, group.label)))
            measure.append(table(("units", group.id), partial(_measure_words, group.claims)))
        entries.append(_Entry(claim, group, tuple(context), tuple(measure)))
    return entries


def _unit_names() -> dict[str, str]:
    """The one-word names of each canonical unit: "EUR" -> "euro euros eur", "km" -> "km kms kilometre ..."."""
    names: dict[str, list[str]] = {}
    for name, code in CURRENCY_WORDS.items():
        names.setdefault(code, []).append(name)
    for table in (DISTANCE_UNITS, DURATION_UNITS):
        for name, (canon, _) in table.items():
            names.setdefault(canon, []).append(name)
    return {unit: " ".join(w for w in words if w.isalpha()) for unit, words in names.items()}


UNIT_NAMES = _unit_names()


def _measure_words(claims: Iterable[Claim]) -> dict[str, str]:
    """The words of the claims' units (with their names: "EUR", "euros") and kinds, each also in a
    plural: counted nouns are singular."""
    units = {claim.unit or "" for claim in claims}
    kinds = {claim.kind for claim in claims}
    names = [UNIT_NAMES.get(unit, "") for unit in sorted(units)]
    words = _words(" ".join([*sorted(units), *sorted(kinds), *names]))
    plurals = {f"{w}s": surface for w, surface in words.items() if w[0].isalpha() and not w.endswith("s")}
    return {**plurals, **words}


def _term_scores(term: str, vocabulary: Sequence[str], stems: dict[str, list[str]]) -> dict[str, float]:
    """How well ``term`` meets each word of the vocabulary that it meets at all."""
    if any(c.isdigit() for c in term):
        return {term: 100.0}
    scores = {
        word: float(score)
        for word, score, _ in process.extract(
            term, vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
        )
    }
    scores.update(dict.fromkeys(stems.get(stem(term), ()), 100.0))
    return scores


def _best(term_scores: dict[str, float], words: dict[str, str]) -> tuple[float, str]:
    """The best score of a term over a table of words, with the word as written; (0, "") for none."""
    small, large = (term_scores, words) if len(term_scores) < len(words) else (words, term_scores)
    score, word = max(((term_scores[w], w) for w in small if w in large), default=(0.0, ""))
    return score, words.get(word, "")


def _score(
    entry: _Entry, bests: list[list[tuple[float, str]]], tables: list[dict[str, str]]
) -> tuple[float, tuple[str, ...]] | None:
    """The entry's score and the words each term met; None if a term meets nothing."""
    total = 0.0
    matched = []
    for term_bests in bests:
        in_context = max(term_bests[i] for i in entry.context)
        in_measure = max(term_bests[i] for i in entry.measure)
        if in_measure[0] == 0 and in_context[0] == 0:
            return None
        by_measure = SENTENCE_WEIGHT * in_measure[0] + MEASURE_BONUS if in_measure[0] else 0.0
        by_context = SENTENCE_WEIGHT * in_context[0]
        total += max(by_measure, by_context)
        matched.append(in_measure[1] if by_measure >= by_context else in_context[1])
    return round(total / len(bests), 1), tuple(matched)


def _hit(entry: _Entry, score: float, matched: tuple[str, ...]) -> QueryHit:
    group = entry.group
    return QueryHit(
        claim=entry.claim,
        group_id=group.id if group else None,
        group_label=group.label if group else None,
        status=group.status if group else "single",
        score=score,
        matched=matched,
    )


__all__ = ["QueryHit", "query_terms", "search"]
