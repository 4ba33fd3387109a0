"""Untrusted text in a notification is shown literally, never parsed as Textual markup.

A related link's address, a find query and an error message all reach ``notify()``;
Textual parses markup there by default, so ``[/]`` would raise MarkupError and kill
the app and ``[@click=…]`` would run an action on a click.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.ui.conftest import make_app, notices_stay, settle_library, settle_reading, wait_until

HOSTILE_URL = "https://x.example/[b]q[/b]/[/][@click=app.quit]go[/]"


def _notices(app: Any) -> list[str]:
    """What the toasts on screen show (rendering them is where markup would be parsed)."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def test_a_link_address_and_a_find_query_with_markup_show_literally(
    library: Any, tmp_path: Path
) -> None:
    page = tmp_path / "hostile.json"
    page.write_text(json.dumps({
        "title": "مقال [b]عريض[/b]",
        "content": "فقرة أولى للاختبار.\nفقرة ثانية.",
        "related": [{"title": "رابط [/] خارجي", "url": HOSTILE_URL}],
    }, ensure_ascii=False), encoding="utf-8")
    article = library.resolve(str(page))
    app = make_app(library, article_id=article.id)
    notices_stay(app)
    async with app.run_test(size=(120, 35), notifications=True) as pilot:
        await settle_reading(pilot)
        from reader.ui.widgets.related import RelatedPane

        pane = app.screen.query_one(RelatedPane)
        external = [i for i, item in enumerate(pane.items) if item.url == HOSTILE_URL]
        assert external, "the hostile link was not listed"
        await pilot.press("r")
        pane.highlighted = external[0]
        await pilot.press("enter")
        await wait_until(pilot, lambda: any(HOSTILE_URL in notice for notice in _notices(app)),
                         "the link's notice")
        assert app.clipboard == HOSTILE_URL
        assert any(HOSTILE_URL in notice for notice in _notices(app))
        await pilot.press("a", "slash", *"zz[/]", "enter")
        # a submitted query is answered in a message of its own, then a toast is mounted
        await wait_until(pilot, lambda: any("zz[/]" in notice for notice in _notices(app)),
                         "the notice that nothing was found")
        assert any("zz[/]" in notice for notice in _notices(app))
        assert app.is_running and app.return_code is None


async def test_an_error_with_markup_shows_literally(library: Any) -> None:
    app = make_app(library)
    notices_stay(app)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle_library(pilot)
        app.notify_error(ValueError("bad [/] file [@click=app.quit]x[/]"))
        await wait_until(pilot, lambda: any("bad [/] file [@click=app.quit]x[/]" in n
                                            for n in _notices(app)), "the error's notice")
        assert any("bad [/] file [@click=app.quit]x[/]" in n for n in _notices(app))
        assert app.is_running
