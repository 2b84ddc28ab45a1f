"""Measure our numeric-claim extractor on third-party test suites, next to quantulum3 and Recognizers-Text.

    .venv/bin/python benchmarks/bench_external.py [--newsquant PATH] [--write-pins] [--show-failures SUITE]

Suites (data copied under tests/data/external; NewsQuant is GPL-3.0 and read only from --newsquant):

====================  =====================================================================
rt-number             Recognizers-Text NumberModel (python-filtered), spans + values
rt-currency           Recognizers-Text CurrencyModel, spans + values + currency
rt-dimension          Recognizers-Text DimensionModel, spans + values (+ unit for lengths)
rt-percent            Recognizers-Text PercentModel
rt-numberrange        Recognizers-Text NumberRangeModel, all/ file (the filtered one is empty)
duckling-money        Duckling amount-of-money (EN + 12 regional locales, latent, negative)
duckling-number       Duckling numerals
duckling-distance     Duckling distance
duckling-ordinal      Duckling ordinals
q3-quantities         quantulum3 quantities.json
q3-spellout           quantulum3 spelled-out numbers (no offsets: the list of values)
q3-errors             quantulum3 errors.json: must not raise (robustness only)
newsquant             NewsQuant (CQE, EMNLP 2023): no offsets; value F1 like CQE's table
====================  =====================================================================

Scoring rules, per suite (the code is in tests/external_scoring.py; docstrings there are the spec):

* Span suites (Recognizers, quantulum3): each expected entity needs a prediction overlapping its
  span with the same value (rel. tol. 1e-6; ranges: same low/high) and, where the suite names a
  unit we model (currency, length, percent, duration), the same unit after a documented name
  table (Recognizers "Dollar" -> USD, "Pound" -> GBP, "Euro" -> EUR, "Cent" -> 0.01 of any
  currency or 'cent'; quantulum3 "kilometre" -> km, "pound sterling" -> GBP, ...). Where the
  suite never expects ranges (Recognizers Number/Currency/Dimension/Percent), an expected value
  may be one end of our range ("eight to 10 feet" expects "10 feet").
* Extras (a prediction outside every expected span) fail a case when they are of the kind the
  suite speaks about: NumberModel - any bare number (count/ratio/year/other without a unit), not
  dates, ordinals or numbers with a unit (NumberModel excludes those by design); CurrencyModel -
  money; DimensionModel - distance or another measured unit; PercentModel - percent;
  NumberRange - a range or a bounded qualifier; quantulum3 - anything but dates and ordinals.
  So a case that expects nothing fails on any such prediction.
* Duckling: one entity covers the whole phrase, so some prediction must cover at least half of
  the non-space characters (counting its qualifier words) with the right value, unit and, for
  under/above, qualifier (less_than/at_most/up_to, more_than/at_least). Negative cases pass when
  no prediction of the dimension's kind is made. Latent cases (bare "five" as money) and the
  regional cases ("a grand", "a dime" resolved to AUD, CAD, ... by locale: 12 near-copies of 14
  phrases) are scored but always labelled "convention": we take no locale.
* NewsQuant: no offsets. Per sentence, each gold quantity is greedily matched one-to-one to an
  unused prediction with the same value (numpy.isclose-like rel. tol. 1e-5; a gold range needs a
  predicted range with the same endpoints, compared sorted; quantulum3's midpoint ± uncertainty
  may match either the midpoint or the endpoints). P = matches / predictions, R = matches / gold
  quantities (904), F1 = 2PR/(P+R). "ours" counts every claim; "ours -yr" drops claims of kind
  year/date/time/ordinal, which NewsQuant never annotates (none of the 16 clock times in its
  sentences carries a gold quantity); "ours -yr +conv" also applies NQ_CONVENTIONS (below), the
  conventions of NewsQuant's gold we reject on purpose, each with its reason. A money prediction
  read from a sub-unit ("19 cents") matches the sub-unit value NewsQuant states (19) as well. value+unit also needs CQE's
  normalized_unit to equal our unit's CQE-style name (ISO code -> "dollar", "euro", ...; % ->
  "percentage"; km -> "kilometre"; a count's noun as is) - an approximation. This is our own
  re-implementation, not CQE's evaluation script: CQE compared ranges in written order and its
  matching was not strictly one-to-one, so figures are comparable in spirit, not to the decimal.
  A sentence "passes" when all its gold quantities are matched and no kept prediction is left.

Every case is labelled pass / fail / convention. "convention" = we fail the case because the
suite's convention differs from our contract (identifiers such as "SCP-173" or "Voyager 2",
numbers inside dates, Duckling's summed compound lengths, regional coin words...); the static
list, with a reason per case and the part of the input it is about, is CONVENTIONS in
tests/external_scoring.py, written from the cases and the contract, never from our results; a
failing case only counts as convention if it passes once that part is set aside. "pass%" is
pass / all cases; "adj%" is pass / (cases - convention).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the scoring module is shared with the tests

from external_scoring import (  # noqa: E402
    DATA,
    KNOWN_FAILURES,
    RECOGNIZERS_CURRENCY,
    RECOGNIZERS_LENGTH,
    RECOGNIZERS_RATE,
    SUITES,
    SUITES_BY_NAME,
    Case,
    Pred,
    Suite,
    Verdict,
    canon_unit,
    judge,
    known_failure,
    load_cases,
    pred_from_claim,
)

PINS = DATA / "pinned.json"
Extractor = Callable[[str], list[Pred]]


# --- the tools ------------------------------------------------------------------------------------


def ours() -> Extractor:
    from factcheck.extract import extract_text

    def run(text: str) -> list[Pred]:
        return [pred_from_claim(claim, text) for claim in extract_text(text)]

    return run


def quantulum() -> Extractor:
    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    kinds = {"currency": "money", "length": "distance", "time": "duration"}

    def run(text: str) -> list[Pred]:
        preds = []
        for q in parser.parse(text):
            name = q.unit.name
            head, _, per = name.partition(" per ")
            if name == "dimensionless":
                kind, unit = "count", None
            elif name == "percentage":
                kind, unit = "percent", "%"
            else:
                kind = kinds.get(q.unit.entity.name, "other")
                unit = canon_unit(getattr(q.unit, "currency_code", None) or head, per=per or None)
            start, end = q.span
            u = q.uncertainty
            preds.append(
                Pred(
                    start,
                    end,
                    text[start:end],
                    kind,
                    float(q.value),
                    float(q.value - u) if u else None,
                    float(q.value + u) if u else None,
                    unit,
                    unit_name="-" if name == "dimensionless" else name,
                )
            )
        return preds

    return run


def recognizers() -> Callable[[Sequence[str]], Extractor]:
    """Microsoft Recognizers-Text (Python port). Raises ImportError when not installed."""
    from recognizers_number import NumberRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_text import Culture

    numbers = NumberRecognizer(Culture.English)
    units = NumberWithUnitRecognizer(Culture.English)
    models = {
        "currency": units.get_currency_model(),
        "dimension": units.get_dimension_model(),
        "temperature": units.get_temperature_model(),
        "age": units.get_age_model(),
        "percentage": numbers.get_percentage_model(),
        "ordinal": numbers.get_ordinal_model(),
        "number": numbers.get_number_model(),
    }

    def to_pred(name: str, text: str, r: Any) -> Pred | None:
        res = r.resolution or {}
        try:
            value = float(str(res.get("value")).rstrip("%"))
        except ValueError:
            return None
        start, end = r.start, r.end + 1
        unit = res.get("unit")
        if name == "currency":
            rules = RECOGNIZERS_CURRENCY.get(unit)
            codes = sorted(rules[0].units) if rules else []
            iso = res.get("isoCurrency") or (codes[0] if codes and codes[0] != "<any currency>" else None)
            return Pred(start, end, text[start:end], "money", value, unit=iso or canon_unit(unit))
        if name == "dimension":
            if unit in RECOGNIZERS_LENGTH:
                return Pred(start, end, text[start:end], "distance", value, unit=RECOGNIZERS_LENGTH[unit])
            return Pred(
                start,
                end,
                text[start:end],
                "other",
                value,
                unit=RECOGNIZERS_RATE.get(unit) or str(unit).lower(),
            )
        if name == "percentage":
            return Pred(start, end, text[start:end], "percent", value, unit="%")
        if name == "ordinal":
            return Pred(start, end, text[start:end], "ordinal", value)
        if name in {"temperature", "age"}:
            return Pred(start, end, text[start:end], "other", value, unit=f"{unit} ({name})")
        return Pred(start, end, text[start:end], "count", value)

    def for_models(names: Sequence[str]) -> Extractor:
        def run(text: str) -> list[Pred]:
            preds: list[Pred] = []
            for name in names:  # bare numbers last, and only outside the other models' entities
                for r in models[name].parse(text):
                    p = to_pred(name, text, r)
                    if p is None or any(p.start < q.end and q.start < p.end for q in preds):
                        continue
                    preds.append(p)
            return preds

        return run

    return for_models


# --- running --------------------------------------------------------------------------------------


def run_suite(
    suite: Suite, cases: Sequence[Case], extract: Extractor
) -> tuple[list[Verdict], list[list[Pred]], float]:
    verdicts, outputs = [], []
    t0 = time.perf_counter()
    for case in cases:
        try:
            preds = extract(case["input"])
        except Exception as e:  # a crash is a failed case, not a crashed benchmark
            preds = []
            verdicts.append(Verdict("fail", f"raised {type(e).__name__}: {e}"))
        else:
            verdicts.append(judge(suite, case, preds))
        outputs.append(preds)
    return verdicts, outputs, time.perf_counter() - t0


def rates(verdicts: Sequence[Verdict]) -> tuple[int, int, int]:
    counts = Counter(v.status for v in verdicts)
    return counts["pass"], counts["fail"], counts["convention"]


def pct(num: int, den: int) -> str:
    return f"{100 * num / den:5.1f}" if den else "  n/a"


# --- NewsQuant ------------------------------------------------------------------------------------

_CQE_NAMES = {
    "USD": "dollar",
    "EUR": "euro",
    "GBP": "pound sterling",
    "JPY": "japanese yen",
    "CNY": "chinese yuan",
    "AUD": "australian dollar",
    "HKD": "hong kong dollar",
    "CAD": "canadian dollar",
    "ILS": "shekel",
    "MYR": "malaysian ringgit",
    "INR": "indian rupee",
    "%": "percentage",
    "km": "kilometre",
    "m": "metre",
    "mi": "mile",
    "ft": "foot",
    "in": "inch",
    "yd": "yard",
    "mm": "millimetre",
    "cm": "centimetre",
    "µm": "micrometre",
    "nm": "nanometre",
    "cent": "cent",
    "penny": "penny",
    "sen": "sen",
    "kg": "kilogram",
    "g": "gram",
    "mg": "milligram",
    "t": "tonne",
    "lb": "pound-mass",
    "l": "litre",
    "ml": "millilitre",
}


def cqe_unit(p: Pred) -> str:
    """The prediction's unit as CQE's normalized_unit would spell it (quantulum3's unit names)."""
    if p.unit_name is not None:
        return p.unit_name.lower()
    if p.unit is None:
        return "-"
    return " per ".join(_CQE_NAMES.get(part, part.lower()) for part in p.unit.split("/"))


# A money prediction read from a sub-unit ("19 cents", "164p"): NewsQuant states its value in the
# sub-unit (19), we in the main currency (0.19); the same quantity in another unit, so both match.
_SUBUNIT_TEXT = re.compile(r"(?:cents?|pence|p|c|¢)$", re.IGNORECASE)


def nq_value_match(gold: dict[str, Any], p: Pred) -> bool:
    def near(a: float | None, b: float) -> bool:
        return a is not None and abs(a - b) <= 1e-8 + 1e-5 * abs(b)

    if gold["value"] is not None:
        if p.kind == "money" and p.value is not None and _SUBUNIT_TEXT.search(p.text):
            return near(p.value, gold["value"]) or near(p.value * 100, gold["value"])
        return near(p.value, gold["value"])
    if p.low is None or p.high is None:
        return False
    lo, hi = sorted((p.low, p.high))
    return near(lo, gold["low"]) and near(hi, gold["high"])


# --- NewsQuant conventions -------------------------------------------------------------------------
# Where NewsQuant's gold follows a convention our contract rejects on purpose. Each rule was written
# from the contract and the annotation scheme before our score with it was looked at; none names a
# sentence. A rule may drop a gold quantity, rewrite it into what our contract states, or drop
# predictions of ours that only exist under our convention. "+conv" rows apply them all; the rows
# without "+conv" do not, and are the headline figures.

_VAGUE = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions|billions|trillions|tens of)\b", re.I)
_ONE_OF = re.compile(r"\bone of\b", re.I)
# A change verb up to two words before "from ... to": "rose from", "forecast to slow slightly from".
_FROM_TO = re.compile(r"\b(?P<verb>[a-z]+)(?:[ ][a-z]+){0,2}[ ]from\b[^.;]{0,60}?\bto\b", re.I)


