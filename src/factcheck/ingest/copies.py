"""Copies of one text: the same wire story on many sites, or one article saved twice, is one source.

Sources that repeat one text are one witness, not several: counted as several, a hundred copies of an
article outvote the five other sources that disagree with it. Each document is cut into shingles
(runs of ``SHINGLE`` words, case and punctuation folded) and summarised by a MinHash signature; two
documents whose signatures agree on at least ``COPY_SIMILARITY`` of their places share about that share
of their shingles. Signatures are bucketed by bands (locality-sensitive hashing), so the cost grows
with the number of documents, not with its square: each document is compared with the first member of
each bucket it falls in, never with every other member.

The earliest document of a set of copies (in path order) is the original; the others name it.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

from factcheck.models import Document

if TYPE_CHECKING:  # NumPy is loaded where signatures are made: `claims --format jsonl` makes none
    import numpy as np
    from numpy.typing import NDArray

SHINGLE = 5  # words per shingle: long enough that two unrelated news texts share few
COPY_SIMILARITY = 0.7  # share of shingles two texts have in common to be copies of one (a site's
# headline, byline and footer around one wire story leave most of it shared; two reports of one event
# written apart share a few phrases)
PERMUTATIONS = 128  # places of a signature: the share is estimated within about 0.04
BANDS = 32  # a pair agreeing on all places of any one band is a candidate (0.7 ** 4 per band, 32 tries)
MIN_SHINGLES = 20  # a text shorter than this says too little to be called a copy
_PRIME = 4_294_967_291  # the largest prime below 2**32: (a * h + b) mod p never overflows 64 bits
_WORD = re.compile(r"\w+")


def find_copies(
    docs: Sequence[Document], *, signatures: Mapping[str, NDArray[np.uint64] | None] | None = None
) -> dict[str, str]:
    """Each document that copies an earlier one (by path), mapped to that original's path.
    ``signatures`` are ``signature_of(doc.text)`` by path where the caller has them (made where the
    documents were read, in parallel).

    >>> text = " ".join(f"word{k} in the story" for k in range(40))
    >>> docs = [Document(id=f"d{k}", path=p, title="", text=t) for k, (p, t) in
    ...         enumerate([("a.txt", text), ("b.txt", text + " Updated."), ("c.txt", "other " * 90)])]
    >>> find_copies(docs)
    {'b.txt': 'a.txt'}
    """
    ordered = sorted(docs, key=lambda d: d.path)
    known = signatures or {}
    signatures_ = [known[d.path] if d.path in known else _signature(d.text) for d in ordered]
    rows = PERMUTATIONS // BANDS
    original: dict[int, int] = {}
    buckets: dict[tuple[int, bytes], int] = {}  # (band, its places) -> the first document with them
    for k, signature in enumerate(signatures_):
        if signature is None:
            continue
        for band in range(BANDS):
            key = (band, signature[band * rows : (band + 1) * rows].tobytes())
            first = buckets.setdefault(key, k)
            if first == k:
                continue
            root = original.get(first, first)
            if k not in original and _similar(signatures_[root], signature):
                original[k] = root
    return {ordered[k].path: ordered[root].path for k, root in sorted(original.items())}


def _signature(text: str) -> NDArray[np.uint64] | None:
    """The MinHash signature of a text's shingles; None for a text too short to judge."""
    import numpy as np

    low = text.lower()  # one call, not one a word; but "İ" lowers to two characters, split by \w+
    words = _WORD.findall(low) if len(low) == len(text) else [w.lower() for w in _WORD.findall(text)]
    shingles = set(map(" ".join, zip(*(words[k:] for k in range(SHINGLE)), strict=False)))  # shifted
    if len(shingles) < MIN_SHINGLES:
        return None
    hashes = np.fromiter(
        (zlib.crc32(s.encode("utf-8")) for s in shingles), dtype=np.uint64, count=len(shingles)
    )
    a, b = _coefficients()
    prime = np.uint64(_PRIME)
    mixed = (np.outer(a, hashes % prime) + b[:, None]) % prime  # a, b, h < p < 2**32: no overflow
    found: NDArray[np.uint64] = mixed.min(axis=1)
    return found


def signature_of(text: str) -> NDArray[np.uint64] | None:
    """The MinHash signature ``find_copies`` compares a text by."""
    return _signature(text)


def _similar(a: NDArray[np.uint64] | None, b: NDArray[np.uint64]) -> bool:
    return a is not None and float((a == b).mean()) >= COPY_SIMILARITY


@cache
def _coefficients() -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
    """Fixed random permutations: the same signatures on every run and machine."""
    import numpy as np

    rng = np.random.default_rng(20240601)
    a = rng.integers(1, _PRIME, size=PERMUTATIONS, dtype=np.uint64)
    b = rng.integers(0, _PRIME, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


__all__ = ["COPY_SIMILARITY", "find_copies", "signature_of"]
