"""A news page saved as plain text, boilerplate included (the seed's form).

Shape: breadcrumbs (optional first line), the title, body paragraphs, then
page furniture: a related-articles heading with the titles of its links, the
comment form's heading and note, the published comments, share and tag lines,
disclaimers, the back-to-top button. Furniture lines are recognised from the phrases in
``assets/page_furniture.json`` and never reach the body.

A line "اقرأ أيضا: <title>" is one related link wherever it stands. After a
related-articles heading, short lines (:data:`LINK_MAX_WORDS`) are
link titles; a long line means the block has ended and the body goes on, which
is how "اقرأ أيضا" blocks in the middle of an article read. Lines after the
comment form's heading (field labels, the submit button) and after a
published-comments heading belong to the page, not the article, and are
dropped.
"""

from __future__ import annotations

from enum import Enum

from reader.articles.breadcrumbs import split_breadcrumbs
from reader.articles.direction import text_direction
from reader.articles.fields import clean_line
from reader.articles.furniture import Furniture, Kind, furniture
from reader.articles.model import Article, CommentForm, RelatedLink
from reader.errors import InputError
from reader.i18n.sentence import Sentence

FORMAT = "page-text"

#: In a related block, a line of at most this many words is a link title.
LINK_MAX_WORDS = 25


class _State(Enum):
    BODY = "body"
    RELATED = "related"
    COMMENT_FORM = "comment-form"
    COMMENTS = "comments"
    TAGS = "tags"


def looks_like_saved_page(lines: list[str], phrases: Furniture | None = None) -> bool:
    """Whether non-blank *lines* are a saved page rather than title-and-paragraphs text.

    The rule: some line is page furniture (an inline "اقرأ أيضا: ..." too), or
    the first line is breadcrumbs.
    """
    phrases = phrases or furniture()
    if not lines:
        return False
    if split_breadcrumbs(lines[0], phrases) is not None:
        return True
    return any(
        phrases.kind(line) is not None or phrases.inline_related(line) is not None for line in lines
    )


def parse_page_text(lines: list[str], source: str, phrases: Furniture | None = None) -> Article:
    """Build an article from the sanitized, trimmed, non-blank *lines* of a saved page."""
    phrases = phrases or furniture()
    if not lines:
        raise InputError(source, Sentence("input.blank"))
    position = 0
    breadcrumbs = split_breadcrumbs(lines[0], phrases) or []
    if breadcrumbs:
        position = 1
    while position < len(lines) and phrases.kind(lines[position]) is not None:
        position += 1
    if position >= len(lines):
        raise InputError(source, Sentence("input.page_no_text"))
    title = clean_line(lines[position])
    body: list[str] = []
    related: list[RelatedLink] = []
    comment_heading: str | None = None
    comment_note: str | None = None
    state = _State.BODY
    for line in lines[position + 1 :]:
        kind = phrases.kind(line)
        if kind is Kind.RELATED:
            state = _State.RELATED
        elif kind is Kind.COMMENT:
            comment_heading = comment_heading or clean_line(line)
            state = _State.COMMENT_FORM
        elif kind is Kind.COMMENT_NOTE:
            comment_note = comment_note or clean_line(line)
            state = _State.COMMENT_FORM
        elif kind is Kind.COMMENTS:
            state = _State.COMMENTS
        elif kind is Kind.TAGS:
            state = _State.TAGS
        elif kind in (Kind.BACK_TO_TOP, Kind.SHARE, Kind.DISCLAIMER):
            continue
        elif (inline := phrases.inline_related(line)) is not None:
            related.append(RelatedLink(title=clean_line(inline)))
        elif state is _State.BODY:
            body.append(line)
        elif state in (_State.RELATED, _State.TAGS):
            if len(line.split()) > LINK_MAX_WORDS:
                body.append(line)
                state = _State.BODY
            elif state is _State.RELATED:
                related.append(RelatedLink(title=clean_line(line)))
    form = None
    if comment_heading is not None or comment_note is not None:
        form = CommentForm(heading=comment_heading or "", note=comment_note or "")
    return Article(
        title=title,
        paragraphs=body,
        breadcrumbs=[clean_line(crumb) for crumb in breadcrumbs],
        related=related,
        comment_form=form,
        direction=text_direction([title, *body]),
        origin=source,
        format=FORMAT,
    )
