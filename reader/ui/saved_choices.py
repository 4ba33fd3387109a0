"""The output strategy the reader chose for each terminal, kept in the user's
configuration folder (not in a library: every library is read in the same terminals).

One small JSON object, ``{"konsole": "app", ...}``, written atomically. A missing,
unreadable or damaged file means "nothing chosen yet": the reader then decides as if
it were new, and never stops over it.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from reader.text.output import MODES

APP_NAME = "rtl-reader"
FILE_NAME = "terminals.json"
#: Overrides the file's location (tests, and users who keep settings elsewhere).
ENV_VAR = "RTL_READER_CONFIG"


def choices_path() -> Path:
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


def load_choices(path: Path | None = None) -> dict[str, str]:
    """Terminal key -> strategy; entries that are not strategies are left out."""
    try:
        data = json.loads((path or choices_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str) and v in MODES}


def save_choice(terminal_key: str, strategy: str, path: Path | None = None) -> Path:
    """Remember *strategy* for *terminal_key*; returns the file written.

    Raises OSError when the folder cannot be written (the caller says so)."""
    if strategy not in MODES:
        raise ValueError(f"not an output strategy: {strategy!r}")
    target = path or choices_path()
    choices = load_choices(target)
    choices[terminal_key] = strategy
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=".terminals-", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(choices, handle, indent=1, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
