"""Shared fixtures: paths, the built example, and real external tools (rapper, serdi)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "party-cells-2013"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def require_tool(name: str) -> str:
    """Path of an external program; skip without it, unless CI requires every tool."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("KWPLD_REQUIRE_TOOLS"):
            pytest.fail(f"{name} is not installed; .ci/install-system-packages installs it")
        pytest.skip(f"{name} is not installed")
    return path


def child_processes() -> set[int]:
    """Every child of this process not yet reaped, zombies included (Linux /proc; else none).

    kwpld forks its workers itself (kwpld.parallel), so multiprocessing's bookkeeping does not
    see them: this asks the kernel."""
    found: set[int] = set()
    for task in Path(f"/proc/{os.getpid()}/task").glob("*"):
        try:
            found.update(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def built_example(tmp_path_factory: pytest.TempPathFactory):
    """The example built once per test session (BuildResult with out folder)."""
    import kwpld

    out = tmp_path_factory.mktemp("example") / "dist"
    return kwpld.build(EXAMPLE, out)


@pytest.fixture(scope="session")
def example_store(built_example):
    """The example's quads in an in-memory pyoxigraph store, for SPARQL checks."""
    return built_example.graph.to_store()


# Decisions of every kind (accepted and rejected; auto, review and manual, with and without a
# score) on organs, events, articles and a person, and a post held with dates, so that the
# build writes both Wikidata graphs with most of the properties kwpld.wikidata.facts can write.
WIKIDATA_LINKS = """\
kwpld: 1
wikidata_links:
  - {entity: wpk, qid: Q900000100, method: auto, score: 0.993, by: A. Scholar, date: 2024-05-01,
     label: "Workers' Party of Korea"}
  - {entity: wpk-cc, qid: Q900000101, method: review, score: 0.912, by: A. Scholar,
     date: 2024-05-01}
  - {entity: wpk-pb-presidium, qid: Q900000106, method: review, score: 0.94, by: B. Reviewer,
     date: 2024-05-02, note: Checked against the 2012 conference list.}
  - {entity: rodong-sinmun, qid: Q900000300, method: manual, by: A. Scholar, date: 2024-05}
  - {entity: meetings-of-cell-secretaries, qid: Q900000200, method: manual, by: A. Scholar,
     date: 2024}
  - {entity: meeting-of-cell-secretaries-4, qid: Q900000204, method: review, score: 0.97,
     by: B. Reviewer, date: 2024-05-02}
  - {entity: pb-decision-2013-01-23, qid: Q900000205, method: manual, by: A. Scholar,
     date: 2024-05-03}
  - {entity: nklw-2013-01-party-cell-secretaries, qid: Q900000400, method: manual,
     by: A. Scholar, date: 2024-05-03}
  - {entity: rodong-essay-2013-01-21, qid: Q900000401, method: review, score: 0.905,
     by: B. Reviewer, date: 2024-05-03}
  - {entity: michael-madden, qid: Q900000014, decision: rejected, method: review, score: 0.852,
     by: B. Reviewer, date: 2024-05-02, note: An American actor of the same name.}
"""
POST_HELD = """\
kwpld: 1
posts:
  - id: wpk-first-secretary
    organ: wpk
    role: first-secretary
    names: [{text: First Secretary of the Workers' Party of Korea, system: en}]
memberships:
  - id: kim-jong-un.first-secretary
    person: kim-jong-un
    organ: wpk
    role: first-secretary
    post: wpk-first-secretary
    start: 2012-04-11
    end: 2016-05-09
    status: confirmed
    sources: [nklw-2013-01-party-cell-secretaries]
"""


def linked_copy(folder: Path) -> Path:
    """A copy of the example in ``folder`` with WIKIDATA_LINKS, POST_HELD and an article URL."""
    shutil.copytree(EXAMPLE, folder)
    (folder / "wikidata-links.yaml").write_text(WIKIDATA_LINKS, "utf-8")
    (folder / "first-secretary.yaml").write_text(POST_HELD, "utf-8")
    articles = folder / "articles.yaml"
    text = articles.read_text("utf-8")
    seed = "    date: 2013-01\n    language: en\n    about: [meeting-of-cell-secretaries-4"
    assert text.count(seed) == 1
    url = "    url: https://www.nkleadershipwatch.org/2013/01/\n"
    articles.write_text(text.replace(seed, seed.replace("    language", url + "    language")))
    return folder


@pytest.fixture(scope="session")
def linked_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with Wikidata links of every kind (a data folder; see linked_copy)."""
    return linked_copy(tmp_path_factory.mktemp("linked") / "records")


@pytest.fixture(scope="session")
def known() -> Any:
    """The labelled facts' data folder (tests/fixtures/ingest/facts/records) as ingest knows it,
    built once for the session: the tests of drafted facts read their texts against it."""
    from kwpld.ingest import Known
    from kwpld.load import load_records

    return Known.build(load_records(FIXTURES / "ingest" / "facts" / "records"))
