"""Independent writing tasks, run in forked worker processes that share the sorted quads.

A release's formats are independent once the quads are sorted, so ``jobs`` processes write
them side by side. Workers are forked: they inherit the sorted lists (and everything else)
without pickling, and send back only what they wrote (paths, sizes, hashes, counts) through a
pipe. Tasks are shared out by their estimated cost, largest first, each to the least loaded
process; the calling process takes the first share itself.

A worker that fails makes the whole run fail: the others are stopped before the error is
raised, so nothing writes into the release folder after the caller sees the error (and the
caller's atomic folder is removed). Workers also die with their parent (Linux
``PR_SET_PDEATHSIG``), so a killed build leaves no writer behind.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import resource
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

__all__ = ["Task", "TaskResult", "WorkerMemory", "run_tasks", "plan_groups", "gc_paused"]


@dataclass(frozen=True)
class Task:
    """One independent piece of work: ``run()`` returns a small, picklable result."""

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
    with contextlib.suppress(OSError, ValueError):
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


class WorkerError(RuntimeError):
    """A worker process failed without an exception that could be sent back."""


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No garbage-collection passes meanwhile, and none owed afterwards for it.

    Writing a release allocates millions of short-lived containers while millions of
    long-lived tuples are alive: each full collection would walk all of them, for nothing
    (the writers make no reference cycles). The objects alive at the start are also frozen
    (``gc.freeze``) until the end, unless the caller froze some already: otherwise the
    allocations counted meanwhile would set off a full collection of the whole graph (0.7 s
    at a million quads) on the first allocation after this step.
    """
    enabled = gc.isenabled()
    gc.disable()
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    try:
        yield
    finally:
        if freeze:
            gc.unfreeze()
        if enabled:
            gc.enable()


def plan_groups(tasks: Sequence[Task], jobs: int) -> list[list[Task]]:
    """Share tasks out between ``jobs`` processes so that the busiest has the least to do.

    Largest first, each to the least loaded process; then single tasks are moved or swapped
    between the busiest process and the others while that lowers the busiest one's load.
    Deterministic; empty groups are dropped.
    """
    groups: list[list[Task]] = [[] for _ in range(max(1, jobs))]
    loads = [0.0] * len(groups)
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


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies (best effort elsewhere)."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the request: nobody will send it
        os._exit(1)


def _worker(group: Sequence[Task], worker: int, parent: int, send: Connection) -> None:
    _die_with_parent(parent)
    gc.disable()
    try:
        results = _run_group(group, worker)
        results[-1] = replace(results[-1], memory=_memory(worker))
        send.send(("ok", results))
    except BaseException as exc:  # reported by the parent, which raises
        try:
            pickle.loads(pickle.dumps(exc))  # the parent must be able to raise it as it is
            send.send(("error", exc))
        except Exception:
            send.send(("error", WorkerError(f"{type(exc).__name__}: {exc}")))
    finally:
        send.close()


def run_tasks(tasks: Sequence[Task], jobs: int = 1) -> list[TaskResult]:
    """Run every task and return their results in the order of ``tasks``.

    With ``jobs > 1`` (and where processes can be forked) the tasks run in up to ``jobs``
    processes at once. The first error raised by any task is raised here, after every worker
    has stopped.
    """
    if jobs <= 1 or len(tasks) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return _run_group(tasks, 0)
    groups = plan_groups(tasks, jobs)
    context = multiprocessing.get_context("fork")
    workers: list[tuple[multiprocessing.process.BaseProcess, Connection]] = []
    # Objects alive now are never collected in the workers: freezing them keeps a collection
    # from writing to (and so copying) every page of the shared quads.
    thaw = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        for number, group in enumerate(groups[1:], start=1):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(
                target=_worker,
                args=(group, number, os.getpid(), send),
                daemon=True,
                name=f"kwpld-{number}",
            )
            process.start()
            send.close()
            workers.append((process, receive))
    finally:
        if thaw:
            gc.unfreeze()
    results: list[TaskResult] = []
    try:
        results.extend(_run_group(groups[0], 0))
        for process, receive in workers:
            try:
                status, value = receive.recv()
            except EOFError:
                status, value = (
                    "error",
                    WorkerError(f"a writer process died (exit code {process.exitcode})"),
                )
            process.join()
            if status != "ok":
                raise value
            results.extend(value)
    except BaseException:
        _stop(workers)
        raise
    order = {task.name: i for i, task in enumerate(tasks)}
    return sorted(results, key=lambda r: order[r.name])


def _stop(workers: Sequence[tuple[multiprocessing.process.BaseProcess, Connection]]) -> None:
    for process, receive in workers:
        receive.close()
        if process.is_alive():
            process.terminate()
    for process, _ in workers:
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join()
