"""The app entry: ``rtl-reader [ARTICLE] [--library PATH] [--bidi ...] ...``.

Without ARTICLE the library screen opens; with one (an id, or a path that is
imported first) the article opens. Options given here win over saved preferences
and are saved as the new preferences.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def _measure(value: str) -> int:
    from reader.ui.settings import MAX_MEASURE, MIN_MEASURE

    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not MIN_MEASURE <= number <= MAX_MEASURE:
        raise argparse.ArgumentTypeError(f"must be between {MIN_MEASURE} and {MAX_MEASURE}")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", nargs="?", metavar="ARTICLE",
                        help="an article id from the library, or a file to import and open")
    parser.add_argument("--library", type=Path, metavar="PATH",
                        help="the library database (default: $RTL_READER_LIBRARY, "
                        "else the user data folder)")
    from reader.ui.terminal import BIDI_CHOICES

    parser.add_argument("--bidi", choices=BIDI_CHOICES,
                        help="the output strategy: app (the reader shapes and orders Arabic), "
                        "terminal (logical text; the terminal does both), shaped, "
                        "shaped-mirrored, words (for terminals with bidi of their own), auto "
                        "(from what the terminal is, or the choice saved for it; default). "
                        "`rtl-reader doctor` shows and sets it")
    parser.add_argument("--harakat", choices=("keep", "strip"), help="keep or strip vowel marks")
    parser.add_argument("--no-shape", dest="shape", action="store_const", const=False,
                        help="do not join Arabic letters (for terminals that shape)")
    parser.add_argument("--measure", type=_measure, metavar="N",
                        help="the widest the article text gets, in columns (default 72)")
    parser.add_argument("--lang", choices=("en", "ar"),
                        help="interface language (default: from the locale)")


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

    from reader.library import Library
    from reader.ui.app import run_app
    from reader.ui.settings import PREFERENCES_KEY, Settings, merge_command_line

    library = Library.open(args.library)
    try:
        saved = Settings.from_state(library.get_state(PREFERENCES_KEY))
        settings = merge_command_line(saved, bidi=args.bidi, harakat=args.harakat,
                                      shape=args.shape, measure=args.measure, lang=args.lang)
        if settings != saved:
            library.set_state(PREFERENCES_KEY, settings.to_state())
        article_id = library.resolve_id(args.article) if args.article else None
        run_app(library, settings, article_id, on_first_paint=_resume_garbage_collection)
    finally:
        library.close()
    return 0
