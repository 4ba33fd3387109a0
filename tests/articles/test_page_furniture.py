"""Furniture phrases, breadcrumbs and the saved-page parser's handling of them."""

from __future__ import annotations

import json

import pytest

from reader.articles.breadcrumbs import split_breadcrumbs
from reader.articles.furniture import FURNITURE_FILE, Kind, furniture, load_furniture, match_key
from reader.articles.parse import parse_bytes
from reader.resources import assets_dir


def test_data_file_holds_the_phrases_not_the_code() -> None:
    data = json.loads((assets_dir() / FURNITURE_FILE).read_text(encoding="utf-8"))
    for phrase in (
        "مقالات ذات صلة",
        "اقرأ أيضا",
        "إقرأ أيضاً",
        "اترك تعليقاً",
        "زر الذهاب إلى الأعلى",
    ):
        assert any(phrase in values for values in data.values() if isinstance(values, list))
    assert load_furniture(assets_dir() / FURNITURE_FILE) == furniture()


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("مقالات ذات صلة", Kind.RELATED),
        ("إقرأ أيضاً:", Kind.RELATED),
        ("اقرأ ايضا", Kind.RELATED),  # no hamza, no tanween
        ("  اقـــرأ أيضًا  ", Kind.RELATED),  # tatweel, the other tanween spelling
        ("Related Posts", Kind.RELATED),
        ("اترك تعليقاً", Kind.COMMENT),
        ("Leave a Reply", Kind.COMMENT),
        ("لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", Kind.COMMENT_NOTE),
        (
            "Your email address will not be published. Required fields are marked *",
            Kind.COMMENT_NOTE,
        ),
        ("التعليقات", Kind.COMMENTS),
        ("زر الذهاب إلى الأعلى", Kind.BACK_TO_TOP),
        ("شارك", Kind.SHARE),
        ("الوسوم", Kind.TAGS),
        ("جميع الحقوق محفوظة © 2021", Kind.DISCLAIMER),
        ("وقال إن عليكم أن تقرأوا أيضا تقرير اللجنة.", None),
        ("شاركت الوزارة في المؤتمر", None),
        ("", None),
    ],
)
def test_line_kinds(line: str, kind: Kind | None) -> None:
    assert furniture().kind(line) is kind


def test_match_key_folds_spellings() -> None:
    assert match_key("إقرأ أيضاً") == match_key("اقرا ايضا") == "اقرا ايضا"
    assert match_key("Leave a REPLY:") == "leave a reply"


@pytest.mark.parametrize(
    ("line", "crumbs"),
    [
        ("العالمرئيسي", ["العالم", "رئيسي"]),
        ("الرئيسيةأخبارسياسة", ["الرئيسية", "أخبار", "سياسة"]),
        ("العالم رئيسي", ["العالم", "رئيسي"]),
        ("الشرق الأوسطاقتصاد", ["الشرق الأوسط", "اقتصاد"]),
        ("الرئيسية » أخبار محلية » جدة", ["الرئيسية", "أخبار محلية", "جدة"]),
        ("Home > World > Middle East", ["Home", "World", "Middle East"]),
        # Not covered by known section names, no separators: a title, not breadcrumbs.
        ("أكسيوس: اجتماع سري بين الولايات المتحدة و إسرائيل بشأن إيران", None),
        ("مرحبابكم", None),
        ("العالمكله", None),
    ],
)
def test_breadcrumbs(line: str, crumbs: list[str] | None) -> None:
    assert split_breadcrumbs(line, furniture()) == crumbs


def _page(*lines: str) -> bytes:
    return "\n\n".join(lines).encode()


LONG = "هذه فقرة طويلة من نص المقال " * 6


def test_related_block_in_the_middle_of_the_body() -> None:
    """Short lines after "اقرأ أيضا" are link titles; a long line resumes the body."""
    data = _page(
        "الرئيسيةأخبار", "العنوان", LONG + "1", "اقرأ أيضا", "عنوان مقال مرتبط", "وآخر", LONG + "2"
    )
    [article] = parse_bytes(data, "page.txt")
    assert article.paragraphs == [(LONG + "1").strip(), (LONG + "2").strip()]
    assert [link.title for link in article.related] == ["عنوان مقال مرتبط", "وآخر"]
    assert article.related[0].url is None


def test_tags_comments_share_and_back_to_top_are_dropped() -> None:
    data = _page(
        "العنوان",
        LONG,
        "شارك",
        "الوسوم",
        "إيران",
        "التعليقات",
        "تعليق قارئ قصير",
        "Back to top",
    )
    [article] = parse_bytes(data, "page.txt")
    assert article.format == "page-text"
    assert article.paragraphs == [LONG.strip()]
    assert article.related == [] and article.comment_form is None


def test_comment_form_labels_are_not_body() -> None:
    data = _page("العنوان", LONG, "أضف تعليق", "الاسم *", "البريد الإلكتروني *", "إرسال التعليق")
    [article] = parse_bytes(data, "page.txt")
    assert article.paragraphs == [LONG.strip()]
    assert article.comment_form is not None
    assert (article.comment_form.heading, article.comment_form.note) == ("أضف تعليق", "")


def test_page_of_furniture_only_is_an_error() -> None:
    from reader.errors import InputError

    with pytest.raises(InputError, match=r"^p\.txt: no title or text"):
        parse_bytes(_page("اترك تعليقاً", "زر الذهاب إلى الأعلى"), "p.txt")


def test_inline_read_also_lines_are_links_not_body() -> None:
    data = _page("العنوان", LONG + "1", "اقرأ أيضا: الجبير يلتقي نظيره الروسي", LONG + "2")
    [article] = parse_bytes(data, "page.txt")
    assert article.paragraphs == [(LONG + "1").strip(), (LONG + "2").strip()]
    assert [link.title for link in article.related] == ["الجبير يلتقي نظيره الروسي"]
    assert furniture().inline_related("إقرأ أيضاً | عنوان") == "عنوان"
    assert furniture().inline_related("قال: اقرأ أيضا") is None


def test_inline_read_also_in_html() -> None:
    body = "نص عربي طويل بما يكفي ليعد فقرة حقيقية. " * 8
    page = (
        '<!DOCTYPE html><html lang="ar"><head><title>العنوان</title></head><body><article>'
        f"<h1>العنوان</h1><p>{body}</p>"
        '<p><strong>اقرأ أيضا:</strong> <a href="https://example.org/a">عنوان مرتبط</a></p>'
        f"<p>{body}</p></article></body></html>"
    )
    [article] = parse_bytes(page.encode(), "inline.html")
    assert [(r.title, r.url) for r in article.related] == [("عنوان مرتبط", "https://example.org/a")]
    assert not any("اقرأ أيضا" in p for p in article.paragraphs)
    assert len(article.paragraphs) == 2
