"""What the server's routes share: the :class:`Server` state, its pages, its forms.

A module of its own so that the routes of the site, the query page and the workbench
(:mod:`kwpld.serve.app`, :mod:`kwpld.serve.review`) depend on it and not on each other.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import Response

from .dataset import ServedGraph
from .options import ServeOptions
from .pages import render
from .site import LiveSite
from .sparql import QueryEngine
from .workbench import Workbench

__all__ = ["Flash", "Server", "form_fields", "local_path", "page", "server_of"]


class Flash:
    """The message of the last decision, per session, shown once on the next page."""

    def __init__(self) -> None:
        self._messages: dict[str, str] = {}
        self._lock = threading.Lock()

    def put(self, session: str, message: str) -> None:
        with self._lock:
            if len(self._messages) > 1000:
                self._messages.clear()
            self._messages[session] = message

    def take(self, session: str) -> str | None:
        with self._lock:
            return self._messages.pop(session, None)


@dataclass
class Server:
    """What the routes share: the graph, the query engine, the site and the options."""

    graph: ServedGraph
    engine: QueryEngine
    site: LiveSite
    options: ServeOptions
    workbench: Workbench | None = None
    flash: Flash = field(default_factory=Flash)
    reviewers: dict[str, str] = field(default_factory=dict)
    """The name each session decides under (asked once on the Wikidata page)."""


def server_of(request: Request) -> Server:
    server: Server = request.app.state.server
    return server


def page(
    request: Request, template: str, section: str, page_title: str, **context: Any
) -> Response:
    """An HTML page of the server's own, with what every page shows (title, navigation,
    the graph's status, the CSRF token for its forms)."""
    server = server_of(request)
    graph = server.graph.chart_graph
    status = server.graph.status
    html = render(
        template,
        title=graph.title or graph.dataset_id or "kwpld",
        page_title=page_title,
        section=section,
        status=status.describe(),
        state=status.state,
        csrf_token=request.scope.get("state", {}).get("csrf_token", ""),
        writable=server.graph.writable,
        endpoint=str(request.url_for("sparql")),
        here=request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        **context,
    )
    return Response(html, media_type="text/html; charset=utf-8")


async def form_fields(request: Request) -> dict[str, list[str]]:
    """The fields of a form POST (urlencoded; the guard has bounded its size)."""
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media != "application/x-www-form-urlencoded":
        return {}
    try:
        text = (await request.body()).decode("utf-8")
    except UnicodeDecodeError:
        return {}
    return parse_qs(text, keep_blank_values=True)


def local_path(value: str | None, default: str = "/") -> str:
    """A path on this server to go back to; anything else (another site) is ``default``."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return default
    return value
