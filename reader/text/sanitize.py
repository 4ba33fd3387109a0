"""Make untrusted text safe to show in a terminal.

Article text, titles, links, file names and drafts may carry terminal escape
sequences (a clipboard write ``ESC ] 52``, a screen clear ``ESC [ 2 J``, a window
title ``OSC 0``, hyperlinks ``OSC 8``), C0/C1 controls, NUL, DEL and lone
surrogates. Textual passes all of those through to the terminal, so every
untrusted string goes through :func:`sanitize` where it enters the program and
again (via the layout) where it leaves for a terminal.

Bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates) are *kept* by
:func:`sanitize` because the bidi algorithm needs them; the layout never emits
them (:func:`strip_bidi_controls`).
"""

from __future__ import annotations

import re

# A whole escape sequence is removed, payload included, so no fragment of it can
# show up as text. 7-bit (ESC-prefixed) and 8-bit (C1) introducers are both handled.
_ESCAPE_SEQUENCE = (
    # CSI: parameters, intermediates, final byte (a truncated CSI is removed too).
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    # OSC, DCS, SOS, PM, APC: a string payload ended by BEL or ST (ESC \ or 0x9c).
    # An unterminated payload ends at the end of its line, so a stray introducer
    # cannot swallow the rest of an article.
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    # Any other escape (nF, Fp, Fe, Fs such as ESC c, ESC 7, ESC ( B) or a lone ESC.
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]?"
)

_NEWLINES = r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"
_SURROGATES = r"[\ud800-\udfff]"

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

# C0 controls other than tab and newline, DEL, C1 controls, and the BOM (a
# zero-width character some editors leave at the start of a file).
_DROP = "[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]"
_DROP_BIDI = {ord(c): None for c in BIDI_CONTROLS}
# Every character some step of sanitize() acts on (line ends, escape introducers, controls,
# tab, BOM, surrogates): text without any is returned as it is, after one search.
_NEEDS_WORK = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


def sanitize(text: str) -> str:
    """Return *text* with nothing in it that a terminal would act on.

    - escape sequences (CSI, OSC, DCS, SOS, PM, APC, others) removed whole;
    - CR LF, CR, VT, FF, NEL, U+2028, U+2029 and the C0 paragraph separators
      become ``\\n`` (which separates paragraphs);
    - tabs expand to spaces (stops every 8 characters);
    - other C0 controls, DEL, C1 controls, NUL and the BOM are removed;
    - lone surrogates (undecodable bytes) become U+FFFD.

    Idempotent: ``sanitize(sanitize(s)) == sanitize(s)``.
    """
    if text.isprintable():  # the common case: nothing to do (newlines are not printable)
        return text
    if _NEEDS_WORK.search(text) is None:  # a whole article: plain newlines only
        return text
    return _sanitize_steps(text)


def _sanitize_steps(text: str) -> str:
    """:func:`sanitize` without its shortcuts (each step is a no-op on clean text)."""
    # The patterns go through the re module's cache, so they are compiled on first use:
    # most runs (clean text, a whole article) never get here.
    # Line ends first, so an unterminated OSC/DCS stops at a CR or VT line end too.
    text = re.sub(_NEWLINES, "\n", text)
    text = re.sub(_ESCAPE_SEQUENCE, "", text)
    if re.search(_DROP, text):  # (str.translate is slow on non-ASCII text)
        text = re.sub(_DROP, "", text)
    if "\t" in text:
        text = text.expandtabs(8)
    if re.search(_SURROGATES, text):
        text = re.sub(_SURROGATES, "\ufffd", text)
    return text


def strip_bidi_controls(text: str) -> str:
    """Remove bidi control characters: terminals draw them as boxes or zero-width."""
    return text.translate(_DROP_BIDI)


def sanitize_line(text: str, *, keep_bidi_controls: bool = False) -> str:
    """Sanitize a one-line field (title, URL, file name, message): newlines become spaces.

    Bidi controls are removed too unless the caller hands the result to the
    layout, which needs them and never emits them.
    """
    text = sanitize(text).replace("\n", " ")
    return text if keep_bidi_controls else strip_bidi_controls(text)
