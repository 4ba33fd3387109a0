"""The comment pane in a running app (Textual Pilot): form, messages, counters, saving."""

from __future__ import annotations

import asyncio
import json

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import Screen

from reader.comments.form import CommentDraft
from reader.comments.session import AUTOSAVE_DELAY
from reader.comments.store import DraftStore, DraftTarget
from tests.comments.dbutil import open_database
from tests.ui.conftest import wait_until

pytest.importorskip("reader.text.layout")

from reader.ui.widgets.comments import CommentEditor, CommentPane
from reader.ui.widgets.comments.bidi_text import BidiText, laid_out
from reader.ui.widgets.comments.remember import RememberBox

TARGET = DraftTarget("ea300a519c8a66f3", "عنوان", "https://example.com/?p=5")


class PaneApp(App):
    def __init__(self, store: DraftStore, language: str = "en", bidi: str = "app",
                 target: DraftTarget = TARGET) -> None:
        super().__init__()
        self.store, self.language, self.bidi, self.target = store, language, bidi, target

    def compose(self) -> ComposeResult:
        yield CommentPane(self.store, self.target, bidi=self.bidi, language=self.language)


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


#: The isolates around a sentence's values (FSI, LRI, RLI, PDI): never drawn.
ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def text_of(app: App, selector: str) -> str:
    """The interface text a BidiText shows, as a sentence (its values' isolates left out)."""
    return app.query_one(selector, BidiText).text.translate(ISOLATES)


def editor_screen(editor: CommentEditor) -> list[str]:
    return [editor.render_line(y).text for y in range(editor.content_size.height)]


@pytest.fixture
def store(tmp_path):
    conn = open_database(tmp_path / "lib.sqlite3")
    yield DraftStore(conn)
    conn.close()


async def test_form_has_the_sites_fields_with_required_marks(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)):
        assert text_of(app, "#label-comment") == "Comment *"
        assert text_of(app, "#label-author") == "Name *"
        assert text_of(app, "#label-email") == "Email *"
        assert text_of(app, "#label-url") == "Website"
        assert "Required fields are marked *" in text_of(app, ".comment-note")
        box = app.query_one("#field-remember", RememberBox)
        assert box.render().plain.startswith("[ ] Save my name, email, and website")
        # An untouched form: no messages yet, counters at zero, not ready.
        assert text_of(app, "#error-comment") == ""
        assert text_of(app, "#bytes-author") == "0 / 245 bytes"
        assert text_of(app, "#comment-status").startswith("Not ready: 3 problem(s)")


