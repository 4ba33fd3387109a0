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
from typing import TYPE_CHECKING, Any, NoReturn

from reader import __version__
from reader.cli.say import PROG, choose_language, emit, for_stream, prefixed, said, text
from reader.errors import ReaderError, UsageError

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

#: command name -> its module under reader.cli; its one-line help is the catalogue's
#: ``cli.command.NAME``.
COMMANDS: dict[str, str] = {
    "cat": "cat",
    "import": "import_",
    "list": "list_",
    "search": "search",
    "related": "related",
    "drafts": "drafts",
    "doctor": "doctor",
}


class _Parser(argparse.ArgumentParser):
    """argparse, but its error line is sanitized: it repeats the arguments it did not
    understand as given, and an argument can hold an escape sequence."""

    _checking_an_argument = False

    # argparse builds a formatter for each argument added, only to check its metavar;
    # a formatter sized to the terminal imports shutil (and bz2, lzma and zlib with it),
    # a few milliseconds of every start-up. That check gets one of a fixed width: the
    # help, the usage and the version are still sized to the terminal.
    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        self._checking_an_argument = True
        try:
            return super().add_argument(*args, **kwargs)
        finally:
            self._checking_an_argument = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        if self._checking_an_argument:
            return argparse.HelpFormatter(prog=self.prog, width=80)
        return super()._get_formatter()

    def error(self, message: str):  # type: ignore[no-untyped-def]
        from reader.text.sanitize import sanitize_line

        super().error(sanitize_line(message))

    # The help, the usage and the error line are laid out for a terminal like every
    # other message (in Arabic: shaped and in visual order, see reader.cli.say).
    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        self._write(self.format_help(), file or sys.stdout)

    def print_usage(self, file: SupportsWrite[str] | None = None) -> None:
        self._write(self.format_usage(), file or sys.stdout)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self._write(message, sys.stderr)
        sys.exit(status)

    @staticmethod
    def _write(message: str, stream: SupportsWrite[str]) -> None:
        stream.write(for_stream(message, stream))


def _build_parser(command: str | None) -> tuple[argparse.ArgumentParser, object]:
    if command is None:
        module = importlib.import_module("reader.cli.app")
        parser = _Parser(
            prog=PROG,
            description=text("cli.description", commands=", ".join(COMMANDS)),
        )
        parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    else:
        module = importlib.import_module(f"reader.cli.{COMMANDS[command]}")
        parser = _Parser(prog=f"{PROG} {command}", description=text(f"cli.command.{command}"))
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
            emit(prefixed(text("cli.note", message=said(message))))
        else:
            show(message, category, filename, lineno, file, line)

    warnings.showwarning = one_line
    warnings.simplefilter("always", LegacyEncoding)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit status."""
    _degrade_unencodable_output()
    args_list = command_first(list(sys.argv[1:] if argv is None else argv))
    command = args_list[0] if args_list and args_list[0] in COMMANDS else None
    choose_language(None if command else _language_option(args_list))
    try:
        return _run(command, args_list)
    finally:  # a caller in the same process (a test, a script) gets the locale's again
        choose_language(None)


def run_command() -> NoReturn:
    """The ``rtl-reader`` process (and ``python -m reader``): :func:`main`, then exit.

    After a command (``cat`` and the other printers, not the app), what the run leaves
    (the engine's tables and caches, the parser) is frozen out of the cyclic collector:
    the process ends here, and the interpreter's collections at shutdown would only walk
    it all again, about 6 ms of every ``cat``, more than a one-line file takes to lay
    out. Output is flushed at exit as before; nothing is left unwritten."""
    status = main()
    args = command_first(sys.argv[1:])
    if args and args[0] in COMMANDS:
        import gc

        gc.freeze()
    sys.exit(status)


def command_first(args: list[str]) -> list[str]:
    """*args* with a command written after ``--library PATH`` moved to the front.

    Every command takes ``--library``, so ``rtl-reader --library lib.sqlite3 import
    news.jsonl`` is what many type (as ``git -C DIR log``); the app's parser would read
    ``import`` as an article and refuse the file after it. The option goes after the
    command, where the command's parser reads it. Anything else is left as it is: a
    first word that is no command opens the app, as before."""
    index = 0
    while index < len(args) and (args[index] == "--library" or
                                 args[index].startswith("--library=")):
        index += 1 if "=" in args[index] else 2
    if 0 < index < len(args) and args[index] in COMMANDS:
        return [args[index], *args[:index], *args[index + 1:]]
    return args


def _run(command: str | None, args_list: list[str]) -> int:
    parser, module = _build_parser(command)
    args = parser.parse_args(args_list[1:] if command else args_list)
    _print_notes()
    try:
        return int(module.run(args) or 0)  # type: ignore[attr-defined]
    except ReaderError as exc:
        emit(prefixed(said(exc)))
        return 2 if isinstance(exc, UsageError) else 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `rtl-reader cat x | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0


def _language_option(args: list[str]) -> str | None:
    """The app entry's ``--lang`` (last one wins, as argparse takes it), read before
    parsing so that the help and the usage errors are in that language too."""
    lang = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            lang = args[index + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return lang


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
