"""Claims built by hand, so the comparator's and the grouper's tests do not depend on the extractor.

A ``ClaimDoc`` lays its sentences end to end in one document text, as the loader would, so offsets
are real: ``doc.text[claim.start:claim.end] == claim.text`` and two sentences of one document never
share a ``sentence_start``. ``make_claim`` is the one-claim shortcut.

>>> doc = ClaimDoc("seeds/000_a.txt")
>>> claim = doc.claim("The bridge is 1,200 metres long.", "1,200 metres", kind="distance", value=1200, unit="m")
>>> doc.text[claim.start:claim.end], claim.id
('1,200 metres', '000_a:c0')
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Literal, NamedTuple

from factcheck.models import Claim, ClaimGroup, Kind, Normalized, Number, Qualifier
from factcheck.pipeline import build_groups, read_corpus
from factcheck.report.wording import short_names

# The words in front of a figure that give its qualifier, longest first: "more than" before "more".
QUALIFIER_WORDS: tuple[tuple[str, Qualifier], ...] = (
    ("approximately", "approx"),
    ("about", "approx"),
    ("around", "approx"),
    ("some", "approx"),
    ("nearly", "approx"),
    ("almost", "approx"),
    ("roughly", "approx"),
    ("more than", "more_than"),
    ("over", "more_than"),
    ("less than", "less_than"),
    ("fewer than", "less_than"),
    ("at least", "at_least"),
    ("at most", "at_most"),
    ("up to", "up_to"),
)


class ClaimDoc:
    """One document of hand-built claims; each new sentence is appended to ``text``.

    Claim ids are ``<doc_id>:c<n>`` as the extractor makes them; ``doc_id`` defaults to the file's stem.
    """

    def __init__(self, path: str, *, doc_id: str | None = None) -> None:
        self.path = path
        self.doc_id = doc_id or PurePosixPath(path).stem
        self.text = ""
        self.count = 0
        self._starts: dict[str, int] = {}

    def claim(
        self,
        sentence: str,
        text: str,
        *,
        kind: Kind,
        value: Number | None = None,
        low: Number | None = None,
        high: Number | None = None,
        unit: str | None = None,
        qualifier: Qualifier | None = None,
        date: str | None = None,
        per: str | None = None,
        equivalent_of: str | None = None,
        rate: float | None = None,
        nth: int = 0,
        claim_id: str | None = None,
    ) -> Claim:
        """The claim ``text`` (its ``nth`` occurrence) of ``sentence``, which joins the document if new."""
        if sentence not in self._starts:
            self._starts[sentence] = len(self.text) + (1 if self.text else 0)
            self.text += (" " if self.text else "") + sentence
        sentence_start = self._starts[sentence]
        offset = -1
        for _ in range(nth + 1):
            offset = sentence.find(text, offset + 1)
            if offset < 0:
                raise ValueError(f"{text!r} is not in {sentence!r} {nth + 1} times")
        start = sentence_start + offset
        qualifier_text = _qualifier_text(sentence[:offset], qualifier)
        claim = Claim(
            id=claim_id or f"{self.doc_id}:c{self.count}",
            document=self.path,
            start=start,
            end=start + len(text),
            text=text,
            sentence=sentence,
            sentence_start=sentence_start,
            kind=kind,
            value=value,
            low=low,
            high=high,
            unit=unit,
            qualifier=qualifier,
            qualifier_text=qualifier_text,
            date=date,
            per=per,
            equivalent_of=equivalent_of,
            rate=rate,
            normalized=Normalized(value=value, unit=unit),
        )
        self.count += 1
        return claim


def make_claim(sentence: str, text: str, *, document: str = "a.txt", **fields: object) -> Claim:
    """A claim alone in its document: ``make_claim("It has 300 beds.", "300 beds", kind="count", ...)``."""
    return ClaimDoc(document).claim(sentence, text, **fields)  # type: ignore[arg-type]


def _qualifier_text(before: str, qualifier: Qualifier | None) -> str | None:
    """The qualifier's words as written just before the figure, if they are there."""
    if qualifier is None or qualifier == "vague":
        return None
    tail = before.rstrip()
    for words, meaning in QUALIFIER_WORDS:
        if meaning == qualifier and tail.lower().endswith(words):
            return tail[len(tail) - len(words) :]
    return None


