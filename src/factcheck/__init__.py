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

# ruff: noqa: E402  (the stages are imported after SOURCE_DATE_EPOCH is set aside: see below)
import os
from importlib.metadata import PackageNotFoundError, version

# numpy (imported by scipy, below) runs int(os.environ["SOURCE_DATE_EPOCH"]) as it is imported, so a
# value such as "abc" would end every command with a traceback before the CLI could say what is wrong.
# The variable is set aside while the stages are imported and put back at the end of this file; the
# CLI checks it where it is used (the report's generated_at) and says so in one line.
_EPOCH = os.environ.pop("SOURCE_DATE_EPOCH", None)

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

if _EPOCH is not None:
    os.environ["SOURCE_DATE_EPOCH"] = _EPOCH

try:
    __version__ = version("factcheck")  # one place: pyproject.toml
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

# The stages by the names of the architecture issue; the longer names stay for existing callers.
load = read_corpus
extract = extract_text
group = group_claims
judge = assess
check = check_statement

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
