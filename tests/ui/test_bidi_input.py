"""The one-line fields (library search, find) show typed Arabic as the engine lays it out."""

from __future__ import annotations

from typing import Any

from textual import events

from reader.text.layout import Document, LayoutOptions, Line
from reader.text.output import is_mark
from reader.ui.widgets.bidi_input import BidiInput, field_line
from tests.ui.conftest import (
    make_app,
    record_notices,
    seed_id,
    settle_library,
    settle_reading,
    wait_until,
)

MIXED = "سلام abc 123"


def engine_line(value: str, *, mode: str = "app", shape: bool = True,
                direction: str = "ltr") -> Line:
    """The engine's own line for *value* (no outer spaces), at a width that never wraps."""
    options = LayoutOptions(width=500, mode=mode, shape=shape, direction=direction)
    (line,) = Document([value], direction).paragraph_lines(0, options)
    return line


def cells(field: BidiInput) -> str:
    """What the field draws, one char per cell (the tests use no wide characters)."""
    return field.render_line(0).text


def enumerate_cells(field: BidiInput) -> list[tuple[int, Any]]:
    """(column, segment) for each cell the field draws (one-cell characters only)."""
    segments = [segment for segment in field.render_line(0) for ch in segment.text
                if not is_mark(ch)]  # a strategy's bidi marks take no cell
    return list(enumerate(segments))


def caret_cells(field: BidiInput) -> list[int]:
    """Columns drawn in the caret's style."""
    caret = field.get_component_rich_style("input--cursor").bgcolor
    return [x for x, segment in enumerate_cells(field) if segment.style.bgcolor == caret]


async def search_field(pilot: Any) -> BidiInput:
    await pilot.press("slash")
    field = pilot.app.screen.query_one("#library-search", BidiInput)
    field.cursor_blink = False  # a steady caret to look at
    assert field.has_focus
    return field


def test_outer_spaces_sit_at_the_line_ends_in_reading_order() -> None:
    rtl = field_line(" سلام  ", "app", "keep", True, "ltr")
    core = engine_line("سلام")
    assert rtl.text == "  " + core.text + " " and rtl.cells == 6 and rtl.align_right
    assert sorted(rtl.visual_to_logical) == [0, 1, 2, 4, 5, 6]  # lam-alef: one glyph
    assert rtl.visual_to_logical[:2] == (6, 5) and rtl.visual_to_logical[-1] == 0
    ltr = field_line(" abc ", "app", "keep", True, "rtl")
    assert ltr.text == " abc " and ltr.visual_to_logical == (0, 1, 2, 3, 4)
    assert field_line("   ", "app", "keep", True, "rtl").align_right


