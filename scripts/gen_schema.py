#!/usr/bin/env python3
"""Write docs/schema/*.json from the models (``factcheck.report.schema``).

python scripts/gen_schema.py          # write the files
python scripts/gen_schema.py --check  # exit 1 if a committed file is stale (CI, pre-commit)
"""

from __future__ import annotations

import sys
from pathlib import Path

from factcheck.report.schema import render, schemas

TARGET = Path(__file__).resolve().parents[1] / "docs" / "schema"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas().items():
        path = TARGET / f"{name}.json"
        text = render(schema)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path)
        if not check:
            path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{'stale' if check else 'wrote'} {path.relative_to(TARGET.parents[1])}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
