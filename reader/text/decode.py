"""Bytes to text, refusing what is not text with a message naming the problem.

The caller reads the file (the engine does no I/O) and passes the bytes with a
display name; errors are :class:`reader.errors.InputError` so the command line
prints one line and exits 1.

Text that is not UTF-8 may be in one of the two legacy Arabic encodings still found in
older files, Windows-1256 and ISO-8859-6. Which one (if either) is decided by
charset-normalizer limited to those two: Windows-1256 decodes every byte but three, so a
strict decode order would take any file for Windows-1256; the detector also measures
whether the result reads as text (letters of one script, few symbols and controls) and
refuses bytes that are not. A file read so carries a note naming the encoding
(:class:`LegacyEncoding`, a warning the command line prints as one line); one that fits
neither stays an error naming the file.
"""

from __future__ import annotations

import warnings

from reader.errors import InputError
from reader.i18n.sentence import Sentence
from reader.text.sanitize import sanitize_line

#: the encodings tried when text is not UTF-8, with the names notes give them
LEGACY_ENCODINGS = {"cp1256": "Windows-1256", "iso8859_6": "ISO-8859-6"}


#: Continuation bytes of valid UTF-8 before the first bad byte that mark a file as UTF-8.
#: In Windows-1256 or ISO-8859-6 two letters in a row are already invalid UTF-8, so the
#: first Arabic word fails; a second valid multi-byte character means damaged UTF-8.
_UTF8_EVIDENCE = 2


class LegacyEncoding(UserWarning):
    """A file read in a legacy encoding: the note says which (one line). Like an
    :class:`~reader.errors.InputError` it names its *source* apart from the words, so
    the note can lay a file name in as a value of its sentence."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")

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
        raise InputError(where, Sentence("cli.input.too_large", size=f"{len(data):,}",
                                         limit=f"{max_bytes:,}"))
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise InputError(where, Sentence("cli.input.binary", offset=offset))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        error = exc
    found = legacy_encoding(data)
    if found is None:
        raise InputError(where, Sentence("input.invalid_encoding", offset=error.start)) from None
    warnings.warn(LegacyEncoding(where, Sentence("cli.input.legacy",
                                                 encoding=LEGACY_ENCODINGS[found])),
                  stacklevel=2)
    return data.decode(found)


def legacy_encoding(data: bytes) -> str | None:
    """``"cp1256"`` or ``"iso8859_6"`` if ``data`` reads as text in that encoding (the
    better reading when both do), else None.

    UTF-8 with a damaged byte is not taken for a legacy encoding (its Arabic would read
    as Windows-1256 mojibake): in a legacy file the first letters already fail as UTF-8,
    so valid multi-byte UTF-8 before the first bad byte means UTF-8."""
    from charset_normalizer import from_bytes

    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        if len(before) - len(before.decode("utf-8")) >= _UTF8_EVIDENCE:
            return None

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None or best.encoding not in LEGACY_ENCODINGS:
        return None
    try:
        data.decode(best.encoding)
    except UnicodeDecodeError:
        return None
    return best.encoding
