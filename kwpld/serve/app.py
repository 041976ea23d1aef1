"""The web application: routes over a :class:`~kwpld.serve.dataset.ServedGraph`.

Starlette, because it is a small, typed, well-kept ASGI toolkit (routing, requests,
responses, background work) with no opinion on templates or forms: the server's pages use
Jinja2, as the static site does, and the few forms are parsed here from bodies whose size
the :class:`~kwpld.serve.security.Guard` bounds. uvicorn runs it (see
:mod:`kwpld.serve.server`).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from . import query as query_pages
from .dataset import ServedGraph
from .options import ServeOptions
from .pages import STATIC, static_file
from .review import routes as review_routes
from .security import Guard, SecurityPolicy, loopback_hosts
from .site import LiveSite
from .sparql import ProtocolError, QueryEngine, QueryRequest, Table, negotiate, parse_request
from .web import Server, form_fields, local_path, page, server_of
from .workbench import Workbench

__all__ = ["Server", "create_app"]


def _error(exc: ProtocolError) -> Response:
    return PlainTextResponse(exc.message + "\n", exc.status, headers=exc.headers)


async def sparql(request: Request) -> Response:
    """The SPARQL 1.1 Protocol endpoint (query operation only)."""
    server: Server = request.app.state.server
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    accept = request.headers.get("accept")
    if (
        request.method == "GET"
        and not params
        and negotiate(accept, ["text/html"])
        and ("text/html" in (accept or ""))
    ):
        return RedirectResponse("/query", 303)  # a person opening the endpoint in a browser
    body = await request.body() if request.method == "POST" else b""
    try:
        query = parse_request(request.method, request.headers.get("content-type"), params, body)
        answer = await server.engine.run(query, accept)
    except ProtocolError as exc:
        return _error(exc)
    headers = {"Vary": "Accept"}
    if params.get("download"):
        extension = {"ntriples": "nt", "turtle": "ttl", "rdfxml": "rdf"}.get(answer.format)
        headers["Content-Disposition"] = (
            f'attachment; filename="query-results.{extension or answer.format}"'
        )
    return Response(answer.body, media_type=answer.media_type, headers=headers)


async def status(request: Request) -> Response:
    """The graph's state as JSON, for the status line to follow a rebuild."""
    graph = server_of(request).graph
    state = graph.status
    return JSONResponse(
        {"state": state.state, "generation": state.generation, "text": state.describe()},
        headers={"Cache-Control": "no-store"},
    )


async def static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STATIC:
        return PlainTextResponse("no such file\n", 404)
    return Response(static_file(name), media_type=STATIC[name])


async def query_page(request: Request) -> Response:
    """The query page: examples, the editor, the answer as a table (see kwpld.serve.query)."""
    server: Server = request.app.state.server
    params = request.query_params
    chosen = query_pages.example(params.get("example", ""))
    text = params.get("query") or (chosen.text if chosen else "")
    if not text and query_pages.examples():
        text = query_pages.examples()[0].text
    answer: Table | None = None
    error = None
    status = 200
    if text and ("query" in params or chosen is not None):
        try:
            answer = await server.engine.table(QueryRequest(text), query_pages.ROWS_SHOWN)
        except ProtocolError as exc:
            error, status = exc.message, exc.status
    rows = (
        query_pages.cells(answer, server.graph.chart_graph.prefixes, server.site.site.data)
        if answer is not None
        else []
    )
    response = page(
        request,
        "query.html",
        "query",
        "Query",
        examples=query_pages.examples(),
        chosen=chosen.name if chosen else None,
        query=text,
        answer=answer,
        rows=rows,
        error=error,
        downloads=query_pages.downloads(text, answer.kind) if answer else [],
    )
    response.status_code = status
    return response


async def site_file(request: Request) -> Response:
    """A file of the browse site; an entity's IRI path by content negotiation."""
    server: Server = request.app.state.server
    site = server.site
    path = request.path_params.get("path") or "index.html"
    headers: dict[str, str] = {}
    if site.entity(path) is not None:
        chosen = site.representation(path, request.headers.get("accept"))
        headers = {
            "Vary": "Accept",
            "Content-Location": f"/{chosen}",
            "Link": ", ".join(
                f'</{path}{suffix}>; rel="alternate"; type="{media}"'
                for media, suffix in (
                    ("text/html", ".html"),
                    ("text/turtle", ".ttl"),
                    ("application/ld+json", ".jsonld"),
                )
            ),
        }
        path = chosen
    found = await asyncio.to_thread(site.file, path)
    if found is None:
        return PlainTextResponse("no such page in this dataset\n", 404)
    return Response(found.body, media_type=found.media_type, headers=headers)


async def _watch(graph: ServedGraph, interval: float) -> None:
    """Rebuild the graph when a record file changes on disk (an edit in another program)."""
    while True:
        await asyncio.sleep(interval)
        if graph.status.state != "rebuilding" and await asyncio.to_thread(graph.changed_on_disk):
            graph.refresh()


async def refresh(request: Request) -> Response:
    """Rebuild the graph from the records now (the button under the status line)."""
    server: Server = request.app.state.server
    server.graph.refresh()
    fields = await form_fields(request)
    return RedirectResponse(local_path(next(iter(fields.get("next", [])), None)), 303)


def create_app(graph: ServedGraph, options: ServeOptions) -> Any:
    """The ASGI application for ``graph``: Starlette routes behind the security guard."""
    engine = QueryEngine(
        lambda: graph.store,
        timeout=options.timeout,
        max_bytes=options.max_size,
        workers=options.workers,
        prefixes=lambda: graph.chart_graph.prefixes,
    )
    links = (
        (("Query", "/query"), ("Review", "/review")) if graph.writable else (("Query", "/query"),)
    )
    server = Server(graph, engine, LiveSite(graph, links), options)
    if graph.writable:
        server.workbench = Workbench(
            graph.path,
            base_iri=graph.chart_graph.base_iri,
            reviewer=options.reviewer,
            after=graph.refresh,
        )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        watcher = None
        if graph.writable and options.watch > 0:
            watcher = asyncio.create_task(_watch(graph, options.watch))
        try:
            yield
        finally:
            if watcher is not None:
                watcher.cancel()
            engine.close()

    routes = [
        Route("/sparql", sparql, methods=["GET", "POST"], name="sparql"),
        Route("/static/{name}", static, name="static"),
        Route("/status", status, name="status"),
        Route("/refresh", refresh, methods=["POST"], name="refresh"),
        Route("/query", query_page, name="query"),
        *review_routes(),
        Route("/", site_file, name="home"),
        Route("/{path:path}", site_file, name="site"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.server = server
    hosts: set[str] | None = None
    if options.token is None:
        hosts = loopback_hosts(options.port)
        hosts |= {f"{h.lower()}:{options.port}" for h in options.allow_hosts}
        hosts |= {h.lower() for h in options.allow_hosts}
    policy = SecurityPolicy(
        hosts=hosts,
        token=options.token,
        max_body=options.max_body,
        secret=options.secret,
        cors_paths=("/sparql",) if options.cors else (),
    )
    return Guard(app, policy)


def query_link(query: str) -> str:
    return "/query?" + urlencode({"query": query})
