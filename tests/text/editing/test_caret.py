"""Caret movement and editing through the engine's layout: Arabic, harakat, mixed text.

These run on the real engine (reader.text.layout): the caret's screen cell and
every arrow key come from the lines' logical/visual maps.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.text.editing.buffer import EditBuffer, cluster_boundaries
from reader.text.editing.caret import VisualLayout

layout_module = pytest.importorskip("reader.text.layout")

MIXED = "جهاز iPad mini 4 جديد"


def visit(text: str, width: int, start: int, direction: int, steps: int = 200,
          mode: str = "app") -> list[int]:
    """Positions the caret takes pressing Left (-1) or Right (+1) from *start*."""
    layout = VisualLayout(text, width, mode=mode)
    seen = [start]
    pos = start
    for _ in range(steps):
        nxt = layout.move_horizontal(pos, direction)
        if nxt == pos:
            break
        seen.append(nxt)
        pos = nxt
    return seen


def screen_row(layout: VisualLayout, row: int) -> str:
    return "".join(text for text, _ in layout.spans(row, None))


def test_pure_arabic_line_is_right_aligned_and_left_moves_forward():
    text = "مرحبا بكم"
    layout = VisualLayout(text, 30)
    assert len(layout.rows) == 1
    row = screen_row(layout, 0)
    assert len(row) == 30 and row.startswith(" ") and not row.endswith(" ")
    # Caret at the start stands on the rightmost cell, at the end left of the text.
    assert layout.caret_cell(0) == (0, 29)
    assert layout.caret_cell(len(text)) == (0, 30 - len(text) - 1)
    # Left on screen is forward in reading order: every position, in logical order.
    assert visit(text, 30, 0, -1) == list(range(len(text) + 1))
    assert visit(text, 30, len(text), +1) == list(range(len(text), -1, -1))


def test_harakat_are_one_stop_with_their_letter():
    text = "عُقِدَ الاجتماعُ"
    positions = visit(text, 40, 0, -1)
    bounds = set(cluster_boundaries(text))
    assert set(positions) <= bounds
    # ain+damma, qaf+kasra, dal+fatha: three stops for six code points.
    assert positions[:4] == [0, 2, 4, 6]
    assert positions[-1] == len(text)


def test_mixed_line_moves_in_visual_order():
    # Right to left on screen: جهاز, space, then the Latin run read from its right
    # end ("4" first), then the space before جديد, then جديد, then the end.
    expected = [0, 1, 2, 3, 4, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 16, 17, 18, 19, 20, 21]
    assert visit(MIXED, 40, 0, -1) == expected
    assert visit(MIXED, 40, 21, +1) == expected[::-1]


def test_mixed_line_shows_latin_left_to_right_inside_arabic():
    layout = VisualLayout(MIXED, 40)
    assert "iPad mini 4" in screen_row(layout, 0)


def test_typing_latin_inside_arabic_keeps_bidi_order_at_every_keystroke():
    buf = EditBuffer("جهاز  جديد")
    buf.move_to(5)
    typed = ""
    for ch in "iPad mini 4":
        buf.insert(ch)
        typed += ch
        layout = VisualLayout(buf.text, 40)
        assert typed.strip() in screen_row(layout, 0)
        # The caret follows the insertion point: on the cell of the char after it.
        row, x = layout.caret_cell(buf.caret)
        assert layout.rows[row].cells
        drawn = {c.x: c.logical for c in layout.rows[row].cells}
        assert drawn.get(x) == buf.caret
    assert buf.text == MIXED


def test_caret_cell_is_the_engine_map():
    text = "قال: «نعم» (2015)."
    layout = VisualLayout(text, 40)
    line = layout.rows[0].line
    for pos in cluster_boundaries(text)[:-1]:
        _row, x = layout.caret_cell(pos)
        j = line.logical_to_visual(pos)
        assert x == layout.rows[0].offset + len(line.text[:j])


def test_home_and_end_follow_reading_order():
    text = "هذا نص طويل يلتف على عدة أسطر في المحرر الضيق"
    layout = VisualLayout(text, 16)
    assert len(layout.rows) > 2
    second = layout.rows[1]
    inside = second.start + 2
    assert layout.line_start(inside) == second.start
    end = layout.line_end(inside)
    assert second.start < end <= second.end
    # On a right-to-left row, Home's caret is at the right, End's at the left.
    assert layout.caret_cell(layout.line_start(inside))[1] > layout.caret_cell(end)[1]


def test_up_and_down_keep_the_screen_column():
    text = "هذا نص طويل يلتف على عدة أسطر في المحرر الضيق"
    layout = VisualLayout(text, 16)
    pos = layout.rows[0].start + 3
    _, x0 = layout.caret_cell(pos)
    down, goal = layout.move_vertical(pos, +1)
    row, x1 = layout.caret_cell(down)
    assert row == 1 and goal == x0
    assert abs(x1 - x0) <= 1
    back, _ = layout.move_vertical(down, -1, goal)
    assert back == pos
    assert layout.move_vertical(pos, -1)[0] == 0
    assert layout.move_vertical(layout.rows[-1].start, +1)[0] == len(text)


def test_edges_continue_on_the_next_line_in_reading_order():
    text = "هذا نص طويل يلتف على عدة أسطر"
    layout = VisualLayout(text, 16)
    first_end = layout.line_end(0)
    # Left past the left edge of the first (RTL) row goes to the second row's start.
    left_edge = visit(text, 16, 0, -1)
    assert layout.rows[1].start in left_edge
    assert first_end < layout.rows[1].start or first_end in left_edge


def test_paragraphs_and_empty_lines():
    text = "سطر أول\n\niPad mini 4"
    layout = VisualLayout(text, 30)
    assert [r.paragraph for r in layout.rows] == [0, 1, 2]
    assert layout.rows[0].rtl_visual and not layout.rows[2].rtl_visual
    empty_row, _ = layout.caret_cell(len("سطر أول") + 1)
    assert empty_row == 1
    # Down from the first paragraph reaches the empty line, then the Latin one.
    pos, goal = layout.move_vertical(0, +1)
    assert pos == len("سطر أول") + 1
    pos, _ = layout.move_vertical(pos, +1, goal)
    assert layout.row_of(pos) == 2


def test_terminal_mode_shows_logical_text():
    layout = VisualLayout("مرحبا iPad", 30, mode="terminal")
    assert screen_row(layout, 0).startswith("مرحبا iPad")
    assert visit("مرحبا iPad", 30, 0, +1, mode="terminal")[:3] == [0, 1, 2]


def test_lam_alef_ligature_is_one_cell():
    text = "لا سلام"
    layout = VisualLayout(text, 20)
    stops = [p for _, p in layout.stops(0)]
    assert 1 not in stops  # the alef is drawn by the lam's ligature glyph
    buf = EditBuffer(text)
    buf.move_to(2)
    buf.backspace()
    assert buf.text == "ل سلام"  # logical deletion still removes one letter


# -- property: editing through the visual layout keeps the logical text --------------

ALPHABET = [*"عقدلامحسن يبت", *"iPad 4", "\u064e", "\u064f", "\u0651", "(", ")", "«", "»", "\n"]
KEYS = st.sampled_from(["left", "right", "up", "down", "home", "end", "backspace", "delete"])
ACTIONS = st.lists(st.one_of(KEYS, st.text(alphabet=ALPHABET, min_size=1, max_size=3)),
                   max_size=30)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=30), ACTIONS, st.integers(8, 40))
@example("\u064e", ["right", "backspace"], 8)  # a line of one mark, right-aligned
@example("4\n\u064e", ["right", "backspace"], 8)  # backspace joins "4" and a mark
def test_any_edit_sequence_matches_a_logical_editor(initial, actions, width):
    buf = EditBuffer(initial)
    model, caret = buf.text, buf.caret
    goal = None
    for action in actions:
        layout = VisualLayout(buf.text, width)
        if action in ("left", "right"):
            buf.move_to(layout.move_horizontal(buf.caret, -1 if action == "left" else 1))
        elif action in ("up", "down"):
            pos, goal = layout.move_vertical(buf.caret, -1 if action == "up" else 1, goal)
            buf.move_to(pos)
        elif action == "home":
            buf.move_to(layout.line_start(buf.caret))
        elif action == "end":
            buf.move_to(layout.line_end(buf.caret))
        if action in ("left", "right", "up", "down", "home", "end"):
            assert buf.text == model  # moving never edits
            assert buf.caret in cluster_boundaries(model)
            caret = buf.caret
            continue
        goal = None
        bounds = cluster_boundaries(model)
        if action == "backspace":
            if caret > 0:
                start = max(b for b in bounds if b < caret)
                model, caret = model[:start] + model[caret:], start
            buf.backspace()
        elif action == "delete":
            if caret < len(model):
                end = min(b for b in bounds if b > caret)
                model = model[:caret] + model[end:]
            buf.delete()
        else:
            model, caret = model[:caret] + action + model[caret:], caret + len(action)
            buf.insert(action)
        # An edit can join the caret's neighbours into one cluster (a line break
        # removed between "4" and a lone mark): the caret stands after that cluster.
        while 0 < caret < len(model) and caret not in cluster_boundaries(model):
            caret += 1
        assert buf.text == model
        assert buf.caret == caret
        # The caret is always drawn inside the pane.
        _row, x = VisualLayout(buf.text, width).caret_cell(buf.caret)
        assert 0 <= x < max(2, width)


def test_the_space_a_line_breaks_at_is_a_stop_at_the_lines_end():
    text = "هذا نص طويل يلتف على عدة أسطر"
    layout = VisualLayout(text, 16)
    first = layout.rows[0]
    hanging = layout.line_end(first.start)
    assert text[hanging] == " " and hanging == first.end - 1
    # Drawn after the text in reading order: left of a right-to-left line.
    row, x = layout.caret_cell(hanging)
    assert row == 0 and x == first.end_x < min(c.x for c in first.cells)
    # Left walks the first row's letters, its end, then the next row.
    path = visit(text, 16, 0, -1)
    assert path[: path.index(hanging) + 2] == [*range(0, hanging + 1), first.end]


def test_left_walks_fully_vocalised_text_cluster_by_cluster(shared_dir):
    """Real vocalised text (Tashkeela): Left from the start visits every letter+harakat
    cluster in reading order, never a position between a letter and its marks."""
    source = shared_dir / "corpus" / "text" / "tashkeela_val_01_lines1-40.txt"
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    checked = 0
    for text in lines[:12]:
        if any(ch.isascii() and ch.isalnum() for ch in text) or any(
            "\u0660" <= ch <= "\u0669" for ch in text
        ):
            continue  # a left-to-right run would legitimately reverse the walk
        layout = VisualLayout(text, 60)
        path = visit(text, 60, 0, -1, steps=len(text) + 10)
        bounds = cluster_boundaries(text)
        assert set(path) <= set(bounds)
        assert path == sorted(path)  # pure right-to-left: Left is always forward
        assert path[-1] == len(text)
        # Every cluster with a glyph of its own is a stop (lam-alef's alef has none).
        drawn = {cell.logical for row in layout.rows for cell in row.cells}
        assert {b for b in bounds[:-1] if b in drawn} <= set(path)
        checked += 1
    assert checked >= 5


def test_any_width_gives_a_usable_layout():
    for width in range(0, 6):
        layout = VisualLayout("نص iPad", width)
        _row, x = layout.caret_cell(0)
        assert 0 <= x < layout.width


def snapshot(layout: VisualLayout, caret: int, selection: tuple[int, int]) -> list:
    """Everything the editor takes from a layout: rows, what each draws, caret, moves."""
    rows = [(r.paragraph, r.start, r.end, r.offset, r.rtl_visual, r.last_in_paragraph,
             [tuple(c) for c in r.cells]) for r in layout.rows]
    drawn = [layout.spans(i, caret, selection) for i in range(len(layout.rows))]
    moves = [layout.move_horizontal(caret, -1), layout.move_horizontal(caret, 1),
             layout.move_vertical(caret, 1), layout.line_end(caret)]
    return [rows, drawn, layout.caret_cell(caret), moves]


TYPED = ["ب", "لا", " ", "a", "2015", "(", ")", "\u064e", "\n", "iPad mini 4 ", "،"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.sampled_from(["type", "back", "del", "sel"]),
                          st.sampled_from(TYPED)), min_size=1, max_size=12),
       st.sampled_from(["app", "terminal"]), st.integers(8, 30))
def test_layout_after_each_edit_equals_a_fresh_one(steps, mode, width):
    """The editor lays out each edit from the previous layout (only what changed is
    redone); what it shows must be what a layout from scratch shows, through typing,
    Enter (a paragraph split), Backspace joining paragraphs and replacing a selection."""
    buf = EditBuffer("جهاز iPad mini 4 جديد (بسماكة 6.1) ميليمتر\nسطر ثان قصير")
    layout = VisualLayout(buf.text, width, mode=mode)
    for where, action, typed in steps:
        buf.move_to(round(where * len(buf.text)))
        if action == "type":
            buf.insert(typed)
        elif action == "back":
            buf.backspace()
        elif action == "del":
            buf.delete()
        else:
            buf.move_to(buf.caret + 7, select=True)
            buf.insert(typed)
        layout = VisualLayout(buf.text, width, mode=mode, previous=layout)
        sel = buf.selection
        fresh = VisualLayout(buf.text, width, mode=mode)
        assert snapshot(layout, buf.caret, (sel.start, sel.end)) == snapshot(
            fresh, buf.caret, (sel.start, sel.end))


def test_a_keystroke_in_a_long_pasted_paragraph_builds_only_a_few_lines():
    paragraph = " ".join(["أعلنت", "الشركة", "اليوم", "عن", "جهاز", "iPad", "جديد"] * 400)
    buf = EditBuffer(paragraph)
    buf.move_to(len(paragraph) // 2)
    layout = VisualLayout(buf.text, 70)
    for row in range(len(layout.rows)):
        layout.spans(row, None)  # everything drawn once
    buf.insert("ب")
    after = VisualLayout(buf.text, 70, previous=layout)
    after.spans(after.row_of(buf.caret), buf.caret)
    engine = after._layouts[0]
    assert engine is not None and engine.built <= 3
    assert engine.reused >= len(after.rows) - 3
