"""What the scan finds: a ``Mention`` (offsets into the sentence, kind, value, unit, qualifier), and a
``Unit``, what a reader finds right after a number."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    qualifier_start: int | None = None
    date: str | None = None
    per: str | None = None
    equivalent: int | None = None  # index of the mention this one restates (parenthesised conversion)


@dataclass(frozen=True, slots=True)
class Unit:
    """What follows a number: its kind and unit, and where the expression ends."""

    kind: str
    unit: str | None
    end: int
    factor: float = 1.0  # cents -> main currency
    extra: float = 0.0  # the sub-unit of "3 dollars 50 cents", in the main currency
    qualifier: str | None = None  # stated between the number and its noun: "50 plus staff"
