"""The browse site: one page per entity, charts, search.

:func:`build_site` writes it as a static folder; :class:`Site` renders any one of its files
on demand (an entity's page, Turtle or JSON-LD, a chart, the index), for a server.
"""

from __future__ import annotations

from .build import SiteResult, build_site
from .pages import MEDIA_TYPES, Site

__all__ = ["MEDIA_TYPES", "Site", "SiteResult", "build_site"]
