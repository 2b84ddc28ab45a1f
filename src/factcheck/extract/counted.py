"""What a bare count counts, read from its sentence: a writer names the noun once ("NDA wins 291
seats; INDIA bloc 230"), or makes the count the value of a noun that counts ("the death toll was at
93", "the number of migrants rose to 5,000")."""

from __future__ import annotations

import re

from factcheck.extract.units import PEOPLE_STATES
from factcheck.lexicon.load import table
from factcheck.lexicon.plurals import is_plural, singular
from factcheck.lexicon.words import REFER_BACK, refers_back
from factcheck.models import Claim, Normalized, updated

_COUNTING_NOUNS: dict[str, str] = table("nouns.toml", "counting_nouns")
_COUNT_OF = table("nouns.toml", "count_of_nouns")
_LINKS = sorted(table("nouns.toml", "count_links"), key=len, reverse=True)
_DETERMINER_VERB = re.compile(
    r"[ \u00a0]+(?:(?:"
    + "|".join(map(re.escape, table("nouns.toml", "determiner_verbs")))
    + r")|(?:is|was)[ \u00a0]+(?:"
    + "|".join(map(re.escape, table("nouns.toml", "determiner_complements")))
    + r"))\b"
)


def _alternation(words: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)


# A subject's modifiers, with no figure and no clause break, then the link: "from the fires was at".
_MODIFIERS_AND_LINK = rf"[^.;:,\d()]{{0,80}}?\s(?:{_alternation(_LINKS)})"
# The subject that counts, then its linking verb, right before the figure: "The death toll from
# fast-moving wildfires in Maui was at 93", "the number of migrants crossing rose to at least 5,000".
_COUNTING_SUBJECT = re.compile(
    rf"""
    \b(?:
        (?P<counter>{_alternation(sorted(_COUNTING_NOUNS))})        # "toll": counts what the table says
        (?:\s+of|{_MODIFIERS_AND_LINK})                            #   "a death toll of 688"
      | (?:{_alternation(_COUNT_OF)})\s+of\s+(?:the\s+)?(?P<noun>[a-z]+(?:[ ][a-z]+){{0,2}})  # "number of (confirmed) migrants"
        {_MODIFIERS_AND_LINK}
    )
    (?:\s+[a-z]+){{0,2}}                      # a qualifier: "at least", "about"
    \s+$
    """,
    re.VERBOSE | re.IGNORECASE,
)


def subject_noun(claim: Claim) -> str | None:
    """The noun a bare figure counts by being the value of its clause's subject, if it is one.

    >>> from factcheck.extract import extract_text
    >>> [(c.text, c.unit) for c in extract_text("The death toll from the fires was at 93 on Monday.")]
    [('93', 'person')]
    >>> [(c.text, c.unit) for c in extract_text("It gave a final death toll of 688.")]
    [('688', 'person')]
    >>> [(c.text, c.unit) for c in extract_text("The number of migrants crossing rose to 5,000.")]
    [('5,000', 'migrant')]
    """
    before = claim.sentence[
        max(0, claim.start - claim.sentence_start - 160) : claim.start - claim.sentence_start
    ]
    found = _COUNTING_SUBJECT.search(before)
    if found is None:
        return None
    if found.group("counter"):
        return _COUNTING_NOUNS[found.group("counter").lower()]
    plural = [word for word in found.group("noun").lower().split() if is_plural(word)]
    return singular(plural[-1]) if plural else None  # "confirmed fatalities": the plural noun


