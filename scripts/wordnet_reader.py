"""Read the WordNet 3.0 database files (Debian's ``wordnet-base``): index and data of nouns and verbs.

Only what ``build_wordnet_classes.py`` needs: each lemma's synsets in order of sense frequency, each
synset's words and pointers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
POS = ("noun", "verb")


@dataclass(slots=True)
class Synset:
    """One synset: its id ("n01234567"), words and pointers (symbol, target id, source word number)."""

    id: str
    words: tuple[str, ...]
    pointers: list[tuple[str, str, int]] = field(default_factory=list)
    gloss: str = ""


def read_index(pos: str, root: Path = WORDNET) -> dict[str, list[str]]:
    """Each lemma's synset ids, most frequent sense first."""
    senses: dict[str, list[str]] = {}
    for line in (root / f"index.{pos}").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        parts = line.split()
        p_cnt = int(parts[3])
        offsets = parts[6 + p_cnt :]
        senses[parts[0]] = [f"{pos[0]}{offset}" for offset in offsets]
    return senses


def read_data(pos: str, root: Path = WORDNET) -> dict[str, Synset]:
    """The synsets by id."""
    synsets: dict[str, Synset] = {}
    for line in (root / f"data.{pos}").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        head, _, gloss = line.partition(" | ")
        parts = head.split()
        w_cnt = int(parts[3], 16)
        words = tuple(parts[4 + 2 * k].lower() for k in range(w_cnt))
        at = 4 + 2 * w_cnt
        p_cnt = int(parts[at])
        synset = Synset(f"{pos[0]}{parts[0]}", words, gloss=gloss.strip())
        for k in range(p_cnt):
            symbol, offset, target_pos, source_target = parts[at + 1 + 4 * k : at + 5 + 4 * k]
            synset.pointers.append(
                (symbol, f"{target_pos[0].replace('s', 'a')}{offset}", int(source_target[:2], 16))
            )
        synsets[synset.id] = synset
    return synsets


def read_exceptions(pos: str, root: Path = WORDNET) -> dict[str, list[str]]:
    """Irregular inflections by base form: "die" -> [], "buy" -> ["bought"]."""
    forms: dict[str, list[str]] = {}
    for line in (root / f"{pos}.exc").read_text(encoding="utf-8").splitlines():
        inflected, *bases = line.split()
        for base in bases:
            forms.setdefault(base, []).append(inflected)
    return forms
