"""Cost of grouping and assessing claims (``pipeline.build_groups``) as the number of claims grows.

    .venv/bin/python benchmarks/bench_group.py [--sizes 10000,100000,1000000] [--profile 100000]

The claims are synthetic, generated here (no files, no extractor), but shaped like a news corpus:

* one document per ``--per-doc`` claims (20), and one story per ``--docs-per-story`` documents (5):
  sources covering one story share its names and restate its measures, so real groups form;
* sentence words drawn from a vocabulary of ``--vocab`` made-up words with Zipfian frequencies
  (s = 1.07, as in English text), plus stopwords, so IDF weights and posting caps behave as on text;
* kinds money, count, percent, distance, duration and year with plausible values and units;
  qualifiers (about, more than, up to, vague), ranges, yearly rates, restatements in a second
  currency, time markers ("Initially,") and years in the sentence, in proportions like the seeds.

Claims are built with ``Claim.model_construct`` (no validation) so that generating a million of
them takes seconds rather than minutes; the generator is not what is measured. All of them share one
``__pydantic_fields_set__`` (every field is set in every claim), which saves 1 KB a claim: the input
of the 1M size takes about 1.6 GB instead of 2.6 GB, and the table shows it ("base MB").

Each size runs in a fresh subprocess, so ``ru_maxrss`` is that size's own peak; its address space is
capped at ``--mem-limit-mb`` (4096, the target) so that a size over budget fails with MemoryError
instead of swapping the machine, and ``--timeout`` (900 s) stops a size that runs too long. Only ``build_groups``
is timed; the table shows its seconds, the part of them spent in ``group_identities`` (forming the groups;
the rest is ``assess``, which labels and judges each group), claims/s, the process's peak RSS (generation included; the
resident size after generation is shown separately) and the growth in time from the previous size
relative to the growth in claims (1.0 = linear). With ``--profile N`` the size N is run under
cProfile and the functions taking the most cumulative and own time are printed.
"""

from __future__ import annotations

import argparse
import bisect
import cProfile
import io
import itertools
import json
import pstats
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from factcheck import pipeline
from factcheck.group import cluster
from factcheck.group.cluster import group_identities
from factcheck.models import Claim, Identity, Normalized
from factcheck.pipeline import build_groups

ROOT = Path(__file__).resolve().parent.parent
CLAIM_FIELDS = set(Claim.model_fields)  # shared by all generated claims: see the docstring
NORMALIZED_FIELDS = set(Normalized.model_fields)
STOPWORDS = (
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "for",
    "on",
    "was",
    "with",
    "by",
    "is",
    "at",
    "from",
    "said",
    "has",
    "its",
    "it",
    "be",
    "as",
    "will",
    "have",
    "their",
    "but",
    "which",
    "after",
)
SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ra",
    "ne",
    "sto",
    "vil",
    "dor",
    "pen",
    "tal",
    "ur",
    "bes",
    "gri",
    "mon",
    "sha",
    "ve",
    "zi",
    "port",
    "lan",
    "cor",
    "ith",
    "ab",
    "en",
    "ol",
    "tra",
    "kel",
    "fu",
    "ster",
    "nor",
    "ma",
)
# Counted nouns, most frequent first (drawn with a Pareto tail, so "person" is common and "ferry" rare).
NOUNS = (
    "person",
    "people",
    "member",
    "worker",
    "student",
    "child",
    "job",
    "home",
    "patient",
    "soldier",
    "vote",
    "bed",
    "seat",
    "house",
    "resident",
    "school",
    "vehicle",
    "prisoner",
    "cell",
    "teacher",
    "nurse",
    "flight",
    "ticket",
    "tree",
    "bus",
    "train",
    "refugee",
    "tourist",
    "officer",
    "fan",
    "apartment",
    "doctor",
    "farmer",
    "company",
    "hospital",
    "village",
    "tonne",
    "case",
    "death",
    "victim",
    "employee",
    "customer",
    "passenger",
    "visitor",
    "voter",
    "player",
    "athlete",
    "migrant",
    "troop",
    "protester",
    "shop",
    "factory",
    "mine",
    "bridge",
    "road",
    "car",
    "plane",
    "ship",
    "ferry",
    "store",
    "site",
    "unit",
    "room",
    "dose",
    "test",
    "vaccine",
    "animal",
    "horse",
    "cow",
    "bird",
    "fish",
    "book",
    "copy",
    "user",
)
CURRENCIES = (("EUR", "€", 1.0), ("USD", "$", 1.0389), ("GBP", "£", 0.82918), ("DKK", "DKK ", 7.46038))
DISTANCES = (("km", "kilometres"), ("m", "metres"), ("mi", "miles"))
DURATIONS = (("year", "years"), ("month", "months"), ("week", "weeks"), ("day", "days"))
KINDS = ("money", "count", "count", "percent", "distance", "duration", "year")
MARKERS = ("Initially,", "Currently,", "Later,", "Today,")
VAGUE = {
    "money": "multi-million euro",
    "count": "hundreds of {noun}s",
    "distance": "a few kilometres",
    "duration": "several weeks",
}


