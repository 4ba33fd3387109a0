"""The one-key bidi chooser: the same sentence as each output strategy sends it.

Whether Arabic reads right depends on the terminal (and on settings of it no program
can see, like Konsole's bidi). So the reader shows one numbered line per strategy,
each laid out by the engine in that strategy's own form, and the reader presses the
number of the line that reads right. The answer is saved for this terminal in the
user's configuration folder and used at once.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.text.layout import LayoutOptions, layout_text
from reader.text.output import LRM, MODES, STRATEGIES, TERMINAL_FORMS, ends_in_place
from reader.ui.mounting import composed
from reader.ui.plain import notice

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

#: A sentence with what goes wrong first on a terminal with bidi of its own: lam-alef
#: ligatures, harakat, a number and brackets, and a full stop at its end.
#: ("The president said the agreement (2015) still stands.")
SAMPLE = "قالَ الرئيسُ إنّ الاتفاقَ (2015) لا يزالُ قائماً."


def sample_lines(width: int, terminal_kind: str = "", *, harakat: str = "keep",
                 shape: bool = True, end_mark: bool = False) -> list[tuple[str, str]]:
    """(strategy, the sample as it sends it, padded to *width* cells), in chooser order;
    ``terminal`` in the form it takes on *terminal_kind*, each with the reader's
    *harakat* and *shape* settings, as the reader's text would come out.

    *end_mark*: end every sample with an LRM, for a terminal that reorders whole rows
    (the strategy in force ends its own lines with one). The samples that have none
    of their own (``app``, ``words``, ``shaped-rlm``) would otherwise join, across the
    chooser's border, the Arabic of the screen beside it in one right-to-left run: VTE
    drew the article's words inside them."""
    rows = []
    for mode in MODES:
        form = TERMINAL_FORMS.get(terminal_kind, mode) if mode == "terminal" else mode
        options = LayoutOptions(max(2, width), mode=form, harakat=harakat, shape=shape)
        lines = layout_text(SAMPLE, options)
        if lines and lines[0].fill_end:
            # mlterm's form: the sample shares its stretch of the row with the number and
            # name before it, which mlterm lays out left to right (seen: words in
            # left-to-right order), so it goes in that stretch's form, filled before it
            shown, _ = ends_in_place(lines[0].text, range(len(lines[0].text)))
            sample = " " * max(0, width - lines[0].cells) + shown
        else:
            sample = lines[0].padded(max(2, width)) if lines else ""
        if end_mark and not sample.endswith(LRM):
            sample += LRM
        rows.append((mode, sample))
    return rows


class BidiChooser(ModalScreen[None]):
    """Numbered sample lines; a digit picks the strategy, Escape keeps the current one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "keep", "key.cancel"),
        *(Binding(str(n), f"pick({n})", show=False) for n in range(1, len(MODES) + 1)),
    ]

    DEFAULT_CSS = """
    BidiChooser { align: center middle; }
    BidiChooser > #chooser { width: 90%; max-width: 100; height: auto; max-height: 90%;
                             border: round $accent; padding: 0 1; background: $surface; }
    """

    app: ReaderApp  # type: ignore[assignment]

    def __init__(self, *, opened_by_itself: bool = False) -> None:
        super().__init__()
        self.opened_by_itself = opened_by_itself

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="chooser"):
            yield Static(id="chooser-body", markup=False)

    def on_mount(self) -> None:
        if not composed(self, "#chooser-body"):  # closed before it composed (reader.ui.mounting)
            return
        self.query_one("#chooser").border_title = self.app.labels.content("chooser.title")
        self.call_after_refresh(self._fill)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fill)

    def _fill(self) -> None:
        if not composed(self, "#chooser-body"):  # closed before this deferred fill came
            return
        box = self.query_one("#chooser")
        width = max(30, box.scrollable_content_region.width - 1)
        labels = self.app.labels
        body = Text(no_wrap=True)
        for line in labels.block(labels.sentence("chooser.intro", mode=self.app.bidi.mode),
                                 width):
            body.append(line.padded(width) + "\n")
        body.append("\n")
        name_width = max(map(len, MODES)) + 1
        sample_width = max(2, width - name_width - 4)
        settings = self.app.settings
        samples = sample_lines(sample_width, self.app.terminal.kind, harakat=settings.harakat,
                               shape=settings.shape,
                               end_mark=STRATEGIES[self.app.bidi.layout_mode].lrm)
        for number, (mode, sample) in enumerate(samples, 1):
            current = "*" if mode == self.app.bidi.mode else " "
            body.append(f"{number}{current} {mode.ljust(name_width)}", style="bold")
            body.append(sample + "\n")
        self.query_one("#chooser-body", Static).update(body)

    def action_pick(self, number: int) -> None:
        from reader.ui.saved_choices import save_choice

        mode = MODES[number - 1]
        labels = self.app.labels
        severity: Literal["information", "warning"]
        try:
            save_choice(self.app.terminal.key, mode)
        except OSError as error:
            # the error names a file: an isolate, so a Latin message in an Arabic one
            # keeps its own order (and is sanitized)
            message = labels.sentence("chooser.not_saved", mode=mode, error=str(error))
            severity = "warning"
        else:
            message = labels.sentence("chooser.saved", mode=mode)
            severity = "information"
        self.dismiss()
        self.app.apply_bidi_choice(mode)
        notice(self.app, self.app.labels.line(message), severity=severity)

    def action_keep(self) -> None:
        """Close; opened by itself, the current strategy counts as the answer, so the
        chooser does not come back at every start."""
        if self.opened_by_itself:
            from reader.ui.saved_choices import save_choice

            with contextlib.suppress(OSError):
                save_choice(self.app.terminal.key, self.app.bidi.mode)
        self.dismiss()
