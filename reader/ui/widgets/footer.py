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

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.compose import compose
from textual.containers import HorizontalGroup
from textual.keys import key_to_character
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Label

from reader.ui.bindings import describe
from reader.ui.labels import Labels

#: Actions whose keys are never left out of the footer (outside text fields).
KEPT_ACTIONS = ("help", "quit")

#: The parts of a footer key whose padding's left and right sides swap when mirrored.
KEY_PART = "footer-key--key"
DESCRIPTION_PART = "footer-key--description"


class FooterKey(Widget):
    """One key of the footer: its key, then what it does; a click presses the key.

    Textual's own footer item has no public export, so the footer's items are
    written here on public API, drawn and styled as Textual draws its own (the
    class names are Textual's, so the footer's stylesheet and the theme's footer
    colours apply unchanged). The description is given already in the interface
    language (see :func:`reader.ui.bindings.describe`).
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {KEY_PART, DESCRIPTION_PART}
    DEFAULT_CSS = """
    FooterKey {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        background: $footer-item-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
            padding: 0 1;
        }
        .footer-key--description {
            padding: 0 1 0 0;
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        &:hover {
            pointer: pointer;
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        &.-disabled {
            text-style: dim;
        }
        &.-compact {
            .footer-key--key {
                padding: 0;
            }
            .footer-key--description {
                padding: 0 0 0 1;
            }
        }
    }
    """

    compact = reactive(True)
    """Drawn with less space around the key and the description."""

    def __init__(self, key: str, key_display: str, description: str, action: str, *,
                 disabled: bool = False, tooltip: str = "", classes: str = "") -> None:
        self.key = key
        self.key_display = key_display
        self.description = description
        self.action = action
        # The class, not Widget.disabled: a disabled key still shows and rings the bell.
        super().__init__(classes=f"{classes} -disabled" if disabled else classes)
        self.set_reactive(Widget.shrink, False)
        if tooltip:
            self.tooltip = tooltip

    @property
    def inactive(self) -> bool:
        """True when the key's action cannot run now (drawn dim; a click rings the bell)."""
        return self.has_class("-disabled")

    def render(self) -> Text:
        key_style = self.get_component_rich_style(KEY_PART)
        key_padding = self.get_component_styles(KEY_PART).padding
        key = " " * key_padding.left + self.key_display + " " * key_padding.right
        if not self.description:
            text = Text.assemble((self.key_display, key_style))
        else:
            description_style = self.get_component_rich_style(DESCRIPTION_PART)
            padding = self.get_component_styles(DESCRIPTION_PART).padding
            description = " " * padding.left + self.description + " " * padding.right
            text = Text.assemble((key, key_style), (description, description_style))
        text.stylize_before(self.rich_style)
        return text

    def on_mouse_down(self) -> None:
        if self.inactive:
            self.app.bell()
        else:
            self.app.simulate_key(self.key)

    def watch_compact(self, compact: bool) -> None:
        self.set_class(compact, "-compact")


class KeyGroup(HorizontalGroup):
    """The keys of one binding group, shown together before the group's label."""

    DEFAULT_CSS = """
    KeyGroup {
        width: auto;
    }
    """


class FooterLabel(Label):
    """A binding group's description in the footer."""


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
        classes = " ".join(sorted(item.classes - {"-disabled"}))  # re-added from disabled
        mirrored = cls(item.key, item.key_display, item.description, item.action,
                       disabled=item.inactive, classes=classes)
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

    def __init__(self, *children: Widget, name: str | None = None, id: str | None = None,
                 classes: str | None = None, disabled: bool = False,
                 show_command_palette: bool = True, compact: bool = False) -> None:
        super().__init__(*children, name=name, id=id, classes=classes, disabled=disabled,
                         show_command_palette=show_command_palette, compact=compact)
        #: The screen has announced its bindings (before that there is nothing to show).
        self.keys_ready = False
        self._widths: dict[Widget, int] = {}

    @property
    def right_to_left(self) -> bool:
        """True when the app's interface reads right to left."""
        labels = getattr(self.app, "labels", None)
        return bool(getattr(labels, "rtl", False))

    def bindings_changed(self, screen: Screen) -> None:
        self.keys_ready = True
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        rtl = self.right_to_left
        self.fitted = False
        if rtl != self.has_class("-rtl"):
            self.set_class(rtl, "-rtl")
            self.scroll_to(x=0, animate=False, immediate=True)
        items = [item for item in compose(self, self._items()) if not self._typed(item)]
        yield from mirrored(items) if rtl else items
        self._widths = {}
        self.call_after_refresh(self.fit)

    def _describe(self, description: str) -> str:
        """*description* (a catalogue key) in the interface language, looked up as it is
        shown: a bare app's descriptions, with no labels, are shown as given."""
        labels = getattr(self.app, "labels", None)
        return describe(description, labels) if isinstance(labels, Labels) else description

    def _items(self) -> Iterator[Widget]:
        """The keys of the screen's active bindings, as Textual's footer lays them out."""
        if not self.keys_ready:
            return
        active = self.screen.active_bindings
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for _node, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        self.styles.grid_size_columns = len(by_action)
        for group, runs in groupby(by_action.values(), lambda run: run[0][0].group):
            actions = list(runs)
            if group is not None and len(actions) > 1:
                with KeyGroup(classes="-compact" if group.compact else ""):
                    for binding, enabled, tooltip in (run[0] for run in actions):
                        yield FooterKey(binding.key, self.app.get_key_display(binding), "",
                                        binding.action, disabled=not enabled,
                                        tooltip=tooltip or self._describe(binding.description),
                                        classes="-grouped").data_bind(compact=Footer.compact)
                yield FooterLabel(self._describe(group.description))
                continue
            for binding, enabled, tooltip in (run[0] for run in actions):
                yield FooterKey(binding.key, self.app.get_key_display(binding),
                                self._describe(binding.description), binding.action,
                                disabled=not enabled,
                                tooltip=tooltip).data_bind(compact=Footer.compact)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = active.get(self.app.COMMAND_PALETTE_BINDING)
            if palette is not None:
                _node, binding, enabled, tooltip = palette
                yield FooterKey(binding.key, self.app.get_key_display(binding),
                                self._describe(binding.description), binding.action,
                                classes="-command-palette", disabled=not enabled,
                                tooltip=binding.tooltip or self._describe(binding.description))

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
        # Fitted once the screen shows it: the keys left out are laid out again at the
        # next refresh, and only then can an Arabic footer scroll to its first keys.
        self.fitted = False
        self.call_after_refresh(self._settle)

    def _settle(self) -> None:
        """The keys are laid out as :meth:`fit` left them: scroll an Arabic footer to its
        first keys, and count the footer fitted once that scroll is on screen too."""
        if self.has_class("-rtl"):
            self.show_first_keys()
        self.call_after_refresh(self._mark_fitted)

    def _mark_fitted(self) -> None:
        self.fitted = True

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
