"""Shared fixtures. Builders of hand-made claims live in ``tests/builders.py``; the fixtures hand them out."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from builders import ClaimDoc, make_claim


@pytest.fixture
def claim_doc() -> Callable[[str], ClaimDoc]:
    """A factory of documents of hand-built claims: ``doc = claim_doc("seeds/000_a.txt")``."""
    return ClaimDoc


@pytest.fixture(name="make_claim")
def make_claim_fixture() -> Callable[..., object]:
    """``make_claim(sentence, text, kind=..., value=..., unit=...)``: one claim alone in its document."""
    return make_claim
