"""``kwpld serve``: one local server for scholars — a SPARQL endpoint, the browse site served
live, and the review workbench on a data folder. See :func:`serve` and docs/serve.md.

The web stack (Starlette, uvicorn, Jinja2) is imported only when a server starts, so that
``kwpld --help`` and the other commands do not pay for it.
"""

from __future__ import annotations

from .options import ServeOptions
from .server import BackgroundServer, ServeResult, serve

__all__ = ["BackgroundServer", "ServeOptions", "ServeResult", "serve"]
