"""The command palette's commands, matched by what the reader types.

A command's title is shown laid out by the engine: Arabic shaped (presentation
forms) and in visual order. What a reader types in the palette is logical text,
plain letters in reading order, so matching it against the shown title finds
nothing in Arabic. Each command therefore carries its title's words in logical
order, folded as every matcher folds (:func:`reader.text.folding.fold_with_map`),
and the provider matches the folded query against those; the shaped title is only
shown. The letters matched are highlighted on the shown title through two maps:
each folded letter to the title's logical character it comes from, and each
character of the laid-out line to the logical one it draws (``Line.visual_to_logical``),
so the highlight lands on the shaped letters wherever the bidi algorithm put them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits
from textual.system_commands import SystemCommandsProvider

from reader.text.folding import fold_with_map
from reader.ui.labels import ONE_LINE_WIDTH
from reader.ui.plain import plain

if TYPE_CHECKING:
    from textual.content import Content
    from textual.fuzzy import Matcher

    from reader.text.layout import Line
    from reader.ui.labels import Labels

__all__ = ["PaletteCommand", "ReaderCommands", "command", "matched_cells", "words_of"]


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """*text* as the palette compares it (folded, ة as ه: a reader types either), and
    for each folded character the index in *text* of the character it comes from."""
    folded, where = fold_with_map(text)
    return folded.replace("ة", "ه"), where


def _folded(text: str) -> str:
    return _folded_with_map(text)[0]


class PaletteCommand(SystemCommand):
    """A :class:`~textual.app.SystemCommand` whose title is display text, with the
    title's logical, folded words in :attr:`words` for matching, :attr:`origins` (for
    each folded letter, the logical character it comes from) and :attr:`line` (the
    title laid out, with its map) for highlighting the matched letters."""

    words: str
    origins: list[int]
    line: Line | None

    def __new__(cls, title: str, help: str, callback: Callable[[], Any],
                words: str, origins: list[int] | None = None,
                line: Line | None = None) -> PaletteCommand:
        made = super().__new__(cls, title, help, callback, True)
        made.words = words
        made.origins = origins if origins is not None else list(range(len(words)))
        made.line = line
        return made


def command(labels: Labels, key: str, help_key: str, callback: Callable[[], Any],
            **values: object) -> PaletteCommand:
    """The command titled by the catalogue's *key* (with *values*), helped by
    *help_key*: shown laid out, matched by its logical sentence."""
    sentence = labels.sentence(key, **values)
    words, origins = _folded_with_map(sentence)
    lines = labels.block(sentence, ONE_LINE_WIDTH)
    line = lines[0] if len(lines) == 1 else None
    title = line.text if line is not None else labels.line(sentence)
    return PaletteCommand(title, labels(help_key), callback, words, origins, line)


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
        the characters drawing the matched letters highlighted (:func:`matched_cells`)."""
        score, offsets = matcher.fuzzy_search.match(matcher.query, words)
        shown = plain(entry.title)
        for cell in matched_cells(entry, offsets if score else ()):
            shown = shown.stylize(matcher.match_style, cell, cell + 1)
        return shown


def matched_cells(entry: SystemCommand, offsets: Iterable[int]) -> list[int]:
    """The characters of *entry*'s shown title that draw its folded words' letters at
    *offsets*: through the fold's map to the logical title, then through the laid-out
    line's map to what draws each logical character (a shaped letter, wherever the
    line put it; a letter drawn inside a ligature, as the alef of lam-alef, by the
    ligature). A title of Textual's own is shown as it is matched (plain Latin)."""
    words = words_of(entry)
    if not isinstance(entry, PaletteCommand) or entry.line is None:
        if entry.title.lower() != words:
            return []
        return sorted(offset for offset in offsets if not words[offset].isspace())
    line = entry.line
    cells = set()
    for offset in offsets:
        if words[offset].isspace() or not line.start <= entry.origins[offset] < line.end:
            continue
        cell = line.logical_to_visual(entry.origins[offset])  # a ligature's alef: the lam's
        if 0 <= cell < len(entry.title):
            cells.add(cell)
    return sorted(cells)
