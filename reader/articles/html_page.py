"""A saved HTML news page.

trafilatura finds the body and the metadata (title, date, author, site name,
address); it drops breadcrumbs, related-link blocks and the comment form,
which the reader's own pass over the page recovers (:mod:`html_breadcrumbs`,
:mod:`html_related`, :mod:`html_comment_form`). The publication date is the one
the page declares in its markup (:mod:`html_dates`), else the one its canonical
address gives (``/2013/middle_east/8/3/``: CNN Arabic's page declares none and
trafilatura guesses 2013-01-01 from the year alone), else trafilatura's
guess; all in the stored form of :mod:`reader.articles.dates`.
The direction comes from ``<html dir lang>`` when the page declares one, else
from the text.

A title that repeats the site's name ("... - اليوم السابع") loses it; body
paragraphs that are furniture phrases, the title again, or a related link's
title are dropped.
"""

from __future__ import annotations

import logging
import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from reader.articles.dates import canonical_date, url_date
from reader.articles.direction import direction_from_attributes, text_direction
from reader.articles.fields import clean_line, clean_optional, clean_paragraphs, fallback_title
from reader.articles.furniture import Furniture, furniture
from reader.articles.html_breadcrumbs import find_breadcrumbs
from reader.articles.html_comment_form import find_comment_form
from reader.articles.html_dates import declared_date
from reader.articles.html_related import find_related_links
from reader.articles.model import Article
from reader.errors import InputError
from reader.i18n.sentence import Sentence
from reader.text.sanitize import sanitize

FORMAT = "html"

_TITLE_SEPARATORS = ("-", "|", "–", "—", "::", "»", ":")
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_KEPT_CONTROLS = (0x09, 0x0A, 0x0D)

# trafilatura logs its own judgements (e.g. "not enough text") at WARNING; the
# reader reports problems as InputError instead.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def parse_html(text: str, source: str, phrases: Furniture | None = None) -> Article:
    """Build an article from the decoded HTML *text* of a saved page."""
    phrases = phrases or furniture()
    # Control characters are never page text, and trafilatura gives up on a tree
    # holding them: remove escape sequences and character references to
    # controls (&#27;) before parsing. The fields are sanitized again anyway.
    text = _CHARACTER_REFERENCE.sub(_drop_control_reference, sanitize(text))
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(source, Sentence("input.html_unreadable", detail=str(exc))) from None
    extracted = trafilatura.bare_extraction(
        root,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        output_format="python",
    )
    # trafilatura works on (and prunes) the tree it is given: read a fresh one.
    root = lxml_html.document_fromstring(text)
    body_text = getattr(extracted, "text", None) or ""
    paragraphs = clean_paragraphs(body_text)
    sitename = clean_optional(getattr(extracted, "sitename", None))
    url = clean_optional(getattr(extracted, "url", None))
    title = _without_sitename(clean_line(getattr(extracted, "title", None)), sitename)
    related = find_related_links(root, phrases, url)
    if not paragraphs and not title:
        raise InputError(source, Sentence("input.html_no_text"))
    paragraphs = _without_furniture(paragraphs, title, {link.title for link in related}, phrases)
    if not title:
        title = fallback_title(paragraphs, source)
    html_element = root if root.tag == "html" else root.find(".//html")
    declared = None
    if html_element is not None:
        declared = direction_from_attributes(html_element.get("dir"), html_element.get("lang"))
    date = (
        declared_date(root)
        or url_date(url)
        or canonical_date(clean_optional(getattr(extracted, "date", None)))
    )
    return Article(
        title=title,
        paragraphs=paragraphs,
        breadcrumbs=find_breadcrumbs(root, phrases, title),
        date=date,
        author=_author(getattr(extracted, "author", None), phrases),
        source=clean_optional(getattr(extracted, "hostname", None)) or sitename,
        url=url,
        related=related,
        comment_form=find_comment_form(root, phrases, url),
        direction=declared or text_direction([title, *paragraphs]),
        origin=source,
        format=FORMAT,
    )


def _author(found: str | None, phrases: Furniture) -> str | None:
    """The author's name without the byline word some themes put before it ("كتب")."""
    author = clean_line(found)
    return phrases.without_byline(author) or None if author else None


def _without_sitename(title: str, sitename: str | None) -> str:
    """ "Title - Site" -> "Title" when the site's name is known."""
    if not title or not sitename:
        return title
    for separator in _TITLE_SEPARATORS:
        for pattern in (f" {separator} {sitename}", f"{separator}{sitename}"):
            if title.endswith(pattern) and len(title) > len(pattern):
                return title[: -len(pattern)].strip()
        prefix = f"{sitename} {separator} "
        if title.startswith(prefix) and len(title) > len(prefix):
            return title[len(prefix) :].strip()
    return title


def _without_furniture(
    paragraphs: list[str], title: str, link_titles: set[str], phrases: Furniture
) -> list[str]:
    kept = []
    for index, paragraph in enumerate(paragraphs):
        if phrases.kind(paragraph) is not None or phrases.inline_related(paragraph):
            continue
        if index == 0 and paragraph == title:
            continue
        if paragraph in link_titles:
            continue
        kept.append(paragraph)
    return kept


def _drop_control_reference(match: re.Match[str]) -> str:
    """Remove a numeric character reference to a control character (keep all others)."""
    value = int(match[1], 16) if match[1] else int(match[2])
    is_control = value < 0x20 or 0x7F <= value < 0xA0
    return "" if is_control and value not in _KEPT_CONTROLS else match[0]
