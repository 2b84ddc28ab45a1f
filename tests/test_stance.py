"""A figure a source gives to reject it (``stance="denied"``): grouped and shown, never a source's figure."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.extract import extract_text
from factcheck.extract.stance import DENIAL, FOLDS_TO_ASCII, may_deny
from factcheck.judge import assess
from factcheck.models import Claim

# (sentence, figure, stance)
STANCES = [
    ("The club rejected reports of a £1.4bn figure for the stadium.", "£1.4bn", "denied"),
    ("The Home Office denied claims that it had paid Rwanda £400m.", "£400m", "denied"),
    ("He dismissed media speculation that he would earn £540,000 a week.", "£540,000", "denied"),
    ("The deal ended up costing around €95m, and not the slimmed-down €57m.", "€57m", "denied"),
    ("The deal ended up costing around €95m, and not the slimmed-down €57m.", "€95m", None),
    ("The stadium cost £1.2bn, the council said.", "£1.2bn", None),
    ("Reports suggest he will earn £540,000 a week.", "£540,000", None),
    ("The motion was rejected by 300 votes to 200.", "300 votes", None),
    ("Not only did it cost £5m, it also took two years.", "£5m", None),
    # A first figure since corrected: the source no longer states it.
    (
        "The release put the total assets at A$66 billion, but the banks corrected the figure to A$68 billion.",
        "A$66 billion",
        "revised",
    ),
    (
        "The release put the total assets at A$66 billion, but the banks corrected the figure to A$68 billion.",
        "A$68 billion",
        None,
    ),
    ("The coastguard put the number of passengers at 390, before revising the figure.", "390", "revised"),
    ("The coastguard says there were 412 passengers aboard, not 390 as it said earlier.", "390", "revised"),
    (
        "The coastguard says there were 412 passengers aboard, not 390 as it said earlier.",
        "412 passengers",
        None,
    ),
    ("Sales rose to $5 billion, updated figures show.", "$5 billion", None),
    ("The toll was revised up to 99 on Monday.", "99", None),
    ("It cost $5m, not counting the legal fees.", "$5m", None),
]


@pytest.mark.parametrize(("sentence", "text", "stance"), STANCES, ids=[f"{t}-{s}" for _, t, s in STANCES])
def test_stance_of_a_figure(sentence: str, text: str, stance: str | None) -> None:
    (claim,) = [c for c in extract_text(sentence) if c.text == text]
    assert claim.stance == stance


def _claims(*sentences: str) -> list[Claim]:
    out = []
    for k, sentence in enumerate(sentences):
        for claim in extract_text(sentence):
            out.append(claim.model_copy(update={"document": f"{k}.txt", "id": f"d{k}:{claim.id}"}))
    return out


def test_stance_a_rejected_figure_makes_no_conflict() -> None:
    claims = _claims(
        "The stadium will cost £1.2bn, the council said.",
        "The stadium cost £1.2bn, officials confirmed.",
        "The club rejected reports of a £1.4bn bill for the stadium.",
    )
    group = assess(claims, group_id="g")
    assert group.status == "agreement"
    assert group.explanation.endswith("2 rejects 1.4 billion GBP")


def test_stance_a_revised_figure_makes_no_conflict() -> None:
    claims = _claims(
        "The merged bank has total assets of A$68 billion, the banks said.",
        "A release put the total assets at A$66 billion, but the banks corrected the figure to A$68 billion.",
    )
    group = assess([c for c in claims if c.kind == "money"], group_id="g")
    assert group.status == "agreement"
    assert group.explanation.endswith("1 revises 66 billion AUD")


def test_stance_a_stated_figure_still_conflicts_beside_a_rejection() -> None:
    claims = _claims(
        "The stadium will cost £1.2bn, the council said.",
        "The stadium cost £1.4bn, the paper said.",
        "The club rejected reports of a £1.4bn bill for the stadium.",
    )
    group = assess(claims, group_id="g")
    assert group.status == "conflict"
    assert group.conflict is not None and group.conflict.values == (1_200_000_000, 1_400_000_000)


def test_stance_in_the_json_report(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The club rejected reports of a £1.4bn figure for the stadium.\n")
    result = CliRunner().invoke(app, ["claims", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    (claim,) = json.loads(result.stdout)["claims"]
    assert (claim["text"], claim["stance"]) == ("£1.4bn", "denied")


def test_stance_folds_to_ascii_names_every_character_ignorecase_matches_with_a_letter() -> None:
    """``may_deny`` lowercases a sentence and looks for ASCII words: only the characters of
    ``FOLDS_TO_ASCII`` match an ASCII letter under IGNORECASE (or lowercase to one) without being one."""
    letter = re.compile("(?i)[a-z]")
    folding = {
        c
        for c in map(chr, range(128, sys.maxunicode + 1))
        if letter.fullmatch(c) or any("a" <= x <= "z" for x in c.lower())
    }
    assert folding == {c for c in map(chr, range(128, sys.maxunicode + 1)) if FOLDS_TO_ASCII.fullmatch(c)}


_WINDOW_WORDS = [
    "rejected",
    "reports",
    "of",
    "a",
    "and",
    "not",
    "the",
    "Denied",
    "cláims",
    "ſuggestions",
    "far",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WINDOW_WORDS) | st.text(max_size=6), max_size=12),
    st.sampled_from([" ", "\u00a0", "  ", " \n "]),
)
def test_stance_may_deny_wherever_the_search_finds_a_denial(words: list[str], space: str) -> None:
    """``may_deny`` is False only for a sentence where DENIAL finds nothing, whatever figure it is read before."""
    sentence = space.join(words) + " £5m"
    if not may_deny(sentence):
        assert not any(DENIAL.search(sentence, 0, at) for at in range(len(sentence) + 1))
