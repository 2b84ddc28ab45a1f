"""Benchmark the sentence splitter against pySBD and syntok: speed, peak memory, accuracy.

    .venv/bin/python benchmarks/bench_split.py [--mb 50] [--sample-mb 1] [--seed 0]

The corpus is built in memory from the seed documents (seeds/) and the Golden Rule texts
(tests/data/pysbd-golden-rules/english.jsonl), shuffled and repeated until it holds ``--mb``
MB of UTF-8, and written to a temporary directory that is removed at the end. Each tool runs
in its own subprocess, so the figures are separate:

* MB/s: UTF-8 megabytes split per second, one document at a time, on one core. Ours runs on
  the whole corpus; pySBD and syntok, far slower, on its first ``--sample-mb`` MB.
  ``factcheck-1str`` is ours again on the whole corpus joined into one string.
* peak MB: the largest amount of memory the tool allocated while splitting, over and above
  the corpus (tracemalloc, in a second pass on the same input); max RSS is the whole
  process, corpus and interpreter included, and RSS +MB how much it grew while splitting
  (timed pass, tracemalloc pass and the accuracy checks).
* Golden Rules: passed / 48, pySBD's protocol (strip each sentence, exact list equality).
* seed gold: how many of the 68 annotated seed sentences come out as exactly one sentence.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLDEN_RULES = ROOT / "tests" / "data" / "pysbd-golden-rules" / "english.jsonl"
SEED_SENTENCES = ROOT / "tests" / "data" / "seed-sentences.jsonl"
TOOLS = ("factcheck", "factcheck-1str", "pysbd", "syntok")

Splitter = Callable[[str], Iterator[str]]


def load_splitter(tool: str) -> Splitter:
    """A function from text to its sentences, stripped, for each tool."""
    if tool.startswith("factcheck"):
        from factcheck.ingest.sentences import split_spans

        def ours(text: str) -> Iterator[str]:
            return (text[start:end] for start, end in split_spans(text))

        return ours
    if tool == "pysbd":
        import pysbd  # type: ignore[import-untyped]

        segmenter = pysbd.Segmenter(language="en", clean=False)

        def pysbd_split(text: str) -> Iterator[str]:
            return (sent.strip() for sent in segmenter.segment(text))

        return pysbd_split
    if tool == "syntok":
        from syntok import segmenter as syntok_segmenter  # type: ignore[import-untyped]

        def syntok_split(text: str) -> Iterator[str]:
            for paragraph in syntok_segmenter.analyze(text):
                for sentence in paragraph:
                    start = sentence[0].offset
                    end = sentence[-1].offset + len(sentence[-1].value)
                    yield text[start:end].strip()

        return syntok_split
    raise ValueError(f"unknown tool {tool!r}")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def build_corpus(megabytes: float, seed: int) -> list[str]:
    """Documents (seed texts and Golden Rule texts), shuffled and repeated, totalling ``megabytes``."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    texts.append("\n\n".join(str(row["text"]) for row in read_jsonl(GOLDEN_RULES)))
    rng = random.Random(seed)
    docs: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        batch = texts[:]
        rng.shuffle(batch)
        for text in batch:
            docs.append(text)
            size += len(text.encode("utf-8"))
    return docs


def golden_score(split: Splitter) -> tuple[int, list[int]]:
    rows = read_jsonl(GOLDEN_RULES)
    failed = [
        int(row["id"]) for row in rows if [s.strip() for s in split(str(row["text"]))] != row["sentences"]
    ]
    return len(rows) - len(failed), failed


def seed_score(split: Splitter) -> tuple[int, int]:
    rows = read_jsonl(SEED_SENTENCES)
    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        found[path.name] = set(split(path.read_text(encoding="utf-8")))
    return sum(row["sentence"] in found[row["doc"]] for row in rows), len(rows)


def worker(tool: str, corpus: Path, megabytes: float) -> dict[str, Any]:
    """Run one tool in this process and return its figures."""
    split = load_splitter(tool)
    sample: list[str] = []
    size = 0
    with corpus.open(encoding="utf-8") as f:  # one JSON string a line: read only the sample
        for line in f:
            if size >= megabytes * 1e6:
                break
            sample.append(json.loads(line))
            size += len(sample[-1].encode("utf-8"))
    if tool == "factcheck-1str":
        sample = ["\n\n".join(sample)]  # the whole corpus as one document
    list(split("Mr. Smith paid EUR 1.5 million. It was late."))  # warm up: imports, compiled patterns

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    count = sum(1 for doc in sample for _ in split(doc))
    seconds = time.perf_counter() - t0

    tracemalloc.start()
    for doc in sample:
        for _ in split(doc):
            pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    passed, failed = golden_score(split)
    found, total = seed_score(split)
    return {
        "tool": tool,
        "mb": size / 1e6,
        "seconds": seconds,
        "sentences": count,
        "peak_mb": peak / 1e6,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # KiB on Linux
        "rss_growth_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024,
        "golden": passed,
        "golden_failed": failed,
        "seed_found": found,
        "seed_total": total,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size for our splitter (MB of UTF-8)")
    parser.add_argument("--sample-mb", type=float, default=1.0, help="sample size for pySBD and syntok")
    parser.add_argument("--seed", type=int, default=0, help="shuffle seed")
    parser.add_argument(
        "--tools", default=",".join(TOOLS), help="comma-separated subset of " + ",".join(TOOLS)
    )
    parser.add_argument("--worker", choices=TOOLS, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus, args.mb)))
        return

    with tempfile.TemporaryDirectory(prefix="bench_split-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        docs = build_corpus(args.mb, args.seed)
        corpus.write_text("".join(json.dumps(doc) + "\n" for doc in docs), encoding="utf-8")
        print(
            f"corpus: {len(docs)} documents, {sum(len(d.encode('utf-8')) for d in docs) / 1e6:.1f} MB",
            file=sys.stderr,
        )
        del docs
        results = []
        for tool in args.tools.split(","):
            megabytes = args.mb if tool.startswith("factcheck") else args.sample_mb
            print(f"running {tool} on {megabytes:g} MB ...", file=sys.stderr)
            cmd = [
                sys.executable,
                __file__,
                "--worker",
                tool,
                "--corpus",
                str(corpus),
                "--mb",
                str(megabytes),
            ]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            results.append(json.loads(out))

    header = f"{'tool':<14} {'MB':>6} {'MB/s':>8} {'sentences':>10} {'peak MB':>8} {'max RSS MB':>10} {'RSS +MB':>7} {'golden':>7} {'seed gold':>9}  failed rules"
    print(header)
    print("-" * len(header))
    for r in results:
        mbps = float(r["mb"]) / float(r["seconds"])
        print(
            f"{r['tool']:<14} {r['mb']:>6.1f} {mbps:>8.2f} {r['sentences']:>10} {r['peak_mb']:>8.2f} "
            f"{r['max_rss_mb']:>10.0f} {r['rss_growth_mb']:>7.1f} {r['golden']:>4}/48 {r['seed_found']:>5}/{r['seed_total']}  "
            f"{','.join(map(str, r['golden_failed']))}"
        )


if __name__ == "__main__":
    main()
