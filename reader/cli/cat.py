"""``rtl-reader cat ARTICLE``: print an article laid out for this terminal.

ARTICLE is a stored-article file (saved page text, HTML, JSON, JSON Lines,
plain text), read as an article and printed as title, metadata line, body and
related links; or a library id (or unique id prefix), whose related links
show the id of the stored article each names (by address or by title alone),
as ``rtl-reader related`` does; or ``-``, standard input laid out as it is,
like ``fribidi``. ``--raw`` lays a file out as it is too. Files are read, not
imported: cat is a filter and leaves the library alone (their links show as
the file has them).

An article's paragraphs are separated by one blank line; ``-`` and ``--raw`` lay
each input line out as one paragraph and keep blank lines, adding none (as
``fribidi`` does). In ``app`` mode right-to-left
lines are padded on the left to the width so they sit against the right
edge. Start-up stays light: the engine is imported inside :func:`run`, and
Textual never is.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, BinaryIO

from reader.cli.arguments import (
    add_bidi_option,
    add_harakat_option,
    add_shape_option,
    add_width_option,
    article_ref,
)
from reader.cli.library_options import add_library_option, open_library
from reader.cli.say import text, warn
from reader.cli.strategy import AS_LAID_OUT

if TYPE_CHECKING:
    from reader.articles import Article
    from reader.errors import InputError
    from reader.library import Library
    from reader.text.layout import LayoutOptions, Line

DEFAULT_WIDTH = 80


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="ARTICLE", type=article_ref,
                        help=text("cli.option.cat_article"))
    parser.add_argument("--raw", action="store_true", help=text("cli.option.raw"))
    add_width_option(parser)
    add_bidi_option(parser)
    add_harakat_option(parser, default=None)
    add_shape_option(parser, default=True)
    add_library_option(parser)


def read_bytes(path: str, *, max_bytes: int | None = None) -> bytes:
    """The bytes of ``path`` (``-``: standard input), refusing directories and huge files.

    Reads at most one byte past the limit, so the size check never loads a
    gigantic file whole.
    """
    from reader.errors import InputError
    from reader.text.decode import DEFAULT_MAX_BYTES, describe_source

    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if path == "-":
        return sys.stdin.buffer.read(limit + 1)
    where = describe_source(path)
    with _open_input(path, where) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise InputError(where, text("cli.input.too_large", size=f"{size:,}",
                                         limit=f"{limit:,}"))
        try:
            return handle.read(limit + 1)
        except OSError as exc:
            raise _unreadable(where, exc) from None


def render_paragraphs(
    paragraphs: Sequence[str],
    options: LayoutOptions,
    *,
    separated: bool = True,
    sanitized: bool = False,
    form: str = AS_LAID_OUT,
) -> Iterator[str]:
    """Screen lines for ``paragraphs`` (untrusted), ready to print one per line, with one
    blank line between paragraphs (``separated``) or none. ``sanitized``: they are lines
    of sanitized text already (see :func:`render_pieces`). ``form``: how they are
    written (:func:`reader.cli.strategy.line_form`: on a terminal that orders them,
    logical lines go as it needs them).

    Right-aligned lines are padded on the left to the width; others carry no
    trailing padding.
    """
    from reader.cli.strategy import layout_width, printed
    from reader.text.layout import Document
    from reader.text.layout.batch import batch_applies, screen_lines
    from reader.text.output import reorders

    if batch_applies(options):  # the same lines, many paragraphs at a time
        yield from screen_lines(paragraphs, options, separated=separated, sanitized=sanitized)
        return
    visual = reorders(options.mode)  # else logical text as it is, for any reader of it
    width = options.width
    if not visual and layout_width(width, form) != width:
        options = options.replace(width=layout_width(width, form))
    document = Document(paragraphs, options.direction)
    if separated:
        lines: Iterable[Line] = document.lines(options)
    else:
        lines = (line for index in range(len(paragraphs))
                 for line in document.paragraph_lines(index, options))
    for line in lines:
        if not visual:
            yield printed(line, width, form)
        else:
            yield line.padded(width) if line.align_right and line.text else line.text


def render_text(text: str, options: LayoutOptions, *, form: str = AS_LAID_OUT
                ) -> Iterator[str]:
    """Screen lines for one untrusted text laid out as it is (see :func:`render_pieces`)."""
    return render_pieces([text], options, form=form)


def render_pieces(pieces: Iterable[str], options: LayoutOptions, *, form: str = AS_LAID_OUT
                  ) -> Iterator[str]:
    """Screen lines for untrusted text given in pieces that end at line ends (see
    :mod:`reader.cli.text_stream`), laid out one piece at a time, as ``fribidi`` does: each
    input line is one paragraph, a blank line stays one blank line, and none is added.
    The output is that of the whole text, and memory is bounded by a piece's layout."""
    from reader.text.sanitize import sanitize

    for piece in pieces:
        lines = sanitize(piece).split("\n")
        if lines[-1] == "":  # the piece's last line end
            lines.pop()
        run: list[str] = []  # consecutive lines with text, laid out together
        for line in lines:
            if line.strip():
                run.append(line)
                continue
            if run:
                yield from render_paragraphs(run, options, separated=False, sanitized=True,
                                             form=form)
                run = []
            yield ""
        if run:
            yield from render_paragraphs(run, options, separated=False, sanitized=True,
                                         form=form)


