"""The installed command in tmux: Arabic typed into the library's search field reads right."""

from __future__ import annotations

from pathlib import Path

from reader.text.layout import Document, LayoutOptions
from tests.e2e.conftest import Tmux, app_env

QUERY = "إيران abc 123"


def engine_text(text: str) -> str:
    (line,) = Document([text], direction="ltr").paragraph_lines(0, LayoutOptions(width=100))
    return line.text


def field_row(screen: str) -> str:
    """The search field's text row: the first row framed by the field's tall border."""
    return next(row for row in screen.split("\n") if row.lstrip().startswith("▊")
                and not set(row.strip()) <= set("▊▔▁▎"))


def test_typed_arabic_is_shaped_right_to_left_in_the_field(
    installed_command: Path, tmux: Tmux, tmp_path: Path
) -> None:
    tmux.start([str(installed_command), "--bidi", "app", "--lang", "en"],
               env=app_env(tmp_path / "library.sqlite"))
    tmux.wait_for(lambda screen: "Search the library" in screen, "the library screen")
    laid_out = engine_text(QUERY)
    # At once after "/", as a burst: the keys queue while the app is still busy
    # starting, and must still reach the field "/" opened.
    tmux("send-keys", "/")
    tmux("send-keys", "-l", QUERY)
    screen = tmux.wait_for(lambda screen: laid_out in screen, "the laid-out query")
    row = field_row(screen)
    assert laid_out in row and QUERY not in row
    # Right-aligned against the field's padding and frame.
    assert row.rstrip().removesuffix("▎").rstrip().endswith(laid_out)
    assert "ﺮﻳﺇ" in row  # joined letters, in visual order
