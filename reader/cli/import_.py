"""``rtl-reader import PATH...``: add article files and folders to the library.

Prints each problem (file and reason) on stderr and a one-line summary on stdout.
Exit status 0 when every file was read (articles already stored count as read),
1 when any file or record could not be imported, so scripts notice; the good
ones are imported all the same.
"""

from __future__ import annotations

import argparse
import sys

from reader.cli.library_options import add_library_option, open_library
from reader.text.sanitize import sanitize_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files (.txt, .html, .json, .jsonl) or folders, searched recursively",
    )
    add_library_option(parser)
    parser.epilog = "Exit status 1 when any file could not be imported (the rest are)."


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        report = library.import_paths(args.paths)
    for problem in report.problems:
        print(f"rtl-reader: {sanitize_line(str(problem))}", file=sys.stderr)
    print(report.summary())
    return 0 if report.ok else 1