class Vocabulary:
    """Made-up words with Zipfian frequencies: word r is drawn with weight 1 / r ** s."""

    def __init__(self, size: int, rng: random.Random, *, s: float = 1.07) -> None:
        words: set[str] = set()
        while len(words) < size:
            words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.words = sorted(words)
        rng.shuffle(self.words)
        cumulative = list(itertools.accumulate(1.0 / (r**s) for r in range(1, size + 1)))
        self.cumulative = cumulative
        self.total = cumulative[-1]
        self.rng = rng

    def draw(self, n: int) -> list[str]:
        rnd, words, cum, total = self.rng.random, self.words, self.cumulative, self.total
        return [words[bisect.bisect_left(cum, rnd() * total)] for _ in range(n)]


class Story:
    """What several sources report: a few names and a few measures, each with a true value."""

    def __init__(self, vocab: Vocabulary, rng: random.Random) -> None:
        self.names = [w.capitalize() for w in rng.sample(vocab.words[2000:], 4)]
        self.topic = vocab.draw(6)
        self.measures = [_measure(rng) for _ in range(rng.randint(3, 8))]


def _round(value: float, digits: int = 2) -> float:
    """Round to ``digits`` significant digits, as reporters round: 1,234 -> 1,200."""
    if value <= 0:
        return value
    scale = 10 ** (len(str(int(value))) - digits)
    return float(max(round(value / scale) * scale, 1))


def _measure(rng: random.Random) -> dict[str, Any]:
    """A measure with a plausible value: log-uniform magnitudes, rounded as in print, recent years."""
    kind = rng.choice(KINDS)
    m: dict[str, Any] = {"kind": kind}
    if kind == "money":
        m["value"] = _round(10 ** rng.uniform(5, 10))
        m["currency"] = rng.choice(CURRENCIES[:2] * 3 + CURRENCIES[2:])
        m["per"] = "year" if rng.random() < 0.12 else None
    elif kind == "count":
        m["value"] = int(_round(10 ** rng.uniform(0.5, 6)))
        m["noun"] = NOUNS[min(int(rng.paretovariate(0.8)) - 1, len(NOUNS) - 1)]
    elif kind == "percent":
        m["value"] = round(rng.uniform(0.5, 80), 1)
    elif kind == "distance":
        m["value"] = _round(10 ** rng.uniform(-0.3, 3.7))
        m["unit"] = rng.choice(DISTANCES)
    elif kind == "duration":
        m["value"] = min(int(rng.paretovariate(1.0)), 60)
        m["unit"] = rng.choice(DURATIONS)
    else:
        m["value"] = 2025 - min(int(rng.expovariate(0.15)), 75)
    return m


