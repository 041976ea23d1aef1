"""Possible duplicates: records of one kind with one name key that nothing tells apart."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import EXAMPLE

import kwpld
from kwpld.build import check_data, validate_data
from kwpld.cli import main
from kwpld.load.duplicates import find_duplicates

HEAD = """kwpld: 1
articles:
  - id: report-1
    type: report
    title: A report
    date: 2013-01-23
  - id: report-2
    type: report
    title: Another report
    date: 2014-03-02
organs:
  - id: wpk
    kind: party
    names: [{text: "Workers' Party of Korea", system: en}]
  - id: wpk-pb
    kind: political-bureau
    parent: wpk
    names: [{text: Political Bureau, system: en}]
  - id: kpa
    kind: military
    names: [{text: Korean People's Army, system: en}]
  - id: cabinet
    kind: state-organ
    names: [{text: Cabinet, system: en}]
posts:
  - id: kpa-chief-of-staff
    organ: kpa
    role: director
    names: [{text: Chief of the General Staff, system: en}]
  - id: foreign-minister
    organ: cabinet
    role: chairman
    names: [{text: Minister of Foreign Affairs, system: en}]
"""


def folder(tmp_path: Path, people: str, memberships: str = "") -> Path:
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "kwpld.yaml").write_text("kwpld: 1\nid: dups\ntitle: Duplicates\n", "utf-8")
    (data / "records.yaml").write_text(HEAD, "utf-8")
    (data / "people.yaml").write_text("kwpld: 1\npeople:\n" + people, "utf-8")
    if memberships:
        (data / "memberships.yaml").write_text("kwpld: 1\nmemberships:\n" + memberships, "utf-8")
    return data


TWO_KIM_JONG_SUS = """\
  - id: kim-jong-su
    names:
      - {text: Kim Jong Su, system: en}
    sources: [report-1]
  - id: kim-jong-su-2
    names:
      - {text: Kim Jong-su, system: en}
      - {text: Kim Cho'ng-su, system: mr-ascii}
      - {text: 김정수, system: hangul}
    citizenship: KP
    sources: [report-2]
"""

# The two Ri Yong Hos: a general born in 1942 and a diplomat born in 1956.
TWO_RI_YONG_HOS = """\
  - id: ri-yong-ho
    names: [{text: Ri Yong Ho, system: en}]
    born: 1942-10-05
  - id: ri-yong-ho-2
    names: [{text: Ri Yong-ho, system: en}, {text: 리용호, system: hangul}]
    born: 1956-07-10
"""


def test_two_records_of_one_name_that_nothing_tells_apart_are_reported(tmp_path: Path) -> None:
    data = folder(tmp_path, TWO_KIM_JONG_SUS)
    checked = check_data(data)
    assert len(checked.warnings) == 1
    warning = checked.warnings[0]
    assert warning.code == "possible-duplicate" and warning.severity == "warning"
    assert (warning.file, warning.line, warning.record_id) == ("people.yaml", 7, "kim-jong-su-2")
    # Both places are named: the second record's is the problem's, the first's in the message.
    assert "'kim-jong-su' at people.yaml:3" in warning.message
    assert "kwpld merge person kim-jong-su kim-jong-su-2" in warning.message
    assert str(warning).startswith(
        "people.yaml:7 (person kim-jong-su-2) names: this person may be the same as"
    )


def test_namesakes_with_different_birth_dates_are_not_reported(tmp_path: Path) -> None:
    assert check_data(folder(tmp_path, TWO_RI_YONG_HOS)).warnings == []
    # Without the dates they would be.
    undated = TWO_RI_YONG_HOS.replace("    born: 1942-10-05\n", "").replace(
        "    born: 1956-07-10\n", ""
    )
    assert [w.record_id for w in check_data(folder(tmp_path, undated)).warnings] == ["ri-yong-ho-2"]


def test_partial_dates_that_may_be_the_same_day_do_not_tell_records_apart(tmp_path: Path) -> None:
    people = TWO_RI_YONG_HOS.replace("1956-07-10", "1942").replace("1942-10-05", "1942-10")
    assert len(check_data(folder(tmp_path, people)).warnings) == 1
    people = TWO_RI_YONG_HOS.replace("1956-07-10", "1943")
    assert check_data(folder(tmp_path, people)).warnings == []


def test_namesakes_holding_different_posts_are_not_reported(tmp_path: Path) -> None:
    undated = "".join(line for line in TWO_RI_YONG_HOS.splitlines(True) if "born" not in line)
    posts = """\
  - {id: m-1, person: ri-yong-ho, organ: kpa, post: kpa-chief-of-staff, role: director,
     status: confirmed, start: 2009, sources: [report-1]}
  - {id: m-2, person: ri-yong-ho-2, organ: cabinet, post: foreign-minister, role: chairman,
     status: confirmed, start: 2016, sources: [report-2]}
"""
    assert check_data(folder(tmp_path, undated, posts)).warnings == []
    # Holding one post in common is no evidence of two people.
    same = posts.replace(
        "organ: cabinet, post: foreign-minister, role: chairman",
        "organ: kpa, post: kpa-chief-of-staff, role: director",
    )
    assert len(check_data(folder(tmp_path, undated, same)).warnings) == 1


@pytest.mark.parametrize(
    "field",
    [
        "    citizenship: KR\n",
        "    description: A South Korean businessman of the same name.\n",
        "    wikidata: Q1\n",
        "    gender: female\n",
    ],
)
def test_any_differing_fact_tells_records_apart(tmp_path: Path, field: str) -> None:
    first = "    citizenship: KP\n" if "citizenship" in field else ""
    first += "    description: A WPK official.\n" if "description" in field else ""
    first += "    wikidata: Q2\n" if "wikidata" in field else ""
    first += "    gender: male\n" if "gender" in field else ""
    people = TWO_KIM_JONG_SUS.replace(
        "    sources: [report-1]\n", first + "    sources: [report-1]\n"
    ).replace("    sources: [report-2]\n", field + "    sources: [report-2]\n")
    if "citizenship" in field:  # the second record already says KP: make it KR
        people = people.replace("    citizenship: KP\n" + field, field)
    assert check_data(folder(tmp_path, people)).warnings == []


def test_organs_and_events_are_compared_too(tmp_path: Path) -> None:
    data = folder(tmp_path, TWO_RI_YONG_HOS)
    (data / "more.yaml").write_text(
        """kwpld: 1
organs:
  - id: wpk-politburo
    kind: political-bureau
    parent: wpk
    names: [{text: Political Bureau, system: en}, {text: 정치국, system: hangul}]
  - id: kwp-pb-of-another-party
    kind: political-bureau
    parent: kpa
    names: [{text: Political Bureau, system: en}]
events:
  - id: plenum-a
    type: meeting
    names: [{text: Plenary Meeting, system: en}]
  - id: plenum-b
    type: meeting
    names: [{text: plenary meeting, system: en}]
  - id: plenum-c
    type: meeting
    date: 2013-03-31
    names: [{text: Plenary Meeting, system: en}]
""",
        "utf-8",
    )
    found = {(d.kind, d.first.id, d.second.id) for d in find_duplicates(kwpld.load_records(data))}
    assert found == {
        ("organ", "wpk-politburo", "wpk-pb"),  # same name, same parent: one organ twice
        ("event", "plenum-a", "plenum-b"),
        ("event", "plenum-a", "plenum-c"),  # a date on one only tells nothing
        ("event", "plenum-b", "plenum-c"),
    }


def test_the_example_has_no_duplicates() -> None:
    assert check_data(EXAMPLE).warnings == []


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_check_warns_and_fails_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = folder(tmp_path, TWO_KIM_JONG_SUS)
    code, out, err = _run(capsys, "check", str(data))
    assert code == 0
    assert "no errors, 1 warning" in out
    assert "people.yaml:7 (person kim-jong-su-2)" in err and "[possible-duplicate]" in err
    code, out, _ = _run(capsys, "check", str(data), "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["count"] == 1
    assert report["problems"][0]["severity"] == "warning"
    assert report["problems"][0]["code"] == "possible-duplicate"
    assert _run(capsys, "check", str(data), "--fail-on", "warning")[0] == 1
    clean = folder(tmp_path / "clean", TWO_RI_YONG_HOS)
    assert _run(capsys, "check", str(clean), "--fail-on", "warning")[0] == 0


def test_validate_reports_possible_duplicates_as_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = folder(tmp_path, TWO_KIM_JONG_SUS)
    report = validate_data(data)
    dups = [f for f in report.findings if f.code == "possible-duplicate"]
    assert len(dups) == 1
    finding = dups[0]
    assert finding.severity.value == "warning"
    assert (finding.file, finding.line, finding.record_id) == ("people.yaml", 7, "kim-jong-su-2")
    assert finding.focus.endswith("/person/kim-jong-su-2>")
    assert finding.value is not None and finding.value.endswith("/person/kim-jong-su>")
    code, out, _ = _run(capsys, "validate", str(data), "--format", "json")
    assert code == 0  # a warning, and the default --fail-on is violation
    found = [f for f in json.loads(out)["findings"] if f["code"] == "possible-duplicate"]
    assert found[0]["record"]["line"] == 7
    assert _run(capsys, "validate", str(data), "--fail-on", "warning")[0] == 1
    # The SHACL report graph still parses, with the finding as a warning result.
    code, out, _ = _run(capsys, "validate", str(data), "--format", "turtle")
    store = ox.Store()
    store.load(out.encode("utf-8"), ox.RdfFormat.TURTLE)
    rows = list(
        store.query(
            "PREFIX sh: <http://www.w3.org/ns/shacl#> SELECT ?focus WHERE { ?r "
            "sh:resultSeverity sh:Warning ; sh:focusNode ?focus ; sh:sourceShape "
            "<https://w3id.org/kwpld/shapes#possible-duplicate> }"
        )
    )
    assert len(rows) == 1
