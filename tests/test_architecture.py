"""The import rules of ``../shared/architecture/target.json``, held against the code.

Every module of ``src/factcheck`` is read with ``ast`` (no import runs) and each ``import`` becomes an
edge from the module to what it imports. A stage may import its own stage and earlier ones, never a
later one; a few stages are held to a shorter list. A new module must be given a layer below.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import NamedTuple

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "factcheck"

# Earliest first. A module belongs to the row of the longest prefix that names it ("factcheck" itself,
# the public API, only by exact name).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("models", ("factcheck.models", "factcheck.errors", "factcheck.config")),
    ("lexicon", ("factcheck.lexicon",)),
    ("values", ("factcheck.values", "factcheck.rates")),
    ("ingest", ("factcheck.ingest",)),
    ("extract", ("factcheck.extract",)),
    ("group", ("factcheck.group",)),
    ("judge", ("factcheck.judge",)),
    ("services", ("factcheck.check", "factcheck.query")),
    ("report", ("factcheck.report",)),
    ("parallel", ("factcheck.parallel",)),  # load, split and extract on every core or a Dask cluster
    ("pipeline", ("factcheck.pipeline",)),
    ("api", ("factcheck",)),  # __init__.py re-exports the stages; the face reads it
    ("face", ("factcheck.cli", "factcheck.__main__")),
)

# Edges to a later stage that are allowed, each with its reason. report.wording is a leaf (it reads
# only models and lexicon: see READS_ONLY): the stages that write explanations read its phrasing, so
# that "about 200 million EUR" is worded one way in every view.
ALLOWED_LATER: dict[tuple[str, str], str] = {
    ("factcheck.judge", "factcheck.report.wording"): "a conflict's explanation and a group's label",
    ("factcheck.check", "factcheck.report.wording"): "a number's explanation, worded as judge words it",
}


class Rule(NamedTuple):
    id: str
    importer: str  # a module, or a package and its modules
    allowed: tuple[str, ...]  # what it may import from factcheck: modules, or packages with their modules
    why: str


READS_ONLY = [
    Rule(
        "wording-is-a-leaf",
        "factcheck.report.wording",
        ("factcheck.models", "factcheck.lexicon"),
        "wording is read by judge and check: it may read nothing later",
    ),
    Rule(
        "report-reads-models",
        "factcheck.report",
        ("factcheck.models", "factcheck.errors", "factcheck.report", "factcheck.lexicon"),
        "rendering reads the models it is given: no stage, no file",
    ),
    Rule(
        "group-is-value-blind",
        "factcheck.group",
        (
            "factcheck.models",
            "factcheck.errors",
            "factcheck.config",
            "factcheck.lexicon",
            "factcheck.values",
            "factcheck.group",
        ),
        "grouping reads values, never verdicts (judge) nor claims' extraction",
    ),
    Rule(
        "cli-reads-the-public-api",
        "factcheck.cli",
        ("factcheck", "factcheck.report", "factcheck.errors"),
        "the face calls the public API (factcheck/__init__.py) and renders with factcheck.report",
    ),
    Rule(
        "main-runs-the-cli",
        "factcheck.__main__",
        ("factcheck.cli", "factcheck"),
        "python -m factcheck is the CLI; --version alone reads factcheck.__version__ before importing it",
    ),
]

# Third-party packages that only the screen may import: the library never prints (STYLE.md, rule 4).
SCREEN_ONLY: dict[str, tuple[str, ...]] = {
    "typer": ("factcheck.cli",),
    "rich": ("factcheck.cli", "factcheck.report.terminal"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(module: str) -> list[str]:
    """Every module ``module`` imports, anywhere in its body; ``from a import b`` is ``a.b`` when b is
    a module of the package, else ``a``."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x, from ..models import y
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                found.append(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return found


def inside(module: str, prefix: str) -> bool:
    """``module`` is ``prefix`` or one of its modules; "factcheck" (the public API) only by name."""
    return module == prefix or (prefix != "factcheck" and module.startswith(prefix + "."))


def layer(module: str) -> int:
    best = max(
        (
            (len(prefix), rank)
            for rank, (_, prefixes) in enumerate(LAYERS)
            for prefix in prefixes
            if inside(module, prefix)
        ),
        default=None,
    )
    if best is None:
        raise LookupError(f"{module} has no layer: add it to LAYERS in tests/test_architecture.py")
    return best[1]


def edges(module: str) -> list[str]:
    """The modules of factcheck that ``module`` imports, itself aside."""
    return sorted(
        {m for m in imports(module) if (m == "factcheck" or m.startswith("factcheck.")) and m != module}
    )


@pytest.mark.parametrize("module", sorted(MODULES))
def test_architecture_every_module_has_a_layer(module: str) -> None:
    layer(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_architecture_no_stage_imports_a_later_one(module: str) -> None:
    own = layer(module)
    wrong = [
        f"{module} ({LAYERS[own][0]}) -> {target} ({LAYERS[layer(target)][0]}): a stage imports a later one"
        for target in edges(module)
        if layer(target) > own and (module, target) not in ALLOWED_LATER
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("rule", READS_ONLY, ids=[r.id for r in READS_ONLY])
def test_architecture_reads_only(rule: Rule) -> None:
    wrong = [
        f"{module} -> {target}: {rule.id}: {rule.why}"
        for module in MODULES
        if inside(module, rule.importer)
        for target in edges(module)
        if not any(inside(target, allowed) for allowed in rule.allowed)
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("package", sorted(SCREEN_ONLY))
def test_architecture_library_never_prints(package: str) -> None:
    wrong = [
        f"{module} -> {package}: only {', '.join(SCREEN_ONLY[package])} may import it (the library never prints)"
        for module in MODULES
        if not any(inside(module, allowed) for allowed in SCREEN_ONLY[package])
        and any(m == package or m.startswith(package + ".") for m in imports(module))
    ]
    assert not wrong, "\n".join(wrong)


def test_architecture_allowed_edges_still_exist() -> None:
    """An exception that the code no longer needs is removed from the table, not left to rot."""
    stale = [f"{a} -> {b}" for a, b in ALLOWED_LATER if b not in edges(a)]
    assert not stale, stale


@pytest.mark.parametrize(
    ("module", "target", "expected"),
    [
        ("factcheck.group.cluster", "factcheck.judge", True),
        ("factcheck.cli", "factcheck.pipeline", False),
        ("factcheck.judge", "factcheck.report.wording", False),
        ("factcheck.judge", "factcheck.report.terminal", True),
        ("factcheck.models", "factcheck.ingest.load", True),
    ],
    ids=[
        "group-to-judge",
        "cli-to-pipeline-is-layered-but-read-only",
        "judge-to-wording",
        "judge-to-terminal",
        "models-to-ingest",
    ],
)
def test_architecture_the_layer_rule_itself(module: str, target: str, expected: bool) -> None:
    """The rule the test applies, on edges that do not exist: it would catch them."""
    assert (layer(target) > layer(module) and (module, target) not in ALLOWED_LATER) is expected