def _change_from_to(sent: str) -> bool:
    from factcheck.extract.patterns import CHANGE_VERBS

    return any(m.group("verb").lower() in CHANGE_VERBS for m in _FROM_TO.finditer(sent))


def _is_range(gold: dict[str, Any]) -> bool:
    return gold["value"] is None and gold.get("low") is not None and gold.get("high") is not None


NQ_CONVENTIONS: dict[str, tuple[str, Callable[[str, dict[str, Any]], list[dict[str, Any]] | None]]] = {
    "one-of": (
        "'one of the best ...' is a member of a set, not a count of one: our contract claims no 'one "
        "of' (NewsQuant gives 1)",
        lambda sent, g: [] if g["value"] == 1 and _ONE_OF.search(sent) else None,
    ),
    "vague-plural": (
        "'dozens of', 'thousands of' state no figure: we claim a vague quantity with no value, "
        "NewsQuant a decade range (12-120, 1000-10000)",
        lambda sent, g: [] if _is_range(g) and g["high"] == 10 * g["low"] and _VAGUE.search(sent) else None,
    ),
    "from-to": (
        "'rose from X to Y' is a change between two levels: we claim X and Y, NewsQuant one range",
        lambda sent, g: (
            [{**g, "value": g["low"]}, {**g, "value": g["high"]}]
            if _is_range(g) and _change_from_to(sent)
            else None
        ),
    ),
    "network-generation": (
        "'5G', '4G' name a generation of networks, an identifier like 'Windows 11'",
        lambda sent, g: [] if str(g.get("unit")).upper() == "G" else None,
    ),
    "transliterated-pound": (
        "'PS2.7m' is the data's ASCII transliteration of '£2.7m'; we read '£', not 'PS'",
        lambda sent, g: [] if g.get("unit") == "PS" else None,
    ),
}


