"""Run independent work in a forked process, to use a second core.

A forked child inherits the parent's memory (the sorted quads of a million-triple graph)
without pickling it; only the small result travels back through a pipe. Used by the build to
write the release while the parent validates the graph.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable
from typing import Any

__all__ = ["ForkedTask", "fork_available"]


def fork_available() -> bool:
    return hasattr(os, "fork") and sys.platform != "win32"


class ForkedTask:
    """``fn(*args)`` running in a forked child; ``result()`` waits for it and returns its value.

    An exception in the child is raised again in the parent, with the child's traceback text
    attached, when ``result()`` is called. ``cancel()`` stops the child.
    """

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(read)
            status = 0
            try:
                payload = pickle.dumps(("ok", fn(*args)))
            except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
                status = 1
                try:
                    payload = pickle.dumps(("error", exc, traceback.format_exc()))
                except Exception:  # noqa: BLE001 - an unpicklable exception
                    payload = pickle.dumps(
                        ("error", RuntimeError(repr(exc)), traceback.format_exc())
                    )
            try:
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(payload)
            finally:
                os._exit(status)
        os.close(write)
        self.pid = pid
        self._read = read
        self._done = False

    def result(self) -> Any:
        with os.fdopen(self._read, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(self.pid, 0)
        self._done = True
        if not payload:
            raise RuntimeError("the worker process ended without a result (killed?)")
        message = pickle.loads(payload)
        if message[0] == "ok":
            return message[1]
        _, exc, text = message
        if hasattr(exc, "add_note"):
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
