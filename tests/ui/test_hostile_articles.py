"""Random hostile articles through the app: nothing from them reaches the screen as a
control, the app stays up, nothing stored is lost or changed.

Default: 30 articles; ``-m hostile`` runs 300. The same articles through ``cat``:
tests/cli/test_hostile_output.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library import Library
from tests.hostile_input import leaks, write_corpus

SEED = 20261204


async def _through_the_app(tmp_path: Path, count: int, seed: int) -> None:
    from reader.ui.screens.reading import ReadingScreen
    from tests.ui.conftest import (
        make_app,
        screen_rows,
        settle_library,
        settle_reading,
        wait_until,
    )

    paths = write_corpus(tmp_path / "in", count, seed)
    library = Library.open(tmp_path / "lib.sqlite3", import_bundled=False)
    try:
        report = library.import_paths(paths)
        ids = list(dict.fromkeys(report.article_ids))
        # (a file with a NUL byte is refused as binary, as it should be)
        assert len(ids) >= count // 2, report.problems[:5]
        stored = {i: library.get(i) for i in ids}
        app = make_app(library)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await settle_library(pilot)
            for article_id in ids:
                app.open_article(article_id)

                def shown(article_id: str = article_id) -> bool:
                    screen = app.screen
                    return isinstance(screen, ReadingScreen) and screen.article_id == article_id

                await wait_until(pilot, shown, f"article {article_id}")
                await settle_reading(pilot)
                text = "".join(screen_rows(app.screen))
                assert leaks(text) == [], article_id
            assert app.is_running
        for article_id, before in stored.items():  # nothing stored lost or changed
            after = library.get(article_id)
            assert (after.title, after.paragraphs) == (before.title, before.paragraphs)
    finally:
        library.close()


async def test_hostile_articles_through_the_app(tmp_path: Path) -> None:
    await _through_the_app(tmp_path, 30, SEED)


@pytest.mark.hostile
async def test_long_sweep_through_the_app(tmp_path: Path) -> None:
    await _through_the_app(tmp_path, 300, SEED + 2)
