"""Saved HTML pages: trafilatura's body and metadata, the reader's related links and form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.articles.model import Article
from reader.articles.parse import parse_bytes, parse_path
from tests.conftest import FIXTURES, shared_path

HTML = ("corpus", "html")
ELBALAD_EXCERPT = FIXTURES / "articles" / "elbaladtv_wordpress_excerpt.html"

ELBALAD_RELATED = [
    (
        "المدير الفني لفريق الفيوم: هدفنا المربع الذهبي هذا الموسم.. فيديو",
        "https://elbaladtv.net/%d8%a7%d9%84%d9%85%d8%af%d9%8a%d8%b1-%d8%a7%d9%84%d9%81%d9%86%d9%8a"
        "-%d9%84%d9%81%d8%b1%d9%8a%d9%82-%d8%a7%d9%84%d9%81%d9%8a%d9%88%d9%85-%d9%87%d8%af%d9%81"
        "%d9%86%d8%a7-%d8%a7%d9%84%d9%85%d8%b1%d8%a8/",
    ),
    ("مصر تكسر حاجز ألف إصابة بكورونا منذ 169 يوما.. زيادة كبيرة", "https://elbaladtv.net/"),
]


def _shared_page(name: str) -> Path:
    return shared_path(*HTML, name)


@pytest.fixture(scope="module", params=["shared page", "fixture excerpt"])
def elbalad(request: pytest.FixtureRequest) -> Article:
    """The WordPress page: the whole saved page, and the excerpt a fresh clone carries."""
    if request.param == "shared page":
        path = _shared_page("wp_elbaladtv.net_1806793639.html")
    else:
        path = ELBALAD_EXCERPT
    [article] = parse_path(path)
    return article


def test_elbalad_metadata_and_body(elbalad: Article, assert_sanitized) -> None:
    assert elbalad.format == "html"
    # trafilatura's title ends in " - قناة صدى البلد" (the site's name): it is dropped.
    assert elbalad.title == "تركى آل الشيخ بعد إصابة يسرا بكورونا: يارب يرفع عنك"
    # <meta article:published_time> "2020-12-24T23:59:50+00:00", in the stored form
    assert elbalad.date == "2020-12-24T23:59:50"
    assert elbalad.author == "ضحى عرفة"  # the theme writes "كتب ضحى عرفة"
    assert elbalad.source == "elbaladtv.net"
    assert elbalad.url and elbalad.url.startswith("https://elbaladtv.net/%d8%aa%d8%b1%d9%83")
    assert elbalad.direction == "rtl"
    assert elbalad.breadcrumbs == ["الرئيسية", "featured"]  # the theme's .jeg_breadcrumbs
    assert len(elbalad.paragraphs) == 4
    assert elbalad.paragraphs[0].startswith("انتشر خبر خلال الساعات الأخيرة")
    assert elbalad.paragraphs[-1].startswith("يذكر أن أخر أعمال الفنانة يسرا")
    assert_sanitized(elbalad)


def test_elbalad_related_links(elbalad: Article) -> None:
    assert len(elbalad.related) == 2
    first, second = elbalad.related
    assert (first.title, first.url) == ELBALAD_RELATED[0]
    assert second.title == ELBALAD_RELATED[1][0]
    assert second.url and second.url.startswith(ELBALAD_RELATED[1][1])
    body = "\n".join(elbalad.paragraphs)
    for link in elbalad.related:
        assert link.title not in body
    assert "إقرأ أيضاً" not in body


def test_elbalad_wordpress_comment_form(elbalad: Article) -> None:
    form = elbalad.comment_form
    assert form is not None
    assert form.kind == "wordpress"
    assert form.heading == "اترك تعليقاً"  # without the hidden "إلغاء الرد" link
    assert form.note == "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *"
    assert form.fields == ("comment", "author", "email", "url")
    assert form.required == ("comment", "author", "email")
    assert form.action == "https://elbaladtv.net/wp-comments-post.php"


def test_lbci_body_matches_reference() -> None:
    expected = json.loads(_shared_page("lbcgroup.tv_2026_01_08.expected.json").read_text())["V1"]
    [article] = parse_path(_shared_page("lbcgroup.tv_2026_01_08.html"))
    assert article.paragraphs == expected["body"]["sections"][0]["paragraphs"]
    assert article.title == expected["title"]
    assert article.date == "2026-01-08T11:42:50"  # declared "2026-01-08T11:42:50Z"
    assert expected["publishing_date"] == "2026-01-08 11:42:50+00:00"
    assert article.direction == "rtl"
    # Its "مقالات ذات صلة" block: post headlines, not the section links of each card.
    assert len(article.related) == 4
    assert article.related[0].title.startswith('"فكّه يبدو متناسقًا من جديد"')
    assert all(
        link.url and link.url.startswith("https://www.lbcgroup.tv/") for link in article.related
    )
    assert article.comment_form is None


def test_cnn_arabic_opening_matches_reference() -> None:
    expected = json.loads(_shared_page("cnn_arabic_goose3.expected.json").read_text())["expected"]
    [article] = parse_path(_shared_page("cnn_arabic_goose3.html"))
    assert article.paragraphs[0].startswith(expected["cleaned_text"])
    assert article.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
    assert article.direction == "rtl"  # <html lang="ar">
    # The comment policy under the article is a disclaimer, not body.
    assert not any("لا تعبر عن رأي موقع" in p for p in article.paragraphs)
    assert article.paragraphs[-1].startswith("وشدد الائتلاف على")


@pytest.mark.parametrize(
    ("name", "title_start", "form_fields"),
    [
        (
            "youm7.com_1691196862.html",
            "وزير الرى يشهد توقيع عقد دراسة",
            ("UserName", "Email", "Subject", "messagebody"),
        ),
        (
            "assabah.com.tn.article.html",
            "الناشط الحقوقي السوداني خالد عبد الكريم ماسا",
            ("name", "comment_body[und][0][value]"),
        ),
    ],
)
def test_other_sites(name: str, title_start: str, form_fields: tuple, assert_sanitized) -> None:
    [article] = parse_path(_shared_page(name))
    assert article.title.startswith(title_start)
    assert not article.title.endswith("اليوم السابع")
    assert article.paragraphs and article.paragraphs[0] != article.title
    assert article.comment_form is not None and article.comment_form.kind == "other"
    assert article.comment_form.fields == form_fields
    assert_sanitized(article)


def test_every_shared_page_parses(assert_sanitized) -> None:
    folder = shared_path(*HTML)
    pages = sorted(folder.glob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        [article] = parse_path(page)
        assert article.paragraphs, page.name
        assert_sanitized(article)


PARAGRAPH = " ".join(["This is an English sentence long enough to count as text."] * 5)


@pytest.mark.parametrize(
    ("html_attributes", "expected"),
    [('lang="en"', "ltr"), ('dir="rtl" lang="en"', "rtl"), ('lang="ar"', "rtl"), ("", "ltr")],
)
def test_direction_from_html_attributes_or_text(html_attributes: str, expected: str) -> None:
    page = (
        f"<!DOCTYPE html><html {html_attributes}><head><title>A title</title></head><body>"
        f"<article><h1>A title</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>"
    )
    [article] = parse_bytes(page.encode(), "page.html")
    assert article.direction == expected


def test_html_sniffed_without_extension() -> None:
    [article] = parse_bytes(ELBALAD_EXCERPT.read_bytes(), "<stdin>")
    assert article.format == "html"
    assert len(article.related) == 2


def test_breadcrumb_trail_without_separators_and_title() -> None:
    page = (
        '<!DOCTYPE html><html lang="ar"><head><title>عنوان الخبر</title></head><body>'
        '<nav class="Breadcrumbs"><a href="/">الرئيسية</a> » <a href="/w">العالم</a>'
        " <i>›</i> <span>عنوان الخبر</span></nav>"
        f"<article><h1>عنوان الخبر</h1><p>{'نص عربي طويل بما يكفي. ' * 20}</p></article>"
        "</body></html>"
    )
    [article] = parse_bytes(page.encode(), "crumbs.html")
    assert article.breadcrumbs == ["الرئيسية", "العالم"]


def test_declared_date_wins_over_the_extractors_guess() -> None:
    """assabah declares dc:date 2019-02-08; trafilatura alone answers 2020-02-19."""
    [article] = parse_path(_shared_page("assabah.com.tn.article.html"))
    assert article.date == "2019-02-08T00:00:00"  # declared with +01:00: the page's day kept


LD_JSON = '<script type="application/ld+json">%s</script>'


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            '<meta property="article:published_time" content="2021-09-24T10:00:00+03:00">',
            "2021-09-24T10:00:00",
        ),
        ('<meta name="pubdate" content="2021-09-24">', "2021-09-24"),
        ('<meta name="pubdate" content="24 Sept 2021">', None),
        (
            LD_JSON % '{"@graph": [{"datePublished": "2021-09-24T08:00:00Z"}]}',
            "2021-09-24T08:00:00",
        ),
        (LD_JSON % "{broken", None),
    ],
)
def test_declared_dates(markup: str, expected: str | None) -> None:
    from lxml import html as lxml_html

    from reader.articles.html_dates import declared_date

    root = lxml_html.document_fromstring(f"<html><head>{markup}</head><body><p>x</p></body></html>")
    assert declared_date(root) == expected
