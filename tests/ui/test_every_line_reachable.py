"""Every line of every article can be reached and seen, at every terminal size.

End/G, space/PgDn repeated, Down/j, the mouse wheel and find hits in the last
paragraph all bring the last visual line on screen, and after a resize the paragraph
at the top stays at the top. Checked on the screen the terminal receives, over the
bundled articles, the shared news corpus and long articles made by joining corpus
articles (up to 15,000 characters), at 80x24, 120x35 and 200x50.

The default run checks a sample; ``pytest -m sweep`` checks every article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual import events

from reader.library import Library
from reader.ui.widgets.article import ArticleView, ReadingPosition
from tests.conftest import SHARED
from tests.ui.conftest import make_app, screen_rows, settle_reading, wait_until

SIZES = [(80, 24), (120, 35), (200, 50)]
CORPUS = SHARED / "corpus" / "saudinewsnet-300.jsonl"
#: The longest article made by joining corpus articles.
JOINED_LIMIT = 15_000


def _corpus() -> list[dict[str, Any]]:
    if not CORPUS.exists():
        return []
    with CORPUS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _joined_articles(folder: Path) -> list[Path]:
    """Long articles: consecutive corpus articles joined, each up to 15,000 characters
    (the longest first: they end the nearest to the limit)."""
    records = _corpus()
    made: list[Path] = []
    body: list[str] = []
    for record in records:
        if sum(map(len, body)) + len(record["content"]) > JOINED_LIMIT:
            if body:
                path = folder / f"joined_{len(made):02d}.txt"
                title = f"مقالات مجموعة {len(made) + 1}"
                path.write_text(title + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
                made.append(path)
            body = []
        body.append(record["content"].strip())
        if len(made) == 12:
            break
    return made


@pytest.fixture(scope="module")
def corpus_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The bundled articles, the shared corpus and the joined long articles."""
    folder = tmp_path_factory.mktemp("reachable")
    library = Library.open(folder / "library.sqlite")
    if CORPUS.exists():
        library.import_paths([CORPUS, *_joined_articles(folder)])
    yield library
    library.close()


def _by_length(library: Any) -> list[str]:
    """Every article id, longest text first."""
    summaries = library.list_articles()
    length = {s.id: sum(map(len, library.get(s.id).paragraphs)) for s in summaries}
    return sorted(length, key=lambda article_id: -length[article_id])


def _screen_rows(app: Any) -> list[str]:
    """The screen as the terminal receives it, one string per row."""
    return screen_rows(app.screen)


def _on_screen(app: Any, view: ArticleView, row: int) -> bool:
    """True when the view's *row* is drawn on the screen, at its place in the pane."""
    line = view.rows[row]
    assert line is not None
    top = view.scroll_offset.y
    height = view.scrollable_content_region.height
    if not top <= row < top + height:
        return False
    screen_y = view.scrollable_content_region.y + row - top
    return line.text.strip() in _screen_rows(app)[screen_y]


def _last_row(view: ArticleView) -> int:
    rows = view.rows
    return max(index for index, line in enumerate(rows) if line is not None)


async def _complete(pilot: Any, view: ArticleView) -> None:
    """Wait for the whole text to be laid out and the position to be restored."""
    await wait_until(pilot, lambda: view.layout_complete and view.settled,
                     "the whole text laid out and the place restored")
    assert view.layout_complete and view.settled


async def _home(pilot: Any, view: ArticleView) -> None:
    await pilot.press("home")
    assert view.scroll_offset.y == 0


async def _check_end_keys(pilot: Any, view: ArticleView, what: str) -> None:
    app = pilot.app
    for key in ("end", "G"):
        await _home(pilot, view)
        await pilot.press(key)
        await _complete(pilot, view)
        assert _on_screen(app, view, _last_row(view)), f"{what}: {key}"
    for key in ("space", "pagedown"):
        await _home(pilot, view)
        for _ in range(len(view.rows)):
            before = view.scroll_offset.y
            await pilot.press(key)
            if view.scroll_offset.y == before:
                break
        assert _on_screen(app, view, _last_row(view)), f"{what}: {key} repeated"
    # Down/j: line by line over the last screens.
    await pilot.press("end", *["k"] * 5)
    assert not _on_screen(app, view, _last_row(view)) or view.max_scroll_y < 5
    await pilot.press(*["j"] * 6)
    assert _on_screen(app, view, _last_row(view)), f"{what}: j"


