"""The key model, written once: which key does what, where.

The help screen (both languages) and the README's key section are made from this
table (``python -m reader.ui.keymap`` prints the README's), and the tests check each
row against the bindings the screens declare and press the keys. The rules it
follows:

- ``q`` quits from the library and reading screens when the focus is not in a text
  field (drafts are saved first) and closes the help; ``ctrl+q`` quits from anywhere.
- Escape leaves the innermost thing (a maximized pane, an overlay, a text field for
  its pane, a side pane for the article, the article for the library); it never quits.
- In a text field letters are text: no single-letter command fires there.
- space/``b`` page down/up as in ``less``; Backspace goes back.
"""

from __future__ import annotations

from typing import NamedTuple

from reader.i18n import Translator


class KeyRow(NamedTuple):
    """Keys as shown to the reader, and the catalogue key of what they do."""

    keys: str
    does: str


#: (section title's catalogue key, rows), in the order the help screen shows them.
KEY_MODEL: tuple[tuple[str, tuple[KeyRow, ...]], ...] = (
    ("keys.everywhere", (
        KeyRow("ctrl+q", "keys.quit_anywhere"),
        KeyRow("?", "keys.help"),
        KeyRow("ctrl+p", "key.palette"),
        KeyRow("Escape", "keys.escape"),
    )),
    ("library.title", (
        KeyRow("↓/j ↑/k", "keys.move"),
        KeyRow("PgDn/space PgUp", "keys.page"),
        KeyRow("Home/g End/G", "keys.ends"),
        KeyRow("Enter", "key.open"),
        KeyRow("/", "key.search"),
        KeyRow("s", "key.sort"),
        KeyRow("Del", "key.delete"),
        KeyRow("q", "keys.quit"),
    )),
    ("pane.article", (
        KeyRow("↓/j ↑/k", "keys.line"),
        KeyRow("PgDn/space PgUp/b", "keys.page"),
        KeyRow("Home/g End/G", "keys.ends"),
        KeyRow("Tab Shift+Tab", "keys.panes"),
        KeyRow("a r c", "keys.pane_keys"),
        KeyRow("m", "key.maximize"),
        KeyRow("/ n N", "keys.find"),
        KeyRow("[ ]", "keys.siblings"),
        KeyRow("Backspace", "key.back"),
        KeyRow("y", "key.copy"),
        KeyRow("q", "keys.quit"),
    )),
    ("pane.comment", (
        KeyRow("Tab Shift+Tab", "keys.fields"),
        KeyRow("Enter", "keys.enter"),
        KeyRow("ctrl+s", "key.save_draft"),
        KeyRow("ctrl+o", "keys.other_version"),
        KeyRow("ctrl+k ctrl+t", "keys.conflict"),
        KeyRow("←/→", "keys.caret"),
        KeyRow("↑/↓", "keys.caret_line"),
        KeyRow("Home/End", "keys.line_ends"),
        KeyRow("Backspace Del", "keys.erase"),
        KeyRow("shift+arrows", "keys.select"),
        KeyRow("shift+Home shift+End", "keys.select_to_ends"),
        KeyRow("ctrl+a", "keys.select_all"),
        KeyRow("ctrl+c ctrl+x ctrl+v", "keys.clipboard"),
        KeyRow("ctrl+Ins shift+Ins", "keys.clipboard_insert"),
        KeyRow("space", "keys.remember"),
        KeyRow("Escape", "keys.leave_field"),
    )),
    ("keys.search_fields", (
        KeyRow("←/→", "keys.caret"),
        KeyRow("ctrl+← ctrl+→", "keys.words"),
        KeyRow("Home End", "keys.line_ends"),
        KeyRow("Backspace Del/ctrl+d", "keys.erase"),
        KeyRow("ctrl+w ctrl+f", "keys.erase_words"),
        KeyRow("ctrl+u ctrl+k", "keys.erase_to_ends"),
        KeyRow("shift+← shift+→", "keys.select"),
        KeyRow("shift+Home shift+End", "keys.select_to_ends"),
        KeyRow("ctrl+shift+a", "keys.select_all"),
        KeyRow("ctrl+c ctrl+x ctrl+v", "keys.clipboard"),
        KeyRow("Enter", "keys.field_enter"),
        KeyRow("Escape", "keys.leave_search"),
    )),
    ("help.title", (
        KeyRow("Escape q ?", "key.cancel"),
        KeyRow("b", "cmd.bidi_chooser"),
    )),
)


def markdown(lang: str = "en") -> str:
    """The key model as the README's table."""
    translate = Translator(lang)
    lines = ["| where | keys | what they do |", "|---|---|---|"]
    for title, rows in KEY_MODEL:
        for row in rows:
            keys = row.keys.replace("|", "\\|")
            lines.append(f"| {translate(title)} | `{keys}` | {translate(row.does)} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
