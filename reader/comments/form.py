"""The comment form as WordPress shows it, and one article's draft of it.

WordPress's ``comment_form()`` has a ``comment`` textarea (always required),
``author`` and ``email`` (required while "require name and email" is on, the
default), an optional ``url`` and the ``wp-comment-cookies-consent`` box ("save
my name, e-mail and website in this browser for the next time I comment").
Its length limits (``wp_get_comment_fields_max_lengths()``) are counted in
UTF-8 *bytes* by ``wp_check_comment_data_max_lengths()``, so an Arabic letter
(2 bytes) uses twice the room of a Latin one: the draft editor counts bytes too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

#: Field names in page order, as WordPress names them.
FIELDS: tuple[str, ...] = ("comment", "author", "email", "url")
#: Fields WordPress refuses to accept empty (default settings).
REQUIRED: frozenset[str] = frozenset({"comment", "author", "email"})
#: ``wp_get_comment_fields_max_lengths()``: limits in UTF-8 bytes.
MAX_BYTES: dict[str, int] = {"comment": 65_525, "author": 245, "email": 100, "url": 200}


def utf8_len(text: str) -> int:
    """Length of *text* in UTF-8 bytes, the unit WordPress's limits use."""
    return len(text.encode("utf-8", "surrogatepass"))


@dataclass(frozen=True, slots=True)
class Identity:
    """The remembered commenter: filled into the next article's new draft."""

    author: str = ""
    email: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class CommentDraft:
    """What the user has typed into one article's comment form.

    Kept even when invalid: validity only decides whether the draft is
    "ready" to be sent, never whether it is saved.
    """

    comment: str = ""
    author: str = ""
    email: str = ""
    url: str = ""
    remember: bool = False

    def get(self, field: str) -> str:
        """The value of one text field by its WordPress name."""
        if field not in FIELDS:
            raise KeyError(field)
        return str(getattr(self, field))

    def with_field(self, field: str, value: str) -> CommentDraft:
        """A copy with one text field changed."""
        if field not in FIELDS:
            raise KeyError(field)
        changes: dict[str, Any] = {field: value}
        return replace(self, **changes)

    @property
    def is_blank(self) -> bool:
        """True when nothing at all has been typed (not worth storing)."""
        return not any(self.get(f).strip() for f in FIELDS)

    @property
    def identity(self) -> Identity:
        """The name, e-mail and website of this draft."""
        return Identity(self.author, self.email, self.url)

    @classmethod
    def new(cls, identity: Identity | None) -> CommentDraft:
        """An empty draft, pre-filled from the remembered identity if there is one."""
        if identity is None:
            return cls()
        return cls(author=identity.author, email=identity.email, url=identity.url, remember=True)
