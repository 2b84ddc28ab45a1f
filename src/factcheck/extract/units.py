"""What a number counts, and over what period: counted nouns, years, rates.

>>> counted_noun(" prison cells to Denmark", 0, 300.0)
('prison cell', 13)
>>> counted_noun(" Albanian prisoners serving", 0, 200.0)
('prisoner', 19)
>>> counted_noun("-member unit within", 0, 152.0)
('member', 12)
>>> find_period("a payment of €15 million will be made each year, plus", 13, 24)
'year'
"""

from __future__ import annotations

import re

from factcheck import lexicon as lx
from factcheck.extract.patterns import NOUN_WORD
from factcheck.lexicon.load import table
from factcheck.lexicon.plurals import is_plural, singular

# Modifiers dropped from a counted noun: "700 unused prison cells" counts prison cells.
DROPPED_MODIFIERS = frozenset(table("nouns.toml", "dropped_modifiers"))
# Words for people in a state, as nouns: "93 dead", "20 injured".
PEOPLE_STATES = frozenset(table("nouns.toml", "people_states"))
# Words before a four-digit number that make it a year: "in 2021", "fiscal 2023".
YEAR_LEADS = frozenset(table("context.toml", "year_leads"))
# Words after "a year", "a week" that make it a point in time: "a week earlier", "a year ago".
_NOT_A_PERIOD = rf"(?![ \u00a0-]{{1,3}}(?:{'|'.join(table('context.toml', 'not_a_period_after'))})\b)"


def _phrase_words(text: str, end: int, limit: int = 5) -> list[re.Match[str]]:
    words: list[re.Match[str]] = []
    pos = end
    for _ in range(limit):
        m = NOUN_WORD.match(text, pos)
        if m is None:
            break
        low = m.group("word").lower()
        if low in lx.NOUN_STOPWORDS or low in lx.NON_COUNT_HEADS or low in lx.PERIOD_ADJECTIVES:
            break
        if low.split("-", 1)[0] in lx.NOUN_STOPWORDS:  # "0-to-60-mph": a range, not a noun
            break
        if low in lx.UNITS_0_19 or low in lx.TENS:  # "three-nought-four": numbers, not a noun
            break
        words.append(m)
        pos = m.end()
        if is_plural(m.group("word")):
            break
    return words


# People in a state after a link: "1,000 remained unaccounted for", "five were injured", "1,500 remain
# missing" count people, as "93 dead" does.
_PEOPLE_IN_A_STATE = re.compile(
    r"[ \u00a0]+(?:remain|remains|remained|are|were)[ \u00a0]+"
    rf"(?:still[ \u00a0]+)?(?P<state>{'|'.join(sorted(PEOPLE_STATES, key=len, reverse=True))})\b"
)


def counted_noun(text: str, end: int, value: float) -> tuple[str, int] | None:
    """The noun a number counts, as (singular noun phrase, end offset), or None."""
    words = _phrase_words(text, end)
    people = _people(text, end, value, words)
    if people is not None:
        return people
    if not words:
        return None
    first = words[0]
    if value == 1:
        head = first.group("word")
        if head.lower().endswith(("ed", "ing", "ly")) or head.lower() in lx.MONTHS:
            return None
        return singular(head) if is_plural(head) else head, first.end()
    plural_at = next((i for i, m in enumerate(words) if is_plural(m.group("word"))), None)
    modifier = first.group("gap") == "-" or (plural_at is None and len(words) >= 2)
    if modifier and (plural_at is None or plural_at > 0) and not is_plural(first.group("word")):
        # "152-member unit", "27 member bloc": the number counts the first noun.
        if first.group("word").lower() in DROPPED_MODIFIERS and len(words) > 1:
            noun = words[1].group("word").lower()  # "a 2,000-strong force": a force of 2,000
            return singular(noun) if is_plural(noun) else noun, words[1].end()
        tail = words[1].end() if len(words) > 1 and plural_at in (None, 1) else first.end()
        return first.group("word").lower(), tail
    if plural_at is None:
        return None
    phrase = words[: plural_at + 1]
    head = phrase[-1].group("word")
    kept = [m.group("word") for m in phrase[:-1] if _kept_modifier(m.group("word"))]
    return " ".join([*(w.lower() for w in kept), singular(head)]), phrase[-1].end()


def _people(text: str, end: int, value: float, words: list[re.Match[str]]) -> tuple[str, int] | None:
    """People in a state, right after a count ("93 dead", "20 injured") or after a link ("1,000
    remained unaccounted for", "five were injured"): ("person", end of the state word). ``words`` are
    the phrase words after the count (``_phrase_words``)."""
    if value == 1:
        return None
    state = _PEOPLE_IN_A_STATE.match(text, end)
    if state is not None:
        return "person", state.end()
    if len(words) == 1 and words[0].group("gap") != "-" and words[0].group("word") in PEOPLE_STATES:
        return "person", words[0].end()
    return None


