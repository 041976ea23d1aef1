"""A data folder for the workbench tests, made as a curator makes one.

The seed article is ingested into an empty folder (``kwpld ingest``), a few drafts are
accepted (``kwpld accept``), and ``kwpld link`` asks the Wikidata stand-in on 127.0.0.1 for
candidates (no auto-accept), which leaves ``wikidata.review.csv`` to decide. The folder is
made once per test session; each test works on its own copy.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import requests
from conftest import ROOT
from wikidata_endpoint import SparqlEndpoint

SEED = ROOT / "examples" / "texts" / "nklw-2013-01-party-cell-secretaries.txt"
ARTICLE = "nklw-2013-01-party-cell-secretaries"
ACCEPTED = ["kim-jong-un", "jang-song-taek"]
"""Drafts accepted before linking (with what they refer to)."""


def make_review_folder(folder: Path) -> Path:
    from kwpld.ingest import IngestOptions, ingest
    from kwpld.link import ClientSettings, LinkOptions, link
    from kwpld.review import accept

    folder.mkdir(parents=True)
    (folder / "kwpld.yaml").write_text(
        "kwpld: 1\nid: workbench\ntitle: The seed article, under review\n", "utf-8"
    )
    ingest([SEED], folder, options=IngestOptions(article_type="analysis"))
    accept(folder, ACCEPTED, with_dependencies=True)
    with SparqlEndpoint() as wikidata:
        settings = ClientSettings(
            endpoint=wikidata.url, min_interval=0, cache_dir=folder / ".kwpld-cache"
        )
        link(folder, settings, LinkOptions(reviewer="A. Scholar"))
    shutil.rmtree(folder / ".kwpld-cache", ignore_errors=True)
    assert (folder / "wikidata.review.csv").is_file()
    return folder


def copy_folder(source: Path, target: Path) -> Path:
    return Path(shutil.copytree(source, target))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a folder by relative path (what a decision may have written)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".kwpld-cache" not in p.parts
    }


class Browserless:
    """A requests session that behaves like the workbench's own pages: it opens a page, then
    posts its forms with the CSRF token and folder version they carry."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.http = requests.Session()
        self.page = ""

    def open(self, path: str) -> requests.Response:
        answer = self.http.get(self.url + path.lstrip("/"))
        self.page = answer.text
        return answer

    def field(self, name: str) -> str:
        found = re.search(rf'name="{name}" value="([^"]*)"', self.page)
        assert found is not None, f"no {name} on the page"
        return found.group(1)

    def post(self, path: str, **fields: str) -> requests.Response:
        data = {"csrf_token": self.field("csrf_token"), "version": self.field("version")}
        data.update(fields)
        return self.http.post(self.url + path.lstrip("/"), data=data, allow_redirects=False)
