"""The comment pane's banner: a conflict, a recovered draft and kept versions are shown
at the top of the pane, viewed with ctrl+o and taken or restored from there."""

from __future__ import annotations

import pytest

from reader.comments.form import CommentDraft
from reader.comments.recovery import recovered_for, write_recovery
from reader.comments.store import DraftStore, DraftTarget
from tests.ui.conftest import screen_rows, wait_until
from tests.ui.test_comment_pane import TARGET, PaneApp, text_of, type_text

pytest.importorskip("reader.text.layout")

from reader.ui.screens.choice import ChoiceScreen
from reader.ui.widgets.comments import CommentPane

OTHER_ARTICLE = DraftTarget("0000000000000001", "آخر", None)


@pytest.fixture
def store(tmp_path):
    from tests.comments.dbutil import open_database

    conn = open_database(tmp_path / "lib.sqlite3")
    yield DraftStore(conn)
    conn.close()


def banner(app) -> str:
    widget = app.query_one("#comment-banner")
    return text_of(app, "#comment-banner") if widget.display else ""


async def test_no_message_on_a_new_form_prefilled_with_the_remembered_name(store):
    """The remembered name and e-mail fill a new form: still no "type your comment"."""
    store.save(OTHER_ARTICLE, CommentDraft("قديم", "سارة", "sara@example.com", remember=True),
               base_revision=0)
    app = PaneApp(store)
    async with app.run_test(size=(80, 50)) as pilot:
        pane = app.query_one(CommentPane)
        assert pane.editor("author").text == "سارة"
        assert text_of(app, "#error-comment") == ""
        pane.focus_comment()
        await type_text(pilot, "ا")
        await pilot.press("backspace")
        assert text_of(app, "#error-comment").startswith("Error: Please type your comment")


async def test_a_conflict_is_announced_at_the_top_and_viewed_with_ctrl_o(store):
    app = PaneApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(CommentPane)
        pane.focus_comment()
        await type_text(pilot, "أ")
        pane.save_now()
        store.save(TARGET, CommentDraft("نص النافذة الأخرى"), base_revision=1)
        await type_text(pilot, "ب")
        pane.save_now()
        await wait_until(pilot, lambda: "changed in another window" in banner(app),
                         "the conflict announced")
        assert "changed in another window" in banner(app)
        top = app.query_one("#comment-banner").region
        assert top.y <= 1 and top.height >= 1  # where the writer looks, above the form
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen), "the versions")
        assert isinstance(app.screen, ChoiceScreen)
        assert "نص النافذة الأخرى" in app.screen.question
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: not isinstance(app.screen, ChoiceScreen), "the choice")
        assert pane.editor("comment").text == "نص النافذة الأخرى"
        # Ours went aside: the banner now offers it back.
        assert "Other versions of this draft kept" in banner(app)
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen), "the versions")
        assert app.screen.question[1] == "أب"
        await pilot.press("r")
        await wait_until(pilot, lambda: not isinstance(app.screen, ChoiceScreen), "the choice")
        assert pane.editor("comment").text == "أب"
        assert store.load(TARGET.article_id).draft.comment == "أب"
        kept = {k.draft.comment for k in store.kept_versions(TARGET.article_id)}
        assert "نص النافذة الأخرى" in kept  # the text it replaced is kept in turn


async def test_a_recovery_file_is_offered_when_the_article_is_opened(store):
    write_recovery(TARGET.article_id, CommentDraft("نص لم يُحفظ", "سارة", "s@example.com"))
    write_recovery("another-article", CommentDraft("لغيره"))
    app = PaneApp(store)
    async with app.run_test(size=(80, 40)) as pilot:
        pane = app.query_one(CommentPane)
        assert "could not be saved" in banner(app)
        pane.focus_comment()
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen), "the versions")
        assert "نص لم يُحفظ" in app.screen.question
        await pilot.press("r")
        await wait_until(pilot, lambda: not isinstance(app.screen, ChoiceScreen), "the choice")
        assert pane.editor("comment").text == "نص لم يُحفظ"
        assert store.load(TARGET.article_id).draft.comment == "نص لم يُحفظ"
    assert recovered_for(TARGET.article_id) == []  # taken into the library
    assert len(recovered_for("another-article")) == 1  # not this article's: left alone


def test_a_damaged_recovery_file_is_left_alone(tmp_path):
    folder = tmp_path / "rec"
    folder.mkdir()
    (folder / "x.json").write_text("{not json", encoding="utf-8")
    (folder / "y.json").write_text('{"article_id": "a", "comment": 5}', encoding="utf-8")
    (folder / "z.json").write_text(
        '{"article_id": "a", "comment": "\\u001b[31mنص\\u202e", "author": "", '
        '"email": "", "url": ""}', encoding="utf-8")
    found = recovered_for("a", folder)
    assert [draft.comment for _path, draft in found] == ["نص"]


async def test_a_read_only_library_says_where_the_draft_went_at_the_top(tmp_path, monkeypatch):
    """A library that cannot be written (opened read-only): the draft goes to a recovery
    file, and the banner at the top of the comment pane names it, on screen at 130x40
    (the status line under the fields is below the pane's fold there)."""
    from reader.library import Library, database
    from tests.ui.conftest import make_app, seed_id, settle_reading

    monkeypatch.setenv("RTL_READER_RECOVERY", str(tmp_path / "recovered"))
    with Library.open(tmp_path / "library.sqlite") as writable:
        article_id = seed_id(writable)  # (a path is imported: before it is read-only)
    monkeypatch.setattr(database, "_location_is_writable", lambda path: False)
    library = Library.open(tmp_path / "library.sqlite")
    assert library.read_only
    try:
        app = make_app(library, article_id=article_id)
        async with app.run_test(size=(130, 40)) as pilot:
            await settle_reading(pilot)
            await pilot.press("c", *"رأي")
            pane = app.screen.query_one(CommentPane)
            pane.save_now()
            await wait_until(pilot, lambda: "The library is read-only" in banner(app),
                             "the banner naming the recovery file")
            kept = list((tmp_path / "recovered").iterdir())
            assert len(kept) == 1
            assert "The library is read-only: this draft is kept in" in banner(app)
            assert kept[0].name in banner(app)
            shown = app.query_one("#comment-banner")
            assert shown.region.y == pane.content_region.y  # the pane's first line
            rows = screen_rows(app.screen)
            assert any("read-only" in row for row in rows)  # drawn, not below the fold
    finally:
        library.close()
