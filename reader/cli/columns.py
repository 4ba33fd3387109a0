"""Rows of fixed columns followed by one Arabic text column, laid out for the terminal.

``list``, ``search`` and ``related`` print an id, a date or a score, then a title
or a snippet. The text column goes through the engine's layout (shaped and in
visual order for terminals that do neither, ``--bidi app``; logical order for
those that do, ``--bidi terminal``) and wraps under itself; right-to-left lines
sit against the right edge of the column.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from reader.cli.arguments import add_bidi_option, add_width_option
from reader.cli.cat import terminal_width, write_lines
from reader.text.sanitize import sanitize_line

if TYPE_CHECKING:
    from reader.text.layout import LayoutOptions

#: The narrowest text column worth printing; below it the text goes on its own lines.
MIN_TEXT_CELLS = 20


def add_display_options(parser: argparse.ArgumentParser) -> None:
    """``--width`` and ``--bidi``, as ``cat`` has them."""
    add_width_option(parser)
    add_bidi_option(parser)


def display_options(args: argparse.Namespace) -> LayoutOptions:
    import sys

    from reader.cli.strategy import layout_mode, request
    from reader.text.layout import LayoutOptions

    request(args.bidi)
    width = max(MIN_TEXT_CELLS, args.width or terminal_width())
    return LayoutOptions(width=width, mode=layout_mode(sys.stdout))


def text_lines(text: str, width: int, options: LayoutOptions) -> list[str]:
    """*text* (untrusted, one paragraph, or the interface's own) laid out in a column
    *width* cells wide."""
    import sys

    from reader.cli.strategy import AS_LAID_OUT, EMBEDDED, layout_width, line_form, printed
    from reader.text.isolates import clean_line
    from reader.text.layout import layout_text
    from reader.text.output import reorders

    if not reorders(options.mode):  # logical text, as the terminal (or a pipe) takes it
        # mlterm lays a row out from its first strong letter, the prefix's here: its
        # lines go as they are laid out (a row cannot be made right to left)
        form = EMBEDDED if line_form(sys.stdout, options.mode) == EMBEDDED else AS_LAID_OUT
        laid_out = layout_text(clean_line(text), options.replace(width=layout_width(width, form)))
        return [printed(line, width, form) for line in laid_out if line.text]
    lines = layout_text(clean_line(text), options.replace(width=width))
    return [line.padded(width) if line.align_right else line.text for line in lines if line.text]


def row(prefix: str, text: str, options: LayoutOptions) -> list[str]:
    """*prefix* (plain ASCII columns) then *text* laid out in the rest of the width."""
    from reader.text.wrap import text_cells

    prefix = sanitize_line(prefix)
    indent = text_cells(prefix)
    width = options.width - indent
    if width < MIN_TEXT_CELLS:
        return [prefix, *text_lines(text, options.width, options)]
    lines = text_lines(text, width, options) or [""]
    return [prefix + lines[0], *(" " * indent + line for line in lines[1:])]


def print_rows(rows: Iterable[list[str]]) -> bool:
    """Print the rows as they come (a long listing is never held whole); whether there
    was any."""
    printed = False

    def lines() -> Iterator[str]:
        nonlocal printed
        for row_lines in rows:
            printed = True
            for line in row_lines:
                yield line.rstrip()

    write_lines(lines())
    return printed
