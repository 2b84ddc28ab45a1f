"""The JSON schema of every ``--json`` output, made from the models: ``docs/schema/*.json``.

``scripts/gen_schema.py`` writes these files; a test fails when the committed ones differ from what
the models say, so the schema a user reads is always the one the code prints. Schemas describe the
output, so they are pydantic's *serialization* schemas: a field with a default is always printed,
hence required.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from factcheck.models import (
    SCHEMA_VERSION,
    ClaimsReport,
    JsonLine,
    QueryReport,
    Report,
    SourcesReport,
    StatementCheck,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# File name (under docs/schema/), the commands that print it, and its type.
OUTPUTS: tuple[tuple[str, str, Any], ...] = (
    ("report", "factcheck export; factcheck conflicts --json", Report),
    ("claims", "factcheck claims --json", ClaimsReport),
    (
        "claims-jsonl",
        "factcheck claims --format jsonl: each line one of these objects (a header, then each document, "
        "each sentence that holds claims, and its claims)",
        JsonLine,
    ),
    ("sources", "factcheck sources --json", SourcesReport),
    ("query", "factcheck query --json", QueryReport),
    (
        "check",
        "factcheck check --json (a statement: one object; a file: a list, one per statement)",
        StatementCheck | list[StatementCheck],
    ),
)


def schemas() -> dict[str, dict[str, Any]]:
    """Each output's schema by file name: ``{"report": {...}, "claims": {...}, ...}``."""
    out: dict[str, dict[str, Any]] = {}
    for name, commands, kind in OUTPUTS:
        body = TypeAdapter(kind).json_schema(mode="serialization")
        body.pop("description", None)  # the model's docstring: the commands say more to a reader
        out[name] = {
            "$schema": DIALECT,
            "title": body.pop("title", name),
            "description": f"{commands}. schema_version {SCHEMA_VERSION}.",
            **body,
        }
    return out


def render(schema: dict[str, Any]) -> str:
    """A schema as the committed file holds it: indented by 2, UTF-8, a final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