def elided_nouns(claims: list[Claim]) -> list[Claim]:
    """A bare count takes the noun its clause's subject counts ("the death toll was at 93": people),
    else the noun of the nearest count of its sentence that names one: a writer names the noun once.
    "NDA wins 291 seats; INDIA bloc 230" (230 seats), "61.5 crore out of 91.20 crore eligible voters"
    (61.5 crore voters: the head noun, not its modifiers), "99 wins against 44 in 2014" (44 wins). A
    count alone in its sentence, or beside no named one, stays bare.

    >>> from factcheck.extract import extract_text
    >>> [(c.text, c.unit) for c in extract_text("The NDA won 291 seats and the INDIA bloc 230.")]
    [('291 seats', 'seat'), ('230', 'seat')]
    >>> [(c.text, c.unit) for c in extract_text("It passed by 34 votes to 24, with three abstentions.")]
    [('34 votes', 'vote'), ('24', 'vote'), ('three abstentions', 'abstention')]
    >>> [(c.text, c.unit) for c in extract_text("It passed by 34 votes to 22 with three abstentions.")]
    [('34 votes', 'vote'), ('22', 'vote'), ('three abstentions', 'abstention')]

    A figure abbreviated with a glued "K" and no noun names a thing ("the marathon, half marathon and
    10K": a race), not more of the sentence's count.

    >>> [(c.text, c.unit) for c in extract_text("6,200 runners entered its marathon, half marathon and 10K.")]
    [('6,200 runners', 'runner'), ('10K', None)]
    """
    named = [c for c in claims if c.kind == "count" and c.unit and c.per is None and c.qualifier != "vague"]
    out = []
    for claim in claims:
        if _bare(claim) and claim.value is not None and (noun := label_noun(claim)) is not None:
            claim = updated(claim, {"unit": noun, "normalized": Normalized(value=claim.value, unit=noun)})
        elif (
            _bare(claim) and claim.value is not None and not _after_a_name(claim) and not _abbreviated(claim)
        ):
            noun = subject_noun(claim)
            near = [c for c in named if not _after_a_break(claim, c)]
            paired = [c for c in near if _paired(c, claim)]  # "34 votes to 24": votes
            scaled = [c for c in near if _of_a_scale(c, claim)]  # "7,400 residents of 12 villages ... 6,200"
            near = paired or scaled or near
            if noun is None and near:
                nearest = min(near, key=lambda c: (abs(c.start - claim.start), c.start))
                noun = (nearest.unit or "").rsplit(" ", 1)[-1]  # the head: "voters", not "eligible voters"
            if noun is not None:
                claim = updated(claim, {"unit": noun, "normalized": Normalized(value=claim.value, unit=noun)})
        out.append(claim)
    return out


# A line of a fact box or a list: a label of one to three words (a year or a place in brackets may
# follow it), a colon, then the figure: "Passengers: 212", "Accounts affected: 18,400", "Flights
# cancelled: 312 on 4 July", "Population (2021): 4,200".
_LABEL = re.compile(
    r"""
    ^[ \t\u00a0]*
    (?P<label>[A-Za-z][\w'’-]*(?:[ \u00a0][A-Za-z][\w'’-]*){0,2})  # one to three words
    (?:[ \u00a0]*\([^()\n]{1,30}\))?                            # "(2021)", "(estimated)"
    [ \u00a0]*:[ \u00a0]*$                                       # the colon, right before the figure
    """,
    re.VERBOSE,
)


def label_noun(claim: Claim) -> str | None:
    """The noun a bare figure counts by being a labelled line's value: the label's first plural noun
    ("Accounts affected: 18,400" counts accounts), or people for a label naming their state ("Injured:
    46"). A label of no plural ("Majority: 353", "Turnout: 111,038") names no counted thing.

    >>> from factcheck.extract import extract_text
    >>> [(c.text, c.unit) for c in extract_text("Accounts affected: 18,400")]
    [('18,400', 'account')]
    >>> [(c.text, c.unit) for c in extract_text("Injured: 46")]
    [('46', 'person')]
    >>> [(c.text, c.unit) for c in extract_text("Majority: 353")]
    [('353', None)]
    """
    found = _LABEL.match(claim.sentence, 0, claim.start - claim.sentence_start)
    if found is None:
        return None
    words = found.group("label").lower().split()
    if words[0] in PEOPLE_STATES:
        return "person"
    plural = [word for word in words if is_plural(word)]
    return singular(plural[0]) if plural else None


_BREAK = re.compile(r"[,;:()]")
_PAIRED = re.compile(r"[ \u00a0]*(?:(?:to|against|versus|vs\.?|and|or)[ \u00a0]+|[-–—][ \u00a0]*)")


def _paired(named: Claim, claim: Claim) -> bool:
    """Whether a bare count follows a named one with only "to", "against", "and" or a dash between:
    one tally or pair of the same noun ("34 votes to 24", "12 wins and 3")."""
    gap = claim.sentence[named.end - claim.sentence_start : claim.start - claim.sentence_start]
    return named.end <= claim.start and _PAIRED.fullmatch(gap) is not None


def _after_a_break(claim: Claim, named: Claim) -> bool:
    """Whether a named count comes after a bare one, past a comma or a bracket: the noun of another
    item ("approved by 34 votes to 24, with three abstentions": 24 votes, not abstentions)."""
    return (
        named.start > claim.start
        and _BREAK.search(
            claim.sentence, claim.end - claim.sentence_start, named.start - claim.sentence_start
        )
        is not None
    )


def _abbreviated(claim: Claim) -> bool:
    """Whether a figure is written with a glued thousands "K" ("10K", "5k")."""
    return claim.text[-1:] in ("K", "k") and claim.text[-2:-1].isdigit()


# A person's age set between commas after their name: "Neymar, 25, joined", "John Smith, 45, of Leeds".
_NAME_BEFORE = re.compile(r"(?<![\w.])[A-Z][\w'’-]*[a-z][\w'’-]*,[ \u00a0]$")
_COMMA_AFTER = re.compile(r",[ \u00a0]+[A-Za-z]|[.;]?$")  # then the sentence goes on, or ends
OLDEST = 120  # an appositive figure above this is no age


