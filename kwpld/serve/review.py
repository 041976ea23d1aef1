"""The routes of ``/review``: pages over a :class:`~kwpld.serve.workbench.Workbench`.

Every page is a plain HTML page with forms (POST, each with the CSRF token of its session
and the folder's version); after a decision the browser is sent back to the page it came
from (Post/Redirect/Get), which then says what was written, in a status region that screen
readers announce. A refused decision (the folder changed, a draft that needs another) is
answered with the reason and a way back, and writes nothing.
"""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from ..errors import KwpldError
from .web import Server, form_fields, local_path, page, server_of
from .workbench import Stale, Workbench

__all__ = ["routes"]


def _server(request: Request) -> Server:
    return server_of(request)


def _workbench(request: Request) -> Workbench | None:
    return _server(request).workbench


def _session(request: Request) -> str:
    return str(request.scope.get("state", {}).get("session", ""))


def _page(request: Request, template: str, page_title: str, **context: Any) -> Response:
    server = _server(request)
    workbench = server.workbench
    assert workbench is not None
    return page(
        request,
        template,
        "review",
        page_title,
        version=workbench.version(),
        message=server.flash.take(_session(request)),
        reviewer=server.reviewers.get(_session(request)) or workbench.reviewer or "",
        **context,
    )


def _records(server: Server) -> dict[str, tuple[str, str]]:
    """The graph's entities, id -> (kind, label): what a draft may be merged into."""
    return {e.ref.id: (e.ref.kind, e.label) for e in server.site.site.data.entities.values()}


def _not_here() -> Response:
    return PlainTextResponse(
        "the workbench works on a data folder (kwpld.yaml); this server serves a release\n", 404
    )


async def overview(request: Request) -> Response:
    workbench = _workbench(request)
    if workbench is None:
        return _not_here()
    articles = await asyncio.to_thread(workbench.articles)
    broken = await asyncio.to_thread(workbench.broken)
    links = await asyncio.to_thread(workbench.link_entities)
    open_links = sum(1 for e in links if e.linked is None and e.candidates)
    return _page(
        request,
        "review.html",
        "Review",
        articles=articles,
        broken=broken,
        links=links,
        open_links=open_links,
    )


async def article(request: Request) -> Response:
    workbench = _workbench(request)
    if workbench is None:
        return _not_here()
    records = _records(_server(request))
    view = await asyncio.to_thread(workbench.article, request.path_params["article"], records)
    if view is None:
        return PlainTextResponse("no ingested article has this id\n", 404)
    return _page(request, "article.html", view.title, article=view)


async def links(request: Request) -> Response:
    workbench = _workbench(request)
    if workbench is None:
        return _not_here()
    entities = await asyncio.to_thread(workbench.link_entities)
    return _page(request, "links.html", "Wikidata links", entities=entities)


async def _fields(request: Request) -> dict[str, str]:
    return {k: v[0] for k, v in (await form_fields(request)).items() if v}


def _back(fields: dict[str, str], default: str) -> str:
    return local_path(fields.get("next"), default)


async def _decide(request: Request, fields: dict[str, str], action: Any, back: str) -> Response:
    """Run a decision in a worker thread; redirect back with its message, or show why not."""
    server = _server(request)
    try:
        message = await asyncio.to_thread(action)
    except Stale as exc:
        status, error = 409, _said(exc)
    except KwpldError as exc:
        status, error = 400, _said(exc)
    else:
        server.flash.put(_session(request), message)
        return RedirectResponse(back, 303)
    response = page(request, "refused.html", "review", "Not done", error=error, back=back)
    response.status_code = status
    return response


async def decide_draft(request: Request) -> Response:
    """Accept (with or without what it needs), reject, rename or merge a draft."""
    workbench = _workbench(request)
    if workbench is None:
        return _not_here()
    fields = await _fields(request)
    draft, version, action = (
        fields.get("draft", ""),
        fields.get("version", ""),
        fields.get("action"),
    )
    back = _back(fields, "/review")
    if action == "accept":
        return await _decide(request, fields, lambda: workbench.accept(version, draft), back)
    if action == "accept-with-dependencies":
        return await _decide(
            request,
            fields,
            lambda: workbench.accept(version, draft, with_dependencies=True),
            back,
        )
    if action == "reject":
        return await _decide(request, fields, lambda: workbench.reject(version, draft), back)
    if action == "rename":
        name = fields.get("name", "")
        records = _records(_server(request))
        return await _decide(
            request, fields, lambda: workbench.rename(version, draft, name, records), back
        )
    if action == "merge":
        into = fields.get("into", "")
        return await _decide(request, fields, lambda: workbench.merge(version, draft, into), back)
    return PlainTextResponse("unknown action\n", 400)


async def decide_link(request: Request) -> Response:
    """Accept or reject a Wikidata candidate."""
    workbench = _workbench(request)
    if workbench is None:
        return _not_here()
    server = _server(request)
    fields = await _fields(request)
    reviewer = " ".join(fields.get("reviewer", "").split()) or None
    if reviewer:
        server.reviewers[_session(request)] = reviewer
    decision = fields.get("decision", "")
    if decision not in ("accept", "reject"):
        return PlainTextResponse("the decision is accept or reject\n", 400)
    return await _decide(
        request,
        fields,
        lambda: workbench.decide_link(
            fields.get("version", ""),
            fields.get("entity", ""),
            fields.get("qid", ""),
            decision,
            reviewer,
        ),
        _back(fields, "/review/links"),
    )


def _said(exc: KwpldError) -> str:
    """The error as the command line says it, without its ``kwpld:`` prefix."""
    text = exc.render()
    return text[len("kwpld: ") :] if text.startswith("kwpld: ") else text


def routes() -> list[Route]:
    return [
        Route("/review", overview, name="review"),
        Route("/review/article/{article}", article, name="review-article"),
        Route("/review/links", links, name="review-links"),
        Route("/review/draft", decide_draft, methods=["POST"], name="review-draft"),
        Route("/review/link", decide_link, methods=["POST"], name="review-link"),
    ]
