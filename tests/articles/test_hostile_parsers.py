"""Hypothesis on every parser: saved page text, HTML, JSON, JSON Lines (streamed too).

Whatever the input, a parser gives articles whose every string is sanitized (no ESC,
C0 but newline, DEL or C1) or an InputError naming the problem; never another error.
The default run is small; ``-m hostile`` runs a long sweep.
"""

from __future__ import annotations

import io
import json
from dataclasses import fields

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.articles.json_articles import parse_json, parse_json_lines, stream_json_lines
from reader.articles.model import Article
from reader.articles.parse import read_bytes
from reader.errors import InputError
from tests.hostile_input import CONTROL_CODES, hostile_text

SMALL = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG = settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    if hasattr(value, "__dataclass_fields__"):
        return [s for f in fields(value) for s in _strings(getattr(value, f.name))]  # type: ignore[arg-type]
    return []


def _check(articles: list[Article]) -> None:
    for article in articles:
        for text in _strings(article):
            assert not (set(text) & CONTROL_CODES - {"\n"}), repr(text)


def _parse_any(data: bytes, name: str) -> None:
    try:
        result = read_bytes(data, name)
    except InputError as exc:
        assert not (set(str(exc)) & CONTROL_CODES)
        return
    _check(result.articles)


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | hostile_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["title", "content", "author", "date", "related", "url", "body",
                         "paragraphs", "source", "comment_form", "breadcrumbs", "x"]),
        inner, max_size=6),
    max_leaves=20,
)


def _page(title: str, body: str, tail: str) -> str:
    return f"{title}\n\nالرئيسية > عربي\n\n{body}\n\nاقرأ أيضا\n{tail}\n"


def _html(title: str, body: str, link: str) -> str:
    return (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{body}</p>"
            f'<a href="{link}">{link}</a><div><p>{body}</div></body></html>')


def page_texts() -> st.SearchStrategy[bytes]:
    return st.builds(_page, hostile_text, hostile_text, hostile_text).map(
        lambda s: s.encode("utf-8", "surrogatepass"))


def html_pages() -> st.SearchStrategy[bytes]:
    return st.builds(_html, hostile_text, hostile_text, hostile_text).map(
        lambda s: s.encode("utf-8", "surrogatepass"))


def json_texts() -> st.SearchStrategy[str]:
    return json_value.map(lambda v: json.dumps(v, ensure_ascii=False))


def _parse_json_text(text: str) -> None:
    for parse in (parse_json, parse_json_lines):
        try:
            result = parse(text, "x.json")
        except InputError:
            continue
        _check(result.articles)


def _stream(data: bytes) -> None:
    try:
        for item in stream_json_lines(io.BytesIO(data), "x.jsonl", max_record_bytes=4096):
            if isinstance(item, Article):
                _check([item])
    except InputError:
        pass


@SMALL
@given(page_texts(), st.sampled_from(["a.txt", "a.md", "<stdin>"]))
def test_saved_page_text(data: bytes, name: str) -> None:
    _parse_any(data, name)


@SMALL
@given(html_pages())
def test_html(data: bytes) -> None:
    _parse_any(data, "a.html")


@SMALL
@given(json_texts())
def test_json(text: str) -> None:
    _parse_json_text(text)
    _parse_any(text.encode("utf-8", "surrogatepass"), "a.json")


@SMALL
@given(st.lists(json_texts(), max_size=6), st.binary(max_size=40))
def test_json_lines_streamed(lines: list[str], junk: bytes) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass") + b"\n" + junk
    _stream(data)
    _parse_any(data, "a.jsonl")


@SMALL
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.html", "a.json", "a.jsonl"]))
def test_any_bytes(data: bytes, name: str) -> None:
    _parse_any(data, name)


@pytest.mark.hostile
@LONG
@given(st.one_of(page_texts(), html_pages(), json_texts().map(str.encode), st.binary()),
       st.sampled_from(["a.txt", "a.html", "a.json", "a.jsonl", "a.md"]))
def test_long_sweep_over_every_parser(data: bytes, name: str) -> None:
    _parse_any(data, name)
    _stream(data)
