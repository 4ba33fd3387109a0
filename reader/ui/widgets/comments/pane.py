"""The reading screen's comment pane: the article's comment form, editing its offline draft.

The reading screen mounts one :class:`CommentPane` and tells it which article is
shown (:meth:`CommentPane.set_article`). For an article with a comment form the pane
loads that article's draft (or a new one pre-filled with the remembered identity),
validates as the user types, and saves every change within one second (even during
continuous typing), when focus leaves the pane, when the article changes and when the
pane is unmounted (quitting). A save the library refuses (why, and where a read-only
library's draft was kept instead), a save that conflicts with another window's, a
recovery file left by a save that failed, and the other versions the library keeps
are announced in a banner at the top of the pane, where the writer looks; ``ctrl+o``
views the other text and restores it (the current one is kept aside: nothing typed is
lost). The fields' messages show once the writer has typed in the form (or typed this
draft before): an untouched form, even one pre-filled with the remembered name, is not
an error. For an article without a form the pane says so.

Hosting it without the reading screen (tests, benchmarks)::

    pane = CommentPane(store, DraftTarget.for_article(article), language="ar")
    pane.show_article(other_target)          # on every article shown
    pane.configure(bidi=..., language=...)   # when settings change
    pane.unsaved                             # True while the draft is not in the library

While it has focus, printable keys are text: the screen's letter shortcuts do not fire
there; Tab/Shift+Tab move between the form's fields, Escape is left to the host.
"""

from __future__ import annotations

import contextlib
import sqlite3
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from reader.comments.form import FIELDS, REQUIRED, CommentDraft
from reader.comments.recovery import write_recovery
from reader.comments.session import AUTOSAVE_DELAY, RETRY_DELAY, DraftSession, SaveOutcome
from reader.comments.store import DraftStore, DraftTarget
from reader.comments.validation import validate
from reader.comments.versions import OtherVersion, other_versions, restore
from reader.errors import ReaderError
from reader.i18n import Translator, default_language, message
from reader.ui.labels import Labels
from reader.ui.mounting import composed
from reader.ui.widgets.comments.bidi_text import BidiText
from reader.ui.widgets.comments.editor import CommentEditor
from reader.ui.widgets.comments.remember import RememberBox

if TYPE_CHECKING:
    from reader.articles import Article
    from reader.library import Library


