"""Throughput and peak memory of ``extract_text``, next to quantulum3 on a sample of the same text.

    .venv/bin/python benchmarks/bench_extract_speed.py [--mb 50] [--q3-mb 0.3] [--chunk-kb 8]

The corpus is built in a temporary folder (never committed): the paragraphs of ``seeds/*.txt``,
shuffled with a fixed seed and repeated until it reaches ``--mb`` megabytes. It is fed to each
tool in document-sized chunks (paragraphs joined up to ``--chunk-kb``), as ``analyze`` would feed
documents. Each tool runs in its own subprocess, so its peak RSS (``ru_maxrss``) is its own:

* startup: importing the extractor and the first call (lexicons and patterns compile lazily);
* steady state: the whole corpus after that first call, in MB/s of UTF-8 input; the corpus is
  streamed from disk, so peak RSS is the tool's own memory, not the corpus';
* quantulum3: the first ``--q3-mb`` MB of the same corpus (it is too slow for 50 MB), same chunks.
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
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def build_corpus(path: Path, *, mb: float, seed: int = 7) -> int:
    """Write shuffled seed paragraphs to ``path`` until it holds ``mb`` MB; return its size in bytes."""
    paragraphs = [
        p.strip()
        for f in sorted(SEEDS.glob("*.txt"))
        for p in f.read_text(encoding="utf-8").split("\n\n")
        if p.strip()
    ]
    rng = random.Random(seed)
    target = int(mb * 1_000_000)
    size = 0
    with path.open("w", encoding="utf-8") as out:
        while size < target:
            rng.shuffle(paragraphs)
            for p in paragraphs:
                block = p + "\n\n"
                out.write(block)
                size += len(block.encode("utf-8"))
                if size >= target:
                    break
    return size


def chunks(path: Path, *, chunk_bytes: int, limit_bytes: int | None = None) -> Iterator[str]:
    """Paragraphs of the corpus file joined into pieces of about ``chunk_bytes`` (a document's
    worth), streamed so that the corpus itself never sits in memory; stop after ``limit_bytes``."""
    current: list[str] = []
    size = total = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            current.append(line)
            size += len(line.encode("utf-8"))
            if size >= chunk_bytes and not line.strip():
                yield "".join(current)
                total += size
                current, size = [], 0
                if limit_bytes is not None and total >= limit_bytes:
                    return
    if current:
        yield "".join(current)


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def worker(tool: str, corpus: Path, *, limit_mb: float | None, chunk_kb: int) -> dict[str, float]:
    """Run in a subprocess: time one tool over the corpus, report JSON on stdout."""
    rss_start = max_rss_mb()
    t0 = time.perf_counter()
    if tool == "ours":
        from factcheck.extract import extract_text

        def run(text: str) -> int:
            return len(extract_text(text))
    else:
        import warnings

        warnings.filterwarnings("ignore")
        from quantulum3 import parser

        def run(text: str) -> int:
            return len(parser.parse(text))

    import_s = time.perf_counter() - t0
    limit = None if limit_mb is None else int(limit_mb * 1_000_000)
    pieces = chunks(corpus, chunk_bytes=chunk_kb * 1000, limit_bytes=limit)
    rss_loaded = max_rss_mb()
    t1 = time.perf_counter()
    found = run(next(pieces))
    first_s = time.perf_counter() - t1
    steady_bytes = n_chunks = 0
    t2 = time.perf_counter()
    for piece in pieces:
        found += run(piece)
        steady_bytes += len(piece.encode("utf-8"))
        n_chunks += 1
    steady_s = time.perf_counter() - t2
    return {
        "import_s": import_s,
        "first_call_s": first_s,
        "steady_s": steady_s,
        "bytes": steady_bytes,
        "chunks": n_chunks + 1,
        "quantities": found,
        "mb_per_s": steady_bytes / 1e6 / steady_s if steady_s else float("inf"),
        "rss_start_mb": rss_start,
        "rss_text_loaded_mb": rss_loaded,
        "peak_rss_mb": max_rss_mb(),
    }


def spawn(tool: str, corpus: Path, *, limit_mb: float | None, chunk_kb: int) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--worker", tool, "--corpus", str(corpus), "--chunk-kb", str(chunk_kb)]
    if limit_mb is not None:
        cmd += ["--limit-mb", str(limit_mb)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{tool} worker failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=50.0, help="corpus size for our extractor (default 50)")
    ap.add_argument("--q3-mb", type=float, default=0.3, help="sample size for quantulum3 (default 0.3)")
    ap.add_argument("--chunk-kb", type=int, default=8, help="text per extract_text call (default 8 KB)")
    ap.add_argument("--no-quantulum", action="store_true")
    ap.add_argument("--worker", choices=["ours", "quantulum3"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--limit-mb", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        print(json.dumps(worker(args.worker, args.corpus, limit_mb=args.limit_mb, chunk_kb=args.chunk_kb)))
        return 0

    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        corpus = Path(tmp) / "corpus.txt"
        t0 = time.perf_counter()
        size = build_corpus(corpus, mb=args.mb)
        print(
            f"corpus: {size / 1e6:.1f} MB from {len(list(SEEDS.glob('*.txt')))} seed files "
            f"({time.perf_counter() - t0:.1f}s to build), chunks of ~{args.chunk_kb} KB",
            file=sys.stderr,
        )
        rows = {"ours": spawn("ours", corpus, limit_mb=None, chunk_kb=args.chunk_kb)}
        if not args.no_quantulum:
            rows["quantulum3"] = spawn("quantulum3", corpus, limit_mb=args.q3_mb, chunk_kb=args.chunk_kb)

    print(
        f"{'tool':<11} {'MB':>6} {'import s':>8} {'1st call s':>10} {'steady s':>9} {'MB/s':>8} "
        f"{'found':>9} {'RSS ready MB':>12} {'peak RSS MB':>11} {'growth MB':>9}"
    )
    for tool, r in rows.items():
        print(
            f"{tool:<11} {r['bytes'] / 1e6:>6.2f} {r['import_s']:>8.2f} {r['first_call_s']:>10.3f} "
            f"{r['steady_s']:>9.2f} {r['mb_per_s']:>8.3f} {int(r['quantities']):>9} "
            f"{r['rss_text_loaded_mb']:>12.0f} {r['peak_rss_mb']:>11.0f} "
            f"{r['peak_rss_mb'] - r['rss_text_loaded_mb']:>9.0f}"
        )
    print(
        "RSS ready: after the import, before the first call; growth: peak minus that (the corpus is streamed)"
    )
    if "quantulum3" in rows:
        ratio = rows["ours"]["mb_per_s"] / rows["quantulum3"]["mb_per_s"]
        print(f"ours / quantulum3 steady-state throughput: {ratio:.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