async def test_arabic_typing_is_shaped_right_to_left_with_a_byte_counter(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        await type_text(pilot, "مقال رائع")
        editor = pane.editor("comment")
        assert editor.text == "مقال رائع"
        assert text_of(app, "#bytes-comment") == "17 / 65,525 bytes"
        row = editor_screen(editor)[0]
        width = editor.content_size.width
        expected = laid_out("مقال رائع", width - 1, "app", "rtl")[0].strip()
        assert row.rstrip().endswith(expected)  # shaped, visual order, right-aligned
        assert "مقال" not in row  # never the logical, unshaped letters
        assert text_of(app, "#error-comment") == ""
        assert text_of(app, "#error-author") == "Error: Please fill the required fields."


async def test_validation_messages_follow_typing(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.editor("email").focus()
        await type_text(pilot, "sara@")
        assert text_of(app, "#error-email") == "Error: Please enter a valid email address."
        await type_text(pilot, "example.com")
        assert text_of(app, "#error-email") == ""
        pane.editor("author").focus()
        await type_text(pilot, "سس")
        pane.editor("author").post_message(events.Paste("س" * 121))
        await pilot.pause()
        assert text_of(app, "#bytes-author") == "246 / 245 bytes"
        assert app.query_one("#bytes-author").has_class("-over")
        assert text_of(app, "#error-author") == "Error: Your name is too long."
        await pilot.press("backspace")
        assert text_of(app, "#error-author") == ""


async def test_arabic_interface_language(store):
    app = PaneApp(store, language="ar")
    async with app.run_test(size=(80, 50)) as pilot:
        app.query_one(CommentPane).focus_comment()
        await pilot.press("ن")
        assert text_of(app, "#label-comment") == "التعليق *"
        assert text_of(app, "#error-email") == "خطأ: يرجى ملء الحقول المطلوبة."
        assert text_of(app, "#bytes-url") == "0 / 200 بايت"
        box = app.query_one("#field-remember", RememberBox).render().plain.splitlines()
        assert box[0].endswith(" [ ]") and box[0].startswith(" ")  # mark on the right
        assert len(box) == 2  # the long Arabic label wraps instead of running off
        label = app.query_one("#label-comment", BidiText)
        shown = label.render().plain
        assert shown.rstrip().endswith(laid_out("التعليق *", label.content_size.width,
                                                "app", "rtl")[0].strip())
        assert shown.startswith(" ")  # right-aligned


async def test_autosave_one_second_after_typing_and_reload(store, monkeypatch):
    # When each save happens, on the loop's clock: typing can take longer than a
    # second on a loaded machine, so "nothing saved right after typing" would race
    # the machine; "no save earlier than a second after the first key" does not.
    loop = asyncio.get_running_loop()
    saved_at: list[float] = []
    save = store.save

    def timed_save(*args, **kwargs):
        saved_at.append(loop.time())
        return save(*args, **kwargs)

    monkeypatch.setattr(store, "save", timed_save)
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        first_key = loop.time()
        await type_text(pilot, "رأيي")
        await pilot.pause(AUTOSAVE_DELAY)
        record = store.load(TARGET.article_id)
        while (record is None or record.draft.comment != "رأيي") and \
                loop.time() - first_key < 20:  # the timer's turn on a loaded machine
            await pilot.pause(0.1)
            record = store.load(TARGET.article_id)
        assert saved_at and saved_at[0] - first_key >= AUTOSAVE_DELAY
        assert record is not None and record.draft.comment == "رأيي"
        assert not record.ready
    app2 = PaneApp(store)
    async with app2.run_test(size=(80, 50)):
        assert app2.query_one(CommentPane).editor("comment").text == "رأيي"


async def test_continuous_typing_is_saved_every_second(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        app.query_one(CommentPane).focus_comment()
        typed = ""
        start = asyncio.get_running_loop().time()
        while asyncio.get_running_loop().time() - start < 1.6:  # never pausing a second
            await pilot.press("ب")
            typed += "ب"
        record = store.load(TARGET.article_id)
        assert record is not None and record.draft.comment  # saved while typing
        assert typed.startswith(record.draft.comment)


async def test_quitting_saves_at_once(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        app.query_one(CommentPane).focus_comment()
        await type_text(pilot, "قبل الخروج")
    assert store.load(TARGET.article_id).draft.comment == "قبل الخروج"


async def test_leaving_the_pane_saves(store):
    class WithOther(PaneApp):
        def compose(self) -> ComposeResult:
            yield CommentEditor(id="elsewhere", multiline=False)
            yield from super().compose()

    app = WithOther(store)
    async with app.run_test(size=(80, 50)) as pilot:
        app.query_one(CommentPane).focus_comment()
        await type_text(pilot, "نص")
        app.query_one("#elsewhere").focus()

        def saved() -> bool:
            stored = store.load(TARGET.article_id)
            return stored is not None and stored.draft.comment == "نص"

        await wait_until(pilot, saved, "the draft saved on leaving the pane")
        assert store.load(TARGET.article_id).draft.comment == "نص"


async def test_switching_article_saves_and_loads_the_other_draft(store):
    other = DraftTarget("other", "آخر")
    store.save(other, CommentDraft("مسودة أخرى"), base_revision=0)
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        await type_text(pilot, "الأول")
        pane.show_article(other)
        assert store.load(TARGET.article_id).draft.comment == "الأول"
        assert pane.editor("comment").text == "مسودة أخرى"


async def test_remembered_identity_fills_the_next_article(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.editor("author").focus()
        await type_text(pilot, "سارة")
        pane.editor("email").focus()
        await type_text(pilot, "sara@example.com")
        app.query_one("#field-remember").focus()
        await pilot.press("space")
        pane.save_now()
        pane.show_article(DraftTarget("next-article"))
        assert pane.editor("author").text == "سارة"
        assert pane.editor("email").text == "sara@example.com"
        assert app.query_one("#field-remember", RememberBox).value


async def test_copy_gives_logical_text_and_paste_is_sanitized(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        await type_text(pilot, "جهاز iPad")
        await pilot.press("ctrl+a", "ctrl+c")
        assert app.clipboard == "جهاز iPad"
        await pilot.press("end")
        editor = pane.editor("comment")
        editor.post_message(events.Paste(" \x1b]52;c;ZXZpbA==\x07mini\u202e 4"))
        await pilot.pause()
        assert editor.text == "جهاز iPad mini 4"


async def test_conflict_is_shown_and_keep_mine_keeps_both(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        await type_text(pilot, "أ")
        pane.save_now()
        # Another instance saves a newer revision.
        store.save(TARGET, CommentDraft("نص النافذة الأخرى"), base_revision=1)
        await type_text(pilot, "ب")
        pane.save_now()
        assert "changed in another window" in text_of(app, "#comment-status")
        assert app.query_one("#comment-status").has_class("-problem")
        await pilot.press("ctrl+k")
        assert store.load(TARGET.article_id).draft.comment == "أب"
        kept = {k.draft.comment for k in store.kept_versions(TARGET.article_id)}
        assert kept == {"أب", "نص النافذة الأخرى"}


async def test_conflict_take_theirs_loads_their_text(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        await type_text(pilot, "أ")
        pane.save_now()
        store.save(TARGET, CommentDraft("نصهم"), base_revision=1)
        await type_text(pilot, "ب")
        pane.save_now()
        await pilot.press("ctrl+t")
        assert pane.editor("comment").text == "نصهم"
        assert "أب" in {k.draft.comment for k in store.kept_versions(TARGET.article_id)}


async def test_full_disk_message_then_retry_saves(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        await type_text(pilot, "أ")
        pane.save_now()
        conn = store.connection
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        pane.editor("comment").post_message(events.Paste("ن" * 20_000))
        await pilot.pause()
        pane.save_now()
        assert app.query_one("#comment-banner").display  # at the top of the pane
        assert "Cannot save the draft (the disk is full)" in text_of(app, "#comment-banner")
        assert pane.editor("comment").text == "أ" + "ن" * 20_000  # kept in memory
        conn.execute("PRAGMA max_page_count = 1073741823")
        await pilot.pause(2.4)  # the retry timer
        assert store.load(TARGET.article_id).draft.comment == "أ" + "ن" * 20_000
        assert not app.query_one("#comment-banner").display


async def test_terminal_bidi_mode_shows_logical_text(store):
    app = PaneApp(store, bidi="terminal")
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        await type_text(pilot, "مرحبا")
        row = editor_screen(pane.editor("comment"))[0]
        assert row.lstrip().startswith("مرحبا")


async def test_quitting_while_the_disk_is_full_writes_a_recovery_file(store, tmp_path,
                                                                       monkeypatch):
    monkeypatch.setenv("RTL_READER_RECOVERY", str(tmp_path / "recovered"))
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        await type_text(pilot, "أ")
        pane.save_now()
        conn = store.connection
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        pane.editor("comment").post_message(events.Paste("ن" * 20_000))
        await pilot.pause()
        assert pane.unsaved or pane.save_now().status == "failed"
    files = list((tmp_path / "recovered").glob("*.json"))
    assert len(files) == 1
    assert json.loads(files[0].read_text(encoding="utf-8"))["comment"] == "أ" + "ن" * 20_000


async def test_focusing_the_pane_puts_the_caret_in_the_comment(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        app.screen.set_focus(pane)  # what a host does on its "c" key
        await pilot.press("ر", "أ", "ي")
        assert pane.editor("comment").text == "رأي"
        assert app.focused is pane.editor("comment")


async def test_switching_language_and_bidi_mode_at_run_time(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        await type_text(pilot, "مرحبا")
        pane.configure(language="ar")
        await wait_until(pilot, lambda: text_of(app, "#label-comment") == "التعليق *",
                         "the Arabic labels")
        assert text_of(app, "#label-comment") == "التعليق *"
        assert text_of(app, "#bytes-comment") == "10 / 65,525 بايت"
        pane.configure(bidi="terminal")
        await wait_until(pilot, lambda: editor_screen(pane.editor("comment"))[0].lstrip()
                         .startswith("مرحبا"), "the comment in logical order")
        assert editor_screen(pane.editor("comment"))[0].lstrip().startswith("مرحبا")


def caret_column(editor: CommentEditor, row: int = 0) -> int | None:
    """The column of the reverse-video cell the editor draws on *row* (None: no caret)."""
    x = 0
    for segment in editor.render_line(row):
        if segment.style is not None and segment.style.reverse:
            return x
        x += segment.cell_length
    return None


async def test_caret_is_drawn_where_the_engine_map_puts_it_and_moves_visually(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        await type_text(pilot, "جهاز iPad")
        editor = pane.editor("comment")
        layout = editor.visual_layout()
        # After typing, the caret is at the paragraph's end in reading order: left of
        # the whole right-to-left line (where "iPad" is drawn, left of "جهاز").
        assert caret_column(editor) == layout.caret_cell(editor.buffer.caret)[1]
        assert caret_column(editor) < layout.rows[0].cells[0].x
        await pilot.press("home")
        assert editor.buffer.caret == 0
        assert caret_column(editor) == layout.rows[0].cells[-1].x  # the rightmost cell: ج
        await pilot.press("left", "left", "left", "left", "left")
        # Past جهاز and the space, Left reaches the Latin run at its right end: "d".
        assert editor.text[editor.buffer.caret] == "d"
        await pilot.press("right")
        assert editor.buffer.caret == 4  # back on the space


async def test_shift_arrows_select_logical_text_for_copy(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        await type_text(pilot, "جهاز iPad")
        await pilot.press("home", "shift+left", "shift+left", "shift+left", "shift+left")
        await pilot.press("ctrl+c")
        assert app.clipboard == "جهاز"
        await pilot.press("ctrl+x")
        assert pane.editor("comment").text == " iPad"
        await pilot.press("ctrl+v")
        assert pane.editor("comment").text == "جهاز iPad"


async def test_up_and_down_move_between_wrapped_lines(store):
    app = PaneApp(store)
    async with app.run_test(size=(40, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        text = "هذا تعليق طويل يلتف على عدة أسطر في المحرر الضيق جدا"
        pane.editor("comment").post_message(events.Paste(text))
        await pilot.pause()
        editor = pane.editor("comment")
        layout = editor.visual_layout()
        assert len(layout.rows) >= 2
        await pilot.press("home")
        assert layout.row_of(editor.buffer.caret) == len(layout.rows) - 1
        await pilot.press("up")
        assert layout.row_of(editor.buffer.caret) == len(layout.rows) - 2
        await pilot.press("down")
        assert layout.row_of(editor.buffer.caret) == len(layout.rows) - 1
        assert editor.text == text


async def test_a_tiny_terminal_does_not_break_the_pane(store):
    app = PaneApp(store)
    async with app.run_test(size=(6, 12)) as pilot:
        app.query_one(CommentPane).focus_comment()
        await type_text(pilot, "نص طويل نوعا ما")
        await pilot.press("left", "up", "down", "home", "end", "backspace")
        assert app.query_one(CommentPane).editor("comment").text == "نص طويل نوعا م"


async def test_clicking_puts_the_caret_on_the_clicked_letter(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        await type_text(pilot, "جهاز iPad")
        editor = pane.editor("comment")
        layout = editor.visual_layout()
        target = next(c for c in layout.rows[0].cells if editor.text[c.logical] == "P")
        await pilot.click(editor, offset=(target.x, 0))
        assert editor.buffer.caret == editor.text.index("P")


async def test_tab_walks_the_fields_then_leaves_to_the_host(store):
    class HostScreen(Screen):
        BINDINGS = [("tab", "host_tab", "")]  # noqa: RUF012 - like the reading screen's
        host_tabs = 0

        def compose(self) -> ComposeResult:
            yield CommentPane(store, TARGET, language="en")

        def action_host_tab(self) -> None:
            self.host_tabs += 1

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(HostScreen())

    app = Host()
    async with app.run_test(size=(80, 50)) as pilot:
        await wait_until(pilot, lambda: app.screen.query(CommentPane), "the host's screen")
        screen = app.screen
        pane = screen.query_one(CommentPane)
        pane.focus_comment()
        await pilot.pause()
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(app.focused.id)
        assert seen == ["field-author", "field-email", "field-url", "field-remember"]
        assert screen.host_tabs == 0
        await pilot.press("tab")
        assert screen.host_tabs == 1  # past the last field, the screen's Tab runs
        await pilot.press("shift+tab")
        assert app.focused.id == "field-url"


async def test_switching_article_while_the_disk_is_full_keeps_the_draft(store, tmp_path,
                                                                         monkeypatch):
    monkeypatch.setenv("RTL_READER_RECOVERY", str(tmp_path / "recovered"))
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        await type_text(pilot, "أ")
        pane.save_now()
        conn = store.connection
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        pane.editor("comment").post_message(events.Paste("ن" * 20_000))
        await pilot.pause()
        pane.show_article(DraftTarget("another"))
        (saved,) = (tmp_path / "recovered").glob("*.json")
        assert json.loads(saved.read_text(encoding="utf-8"))["comment"] == "أ" + "ن" * 20_000
        conn.execute("PRAGMA max_page_count = 1073741823")


async def test_typing_inside_a_long_pasted_paragraph_shows_what_a_fresh_layout_shows(store):
    """A paragraph of thousands of characters, pasted, then typed into and deleted from in
    the middle: each keystroke lays out only what changed, and the field shows exactly
    the rows (and caret) a layout from scratch gives, and the draft holds every key."""
    from reader.text.editing.caret import VisualLayout

    words = ["أعلنت", "الشركة", "اليوم", "عن", "جهاز", "iPad", "mini", "4", "(جديد)", "بسماكة"]
    paragraph = " ".join(words[i % len(words)] for i in range(700))
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        editor = pane.editor("comment")
        editor.post_message(events.Paste(paragraph))
        await pilot.pause()
        for _ in range(12):
            await pilot.press("up")
        caret = editor.buffer.caret
        await type_text(pilot, "وقال x 2 ")
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        expected = paragraph[:caret] + "وقال x " + paragraph[caret:]
        assert editor.text == expected
        fresh = VisualLayout(expected, editor.visual_layout().width, direction="rtl")
        top = editor._top
        shown = editor_screen(editor)
        assert len(shown) >= 5
        assert shown == [
            "".join(text for text, _ in fresh.spans(top + y, editor.buffer.caret))
            for y in range(len(shown))
        ]
        assert fresh.caret_cell(editor.buffer.caret) == editor.visual_layout().caret_cell(
            editor.buffer.caret)
        pane.save_now()
        assert store.load(TARGET.article_id).draft.comment == expected


class HostWithoutPane(App):
    """An app whose column gets the pane later, as the reading screen mounts its side
    panes after the article's first paint."""

    def compose(self) -> ComposeResult:
        yield Vertical(id="side")


async def test_removed_in_the_instant_it_mounts_the_pane_sets_nothing_up(store):
    # The app leaving (or the screen closing) just after the pane was attached and
    # before it composed: Textual mounts none of its children, yet sends it Mount.
    app = HostWithoutPane()
    async with app.run_test(size=(80, 50)) as pilot:
        side = app.query_one("#side")
        pane = CommentPane(store, TARGET)
        side.mount(pane)
        side.remove()  # what the app's exit does to every screen: prune it
        await wait_until(pilot, lambda: not pane.is_attached, "the pane gone")
        assert not app.query(CommentPane)  # (without the fix: NoMatches, raised here)
    assert store.load(TARGET.article_id) is None  # nothing typed, nothing saved
