"""The reader's display preferences: command line over saved preferences over defaults.

Saved in the library (``library.set_state("preferences", ...)``) whenever the user
changes one in the command palette, so the next start looks the same.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from reader.i18n import LANGUAGES, default_language
from reader.ui.terminal import BIDI_CHOICES, HARAKAT_CHOICES

PREFERENCES_KEY = "preferences"
#: Saved with the preferences from the version whose harakat default is ``auto``.
#: Before it, every save wrote ``harakat: keep`` (the default then) with the choice
#: actually made, so a ``keep`` saved without this version says nothing of the user.
PREFERENCES_VERSION = 2
MIN_MEASURE = 20
MAX_MEASURE = 400
DEFAULT_MEASURE = 72
DIGITS = ("western", "eastern")


@dataclass(frozen=True)
class Settings:
    """What the user chose; the bidi decision itself is made by the app at start."""

    bidi: str = "auto"  # app | terminal | auto
    #: keep | strip | auto (not chosen: the app decides for the terminal, see
    #: reader.ui.terminal.decide_harakat; the app's own settings hold the decision)
    harakat: str = "auto"
    shape: bool = True
    measure: int = DEFAULT_MEASURE  # widest article text, in cells
    lang: str = "en"
    theme: str | None = None
    #: the interface's own numbers (counts, dates, positions): western (0-9, as most
    #: Arabic news sites print them) or eastern Arabic-Indic (٠-٩); article text keeps its own
    digits: str = "western"

    def __post_init__(self) -> None:
        if self.bidi not in BIDI_CHOICES:
            raise ValueError(f"bidi must be one of {BIDI_CHOICES}, not {self.bidi!r}")
        if self.harakat not in HARAKAT_CHOICES:
            raise ValueError(f"harakat must be one of {HARAKAT_CHOICES}, not {self.harakat!r}")
        if self.lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {LANGUAGES}, not {self.lang!r}")
        if self.digits not in DIGITS:
            raise ValueError(f"digits must be one of {DIGITS}, not {self.digits!r}")
        if not MIN_MEASURE <= self.measure <= MAX_MEASURE:
            raise ValueError(f"measure must be between {MIN_MEASURE} and {MAX_MEASURE}")

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with *changes*, validated."""
        return replace(self, **changes)

    def to_state(self) -> dict[str, Any]:
        """JSON-serialisable form for ``library.set_state``."""
        return {**asdict(self), "version": PREFERENCES_VERSION}

    @classmethod
    def from_state(cls, state: object) -> Settings:
        """Settings from saved preferences; unknown or invalid entries are ignored."""
        settings = cls(lang=default_language())
        if not isinstance(state, dict):
            return settings
        if state.get("version") != PREFERENCES_VERSION and state.get("harakat") == "keep":
            # Written by every save before harakat had "auto": not a choice. Read as
            # not chosen, so a terminal that draws harakat over their letters (kitty)
            # gets them stripped, as it would with no preferences saved at all.
            state = {name: value for name, value in state.items() if name != "harakat"}
        for name, value in state.items():
            if name not in cls.__dataclass_fields__:
                continue
            try:
                settings = settings.with_changes(**{name: value})
            except (TypeError, ValueError):
                continue
        return settings


def merge_command_line(saved: Settings, **given: Any) -> Settings:
    """Apply the options given on the command line (``None`` = not given) over *saved*."""
    changes = {name: value for name, value in given.items() if value is not None}
    return saved.with_changes(**changes) if changes else saved