async def test_typed_arabic_is_drawn_as_the_engine_lays_it_out(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await search_field(pilot)
        await pilot.press(*MIXED)
        await pilot.pause()
        assert field.value == MIXED  # the value stays logical
        line = engine_line(MIXED)
        width = field.field_width
        assert cells(field) == line.padded(width)  # shaped, visual order, right-aligned
        # After the last character: the cell past the line's end in reading order.
        assert caret_cells(field) == [width - line.cells - 1]
        await pilot.press("home")  # the start in reading order: the right edge
        assert field.cursor_position == 0
        assert caret_cells(field) == [width - 1]
        assert cells(field)[width - 1] == line.text[line.logical_to_visual(0)]


async def test_arrows_move_one_cell_on_screen_and_edits_stay_logical(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await search_field(pilot)
        await pilot.press(*MIXED, "home")
        line = engine_line(MIXED)
        width = field.field_width
        columns = [caret_cells(field)[0]]
        for _ in range(line.cells):
            await pilot.press("left")
            columns.append(caret_cells(field)[0])
        # Every press is one cell to the left, through the Latin run and the digits.
        assert columns == list(range(width - 1, width - line.cells - 2, -1))
        assert field.cursor_position == len(MIXED)
        await pilot.press("left")  # at the edge it stays
        assert caret_cells(field) == [columns[-1]]
        await pilot.press("right", "right")
        assert caret_cells(field) == [columns[-3]]
        # The caret is on the cell drawing the character after it.
        expected = width - line.cells + line.logical_to_visual(field.cursor_position)
        assert caret_cells(field) == [expected]
        await pilot.press("home", "delete")
        assert field.value == MIXED[1:]
        await pilot.press("end", "backspace")
        assert field.value == MIXED[1:-1]
        await pilot.press("home", "ب")
        assert field.value == "ب" + MIXED[1:-1] and field.cursor_position == 1
        assert cells(field) == engine_line(field.value).padded(width)
        await pilot.press("shift+left", "shift+left")  # select two cells leftwards
        assert field.selected_text == field.value[1:4]  # the lam-alef glyph and the meem
        chosen = field.get_component_rich_style("input--selection").bgcolor
        drawn = [x for x, segment in enumerate_cells(field) if segment.style.bgcolor == chosen]
        assert drawn == [width - 3, width - 2]  # the meem and the lam-alef
        assert caret_cells(field) == [width - 4]  # on the space after them


async def test_words_and_clicks_follow_the_screen(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await search_field(pilot)
        await pilot.press(*"سلام عليكم", "home", "ctrl+left")  # leftwards: the next word
        assert field.cursor_position == len("سلام ")
        await pilot.press("ctrl+right")
        assert field.cursor_position == 0
        line = engine_line(field.value)
        width = field.field_width
        column = width - line.cells + line.logical_to_visual(7)  # the yeh of عليكم
        left = field.content_region.x - field.region.x
        await pilot.click(field, offset=(left + column, 1))
        assert field.cursor_position == 7 and caret_cells(field) == [column]


async def test_backspace_and_delete_take_a_letter_with_its_harakat(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await search_field(pilot)
        field.post_message(events.Paste("كَتَبَ"))  # (Pilot cannot press a haraka)
        await pilot.press("backspace")
        assert field.value == "كَتَ"
        await pilot.press("home", "delete")
        assert field.value == "تَ"
        assert cells(field) == engine_line("تَ").padded(field.field_width)
        field.value = "كَتَبَ الوَلَدُ"
        await pilot.press("home", "ctrl+left")  # harakat are part of the word
        assert field.cursor_position == len("كَتَبَ ")


async def test_a_typed_space_moves_the_caret(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await search_field(pilot)
        await pilot.press(*"سلام")
        before = caret_cells(field)
        await pilot.press("space")
        assert field.value == "سلام "
        assert caret_cells(field) == [before[0] - 1]


async def test_a_long_value_scrolls_to_keep_the_caret_in_view(library: Any) -> None:
    app = make_app(library)
    words = "وقال المتحدث باسم الخارجية الإيرانية إن المفاوضات النووية مستمرة"
    async with app.run_test(size=(60, 20)) as pilot:
        field = await search_field(pilot)
        field.post_message(events.Paste(words[:-4]))  # (each key is a library search)
        await pilot.pause()
        await pilot.press(*words[-4:])
        await pilot.pause()
        line = engine_line(words)
        width = field.field_width
        assert line.cells + 1 > width  # wider than the field
        full = " " + line.text  # the caret's cell, then the line
        # The end of the text (its left on screen) is shown, with the caret.
        assert field.scroll_column == 0
        assert cells(field) == full[:width] and caret_cells(field) == [0]
        await pilot.press("home")
        await pilot.pause()
        scroll = field.scroll_column
        assert scroll == len(full) - width  # scrolled to the beginning, on the right
        assert cells(field) == full[scroll:]
        assert caret_cells(field) == [width - 1]
        await pilot.press("end")
        await pilot.pause()
        assert field.scroll_column == 0 and caret_cells(field) == [0]


async def test_pasted_escape_sequences_and_controls_never_reach_value_or_screen(
        library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await search_field(pilot)
        field.post_message(events.Paste("\x1b]52;c;aGk=\x07إيران\x1b[2J\r\n\u202eنووي\x07\u2067"))
        await pilot.pause()
        assert field.value == "إيران نووي"
        drawn = cells(field)
        assert drawn.strip() == engine_line("إيران نووي").text
        assert all(ch.isprintable() for ch in drawn)
        app.copy_to_clipboard("\x1b[31mabc\u200f\n")
        await pilot.press("ctrl+v")
        assert field.value == "إيران نوويabc "
        field.value = "x\x1bcy\u202b\nz"  # set by code: sanitized as well
        assert field.value == "xy z"


async def test_terminal_mode_draws_logical_unshaped_text(library: Any) -> None:
    app = make_app(library, bidi="terminal")
    async with app.run_test(size=(100, 30)) as pilot:
        field = await search_field(pilot)
        await pilot.press(*MIXED)
        width = field.field_width
        assert cells(field) == MIXED.ljust(width)  # the terminal orders and shapes
        assert caret_cells(field) == [len(MIXED)]
        await pilot.press("left", "left")
        assert caret_cells(field) == [len(MIXED) - 2]


async def test_the_field_follows_a_change_of_settings(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await search_field(pilot)
        await pilot.press(*"إيران")
        width = field.field_width
        app.change(shape=False)
        await pilot.pause()
        assert cells(field) == engine_line("إيران", shape=False).padded(width)
        assert cells(field) != engine_line("إيران").padded(width)
        app.change(bidi="terminal")
        await pilot.pause()
        assert cells(field) == "إيران".ljust(width)


async def test_an_arabic_placeholder_is_laid_out_and_right_aligned(library: Any) -> None:
    app = make_app(library, lang="ar")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_library(pilot)
        field = app.screen.query_one("#library-search", BidiInput)
        placeholder = app.labels.translate("library.search")
        assert field.placeholder == placeholder  # logical: the field lays it out
        assert cells(field) == engine_line(placeholder, direction="rtl").padded(
            field.field_width)
        field = await search_field(pilot)
        assert caret_cells(field) == [field.field_width - 1]  # typing starts on the right


async def test_find_in_the_article_with_a_typed_arabic_query(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_reading(pilot)
        await pilot.press("slash")
        find = app.screen.query_one("#find", BidiInput)
        find.cursor_blink = False
        await pilot.press(*"إيران")
        await pilot.pause()
        view = app.screen.query_one("#article")
        assert view.matches  # search as you type
        assert cells(find) == engine_line("إيران").padded(find.field_width)
        assert find.border_title is None
        await pilot.press("enter")
        assert not find.display and view.current_match == 0


def queue_keys(app: Any, text: str) -> None:
    """Post keys as a burst from the terminal would arrive: all queued before any is handled."""
    for ch in text:
        app.post_message(events.Key("slash" if ch == "/" else ch, ch))


async def test_keys_queued_behind_slash_reach_the_search_field(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_library(pilot)
        queue_keys(app, "/ايران")
        field = app.screen.query_one("#library-search", BidiInput)
        await wait_until(pilot, lambda: field.value == "ايران", "the queued keys typed")
        assert field.has_focus and field.value == "ايران"
        await pilot.press("slash")  # in the field "/" is a character
        assert field.value == "ايران/"


async def test_keys_queued_behind_slash_reach_the_find_field(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_reading(pilot)
        queue_keys(app, "/back")  # b is Back outside the field
        await wait_until(pilot, lambda: app.screen.query_one("#find", BidiInput).value
                         == "back", "the queued keys typed")
        find = app.screen.query_one("#find", BidiInput)
        assert find.has_focus and find.value == "back"
        assert app.screen.article_id == seed_id(library)
        await pilot.press("c", "slash")  # typed into the find field, not the comment pane
        assert find.value == "backc/"


def _arabic(text: str) -> bool:
    return any("\ufe70" <= ch <= "\ufeff" or "\u0600" <= ch <= "\u06ff" for ch in text)


async def test_the_fields_keys_are_its_own_described_in_the_interface_language(
        library: Any) -> None:
    """Not Textual's Input underneath: no key of the field is described in Input's
    English; each is a catalogue entry, shown in Arabic in the Arabic interface."""
    from textual.widgets import Input

    from reader.i18n import STRINGS
    from reader.ui.bindings import describe

    app = make_app(library, lang="ar")
    async with app.run_test(size=(100, 30)) as pilot:
        field = await search_field(pilot)
        assert not isinstance(field, Input)
        own = [active.binding for active in app.screen.active_bindings.values()
               if active.node is field]
        assert len(own) >= 15
        assert all(binding.description in STRINGS for binding in own), own
        assert all(_arabic(describe(binding.description, app.labels)) for binding in own)
        keys = {binding.key for binding in own}
        assert {"left", "ctrl+left", "home", "end", "backspace", "delete", "ctrl+w"} <= keys
        assert not keys & {"up", "down"}  # a one-line field leaves them to the screen


async def test_line_editing_keys_take_whole_words_with_their_harakat(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await search_field(pilot)
        field.post_message(events.Paste("كَتَبَ الوَلَدُ الدَّرْسَ"))
        await pilot.pause()
        await pilot.press("ctrl+w")  # the last word, its shadda and sukun with it
        assert field.value == "كَتَبَ الوَلَدُ "
        await pilot.press("home", "ctrl+f")  # the first word and the space after it
        assert field.value == "الوَلَدُ " and field.cursor_position == 0
        await pilot.press("end", "ctrl+u")
        assert field.value == ""
        await pilot.press(*"abc def", "ctrl+left", "ctrl+k")
        assert field.value == "abc "


async def test_a_drag_selects_and_focusing_selects_the_value(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        field = await search_field(pilot)
        await pilot.press(*"abc def")
        left = field.content_region.x - field.region.x
        await pilot.mouse_down(field, offset=(left + 1, 1))
        await pilot.hover(field, offset=(left + 5, 1))
        await pilot.mouse_up(field, offset=(left + 5, 1))
        await pilot.pause()
        assert field.selected_text == "bc d" and field.cursor_position == 5
        await pilot.press("tab")
        assert not field.has_focus
        await pilot.press("slash")  # back in the field: its value selected, typing replaces it
        assert field.has_focus and field.selected_text == "abc def"
        await pilot.press("x")
        assert field.value == "x"


async def test_the_caret_blinks_only_while_the_field_has_the_focus(library: Any) -> None:
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        field = app.screen.query_one("#library-search", BidiInput)
        await pilot.press("a")
        assert field.caret_shown and caret_cells(field)
        timer = field.blink_timer
        assert timer is not None
        field.caret_shown = False  # as the timer does, half a second later
        assert caret_cells(field) == []
        await pilot.press("b")  # a key shows the caret again at once
        assert field.caret_shown and caret_cells(field)
        field.cursor_blink = False
        assert field.caret_shown


async def test_ctrl_c_copies_a_selection_and_without_one_tells_how_to_quit(
        library: Any) -> None:
    """As in Textual's ``Input``: Ctrl+C copies the selection; with none it is the app's
    key, whose notice tells a reader who meant to leave how to quit."""
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        said = record_notices(app)
        field = await search_field(pilot)
        await pilot.press("ctrl+c")  # an empty field: nothing to copy
        await wait_until(pilot, lambda: any("quit" in notice for notice in said),
                         "the notice telling how to quit")
        assert field.has_focus and field.value == ""
        said.clear()
        await pilot.press(*"جهاز", "ctrl+shift+a", "ctrl+c")
        assert app.clipboard == "جهاز"
        await pilot.press("end", "ctrl+c")  # a value, but nothing selected
        await wait_until(pilot, lambda: any("quit" in notice for notice in said),
                         "the notice telling how to quit")
        assert app.clipboard == "جهاز" and field.value == "جهاز"


async def test_ctrl_c_in_the_find_field_without_a_selection_tells_how_to_quit(
        library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=(100, 30)) as pilot:
        said = record_notices(app)
        await settle_reading(pilot)
        await pilot.press("slash", *"إيران")
        find = app.screen.query_one("#find", BidiInput)
        assert find.has_focus
        await pilot.press("ctrl+c")
        await wait_until(pilot, lambda: any("quit" in notice for notice in said),
                         "the notice telling how to quit")
        assert find.value == "إيران"


def test_the_editing_keys_every_field_shares_are_declared_once() -> None:
    """The caret and editing keys have one home (``EDITING_BINDINGS``): both the comment
    editor and the one-line field bind them, to the same actions, and neither declares
    any of those keys again."""
    from textual.binding import Binding, BindingsMap

    from reader.ui.widgets.comments.editor import EDITING_BINDINGS, CommentEditor

    shared = BindingsMap(EDITING_BINDINGS).key_to_bindings
    assert {"left", "right", "home", "end", "backspace", "delete", "ctrl+c", "ctrl+v"} \
        <= set(shared)
    for widget in (CommentEditor, BidiInput):
        bound = BindingsMap(widget.BINDINGS).key_to_bindings
        for key, bindings in shared.items():
            assert [b.action for b in bound[key]] == [b.action for b in bindings], key
        own = [binding for binding in widget.BINDINGS if binding not in EDITING_BINDINGS]
        assert all(isinstance(binding, Binding) for binding in own)
        again = {key.strip() for binding in own if isinstance(binding, Binding)
                 for key in binding.key.split(",")} & set(shared)
        assert again == set(), widget.__name__