def nq_apply_conventions(
    sent: str, expected: Sequence[dict[str, Any]]
) -> tuple[list[dict[str, Any]], Counter[str]]:
    """The gold of one sentence under NQ_CONVENTIONS, and how often each rule applied."""
    out: list[dict[str, Any]] = []
    used: Counter[str] = Counter()
    for gold in expected:
        for name, (_, rule) in NQ_CONVENTIONS.items():
            replaced = rule(sent, gold)
            if replaced is not None:
                out.extend(replaced)
                used[name] += 1
                break
        else:
            out.append(gold)
    return out, used


def nq_keep_under_conventions(p: Pred) -> bool:
    """Our vague quantities ('dozens of people') carry no value, so under "vague-plural" they are
    the convention's other half and not counted as predictions."""
    return not (p.value is None and p.low is None and p.qualifier == "vague")


def newsquant_scores(
    cases: Sequence[Case],
    outputs: Sequence[list[Pred]],
    *,
    keep: Callable[[Pred], bool],
    conventions: bool = False,
) -> dict[str, float]:
    matched = matched_unit = npred = ngold = passed = 0
    for case, preds in zip(cases, outputs, strict=True):
        kept = [p for p in preds if keep(p)]
        expected = case["expected"]
        if conventions:
            expected, _ = nq_apply_conventions(case["input"], expected)
            kept = [p for p in kept if nq_keep_under_conventions(p)]
        used: set[int] = set()
        for gold in expected:
            for i, p in enumerate(kept):
                if i not in used and nq_value_match(gold, p):
                    used.add(i)
                    matched += 1
                    singular = gold["normalized_unit"].lower().removesuffix("s")
                    matched_unit += cqe_unit(p).removesuffix("s") == singular
                    break
        npred += len(kept)
        ngold += len(expected)
        passed += len(used) == len(expected) == len(kept)

    def f1(m: int) -> tuple[float, float, float]:
        p, r = m / npred if npred else 0.0, m / ngold if ngold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    p, r, f = f1(matched)
    pu, ru, fu = f1(matched_unit)
    return {"P": p, "R": r, "F1": f, "uP": pu, "uR": ru, "uF1": fu, "pass": passed, "cases": len(cases)}


