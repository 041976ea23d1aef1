"""Validation of data folders: the seed example is clean, broken copies point at the record to fix.

Each broken copy edits one record of the example in a way the loader accepts but the shapes do
not, and the finding must name that record's file and line (found here by searching the file,
independently of the loader).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pyoxigraph as ox
import pytest
from conftest import EXAMPLE, linked_copy, require_tool

import kwpld
from kwpld.build import validate_data
from kwpld.errors import LoadError
from kwpld.resources import resource_path
from kwpld.validate import Severity, ValidationError, reference
from kwpld.validate.report import FailOn

SCHEMA = json.loads(
    resource_path("kwpld/schemas/validation-report-1.schema.json").read_text("utf-8")
)


def line_of(path: Path, record_id: str) -> int:
    """1-based line where a record starts: its '- id:' line, or its CSV row."""
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if re.match(rf"^\s*- id: {re.escape(record_id)}\s*$", line) or line.startswith(
            f"{record_id},"
        ):
            return number
    raise AssertionError(f"{record_id} is not in {path}")


def broken_copy(tmp_path: Path, edits: dict[str, list[tuple[str, str]]]) -> Path:
    """A copy of the example with (old, new) text replacements per file; each must apply."""
    folder = tmp_path / "data"
    shutil.copytree(EXAMPLE, folder)
    for name, replacements in edits.items():
        path = folder / name
        text = path.read_text("utf-8")
        for old, new in replacements:
            assert text.count(old) == 1, f"{old!r} is not unique in {name}"
            text = text.replace(old, new)
        path.write_text(text, "utf-8")
    return folder


@pytest.fixture(scope="module")
def example_reports():
    return validate_data(EXAMPLE), validate_data(EXAMPLE, engine="pyshacl")


def test_the_seed_example_validates_clean_with_both_engines(example_reports):
    fast, slow = example_reports
    assert fast.findings == [] and slow.findings == []
    assert fast.conforms and not fast.failed(FailOn.INFO)
    built = kwpld.build(EXAMPLE, validate=False)
    assert fast.triples == built.triple_count and fast.focus_nodes > 200 and fast.shapes > 25


def test_a_us_citizen_without_a_hangul_name_is_not_warned(example_reports):
    fast, _ = example_reports
    assert not [f for f in fast.findings if f.record_id == "michael-madden"]


def test_a_korean_without_a_hangul_name_is_warned_at_the_record(tmp_path):
    data = broken_copy(tmp_path, {"people.yaml": [("citizenship: US", "citizenship: KP")]})
    report = validate_data(data)
    [finding] = report.findings
    assert finding.severity is Severity.WARNING
    assert (finding.code, finding.file, finding.record_id, finding.kind, finding.field) == (
        "person-hangul-name",
        "people.yaml",
        "michael-madden",
        "person",
        "names",
    )
    assert finding.line == line_of(data / "people.yaml", "michael-madden")
    assert not report.failed(FailOn.VIOLATION) and report.failed(FailOn.WARNING)


def test_a_missing_english_name_is_a_violation_on_the_person(tmp_path):
    data = broken_copy(
        tmp_path,
        {
            "people.yaml": [
                (
                    "      - {text: Kim Jong Su, system: en, "
                    "sources: [nklw-2013-01-party-cell-secretaries]}\n",
                    "",
                ),
            ]
        },
    )
    report = validate_data(data)
    codes = {(f.code, f.record_id, f.field, f.line) for f in report.findings}
    assert (
        "english-name",
        "kim-jong-su",
        "names",
        line_of(data / "people.yaml", "kim-jong-su"),
    ) in codes
    assert report.failed()


def test_a_membership_dated_before_its_organ_was_founded(tmp_path):
    data = broken_copy(
        tmp_path,
        {"organs.yaml": [("    kind: presidium\n", "    kind: presidium\n    founded: 2014\n")]},
    )
    [finding] = validate_data(data).findings
    assert (finding.code, finding.file, finding.line, finding.field) == (
        "membership-after-organ-founded",
        "memberships.csv",
        line_of(data / "memberships.csv", "jang-song-taek.pb-presidium.2013-01"),
        "as_of",
    )
    assert finding.message == (
        "The membership is dated 2013-01, before its organ was founded (2014): check the dates "
        "here and the organ's founded."
    )
    assert finding.value == '"2013-01"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'


def test_partial_dates_in_the_same_year_are_not_out_of_order(tmp_path):
    data = broken_copy(
        tmp_path,
        {
            "organs.yaml": [
                ("    kind: presidium\n", "    kind: presidium\n    founded: 2013-01-31\n")
            ]
        },
    )
    assert validate_data(data).findings == []  # as of 2013-01 may be 31 January


def test_two_events_of_a_series_with_one_ordinal(tmp_path):
    data = broken_copy(tmp_path, {"events.yaml": [("    ordinal: 3\n", "    ordinal: 2\n")]})
    findings = validate_data(data).findings
    assert [(f.code, f.record_id, f.line, f.field) for f in findings] == [
        ("event-ordinal-unique", event, line_of(data / "events.yaml", event), "ordinal")
        for event in ("meeting-of-cell-secretaries-2", "meeting-of-cell-secretaries-3")
    ]
    assert "meeting-of-cell-secretaries-3" in findings[0].message


def test_a_claim_without_a_source(tmp_path):
    data = broken_copy(
        tmp_path, {"memberships.csv": [(",projected,graphic-kwp-pb-2013-01,", ",projected,,")]}
    )
    findings = validate_data(data).findings
    [finding] = [f for f in findings if f.code == "claim-source"]
    assert (finding.file, finding.line, finding.field) == (
        "memberships.csv",
        line_of(data / "memberships.csv", "jang-song-taek.pb-presidium.2013-01"),
        "sources",
    )


def test_a_finding_on_a_node_inside_a_record_points_at_the_record(tmp_path):
    """A participation without a source (its event has none) is reported on the event."""
    data = broken_copy(
        tmp_path,
        {
            "events.yaml": [
                (
                    "      - {ref: party-cell-secretary, sources: [pb-report-2013-01-23]}\n"
                    "    stated_in:\n      date: [pb-report-2013-01-23]\n"
                    "    sources: [pb-report-2013-01-23]\n\n  - id: meeting-of-cell-secretaries-2",
                    "      - {ref: party-cell-secretary}\n\n  - id: meeting-of-cell-secretaries-2",
                ),
            ]
        },
    )
    findings = [f for f in validate_data(data).findings if f.code == "claim-source"]
    assert [(f.record_id, f.kind, f.line) for f in findings] == [
        (
            "meeting-of-cell-secretaries-1",
            "event",
            line_of(data / "events.yaml", "meeting-of-cell-secretaries-1"),
        )
    ]
    assert findings[0].focus.endswith(
        "participation/meeting-of-cell-secretaries-1.party-cell-secretary>"
    )
    assert (
        "node: participation:meeting-of-cell-secretaries-1.party-cell-secretary"
        in validate_data(data).render_text()
    )


def test_records_that_do_not_load_are_an_input_error(tmp_path):
    data = broken_copy(
        tmp_path,
        {
            "organs.yaml": [
                (
                    "    kind: presidium\n",
                    "    kind: presidium\n    founded: 2014\n    dissolved: 2013\n",
                )
            ]
        },
    )
    with pytest.raises(LoadError):
        validate_data(data)


def test_the_example_with_wikidata_links_validates_clean_with_both_engines(linked_example):
    fast = validate_data(linked_example)
    slow = validate_data(linked_example, engine="pyshacl")
    assert fast.findings == [] and slow.findings == []
    assert fast.triples == slow.triples > kwpld.build(EXAMPLE, validate=False).triple_count


def line_of_link(path: Path, entity: str) -> int:
    """1-based line where the link of ``entity`` starts in wikidata-links.yaml."""
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if re.match(rf"^\s*- \{{entity: {re.escape(entity)},", line):
            return number
    raise AssertionError(f"no link of {entity} in {path}")


def test_two_spellings_of_a_reviewer_are_found_at_a_link_in_wikidata_links_yaml(tmp_path):
    """'B Reviewer' and 'B. Reviewer' make one agent (one IRI) with two names: the loader takes
    both, the shapes do not, and the finding points at a link of that agent, field by."""
    data = linked_copy(tmp_path / "data")
    links = data / "wikidata-links.yaml"
    text = links.read_text("utf-8")
    old = "by: B. Reviewer, date: 2024-05-02, note: An American"
    assert text.count(old) == 1
    links.write_text(text.replace(old, old.replace("B. Reviewer", "B Reviewer")), "utf-8")
    [finding] = validate_data(data).findings
    by_reviewer = [
        "meeting-of-cell-secretaries-4",
        "michael-madden",
        "rodong-essay-2013-01-21",
        "wpk-pb-presidium",
    ]
    assert (finding.code, finding.file, finding.kind, finding.field) == (
        "agent-name",
        "wikidata-links.yaml",
        "link",
        "by",
    )
    assert finding.record_id.split("@")[0] in by_reviewer
    assert finding.line == line_of_link(links, finding.record_id.split("@")[0])
    assert finding.focus == "<https://w3id.org/kwpld/id/agent/b-reviewer>"


def test_two_records_with_one_wikidata_item_are_found_at_a_record(tmp_path):
    """Two curated wikidata fields with the same QID: the item is the item of two records."""
    edit = ("citizenship: US\n", "citizenship: US\n    wikidata: Q41117\n")
    data = broken_copy(tmp_path, {"people.yaml": [edit]})
    report = validate_data(data)
    found = {(f.code, f.file, f.record_id, f.field) for f in report.findings}
    assert ("wikidata-one-record", "people.yaml", "michael-madden", "wikidata") in found
    # Kim Il Sung's item now also has Michael Madden's English name as a second label.
    assert {code for code, *_ in found} == {"wikidata-one-record", "wikidata-label"}
    assert all(f.focus == "<http://www.wikidata.org/entity/Q41117>" for f in report.findings)


@pytest.fixture(scope="module")
def broken_report(tmp_path_factory):
    folder = broken_copy(
        tmp_path_factory.mktemp("broken"),
        {
            "people.yaml": [("citizenship: US", "citizenship: KP")],
            "organs.yaml": [("    kind: presidium\n", "    kind: presidium\n    founded: 2014\n")],
            "events.yaml": [("    ordinal: 3\n", "    ordinal: 2\n")],
        },
    )
    return folder, validate_data(folder), validate_data(folder, engine="pyshacl")


def test_engines_agree_on_the_broken_copy(broken_report):
    _, fast, slow = broken_report
    assert [f.result.key() for f in fast.findings] == [f.result.key() for f in slow.findings]
    assert [f.to_dict() for f in fast.findings] == [f.to_dict() for f in slow.findings]
    assert fast.counts == {"violation": 3, "warning": 1, "info": 0}


def test_text_report_is_a_table_grouped_by_file(broken_report):
    folder, report, _ = broken_report
    madden = line_of(folder / "people.yaml", "michael-madden")
    text = report.render_text()
    assert [line for line in text.splitlines() if line and not line.startswith(" ")][:3] == [
        "events.yaml",
        "memberships.csv",
        "people.yaml",
    ]
    assert re.search(r"^\s+LINE\s+SEVERITY\s+RECORD\s+FIELD\s+PROBLEM$", text, re.M)
    assert re.search(
        rf"^\s+{madden}\s+warning\s+person michael-madden\s+names\s+This North or South Korean",
        text,
        re.M,
    )
    assert text.rstrip().endswith("FAILED (fail on violation).")
    assert "3 violations, 1 warning, 0 info in 3 files" in text


def test_json_report_follows_its_published_schema(broken_report):
    folder, report, _ = broken_report
    data = json.loads(report.to_json(fail_on="warning"))
    jsonschema.validate(data, SCHEMA)
    assert data["passed"] is False and data["fail_on"] == "warning" and data["conforms"] is False
    hangul = data["findings"][-1]
    assert hangul == {
        "severity": "warning",
        "code": "person-hangul-name",
        "message": "This North or South Korean person has no Hangul name: add one to names, as "
        "{text: ..., system: hangul}.",
        "record": {
            "id": "michael-madden",
            "kind": "person",
            "file": "people.yaml",
            "line": line_of(folder / "people.yaml", "michael-madden"),
            "field": "names",
        },
        "focus_node": "https://w3id.org/kwpld/id/person/michael-madden",
        "path": None,
        "value": {"type": "uri", "value": "https://w3id.org/kwpld/id/person/michael-madden"},
        "shape": "https://w3id.org/kwpld/shapes#person-hangul-name",
        "constraint_component": "http://www.w3.org/ns/shacl#SPARQLConstraintComponent",
    }


def test_clean_json_report_follows_its_schema(example_reports):
    fast, _ = example_reports
    data = json.loads(fast.to_json())
    jsonschema.validate(data, SCHEMA)
    assert data["conforms"] and data["passed"] and data["findings"] == []


def test_turtle_report_is_the_shacl_report_pyshacl_would_give(broken_report):
    """Parsed back, the report graph has pyshacl's own results for the same data."""
    folder, report, _ = broken_report
    text = report.to_turtle()
    graph = reference.data_graph("")
    graph.parse(data=text, format="turtle")
    ours = sorted(r.key() for r in reference.results_from_report(graph))
    records, kg = kwpld.build_graph(folder)
    theirs = reference.run_pyshacl(
        reference.data_graph(kg.to_ntriples()), reference.shapes_graph(report.shapes_graph)
    )
    assert ours == sorted(r.key() for r in theirs)
    assert "sh:conforms false" in text
    assert len(list(ox.parse(text.encode(), ox.RdfFormat.TURTLE))) > 40


