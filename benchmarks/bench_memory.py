"""Peak memory of ``factcheck conflicts`` and ``factcheck claims --format jsonl`` on a large corpus.

    .venv/bin/python benchmarks/bench_memory.py [--mb 100] [--file-kb 200] [--seed 0] [--keep DIR]

The corpus is made from the seed documents (seeds/): their paragraphs shuffled, every number in
them changed at random (so that claims differ from file to file, as news of many stories does), cut
into files of about ``--file-kb`` KB until it holds ``--mb`` MB of UTF-8, in a temporary folder
removed at the end (or ``--keep DIR``). Each command runs as its own process, with its output sent to
/dev/null; its peak resident memory (max RSS, from ``wait4``) and wall time are printed.

Issue 19's targets, for 100 MB: ``conflicts`` below 3 GB, ``claims --format jsonl`` below 500 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
COMMANDS = {
    "conflicts": ["conflicts"],
    "claims --format jsonl": ["claims", "--format", "jsonl"],
    "conflicts --json": ["conflicts", "--json"],
}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def paragraphs() -> list[str]:
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        found += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 40]
    return found


def make_corpus(folder: Path, *, mb: float, file_kb: int, seed: int) -> int:
    """Files of shuffled seed paragraphs with numbers changed; returns the bytes written."""
    rng = random.Random(seed)
    pool = paragraphs()
    total, index = 0, 0
    target = int(mb * 1024 * 1024)
    while total < target:
        parts, size = [], 0
        while size < file_kb * 1024:
            text = _NUMBER.sub(lambda m: str(rng.randint(1, 999)), rng.choice(pool))
            parts.append(text)
            size += len(text.encode("utf-8")) + 2
        data = (f"Story {index}\n\n" + "\n\n".join(parts) + "\n").encode("utf-8")
        (folder / f"{index:05d}.txt").write_bytes(data)
        total += len(data)
        index += 1
    return total


def peak(args: list[str]) -> tuple[float, float, int]:
    """(max RSS in MB, seconds, exit code) of ``python -m factcheck ARGS``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SOURCE_DATE_EPOCH": "1700000000"}
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen([sys.executable, "-m", "factcheck", *args], stdout=sink, env=env)
        _, status, usage = os.wait4(child.pid, 0)
    return usage.ru_maxrss / 1024, time.perf_counter() - started, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=100.0, help="corpus size in MB (default 100)")
    parser.add_argument("--file-kb", type=int, default=200, help="size of each file in KB (default 200)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    parser.add_argument("--only", choices=sorted(COMMANDS), action="append", help="run only these commands")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = options.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        size = make_corpus(folder, mb=options.mb, file_kb=options.file_kb, seed=options.seed)
        print(f"corpus: {size / 1024 / 1024:.1f} MB in {len(list(folder.iterdir()))} files")
        print(f"{'command':<24} {'peak RSS MB':>12} {'seconds':>9} {'exit':>5}")
        for name in options.only or list(COMMANDS):
            rss, seconds, code = peak([*COMMANDS[name], str(folder)])
            print(f"{name:<24} {rss:>12.0f} {seconds:>9.1f} {code:>5}")


if __name__ == "__main__":
    main()
