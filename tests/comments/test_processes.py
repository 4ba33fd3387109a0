"""Drafts across processes: two instances on one draft, and SIGKILL at any moment."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from reader.comments.store import DraftStore
from tests.comments.dbutil import REPO_ROOT, open_database
from tests.comments.draft_worker import check_hammer_text

ARTICLE = "ea300a519c8a66f3"


def _worker(db: Path, mode: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.comments.draft_worker", str(db), mode, ARTICLE],
        cwd=REPO_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        encoding="utf-8", env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )


def _ask(proc: subprocess.Popen, command: str | None = None) -> dict:
    if command is not None:
        proc.stdin.write(command + "\n")
        proc.stdin.flush()
    line = proc.stdout.readline()
    assert line, "worker died"
    return json.loads(line)


def test_two_instances_saving_the_same_draft_never_lose_an_update(db_path):
    first, second = _worker(db_path, "session"), _worker(db_path, "session")
    try:
        assert _ask(first)["revision"] == 0
        assert _ask(second)["revision"] == 0
        assert _ask(first, "save نص النافذة الأولى")["event"] == "saved"
        # The second instance still holds revision 0: its save must not overwrite.
        reply = _ask(second, "save نص النافذة الثانية")
        assert reply["event"] == "conflict"
        assert reply["theirs"] == "نص النافذة الأولى"
        store = DraftStore(open_database(db_path))
        assert store.load(ARTICLE).draft.comment == "نص النافذة الأولى"
        assert [k.draft.comment for k in store.kept_versions(ARTICLE)] == ["نص النافذة الثانية"]
        # The second window's user chooses "keep mine".
        reply = _ask(second, "keep_mine")
        assert reply["event"] == "saved" and reply["revision"] == 2
        assert store.load(ARTICLE).draft.comment == "نص النافذة الثانية"
        kept = {k.draft.comment for k in store.kept_versions(ARTICLE)}
        assert kept == {"نص النافذة الأولى", "نص النافذة الثانية"}
        # Now the first window is stale; it takes the other text instead.
        assert _ask(first, "save تعديل متأخر")["event"] == "conflict"
        reply = _ask(first, "take_theirs")
        assert reply["comment"] == "نص النافذة الثانية" and reply["revision"] == 2
        assert _ask(first, "save متابعة")["event"] == "saved"
        assert store.load(ARTICLE).revision == 3
        assert "تعديل متأخر" in {k.draft.comment for k in store.kept_versions(ARTICLE)}
    finally:
        for proc in (first, second):
            proc.stdin.close()
            proc.wait(timeout=10)


def test_sigkill_at_any_moment_leaves_the_last_saved_draft_whole(db_path):
    rng = random.Random(20261129)
    last_reported = 0
    for _round in range(6):
        proc = _worker(db_path, "hammer")
        # Wait until it has committed at least one draft, then kill it at a random moment.
        first_line = proc.stdout.readline()
        assert first_line.strip(), "hammer worker did not start"
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        reported = [int(first_line)]
        reported += [int(n) for n in proc.stdout.read().split()]
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        conn = sqlite3.connect(db_path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        conn = open_database(db_path)
        record = DraftStore(conn).load(ARTICLE)
        conn.close()
        n = check_hammer_text(record.draft.comment)  # whole, never torn
        # Every draft the worker saw committed survived; at most the one in flight is lost.
        assert n >= reported[-1]
        assert n <= reported[-1] + 1
        assert record.revision == n + last_reported
        last_reported = record.revision
