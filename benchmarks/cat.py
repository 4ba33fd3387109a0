"""``rtl-reader cat`` as a whole process against ``fribidi --width 80``, interleaved.

Usage: python benchmarks/cat.py [--runs N] [--inputs short,corpus,big,million] [--mode raw]
                                [--reader COMMAND] [--instructions]
       python benchmarks/cat.py --breaking [--runs N] [--inputs corpus,short]

For each input, runs ``rtl-reader cat --raw --width 80 FILE`` (``--mode stdin``:
the file on standard input, ``cat -``) and GNU FriBidi's ``fribidi --width 80 FILE``
(Debian's ``libfribidi-bin``) one after the other, N times, so both see the same
load on a busy machine; prints the medians of wall time and of CPU time (user + system,
steadier when other work shares the machine), their ratios (targets:
within 5x on the corpus text and on the short paragraphs, within 10x on the big
files), the median of the per-pair ratios, and the peak RSS of each (target: at
most 300 MB on the big files; as ``/usr/bin/time`` reports it, in one more run).
``--instructions``: each command's instructions too, counted once by valgrind's
callgrind (minutes on the big files), the figure a loaded machine does not move.
``--reader``: the command to time (``.venv/bin/rtl-reader``, the installed command),
else ``python -m reader`` with this Python.

``--breaking``: the cost of UAX #14 line breaking instead, in this process: the CPU time
of laying each input out as ``cat --raw`` does, against the same code breaking lines
only at spaces (UAX #14 switched off), interleaved; min and median of each, and the
cost (bound: 10%).

Inputs (made by ``benchmarks/inputs.py`` in the temporary directory on first use):
``corpus``: the 1.75 MB vocalised corpus text; ``short``: ~1.4 MB of ~6,000 short
paragraphs; ``big``: that corpus text 29 times (~48 MB); ``million``: a million
numbered short Arabic lines. Child processes get a bytecode cache, as an installed
rtl-reader has.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import inputs  # noqa: E402

_PYCACHE = tempfile.mkdtemp(prefix="rtl-reader-bench-pycache-")
atexit.register(shutil.rmtree, _PYCACHE, True)
_CHILD_ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": _PYCACHE,
}
TARGETS = {"corpus": 5.0, "short": 5.0, "big": 10.0, "million": 10.0}


def input_path(name: str) -> Path:
    if name == "corpus":
        return inputs.VOCALISED
    return inputs.ensure(name)


def run_once(command: list[str], stdin_path: Path | None) -> tuple[float, float]:
    """Wall time of ``command`` (output discarded) and its CPU time (user + system, from
    ``wait4``: to the microsecond, where ``/usr/bin/time`` gives hundredths, a quarter
    of FriBidi's time on these texts). On a busy machine CPU time is the steadier figure."""
    with open(stdin_path or os.devnull, "rb") as stdin:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=stdin, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, cwd=ROOT, env=_CHILD_ENV)
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{command} exited with {process.returncode}")
    return elapsed, usage.ru_utime + usage.ru_stime


def peak_rss(command: list[str], stdin_path: Path | None) -> int:
    """Peak RSS of ``command`` in KiB as ``/usr/bin/time`` reports it (0 without it):
    ``wait4`` would count the forked Python before exec."""
    if not os.path.exists("/usr/bin/time"):
        return 0
    with open(stdin_path or os.devnull, "rb") as stdin:
        result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], stdin=stdin,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT,
                                env=_CHILD_ENV)
    try:
        return int(result.stderr.decode(errors="replace").split()[-1])
    except (ValueError, IndexError):
        return 0


def instructions(command: list[str], stdin_path: Path | None) -> int:
    """Instructions ``command`` executes (valgrind's callgrind, whole process): a count
    other work on the machine does not disturb. 0 without valgrind."""
    if shutil.which("valgrind") is None:
        return 0
    with open(stdin_path or os.devnull, "rb") as stdin:
        result = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
            stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT,
            env={**_CHILD_ENV, "PYTHONHASHSEED": "0"})
    for line in result.stderr.decode(errors="replace").splitlines():
        if "refs:" in line:
            return int(line.split("refs:")[1].replace(",", "").strip())
    return 0


