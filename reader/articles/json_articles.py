"""Articles stored as JSON: one object, a list of objects, or JSON Lines.

The object's shape is SaudiNewsNet's: ``title``, ``content`` (paragraphs
separated by newlines), ``url``, ``source``, ``date_extracted``, ``author``.
The Article model's own names are read too (``paragraphs`` as a list,
``date``, ``breadcrumbs``, ``related`` as ``[{"title", "url"}]``,
``comment_form``, ``direction``), and :func:`article_record` writes them, so
an article written out by the reader reads back the same. Unknown keys are
ignored. The date is the first of ``date``, ``date_published``, ``published``,
``date_extracted`` that reads as one, else the day the ``url`` gives, in the
stored form of :mod:`reader.articles.dates`.

A bad line in a JSON Lines file (or a bad item in a list) is reported as a
problem naming its line (item) number; the other lines still parse.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from reader.articles.dates import canonical_date, url_date
from reader.articles.direction import text_direction
from reader.articles.fields import (
    clean_line,
    clean_optional,
    clean_paragraph_list,
    clean_paragraphs,
    fallback_title,
)
from reader.articles.model import Article, CommentForm, RelatedLink
from reader.articles.result import ParseResult
from reader.errors import InputError
from reader.i18n.sentence import Sentence

FORMAT = "json"

_BODY_KEYS = ("content", "body", "text")
_DATE_KEYS = ("date", "date_published", "published", "date_extracted")


#: JSON nested deeper than Python's parser recurses (about a thousand levels; an article
#: needs four) is refused with this, never a RecursionError that stops a whole import.
TOO_DEEP = Sentence("input.json_too_deep")


class _BadItem(Exception):
    """One object that cannot be an article; the caller adds where it was."""

    def __init__(self, problem: Sentence) -> None:
        super().__init__(problem)
        self.problem = problem


def parse_json(text: str, source: str) -> ParseResult:
    """Parse a ``.json`` file: one article object or a list of them.

    Text that is not one JSON value but a line of JSON per object is read as
    JSON Lines, since ``.json`` is often used for both.
    """
    try:
        value = json.loads(text)
    except RecursionError:
        raise InputError(source, TOO_DEEP) from None
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            return parse_json_lines(text, source)
        problem = Sentence("input.json_invalid", line=exc.lineno, column=exc.colno,
                           detail=exc.msg)
        raise InputError(source, problem) from None
    result = ParseResult()
    if isinstance(value, dict):
        try:
            result.articles.append(article_from_object(value, source))
        except _BadItem as exc:
            raise InputError(source, exc.problem) from None
        return result
    if not isinstance(value, list):
        raise InputError(source, Sentence("input.json_not_articles", kind=_kind(value)))
    if not value:
        raise InputError(source, Sentence("input.json_empty_list"))
    for number, item in enumerate(value, start=1):
        try:
            result.articles.append(article_from_object(item, source))
        except _BadItem as exc:
            result.problems.append(InputError(source, Sentence("input.item", item=number,
                                                               problem=exc.problem)))
    return result


def parse_json_lines(text: str, source: str) -> ParseResult:
    """Parse JSON Lines: one article object a line; blank lines are skipped."""
    result = ParseResult()
    seen_any = False
    for number, line in _numbered_lines(text):
        seen_any = True
        try:
            result.articles.append(_article_of_line(line, number, source))
        except InputError as exc:
            result.problems.append(exc)
    if not seen_any:
        raise InputError(source, Sentence("input.blank"))
    return result


#: The longest JSON Lines record (one article) read from a stream: a 50 MB article opens;
#: a longer line is reported as a problem and skipped, never held whole.
MAX_RECORD_BYTES = 64 * 1024 * 1024
_READ_BYTES = 1 << 20


def stream_json_lines(
    handle: BinaryIO, source: str, *, max_record_bytes: int | None = None
) -> Iterator[Article | InputError]:
    """The articles of a JSON Lines stream, record by record, each followed by nothing
    else held: memory is bounded by the longest record, not the file. A bad record
    (invalid UTF-8, invalid JSON, not an article, over ``max_record_bytes``) is yielded
    as an InputError naming its line (default bound: :data:`MAX_RECORD_BYTES`); the
    others still parse. InputError is raised
    when the stream holds no record at all."""
    if max_record_bytes is None:
        max_record_bytes = MAX_RECORD_BYTES
    seen_any = False
    number = 0
    while True:
        line = handle.readline(max_record_bytes + 1)
        if not line:
            break
        number += 1
        if len(line) > max_record_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the record
                line = handle.readline(_READ_BYTES)
            seen_any = True
            yield InputError(source, Sentence("input.line", line=number, problem=Sentence(
                "input.record_too_large", limit=f"{max_record_bytes:,}")))
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        seen_any = True
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield InputError(source, Sentence("input.line", line=number, problem=Sentence(
                "input.invalid_utf8_byte", byte=exc.start + 1)))
            continue
        try:
            yield _article_of_line(text, number, source)
        except InputError as exc:
            yield exc
    if not seen_any:
        raise InputError(source, Sentence("input.empty"))


def _article_of_line(line: str, number: int, source: str) -> Article:
    """The article of JSON Lines record ``number``, or InputError naming the line."""
    try:
        value = json.loads(line)
    except RecursionError:
        raise InputError(source, Sentence("input.line", line=number, problem=TOO_DEEP)) from None
    except json.JSONDecodeError as exc:
        raise InputError(source, Sentence("input.line", line=number, problem=Sentence(
            "input.json_invalid_column", column=exc.colno, detail=exc.msg))) from None
    try:
        return article_from_object(value, source)
    except _BadItem as exc:
        raise InputError(source, Sentence("input.line", line=number, problem=exc.problem)) from None


def _numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield number, line


def article_from_object(value: Any, source: str) -> Article:
    """Map one JSON object to an Article, sanitizing every field."""
    if not isinstance(value, dict):
        raise _BadItem(Sentence("input.json_not_object", kind=_kind(value)))
    paragraphs = _paragraphs(value)
    title = clean_line(_string(value, "title"))
    if not title and not paragraphs:
        raise _BadItem(Sentence("input.json_no_title_or_text"))
    if not title:
        title = fallback_title(paragraphs, source)
    breadcrumbs = value.get("breadcrumbs")
    direction = value.get("direction")
    url = clean_optional(_string(value, "url"))
    if direction not in ("rtl", "ltr"):
        direction = text_direction([title, *paragraphs])
    return Article(
        title=title,
        paragraphs=paragraphs,
        breadcrumbs=[clean_line(c) for c in breadcrumbs if isinstance(c, str) and clean_line(c)]
        if isinstance(breadcrumbs, list)
        else [],
        date=_date(value) or url_date(url),
        author=clean_optional(_string(value, "author")),
        source=clean_optional(_string(value, "source") or _string(value, "sitename")),
        url=url,
        related=_related(value.get("related")),
        comment_form=_comment_form(value.get("comment_form")),
        direction=direction,
        origin=source,
        format=FORMAT,
    )


def _string(value: dict[str, Any], key: str) -> str | None:
    """The field as a string; numbers are accepted, other types are an error."""
    found = value.get(key)
    if found is None or isinstance(found, str):
        return found
    if isinstance(found, int | float) and not isinstance(found, bool):
        return str(found)
    raise _BadItem(Sentence("input.field_not_string", field=key, kind=_kind(found)))


def _paragraphs(value: dict[str, Any]) -> list[str]:
    listed = value.get("paragraphs")
    if listed is not None:
        if not isinstance(listed, list) or not all(isinstance(p, str) for p in listed):
            raise _BadItem(Sentence("input.field_not_strings", field="paragraphs"))
        return clean_paragraph_list(listed)
    for key in _BODY_KEYS:
        body = _string(value, key)
        if body:
            return clean_paragraphs(body)
    return []


def _date(value: dict[str, Any]) -> str | None:
    """The first date field that reads as a date, in the stored form."""
    for key in _DATE_KEYS:
        found = canonical_date(clean_optional(_string(value, key)))
        if found:
            return found
    return None


def _related(value: Any) -> list[RelatedLink]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _BadItem(Sentence("input.field_not_list", field="related"))
    links: list[RelatedLink] = []
    for item in value:
        title: str | None
        if isinstance(item, str):
            title, url = item, None
        elif isinstance(item, dict):
            title, url = _string(item, "title"), _string(item, "url")
        else:
            raise _BadItem(Sentence("input.field_not_link", field="related", kind=_kind(item)))
        title = clean_line(title)
        if title or url:
            links.append(RelatedLink(title=title or clean_line(url), url=clean_optional(url)))
    return links


def _comment_form(value: Any) -> CommentForm | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _BadItem(Sentence("input.field_not_object", field="comment_form",
                                kind=_kind(value)))
    names: dict[str, tuple[str, ...]] = {}
    for key in ("fields", "required"):
        listed = value.get(key)
        if listed is None:
            continue
        if not isinstance(listed, list) or not all(isinstance(n, str) for n in listed):
            raise _BadItem(Sentence("input.field_not_strings", field=f"comment_form.{key}"))
        names[key] = tuple(clean_line(n) for n in listed if clean_line(n))
    post_id = value.get("post_id")
    if post_id is not None and (type(post_id) is not int or not 0 < post_id < 2**63):
        raise _BadItem(Sentence("input.field_not_positive", field="comment_form.post_id"))
    return CommentForm(
        kind=clean_line(_string(value, "kind")) or "wordpress",
        heading=clean_line(_string(value, "heading")),
        note=clean_line(_string(value, "note")),
        action=clean_optional(_string(value, "action")),
        post_id=post_id,
        **names,
    )


def article_record(article: Article) -> dict[str, Any]:
    """The article as a JSON object this module reads back to an equal Article."""
    record: dict[str, Any] = {
        "title": article.title,
        "paragraphs": list(article.paragraphs),
        "breadcrumbs": list(article.breadcrumbs),
        "date": article.date,
        "author": article.author,
        "source": article.source,
        "url": article.url,
        "related": [{"title": link.title, "url": link.url} for link in article.related],
        "direction": article.direction,
    }
    form = article.comment_form
    if form is not None:
        record["comment_form"] = {
            "kind": form.kind,
            "heading": form.heading,
            "note": form.note,
            "fields": list(form.fields),
            "required": list(form.required),
            "action": form.action,
        }
        if form.post_id is not None:
            record["comment_form"]["post_id"] = form.post_id
    return {key: value for key, value in record.items() if value is not None}


def _kind(value: Any) -> str:
    """What *value* is, as a message names it: the catalogue's word for a JSON kind."""
    names = {dict: "object", list: "list", str: "string", bool: "boolean"}
    if value is None:
        return Sentence("input.kind.null")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Sentence("input.kind.number")
    name = names.get(type(value))
    return Sentence(f"input.kind.{name}") if name else type(value).__name__
