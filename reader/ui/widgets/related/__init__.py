"""The related-links pane."""

from reader.ui.widgets.related.pane import RelatedPane

__all__ = ["RelatedPane"]
