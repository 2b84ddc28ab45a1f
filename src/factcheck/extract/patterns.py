"""Compiled patterns of the extractor, each with a comment per part.

None has nested quantifiers over overlapping classes, so none can backtrack catastrophically;
``tests/test_extract_robustness.py`` runs them on long adversarial strings.
"""

from __future__ import annotations

import re

from factcheck.lexicon import (
    ARTICLE_CURRENCIES,
    ARTICLE_NOUN_WORDS,
    CURRENCY_WORDS,
    DENOMINATORS,
    DISTANCE_UNITS,
    DOZEN,
    DURATION_UNITS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    OTHER_UNITS,
    QUALIFIERS,
    SCALES,
    TENS,
    UNITS_0_19,
    VAGUE_PLURALS,
)
from factcheck.lexicon.load import table


def trie(words: object) -> str:
    """An alternation of ``words`` shaped as a prefix tree, so that the engine tries one branch per
    letter instead of every word: far faster than a flat list when most positions match nothing.

    >>> trie(["one", "once", "two"])
    '(?:on(?:ce|e)|two)'
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in sorted({str(w) for w in words}):  # type: ignore[attr-defined]
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        alts = [_char(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def _char(c: str) -> str:
    return r"[ \u00a0]+" if c == " " else re.escape(c)


def _alternation(words: object) -> str:
    """Escaped, spaces matching any run of white space, shaped as a prefix tree (``trie``): where two
    words match, the longer is tried first, as in a list sorted longest first, but far faster."""
    return trie(words)


_NUMBER_WORDS = _alternation([*UNITS_0_19, *TENS])
# Words after "a"/"an" that make it a number: "a year", "a million", "a fifth", "a twenty-first".
ARTICLE_NOUNS = (
    *ARTICLE_NOUN_WORDS,
    *(w for w in SCALES if w != "hundred"),
    *DENOMINATORS,
    *TENS,
)
_ARTICLE_NOUNS = _alternation([*ARTICLE_NOUNS, *ARTICLE_CURRENCIES])
_SCALES = _alternation([*SCALES, DOZEN])
# Months as a date writes them: "January", "JANUARY", "Jan"; never "may" or "march", which stay verbs.
_MONTH_NAMES = "|".join([*(m.title() for m in MONTH_NAMES), *(m.upper() for m in MONTH_NAMES)])
_MONTH_SHORT = "|".join(a.title() for a in MONTH_ABBREVIATIONS)
# A dot only after an abbreviation ("Oct.", "Sept."): after "June" it ends the sentence.
MONTH = rf"(?:(?:{_MONTH_NAMES})\b|(?:{_MONTH_SHORT})\b\.?)"

# The fractions Unicode writes as one character: "2½ years", "¾ of", "⅓ cup" (``unicodedata.numeric``
# gives their values).
VULGAR_FRACTIONS = "[½¼¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]"

# Where a numeric expression may begin. Each alternative is one token; the parser does the rest.
ANCHOR = re.compile(
    rf"""
      (?P<digit>(?<![\d])(?:(?<![\w.,])\.(?=\d))?\d|(?<!\d){VULGAR_FRACTIONS})  # a digit not inside a run of digits; .5; ½
    | (?P<vague>\b(?:many[ ]|tens[ ]of[ ])?(?i:{_alternation(VAGUE_PLURALS)})[ ]of\b)
    | (?P<multi>\b(?i:multi)-?(?i:million|billion|trillion)\b) # multi-million
    | (?P<few>\b(?i:a[ ]few|a[ ]couple[ ]of|several|a[ ]handful[ ]of)\b)
    | (?P<article>\b(?i:an?)[ ](?=(?i:{_ARTICLE_NOUNS})\b))     # a year, a million, a fifth, a twenty-first
    | (?P<half>\b(?i:half|quarter)[ ]+(?=a[ ]|of\b|the\b|(?i:{_SCALES})\b))  # half a million, half of
    | (?P<word>\b(?i:{_NUMBER_WORDS})\b)                       # one ... ninety
    | (?P<fold>\b(?i:{_NUMBER_WORDS})(?i:fold)\b)                # sixfold, tenfold (after "word": rare)
    | (?P<month>\b(?:{_MONTH_NAMES}|{_MONTH_SHORT})\b)         # a date that starts with its month
    | (?P<part>\b(?i:early|mid|late|the[ ]end[ ]of|the[ ]start[ ]of|the[ ]beginning[ ]of)\b)
    """,
    re.VERBOSE,
)


# Every word (lower case) an ANCHOR alternative other than "digit" can begin with; a phrase where the
# word alone is too common ("a few", "the end"). ANCHOR is tried only where one of these or a digit
# starts (``scan._anchors``); tests/test_extract.py checks that this finds every ANCHOR match.
ANCHOR_WORDS = (
    *("many tens dozens hundreds thousands millions billions scores multi several half quarter".split()),
    *("a few", "a couple", "a handful", "the end", "the start", "the beginning", "early", "mid", "late"),
    *(f"{article} {noun}" for article in ("a", "an") for noun in (*ARTICLE_NOUNS, *ARTICLE_CURRENCIES)),
    *UNITS_0_19,
    *TENS,
    *(name.lower() for name in f"{_MONTH_NAMES}|{_MONTH_SHORT}".split("|")),
)
# Where ANCHOR may match, searched on the lower-cased text: runs of digits, and the words above
# (zero width, so that a word inside a phrase is found too: "half" in "a half").
ANCHOR_START = re.compile(rf"(?P<digits>\d+|{VULGAR_FRACTIONS})|\b(?={trie(ANCHOR_WORDS)})")

# A date at a position. Months are case-sensitive so that "may" and "march" stay verbs.
DATE = re.compile(
    rf"""
      (?P<iso>(?P<y0>\d{{4}})-(?P<mo0>[01]\d)-(?P<d0>[0-3]\d)(?:\b|(?=T\d)))       # 2008-02-17, 2019-09-01T10:38
    | (?P<dmy>(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?[ \u00a0](?:of[ ])?(?P<m1>{MONTH})     # 17 February
              (?:,?[ \u00a0](?P<y1>\d{{4}})(?!\d))?)                                 #   2008
    | (?P<mdy>(?P<m2>{MONTH})[ \u00a0](?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?![:.,]?\d)  # December 28
              (?:,?[ \u00a0](?P<y2>\d{{4}})(?!\d))?)                                 #   , 2021
    | (?P<my>(?P<m3>{MONTH}),?[ \u00a0](?P<y3>\d{{4}})(?!\d))                        # November 2010
    | (?P<part>(?P<ptext>(?i:early|mid|late|the[ ]end[ ]of|the[ ]start[ ]of|the[ ]beginning[ ]of))
              [ \u00a0-]?(?:(?P<m4>{MONTH})[ \u00a0])?(?P<y4>\d{{4}})(?!\d))           # early 2023, mid-2024
    | (?P<dots>(?P<d5>[0-3]?\d)\.(?P<m5>[01]?\d)\.(?P<y5>\d{{4}})?(?!\d|\.\d))      # 13.09.2025; "on 17.03."
    """,
    re.VERBOSE,
)

# A currency written just before the number, read on the text that ends where the number starts.
CURRENCY_BEFORE = re.compile(
    r"""
    (?:
        (?P<sym>\$(?:US|AU?|CA?|NZ|HK)                                         # $US113, $A5 (Australian order)
              |(?:US|U\.S\.|AU|CA|NZ|HK|NT|MX|Mex|MEX|mex|[ACSR])?\$              # $ US$ HK$ Mex$
              |(?<![\w.])(?:[Uu][Ss]|[Hh][Kk]|[Cc]|NZ|AU|Mex|mex|S)[ ]\$       # tokenised: "c $ 16.4", "hk $", "S $"
              |[€£¥₹₩₽₺₪₫฿₴₦₱₡₾₭₮₸元])                                        # € £ ₡
      | (?<![\w.])(?P<word>kr\.?|Kr\.?|dkr\.?|DKr\.?|Rs\.?|Fr\.|SFr\.?|zł|RM)    # kr. 3 million, Rs 50, RM42
      | (?<![\w])(?P<code>[A-Z]{3})                                            # EUR 210 million
    )
    [ \u00a0]?$                                                                # at most one space
    """,
    re.VERBOSE,
)

# A currency named after the number: "euros", "Danish kroner", "US dollars", "DKK".
CURRENCY_AFTER = re.compile(
    rf"""[ \u00a0-]?(?:(?P<name>{_alternation(CURRENCY_WORDS)})\b|(?P<code>[A-Z]{{3}})\b)""",
    re.VERBOSE | re.IGNORECASE,
)

PERCENT_AFTER = re.compile(
    r"[ \u00a0]?(?:%|(?i:per[ ]?cent(?:age(?:[ ]points?)?)?|percent(?:age(?:[ ]points?)?)?|pct|pc)\b)"
)
CASED_CURRENCY = re.compile(r"[ \u00a0](?P<abbr>LE|L\.E\.?)(?![\w.])")
# A currency symbol after the number: "20€", "10 $", "3.14US$", "100 ₡", "100元".
SYMBOL_AFTER = re.compile(r"[ \u00a0]?(?P<sym>(?:US|HK|C|A|NZ)?\$|[€£¥₹₩₽₺₪₫฿₴₦₱₡₾₭₮₸元¢]|ரூ)")
# What completes an amount with its sub-unit: "3 dollars *50 cents*", "$20 *and 43c*", "20 ringgit *43 sen*".
SUBUNIT_AFTER = re.compile(
    r"""(?:[ \u00a0]*,?[ \u00a0]+and)?[ \u00a0]+                          # a space, or "and"
        (?P<num>\d{1,2}(?!\d)|[A-Za-z]+(?:[ -][A-Za-z]+)?)                # 43, forty-five, forty five
        (?P<unit>[ \u00a0]?(?:cents?|¢|pence|pennies|penny|sens?|kopiykas?|kopecks?)\b|c\b|¢|p\b|(?=[ \u00a0]*(?:[.,;!?)]|$)))
    """,
    re.VERBOSE,
)

_UNITS = {**DISTANCE_UNITS, **DURATION_UNITS, **OTHER_UNITS}
UNIT_AFTER = re.compile(
    rf"""(?P<gap>[ \u00a0]|-|)(?P<unit>{_alternation(_UNITS)})(?![\w²])""", re.VERBOSE | re.IGNORECASE
)

# A qualifier that ends right where the quantity starts.
QUALIFIER_BEFORE = re.compile(
    rf"""(?:^|(?<=[^\w]))(?P<q>{_alternation(QUALIFIERS)})[ \u00a0]*$""", re.IGNORECASE
)

# The last token of every qualifier ("than" of "more than", "~"): a cheap test before the search above.
QUALIFIER_ENDINGS = frozenset(q.split()[-1] for q in QUALIFIERS) | frozenset(q[-1] for q in QUALIFIERS)

# Range connectors after a first number: "700 to 800", "10-20%", "between 10% and 20%", "0-to-60 mph",
# "from 450 sq ft up to 900 sq ft" (the scan takes "up to" only after "from").
# "8- to 16-meter", "a 10- to 15-year sentence": a hyphen left hanging before "to" joins as "to".
RANGE_JOIN = re.compile(
    r"[ \u00a0]*(?:-to-|-[ \u00a0]+to|-|–|—|~|to|through|thru|and|or|up[ \u00a0]+to)[ \u00a0]*"
)
BETWEEN_BEFORE = re.compile(
    r"(?:^|(?<=[^\w]))(?:(?P<verb>[A-Za-z]+)[ \u00a0]+)?(?P<b>[Bb]etween|[Ff]rom)[ \u00a0]+$"
)
# Verbs before "from X to Y" that make it a change rather than a range.
CHANGE_VERBS = frozenset(table("context.toml", "change_verbs"))

# A number next, after spaces: "or more than *190*", "Model *3* sedans".
DIGIT_NEXT = re.compile(r"[ \u00a0]+\d")

# A word of a counted-noun phrase after the number, with what separates it from the previous one.
NOUN_WORD = re.compile(r"(?P<gap>[ \u00a0]+|-)(?P<word>[A-Za-z][\w'’]*(?:-\w+)*)")

# Spans that hold no claims: links, e-mail addresses, footnote marks, clock times.
NOT_PROSE = re.compile(
    r"""
      https?://\S+ | www\.\S+            # web addresses
    | (?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}  # e-mail addresses (bounded: linear)
    | \]\([^)\s]*\)                      # the target of a Markdown link
    | \[\d{1,3}\]                        # a footnote mark [12]
    | \b\d{1,2}[:.]\d{2}[ ]?(?i:a\.?m\.?|p\.?m\.?)(?!\w)  # 10.30am, 9:15 p.m.
    | \b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\b  # 14:30, a lap of 1:36.6
    | \b\d{1,2}[ ]?(?i:am|pm|a\.m\.|p\.m\.)(?!\w)      # 3pm
    | (?<![\d ()+-])\+\d[\d ()-]{8,18}\d   # telephone numbers with a country code
    | (?<=[ :(])\+\d{1,3}[ ]\d[\d ]{6,14}\d(?![\d,]|\.\d)  # +44 1632 960123, after a space
    | (?<![\w.,])0\d{2,4}[ ]\d{3,4}[ ]?\d{3,4}(?![\d,]|\.\d)  # 01632 960 123, 020 7946 0958
    | \(\d{3}\)[ ]?\d{3}[-.]\d{4}\b        # (202) 555-0142
    """,
    re.VERBOSE,
)

# A list number at the start of a unit: "1. Introduction", "2) Costs".
LIST_NUMBER = re.compile(r"^\(?\d{1,2}[.)][ \u00a0]")
