"""Finding a query in logical paragraph text, forgiving harakat and letter variants."""

from __future__ import annotations

from reader.ui.widgets.article.find import Match, find_matches, fold


def test_harakat_tatweel_and_alef_forms_do_not_hide_a_word() -> None:
    paragraphs = ["وعُقد اجتماع", "إسرائيل و اسرائيل", "جـــميل"]
    assert find_matches(paragraphs, "عقد") == [Match(0, 1, 5)]  # the damma rides along
    assert find_matches(paragraphs, "اسرائيل") == [Match(1, 0, 7), Match(1, 10, 17)]
    assert find_matches(paragraphs, "جميل") == [Match(2, 0, 7)]
    assert find_matches(paragraphs, "  ") == []


def test_latin_matches_ignore_case_and_map_back_to_source_indices() -> None:
    assert find_matches(["Barack OBAMA visited"], "obama") == [Match(0, 7, 12)]
    folded, where = fold("أَب")
    assert folded == "اب" and where == [0, 2]
