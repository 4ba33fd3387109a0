"""A question asked over the current screen, answered by a key or a button.

Used where the reader must decide before anything is lost: deleting an article
(and whether its draft goes too), a draft saved meanwhile in another window. The
question and the answers are interface text laid out by the engine; untrusted
parts (a title) come in as parameters, sanitized there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from reader.ui.mounting import composed

Answer = TypeVar("Answer")


@dataclass(frozen=True)
class Choice(Generic[Answer]):
    """One answer: the key that gives it, its label (laid out), and what it returns."""

    key: str
    label: str
    answer: Answer


class ChoiceScreen(ModalScreen[Answer]):
    """Shows *question* (lines of laid-out text) and one button per choice; Escape
    gives *cancel*."""

    DEFAULT_CSS = """
    ChoiceScreen { align: center middle; }
    ChoiceScreen > #choice { width: 90%; max-width: 80; height: auto;
        border: round $warning; background: $surface; padding: 0 1; }
    ChoiceScreen #choice-question { width: 1fr; margin-bottom: 1; }
    ChoiceScreen #choice-buttons { height: auto; width: 1fr; }
    ChoiceScreen Button { margin: 0 1 0 0; min-width: 8; }
    """

    def __init__(
        self, question: Sequence[str], choices: Sequence[Choice[Answer]], cancel: Answer
    ) -> None:
        super().__init__()
        self.question = list(question)
        self.choices = list(choices)
        self.cancel = cancel

    def compose(self) -> ComposeResult:
        with Vertical(id="choice"):
            yield Static(id="choice-question", markup=False)
            with Horizontal(id="choice-buttons"):
                for number, choice in enumerate(self.choices):
                    label = Text(f"{choice.key}  {choice.label}")
                    yield Button(label, id=f"choice-{number}")

    def on_mount(self) -> None:
        if not composed(self, "#choice-buttons"):  # closed before it composed (ui.mounting)
            return
        self.call_after_refresh(self._fill)
        labels = getattr(self.app, "labels", None)
        buttons = self.query_one("#choice-buttons")
        buttons.styles.align_horizontal = "right" if labels and labels.rtl else "left"

    def on_resize(self) -> None:
        self.call_after_refresh(self._fill)

    def _fill(self) -> None:
        if not composed(self, "#choice-buttons"):  # closed before this deferred fill came
            return
        box = self.query_one("#choice-question", Static)
        width = max(20, box.size.width or 40)
        labels = getattr(self.app, "labels", None)  # an app hosting a lone pane has none
        if labels is None:
            box.update(Text("\n".join(self.question)))
            return
        lines = [labels.padded(labels.block(part, width), width) for part in self.question]
        box.update(Text("\n".join(lines), no_wrap=True))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        number = int((event.button.id or "choice-0").rsplit("-", 1)[1])
        self.dismiss(self.choices[number].answer)

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            event.stop()
            self.dismiss(self.cancel)
            return
        for choice in self.choices:
            if event.key == choice.key or event.character == choice.key:
                event.stop()
                self.dismiss(choice.answer)
                return
