"""Finding a query in logical paragraph text, forgiving harakat and letter variants."""

from __future__ import annotations

from reader.text.folding import fold_with_map
from reader.ui.widgets.article.find import Match, find_matches


def test_harakat_tatweel_and_alef_forms_do_not_hide_a_word() -> None:
    paragraphs = ["وعُقد اجتماع", "إسرائيل و اسرائيل", "جـــميل"]
    assert find_matches(paragraphs, "عقد") == [Match(0, 1, 5)]  # the damma rides along
    assert find_matches(paragraphs, "اسرائيل") == [Match(1, 0, 7), Match(1, 10, 17)]
    assert find_matches(paragraphs, "جميل") == [Match(2, 0, 7)]
    assert find_matches(paragraphs, "  ") == []


def test_latin_matches_ignore_case_and_map_back_to_source_indices() -> None:
    assert find_matches(["Barack OBAMA visited"], "obama") == [Match(0, 7, 12)]
    folded, where = fold_with_map("أَب")
    assert folded == "اب" and where == [0, 2]


def test_find_folds_as_library_search_does() -> None:
    """Find used to keep Arabic-Indic digits, presentation forms, Persian yeh and keheh
    as they were, so a word library search had found in an article was not found in it:
    both now fold with reader.text.folding (search's folding, the wider one: a reader
    types ASCII digits and plain letters)."""
    assert find_matches(["في عام ٢٠١٥ م"], "2015") == [Match(0, 7, 11)]
    assert find_matches(["\ufee3\ufeae\ufea3\ufe92\ufe8e"], "مرحبا") == [Match(0, 0, 5)]
    assert find_matches(["کتاب"], "كتاب") == [Match(0, 0, 4)]
