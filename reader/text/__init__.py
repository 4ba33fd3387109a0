"""The text engine: untrusted text in, terminal-ready lines with index maps out.

Pure Python; imports nothing from Textual, SQLite or the file system. Modules:

- ``sanitize``: remove terminal escape sequences and control characters (idempotent).
- ``decode``: bytes to text with clear errors for binary or invalid UTF-8 input.
- ``bidi``: the Unicode Bidirectional Algorithm (levels, line reordering, mirroring).
- ``direction``: a paragraph's base direction (rules P2/P3), cheap, for terminal mode.
- ``shaping``: Arabic letter joining with a map back to the logical text.
- ``wrap``: line breaking by terminal cell width.
- ``layout``: paragraphs to laid-out lines (with caches) for ``app`` and ``terminal`` modes:
  options, the prepared paragraph, line breaking, line order (one module per strategy),
  the lines and their maps, the document.
- ``relayout``: one paragraph laid out again after an edit, redoing only what it changed.
- ``editing``: the editing model (buffer, caret, visual layout) text fields drive.
"""
