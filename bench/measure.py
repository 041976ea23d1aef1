"""Run a command as a child process and measure it: wall time, CPU time and peak memory.

Shared by the flat benchmark (``bench/flat.py``), the growth harness (``bench/growth.py``)
and the sharded run (``bench/sharded.py``). Memory is measured two ways, because the tools
under test use several processes:

- ``max_rss_mb``: the largest peak resident set of any one process of the child's tree
  (``wait4``'s ``ru_maxrss``: Linux keeps the maximum over the child and the descendants it
  waited for), the figure ``/usr/bin/time -v`` prints;
- ``tree_pss_mb``: the peak, over samples every ``interval`` seconds, of the proportional set
  size summed over the whole process tree (``/proc/PID/smaps_rollup``): pages shared between
  forked workers count once, so this is what the tool as a whole holds. Sampling can miss a
  peak shorter than the interval. Reading ``smaps_rollup`` walks the process's page tables,
  so the pause between samples is at least 0.5 s and at least 20 times what the last sample
  cost (on a loaded machine, sampling every 0.5 s took a third as much CPU as the build it
  measured).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Measured", "measure", "machine_load"]


@dataclass
class Measured:
    wall: float
    cpu: float
    max_rss_mb: float
    tree_pss_mb: float
    returncode: int
    stderr: str


def _children(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError):
                text = Path(f"/proc/{pid}/task/{task}/children").read_text()
                found.extend(int(x) for x in text.split())
    return found


def _tree(pid: int) -> list[int]:
    todo, seen = [pid], []
    while todo:
        current = todo.pop()
        seen.append(current)
        todo.extend(_children(current))
    return seen


def _pss_kb(pid: int) -> int:
    with contextlib.suppress(OSError, ValueError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def measure(
    command: list[str],
    *,
    cwd: str | Path | None = None,
    env: dict[str, str] | None = None,
    interval: float = 0.5,
) -> Measured:
    """Run ``command`` to its end; its stdout is discarded, its stderr kept (for errors)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        pause = interval
        while not done.wait(pause):
            began = time.process_time()
            total = sum(_pss_kb(pid) for pid in _tree(process.pid))
            peak = max(peak, total)
            # reading smaps_rollup walks the page tables: at several GB it costs tens of ms,
            # so the pause grows with it and sampling stays under about 5% of a core
            pause = max(interval, 20 * (time.process_time() - began))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert process.stderr is not None
    stderr = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Measured(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        max_rss_mb=usage.ru_maxrss / 1024,
        tree_pss_mb=peak / 1024,
        returncode=process.returncode,
        stderr=stderr[-4000:],
    )


def machine_load() -> float:
    """The 1-minute load average: other work on the machine while we measure."""
    return round(os.getloadavg()[0], 2)


def write_readme_section(name: str, text: str) -> None:
    """Put ``text`` between the ``<!-- NAME: begin -->`` and ``<!-- NAME: end -->`` marks of
    bench/README.md (left alone when it has no such marks): where each benchmark keeps its
    latest table."""
    readme = Path(__file__).resolve().parent / "README.md"
    begin, end = f"<!-- {name}: begin -->", f"<!-- {name}: end -->"
    current = readme.read_text(encoding="utf-8") if readme.exists() else ""
    if begin in current and end in current:
        head, rest = current.split(begin, 1)
        _, tail = rest.split(end, 1)
        readme.write_text(f"{head}{begin}\n{text}{end}{tail}", encoding="utf-8")
