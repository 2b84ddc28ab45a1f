"""Claims -> groups of claims that measure one thing, decided without comparing their values.

``profiles`` says what a claim is to the grouper and scores one pair (the reference); ``columns``
profiles a million claims at once as arrays; ``pairs`` finds candidates and scores them in bulk;
``cluster`` joins claims into groups by average linkage.
"""

from factcheck.group.cluster import group_claims

__all__ = ["group_claims"]
