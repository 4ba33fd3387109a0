"""Key descriptions in the interface language.

Bindings are declared with an i18n key as their description (``"key.quit"``) and
keep it: what shows a key (the footer, the help screen) looks the description up
when it draws it, with :func:`describe`. The language can change while the app
runs, and Textual gives no public way to give one node other bindings than its
class declares, so the translation happens where the text is shown, not in the
bindings.
"""

from __future__ import annotations

from textual.dom import DOMNode

from reader.i18n import STRINGS
from reader.ui.labels import Labels


def describe(description: str, labels: Labels) -> str:
    """A binding's *description* (a catalogue key, or text) in the interface language,
    laid out by the engine."""
    if description in STRINGS:
        return labels(description)
    return labels.line(description)


def typing_into_focus(node: DOMNode, key: str, character: str) -> bool:
    """True when the focused widget takes *key* as typed text (a field or an editor).

    A screen whose printable shortcut is a priority binding (so that it acts before
    keys queued behind it reach the old focus) uses this in ``check_action`` to
    leave the character to a text field instead.
    """
    focused = node.screen.focused if node.is_attached else None
    return focused is not None and focused.check_consume_key(key, character)
