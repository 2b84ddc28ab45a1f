"""factcheck: numeric claims across sources, where they agree and where they conflict."""

from factcheck.errors import FactcheckError, InputError, UsageError
from factcheck.extract import extract_claims, extract_text
from factcheck.ingest.load import load_documents
from factcheck.ingest.sentences import split_sentences
from factcheck.models import Claim, ClaimGroup, Document, Report, Sentence
from factcheck.pipeline import analyze, read_corpus

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "ClaimGroup",
    "Document",
    "FactcheckError",
    "InputError",
    "Report",
    "Sentence",
    "UsageError",
    "__version__",
    "analyze",
    "extract_claims",
    "extract_text",
    "load_documents",
    "read_corpus",
    "split_sentences",
]
