"""Build ``src/factcheck/lexicon/wordnet_classes.json.gz`` from WordNet 3.0 (Debian's ``wordnet-base``).

Run: ``PYTHONPATH=src python scripts/build_wordnet_classes.py [--check]``. The product never reads
WordNet itself, only the table this writes (``lexicon.synonyms`` reads it).

The rule. A lemma's *senses* are its first ``SENSES`` noun and verb synsets (WordNet orders them by
frequency). Its *reach* adds, from each sense, the links that keep the measure:
- derivationally related forms of that very word ("acquisition" -> "acquire", "payment" -> "pay"),
  but never a person ("buy" is no "buyer", "vote" no "voter"),
- verb causes ("kill" causes "die"),
- hypernyms up to ``HOPS`` steps, through synsets of at most ``MAX_HYPONYMS`` direct hyponyms
  ("pact" -> "written agreement" -> "agreement"). ``HOPS`` is 0: with 1 or 2 steps the pair table's
  recall rose from 0.28 to 0.46-0.63 at the same precision, but grouping on the dev corpora lost
  statements (44 -> 41 and 38 of 78) and gained traps, the hypernyms joining "april" to "month" and
  "cost" to "value".
Two words are related when the senses of one meet the senses or the reach of the other; siblings
(two words reaching one synset, "minimum" and "maximum" under "extremum") are not.

The table keeps only synsets that relate two lemmas, renumbered (the commonest first) and written in
base 36; lemmas related to nothing, names (instances) and kinds of things that are no measure in the
news (``SKIPPED_FILES``) are left out. ``--check`` prints the rule's precision and recall on
``PAIRS``, the measuring table the constants were chosen on.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from factcheck.lexicon.synonyms import inflections
from factcheck.lexicon.words import content_stem
from wordnet_reader import POS, WORDNET, Synset, read_data, read_exceptions, read_index

OUT = Path(__file__).resolve().parents[1] / "src" / "factcheck" / "lexicon" / "wordnet_classes.json.gz"
SENSES = 2  # first senses of each part of speech: the third is often a far metaphor
HOPS = 0  # hypernym steps: "treaty" -> "written agreement" -> "agreement"
MAX_HYPONYMS = 20  # a hypernym with more direct hyponyms is too general to say one measure
LINKS = frozenset({"+", ">"})  # derivationally related form, verb cause
# Lexicographer files of kinds of things that are no measure in the news, left out to keep the table
# small: animals, body parts, foods, plants, substances, shapes (wndb(5WN), lexnames).
SKIPPED_FILES = frozenset({5, 8, 13, 20, 23, 25, 27})
PERSON = 18  # noun.person
# What a counted noun names, by the lexicographer file of its first sense: people (noun.group,
# noun.person) or things (animals, artifacts, bodies, foods, locations, objects, plants, substances).
# A count of one is never a count of the other in other words: "20 beds" is not "23 people".
PEOPLE_FILES = frozenset({14, 18})
TOPS = 3  # noun.Tops
THING_FILES = frozenset({5, 6, 8, 13, 15, 17, 20, 27})

# The measuring table: word/word pairs that should relate (the same measure in other words) and that
# must not (another measure). General news vocabulary, no story's.
SAME_MEASURE = """
agreement/deal agreement/pact deal/pact treaty/agreement contract/agreement cost/price cost/value
price/value cost/worth value/worth cost/bill purchase/acquisition purchase/takeover purchase/buy
acquisition/takeover acquisition/buy bought/purchased acquired/acquisition completed/closed
completed/finalised closed/finalised completion/completed officials/personnel officials/staff
personnel/staff submersible/sub submersible/vessel sub/vessel voters/electors killed/died
killed/dead killed/deaths died/deaths died/dead dead/deaths fatalities/deaths employees/workers
staff/employees injured/wounded injuries/wounded homes/houses buildings/structures
residents/inhabitants children/kids prison/jail inmates/prisoners salary/wages earnings/income
fine/penalty payment/paid spent/spending rise/increase fell/decline growth/increase fire/blaze
wildfire/fire destroyed/destruction evacuated/evacuation votes/ballots delegates/representatives
sold/sale won/victory fee/charge company/firm firm/business country/nation cars/vehicles boat/vessel
ship/vessel aid/assistance funding/fund loan/credit migrants/immigrants tax/levy journey/trip
dive/descent people/persons estimate/estimated damage/damaged lawmakers/legislators troops/soldiers
shares/stock
"""
OTHER_MEASURE = """
seats/votes cost/revenue jobs/games killed/injured minimum/maximum bought/sold buy/sell
purchase/sale died/born deaths/births deaths/injuries exports/imports increase/decrease rise/fall
profit/loss income/expenditure revenue/profit won/lost men/women adults/children students/teachers
buyers/sellers employees/employers passengers/crew homes/businesses days/weeks months/years
hours/minutes north/south voters/candidates seats/candidates deaths/cases tourists/residents
police/soldiers doctors/nurses loans/grants debt/deficit wages/prices population/area height/depth
length/width temperature/pressure speed/distance weight/height rain/snow fire/flood imports/tariffs
fee/salary cost/savings budget/debt arrests/convictions acres/miles missing/dead homes/hotels
flights/passengers goals/matches wins/losses fund/pledges cash/shares dive/surface oxygen/water
turnout/voters share/price
"""
PAIRS = [
    *((a, b, True) for a, b in (pair.split("/") for pair in SAME_MEASURE.split())),
    *((a, b, False) for a, b in (pair.split("/") for pair in OTHER_MEASURE.split())),
]


def lexicographer_files() -> dict[str, int]:
    """Each noun and verb synset's lexicographer file ("noun.animal" is 5)."""
    files: dict[str, int] = {}
    for pos in POS:
        for line in (WORDNET / f"data.{pos}").read_text(encoding="utf-8").splitlines():
            if not line.startswith(" "):
                offset, number = line.split()[:2]
                files[f"{pos[0]}{offset}"] = int(number)
    return files