async def _check_wheel(pilot: Any, view: ArticleView, what: str) -> None:
    app = pilot.app
    # From a few screens above the end (from the top it is only slower).
    view.scroll_to(y=max(0, view.max_scroll_y - 3 * view.page_height), animate=False)
    await pilot.pause()
    region = view.scrollable_content_region
    x, y = region.x + region.width // 2, region.y + region.height // 2
    for _ in range(len(view.rows)):
        before = view.scroll_offset.y
        if before >= view.max_scroll_y:
            break
        app.post_message(events.MouseScrollDown(None, x, y, 0, 1, 0, False, False, False,
                                                screen_x=x, screen_y=y))
        # a wheel event handled later than one pause must not end the walk early
        await wait_until(pilot, lambda before=before: view.scroll_offset.y != before,
                         f"{what}: the wheel to scroll")
    assert _on_screen(app, view, _last_row(view)), f"{what}: wheel"


WORD = re.compile(r"[\u0621-\u064a]{3,}")


async def _check_find(pilot: Any, view: ArticleView, what: str) -> None:
    """A find hit in the last paragraph is shown (found backwards from the first: N)."""
    last = len(view.paragraphs) - 1
    words = WORD.findall(view.document.paragraphs[last]) if view.document else []
    if not words:
        return
    await _home(pilot, view)
    view.search(words[-1])
    await pilot.press("N")  # the previous match from the first: the last one
    match = view.matches[view.current_match]
    assert match.paragraph == last, what
    row = view._layout.row_of(ReadingPosition(match.paragraph, match.start))  # type: ignore[union-attr]
    assert row is not None and _on_screen(pilot.app, view, row), f"{what}: find"
    view.clear_search()


def _top_row(view: ArticleView) -> int:
    """The top line's row (from the scroll offset itself; a gap row is passed over)."""
    rows = view.rows
    return next(row for row in range(view.scroll_offset.y, len(rows)) if rows[row] is not None)


def _top(view: ArticleView) -> ReadingPosition:
    """The reading position of the top line on screen."""
    line = view.rows[_top_row(view)]
    assert line is not None
    return ReadingPosition(line.paragraph, line.start)


async def _check_resize(pilot: Any, view: ArticleView, to: tuple[int, int], what: str) -> None:
    """Resizing keeps the paragraph at the top at the top."""
    middle = view.max_scroll_y // 2
    view.scroll_to(y=middle, animate=False, immediate=True)
    await pilot.pause()
    before = _top(view)
    await pilot.resize_terminal(*to)
    await _complete(pilot, view)
    after = _top(view)
    row = view._layout.row_of(before)  # type: ignore[union-attr]
    assert row is not None
    at_end = view.scroll_offset.y == view.max_scroll_y
    assert after.paragraph == before.paragraph or at_end, f"{what}: resize to {to}"
    assert row == _top_row(view) or at_end, f"{what}: resize to {to}"


async def _check_article(library: Any, article_id: str) -> None:
    app = make_app(library, article_id=article_id)
    async with app.run_test(size=SIZES[0]) as pilot:
        await settle_reading(pilot)
        view = app.screen.query_one(ArticleView)
        for index, size in enumerate(SIZES):
            if index:
                await _check_resize(pilot, view, size, f"{article_id} {SIZES[index - 1]}")
            what = f"{article_id} at {size}"
            await _complete(pilot, view)
            await _check_end_keys(pilot, view, what)
            await _check_wheel(pilot, view, what)
            await _check_find(pilot, view, what)
        await _check_resize(pilot, view, SIZES[0], f"{article_id} back to {SIZES[0]}")


def _ids(library: Library, sample: bool) -> list[str]:
    ordered = _by_length(library)
    if not sample:
        return ordered
    # The longest (joined when the corpus is there), the longest corpus article and
    # the shortest.
    corpus = [article_id for article_id in ordered
              if not library.get(article_id).title.startswith("مقالات مجموعة")]
    return list(dict.fromkeys([ordered[0], corpus[0], ordered[-1]]))


async def test_last_line_reachable_in_a_sample(corpus_library: Any) -> None:
    for article_id in _ids(corpus_library, sample=True):
        await _check_article(corpus_library, article_id)


#: The sweep is cut into shards (every SHARDS-th article, longest first) so that each
#: test stays within the run's timeout and one failure does not hide the others.
SHARDS = 40


@pytest.mark.sweep
@pytest.mark.parametrize("shard", range(SHARDS))
async def test_last_line_reachable_in_every_article(corpus_library: Any, shard: int) -> None:
    failures: list[str] = []
    for article_id in _ids(corpus_library, sample=False)[shard::SHARDS]:
        try:
            await _check_article(corpus_library, article_id)
        except AssertionError as failure:
            failures.append(f"{article_id}: {failure}")
    assert not failures, "\n".join(failures)
