"""What stands around a quantity: a qualifier before or after it ("about", "or more"), the period of a
rate ("each year"), and a restatement in another unit ("EUR 210 million (DKK 1.5 billion)")."""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck import lexicon as lx
from factcheck.extract.mention import Mention
from factcheck.extract.patterns import DIGIT_NEXT, QUALIFIER_BEFORE, QUALIFIER_ENDINGS
from factcheck.extract.readers import words_of
from factcheck.extract.units import find_period
from factcheck.lexicon.load import table

APPROX_ONLY = frozenset({"approx"})
_LEFT = 40  # how far back a currency or qualifier is looked for


# A qualifier after a quantity, read on a short window: "20 years or so", "30 odd".
_QUALIFIER_AFTER = re.compile(rf"[ \u00a0]+({words_of(lx.QUALIFIERS_AFTER)})\b")
# An age after a span of time: "over 65 years old".
_AGE_AFTER = re.compile(
    rf"[ \u00a0-]{{1,3}}(?:{'|'.join(re.escape(w) for w in table('context.toml', 'age_words'))})\b"
)


def with_context(text: str, mention: Mention) -> Mention:
    left = text[max(0, mention.start - _LEFT) : mention.start]
    last = left.rsplit(None, 1)[-1].lstrip("([{\"'“‘").lower() if left.strip() else ""
    q = QUALIFIER_BEFORE.search(left) if last in QUALIFIER_ENDINGS else None
    qualifier, q_start = None, None
    if q is not None and mention.qualifier is None:
        word = re.sub(r"[ \u00a0]+", " ", q.group("q").lower())
        qualifier = lx.QUALIFIERS[word]
        if mention.kind == "duration" and word == "over" and not _AGE_AFTER.match(text, mention.end):
            qualifier = None  # "over 10 years": spread across, not more than ("over 65 years old" is)
        elif mention.kind in ("year", "date") and qualifier not in APPROX_ONLY:
            qualifier = None
        elif word == "some" and mention.kind in ("year", "date"):
            qualifier = None
        if qualifier is not None:
            q_start = mention.start - (len(left) - q.start("q"))
    if qualifier in (None, "approx") and mention.qualifier is None:
        trailing = _QUALIFIER_AFTER.match(text[mention.end : mention.end + 20])
        bound_of_next = trailing and DIGIT_NEXT.match(
            text, mention.end + trailing.end()
        )  # "200 or more than 190"
        if (
            trailing
            and not bound_of_next
            and (qualifier is None or lx.QUALIFIERS_AFTER[trailing.group(1)] != "approx")
        ):
            qualifier = lx.QUALIFIERS_AFTER[trailing.group(1)]  # "about 500 or more": a bound wins
    per = (
        find_period(text, mention.start, mention.end)
        if mention.kind in ("money", "count", "distance")
        else None
    )
    if (qualifier or mention.qualifier) == mention.qualifier and q_start == mention.qualifier_start:
        if per == mention.per:
            return mention  # nothing to add: skip the (slow) dataclasses.replace
    return replace(mention, qualifier=qualifier or mention.qualifier, qualifier_start=q_start, per=per)


_EQUIVALENT_GAP = re.compile(
    r"[ \u00a0]*(?:\([ \u00a0]*(?:(?:then|now|at the time)[ \u00a0]+)?|,[ \u00a0]*(?:or|i\.e\.|that is)[ \u00a0]+"
    r"|[ \u00a0]+or[ \u00a0]+|[ \u00a0]*/[ \u00a0]*)$"  # "(then $116 million)": converted at that day's rate
)


def link_equivalents(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mark "EUR 210 million (DKK 1.5 billion)" as two statements of one sum; share a rate's period."""
    out = list(mentions)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.kind != b.kind or a.kind not in ("money", "distance", "other") or a.unit == b.unit:
            continue
        gap = text[a.end : b.qualifier_start if b.qualifier_start is not None else b.start]
        if _EQUIVALENT_GAP.fullmatch(gap) is None:
            continue
        per = a.per or b.per
        out[i - 1] = replace(a, equivalent=i, per=per)
        out[i] = replace(b, equivalent=i - 1, per=per)
    return out
