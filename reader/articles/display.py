"""An article as the paragraphs a reader sees: title, metadata line, body, related links.

Both the app's reading screen and ``rtl-reader cat`` show an article this way;
keeping it here (beside the model, below the UI) gives them one presentation.
Every string returned is sanitized and logical: the engine lays it out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.articles.model import Article
from reader.text.direction import base_level
from reader.text.isolates import InterfaceText, join_isolated
from reader.text.sanitize import sanitize_line

#: The heading above related links, in the article's own direction's language.
RELATED_HEADINGS = {"rtl": "مقالات ذات صلة", "ltr": "Related articles"}

_RLM = "\u200f"
_LRM = "\u200e"

#: The comma between listed key terms, by the direction the list reads in.
TERM_SEPARATORS = {"rtl": "، ", "ltr": ", "}


def header_paragraphs(article: Article, number: Callable[[str], str] | None = None
                      ) -> list[str]:
    """The title and the metadata line shown above the body (sanitized, logical).

    The metadata line lists breadcrumbs, source, date (to the minute, in the interface's
    digits: *number*, e.g. ``Labels.number``) and author, each an isolate, as the
    library list's line is (:func:`reader.text.isolates.join_isolated`, their one home):
    an Arabic source keeps its shape beside a Latin author, a date its digits' order,
    and the line reads in the article's direction (its mark leads, as isolates alone
    give it none). The line is the interface's own text, so a terminal that orders is
    given its isolates too.
    """
    title = sanitize_line(article.title or "", keep_bidi_controls=True)
    crumbs = [crumb for crumb in article.breadcrumbs if crumb]
    when = (article.date or "").replace("T", " ")[:16]  # 2015-08-11 18:45
    if when and number is not None:
        when = number(sanitize_line(when))
    details: list[str] = [join_isolated(crumbs, " › ")] if crumbs else []
    details += [str(value) for value in (article.source, when, article.author) if value]
    if not details:
        return [title, ""]
    meta = join_isolated(details, " · ", lead=_RLM if article.direction == "rtl" else _LRM)
    return [title, meta]


def link_target(article_id: str | None, url: str | None) -> str:
    """Where a related link leads, as the commands print it (sanitized, "" for neither).

    The stored article's id comes first, as it is what ``rtl-reader cat`` and the
    other commands take; else the link's address.
    """
    return sanitize_line(article_id or url or "")


#: Cells of :func:`relevance_bar`.
RELEVANCE_BAR_CELLS = 5


def relevance_bar(share: float, cells: int = RELEVANCE_BAR_CELLS) -> str:
    """A small bar for a relevance share (0-1): filled then empty dots, ``●●○○○``.

    Whole dots only, no partial blocks: a bar in a right-to-left line is drawn from
    the right, and a left-half block would then point the wrong way. Relevance over
    0.5 is rare (a second report of the same story), so the bar's full length is
    0.5 and a listed article (at least 0.17) shows two dots or more.
    """
    filled = max(0, min(cells, round(share / 0.5 * cells)))
    return "●" * filled + "○" * (cells - filled)


def terms_direction(terms: Sequence[str]) -> str:
    """The direction a list of key terms reads in: the terms' own (they are the
    article's words), so Arabic terms list from the right even in the English
    interface, and Latin ones from the left."""
    return "rtl" if base_level(" ".join(terms)) else "ltr"


def terms_line(terms: Sequence[str], before: str = "") -> InterfaceText:
    """The shared key terms as one logical line for the layout (the related pane and
    ``rtl-reader related``: their one home): each term an isolate, so a Latin term
    between Arabic ones stays whole and every comma lands between two terms, separated
    by the comma of the terms' direction, led by that direction's mark (a line of
    isolates alone has no strong letter to take its direction from). *before* (the
    interface's own text, such as a :func:`relevance_bar`) opens the line, a space
    after it. The terms are the article's words: their digits stay as written."""
    direction = terms_direction(terms)
    mark = _RLM if direction == "rtl" else _LRM
    return join_isolated(terms, TERM_SEPARATORS[direction],
                         lead=f"{before} {mark}" if before else mark)


def related_paragraphs(article: Article) -> list[str]:
    """The page's own related links: a heading, then one ``• title — where`` each,
    *where* being :func:`link_target`."""
    if not article.related:
        return []
    lines = [RELATED_HEADINGS.get(article.direction, RELATED_HEADINGS["ltr"])]
    for link in article.related:
        title = sanitize_line(link.title or "", keep_bidi_controls=True)
        where = link_target(link.article_id, link.url)
        lines.append(f"• {title} — {where}" if where else f"• {title}")
    return lines


def article_paragraphs(article: Article) -> list[str]:
    """Everything ``cat`` prints for *article*, one paragraph each (empty ones dropped)."""
    paragraphs = [
        *header_paragraphs(article),
        *article.paragraphs,
        *related_paragraphs(article),
    ]
    return [paragraph for paragraph in paragraphs if paragraph.strip()]
