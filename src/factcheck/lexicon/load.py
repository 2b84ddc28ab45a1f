"""Read the word tables of ``lexicon/*.toml`` once, and refuse a file that says one thing twice.

A file is a set of named tables. A table is a list of words, a mapping of word to value, or entries
keyed once (a unit, a currency, a month) with their spellings listed under them, as quantulum3 keeps
its ``units.json``. The loader refuses a key declared twice (TOML itself forbids it) and a spelling
that two entries claim, or that one list names twice, wherever it sits in the file: a second claim
would silently win over the first.

``Lexicon.table`` records which tables were read, so that a test can tell a table no code reads.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from factcheck.errors import FactcheckError

SUFFIX = ".toml"


class LexiconError(FactcheckError):
    """A lexicon file that cannot be read, lacks a table, or claims one spelling twice."""


class Lexicon:
    """The data files of one folder, each parsed and checked once, on first use."""

    def __init__(self, root: Traversable) -> None:
        self.root = root
        self._files: dict[str, dict[str, Any]] = {}
        self.read: set[tuple[str, str]] = set()  # (file, table) the code asked for

    def names(self) -> list[str]:
        """The data files, by name: "units.toml", ..."""
        return sorted(p.name for p in self.root.iterdir() if p.name.endswith(SUFFIX))

    def file(self, name: str) -> dict[str, Any]:
        if name not in self._files:
            self._files[name] = parse(self.root / name, name=name)
        return self._files[name]

    def table(self, file: str, name: str) -> Any:
        """One table of a file, marked as read."""
        data = self.file(file)
        if name not in data:
            raise LexiconError(f"{file}: no table {name!r}")
        self.read.add((file, name))
        return data[name]

    def tables(self) -> set[tuple[str, str]]:
        """Every (file, table) of the folder."""
        return {(file, name) for file in self.names() for name in self.file(file)}


def parse(path: Traversable, *, name: str) -> dict[str, Any]:
    """The tables of one file, checked: a key declared twice or a spelling claimed twice raises."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise LexiconError(f"{name}: {e}") from e
    _check_claims(data, name, owner="", claims={})
    return data


def _check_claims(
    node: Mapping[str, Any], file: str, *, owner: str, claims: dict[tuple[str, str], str]
) -> None:
    """Walk the tables: each list of words belongs to the entry that holds it, under its field name
    ("spellings", "symbols", ...); a word listed twice under one field name of a file is an error."""
    for key, value in node.items():
        where = f"{owner}.{key}" if owner else key
        if isinstance(value, Mapping):
            _check_claims(value, file, owner=where, claims=claims)
        elif isinstance(value, list):
            for word in value:
                if not isinstance(word, str):
                    continue
                first = claims.setdefault((key, word), where)
                if first != where or value.count(word) > 1:
                    raise LexiconError(f"{file}: {word!r} is claimed by {first} and by {where}")


def index(entries: Mapping[str, Mapping[str, Any]], field: str, *, keys: bool = False) -> dict[str, str]:
    """spelling -> key of the entry that lists it under ``field`` (and each key itself, with ``keys``),
    in the order of the file; a spelling two entries claim raises.

    >>> index({"EUR": {"symbols": ["€"]}, "GBP": {"symbols": ["£"]}}, "symbols")
    {'€': 'EUR', '£': 'GBP'}
    >>> index({"lakh": {"aliases": ["lac"]}, "crore": {"aliases": ["lakh"]}}, "aliases", keys=True)
    Traceback (most recent call last):
    factcheck.lexicon.load.LexiconError: 'lakh' is claimed by lakh and by crore
    """
    out: dict[str, str] = {}
    for key, entry in entries.items():
        for spelling in ([key] if keys else []) + list(entry.get(field, ())):
            if out.setdefault(spelling, key) != key:
                raise LexiconError(f"{spelling!r} is claimed by {out[spelling]} and by {key}")
    return out


LEXICON = Lexicon(files("factcheck.lexicon"))


def table(file: str, name: str) -> Any:
    """A table of the package's own lexicon."""
    return LEXICON.table(file, name)
