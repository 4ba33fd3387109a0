"""Messages naming a value, printed by each command, in both interface languages.

On a terminal each message holding right-to-left text is laid out by the engine: shaped,
in visual order, each value (a file name, a title, a query) an isolate and no bidi
control printed. English ones used to be printed as they were, so an Arabic file name
showed unjoined and in logical order. In a pipe a message stays logical text, its
isolates kept; an English message naming Latin values only is the same as ever.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.text.sanitize import BIDI_CONTROLS

FSI, PDI = "\u2068", "\u2069"
COMMAND = Path(sys.executable).with_name("rtl-reader")
ARABIC = re.compile("[\u0600-\u06ff]")
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class _Terminal(io.StringIO):
    """A stream that says it is a terminal (``cat`` writes its lines as bytes)."""

    def __init__(self) -> None:
        super().__init__()
        self.buffer = io.BytesIO()

    def isatty(self) -> bool:
        return True


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of Arabic-named inputs, the current one, and its library."""
    (tmp_path / "مقال فارغ.txt").write_bytes(b"")
    (tmp_path / "قديم.txt").write_bytes("مرحبا بالعالم".encode("cp1256"))
    (tmp_path / "صور").mkdir()
    (tmp_path / "صور" / "صورة.png").write_bytes(b"\x89PNG")
    (tmp_path / "مكتبتي").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    return tmp_path


#: (name, arguments (LIB: the library), English line, Arabic line): the last line each
#: writes to standard error on a terminal, read by eye in both languages.
MESSAGES = [
    ("cat, a missing file", ["cat", "مقال جديد.txt"],
     "rtl-reader: txt.ﺪﻳﺪﺟ ﻝﺎﻘﻣ: no such file",
     "rtl-reader: ﻢﺳﻻﺍ ﺍﺬﻬﺑ ﻒﻠﻣ ﻻ :txt.ﺪﻳﺪﺟ ﻝﺎﻘﻣ"),
    ("cat, no such article", ["cat", "مقال", "--library", "LIB"],
     "rtl-reader: ﻝﺎﻘﻣ: no such article id in the library, nor a file",
     "rtl-reader: ﻢﺳﻻﺍ ﺍﺬﻬﺑ ﻒﻠﻣ ﻻﻭ ،ﺔﺒﺘﻜﻤﻟﺍ ﻲﻓ ﻑﺮّﻌﻤﻟﺍ ﺍﺬﻬﺑ ﻝﺎﻘﻣ ﻻ :ﻝﺎﻘﻣ"),
    ("cat, a legacy encoding's note", ["cat", "قديم.txt"],
     "rtl-reader: note: txt.ﻢﻳﺪﻗ: not UTF-8; read as Windows-1256",
     "rtl-reader: Windows-1256 ﺰﻴﻣﺮﺘﺑ ﺉﺮﻗُ ؛UTF-8 ﺲﻴﻟ :txt.ﻢﻳﺪﻗ :ﺔﻈﺣﻼﻣ"),
    ("import, an empty file", ["import", "--library", "LIB", "مقال فارغ.txt"],
     "rtl-reader: txt.ﻍﺭﺎﻓ ﻝﺎﻘﻣ: empty file (no article)",
     "rtl-reader: (ﻪﻴﻓ ﻝﺎﻘﻣ ﻻ) ﻍﺭﺎﻓ ﻒﻠﻣ :txt.ﻍﺭﺎﻓ ﻝﺎﻘﻣ"),
    ("import, a file skipped", ["import", "--library", "LIB", "صور"],
     "rtl-reader: skipped png.ﺓﺭﻮﺻ/ﺭﻮﺻ: not a kind of file the reader reads (.png)",
     "rtl-reader: (.png) ﺉﺭﺎﻘﻟﺍ ﺎﻫﺅﺮﻘﻳ ﻲﺘﻟﺍ ﺕﺎﻔﻠﻤﻟﺍ ﻉﺍﻮﻧﺃ ﻦﻣ ﺲﻴﻟ :png.ﺓﺭﻮﺻ/ﺭﻮﺻ ﻙﺮﺗُ"),
    ("search, nothing found", ["search", "--library", "LIB", "ززز", "xyzq"],
     "no article matches 'xyzq ﺯﺯﺯ'",  # an isolate: ززز first, from the right
     "'xyzq ﺯﺯﺯ' ﻖﺑﺎﻄﻳ ﻝﺎﻘﻣ ﻻ"),
    ("drafts, no draft", ["drafts", "delete", "--library", "LIB", "مسودة"],
     "rtl-reader: no draft for article 'ﺓﺩﻮﺴﻣ'",
     "rtl-reader: 'ﺓﺩﻮﺴﻣ' ﻝﺎﻘﻤﻠﻟ ﺓﺩﻮﺴﻣ ﻻ"),
    ("a library in no folder", ["search", "--library", "مكتبتي/ناقص/lib.sqlite", "x"],
     "rtl-reader: --library lib.sqlite/ﺺﻗﺎﻧ/ﻲﺘﺒﺘﻜﻣ: the folder ﺺﻗﺎﻧ/ﻲﺘﺒﺘﻜﻣ does not exist",
     "rtl-reader: ﺩﻮﺟﻮﻣ ﺮﻴﻏ ﺺﻗﺎﻧ/ﻲﺘﺒﺘﻜﻣ ﺪﻠﺠﻤﻟﺍ :lib.sqlite/ﺺﻗﺎﻧ/ﻲﺘﺒﺘﻜﻣ --library ﺭﺎﻴﺨﻟﺍ"),
    ("a new library", ["search", "--library", "مكتبتي/lib.sqlite", "x"],
     "rtl-reader: created a new library at lib.sqlite/ﻲﺘﺒﺘﻜﻣ",
     "rtl-reader: lib.sqlite/ﻲﺘﺒﺘﻜﻣ ﻲﻓ ﺓﺪﻳﺪﺟ ﺔﺒﺘﻜﻣ ﺖﺌﺸﻧﺃُ"),
]


