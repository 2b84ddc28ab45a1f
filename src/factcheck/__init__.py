"""factcheck: numeric claims across sources, where they agree and where they conflict.

The public API, one function per stage::

    import factcheck

    corpus = factcheck.load(["seeds"])                # paths -> documents -> sentences -> claims
    claims = factcheck.extract("EUR 210 million")     # a text's claims
    groups = corpus.groups()                          # grouped and judged, conflicts first
    report = factcheck.report_of(corpus)              # the contract's report
    print(factcheck.to_json(report))

``group`` (claims -> lists of claims that measure one thing, value-blind) and ``judge`` (one such list
-> a ``ClaimGroup`` with its status) are the two halves of ``corpus.groups()``; ``check`` and
``search`` are the statement check and the keyword query. The library never prints.

The names ``extract``, ``group``, ``judge`` and ``check`` are these functions, not the modules of the
same name: reach a module with ``from factcheck.group import cluster`` (``import factcheck.group`` then
``factcheck.group.cluster`` would find the function).
"""

# The stages are imported on first use of any name below (PEP 562), so that ``factcheck --version``
# and ``import factcheck.models`` do not pay for NumPy, SciPy and the compiled patterns (0.85 s).
import os
import sys
import types
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.check import check_lines, check_statement
    from factcheck.config import Settings
    from factcheck.errors import FactcheckError, InputError, UsageError
    from factcheck.extract import extract_claims, extract_text
    from factcheck.group.cluster import group_claims
    from factcheck.ingest.load import default_paths, find_sources, load_documents
    from factcheck.ingest.sentences import split_sentences
    from factcheck.judge import assess
    from factcheck.models import (
        KINDS,
        SCHEMA_VERSION,
        SEVERITIES,
        VERDICTS,
        Claim,
        ClaimGroup,
        ClaimsReport,
        Document,
        DocumentSummary,
        NumberCheck,
        QueryHit,
        QueryReport,
        Report,
        Sentence,
        SourcesReport,
        StatementCheck,
    )
    from factcheck.pipeline import (
        Corpus,
        analyze,
        build_groups,
        jsonl_lines,
        read_corpus,
        report_of,
        select_groups,
        stream_claims,
    )
    from factcheck.query import search
    from factcheck.report.files import to_json, to_jsonl
    from factcheck.values import load_rates

    load = read_corpus
    extract = extract_text
    group = group_claims
    judge = assess
    check = check_statement
    __version__: str

# The stages by the names of the architecture issue; the longer names stay for existing callers.
_ALIASES = {
    "load": "read_corpus",
    "extract": "extract_text",
    "group": "group_claims",
    "judge": "assess",
    "check": "check_statement",
}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factcheck")  # one place: pyproject.toml
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


# Where each name of the API lives.
_WHERE = {
    "check_lines": "factcheck.check",
    "check_statement": "factcheck.check",
    "Settings": "factcheck.config",
    "FactcheckError": "factcheck.errors",
    "InputError": "factcheck.errors",
    "UsageError": "factcheck.errors",
    "extract_claims": "factcheck.extract",
    "extract_text": "factcheck.extract",
    "group_claims": "factcheck.group.cluster",
    "default_paths": "factcheck.ingest.load",
    "find_sources": "factcheck.ingest.load",
    "load_documents": "factcheck.ingest.load",
    "split_sentences": "factcheck.ingest.sentences",
    "assess": "factcheck.judge",
    "KINDS": "factcheck.models",
    "SCHEMA_VERSION": "factcheck.models",
    "SEVERITIES": "factcheck.models",
    "VERDICTS": "factcheck.models",
    "Claim": "factcheck.models",
    "ClaimGroup": "factcheck.models",
    "ClaimsReport": "factcheck.models",
    "Document": "factcheck.models",
    "DocumentSummary": "factcheck.models",
    "NumberCheck": "factcheck.models",
    "QueryHit": "factcheck.models",
    "QueryReport": "factcheck.models",
    "Report": "factcheck.models",
    "Sentence": "factcheck.models",
    "SourcesReport": "factcheck.models",
    "StatementCheck": "factcheck.models",
    "Corpus": "factcheck.pipeline",
    "analyze": "factcheck.pipeline",
    "build_groups": "factcheck.pipeline",
    "jsonl_lines": "factcheck.pipeline",
    "read_corpus": "factcheck.pipeline",
    "report_of": "factcheck.pipeline",
    "select_groups": "factcheck.pipeline",
    "stream_claims": "factcheck.pipeline",
    "search": "factcheck.query",
    "to_json": "factcheck.report.files",
    "to_jsonl": "factcheck.report.files",
    "load_rates": "factcheck.values",
}


def _load(name: str) -> Any:
    """One name of the API, its module imported on first use: ``claims --format jsonl`` never imports
    grouping (SciPy) nor checking. numpy (imported by scipy) runs int(os.environ["SOURCE_DATE_EPOCH"])
    as it is imported, so a value such as "abc" would end every command with a traceback before the
    CLI could say what is wrong: the variable is set aside while a stage is imported and put back
    after; the CLI checks it where it is used (the report's generated_at) and says so in one line."""
    target = _ALIASES.get(name, name)
    epoch = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        return getattr(import_module(_WHERE[target]), target)
    finally:
        if epoch is not None:
            os.environ["SOURCE_DATE_EPOCH"] = epoch


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value = _version()
    elif name in __all__:
        value = _load(name)
    else:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    globals()[name] = value
    return value


class _Api(types.ModuleType):
    """The package, whose ``extract``, ``group``, ``judge`` and ``check`` stay the functions: importing
    the submodule of the same name would set the attribute to the module (as the eager imports once
    overwrote it back)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _ALIASES and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Api

__all__ = [
    "KINDS",
    "SCHEMA_VERSION",
    "SEVERITIES",
    "VERDICTS",
    "Claim",
    "ClaimGroup",
    "ClaimsReport",
    "Corpus",
    "Document",
    "DocumentSummary",
    "FactcheckError",
    "InputError",
    "NumberCheck",
    "QueryHit",
    "QueryReport",
    "Report",
    "Sentence",
    "Settings",
    "SourcesReport",
    "StatementCheck",
    "UsageError",
    "__version__",
    "analyze",
    "build_groups",
    "check",
    "check_lines",
    "check_statement",
    "default_paths",
    "extract",
    "extract_claims",
    "extract_text",
    "find_sources",
    "group",
    "jsonl_lines",
    "judge",
    "load",
    "load_documents",
    "load_rates",
    "read_corpus",
    "report_of",
    "search",
    "select_groups",
    "split_sentences",
    "stream_claims",
    "to_json",
    "to_jsonl",
]