# --- main -----------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--newsquant", type=Path, help="path to newsquant.jsonl (GPL-3.0, never copied here)")
    ap.add_argument("--suites", nargs="*", help=f"subset of: {' '.join(SUITES_BY_NAME)}")
    ap.add_argument("--no-baselines", action="store_true", help="skip quantulum3 and Recognizers-Text")
    ap.add_argument("--write-pins", action="store_true", help=f"write {PINS.relative_to(ROOT)}")
    ap.add_argument(
        "--show-failures",
        action="append",
        default=[],
        metavar="SUITE",
        help="print our failing cases of SUITE (repeatable; 'all' for every suite)",
    )
    ap.add_argument(
        "--show-conventions", action="store_true", help="with --show-failures, list conventions too"
    )
    args = ap.parse_args(argv)

    suites = [SUITES_BY_NAME[name] for name in args.suites] if args.suites else list(SUITES)
    t0 = time.perf_counter()
    our = ours()
    print(f"import factcheck.extract: {time.perf_counter() - t0:.2f}s", file=sys.stderr)
    baselines: dict[str, Callable[[Suite], Extractor] | None] = {}
    notes = []
    if not args.no_baselines:
        q3 = quantulum()
        baselines["quantulum3"] = lambda suite: q3
        try:
            rt = recognizers()
            baselines["recognizers"] = lambda suite: rt(suite.recognizers) if suite.recognizers else None
        except Exception as e:  # ImportError, or the known emoji>=1 incompatibility of the package
            baselines["recognizers"] = None
            notes.append(f"Recognizers-Text not runnable: {type(e).__name__}: {e}")

    results: dict[str, tuple[list[Case], list[Verdict], list[list[Pred]]]] = {}
    header = (
        f"{'suite':<18} {'cases':>5} | {'ours pass%':>10} {'adj%':>6} {'fail':>4} {'conv':>4} {'cases/s':>8}"
    )
    for name in baselines:
        header += f" | {name[:11] + ' pass%':>17} {'adj%':>6}"
    print(header)
    print("-" * len(header))
    for suite in suites:
        cases = load_cases(suite)
        verdicts, outputs, seconds = run_suite(suite, cases, our)
        results[suite.name] = (cases, verdicts, outputs)
        p, f, c = rates(verdicts)
        n = len(cases)
        row = (
            f"{suite.name:<18} {n:>5} | {pct(p, n):>10} {pct(p, n - c):>6} {f:>4} {c:>4} {n / seconds:>8.0f}"
        )
        for make in baselines.values():
            extract = make(suite) if make else None
            if extract is None:
                row += f" | {'n/a':>17} {'':>6}"
                continue
            bv, _, _ = run_suite(suite, cases, extract)
            bp, _, bc = rates(bv)
            row += f" | {pct(bp, n):>17} {pct(bp, n - bc):>6}"
        print(row)

    if args.newsquant:
        print_newsquant(args.newsquant, our, baselines)
    for note in notes:
        print(note)

    print_known_failures(results)
    chars = sum(len(c["input"]) for cases, _, _ in results.values() for c in cases)
    print(f"(throughput above: ours, per case incl. scoring; {chars / 1e3:.0f} KB of suite text in all)")

    for name in args.show_failures:
        for suite_name in results if name == "all" else [name]:
            show_failures(suite_name, *results[suite_name], conventions=args.show_conventions)
    if args.write_pins:
        write_pins(results)
    return 0


