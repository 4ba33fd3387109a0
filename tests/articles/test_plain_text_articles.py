"""Plain text: title, blank line, paragraphs; told apart from saved pages by content."""

from __future__ import annotations

import pytest

from reader.articles.parse import detect_form, parse_bytes, parse_path
from reader.articles.plain_text import TITLE_MAX_CHARS
from tests.conftest import shared_path

# name -> (title, paragraphs, direction), read from the files by eye.
EXPECTED = {
    "mixed_01_alriyadh.txt": ("فوضوية سياحنا في الخارج.. ظاهرة أم تصرفات فردية", 2, "rtl"),
    "mixed_02_alweeam.txt": ("تسريب تصميم لجهاز iPad mini 4 بسماكة تبلغ 6.1 ميليمتر", 5, "rtl"),
    "mixed_03_aawsat.txt": ("تقنيات حديثة للواقع الافتراضي والعروض فائقة الدقة", 15, "rtl"),
    "news_harakat_01_alyaum.txt": ("أفلا يتفكرون", 3, "rtl"),
    "news_harakat_02_aljazirah.txt": ("من أجل قطع دابرهم.. لنجمّل مياديننا بصلبهم", 12, "rtl"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_news_text_corpus(name: str, assert_sanitized) -> None:
    path = shared_path("corpus", "text", name)
    [article] = parse_path(path)
    title, count, direction = EXPECTED[name]
    assert article.format == "plain-text"
    assert article.title == title
    assert len(article.paragraphs) == count
    assert article.direction == direction
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert article.paragraphs == lines[1:]
    assert article.breadcrumbs == [] and article.comment_form is None
    assert_sanitized(article)


def test_mixed_article_with_leaked_css_stays_rtl() -> None:
    """mixed_01 has more Latin letters (leaked CSS) than Arabic; its paragraphs open in Arabic."""
    [article] = parse_path(shared_path("corpus", "text", "mixed_01_alriyadh.txt"))
    assert "#vote_area2" in article.paragraphs[-1]
    assert article.direction == "rtl"


@pytest.mark.parametrize(
    ("name", "paragraphs"),
    [("tashkeela_val_01_lines1-40.txt", 40), ("tashkeela_fadel2019_test.txt", 2500)],
)
def test_vocalised_texts_without_title_line(name: str, paragraphs: int) -> None:
    """These open with a paragraph, not a title: every line is kept and the title is made up."""
    path = shared_path("corpus", "text", name)
    [article] = parse_path(path)
    first = path.read_text(encoding="utf-8").split("\n", 1)[0].strip()
    assert len(first) > TITLE_MAX_CHARS
    assert len(article.paragraphs) == paragraphs
    assert article.paragraphs[0] == first
    assert article.title.endswith(" …")
    assert first.startswith(article.title.removesuffix(" …"))


def test_title_blank_paragraphs_form() -> None:
    data = "عنوان المقال\n\nالفقرة الأولى.\n\nالفقرة الثانية.\r\n".encode()
    [article] = parse_bytes(data, "a.txt")
    assert (article.title, article.paragraphs) == (
        "عنوان المقال",
        ["الفقرة الأولى.", "الفقرة الثانية."],
    )
    assert article.format == "plain-text"


def test_the_rule_that_tells_saved_pages_from_plain_text() -> None:
    plain = "عنوان\n\nنص المقال هنا.\n"
    assert detect_form(plain, "a.txt") == "plain-text"
    # A furniture line anywhere makes it a saved page...
    assert detect_form(plain + "\nاقرأ أيضا\n", "a.txt") == "page-text"
    assert detect_form(plain + "\nBack to top\n", "a.txt") == "page-text"
    # ...and so do breadcrumbs on the first line.
    assert detect_form("الرئيسية » سياسة\n\n" + plain, "a.txt") == "page-text"
    assert detect_form("أخبارمحليات\n\n" + plain, "a.txt") == "page-text"
    # A phrase inside a sentence is text, not furniture.
    assert detect_form(plain + "\nقال إن عليك أن تقرأ أيضا هذا الكتاب.\n", "a.txt") == "plain-text"


def test_english_article_is_ltr() -> None:
    [article] = parse_bytes(
        b"A title\n\nSome English text, with one word \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a.\n", "en.txt"
    )
    assert article.direction == "ltr"
