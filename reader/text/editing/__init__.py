"""Editing text the engine lays out: a logical buffer, its caret, and where both show.

Pure (no Textual): the comment editor and every input field drive these models and
only draw what they say. :mod:`~reader.text.editing.buffer` holds the logical text,
caret and selection on cluster boundaries; :mod:`~reader.text.editing.caret` maps them
to the engine's visual lines and back.
"""