def print_known_failures(results: dict[str, tuple[list[Case], list[Verdict], list[list[Pred]]]]) -> None:
    """Every failing case of a suite run, by KNOWN_FAILURES category (count and reason); then, per
    suite, the failures in no category ("unclassified": not analysed, or a gap with no decision yet)."""
    counts: Counter[str] = Counter()
    unclassified: Counter[str] = Counter()
    for name, (cases, verdicts, _) in results.items():
        for case, verdict in zip(cases, verdicts, strict=True):
            if verdict.status != "fail":
                continue
            known = known_failure(name, case["id"])
            if known is None:
                unclassified[name] += 1
            else:
                counts[known[0]] += 1
    if not counts and not unclassified:
        return
    print("\nKnowing failures (still counted as failures), by category:")
    for category, (reason, _) in KNOWN_FAILURES.items():
        if counts[category]:
            print(f"  {category:<24} {counts[category]:>3}  {reason}")
    print(
        "Unclassified failures per suite: "
        + (", ".join(f"{k} {v}" for k, v in unclassified.items()) or "none")
    )


def print_newsquant(
    path: Path, our: Extractor, baselines: dict[str, Callable[[Suite], Extractor] | None]
) -> None:
    suite = Suite(
        "newsquant",
        str(path.resolve()),
        lambda case, preds: Verdict("pass"),
        recognizers=("currency", "dimension", "percentage", "temperature", "age", "number"),
    )
    cases = load_cases(suite)
    not_annotated = {"year", "date", "time", "ordinal"}
    tools: list[tuple[str, Extractor, Callable[[Pred], bool], bool]] = [
        ("ours (all claims)", our, lambda p: True, False),
        ("ours -yr", our, lambda p: p.kind not in not_annotated, False),
        ("ours -yr +conv", our, lambda p: p.kind not in not_annotated, True),
    ]
    for name, make in baselines.items():
        extract = make(suite) if make else None
        if extract is not None:
            tools.append((name, extract, lambda p: True, False))
    print(
        f"\nNewsQuant ({len(cases)} sentences, {sum(len(c['expected']) for c in cases)} quantities); "
        "published value F1: CQE 91.9, quantulum3 73.1, Recognizers 69.1"
    )
    print(f"{'tool':<18} {'value P/R/F1':>20} {'value+unit P/R/F1':>20} {'sent. pass%':>11} {'sent/s':>7}")
    outputs_cache: dict[int, tuple[list[list[Pred]], float]] = {}
    for name, extract, keep, conventions in tools:
        if id(extract) not in outputs_cache:
            t0 = time.perf_counter()
            outs = []
            for case in cases:
                try:
                    outs.append(extract(case["input"]))
                except Exception:
                    outs.append([])
            outputs_cache[id(extract)] = (outs, time.perf_counter() - t0)
        outs, seconds = outputs_cache[id(extract)]
        s = newsquant_scores(cases, outs, keep=keep, conventions=conventions)
        value = f"{100 * s['P']:.1f}/{100 * s['R']:.1f}/{100 * s['F1']:.1f}"
        unit = f"{100 * s['uP']:.1f}/{100 * s['uR']:.1f}/{100 * s['uF1']:.1f}"
        print(
            f"{name:<18} {value:>20} {unit:>20} {pct(int(s['pass']), len(cases)):>11} {len(cases) / seconds:>7.0f}"
        )
    applied: Counter[str] = Counter()
    for case in cases:
        applied += nq_apply_conventions(case["input"], case["expected"])[1]
    print("NewsQuant conventions (+conv rows only; gold quantities each rule drops or rewrites):")
    for name, (reason, _) in NQ_CONVENTIONS.items():
        print(f"  {name:<22} {applied[name]:>3}  {reason}")


