"""JSON and JSON Lines articles in SaudiNewsNet's shape."""

from __future__ import annotations

import json

import pytest

from reader.articles.parse import parse_bytes, parse_path, read_bytes
from reader.errors import InputError
from tests.conftest import shared_path

CORPUS = ("corpus", "saudinewsnet-300.jsonl")


@pytest.fixture(scope="module")
def corpus_rows() -> list[dict]:
    path = shared_path(*CORPUS)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_whole_corpus_parses_with_fields_mapped(corpus_rows, assert_sanitized) -> None:
    articles = parse_path(shared_path(*CORPUS))
    assert len(articles) == len(corpus_rows) == 300
    for row, article in zip(corpus_rows, articles, strict=True):
        assert_sanitized(article)
        assert article.format == "json"
        # Spacing is tidied at the ends and where it runs (\xa0 padding); the words are the row's.
        assert article.title.split() == row["title"].split()
        assert article.url == row["url"]
        assert article.source == row["source"]
        assert article.date == row["date_extracted"].replace(" ", "T")
        if row["author"].strip():
            assert article.author.split() == row["author"].split()
        else:
            assert article.author is None
        expected = [line.strip() for line in row["content"].split("\n") if line.strip()]
        assert article.paragraphs == expected
        assert article.direction == "rtl"
    # Titles repeat across sources, bodies do not: content ids are distinct.
    assert len({a.id for a in articles}) == 300


def test_corpus_bidi_marks_are_kept_for_the_layout(corpus_rows) -> None:
    """Three corpus rows carry LRM/RLM: fields keep them (the bidi algorithm needs them)."""
    articles = parse_path(shared_path(*CORPUS))
    marked = [a for a in articles if any("\u200e" in p or "\u200f" in p for p in a.paragraphs)]
    assert len(marked) == 3


def _jsonl(*rows: object) -> bytes:
    return "\n".join(
        r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows
    ).encode()


GOOD = {"title": "عنوان", "content": "فقرة أولى\nفقرة ثانية", "url": "http://x/1", "source": "okaz"}


def test_bad_line_is_reported_with_its_number_and_others_still_parse() -> None:
    data = _jsonl(GOOD, '{"title": "broken', "", GOOD | {"title": "آخر"}, "[1, 2]")
    result = read_bytes(data, "news.jsonl")
    assert [a.title for a in result.articles] == ["عنوان", "آخر"]
    messages = [str(p) for p in result.problems]
    assert messages[0].startswith("news.jsonl: line 2: invalid JSON")
    assert messages[1] == "news.jsonl: line 5: expected a JSON object, found a list"
    with pytest.raises(
        InputError, match=r"^news\.jsonl: line 2: invalid JSON .*\(and 1 more problem\)$"
    ):
        parse_bytes(data, "news.jsonl")


def test_object_without_title_or_text_is_a_problem() -> None:
    result = read_bytes(_jsonl(GOOD, {"url": "http://x/2"}), "a.jsonl")
    assert len(result.articles) == 1
    assert str(result.problems[0]) == "a.jsonl: line 2: no title and no text"


def test_wrong_field_type_is_a_problem() -> None:
    result = read_bytes(_jsonl({"title": ["not", "text"], "content": "x"}), "a.jsonl")
    assert (
        str(result.problems[0]) == 'a.jsonl: line 1: field "title" should be a string, found a list'
    )


def test_json_file_with_one_object_or_a_list() -> None:
    one = parse_bytes(json.dumps(GOOD).encode(), "one.json")
    assert [a.paragraphs for a in one] == [["فقرة أولى", "فقرة ثانية"]]
    many = parse_bytes(json.dumps([GOOD, GOOD | {"title": "ب"}]).encode(), "many.json")
    assert [a.title for a in many] == ["عنوان", "ب"]
    with pytest.raises(
        InputError, match=r"^many\.json: item 2: expected a JSON object, found a number$"
    ):
        parse_bytes(json.dumps([GOOD, 3]).encode(), "many.json")


def test_json_file_holding_json_lines_is_read_as_lines() -> None:
    articles = parse_bytes(_jsonl(GOOD, GOOD | {"title": "ب"}), "mislabelled.json")
    assert [a.title for a in articles] == ["عنوان", "ب"]


def test_invalid_json_file_names_the_place() -> None:
    with pytest.raises(InputError, match=r"^x\.json: invalid JSON at line 1 column \d+: "):
        parse_bytes(b'{"title": ', "x.json")
    with pytest.raises(
        InputError, match=r"^x\.json: expected a JSON object or list of objects, found a string$"
    ):
        parse_bytes(b'"just a string"', "x.json")


def test_json_is_sniffed_without_an_extension() -> None:
    [article] = parse_bytes(json.dumps(GOOD).encode(), "<stdin>")
    assert article.format == "json"
    assert article.url == "http://x/1"


def test_model_field_names_round_trip() -> None:
    record = {
        "title": "عنوان",
        "paragraphs": ["أ", "ب"],
        "breadcrumbs": ["العالم"],
        "date": "2021-09-24",
        "related": [{"title": "مقال آخر", "url": "https://example.org/a"}, "بلا رابط"],
    }
    [article] = parse_bytes(json.dumps(record).encode(), "a.json")
    assert article.paragraphs == ["أ", "ب"]
    assert article.breadcrumbs == ["العالم"]
    assert article.date == "2021-09-24"
    assert [(r.title, r.url) for r in article.related] == [
        ("مقال آخر", "https://example.org/a"),
        ("بلا رابط", None),
    ]


def test_missing_title_is_made_from_the_text() -> None:
    [article] = parse_bytes(json.dumps({"content": "كلمة " * 30}).encode(), "a.json")
    assert article.title == " ".join(["كلمة"] * 10) + " …"


def test_article_record_round_trips_every_bundled_and_fixture_article() -> None:
    from reader.articles.json_articles import article_record
    from reader.resources import bundled_article_files
    from tests.conftest import FIXTURES

    paths = bundled_article_files()
    paths.append(FIXTURES / "articles" / "elbaladtv_wordpress_excerpt.html")
    checked = 0
    for path in paths:
        for article in parse_path(path):
            data = json.dumps(article_record(article), ensure_ascii=False).encode()
            [back] = parse_bytes(data, "record.json")
            for field in ("title", "paragraphs", "breadcrumbs", "date", "author", "source", "url"):
                assert getattr(back, field) == getattr(article, field), field
            assert back.related == article.related
            assert back.comment_form == article.comment_form
            assert back.direction == article.direction
            assert back.id == article.id
            checked += 1
    assert checked == 16


def test_bad_comment_form_field_is_a_problem() -> None:
    result = read_bytes(_jsonl({"title": "أ", "comment_form": {"fields": "comment"}}), "a.jsonl")
    assert str(result.problems[0]) == (
        'a.jsonl: line 1: field "comment_form.fields" should be a list of strings'
    )
