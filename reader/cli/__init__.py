"""The ``rtl-reader`` command line.

``rtl-reader [ARTICLE]`` opens the app; ``rtl-reader COMMAND ...`` runs a
non-interactive command. Each command lives in a module of its own under
``reader.cli`` that defines ``add_arguments(parser)`` and ``run(args) -> int``;
heavy imports happen inside ``run`` so that ``--help`` and start-up stay fast.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence

from reader import __version__
from reader.errors import ReaderError, UsageError

# command name -> (module under reader.cli, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "cat": ("cat", "print an article laid out for this terminal"),
    "import": ("import_", "add article files and folders to the library"),
    "list": ("list_", "list the library's articles, newest first"),
    "search": ("search", "search the library (harakat and hamza forms folded)"),
    "related": ("related", "show an article's related and most similar articles"),
    "drafts": ("drafts", "list, export or delete offline comment drafts"),
    "doctor": ("doctor", "show how this terminal is detected; choose its bidi output"),
}

PROG = "rtl-reader"


class _Parser(argparse.ArgumentParser):
    """argparse, but its error line is sanitized: it repeats the arguments it did not
    understand as given, and an argument can hold an escape sequence."""

    def error(self, message: str):  # type: ignore[no-untyped-def]
        from reader.text.sanitize import sanitize_line

        super().error(sanitize_line(message))


def _build_parser(command: str | None) -> tuple[argparse.ArgumentParser, object]:
    if command is None:
        module = importlib.import_module("reader.cli.app")
        parser = _Parser(
            prog=PROG,
            description="Read stored Arabic articles in the terminal. "
            "Commands: " + ", ".join(COMMANDS) + " (rtl-reader COMMAND --help).",
        )
        parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    else:
        module_name, help_text = COMMANDS[command]
        module = importlib.import_module(f"reader.cli.{module_name}")
        parser = _Parser(prog=f"{PROG} {command}", description=help_text)
    module.add_arguments(parser)  # type: ignore[attr-defined]
    return parser, module


def _print_notes() -> None:
    """Notes the engine gives as warnings (a file read in a legacy encoding) are printed
    as one line each: ``rtl-reader: note: FILE: ...``."""
    import warnings

    from reader.text.decode import LegacyEncoding

    show = warnings.showwarning

    def one_line(message, category, filename, lineno, file=None, line=None):  # type: ignore[no-untyped-def]
        if issubclass(category, LegacyEncoding):
            from reader.text.sanitize import sanitize_line

            print(f"{PROG}: note: {sanitize_line(str(message))}", file=sys.stderr)
        else:
            show(message, category, filename, lineno, file, line)

    warnings.showwarning = one_line
    warnings.simplefilter("always", LegacyEncoding)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit status."""
    _degrade_unencodable_output()
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = args_list[0] if args_list and args_list[0] in COMMANDS else None
    parser, module = _build_parser(command)
    args = parser.parse_args(args_list[1:] if command else args_list)
    _print_notes()
    try:
        return int(module.run(args) or 0)  # type: ignore[attr-defined]
    except ReaderError as exc:
        from reader.text.sanitize import sanitize_line

        print(f"{PROG}: {sanitize_line(str(exc))}", file=sys.stderr)
        return 2 if isinstance(exc, UsageError) else 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `rtl-reader cat x | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0


def _degrade_unencodable_output() -> None:
    """Text printed to a stream whose encoding cannot hold it (Arabic to an ASCII or
    Latin-1 pipe) is escaped (``\\u0627``), never a UnicodeEncodeError. Laid-out text
    and exports are written as UTF-8 bytes whatever the locale; this covers the rest."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            # A closed or detached stream has nothing to print to: left as it is.
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")
