"""Copies of one article: a folder of N republished copies finishes, and reports one source.

    python benchmarks/bench_copies.py              # 10,000 copies of a bundled seed article
    python benchmarks/bench_copies.py --copies 1000

Each copy is the article with a site's own first line and footer, as wire copies are. The report must
count the copies as one source: no group may hold two of them, and the summaries name the original.
Prints the time to read, to find the copies and to group, and the peak memory of this process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from factcheck.ingest.copies import find_copies
from factcheck.pipeline import read_corpus

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=10_000)
    ap.add_argument("--article", type=Path, default=ROOT / "seeds" / "001_8b5d09a2726d9d24.txt")
    a = ap.parse_args(argv)
    text = a.article.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(a.copies):
            Path(tmp, f"site{k:05}.txt").write_text(
                f"Site {k} news\n\n{text}\nShare this story on site {k}.\n"
            )
        started = time.perf_counter()
        corpus = read_corpus([tmp])
        read = time.perf_counter() - started
        started = time.perf_counter()
        copies = find_copies(corpus.docs)
        found = time.perf_counter() - started
        started = time.perf_counter()
        groups = corpus.groups()
        grouped = time.perf_counter() - started
    sources = {c.document for g in groups for c in g.claims}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{a.copies:,} copies: read and extracted in {read:.1f} s, copies found in {found:.1f} s "
          f"({len(copies):,} copies of {a.copies - len(copies)} original), grouped in {grouped:.1f} s; "
          f"{len(groups)} groups from {len(sources)} source(s); peak RSS {peak:,.0f} MB")  # fmt: skip
    return 0 if len(sources) <= 1 and len(copies) == a.copies - 1 else 1


if __name__ == "__main__":
    sys.exit(main())
