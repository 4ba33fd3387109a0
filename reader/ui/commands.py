"""The command palette's commands, matched by what the reader types.

A command's title is shown laid out by the engine: Arabic shaped (presentation
forms) and in visual order. What a reader types in the palette is logical text,
plain letters in reading order, so matching it against the shown title finds
nothing in Arabic. Each command therefore carries its title's words in logical
order, folded as every matcher folds (:func:`reader.text.folding.fold`), and the
provider matches the folded query against those; the shaped title is only shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits
from textual.system_commands import SystemCommandsProvider

from reader.text.folding import fold
from reader.ui.plain import plain

if TYPE_CHECKING:
    from textual.content import Content
    from textual.fuzzy import Matcher

    from reader.ui.labels import Labels

__all__ = ["PaletteCommand", "ReaderCommands", "command", "words_of"]


def _folded(text: str) -> str:
    """*text* as the palette compares it: folded, ة as ه (a reader types either)."""
    return fold(text, teh_marbuta=True)


class PaletteCommand(SystemCommand):
    """A :class:`~textual.app.SystemCommand` whose title is display text, with the
    title's logical, folded words in :attr:`words` for matching."""

    words: str

    def __new__(cls, title: str, help: str, callback: Callable[[], Any],
                words: str) -> PaletteCommand:
        made = super().__new__(cls, title, help, callback, True)
        made.words = words
        return made


def command(labels: Labels, key: str, help_key: str, callback: Callable[[], Any],
            **values: object) -> PaletteCommand:
    """The command titled by the catalogue's *key* (with *values*), helped by
    *help_key*: shown laid out, matched by its logical sentence."""
    sentence = labels.sentence(key, **values)
    return PaletteCommand(labels.line(sentence), labels(help_key), callback,
                          _folded(sentence))


def words_of(entry: SystemCommand) -> str:
    """What the palette matches for *entry*: its logical words, or for a command of
    Textual's own (plain Latin, logical as shown) its folded title."""
    return entry.words if isinstance(entry, PaletteCommand) else _folded(entry.title)


class ReaderCommands(SystemCommandsProvider):
    """The app's system commands, matched on their logical titles."""

    async def discover(self) -> Hits:
        for entry in sorted(self.app.get_system_commands(self.screen), key=words_of):
            if entry.discover:
                yield DiscoveryHit(plain(entry.title), entry.callback, text=entry.title,
                                   help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(_folded(query))
        for entry in self.app.get_system_commands(self.screen):
            words = words_of(entry)
            score = matcher.match(words)
            if score > 0:
                yield Hit(score, self._shown(entry, words, matcher), entry.callback,
                          text=entry.title, help=entry.help)

    @staticmethod
    def _shown(entry: SystemCommand, words: str, matcher: Matcher) -> Content:
        """The title as shown, no markup parsed (``Matcher.highlight`` would parse it),
        its matched letters highlighted where the shown title is the matched text
        itself (a left-to-right title); a shaped title's letters are other characters
        in another order, so it is shown without highlight."""
        shown = plain(entry.title)
        if entry.title.lower() != words:
            return shown
        score, offsets = matcher.fuzzy_search.match(matcher.query, words)
        for offset in offsets if score else ():
            if not words[offset].isspace():
                shown = shown.stylize(matcher.match_style, offset, offset + 1)
        return shown
