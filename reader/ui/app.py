"""The Textual app: screens, settings, the terminal's bidi mode, and the library link.

The app asks the library for articles and state and the engine for lines; it holds
no layout and no storage logic of its own.
"""

from __future__ import annotations

import contextlib
import os
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from reader.errors import ReaderError
from reader.i18n import LANGUAGES, STRINGS, Translator
from reader.text.layout import Document
from reader.text.sanitize import sanitize_line
from reader.ui import signals
from reader.ui.commands import ReaderCommands, command
from reader.ui.labels import Labels
from reader.ui.plain import Severity, notice
from reader.ui.saved_choices import load_choices
from reader.ui.settings import MAX_MEASURE, MIN_MEASURE, PREFERENCES_KEY, Settings
from reader.ui.terminal import (
    BIDI_CHOICES,
    BidiDecision,
    Terminal,
    TmuxClient,
    TmuxPassthrough,
    TmuxQuestion,
    ask_tmux,
    chooser_due,
    decide,
    decide_harakat,
    frames,
    identify,
    mode_sequences,
    needs_passthrough,
)
from reader.ui.widgets.article import ReadingPosition

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.driver import Driver

    from reader.library import Library

LAST_ARTICLE_KEY = "last_article"
DEFAULT_THEME = "textual-dark"
#: Documents kept laid out in memory (Back and [ ] are then instant).
DOCUMENTS_KEPT = 8
MEASURE_STEP = 8


#: Textual's screen stacks (modes). The app starts in START_MODE, on the article asked
#: for (or the library); leaving that article for the library moves to LIBRARY_MODE and
#: removes START_MODE, its reading screen with it (see :meth:`ReaderApp.show_library`).
START_MODE = "start"
LIBRARY_MODE = "library"


def position_key(article_id: str) -> str:
    return f"position:{article_id}"


def _library_screen() -> Screen:
    """The library screen, imported only when it is first needed."""
    from reader.ui.screens.library import LibraryScreen

    return LibraryScreen()


