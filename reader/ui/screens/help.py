"""The help screen: every key, and which bidi mode is active and why."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.keymap import KEY_MODEL
from reader.ui.mounting import composed
from reader.ui.terminal import harakat_overdrawn

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the app and its screens and panes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "key.cancel"),
        Binding("b", "choose_bidi", "cmd.bidi_chooser"),
    ]

    app: ReaderApp  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(id="help-body", markup=False)

    def on_mount(self) -> None:
        if not composed(self, "#help-body"):  # closed before it composed (reader.ui.mounting)
            return
        self.query_one("#help").border_title = self.app.labels.content("help.title")
        self.call_after_refresh(self._fill)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fill)

    def _fill(self) -> None:
        if not composed(self, "#help-body"):  # closed before this deferred fill came
            return
        self.query_one("#help-body", Static).update(self._body())

    def _text_width(self) -> int:
        """Cells available inside the help box, less its scrollbar."""
        box = self.query("#help")
        width = box.first().scrollable_content_region.width if box else 0
        return max(20, width - 1)

    def action_choose_bidi(self) -> None:
        self.dismiss()
        self.app.action_choose_bidi()

    def _bidi_section(self, paragraph: Callable[..., None]) -> None:
        """Which output strategy is in effect, why, what it sends, and the way out."""
        labels = self.app.labels
        raw = labels.translate
        bidi = self.app.bidi
        # The reason is a sentence of its own inside this one: an isolate, as its hint
        # (what the terminal was known by) is inside it.
        reason = labels.sentence(bidi.reason_key, hint=bidi.hint)
        paragraph(labels.sentence("help.bidi", mode=bidi.mode, reason=reason), "bold")
        paragraph(raw(f"strategy.{bidi.mode}"))
        if bidi.layout_mode == "terminal-mlterm":  # what it cannot do there (docs/terminals.md)
            paragraph(raw("help.terminal_mlterm"))
        paragraph(raw("help.bidi_chooser"))
        if self.app.harakat_requested == "auto" and harakat_overdrawn(bidi.terminal):
            paragraph(raw("help.harakat_auto", kind=bidi.terminal.kind))

    def _body(self) -> Text:
        # Imported here: the screens import this module's siblings, not the reverse.
        labels = self.app.labels
        raw = labels.translate  # values go into a sentence laid out once, as a whole
        settings = self.app.settings
        width = self._text_width()
        body = Text(no_wrap=True)

        def paragraph(sentence: str, style: str = "") -> None:
            # Wrapped by the engine: Rich would wrap visual-order text from the wrong end.
            for line in labels.block(sentence, width):
                body.append(line.padded(width) + "\n", style=style)

        self._bidi_section(paragraph)
        # The measure is one of the interface's own numbers: in the chosen digits.
        paragraph(labels.sentence("help.options", harakat=raw(f"value.{settings.harakat}"),
                                  shape=raw("value.on" if settings.shape else "value.off"),
                                  measure=settings.measure))
        paragraph(raw("help.palette"))
        keys_width = max(len(row.keys) for _, rows in KEY_MODEL for row in rows) + 2
        for title_key, rows in KEY_MODEL:
            body.append("\n")
            paragraph(raw(title_key), "bold underline")
            for row in rows:
                # The description wraps under itself, beside the keys, read from its side.
                lines = labels.block(raw(row.does), max(10, width - keys_width))
                for number, line in enumerate(lines):
                    keys = row.keys if number == 0 else ""
                    text = line.padded(width - keys_width)
                    if labels.rtl:
                        body.append(text)
                        body.append(keys.rjust(keys_width) + "\n", style="bold")
                    else:
                        body.append(keys.ljust(keys_width), style="bold")
                        body.append(text + "\n")
        body.append("\n")
        paragraph(raw("help.close"), "dim")
        return body
