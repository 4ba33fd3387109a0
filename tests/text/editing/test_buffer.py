"""The logical edit buffer: clusters, insertion, deletion, selection, sanitizing paste."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.text.editing.buffer import EditBuffer, clean_input, cluster_boundaries

DAMMA, FATHA, SHADDA = "\u064f", "\u064e", "\u0651"


def test_clusters_keep_harakat_with_their_letter():
    text = "عُقِدَ"  # ain+damma, qaf+kasra, dal+fatha
    assert cluster_boundaries(text) == [0, 2, 4, 6]


def test_backspace_removes_a_letter_with_all_its_harakat():
    buf = EditBuffer("مُحَمَّد")  # meem+damma, hah+fatha, meem+fatha+shadda, dal
    buf.move_to(len(buf.text) - 1)  # before the dal
    assert buf.backspace()
    assert buf.text == "مُحَد"
    assert buf.caret == 4


def test_delete_removes_the_cluster_after_the_caret():
    buf = EditBuffer("عُقد")
    buf.move_to(0)
    assert buf.delete()
    assert buf.text == "قد"


def test_caret_never_stands_inside_a_cluster():
    buf = EditBuffer("عُقد")
    buf.move_to(1)  # between ain and its damma: snapped back
    assert buf.caret == 0


def test_typing_a_haraka_after_a_letter_joins_it():
    buf = EditBuffer("")
    for ch in "ع" + DAMMA + "ق":
        buf.insert(ch)
    assert buf.text == "عُق"
    assert buf.caret == 3
    buf.backspace()
    buf.backspace()
    assert buf.text == ""


def test_typing_inserts_in_logical_order_in_mixed_text():
    buf = EditBuffer("جهاز  سيأتي")
    buf.move_to(5)
    for ch in "iPad mini 4":
        buf.insert(ch)
    assert buf.text == "جهاز iPad mini 4 سيأتي"


def test_selection_gives_logical_text_and_typing_replaces_it():
    buf = EditBuffer("جهاز iPad mini 4 جديد")
    buf.move_to(5)
    for _ in range(4):
        buf.move_to(buf.next_boundary(buf.caret), select=True)
    assert buf.selected_text == "iPad"
    buf.insert("آيباد")
    assert buf.text == "جهاز آيباد mini 4 جديد"
    assert buf.selection.empty


def test_paste_is_sanitized():
    buf = EditBuffer("")
    buf.insert("نص\x1b]52;c;ZXZpbA==\x07 آمن\u202e\x9b2J\r\nسطر")
    assert buf.text == "نص آمن\nسطر"


def test_single_line_fields_turn_newlines_into_spaces():
    buf = EditBuffer("", multiline=False)
    buf.insert("سارة\nأحمد")
    assert buf.text == "سارة أحمد"
    assert not buf.newline()


def test_paragraph_positions():
    buf = EditBuffer("أ\nبب\nججج")
    assert buf.paragraph_of(5) == (2, 0)
    assert buf.paragraph_start(2) == 5
    assert buf.paragraphs == ["أ", "بب", "ججج"]


def test_clean_input_is_idempotent_on_arabic_with_harakat():
    text = "وَقَالَ الرَّئِيسُ: «نَعَمْ» (2015)."
    assert clean_input(text) == text


# -- property: any sequence of edits keeps the buffer equal to a plain logical editor ----

LETTERS = [*"abc عقدلاأمحسن0123456789", DAMMA, FATHA, SHADDA, "\n"]
text_piece = st.text(alphabet=LETTERS, min_size=0, max_size=4)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("insert"), text_piece),
        st.tuples(st.just("backspace"), st.none()),
        st.tuples(st.just("delete"), st.none()),
        st.tuples(st.just("move"), st.integers(0, 60)),
        st.tuples(st.just("select"), st.integers(0, 60)),
    ),
    max_size=40,
)


def _cluster_start(text: str, pos: int) -> int:
    bounds = cluster_boundaries(text)
    return max(b for b in bounds if b <= pos)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=LETTERS, max_size=20), operations)
@example("00\n" + FATHA, [("move", 2), ("delete", None)])
@example("0\n" + FATHA, [("move", 2), ("backspace", None)])
def test_edits_match_a_plain_logical_editor(initial, ops):
    buf = EditBuffer(initial)
    text, caret, anchor = initial, len(initial), None
    for op, arg in ops:
        lo, hi = (min(anchor, caret), max(anchor, caret)) if anchor is not None else (caret, caret)
        if op == "insert":
            if arg:
                text, caret = text[:lo] + arg + text[hi:], lo + len(arg)
            elif lo != hi:
                text, caret = text[:lo] + text[hi:], lo
            anchor = None
            buf.insert(arg)
        elif op == "backspace":
            if lo != hi:
                text, caret = text[:lo] + text[hi:], lo
            elif caret > 0:
                start = _cluster_start(text, caret - 1)
                text, caret = text[:start] + text[caret:], start
            anchor = None
            buf.backspace()
        elif op == "delete":
            if lo != hi:
                text, caret = text[:lo] + text[hi:], lo
            elif caret < len(text):
                end = min(b for b in cluster_boundaries(text) if b > caret)
                text = text[:caret] + text[end:]
            anchor = None
            buf.delete()
        else:
            target = _cluster_start(text, min(arg, len(text)))
            anchor = (caret if anchor is None else anchor) if op == "select" else None
            caret = target
            buf.move_to(arg, select=op == "select")
        # an edit can join what was on either side into one cluster (a newline deleted
        # before a mark): the caret then goes past it, as typing a mark after it would
        while 0 < caret < len(text) and caret not in cluster_boundaries(text):
            caret += 1
        assert buf.text == text
        assert buf.caret == caret
        assert buf.caret in cluster_boundaries(buf.text)