class ReaderApp(App[None]):
    """rtl-reader's interface."""

    CSS_PATH = "app.tcss"
    TITLE = "rtl-reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "key.help", key_display="?"),
        Binding("ctrl+p", "command_palette", "key.palette", show=False),
    ]
    DEFAULT_MODE = START_MODE
    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = {LIBRARY_MODE: _library_screen}
    #: The system commands, matched on their logical titles (:mod:`reader.ui.commands`).
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ReaderCommands}

    def __init__(
        self,
        library: Library,
        settings: Settings,
        *,
        article_id: str | None = None,
        environ: Mapping[str, str] | None = None,
        on_first_paint: Callable[[], None] | None = None,
        preferences: Settings | None = None,
        tmux: TmuxQuestion | None = None,
    ) -> None:
        """*settings* apply to this run (command line over *preferences*); *preferences*
        are what is saved, and only what the reader changes in the app changes them.
        *tmux* is the question about tmux's client if start-up asked it already."""
        super().__init__()
        self._on_first_paint = on_first_paint
        self.library = library
        self.settings = settings
        self.preferences = preferences or settings
        self.environ = dict(os.environ if environ is None else environ)
        #: the terminal (inside tmux: tmux's client), found out once
        tmux = tmux or TmuxQuestion(self.environ)
        #: inside tmux, the client attached at start (None: tmux did not answer)
        self._tmux_client = tmux.answer()
        self.terminal: Terminal = identify(self.environ, self._tmux_client)
        #: harakat as the user asked: keep, strip, or auto (not chosen); self.settings
        #: holds what was decided for the terminal (see decide_harakat)
        self.harakat_requested = settings.harakat
        self.settings = self._decided(settings)
        self.bidi: BidiDecision = decide(settings.bidi, self.terminal, load_choices())
        self.labels = self._make_labels()
        self.theme = settings.theme or DEFAULT_THEME  # before the first style pass
        self.initial_article_id = article_id
        self._documents: OrderedDict[str, Document] = OrderedDict()
        self._saved_positions: dict[str, ReadingPosition] = {}
        self._leave_sequence = ""
        #: tmux's passthrough for the reader's pane, when the terminal behind tmux
        #: must get the enter sequence (mlterm's OSC); see TmuxPassthrough.
        self._passthrough: TmuxPassthrough | None = None
        #: the driver's output, which knows whether the terminal hung up
        self._output: signals.TerminalOutput | None = None
        #: the translation the screen on the terminal was drawn through
        self._drawn_through: dict[int, str] | None = None
        #: the driver Textual built for this run (it says so, see :func:`_announcing`)
        self.terminal_driver: Driver | None = None
        self._painted = False

    # ------------------------------------------------------------ life cycle
    def _make_labels(self) -> Labels:
        return Labels(Translator(self.settings.lang), self.bidi.layout_mode, self.settings.harakat,
                      self.settings.shape, self.settings.digits)

    # The screens are imported where they are first needed: opening an article does
    # not load the library screen's code (nor the other way round) before the first paint.
    def get_default_screen(self) -> Screen:
        """START_MODE's first screen: the article asked for, or else the library.

        Opening an article directly does not pay for composing the library screen; it
        is created when the reader first goes back to it. The article is the first
        screen itself, not pushed over a blank one: no second screen to compose, style
        and resume before the first paint. (Textual builds it from here, not from a
        factory given to ``add_mode``: a mode's factory screen costs a whole second
        style pass, ``refresh_css``, before the first paint.)
        """
        if self.initial_article_id:
            from reader.ui.screens.reading import ReadingScreen

            return ReadingScreen(self.initial_article_id)
        return _library_screen()

    def show_library(self) -> None:
        """Leave the reading screen for the library screen (created if need be).

        The reading screen opened at start-up is the first of its stack (START_MODE),
        which nothing can replace: Textual's ``switch_screen`` only replaces a screen
        that ``push_screen`` put there. So the library gets its own stack
        (LIBRARY_MODE) and START_MODE goes, the reading screen with it, as a switched
        screen would go.
        """
        from reader.ui.screens.library import LibraryScreen

        below = self.screen_stack[-2] if len(self.screen_stack) > 1 else None
        if isinstance(below, LibraryScreen):
            self.pop_screen()
        elif below is not None:
            self.switch_screen(LibraryScreen())
        elif not isinstance(self.screen, LibraryScreen) and self.current_mode == START_MODE:
            self.switch_mode(LIBRARY_MODE)
            # Textual removes only a mode it was given; START_MODE was built from
            # get_default_screen (see there why), so it is given now, to go.
            self.add_mode(START_MODE, self.get_default_screen)
            self.remove_mode(START_MODE)

    def on_mount(self) -> None:
        # Mount runs after the driver entered application mode and before the first
        # paint (painting waits for the mount batch), so the terminal is in explicit
        # mode before any Arabic reaches it.
        self._enter_bidi_mode()
        signals.install(self)  # HUP, TERM, INT: drafts saved, then the normal exit
        self._output = signals.terminal_output(self.terminal_driver)
        if self._chooser_due():
            self.call_after_refresh(self.action_choose_bidi, True)

    def on_unmount(self) -> None:
        self.first_paint_done()
        self._leave_bidi_mode()

    def on_app_focus(self) -> None:
        """Inside tmux, a client attaching (to a session started detached, or from
        another terminal) sends the pane a focus-in: ask tmux which terminal is
        attached now, off the event loop (see :meth:`follow_tmux_client`)."""
        if self.terminal.inside_tmux and not self.is_headless:
            self.run_worker(self._ask_tmux_client, thread=True, group="tmux-client",
                            exclusive=True, exit_on_error=False)

    def _ask_tmux_client(self) -> None:
        client = ask_tmux(self.environ)
        with contextlib.suppress(RuntimeError):  # the app is leaving
            self.call_from_thread(self.follow_tmux_client, client)

    def follow_tmux_client(self, client: TmuxClient | None) -> None:
        """Use the output strategy the tmux client attached now needs: the old
        terminal's state put back (what reaches it still), the new one's set up (mlterm:
        its OSC again, through the pane's passthrough) and the screens laid out again if
        the strategy changed. Nothing changes for the same client, or none."""
        if client is None or not client.pid:
            return  # tmux did not answer, or the last client detached
        if self._tmux_client is not None and client.pid == self._tmux_client.pid:
            return  # the same client: the pane got the focus back
        self._tmux_client = client
        self._leave_bidi_mode()
        self.terminal = identify(self.environ, client)
        decision = decide(self.settings.bidi, self.terminal, load_choices())
        harakat = decide_harakat(self.harakat_requested, self.terminal)
        if decision.layout_mode != self.bidi.layout_mode or harakat != self.settings.harakat:
            # lays every screen out again
            self.apply_settings(self.settings.with_changes(harakat=harakat))
        else:  # the same text: only the new terminal's setup
            self.bidi = decision
            self._enter_bidi_mode()
        if self._chooser_due():
            self.action_choose_bidi(True)

    def first_paint_done(self) -> None:
        """The first screen's content is drawn: run the start-up's deferred work, once."""
        callback, self._on_first_paint = self._on_first_paint, None
        if not self._painted:
            self._painted = True
            if self._passthrough is not None and self._leave_sequence:
                # The first copy went out right after the switch to the alternate
                # screen, when tmux may have dropped it.
                self._passthrough.deliver(self._write_raw, mode_sequences(self.bidi)[0])
        if callback is not None:
            callback()

    def _write_raw(self, data: str) -> None:
        """Write a control sequence through the driver (ordered with screen updates)."""
        driver = self.terminal_driver
        if data and driver is not None and not self.is_headless:
            driver.write(data)
            driver.flush()

    def _enter_bidi_mode(self) -> None:
        enter, leave = mode_sequences(self.bidi)
        self._translate_output(frames(self.bidi))
        if needs_passthrough(self.bidi) and self._passthrough is None and not self.is_headless:
            self._passthrough = TmuxPassthrough.open(self.environ)
        elif not needs_passthrough(self.bidi) and self._passthrough is not None:
            # another terminal attached: the pane's own setting back, once tmux has
            # passed on the leave sequence written before
            passthrough, self._passthrough = self._passthrough, None
            passthrough.close(self._write_raw)
        if self._passthrough is not None and self._painted:
            self._passthrough.deliver(self._write_raw, enter)
        else:
            self._write_raw(enter)
        self._leave_sequence = leave if not self.is_headless else ""

    def _leave_bidi_mode(self) -> None:
        self._write_raw(self._leave_sequence)
        self._leave_sequence = ""
        # The output's translation stays until the next enter sets it: frames still
        # queued for the writer go out as they were drawn for (the way out writes none).

    def _translate_output(self, translation: dict[int, str] | None) -> None:
        """Send the app's output through *translation* from now on (mlterm's ASCII
        frames, :func:`reader.ui.terminal.frames`), the screen drawn again if its cells
        were drawn through another (a frame is drawn once and kept otherwise)."""
        output = signals.terminal_output(self.terminal_driver)
        if output is None:
            return
        output.translation = translation
        if translation is not self._drawn_through:
            self._drawn_through = translation
            if self._painted and self.screen_stack:
                self.screen.refresh()

    def restore_terminal(self) -> None:
        """Put the terminal's bidi back (implicit mode, mlterm's layout on) if the normal
        exit path did not: after a crash or an exit that skipped unmounting. The driver
        is gone by then, so the bytes go straight to the terminal."""
        leave, self._leave_sequence = self._leave_sequence, ""
        passthrough, self._passthrough = self._passthrough, None
        if self._output is not None and self._output.gone:
            return  # the terminal hung up: nothing to restore, nowhere to write it
        if passthrough is not None:
            # Behind tmux: sent again after the switch back from the alternate screen,
            # and only then is the pane's passthrough setting put back.
            try:
                passthrough.deliver(_write_stdout, mode_sequences(self.bidi)[1])
            finally:
                passthrough.close()
            return
        _write_stdout(leave)

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, made to stop writing once the terminal hangs up (see
        :mod:`reader.ui.signals`)."""
        return _announcing(signals.hang_up_safe(super().get_driver_class()))

    def apply_bidi_choice(self, mode: str) -> None:
        """Use strategy *mode* now (the chooser's answer, already saved for this terminal):
        the preference returns to auto, which finds the saved choice from now on."""
        self._save_preferences(bidi="auto")
        self.apply_settings(self.settings.with_changes(bidi="auto"), force_bidi=mode)

    # --------------------------------------------------------------- library
    def say(self, key: str, *, severity: Severity = "information",
            timeout: float | None = None, **values: object) -> None:
        """Notify the message *key* in the interface language, its *values* (untrusted
        text included) shown literally: the only way the app's code sends a notice."""
        notice(self, self.labels(key, **values), severity=severity, timeout=timeout)

    def notify_error(self, error: BaseException | None,
                     failed: str = "error.open_article") -> None:
        """Log *error* and show it, saying what failed: *failed* is the catalogue key of
        the message (``error.save_position``...), *error* gives the details."""
        self.log.error(failed, repr(error))
        shown = str(error) if error is None else self.labels.said(error)
        self.say(failed, error=shown, severity="error")

    def open_article(self, article_id: str) -> None:
        """Open *article_id* on a reading screen above the library."""
        from reader.ui.screens.reading import ReadingScreen

        try:
            self.library.get(article_id)
        except ReaderError as error:
            self.notify_error(error)
            return
        while isinstance(self.screen, ReadingScreen):
            self.pop_screen()
        self.push_screen(ReadingScreen(article_id))

    def document_for(self, article_id: str, paragraphs: Sequence[str], direction: str) -> Document:
        """The engine's Document for an article's whole text *paragraphs* (kept, with its
        layout caches, for reuse)."""
        document = self.kept_document(article_id)
        if document is None:
            document = Document(paragraphs, direction=direction)
            self.keep_document(article_id, document)
        return document

    def kept_document(self, article_id: str) -> Document | None:
        """The Document of an article's whole text made earlier, if it is still kept."""
        document = self._documents.get(article_id)
        if document is not None:
            self._documents.move_to_end(article_id)
        return document

    def keep_document(self, article_id: str, document: Document) -> None:
        """Keep *document*, an article's whole text, for :meth:`kept_document`."""
        self._documents[article_id] = document
        self._documents.move_to_end(article_id)
        while len(self._documents) > DOCUMENTS_KEPT:
            self._documents.popitem(last=False)

    def saved_position(self, article_id: str) -> ReadingPosition | None:
        value = self.library.get_state(position_key(article_id))
        try:
            paragraph, offset = value  # type: ignore[misc]
            return ReadingPosition(int(paragraph), int(offset))
        except (TypeError, ValueError):
            return None

    def save_position(self, article_id: str, position: ReadingPosition) -> None:
        if self._saved_positions.get(article_id) == position:
            return
        self._saved_positions[article_id] = position
        try:
            self.library.set_state(position_key(article_id), list(position))
        except ReaderError as error:
            self.notify_error(error, "error.save_position")

    def remember_last_article(self, article_id: str) -> None:
        try:
            self.library.set_state(LAST_ARTICLE_KEY, article_id)
        except ReaderError as error:
            self.notify_error(error, "error.remember_article")

    def last_article_id(self) -> str | None:
        value = self.library.get_state(LAST_ARTICLE_KEY)
        return value if isinstance(value, str) else None

    def last_article_title(self) -> str | None:
        article_id = self.last_article_id()
        if not article_id:
            return None
        try:
            return sanitize_line(self.library.get(article_id).title or "")
        except ReaderError:
            return None

    # -------------------------------------------------------------- settings
    def apply_settings(self, settings: Settings, *, force_bidi: str | None = None) -> None:
        """Switch to *settings* and redraw every screen (:meth:`change` saves them)."""
        from reader.ui.screens.library import LibraryScreen
        from reader.ui.screens.reading import ReadingScreen

        settings = self._decided(settings)
        old_mode = self.bidi.layout_mode
        digits_changed = settings.digits != self.settings.digits
        self.settings = settings
        self.bidi = decide(settings.bidi, self.terminal, load_choices())
        if force_bidi is not None and self.bidi.mode != force_bidi:
            self.bidi = decide(force_bidi, self.terminal)  # the choice could not be saved
        if self.bidi.layout_mode != old_mode:
            self._leave_bidi_mode()
            self._enter_bidi_mode()
        self.labels = self._make_labels()
        for screen in self.screen_stack:
            if isinstance(screen, (LibraryScreen, ReadingScreen)):
                screen.refresh_labels()
            if isinstance(screen, ReadingScreen):
                screen.apply_settings()
        if digits_changed:  # an article's header holds its date in the interface's digits
            self._documents.clear()
            for screen in self.screen_stack:
                if isinstance(screen, ReadingScreen):
                    screen.show_again()
        self.refresh_bindings()

    def _decided(self, settings: Settings) -> Settings:
        """*settings* with the harakat decided for this terminal when not chosen."""
        if settings.harakat != "auto":
            return settings
        return settings.with_changes(harakat=decide_harakat("auto", self.terminal))

    def change(self, **changes: Any) -> None:
        """The reader changed *changes* in the app: apply them and save them as
        preferences (the command line's options stay this run's only)."""
        if "harakat" in changes:
            self.harakat_requested = changes["harakat"]
        self._save_preferences(**changes)
        self.apply_settings(self.settings.with_changes(**changes))

    def _save_preferences(self, **changes: Any) -> None:
        self.preferences = self.preferences.with_changes(**changes)
        try:
            self.library.set_state(PREFERENCES_KEY, self.preferences.to_state())
        except ReaderError as error:
            self.notify_error(error, "error.save_preferences")

    def watch_theme(self, theme: str) -> None:
        if theme != self.settings.theme and hasattr(self, "library"):
            self.settings = self.settings.with_changes(theme=theme)
            self._save_preferences(theme=theme)

    async def action_quit(self) -> None:
        """q (outside text fields) and ctrl+q (anywhere): save the drafts on screen
        at once, then quit."""
        for screen in self.screen_stack:
            for pane in screen.query("#comment"):
                save = getattr(pane, "save_now", None)
                if save is not None:
                    save()
        self.exit()

    def action_help_quit(self) -> None:
        """Ctrl+C with nothing to copy (Textual's binding): the reader probably wanted
        to quit, so say how, in the interface language. Textual's own notice is
        English; and it names the first quit key it finds, the screen's ``q`` even in
        a text field, where q types: the key named here is one that quits from
        anywhere (a priority binding, ctrl+q), when there is one."""
        quits = [(key, active.binding) for key, active in self.active_bindings.items()
                 if active.binding.action in ("quit", "app.quit")]
        if quits:
            key = next((key for key, binding in quits if binding.priority), quits[0][0])
            self.say("msg.how_to_quit", quit_key=key)

    def action_choose_bidi(self, opened_by_itself: bool = False) -> None:
        """Open the one-key chooser of output strategies."""
        from reader.ui.screens.bidi_chooser import BidiChooser

        if not isinstance(self.screen, BidiChooser):
            self.push_screen(BidiChooser(opened_by_itself=opened_by_itself))

    def _chooser_due(self) -> bool:
        """Whether the chooser opens by itself now (see :func:`chooser_due`)."""
        import sys

        try:
            interactive = sys.stdin.isatty() and sys.stdout.isatty() and not self.is_headless
        except (AttributeError, ValueError):
            interactive = False
        return chooser_due(self.settings.bidi, self.bidi, interactive)

    def action_command_palette(self) -> None:
        """Open the command palette (:mod:`reader.ui.screens.palette`: our field, so typed
        Arabic reads right), over the current screen and once."""
        from reader.ui.screens.palette import Palette

        if self.use_command_palette and not isinstance(self.screen, Palette):
            self.push_screen(Palette(self.screen))

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        labels, settings = self.labels, self.settings
        # Textual's key panel shows each binding's declared description, which is a
        # catalogue key here (translated where it is shown): the palette's "keys"
        # entry opens the help screen instead, which lists every key in the
        # interface language.
        key_panel = {self.action_show_help_panel, self.action_hide_help_panel}
        for textuals in super().get_system_commands(screen):
            if textuals.callback in key_panel:
                continue
            key = f"cmd.textual.{textuals.title}"  # Textual's own, in the interface language
            if key in STRINGS and f"{key}.help" in STRINGS:
                yield command(labels, key, f"{key}.help", textuals.callback)
            else:
                yield textuals
        yield command(labels, "key.help", "keys.help", self.action_help)
        raw = labels.translate  # a value goes into its sentence, laid out once as a whole
        yield command(labels, "cmd.bidi_chooser", "cmd.bidi_chooser.help",
                      self.action_choose_bidi)
        for mode in BIDI_CHOICES:
            if mode != settings.bidi:
                yield command(labels, "cmd.bidi", "cmd.bidi.help",
                              partial(self.change, bidi=mode), mode=mode)
        other = "strip" if settings.harakat == "keep" else "keep"
        yield command(labels, "cmd.harakat", "cmd.harakat.help",
                      lambda: self.change(harakat=other), value=raw(f"value.{other}"))
        digits = "eastern" if settings.digits == "western" else "western"
        yield command(labels, "cmd.digits", "cmd.digits.help",
                      lambda: self.change(digits=digits), value=raw(f"value.{digits}"))
        yield command(labels, "cmd.shape", "cmd.shape.help",
                      lambda: self.change(shape=not settings.shape),
                      value=raw("value.off" if settings.shape else "value.on"))
        for measure in sorted({settings.measure - MEASURE_STEP, settings.measure + MEASURE_STEP,
                               60, 72, 80, 100}):
            if MIN_MEASURE <= measure <= MAX_MEASURE and measure != settings.measure:
                yield command(labels, "cmd.measure", "cmd.measure.help",
                              partial(self.change, measure=measure),
                              value=measure)
        for lang in LANGUAGES:
            if lang != settings.lang:
                yield command(labels, "cmd.lang", "cmd.lang.help",
                              partial(self.change, lang=lang),
                              value=raw(f"lang.{lang}"))


def _announcing(driver_class: type[Driver]) -> type[Driver]:
    """*driver_class*, whose instances tell the :class:`ReaderApp` they are built for
    that they are its driver (:attr:`ReaderApp.terminal_driver`).

    The mode sequences (CSI 8 l/h, mlterm's OSC) must reach the terminal in order with
    Textual's own output: before the first paint, after the switch back from the
    alternate screen. Textual has no public call that writes bytes to the terminal,
    and keeps its driver private; the driver's own ``write`` and ``flush`` are public
    (:class:`textual.driver.Driver`), and Textual builds the driver from
    :meth:`~ReaderApp.get_driver_class` with the app as its first argument. So the
    driver class is one that hands itself to the app as it is built: the same object
    Textual writes through, the same writer queue, nothing that could overtake it.
    """

    class AnnouncingDriver(driver_class):  # type: ignore[valid-type,misc]
        def __init__(self, app: App[Any], **kwargs: Any) -> None:
            super().__init__(app, **kwargs)
            if isinstance(app, ReaderApp):
                app.terminal_driver = self

    AnnouncingDriver.__name__ = AnnouncingDriver.__qualname__ = driver_class.__name__
    return AnnouncingDriver


def _write_stdout(data: str) -> None:
    """Write straight to the terminal (the driver is gone)."""
    import sys

    stream = sys.__stdout__
    if data and stream is not None:
        try:
            stream.write(data)
            stream.flush()
        except (OSError, ValueError):
            pass


def run_app(library: Library, settings: Settings, article_id: str | None = None,
            environ: Mapping[str, str] | None = None,
            on_first_paint: Callable[[], None] | None = None,
            preferences: Settings | None = None, tmux: TmuxQuestion | None = None) -> int:
    """Run the interface until the reader quits; return the exit status (128 + n when
    signal n ended it, see :mod:`reader.ui.signals`).

    *on_first_paint* runs once the first screen's content is drawn (or at exit);
    *preferences* are the saved ones *settings* were made from; *tmux*, the question
    about tmux's client if it was asked already (see ReaderApp).
    """
    app = ReaderApp(library, settings, article_id=article_id, environ=environ,
                    on_first_paint=on_first_paint, preferences=preferences, tmux=tmux)
    try:
        app.run()
    finally:
        app.restore_terminal()
    return app.return_code or 0


__all__ = ["ReaderApp", "run_app"]
