"""The articles of a big JSON Lines file prepared in a second process.

An import spends about as long in Python (reading JSON, cleaning, hashing, folding
and splitting the index text: :class:`reader.library.storage.Prepared`) as in
SQLite writing what that made. A second process reads and prepares the file's
records a batch at a time while this one writes the batch before, so on two cores
an import takes about the longer of the two rather than their sum. Starting the
process costs about a fifth of a second: smaller files are prepared in this one
(:data:`reader.library.importer.PREPARE_ELSEWHERE_BYTES`).

The second process is started afresh (``spawn``), not forked: the app imports from
a thread, and a fork copies the locks other threads hold. It reads the file itself
and sends batches down a pipe, which blocks it when this process falls behind, so
memory stays that of two batches.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

from reader.errors import InputError
from reader.library.storage import BATCH_SIZE, Prepared

Item = Prepared | InputError


class PreparingFailed(Exception):
    """The second process met an error nobody foresaw (named in the message)."""


def prepared_batches(path: Path, name: str) -> Iterator[tuple[int, list[Item]]]:
    """The records of the JSON Lines file *path* (reported as *name*) prepared in a
    second process, a batch at a time, each with how many bytes of the file are read.

    A bad record comes as the InputError :func:`stream_json_lines` gives it; a file
    with no record raises that InputError, one that cannot be read its OSError.
    Stopping early (an error here, Ctrl-C) stops the second process too.
    """
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(
        target=_prepare, args=(str(path), name, sender), name="rtl-reader-import", daemon=True
    )
    worker.start()
    sender.close()  # only the second process writes: its end closing is the end of input
    try:
        while True:
            try:
                kind, position, payload = receiver.recv()
            except EOFError:
                raise PreparingFailed("the process reading the file stopped") from None
            if kind == "batch":
                yield position, [
                    InputError(*item) if isinstance(item, tuple) else item for item in payload
                ]
            elif kind == "done":
                return
            elif kind == "input-error":
                raise InputError(*payload)
            elif kind == "os-error":
                raise OSError(*payload)
            else:
                raise PreparingFailed(payload)
    finally:
        receiver.close()
        if worker.is_alive():
            worker.terminate()
        worker.join()


def _prepare(path: str, name: str, sender: Connection) -> None:
    """The second process: read, prepare and send the file's records in batches."""
    try:
        _send_prepared(path, name, sender)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the importer stopped listening (an error, Ctrl-C): nothing to tell
    finally:
        sender.close()


def _send_prepared(path: str, name: str, sender: Connection) -> None:
    """A bad record is sent as (source, problem), which an InputError is made from
    again (an exception is pickled by its message alone)."""
    # Imported here: the main process needs none of the parsers to receive.
    from reader.articles.json_articles import stream_json_lines

    try:
        with open(path, "rb") as handle:
            batch: list[Prepared | tuple[str, str]] = []
            for item in stream_json_lines(handle, name):
                if isinstance(item, InputError):
                    batch.append((item.source, item.problem))
                else:
                    if not item.origin:
                        item.origin = path
                    batch.append(Prepared(item))
                if len(batch) == BATCH_SIZE:
                    sender.send(("batch", handle.tell(), batch))
                    batch = []
            sender.send(("batch", handle.tell(), batch))
    except InputError as exc:
        sender.send(("input-error", 0, (exc.source, exc.problem)))
    except (BrokenPipeError, ConnectionResetError):
        raise
    except OSError as exc:
        sender.send(("os-error", 0, (exc.errno, exc.strerror)))
    except Exception as exc:  # told to the importer, which reports it and goes on
        sender.send(("failed", 0, f"{type(exc).__name__}: {exc}"))
    else:
        sender.send(("done", 0, None))
