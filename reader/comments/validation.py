"""Validate a draft the way WordPress validates a submitted comment.

Run on every keystroke: the result drives the messages under each field, the
byte counters and the draft's "ready" flag. A draft with problems is still
saved; it is only not ready to send.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from reader.comments.form import FIELDS, MAX_BYTES, REQUIRED, CommentDraft, utf8_len

_LOCAL_PART = re.compile(r"^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.\-]+$")
_SUBDOMAIN = re.compile(r"^[a-z0-9-]+$", re.IGNORECASE)
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9\-\u00a1-\uffff]{1,63}(?<!-)$", re.IGNORECASE)


def is_email(address: str) -> bool:
    """WordPress's ``is_email()``: the same checks in the same order.

    At least 6 characters (``a@b.cd``), one ``@`` not first, a local part of
    the characters WordPress allows, a domain without ``..`` of at least two
    labels, each of letters, digits and inner hyphens. Like WordPress, it
    refuses non-ASCII addresses.
    """
    if len(address) < 6 or address.find("@", 1) == -1:
        return False
    local, domain = address.split("@", 1)
    if not _LOCAL_PART.match(local):
        return False
    if ".." in domain:
        return False
    labels = domain.strip(" \t\n\r\0\x0b.").split(".")
    if len(labels) < 2:
        return False
    for label in labels:
        label = label.strip(" \t\n\r\0\x0b-")
        if not label or not _SUBDOMAIN.match(label):
            return False
    return True


def is_website(url: str) -> bool:
    """An http(s) address with a plausible host, the scheme optional.

    WordPress's comment handler runs ``esc_url()``, which adds ``http://`` to an
    address without a scheme and drops anything that is not a URL; the form's
    ``type="url"`` field refuses spaces. This accepts what survives both.
    """
    if not url or any(ch.isspace() for ch in url):
        return False
    candidate = url if re.match(r"^[a-z][a-z0-9+.\-]*://", url, re.I) else "http://" + url
    try:
        parts = urlsplit(candidate)
        port = parts.port  # raises ValueError on a bad port
    except ValueError:
        return False
    del port
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return False
    host = parts.hostname
    if host == "localhost":
        return True
    if re.fullmatch(r"\d{1,3}(\.\d{1,3}){3}", host):
        return all(int(part) <= 255 for part in host.split("."))
    labels = host.rstrip(".").split(".")
    return len(labels) >= 2 and all(_HOST_LABEL.match(label) for label in labels)


@dataclass(frozen=True, slots=True)
class FieldState:
    """One field's validation: bytes used, its limit, and an error key or None."""

    field: str
    used: int
    limit: int
    error: str | None  # "error.email.invalid": reader.i18n's "comment.error.email.invalid"

    @property
    def over_limit(self) -> bool:
        return self.used > self.limit


@dataclass(frozen=True, slots=True)
class Validation:
    """The whole form's validation."""

    fields: dict[str, FieldState]

    @property
    def ready(self) -> bool:
        """True when WordPress would accept the comment."""
        return all(state.error is None for state in self.fields.values())

    @property
    def errors(self) -> list[str]:
        """Error keys in page order."""
        return [s.error for f in FIELDS if (s := self.fields[f]).error is not None]


def validate_field(field: str, value: str) -> FieldState:
    """Check one field in WordPress's order: byte limit, then required, then syntax."""
    used = utf8_len(value)
    limit = MAX_BYTES[field]
    stripped = value.strip()
    error: str | None = None
    if used > limit:
        error = f"error.{field}.too_long"
    elif field in REQUIRED and not stripped:
        error = f"error.{field}.required"
    elif field == "email" and not is_email(stripped):
        error = "error.email.invalid"
    elif field == "url" and stripped and not is_website(stripped):
        error = "error.url.invalid"
    return FieldState(field, used, limit, error)


def validate(draft: CommentDraft) -> Validation:
    """Validate every field of *draft*."""
    return Validation({field: validate_field(field, draft.get(field)) for field in FIELDS})
