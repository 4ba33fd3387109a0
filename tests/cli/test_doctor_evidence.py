"""``rtl-reader doctor`` says what told it which terminal it is in, in the interface's
language: inside tmux the evidence is a catalogue sentence (said in English as it was),
tmux's own names kept as tmux spells them."""

from __future__ import annotations

import pytest

from reader.cli import main
from reader.ui import terminal

FSI, PDI = "\u2068", "\u2069"


def _found_from(lang: str, client: terminal.TmuxClient, monkeypatch: pytest.MonkeyPatch,
                capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    monkeypatch.setenv("LANGUAGE", lang)
    monkeypatch.setattr(terminal, "ask_tmux", lambda environ: client)
    assert main(["doctor", "--no-ask", "--width", "60"]) == 0
    out = capsys.readouterr().out.replace(FSI, "").replace(PDI, "")
    [line] = [line.strip() for line in out.splitlines() if "found from" in line
              or "عُرفت من" in line]
    return line


@pytest.mark.parametrize(("client", "english", "arabic"), [
    (terminal.TmuxClient("", "", None), "found from: tmux: no client attached",
     "عُرفت من: لا عميل متصلاً بجلسة tmux"),
    (terminal.TmuxClient("", "xterm-256color", {"KONSOLE_VERSION": "221203"}),
     "found from: tmux client environment: KONSOLE_VERSION",
     "عُرفت من: بيئة عميل tmux: KONSOLE_VERSION"),
])
def test_the_evidence_inside_tmux_is_said_in_either_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    client: terminal.TmuxClient, english: str, arabic: str
) -> None:
    assert _found_from("en", client, monkeypatch, capsys) == english
    assert _found_from("ar", client, monkeypatch, capsys).startswith(arabic)