def test_turtle_report_parses_with_rapper(broken_report, tmp_path):
    rapper = require_tool("rapper")
    _, report, _ = broken_report
    path = tmp_path / "report.ttl"
    path.write_text(report.to_turtle(), "utf-8")
    done = subprocess.run([rapper, "-i", "turtle", "-c", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_reports_are_deterministic(broken_report):
    folder, report, _ = broken_report
    again = validate_data(folder, jobs=2)
    assert again.to_json() == report.to_json()
    assert again.to_turtle() == report.to_turtle()
    assert again.render_text() == report.render_text()


def test_build_writes_nothing_when_validation_fails(broken_report, tmp_path):
    folder, _, _ = broken_report
    out = tmp_path / "dist"
    with pytest.raises(ValidationError) as caught:
        kwpld.build(folder, out)
    assert not out.exists()
    assert caught.value.exit_code == 1
    assert "nothing was written" in caught.value.render()
    result = kwpld.build(folder, out, validate=False)
    assert result.validation is None and (out / "data.ttl").exists()


def test_build_validates_by_default_and_keeps_warnings_in_its_result(tmp_path):
    data = broken_copy(tmp_path, {"people.yaml": [("citizenship: US", "citizenship: KP")]})
    result = kwpld.build(data, tmp_path / "dist")
    assert result.validation is not None and result.validation.count(Severity.WARNING) == 1
    assert "validate" in result.timings
    with pytest.raises(ValidationError):
        kwpld.build(data, tmp_path / "strict", fail_on="warning")
    assert not (tmp_path / "strict").exists()


def test_worker_processes_give_the_same_findings(broken_report, monkeypatch):
    from kwpld.validate import engine

    folder, report, _ = broken_report
    monkeypatch.setattr(engine, "_PARALLEL_FROM", 0)  # fork even for a small graph
    parallel = validate_data(folder, jobs=3)
    assert parallel.to_json() == report.to_json()


def test_pyshacl_in_forked_parts_gives_the_same_findings(broken_report):
    folder, _, slow = broken_report
    assert validate_data(folder, engine="pyshacl", jobs=2).to_json() == slow.to_json()
