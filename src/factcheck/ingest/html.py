"""A news page's article: its main text, headline and publication date, without the page around it.

trafilatura finds the article among menus, "Trending" and "Most read" boxes, bylines, contact lines and
footers, which a tag filter keeps (a "Weather: 14°C" box, a phone number read as two counts);
htmldate reads the publication date from the page's metadata, its URL and its byline. Both work on
the text given, offline. ``load.py`` falls back to its own tag filter when trafilatura finds nothing.
"""

from __future__ import annotations

import logging
from typing import NamedTuple

import htmldate
import trafilatura
from lxml import etree  # type: ignore[import-untyped]
from lxml import html as lxml_html

__all__ = ["Article", "read_article"]

# trafilatura and htmldate log their guesses; a library must not print them, and with no handler set
# Python would send warnings to stderr. The CLI's warnings come through ``on_warning`` alone.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

_BLOCK_SEPARATOR = "\n\n"  # between paragraphs, as the tag filter writes them and the splitter reads them
_DATE_FORMAT = "%Y-%m-%d"
_UNREAD = ["//template", "//noscript"]  # never shown to a reader; trafilatura keeps them
_NO_DATE_SEARCH = {"original_date": True, "extensive_search": False}
_FURNITURE = "//aside|//nav|//footer|//template|//noscript"  # around the article, not of it


class Article(NamedTuple):
    text: str
    title: str
    published: str | None


def read_article(html: str) -> Article | None:
    """The article of a page, or ``None`` when trafilatura finds no main text in it."""
    try:
        found = trafilatura.bare_extraction(
            html,
            fast=True,  # its own extractor only: the fallbacks keep the boxes we want gone
            include_comments=False,
            include_tables=True,  # figures live in tables
            include_images=False,
            with_metadata=True,
            deduplicate=False,
            favor_precision=True,  # no baseline rescue: it reads the whole page, boxes and all
            prune_xpath=_UNREAD,
            # its metadata's date is not read (``published_date`` finds ours): no extensive search, so
            # no dateparser, whose locales take seconds to load in each process
            date_extraction_params=_NO_DATE_SEARCH,
        )
    except (ValueError, TypeError, etree.LxmlError):
        return None
    body = getattr(found, "body", None) if found is not None else None
    text = _blocks(body) if body is not None else ""
    if not text:
        return None
    return Article(text, (getattr(found, "title", None) or "").strip(), published_date(html))


def published_date(html: str) -> str | None:
    """The publication date htmldate finds without guessing from the page's text at large (no
    copyright year, no date of an event in the story): metadata, the URL, a byline. Sidebars,
    navigation and footers are removed first: their dates are other stories' ("Most read", 2020)."""
    try:
        tree = lxml_html.document_fromstring(html)
        for element in tree.xpath(_FURNITURE):
            element.drop_tree()
        found = htmldate.find_date(
            tree, extensive_search=False, original_date=True, outputformat=_DATE_FORMAT
        )
    except (ValueError, TypeError, etree.LxmlError):
        return None
    return str(found) if found else None


def _blocks(body: etree._Element) -> str:
    """Each top-level element of trafilatura's body (a heading, a paragraph, a list, a table) as one
    block; lines inside a block (list items, table rows) on lines of their own."""
    blocks = []
    for element in body:
        for line_break in element.iter("lb"):  # <br>, which itertext would drop
            line_break.text = "\n"
        parts = element if element.tag in ("list", "table") else [element]
        block = "\n".join(line for part in parts for line in _lines(part))
        if block:
            blocks.append(block)
    return _BLOCK_SEPARATOR.join(blocks)


def _lines(element: etree._Element) -> list[str]:
    lines = (" ".join(line.split()) for line in "".join(element.itertext()).split("\n"))
    return [line for line in lines if line]
