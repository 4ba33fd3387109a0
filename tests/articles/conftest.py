"""Checks shared by the article tests (as fixtures: the test folders are not packages)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.articles.model import Article
from reader.text.sanitize import sanitize, sanitize_line


def assert_sanitized(article: Article) -> None:
    """Every field is what the sanitizer would make of it, and paragraphs are one line each."""
    one_line = [article.title, *article.breadcrumbs]
    one_line += [v for v in (article.date, article.author, article.source, article.url) if v]
    for link in article.related:
        one_line += [link.title, *([link.url] if link.url else [])]
    if article.comment_form is not None:
        one_line += [article.comment_form.heading, article.comment_form.note]
        one_line += list(article.comment_form.fields)
    for value in one_line:
        assert value == sanitize_line(value, keep_bidi_controls=True), repr(value)
        assert value == value.strip(), repr(value)
    for paragraph in article.paragraphs:
        assert paragraph, "empty paragraph"
        assert "\n" not in paragraph
        assert paragraph == sanitize(paragraph), repr(paragraph)
        assert paragraph == paragraph.strip()
    assert article.direction in ("rtl", "ltr")
    assert article.title


@pytest.fixture(name="assert_sanitized")
def assert_sanitized_fixture() -> Callable[[Article], None]:
    """:func:`assert_sanitized`, for tests."""
    return assert_sanitized