class CommentPane(Vertical, can_focus=True):
    """The comment form for the article on screen, with its offline draft.

    Focusing the pane while it shows a form puts the caret in the comment text, so a
    host that focuses the pane (its ``c`` key) lets the user type at once.
    """

    DEFAULT_CSS = """
    CommentPane > #comment-form {
        width: 1fr;
        height: auto;
        padding: 0 1;
    }
    CommentPane > #comment-banner {
        height: auto;
        padding: 0 1;
        background: $warning 20%;
        border-left: thick $warning;
        display: none;
    }
    CommentPane > #comment-fields {
        height: 1fr;
        padding: 0 0 0 1;
        scrollbar-size-vertical: 1;
    }
    /* The Arabic interface reads from the right: the banner's mark and the form's
       margin are on that side. */
    CommentPane.-rtl > #comment-banner {
        border-left: none;
        border-right: thick $warning;
    }
    CommentPane.-rtl > #comment-fields {
        padding: 0 1 0 0;
    }
    CommentPane .comment-heading {
        text-style: bold;
        margin-top: 1;
    }
    CommentPane .comment-note {
        color: $text-muted;
        margin-bottom: 1;
    }
    CommentPane .comment-label {
        margin-top: 1;
        text-style: bold;
    }
    CommentPane .comment-error {
        color: $error;
    }
    CommentPane .comment-counter {
        color: $text-muted;
    }
    CommentPane .comment-counter.-over {
        color: $error;
        text-style: bold;
    }
    CommentPane #comment-status {
        margin-top: 1;
        color: $text-muted;
    }
    CommentPane #comment-status.-problem {
        color: $error;
        text-style: bold;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Shown in the footer while the form has the focus (its letters are text then).
        Binding("ctrl+k", "keep_mine", "key.keep_mine"),
        Binding("ctrl+t", "take_theirs", "key.take_theirs"),
        Binding("ctrl+o", "view_other", "key.other_version", show=False),
        Binding("ctrl+s", "save", "key.save_draft"),
        Binding("tab", "field(1)", "key.next_field"),
        Binding("shift+tab", "field(-1)", "key.prev_field", show=False),
    ]

    def __init__(self, store: DraftStore | Library, target: DraftTarget | None = None, *,
                 labels: Labels | None = None, bidi: str = "app",
                 language: str | None = None, direction: str = "rtl",
                 name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        """*store*: a DraftStore, or the Library (its connection is used).

        *target*: the draft to edit from the start (else the first :meth:`set_article`
        or :meth:`show_article` chooses). *labels*: the reading screen's interface
        labels, for the line that says an article has no form. *bidi* is the app's
        ``--bidi`` mode (``app`` or ``terminal``), *language* the interface language
        (``en`` or ``ar``; default: the labels', else the locale's), *direction* the
        article's direction (for paragraphs with no letters).
        """
        super().__init__(name=name, id=id, classes=classes)
        if not isinstance(store, DraftStore):
            store = DraftStore.for_library(store)
        self.store = store
        self.labels = labels
        self.bidi = bidi
        self.language = language or (labels.translate.lang if labels else default_language())
        self.direction = direction
        self.session: DraftSession | None = None
        self.article: Article | None = None
        self._has_form = False
        self._pending_target = target
        self._save_timer: Timer | None = None
        self._loading = False
        self._status_note: str | None = None
        self._unmounting = False
        self._touched: set[str] = set()  # fields the writer has typed in, this article
        self._others: list[OtherVersion] = []  # the draft's other versions, newest first
        self._resting = False  # focused by Escape from a field: keys are commands again

    # -- focus -------------------------------------------------------------------------
    @property
    def _typing(self) -> bool:
        """True when focusing the pane means writing in it (not after Escape)."""
        return self._has_form and not self._resting

    def on_focus(self) -> None:
        if self._typing:
            self.focus_comment()

    def rest(self) -> None:
        """Escape from a field: the pane keeps the focus, out of the text, so the
        screen's letter keys work again (``c`` goes back to the comment text)."""
        self._resting = True
        self.save_now()
        self.screen.set_focus(self)

    def on_descendant_focus(self) -> None:
        self._resting = False

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return self._typing and character is not None and character.isprintable()

    def on_key(self, event: events.Key) -> None:
        # A key typed in the instant between focusing the pane and the editor taking
        # the focus belongs to the comment, not to the screen's shortcuts.
        if self._typing and self.has_focus and event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            editor = self.editor("comment")
            self.screen.set_focus(editor)
            editor.insert(event.character)

    def action_field(self, step: int) -> None:
        """Tab/Shift+Tab: the next or previous field; past the first or last, the host's
        own Tab (its next pane) takes over."""
        if not self._has_form:
            raise SkipAction()
        fields = [*(self.editor(f) for f in FIELDS), self.query_one("#field-remember")]
        focused = self.app.focused
        if focused not in fields:
            raise SkipAction()
        index = fields.index(focused) + step
        if not 0 <= index < len(fields):
            raise SkipAction()
        self.screen.set_focus(fields[index])

    def focus_pane(self) -> None:
        """The reading screen's ``c`` key: the comment text, or the pane when there is
        no form. Immediately: the next key must land here."""
        self._resting = False
        if self.has_focus and self._has_form:  # resting here: no focus event comes
            self.screen.set_focus(self.editor("comment"))
        else:
            self.screen.set_focus(self)

    # -- layout ----------------------------------------------------------------------
    def _t(self, key: str, **values: object) -> str:
        """The comment form's string *key* (its catalogue key without ``comment.``), its
        values laid in as isolates and its numbers in the chosen digits (see
        :meth:`Labels.sentence`)."""
        labels = self.labels
        if labels is None or labels.translate.lang != self.language:
            labels = _plain_labels(self.language)
        return labels.sentence(f"comment.{key}", **values)

    def _text(self, text: str, **kwargs: str) -> BidiText:
        return BidiText(text, bidi=self.bidi, direction=self._ui_direction, **kwargs)

    @property
    def _ui_direction(self) -> str:
        return "rtl" if self.language == "ar" else "ltr"

    def compose(self) -> ComposeResult:
        yield self._text("", id="comment-banner")  # a conflict, a recovered or kept version
        yield Static(id="comment-form", markup=False)  # says that the article has no comment form
        with VerticalScroll(id="comment-fields", can_focus=False):
            yield self._text(self._t("heading"), classes="comment-heading")
            yield self._text(self._t("note"), classes="comment-note")
            for field in FIELDS:
                yield self._text(self._label(field), classes="comment-label",
                                 id=f"label-{field}")
                yield CommentEditor(multiline=field == "comment", bidi=self.bidi,
                                    direction=self.direction, id=f"field-{field}")
                yield self._text("", classes="comment-counter", id=f"bytes-{field}")
                yield self._text("", classes="comment-error", id=f"error-{field}")
            yield RememberBox(self._t("label.remember"), bidi=self.bidi,
                              direction=self._ui_direction, id="field-remember")
            yield self._text("", id="comment-status")

    def _label(self, field: str) -> str:
        return self._t(f"label.{field}") + (" *" if field in REQUIRED else "")

    def configure(self, *, labels: Labels | None = None, bidi: str | None = None,
                  language: str | None = None) -> None:
        """Follow the app's settings: interface labels, bidi mode (``app``/``terminal``)
        and interface language (default: the labels')."""
        if labels is not None:
            self.labels = labels
            language = language or labels.translate.lang
        if bidi is not None and bidi != self.bidi:
            self.bidi = bidi
            for editor in self.query(CommentEditor):
                editor.bidi = bidi
                editor.refresh(layout=True)
        if language is not None:
            self.language = language
        self.set_class(self._ui_direction == "rtl", "-rtl")
        for text in self.query(BidiText):
            text.bidi = self.bidi
            text.direction = self._ui_direction
        self.query_one(".comment-heading", BidiText).update(self._t("heading"))
        self.query_one(".comment-note", BidiText).update(self._t("note"))
        for field in FIELDS:
            self.query_one(f"#label-{field}", BidiText).update(self._label(field))
        self.query_one("#field-remember", RememberBox).set_label(
            self._t("label.remember"), bidi=self.bidi, direction=self._ui_direction)
        for text in self.query(BidiText):
            text.refresh(layout=True)
        self._refresh_feedback()
        if self.article is not None and not self._has_form:
            self._show_no_form()

    def on_mount(self) -> None:
        if not composed(self, "#comment-status"):  # removed before it composed: the app is leaving
            return
        self.set_class(self._ui_direction == "rtl", "-rtl")
        self._show_form(False)
        if self._pending_target is not None:
            target, self._pending_target = self._pending_target, None
            self.show_article(target)
        else:
            self._refresh_feedback()

    def _show_form(self, shown: bool) -> None:
        self._has_form = shown
        self.query_one("#comment-fields").display = shown
        self.query_one("#comment-form", Static).display = not shown

    def _show_no_form(self) -> None:
        static = self.query_one("#comment-form", Static)
        if self.labels:
            static.styles.text_align = self.labels.align
        else:
            static.styles.text_align = "right" if self.language == "ar" else "left"
        text = self.labels("comment.none") if self.labels else message(self.language,
                                                                      "comment.none")
        static.update(Text(text, style="dim"))

    # -- hosting API -------------------------------------------------------------------
    def set_article(self, article: Article) -> None:
        """Show the draft of *article*, or say that it has no comment form."""
        self.article = article
        if article.comment_form is None:
            self._show_form(False)
            self._show_no_form()
            return
        if self.session is None:  # the editors take the first form's article direction
            self.direction = article.direction
            for editor in self.query(CommentEditor):
                editor.direction = article.direction
        self.show_article(DraftTarget.for_article(article))

    def editor(self, field: str) -> CommentEditor:
        """The editor of one field: ``comment``, ``author``, ``email`` or ``url``."""
        return self.query_one(f"#field-{field}", CommentEditor)

    @property
    def draft(self) -> CommentDraft:
        """The draft as it is on screen."""
        values = {f: self.editor(f).text for f in FIELDS}
        remember = self.query_one("#field-remember", RememberBox).value
        return CommentDraft(**values, remember=remember)

    def show_article(self, target: DraftTarget) -> None:
        """Edit *target*'s draft; the previous article's draft is saved first."""
        self._show_form(True)
        if self.session is not None and self.session.target == target:
            return
        self._save_or_keep()
        self.session = DraftSession(self.store, target)
        self._load_into_form(self.session.draft)
        self._status_note = None
        self._touched.clear()
        self._find_other_versions()
        self._refresh_feedback()

    @property
    def unsaved(self) -> bool:
        """True while the draft on screen is not in the library (a failed save, a conflict).

        A host quitting the app can warn the user while this is true.
        """
        return self.session is not None and (self.session.dirty
                                             or self.session.conflict is not None)

    def focus_comment(self) -> None:
        """Put the caret in the comment text."""
        self.editor("comment").focus()

    def save_now(self) -> SaveOutcome | None:
        """Save at once if anything changed (leaving the pane, switching article, quitting)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.session is None:
            return None
        outcome = self.session.save()
        self._after_save(outcome)
        return outcome

    # -- events ------------------------------------------------------------------------
    def _load_into_form(self, draft: CommentDraft) -> None:
        self._loading = True
        try:
            for field in FIELDS:
                self.editor(field).load(draft.get(field))
            self.query_one("#field-remember", RememberBox).value = draft.remember
        finally:
            self._loading = False

    @on(CommentEditor.Changed)
    @on(RememberBox.Changed)
    def _changed(self, event: CommentEditor.Changed | RememberBox.Changed) -> None:
        if self._loading or self.session is None:
            return
        field = (event.control.id or "").removeprefix("field-")
        if field in FIELDS:
            self._touched.add(field)
        self.session.change(self.draft)
        self._status_note = None
        self._refresh_feedback()
        if self._save_timer is None:  # not restarted by later keys: nothing waits > 1 s
            self._schedule(AUTOSAVE_DELAY)

    def _schedule(self, delay: float) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(delay, self._timed_save)

    def _timed_save(self) -> None:
        self._save_timer = None
        self.save_now()

    def on_descendant_blur(self) -> None:
        # Focus moving between fields keeps it in the pane; save when it leaves.
        self.call_after_refresh(self._save_if_focus_left)

    def _save_if_focus_left(self) -> None:
        focused = self.app.focused if self.is_attached else None
        if focused is None or self not in focused.ancestors_with_self:
            self.save_now()

    def on_unmount(self) -> None:
        # Quitting: save, but the form's widgets are already gone, so show nothing.
        self._unmounting = True
        self._save_or_keep()

    def save_before_exit(self) -> None:
        """Save what the form holds now, synchronously (else keep it in a recovery file):
        a signal is ending the app (:mod:`reader.ui.signals`)."""
        if self.session is not None and not self._loading:
            with contextlib.suppress(Exception):  # the form half torn down: the session's
                self.session.change(self.draft)  # own copy is saved all the same
        self._save_or_keep()

    def _save_or_keep(self) -> None:
        """Save before the draft leaves memory (another article, quitting); if the library
        still refuses, or a conflict awaits a choice, keep the text in a recovery file."""
        outcome = self.save_now()
        if outcome is not None and outcome.status in ("failed", "conflict") and self.session:
            with contextlib.suppress(OSError):
                write_recovery(self.session.target.article_id, self.session.draft)

    def _after_save(self, outcome: SaveOutcome) -> None:
        if outcome.status == "failed":
            self._schedule(RETRY_DELAY)  # keep trying; the draft stays in memory
        if outcome.status == "conflict" and not self._unmounting:  # quitting: no banner left
            self._focus_on_banner()
        self._refresh_feedback()
        if self.is_attached:
            self.refresh_bindings()  # a conflict's keys come and go with it (footer)

    # -- conflict choices ----------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The conflict's keys are offered (in the footer) only while a conflict waits."""
        if action in ("keep_mine", "take_theirs"):
            return self.session is not None and self.session.conflict is not None
        return True

    def action_keep_mine(self) -> None:
        if self.session is None or self.session.conflict is None:
            return
        outcome = self.session.keep_mine()
        if outcome.status == "saved":
            self._status_note = self._t("status.resolved_mine")
            self._find_other_versions()
        self._after_save(outcome)

    def action_take_theirs(self) -> None:
        if self.session is None or self.session.conflict is None:
            return
        draft = self.session.take_theirs()
        if draft is not None:  # None: ours could not be kept aside; the error is shown
            self._load_into_form(draft)
            self._status_note = self._t("status.resolved_theirs")
            self._find_other_versions()
        self._refresh_feedback()

    # -- other versions: a conflict's other text, recovered and kept versions --------------
    def _find_other_versions(self) -> None:
        session = self.session
        try:
            self._others = other_versions(self.store, session.target.article_id) if session \
                else []
        except (ReaderError, OSError, sqlite3.Error):  # the banner already says why
            self._others = []

    def _focus_on_banner(self) -> None:
        """Bring the banner into view: the pane's fields may be scrolled far below it."""
        self.query_one("#comment-banner").scroll_visible(animate=False)

    def _banner_text(self) -> str:
        session = self.session
        if session is None:
            return ""
        if session.conflict is not None:
            return self._t("banner.conflict")
        if session.error is not None:  # the library refused: why, and where the text is
            if session.error.reason == "readonly_kept":
                return self._t("banner.readonly_kept", path=session.error.detail)
            detail = self._t(f"reason.{session.error.reason}", detail=session.error.detail)
            return self._t("status.save_failed", reason=detail)
        if not self._others:
            return ""
        latest = self._others[0]
        when = latest.when.replace("T", " ")[:16]
        if latest.kind == "recovered":
            return self._t("banner.recovered", when=when)
        return self._t("banner.kept", count=len(self._others), when=when)

    def action_view_other(self, index: int = 0) -> None:
        """ctrl+o: the other text, in a window over the pane, to take or restore."""
        from reader.ui.screens.choice import Choice, ChoiceScreen

        session = self.session
        if session is None or not self._has_form:
            return
        line = self.app.labels.line if hasattr(self.app, "labels") else (lambda text: text)
        choices: list[Choice[str | None]]
        if session.conflict is not None:
            theirs = session.conflict.theirs.draft
            question = [self._t("version.theirs"), *self._shown(theirs)]
            choices = [Choice("ctrl+t", line(self._t("version.take")), "take"),
                       Choice("ctrl+k", line(self._t("version.keep_mine")), "keep"),
                       Choice("escape", line(self._t("version.close")), None)]
        elif 0 <= index < len(self._others):
            version = self._others[index]
            when = version.when.replace("T", " ")[:16]
            question = [self._t(f"version.{version.kind}", when=when,
                                number=index + 1, count=len(self._others)),
                        *self._shown(version.draft)]
            choices = [Choice("r", line(self._t("version.restore")), "restore")]
            if index + 1 < len(self._others):
                choices.append(Choice("o", line(self._t("version.older")), "older"))
            choices.append(Choice("escape", line(self._t("version.close")), None))
        else:
            return

        def answered(answer: str | None) -> None:
            if answer == "take":
                self.action_take_theirs()
            elif answer == "keep":
                self.action_keep_mine()
            elif answer == "older":
                self.action_view_other(index + 1)
            elif answer == "restore":
                self._restore(self._others[index])

        self.app.push_screen(ChoiceScreen(question, choices, None), answered)

    def _shown(self, draft: CommentDraft) -> list[str]:
        """A version as the window shows it: its text (cut when long), then who wrote it."""
        text = draft.comment if len(draft.comment) <= 1200 else draft.comment[:1200] + "…"
        signed = " · ".join(part for part in (draft.author, draft.email, draft.url) if part)
        return [part for part in (text or self._t("version.empty"), signed) if part]

    def _restore(self, version: OtherVersion) -> None:
        session = self.session
        if session is None:
            return
        try:
            draft = restore(self.store, session.target.article_id, self.draft, session.revision,
                            version)
        except (ReaderError, sqlite3.Error) as error:  # refused: say so, change nothing
            self._status_note = str(error)
            self._refresh_feedback()
            return
        self._load_into_form(draft)
        session.change(draft)
        self._status_note = self._t("status.restored")
        self.save_now()
        self._find_other_versions()
        self._refresh_feedback()

    def action_save(self) -> None:
        self.save_now()

    # -- feedback ----------------------------------------------------------------------
    def _refresh_feedback(self) -> None:
        """Byte counters, messages under the fields and the status line.

        Messages appear once something has been typed: an untouched form is not
        an error, only not ready.
        """
        if self._unmounting:
            return
        session = self.session
        draft = session.draft if session else self.draft
        check = validate(draft)
        # Messages once the writer has typed here, or typed this draft before: a new
        # form (even one pre-filled with the remembered name) is not yet an error.
        started = bool(self._touched) or (session is not None and session.revision > 0)
        for field in FIELDS:
            state = check.fields[field]
            counter = self.query_one(f"#bytes-{field}", BidiText)
            counter.update(self._t("bytes", used=f"{state.used:,}", limit=f"{state.limit:,}"))
            counter.set_class(state.over_limit, "-over")
            error = state.error if started else None
            self.query_one(f"#error-{field}", BidiText).update(
                self._t(error) if error is not None else "")
        status = self.query_one("#comment-status", BidiText)
        problem = False
        if session is None:
            text = ""
        elif session.conflict is not None:
            text, problem = self._t("status.conflict"), True
        else:  # a refused save is said in the banner, at the top, where the writer looks
            parts = [self._t("status.ready") if check.ready
                     else self._t("status.not_ready", count=len(check.errors))]
            if session.dirty:
                parts.append(self._t("status.unsaved"))
            elif session.saved_at:
                parts.append(self._t("status.saved", time=session.saved_at[11:19]))
            if self._status_note:
                parts.append(self._status_note)
            text = " · ".join(parts)
        status.update(text)
        status.set_class(problem, "-problem")
        banner = self.query_one("#comment-banner", BidiText)
        announce = self._banner_text() if self._has_form else ""
        banner.update(announce)
        banner.display = bool(announce)


@lru_cache(maxsize=4)
def _plain_labels(language: str) -> Labels:
    """The interface's words for a pane hosted without the app's labels (tests,
    benchmarks): western digits, and the sentence rules every interface string follows."""
    return Labels(Translator(language), "app", "keep", True)