def _kept_modifier(word: str) -> bool:
    low = word.lower()
    if low in DROPPED_MODIFIERS or any(c.isdigit() for c in word):
        return False
    if word[0].isupper():  # Albanian prisoners, COVID-19 vaccine doses
        return False
    return not low.endswith("ed")


WEAK_YEAR_LEADS = frozenset(table("context.toml", "weak_year_leads"))
# Plural nouns after a year that are the year's: "below 2019 levels", "at 2008 prices".
YEAR_NOUNS = frozenset(table("context.toml", "year_nouns"))
# Words that make a year of any four-digit number after them: "in 1500", "by 2120" (not "to", "the").
STRONG_YEAR_LEADS = YEAR_LEADS - WEAK_YEAR_LEADS - {"to", "the"}


def strong_year_lead(text: str, start: int) -> bool:
    """Whether the word before ``start`` makes a year of any four-digit number: "in 1500", "by 2120".

    >>> [strong_year_lead(t, t.index("1")) for t in ["in 1500", "about 1000 come", "rose to 1500", "A.D. 1000"]]
    [True, False, False, True]
    """
    return _lead(text, start) in STRONG_YEAR_LEADS


def _lead(text: str, start: int) -> str:
    """The word right before a number, lower case: "in" in "in 2021", "a.d." in "A.D. 1000"."""
    before = _LEAD.search(text, max(0, start - 16), start)
    return before.group(1).lower() if before else ""


_LEAD = re.compile(r"([A-Za-z]+|A\.D\.|B\.C\.)[ \u00a0]*$")


def _counted_plural(word: re.Match[str]) -> bool:
    """ "1000 *customers*": a lower-case plural noun right after the number."""
    low = word.group("word")
    return word.group("gap") != "-" and low.islower() and is_plural(low) and low not in lx.NOUN_STOPWORDS


def is_year_context(text: str, start: int, end: int) -> bool:
    """Whether a four-digit number reads as a year: "in 2021", "2010 Albania floods", not "2000 people",
    "more than 1000 customers" or "a 1500-strong force".

    >>> [is_year_context(t, 10, 14) for t in ["more than 1000 customers", "sent them 2000-strong"]]
    [False, False]
    >>> [is_year_context(t, t.index("2"), t.index("2") + 4) for t in ["it was in 2000 that", "below 2019 levels"]]
    [True, True]
    """
    lead = _lead(text, start)
    nxt = NOUN_WORD.match(text, end)
    if lead in YEAR_LEADS and not (lead in WEAK_YEAR_LEADS and nxt is not None and _counted_plural(nxt)):
        return True
    if nxt is None:
        return True
    if nxt.group("gap") == "-":  # "2020-era" is rare; "a 1500-strong force", "2000-member unit" count
        return nxt.group("word").lower() in lx.NOUN_STOPWORDS
    word = nxt.group("word")
    if word[0].isupper() or not word.isalpha() or word in YEAR_NOUNS:
        return True
    if is_plural(word):
        return False
    second = NOUN_WORD.match(text, nxt.end())
    return not (
        second
        and second.group("gap") != "-"
        and second.group("word").islower()
        and is_plural(second.group("word"))
        and word not in lx.NOUN_STOPWORDS
    )


