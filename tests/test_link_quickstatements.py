"""``kwpld export quickstatements``: what kwpld holds and the endpoint lacks, with its source."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
from wikidata_endpoint import SparqlEndpoint

from kwpld.cli import main
from kwpld.dates import PartialDate
from kwpld.link.quickstatements import qs_time

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "party-cells-2013"

LINKS = """\
kwpld: 1
wikidata_links:
  - {entity: wpk-pb-presidium, qid: Q900000106, method: review, by: A. Scholar, date: 2024-05-01}
  - {entity: rodong-essay-2013-01-21, qid: Q900000401, method: manual, by: A. Scholar,
     date: 2024-05-01}
"""
MEMBERSHIP = """\
kwpld: 1
memberships:
  - id: kim-jong-un.presidium.2012
    person: kim-jong-un
    organ: wpk-pb-presidium
    role: member
    start: 2012-04-11
    status: confirmed
    sources: [pb-report-2013-01-23, rodong-essay-2013-01-21]
"""
URL = "https://example.org/kcna/pb-report-2013-01-23"


@pytest.fixture(scope="module")
def endpoint():
    with SparqlEndpoint() as ep:
        yield ep


@pytest.fixture
def data(tmp_path: Path) -> Path:
    data = Path(shutil.copytree(EXAMPLE, tmp_path / "records"))
    (data / "wikidata-links.yaml").write_text(LINKS, "utf-8")
    (data / "membership-2012.yaml").write_text(MEMBERSHIP, "utf-8")
    articles = data / "articles.yaml"
    text = articles.read_text("utf-8").replace(
        "  - id: pb-report-2013-01-23\n    type: report\n",
        f"  - id: pb-report-2013-01-23\n    type: report\n    url: {URL}\n",
    )
    articles.write_text(text, "utf-8")
    people = data / "people.yaml"
    people.write_text(
        people.read_text("utf-8").replace(
            "    wikidata: Q496004\n", "    wikidata: Q496004\n    born: 1946\n"
        ),
        "utf-8",
    )
    return data


def export(endpoint: SparqlEndpoint, data: Path, *extra: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    args = ["export", "quickstatements", str(data), "--endpoint", endpoint.url, "--interval", "0"]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main([*args, *extra])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
    return code, out.getvalue(), err.getvalue()


def test_statements_the_endpoint_lacks_are_written_with_their_sources(endpoint, data):
    code, out, err = export(endpoint, data)
    assert code == 0, err
    lines = out.splitlines()
    membership = 'Q56226\tP463\tQ900000106\tP580\t+2012-04-11T00:00:00Z/11'
    assert f'{membership}\tS854\t"{URL}"' in lines
    assert f"{membership}\tS248\tQ900000401" in lines  # the linked essay
    # His Revised Romanization is derived from his Hangul: printed in no source, not exported
    assert not [line for line in lines if line.startswith("Q56226\tP2001\t")]
    assert 'Q496004\tAen\t"Jang Song Taek"' in lines  # Wikidata spells him Jang Song-thaek


def test_what_the_endpoint_has_already_is_left_out(endpoint, data):
    _, out, err = export(endpoint, data)
    assert "\tP27\tQ423" not in out  # citizenship, on Wikidata already
    assert "\tP1559\t" not in out and "\tP1942\t" not in out
    assert "Q496004\tP569" not in out  # born 1946: Wikidata has it (year precision)
    assert "Lko" not in out and '\tAen\t"Kim Jong Un"' not in out
    assert "already on Wikidata" in err


def test_projections_records_without_items_and_unsourced_facts_are_left_out(endpoint, data):
    _, out, err = export(endpoint, data)
    assert "Q496004\tP463" not in out  # Jang Song Taek's membership is only projected
    assert "P31" not in out
    assert "an analyst's projection, not a stated fact" in err
    assert (
        "no source with a Wikidata item or a URL to cite" in err
    )  # e.g. gender, sourced to nothing citable
    for line in out.splitlines():
        assert line.split("\t")[1][0] in "LAD" or "\tS248\t" in line or "\tS854\t" in line


def test_the_export_is_sorted_and_the_same_every_time(endpoint, data, tmp_path):
    code, _, err = export(endpoint, data, "--out", str(tmp_path / "a.qs"))
    assert code == 0 and "written to" in err
    export(endpoint, data, "--out", str(tmp_path / "b.qs"))
    first = (tmp_path / "a.qs").read_text("utf-8")
    assert first == (tmp_path / "b.qs").read_text("utf-8")
    keys = [(int(line.split("\t")[0][1:]), line) for line in first.splitlines()]
    assert keys == sorted(keys)


def test_a_second_export_asks_the_endpoint_nothing(endpoint, data):
    export(endpoint, data)
    sent = len(endpoint.requests)
    code, _, _ = export(endpoint, data, "--offline")
    assert code == 0 and len(endpoint.requests) == sent


@pytest.mark.parametrize(
    ("date", "written"),
    [
        (PartialDate(1984, 1, 8), "+1984-01-08T00:00:00Z/11"),
        (PartialDate(2013, 1), "+2013-01-00T00:00:00Z/10"),
        (PartialDate(1946), "+1946-00-00T00:00:00Z/9"),
    ],
)
def test_dates_carry_their_precision(date, written):
    assert qs_time(date) == written
