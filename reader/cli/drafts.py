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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_library_option(parser)
    add_display_options(parser)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    export = actions.add_parser("export", help="write all drafts as JSON")
    delete = actions.add_parser("delete", help="delete one article's draft")
    for sub in (export, delete):
        # Accepted after the action too (`drafts export --library X`); SUPPRESS keeps
        # a value given before the action.
        sub.add_argument("--library", metavar="PATH", type=Path, default=argparse.SUPPRESS,
                         help="the library database (as before the action)")
    export.add_argument("--format", choices=("json", "wp-rest"), default="json",
                        help="json: everything stored; wp-rest: bodies for POST "
                        "/wp-json/wp/v2/comments (default: json)")
    export.add_argument("-o", "--output", type=Path, default=None,
                        help="file to write (default: standard output)")
    delete.add_argument("article", metavar="ARTICLE", type=article_ref,
                        help="the article's id, or a unique prefix of it (as listed)")


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
        print(f"{len(recovered)} draft(s) that could not be saved to the library are in {where}")
    if not records:
        print("no drafts")
        return 0
    options = display_options(args)
    rows = []
    for record in records:
        state = "ready" if record.ready else "not ready"
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
    text = export_drafts(store.list(), fmt, ascii_only=to_stdout and not _holds_unicode(sys.stdout))
    _warn_skipped(store)
    if output is None or to_stdout:
        sys.stdout.write(text)
        return 0
    # Write beside the target and rename: an interrupted export never leaves half a file.
    tmp: str | None = None
    try:
        folder = output.resolve().parent
        fd, tmp = tempfile.mkstemp(prefix=".drafts-", suffix=".json", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, output)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise ReaderError(f"{sanitize_line(str(output))}: cannot write ({exc.strerror})") from None
    return 0


def _holds_unicode(stream) -> bool:
    """Whether *stream* encodes any character (UTF-8 and its kin), not ASCII or Latin-1."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding.startswith(("utf", "gb18030"))


def _warn_skipped(store) -> None:
    """One line on standard error for each stored draft that could not be read."""
    for problem in store.skipped:
        print(f"rtl-reader: warning: {problem}", file=sys.stderr)


def _delete(store, ref: str) -> int:
    from reader.errors import ReaderError
    from reader.text.sanitize import sanitize_line

    article = store.resolve(ref)
    if article is None or not store.delete(article):
        raise ReaderError(f"no draft for article {sanitize_line(ref)!r}")
    print(f"deleted the draft for {sanitize_line(article)}")
    return 0
