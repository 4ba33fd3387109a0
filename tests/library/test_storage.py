"""Articles made ready to store: cleaned once, hashed once."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reader.articles.json_articles import parse_json_lines
from reader.articles.model import Article, RelatedLink, content_digest
from reader.library import storage
from reader.library.storage import Prepared, clean_article


def _parsed(corpus_jsonl: Path, count: int = 40) -> list[Article]:
    lines = corpus_jsonl.read_text("utf-8").splitlines()[:count]
    return parse_json_lines("\n".join(lines), str(corpus_jsonl)).articles


def test_a_parsed_article_is_stored_as_the_parser_made_it_and_hashed_once(
    corpus_jsonl: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parsers clean every field: the library checks, copies nothing, and keeps the
    digest the article's id was cut from."""
    articles = _parsed(corpus_jsonl)
    digests = [content_digest(a.title, a.paragraphs) for a in articles]

    def hashed_again(title: str, paragraphs: object) -> str:
        raise AssertionError("the content was hashed again")

    monkeypatch.setattr(storage, "content_digest", hashed_again)
    for article, digest in zip(articles, digests, strict=True):
        assert clean_article(article) is article
        prepared = Prepared(article)
        assert prepared.article is article
        assert prepared.digest == digest and article.id == digest[:16]


_UNCLEAN = [
    {"paragraphs": ["فقرة \x1b[2Jأولى", "ثانية"]},
    {"paragraphs": ["سطر\nوسطر"]},
    {"paragraphs": ["\x00"]},
    {"title": "عنوان\x1b]0;pwned\x07"},
    {"title": "عنوان\nفي سطرين"},
    {"breadcrumbs": ["أخبار", "محليات\x9b31m"]},
    {"author": "كاتب\x07"},
    {"source": "موقع\r"},
    {"url": "https://example.com/\x1b[1m"},
    {"origin": "/tmp/\x1b[31mfile.json"},
    {"date": "2015-08-11 18:45"},
    {"date": "yesterday"},
    {"related": [RelatedLink("رابط\x1b[5m", "https://example.com/a")]},
    {"related": [RelatedLink("رابط", "https://example.com/\x07")]},
    {"direction": "sideways"},
]


@pytest.mark.parametrize("change", _UNCLEAN, ids=lambda change: repr(change)[:40])
def test_an_article_built_by_hand_is_cleaned_and_hashed_as_cleaned(
    corpus_jsonl: Path, change: dict[str, object]
) -> None:
    article = dataclasses.replace(_parsed(corpus_jsonl, 1)[0], **change)
    article.digest = content_digest(article.title, article.paragraphs)  # as if made so
    cleaned = clean_article(article)
    assert cleaned is not article
    assert clean_article(cleaned) is cleaned  # clean now: nothing left to do
    for name in change:
        assert getattr(cleaned, name) != getattr(article, name)
    assert Prepared(article).digest == content_digest(cleaned.title, cleaned.paragraphs)
    assert cleaned.id == article.id
