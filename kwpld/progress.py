"""Progress of long stages, for people watching a terminal; silent otherwise.

The library reports through a :class:`Progress` object (stage names, totals, steps); the CLI
passes a rich progress display when standard error is a terminal and ``--quiet`` is not given,
and the library's default, :data:`SILENT`, does nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rich.progress import TaskID

__all__ = ["Progress", "SILENT", "RichProgress"]


class Progress(Protocol):
    def stage(self, name: str, total: int | None = None) -> None:
        """A new stage starts (``total`` steps, if known)."""

    def advance(self, steps: int = 1) -> None:
        """Steps of the current stage are done."""

    def finish(self) -> None:
        """All stages are done (or failed): clear the display."""


class _Silent:
    def stage(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass

    def finish(self) -> None:
        pass


SILENT: Progress = _Silent()


class RichProgress:
    """One progress line per stage on standard error, with elapsed time."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )
        from rich.progress import Progress as _RichProgress

        self._progress = _RichProgress(
            SpinnerColumn(),
            TextColumn("{task.description:<10}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._progress.start()
        self._task: TaskID | None = None

    def stage(self, name: str, total: int | None = None) -> None:
        if self._task is not None:
            task = self._progress.tasks[self._task]
            self._progress.update(self._task, completed=task.total or task.completed)
            self._progress.stop_task(self._task)
        self._task = self._progress.add_task(name, total=total)

    def advance(self, steps: int = 1) -> None:
        if self._task is not None:
            self._progress.advance(self._task, steps)

    def finish(self) -> None:
        self._progress.stop()
