"""Why two claims group or not, and which source claims a statement is checked against: for developers.

    .venv/bin/python scripts/explain.py pair CORPUS QUOTE_A QUOTE_B
    .venv/bin/python scripts/explain.py check CORPUS STATEMENT

``pair`` lists every groupable claim whose sentence or text holds QUOTE_A against every one that
holds QUOTE_B: what the grouper read of each (its identity), what the fields settle of the pair
(``PairTable._settled``: -1 for impossible, with the vetoes that fire), the bonus and the figure's
affinity, whether both values can hold, and the score against its bar. ``check`` lists, for each
number of the statement, the source claims ``check.match.candidates`` ranks, best first. Both read
the corpus as the CLI does; they reach into private functions and may break when those change.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

import numpy as np

from factcheck.config import Settings
from factcheck.group import pairs as P
from factcheck.group.columns import columns_of, profile_claims
from factcheck.pipeline import _content_names, read_corpus


def explain_pair(corpus_dir: str, quote_a: str, quote_b: str) -> None:
    corpus = read_corpus([corpus_dir])
    claims = corpus.comparable()
    settings = Settings()
    cols = columns_of(
        claims, settings=settings, doc_order=_content_names(claims), published=corpus.published()
    )
    table = P.PairTable.of(cols)

    def rows(quote: str) -> list[int]:
        return [k for k, c in enumerate(cols.claims) if quote in c.text or quote in c.sentence]

    for side, quote in (("A", quote_a), ("B", quote_b)):
        for k in rows(quote):
            c, read = cols.claims[k], cols.identities([k])[0]
            print(
                f"{side} [{k}] {c.document.rsplit('/', 1)[-1]} {c.text!r} {c.kind} {c.unit} {c.value} "
                f"{c.qualifier or ''} | {read.model_dump(exclude={'claim'}, exclude_none=True)}"
            )
    for a in rows(quote_a):
        for b in rows(quote_b):
            if a == b:
                continue
            i, j = np.array([a]), np.array([b])
            x, y = table.side(i), table.side(j)
            with np.errstate(invalid="ignore", divide="ignore"):
                settled, bonus, figure, compatible = table._settled(i, j)
                fig, slip = P._affinity(x, y, compatible, P._day_shift(x, y))
            vetoes = {
                "one sentence": x.sentence == y.sentence,
                "two families": x.family != y.family,
                "two periods": ~P._same_per(x, y),
                "two nouns": (x.kind == P.KIND_CODES["count"])
                & ~table._same_noun(x.head, y.head)
                & (fig < P.SAME_FIGURE)
                & ~slip,
                "two times": ~compatible & ~P._same_time(x, y),
                "one document": ~compatible & (table.doc[i] == table.doc[j]) & ~P._two_sources(x, y),
                "two states": (x.state > 0) & (y.state > 0) & (x.state != y.state),
                "change and level": x.flag("change") != y.flag("change"),
            }
            fired = [name for name, hit in vetoes.items() if bool(np.asarray(hit)[0])]
            score = float(table.scores(i, j)[0])
            bar = settings.same_document if table.doc[a] == table.doc[b] else settings.cross_document
            print(
                f"{a}-{b}: settled {settled[0]} vetoes {fired} bonus {bonus[0]:.2f} figure {figure[0]:.2f} "
                f"compatible {bool(compatible[0])} score {score:.3f} bar {bar}"
            )


def explain_check(corpus_dir: str, statement: str) -> None:
    check = importlib.import_module("factcheck.check")  # the package, not the function it exports
    from factcheck.check import match
    from factcheck.check.figures import day_of_time, weekday_views
    from factcheck.group.subjects import common_words

    corpus = read_corpus([corpus_dir])
    claims = corpus.comparable()
    found = check._statement_claims(statement, None, check.story_day(claims))
    probes = {c.id: check._probes(c) for c in found}
    probe_claims = [p for ps in probes.values() for p in ps]
    views = [v for c in claims if (v := day_of_time(c)) is not None] + weekday_views(
        claims, corpus.published()
    )
    profiles, vocab = profile_claims(
        [*claims, *views, *probe_claims],
        published=corpus.published(),
        outside={p.document for p in probe_claims},
    )
    ids = {p.id for p in probe_claims}
    sources = [p for p in profiles if p.claim.id not in ids]
    items = {p.claim.id: p for p in profiles if p.claim.id in ids}
    common = common_words(claims)
    widespread = match.widespread_names(claims, common)
    for claim in found:
        mine = [items[p.id] for p in probes[claim.id] if p.id in items]
        print(f"== {claim.text!r} {claim.kind} {claim.date or ''}")
        ranked = match.candidates(
            mine, sources, vocab, None, common, bar=Settings().cross_document, widespread=widespread
        )
        for m in ranked[:12]:
            s = m.source
            print(
                f"  {m.rank:.3f} by_figure={m.by_figure} slip={m.slip} apart={m.apart} "
                f"{s.document.rsplit('/', 1)[-1]} {s.text!r} | {s.sentence[:110]}"
            )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    pair = sub.add_parser("pair", help="how the grouper scores two claims")
    pair.add_argument("corpus")
    pair.add_argument("quote_a")
    pair.add_argument("quote_b")
    chk = sub.add_parser("check", help="the source claims a statement's numbers are checked against")
    chk.add_argument("corpus")
    chk.add_argument("statement")
    a = ap.parse_args(argv)
    if a.what == "pair":
        explain_pair(a.corpus, a.quote_a, a.quote_b)
    else:
        explain_check(a.corpus, a.statement)
    return 0


if __name__ == "__main__":
    sys.exit(main())
