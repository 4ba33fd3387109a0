"""The related pane: the page's own links first, then articles related above the floor,
each with a relevance bar and the key terms it shares with the article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.library import Library
from reader.library.models import RelatedItem
from reader.ui.widgets.related import RelatedPane
from tests.ui.conftest import make_app, seed_id, settle_reading, wait_until


def _prompts(pane: RelatedPane) -> list[str]:
    return [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]


async def test_similar_entries_show_a_bar_and_the_shared_terms(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library), bidi="terminal")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle_reading(pilot)
        pane = app.screen.query_one(RelatedPane)
        similar = [item for item in pane.items if item.kind == "similar"]
        assert similar, "the bundled library holds Iran-nuclear articles from the corpus"
        prompts = _prompts(pane)
        for item, prompt in zip(pane.items, prompts, strict=True):
            reason = prompt.splitlines()[-1]
            if item.kind == "similar":
                assert ("●" in reason and "○" in reason) or "●●●●●" in reason
                assert all(term in reason for term in item.shared_terms), reason
            else:
                assert "●" not in reason


async def test_the_pages_own_links_come_before_similar_articles(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.sqlite3") as library:
        app = make_app(library, article_id=seed_id(library))
        async with app.run_test(size=(160, 40)) as pilot:
            await settle_reading(pilot)
            pane = app.screen.query_one(RelatedPane)
            pane.set_items([
                RelatedItem("رابط الصفحة", "https://example.com/a", None, None, "stored"),
                RelatedItem("مقال مشابه", None, "0123456789abcdef", 12.0, "similar", 0.3,
                            ("إيران", "النووي")),
            ])
            await pilot.pause()
            first, second = _prompts(pane)
            assert "example.com/a" in first and "●" not in first
            # 0.3 of a bar whose full length is 0.5, drawn from the right like the terms
            assert "○○●●●" in second and second.rstrip().endswith("ﻥﺍﺮﻳﺇ ○○●●●")


@pytest.mark.parametrize("share, bar", [(0.0, "○○○○○"), (0.17, "●●○○○"), (0.5, "●●●●●"),
                                        (0.9, "●●●●●")])
def test_relevance_bar(share: float, bar: str) -> None:
    from reader.articles.display import relevance_bar

    assert relevance_bar(share) == bar


@pytest.mark.parametrize("lang", ["en", "ar"])
async def test_each_shared_term_is_an_isolate_between_its_commas(tmp_path: Path,
                                                               lang: str) -> None:
    """Latin terms among Arabic ones: each stays whole and each comma lands between two
    terms (without isolates "iPad، mini" ran together left to right, the comma inside)."""
    with Library.open(tmp_path / "lib.sqlite3") as library:
        app = make_app(library, article_id=seed_id(library), lang=lang)
        async with app.run_test(size=(160, 40)) as pilot:
            await settle_reading(pilot)
            pane = app.screen.query_one(RelatedPane)
            pane.set_items([
                RelatedItem("مقال مشابه", None, "0123456789abcdef", 12.0, "similar", 0.3,
                            ("آبل", "iPad", "mini 4", "جهاز")),
                RelatedItem("A similar one", None, "0123456789abcdee", 11.0, "similar", 0.3,
                            ("iPad", "mini 4", "Apple")),
            ])
            await pilot.pause()
            arabic, latin = (prompt.splitlines()[-1].strip() for prompt in _prompts(pane))
            # Right to left: آبل first from the right, then iPad, "mini 4", جهاز.
            assert arabic == "ﺯﺎﻬﺟ ،mini 4 ،iPad ،ﻞﺑﺁ ○○●●●", arabic
            assert latin == "●●●○○ iPad, mini 4, Apple", latin


async def test_while_the_links_are_looked_for_the_pane_says_so(
        library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lookup runs in a thread (seconds on a long article): meanwhile the pane says
    it is looking, not "No related links.", a wrong answer; the answer replaces it."""
    import threading

    release = threading.Event()
    related = library.related

    def slow_related(*args: Any, **kwargs: Any) -> Any:
        release.wait(timeout=60)
        return related(*args, **kwargs)

    monkeypatch.setattr(library, "related", slow_related)
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=(160, 40)) as pilot:
        # the side panes are mounted after the first paint
        await wait_until(pilot, lambda: _prompts(app.screen.query_one(RelatedPane)),
                         "the related pane")
        pane = app.screen.query_one(RelatedPane)
        assert [p.strip() for p in _prompts(pane)] == ["Looking for related articles…"]
        release.set()
        await settle_reading(pilot)
        assert pane.items and "Looking" not in "".join(_prompts(pane))
