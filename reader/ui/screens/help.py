"""The help screen: every key, and which bidi mode is active and why."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.bindings import key_table

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the app and its screens and panes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "key.cancel"),
    ]

    app: ReaderApp  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(self._body(), id="help-body")

    def on_mount(self) -> None:
        self.query_one("#help").border_title = self.app.labels("help.title")

    def _body(self) -> Table:
        # Imported here: the screens import this module's siblings, not the reverse.
        from reader.ui.app import ReaderApp
        from reader.ui.screens.library import LibraryScreen
        from reader.ui.screens.reading import ReadingScreen
        from reader.ui.widgets.article import ArticleView
        from reader.ui.widgets.library import ArticleList
        from reader.ui.widgets.related import RelatedPane

        labels = self.app.labels
        settings = self.app.settings
        bidi = self.app.bidi
        justify = "right" if labels.rtl else "left"
        explicit = labels("value.yes" if bidi.mode == "app" else "value.no")
        reason = labels.translate(bidi.reason_key, hint=bidi.hint or "", explicit=explicit)
        table = Table.grid(padding=(0, 2), expand=True)
        table.add_column(justify="left" if not labels.rtl else "right", ratio=1)
        table.add_column(justify="left", no_wrap=True)
        table.add_row(Text(labels("help.bidi", mode=bidi.mode, reason=reason), style="bold",
                           justify=justify), "")
        on_off = labels("value.on" if settings.shape else "value.off")
        table.add_row(
            Text(labels("help.options", harakat=labels(f"value.{settings.harakat}"),
                        shape=on_off, measure=settings.measure), justify=justify), "")
        table.add_row(Text(labels("help.palette"), justify=justify), "")
        table.add_row("", "")
        sections = (
            ("library.title", (LibraryScreen, ArticleList)),
            ("pane.article", (ReadingScreen, ArticleView)),
            ("pane.related", (RelatedPane,)),
            ("app.title", (ReaderApp,)),
        )
        for title_key, classes in sections:
            table.add_row(Text(labels(title_key), style="bold underline", justify=justify), "")
            for keys, description in key_table(classes, labels):
                table.add_row(Text(description, justify=justify), Text(keys, style="bold"))
        table.add_row("", "")
        table.add_row(Text(labels("help.close"), style="dim", justify=justify), "")
        if labels.rtl:
            # Right-to-left interface: the keys column goes on the left of the description.
            mirrored = Table.grid(padding=(0, 2), expand=True)
            mirrored.add_column(justify="left", no_wrap=True)
            mirrored.add_column(justify="right", ratio=1)
            for row in zip(*(column.cells for column in table.columns), strict=True):
                mirrored.add_row(row[1], row[0])
            return mirrored
        return table
