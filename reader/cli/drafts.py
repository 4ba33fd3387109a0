"""``rtl-reader drafts``: list, export and delete offline comment drafts.

- ``rtl-reader drafts`` lists them (article, last change, ready or not, size);
- ``rtl-reader drafts export [--format json|wp-rest] [-o FILE]`` writes them;
- ``rtl-reader drafts delete ARTICLE`` removes one article's draft.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from reader.cli.arguments import article_ref
from reader.cli.columns import add_display_options
from reader.cli.library_options import add_library_option, open_library
from reader.cli.say import emit, text, warn


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_library_option(parser)
    add_display_options(parser)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    export = actions.add_parser("export", help=text("cli.option.export"))
    delete = actions.add_parser("delete", help=text("cli.option.delete"))
    for sub in (export, delete):
        # Accepted after the action too (`drafts export --library X`); SUPPRESS keeps
        # a value given before the action.
        sub.add_argument("--library", metavar="PATH", type=Path, default=argparse.SUPPRESS,
                         help=text("cli.option.library_after"))
    export.add_argument("--format", choices=("json", "wp-rest"), default="json",
                        help=text("cli.option.format"))
    export.add_argument("-o", "--output", type=Path, default=None,
                        help=text("cli.option.output"))
    delete.add_argument("article", metavar="ARTICLE", type=article_ref,
                        help=text("cli.option.draft_article"))


def run(args: argparse.Namespace) -> int:
    from reader.comments.store import DraftStore

    # Drafts only: a library created here needs no sample articles.
    with open_library(args, import_bundled=False) as library:
        store = DraftStore.for_library(library)
        if args.action == "export":
            return _export(store, args.format, args.output)
        if args.action == "delete":
            return _delete(store, args.article)
        return _list(store, args)


def _list(store, args: argparse.Namespace) -> int:
    from reader.cli.columns import display_options, print_rows, row
    from reader.comments.recovery import recovered_files, recovery_dir
    from reader.text.sanitize import sanitize_line

    records = store.list()
    _warn_skipped(store)
    recovered = recovered_files()
    if recovered:
        where = sanitize_line(str(recovery_dir()))
        emit(text("cli.drafts.recovered", count=len(recovered), where=where), sys.stdout)
    if not records:
        emit(text("cli.drafts.none"), sys.stdout)
        return 0
    options = display_options(args)
    rows = []
    ready, not_ready = text("cli.drafts.ready"), text("cli.drafts.not_ready")
    for record in records:
        state = ready if record.ready else not_ready
        prefix = (f"{record.article_id:<16}  {record.updated_at[:19]:<19}  "
                  f"{state:<9}  {record.size:>6} B  ")
        rows.append(row(prefix, record.target.title or "-", options))
    print_rows(rows)
    return 0


def _export(store, fmt: str, output: Path | None) -> int:
    from reader.comments.export import export_drafts
    from reader.errors import ReaderError
    from reader.text.sanitize import sanitize_line

    to_stdout = output is None or str(output) == "-"
    exported = export_drafts(store.list(), fmt,
                             ascii_only=to_stdout and not _holds_unicode(sys.stdout))
    _warn_skipped(store)
    if output is None or to_stdout:
        sys.stdout.write(exported)
        return 0
    # Write beside the target and rename: an interrupted export never leaves half a file.
    tmp: str | None = None
    try:
        folder = output.resolve().parent
        fd, tmp = tempfile.mkstemp(prefix=".drafts-", suffix=".json", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(exported)
        os.replace(tmp, output)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise ReaderError(text("cli.drafts.cannot_write", file=sanitize_line(str(output)),
                               reason=exc.strerror)) from None
    return 0


def _holds_unicode(stream) -> bool:
    """Whether *stream* encodes any character (UTF-8 and its kin), not ASCII or Latin-1."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding.startswith(("utf", "gb18030"))


def _warn_skipped(store) -> None:
    """One line on standard error for each stored draft that could not be read."""
    for problem in store.skipped:
        warn(problem)


def _delete(store, ref: str) -> int:
    from reader.errors import ReaderError
    from reader.text.sanitize import sanitize_line

    article = store.resolve(ref)
    if article is None or not store.delete(article):
        raise ReaderError(text("cli.drafts.no_draft", article=repr(sanitize_line(ref))))
    emit(text("cli.drafts.deleted", article=sanitize_line(article)), sys.stdout)
    return 0
