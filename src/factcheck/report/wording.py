"""Words for reports: figures as a reader writes them, short names of sources, group labels.

A leaf: it reads the models and the lexicon only, so judging (for its explanations), the statement
check and every report can use it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import islice
from pathlib import PurePosixPath
from typing import Any, NamedTuple

from factcheck.lexicon import CURRENCY_CODES, OTHER_MEASURES
from factcheck.lexicon.load import LEXICON, table
from factcheck.lexicon.plurals import plural
from factcheck.lexicon.synonyms import classes_of
from factcheck.lexicon.words import content_stem
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


def word_window(sentence: str, left: int, right: int, *, at: int, end: int) -> tuple[int, int]:
    """``[left, right)`` moved inwards to whole words (never past the figure ``[at, end)``), so that a
    shortened sentence starts and ends with a word, not half of one.

    >>> s = "Kosovo would lease 300 prison cells to Denmark"
    >>> left, right = word_window(s, 9, 40, at=19, end=35)
    >>> s[left:right]
    'lease 300 prison cells to'
    """
    left, right = max(0, left), min(len(sentence), right)
    if left > 0 and not sentence[left - 1].isspace():
        space = sentence.find(" ", left, at)
        left = space + 1 if space != -1 else left
    if right < len(sentence) and not sentence[right].isspace():
        space = sentence.rfind(" ", end, right)
        right = space if space != -1 else right
    return left, right


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
    return prefix + _figure(claim, value, unit)


def _figure(claim: Claim, value: float, unit: str) -> str:
    """A figure as compared in ``unit``; a converted one as stated first, a fraction as written ("one in
    eight (12.5 %)")."""
    compared = with_unit(humanize(round(value, 2)), unit, claim.kind)
    if claim.unit == "fraction":
        stated = claim.text[:1].lower() + claim.text[1:] if claim.text[1:2].islower() else claim.text
        return f"{stated} ({compared})" if unit != claim.unit else stated
    if (
        claim.value is not None and claim.unit and unit != claim.unit
    ):  # converted: as stated, then as compared
        return f"{with_unit(humanize(claim.value), claim.unit, claim.kind)} ({compared})"
    return with_unit(humanize(value), unit, claim.kind)


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
    """What the group's figures measure, built from the claims' own fields (the counted noun, the unit)
    and the words next to each figure: the measure word nearest the figure ("cost", "pledged", "won"),
    the "of the ..." that follows it, and the names most of the figures stand beside. Grouping is not
    read: the label names the group, it never decides it.

    >>> from factcheck.extract import extract_text
    >>> group_label([c for c in extract_text("The NDA won 291 seats. The NDA wins 293 seats.")])
    'seats won — NDA'
    >>> group_label(extract_text("The total cost of the renovation is £5m, the council said."))
    'cost of the renovation (GBP)'
    """
    units = (c.normalized.unit or c.unit for c in claims)
    return label_of(label_input(claims[0].kind, units, claims[:LABEL_SAMPLE]))


# What a label is made of (``label_input``), as plain values: the claims' kind, their most common unit,
# and the sentence of each of the first ``LABEL_SAMPLE`` figures with where the figure starts and ends.
LabelInput = tuple[str, str | None, list[tuple[str, int, int]]]


def label_input(kind: str, units: Iterable[str | None], claims: Sequence[Claim]) -> LabelInput:
    """What ``label_of`` reads of a group: its ``kind``, the most common of its claims' ``units`` (the
    first on a tie), and the first ``LABEL_SAMPLE`` of its ``claims``' figures in their sentences."""
    unit = Counter(units).most_common(1)[0][0]
    places = [
        (c.sentence, c.start - c.sentence_start, c.end - c.sentence_start) for c in claims[:LABEL_SAMPLE]
    ]
    return kind, unit, places


def label_of(found: LabelInput) -> str:
    """``group_label`` from what it reads (``label_input``): plain values, so that a helper process can
    make the labels of a large corpus."""
    kind, unit, places = found
    windows = [_window(*place) for place in places]
    measure = _measure(kind, windows)
    if kind == "count" and unit:
        noun = plural(unit)
        shown = f"{noun} {measure}" if measure else noun
        return _with_subjects(shown, windows, skip={*unit.lower().split(), *noun.lower().split()})
    fallback = OTHER_MEASURES.get(unit or "") if kind == "other" else None
    shown = measure or fallback or str(MEASURES["fallback"].get(kind, kind))
    if unit and kind not in ("year", "date", "time"):
        shown = f"{shown} ({plural(unit) if kind == 'duration' else unit})"
    return _with_subjects(shown, windows, skip=set())


def labels_of(inputs: Sequence[LabelInput]) -> list[str]:
    """``label_of`` each: a task for a helper process."""
    return [label_of(found) for found in inputs]


MEASURES: dict[str, Any] = {name: table("measures.toml", name) for name in LEXICON.file("measures.toml")}
NEAR = 8  # words on each side of a figure read for its measure and its names
REACH = 160  # characters on each side of a figure in which those words are looked for
LABEL_NAMES = 2  # at most this many names in a label
LABEL_SAMPLE = 64  # claims read for a label: a group's first, so that a label costs no more in a large group
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*[^\W_]|[^\W\d_]|\S")
_WORDS = re.compile(r"[^\W\d_][\w'’.-]*")
_OF = re.compile(r"of\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?([a-z][a-z-]+)")


class _Window(NamedTuple):
    """The words of a figure's sentence before it (nearest first) and after it, and what follows each."""

    before: list[re.Match[str]]
    after: list[re.Match[str]]
    sentence: str
    at: int  # the figure's start in the sentence
    end: int  # and its end
    headline: bool  # a title-case line: its capitals are no names


def _window(sentence: str, at: int, end: int) -> _Window:
    """The ``NEAR`` words on each side of the figure at ``[at, end)`` of ``sentence``, read from no
    more than ``REACH`` characters."""
    before = list(_TOKEN.finditer(sentence, max(0, at - REACH), at))[::-1][:NEAR]
    after = list(islice(_TOKEN.finditer(sentence, end, end + REACH), NEAR))
    return _Window(before, after, sentence, at, end, headline=_headline(sentence))


@lru_cache(maxsize=1 << 12)
def _headline(sentence: str) -> bool:
    """A title-case line ("Japan Pledges $10 Million To Loss And Damage Fund"): three in four of its
    longer words after the first are capitalised."""
    words = [w for w in _WORDS.findall(sentence)[1:] if len(w) >= 4]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) * 4 >= len(words) * 3


