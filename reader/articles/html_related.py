"""Related-article links on a saved HTML page.

Content extractors drop these blocks, so the reader looks for them itself:
1. a heading whose text is a related-articles phrase ("مقالات ذات صلة",
   "اقرأ أيضا", "إقرأ أيضاً"... from the furniture file): the links that follow
   it inside the nearest enclosing block that has any;
2. an inline "اقرأ أيضا: <a>title</a>" paragraph: its links;
3. containers whose class or id contains "related".
Links are keyed by address; a post usually has several links (thumbnail,
headline, date) to the same address, and the longest text is its headline.
Links back to the page itself and in-page anchors are skipped.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urldefrag, urljoin

from lxml import html as lxml_html

from reader.articles.fields import clean_line
from reader.articles.furniture import Furniture, Kind
from reader.articles.model import RelatedLink

#: A heading is short; a longer text that happens to start with a phrase is not one.
HEADING_MAX_CHARS = 60
#: An inline "اقرأ أيضا: title" paragraph is at most this long.
INLINE_MAX_CHARS = 300
#: How far up from a heading to look for the block holding its links.
MAX_LEVELS_UP = 6
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "span", "div", "p", "strong", "b")
_CONTAINER_XPATH = (
    "//*[contains(translate(@class, 'RELATED', 'related'), 'related')"
    " or contains(translate(@id, 'RELATED', 'related'), 'related')]"
)


def find_related_links(
    root: lxml_html.HtmlElement, phrases: Furniture, page_url: str | None = None
) -> list[RelatedLink]:
    """The related links of the page, one per address.

    Order: the blocks under related headings, then inline read-also links, then
    "related" containers, each in page order (a link found twice keeps its first place).
    """
    anchors: list[lxml_html.HtmlElement] = []
    for heading in _related_headings(root, phrases):
        anchors.extend(_links_after(heading))
    for paragraph in root.iter("p", "li"):
        text = paragraph.text_content()
        if len(text) <= INLINE_MAX_CHARS and phrases.inline_related(text.strip()):
            anchors.extend(paragraph.iter("a"))
    for container in root.xpath(_CONTAINER_XPATH):
        if _is_inside_form_or_script(container):
            continue
        anchors.extend(container.iter("a"))
    links = _unique_links(anchors, page_url)
    # A post card links to its section too ("فنّ", "رياضة"): that is not an article.
    return [link for link in links if not phrases.is_category(link.title)]


def _related_headings(root: lxml_html.HtmlElement, phrases: Furniture) -> list[Any]:
    found = []
    for element in root.iter(*_HEADING_TAGS):
        text = element.text_content().strip()
        if not text or len(text) > HEADING_MAX_CHARS or _is_inside_link(element):
            continue
        if phrases.kind(text) is not Kind.RELATED:
            continue
        # The innermost element carrying the phrase: skip a parent whose child matches too.
        if any(
            phrases.kind(child.text_content().strip()) is Kind.RELATED
            for child in element.iterchildren(*_HEADING_TAGS)
        ):
            continue
        found.append(element)
    return found


def _links_after(heading: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Links after *heading* in the nearest ancestor (up to a few levels) that has some."""
    block = heading
    for _ in range(MAX_LEVELS_UP):
        block = block.getparent()
        if block is None:
            return []
        links = []
        passed = False
        for element in block.iter():
            if element is heading:
                passed = True
            elif (
                passed
                and element.tag == "a"
                and _usable_href(element)
                and not _is_within(element, heading)
            ):
                links.append(element)
        if links:
            return links
    return []


def _is_within(element: lxml_html.HtmlElement, ancestor: lxml_html.HtmlElement) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())


def _is_inside_form_or_script(element: lxml_html.HtmlElement) -> bool:
    return any(a.tag in ("form", "script", "style", "noscript") for a in element.iterancestors())


def _unique_links(anchors: list[Any], page_url: str | None) -> list[RelatedLink]:
    page = urldefrag(page_url)[0] if page_url else None
    titles: dict[str, str] = {}
    for anchor in anchors:
        if not _usable_href(anchor):
            continue
        href = anchor.get("href").strip()
        url = urldefrag(urljoin(page_url or "", href))[0]
        if page and url.rstrip("/") == page.rstrip("/"):
            continue
        text = clean_line(anchor.text_content()) or clean_line(anchor.get("title"))
        if url not in titles or len(text) > len(titles[url]):
            titles[url] = text
    return [
        RelatedLink(title=title or clean_line(url), url=clean_line(url))
        for url, title in titles.items()
    ]


def _is_inside_link(element: lxml_html.HtmlElement) -> bool:
    return element.tag == "a" or any(parent.tag == "a" for parent in element.iterancestors())


def _usable_href(anchor: lxml_html.HtmlElement) -> bool:
    """Whether the link leads to another page (not an in-page anchor or a script)."""
    href = (anchor.get("href") or "").strip().lower()
    return bool(href) and not href.startswith(("#", "javascript:", "mailto:", "tel:"))
