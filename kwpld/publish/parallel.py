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
import pickle
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

__all__ = ["Task", "TaskResult", "run_tasks", "plan_groups", "gc_paused"]


@dataclass(frozen=True)
class Task:
    """One independent piece of work: ``run()`` returns a small, picklable result."""

    name: str
    cost: float
    run: Callable[[], Any]


@dataclass(frozen=True)
class TaskResult:
    name: str
    value: Any
    seconds: float
    """Wall time of the task in the process that ran it."""
    cpu: float
    """CPU time of the task in the process that ran it."""
    worker: int


class WorkerError(RuntimeError):
    """A worker process failed without an exception that could be sent back."""


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No garbage-collection passes meanwhile.

    Writing a release allocates millions of short-lived containers while millions of
    long-lived tuples are alive: each full collection would walk all of them, for nothing
    (the writers make no reference cycles).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def plan_groups(tasks: Sequence[Task], jobs: int) -> list[list[Task]]:
    """Share tasks out between ``jobs`` processes: largest first, each to the least loaded.

    Deterministic (ties go to the lower process number); empty groups are dropped.
    """
    groups: list[list[Task]] = [[] for _ in range(max(1, jobs))]
    loads = [0.0] * len(groups)
    for task in sorted(tasks, key=lambda t: -t.cost):
        i = loads.index(min(loads))
        groups[i].append(task)
        loads[i] += task.cost
    return [g for g in groups if g]


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


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (best effort elsewhere)."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _worker(group: Sequence[Task], worker: int, send: Connection) -> None:
    _die_with_parent()
    gc.disable()
    try:
        send.send(("ok", _run_group(group, worker)))
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
    gc.freeze()
    try:
        for number, group in enumerate(groups[1:], start=1):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(
                target=_worker, args=(group, number, send), daemon=True, name=f"kwpld-{number}"
            )
            process.start()
            send.close()
            workers.append((process, receive))
    finally:
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
