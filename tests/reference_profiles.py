"""Profiles made one claim at a time, the plain way: the reference ``columns.columns_of`` is held to.

This is how ``profiles.py`` made them before the grouper had to take a million claims; the columnar
builder must give the same profiles, word ids and weights (``tests/test_columns.py``).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import chain, filterfalse

from factcheck.config import COMMON_FIGURE, FAR_YEARS, Settings
from factcheck.group.days import claim_days
from factcheck.group.profiles import (
    DAY_MARKERS,
    YEAR,
    Profile,
    Vocabulary,
    casualty_state,
    change,
    countdown,
    family_of,
    figure_of,
    groupable,
    head_of,
    name_variants,
    projected,
    relative_year,
    sentence_year,
    story_year,
    time_marker,
    word_forms,
)
from factcheck.group.subjects import SLOTS, SUBJECT_REACH, attribution, common_words, nearest_names
from factcheck.lexicon.words import REFER_BACK, content_stem, content_stems, refers_back
from factcheck.models import Claim
from factcheck.values import interval, iso_day


def reference_profiles(
    claims: Iterable[Claim],
    *,
    settings: Settings | None = None,
    published: Mapping[str, str | None] | None = None,
) -> tuple[list[Profile], Vocabulary]:
    settings = settings or Settings()
    chosen = sorted((c for c in claims if groupable(c)), key=lambda c: (c.document, c.start, c.id))
    items = [
        Profile(
            claim=c,
            doc=c.document,
            sentence=(c.document, c.sentence_start),
            family=family_of(c),
            head=head_of(c),
            interval=interval(c),
            figure=figure_of(c),
        )
        for c in chosen
    ]
    return items, _weigh(items, settings=settings, published=published or {})


def _contexts(
    items: list[Profile], sentence_ids: Mapping[tuple[str, int], tuple[int, ...]]
) -> list[tuple[int, ...]]:
    """Each claim's context words: its sentence's; for a count that refers back, joined after those of
    the latest count of its noun in its document, at most REFER_BACK sentences (of claims) back."""
    order = {key: k for k, key in enumerate(dict.fromkeys(item.sentence for item in items))}
    out: list[tuple[int, ...]] = []
    last: dict[tuple[str, str], int] = {}
    for k, item in enumerate(items):
        claim = item.claim
        words = sentence_ids[item.sentence]
        if claim.kind == "count" and claim.unit:
            ref = last.get((item.doc, claim.unit))
            gap = order[item.sentence] - order[items[ref].sentence] if ref is not None else 0
            if (
                ref is not None
                and 0 < gap <= REFER_BACK
                and refers_back(claim.sentence, claim.start - claim.sentence_start)
            ):
                words = tuple(dict.fromkeys((*out[ref], *words)))
            last[(item.doc, claim.unit)] = k
        out.append(words)
    return out


def _sources(items: list[Profile], common: frozenset[str]) -> None:
    """Each profile's source: a code per name its sentence gives the claim to, from 1; 0 for none."""
    sources: dict[str, int] = {}
    for item in items:
        found = attribution(item.claim, common)
        item.source = 0 if found is None else sources.setdefault(found, len(sources) + 1)


