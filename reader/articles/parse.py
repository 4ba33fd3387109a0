"""Read article files: the one entry point for every stored form.

``parse_path(path)`` / ``parse_bytes(data, name)`` return the articles of a
file or raise :class:`reader.errors.InputError` naming the file and the
problem. ``read_path`` / ``read_bytes`` return a :class:`ParseResult` instead,
so that a JSON Lines file with a bad line still yields its good ones (the
problems name the line numbers).

Which parser reads a file:

- ``.html``, ``.htm``, ``.xhtml``: saved HTML page (:mod:`html_page`);
- ``.jsonl``, ``.ndjson``: JSON Lines; ``.json``: one object, a list, or
  JSON Lines (:mod:`json_articles`);
- anything else (``.txt``, no extension, stdin) is sniffed: an HTML document
  (``<!doctype html``, ``<html``...) is HTML, text that parses as JSON
  objects is JSON, and the rest is text;
- text is a saved page (:mod:`page_text`) when one of its lines is page
  furniture (a related-articles heading or an inline "اقرأ أيضا: ..." line,
  the comment form's heading or note, back-to-top, share, tags, comments, a
  disclaimer) or its first line is breadcrumbs;
  otherwise it is a title, a blank line and paragraphs (:mod:`plain_text`).

All input is decoded by :func:`reader.text.decode.decode_text` (UTF-8 only;
binary and invalid UTF-8 are refused) and every field is sanitized.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from reader.articles.fields import clean_paragraphs
from reader.articles.json_articles import parse_json, parse_json_lines
from reader.articles.model import Article
from reader.articles.page_text import looks_like_saved_page, parse_page_text
from reader.articles.plain_text import parse_plain_text
from reader.articles.result import ParseResult
from reader.errors import InputError
from reader.i18n.sentence import Sentence
from reader.text.decode import decode_text, describe_source

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
#: File name endings a directory scan reads as articles (Markdown is read as plain text).
ARTICLE_SUFFIXES = HTML_SUFFIXES | JSON_SUFFIXES | JSON_LINES_SUFFIXES | TEXT_SUFFIXES

_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE)


def parse_path(path: Path) -> list[Article]:
    """The articles in the file at *path*; InputError if any part cannot be read."""
    return read_path(path).articles_or_raise()


def parse_bytes(data: bytes, name: str) -> list[Article]:
    """The articles in *data*, a file's bytes; *name* (a file name or "<stdin>") picks the form
    by its extension and names the input in errors."""
    return read_bytes(data, name).articles_or_raise()


def read_path(path: Path) -> ParseResult:
    """Like :func:`parse_path`, but a bad line of a JSON Lines file is a problem, not an error."""
    path = Path(path)
    name = str(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(describe_source(name), Sentence("input.directory")) from None
    except FileNotFoundError:
        raise InputError(describe_source(name), Sentence("cli.input.missing")) from None
    except OSError as exc:
        raise InputError(describe_source(name), cannot_read(exc)) from None
    return read_bytes(data, name)


def read_bytes(data: bytes, name: str) -> ParseResult:
    """Like :func:`parse_bytes`, returning the articles read and the problems met."""
    source = describe_source(name)
    text = decode_text(data, name)
    if not text.strip():
        raise InputError(source, Sentence("input.empty"))
    lines = None if _sniff_markup(text, name) else _text_lines(text)
    form = detect_form(text, name, lines)
    if form == "html":
        from reader.articles.html_page import parse_html  # trafilatura loads slowly

        return ParseResult(articles=[parse_html(text, source)])
    if form == "json":
        return parse_json(text, source)
    if form == "jsonl":
        return parse_json_lines(text, source)
    if not lines:
        raise InputError(source, Sentence("input.only_controls"))
    if form == "page-text":
        return ParseResult(articles=[parse_page_text(lines, source)])
    return ParseResult(articles=[parse_plain_text(lines, source)])


def cannot_read(error: OSError) -> Sentence:
    """"cannot read (REASON)": the system's reason a file could not be read."""
    return Sentence("input.cannot_read", reason=error.strerror or str(error))


def detect_form(text: str, name: str, lines: list[str] | None = None) -> str:
    """The form of decoded *text*: "html", "json", "jsonl", "page-text" or "plain-text".

    *lines* are the text's sanitized non-blank lines when the caller has them.
    """
    markup = _sniff_markup(text, name)
    if markup:
        return markup
    if lines is None:
        lines = _text_lines(text)
    return "page-text" if looks_like_saved_page(lines) else "plain-text"


def _sniff_markup(text: str, name: str) -> str | None:
    """ "html", "json" or "jsonl" from the name's extension or the content; None for text."""
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_LINES_SUFFIXES:
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "json"
    start = text.lstrip()[:1024]
    if start.startswith("<") and _HTML_START.search(start):
        return "html"
    if start[:1] in "{[" and _is_json(text):
        return "json"
    return None


def is_article_file(path: Path) -> bool:
    """Whether a directory scan should read *path* as an article file."""
    return path.suffix.lower() in ARTICLE_SUFFIXES and not path.name.startswith(".")


def _is_json(text: str) -> bool:
    """Whether *text* is one JSON value, or JSON Lines whose first line is an object."""
    try:
        json.loads(text)
        return True
    except RecursionError:  # JSON, nested too deeply: parse_json says so
        return True
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            return False
    first = text.lstrip().split("\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def _text_lines(text: str) -> list[str]:
    """Sanitized, trimmed, non-blank lines."""
    return clean_paragraphs(text)
