"""Key descriptions in the interface language.

Bindings are declared with an i18n key as their description (``"key.quit"``);
:func:`localize_bindings` gives a node a copy whose descriptions are translated and
laid out by the engine, which is what the footer and the help screen show.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from reader.i18n import STRINGS
from reader.ui.labels import Labels


def describe(binding: Binding, labels: Labels) -> str:
    """The binding's description in the interface language."""
    if binding.description in STRINGS:
        return labels(binding.description)
    return labels.line(binding.description)


def localize_bindings(node: DOMNode, labels: Labels) -> None:
    """Replace *node*'s bindings with copies described in the interface language."""
    declared = type(node)._merged_bindings
    if declared is None:
        return
    localized = BindingsMap()
    for key, bindings in declared.key_to_bindings.items():
        for binding in bindings:
            copy = replace(binding, description=describe(binding, labels))
            localized.key_to_bindings.setdefault(key, []).append(copy)
    node._bindings = localized


def typing_into_focus(node: DOMNode, key: str, character: str) -> bool:
    """True when the focused widget takes *key* as typed text (a field or an editor).

    A screen whose printable shortcut is a priority binding (so that it acts before
    keys queued behind it reach the old focus) uses this in ``check_action`` to
    leave the character to a text field instead.
    """
    focused = node.screen.focused if node.is_attached else None
    return focused is not None and focused.check_consume_key(key, character)