def _weigh(items: list[Profile], *, settings: Settings, published: Mapping[str, str | None]) -> Vocabulary:
    sentence_words: dict[tuple[str, int], list[str]] = {}
    for item in items:
        words = sentence_words.get(item.sentence)
        if words is None:
            words = sentence_words[item.sentence] = content_stems(item.claim.sentence)
        words.append(item.figure)  # the figures a sentence states are context too
    vocabulary = dict.fromkeys(chain.from_iterable(sentence_words.values()))  # in order of first use
    canon = word_forms(vocabulary, settings=settings)
    ids = {w: k for k, w in enumerate(dict.fromkeys(map(canon.get, vocabulary, vocabulary)))}
    sentence_ids = {
        key: tuple(dict.fromkeys(ids[canon.get(w, w)] for w in words))
        for key, words in sentence_words.items()
    }
    counts = Counter(chain.from_iterable(sentence_ids.values()))
    df = [counts[w] for w in range(len(ids))]
    total = max(len(sentence_ids), 1)
    weight2 = [math.log(1 + total / n) ** 2 for n in df]
    shared = [n > 1 for n in df]
    stated = Counter((item.family, item.figure) for item in items)
    doc_sentences: dict[str, dict[int, str]] = defaultdict(dict)
    for item in items:
        doc_sentences[item.doc][item.sentence[1]] = item.claim.sentence
    stories = _stories(doc_sentences, published)
    common = common_words(item.claim for item in items)
    names = [[n.lower() for n in nearest_names(item.claim, common, reach=SUBJECT_REACH)] for item in items]
    variants = name_variants({n for found in names for n in found}, cutoff=settings.fuzzy_names)
    nearest = [list(dict.fromkeys(variants.get(n, n) for n in found))[:SLOTS] for found in names]
    codes = {name: k for k, name in enumerate(sorted(set(chain.from_iterable(nearest))), 1)}
    for item, found in zip(items, nearest, strict=True):
        item.subject = tuple(sorted(codes[n] for n in found))
        stems = [content_stem(name) for name in sorted(found, key=codes.__getitem__)]
        item.subject_words = tuple(
            ids[canon.get(stem, stem)] for stem in stems if stem is not None and canon.get(stem, stem) in ids
        )
    _sources(items, common)
    for item, day in zip(items, claim_days([item.claim for item in items], published), strict=True):
        item.day = day
        found = iso_day(published.get(item.doc))
        item.published_day = found.toordinal() if found else 0
    contexts = _contexts(items, sentence_ids)
    for item, context in zip(items, contexts, strict=True):
        claim = item.claim
        own = {ids.get(canon.get(w, w), -1) for w in content_stems(claim.text)}
        own.add(ids.get(item.figure, -1))
        item.words = tuple(filterfalse(own.__contains__, context))
        item.norm = math.sqrt(sum(weight2[w] for w in item.words)) or 1.0
        probes = sorted((w for w in item.words if shared[w]), key=lambda w: (df[w], w))
        item.probes = tuple(probes[: settings.probe_words])
        item.rarity = min(1.0, math.sqrt(COMMON_FIGURE / stated[(item.family, item.figure)]))
        years = YEAR.findall(claim.sentence)
        item.marker = time_marker(claim.sentence)
        if claim.kind == "time" and item.marker in DAY_MARKERS:
            item.marker = None
        if years and claim.kind not in ("year", "date"):
            item.anchor = sentence_year(claim, years)
        item.projected = projected(claim)
        item.countdown = countdown(claim)
        item.change = change(claim)
        item.state = casualty_state(claim)
        if item.anchor is None and claim.kind not in ("year", "date"):
            item.anchor = relative_year(claim.sentence, stories[item.doc])
        if item.anchor is None and claim.kind not in ("year", "date"):
            item.anchor = stories[item.doc]
            item.implicit = item.anchor is not None
    figures = {i for word, i in ids.items() if word.startswith("#")}
    by_doc: dict[str, set[int]] = defaultdict(set)
    for item in items:
        by_doc[item.doc].update(item.words)
    return Vocabulary(weight2, {doc: tuple(sorted(words - figures)) for doc, words in by_doc.items()})


def _stories(
    doc_sentences: dict[str, dict[int, str]], published: Mapping[str, str | None]
) -> dict[str, str | None]:
    """Each document's story year: its publication year, else the corpus's middle one if it names that
    year or none, else the year most of its sentences name."""
    dated = sorted(day[:4] for d in doc_sentences if (day := published.get(d)))
    middle = dated[len(dated) // 2] if dated else None
    stories: dict[str, str | None] = {}
    for d, found in doc_sentences.items():
        named = [YEAR.findall(text) for _, text in sorted(found.items())]
        day = published.get(d)
        if day:
            stories[d] = day[:4]
        elif middle is not None and (not any(named) or any(middle in years for years in named)):
            stories[d] = middle
        else:
            year = story_year(named)
            far = middle is not None and year is not None and abs(int(year) - int(middle)) > FAR_YEARS
            stories[d] = middle if far else year
    return stories


__all__ = ["reference_profiles"]