class Corpus(NamedTuple):
    """A corpus read and grouped by the real pipeline, with the documents' short names."""

    claims: tuple[Claim, ...]
    groups: tuple[ClaimGroup, ...]
    names: dict[str, str]

    def docs(self, claims: tuple[Claim, ...]) -> set[str]:
        return {self.names[c.document] for c in claims}


def analysed(path: Path) -> Corpus:
    corpus = read_corpus([path])
    return Corpus(corpus.claims, build_groups(corpus.claims), short_names([d.path for d in corpus.docs]))


def write_bridge_articles(folder: Path) -> Path:
    """Two short articles that disagree on a bridge's length and agree on its cost; one spells the
    town with its accent."""
    (folder / "a.txt").write_text(
        "Bridge over the Drina\n\nThe new bridge over the Drina river at Višegrad is 1,200 metres long, the "
        "ministry said. Its construction cost 40 million euros and employed 300 workers.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Drina bridge opens\n\nThe bridge over the Drina at Visegrad, 1,500 metres long, opened on Monday. "
        "Its construction cost about 40 million euros.\n",
        encoding="utf-8",
    )
    return folder


# --- grouping stories ---------------------------------------------------------------------------
# Sentences of one or two documents from varied stories and the outcome for their claims: read by the
# grouping tests (test_group) and by the tests that hold the array code to the reference
# (test_columns, test_pairs). The traps are those of the seed gold retold in other stories.

Outcome = Literal["conflict", "agreement", "apart"]


class Case(NamedTuple):
    id: str
    story: str  # cases of one story share words on purpose; other stories are background
    claims: Callable[[], list[Claim]]
    outcome: Outcome


def docs(case: str, n: int = 2) -> list[ClaimDoc]:
    """``n`` documents of one case, with ids unique across cases: ``<case>-0``, ``<case>-1``, ..."""
    return [ClaimDoc(f"news/{case}/{k}.txt", doc_id=f"{case}-{k}") for k in range(n)]


# --- the stories ---------------------------------------------------------------------------------------


def yearly_wage_vs_transfer_fee() -> list[Claim]:
    a, b = docs("wage-vs-fee")
    return [
        a.claim(
            "Porto will pay the striker €12 million each year until 2029.",
            "€12 million",
            kind="money",
            value=12_000_000,
            unit="EUR",
            per="year",
        ),
        b.claim(
            "Porto will pay €60 million for the striker, the club confirmed.",
            "€60 million",
            kind="money",
            value=60_000_000,
            unit="EUR",
        ),
    ]


def yearly_same_figure_vs_total() -> list[Claim]:
    a, b = docs("yearly-same-figure")
    return [
        a.claim(
            "The city will spend €12 million a year on street lighting.",
            "€12 million",
            kind="money",
            value=12_000_000,
            unit="EUR",
            per="year",
        ),
        b.claim(
            "The city will spend €12 million on street lighting.",
            "€12 million",
            kind="money",
            value=12_000_000,
            unit="EUR",
        ),
    ]


def cost_per_head(per_a: str, per_b: str) -> Callable[[], list[Claim]]:
    """One cost per head, in two sources that name the head differently, or a rate per head against a
    rate per year."""

    def build() -> list[Claim]:
        a, b = docs(f"per-{per_a}-{per_b}".replace(" ", "-"))
        return [
            a.claim(
                f"The audit office says the scheme costs £1.8 million per {per_a} relocated.",
                "£1.8 million",
                kind="money",
                value=1_800_000,
                unit="GBP",
                per=per_a,
            ),
            b.claim(
                f"The scheme costs £2 million per {per_b}, the audit office found.",
                "£2 million",
                kind="money",
                value=2_000_000,
                unit="GBP",
                per=per_b,
            ),
        ]

    return build


def two_yearly_wages() -> list[Claim]:
    a, b = docs("two-wages")
    return [
        a.claim(
            "The striker will earn €12 million a year at Porto.",
            "€12 million",
            kind="money",
            value=12_000_000,
            unit="EUR",
            per="year",
        ),
        b.claim(
            "At Porto the striker earns €11 million per year.",
            "€11 million",
            kind="money",
            value=11_000_000,
            unit="EUR",
            per="year",
        ),
    ]


