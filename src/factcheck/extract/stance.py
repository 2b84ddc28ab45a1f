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
# A revision right after a figure, in its sentence: the figure was the first word, since corrected ("put
# the assets at A$66 billion, but the banks corrected the figure to A$68 billion", "at 390, before
# revising the figure"); or a correction before it after a comma ("412 passengers aboard, not 390").
REVISION = re.compile(
    rf"""
    ^[^.;:!?\d]{{0,60}}?                                  # a few words after the figure, no figure
    \b(?:{_words(_DENIAL["revisions"])})\b                 # "corrected", "revising"
    (?:[ \u00a0]+(?:the|its|their|this|that|it|them|figure|figures|number|estimate|total|count|tally))*
    (?:[ \u00a0]+(?:to|up|down|upwards|downwards)\b|[ \u00a0]*[,.;]|[ \u00a0]+(?:once|after|when|as)\b|$)
    """,
    re.VERBOSE | re.IGNORECASE,
)
CORRECTED = re.compile(r",[ \u00a0]+not[ \u00a0]+(?:the[ \u00a0]+)?$", re.IGNORECASE)  # "412 aboard, not 390"
AFTER = 80  # characters after a figure where its revision is looked for


def stance_of(sentence: str, at: int, end: int | None = None, *, deny: bool = True) -> Stance | None:
    """ "denied" when the sentence gives the figure at ``at`` to reject it, "revised" when it gives it as
    a figure since corrected (the figure ends at ``end``), else None (stated). Without ``deny``
    (``may_deny`` of the sentence is False), the search for a denial is skipped.

    >>> s = "The club rejected reports of a £1.4bn figure."
    >>> stance_of(s, s.index("£")), stance_of("It cost £1.2bn.", 8)
    ('denied', None)
    >>> s = "The deal ended up costing around €95m, and not the slimmed-down €57m."
    >>> stance_of(s, s.index("€95m")), stance_of(s, s.index("€57m"))
    (None, 'denied')
    >>> s = "It put the assets at A$66 billion, but the banks corrected the figure to A$68 billion."
    >>> stance_of(s, s.index("A$66"), s.index(" billion,") + 8), stance_of(s, s.index("A$68"), len(s) - 1)
    ('revised', None)
    >>> s = "There were 412 passengers aboard, not 390 as it said earlier."
    >>> stance_of(s, s.index("390"), s.index("390") + 3), stance_of(s, s.index("412"), s.index("412") + 3)
    ('revised', None)
    """
    start = max(0, at - REACH)
    if deny and DENIAL.search(sentence, start, at):
        return "denied"
    if CORRECTED.search(sentence, start, at):
        return "revised"
    if end is not None and REVISION.match(sentence[end : end + AFTER]):
        return "revised"
    return None


def may_deny(sentence: str) -> bool:
    """Whether DENIAL can match anywhere in ``sentence``: a correction ("and not") is in it, or a verb
    and what it denies ("rejected", "reports"), their words apart by white space as DENIAL's are. Most
    sentences are not: extraction asks this once a sentence instead of searching before every figure
    (that search was a twentieth of extraction's time).

    >>> may_deny("The club rejected reports of a £1.4bn figure."), may_deny("It cost £1.2bn.")
    (True, False)
    """
    if not sentence.isascii() and FOLDS_TO_ASCII.search(sentence):
        return True  # a letter IGNORECASE reads as an ASCII one, which str.lower does not give
    low = " ".join(sentence.lower().split())
    return any(c in low for c in _CORRECTIONS) or (
        any(o in low for o in _OBJECTS) and any(v in low for v in _VERBS)
    )


def _phrases(words: list[str]) -> tuple[str, ...]:
    return tuple(" ".join(w.lower().split()) for w in words)


_VERBS, _OBJECTS, _CORRECTIONS = (_phrases(_DENIAL[k]) for k in ("verbs", "objects", "corrections"))
# The only characters outside ASCII that IGNORECASE matches with an ASCII letter (İ ı ſ and the Kelvin
# sign), where ``str.lower`` is no guide: ``tests/test_stance.py`` checks this against every character.
FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


__all__ = ["DENIAL", "REVISION", "may_deny", "stance_of"]