def _measure(kind: str, windows: Sequence[_Window]) -> str:
    """The measure word most figures have nearest them, with the "of the X" most of them share."""
    words = MEASURES.get(kind, {})
    found: Counter[str] = Counter()
    nearness: dict[str, int] = {}
    places: dict[str, list[tuple[str, int]]] = {}
    for window in windows:
        seen = [
            (distance, token)
            for side in (window.before, window.after)
            for distance, token in enumerate(side)
            if token.group().lower() in words
        ]
        if not seen:
            continue
        distance, token = min(seen, key=lambda pair: (pair[0], pair[1].start()))
        word = words[token.group().lower()]
        found[word] += 1
        nearness[word] = nearness.get(word, 0) + distance
        places.setdefault(word, []).append((window.sentence, token.end()))
    if not found:
        return ""
    best = min(found, key=lambda w: (-found[w], nearness[w], w))
    if " " in best or kind in ("count", "year", "date", "time"):
        return best
    return best + _of_phrase(places[best])


def _of_phrase(places: Sequence[tuple[str, int]]) -> str:
    """ " of the scheme" where the measure word is followed by one in most sentences."""
    phrases: Counter[str] = Counter()
    for sentence, end in places:
        match = _OF.match(sentence[end:].lstrip())
        if match and content_stem(match.group(1)) is not None:
            phrases[match.group(1)] += 1
    if not phrases:
        return ""
    word, n = min(phrases.items(), key=lambda item: (-item[1], item[0]))
    return f" of the {word}" if n * 2 >= len(places) else ""


