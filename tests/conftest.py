"""Shared fixtures: where the team's shared material is, and skipping without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout; tests needing it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (corpora and conformance suites live there)")
    return SHARED


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the calling test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(autouse=True)
def _no_saved_bidi_choices(tmp_path_factory: pytest.TempPathFactory,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read (or write) the bidi choices saved in the user's configuration."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("RTL_READER_CONFIG", str(folder / "terminals.json"))


@pytest.fixture(autouse=True)
def _no_user_recovery_folder(tmp_path_factory: pytest.TempPathFactory,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read (or leave) drafts in the user's own recovery folder: a file left
    there by one run would be listed, and offered, by the next."""
    monkeypatch.setenv("RTL_READER_RECOVERY", str(tmp_path_factory.mktemp("recovery")))


#: The variables auto reads to tell a terminal (``reader.ui.terminal``).
TERMINAL_VARIABLES = ("TMUX", "TMUX_PANE", "KITTY_WINDOW_ID", "KONSOLE_VERSION", "VTE_VERSION",
                      "MLTERM", "ALACRITTY_WINDOW_ID", "XTERM_VERSION")


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line lays its terminal output out for the terminal it runs in: tests
    run as in a terminal auto knows nothing about (``app``), whatever terminal runs them,
    unless a test says which; and each test decides afresh."""
    from reader.cli import strategy

    for name in TERMINAL_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    if os.environ.get("TERM", "") in ("xterm-kitty", "alacritty") or \
            os.environ.get("TERM", "").startswith("mlterm"):
        monkeypatch.setenv("TERM", "xterm-256color")
    strategy.terminal_decision.cache_clear()
    strategy.request(None)
