"""Claims in, groups of claims that measure the same thing out.

Two claims measure the same thing when
- they are of a comparable kind and unit (any two currencies; counts whose nouns share a head, or,
  for claims that state the same value, counts of related nouns: cells, places, inmates),
- their sentences speak of the same subject: IDF-weighted cosine of content words, where spelling
  variants of names ("Gjilan", "Gnjilane") are merged by RapidFuzz,
- and nothing says otherwise: not the same sentence, not a rate against a total, not two different
  times when the values differ (a change, not a conflict).

A claim in a document that says it twice needs a higher score than one in another document: writers
rarely contradict themselves, so two different values in one document are usually two measures.
Candidate pairs come from an inverted index over each claim's rarest words, so the cost grows with
the number of claims times the (capped) length of the posting lists, not with its square.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from factcheck.compare import Interval, interval, values_compatible
from factcheck.models import Claim
from factcheck.words import WORD as _WORD
from factcheck.words import content_words

GROUPED_KINDS = frozenset({"money", "count", "percent", "distance", "duration", "year", "date", "ratio"})
# Words that set a claim at a time of its own: "initially 308 soldiers", "by November 2010".
TIME_MARKERS = frozenset({"initially", "originally", "currently", "now", "previously", "formerly", "today",
                          "later", "eventually", "first", "originally", "earlier"})


@dataclass(frozen=True, slots=True)
class Settings:
    """Thresholds of the grouping, named so tests and users can read them at the call site."""

    cross_document: float = 0.18  # score for two claims of different documents to be one measure
    same_document: float = 0.45  # a stricter bar inside one document
    max_postings: int = 400  # words shared by more claims than this are too common to propose pairs
    probe_words: int = 10  # how many of a claim's rarest words propose candidates
    fuzzy_names: int = 85  # RapidFuzz ratio above which two names are spellings of one


@dataclass(slots=True)
class _Item:
    claim: Claim
    doc: str
    sentence_key: tuple[str, int]
    words: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0
    head: str = ""
    family: str = ""
    anchor: str | None = None
    marker: str | None = None


def group_claims(claims: Sequence[Claim], *, settings: Settings | None = None) -> list[list[Claim]]:
    """Partition the groupable claims into measures; each list is one group, in a stable order."""
    settings = settings or Settings()
    items = [_item(c) for c in claims if _groupable(c)]
    _weigh(items, settings=settings)
    pairs = _candidate_pairs(items, settings=settings)
    scored = sorted(((s, i, j) for i, j in pairs if (s := _score(items[i], items[j], settings)) > 0),
                    key=lambda t: (-t[0], t[1], t[2]))
    parent = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in scored:
        ri, rj = find(i), find(j)
        if ri == rj or not _can_merge(items, members[ri], members[rj]):
            continue
        if len(members[ri]) < len(members[rj]):
            ri, rj = rj, ri
        parent[rj] = ri
        members[ri].extend(members.pop(rj))
    groups = [sorted((items[k].claim for k in ks), key=_claim_key) for ks in members.values() if len(ks) > 1]
    return sorted(groups, key=lambda g: _claim_key(g[0]))


def _claim_key(claim: Claim) -> tuple[str, int]:
    return claim.document, claim.start


def _groupable(claim: Claim) -> bool:
    if claim.kind not in GROUPED_KINDS:
        return False
    if claim.kind == "count" and not claim.unit:
        return False
    if claim.kind == "money" and not claim.unit:
        return False
    return claim.value is not None or claim.low is not None or claim.qualifier == "vague" or claim.date is not None


def _item(claim: Claim) -> _Item:
    item = _Item(claim, claim.document, (claim.document, claim.sentence_start))
    item.head = (claim.unit or "").lower().split(" ")[-1]
    item.family = _family(claim)
    return item


def _family(claim: Claim) -> str:
    """Claims of one family can be compared: money with money, distances with distances, ..."""
    if claim.kind in ("money", "distance", "percent", "ratio", "year", "date"):
        return claim.kind
    if claim.kind == "duration":
        return "duration"
    return "count"


def _tokens(text: str) -> list[str]:
    return [stem for stem, _ in content_words(text)]


def _weigh(items: list[_Item], *, settings: Settings) -> None:
    """Fill each item's IDF-weighted words, merging spelling variants of names."""
    sentence_words: dict[tuple[str, int], list[str]] = {}
    for item in items:
        if item.sentence_key not in sentence_words:
            sentence_words[item.sentence_key] = _tokens(item.claim.sentence)
    canon = _name_variants({w for ws in sentence_words.values() for w in ws}, cutoff=settings.fuzzy_names)
    df: Counter[str] = Counter()
    for key, words in sentence_words.items():
        sentence_words[key] = [canon.get(w, w) for w in words]
        df.update(set(sentence_words[key]))
    total = max(len(sentence_words), 1)
    for item in items:
        own = set(_tokens(item.claim.text))
        words = {w: math.log(1 + total / df[w]) for w in sentence_words[item.sentence_key] if w not in own}
        item.words = words
        item.norm = math.sqrt(sum(v * v for v in words.values())) or 1.0
        item.anchor = _time_anchor(item.claim)
        item.marker = next((w for w in _WORD.findall(item.claim.sentence.lower()) if w in TIME_MARKERS), None)