def two_figures_one_sentence() -> list[Claim]:
    (a,) = docs("budget-split", 1)
    sentence = "The council approved €4 million for parks and €9 million for roads."
    return [
        a.claim(sentence, "€4 million", kind="money", value=4_000_000, unit="EUR"),
        a.claim(sentence, "€9 million", kind="money", value=9_000_000, unit="EUR"),
    ]


def same_figure_twice_one_sentence() -> list[Claim]:
    (a,) = docs("twice", 1)
    sentence = "The north ward has 40 beds and the south ward has 40 beds."
    return [
        a.claim(sentence, "40 beds", kind="count", value=40, unit="bed"),
        a.claim(sentence, "40 beds", kind="count", value=40, unit="bed", nth=1),
    ]


def fee_in_two_currencies() -> list[Claim]:
    (a,) = docs("fee-restated", 1)
    sentence = "The club paid €50 million (£43 million) for the winger."
    return [
        a.claim(
            sentence,
            "€50 million",
            kind="money",
            value=50_000_000,
            unit="EUR",
            equivalent_of="fee-restated-0:c1",
        ),
        a.claim(
            sentence,
            "£43 million",
            kind="money",
            value=43_000_000,
            unit="GBP",
            equivalent_of="fee-restated-0:c0",
        ),
    ]


def beds_initially_and_by_2010_one_document() -> list[Claim]:
    (a,) = docs("beds-then-now", 1)
    return [
        a.claim(
            "Initially, the field hospital had 308 beds.", "308 beds", kind="count", value=308, unit="bed"
        ),
        a.claim(
            "By November 2010, the field hospital kept 152 beds.",
            "152 beds",
            kind="count",
            value=152,
            unit="bed",
        ),
    ]


def beds_up_to_and_by_2010() -> list[Claim]:
    a, b = docs("beds-up-to")
    return [
        a.claim(
            "Initially, the field hospital had up to 308 beds.",
            "308 beds",
            kind="count",
            value=308,
            unit="bed",
            qualifier="up_to",
        ),
        b.claim(
            "By November 2010, the field hospital had 152 beds.",
            "152 beds",
            kind="count",
            value=152,
            unit="bed",
        ),
    ]


def beds_in_1999_and_by_2010() -> list[Claim]:
    a, b = docs("beds-two-years")
    return [
        a.claim("In 1999, the field hospital had 308 beds.", "308 beds", kind="count", value=308, unit="bed"),
        b.claim(
            "By November 2010, the field hospital had 152 beds.",
            "152 beds",
            kind="count",
            value=152,
            unit="bed",
        ),
    ]


def beds_initially_and_currently() -> list[Claim]:
    a, b = docs("beds-two-markers")
    return [
        a.claim(
            "Initially, the field hospital had 308 beds.", "308 beds", kind="count", value=308, unit="bed"
        ),
        b.claim(
            "Currently, the field hospital has 152 beds.", "152 beds", kind="count", value=152, unit="bed"
        ),
    ]


def beds_initially_and_by_2010() -> list[Claim]:
    a, b = docs("beds-marker-vs-year")
    return [
        a.claim(
            "Initially, the field hospital had 308 beds.", "308 beds", kind="count", value=308, unit="bed"
        ),
        b.claim(
            "By November 2010, the field hospital had 152 beds.",
            "152 beds",
            kind="count",
            value=152,
            unit="bed",
        ),
    ]


def working_vs_injured_same_figure() -> list[Claim]:
    a, b = docs("mine-100")
    return [
        a.claim(
            "When the mine collapsed, 100 people were working underground.",
            "100 people",
            kind="count",
            value=100,
            unit="person",
        ),
        b.claim(
            "The mine collapse left 100 people injured.", "100 people", kind="count", value=100, unit="person"
        ),
    ]


