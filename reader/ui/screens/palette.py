"""The command palette: our own field and list over the app's commands.

Textual's ``CommandPalette`` composes its own ``Input`` and finds it by class (and listens
for that class's messages) through private methods, so it cannot be given another field
through public API; its ``Input`` draws typed Arabic as stored: unshaped, in logical
order. This screen is built on public widgets instead: our :class:`BidiInput` (typed
Arabic shaped and in visual order, as in the search and find fields) over an
``OptionList``, right-aligned in the Arabic interface. What is typed is matched by the
app's own command provider (:class:`reader.ui.commands.ReaderCommands`, through its public
``search`` and ``discover``), so matching and the highlight of the matched letters have
one home. Escape closes it; Up/Down/PageUp/PageDown move in the list; Enter or a click
runs the command highlighted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.ui.commands import ReaderCommands
from reader.ui.mounting import composed
from reader.ui.widgets.bidi_input import BidiInput

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

#: The most commands listed at once (the list scrolls for the rest).
SHOWN = 100


class Palette(ModalScreen[None]):
    """The app's commands, found by what is typed, run by Enter or a click."""

    DEFAULT_CSS = """
    Palette { align-horizontal: center; align-vertical: top; background: $background 60%; }
    Palette > #palette { width: 90%; max-width: 100; height: auto; max-height: 80%;
        margin-top: 1; background: $surface; border: round $primary; }
    Palette #palette-input { border: none; height: 1; min-height: 1; padding: 0 1;
        background: $surface; }
    Palette #palette-list { height: auto; max-height: 16; border: none;
        border-top: hkey $primary 40%; background: $surface; padding: 0 1; }
    Palette.-rtl #palette-list { text-align: right; }
    Palette > .palette--match { color: $text-accent; text-style: bold underline; }
    Palette > .palette--help { color: $text-muted; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"palette--match", "palette--help"}
    app: ReaderApp  # type: ignore[assignment]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "key.cancel", show=False),
        Binding("down", "move(1)", show=False, priority=True),
        Binding("up", "move(-1)", show=False, priority=True),
        Binding("pagedown", "move(10)", show=False, priority=True),
        Binding("pageup", "move(-10)", show=False, priority=True),
    ]

    def __init__(self, below: Any) -> None:
        """*below*: the screen the commands are for (the one the palette opened over)."""
        super().__init__(id="palette-screen")
        self.below = below
        self.hits: list[Hit | DiscoveryHit] = []

    def compose(self) -> ComposeResult:
        labels = self.app.labels
        with Vertical(id="palette"):
            field = BidiInput(id="palette-input", select_on_focus=False,
                              placeholder=labels.translate("palette.placeholder"))
            field.follow(labels)
            yield field
            yield OptionList(id="palette-list", markup=False)

    def on_mount(self) -> None:
        if not composed(self, "#palette-list"):
            return
        self.set_class(self.app.labels.rtl, "-rtl")
        self.query_one("#palette-list", OptionList).can_focus = False
        self.query_one("#palette-input", BidiInput).focus()
        self.find("")

    def _provider(self) -> ReaderCommands:
        match = Style.from_styles(self.get_component_styles("palette--match"))
        return ReaderCommands(self.below, match)

    @work(exclusive=True, group="palette")
    async def find(self, typed: str) -> None:
        """List the commands matching *typed* (all of them, by name, for nothing typed),
        best first, the first highlighted."""
        provider = self._provider()
        query = typed.strip()
        hits: list[Hit | DiscoveryHit] = []
        if query:
            async for hit in provider.search(query):
                if isinstance(hit, Hit):
                    hits.append(hit)
            hits.sort(key=lambda hit: -hit.score)
        else:
            async for hit in provider.discover():
                if isinstance(hit, DiscoveryHit):
                    hits.append(hit)
        self._show(hits[:SHOWN])

    def _show(self, hits: list[Hit | DiscoveryHit]) -> None:
        self.hits = hits
        listing = self.query_one("#palette-list", OptionList)
        listing.clear_options()
        help_style = Style.from_styles(self.get_component_styles("palette--help"))
        options = []
        for hit in hits:
            title = hit.prompt if isinstance(hit.prompt, Content) else Content(str(hit.prompt))
            prompt = title
            if hit.help:
                prompt = Content.assemble(title, "\n", Content(hit.help).stylize(help_style))
            options.append(Option(prompt))
        if not options:
            none = self.app.labels("palette.none")
            options.append(Option(Content(none).stylize(help_style), disabled=True))
        listing.add_options(options)
        listing.highlighted = 0 if hits else None

    @on(BidiInput.Changed, "#palette-input")
    def _typed(self, event: BidiInput.Changed) -> None:
        event.stop()
        self.find(event.value)

    @on(BidiInput.Submitted, "#palette-input")
    def _entered(self, event: BidiInput.Submitted) -> None:
        event.stop()
        self._run(self.query_one("#palette-list", OptionList).highlighted)

    @on(OptionList.OptionSelected, "#palette-list")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._run(event.option_index)

    def action_move(self, step: int) -> None:
        listing = self.query_one("#palette-list", OptionList)
        if self.hits:
            current = listing.highlighted or 0
            listing.highlighted = max(0, min(len(self.hits) - 1, current + step))

    def _run(self, index: int | None) -> None:
        """Close the palette, then run the command at *index* (none: just close)."""
        if index is None or not 0 <= index < len(self.hits):
            return
        callback = self.hits[index].command
        self.dismiss()
        self.app.call_later(callback)
