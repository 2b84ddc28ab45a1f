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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from factcheck.compare import interval, values_compatible
from factcheck.models import Claim
from factcheck.words import WORD as _WORD
from factcheck.words import content_words

GROUPED_KINDS = frozenset({"money", "count", "percent", "distance", "duration", "year", "date", "ratio"})
# Words that set a claim at a time of its own: "initially 308 soldiers", "by November 2010".
TIME_MARKERS = frozenset(
    {
        "initially",
        "originally",
        "currently",
        "now",
        "previously",
        "formerly",
        "today",
        "later",
        "eventually",
        "first",
        "earlier",
    }
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Thresholds of the grouping, named so tests and users can read them at the call site."""

    cross_document: float = 0.2  # score for two claims of different documents to be one measure
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
    cache: dict[tuple[int, int], float] = {}

    def score(i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        if key not in cache:
            cache[key] = _score(items[key[0]], items[key[1]])
        return cache[key]

    def bar(i: int, j: int) -> float:
        """The score a pair needs: higher inside one document; bar(i, i) is the cross-document one."""
        if i != j and items[i].doc == items[j].doc:
            return settings.same_document
        return settings.cross_document

    edges = sorted(
        ((sc, i, j) for i, j in pairs if (sc := score(i, j)) >= bar(i, j)), key=lambda t: (-t[0], t[1], t[2])
    )
    parent = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in edges:
        ri, rj = find(i), find(j)
        if ri == rj or not _linked(members[ri], members[rj], score, bar):
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
    if claim.kind == "date" and (claim.date or "-").startswith("-"):
        return False  # "April 14": no year, no comparison
    return (
        claim.value is not None
        or claim.low is not None
        or claim.qualifier == "vague"
        or claim.date is not None
    )


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
        # The figures a sentence states are context too: "300" beside a sum of money.
        sentence_words[item.sentence_key].append(_figure(item.claim))
    canon = _name_variants({w for ws in sentence_words.values() for w in ws}, cutoff=settings.fuzzy_names)
    df: Counter[str] = Counter()
    for key, words in sentence_words.items():
        sentence_words[key] = [canon.get(w, w) for w in words]
        df.update(set(sentence_words[key]))
    total = max(len(sentence_words), 1)
    for item in items:
        own = {*_tokens(item.claim.text), _figure(item.claim)}
        weights = {w: math.log(1 + total / df[w]) for w in sentence_words[item.sentence_key] if w not in own}
        item.words = weights
        item.norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        item.anchor = _time_anchor(item.claim)
        item.marker = next((w for w in _WORD.findall(item.claim.sentence.lower()) if w in TIME_MARKERS), None)


def _figure(claim: Claim) -> str:
    value = claim.value if claim.value is not None else claim.low
    return f"#{value:g}" if value is not None else f"#{claim.text.lower()}"


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
            for match, _, j in process.extract(
                word, earlier, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3
            ):
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
        postings[(item.family, _figure(item.claim))].append(i)
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


def _score(a: _Item, b: _Item) -> float:
    """How surely two claims measure one thing, from about -0.3 to 1; -1 where they cannot."""
    ca, cb = a.claim, b.claim
    if ca.equivalent_of == cb.id:
        return 1.0
    if a.sentence_key == b.sentence_key or a.family != b.family or ca.per != cb.per:
        return -1.0
    affinity = _affinity(ca, cb)
    same_figure = affinity >= SAME_FIGURE
    if ca.kind == "count" and a.head != b.head and not same_figure:
        return -1.0
    if ca.kind in ("distance", "duration") and not _units_comparable(ca, cb):
        return -1.0
    if not values_compatible(ca, cb) and not _same_time(a, b):
        return -1.0
    score = _similarity(a, b) + affinity
    if a.head and a.head == b.head and ca.kind in ("count", "distance", "duration"):
        score += UNIT_BONUS
    return score


SAME_FIGURE = 0.25  # the same figure in two sources is itself evidence of one measure
UNIT_BONUS = 0.1  # the same counted noun or unit of measure


def _affinity(a: Claim, b: Claim) -> float:
    """What the two figures say of being one measure: the same figure is evidence, a far one against."""
    if a.qualifier == "vague" or b.qualifier == "vague":
        return 0.0
    if a.kind in ("year", "date"):
        ia, ib = interval(a), interval(b)
        if ia is None or ib is None:
            return 0.0
        return SAME_FIGURE if values_compatible(a, b) else -0.2
    va = a.value if a.value is not None else a.low
    vb = b.value if b.value is not None else b.low
    ia, ib = interval(a), interval(b)
    if va is None or vb is None or ia is None or ib is None:
        return 0.0
    bounded = {a.qualifier, b.qualifier} & {"more_than", "less_than", "at_least", "at_most", "up_to"}
    if bounded or a.low is not None or b.low is not None:
        return 0.0 if values_compatible(a, b) else -0.1
    ma, mb = (ia.low + ia.high) / 2, (ib.low + ib.high) / 2
    if ma <= 0 or mb <= 0:
        return SAME_FIGURE if values_compatible(a, b) else 0.0
    ratio = max(ma, mb) / min(ma, mb)
    if ratio <= 1.006 or values_compatible(a, b):
        return SAME_FIGURE
    if ratio <= 1.15:
        return 0.15
    if ratio <= 1.5:
        return 0.05
    return -0.05 if ratio <= 3 else -0.2


def _units_comparable(a: Claim, b: Claim) -> bool:
    return interval(a) is not None and interval(b) is not None


def _same_time(a: _Item, b: _Item) -> bool:
    if a.anchor and b.anchor and a.anchor != b.anchor:
        return False
    return not (a.marker and b.marker and a.marker != b.marker)


def _linked(
    left: list[int],
    right: list[int],
    score: Callable[[int, int], float],
    bar: Callable[[int, int], float],
    *,
    sample: int = 24,
) -> bool:
    """Average linkage: two clusters join when their pairs score, on average, above the bar, and no
    pair is impossible (one sentence, a rate and a total, two times with two values)."""
    cross: list[float] = []
    inside: list[float] = []
    for i in left[:sample]:
        for j in right[:sample]:
            s = score(i, j)
            if s <= -1.0:
                return False
            (inside if bar(i, j) > bar(i, i) else cross).append(s)
    if cross:  # pairs within one document only veto; the cross-document pairs carry the decision
        return sum(cross) / len(cross) >= LINKAGE * bar(left[0], left[0])
    return sum(inside) / len(inside) >= LINKAGE * bar(left[0], right[0])


LINKAGE = 0.75  # the average pair may score a little under the bar a single edge needs


__all__ = ["Settings", "group_claims"]