def working_vs_injured_close_figures() -> list[Claim]:
    a, b = docs("mine-120")
    return [
        a.claim(
            "When the mine collapsed, 100 people were working underground.",
            "100 people",
            kind="count",
            value=100,
            unit="person",
        ),
        b.claim(
            "The mine collapse left 120 people injured.", "120 people", kind="count", value=120, unit="person"
        ),
    ]


def beds_vs_nurses_same_figure() -> list[Claim]:
    a, b = docs("beds-nurses")
    return [
        a.claim("The county hospital has 300 beds.", "300 beds", kind="count", value=300, unit="bed"),
        b.claim(
            "The county hospital employs 300 nurses.", "300 nurses", kind="count", value=300, unit="nurse"
        ),
    ]


def beds_vs_nurses_close_figures() -> list[Claim]:
    a, b = docs("beds-nurses-close")
    return [
        a.claim("The county hospital has 300 beds.", "300 beds", kind="count", value=300, unit="bed"),
        b.claim(
            "The county hospital employs 320 nurses.", "320 nurses", kind="count", value=320, unit="nurse"
        ),
    ]


def repair_bill(first: str, second: str) -> Callable[[], list[Claim]]:
    """Two repair bills whose sentences share nothing but the city's name, spelled two ways."""

    def build() -> list[Claim]:
        a, b = docs(f"repairs-{first}-{second}".lower())
        return [
            a.claim(
                f"Repairs in {first} will cost €90 million, the mayor said.",
                "€90 million",
                kind="money",
                value=90_000_000,
                unit="EUR",
            ),
            b.claim(
                f"{second} needs €100 million, according to officials.",
                "€100 million",
                kind="money",
                value=100_000_000,
                unit="EUR",
            ),
        ]

    return build


def bridge_length() -> list[Claim]:
    a, b = docs("bridge")
    return [
        a.claim(
            "The Vardar bridge will be 1,240 metres long when it opens.",
            "1,240 metres",
            kind="distance",
            value=1240,
            unit="m",
        ),
        b.claim(
            "Engineers say the new Vardar bridge will be 1,300 metres long.",
            "1,300 metres",
            kind="distance",
            value=1300,
            unit="m",
        ),
    ]


def bridge_length_in_km() -> list[Claim]:
    a, b = docs("bridge-km")
    return [
        a.claim(
            "The Vardar bridge will be 1,240 metres long when it opens.",
            "1,240 metres",
            kind="distance",
            value=1240,
            unit="m",
        ),
        b.claim(
            "The new Vardar bridge will be 1.24 km long, engineers say.",
            "1.24 km",
            kind="distance",
            value=1.24,
            unit="km",
        ),
    ]


def quake_toll() -> list[Claim]:
    a, b = docs("quake")
    return [
        a.claim(
            "The earthquake in Antakya killed at least 1,500 people, the governor said.",
            "1,500 people",
            kind="count",
            value=1500,
            unit="person",
            qualifier="at_least",
        ),
        b.claim(
            "Officials said the Antakia earthquake killed 1,200 people.",
            "1,200 people",
            kind="count",
            value=1200,
            unit="person",
        ),
    ]


def hospital_beds_agree() -> list[Claim]:
    a, b, c = docs("beds-agree", 3)
    return [
        a.claim(
            "St Mary's hospital has 450 beds after the extension.",
            "450 beds",
            kind="count",
            value=450,
            unit="bed",
        ),
        b.claim(
            "After its extension St Mary's counts about 450 beds.",
            "450 beds",
            kind="count",
            value=450,
            unit="bed",
            qualifier="approx",
        ),
        c.claim(
            "The extension brought St Mary's hospital to 450 beds.",
            "450 beds",
            kind="count",
            value=450,
            unit="bed",
        ),
    ]


def bridge_opening_year() -> list[Claim]:
    a, b = docs("bridge-year")
    return [
        a.claim("The Vardar bridge opened to traffic in 2021.", "2021", kind="year", value=2021, unit="year"),
        b.claim(
            "The Vardar bridge was opened to traffic in 2022.", "2022", kind="year", value=2022, unit="year"
        ),
    ]


