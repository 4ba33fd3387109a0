"""The seed: a WordPress news page saved as text, boilerplate included."""

from __future__ import annotations

import pytest

from reader.articles.furniture import Kind, furniture
from reader.articles.model import Article
from reader.articles.parse import detect_form, parse_path
from reader.resources import seed_article_path
from tests.conftest import shared_path

# The page furniture the seed carries, as it appears in the file.
SEED_FURNITURE = (
    "مقالات ذات صلة",
    "اترك تعليقاً",
    "لن يتم نشر عنوان بريدك الإلكتروني",
    "الحقول الإلزامية مشار إليها",
    "زر الذهاب إلى الأعلى",
)


@pytest.fixture(scope="module")
def seed() -> Article:
    articles = parse_path(seed_article_path())
    assert len(articles) == 1
    return articles[0]


def test_bundled_seed_is_the_shared_seed() -> None:
    reference = shared_path("seed", "000_ea300a519c8a66f3.txt")
    assert seed_article_path().read_bytes() == reference.read_bytes()


def test_seed_is_read_as_a_saved_page(seed: Article) -> None:
    assert seed.format == "page-text"
    assert detect_form(seed_article_path().read_text(encoding="utf-8"), "seed") == "page-text"


def test_seed_title_and_run_together_breadcrumbs(seed: Article) -> None:
    assert seed.title == "أكسيوس: اجتماع سري بين الولايات المتحدة و إسرائيل بشأن إيران"
    # The file's first line is "العالمرئيسي": two section names without a space.
    assert seed.breadcrumbs == ["العالم", "رئيسي"]


def test_seed_body_paragraphs(seed: Article) -> None:
    assert len(seed.paragraphs) == 12
    # The page's no-break spaces are kept: they are the publisher's text.
    assert seed.paragraphs[0].startswith("أفاد صحفي يعمل لدى موقع\u00a0أكسيوس\u00a0الأميركي")
    assert seed.paragraphs[0].endswith("لمناقشة كيفية التعامل مع إيران في المرحلة المقبلة.")
    assert seed.paragraphs[-1].startswith("والتقى وزير الخارجية الإيراني الجديد")
    assert seed.paragraphs[-1].endswith("لمناقشة هذا الملف.")
    # Harakat inside the body survive parsing ("وعُقد", "تُستأنف").
    assert any("وعُقد" in p for p in seed.paragraphs)


def test_seed_furniture_never_in_body(seed: Article) -> None:
    phrases = furniture()
    for paragraph in [seed.title, *seed.paragraphs]:
        assert phrases.kind(paragraph) is None, paragraph
        for phrase in SEED_FURNITURE:
            assert phrase not in paragraph


def test_seed_comment_form_detected(seed: Article) -> None:
    form = seed.comment_form
    assert form is not None
    assert form.kind == "wordpress"
    assert form.heading == "اترك تعليقاً"
    assert form.note == "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *"
    assert set(form.required) <= set(form.fields)
    assert "comment" in form.required


def test_seed_related_heading_has_no_links(seed: Article) -> None:
    assert seed.related == []
    assert furniture().kind("مقالات ذات صلة") is Kind.RELATED


def test_seed_direction_and_fields(seed: Article, assert_sanitized) -> None:
    assert seed.direction == "rtl"
    assert seed.id == seed.content_id()
    assert_sanitized(seed)
