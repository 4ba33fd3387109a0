"""Search normalisation and the light stemmer: the folds the index relies on."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.library.normalize import normalize, normalized_words, word_spans
from reader.library.stemming import search_forms, term
from reader.text import folding


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


_ARABIC_AND_MORE = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0x08D0, max_codepoint=0x08FF),
        st.sampled_from("\u0640\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\u200e\u202b"
                        "\u0301éABC 12۱٢\ufef5\ufdf2"),
        st.characters(),
    ),
)


@given(_ARABIC_AND_MORE)
def test_folding_equals_the_translate_table_it_replaces(text: str) -> None:
    """The whole-text passes give exactly what ``str.translate`` with each table gives."""
    for table in (folding._TABLE, folding._TABLE_TEH, folding._TABLE_TITLE):
        expected = unicodedata.normalize("NFKC", text).translate(table).lower()
        assert folding._fold(text, table) == expected


@given(_ARABIC_AND_MORE)
def test_folding_in_pieces_equals_folding_whole(text: str) -> None:
    """A long text is folded a piece at a time; cut anywhere, the result is the same."""
    whole = normalize(text)
    saved = folding._FOLD_PIECE
    folding._FOLD_PIECE = 3
    try:
        assert normalize(text) == whole
    finally:
        folding._FOLD_PIECE = saved