def appositive_ages(claims: list[Claim]) -> list[Claim]:
    """A bare whole number between commas right after a name is that person's age.

    >>> from factcheck.extract import extract_text
    >>> [(c.text, c.unit) for c in extract_text("Neymar, 25, joined PSG for 222 million euros.")]
    [('25', 'year of age'), ('222 million euros', 'EUR')]
    """
    out = []
    for claim in claims:
        at = claim.start - claim.sentence_start
        if (
            claim.kind == "count"
            and claim.unit is None
            and claim.per is None
            and claim.qualifier is None
            and isinstance(claim.value, int)
            and 0 < claim.value <= OLDEST
            and claim.text.isdigit()
            and _NAME_BEFORE.search(claim.sentence, max(0, at - 40), at)
            and _COMMA_AFTER.match(claim.sentence, at + len(claim.text))
        ):
            unit = "year of age"
            claim = updated(
                claim, {"kind": "other", "unit": unit, "normalized": Normalized(value=claim.value, unit=unit)}
            )
        out.append(claim)
    return out


def indefinite_ones(claims: list[Claim]) -> list[Claim]:
    """Drop "One <noun>" where "one" is an indefinite determiner, not a count: "One possibility is
    that ...", "One official said ..." (a count of one would be compared with "two possibilities");
    "One person was killed" stays.

    >>> from factcheck.extract import extract_text
    >>> [c.text for c in extract_text("One possibility is that it failed. One person was killed.")]
    ['One person']
    """
    return [claim for claim in claims if not _indefinite_one(claim)]


def _indefinite_one(claim: Claim) -> bool:
    if claim.kind != "count" or claim.value != 1 or claim.qualifier is not None:
        return False
    word, _, noun = claim.text.partition(" ")
    if word.lower() != "one" or not noun or " " in noun:
        return False
    at = claim.end - claim.sentence_start
    return _DETERMINER_VERB.match(claim.sentence, at) is not None


# A cue that the figure after it counts what an earlier sentence counted: "the number was 850", "put
# it between 500 and 800", with at most a verb and a qualifier between.


def referred_nouns(text: str, claims: list[Claim]) -> list[Claim]:
    """A bare count that refers back ("the number was 850", "put it between 500 and 800") takes the noun
    of the nearest count before it in its paragraph, up to ``REFER_BACK`` sentences back, as a reader
    carries "more than 1,000 remained unaccounted for" on to them. ``text`` is the document's.

    >>> from factcheck.extract import extract_text
    >>> text = "More than 1,000 people remained missing. The mayor said the number was 850."
    >>> [(c.text, c.unit) for c in extract_text(text)]
    [('1,000 people', 'person'), ('850', 'person')]
    """
    out: list[Claim] = []
    for claim in claims:
        if _bare(claim) and (noun := _noun_before(text, claim, out)) is not None:
            claim = updated(claim, {"unit": noun, "normalized": Normalized(value=claim.value, unit=noun)})
        out.append(claim)
    return out


def _bare(claim: Claim) -> bool:
    """A count with no noun, no period, and a figure or a range."""
    return (
        claim.kind == "count"
        and claim.unit is None
        and claim.per is None
        and (claim.value is not None or claim.low is not None)
    )


def _noun_before(text: str, claim: Claim, before: list[Claim]) -> str | None:
    at = claim.start - claim.sentence_start
    if not refers_back(claim.sentence, at):
        return None
    sentences = {claim.sentence_start}
    for earlier in reversed(before):
        if earlier.sentence_start not in sentences:
            if "\n\n" in text[earlier.sentence_start : claim.sentence_start] or len(sentences) > REFER_BACK:
                return None
            sentences.add(earlier.sentence_start)
        if earlier.kind == "count" and earlier.unit and earlier.per is None and earlier.qualifier != "vague":
            return earlier.unit.rsplit(" ", 1)[-1]
    return None


def _after_a_name(claim: Claim) -> bool:
    """Whether the word just before the count is capitalised: "COP 28", "BJP 240" label a thing; not
    past a comma or a colon ("212 on Tuesday, 348 on Wednesday")."""
    before = claim.sentence[: claim.start - claim.sentence_start].rstrip().rsplit(None, 1)
    return bool(before) and before[-1][:1].isupper() and before[-1][-1:].isalnum()


SCALE_APART = 20  # how many times apart two counts may be and still count one noun, the writer's once


def _of_a_scale(named: Claim, bare: Claim) -> bool:
    """Whether a named count is within ``SCALE_APART`` times of a bare one: "7,400 residents of 12
    villages were evacuated, and 6,200 had left": 6,200 residents, not villages."""
    a, b = abs(named.value or 0.0), abs(bare.value or 0.0)
    return min(a, b) > 0 and max(a, b) / min(a, b) <= SCALE_APART
