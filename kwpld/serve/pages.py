"""The server's own pages (query page, workbench) from Jinja2 templates with autoescape.

Templates and the stylesheet and script are data files in ``kwpld/serve/templates`` and
``kwpld/serve/static``. Autoescape is on for every template and undefined names are errors,
so text from the records, a query or an article is escaped wherever it is put.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from ..resources import resource_path

__all__ = ["STATIC", "environment", "render", "static_file"]

STATIC = {
    "serve.css": "text/css; charset=utf-8",
    "serve.js": "text/javascript; charset=utf-8",
}
"""The server's own static files, by name (nothing else under /static is served)."""


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(resource_path("kwpld/serve/templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


@cache
def static_file(name: str) -> bytes:
    """One of :data:`STATIC`, read once (a KeyError for any other name)."""
    STATIC[name]
    return resource_path(f"kwpld/serve/static/{name}").read_bytes()
