"""Conflicts and statement checks on every corpus with gold, and leave-one-corpus-out fitting.

    python benchmarks/bench_conflicts.py ../shared                 # the table devscore.py prints
    python benchmarks/bench_conflicts.py ../shared --fit           # and the leave-one-out figures
    python benchmarks/bench_conflicts.py ../shared --extra DIR     # and every corpus under DIR too

For each corpus (the seeds and each dev corpus under ``SHARED/dev-corpora`` with a ``gold.json``) the
pipeline runs in this process, its report is scored by the team's scorer (``SHARED/tools/score.py``),
and its statements are checked against a careful reader's verdicts. Every corpus is read once; each
setting of the knobs below groups and checks it again.

With ``--fit``, each corpus in turn is left out: the setting with the best utility on the others is
chosen, and measured on the one left out. The left-out figures are what a user's own story can expect;
the in-sample ones are what tuning on it would promise. A knob that only helps in sample overfits.

``--extra DIR`` (repeatable) adds every folder of DIR laid out as a dev corpus (``corpus/``,
``gold.json``, ``statements.json``): corpora written blind, away from the code, to measure a change
on stories no rule was made for. With ``--held-out`` they are scored but left out of the fitting, so
that the fitted setting's figures on them are out of sample.

The knobs are the grouping's thresholds (``Settings``) and the evidence weights of ``config``; they are
set on the modules that read them, for this process only.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import itertools
import json
import re
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

import factcheck
from factcheck.check import check_lines
from factcheck.config import Settings
from factcheck.pipeline import Corpus, read_corpus, report_of
from factcheck.report.files import to_json

ALARMS = re.compile(
    r"conflict groups reported: (\d+); matching a gold conflict or an unscored case: \d+; other: (\d+)"
)
SUMMARY = re.compile(
    r"must_flag (\d+)/(\d+) must_not_flag_violated (\d+)/(\d+) agreements (\d+)/(\d+) conflict_precision ([\d.]+)"
)
# Knobs and the values --fit tries; the first of each is today's default.
GRID: dict[str, tuple[float, ...]] = {
    "SAME_FIGURE": (0.25, 0.3),
    "SUBJECT_BONUS": (0.3, 0.2),
    "SUBJECT_APART": (1.0, 0.5),
    "NEAR_TIME": (0.3, 0.15),
    "NEAR_DAY": (0.05, 0.0, 0.1),
    "APPROX_MARGIN": (0.03, 0.045),
    "FAR_FIGURE": (-0.4, -0.2),
}
SETTINGS_KNOBS = frozenset(f.name for f in Settings.__dataclass_fields__.values())


@dataclass(frozen=True)
class Score:
    found: int
    must: int
    traps: int
    trap_total: int
    agreements: int
    agreement_total: int
    precision: float
    right: int
    statements: int
    alarms: int = 0  # conflicts reported that match no gold conflict and no unscored case

    def __add__(self, other: Score) -> Score:
        return Score(
            *(getattr(self, f) + getattr(other, f) for f in ("found", "must", "traps", "trap_total")),
            self.agreements + other.agreements,
            self.agreement_total + other.agreement_total,
            min(self.precision, other.precision),
            self.right + other.right,
            self.statements + other.statements,
            self.alarms + other.alarms,
        )

    def utility(self) -> float:
        """What --fit maximises: conflicts found and statements right, less traps flagged (each costs
        two missed conflicts) and other false alarms (each costs one: a false alarm costs a reader's
        trust), plus agreements."""
        return (
            self.found / max(self.must, 1)
            - 2 * self.traps / max(self.must, 1)
            - self.alarms / max(self.must, 1)
            + 0.5 * self.agreements / max(self.agreement_total, 1)
            + self.right / max(self.statements, 1)
        )

    def row(self, name: str) -> str:
        return (
            f"{name:26} must_flag {self.found}/{self.must}  traps {self.traps}/{self.trap_total}  "
            f"agreements {self.agreements}/{self.agreement_total}  precision {self.precision:.2f}  "
            f"statements {self.right}/{self.statements}  false alarms {self.alarms}"
        )


@dataclass(frozen=True)
class Gold:
    name: str
    corpus: Path
    conflicts: Path
    statements: tuple[tuple[str, str], ...]  # (text, verdict)


def extra_corpora(root: Path) -> list[Gold]:
    """Every folder of ``root`` laid out as a dev corpus: ``corpus/``, ``gold.json``, ``statements.json``."""
    return [
        Gold(folder.name, folder / "corpus", folder / "gold.json", _statements(folder / "statements.json"))
        for folder in sorted(root.iterdir())
        if (folder / "gold.json").is_file()
    ]


def corpora(shared: Path) -> list[Gold]:
    """The seeds and every dev corpus with gold, as ``devscore.py`` lists them."""
    out = [
        Gold(
            "seeds",
            shared / "seeds",
            shared / "gold" / "seed-conflicts.json",
            _statements(shared / "gold" / "seed-statements.json"),
        )
    ]
    for folder in sorted((shared / "dev-corpora").iterdir()):
        if (folder / "gold.json").is_file():
            out.append(
                Gold(
                    folder.name,
                    folder / "corpus",
                    folder / "gold.json",
                    _statements(folder / "statements.json"),
                )
            )
    return out


def _statements(path: Path) -> tuple[tuple[str, str], ...]:
    if not path.is_file():
        return ()
    return tuple(
        (s["text"], s["verdict"]) for s in json.loads(path.read_text(encoding="utf-8"))["statements"]
    )


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", shared / "tools" / "score.py")
    if spec is None or spec.loader is None:
        sys.exit(f"no scorer at {shared / 'tools' / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def knobs(values: Mapping[str, float]) -> Iterator[Settings]:
    """The ``Settings`` of these values, with the module-level weights set on every factcheck module
    that reads them, and put back afterwards."""
    settings = replace(Settings(), **{k: v for k, v in values.items() if k in SETTINGS_KNOBS})
    saved: list[tuple[ModuleType, str, Any]] = []
    for name, value in values.items():
        if name in SETTINGS_KNOBS:
            continue
        for module in [m for key, m in sys.modules.items() if key.startswith("factcheck") and m is not None]:
            if hasattr(module, name):
                saved.append((module, name, getattr(module, name)))
                setattr(module, name, value)
    try:
        yield settings
    finally:
        for module, name, value in reversed(saved):
            setattr(module, name, value)


def evaluate(gold: Gold, corpus: Corpus, scorer: ModuleType, settings: Settings, tmp: Path) -> Score:
    report = report_of(corpus, settings=settings)
    path = tmp / f"{gold.name}.json"
    path.write_text(to_json(report), encoding="utf-8")
    args = argparse.Namespace(
        report=str(path), gold=str(gold.conflicts), docs=str(gold.corpus), require=[],
        min_found=0, max_violated=10**6, min_precision=0.0,
    )  # fmt: skip
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        scorer.conflicts(args)
    found = SUMMARY.search(printed.getvalue())
    alarms = ALARMS.search(printed.getvalue())
    if found is None or alarms is None:
        sys.exit(f"{gold.name}: the scorer printed no summary")
    f, nf, v, nv, a, na, precision = found.groups()
    right = 0
    if gold.statements:
        checks = check_lines(
            [t for t, _ in gold.statements],
            corpus.comparable(),
            report.groups,
            settings=settings,
            published=corpus.published(),
        )
        right = sum(c.verdict == verdict for c, (_, verdict) in zip(checks, gold.statements, strict=True))
    return Score(
        int(f),
        int(nf),
        int(v),
        int(nv),
        int(a),
        int(na),
        float(precision),
        right,
        len(gold.statements),
        int(alarms.group(2)),
    )


def table(scores: Mapping[str, Score]) -> str:
    total = sum(scores.values(), start=Score(0, 0, 0, 0, 0, 0, 1.0, 0, 0))
    lines = [s.row(name) for name, s in scores.items()]
    lines.append(total.row("all"))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "shared", type=Path, help="the shared folder: seeds/, gold/, dev-corpora/, tools/score.py"
    )
    ap.add_argument("--fit", action="store_true", help="leave-one-corpus-out choice of the knobs in GRID")
    ap.add_argument(
        "--extra", type=Path, action="append", default=[], help="a folder of more corpora with gold"
    )
    ap.add_argument(
        "--held-out", action="store_true", help="score the --extra corpora, but fit on the others only"
    )
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KNOB=VALUE",
        help="score with a knob set (repeatable; a GRID knob's default moves with it)",
    )
    ap.add_argument(
        "--knobs",
        default="",
        metavar="NAME,NAME",
        help="fit only these GRID knobs (the others stay at their defaults): a smaller grid, sooner",
    )
    a = ap.parse_args(argv)
    chosen = {k: float(v) for k, _, v in (item.partition("=") for item in a.set)}
    wanted = {name for name in a.knobs.split(",") if name}
    grid = {k: (v if not wanted or k in wanted else v[:1]) for k, v in GRID.items()}
    scorer = load_scorer(a.shared)
    extra = [g for root in a.extra for g in extra_corpora(root)]
    golds = corpora(a.shared) + extra
    fitted_on = {g.name for g in golds} - ({g.name for g in extra} if a.held_out else set())
    started = time.perf_counter()
    read = {g.name: read_corpus([g.corpus]) for g in golds}
    print(
        f"factcheck {factcheck.__version__}: {len(golds)} corpora read in {time.perf_counter() - started:.1f} s"
    )
    with tempfile.TemporaryDirectory() as tmp:
        defaults = {**{k: v[0] for k, v in GRID.items()}, **chosen}
        with knobs(defaults) as settings:
            base = {g.name: evaluate(g, read[g.name], scorer, settings, Path(tmp)) for g in golds}
        print("\ndefaults:", ", ".join(f"{k}={v}" for k, v in defaults.items()))
        print(table(base))
        if not a.fit:
            return 0
        combos = [
            {**chosen, **dict(zip(grid, values, strict=True))} for values in itertools.product(*grid.values())
        ]
        print(f"\nfitting {len(combos)} settings leave-one-corpus-out ...")
        results: list[dict[str, Score]] = []
        for combo in combos:
            with knobs(combo) as settings:
                results.append(
                    {g.name: evaluate(g, read[g.name], scorer, settings, Path(tmp)) for g in golds}
                )
        held: dict[str, Score] = {}
        print(f"\n{'left out':26} {'chosen on the others':60} in-sample utility / held-out utility")
        for gold in golds:
            others = [g.name for g in golds if g.name != gold.name and g.name in fitted_on]
            utility = [
                sum((r[n] for n in others), start=Score(0, 0, 0, 0, 0, 0, 1.0, 0, 0)).utility()
                for r in results
            ]
            best = max(range(len(combos)), key=lambda k: (utility[k], -k))
            held[gold.name] = results[best][gold.name]
            chosen = ", ".join(f"{k}={v}" for k, v in combos[best].items())
            print(f"{gold.name:26} {chosen:60} {utility[best]:.3f} / {held[gold.name].utility():.3f}")
        print("\nheld out (each corpus scored with the setting chosen without it):")
        print(table(held))
        everything = [
            sum(
                (s for n, s in r.items() if n in fitted_on), start=Score(0, 0, 0, 0, 0, 0, 1.0, 0, 0)
            ).utility()
            for r in results
        ]
        best = max(range(len(combos)), key=lambda k: (everything[k], -k))
        print(
            "\nin sample (the one setting best on all the corpora it is fitted on):",
            ", ".join(f"{k}={v}" for k, v in combos[best].items()),
        )
        print(table(results[best]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
