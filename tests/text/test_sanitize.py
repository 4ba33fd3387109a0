"""The sanitizer removes whatever a terminal would act on, and only that."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.sanitize import BIDI_CONTROLS, sanitize, sanitize_line, strip_bidi_controls

ESC = "\x1b"
ST = ESC + "\\"

# (name, hostile input, expected output)
CASES = [
    ("OSC 52 clipboard write, BEL", f"X{ESC}]52;c;ZWNobyBodWg=\x07Y", "XY"),
    ("OSC 52 clipboard write, ST", f"X{ESC}]52;c;ZWNobyBodWg={ST}Y", "XY"),
    ("OSC 52 8-bit introducer and ST", "X\x9d52;c;ZWNobw==\x9cY", "XY"),
    ("CSI 2J clear screen", f"A{ESC}[2JB", "AB"),
    ("CSI 8-bit", "A\x9b2JB", "AB"),
    ("CSI with private params and intermediates", f"A{ESC}[?1049hB{ESC}[1 qC", "ABC"),
    ("CSI SGR colours", f"{ESC}[1;31mred{ESC}[0m", "red"),
    ("OSC 0 window title", f"{ESC}]0;pwned\x07مرحبا", "مرحبا"),
    ("OSC 8 hyperlink", f"{ESC}]8;;https://evil.example{ST}click{ESC}]8;;{ST}", "click"),
    ("DCS", f"a{ESC}Pq#0;2;0;0;0#0~~{ST}b", "ab"),
    ("DCS 8-bit", "a\x90q#0~\x9cb", "ab"),
    ("APC", f"a{ESC}_Gf=100;AAAA{ST}b", "ab"),
    ("APC 8-bit", "a\x9fpayload\x9cb", "ab"),
    ("SOS and PM", f"a{ESC}Xsos{ST}b{ESC}^pm{ST}c", "abc"),
    ("unterminated OSC stops at the end of its line", f"a{ESC}]52;c;AAAA\nnext", "a\nnext"),
    ("unterminated OSC stops at a CR line end", f"a{ESC}]52;c;AAAA\rnext", "a\nnext"),
    ("unterminated DCS at end of text", f"a{ESC}Pq#0;2", "a"),
    ("truncated CSI", f"a{ESC}[12", "a"),
    ("lone ESC", f"a{ESC}", "a"),
    ("ESC c full reset and ESC 7", f"a{ESC}cb{ESC}7c", "abc"),
    ("charset designation ESC ( B", f"a{ESC}(Bb", "ab"),
    ("ESC ESC [", f"a{ESC}{ESC}[2Jb", "ab"),
    ("C1 single shifts and NEL", "a\x8eb\x85c", "ab\nc"),
    ("NUL, BEL, BS, DEL", "a\x00b\x07c\x08d\x7fe", "abcde"),
    ("CR LF and CR", "a\r\nb\rc", "a\nb\nc"),
    ("VT, FF, U+2028, U+2029", "a\x0bb\x0cc\u2028d\u2029e", "a\nb\nc\nd\ne"),
    ("tab expands", "ab\tc", "ab      c"),
    ("BOM removed", "\ufeffنص", "نص"),
    ("lone surrogate", "a\ud800b", "a\ufffdb"),
    ("bidi controls kept", "a\u200fb\u2067c\u2069", "a\u200fb\u2067c\u2069"),
    ("Arabic with harakat untouched", "عُقد اجتماعٌ", "عُقد اجتماعٌ"),
]


@pytest.mark.parametrize(("name", "hostile", "expected"), CASES, ids=[c[0] for c in CASES])
def test_escape_sequences_and_controls(name: str, hostile: str, expected: str) -> None:
    assert sanitize(hostile) == expected


def test_sanitize_line_joins_lines_and_drops_bidi_controls() -> None:
    assert sanitize_line("a\r\nb\u202ec") == "a bc"
    assert sanitize_line("a\u202ec", keep_bidi_controls=True) == "a\u202ec"


def test_strip_bidi_controls_removes_each_control() -> None:
    assert strip_bidi_controls("x" + "".join(sorted(BIDI_CONTROLS)) + "y") == "xy"


# Anything a terminal could act on: C0 (except newline), DEL, C1, plus BOM.
_FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\ud800-\udfff\u2028\u2029]")

_hostile_alphabet = st.sampled_from(
    [ESC, "[", "]", "P", "X", "^", "_", "\\", "\x07", "\x9b", "\x9c", "\x9d", "\x90", "\x85",
     "\r", "\n", "\t", "\x00", "\x7f", "\x0b", ";", "2", "J", "m", " ", "a", "ب", "\u064e",
     "\u200f", "\ud800", "\ufeff", "\x1c"]
)
hostile_text = st.lists(_hostile_alphabet, max_size=60).map("".join) | st.text(max_size=80)


@settings(max_examples=400, deadline=None)
@given(hostile_text)
def test_output_is_inert_and_sanitize_is_idempotent(text: str) -> None:
    clean = sanitize(text)
    assert _FORBIDDEN.search(clean) is None, repr(clean)
    assert sanitize(clean) == clean


@settings(max_examples=200, deadline=None)
@given(hostile_text)
def test_sanitize_line_is_one_inert_line(text: str) -> None:
    clean = sanitize_line(text)
    assert "\n" not in clean
    assert _FORBIDDEN.search(clean) is None
    assert not BIDI_CONTROLS.intersection(clean)
    assert sanitize_line(clean) == clean


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=80))
def test_ordinary_text_passes_unchanged(text: str) -> None:
    # Printable text (including bidi controls and other format chars) is not touched,
    # except the few separators that are line breaks and the BOM.
    expected = re.sub("[\u2028\u2029]", "\n", text).replace("\ufeff", "")
    assert sanitize(text) == expected


@settings(max_examples=400, deadline=None)
@given(hostile_text)
def test_shortcut_for_clean_text_equals_every_step(text: str) -> None:
    from reader.text.sanitize import _sanitize_steps

    assert sanitize(text) == _sanitize_steps(text)
