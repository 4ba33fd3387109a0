"""Hostile and broken input: escape sequences removed, clear errors naming the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.articles.parse import parse_bytes, parse_path, read_bytes
from reader.errors import InputError

# A clipboard write, a screen clear, a window title and a hyperlink: none may survive.
OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
CLEAR = "\x1b[2J\x1b[H"
TITLE = "\x1b]0;owned\x1b\\"
LINK = "\x1b]8;;http://evil.example\x07"
C1_CSI = "\x9b31m"
ALL = (OSC52, CLEAR, TITLE, LINK, C1_CSI)
PAYLOADS = ("cm0gLXJmIH4", "owned", "evil.example", "\x1b", "\x9b", "\x07")


def _assert_clean(values: list[str]) -> None:
    for value in values:
        for payload in PAYLOADS:
            assert payload not in value, (payload, value)


def _all_strings(article) -> list[str]:
    values = [article.title, *article.paragraphs, *article.breadcrumbs]
    values += [v for v in (article.author, article.url, article.source, article.date) if v]
    for link in article.related:
        values += [link.title, link.url or ""]
    if article.comment_form:
        values += [
            article.comment_form.heading,
            article.comment_form.note,
            *article.comment_form.fields,
        ]
    return values


def test_escapes_removed_from_plain_text() -> None:
    text = f"{TITLE}عنوان{CLEAR}\n\nفقرة {OSC52}أولى{LINK}.\n\n{C1_CSI}فقرة ثانية\n"
    [article] = parse_bytes(text.encode(), "evil.txt")
    assert article.title == "عنوان"
    assert article.paragraphs == ["فقرة أولى.", "فقرة ثانية"]


def test_escapes_removed_from_saved_page_and_its_furniture() -> None:
    text = (
        f"العالم{CLEAR}رئيسي\n\nعنوان{OSC52}\n\nنص {TITLE}المقال\n\nاقرأ أيضا{LINK}\n\n"
        f"مقال {OSC52}مرتبط\n\nاترك تعليقاً{CLEAR}\n"
    )
    [article] = parse_bytes(text.encode(), "evil.txt")
    assert article.format == "page-text"
    assert article.breadcrumbs == ["العالم", "رئيسي"]
    assert (article.title, article.paragraphs) == ("عنوان", ["نص المقال"])
    assert [link.title for link in article.related] == ["مقال مرتبط"]
    assert article.comment_form is not None and article.comment_form.heading == "اترك تعليقاً"
    _assert_clean(_all_strings(article))


def test_escapes_removed_from_json_fields() -> None:
    record = {
        "title": f"عنوان{OSC52}",
        "content": f"فقرة{CLEAR}\n{TITLE}ثانية",
        "url": f"http://x/{LINK}1",
        "author": f"{C1_CSI}كاتب",
        "source": f"okaz{TITLE}",
        "related": [{"title": f"رابط{OSC52}", "url": f"http://y/{CLEAR}"}],
    }
    [article] = parse_bytes(json.dumps(record).encode(), "evil.jsonl")
    assert article.title == "عنوان" and article.paragraphs == ["فقرة", "ثانية"]
    assert article.url == "http://x/1" and article.author == "كاتب" and article.source == "okaz"
    assert article.related[0].title == "رابط" and article.related[0].url == "http://y/"
    _assert_clean(_all_strings(article))


def test_escapes_removed_from_html_title_body_and_links() -> None:
    body = " ".join(["نص المقال الطويل بما يكفي ليعد فقرة حقيقية."] * 6)
    page = f"""<!doctype html><html lang="ar" dir="rtl"><head><title>عنوان{OSC52}</title></head>
<body><article><h1>عنوان{OSC52}</h1><p>{body}{CLEAR}</p><p>{TITLE}{body}</p></article>
<div class="related-posts"><h3>اقرأ أيضا</h3>
<a href="https://example.org/a{LINK}">رابط {OSC52}مرتبط</a></div></body></html>"""
    [article] = parse_bytes(page.encode(), "evil.html")
    assert article.format == "html"
    assert article.title == "عنوان"
    assert article.paragraphs and article.paragraphs[0].startswith("نص المقال")
    assert [link.title for link in article.related] == ["رابط مرتبط"]
    _assert_clean(_all_strings(article))


def test_invalid_utf8_names_file_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("عنوان\n\n".encode() + b"caf\xe9\n")
    with pytest.raises(InputError) as caught:
        parse_path(path)
    # damaged UTF-8 (valid Arabic before the bad byte) is not taken for Windows-1256
    assert str(caught.value).startswith(f"{path}: invalid UTF-8 at byte offset 15 ")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(
        InputError, match=r"image\.txt: binary data \(NUL byte at offset 8\), not text$"
    ):
        parse_path(path)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n", "\ufeff".encode()])
@pytest.mark.parametrize("name", ["empty.txt", "empty.json", "empty.jsonl", "empty.html"])
def test_empty_files(tmp_path: Path, content: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=rf"{name}: empty file \(no article\)$"):
        parse_path(path)


def test_only_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(CLEAR.encode() + b"\x07\x1b[0m\n")
    with pytest.raises(InputError, match=r"controls\.txt: no article text"):
        parse_path(path)


def test_bad_json_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"title": "أ", "content": "ب"}\n{"title": "ج",\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        parse_path(path)
    assert str(caught.value).startswith(f"{path}: line 2: invalid JSON at column ")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file$"):
        parse_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match=r"is a directory, not an article file$"):
        parse_path(tmp_path)


def test_hostile_file_name_is_sanitized_in_errors() -> None:
    with pytest.raises(InputError) as caught:
        parse_bytes(b"", f"bad{OSC52}name.txt")
    message = str(caught.value)
    assert message == "badname.txt: empty file (no article)"


def test_html_page_without_text() -> None:
    with pytest.raises(InputError, match=r"^blank\.html: no article text found in the HTML page$"):
        parse_bytes(b"<html><body><div></div></body></html>", "blank.html")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["a.txt", "a.json", "a.jsonl", "<stdin>"]))
def test_any_text_gives_sanitized_articles_or_input_error(text: str, name: str) -> None:
    """Whatever the text, parsing yields sanitized articles or one InputError, never a crash."""
    try:
        result = read_bytes(text.encode("utf-8", "surrogatepass"), name)
    except InputError as exc:
        assert "\x1b" not in str(exc)
        return
    for article in result.articles:
        for value in _all_strings(article):
            assert "\x1b" not in value and "\x00" not in value
            assert not any(0x80 <= ord(c) < 0xA0 for c in value)
        assert article.title


def test_character_references_to_controls_are_dropped() -> None:
    """&#27; decodes to ESC only after parsing; the page must still parse and carry none."""
    body = " ".join(["نص المقال الطويل بما يكفي ليعد فقرة حقيقية."] * 6)
    page = (
        "<html lang=ar><head><title>عنوان&#27;]0;owned&#7;</title></head><body><article>"
        f"<h1>عنوان</h1><p>{body}&#x1b;[2J&#x9B;31m</p><p>{body}</p></article></body></html>"
    )
    [article] = parse_bytes(page.encode(), "refs.html")
    assert len(article.paragraphs) == 2
    for value in _all_strings(article):
        assert "\x1b" not in value and "\x9b" not in value and "\x07" not in value