class Generator:
    """Documents of claims, each document about one story, each claim in a sentence of its own."""

    def __init__(self, *, seed: int, vocab_size: int, per_doc: int, docs_per_story: int) -> None:
        self.rng = random.Random(seed)
        self.vocab = Vocabulary(vocab_size, self.rng)
        self.per_doc = per_doc
        self.docs_per_story = docs_per_story
        self.stories: list[Story] = []

    def claims(self, n: int) -> list[Claim]:
        out: list[Claim] = []
        doc = 0
        while len(out) < n:
            if doc % self.docs_per_story == 0:
                self.stories.append(Story(self.vocab, self.rng))
            out.extend(
                self._document(
                    doc, self.stories[-1] if self.rng.random() < 0.8 else self.rng.choice(self.stories)
                )
            )
            doc += 1
        return out[:n]

    def _document(self, number: int, story: Story) -> list[Claim]:
        rng = self.rng
        path = f"synthetic/{number:07d}.txt"
        doc_id = f"d{number}"
        claims: list[Claim] = []
        offset = 0
        while len(claims) < self.per_doc:
            measure = rng.choice(story.measures) if rng.random() < 0.6 else _measure(rng)
            made = self._sentence(measure, story, path=path, doc_id=doc_id, first=len(claims), offset=offset)
            claims.extend(made)
            offset += len(made[0].sentence) + 1
        return claims

    def _sentence(
        self, measure: dict[str, Any], story: Story, *, path: str, doc_id: str, first: int, offset: int
    ) -> list[Claim]:
        rng = self.rng
        quantities = [self._quantity(measure)]
        if (
            measure["kind"] == "money" and quantities[0]["fields"].get("value") and rng.random() < 0.04
        ):  # "EUR 210 million (DKK 1.5 billion)"
            quantities.append(self._restated(quantities[0]))
        elif rng.random() < 0.15:  # a second, unrelated figure in the same sentence
            quantities.append(self._quantity(_measure(rng)))
        words = [
            *rng.sample(story.names, 2),
            *rng.sample(story.topic, 3),
            *self.vocab.draw(rng.randint(6, 14)),
        ]
        words += rng.choices(STOPWORDS, k=len(words) // 2)
        rng.shuffle(words)
        if rng.random() < 0.08:
            words.insert(0, rng.choice(MARKERS))
        if rng.random() < 0.1:
            words.insert(rng.randrange(len(words) + 1), f"in {rng.randint(1995, 2025)}")
        slots = sorted(rng.sample(range(1, len(words) + 1), len(quantities)))
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        length = 0
        for i, word in enumerate(words):
            for q, slot in enumerate(slots):
                if slot == i:
                    lead, text = quantities[q]["lead"], quantities[q]["text"]
                    piece = f"{lead}{text}{quantities[q].get('trail', '')}"
                    start = length + len(lead)
                    spans.append((start, start + len(text)))
                    parts.append(piece)
                    length += len(piece) + 1
            parts.append(word)
            length += len(word) + 1
        for q, slot in enumerate(slots):
            if slot == len(words):
                lead, text = quantities[q]["lead"], quantities[q]["text"]
                start = length + len(lead)
                spans.append((start, start + len(text)))
                parts.append(f"{lead}{text}{quantities[q].get('trail', '')}")
                length += len(parts[-1]) + 1
        joined = " ".join(parts)
        sentence = joined[0].upper() + joined[1:] + "."
        ids = [f"{doc_id}:c{first + k}" for k in range(len(quantities))]
        made = []
        for k, (quantity, (start, end)) in enumerate(zip(quantities, spans, strict=True)):
            fields = dict(quantity["fields"])
            if quantity.get("restates") is not None:
                fields["equivalent_of"] = ids[0]
            elif len(quantities) > 1 and quantities[1].get("restates") is not None and k == 0:
                fields["equivalent_of"] = ids[1]
            made.append(
                Claim.model_construct(
                    _fields_set=CLAIM_FIELDS,
                    id=ids[k],
                    document=path,
                    start=offset + start,
                    end=offset + end,
                    text=sentence[start:end],
                    sentence=sentence,
                    sentence_start=offset,
                    qualifier_text=None,
                    date=None,
                    normalized=Normalized.model_construct(
                        _fields_set=NORMALIZED_FIELDS, value=fields.get("value"), unit=fields.get("unit")
                    ),
                    **{
                        "value": None,
                        "low": None,
                        "high": None,
                        "unit": None,
                        "qualifier": None,
                        "per": None,
                        "equivalent_of": None,
                        **fields,
                    },
                )
            )
        return made

    def _quantity(self, measure: dict[str, Any]) -> dict[str, Any]:
        """A source's statement of a measure: mostly its value, sometimes rounded, hedged or off."""
        rng = self.rng
        kind = str(measure["kind"])
        value = float(measure["value"])
        roll = rng.random()
        qualifier = None
        if kind != "year" and roll < 0.15:
            qualifier = "approx"
        elif kind != "year" and roll < 0.2:
            qualifier = "more_than"
        elif kind != "year" and roll < 0.22:
            qualifier = "up_to"
        if rng.random() < 0.2:  # a different figure: a typo, an update, another estimate
            value = value * rng.choice((0.5, 0.9, 0.95, 1.05, 1.1, 2.0)) if kind != "year" else value + 1
        lead = {"approx": "about ", "more_than": "more than ", "up_to": "up to ", None: ""}[qualifier]
        fields: dict[str, Any] = {"kind": kind, "qualifier": qualifier}
        if kind in VAGUE and rng.random() < 0.02:
            text = VAGUE[kind].format(noun=measure.get("noun", "person"))
            unit = {"money": "EUR", "count": measure.get("noun"), "distance": "km", "duration": "week"}[kind]
            fields.update(qualifier="vague", unit=unit)
            return {"lead": "", "text": text, "fields": fields}
        if kind == "money":
            code, symbol, rate = measure["currency"]
            amount = value * rate
            text = f"{symbol}{_scaled(amount)}"
            fields.update(value=_tidy(amount), unit=code, per=measure.get("per"))
            if measure.get("per"):
                text += " a year"
        elif kind == "count":
            v = int(value)
            if rng.random() < 0.03:
                fields.update(low=v, high=int(v * 1.15), value=None, unit=measure["noun"])
                return {
                    "lead": "",
                    "text": f"{v:,} to {int(v * 1.15):,} {measure['noun']}s",
                    "fields": fields,
                }
            text = f"{v:,} {measure['noun']}s"
            fields.update(value=v, unit=measure["noun"])
        elif kind == "percent":
            text = f"{value:g}%"
            fields.update(value=_tidy(value), unit="%")
        elif kind in ("distance", "duration"):
            unit, word = measure["unit"]
            text = f"{value:,g} {word}"
            fields.update(value=_tidy(value), unit=unit)
        else:
            text = f"{int(value)}"
            fields.update(value=int(value), unit="year", qualifier=None)
        return {"lead": lead, "text": text, "fields": fields}

    def _restated(self, quantity: dict[str, Any]) -> dict[str, Any]:
        fields = dict(quantity["fields"])
        value = float(fields["value"])
        fields.update(value=_tidy(value * 7.46038), unit="DKK", qualifier=None)
        return {
            "lead": "(",
            "text": f"DKK {_scaled(value * 7.46038)}",
            "fields": fields,
            "restates": 0,
            "trail": ")",
        }


def _scaled(amount: float) -> str:
    if amount >= 1e9:
        return f"{amount / 1e9:.3g} billion"
    if amount >= 1e6:
        return f"{amount / 1e6:.3g} million"
    return f"{amount:,.0f}"


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def run_one(size: int, *, args: argparse.Namespace) -> dict[str, float]:
    """Generate ``size`` claims and time ``build_groups`` on them, in this process."""
    started = time.perf_counter()
    gen = Generator(
        seed=args.seed, vocab_size=args.vocab, per_doc=args.per_doc, docs_per_story=args.docs_per_story
    )
    claims = gen.claims(size)
    generated = time.perf_counter() - started
    base = _rss_mb()
    profiler = cProfile.Profile() if args.profile_child else None
    grouping: list[float] = []

    def timed_group_identities(*call: Any, **options: Any) -> list[tuple[list[Claim], list[Identity]]]:
        """``group_identities`` as ``build_groups`` calls it, timed: the rest of the time is assessing."""
        start = time.perf_counter()
        found = group_identities(*call, **options)
        grouping.append(time.perf_counter() - start)
        return found

    cluster.group_identities = timed_group_identities  # type: ignore[assignment]  # pipeline imports it late
    if hasattr(pipeline, "group_identities"):  # older trees import it at the top of pipeline.py
        pipeline.group_identities = timed_group_identities
    t0 = time.perf_counter()
    if profiler:
        profiler.enable()
    groups = build_groups(claims)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - t0
    result = {
        "size": size,
        "seconds": seconds,
        "group_seconds": grouping[0],
        "generate_seconds": generated,
        "base_mb": base,
        "peak_mb": _rss_mb(),
        "groups": len(groups),
        "conflicts": sum(g.status == "conflict" for g in groups),
        "grouped_claims": sum(len(g.claims) for g in groups),
        "documents": len({c.document for c in claims}),
    }
    if profiler:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(25)
        stats.sort_stats("tottime").print_stats(20)
        print(out.getvalue(), file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated numbers of claims")
    parser.add_argument("--per-doc", type=int, default=20, help="claims per document")
    parser.add_argument("--docs-per-story", type=int, default=5, help="documents covering one story")
    parser.add_argument("--vocab", type=int, default=50_000, help="size of the Zipfian vocabulary")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--mem-limit-mb",
        type=float,
        default=4096,
        help="address-space limit of each run (0: none); a run over it fails with MemoryError",
    )
    parser.add_argument("--timeout", type=float, default=900, help="seconds allowed per size")
    parser.add_argument("--profile", type=int, default=0, help="also run this size under cProfile")
    parser.add_argument("--child", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--profile-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.mem_limit_mb:  # address space, a little above RSS: the child fails instead of swapping
            limit = int(args.mem_limit_mb * 2**20)
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        print(json.dumps(run_one(args.child, args=args)))
        return
    common = [
        "--mem-limit-mb",
        str(args.mem_limit_mb),
        "--per-doc",
        str(args.per_doc),
        "--docs-per-story",
        str(args.docs_per_story),
        "--vocab",
        str(args.vocab),
        "--seed",
        str(args.seed),
    ]
    rows: list[dict[str, Any]] = []
    print(
        f"{'claims':>9} {'docs':>7} {'seconds':>8} {'grouping':>8} {'claims/s':>9} {'base MB':>8} {'peak MB':>8} "
        f"{'groups':>7} {'conflicts':>9} {'growth':>7}",
        flush=True,
    )
    for size in (int(s) for s in args.sizes.split(",")):
        try:
            proc = subprocess.run(
                [sys.executable, __file__, "--child", str(size), *common],
                capture_output=True,
                text=True,
                check=False,
                timeout=args.timeout,
            )
        except subprocess.TimeoutExpired:
            print(f"{size:>9,} did not finish within {args.timeout:.0f} s", flush=True)
            continue
        if proc.returncode != 0:
            print(f"{size:>9,} failed (exit {proc.returncode}): {proc.stderr.strip()[-500:]}", flush=True)
            continue
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        growth = ""
        if rows:
            prev = rows[-1]
            growth = f"{(row['seconds'] / prev['seconds']) / (row['size'] / prev['size']):.2f}"
        rows.append(row)
        print(
            f"{row['size']:>9,} {row['documents']:>7,} {row['seconds']:>8.2f} {row['group_seconds']:>8.2f} "
            f"{row['size'] / row['seconds']:>9,.0f} "
            f"{row['base_mb']:>8.0f} {row['peak_mb']:>8.0f} {row['groups']:>7,} {row['conflicts']:>9,} "
            f"{growth:>7}",
            flush=True,
        )
    if args.profile:
        print(f"\ncProfile of build_groups on {args.profile:,} claims:", flush=True)
        subprocess.run(
            [sys.executable, __file__, "--child", str(args.profile), "--profile-child", *common],
            check=False,
            stdout=subprocess.DEVNULL,
        )


if __name__ == "__main__":
    main()
