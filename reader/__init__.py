"""rtl-reader: read stored Arabic (right-to-left) articles in a terminal.

Layers, each in its own sub-package, data flowing one way:

- ``reader.text``: the pure text engine (sanitize, direction, shaping, bidi, wrap, layout).
- ``reader.articles``: the Article model and one parser per stored form.
- ``reader.library``: the SQLite library (import, search, related articles).
- ``reader.comments``: comment drafts (form, validation, storage, export).
- ``reader.ui``: the Textual app; it asks the engine for lines and the library for data.
- ``reader.cli``: the command line.
"""

__version__ = "0.1.0"