def budget_one_document_weak_context() -> list[Claim]:
    (a,) = docs("budget-lines", 1)
    return [
        a.claim(
            "The city budget sets aside €40 million for schools.",
            "€40 million",
            kind="money",
            value=40_000_000,
            unit="EUR",
        ),
        a.claim(
            "A further €45 million goes to housing.",
            "€45 million",
            kind="money",
            value=45_000_000,
            unit="EUR",
        ),
    ]


def budget_one_document_restated() -> list[Claim]:
    (a,) = docs("budget-restated", 1)
    return [
        a.claim(
            "The city budget sets aside €40 million for new schools.",
            "€40 million",
            kind="money",
            value=40_000_000,
            unit="EUR",
        ),
        a.claim(
            "Critics say the €40 million for new schools in the city budget is too little.",
            "€40 million",
            kind="money",
            value=40_000_000,
            unit="EUR",
        ),
    ]


def distances_of_two_routes() -> list[Claim]:
    a, b = docs("two-routes")
    return [
        a.claim(
            "Kosovo lies more than 2,000 kilometres from Copenhagen.",
            "2,000 kilometres",
            kind="distance",
            value=2000,
            unit="km",
            qualifier="more_than",
        ),
        b.claim(
            "The prison is located 50 kilometres outside Pristina.",
            "50 kilometres",
            kind="distance",
            value=50,
            unit="km",
        ),
    ]


def unrelated_close_counts() -> list[Claim]:
    a, b = docs("unrelated-counts")
    return [
        a.claim(
            "The new factory in Leeds employs 110 people.",
            "110 people",
            kind="count",
            value=110,
            unit="person",
        ),
        b.claim(
            "The train crash near Lyon injured 100 people.",
            "100 people",
            kind="count",
            value=100,
            unit="person",
        ),
    ]


def unrelated_same_year() -> list[Claim]:
    a, b = docs("unrelated-years")
    return [
        a.claim("The football club was founded in 2021.", "2021", kind="year", value=2021, unit="year"),
        b.claim("The Vardar bridge opened in 2021.", "2021", kind="year", value=2021, unit="year"),
    ]


def wordless_spans_of_one_story() -> list[Claim]:
    """One story (the documents share their other sentences), two spans of a year whose sentences
    share no word: a detention and the time a vote took are not one measure."""
    a, b = docs("wordless-spans")
    story = "The prison centres will hold 300 deported inmates under the lease."
    return [
        a.claim(
            "People can be detained there for a year, he says.",
            "a year",
            kind="duration",
            value=1,
            unit="year",
        ),
        b.claim(
            "Nearly a year later, the opposition approved it.",
            "a year",
            kind="duration",
            value=1,
            unit="year",
        ),
        a.claim(story, "300 deported inmates", kind="count", value=300, unit="deported inmate"),
        b.claim(story, "300 deported inmates", kind="count", value=300, unit="deported inmate"),
    ]


def bound_citing_the_same_figure() -> list[Claim]:
    """ "over £10bn" and "£10 billion": a bound that cites the other's figure is one measure, though the
    sentences share little."""
    a, b = docs("bound-same-figure")
    return [
        a.claim(
            "Over six years, the previous government had planned to spend over £10bn on the scheme.",
            "£10bn",
            kind="money",
            value=10_000_000_000,
            unit="GBP",
            qualifier="more_than",
        ),
        b.claim(
            "She also claimed that the policy could have cost £10bn in total, as the scheme grew.",
            "£10bn",
            kind="money",
            value=10_000_000_000,
            unit="GBP",
        ),
    ]


def beds_vs_occupancy() -> list[Claim]:
    a, b = docs("beds-percent")
    return [
        a.claim("The county hospital has 300 beds.", "300 beds", kind="count", value=300, unit="bed"),
        b.claim("The county hospital is at 30% capacity.", "30%", kind="percent", value=30, unit="%"),
    ]


