"""Content words of a sentence, shared by grouping, labels and queries."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"[^\W\d_][\w'’-]*")
STOPWORDS = frozenset(
    """
a about above after again against all also although am an and any are as at be because been before being
below between both but by can could did do does doing down during each even ever every few for from further
had has have having he her here hers herself him himself his how however i if in into is it its itself just
last least less let like made make many may me might more most much must my myself new no nor not now of off
on once one only or other our ours out over own per said same say says she should since so some still such
than that the their theirs them themselves then there these they this those through thus to too under until
up upon very was we were what when where whether which while who whom whose why will with within would yet
you your according already another around away back get got next put see seen set take taken told two way
well year years
""".split()
)


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


@lru_cache(maxsize=1 << 18)
def content_stem(surface: str) -> str | None:
    """The stem of a word, or None for a stopword or a word of two letters or fewer.

    >>> [content_stem(w) for w in ("Prisons", "the", "UN", "Vetëvendosje")]
    ['prison', None, None, 'vetevendosj']
    """
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
