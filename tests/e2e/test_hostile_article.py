"""An article carrying terminal escape sequences cannot reach the terminal through the app.

tmux runs with ``set-clipboard on``, so an OSC 52 that got through would create a
paste buffer; a screen clear or a window title change would show on the screen
and in the pane title.
"""

from __future__ import annotations

import base64
import time
from pathlib import Path

from reader.text.layout import Document, LayoutOptions
from tests.e2e.conftest import Tmux, app_env

PAYLOAD = base64.b64encode(b"rm -rf ~").decode()
OSC52 = f"\x1b]52;c;{PAYLOAD}\x07"
CLEAR = "\x1b[2J\x1b[H"
OSC0 = "\x1b]0;PWNED-TITLE\x07"
OSC8 = "\x1b]8;;https://evil.example/\x1b\\اضغط هنا\x1b]8;;\x1b\\"

TITLE = f"عنوان {OSC52}خبيث{OSC0} للاختبار"
BODY = [
    f"فقرة أولى فيها {CLEAR}مسح للشاشة ورابط {OSC8} في وسطها.",
    f"فقرة ثانية {OSC52.replace(chr(7), chr(27) + chr(92))}تحاول الكتابة في الحافظة.",
]


def test_escape_sequences_in_an_article_do_not_reach_the_terminal(
    installed_command: Path, tmux: Tmux, tmp_path: Path
) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(TITLE + "\n\n" + "\n\n".join(BODY) + "\n", encoding="utf-8")
    library = tmp_path / "library.sqlite"
    tmux.start([str(installed_command), str(article), "--library", str(library),
                "--bidi", "app", "--lang", "en"], env=app_env(library))
    options = LayoutOptions(width=200)
    title_words = Document(["للاختبار"]).paragraph_lines(0, options)[0].text
    body_words = Document(["تحاول الكتابة في الحافظة."]).paragraph_lines(0, options)[0].text
    screen = tmux.wait_for(
        lambda s: title_words in s and body_words in s and "Comment draft" in s
        and "Commands" in s,
        "the hostile article with its side panes and footer",
    )
    # The screen is intact: frame, panes and footer are all there after the "clear".
    rows = screen.rstrip("\n").split("\n")
    assert len(rows) == 30 and rows[0].startswith("╭─ Related links")
    assert "╮╭─ Article" in rows[0] and "Commands" in rows[-1]
    assert "PWNED" not in screen and "evil.example" not in screen
    assert "52;c" not in screen and "\x1b" not in screen
    # No paste buffer was created and the pane title was not changed.
    assert tmux("list-buffers").strip() == ""
    assert "PWNED" not in tmux("display-message", "-p", "#{pane_title}")
    # The reader's own copy (y, OSC 52) is the one buffer: the title's clean logical text.
    tmux.keys("y")
    deadline = time.monotonic() + 10
    while not tmux("list-buffers").strip() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert tmux("show-buffer") == "عنوان خبيث للاختبار"
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Search the library" in s, "the library screen")
    tmux.keys("q")
    assert "EXIT=0" in tmux.wait_for(lambda s: "EXIT=" in s, "the app to exit")
