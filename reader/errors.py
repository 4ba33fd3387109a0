"""Errors that reach the user as one clear line, never as a traceback."""

from __future__ import annotations


class ReaderError(Exception):
    """A problem the user can act on: bad input file, unusable library, bad option.

    The command line prints ``rtl-reader: <message>`` and exits with status 1.
    Messages name the file (sanitized) and the problem.
    """


class InputError(ReaderError):
    """An input file or stream that cannot be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class UsageError(ReaderError):
    """A command line that names something impossible (a folder as the library file,
    a folder that does not exist): exit status 2, like argparse's own usage errors."""
