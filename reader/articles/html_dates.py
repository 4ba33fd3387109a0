"""The publication date a page declares in its markup.

trafilatura's date finder guesses when the markup is silent, and on one of the
corpus pages (assabah) it prefers a wrong date to the one the page declares
(``<span property="dc:date" content="2019-02-08T00:00:00+01:00">``). A date
the page states for machines is taken first, in this order: ``<meta>``
publication tags, elements marked ``datePublished`` / ``dc:date``, JSON-LD
``datePublished``. The value is returned in the stored form
(:func:`reader.articles.dates.canonical_date`) when it parses as a date.
"""

from __future__ import annotations

import json

from lxml import html as lxml_html

from reader.articles.dates import canonical_date

_META_NAMES = (
    "article:published_time",
    "datepublished",
    "og:published_time",
    "published_time",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
)
_MARKED_XPATH = (
    "//*[@itemprop='datePublished' or @property='dc:date' or @property='dcterms:issued']"
)
_JSON_LD_XPATH = "//script[@type='application/ld+json']"
#: JSON-LD blocks larger than this are not worth parsing for one date.
_JSON_LD_MAX_CHARS = 200_000


def declared_date(root: lxml_html.HtmlElement) -> str | None:
    """The page's declared publication date in the stored form, or None."""
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key in _META_NAMES and content and key not in metas:
            metas[key] = content
    for name in _META_NAMES:
        found = canonical_date(metas.get(name))
        if found:
            return found
    for element in root.xpath(_MARKED_XPATH):
        found = canonical_date(element.get("content") or element.get("datetime"))
        if found:
            return found
    for script in root.xpath(_JSON_LD_XPATH):
        found = canonical_date(_json_ld_date(script.text or ""))
        if found:
            return found
    return None


def _json_ld_date(text: str) -> str | None:
    if len(text) > _JSON_LD_MAX_CHARS:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str):
                return value
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None

