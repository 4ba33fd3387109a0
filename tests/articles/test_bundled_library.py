"""The bundled sample library: every file parses, attribution is kept, it stays small."""

from __future__ import annotations

import json

import pytest

from reader.articles.model import Article
from reader.articles.parse import parse_path
from reader.resources import bundled_article_files, bundled_articles_dir
from tests.conftest import shared_path

MAX_BYTES = 200 * 1024


@pytest.fixture(scope="module")
def bundled() -> dict[str, list[Article]]:
    files = bundled_article_files()
    return {path.name: parse_path(path) for path in files}


def test_every_bundled_file_parses(bundled, assert_sanitized) -> None:
    articles = [a for found in bundled.values() for a in found]
    assert len(articles) == 15
    for article in articles:
        assert article.paragraphs
        assert_sanitized(article)
        assert article.direction == "rtl"
    assert len({a.id for a in articles}) == len(articles)


def test_sources_file_lists_every_article_file(bundled) -> None:
    sources = (bundled_articles_dir() / "SOURCES.md").read_text(encoding="utf-8")
    assert bundled_articles_dir() / "SOURCES.md" not in bundled_article_files()
    for name in bundled:
        assert f"`{name}`" in sources
    assert "CC BY-NC-SA 4.0" in sources


def test_library_is_small() -> None:
    total = sum(p.stat().st_size for p in bundled_articles_dir().iterdir())
    assert total < MAX_BYTES


def test_forms_and_subjects(bundled) -> None:
    formats = {a.format for found in bundled.values() for a in found}
    assert formats == {"page-text", "json", "plain-text"}
    titles = [a.title for found in bundled.values() for a in found]
    # The seed's subject (Iran's nuclear programme) and others.
    assert sum("إيران" in t or "الإيراني" in t or "النووي" in t for t in titles) >= 6
    text = "\n".join(p for found in bundled.values() for a in found for p in a.paragraphs)
    assert any(mark in text for mark in "\u064e\u064f\u0650\u0651")  # harakat
    assert "iPad mini 4" in text


SAUDINEWSNET = "010_saudinewsnet_2015-08-11.jsonl"


def test_saudinewsnet_articles_keep_their_attribution(bundled) -> None:
    assert len(bundled[SAUDINEWSNET]) == 12
    for article in bundled[SAUDINEWSNET]:
        assert article.url and article.url.startswith("http")
        assert article.source
        assert article.date and article.date.startswith("2015-08-11T")


def test_saudinewsnet_lines_are_the_corpus_lines_unchanged() -> None:
    corpus = set(shared_path("corpus", "saudinewsnet-300.jsonl").read_text("utf-8").splitlines())
    for line in (bundled_articles_dir() / SAUDINEWSNET).read_text("utf-8").splitlines():
        assert line in corpus
        keys = {"source", "url", "date_extracted", "title", "author", "content"}
        assert set(json.loads(line)) == keys
