"""The whole pipeline as whole processes: throughput, CPU, peak memory, next to quantulum3.

    .venv/bin/python benchmarks/bench_pipeline.py [--sizes 10,100] [--runs 1] [--jobs N]
        [--src OTHER/src] [--stages] [--keep DIR] [SHARED]

Corpora of ``--sizes`` MB are written to a temporary folder: files of 5 to 7 KB (80% ``.txt``, 10%
``.md``, 10% ``.html``) of real article text, its sentences shuffled and every number in them perturbed.
The text comes from the seeds (``seeds/``), the gold sentences and the inputs of the external suites
(``tests/data``), and, given the team's ``SHARED`` folder (``../shared``), the articles of its dev
corpora. Each file tells one of many topics: a topic is a pool of sentences whose capitalised names are
replaced, consistently, by names of its own, so 10 MB hold hundreds of stories that share no names.

For each corpus, ``claims --format jsonl``, ``export`` and ``conflicts`` run as processes, output sent
to a file or /dev/null (``--runs`` times, medians printed): wall time, MB/s of input, CPU seconds of
the process and its workers, peak memory (PSS: the largest sum over the process tree, sampled every
0.25 s, pages its forked workers share counted once; RSS: the largest single process, from ``wait4``)
and bytes of PSS per input byte (B/B). quantulum3 (``pip install -e '.[bench]'``) runs in the same run on a
sample of the same files, one process, and each command's MB/s is given as a multiple of it.

``--src`` runs every command a second time with another source tree on ``PYTHONPATH`` (a checkout of
the code before a change), in turn with this one, and prints the ratios. ``--stages`` times load,
split and extract, grouping, ``assess`` and the JSON in one process per corpus, and how each grows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
SAMPLE = 0.25  # seconds between two readings of the tree's PSS (each walks its page tables: not free)
COMMANDS = {
    "claims --format jsonl": ["claims", "--format", "jsonl"],
    "export": ["export", "-o", "{out}"],
    "conflicts": ["conflicts"],
}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“])")
_SYLLABLES = ("ka", "lo", "ve", "mir", "dan", "to", "sa", "rin", "el", "bor", "na", "qu", "zet", "ha", "os")
_COMMON = frozenset(
    "The This That These Those There Their They Then When While What Which Who With Without After Before "
    "Under Over From Into Since Until About Also And But For Its His Her Our One Two Three Four Five "
    "January February March April May June July August September October November December Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


# --- the corpus ----------------------------------------------------------------------------------


def pools(shared: Path | None) -> list[list[str]]:
    """Lists of sentences, one per source of text: each seed article and dev corpus, the external suites."""
    found: list[list[str]] = []
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if shared is not None:
        for corpus in sorted((shared / "dev-corpora").glob("*/corpus")):
            texts.append("\n\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))))
    for text in texts:
        found.append(
            [s.strip() for para in text.split("\n\n") for s in _SENTENCE_END.split(para) if len(s) > 30]
        )
    wire: list[str] = []
    for path in sorted((ROOT / "tests" / "data").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            sentence = record.get("sentence") or record.get("input")
            if isinstance(sentence, str) and len(sentence) > 30 and sentence[:1].isupper():
                wire.append(sentence.strip())
    found.append(wire)
    return [p for p in found if p]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _perturbed(sentence: str, rng: random.Random) -> str:
    """Every number changed a little or a lot, digits kept as digits (commas and dots stay in place)."""

    def change(m: re.Match[str]) -> str:
        text = m.group()
        if rng.random() < 0.3:  # a third left alone: sources agree as often as not
            return text
        digits = [c for c in text if c.isdigit()]
        lead = rng.choice("123456789") if len(digits) > 1 or rng.random() < 0.5 else digits[0]
        new = iter([lead, *(rng.choice("0123456789") for _ in digits[1:])])
        return "".join(next(new) if c.isdigit() else c for c in text)

    return _NUMBER.sub(change, sentence)


def _article(topic: list[str], names: dict[str, str], rng: random.Random, size: int) -> tuple[str, list[str]]:
    """A title and paragraphs of 2 to 5 sentences of one topic, about ``size`` bytes in all."""
    rename = lambda m: names.get(m.group(), m.group())  # noqa: E731
    paras: list[str] = []
    total = 0
    while total < size:
        para = " ".join(
            _perturbed(_NAME.sub(rename, rng.choice(topic)), rng) for _ in range(rng.randint(2, 5))
        )
        paras.append(para)
        total += len(para.encode("utf-8")) + 2
    title = " ".join(paras[0].split()[:8]).rstrip(",.;:")
    return title, paras


def _as_file(title: str, paras: list[str], fmt: str) -> str:
    if fmt == "md":
        return f"# {title}\n\n" + "\n\n".join(paras) + "\n"
    if fmt == "html":
        escaped = [p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for p in paras]
        body = "".join(f"<p>{p}</p>\n" for p in escaped)
        return f"<html><head><title>{title}</title></head><body><h1>{title}</h1>\n{body}</body></html>\n"
    return f"{title}\n\n" + "\n\n".join(paras) + "\n"


def make_corpus(folder: Path, *, mb: float, shared: Path | None, seed: int = 20) -> tuple[int, int]:
    """Files of 5 to 7 KB until ``mb`` MB; returns (bytes, files). A topic is a pool of sentences with
    its own names; about one topic per 20 files, so a 10 MB corpus tells about 80 stories."""
    rng = random.Random(seed)
    sources = pools(shared)
    target = int(mb * 1_000_000)
    topics = max(1, int(target / 6000 / 20))
    total = count = 0
    while total < target:
        t = rng.randrange(topics)
        trng = random.Random(t * 7919 + seed)
        pool = sources[t % len(sources)]
        names = (
            {w: _name(trng) for s in pool for w in _NAME.findall(s) if w not in _COMMON}
            if t >= len(sources)
            else {}
        )
        fmt = rng.choices(("txt", "md", "html"), weights=(8, 1, 1))[0]
        title, paras = _article(pool, names, rng, rng.randint(5000, 7000))
        data = _as_file(title, paras, fmt).encode("utf-8")
        (folder / f"{count:06d}.{fmt}").write_bytes(data)
        total += len(data)
        count += 1
    return total, count


# --- measuring -----------------------------------------------------------------------------------


def _tree(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return found


def _tree_pss(pid: int) -> int:
    """Bytes of proportional set size of a process tree: each page shared by forked workers counted once
    in all (their RSS would count it once per process)."""
    total = 0
    for p in _tree(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup", encoding="ascii") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
    return total


def run(args: list[str], *, src: Path, stdout: str = os.devnull) -> dict[str, float]:
    """One whole process: wall and CPU seconds (its own and its workers'), the peak PSS of its tree and
    the largest RSS of one of its processes."""
    env = {**os.environ, "PYTHONPATH": str(src), "SOURCE_DATE_EPOCH": "1700000000"}
    env.pop("COLUMNS", None)
    peak = 0
    started = time.perf_counter()
    with open(stdout, "wb") as sink:
        child = subprocess.Popen(
            [sys.executable, "-m", "factcheck", *args], stdout=sink, stderr=subprocess.DEVNULL, env=env
        )
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.wait(SAMPLE):
                peak = max(peak, _tree_pss(child.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        done.set()
        sampler.join()
    wall = time.perf_counter() - started
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "pss": peak,
        "rss": usage.ru_maxrss * 1024,
        "code": os.waitstatus_to_exitcode(status),
    }


def quantulum_rate(folder: Path, *, limit: int = 300_000) -> float:
    """quantulum3's MB/s on the first ``limit`` bytes of the corpus's text files, one process, after
    its import and a first call (its steady state, as ``bench_extract_speed.py`` measures it)."""
    code = (
        "import sys, time, warnings; warnings.filterwarnings('ignore')\n"
        "from quantulum3 import parser\n"
        "texts = [open(p, encoding='utf-8').read() for p in sys.argv[1:]]\n"
        "parser.parse(texts[0]); t = time.perf_counter(); n = 0\n"
        "for text in texts[1:]: parser.parse(text); n += len(text.encode('utf-8'))\n"
        "print(n / 1e6 / (time.perf_counter() - t))\n"
    )
    files, size = [], 0
    for path in sorted(folder.glob("*.txt")):
        files.append(str(path))
        size += path.stat().st_size
        if size >= limit:
            break
    done = subprocess.run([sys.executable, "-c", code, *files], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return float("nan")  # not installed: pip install -e '.[bench]'
    return float(done.stdout.split()[-1])


STAGES = """
import gc, sys, time
from factcheck.pipeline import read_corpus, _grouped_by_content, build_groups
from factcheck.judge import assess
from factcheck.report.files import to_json
from factcheck.pipeline import report_of
t = time.perf_counter(); corpus = read_corpus([sys.argv[1]]); read = time.perf_counter() - t
claims = corpus.comparable(); names = corpus.names()
gc.disable()
t = time.perf_counter(); grouped = [g for g, _ in _grouped_by_content(claims, settings=None)]
group = time.perf_counter() - t
t = time.perf_counter(); [assess(g, group_id="", names=names) for g in grouped]; judge = time.perf_counter() - t
gc.enable()
report = report_of(corpus)
t = time.perf_counter(); n = len(to_json(report)); dump = time.perf_counter() - t
print(read, group, judge, dump, len(corpus.claims), max(map(len, grouped), default=0))
"""


def stages(folder: Path, *, src: Path) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", STAGES, str(folder)], capture_output=True, text=True, env=env, check=True
    )
    return [float(x) for x in done.stdout.split()]


# --- the table -----------------------------------------------------------------------------------


def _median(rows: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def _row(name: str, rows: list[dict[str, float]], size: int, q3: float) -> str:
    wall, cpu, rss = _median(rows, "wall"), _median(rows, "cpu"), _median(rows, "rss")
    pss = _median(rows, "pss")
    rate = size / 1e6 / wall
    codes = ",".join(sorted({str(int(r["code"])) for r in rows}))
    return (
        f"{name:<34} {rate:>7.2f} {wall:>8.1f} {cpu:>8.1f} {cpu / wall:>5.2f} {pss / 1e6:>8.0f} "
        f"{rss / 1e6:>8.0f} {pss / size:>7.1f} {rate / q3:>7.0f}x {codes:>4}"
    )


def measure(folder: Path, size: int, options: argparse.Namespace, q3: float) -> Iterator[str]:
    jobs = [] if options.jobs is None else ["--jobs", str(options.jobs)]
    trees = [("", SRC)] + ([(" (before)", options.src)] if options.src else [])
    for name in options.only or list(COMMANDS):
        results: dict[str, list[dict[str, float]]] = {label: [] for label, _ in trees}
        for _ in range(options.runs):
            for label, src in trees:  # in turn, so a drift of the machine's speed hits both alike
                out = str(folder.parent / "out.json")
                args = [a.format(out=out) for a in COMMANDS[name]] + [str(folder)]
                results[label].append(run((jobs if not label else []) + args, src=src))  # --jobs is global
        for label, _ in trees:
            yield _row(name + label, results[label], size, q3)
        if options.src:
            ratio = _median(results[" (before)"], "wall") / _median(results[""], "wall")
            yield f"{'':<34} {ratio:>7.2f}x faster than before"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("shared", nargs="?", type=Path, help="the team's shared folder: its dev corpora too")
    parser.add_argument("--sizes", default="10,100", help="corpus sizes in MB (default 10,100)")
    parser.add_argument("--runs", type=int, default=1, help="runs of each command; medians (default 1)")
    parser.add_argument("--jobs", type=int, help="--jobs for this tree's commands (default: theirs)")
    parser.add_argument("--src", type=Path, help="another source tree, run in turn with this one")
    parser.add_argument("--only", choices=sorted(COMMANDS), action="append", help="run only these")
    parser.add_argument("--stages", action="store_true", help="time each stage in one process too")
    parser.add_argument("--keep", type=Path, help="write the corpora here and keep them")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as scratch:
        base = options.keep or Path(scratch)
        print(f"{os.cpu_count()} cores; medians of {options.runs} run(s)")
        timings: dict[float, list[float]] = {}
        for mb in (float(s) for s in options.sizes.split(",")):
            folder = base / f"corpus-{mb:g}mb"
            folder.mkdir(parents=True, exist_ok=True)
            size, files = make_corpus(folder, mb=mb, shared=options.shared)
            q3 = quantulum_rate(folder)
            print(f"\ncorpus {mb:g} MB: {size / 1e6:.1f} MB in {files} files; quantulum3 {q3:.4f} MB/s")
            print(
                f"{'command':<34} {'MB/s':>7} {'wall s':>8} {'CPU s':>8} {'cores':>5} {'PSS MB':>8} {'RSS MB':>8} "
                f"{'B/B':>7} {'vs q3':>8} {'exit':>4}"
            )
            for line in measure(folder, size, options, q3):
                print(line, flush=True)
            if options.stages:
                timings[mb] = stages(folder, src=SRC)
        if timings:
            print(f"\n{'stage seconds':<16}" + "".join(f"{mb:>10g} MB" for mb in timings) + "   growth")
            names = ("read+split+extract", "group", "assess", "json")
            sizes = sorted(timings)
            for i, name in enumerate(names):
                row = [timings[mb][i] for mb in sizes]
                growth = row[-1] / row[0] if row[0] else float("nan")
                print(f"{name:<18}" + "".join(f"{v:>13.1f}" for v in row) + f" {growth:>7.1f}x")
            print(
                "claims, largest group: "
                + ", ".join(f"{timings[mb][4]:.0f}, {timings[mb][5]:.0f}" for mb in sizes)
            )


if __name__ == "__main__":
    main()
