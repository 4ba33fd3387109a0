"""The Article model shared by the parsers, the library, the engine's callers and the UI.

Every string in an Article has been through :func:`reader.text.sanitize.sanitize`
(paragraph text) or :func:`reader.text.sanitize.sanitize_line` with bidi controls
kept (one-line fields): parsers sanitize at the boundary, so nothing downstream
sees raw escape sequences.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """A link the saved page listed as related (or one the library found).

    ``url`` is the external address when known; ``article_id`` is set when the
    link points at an article stored in the library.
    """

    title: str
    url: str | None = None
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class CommentForm:
    """The comment form the page had, as the site showed it.

    ``fields`` are the form's field names in page order (WordPress: ``comment``,
    ``author``, ``email``, ``url``, ``wp-comment-cookies-consent``); ``required``
    the subset marked required; ``heading`` and ``note`` the page's own words;
    ``post_id`` the WordPress post the comments go to (the form's hidden
    ``comment_post_ID``, else the page's ``?p=`` shortlink), when the page said.
    """

    kind: str = "wordpress"
    heading: str = ""
    note: str = ""
    fields: tuple[str, ...] = ("comment", "author", "email", "url", "wp-comment-cookies-consent")
    required: tuple[str, ...] = ("comment", "author", "email")
    action: str | None = None
    post_id: int | None = None


@dataclass(slots=True)
class Article:
    """One stored article, parsed into a clean structure."""

    title: str
    paragraphs: list[str]
    breadcrumbs: list[str] = field(default_factory=list)
    date: str | None = None  # YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, no zone (articles.dates)
    author: str | None = None
    source: str | None = None  # site name, e.g. "aawsat" or "elbaladtv.net"
    url: str | None = None
    related: list[RelatedLink] = field(default_factory=list)
    comment_form: CommentForm | None = None
    direction: str = "rtl"  # "rtl" or "ltr": the document's direction
    origin: str | None = None  # where it was imported from (path or "<stdin>")
    format: str | None = None  # parser that read it: "page-text", "html", "json", "plain-text"
    id: str = ""  # content id; filled by :meth:`content_id` when empty
    #: The :func:`content_digest` the id was cut from, when the id was made here ("" when
    #: it was given): the library stores it, and need not hash the content again.
    digest: str = field(default="", init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            self.digest = content_digest(self.title, self.paragraphs)
            self.id = self.digest[:16]

    def content_id(self) -> str:
        """A stable id from the content (title and body), so re-imports dedupe."""
        return content_digest(self.title, self.paragraphs)[:16]

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by newlines."""
        return "\n".join(self.paragraphs)


def content_digest(title: str, paragraphs: Iterable[str]) -> str:
    """SHA-256 (hex) of the title and paragraphs, each stripped: an article's id is its
    start, and the library dedupes by the whole."""
    import hashlib  # (only articles being stored need their id computed)

    digest = hashlib.sha256()
    digest.update(title.strip().encode("utf-8"))
    for paragraph in paragraphs:
        digest.update(b"\n")
        digest.update(paragraph.strip().encode("utf-8"))
    return digest.hexdigest()
