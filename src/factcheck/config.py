"""Every threshold and margin of the analysis in one place, each with the reason for its value.

Grouping reads ``Settings`` (passed at the call site, so a test or a user can change one) and the
evidence weights; value comparison reads the margins; the statement check reads the topic bars.
"""

from __future__ import annotations

from dataclasses import dataclass

# How much a stated figure allows (values.interval).
EXACT_MARGIN = 0.005  # a precise figure is rounded: 2,050 may be 2,048
MEASURED_MARGIN = 0.025  # a distance or measure is rounded further: "14 km" for 14.3 km, "nine miles"
APPROX_MARGIN = 0.03  # "about 2,000" covers 2,050, not 2,100
FRACTION_MARGIN = (
    2.5  # points a share in words may be off: "a quarter" is 22.5% to 27.5%, "two-thirds" not 60%
)
# Sums converted between currencies at the rates of their sources' days. The day's rate itself is
# close (a bank's rate differs from the ECB fixing by about 1%), but a converted sum is rounded to two
# figures ("DKK 1.5 billion" for EUR 210 million is DKK 1.567 billion: 4%), so 5% stays; with a fixed
# table, rates move as well (EUR/USD moved 4% in 2024 alone); kept at 5%, as before.
CONVERSION_MARGIN = 0.05
FIXED_RATE_MARGIN = 0.05
APPROX_TIME_MINUTES = 30  # "about 4am" is 3:30 to 4:30
MAX_STORY_ZONES = 4  # the most UTC offsets a bare clock time may carry (``Claim.story_offsets``)
DISTANCE_MARGIN = 0.02  # distances converted between units: "100 miles" is "about 161 km"

# Evidence that two claims measure one thing (group.profiles, group.pairs).
SAME_FIGURE = 0.25  # the same figure in two sources is itself evidence of one measure
OTHER_DAY = 0.0  # another day or year than the other claim's: weak evidence of another event
STORY_APART = 0.15  # a year a sentence names against another story's year: likely another time
MODALITY_APART = 0.15  # a plan, forecast or target against what happened: likely two measures
SUBJECT_APART = 1.0  # figures of two subjects ("NDA wins 291", "INDIA bloc 230"): likely two measures
SUBJECT_BONUS = 0.3  # two figures of one subject (a name beside each): evidence of one measure
SUBJECT_REACH = 6  # words on each side of a figure, within its clause, whose names are its subjects
NEAR_FIGURE = 0.15  # figures within 15% of each other: likely one measure, one of them misreported
CLOSE_FIGURE = 0.05  # figures within half again of each other
SLIP = 0.15  # the same digits at another power of ten or in another currency ("$69 million" for
# "$68.7 billion", "1.5 lakh" for "1.5 crore", "£68.7bn" for "$68.7bn"): a slip, evidence of one measure
SLIP_TOLERANCE = 0.02  # how near a power of ten the ratio of two such figures must be
FAR_YEARS = 10  # two years or dates more than a decade apart: two events, never one misreported
RUNNING_DAYS = 3  # two counts read as of days further apart (named, else published) are two readings
FAR_FIGURE = (
    -0.4
)  # figures more than three times apart (a bound that far from a figure): two measures (LOO: 7 of 8 folds)
NEAR_DAY = 0.05  # two dates a few days apart: one day misreported, or two events of one week (as
# CLOSE_FIGURE; 0.1 flags a trap of the dev corpora)
NEAR_DAYS = 3  # how near: "14 November" and "15 November", not "4 March" and "14 March"
NEAR_TIME = 0.3  # two clock times hours apart: one moment reported two ways, or two of one day
NEAR_TIME_MINUTES = 12 * 60  # how near: a story's moments that are disputed are hours apart, not days
UNIT_BONUS = 0.1  # the same counted noun or unit of measure
MIN_CONTEXT = (
    1e-9  # claims that share no context word need documents of one story: figures alone are not enough
)
SAME_STORY = 0.03  # cosine of two documents' words above which they report one story
COMMON_FIGURE = 16  # claims of a family that may state one figure before it weighs less as evidence

# Statement check (check/).
TOPIC_BAR = 0.05  # the least word overlap for a source claim to speak of the statement's measure
TIME_TOPIC_BAR = 0.2  # years and dates are in every other sentence: they need more words in common
OTHER_NOUN_TOPIC_BAR = 0.2  # a count of another noun ("jobs", "employees") needs as many words in common
PEER_RANK = 0.12  # another source's best match this near the best one's rank states the measure too:
# its figure is evidence even where the grouper set it apart ("for ten years to Ubisoft", "15 years")


@dataclass(frozen=True, slots=True)
class Settings:
    """Thresholds of the grouping, named so tests and users can read them at the call site."""

    cross_document: float = 0.25  # score for two claims of different documents to be one measure
    same_document: float = 0.45  # a stricter bar inside one document
    max_postings: int = 200  # words shared by more claims than this are too common to propose pairs
    probe_words: int = 10  # how many of a claim's rarest words propose candidates
    candidates: int = 10  # how many proposals each claim keeps, the best-sharing first
    visits: int = 120  # posting entries a claim may read to find its candidates
    coarse_postings: int = 64  # a figure, its power of ten or a noun shared by more claims proposes nothing
    fuzzy_names: int = 85  # RapidFuzz ratio above which two names are spellings of one
    # Merge the words WordNet relates ("payment" and "paid") into one word of the cosine. Off: it wins a
    # little on the dev corpora, but reads the "pay" of "payment of €15 million" as a statement's "pay".
    synonyms: bool = False
    # Counted nouns WordNet names one thing by ("individuals", "people"; "voters", "electors") are one
    # noun: a different counted noun is otherwise another measure.
    noun_synonyms: bool = True
