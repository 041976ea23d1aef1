"""Measure the window in which a release folder being replaced is missing, both ways.

    python bench/swap_window.py                 # 2,000 commits of each method
    python bench/swap_window.py --commits 500 --files 200 --json swap.json

``StagedDirectory.commit`` replaces an existing folder with one ``renameat2(RENAME_EXCHANGE)``
(Linux; ``renamex_np(RENAME_SWAP)`` on macOS); the baseline, measured in the same run, is the
two renames kwpld used before and still uses where no exchange exists (the folder moved aside,
the new one moved in). For each method the script commits a staged folder of ``--files``
files over the target ``--commits`` times while a second thread stats the target's
``manifest.json`` as fast as it can, and reports:

- ``missing``: how many of the reader's looks found the folder missing, and the share of all
  its looks;
- ``window``: the time between the two renames (the baseline's window; none for the
  exchange, which is one system call);
- ``commit``: the time of a whole commit (the old folder removed included), and the ratio of
  the exchange's to the baseline's.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from kwpld import atomic
from kwpld.atomic import StagedDirectory


def measure(method: str, commits: int, files: int, root: Path) -> dict[str, Any]:
    target = root / f"dist-{method}"
    marker = target / "manifest.json"
    windows: list[float] = []
    commit_times: list[float] = []
    real_exchange = atomic.exchange
    if method == "two-renames":
        atomic.exchange = lambda a, b: False  # type: ignore[assignment]
    real_rename = Path.rename

    def timed_rename(self: Path, other: str | os.PathLike[str]) -> Path:
        # the window is from moving the old folder aside to moving the new one in
        result = real_rename(self, other)
        if ".old-" in str(other):
            timed_rename.started = time.perf_counter()  # type: ignore[attr-defined]
        elif getattr(timed_rename, "started", None) is not None and Path(other) == target:
            windows.append(time.perf_counter() - timed_rename.started)  # type: ignore[attr-defined]
            timed_rename.started = None  # type: ignore[attr-defined]
        return result

    Path.rename = timed_rename  # type: ignore[method-assign]
    looks = missing = 0
    done = threading.Event()

    def read() -> None:
        nonlocal looks, missing
        while not done.is_set():
            looks += 1
            if not marker.exists():
                missing += 1

    try:
        for number in range(commits + 1):
            with StagedDirectory(target, ("manifest.json",)) as staged:
                for index in range(files):
                    (staged.path / f"part-{index:05d}.nt").write_bytes(b"<a> <b> <c> .\n")
                (staged.path / "manifest.json").write_text(str(number), "utf-8")
                start = time.perf_counter()
                staged.commit()
                if number:
                    commit_times.append(time.perf_counter() - start)
            if number == 0:
                reader = threading.Thread(target=read)
                reader.start()
    finally:
        done.set()
        reader.join()
        Path.rename = real_rename  # type: ignore[method-assign]
        atomic.exchange = real_exchange
        shutil.rmtree(target, ignore_errors=True)
    return {
        "method": method,
        "commits": commits,
        "looks": looks,
        "missing": missing,
        "missing_share": missing / looks if looks else 0.0,
        "window_median_us": statistics.median(windows) * 1e6 if windows else 0.0,
        "window_max_us": max(windows) * 1e6 if windows else 0.0,
        "commit_median_ms": statistics.median(commit_times) * 1e3,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--files", type=int, default=50, help="files per release folder")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    works = _exchange_works()
    if not works:
        print("this system has no atomic exchange of two paths; only the baseline runs")
    with tempfile.TemporaryDirectory(prefix="kwpld-swap-") as tmp:
        results = [measure("two-renames", args.commits, args.files, Path(tmp))]
        if works:
            results.append(measure("exchange", args.commits, args.files, Path(tmp)))
    for r in results:
        print(
            f"{r['method']:12}  missing {r['missing']:6d} of {r['looks']:9d} looks "
            f"({r['missing_share']:.4%})  window median {r['window_median_us']:7.1f} µs, "
            f"max {r['window_max_us']:8.1f} µs  commit median {r['commit_median_ms']:.3f} ms"
        )
    if len(results) == 2:
        ratio = results[1]["commit_median_ms"] / results[0]["commit_median_ms"]
        print(f"commit time, exchange / two renames: {ratio:.2f}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    return 0


def _exchange_works() -> bool:
    with tempfile.TemporaryDirectory(prefix="kwpld-swap-probe-") as tmp:
        a, b = Path(tmp, "a"), Path(tmp, "b")
        a.mkdir()
        b.mkdir()
        return atomic.exchange(a, b)


if __name__ == "__main__":
    sys.exit(main())
