"""A long text's bidi classes and cell codes by stand-ins equal the block tables' own."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.text.bidi.classes import _classify_by_dict, classify
from reader.text.layout import codes
from reader.text.layout.codes import classes_and_cell_codes
from reader.text.layout.paragraph import _shaper
from reader.text.wrap import _VS16, _ZWJ, _block_cells, _cell_codes, cell_codes

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "text"

# Latin-1 with "?", Arabic letters and their presentation forms, harakat, Arabic digits and
# punctuation, quotation marks, other scripts, the characters the way refuses.
PIECES = [
    *"ابتثجحخدذرزسشصضطظعغفقكلمنهويءةىئؤأإآ", "\ufe8d", "\ufef5", "\ufefc", "\ufe70",
    "\ufe75", "\ufeff", "\ufe20", "\ufe50", "\ufb50", "\ufdf2",
    "\u064e", "\u0651", "\u064f", "\u0650", "\u064b", "\u0652", "\u0670", "\u0640",
    " ", "  ", "\n", "،", "؛", "؟", "?", ".", "!", "(", ")", "«", "»", "“", "”", "\u2026",
    "2015", "\u0661\u0662", "\u06f1", "%", "\u066a", "abc", "é", "\u00a0", "\u00ad",
    "\u200e", "\u200f", "\u200c", "\u061c", "\u202b", "\u2067", "日本", "\u05d0", "\u0300",
    "\t", "\x00", "\x7f",
]
REFUSED = ["\u200d", "\ufe0f", "\x85", "\U0001f600"]
texts = st.lists(st.sampled_from(PIECES), max_size=200).map("".join)


def expected(text: str) -> tuple[str, bytes | None]:
    cells = cell_codes(text)
    if cells is None and _ZWJ not in text and _VS16 not in text:
        # more blocks than the block tables' passes are worth (_MAX_BLOCKS): their codes
        # one character at a time
        cells = bytes(_block_cells(ord(ch) >> 8)[ord(ch) & 0xFF] for ch in text)
    return _classify_by_dict(text), cells


@settings(max_examples=800, deadline=None)
@given(texts)
@example("\u0627\ufe8d\ufb50\ufdf2 \u201c\u65e5\u672c\u05d0")  # nine blocks
def test_stand_ins_give_the_block_tables_codes(text: str) -> None:
    found = classes_and_cell_codes(text)
    if found is not None:  # (only so many kinds of other characters fit the stand-ins)
        assert found == expected(text)
    assert classify(text) == _classify_by_dict(text)


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(REFUSED))
def test_what_the_way_refuses_goes_the_block_tables_way(text: str, refused: str) -> None:
    assert classes_and_cell_codes(text + refused + text) is None


def test_every_kind_of_other_character_up_to_the_stand_ins() -> None:
    """Each of 32 kinds gets a stand-in (the last of them included); a 33rd is refused."""
    kinds = [chr(code) for code in range(0x064B, 0x064B + 32)]  # harakat, digits, ET
    letters = "بسم " * 20
    for count in (1, 31, 32):
        text = letters + "".join(kinds[:count]) * 3 + letters + "?"[: count % 2]
        assert classes_and_cell_codes(text) == expected(text), count
    assert classes_and_cell_codes(letters + "".join(kinds) + "\u0610") is None


def test_no_other_character_at_all() -> None:
    for text in ["", "abc ?", "\ufe8d\ufe8e \ufef5", "سلام عليكم", "\n\n"]:
        assert classes_and_cell_codes(text) == expected(text)


def test_the_search_leaves_out_exactly_the_letters() -> None:
    """What the search passes over beyond Latin-1 has alef's class and cell code."""
    tables = codes._Tables()
    for code in [*range(0x0600, 0x0700), *range(0xFE00, 0xFF00)]:
        ch = chr(code)
        if tables.others.fullmatch(ch) is None:
            assert classify(ch) == "A" and _cell_codes(ch) == _cell_codes("\u0627"), hex(code)
    for code in range(0x100):
        assert (tables.others.fullmatch(chr(code)) is not None) == (code == ord("?"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared/corpus is absent")
def test_the_corpus_texts_shaped_and_not() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for version in (text, _shaper("keep").shape_text(text)):
            assert classes_and_cell_codes(version) == expected(version), path.name
