"""The Textual interface: library, reading and help screens; widgets by area.

It asks the engine (``reader.text.layout``) for laid-out lines and the library
(``reader.library``) for articles and state, and keeps neither layout nor storage
logic. Entry point: :func:`reader.ui.app.run_app` (from ``reader.cli.app``).
"""