CASES = [
    # A rate is never one measure with a total, whatever the figures.
    Case("yearly-wage-vs-transfer-fee", "transfer", yearly_wage_vs_transfer_fee, "apart"),
    Case("yearly-same-figure-vs-total", "lighting", yearly_same_figure_vs_total, "apart"),
    Case("two-yearly-wages-conflict", "transfer", two_yearly_wages, "conflict"),
    # A rate per head is one kind of rate whatever the head is called; a rate per year is another.
    Case("per-person-vs-per-asylum-seeker", "audit", cost_per_head("person", "asylum seeker"), "conflict"),
    Case("per-person-vs-per-year", "audit-year", cost_per_head("person", "year"), "apart"),
    # Two figures of one sentence are two measures, unless one restates the other.
    Case("two-figures-one-sentence", "budget", two_figures_one_sentence, "apart"),
    Case("same-figure-twice-one-sentence", "wards", same_figure_twice_one_sentence, "apart"),
    Case("restated-in-another-currency", "transfer", fee_in_two_currencies, "agreement"),
    # Two times: a change, not a conflict (gold N1).
    Case(
        "initially-vs-by-2010-one-document",
        "field-hospital",
        beds_initially_and_by_2010_one_document,
        "apart",
    ),
    Case("1999-vs-by-2010", "field-hospital", beds_in_1999_and_by_2010, "apart"),
    Case("initially-vs-currently", "field-hospital", beds_initially_and_currently, "apart"),
    # "up to 308" allows 152: compatible values, so an agreement at worst, never a conflict.
    Case("up-to-308-vs-152", "field-hospital", beds_up_to_and_by_2010, "agreement"),
    # Same figure, same noun, two events (de Marneffe et al. 2008): grouped, but only as an agreement.
    Case("working-vs-injured-same-figure", "mine", working_vs_injured_same_figure, "agreement"),
    # Counts of two nouns stating one figure group as related nouns (cells, places, inmates) ...
    Case("beds-vs-nurses-same-figure", "county-hospital", beds_vs_nurses_same_figure, "agreement"),
    # ... and never when the figures differ.
    Case("beds-vs-nurses-close-figures", "county-hospital", beds_vs_nurses_close_figures, "apart"),
    Case("count-vs-percent", "county-hospital", beds_vs_occupancy, "apart"),
    # Spelling variants of one name meet (RapidFuzz ratio >= 85 on the stems); other names do not.
    Case("kharkiv-kharkov", "repairs", repair_bill("Kharkiv", "Kharkov"), "conflict"),
    Case("antakya-antakia", "repairs", repair_bill("Antakya", "Antakia"), "conflict"),
    Case("shkoder-shkodra", "repairs", repair_bill("Shkoder", "Shkodra"), "conflict"),
    Case(
        "dnipropetrovsk-dnepropetrovsk",
        "repairs",
        repair_bill("Dnipropetrovsk", "Dnepropetrovsk"),
        "conflict",
    ),
    Case("kharkiv-poltava", "repairs", repair_bill("Kharkiv", "Poltava"), "apart"),
    # One measure in two documents with close values: one group, a conflict.
    Case("bridge-length", "bridge", bridge_length, "conflict"),
    Case("bridge-length-metres-and-km", "bridge", bridge_length_in_km, "agreement"),
    Case("quake-toll-at-least", "quake", quake_toll, "conflict"),
    Case("hospital-beds-three-sources", "st-marys", hospital_beds_agree, "agreement"),
    Case("bridge-opening-year", "bridge", bridge_opening_year, "conflict"),
    # One document, different values, weak context: two measures; the same figure restated: one.
    Case("one-document-weak-context", "budget", budget_one_document_weak_context, "apart"),
    Case("one-document-restated", "budget", budget_one_document_restated, "agreement"),
    # Two routes, far apart in figure and in words (gold N6).
    Case("two-routes", "kosovo", distances_of_two_routes, "apart"),
    # A marker of time ("Initially") against a year ("By November 2010"): two times, a change.
    Case("initially-vs-by-2010-two-documents", "field-hospital", beds_initially_and_by_2010, "apart"),
    # Close or equal figures, the same noun, no word in common and unrelated documents: two stories.
    Case("unrelated-stories-close-counts", "unrelated-counts", unrelated_close_counts, "apart"),
    Case("unrelated-stories-same-year", "unrelated-years", unrelated_same_year, "apart"),
    # A bound citing the other source's figure: little shared context, one measure.
    Case("bound-cites-the-same-figure", "bound-same-figure", bound_citing_the_same_figure, "agreement"),
]
