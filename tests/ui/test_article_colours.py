"""The article's text cells carry the theme's colours, not the terminal's defaults.

A cell drawn with no background shows the terminal's own default (white in a
stock xterm), so unstyled text would sit in white boxes on a dark theme.
"""

from __future__ import annotations

from tests.ui.conftest import make_app, seed_id, settle_reading


async def test_every_article_cell_has_the_views_colours(library) -> None:
    from reader.ui.widgets.article.view import ArticleView

    app = make_app(library, seed_id(library))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_reading(pilot)
        view = app.screen.query_one(ArticleView)
        background = view.rich_style.bgcolor
        assert background is not None
        drawn = 0
        for y in range(view.size.height):
            for segment in view.render_line(y):
                assert segment.style is not None and segment.style.bgcolor is not None, (
                    f"row {y}: {segment.text!r} has no background"
                )
                assert segment.style.color is not None, f"row {y}: {segment.text!r} has no colour"
                drawn += len(segment.text.strip())
        assert drawn > 0, "the article drew no text"
