"""PDF and HTML readers compared: text quality and speed (issue 18's choice of libraries).

    python benchmarks/bench_sources.py            # needs the bench extra (pdfminer.six)
    python benchmarks/bench_sources.py --repeat 5

PDF: the seeds, wrapped at 85 characters, set as an 88-page PDF by the tests' own writer
(``tests/pdfs.py``); each reader's text is scored by the lines of the source it gives verbatim.
HTML: the pages of the tests (a news page with menus, a trending box, a byline, a phone number and a
footer; the load tests' page), each read by trafilatura (our reader) and by the tag filter it replaced
(selectolax); scored by the noise lines each keeps. Prints the median time of each.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from factcheck.ingest import load  # noqa: E402
from factcheck.ingest.html import read_article  # noqa: E402
from factcheck.ingest.pdf import read_pdf  # noqa: E402
from pdfs import make_pdf  # noqa: E402
from test_load import HTML_PAGE  # noqa: E402
from test_sources import NEWS_PAGE, NOISE  # noqa: E402


def _median_ms(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _seed_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            lines += textwrap.wrap(paragraph, 85) or [""]
    return [line.encode("cp1252", "replace").decode("cp1252") for line in lines]


def bench_pdf(repeat: int) -> None:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    lines = _seed_lines()
    pages = [lines[i : i + 50] for i in range(0, len(lines), 50)] * 8
    data = make_pdf(pages)
    wanted = [line.strip() for page in pages for line in page if line.strip()]

    def pdfminer_text() -> str:
        return "\n\n".join(
            "".join(el.get_text() for el in layout if isinstance(el, LTTextContainer))
            for layout in extract_pages(io.BytesIO(data))
        )

    readers: dict[str, Callable[[], str]] = {
        "pypdfium2 (ours)": lambda: read_pdf(data).text,
        "pdfminer.six": pdfminer_text,
    }
    print(f"PDF: {len(pages)} pages, {len(data):,} bytes, {len(wanted):,} lines of text")
    for name, reader in readers.items():
        text = reader()
        found = sum(line in text for line in wanted)
        ms = _median_ms(reader, repeat)
        print(f"  {name:18} {ms:8.0f} ms  lines verbatim {found:,}/{len(wanted):,}")


def bench_html(repeat: int) -> None:
    pages = {"news page": NEWS_PAGE, "load test page": HTML_PAGE}
    for label, page in pages.items():
        article = read_article(page)
        filtered = load._extract_text(load.LexborHTMLParser(page).body)  # the tag filter alone
        kept_ours = [n for n in NOISE if article is not None and NOISE[n] in article.text]
        kept_filter = [n for n in NOISE if NOISE[n] in filtered]
        ours = _median_ms(lambda page=page: read_article(page), repeat * 20)
        tags = _median_ms(lambda page=page: load._extract_text(load.LexborHTMLParser(page).body), repeat * 20)
        print(f"HTML {label} ({len(page):,} characters):")
        print(f"  trafilatura (ours) {ours:6.2f} ms  noise kept: {', '.join(kept_ours) or 'none'}")
        print(f"  selectolax filter  {tags:6.2f} ms  noise kept: {', '.join(kept_filter) or 'none'}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    bench_pdf(a.repeat)
    bench_html(a.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
