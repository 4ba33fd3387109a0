"""One Arabic folding for library search, in-article find and titles."""

from __future__ import annotations

import pytest

from reader.library.normalize import normalize, word_spans
from reader.text.folding import fold, fold_with_map
from reader.ui.widgets.article.find import find_matches


def test_folding_by_clusters_equals_folding_the_whole_text(
    corpus_paragraphs: list[str],
) -> None:
    """fold_with_map folds cluster by cluster; NFKC never composes across clusters."""
    assert [fold_with_map(p)[0] for p in corpus_paragraphs] == [
        fold(p) for p in corpus_paragraphs
    ]


@pytest.mark.parametrize(("text", "folded"), [
    ("إِسْرَائِيلُ", "اسرائيل"),
    ("جـــميل", "جميل"),
    ("٢٠١٥", "2015"),
    ("الرى", "الري"),
    ("\ufefb", "لا"),
    ("iPad", "ipad"),
    ("Café", "cafe"),
    ("ÉCOLE", "ecole"),
    ("Việt Nam", "viet nam"),
    ("naïve", "naive"),
    ("مسؤول", "مسؤول"),  # only Latin letters lose their accents: ؤ is not و
    ("بيئة", "بيئة"),
])
def test_what_folding_forgives(text: str, folded: str) -> None:
    assert fold(text) == folded == normalize(text)


def test_every_word_search_finds_in_an_article_find_finds_there_too(
    corpus_texts: dict[str, str],
) -> None:
    """Search matches a word when the word's folded form is among the article's folded
    words; find must then find the word in the article's paragraphs."""
    from reader.text.layout import split_paragraphs

    missed = []
    for name, text in list(corpus_texts.items())[::5]:
        paragraphs = split_paragraphs(text)
        for paragraph in paragraphs[:6]:
            for start, end in word_spans(paragraph)[:25]:
                word = paragraph[start:end]
                if normalize(word) and not find_matches(paragraphs, word):
                    missed.append((name, word))
    assert missed == []
