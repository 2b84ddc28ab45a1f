"""Content words of a sentence, shared by grouping, labels and queries."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from factcheck.lexicon.load import table

WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Words that carry no topic: left out of the content words grouping, labels and queries compare.
STOPWORDS = frozenset(table("stopwords.toml", "content"))


def stem(word: str) -> str:
    """A light stemmer, enough to meet "receive", "received" and "receiving", and a noun in -ment
    with its verb: "announcement" and "announced", "agreements" and "agreed".

    >>> [stem(w) for w in ["received", "receiving", "cells", "prisons", "Denmark's"]]
    ['receiv', 'receiv', 'cell', 'prison', 'Denmark']
    >>> [stem(w) for w in ["announcement", "announced", "agreements", "agreed", "payment", "moment"]]
    ['announc', 'announc', 'agre', 'agre', 'payment', 'moment']
    """
    word = word.replace("’", "'").removesuffix("'s")
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if word.endswith("ment") and len(word) >= 8:  # "agreement" -> "agree" -> "agre"; "payment" stays
        word = word[:-4]
        if word.endswith("e") and len(word) >= 5:
            word = word[:-1]
    return word


def fold(text: str) -> str:
    """Lower case without accents: "Vetëvendosje" -> "vetevendosje".

    >>> fold("Vetëvendosje Gnjilane")
    'vetevendosje gnjilane'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _glued_label(letters: str) -> bool:
    """Whether the letters before a glued figure are a label, as a table's or infobox's text runs: a
    lower-case word of three letters or more, or a capitalised one of five or more ("Capacity")."""
    return (letters.islower() and len(letters) > 2) or (len(letters) > 4 and letters[1:].islower())


@lru_cache(maxsize=1 << 18)
def content_stem(surface: str) -> str | None:
    """The stem of a word, or None for a stopword or a word of two letters or fewer.

    >>> [content_stem(w) for w in ("Prisons", "the", "UN", "Vetëvendosje")]
    ['prison', None, None, 'vetevendosj']
    >>> [content_stem(w) for w in ("destroyed2", "dead12", "Capacity42", "COP28", "mp3")]
    ['destroy', 'dead', 'capacity', 'cop28', 'mp3']
    """
    if surface[-1:].isdigit() and _glued_label(surface.rstrip("0123456789")):
        surface = surface.rstrip(
            "0123456789"
        )  # a label glued to its figure: "destroyed2,207", "Capacity42,000"
    low = surface.lower() if surface.isascii() else fold(surface)
    if len(low) <= 2 or low in STOPWORDS:
        return None
    return stem(low)


def content_words(text: str) -> list[tuple[str, str]]:
    """(stem, surface) of each content word, in order."""
    return [(s, surface) for surface in WORD.findall(text) if (s := content_stem(surface)) is not None]


def content_stems(text: str) -> list[str]:
    """The stems of the content words, in order: what grouping compares sentences by."""
    return [s for surface in WORD.findall(text) if (s := content_stem(surface)) is not None]


# Words before a day or a clock time that make it one still to come ("will run out at 1pm on
# Thursday", "due back by 6pm"), read in the FUTURE_REACH characters before it.
FUTURE = re.compile(r"(?i:\b(?:" + "|".join(table("context.toml", "future_words")) + r")\b)")
FUTURE_REACH = 40


# "until" and "till" look ahead only in a clause not told in the past: "was not reported missing
# until 5.40 pm" says when it happened, "will not resume until 6pm" what is to come.
UNTIL = frozenset(table("context.toml", "until_words"))
PAST = re.compile(r"(?i:\b(?:" + "|".join(table("context.toml", "past_auxiliaries")) + r")\b)")
CLAUSE = re.compile(r"[;:,.!?]")


def looks_ahead(text: str, at: int) -> bool:
    """Whether the words just before ``text[at]`` look ahead: "will run out on Thursday".

    >>> looks_ahead("It will run out on Thursday", 19), looks_ahead("It ran out on Thursday", 14)
    (True, False)
    >>> looks_ahead("It was not reported until 5.40 pm", 26), looks_ahead("It will not open until 6pm", 23)
    (False, True)
    """
    found = list(FUTURE.finditer(text, max(0, at - FUTURE_REACH), at))
    if not found:
        return False
    if any(m.group().lower() not in UNTIL for m in found):
        return True
    start = max((m.end() for m in CLAUSE.finditer(text, 0, found[0].start())), default=0)
    return PAST.search(text, start, found[0].start()) is None


# Words right before a bare figure that refer back to what an earlier sentence counted ("the number
# was 850", "put it between 500 and 800"), with at most three words between.
REFERRING = re.compile(
    r"\b(?:"
    + "|".join(r"\s+".join(map(re.escape, cue.split())) for cue in table("nouns.toml", "referring_cues"))
    + r"),?(?:\s+[a-z]+){0,3}\s+$",
    re.IGNORECASE,
)
REFER_BACK = 3  # sentences back, within one paragraph, where a referring figure finds what it counts


def refers_back(text: str, at: int) -> bool:
    """Whether the words just before ``text[at]`` refer back to an earlier count.

    >>> refers_back("The mayor said the number was 850", 30), refers_back("The mayor said 850", 15)
    (True, False)
    """
    return REFERRING.search(text, max(0, at - 60), at) is not None
