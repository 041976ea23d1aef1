"""Run independent work in forked processes: kwpld's one runner of parallel tasks.

Writing a release's formats, writing the release while the graph is validated, evaluating
shapes, running pyshacl on parts of the focus nodes: each is work that reads large data
already in memory (a million sorted quads, a predicate index) and returns something small. A
forked child inherits that memory without pickling it; only the result travels back, pickled,
through a pipe. Everything here is built on :class:`Forked`:

- :class:`Forked` runs one function in a child; ``result()`` waits for it, ``cancel()`` kills it;
- :func:`run_tasks` shares :class:`Task` s out between ``jobs`` processes by their estimated
  cost, the calling process taking the first share, and returns their results in task order.

A child that fails sends its exception back, which ``result()`` raises in the parent (with the
child's traceback attached as a note); :func:`run_tasks` kills the other children first, so
nothing writes on after the caller sees the error. Children also die with their parent (Linux
``PR_SET_PDEATHSIG``), so a build killed with ``kill -9`` leaves no worker behind. Where
processes cannot be forked (:func:`fork_available`), the work runs in the calling process.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import resource
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, Generic, TypeVar

__all__ = [
    "Forked",
    "Task",
    "TaskResult",
    "WorkerError",
    "WorkerMemory",
    "fork_available",
    "gc_paused",
    "plan_groups",
    "run_tasks",
]

T = TypeVar("T")


def fork_available() -> bool:
    return hasattr(os, "fork") and sys.platform != "win32"


class WorkerError(RuntimeError):
    """A worker process failed without an exception that could be sent back (or was killed)."""


class Forked(Generic[T]):
    """``fn()`` running in a forked child; ``result()`` waits for it and returns its value.

    An exception in the child is raised again by ``result()``, with the child's traceback
    attached as a note. ``cancel()`` kills the child (and is harmless once it has finished).
    Objects alive at the fork are frozen out of garbage collection meanwhile, so that no
    collection in the child writes to (and so copies) every page of the shared data.
    """

    def __init__(self, fn: Callable[[], T]) -> None:
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        parent = os.getpid()
        thaw = gc.get_freeze_count() == 0
        gc.freeze()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            if thaw:
                gc.unfreeze()
            raise
        if pid == 0:  # the child: never returns
            os.close(read)
            _child(fn, parent, write)
        if thaw:
            gc.unfreeze()
        os.close(write)
        self.pid = pid
        self._read = read
        self._done = False

    def result(self) -> T:
        with os.fdopen(self._read, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self._done = True
        if not payload:
            code = os.waitstatus_to_exitcode(status)
            raise WorkerError(f"a worker process ended without a result (exit code {code})")
        message = pickle.loads(payload)
        if message[0] == "ok":
            value: T = message[1]
            return value
        _, exc, text = message
        exc.add_note(f"in a worker process:\n{text}")
        raise exc

    def cancel(self) -> None:
        if self._done:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self._read)
        self._done = True


def _child(fn: Callable[[], object], parent: int, write: int) -> None:
    """Run ``fn`` and send its value (or its exception) to the parent; then exit at once."""
    status = 0
    try:
        _die_with_parent(parent)
        try:
            payload = pickle.dumps(("ok", fn()))
        except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
            status = 1
            text = traceback.format_exc()
            try:
                payload = pickle.dumps(("error", exc, text))
            except Exception:  # noqa: BLE001 - an exception that does not pickle
                error = WorkerError(f"{type(exc).__name__}: {exc}")
                payload = pickle.dumps(("error", error, text))
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
    finally:
        os._exit(status)  # no atexit handlers, no return into the parent's code


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies (best effort elsewhere)."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the request: nobody will send it
        os._exit(1)


# -- tasks shared out between processes ---------------------------------------------------------
@dataclass(frozen=True)
class Task:
    """One independent piece of work: ``run()`` returns a small, picklable result.

    ``cost`` is an estimate in any unit (only ratios between tasks matter)."""

    name: str
    cost: float
    run: Callable[[], Any]


@dataclass(frozen=True)
class WorkerMemory:
    """Memory of one worker process when it finished, in MB."""

    worker: int
    peak_rss: float
    """Peak resident set (pages shared with the parent included)."""
    private: float | None
    """Pages of its own (copied on write or allocated), where Linux says (``smaps_rollup``)."""


def _memory(worker: int) -> WorkerMemory:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    private = None
    with contextlib.suppress(OSError, ValueError, KeyError):
        fields = {}
        for line in Path("/proc/self/smaps_rollup").read_text().splitlines()[1:]:
            name, _, value = line.partition(":")
            fields[name] = int(value.split()[0])
        private = (fields["Private_Clean"] + fields["Private_Dirty"]) / 1024
    return WorkerMemory(worker, round(peak, 1), None if private is None else round(private, 1))


@dataclass(frozen=True)
class TaskResult:
    name: str
    value: Any
    seconds: float
    """Wall time of the task in the process that ran it."""
    cpu: float
    """CPU time of the task in the process that ran it."""
    worker: int
    memory: WorkerMemory | None = None
    """For the last task of a forked worker: the worker's memory when it finished."""


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No garbage-collection passes meanwhile, and none owed afterwards for it.

    Writing a release allocates millions of short-lived containers while millions of
    long-lived tuples are alive: each full collection would walk all of them, for nothing
    (the writers make no reference cycles). The objects alive at the start are also frozen
    (``gc.freeze``) until the end, unless the caller froze some already: otherwise the
    allocations counted meanwhile would set off a full collection of the whole graph (0.7 s
    at a million quads) on the first allocation after this step. The objects made meanwhile
    that are still alive at the end (the records a loader returns) go to the oldest
    generation with them (frozen, then unfrozen, with the others): left in the youngest, the
    first allocation afterwards would walk every one of them (0.5 s after loading 231,050
    records).
    """
    global _paused
    enabled = gc.isenabled()
    gc.disable()
    # Inside another pause the objects are frozen already; ``gc.get_freeze_count`` would
    # walk every one of them to say so (10 ms and more a call in a rebuild), so it is asked
    # only of an outermost pause.
    freeze = _paused == 0 and gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    _paused += 1
    try:
        yield
    finally:
        _paused -= 1
        if freeze:
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


_paused = 0
"""How many :func:`gc_paused` are open (in this process: a forked child inherits it)."""


def plan_groups(tasks: Sequence[Task], jobs: int, head_start: float = 0.0) -> list[list[Task]]:
    """Share tasks out between ``jobs`` processes so that the busiest has the least to do.

    Largest first, each to the least loaded process; then single tasks are moved or swapped
    between the busiest process and the others while that lowers the busiest one's load.
    ``head_start`` is work the first group's process has besides its tasks (the calling
    process's work after them), in the tasks' unit of cost. Deterministic; empty groups are
    dropped.
    """
    groups: list[list[Task]] = [[] for _ in range(max(1, jobs))]
    loads = [0.0] * len(groups)
    loads[0] = head_start
    for task in sorted(tasks, key=lambda t: -t.cost):
        i = loads.index(min(loads))
        groups[i].append(task)
        loads[i] += task.cost
    for _ in range(4 * len(tasks)):
        if not _improve(groups, loads):
            break
    return [sorted(g, key=lambda t: -t.cost) for g in groups if g]


def _improve(groups: list[list[Task]], loads: list[float]) -> bool:
    """One move or swap that lowers the busiest load without raising another above it."""
    busiest = loads.index(max(loads))
    top = loads[busiest]
    best: tuple[float, int, Task, Task | None] | None = None
    for other in range(len(groups)):
        if other == busiest:
            continue
        for task in groups[busiest]:
            moves: list[Task | None] = [None, *groups[other]]
            for back in moves:
                delta = task.cost - (back.cost if back else 0.0)
                new_top = max(top - delta, loads[other] + delta)
                if delta > 0 and new_top < top - 1e-9 and (best is None or new_top < best[0]):
                    best = (new_top, other, task, back)
    if best is None:
        return False
    _, other, task, back = best
    groups[busiest].remove(task)
    groups[other].append(task)
    loads[busiest] -= task.cost
    loads[other] += task.cost
    if back is not None:
        groups[other].remove(back)
        groups[busiest].append(back)
        loads[other] -= back.cost
        loads[busiest] += back.cost
    return True


def _run_group(group: Sequence[Task], worker: int) -> list[TaskResult]:
    results = []
    for task in group:
        wall, cpu = time.perf_counter(), time.process_time()
        value = task.run()
        results.append(
            TaskResult(
                task.name,
                value,
                time.perf_counter() - wall,
                time.process_time() - cpu,
                worker,
            )
        )
    return results


def _run_worker(group: Sequence[Task], worker: int) -> list[TaskResult]:
    """A forked worker's share, with its memory measured at the end."""
    gc.disable()  # short-lived, and its tasks make no cycles: collections would only copy pages
    results = _run_group(group, worker)
    results[-1] = replace(results[-1], memory=_memory(worker))
    return results


def run_tasks(tasks: Sequence[Task], jobs: int = 1, after: float = 0.0) -> list[TaskResult]:
    """Run every task and return their results in the order of ``tasks``.

    With ``jobs > 1`` (and where processes can be forked) the tasks run in up to ``jobs``
    processes at once; this process takes a share that leaves room for ``after``, the cost
    (in the tasks' unit) of what the caller does once the tasks are done. The first error
    raised by any task is raised here, after every worker has stopped.
    """
    if jobs <= 1 or len(tasks) <= 1 or not fork_available():
        return _run_group(tasks, 0)
    groups = plan_groups(tasks, jobs, head_start=after)
    workers: list[Forked[list[TaskResult]]] = []
    results: list[TaskResult] = []
    try:
        for number, group in enumerate(groups[1:], start=1):
            workers.append(Forked(partial(_run_worker, group, number)))
        results.extend(_run_group(groups[0], 0))
        for worker in workers:
            results.extend(worker.result())
    finally:
        for worker in workers:
            worker.cancel()
    order = {task.name: i for i, task in enumerate(tasks)}
    return sorted(results, key=lambda r: order[r.name])
