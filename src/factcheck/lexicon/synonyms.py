"""Words that name one measure in other words, from WordNet: "voters" and "electors", "bought" and
"purchased", "killed" and "died", "acquired" and "acquisition".

``wordnet_classes.json.gz`` is built from WordNet 3.0 by ``scripts/build_wordnet_classes.py`` (its
docstring gives the rule): for each lemma, its *senses* (its first synsets) and its *reach* (close
hypernyms, derivationally related forms, verb causes), synsets renumbered and written in base 36,
"senses|reach|v" with the "v" for a verb. Two words are related when
the senses of one meet the senses or the reach of the other. The table is keyed by lemma; this module
keys it by the stems grouping compares (``words.content_stem``) of the lemma's inflections.
WordNet's licence is in ``WORDNET_LICENSE`` beside the table.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from factcheck.lexicon.words import content_stem

TABLE = "wordnet_classes.json.gz"
SIBILANTS = ("s", "x", "z", "ch", "sh")


def inflections(lemma: str, *, verb: bool, irregular: Iterable[str] = ()) -> list[str]:
    """The lemma and its regular and irregular inflections. A form English never writes ("stoped")
    does no harm: it is never met.

    >>> inflections("die", verb=True)
    ['die', 'dies', 'died', 'dying']
    >>> inflections("buy", verb=True, irregular=["bought"])
    ['buy', 'bought', 'buys', 'buyed', 'buying']
    >>> inflections("casualty", verb=False)
    ['casualty', 'casualties']
    """
    forms = [lemma, *irregular]
    consonant_y = lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "o", "u")
    if consonant_y:
        forms.append(lemma[:-1] + "ies")
    else:
        forms.append(lemma + ("es" if lemma.endswith(SIBILANTS) else "s"))
    if verb:
        if lemma.endswith("ie"):
            forms += [lemma + "d", lemma[:-2] + "ying"]
        elif lemma.endswith("e"):
            forms += [lemma + "d", lemma[:-1] + "ing"]
        elif consonant_y:
            forms += [lemma[:-1] + "ied", lemma + "ing"]
        else:
            forms += [lemma + "ed", lemma + "ing"]
            if len(lemma) <= 4 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":  # stop, stopped
                forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return forms


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    raw = resources.files("factcheck.lexicon").joinpath(TABLE).read_bytes()
    found: dict[str, Any] = json.loads(gzip.decompress(raw))
    return found


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    """Each noun stem whose lemma's first sense names people ("p") or things ("t"); a stem of both
    is left out."""
    kinds: dict[str, str] = {}
    for kind, key in (("p", "people"), ("t", "things")):
        for lemma in _data()[key].split():
            for form in inflections(lemma, verb=False):
                stem = content_stem(form)
                if stem is not None:
                    kinds[stem] = kind if kinds.get(stem, kind) == kind else "?"
    return {stem: kind for stem, kind in kinds.items() if kind != "?"}


def noun_kind(stem: str) -> str | None:
    """Whether a counted noun's stem names people ("p"), things ("t"), or neither or both (None), by
    the lexicographer file of its lemma's first WordNet sense. A count of people is never a count of
    things in other words: "20 beds" is not "23 people".

    >>> noun_kind("bed"), noun_kind("peopl"), noun_kind("employe"), noun_kind("job")
    ('t', 'p', 'p', None)
    """
    return _kinds().get(stem)


@lru_cache(maxsize=1)
def _entries() -> dict[str, list[str]]:
    """Each stem's entries ("senses|reach|v") of the lemmas one of whose forms has that stem; parsed
    only when a stem is looked up, since a corpus meets a few thousand of them."""
    data = _data()
    irregular: dict[str, list[str]] = data["irregular"]
    entries: dict[str, list[str]] = defaultdict(list)
    for lemma, entry in data["lemmas"].items():
        for form in inflections(lemma, verb=entry.endswith("v"), irregular=irregular.get(lemma, ())):
            stem = content_stem(form)
            if stem is not None and entry not in (found := entries[stem]):
                found.append(entry)
    return dict(entries)


@lru_cache(maxsize=1 << 16)
def _lookup(stem: str) -> tuple[frozenset[int], frozenset[int]]:
    """A stem's senses and reach: the union over its lemmas' entries."""
    senses: set[int] = set()
    reach: set[int] = set()
    for entry in _entries().get(stem, ()):
        mine, near, _ = entry.split("|")
        senses.update(int(code, 36) for code in mine.split())
        reach.update(int(code, 36) for code in near.split())
    return frozenset(senses), frozenset(reach)


def classes_of(stem: str) -> frozenset[int]:
    """The WordNet senses of the words with this stem, as small integers; empty for a word WordNet
    relates to nothing (or does not know).

    >>> classes_of("voter") == classes_of("elector") != frozenset()
    True
    """
    return _lookup(stem)[0]


def related(a: str, b: str) -> bool:
    """Whether two stems name one thing: the senses of one meet the senses or the reach of the other.

    >>> related("died", "kill"), related("acquir", "acquisition"), related("minimum", "maximum")
    (True, True, False)
    """
    (sa, ra), (sb, rb) = _lookup(a), _lookup(b)
    return not (sa.isdisjoint(sb) and sa.isdisjoint(rb) and ra.isdisjoint(sb))


def synonym_pairs(stems: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of the given stems that are related, each pair once, sorted: found through the synsets
    the stems hold, not by comparing every two."""
    holders: dict[int, set[str]] = defaultdict(set)  # synset -> stems with it as a sense
    reachers: dict[int, set[str]] = defaultdict(set)  # synset -> stems that reach it
    for stem in set(stems):
        senses, reach = _lookup(stem)
        for synset in senses:
            holders[synset].add(stem)
        for synset in reach:
            reachers[synset].add(stem)
    pairs: set[tuple[str, str]] = set()
    for synset, owners in holders.items():
        for a in owners:
            for b in owners | reachers.get(synset, set()):
                if a != b:
                    pairs.add((a, b) if a < b else (b, a))
    return sorted(pairs)


__all__ = ["classes_of", "inflections", "noun_kind", "related", "synonym_pairs"]
