"""Words for reports: figures as a reader writes them, short names of sources, group labels.

A leaf: it reads the models and the lexicon only, so judging (for its explanations), the statement
check and every report can use it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePosixPath

from factcheck.lexicon.plurals import plural
from factcheck.lexicon.words import content_stems, content_words
from factcheck.models import Claim

# What must never reach a terminal or a Markdown file as itself: C0 and C1 controls (ESC starts a
# terminal sequence, C1 0x9b is a one-byte CSI), DEL, the bidi controls that reorder text on screen
# (U+061C, U+200E/F, U+202A-E, U+2066-9), the line and paragraph separators, and the lone surrogates
# that stand for undecodable bytes. Tab and newline are kept unless ``lines`` is False.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE_IN_TEXT = re.compile(f"[{_UNSAFE}]")
_UNSAFE_IN_LINE = re.compile(f"[{_UNSAFE}\t\n]")


def visible(text: str, *, lines: bool = True) -> str:
    r"""``text`` with every control character written as an escape: "\x1b[2J" prints as those six
    characters, a right-to-left override as "\u202e". With ``lines=False`` tabs and newlines too.

    >>> visible("a\x1b[31mred\u202eevil\x9b")
    'a\\x1b[31mred\\u202eevil\\x9b'
    >>> visible("two\nlines", lines=False)
    'two\\x0alines'
    """
    pattern = _UNSAFE_IN_TEXT if lines else _UNSAFE_IN_LINE
    return pattern.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def describe(side: list[Claim]) -> str:
    """How a side states its figure: "about 200 million EUR", "more than 2,000 km"."""
    claim = side[0]
    words = {
        "approx": "about ",
        "more_than": "more than ",
        "less_than": "less than ",
        "at_least": "at least ",
        "at_most": "at most ",
        "up_to": "up to ",
    }
    qualifier = Counter(c.qualifier for c in side).most_common(1)[0][0]
    prefix = words.get(qualifier or "", "")
    if qualifier == "vague":
        return claim.text
    if claim.kind == "time":
        return prefix + clock(claim)
    if claim.kind == "date" and claim.date:
        return claim.date
    unit = claim.normalized.unit or claim.unit or ""
    value = claim.normalized.value
    if claim.low is not None and claim.high is not None:
        return span_of(claim, claim.low, claim.high, unit)
    if value is None:
        return claim.text
    if claim.kind == "year":
        return f"{prefix}{value}"
    if (
        claim.value is not None and claim.unit and unit != claim.unit
    ):  # converted: as stated, then as compared
        return f"{prefix}{with_unit(humanize(claim.value), claim.unit, claim.kind)} ({with_unit(humanize(round(value, 2)), unit, claim.kind)})"
    return prefix + with_unit(humanize(value), unit, claim.kind)


def clock(claim: Claim) -> str:
    """A time as a reader compares it: the instant in UTC with its day where the time was anchored
    ("22:10 UTC on 2023-06-18" for "6:10 p.m. Eastern" on Sunday 18 June), else as the source wrote it.

    >>> from factcheck.extract import extract_text
    >>> claims = extract_text("It was due back at 6:10 p.m. EDT on 18 June 2023, not at 5pm.")
    >>> [clock(c) for c in claims if c.kind == "time"]  # 5pm is read in the zone the text uses
    ['22:10 UTC on 2023-06-18', '21:00 UTC on 2023-06-18']
    """
    if not claim.utc:
        return claim.text
    day, _, when = claim.utc.partition("T")
    return f"{when.rstrip('Z')} UTC on {day.lstrip('-')}"


def span_of(claim: Claim, low: float, high: float, unit: str) -> str:
    """A range as a reader writes it: "2019 to 2021" for years, "10 to 12 km" for the rest."""
    if claim.kind == "year":
        return f"{low:g} to {high:g}"
    return with_unit(f"{humanize(low)} to {humanize(high)}", unit, claim.kind)


def with_unit(amount: str, unit: str, kind: str) -> str:
    """An amount and its unit; a counted noun or a span of time in the plural after an amount other
    than "1". Currencies, percentages and units of measure are written as they are.

    >>> with_unit("300", "prison cell", "count"), with_unit("1", "year", "duration")
    ('300 prison cells', '1 year')
    >>> with_unit("210 million", "EUR", "money"), with_unit("5", "kg", "other")
    ('210 million EUR', '5 kg')
    """
    if not unit:
        return amount
    return f"{amount} {plural(unit) if kind in PLURAL_KINDS and amount != '1' else unit}"


PLURAL_KINDS = frozenset({"count", "duration"})


def counted(number: int, noun: str) -> str:
    """A count and its noun, singular for one: "1 conflict", "2 conflicts", "0 agreements".

    >>> counted(1, "conflict"), counted(2, "conflict"), counted(0, "agreement")
    ('1 conflict', '2 conflicts', '0 agreements')
    """
    return f"{number:,} {noun if number == 1 else plural(noun)}"


def humanize(value: float) -> str:
    """A number as a reader writes it.

    >>> [humanize(v) for v in (210000000, 1500000000, 2000, 8.5, 300, 6030000.5)]
    ['210 million', '1.5 billion', '2,000', '8.5', '300', '6.03 million']
    """
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        # Also where the scale below would print 1,000: 999,999,999 is "1 billion", not "1,000 million".
        if abs(value) >= scale or (scale > 1e6 and round(abs(value) / scale * 1000, 2) >= 1000):
            return f"{value / scale:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def short_names(paths: Sequence[str]) -> dict[str, str]:
    """Short, unique names of documents for explanations: "000" for "seeds/000_9d41.txt"."""
    unique = sorted(set(paths))
    stems = {p: PurePosixPath(p).stem for p in unique}
    prefixes = {p: s.split("_")[0] for p, s in stems.items()}
    if len(set(prefixes.values())) == len(unique):
        return prefixes
    if len(set(stems.values())) == len(unique):
        return stems
    return _distinct_tails(unique)


def _distinct_tails(paths: Sequence[str]) -> dict[str, str]:
    """For each path, the fewest trailing parts (two or more), without the suffix, that no other path
    ends with: "bbc/story" beside "cnn/story"; the whole path where none do. Linear in the paths."""
    parts = {p: PurePosixPath(p).with_suffix("").parts for p in paths}
    names: dict[str, str] = {}
    pending = list(parts)
    for n in range(2, max((len(x) for x in parts.values()), default=0) + 1):
        tails = {p: "/".join(parts[p][-n:]) for p in parts}
        counts = Counter(tails.values())
        names.update((p, tails[p]) for p in pending if counts[tails[p]] == 1 and len(parts[p]) >= n)
        pending = [p for p in pending if p not in names]
    names.update((p, p) for p in pending)
    return names


def group_label(claims: Sequence[Claim]) -> str:
    """The three words the group's sentences share most, in the order a reader meets them, with the
    unit: "lease prison cells (EUR)"."""
    own = {w for c in claims for w in content_stems(c.text)}
    sentences = [content_words(text) for text in sorted({c.sentence for c in claims})]
    stems = [tuple(s for s, _ in found) for found in sentences]
    counts: Counter[str] = Counter()  # sentences using each stem
    for order in stems:
        counts.update(set(order).difference(own))
    shared = [w for w, n in counts.items() if n >= 2] or list(counts)
    top = sorted(shared, key=lambda w: (-counts[w], -len(w), w))[:3]
    surfaces: Counter[tuple[str, str]] = Counter()  # (stem, word as first written in a sentence)
    places: dict[str, float] = {}  # each stem's earliest place in a sentence, as a share of its length
    for words, order in zip(sentences, stems, strict=True):
        for stem_ in top:
            if stem_ in order:
                k = order.index(stem_)
                surfaces[stem_, words[k][1]] += 1
                places[stem_] = min(places.get(stem_, 1.0), k / len(order))
    written: dict[str, tuple[int, str]] = {}  # the most frequent way each top stem is written
    for (stem_, word), n in surfaces.items():
        if stem_ not in written or (-n, word) < written[stem_]:
            written[stem_] = (-n, word)
    shown = " ".join(written[w][1] for w in sorted(top, key=lambda w: (places[w], w)))
    unit = claims[0].unit or claims[0].kind
    return f"{shown} ({unit})" if shown else unit
