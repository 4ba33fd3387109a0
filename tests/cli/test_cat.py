"""``rtl-reader cat`` as a user runs it: exit codes, messages, output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.conftest import REPO_ROOT

SEED = REPO_ROOT / "assets" / "articles" / "000_ea300a519c8a66f3.txt"


def cat(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    return subprocess.run(
        [sys.executable, "-m", "reader", "cat", *args],
        input=stdin,
        capture_output=True,
        cwd=REPO_ROOT,
        env=env,
        timeout=60,
    )


def one_line_error(result: subprocess.CompletedProcess[bytes]) -> str:
    assert result.returncode == 1, result
    assert result.stdout == b""
    message = result.stderr.decode("utf-8")
    assert message.count("\n") == 1 and "Traceback" not in message, message
    assert message.startswith("rtl-reader: ")
    return message


def test_missing_file(tmp_path: Path) -> None:
    message = one_line_error(cat(str(tmp_path / "nope.txt")))
    assert "nope.txt" in message and "no such file" in message


def test_directory(tmp_path: Path) -> None:
    assert "is a directory" in one_line_error(cat(str(tmp_path)))


def test_binary_data(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    message = one_line_error(cat(str(path)))
    assert "image.png" in message and "binary" in message


WINDOWS_1256_TEXT = "تسريب تصميم لجهاز iPad mini 4 بسماكة رفيعة\n\nقالت مصادر إن الجهاز أنحف.\n"


@pytest.mark.parametrize(("encoding", "name"), [("cp1256", "Windows-1256"),
                                                ("iso8859_6", "ISO-8859-6")])
@pytest.mark.parametrize("raw", [False, True])
def test_legacy_arabic_file_is_read_with_a_note(
    tmp_path: Path, encoding: str, name: str, raw: bool
) -> None:
    """Older Arabic files are often Windows-1256 or ISO-8859-6: read as such, said once."""
    path = tmp_path / "old.txt"
    path.write_bytes(WINDOWS_1256_TEXT.replace("iPad mini 4 ", "").encode(encoding))
    legacy = cat(*(["--raw"] if raw else []), str(path), "--width", "60")
    utf8 = tmp_path / "new.txt"
    utf8.write_text(WINDOWS_1256_TEXT.replace("iPad mini 4 ", ""), encoding="utf-8")
    assert legacy.returncode == 0, legacy
    assert legacy.stdout == cat(*(["--raw"] if raw else []), str(utf8), "--width", "60").stdout
    note = legacy.stderr.decode("utf-8")
    assert note.count("\n") == 1 and "old.txt" in note and name in note, note


def test_legacy_text_on_standard_input_is_read_too() -> None:
    result = cat("-", "--width", "60", stdin=WINDOWS_1256_TEXT.encode("cp1256"))
    assert result.returncode == 0 and "Windows-1256" in result.stderr.decode("utf-8")
    assert "iPad mini 4" in result.stdout.decode("utf-8")


def test_bytes_that_fit_no_encoding_stay_an_error(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 256)) * 20)
    message = one_line_error(cat(str(path)))
    assert "noise.txt" in message and "invalid UTF-8 at byte offset" in message


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: costs no disk
    message = one_line_error(cat(str(path)))
    assert "huge.txt" in message and "too large" in message


def test_hostile_file_name_is_sanitized(tmp_path: Path) -> None:
    name = "x\x1b]0;pwned\x07y.txt"
    message = one_line_error(cat(str(tmp_path / name)))
    assert "\x1b" not in message and "\x07" not in message


@pytest.mark.parametrize(
    "args",
    [[], ["--width", "0", "f"], ["--width", "abc", "f"], ["--bidi", "rtl", "f"],
     ["--harakat", "some", "f"], ["f", "--bogus"]],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = cat(*args)
    assert result.returncode == 2
    assert b"usage:" in result.stderr and b"Traceback" not in result.stderr


def test_stdin_terminal_mode_output() -> None:
    text = "عُقد اجتماع\n\n\x1b[2Jسري جدا\n"
    result = cat("-", "--bidi", "terminal", "--width", "40", stdin=text.encode())
    assert result.returncode == 0
    assert result.stdout.decode() == "عُقد اجتماع\n\nسري جدا\n"


def test_terminal_mode_strip_harakat() -> None:
    result = cat("-", "--bidi", "terminal", "--harakat", "strip", stdin="عُقِدَ".encode())
    assert result.stdout.decode() == "عقد\n"


def test_seed_default_width_is_80_when_not_a_terminal() -> None:
    pytest.importorskip("reader.text.bidi")
    result = cat(str(SEED))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().split("\n")
    assert lines[-1] == ""
    widths = {cell_len(line) for line in lines[:-1]}
    assert max(widths) == 80  # right-to-left lines are padded on the left to the width
    assert 0 in widths  # blank lines between paragraphs
    assert not any(line.endswith(" ") for line in lines)


def test_app_mode_right_aligns_and_no_shape_keeps_letters() -> None:
    pytest.importorskip("reader.text.bidi")
    result = cat("-", "--width", "20", "--no-shape", stdin="سلام عليكم".encode())
    assert result.stdout.decode() == " " * 10 + "مكيلع مالس\n"
    shaped = cat("-", "--width", "20", stdin="سلام".encode()).stdout.decode()
    assert shaped == " " * 17 + "\ufee1\ufefc\ufeb3\n"


def test_cat_does_not_import_textual() -> None:
    code = (
        "import sys; from reader.cli import main; "
        f"rc = main(['cat', '--bidi', 'terminal', {str(SEED)!r}]); "
        "assert 'textual' not in sys.modules, 'textual imported'; sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=REPO_ROOT,
                            timeout=60)
    assert result.returncode == 0, result.stderr


#: modules ``cat`` of a text file has no use for: each costs start-up time in a filter
#: that is timed as a whole process against FriBidi
_NOT_FOR_CAT = ("textual", "sqlite3", "dataclasses", "inspect", "pathlib", "urllib",
                "ipaddress", "importlib.util", "reader.library", "reader.articles", "reader.ui",
                "reader.text.bidi.reference", "shutil")


@pytest.mark.parametrize("site", [True, False], ids=["site", "no-site"])
@pytest.mark.parametrize("args", [["--raw", str(SEED)], ["--raw", "--bidi", "terminal", str(SEED)],
                                  ["-"]])
def test_cat_of_text_imports_nothing_it_does_not_use(args: list[str], site: bool) -> None:
    """Measured from after the interpreter's own start-up (whatever the install's path
    hooks import), so the test holds for any install; and without ``site`` at all (the
    paths given by hand), where no path hook has imported for cat what it does not use
    (an editable install's finder imports pathlib)."""
    import site as site_module

    paths = [str(REPO_ROOT), *site_module.getsitepackages()]
    code = (
        f"import sys; sys.path[:0] = {paths!r}; before = set(sys.modules); "
        "from reader.cli import main; "
        f"rc = main(['cat', *{args!r}]); "
        f"found = sorted(m for m in set(sys.modules) - before if m.startswith({_NOT_FOR_CAT!r})); "
        "assert not found, found; sys.exit(rc)"
    )
    flags = [] if site else ["-S"]
    result = subprocess.run([sys.executable, *flags, "-c", code], capture_output=True,
                            cwd=REPO_ROOT, input=SEED.read_bytes(), timeout=60)
    assert result.returncode == 0, result.stderr.decode()


@pytest.mark.parametrize(("args", "status", "frozen"), [
    (["cat", "--raw", str(SEED)], 0, True),
    (["cat", "--raw", "no-such-file.txt"], 1, True),
    (["cat", "--no-such-option"], 2, False),
    (["--version"], 0, False),
])
def test_the_command_exits_with_mains_status_its_leftovers_frozen_after_a_command(
    args: list[str], status: int, frozen: bool
) -> None:
    """``rtl-reader`` (:func:`reader.cli.run_command`) exits with what main returns and,
    after a command that ran, with what the run left frozen out of the collector (the
    shutdown's collections would walk it again); not after the app or a usage error."""
    code = (
        "import atexit, gc, sys; "
        "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0, file=sys.stderr)); "
        f"sys.argv = ['rtl-reader', *{args!r}]; "
        "from reader.cli import run_command; run_command()"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=REPO_ROOT,
                            timeout=60)
    assert result.returncode == status, result.stderr.decode()
    assert result.stderr.decode().splitlines()[-1] == f"frozen {frozen}"
    if status == 0 and args[0] == "cat":
        in_process = subprocess.run([sys.executable, "-c", (
            "import sys; from reader.cli import main; "
            f"sys.exit(main({args!r}))")], capture_output=True, cwd=REPO_ROOT, timeout=60)
        assert result.stdout == in_process.stdout != b""


@pytest.mark.parametrize("args", [["-"], ["--raw"]])
def test_each_input_line_is_one_paragraph_blank_lines_kept_none_added(
    tmp_path: Path, args: list[str]
) -> None:
    """As fribidi does: three short lines print as three lines; blank lines stay."""
    text = "السطر الأول\nالسطر الثاني\nالسطر الثالث\n"
    path = tmp_path / "three.txt"
    path.write_text(text + "\nبعد سطر فارغ\n\n\nوبعد سطرين", encoding="utf-8")
    if args == ["-"]:
        result = cat("-", "--width", "40", stdin=path.read_bytes())
    else:
        result = cat("--raw", str(path), "--width", "40")
    lines = result.stdout.decode("utf-8").split("\n")
    assert lines[-1] == ""
    assert [bool(line.strip()) for line in lines[:-1]] == [
        True, True, True, False, True, False, False, True]
    three = cat("-", "--width", "40", stdin=text.encode()).stdout.decode("utf-8")
    assert three.count("\n") == 3 and "\n\n" not in three
