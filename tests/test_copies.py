"""Copies of one text count as one source: a wire story on many sites, an article saved twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.ingest.copies import find_copies
from factcheck.models import Document
from factcheck.pipeline import read_corpus

WIRE = (
    "The city council approved the new tram line on Tuesday after a long debate. The line will cost "
    "{cost} million euros, the mayor said, and will carry 40,000 passengers every day. Construction starts next "
    "spring and is expected to take three years, with the first trams running in the old town. "
    "Opponents said the council had ignored cheaper bus plans and warned that costs would rise."
)
OTHER = (
    "The city council approved the new tram line on Tuesday, a local paper reported. The line will cost "
    "{cost} million euros, the paper said, more than the mayor had promised."
)
REGIONAL = (
    "Regional officials said the new tram line the city council approved will cost {cost} million euros. "
    "The region pays a third of it."
)


def doc(k: int, path: str, text: str) -> Document:
    return Document(id=f"d{k}", path=path, title="", text=text)


@pytest.mark.parametrize(
    ("texts", "copies"),
    [
        ([WIRE.format(cost=200), WIRE.format(cost=200)], {"b.txt": "a.txt"}),
        # Republished with a site's own headline and footer: still a copy.
        (
            ["Breaking: " + WIRE.format(cost=200), WIRE.format(cost=200) + " Follow us for more news."],
            {"b.txt": "a.txt"},
        ),
        # One figure changed in a long text is still mostly one text; two reports of one story are not.
        ([WIRE.format(cost=200), OTHER.format(cost=250)], {}),
        (["Short note: 200 million euros.", "Short note: 200 million euros."], {}),
    ],
    ids=["identical", "headline-and-footer", "two-reports", "too-short-to-judge"],
)
def test_copies_found_by_shared_text(texts: list[str], copies: dict[str, str]) -> None:
    docs = [doc(k, path, text) for k, (path, text) in enumerate(zip(["a.txt", "b.txt"], texts, strict=True))]
    assert find_copies(docs) == copies


def test_copies_count_once_against_the_other_sources(tmp_path: Path) -> None:
    """Fifty copies of a wire story saying 200 million do not outvote two reports saying 250 million:
    the disagreement is one source against two."""
    for k in range(50):
        (tmp_path / f"wire{k:02}.txt").write_text(WIRE.format(cost=200) + f" Site {k}.", encoding="utf-8")
    (tmp_path / "local.txt").write_text(OTHER.format(cost=250), encoding="utf-8")
    (tmp_path / "regional.txt").write_text(REGIONAL.format(cost=250), encoding="utf-8")
    corpus = read_corpus([tmp_path])
    assert len(corpus.copies) == 49
    conflicts = [g for g in corpus.groups() if g.status == "conflict" and g.kind == "money"]
    assert len(conflicts) == 1
    assert {Path(c.document).name for c in conflicts[0].claims} == {"local.txt", "regional.txt", "wire00.txt"}
    assert conflicts[0].explanation.startswith("2 sources say 250 million EUR")
    assert {s.path: s.copy_of for s in corpus.summaries()}[str(tmp_path / "wire07.txt")] == str(
        tmp_path / "wire00.txt"
    )
