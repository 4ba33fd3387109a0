"""Argument types shared by the commands: bounded numbers, the width option, article refs.

Every number a command takes is bounded here, once: a value outside its range is
an argparse usage error (exit status 2, one line naming the option), never a
traceback or a layout that eats all memory (``cat --width 10000000000`` used to).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from reader.cli.say import text

#: The narrowest and widest line ``--width`` accepts. Wider than any terminal; a line
#: is padded to the width, so the bound is what keeps a mistyped width from filling memory.
MIN_WIDTH = 2
MAX_WIDTH = 10_000
#: ``--limit`` and ``--top``: a whole library's worth (results are read as they are printed).
MAX_COUNT = 100_000_000


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type`` accepting whole numbers from *low* to *high* inclusive."""

    def parse(value: str) -> int:
        given = value.strip()
        # int() would also read "1_000" and 4,300-digit strings; a count is plain digits.
        if not (given.isdigit() or (given[:1] in "+-" and given[1:].isdigit())) or len(given) > 30:
            raise argparse.ArgumentTypeError(text("cli.error.not_a_number", value=repr(value)))
        number = int(given)
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(
                text("cli.error.out_of_range", low=f"{low:,}", high=f"{high:,}",
                     value=_shown(given))
            )
        return number

    parse.__name__ = "number"  # argparse names the type in its message
    return parse


def _shown(given: str) -> str:
    return given if len(given) <= 24 else given[:20] + "…"


def add_width_option(parser: argparse.ArgumentParser) -> None:
    """``--width N``, the same for ``cat`` and the column printers."""
    parser.add_argument(
        "--width",
        type=bounded_int(MIN_WIDTH, MAX_WIDTH),
        default=None,
        metavar="N",
        help=text("cli.option.width", low=MIN_WIDTH, high=f"{MAX_WIDTH:,}"),
    )


def add_bidi_option(parser: argparse.ArgumentParser) -> None:
    """``--bidi``, the same for ``cat`` and the column printers: the strategies the app
    takes, and ``auto`` (the default: see :mod:`reader.cli.strategy`)."""
    from reader.text.output import BIDI_CHOICES

    parser.add_argument("--bidi", choices=BIDI_CHOICES, default="auto",
                        help=text("cli.option.bidi"))


def add_harakat_option(parser: argparse.ArgumentParser, *, default: str | None) -> None:
    """``--harakat keep|strip`` (``None``: the saved preference decides)."""
    parser.add_argument("--harakat", choices=("keep", "strip"), default=default,
                        help=text("cli.option.harakat"))


def add_shape_option(parser: argparse.ArgumentParser, *, default: bool | None) -> None:
    """``--no-shape``: *shape* becomes False (``None``: the saved preference decides)."""
    parser.add_argument("--no-shape", dest="shape", action="store_const", const=False,
                        default=default, help=text("cli.option.no_shape"))


def count_option(parser: argparse.ArgumentParser, flag: str, default: int, help: str) -> None:
    """A ``--limit``-like option: how many results, from 1 to :data:`MAX_COUNT`."""
    parser.add_argument(flag, type=bounded_int(1, MAX_COUNT), default=default, metavar="N",
                        help=help)


def article_ref(value: str) -> str:
    """An argparse ``type`` for ARTICLE: an id, a unique id prefix or a file; never empty
    (an empty prefix would match every article)."""
    if not value.strip():
        raise argparse.ArgumentTypeError(text("cli.error.empty_article"))
    return value