def _with_subjects(shown: str, windows: Sequence[_Window], *, skip: set[str]) -> str:
    """``shown`` and the names (runs of capitalised words) next to at least half the figures, nearest
    first: "— NDA". A word that opens a sentence ("Total", "Nearly") is a name only where it is
    capitalised elsewhere too or is no common word (``_proper``); a title-case headline's capitals are
    no names."""
    usable = [w for w in windows if not w.headline]
    skip = skip | set(shown.lower().split())
    found = [_names(window, skip=skip) for window in usable]
    inner = {name for names in found for name, opens in names if not opens}
    counts: Counter[str] = Counter()
    first_at: dict[str, tuple[int, int]] = {}
    for k, names in enumerate(found):
        kept = (name for name, opens in names if not opens or name in inner or _proper(name))
        for place, name in enumerate(dict.fromkeys(kept)):
            counts[name] += 1
            first_at.setdefault(name, (k, place))
    need = max(1, (len(usable) + 1) // 2)
    chosen = sorted((n for n, c in counts.items() if c >= need), key=lambda n: (-counts[n], first_at[n], n))
    return f"{shown} — {', '.join(chosen[:LABEL_NAMES])}" if chosen else shown


# A word that may be part of a name ("Kosovo’s", "U.K.", "AT&T"); ``_runs`` joins them into names,
# "of" allowed between two of them ("Call of Duty", "Bank of England").
_NAME_WORD = re.compile(r"[^\W\d_][\w’'.&-]*")
_OPENERS = ("", *'.!?:;“"‘([—–-')  # what stands before a word that opens a sentence


def _names(window: _Window, *, skip: set[str]) -> list[tuple[str, bool]]:
    """The names near a figure, nearest first, each with whether it opens the sentence; not those
    that say who gives the figure ("Kumar said", "according to Sky Sports")."""
    found: list[tuple[int, str, bool]] = []
    sentence = window.sentence
    for side in (window.before, window.after):
        if not side:
            continue
        first, last = (side[-1], side[0]) if side is window.before else (side[0], side[-1])
        lo, hi = first.start(), last.end()  # the tokens do not overlap; ``before`` is nearest first
        if sentence[lo:hi].islower():  # no capital letter, no name
            continue
        words = [  # the capitalised words and "of": the gap between two tells whether a run goes on
            (word, w.start(), w.end())
            for w in _NAME_WORD.finditer(sentence, lo, hi)
            if (word := w.group())[0].isupper() or word == "of"
        ]
        if not words:
            continue
        for run, start, end in _runs(words, sentence, skip=skip):
            if _attributes(sentence, start, end):
                continue
            opens = sentence[max(0, start - 4) : start].rstrip()[-1:] in _OPENERS
            near = window.at - end if side is window.before else start - window.end
            found.append((near, run, opens))
    return [(name, opens) for _, name, opens in sorted(found, key=lambda item: item[0])]


def _attributes(sentence: str, start: int, end: int) -> bool:
    """Whether the name at ``[start, end)`` says who gives the figure rather than whose it is."""
    after = sentence[end : end + 12].split()
    before = " ".join(sentence[max(0, start - 14) : start].split()[-2:]).lower()
    return bool(after and after[0].lower().strip(",") in SAID_AFTER) or before.endswith(SAID_BEFORE)


def _proper(name: str) -> bool:
    """Whether a capitalised word that opens a sentence is a name all the same: no common English
    noun or verb (WordNet knows none by that stem) and no adverb in -ly ("Japan", not "Nearly")."""
    word = name.split()[0]
    stem_ = content_stem(word)
    return stem_ is not None and not word.lower().endswith("ly") and not classes_of(stem_)


def _runs(
    words: Sequence[tuple[str, int, int]], sentence: str, *, skip: set[str]
) -> list[tuple[str, int, int]]:
    """The runs of name words among ``words`` of ``sentence`` (each with its span), "of" kept between
    two of them; anything but a space between two words ends a run; possessives dropped.

    >>> text = "Call of Duty Kosovo’s Total, Italy"
    >>> _runs([(m.group(), m.start(), m.end()) for m in _NAME_WORD.finditer(text)], text, skip={"total"})
    [('Call of Duty Kosovo', 0, 21), ('Italy', 29, 34)]
    """
    runs: list[list[tuple[str, int, int]]] = [[]]
    for k, (word, start, end) in enumerate(words):
        if runs[-1] and sentence[runs[-1][-1][2] : start].strip():
            runs.append([])
        joined = k + 1 < len(words) and not sentence[end : words[k + 1][1]].strip()
        if word == "of" and runs[-1] and joined and _is_name(words[k + 1][0], skip=skip):
            runs[-1].append((word, start, end))
        elif _is_name(word, skip=skip):
            word = _POSSESSIVE.sub("", word)
            runs[-1].append((word[:-1] if word.endswith(".") and word.count(".") == 1 else word, start, end))
        elif runs[-1]:
            runs.append([])
    return [(" ".join(w for w, _, _ in run), run[0][1], run[-1][2]) for run in runs if run]


def _is_name(text: str, *, skip: set[str]) -> bool:
    """A capitalised word that is no stopword, month, weekday, currency code or word of the measure."""
    if not text[:1].isupper():
        return False
    text = _POSSESSIVE.sub("", text)
    low = text.lower().rstrip(".")
    if not text or any(map(str.isdigit, text)):
        return False
    if low in skip or low in NOT_NAMES or text in CURRENCY_CODES:
        return False
    return content_stem(text) is not None


_POSSESSIVE = re.compile(r"['’]s?$")
_MONTHS: dict[str, Any] = table("months.toml", "month")
SAID_AFTER = frozenset(MEASURES["attribution"]["after"])
SAID_BEFORE = tuple(f" {words}" for words in MEASURES["attribution"]["before"]) + tuple(
    MEASURES["attribution"]["before"]
)
NOT_NAMES = frozenset(
    [
        *_MONTHS,
        *(a for month in _MONTHS.values() for a in month.get("abbreviations", ())),
        *table("context.toml", "weekdays"),
    ]
)
