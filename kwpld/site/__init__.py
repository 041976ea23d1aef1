"""The static browse site: one page per entity, charts, search; see :func:`build_site`."""

from __future__ import annotations

from .build import SiteResult, build_site

__all__ = ["SiteResult", "build_site"]