def _name_variants(vocabulary: Iterable[str], *, cutoff: int) -> dict[str, str]:
    """Map spelling variants onto one form: "gnjilane" -> "gjilan". Only words of 5 letters or more,
    compared within buckets of the same first letter so the cost stays near-linear."""
    buckets: dict[str, list[str]] = defaultdict(list)
    for word in sorted(vocabulary):
        if len(word) >= 5 and word.isalpha():
            buckets[word[0]].append(word)
    canon: dict[str, str] = {}
    for words in buckets.values():
        if len(words) < 2 or len(words) > 2000:
            continue
        for i, word in enumerate(words):
            earlier = words[:i]
            for match, _, j in process.extract(word, earlier, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3):
                if abs(len(word) - len(match)) <= 3:
                    canon[word] = canon.get(words[j], words[j])
                    break
    return canon


def _time_anchor(claim: Claim) -> str | None:
    """The year a claim's sentence sets it in: another year or date in the same sentence."""
    if claim.kind in ("year", "date"):
        return None
    years = re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", claim.sentence)
    own = re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", claim.text)
    years = [y for y in years if y not in own]
    return years[0] if years else None


def _candidate_pairs(items: list[_Item], *, settings: Settings) -> set[tuple[int, int]]:
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for word in _probe(item, settings.probe_words):
            postings[(item.family, word)].append(i)
        postings[(item.family, "#" + item.head)].append(i)
    pairs: set[tuple[int, int]] = set()
    for ids in postings.values():
        if len(ids) > settings.max_postings:
            continue
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                pairs.add((ids[a], ids[b]))
    return pairs


def _probe(item: _Item, n: int) -> list[str]:
    return [w for w, _ in sorted(item.words.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def _similarity(a: _Item, b: _Item) -> float:
    if len(a.words) > len(b.words):
        a, b = b, a
    dot = sum(v * b.words[w] for w, v in a.words.items() if w in b.words)
    return dot / (a.norm * b.norm)


def _score(a: _Item, b: _Item, settings: Settings) -> float:
    """How surely two claims measure one thing; 0 where they cannot."""
    ca, cb = a.claim, b.claim
    if ca.equivalent_of == cb.id:
        return 1.0
    if a.sentence_key == b.sentence_key or a.family != b.family or ca.per != cb.per:
        return 0.0
    same_value = values_compatible(ca, cb)
    if ca.kind in ("count",) and a.head != b.head and not same_value:
        return 0.0
    if ca.kind in ("distance", "duration") and not _units_comparable(ca, cb):
        return 0.0
    if not same_value and not _same_time(a, b):
        return 0.0
    score = _similarity(a, b)
    if a.head and a.head == b.head:
        score += 0.1
    if same_value:
        score += 0.1
    elif not _close(ca, cb):
        score -= 0.1
    bar = settings.same_document if a.doc == b.doc else settings.cross_document
    return score if score >= bar else 0.0


def _units_comparable(a: Claim, b: Claim) -> bool:
    return interval(a) is not None and interval(b) is not None


def _same_time(a: _Item, b: _Item) -> bool:
    if a.anchor and b.anchor and a.anchor != b.anchor:
        return False
    return not (a.marker and b.marker and a.marker != b.marker)


def _close(a: Claim, b: Claim) -> bool:
    """Values within a factor of two: a misreport, not two different measures."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return False
    lo = min(ia.high, ib.high)
    hi = max(ia.low, ib.low)
    return lo > 0 and hi / lo <= 2.0 or _vague(a) or _vague(b)


def _vague(claim: Claim) -> bool:
    return claim.qualifier == "vague"


def _can_merge(items: list[_Item], left: list[int], right: list[int]) -> bool:
    """No two claims of one sentence, no rate with a total, no two times with two values."""
    for i in left:
        for j in right:
            a, b = items[i], items[j]
            if a.sentence_key == b.sentence_key and a.claim.equivalent_of != b.claim.id:
                return False
            if a.claim.per != b.claim.per:
                return False
            if not values_compatible(a.claim, b.claim) and not _same_time(a, b):
                return False
    return True


__all__ = ["Interval", "Settings", "group_claims"]
