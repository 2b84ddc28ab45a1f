"""Whether a source states a figure or gives it to reject it.

"The club rejected reports of a £1.4bn figure": the club does not say £1.4bn, it says the figure is
wrong. Such a claim is still a claim of its measure (it is grouped with the others and shown), but it
is never counted as a source's figure: it supports no side and makes no conflict on its own.
"""

from __future__ import annotations

import re

from factcheck.lexicon.load import table
from factcheck.models import Stance

_DENIAL = table("context.toml", "denial")


def _words(words: list[str]) -> str:
    return "|".join(
        r"[ \u00a0]+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True)
    )


# A denial right before a figure, in its clause: the verb, what it denies, then at most a few words
# ("rejecting reports of a £1.4bn", "denied claims that it paid $5m", "dismissed suggestions the deal
# was worth"), or a correction ("and not the slimmed-down €57m", "rather than 300").
DENIAL = re.compile(
    rf"""
    (?:
        \b(?:{_words(_DENIAL["verbs"])})                   # the verb: "rejecting", "denied"
        (?:[ \u00a0]+(?:the|any|all|media|press|earlier|recent|widespread|[A-Z][\w'’]*))?  # "the", "media"
        [ \u00a0]+(?:{_words(_DENIAL["objects"])})         # what it denies: "reports", "claims"
        (?:[ \u00a0]+(?:of|that|about|suggesting|putting))?
      | \b(?:{_words(_DENIAL["corrections"])})             # a correction: "and not", "rather than"
    )
    (?:[ \u00a0]+[^\s.;:!?()\d]+){{0,6}}                    # a few words, no figure and no clause break
    [ \u00a0]+$
    """,
    re.VERBOSE | re.IGNORECASE,
)
REACH = 120  # characters before a figure where its denial is looked for


def stance_of(sentence: str, at: int) -> Stance | None:
    """ "denied" when the sentence gives the figure at ``at`` to reject it, else None (stated).

    >>> s = "The club rejected reports of a £1.4bn figure."
    >>> stance_of(s, s.index("£")), stance_of("It cost £1.2bn.", 8)
    ('denied', None)
    >>> s = "The deal ended up costing around €95m, and not the slimmed-down €57m."
    >>> stance_of(s, s.index("€95m")), stance_of(s, s.index("€57m"))
    (None, 'denied')
    """
    return "denied" if DENIAL.search(sentence, max(0, at - REACH), at) else None


__all__ = ["DENIAL", "stance_of"]
