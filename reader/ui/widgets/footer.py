"""The key footer, laid out in the interface's direction.

Textual's footer reads left to right: items start at the left edge, each draws its
key then its description, and the command-palette key is docked right. An Arabic
reader starts at the right, so in a right-to-left interface the footer is mirrored:
the first key sits at the right edge, each item reads (from the right) key then
description, i.e. draws "description key", the items flow leftwards and the palette
key is docked left. The keys themselves (``^p``, ``⏎``) are not mirrored. In a
left-to-right interface the footer is Textual's own.

The direction is read from the app's labels each time the footer composes, which it
does whenever the screen's bindings change, as they do on a change of language or of
focus.

Only keys that act are shown: while a text field has the focus, the letters it types
(``q``, ``?``, ``r``…) are left out, so the footer shows the field's own keys. When
the keys do not fit, whole keys are left out, the last ones first, never Help and
Quit: a key is never cut in the middle of a word, in Arabic or English.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.compose import compose
from textual.keys import key_to_character
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual exports it from this module only

#: Actions whose keys are never left out of the footer (outside text fields).
KEPT_ACTIONS = ("help", "quit")

#: The parts of a footer key whose padding's left and right sides swap when mirrored.
KEY_PART = "footer-key--key"
DESCRIPTION_PART = "footer-key--description"


class MirroredFooterKey(FooterKey):
    """A footer item drawn right to left: description, then key."""

    def render(self) -> Text:
        key_style = self.get_component_rich_style(KEY_PART)
        key_padding = self.get_component_styles(KEY_PART).padding
        key = " " * key_padding.right + self.key_display + " " * key_padding.left
        if not self.description:
            text = Text(key, style=key_style)
        else:
            description_style = self.get_component_rich_style(DESCRIPTION_PART)
            # Paddings are mirrored too: what separates the description from the key
            # is on its right in Textual's footer, so it is on its left here.
            padding = self.get_component_styles(DESCRIPTION_PART).padding
            description = " " * padding.right + self.description + " " * padding.left
            text = Text.assemble((description, description_style), (key, key_style))
        text.stylize_before(self.rich_style)
        return text

    @classmethod
    def like(cls, item: FooterKey) -> MirroredFooterKey:
        """A mirrored copy of *item* (same key, action, state, tooltip and classes)."""
        disabled = item.has_class("-disabled")  # the class Textual gives a disabled key
        classes = " ".join(sorted(item.classes - {"-disabled"}))  # re-added from disabled
        mirrored = cls(item.key, item.key_display, item.description, item.action,
                       disabled=disabled, classes=classes)
        mirrored.tooltip = item.tooltip
        if not item.has_class("-command-palette"):
            # As Textual binds them: every item but the palette key follows the footer.
            mirrored.data_bind(compact=Footer.compact)
        return mirrored


class ReaderFooter(Footer):
    """Textual's footer, mirrored when the interface reads right to left."""

    DEFAULT_CSS = """
    ReaderFooter.-rtl {
        align-horizontal: right;
        FooterKey.-command-palette {
            dock: left;
            padding-right: 0;
            padding-left: 1;
            border-left: none;
            border-right: vkey $foreground 20%;
        }
        KeyGroup.-compact {
            margin: 0 0 0 1;
            padding-left: 0;
            padding-right: 1;
        }
        FooterLabel {
            margin: 0 0 0 1;
        }
        &.-compact {
            FooterLabel {
                margin: 0;
            }
            FooterKey {
                margin-right: 0;
                margin-left: 1;
            }
            FooterKey.-grouped {
                margin: 0 1;
            }
            KeyGroup.-compact FooterKey.-grouped {
                margin: 0;
            }
            FooterKey.-command-palette {
                padding-left: 0;
            }
        }
    }
    """

    @property
    def right_to_left(self) -> bool:
        """True when the app's interface reads right to left."""
        labels = getattr(self.app, "labels", None)
        return bool(getattr(labels, "rtl", False))

    def compose(self) -> ComposeResult:
        rtl = self.right_to_left
        self.fitted = False
        if rtl != self.has_class("-rtl"):
            self.set_class(rtl, "-rtl")
            self.scroll_to(x=0, animate=False, immediate=True)
        items = [item for item in compose(self, super().compose()) if not self._typed(item)]
        yield from mirrored(items) if rtl else items
        self._widths: dict[Widget, int] = {}
        self.call_after_refresh(self.fit)

    def _typed(self, item: Widget) -> bool:
        """True for a key the focused widget takes as text (a letter in a field)."""
        focused = self.screen.focused if self.is_attached else None
        if focused is None or not isinstance(item, FooterKey):
            return False
        character = key_to_character(item.key)
        return character is not None and focused.check_consume_key(item.key, character)

    def fit(self) -> None:
        """Leave out whole keys, the last first, until the rest fit; Help and Quit stay."""
        units = [child for child in self.children
                 if not child.has_class("-command-palette")]
        palette = [child for child in self.children if child.has_class("-command-palette")]
        if any(unit not in self._widths and not unit.region.width for unit in units) or any(
                not child.region.width for child in palette):
            self.call_after_refresh(self.fit)  # not laid out yet: measure after the next
            return
        for unit in units:
            if unit not in self._widths and unit.display and unit.region.width:
                margin = unit.styles.margin
                self._widths[unit] = unit.region.width + margin.left + margin.right
        room = self.size.width - sum(child.region.width + child.styles.margin.left
                                     + child.styles.margin.right for child in palette)
        in_order = units[::-1] if self.has_class("-rtl") else units
        kept = sorted(in_order, key=lambda unit: not _always_kept(unit))
        used = 0
        for unit in kept:
            width = self._widths.get(unit, 0)
            shown = used + width <= room or _always_kept(unit)
            used += width if shown else 0
            unit.display = shown
        self.fitted = True
        if self.has_class("-rtl"):
            self.call_after_refresh(self.show_first_keys)

    def on_resize(self) -> None:
        if getattr(self, "_widths", None):
            self.fit()
        if self.has_class("-rtl"):
            self.call_after_refresh(self.show_first_keys)

    def show_first_keys(self) -> None:
        """Scroll an overflowing right-to-left footer to its right end, the first keys.

        Right alignment cannot apply to items wider than the footer: they start at its
        left edge, so the first keys would be the ones cut off without this.
        """
        if self.has_class("-rtl"):
            self.scroll_to(x=self.max_scroll_x, animate=False, immediate=True)


def _always_kept(unit: Widget) -> bool:
    return isinstance(unit, FooterKey) and unit.action.rpartition(".")[2] in KEPT_ACTIONS


def mirrored(items: Iterable[Widget]) -> list[Widget]:
    """*items* in right-to-left order, each key mirrored.

    A group of keys (a ``KeyGroup``, whose keys have no description) moves as a whole
    and keeps the order of its keys.
    """
    return [MirroredFooterKey.like(item) if isinstance(item, FooterKey) else item
            for item in reversed(list(items))]


__all__ = ["MirroredFooterKey", "ReaderFooter", "mirrored"]
