"""Export: everything as JSON, or WordPress REST request bodies."""

from __future__ import annotations

import json

import pytest

from reader.articles.model import Article
from reader.articles.wordpress import post_id_from_url, rest_endpoint
from reader.comments.export import export_drafts
from reader.comments.form import CommentDraft
from reader.comments.store import DraftStore, DraftTarget


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
    assert first["not_ready"] == []
    second = items["a2"]
    assert "post" not in second["body"]  # unknown: the sender must look it up
    assert "author_url" not in second["body"]
    assert second["ready"] is False
    assert second["not_ready"][:2] == ["error.author.required", "error.email.invalid"]
    assert second["not_ready"][2].startswith("post id unknown")


def test_a_valid_draft_without_a_post_id_or_address_is_not_ready(connection):
    """The seed's case: a page saved as text keeps no post id, so no request can be sent."""
    store = DraftStore(connection)
    valid = CommentDraft("تعليق", "سارة", "sara@example.com")
    store.save(DraftTarget("b1", "بلا رقم", "https://news.example/2021/x/"), valid,
               base_revision=0)
    store.save(DraftTarget("b2", "بلا عنوان", None, 5), valid, base_revision=0)
    store.save(DraftTarget("b3", "كامل", "https://news.example/x/", 5), valid, base_revision=0)
    items = {i["article_id"]: i for i in json.loads(export_drafts(store.list(), "wp-rest"))}
    assert items["b1"]["ready"] is False and items["b1"]["not_ready"][0].startswith("post id")
    assert items["b2"]["ready"] is False
    assert items["b2"]["not_ready"] == ["endpoint unknown: the article has no web address"]
    assert items["b3"]["ready"] is True and items["b3"]["body"]["post"] == 5


def test_the_post_id_comes_from_the_saved_pages_comment_form(shared_dir):
    """WordPress prints the post id in the form (comment_post_ID) and the shortlink."""
    from reader.articles.parse import parse_path

    page = shared_dir / "corpus" / "html" / "wp_elbaladtv.net_1806793639.html"
    if not page.exists():
        pytest.skip(f"{page} is absent")
    article = parse_path(page)[0]
    assert article.comment_form is not None and article.comment_form.post_id == 317359
    assert DraftTarget.for_article(article).post_id == 317359


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
