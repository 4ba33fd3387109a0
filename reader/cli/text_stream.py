"""A text file or stream read in pieces that end at line ends, for filters such as ``cat``.

``cat --raw`` and ``cat -`` lay text out paragraph by paragraph (one input line is
one paragraph), so they need never hold the whole input: memory is bounded by the
piece read at a time and the longest line, not by the file. A line longer than
:data:`MAX_LINE_BYTES` (a few megabytes: nothing a person writes as one paragraph)
is cut into parts of at most that size, at a space where there is one, with a
warning naming the file and the line; each part is then a paragraph of its own.

Each piece is checked as :func:`reader.text.decode.decode_text` checks a whole
file (UTF-8, a BOM allowed at the start, no NUL bytes), with the byte offset in
the whole input in the message; the pieces before a bad byte have been handed
out by then, as a filter does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import BinaryIO

from reader.cli.say import text
from reader.errors import InputError

#: Bytes read at a time: enough that per-read work is negligible, small enough that a
#: piece's layout stays a few tens of megabytes.
CHUNK_BYTES = 1 << 20
#: The longest line laid out as one paragraph; longer ones are cut (with a warning).
MAX_LINE_BYTES = 2 << 20
_BOM = b"\xef\xbb\xbf"


def text_pieces(
    handle: BinaryIO,
    where: str,
    *,
    warn: Callable[[str], None],
    chunk_bytes: int = CHUNK_BYTES,
    max_line_bytes: int = MAX_LINE_BYTES,
) -> Iterator[str]:
    """Decoded text of ``handle`` in pieces, each ending at a line end (but the last, and
    the parts of a cut line); ``where`` names the input in messages (already safe to
    print). Raises :class:`InputError` at the first NUL byte or invalid UTF-8."""
    buffer = bytearray()
    offset = 0  # offset in the input of buffer[0]
    line = 1  # number of the line buffer[0] is in
    at_start = True
    cut_line = 0  # the line last cut (warned once)
    encoding = ""  # decided on the first piece: UTF-8, or a legacy Arabic encoding
    while True:
        block = handle.read(chunk_bytes)
        if at_start and block:
            while len(block) < len(_BOM) and _BOM.startswith(block):
                more = handle.read(chunk_bytes)
                if not more:
                    break
                block += more
            if block.startswith(_BOM):
                block = block[len(_BOM):]
                offset = len(_BOM)
            at_start = False
        if block:
            buffer += block
        while buffer:
            end = buffer.rfind(b"\n") + 1
            if not end:  # part of one line
                if len(buffer) <= max_line_bytes:
                    if block:
                        break  # read on to the line's end
                    end = len(buffer)
                else:
                    end = _cut(buffer, max_line_bytes)
                    if cut_line != line:
                        cut_line = line
                        warn(text("cli.input.long_line", where=where, line=f"{line:,}",
                                  limit=f"{max_line_bytes:,}"))
            piece = bytes(buffer[:end])
            del buffer[:end]
            decoded = None
            if not encoding:
                encoding, decoded = _encoding_of(piece, where)
            if decoded is None:
                decoded = _decoded(piece, where, offset, encoding)
            yield decoded
            offset += end
            line += piece.count(b"\n")
        if not block:
            return


def _cut(buffer: bytearray, limit: int) -> int:
    """Where to cut a line longer than ``limit``: after its last space within the limit,
    else at the last character boundary within it."""
    space = buffer.rfind(b" ", 0, limit)
    if space > 0:
        return space + 1
    end = limit
    while end > 0 and buffer[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte
        end -= 1
    return end or limit


def _encoding_of(first_piece: bytes, where: str) -> tuple[str, str | None]:
    """UTF-8, or the legacy Arabic encoding the first piece reads as (with the note a
    whole file gets, see :mod:`reader.text.decode`); a later piece that does not decode
    is an error, as for a whole file. With it, the piece's text when it reads as UTF-8
    and holds no NUL (a megabyte is not decoded twice; a NUL is said by
    :func:`_decoded`), else None."""
    from reader.text.decode import LEGACY_ENCODINGS, LegacyEncoding, legacy_encoding

    try:
        text_of = first_piece.decode("utf-8")
        return "utf-8", None if b"\x00" in first_piece else text_of
    except UnicodeDecodeError:
        found = b"\x00" not in first_piece and legacy_encoding(first_piece)
        if found:
            import warnings

            warnings.warn(LegacyEncoding(where, text(
                "cli.input.legacy", encoding=LEGACY_ENCODINGS[found])), stacklevel=2)
            return found, None
    return "utf-8", None


def _decoded(piece: bytes, where: str, offset: int, encoding: str = "utf-8") -> str:
    if b"\x00" in piece:  # checked first, as for a whole file
        nul = offset + piece.index(b"\x00")
        raise InputError(where, text("cli.input.binary", offset=nul))
    if encoding != "utf-8":
        return piece.decode(encoding)
    try:
        return piece.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(where, text("cli.input.invalid_utf8", offset=offset + exc.start)) from None
