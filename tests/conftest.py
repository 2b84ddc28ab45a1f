"""Shared fixtures. Builders of hand-made claims live in ``tests/builders.py``; the fixtures hand them out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from builders import ClaimDoc, Corpus, analysed, make_claim, write_bridge_articles


@pytest.fixture
def claim_doc() -> Callable[[str], ClaimDoc]:
    """A factory of documents of hand-built claims: ``doc = claim_doc("seeds/000_a.txt")``."""
    return ClaimDoc


@pytest.fixture(name="make_claim")
def make_claim_fixture() -> Callable[..., object]:
    """``make_claim(sentence, text, kind=..., value=..., unit=...)``: one claim alone in its document."""
    return make_claim


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    """The bundled seeds, read and grouped once."""
    return analysed(Path(__file__).resolve().parents[1] / "seeds")


@pytest.fixture
def bridge(tmp_path: Path) -> Corpus:
    """Two short articles on one bridge, read and grouped."""
    return analysed(write_bridge_articles(tmp_path))
