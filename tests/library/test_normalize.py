"""Search normalisation and the light stemmer: the folds the index relies on."""

from __future__ import annotations

import pytest

from reader.library.normalize import normalize, normalized_words, word_spans
from reader.library.stemming import search_forms, term


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        ("عُقد", "عقد"),  # damma dropped
        ("مُحَمَّدٌ", "محمد"),  # every haraka and shadda
        ("إسرائيل", "اسرائيل"),  # hamza below
        ("أكسيوس", "اكسيوس"),  # hamza above
        ("آنذاك", "انذاك"),  # madda
        ("ٱلرَّحْمَٰن", "الرحمن"),  # wasla and superscript alef
        ("جـــميل", "جميل"),  # tatweel
        ("الرى", "الري"),  # alef maksura
        ("٢٠١٥", "2015"),  # Arabic-Indic digits
        ("۲۰۱۵", "2015"),  # Eastern Arabic-Indic digits
        ("\u202bإيران\u202c", "ايران"),  # embedding controls
        ("ب\u200cه", "به"),  # zero width non-joiner
        ("ﻻ", "لا"),  # presentation-form ligature (NFKC)
        ("ﺇﻳﺮﺍﻥ", "ايران"),  # presentation forms of each letter
        ("ذٰلِكَ", "ذلك"),
        ("قرآنٌ ۖ", "قران "),  # Quranic pause mark
        ("OPEC", "opec"),
    ],
)
def test_normalize_folds(original: str, folded: str) -> None:
    assert normalize(original) == folded


def test_teh_marbuta_fold_is_optional() -> None:
    assert normalize("مدرسة") == "مدرسة"
    assert normalize("مدرسة", fold_teh_marbuta=True) == "مدرسه"


def test_harakat_do_not_split_words() -> None:
    text = "وعُقد اجتماع"
    assert normalized_words(text) == ["وعقد", "اجتماع"]
    spans = word_spans(text)
    assert [text[s:e] for s, e in spans] == ["وعُقد", "اجتماع"]


@pytest.mark.parametrize(
    ("query", "article_word"),
    [
        ("الاتفاق", "والاتفاق"),
        ("الاتفاق", "بالاتفاق"),
        ("اتفاق", "للاتفاق"),
        ("عقد", "وعقد"),
        ("وزير", "الوزير"),
        ("حكومة", "للحكومة"),
        ("ايران", "وايران"),
    ],
)
def test_search_forms_meet_across_prefixes(query: str, article_word: str) -> None:
    assert set(search_forms(query)) & set(search_forms(article_word))


@pytest.mark.parametrize(
    ("query", "article_word"),
    [("عقد", "معقد"), ("ايران", "اير"), ("وزير", "وزارة")],
)
def test_search_forms_do_not_match_unrelated_words(query: str, article_word: str) -> None:
    assert not set(search_forms(query)) & set(search_forms(article_word))


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("والاتفاق", "اتفاق"),
        ("الايرانية", "ايران"),
        ("الايرانيين", "ايران"),
        ("ايران", "ايران"),
        ("النووية", "نووي"),
        ("النووي", "نووي"),
        ("لبنان", "لبنان"),  # a lone preposition-looking letter stays
        ("وزير", "وزير"),  # a short word keeps its و
        ("وفيينا", "فيينا"),
        ("opec", "opec"),
    ],
)
def test_term(word: str, expected: str) -> None:
    assert term(word) == expected
