#!/usr/bin/env python3
"""Check gold.json against the corpus: every quote is an exact substring of its
document, its first occurrence is the only one (the scorer uses str.find), it
contains a number, and the must_flag / must_not_flag items are well formed.

  python3 verify_gold.py            # checks; exit 1 on any error

Adapted from the development corpora: a must_flag's values are told apart as
score.py does (number plus currency), each must_flag needs claims from two
documents with different values, and each document is checked for its
header and length (300 to 800 words of text).
  python3 verify_gold.py --simulate DIR
      also writes DIR/perfect.json (one conflict group per must_flag, one
      agreement group per agreement) and DIR/naive.json (every quote grouped
      by unit family and flagged), for use with ../../shared/tools/score.py
"""
from __future__ import annotations

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                    r"thousand|million|billion|dozen|few|several|\w+teen|January|February|March|April|May|"
                    r"June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|"
                    r"Thursday|Friday|Saturday|Sunday|half|third|quarter|fifth|tenth|midnight|noon|"
                    r"fortnight|twice|double|doubled|triple|tripled)\b", re.I)


def load(name: str) -> str:
    with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
        return f.read()


def main() -> int:
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    errors: list[str] = []
    docs = sorted(os.listdir(CORPUS))
    for d in docs:
        text = load(d)
        lines = text.split("\n")
        if not lines[0].strip() or "http" not in lines[1]:
            errors.append(f"{d}: line 1 must be a title and line 2 the source URL")
        words = len("\n".join(lines[3:]).split())
        if not 300 <= words <= 800:
            errors.append(f"{d}: {words} words of text, expected 300 to 800")
    spans: dict[tuple[str, str], tuple[int, int]] = {}
    used_docs = set()
    for section in ("must_flag", "must_not_flag", "agreements", "unscored"):
        for item in gold.get(section, []):
            for c in item["claims"]:
                doc, quote = c["doc"], c["quote"]
                used_docs.add(doc)
                if doc not in docs:
                    errors.append(f"{section} {item['id']}: no document {doc}")
                    continue
                text = load(doc)
                n = text.count(quote)
                if n == 0:
                    errors.append(f"{section} {item['id']}: quote not in {doc}: {quote!r}")
                    continue
                if n > 1:
                    errors.append(f"{section} {item['id']}: quote occurs {n} times in {doc}: {quote!r}")
                if not NUMBER.search(quote):
                    errors.append(f"{section} {item['id']}: quote has no number: {quote!r}")
                at = text.find(quote)
                spans[(doc, quote)] = (at, at + len(quote))
    for item in gold["must_flag"]:
        # as in score.py: a value is its number plus, for money, its three-letter currency
        def key(c):
            u = str(c.get("unit", ""))
            return repr((c.get("value"), u if u.isupper() and len(u) == 3 else None))
        values = {key(c) for c in item["claims"]}
        by_value_docs = {}
        for c in item["claims"]:
            by_value_docs.setdefault(key(c), set()).add(c["doc"])
        if len(values) < 2:
            errors.append(f"must_flag {item['id']}: fewer than two distinct values")
        all_docs = set().union(*by_value_docs.values())
        if len(all_docs) < 2:
            errors.append(f"must_flag {item['id']}: claims from fewer than two documents")
        cross = any(d1 != d2 for v1 in by_value_docs for v2 in by_value_docs if v1 != v2
                    for d1 in by_value_docs[v1] for d2 in by_value_docs[v2])
        if not cross:
            errors.append(f"must_flag {item['id']}: no cross-document disagreement")
    for item in gold["must_not_flag"]:
        if len(item["claims"]) != 2:
            errors.append(f"must_not_flag {item['id']}: needs exactly two claims")

    # A must_not_flag pair must never sit inside one must_flag item.
    def overlaps(a, b):
        return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]

    def span(c):
        s = spans.get((c["doc"], c["quote"]))
        return (c["doc"], *s) if s else None

    for n in gold["must_not_flag"]:
        a, b = (span(c) for c in n["claims"])
        if not a or not b:
            continue
        for m in gold["must_flag"]:
            ms = [span(c) for c in m["claims"]]
            if any(overlaps(a, s) for s in ms if s) and any(overlaps(b, s) for s in ms if s):
                errors.append(f"{n['id']} contradicts {m['id']}: both claims belong to the conflict")
    unused = sorted(set(docs) - used_docs)
    if unused:
        errors.append(f"documents with no gold claim: {unused}")

    for e in errors:
        print("ERROR", e)
    counts = {k: len(gold.get(k, [])) for k in ("must_flag", "must_not_flag", "agreements", "unscored")}
    print(f"documents {len(docs)}; quotes checked {len(spans)}; {counts}; errors {len(errors)}")

    if "--simulate" in sys.argv:
        out = sys.argv[sys.argv.index("--simulate") + 1]
        os.makedirs(out, exist_ok=True)

        def claim(c):
            s, e = spans[(c["doc"], c["quote"])]
            return {"document": "corpus/" + c["doc"], "start": s, "end": e, "text": c["quote"]}

        perfect = {"groups": [{"id": m["id"], "status": "conflict", "claims": [claim(c) for c in m["claims"]]}
                              for m in gold["must_flag"]]
                   + [{"id": a["id"], "status": "agreement", "claims": [claim(c) for c in a["claims"]]}
                      for a in gold["agreements"]]}
        json.dump(perfect, open(os.path.join(out, "perfect.json"), "w"), indent=1)

        def family(c):
            u = (c.get("unit") or "").lower()
            q = c["quote"]
            if u in ("eur", "gbp", "usd") or re.search(r"euro|€|£|\$|dollar", q):
                return "money"
            if u in ("km", "m") or re.search(r"kilomet|km\b|\d ?m\b|met(er|re)", q):
                return "distance"
            if u in ("date", "year") or re.search(r"\b(January|February|March|April|May|June|July|August|"
                                                     r"September|October|November|December)\b|20\d\d", q):
                return "date"
            if re.search(r"per cent|%", q):
                return "percent"
            if re.search(r"days|hours|years|months|weeks", q):
                return "duration"
            return "count"

        groups: dict[str, list] = {}
        seen = set()
        for section in ("must_flag", "must_not_flag", "agreements", "unscored"):
            for item in gold[section]:
                for c in item["claims"]:
                    key = (c["doc"], c["quote"])
                    if key in seen:
                        continue
                    seen.add(key)
                    groups.setdefault(family(c), []).append(claim(c))
        naive = {"groups": [{"id": f, "status": "conflict", "claims": cs} for f, cs in groups.items()]}
        json.dump(naive, open(os.path.join(out, "naive.json"), "w"), indent=1)
        print(f"wrote {out}/perfect.json and {out}/naive.json")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
