"""Drafts written out: as JSON, or as request bodies for WordPress's REST API.

``wp-rest`` gives, for each draft, the body of ``POST /wp-json/wp/v2/comments``
(``post`` when the article's WordPress post id is known, ``content``,
``author_name``, ``author_email``, ``author_url``) beside the article's URL and
the endpoint on the article's site, so another tool (or ``curl``) can send
it. Anonymous posting needs the site to allow it
(``rest_allow_anonymous_comments``); that is the site's choice, not ours.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from reader.articles.wordpress import post_id_from_url, rest_endpoint
from reader.comments.store import DraftRecord
from reader.comments.validation import validate

FORMATS: tuple[str, ...] = ("json", "wp-rest")

# What json leaves raw that a terminal acts on or reorders: DEL, C1 controls, bidi
# controls, line and paragraph separators. Inside JSON they can only be in strings,
# where \uXXXX is the same character: the data is unchanged, the terminal safe.
_TERMINAL_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                              "\u2066-\u2069]")


def draft_as_json(record: DraftRecord) -> dict[str, object]:
    """Everything stored about one draft."""
    check = validate(record.draft)
    return {
        "article_id": record.article_id,
        "article_title": record.target.title or None,
        "article_url": record.target.url,
        "post": record.target.post_id or post_id_from_url(record.target.url),
        "comment": record.draft.comment,
        "author": record.draft.author,
        "email": record.draft.email,
        "url": record.draft.url,
        "remember": record.draft.remember,
        "ready": check.ready,
        "problems": check.errors,
        "revision": record.revision,
        "updated_at": record.updated_at,
        "bytes": {f: s.used for f, s in check.fields.items()},
    }


def draft_as_wp_rest(record: DraftRecord) -> dict[str, object]:
    """One request for ``POST /wp-json/wp/v2/comments``.

    ``ready`` is true only when the request can be sent as it is: the comment
    passes WordPress's checks, the post it goes to is known (the saved page's
    ``comment_post_ID`` or shortlink, or a ``?p=`` address) and so is the endpoint
    (the article's address). Otherwise ``not_ready`` says why, one reason each.
    """
    body: dict[str, object] = {}
    post = record.target.post_id or post_id_from_url(record.target.url)
    if post is not None:
        body["post"] = post
    body["content"] = record.draft.comment
    body["author_name"] = record.draft.author
    body["author_email"] = record.draft.email
    if record.draft.url:
        body["author_url"] = record.draft.url
    endpoint = rest_endpoint(record.target.url)
    reasons = list(validate(record.draft).errors)
    if post is None:
        reasons.append("post id unknown: the saved page had no comment_post_ID, "
                       "no shortlink and no ?p= address")
    if endpoint is None:
        reasons.append("endpoint unknown: the article has no web address")
    return {
        "article_id": record.article_id,
        "article_url": record.target.url,
        "endpoint": endpoint,
        "method": "POST",
        "ready": not reasons,
        "not_ready": reasons,
        "body": body,
    }


def export_drafts(records: Iterable[DraftRecord], fmt: str = "json", *,
                  ascii_only: bool = False) -> str:
    """The drafts as one JSON document (UTF-8 text, Arabic kept readable; every
    non-ASCII character escaped when *ascii_only*, for an output that cannot hold it)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    convert = draft_as_json if fmt == "json" else draft_as_wp_rest
    items = [convert(r) for r in records]
    # ensure_ascii=False keeps Arabic readable; drafts were sanitized when loaded, json
    # escapes C0 controls and the rest is escaped here: nothing steers a terminal.
    text = json.dumps(items, ensure_ascii=ascii_only, indent=2) + "\n"
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