def hypernyms(synset: Synset, data: dict[str, Synset], hyponyms: Counter[str]) -> set[str]:
    """Hypernyms up to ``HOPS`` steps away, through specific enough synsets only."""
    found: set[str] = set()
    frontier = [synset.id]
    for _ in range(HOPS):
        frontier = [
            target
            for sid in frontier
            for symbol, target, _ in data[sid].pointers
            if symbol == "@" and hyponyms[target] <= MAX_HYPONYMS
        ]
        found.update(frontier)
    return found


Entry = tuple[set[str], set[str], bool]  # senses, reach, is a verb


def relations() -> dict[str, Entry]:
    """Each lemma's senses and reach, as synset ids, and whether it is a verb."""
    data: dict[str, Synset] = {}
    for pos in ("noun", "verb", "adj", "adv"):
        data.update(read_data(pos))
    hyponyms: Counter[str] = Counter(t for s in data.values() for symbol, t, _ in s.pointers if symbol == "@")
    names = {s.id for s in data.values() if any(symbol == "@i" for symbol, _, _ in s.pointers)}
    files = lexicographer_files()
    table: dict[str, Entry] = {}
    for pos in POS:
        for lemma, synsets in read_index(pos).items():
            if (
                len(lemma) < 3
                or not lemma.isalpha()
                or not lemma.isascii()
                or files[synsets[0]] in SKIPPED_FILES
            ):
                continue
            senses = [sid for sid in synsets[:SENSES] if sid not in names]  # "Paris" is no class
            reach: set[str] = set()
            for sid in senses:
                synset = data[sid]
                if files[sid] == PERSON:
                    continue  # "voter" is no "vote", "national" no "elector": people keep their synonyms only
                reach |= hypernyms(synset, data, hyponyms)
                for symbol, target, source in synset.pointers:
                    if symbol in LINKS and (source == 0 or synset.words[source - 1] == lemma):
                        if files.get(target) != PERSON:  # "buy" is no "buyer"
                            reach.add(target)
            mine, near, verb = table.setdefault(lemma, (set(), set(), False))
            mine.update(senses)
            near.update(reach)
            table[lemma] = (mine, near, verb or pos == "verb")
    return table


def noun_kinds() -> dict[str, str]:
    """Each one-word noun lemma whose first sense names people ("p") or things ("t"). A sense of
    noun.Tops ("person", "animal") is of the file most of its direct hyponyms are in."""
    files = lexicographer_files()
    data = read_data("noun")
    kinds: dict[str, str] = {}
    for lemma, synsets in read_index("noun").items():
        if len(lemma) < 3 or not lemma.isalpha() or not lemma.isascii():
            continue
        found = files[synsets[0]]
        if found == TOPS:
            below = Counter(files[t] for symbol, t, _ in data[synsets[0]].pointers if symbol == "~")
            found = below.most_common(1)[0][0] if below else found
        if found in PEOPLE_FILES or found in THING_FILES:
            kinds[lemma] = "p" if found in PEOPLE_FILES else "t"
    return kinds