def show_failures(
    name: str, cases: list[Case], verdicts: list[Verdict], outputs: list[list[Pred]], *, conventions: bool
) -> None:
    wanted = {"fail", "convention"} if conventions else {"fail"}
    print(f"\n== {name}: {sum(v.status in wanted for v in verdicts)} cases")
    for case, verdict, preds in zip(cases, verdicts, outputs, strict=True):
        if verdict.status not in wanted:
            continue
        expected = case.get("expected") or case.get("expected_values") or []
        brief = [
            e
            if not isinstance(e, dict)
            else {k: e[k] for k in ("text", "surface", "value", "min", "max", "unit") if k in e}
            for e in expected
        ]
        print(f"- {case['id']} [{verdict.status}] {case['input'][:200]!r}")
        print(f"    expected: {json.dumps(brief, ensure_ascii=False)[:300]}")
        print(f"    ours:     {[p.describe() for p in preds]}")
        print(f"    reason:   {verdict.reason}")
        known = known_failure(name, case["id"])
        if known is not None:
            print(f"    knowing:  {known[0]}")


def _with_category(suite: str, case_id: str, reason: str) -> str:
    known = known_failure(suite, case_id)
    return f"[knowing: {known[0]}] {reason}" if known else reason


def write_pins(results: dict[str, tuple[list[Case], list[Verdict], list[list[Pred]]]]) -> None:
    pins: dict[str, Any] = json.loads(PINS.read_text()) if PINS.exists() else {}
    for name, (cases, verdicts, _) in results.items():
        pins[name] = {
            "pass": sorted(c["id"] for c, v in zip(cases, verdicts, strict=True) if v.status == "pass"),
            "fail": {
                c["id"]: _with_category(name, c["id"], v.reason)
                for c, v in zip(cases, verdicts, strict=True)
                if v.status == "fail"
            },
            "convention": {
                c["id"]: v.reason for c, v in zip(cases, verdicts, strict=True) if v.status == "convention"
            },
        }
    PINS.write_text(json.dumps(dict(sorted(pins.items())), indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {PINS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