_PERIOD_AFTER = re.compile(
    rf"""(?:^|(?<=[ \u00a0,]))
    (?:(?P<prep>over|for|in|within|after|than|nearly|about|almost)[ \u00a0]+)?   # "over a year" is no rate
    (?:(?:each|every|per|a|an)[ \u00a0]+(?P<period>year|month|week|day|hour|minute|second|quarter|annum|decade)\b
       {_NOT_A_PERIOD}  # "a week earlier" is a point in time
      |(?P<adverb>annually|yearly|monthly|weekly|daily|p\.a\.)\b
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_PER_NOUN = re.compile(
    rf"""(?:[ \u00a0]+per[ \u00a0]+(?:[A-Z][\w&.'’-]*[ \u00a0]+){{0,3}}|/|[ \u00a0]+per-)(?P<noun>[a-z]+)\b  # per person, /share, per-person,
      # per Activision Blizzard share (a name before the noun)
      | (?:[ \u00a0]+|-)(?:a|an|each|for[ ]each|for[ ]every)(?:[ \u00a0]+|-)
        (?P<period>year|month|week|day|hour|head|person|share)\b  # "£500,000-a-week"
        {_NOT_A_PERIOD}  # "contracts a week earlier"
      | [ \u00a0]+an?[ \u00a0]+(?P<measure>[A-Za-z]{{3,}})\b  # "$84.50 a barrel", "$12 an ounce", "a kWh"
      | [ \u00a0]+for[ \u00a0]+(?:each|every)[ \u00a0]+(?P<each>[a-z]{{3,}})\b  # "€10 million for each breach"
    """,
    re.VERBOSE,
)

_PERIOD_BEFORE = re.compile(
    r"\b(?P<adj>annual|yearly|monthly|weekly|daily|quarterly)\b(?:[ \u00a0]+[\w-]+){0,2}?"
    r"[ \u00a0]+(?:of|worth|at|totall?ing|amounting[ ]to)[ \u00a0]+(?:[\w.~-]+[ \u00a0]+){0,2}?$",
    re.IGNORECASE,
)
# Units of measure in full and in the singular, that "a" before makes the unit of a price: "a barrel".
_MEASURE_UNIT_WORDS = frozenset(
    word
    for units in (lx.OTHER_UNITS, lx.DISTANCE_UNITS, lx.WEIGHT_WORDS)
    for word in units
    if word.isalpha() and len(word) > 2 and not word.endswith("s")
)
# One-word heads of "per ...": "per person", "per household".
_ONE_WORD_HEADS = frozenset(table("nouns.toml", "per_heads"))
# Words that start a clause after "per": "per cent if", "per year while".
_CLAUSE_WORDS = frozenset(table("nouns.toml", "clause_words"))
_CLAUSE_END = re.compile(r"[.;:!?()\[\]]|,[ \u00a0]+(?:plus|and|but|while|whereas)\b|[ \u00a0]+plus[ \u00a0]")


def _per_noun(text: str, end: int) -> str | None:
    """What a quantity is stated per, right after it: "per passenger", "a head", "/share";
    "" where a "per" stands there with no noun one can read, None where none stands."""
    noun = _PER_NOUN.match(text, end)
    if noun is None:
        return None
    if noun.group("measure"):  # a unit of measure only: "$5 a barrel", not "$5 a small fee"
        measure = noun.group("measure").lower()
        return measure if measure in _MEASURE_UNIT_WORDS else None
    if noun.group("each"):  # "for each breach": one noun, as "per breach"
        each = noun.group("each")
        return None if each in lx.NOUN_STOPWORDS else singular(each)
    word = (noun.group("noun") or noun.group("period")).lower()
    if word in lx.PERIOD_WORDS:
        return lx.PERIOD_WORDS[word]
    if word in ("head", "capita"):
        return "person"
    if word in lx.NOUN_STOPWORDS:
        return None
    if text.startswith("/", end) or noun.group("period"):
        return singular(word)  # "$95/share", "$95 a share"
    words = []
    for m in _phrase_words(text, noun.start("noun") - 1, limit=2):
        low = m.group("word").lower()
        if low in _CLAUSE_WORDS or low.endswith(("ed", "ing", "ly")):
            break
        words.append(low)
        if low in _ONE_WORD_HEADS:
            break
    return " ".join([*words[:-1], singular(words[-1])]) if words else ""


# A distributive "each" with no noun of its own: "paid $5 each.", "cost $6 each in the stands".
_EACH = re.compile(
    r"[ \u00a0]+each(?=[ \u00a0]*(?:[.,;:!?)]|$)|[ \u00a0]+(?:in|to|for|of|on|at|from|by|and|or|but|with)\b)"
)


def _antecedent(text: str, start: int) -> str | None:
    """The plural noun a distributive "each" after ``start`` refers to: the last one before it in its
    clause ("Volunteers were paid $5 each": volunteer)."""
    left = text[max(0, start - 80) : start]
    stop = list(re.finditer(r"[.;:!?()]", left))
    if stop:
        left = left[stop[-1].end() :]
    words = re.findall(r"[A-Za-z]+", left)
    for i in range(len(words) - 1, -1, -1):
        word, low = words[i], words[i].lower()
        if word[0].isupper() and i > 0:
            continue  # "The United Arab Emirates and Germany pledged $100 million each": each of them
        if low not in lx.NOUN_STOPWORDS and is_plural(low):
            return singular(low)
    return None


def find_period(text: str, start: int, end: int) -> str | None:
    """The period of a rate stated around a quantity: "€15 million ... each year", "annual ... of 45
    million"; the noun a distributive "each" refers to: "Volunteers were paid $5 each".

    >>> find_period("Volunteers were paid $5 each.", 21, 23)
    'volunteer'
    """
    per = _per_noun(text, end)
    if per is not None:
        return per or None
    if _EACH.match(text, end):
        return _antecedent(text, start)
    window = text[end : end + 60]
    if window.startswith(")") and text[start - 1 : start] == "(":
        window = window[
            1:
        ]  # a restatement in brackets shares the period after them: "a mile (1.6 km) a minute"
    stop = _CLAUSE_END.search(window)
    if stop:
        window = window[: stop.start()]
    for m in _PERIOD_AFTER.finditer(window):
        if m.group("prep"):
            continue
        if m.group("adverb"):
            return lx.PERIOD_ADJECTIVES.get(m.group("adverb").lower(), "year")
        return lx.PERIOD_WORDS[m.group("period").lower()]
    left = text[max(0, start - 50) : start]
    before = _PERIOD_BEFORE.search(left)
    if before:
        return lx.PERIOD_ADJECTIVES[before.group("adj").lower()]
    return None
