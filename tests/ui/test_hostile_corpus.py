"""A hostile corpus of Textual markup driven through every screen with Pilot.

Markup (``[/]``, ``[@click=app.quit]``, ``[link=…]``, ``[b]``, ``[on red]``, a lone
``[``, ``\\[``) in every article field, related link, file name, find and search
query and draft: the app stays up, the text shows literally, no action runs, and
nothing stored changes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.comments.store import DraftStore
from tests.ui.conftest import (
    make_app,
    notices_stay,
    record_notices,
    screen_rows,
    settle_library,
    settle_reading,
    wait_until,
)

MARKUP = ["[/]", "[@click=app.quit]", "[link=https://evil.example]", "[b]", "[on red]", "[",
          "\\["]
#: ASCII-led, so it lays out left to right and can be looked for literally on screen.
TITLE = "Breaking [/] [@click=app.quit]Q[/] [b]B [on red]R [link=https://evil.example]L ["
URL = "https://x.example/[b]q[/b]/[/][@click=app.quit]go[/]"
DRAFT = "[b]x[/b] [@click=app.quit]y[/] [link=https://evil.example]z [on red] [ \\["
FIND_NONE = "zz[/]"


def _article(folder: Path) -> Path:
    path = folder / "[b]bold [@click=app.quit]q[on red] [ \\[.json"  # no "/" in a name
    path.write_text(json.dumps({
        "title": TITLE,
        "author": "Author [@click=app.quit]A[/] [",
        "source": "Source [link=https://evil.example]S[/link]",
        "date": "2024-05-01",
        "breadcrumbs": ["[/]", "\\[crumb", "[b]bold"],
        "content": "\n".join(
            [f"Paragraph {n} with {m} inside, and the word marker{n}." for n, m in
             enumerate(MARKUP)]
            + ["فقرة عربية فيها [b]عريض[/b] و [@click=app.quit]نقر[/] و ["]),
        "comment_form": {"heading": "Leave [b]a[/b] reply [@click=app.quit]x[/]",
                         "note": "Your email [link=https://evil.example]n[/link] [",
                         "fields": ["comment", "author", "email", "url"],
                         "required": ["comment"]},
        "related": [{"title": "Link [/] [@click=app.quit]T[/]", "url": URL},
                    {"title": "[on red]رابط[/] [", "url": "https://y.example/[/]"}],
    }, ensure_ascii=False), encoding="utf-8")
    return path


def _shows(text: str, wanted: str, lang: str) -> bool:
    """Whether *text* shows *wanted* literally: as it is in English; in an Arabic sentence
    every character of it (bidi may move its trailing neutrals: layout, not markup)."""
    if lang == "en":
        return wanted in text
    from collections import Counter

    return not Counter(wanted) - Counter(text)


def _screen(app: Any) -> str:
    return "\n".join(screen_rows(app.screen))


def _notices(app: Any) -> list[str]:
    """The notices on screen, as drawn (Textual's toasts, found by their type name:
    the class has no public export)."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def _guard(app: Any) -> list[str]:
    """Record any app action markup could run (quit, screenshot, bell, open a link)."""
    ran: list[str] = []
    for name in ("action_quit", "action_screenshot", "action_bell", "action_open_url"):
        setattr(app, name, lambda *args, _name=name: ran.append(_name))
    app.open_url = lambda *args, **kwargs: ran.append("open_url")
    return ran


@pytest.mark.parametrize("lang", ["en", "ar"])
async def test_markup_everywhere_is_text(library: Any, tmp_path: Path, lang: str) -> None:
    report = library.import_paths([_article(tmp_path)])
    assert report.ok and report.article_ids, report
    article_id = report.article_ids[0]
    stored_before = library.get(article_id)
    app = make_app(library, lang=lang)
    notices_stay(app)
    said = record_notices(app)
    ran = _guard(app)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await settle_library(pilot)
        # The library screen: the title in the list; a search with markup.
        if lang == "en":
            await wait_until(pilot, lambda: "[@click=app.quit]Q[/]" in _screen(app),
                             "the title listed")
            assert "[@click=app.quit]Q[/]" in _screen(app)
        await pilot.press("slash", *"[/]x[@click=app.quit]", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        # The reading screen: every field, the related pane, notices.
        app.open_article(article_id)
        await settle_reading(pilot)
        screen = _screen(app)
        assert "[@click=app.quit]Q[/]" in screen and "[link=https://evil.example]L [" in screen
        assert "Paragraph 1 with [@click=app.quit] inside" in screen
        from reader.ui.widgets.related import RelatedPane

        pane = app.screen.query_one(RelatedPane)
        (index,) = [i for i, item in enumerate(pane.items) if item.url == URL]
        await pilot.press("r")
        pane.highlighted = index
        await pilot.press("enter")
        await wait_until(pilot, lambda: any(_shows(n, URL, lang) for n in _notices(app)),
                         "the link's notice")
        assert app.clipboard == URL
        if lang == "en":
            assert any(f"Link copied: {URL}" in n for n in _notices(app)), _notices(app)
        assert any(_shows(n, URL, lang) for n in _notices(app)), _notices(app)
        await pilot.press("a", "slash", *FIND_NONE, "enter")
        await wait_until(pilot, lambda: any(_shows(n, FIND_NONE, lang) for n in _notices(app)),
                         "the notice that nothing was found",
                         lambda: (_notices(app), said,
                                  app.focused, [f.value for f in app.screen.query("#find")]))
        assert any(_shows(n, FIND_NONE, lang) for n in _notices(app)), _notices(app)
        await pilot.press("slash", *"[@click=app.quit]", "enter")
        await pilot.pause()
        # A draft with markup, saved as typed.
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*DRAFT)
        await pilot.pause(1.3)
        app.screen.query_one("CommentPane").save_now()
        # Help, the output chooser, the library again.
        from reader.ui.widgets.article import ArticleView

        app.screen.query_one(ArticleView).focus()
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        app.action_choose_bidi()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        # Clicking where a notice's @click would be must not run it.
        from textual.pilot import OutOfBounds

        for toast in app.screen.query("Toast"):
            try:
                await pilot.click(toast)
            except OutOfBounds:
                continue
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert ran == []
    record = DraftStore.for_library(library).load(article_id)
    assert record is not None and record.draft.comment == DRAFT
    after = library.get(article_id)
    assert (after.title, after.paragraphs, after.related) == (
        stored_before.title, stored_before.paragraphs, stored_before.related)