def _run(argv: list[str], library: Path, stderr: io.StringIO,
         monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.setattr(sys, "stdout", _Terminal())
    main([str(library) if arg == "LIB" else arg for arg in argv])
    return stderr.getvalue()


def _message_lines(written: str) -> list[str]:
    """The lines written, as a terminal leaves them: the progress bar redraws its line
    (carriage returns, escapes) and is gone when a message is written over it."""
    lines = (ESCAPE.sub("", line.split("\r")[-1]) for line in written.splitlines())
    return [line for line in lines if line]


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize(("name", "argv", "english", "arabic"), MESSAGES,
                         ids=[case[0] for case in MESSAGES])
def test_each_commands_message_reads_right_on_a_terminal(
    files: Path, monkeypatch: pytest.MonkeyPatch, lang: str, name: str,
    argv: list[str], english: str, arabic: str
) -> None:
    monkeypatch.setenv("LANGUAGE", lang)
    shown = _run(argv, files / f"{lang}.sqlite", _Terminal(), monkeypatch)
    lines = _message_lines(shown)
    assert (english if lang == "en" else arabic) in lines
    assert not set(shown) & BIDI_CONTROLS


@pytest.mark.parametrize(("name", "argv", "english", "arabic"), MESSAGES,
                         ids=[case[0] for case in MESSAGES])
def test_in_a_pipe_an_english_message_keeps_its_values_isolates(
    files: Path, monkeypatch: pytest.MonkeyPatch, name: str, argv: list[str],
    english: str, arabic: str
) -> None:
    """Logical text for whatever reads it next, each Arabic value an isolate (and the
    message after the program's name one too), so that a viewer running the bidi
    algorithm shows what the terminal showed."""
    monkeypatch.setenv("LANGUAGE", "en")
    written = _run(argv, files / "en.sqlite", io.StringIO(), monkeypatch)
    naming = [line for line in _message_lines(written) if ARABIC.search(line)]
    assert naming
    for line in naming:
        assert not PRESENTATION_FORMS.search(line)  # not shaped: logical
        assert FSI in line and line.count(FSI) == line.count(PDI)
        assert not ARABIC.search(re.sub(f"{FSI}[^{PDI}]*{PDI}", "", line.replace(
            f"{FSI}{FSI}", FSI)))  # every Arabic letter is inside a value's isolate


def test_an_english_message_naming_latin_values_is_the_same_as_ever(
    files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "en")
    for stream in (_Terminal(), io.StringIO()):
        written = _run(["cat", "missing.txt"], files / "en.sqlite", stream, monkeypatch)
        assert written == "rtl-reader: missing.txt: no such file\n"


@pytest.mark.skipif(not COMMAND.exists(), reason=f"rtl-reader is not next to {sys.executable}")
@pytest.mark.parametrize(("lang", "shown", "piped"), [
    ("en", "rtl-reader: txt.ﺪﻳﺪﺟ ﻝﺎﻘﻣ: no such file",
     f"rtl-reader: {FSI}{FSI}مقال جديد.txt{PDI}: no such file{PDI}"),
    ("ar", "rtl-reader: ﻢﺳﻻﺍ ﺍﺬﻬﺑ ﻒﻠﻣ ﻻ :txt.ﺪﻳﺪﺟ ﻝﺎﻘﻣ",
     f"rtl-reader: {FSI}{FSI}مقال جديد.txt{PDI}: لا ملف بهذا الاسم{PDI}"),
])
def test_the_installed_command_on_a_pty_and_in_a_pipe(
    tmp_path: Path, lang: str, shown: str, piped: str
) -> None:
    """The real thing: ``rtl-reader cat`` of a missing file named in Arabic, its standard
    error a pseudo-terminal, then a pipe."""
    import pty

    env = {**os.environ, "LANGUAGE": lang, "HOME": str(tmp_path)}
    argv = [str(COMMAND), "cat", "مقال جديد.txt"]
    leader, follower = pty.openpty()
    with open(follower, "wb", closefd=True) as terminal:
        finished = subprocess.run(argv, cwd=tmp_path, env=env, stdin=subprocess.DEVNULL,
                                  stdout=terminal, stderr=terminal, timeout=60)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other end is closed: all read
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    assert finished.returncode == 1
    assert output.decode("utf-8").splitlines() == [shown]
    in_a_pipe = subprocess.run(argv, cwd=tmp_path, env=env, stdin=subprocess.DEVNULL,
                               capture_output=True, timeout=60)
    assert in_a_pipe.stderr.decode("utf-8") == piped + "\n"


def test_the_import_bars_label_is_laid_out_like_the_messages(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    """The progress bar is drawn on the terminal beside the messages: its Arabic label
    is joined and in visual order too, and plain text to rich."""
    from rich.progress import RenderableColumn

    from reader.cli.import_ import _BarProgress

    monkeypatch.setenv("LANGUAGE", "ar")
    monkeypatch.setattr(sys, "stderr", _Terminal())
    progress = _BarProgress()
    progress.add_total(10)
    try:
        assert progress.bar is not None
        column = progress.bar.columns[0]
        # A rich Text drawn as it is: never read as markup.
        assert isinstance(column, RenderableColumn) and column.renderable is progress.label
        assert progress.label is not None and progress.label.plain == "ﺩﺍﺮﻴﺘﺳﻻﺍ ﺭٍﺎﺟ"
    finally:
        progress.stop()


@pytest.mark.parametrize(("lang", "where", "shown"), [
    # an Arabic title with a Latin run, in English: read from the right, مسودات first
    ("en", "مسودات iPad 4", "3 draft(s) that could not be saved to the library are in "
                            "iPad 4 ﺕﺍﺩﻮﺴﻣ"),
    # a Latin-first Arabic title, in English: left to right, iPad first
    ("en", "iPad 4 مسودات", "3 draft(s) that could not be saved to the library are in "
                            "iPad 4 ﺕﺍﺩﻮﺴﻣ"),
    # a Latin title in Arabic, after a count: the count stays beside its words
    ("ar", "iPad mini 4 drafts", "iPad mini 4 drafts ﻲﻓ ﻲﻫﻭ ،3 :ﺔﺒﺘﻜﻤﻟﺍ ﻲﻓ ﺎﻬﻈﻔﺣ ﺭﺬﻌﺗ ﺕﺍﺩﻮﺴﻣ"),
    ("ar", "تسريب iPad mini 4", "iPad mini 4 ﺐﻳﺮﺴﺗ ﻲﻓ ﻲﻫﻭ ،3 :ﺔﺒﺘﻜﻤﻟﺍ ﻲﻓ ﺎﻬﻈﻔﺣ ﺭﺬﻌﺗ ﺕﺍﺩﻮﺴﻣ"),
])
def test_titles_and_numbers_in_either_languages_sentences(
    monkeypatch: pytest.MonkeyPatch, lang: str, where: str, shown: str
) -> None:
    from reader.cli.say import emit, text

    monkeypatch.setenv("LANGUAGE", lang)
    terminal, pipe = _Terminal(), io.StringIO()
    emit(text("cli.drafts.recovered", count=3, where=where), terminal)
    emit(text("cli.drafts.recovered", count=3, where=where), pipe)
    assert terminal.getvalue() == shown + "\n"
    assert f"{FSI}{where}{PDI}" in pipe.getvalue()


@pytest.mark.skipif(not COMMAND.exists(), reason=f"rtl-reader is not next to {sys.executable}")
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_message_wider_than_the_terminal_wraps_in_reading_order(
    tmp_path: Path, lang: str
) -> None:
    """The engine wraps the message at the terminal's width: its first row holds the
    sentence's beginning. The terminal wrapping one long visual line put the end of an
    Arabic sentence on the first row, to be read before its beginning."""
    import fcntl
    import pty
    import struct
    import termios

    from reader.text.layout import LayoutOptions, layout_text

    columns = 40
    name = "تقرير طويل جدا عن أحوال الطقس في المدن العربية.txt"
    env = {**os.environ, "LANGUAGE": lang, "HOME": str(tmp_path)}
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    with open(follower, "wb", closefd=True) as terminal:
        subprocess.run([str(COMMAND), "cat", name], cwd=tmp_path, env=env,
                       stdin=subprocess.DEVNULL, stdout=terminal, stderr=terminal, timeout=60)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    rows = output.decode("utf-8").splitlines()

    def shaped(word: str) -> str:
        return layout_text(word, LayoutOptions(width=20))[0].text

    assert len(rows) > 1 and all(len(row) < columns for row in rows)  # one cell to spare
    assert rows[0].startswith("rtl-reader: ")
    assert shaped("تقرير") in rows[0]  # the file name's first word comes first
    assert shaped("العربية.txt") not in rows[0]
    if lang == "ar":
        assert shaped("الاسم") in rows[-1]  # the sentence's last word ends it
    else:
        assert rows[-1].endswith("file")
