"""Cases of third-party suites we pass stay passed (pins from ``benchmarks/bench_external.py --write-pins``).

Scoring rules are in ``tests/external_scoring.py``; the data and its licences in
``tests/data/external``. A pinned case that now fails is a regression, unless the suite's
convention changed: then regenerate the pins and say why in the commit.
"""

from __future__ import annotations

import json
from functools import cache

import pytest

from external_scoring import (
    DATA,
    KNOWN_FAILURES,
    SUITES_BY_NAME,
    Case,
    judge,
    load_cases,
    pred_from_claim,
)
from factcheck.extract import extract_text

PINS = json.loads((DATA / "pinned.json").read_text(encoding="utf-8"))
PINNED = [
    (suite, case_id)
    for suite, pins in sorted(PINS.items())
    if suite in SUITES_BY_NAME
    for case_id in pins["pass"]
]


@cache
def cases(suite: str) -> dict[str, Case]:
    return {case["id"]: case for case in load_cases(SUITES_BY_NAME[suite])}


@pytest.mark.parametrize(("suite", "case_id"), PINNED, ids=[f"{s}:{i}" for s, i in PINNED])
def test_external_suites_pinned_case_passes(suite: str, case_id: str) -> None:
    case = cases(suite)[case_id]
    text = case["input"]
    preds = [pred_from_claim(claim, text) for claim in extract_text(text)]
    verdict = judge(SUITES_BY_NAME[suite], case, preds)
    assert verdict.status == "pass", f"{text!r}: {verdict.reason}"


KNOWN = [
    (category, suite, case_id)
    for category, (_, by_suite) in KNOWN_FAILURES.items()
    for suite, ids in by_suite.items()
    for case_id in ids
    if case_id != "*"
]


@pytest.mark.parametrize(("category", "suite", "case_id"), KNOWN, ids=[f"{c}:{i}" for c, _, i in KNOWN])
def test_external_suites_known_failure_still_fails(category: str, suite: str, case_id: str) -> None:
    """Like ``xfail(strict=True)``: a listed knowing failure that starts passing must leave the list."""
    case = cases(suite)[case_id]
    text = case["input"]
    preds = [pred_from_claim(claim, text) for claim in extract_text(text)]
    assert judge(SUITES_BY_NAME[suite], case, preds).status == "fail", f"{category}: {case_id} now passes"
