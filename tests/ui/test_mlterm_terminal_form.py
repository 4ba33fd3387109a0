"""``--bidi terminal`` on mlterm, in the app: a right-to-left line is sent with its fill
after it, the margin before the article's column in that fill (mlterm lays each pane's
line out on its own, from the right, and keeps the spaces ending a stretch at its right
end: a margin before the text would show on the right of it)."""

from __future__ import annotations

from typing import Any

from reader.text.output import MLTERM_FILL_END
from reader.ui.terminal import decide, identify
from tests.ui.conftest import make_app, screen_rows, seed_id

ARABIC = ("\u0621", "\u064a")


def _arabic(text: str) -> bool:
    return any(ARABIC[0] <= ch <= ARABIC[1] for ch in text)


async def _article_rows(library: Any, env: dict[str, str], size: tuple[int, int]) -> list[str]:
    """The article pane's stretch of each screen row holding Arabic there: from its left
    border on."""
    app = make_app(library, article_id=seed_id(library), bidi="terminal", lang="en")
    app.terminal = identify(env)
    app.bidi = decide("terminal", app.terminal)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#article")
        rows = screen_rows(app.screen)[view.region.y + 1:view.region.bottom - 1]
        stretches = [row[view.region.x:view.region.right].rpartition("\u2502")[0]
                     .rpartition("\u2502")[2] for row in rows]
        return [stretch for stretch in stretches if _arabic(stretch)]


async def test_mlterms_lines_come_first_in_the_articles_column_their_fill_after(
    library: Any
) -> None:
    rows = await _article_rows(library, {"TERM": "mlterm"}, (200, 40))
    assert rows
    for row in rows:
        # no margin before the text (one cell of the pane's padding at most): the
        # margin that centres the column is in the fill, which a no-break space ends
        assert len(row) - len(row.lstrip(" ")) <= 1, row
    assert any(row.strip(" ").endswith(MLTERM_FILL_END) for row in rows)
    # elsewhere (VTE), the margin stays before the column and no line ends in one
    rows = await _article_rows(library, {"VTE_VERSION": "7006"}, (200, 40))
    assert all(len(row) - len(row.lstrip(" ")) > 10 for row in rows)
    assert not any(MLTERM_FILL_END in row for row in rows)
