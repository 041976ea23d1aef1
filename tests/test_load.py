"""Loading records: every kind of problem is found, located and explained, all in one run."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from kwpld.errors import InputError, LoadError, Problem
from kwpld.load import load_records
from kwpld.load.checks import closest
from kwpld.model import Membership, Person

MINIMAL = FIXTURES / "minimal"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(MINIMAL, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(LoadError) as caught:
        load_records(folder)
    return list(caught.value.report)


def only(problems: list[Problem], code: str) -> Problem:
    found = [p for p in problems if p.code == code]
    assert len(found) == 1, [str(p) for p in problems]
    return found[0]


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def test_the_minimal_fixture_loads(data: Path):
    records = load_records(data)
    assert records.counts() == {
        "person": 2,
        "organ": 2,
        "post": 0,
        "membership": 1,
        "event": 2,
        "article": 1,
    }
    assert records.info.base_iri == "https://example.org/kwp/"


def test_csv_people_become_people_with_names_in_each_system(data: Path):
    person = load_records(data)["kim-jong-su"]
    assert isinstance(person, Person)
    systems = {(n.system, n.kind): n.text for n in person.names}
    assert systems[("en", "preferred")] == "Kim Jong Su"
    assert systems[("hangul", "preferred")] == "김정수"
    assert systems[("mr-ascii", "preferred")] == "Kim Cho'ng-su"
    assert systems[("en", "epithet")] == "the respected author"
    assert systems[("rr", "preferred")] == "Gim Jeong-su"
    assert person.origin.file == "people.csv" and person.origin.line == 2


def test_csv_memberships_keep_quoted_commas_and_dates(data: Path):
    membership = load_records(data)["m-1"]
    assert isinstance(membership, Membership)
    assert membership.note == "A note, with a comma"
    assert membership.start is not None and membership.start.iso == "2010"
    assert membership.as_of is not None and membership.as_of.iso == "2013-01"
    assert membership.sources == ["report-1"]


def test_unknown_reference_names_the_field_and_suggests_the_id(data: Path):
    edit(data / "memberships.csv", "m-1,jang-song-taek,", "m-1,jang-song-thaek,")
    problem = only(problems_of(data), "unknown-reference")
    assert (problem.file, problem.line, problem.record_id, problem.field) == (
        "memberships.csv",
        2,
        "m-1",
        "person",
    )
    assert (
        "jang-song-thaek" in problem.message and "did you mean 'jang-song-taek'" in problem.message
    )


def test_reference_to_the_wrong_kind_is_reported(data: Path):
    edit(data / "memberships.csv", ",wpk-cc,member", ",report-1,member")
    problem = only(problems_of(data), "wrong-reference")
    assert problem.field == "organ"
    assert "'report-1' is an article" in problem.message and "an organ" in problem.message


def test_duplicate_ids_across_kinds_and_files(data: Path):
    edit(data / "memberships.csv", "m-1,", "wpk,")
    problem = only(problems_of(data), "duplicate-id")
    # files load in name order, so the organ in records.yaml is the second use of "wpk"
    assert problem.file == "records.yaml" and problem.record_id == "wpk"
    assert "already used by the membership at memberships.csv:2" in problem.message


def test_malformed_and_impossible_dates(data: Path):
    records = data / "records.yaml"
    edit(records, "date: 2013-01-23", "date: 23rd of Januar 2013")
    edit(data / "people.csv", "1946-02-06", "1946-02-30")
    problems = problems_of(data)
    malformed = only(problems, "invalid-date")
    assert (malformed.file, malformed.line, malformed.record_id, malformed.field) == (
        "records.yaml",
        line_of(records, "23rd of Januar"),
        "report-1",
        "date",
    )
    impossible = only(problems, "impossible-date")
    assert (impossible.file, impossible.line, impossible.field) == ("people.csv", 3, "born")
    assert "February 1946 has 28 days, not 30" in impossible.message


def test_juche_and_gregorian_years_are_cross_checked(data: Path):
    records = data / "records.yaml"
    edit(records, "May of Juche 80 (1991)", "May of Juche 80 (1992)")
    problem = only(problems_of(data), "calendar-mismatch")
    assert problem.line == line_of(records, "Juche 80 (1992)")
    assert problem.record_id == "meeting-1" and problem.field == "date"
    assert "Juche 80 is 1991, not 1992" in problem.message


def test_end_before_start_is_impossible(data: Path):
    edit(data / "memberships.csv", ",2010,,2013-01,", ",2010,2009,2013-01,")
    problem = only(problems_of(data), "impossible-date")
    assert problem.field == "end" and "before 'start'" in problem.message


def test_unknown_field_suggests_the_right_name(data: Path):
    records = data / "records.yaml"
    edit(records, "    parent: wpk", "    parnet: wpk")
    problem = only(problems_of(data), "unknown-field")
    assert (problem.line, problem.record_id, problem.field) == (
        line_of(records, "parnet"),
        "wpk-cc",
        "parnet",
    )
    assert "did you mean 'parent'?" in problem.message


def test_unknown_csv_column_is_reported_with_the_allowed_columns(data: Path):
    edit(data / "people.csv", "citizenship,wikidata", "citizenshp,wikidata")
    problem = only(problems_of(data), "unknown-field")
    assert (problem.file, problem.line, problem.field) == ("people.csv", 1, "citizenshp")
    assert "did you mean 'citizenship'?" in problem.message


def test_wrong_types_say_what_was_expected(data: Path):
    records = data / "records.yaml"
    edit(records, "    ordinal: 1", "    ordinal: first")
    edit(records, "    sources: [report-1]", "    sources: report-1")
    problems = [p for p in problems_of(data) if p.code == "wrong-type"]
    by_field = {p.field: p for p in problems}
    assert "expected a whole number, found text" in by_field["ordinal"].message
    assert "expected a list, found text" in by_field["sources"].message
    assert by_field["ordinal"].line == line_of(records, "ordinal: first")


def test_empty_required_values_are_not_silently_dropped(data: Path):
    records = data / "records.yaml"
    edit(records, "    kind: central-committee", "    kind:")
    edit(records, "    title: A report", '    title: "  "')
    problems = [p for p in problems_of(data) if p.code == "empty-value"]
    assert {p.field for p in problems} == {"kind", "title"}
    kind = next(p for p in problems if p.field == "kind")
    assert kind.record_id == "wpk-cc" and "the required field 'kind' is empty" in kind.message


def test_missing_required_field(data: Path):
    edit(data / "records.yaml", "    type: report\n", "")
    problem = only(problems_of(data), "missing-field")
    assert problem.record_id == "report-1" and problem.field == "type"


def test_values_outside_a_controlled_vocabulary(data: Path):
    edit(data / "memberships.csv", ",member,", ",memeber,")
    problem = only(problems_of(data), "invalid-value")
    assert problem.field == "role" and "did you mean 'member'?" in problem.message


def test_invalid_ids_and_wikidata_ids(data: Path):
    edit(data / "memberships.csv", "m-1,", "M 1,")
    edit(data / "people.csv", "Q496004", "496004")
    problems = problems_of(data)
    assert only(problems, "invalid-id").field == "id"
    assert "not a Wikidata item id" in only(problems, "invalid-value").message


def test_yaml_syntax_errors_give_the_line(data: Path):
    records = data / "records.yaml"
    edit(records, "  - id: series-1", "  - id: [series-1")
    problem = only(problems_of(data), "syntax")
    assert problem.file == "records.yaml" and problem.line is not None
    assert "not valid YAML" in problem.message


def test_duplicate_keys_in_yaml_are_not_silently_overwritten(data: Path):
    records = data / "records.yaml"
    edit(records, "    ordinal: 1\n", "    ordinal: 1\n    ordinal: 2\n")
    problem = only(problems_of(data), "duplicate-field")
    assert problem.line == line_of(records, "ordinal: 2") and problem.field == "ordinal"


def test_csv_rows_with_the_wrong_number_of_cells(data: Path):
    path = data / "memberships.csv"
    path.write_text(path.read_text() + "m-2,kim-jong-su,wpk\n", encoding="utf-8")
    problem = only(problems_of(data), "syntax")
    assert (problem.file, problem.line, problem.record_id) == ("memberships.csv", 3, "m-2")


def test_unknown_kind_of_record(data: Path):
    (data / "extra.yaml").write_text("kwpld: 1\npeoples: []\n", encoding="utf-8")
    problem = only(problems_of(data), "unknown-kind")
    assert problem.file == "extra.yaml" and "did you mean 'people'?" in problem.message


def test_unsupported_format_version(data: Path):
    (data / "extra.yaml").write_text("kwpld: 2\npeople: []\n", encoding="utf-8")
    assert only(problems_of(data), "format-version").file == "extra.yaml"


def test_every_problem_is_reported_in_one_run(data: Path):
    edit(data / "memberships.csv", "m-1,jang-song-taek,", "m-1,nobody,")
    edit(data / "records.yaml", "    parent: wpk", "    parnet: wpk")
    edit(data / "records.yaml", "May of Juche 80 (1991)", "May of Juche 80 (1990)")
    edit(data / "people.csv", "1946-02-06", "1946-13-01")
    codes = sorted(p.code for p in problems_of(data))
    assert codes == ["calendar-mismatch", "impossible-date", "unknown-field", "unknown-reference"]


def test_problems_render_for_people_and_machines(data: Path):
    import json

    edit(data / "memberships.csv", "m-1,jang-song-taek,", "m-1,nobody,")
    with pytest.raises(LoadError) as caught:
        load_records(data)
    text = caught.value.report.render_text()
    assert "memberships.csv:2 (membership m-1) person: no person has the id 'nobody'" in text
    assert text.endswith("1 problem in 1 file")
    data_json = json.loads(caught.value.report.to_json())
    assert data_json["count"] == 1
    assert data_json["problems"][0] == {
        "code": "unknown-reference",
        "message": "no person has the id 'nobody'",
        "file": "memberships.csv",
        "line": 2,
        "record_id": "m-1",
        "kind": "membership",
        "field": "person",
        "severity": "error",
    }


def test_review_files_and_hidden_folders_are_not_records(data: Path):
    (data / "wikidata.review.csv").write_text("not,a,record\n", encoding="utf-8")
    (data / "_drafts").mkdir()
    (data / "_drafts" / "people.yaml").write_text("broken: [", encoding="utf-8")
    assert len(load_records(data)) == 8


def test_a_missing_folder_is_an_input_error(tmp_path: Path):
    with pytest.raises(InputError, match="no such data folder"):
        load_records(tmp_path / "nowhere")


def test_record_order_in_files_does_not_change_the_result(data: Path):
    first = [r.id for r in load_records(data)]
    path = data / "records.yaml"
    text = path.read_text(encoding="utf-8")
    organs, rest = text.split("articles:", 1)
    path.write_text(organs.replace("kwpld: 1\n", "kwpld: 1\narticles:" + rest), encoding="utf-8")
    assert [r.id for r in load_records(data)] == first


def test_a_spelling_listed_twice_is_reported(data: Path):
    records = data / "records.yaml"
    edit(
        records,
        "      - {text: 조선로동당, system: hangul}\n",
        "      - {text: 조선로동당, system: hangul}\n      - {text: 조선로동당, system: hangul}\n",
    )
    problem = only(problems_of(data), "invalid-value")
    assert problem.record_id == "wpk" and problem.field == "names[2]"
    assert "listed twice" in problem.message


def test_json_lines_files_hold_records_of_the_kind_their_name_says(data: Path):
    lines = [
        '{"id": "report-2", "type": "report", "title": "Another report", "date": "2013-01-25"}',
        "",
        '{"id": "essay-1", "type": "essay", "title": "An essay", "authors": ["kim-jong-su"],'
        ' "date": "21 January 2013 (Monday)", "died": null}',
    ]
    (data / "bulk.articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = problems_of(data)
    # "died" is not an article field: reported on its line, with the record id
    problem = only(problems, "unknown-field")
    assert (problem.file, problem.line, problem.record_id) == ("bulk.articles.jsonl", 3, "essay-1")
    lines[2] = lines[2].replace(', "died": null', "")
    (data / "bulk.articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = load_records(data)
    assert records["essay-1"].date.iso == "2013-01-21"
    assert records["essay-1"].origin.line == 3


def test_json_lines_syntax_errors_and_bad_references_give_lines(data: Path):
    lines = [
        '{"id": "report-2", "type": "report", "title": "x", "cites": ["report-9"]}',
        '{"id": "report-3", "type": "report", "title": "x",}',
        '["not", "an", "object"]',
        '{"id": "report-4", "type": "report", "title": "x", "title": "y"}',
    ]
    (data / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (data / "unknown.jsonl").write_text("{}\n", encoding="utf-8")
    problems = {(p.code, p.line) for p in problems_of(data) if p.file == "articles.jsonl"}
    assert problems == {
        ("unknown-reference", 1),
        ("syntax", 2),
        ("wrong-type", 3),
        ("duplicate-field", 4),
    }
    assert any(p.code == "unknown-kind" and p.file == "unknown.jsonl" for p in problems_of(data))


_ID_CHARS = "ab-0123xyz"


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    word=st.text(alphabet=_ID_CHARS, max_size=9),
    known=st.lists(st.text(alphabet=_ID_CHARS, max_size=9), max_size=40, unique=True),
    cutoff=st.sampled_from([0.0, 0.5, 0.6, 0.75, 0.9, 1.0]),
)
def test_the_reference_hint_is_difflibs_closest_match(word: str, known: list[str], cutoff: float):
    """The 'did you mean' of an unknown reference (closest) is difflib.get_close_matches'
    one match, ties and the cutoff included."""
    want = difflib.get_close_matches(word, sorted(known), n=1, cutoff=cutoff)
    assert closest(word, sorted(known), cutoff) == (want[0] if want else None)
