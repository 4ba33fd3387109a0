"""The Bidi_Class codes and the cell codes of a long text in a few C-level passes.

:func:`reader.text.bidi.classify` and :func:`reader.text.wrap.cell_codes` each look a
character up by its 256-character block: a ``bytes.translate`` of the low bytes per block
present, merged by big-integer masks. Shaped Arabic text holds four blocks or more
(Latin, Arabic, punctuation, presentation forms), and the merge is most of the cost of a
filter's chunk. Yet nearly every character of such text is either Latin-1 or an Arabic
letter (or its presentation form), and all those letters share one bidi class (AL) and one
cell code (one cell, line-break class AL). So here:

- the few other kinds of character in the text (harakat, Arabic punctuation and digits,
  quotation marks…, each found once by one regex search) are each replaced with a stand-in
  C1 control the text does not hold (``str.replace``, C-level);
- the text is then encoded as Latin-1, every character beyond Latin-1 left becoming
  ``?`` (a real ``?`` is one of the replaced kinds);
- one ``bytes.translate`` per property reads each byte: a Latin-1 character's own code, an
  Arabic letter's for ``?``, and the replaced character's for its stand-in.

The result is exactly the block tables' (the tests compare them); a text with more kinds
of other characters than there are stand-ins, or one beyond the Basic Multilingual Plane,
gets ``None`` and goes the block tables' way.
"""

from __future__ import annotations

import re
from functools import cache

from reader.text.bidi.classes import _low_table
from reader.text.wrap import _VS16, _ZWJ, _block_cells

__all__ = ["classes_and_cell_codes"]

#: the blocks whose letters of class AL and cell code of an Arabic letter are left out of
#: the search for other characters (Arabic, and Arabic Presentation Forms-B)
_LETTER_BLOCKS = (0x06, 0xFE)
_LETTER = "\u0627"  # what every such letter reads as: alef's codes
_STAND_INS = range(0x80, 0xA0)  # C1 controls, which sanitized text never holds
_C1_BYTES = bytes(_STAND_INS)


class _Tables:
    """The search and the Latin-1 tables, built on first use (a few milliseconds)."""

    def __init__(self) -> None:
        letter = ord(_LETTER)
        letter_class = _low_table(letter >> 8)[letter & 0xFF]
        letter_cells = _block_cells(letter >> 8)[letter & 0xFF]
        ranges = []
        for block in _LETTER_BLOCKS:
            classes, cells = _low_table(block), _block_cells(block)
            low = 0
            while low < 256:
                if classes[low] == letter_class and cells[low] == letter_cells:
                    end = low
                    while end < 255 and classes[end + 1] == letter_class and (
                            cells[end + 1] == letter_cells):
                        end += 1
                    ranges.append(f"\\u{block << 8 | low:04x}-\\u{block << 8 | end:04x}")
                    low = end + 1
                else:
                    low += 1
        # Latin-1 but "?" (C1 controls are the stand-ins: the text holds none), and the
        # letters
        self.others = re.compile("[^\x00-\x3e\x40-\xff" + "".join(ranges) + "]")
        question = ord("?")
        self.latin_classes = bytearray(_low_table(0))
        self.latin_classes[question] = letter_class
        self.latin_cells = bytearray(_block_cells(0))
        self.latin_cells[question] = letter_cells


@cache
def _tables() -> _Tables:
    """The tables, built on first use (a one-line input never needs them)."""
    return _Tables()


def classes_and_cell_codes(text: str) -> tuple[str, bytes] | None:
    """``(classify(text), cell_codes(text))``, or None when this way does not apply: a
    ZWJ or VS16 (``cell_codes`` is None), a C1 control (the stand-ins), a character
    beyond the Basic Multilingual Plane, or more kinds of other characters than there are
    stand-ins."""
    if _ZWJ in text or _VS16 in text:
        return None
    latin = text.encode("latin-1", "replace")
    if not latin.isascii() and len(latin.translate(None, _C1_BYTES)) != len(latin):
        return None
    tables = _tables()
    classes_table = tables.latin_classes
    cells_table = tables.latin_cells
    search = tables.others.search
    found = search(text)
    if found is not None:
        classes_table = bytearray(classes_table)
        cells_table = bytearray(cells_table)
        for slot in _STAND_INS:
            # each kind is found once: its first occurrence, after the kinds replaced
            ch = found.group()
            code = ord(ch)
            if code > 0xFFFF:
                return None
            text = text.replace(ch, chr(slot))
            classes_table[slot] = _low_table(code >> 8)[code & 0xFF]
            cells_table[slot] = _block_cells(code >> 8)[code & 0xFF]
            found = search(text, found.start() + 1)
            if found is None:
                break
        else:
            return None  # more kinds than stand-ins
        latin = text.encode("latin-1", "replace")
    return latin.translate(classes_table).decode("ascii"), latin.translate(cells_table)
