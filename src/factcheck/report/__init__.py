"""Reports: ``wording`` (figures and names as a reader writes them), ``terminal`` (Rich views, printing
nothing) and ``files`` (JSON and Markdown, written atomically)."""