def layout_seconds(text: str, rules: bool) -> float:
    """CPU seconds to lay ``text`` out as ``cat --raw --width 80`` does, with UAX #14's
    per-word answers on or off (off: lines break at spaces only)."""
    import gc

    from reader.cli.cat import render_pieces
    from reader.text import wrap
    from reader.text.layout import LayoutOptions, batch

    real, real_batch = wrap.word_answers, batch.wrap_asking_at_breaks
    if not rules:
        wrap.word_answers = lambda *_args, **_kwargs: {}
        batch.wrap_asking_at_breaks = (  # (the line-break codes it is given go unused)
            lambda text, width, known_codes=None, cells=None, breaks=None:
            wrap.wrap_at_spaces(text, width, known_codes, cells))
    gc.disable()
    try:
        start = time.process_time()
        for _line in render_pieces([text], LayoutOptions(80)):
            pass
        return time.process_time() - start
    finally:
        gc.enable()
        wrap.word_answers, batch.wrap_asking_at_breaks = real, real_batch


def measure_breaking(names: list[str], runs: int) -> None:
    sys.path.insert(0, str(ROOT))
    for name in names:
        path = input_path(name)
        text = path.read_text(encoding="utf-8")
        layout_seconds(text, True)  # tables, caches and shaped words filled for both
        layout_seconds(text, False)
        on, off = [], []
        for _ in range(runs):
            off.append(layout_seconds(text, False))
            on.append(layout_seconds(text, True))
        print(f"{name} ({path.name}): breaking at spaces only {min(off):.3f} / "
              f"{statistics.median(off):.3f} s, UAX #14 {min(on):.3f} / "
              f"{statistics.median(on):.3f} s (CPU min / median): cost "
              f"{min(on) / min(off) - 1:+.0%} / "
              f"{statistics.median(on) / statistics.median(off) - 1:+.0%} (bound +10%)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--inputs", default="corpus,short,big,million")
    parser.add_argument("--mode", choices=("raw", "stdin"), default="raw")
    parser.add_argument("--reader", default=None, help="the rtl-reader command "
                        "(default: python -m reader with this Python)")
    parser.add_argument("--breaking", action="store_true",
                        help="measure the cost of UAX #14 line breaking instead")
    parser.add_argument("--instructions", action="store_true",
                        help="also count each command's instructions once (callgrind)")
    args = parser.parse_args()
    if args.breaking:
        print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
        measure_breaking(args.inputs.split(","), args.runs)
        return 0
    fribidi = shutil.which("fribidi")
    if fribidi is None:
        print("fribidi: command not found (Debian package libfribidi-bin)")
        return 1
    reader = [args.reader] if args.reader else [sys.executable, "-m", "reader"]
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} "
          f"(other work shares it: compare the ratios, measured in the same run)")
    print(f"{args.runs} interleaved runs each; medians")
    for name in args.inputs.split(","):
        path = input_path(name)
        if args.mode == "raw":
            ours_command = [*reader, "cat", "--raw", "--width", "80", str(path)]
            stdin = None
        else:
            ours_command = [*reader, "cat", "--width", "80", "-"]
            stdin = path
        theirs_command = [fribidi, "--width", "80", str(path)]
        if name == args.inputs.split(",")[0]:  # fill the bytecode cache, on a small text
            run_once([*reader, "cat", "--raw", "--width", "80", str(inputs.VOCALISED)], None)
        ours, theirs, ratios, ours_cpu, theirs_cpu = [], [], [], [], []
        for _ in range(args.runs):
            wall, cpu = run_once(ours_command, stdin)
            ours.append(wall)
            ours_cpu.append(cpu)
            wall_ref, cpu = run_once(theirs_command, None)
            theirs.append(wall_ref)
            theirs_cpu.append(cpu)
            ratios.append(wall / wall_ref)
        ours_rss, theirs_rss = peak_rss(ours_command, stdin), peak_rss(theirs_command, None)
        size = path.stat().st_size / 1e6
        ratio = statistics.median(ours) / statistics.median(theirs)
        cpu_ratio = statistics.median(ours_cpu) / max(statistics.median(theirs_cpu), 1e-6)
        print(f"{name} ({path.name}, {size:.2f} MB): rtl-reader cat {statistics.median(ours):.3f} s"
              f" (peak RSS {ours_rss / 1024:.0f} MiB), fribidi {statistics.median(theirs):.3f} s"
              f" (peak RSS {theirs_rss / 1024:.0f} MiB): {ratio:.1f}x "
              f"(median of pair ratios {statistics.median(ratios):.1f}x; "
              f"target <= {TARGETS.get(name, 5.0):.0f}x); CPU time "
              f"{statistics.median(ours_cpu):.3f} s against {statistics.median(theirs_cpu):.3f} s"
              f": {cpu_ratio:.1f}x")
        if args.instructions:
            ours_count = instructions(ours_command, stdin)
            theirs_count = instructions(theirs_command, None)
            print(f"  instructions: {ours_count / 1e9:.3f} G against {theirs_count / 1e9:.3f} G"
                  f": {ours_count / max(theirs_count, 1):.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
