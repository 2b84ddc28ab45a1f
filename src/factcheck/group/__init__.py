"""Claims -> groups of claims that measure one thing, decided without comparing their values.

``profiles`` says what a claim is to the grouper and scores one pair (the reference); ``columns``
profiles a million claims at once as arrays; ``pairs`` finds candidates and scores them in bulk;
``cluster`` joins claims into groups by average linkage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.group.cluster import group_claims


def __getattr__(name: str) -> Any:
    """``group_claims`` is imported when first asked for: a module of this package (the names beside
    figures, read by the helper process) loads without NumPy and SciPy."""
    if name == "group_claims":
        from factcheck.group.cluster import group_claims

        return group_claims
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["group_claims"]
