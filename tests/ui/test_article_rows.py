"""A window's rows are the main rows' rows: the view can change from one to the other
at the same line without the text on screen moving."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.layout import Document, LayoutOptions
from reader.ui.widgets.article.rows import (
    ReadingPosition,
    Rows,
    character_starts,
    paragraph_at,
    whole_text_extent,
    window_at,
)

WORDS = ["الحكومة", "أعلنت", "اليوم", "خطة", "2015", "iPad", "mini", "(القرى)", "،", "لا"]
paragraph = st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(" ".join)


def _main_rows(document: Document, options: LayoutOptions) -> Rows:
    rows = Rows(options)
    rows.grow_down(lambda index: document.paragraph_lines(index, options),
                   len(document.paragraphs), 10**9)
    return rows


def _same_rows(window: Rows, main: Rows) -> None:
    """*window*'s rows are *main*'s rows for the same paragraphs, gaps included."""
    first = main.first_row[window.first_paragraph]
    assert window.rows == main.rows[first:first + len(window.rows)]
    assert window.rows[0] is not None  # a window starts at a paragraph, not at a gap
    last = window.next_paragraph
    end = main.first_row[last] - 1 if last < len(main.first_row) else len(main.rows)
    assert first + len(window.rows) == end  # and ends at one
    for paragraph in range(window.first_paragraph, window.next_paragraph):
        for offset in (0, 7, 40):
            place = ReadingPosition(paragraph, offset)
            row, main_row = window.row_of(place), main.row_of(place)
            assert row is not None and main_row is not None
            assert row + first == main_row


@settings(max_examples=60, deadline=None)
@given(
    paragraphs=st.lists(paragraph, min_size=1, max_size=25),
    width=st.integers(min_value=6, max_value=50),
    height=st.integers(min_value=1, max_value=12),
    data=st.data(),
)
def test_windows_hold_the_main_rows(paragraphs: list[str], width: int, height: int,
                                    data: st.DataObject) -> None:
    document = Document(paragraphs)
    options = LayoutOptions(width)
    main = _main_rows(document, options)

    def lines_of(index: int) -> list:
        return document.paragraph_lines(index, options)

    start = data.draw(st.integers(min_value=0, max_value=len(paragraphs) - 1))
    window = window_at(ReadingPosition(start, 0), lines_of, len(paragraphs), options, height)
    _same_rows(window, main)
    row = window.row_of(ReadingPosition(start, 0))
    assert row is not None
    # The place can be put at the top (a screen of rows from it); near the end, the
    # last screen is full (or the window is the whole text).
    assert len(window.rows) - row >= height or window.complete
    assert len(window.rows) >= height or (window.complete and window.first_paragraph == 0)
    for grow in data.draw(st.lists(st.sampled_from(["up", "down"]), max_size=6)):
        if grow == "up":
            before = list(window.rows)
            added = window.grow_up(lines_of, height)
            assert window.rows[added:] == before  # the rows below moved down by *added*
        else:
            window.grow_down(lines_of, len(paragraphs), len(window.rows) + height)
        _same_rows(window, main)
    assert window.complete == (window.next_paragraph == len(paragraphs))


@settings(max_examples=60, deadline=None)
@given(
    paragraphs=st.lists(paragraph, min_size=2, max_size=25),
    width=st.integers(min_value=6, max_value=50),
    height=st.integers(min_value=1, max_value=8),
    data=st.data(),
)
def test_the_whole_texts_extent_is_exact_where_the_rows_are_laid_out(
        paragraphs: list[str], width: int, height: int, data: st.DataObject) -> None:
    """The scrollbar's estimate (:func:`whole_text_extent`): the top row is exact where
    the rows before it are laid out (the main rows, or a window the main rows reach), so
    the main rows take over from a window at the same place; the whole text's rows are
    exact once every paragraph is laid out, and never fewer than the rows on screen."""
    document = Document(paragraphs)
    options = LayoutOptions(width)
    whole = _main_rows(document, options)
    starts = character_starts(paragraphs)

    def lines_of(index: int) -> list:
        return document.paragraph_lines(index, options)

    laid_out = data.draw(st.integers(min_value=1, max_value=len(paragraphs)))
    main = Rows(options)
    for index in range(laid_out):
        main.add(index, lines_of(index))
    top = data.draw(st.integers(min_value=0, max_value=len(main.rows) - 1))
    extent = whole_text_extent(main, None, top, starts)
    assert extent.top == top and extent.rows >= len(main.rows)
    if laid_out == len(paragraphs):
        assert extent.rows == len(whole.rows)
    start = data.draw(st.integers(min_value=0, max_value=len(paragraphs) - 1))
    window = window_at(ReadingPosition(start, 0), lines_of, len(paragraphs), options, height)
    row = data.draw(st.integers(min_value=0, max_value=len(window.rows) - 1))
    extent = whole_text_extent(main, window, row, starts)
    assert extent.rows >= len(window.rows)
    if window.first_paragraph < laid_out:
        assert extent.top == whole.first_row[window.first_paragraph] + row
    # and back: the paragraph at a row is the main rows' where they reach, and further
    # down the text further down the rows, the last at the end of the main rows' own
    # estimate (paragraph_at reads no window: a window's paragraphs can make the estimate
    # above smaller than the main rows alone make it)
    for at, line in enumerate(main.rows):
        if line is not None:
            assert paragraph_at(main, at, starts) == line.paragraph
    end = whole_text_extent(main, None, 0, starts).rows
    found = [paragraph_at(main, at, starts) for at in [*range(0, end, 3), end]]
    assert found == sorted(found) and found[-1] == len(paragraphs) - 1
