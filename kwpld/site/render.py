"""HTML pages of the browse site, from Jinja2 templates with autoescape.

The templates (``kwpld/site/templates/*.html``, shipped in the package) hold all markup; the
views (:mod:`kwpld.site.views`) hold all content, as plain text. Autoescape is on for every
template, so text from the records is escaped wherever it lands, in element text or in an
attribute, without anyone remembering to. The one thing passed through unescaped is a chart's
SVG, which :mod:`kwpld.charts.svg` writes with its own escaping (:func:`chart_markup`).

Plain HTML5 with one stylesheet and one script (the search); every link is relative, so the
site works from any folder of a web server and from the file system. Korean text carries
``lang`` attributes so browsers pick Korean fonts and line breaking.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

import jinja2
from markupsafe import Markup

from .collect import Entity, SiteData
from .views import Views

__all__ = ["Renderer", "chart_markup", "environment"]


@cache
def environment() -> jinja2.Environment:
    """The site's template environment (made once per process).

    ``StrictUndefined`` turns a misspelt name in a template into an error instead of an
    empty string, and templates are never reloaded: they are part of the package. The
    globals ``term``, ``terms`` and ``sources`` are the macros ``term_html``,
    ``terms_html`` and ``sources_html`` of ``macros.html`` behind a memo (:class:`_Memo`).
    """
    from ..resources import resource_path

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(resource_path("kwpld/site/templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.globals["term"] = _Memo(env, "term_html")
    env.globals["terms"] = _Memo(env, "terms_html")
    env.globals["sources"] = _Memo(env, "sources_html")
    return env


class _Memo:
    """A macro of ``macros.html`` that draws each distinct value once.

    Views are immutable and hashable, and a macro's output depends on its argument alone, so
    the markup can be reused: on the 2,798 pages of the 100k synthetic corpus, 80,000 values
    are drawn, most of them links and dates seen before, and the memo halves the time spent
    in templates. Bounded, so a long-running server does not grow without end.
    """

    def __init__(self, env: jinja2.Environment, macro: str, size: int = 1 << 16) -> None:
        self._env = env
        self._name = macro
        self._macro: Callable[[object], Markup] | None = None
        self._size = size
        self._made: dict[object, Markup] = {}

    def __call__(self, value: object) -> Markup:
        made = self._made.get(value)
        if made is None:
            if self._macro is None:  # the module of macros.html needs the globals set
                self._macro = getattr(self._env.get_template("macros.html").module, self._name)
            made = Markup(self._macro(value))
            if len(self._made) >= self._size:
                self._made.clear()
            self._made[value] = made
        return made


def chart_markup(svg: str) -> Markup:
    """A chart's SVG as markup to inline in a page, without its XML declaration.

    Safe to pass unescaped: the chart writer escapes every text and attribute it writes.
    """
    return Markup(svg.split("\n", 1)[1] if svg.startswith("<?xml") else svg)


class Renderer:
    """Renders the pages of one site: an entity's page or the index, each on its own."""

    def __init__(self, data: SiteData, site_title: str) -> None:
        self.data = data
        self.site_title = site_title
        self.views = Views(data)
        self.links: tuple[tuple[str, str], ...] = ()
        """(label, href) of pages beside the site, shown in every page's header: a server's
        query page and workbench (``kwpld serve``); none in a static site."""
        env = environment()
        self._entity = env.get_template("entity.html")
        self._index = env.get_template("index.html")

    def entity_page(self, entity: Entity, charts: Sequence[tuple[str, str, str]] = ()) -> str:
        """The page of an entity; ``charts``: (section id, heading, SVG) in page order."""
        view = self.views.entity(entity)
        ref = entity.ref
        return self._entity.render(
            view=view,
            charts=[(cid, title, chart_markup(svg)) for cid, title, svg in charts],
            title=entity.label,
            site_title=self.site_title,
            root="../",
            alternates=[
                ("text/turtle", f"{ref.id}.ttl"),
                ("application/ld+json", f"{ref.id}.jsonld"),
            ],
            description=view.description,
            links=self.links,
        )

    def index_page(self, structure_svg: str | None, description: str | None, counts: str) -> str:
        """The index page: search, the organization chart, every entity by kind."""
        return self._index.render(
            view=self.views.index(self.site_title, description, counts),
            structure=chart_markup(structure_svg) if structure_svg else None,
            title="Index",
            site_title=self.site_title,
            root="",
            alternates=[],
            description=description,
            links=self.links,
        )