def by_stem(table: dict[str, Entry]) -> dict[str, tuple[set[str], set[str]]]:
    """The table keyed as grouping reads it: by the stems of each lemma's inflections."""
    irregular = {pos: read_exceptions(pos) for pos in POS}
    stems: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for lemma, (senses, reach, verb) in table.items():
        extra = irregular["verb" if verb else "noun"].get(lemma, [])
        for form in inflections(lemma, verb=verb, irregular=extra):
            stem = content_stem(form)
            if stem is not None:
                stems[stem][0].update(senses)
                stems[stem][1].update(reach)
    return stems


def base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if not number:
            return text


def compact(table: dict[str, Entry]) -> dict[str, object]:
    """Only synsets that relate two lemmas (a sense of one, a sense or the reach of another), the
    commonest numbered first; lemmas related to nothing left out; verbs' irregular forms."""
    holders: dict[str, set[str]] = defaultdict(set)
    reachers: dict[str, set[str]] = defaultdict(set)
    for lemma, (senses, reach, _) in table.items():
        for sid in senses:
            holders[sid].add(lemma)
        for sid in reach:
            reachers[sid].add(lemma)
    kept: dict[str, Entry] = {}
    for lemma, (senses, reach, verb) in table.items():
        mine = {s for s in senses if holders[s] - {lemma} or reachers[s] - {lemma}}
        near = {s for s in reach if holders[s] - {lemma}}
        if mine or near:
            kept[lemma] = (mine, near, verb)
    uses = Counter(s for senses, reach, _ in kept.values() for s in senses | reach)
    number = {sid: k for k, (sid, _) in enumerate(sorted(uses.items(), key=lambda item: (-item[1], item[0])))}

    def codes(ids: set[str]) -> str:
        return " ".join(base36(n) for n in sorted(number[s] for s in ids))

    irregular = {pos: read_exceptions(pos) for pos in POS}
    return {
        "lemmas": {
            lemma: f"{codes(senses)}|{codes(reach)}|{'v' if verb else ''}"
            for lemma, (senses, reach, verb) in sorted(kept.items())
        },
        "irregular": {
            lemma: sorted(forms)
            for lemma in sorted(kept)
            if (forms := irregular["verb" if kept[lemma][2] else "noun"].get(lemma))
        },
    }


def related(a: tuple[set[str], set[str]], b: tuple[set[str], set[str]]) -> bool:
    return bool(a[0] & b[0] or a[0] & b[1] or a[1] & b[0])


def check(table: dict[str, tuple[set[str], set[str]]]) -> None:
    """Print the rule's misses and its precision and recall on ``PAIRS``."""
    empty: tuple[set[str], set[str]] = (set(), set())
    hits = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for a, b, want in PAIRS:
        sa, sb = content_stem(a), content_stem(b)
        got = related(table.get(sa or "", empty), table.get(sb or "", empty))
        key = ("t" if got == want else "f") + ("p" if got else "n")
        hits[key] += 1
        if got != want:
            print(f"  {'missed' if want else 'WRONG '}: {a} / {b}")
    precision = hits["tp"] / max(hits["tp"] + hits["fp"], 1)
    recall = hits["tp"] / max(hits["tp"] + hits["fn"], 1)
    print(f"precision {precision:.2f}  recall {recall:.2f}  {hits}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="print precision and recall on PAIRS")
    args = parser.parse_args()
    if not (WORDNET / "data.noun").exists():
        sys.exit(f"{WORDNET}: no WordNet; apt-get install wordnet-base")
    table = relations()
    if args.check:
        check(by_stem(table))
        return
    kinds = noun_kinds()
    data = {
        **compact(table),
        "people": " ".join(sorted(k for k, v in kinds.items() if v == "p")),
        "things": " ".join(sorted(k for k, v in kinds.items() if v == "t")),
    }
    text = json.dumps(data, separators=(",", ":"), indent=0)
    OUT.write_bytes(gzip.compress(text.encode("utf-8") + b"\n", compresslevel=9, mtime=0))
    print(f"{OUT}: {OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
