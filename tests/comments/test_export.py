"""Export: everything as JSON, or WordPress REST request bodies."""

from __future__ import annotations

import json

import pytest

from reader.articles.model import Article
from reader.comments.export import export_drafts
from reader.comments.form import CommentDraft
from reader.comments.store import DraftStore, DraftTarget
from reader.comments.wordpress import post_id_from_url, rest_endpoint


@pytest.fixture
def store(connection):
    store = DraftStore(connection)
    store.save(DraftTarget("a1", "خبر", "https://news.example/?p=123"),
               CommentDraft("تعليق «جميل» على iPad mini 4", "سارة", "sara@example.com",
                            "https://sara.example"), base_revision=0)
    store.save(DraftTarget("a2", "آخر", "https://news.example/2015/08/x/"),
               CommentDraft("ناقص", "", "bad"), base_revision=0)
    return store


def test_wp_rest_bodies_have_exactly_the_rest_fields(store):
    items = {i["article_id"]: i for i in json.loads(export_drafts(store.list(), "wp-rest"))}
    first = items["a1"]
    assert first["endpoint"] == "https://news.example/wp-json/wp/v2/comments"
    assert first["method"] == "POST"
    assert first["article_url"] == "https://news.example/?p=123"
    assert first["ready"] is True
    assert first["body"] == {
        "post": 123,
        "content": "تعليق «جميل» على iPad mini 4",
        "author_name": "سارة",
        "author_email": "sara@example.com",
        "author_url": "https://sara.example",
    }
    second = items["a2"]
    assert "post" not in second["body"]  # unknown: the sender must look it up
    assert "author_url" not in second["body"]
    assert second["ready"] is False


def test_json_export_keeps_everything_readable(store):
    text = export_drafts(store.list(), "json")
    assert "تعليق «جميل»" in text  # not \\u escapes
    items = {i["article_id"]: i for i in json.loads(text)}
    assert items["a2"]["problems"] == ["error.author.required", "error.email.invalid"]
    assert items["a1"]["bytes"]["comment"] == len("تعليق «جميل» على iPad mini 4".encode())
    assert items["a1"]["post"] == 123


def test_unknown_format_is_refused(store):
    with pytest.raises(ValueError, match="unknown format"):
        export_drafts(store.list(), "xml")


def test_helpers():
    assert post_id_from_url("https://x.example/?p=77&a=b") == 77
    assert post_id_from_url("https://x.example/news/77") is None
    assert post_id_from_url(None) is None
    assert rest_endpoint("ftp://x.example/") is None
    assert rest_endpoint("http://x.example:8080/a/b?c") == "http://x.example:8080/wp-json/wp/v2/comments"


def test_target_for_an_article():
    article = Article(title="خبر", paragraphs=["نص"], url="https://x.example/?p=31")
    target = DraftTarget.for_article(article)
    assert target == DraftTarget(article.id, "خبر", "https://x.example/?p=31", 31)
