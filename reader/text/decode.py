"""Bytes to text, refusing what is not text with a message naming the problem.

The caller reads the file (the engine does no I/O) and passes the bytes with a
display name; errors are :class:`reader.errors.InputError` so the command line
prints one line and exits 1.
"""

from __future__ import annotations

from reader.errors import InputError
from reader.text.sanitize import sanitize_line

#: Articles are small; anything past this is almost surely not an article.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def describe_source(name: str) -> str:
    """A file name made safe to print (it is untrusted too)."""
    return sanitize_line(name) or "<unnamed>"


def decode_text(data: bytes, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode UTF-8 article bytes (a UTF-8 BOM is allowed) or raise InputError.

    Binary data (NUL bytes) and invalid UTF-8 are refused rather than guessed at,
    with the byte offset of the first bad byte in the message.
    """
    where = describe_source(source)
    if len(data) > max_bytes:
        raise InputError(where, f"file is too large ({len(data):,} bytes; limit {max_bytes:,})")
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise InputError(where, f"binary data (NUL byte at offset {offset}), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(where, f"invalid UTF-8 at byte offset {exc.start}") from None
