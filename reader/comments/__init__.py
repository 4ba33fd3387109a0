"""Offline comment drafts: the WordPress form model, validation, storage, export.

Nothing here imports Textual; the widget that edits a draft lives in
``reader.ui.widgets.comments`` and drives the pure models defined here.
"""
