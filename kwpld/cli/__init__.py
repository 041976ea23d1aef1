"""The ``kwpld`` command: a thin layer over the library, one module per command group.

Every command parses its options, calls one library function and prints the result. Errors
the user can fix (:class:`~kwpld.errors.KwpldError`) are printed as sentences, with exit code 2
for bad input, never as a traceback.
"""

from __future__ import annotations

import os
import sys

from ..errors import KwpldError
from . import build as _build
from . import chart as _chart
from . import ingest as _ingest
from . import link as _link
from . import publish as _publish
from . import site as _site
from . import synth as _synth
from . import validate as _validate
from ._common import app, err_console

__all__ = ["app", "main"]

_build.register(app)
_link.register(app)
_publish.register(app)
_synth.register(app)
_chart.register(app)
_site.register(app)
_validate.register(app)
_ingest.register(app)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``kwpld`` console script."""
    try:
        app(args=argv, prog_name="kwpld")
    except KwpldError as exc:
        err_console.print(
            exc.render() if hasattr(exc, "render") else str(exc), markup=False, highlight=False
        )
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:
        err_console.print("kwpld: interrupted; nothing was published", markup=False)
        raise SystemExit(130) from None
    except Exception as exc:  # a bug, not bad input: say so briefly
        if os.environ.get("KWPLD_DEBUG"):
            raise
        err_console.print(
            f"kwpld: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in kwpld; run again with KWPLD_DEBUG=1 to see the traceback.",
            markup=False,
            highlight=False,
        )
        raise SystemExit(70) from None


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
