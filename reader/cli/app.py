"""The app entry: ``rtl-reader [ARTICLE] [--library PATH] [--bidi ...] ...``.

Without ARTICLE the library screen opens; with one (an id, or a path that is
imported first) the article opens. Options given here win over saved preferences
and are saved as the new preferences.
"""

from __future__ import annotations

import argparse

from reader.cli.arguments import add_harakat_option, add_shape_option, article_ref, bounded_int
from reader.cli.library_options import add_library_option
from reader.cli.say import text
from reader.i18n import LANGUAGES


def _measure(value: str) -> int:
    """``--measure``: bounded as the settings bound it (imported only when given)."""
    from reader.ui.settings import MAX_MEASURE, MIN_MEASURE

    return bounded_int(MIN_MEASURE, MAX_MEASURE)(value)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", nargs="?", metavar="ARTICLE", type=article_ref,
                        help=text("cli.option.article"))
    add_library_option(parser)
    from reader.ui.terminal import BIDI_CHOICES

    parser.add_argument("--bidi", choices=BIDI_CHOICES, help=text("cli.option.app_bidi"))
    add_harakat_option(parser, default=None)
    add_shape_option(parser, default=None)
    parser.add_argument("--measure", type=_measure, metavar="N", help=text("cli.option.measure"))
    parser.add_argument("--lang", choices=LANGUAGES, help=text("cli.option.lang"))
    parser.add_argument("--digits", choices=("western", "eastern"),
                        help=text("cli.option.digits"))


def _resume_garbage_collection() -> None:
    import gc

    gc.freeze()
    gc.enable()


def run(args: argparse.Namespace) -> int:
    import gc

    # Start-up creates objects that live as long as the app (modules, classes, styles):
    # tracing them over and over would only delay the first paint. The collector is
    # off until the first screen is drawn; then they go to the permanent generation.
    gc.disable()
    import os

    from reader.ui.terminal import TmuxQuestion

    # Inside tmux the app asks tmux which terminal is attached: asked now, answered
    # while the interface loads.
    tmux = TmuxQuestion(os.environ)

    from reader.cli.library_options import open_library
    from reader.ui.app import run_app
    from reader.ui.settings import PREFERENCES_KEY, Settings, merge_command_line

    try:
        library = open_library(args)
        try:
            saved = Settings.from_state(library.get_state(PREFERENCES_KEY))
            settings = merge_command_line(saved, bidi=args.bidi, harakat=args.harakat,
                                          shape=args.shape, measure=args.measure,
                                          lang=args.lang, digits=args.digits)
            # The options given apply to this run; the preferences change only in the app.
            article_id = None
            if args.article:
                from reader.cli.import_ import import_progress

                with import_progress() as progress:  # a file not yet stored is imported first
                    article_id = library.resolve_id(args.article, progress)
            _need_a_terminal()
            return run_app(library, settings, article_id,
                           on_first_paint=_resume_garbage_collection, preferences=saved,
                           tmux=tmux)
        finally:
            library.close()
    finally:
        tmux.answer()  # (collects tmux's answer if the app never came to ask for it)


def _need_a_terminal() -> None:
    """Refuse to start the app unless standard input and output are a terminal.

    Started with either redirected (``rtl-reader < /dev/null``, ``rtl-reader | less``)
    the app wrote its escape sequences into the pipe or file and waited for keys that
    never came, until it was killed. The article named was checked (and a file
    imported) first, so its problems are said as before."""
    import sys

    from reader.cli.strategy import is_terminal
    from reader.errors import UsageError
    from reader.i18n.sentence import Sentence

    if not (is_terminal(sys.stdin) and is_terminal(sys.stdout)):
        raise UsageError(Sentence("cli.app.no_terminal"))
