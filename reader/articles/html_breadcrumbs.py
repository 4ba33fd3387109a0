"""Breadcrumbs of a saved HTML page: the first element whose class or id says so.

Themes mark the trail with a class such as ``breadcrumbs`` or
``jeg_breadcrumbs``; its text pieces are the crumbs, less the separators
between them (», ›, /, icons) and the article's own title at the end. A "trail"
with many or long pieces is a menu, not breadcrumbs, and is ignored.
"""

from __future__ import annotations

from lxml import html as lxml_html

from reader.articles.fields import clean_line
from reader.articles.furniture import Furniture

MAX_CRUMBS = 8
MAX_CRUMB_CHARS = 80
_XPATH = (
    "//*[contains(translate(@class, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')"
    " or contains(translate(@id, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')]"
)


def find_breadcrumbs(root: lxml_html.HtmlElement, phrases: Furniture, title: str) -> list[str]:
    """The page's breadcrumbs, or [] when it shows none."""
    for element in root.xpath(_XPATH):
        if element.tag in ("script", "style", "link", "meta"):
            continue
        separators = set(phrases.breadcrumb_separators)
        crumbs = []
        for piece in element.itertext():
            crumb = clean_line(piece)
            if crumb and crumb not in separators and crumb.strip("»«›‹>/|·•-–—") != "":
                crumbs.append(crumb)
        if crumbs and crumbs[-1] == title:
            crumbs.pop()
        if not crumbs:
            continue
        if len(crumbs) > MAX_CRUMBS or any(len(c) > MAX_CRUMB_CHARS for c in crumbs):
            return []
        return crumbs
    return []