def stream_input(path: str) -> Iterator[str]:
    """The text of ``path`` (``-``: standard input) in pieces ending at line ends, read as
    they are needed; InputError names the problem (no size limit: nothing is held)."""
    from reader.cli.text_stream import text_pieces
    from reader.text.decode import describe_source

    if path == "-":
        yield from text_pieces(sys.stdin.buffer, text("cli.input.stdin"), warn=warn)
        return
    where = describe_source(path)
    with _open_input(path, where) as handle:
        try:
            yield from text_pieces(handle, where, warn=warn)
        except OSError as exc:
            raise _unreadable(where, exc) from None


def stream_json_lines(path: str) -> Iterator[Article]:
    """The articles of a JSON Lines file, read a record at a time (a file of 100,000
    articles is never held); the first bad record stops with an InputError naming its
    line, after the articles before it, as a filter does."""
    from reader.articles.json_articles import stream_json_lines as records
    from reader.errors import InputError
    from reader.text.decode import describe_source

    where = describe_source(path)
    with _open_input(path, where) as handle:
        try:
            for item in records(handle, where):
                if isinstance(item, InputError):
                    raise item
                yield item
        except OSError as exc:
            raise _unreadable(where, exc) from None


def _open_input(path: str, where: str) -> BinaryIO:
    """``path`` opened for reading, or InputError naming the problem."""
    from reader.errors import InputError

    try:
        if os.path.isdir(path):
            raise InputError(where, text("cli.input.directory"))
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(where, text("cli.input.missing")) from None
    except PermissionError:
        raise InputError(where, text("cli.input.denied")) from None
    except OSError as exc:
        raise _unreadable(where, exc) from None
    except ValueError:  # a NUL byte in the name (argv cannot hold one; a caller can)
        raise InputError(where, text("cli.input.missing")) from None


def _unreadable(where: str, error: OSError) -> InputError:
    """The InputError for a file that failed while opened or read: the system's words."""
    from reader.errors import InputError

    return InputError(where, error.strerror or text("cli.input.unreadable"))


def terminal_width() -> int:
    """The terminal's width when standard output is one, else 80."""
    from reader.cli.strategy import terminal_columns

    columns = terminal_columns(sys.stdout)
    return DEFAULT_WIDTH if columns is None else max(2, columns)


def write_lines(lines: Iterable[str], *, batch: int = 4096) -> None:
    """Write lines as UTF-8 whatever the locale (Arabic must not depend on LANG), a batch
    of lines at a time: a long output is never held whole."""
    out = sys.stdout.buffer
    chunk: list[str] = []
    try:
        for line in lines:
            chunk.append(line)
            if len(chunk) == batch:
                chunk.append("")
                out.write("\n".join(chunk).encode("utf-8"))
                out.flush()
                chunk = []
    finally:  # what was laid out before an error in the input is printed too
        if chunk:
            chunk.append("")
            out.write("\n".join(chunk).encode("utf-8"))
        out.flush()


def render_articles(articles: Iterable[Article], options: LayoutOptions, *,
                    form: str = AS_LAID_OUT) -> Iterator[str]:
    """Screen lines for parsed articles; a rule across the width separates articles."""
    from reader.articles.display import article_paragraphs

    for number, article in enumerate(articles):
        if number:
            yield ""
            yield "─" * options.width
            yield ""
        yield from render_paragraphs(article_paragraphs(article), options, form=form)


def _looks_like_a_path(ref: str) -> bool:
    return os.path.exists(ref) or os.sep in ref or "." in ref


def load_articles(ref: str, args: argparse.Namespace) -> Iterable[Article]:
    """The articles ``ref`` names: a file read as articles (JSON Lines a record at a
    time, as they are printed), else a library id."""
    if _looks_like_a_path(ref):
        from reader.articles import parse_bytes
        from reader.articles.parse import JSON_LINES_SUFFIXES

        if os.path.splitext(ref)[1].lower() in JSON_LINES_SUFFIXES and os.path.isfile(ref):
            return stream_json_lines(ref)

        return parse_bytes(read_bytes(ref), ref)
    with open_library(args) as library:
        article = library.resolve(ref)
        return [with_stored_links(article, library)]


def with_stored_links(article: Article, library: Library) -> Article:
    """*article* (from *library*) with each related link that names a stored article
    (by id, address or title alone) carrying that article's id, which
    :func:`reader.articles.display.related_paragraphs` then prints, as
    ``rtl-reader related`` does, so that it can be given to ``cat``."""
    from reader.articles import RelatedLink

    article.related = [
        RelatedLink(item.title, item.url, item.article_id)
        for item in library.stored_links(article.id)
    ]
    return article


def run(args: argparse.Namespace) -> int:
    import gc

    # A filter's objects live until it exits; the cyclic collector only re-walks
    # them (about 6% of a megabyte's layout). Off while laying out, as it was before.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(args)
    finally:
        if collecting:
            gc.enable()


def _run(args: argparse.Namespace) -> int:
    from reader.cli.strategy import harakat, layout_mode, line_form, request
    from reader.text.layout import LayoutOptions

    request(args.bidi)
    options = LayoutOptions(
        width=args.width or terminal_width(),
        mode=layout_mode(sys.stdout),
        harakat=harakat(sys.stdout, args.harakat),
        shape=args.shape,
    )
    form = line_form(sys.stdout, options.mode)
    if args.path == "-" or args.raw:
        lines = render_pieces(stream_input(args.path), options, form=form)
    else:
        lines = render_articles(load_articles(args.path, args), options, form=form)
    sys.stdout.flush()
    write_lines(lines)
    return 0
