"""Narrow terminals: one pane at a time at full width, a bar saying which; maximize."""

from __future__ import annotations

from typing import Any

import pytest

from reader.ui.screens.reading import NARROW_BELOW
from reader.ui.widgets.article import ArticleView
from tests.ui.conftest import make_app, seed_id, settle_reading, wait_until


def _shown(app: Any) -> list[str]:
    """The panes on screen, by id."""
    return [name for name in ("article", "related", "comment")
            if (found := app.screen.query(f"#{name}")) and found.first().region.area
            and found.first().display and found.first().parent.display]


def _bar(app: Any) -> str:
    return str(app.screen.query_one("#pane-bar").render())


async def test_below_the_breakpoint_one_pane_is_shown_at_full_width(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=(70, 22)) as pilot:
        await settle_reading(pilot)
        screen = app.screen
        assert _shown(app) == ["article"]
        assert screen.query_one("#article").region.width == 70
        assert _bar(app).startswith("Article") and "r Related" in _bar(app)
        for keys, pane in ((["r"], "related"), (["c"], "comment"),
                           (["escape", "a"], "article")):  # Escape: out of the comment text
            await pilot.press(*keys)
            assert _shown(app) == [pane], keys
            assert screen.query_one(f"#{pane}").region.width == 70
        await pilot.press("tab")
        assert _shown(app) == ["related"]
        await pilot.press("shift+tab")
        assert _shown(app) == ["article"]
        await pilot.press("r", "escape")  # a side pane's Escape: back to the article
        assert _shown(app) == ["article"]
        assert _bar(app).startswith("Article")


async def test_at_70x22_the_article_text_is_at_least_52_cells_wide(library: Any) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=(70, 22)) as pilot:
        await settle_reading(pilot)
        view = app.screen.query_one(ArticleView)
        assert max(line.cells for line in view.rows if line is not None) >= 52


@pytest.mark.parametrize("width", [NARROW_BELOW, 120])
async def test_above_the_breakpoint_three_panes_side_by_side(library: Any, width: int) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=(width, 30)) as pilot:
        await settle_reading(pilot)
        assert sorted(_shown(app)) == ["article", "comment", "related"]
        assert not app.screen.query_one("#pane-bar").display or not app.screen.narrow


@pytest.mark.parametrize("size", [(70, 22), (120, 35)])
@pytest.mark.parametrize("pane", ["article", "related", "comment"])
async def test_m_maximizes_each_pane_to_the_screens_width(library: Any, size: tuple[int, int],
                                                           pane: str) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=size) as pilot:
        await settle_reading(pilot)
        await pilot.press({"article": "a", "related": "r", "comment": "c"}[pane])
        if pane == "comment":
            await pilot.press("escape")  # out of the comment text: m is a key again
        await pilot.press("m")
        await wait_until(pilot, lambda: app.screen.maximized is not None
                         and app.screen.maximized.region.width == size[0], "the pane maximized")
        maximized = app.screen.maximized
        assert maximized is not None and maximized.id == pane
        assert maximized.region.width == size[0]
        if pane == "article":
            view = app.screen.query_one(ArticleView)
            # Every line fits the pane: no right-to-left start is cut off.
            assert all(line.cells <= view.text_width for line in view.rows if line)
            assert view.text_width <= view.scrollable_content_region.width
        await pilot.press("m")
        assert app.screen.maximized is None


@pytest.mark.parametrize("size", [(70, 22), (120, 35)])
async def test_each_pane_has_one_scrollbar_column(library: Any, size: tuple[int, int]) -> None:
    app = make_app(library, article_id=seed_id(library))
    async with app.run_test(size=size) as pilot:
        await settle_reading(pilot)
        for name in ("article", "related", "comment"):
            pane = app.screen.query_one(f"#{name}")
            columns = [widget for widget in (pane, *pane.query("*"))
                       if widget.styles.scrollbar_gutter == "stable"
                       or widget.show_vertical_scrollbar]
            assert len(columns) == 1, (name, columns)
