"""The Unicode 15.0 data behind the algorithm: classes, mirroring glyphs, bracket pairs."""

from __future__ import annotations

import unicodedata

import pytest

from reader.text.bidi import bidi_class, has_mirror_glyph, is_mirrored, mirror_char
from reader.text.bidi._tables import BRACKET_PAIRS, MIRRORING_GLYPHS
from reader.text.bidi.mirroring import CLOSING_BRACKETS, OPENING_BRACKETS


def test_classes_agree_with_unicodedata_for_every_assigned_code_point() -> None:
    """Where the interpreter's Unicode (14.0 in Python 3.11) assigns a character, the
    table gives the same class: 15.0 changed no existing character's class."""
    disagreements = [
        hex(cp) for cp in range(0x110000)
        if (expected := unicodedata.bidirectional(chr(cp))) and bidi_class(chr(cp)) != expected
    ]
    assert disagreements == []


@pytest.mark.parametrize(("code_point", "expected"), [
    (0x10EFD, "NSM"),  # ARABIC SMALL LOW WORD SAKTA (new in 15.0)
    (0x1E4EC, "NSM"),  # NAG MUNDARI SIGN MUHOR (15.0)
    (0x11F00, "NSM"),  # KAWI SIGN CANDRABINDU (15.0)
    (0x1FADB, "ON"),  # PEA POD (15.0)
    (0x31350, "L"),  # CJK Extension H (15.0)
    (0x05FF, "R"),  # unassigned in the Hebrew block
    (0x07BF, "AL"),  # unassigned in the Thaana block (DerivedBidiClass default AL)
    (0x10EC0, "AL"),  # unassigned in Arabic Extended-C
    (0x20C1, "ET"),  # unassigned currency symbol
    (0xFDD0, "BN"),  # noncharacter
    (0x1FFFE, "BN"),  # noncharacter
    (0xE0080, "BN"),  # unassigned default ignorable
    (0x0378, "L"),  # unassigned elsewhere
])
def test_unicode_15_and_unassigned_defaults(code_point: int, expected: str) -> None:
    assert bidi_class(chr(code_point)) == expected


def test_classes_match_unicodedata2_15_when_available() -> None:
    ucd = pytest.importorskip("unicodedata2")
    if ucd.unidata_version != "15.0.0":
        pytest.skip(f"unicodedata2 has Unicode {ucd.unidata_version}, not 15.0.0")
    wrong = [hex(cp) for cp in range(0x110000)
             if (expected := ucd.bidirectional(chr(cp))) and bidi_class(chr(cp)) != expected]
    assert wrong == []


def test_mirroring_glyphs_are_symmetric_and_mirrored() -> None:
    glyphs = dict(MIRRORING_GLYPHS)
    assert len(glyphs) == 428  # BidiMirroring-15.0.0.txt
    for code, glyph in glyphs.items():
        assert glyphs[glyph] == code
        assert unicodedata.mirrored(chr(code)) == 1


def test_mirroring_includes_python_bidi_table_and_unicode_14_brackets() -> None:
    from bidi.mirror import MIRRORED

    for ch, glyph in MIRRORED.items():
        assert mirror_char(ch) == glyph
    # U+2E55..2E5C (Unicode 14.0) are missing from python-bidi's table.
    assert mirror_char("\u2e55") == "\u2e56"
    assert mirror_char("\u2e5c") == "\u2e5b"


@pytest.mark.parametrize(("ch", "glyph"), [
    ("(", ")"), (")", "("), ("[", "]"), ("<", ">"), ("«", "»"), ("»", "«"), ("{", "}"),
    ("\u2264", "\u2265"), ("a", "a"), ("\u0628", "\u0628"), ("\u2211", "\u2211"),
])
def test_mirror_char(ch: str, glyph: str) -> None:
    assert mirror_char(ch) == glyph
    assert has_mirror_glyph(ch) == (ch != glyph)


def test_is_mirrored_includes_characters_without_a_glyph() -> None:
    assert is_mirrored("\u2211")  # N-ARY SUMMATION: Bidi_Mirrored, no mirroring glyph
    assert not has_mirror_glyph("\u2211")
    assert not is_mirrored("a")


def test_bracket_pairs_are_the_128_of_bidi_brackets() -> None:
    assert len(BRACKET_PAIRS) == 64
    assert len(OPENING_BRACKETS) == len(CLOSING_BRACKETS) == 64
    for opening, closing in BRACKET_PAIRS:
        assert unicodedata.category(chr(opening)) == "Ps"
        assert unicodedata.category(chr(closing)) == "Pe"
        assert bidi_class(chr(opening)) == bidi_class(chr(closing)) == "ON"
    # Canonical equivalents pair with each other (BD16).
    assert OPENING_BRACKETS["\u2329"] == OPENING_BRACKETS["\u3008"]
    assert CLOSING_BRACKETS["\u232a"] == CLOSING_BRACKETS["\u3009"] == OPENING_BRACKETS["\u3008"]
