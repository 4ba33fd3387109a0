"""Whether a widget's composed children were mounted: a Mount handler's first question.

Textual refuses to mount anything into a node that is being removed (its ``mount``
returns at once while the node is pruned or closing) yet still sends that node its
Mount event. A screen or pane closed after it was attached but before its compose
finished (the app leaving, or the screen popped, in the instant it is mounted:
quitting in the first second while the reading screen mounts its side panes, Escape
right after ``?``) gets Mount with some or none of its composed children, and a
deferred callback of it can come after they are gone: code that sets them up would
raise ``NoMatches`` and end the app with an error. Such a node is never shown and holds
nothing the user typed, so there is nothing to set up.
"""

from __future__ import annotations

from textual.dom import DOMNode


def composed(node: DOMNode, deepest: str) -> bool:
    """True when *node*'s composed children are mounted, *deepest* (a selector) naming
    one of its innermost: children are mounted level by level, each level whole, so
    the innermost being there means all are. False when Textual mounted it not, or
    they are already gone: *node* is being removed."""
    return bool(node.query(deepest))
