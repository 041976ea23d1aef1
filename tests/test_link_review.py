"""The review file as spreadsheets save it: kwpld reads back what scholars write."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kwpld
from kwpld.dates import PartialDate
from kwpld.link.review import COLUMNS, read_decisions

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "party-cells-2013"
DATE = PartialDate(2024, 5, 1)


@pytest.fixture(scope="module")
def records():
    return kwpld.load_records(EXAMPLE)


def review(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "wikidata.review.csv"
    path.write_text(text, encoding)
    return path


def header(sep: str = ",") -> str:
    return sep.join(COLUMNS) + "\n"


def row(sep: str = ",", **cells: str) -> str:
    return sep.join(cells.get(column, "") for column in COLUMNS) + "\n"


def test_a_file_saved_with_a_byte_order_mark_and_semicolons_reads_the_same(tmp_path, records):
    text = header(";") + row(
        ";", entity="wpk", rank="1", qid="Q900000100", score="0.993", decision="Accept"
    )
    decisions = read_decisions(
        review(tmp_path, text, "utf-8-sig"), records, reviewer="A. Scholar", date=DATE
    )
    assert decisions.problems == []
    [found] = decisions.links
    assert (found.entity, found.qid, found.decision, found.method, found.score) == (
        "wpk", "Q900000100", "accepted", "review", 0.993,
    )  # fmt: skip
    assert found.by == "A. Scholar" and found.date == DATE


def test_rows_without_a_decision_are_left_alone(tmp_path, records):
    text = header() + row(entity="wpk", rank="1", qid="Q900000100", score="0.993")
    assert read_decisions(review(tmp_path, text), records, reviewer=None, date=DATE).links == []


def test_a_reviewer_column_overrides_the_option_and_one_of_them_is_needed(tmp_path, records):
    text = header() + row(entity="wpk", qid="Q900000100", decision="yes", reviewer="C. Curator")
    text += row(entity="wpk-cc", qid="Q900000103", decision="no")
    decisions = read_decisions(review(tmp_path, text), records, reviewer=None, date=DATE)
    assert [k.by for k in decisions.links] == ["C. Curator"]
    [problem] = decisions.problems
    assert str(problem) == (
        "wikidata.review.csv:3 (link wpk-cc) reviewer: who decided? fill the reviewer column, "
        "or pass --reviewer NAME [review-invalid]"
    )


def test_two_records_accepting_one_item_in_the_same_file_is_refused(tmp_path, records):
    text = header() + row(entity="wpk", qid="Q900000100", decision="accept")
    text += row(entity="wpk-cc", qid="Q900000100", decision="accept")
    decisions = read_decisions(review(tmp_path, text), records, reviewer="A", date=DATE)
    assert [str(p) for p in decisions.problems] == [
        "wikidata.review.csv:3 (link wpk-cc) decision: Q900000100 is also accepted for 'wpk' on "
        "line 2 [review-invalid]"
    ]


def test_a_file_without_the_decision_column_says_which_columns_it_needs(tmp_path, records):
    decisions = read_decisions(
        review(tmp_path, "entity,qid\nwpk,Q1\n"), records, reviewer="A", date=DATE
    )
    assert "the review file has no decision column" in str(decisions.problems[0])


def test_no_review_file_means_no_decisions(tmp_path, records):
    missing = tmp_path / "wikidata.review.csv"
    assert read_decisions(missing, records, reviewer="A", date=DATE).links == []


def test_the_loader_skips_the_review_file(tmp_path):
    data = Path(shutil.copytree(EXAMPLE, tmp_path / "records"))
    (data / "wikidata.review.csv").write_text(
        header() + row(entity="x", decision="accept"), "utf-8"
    )
    assert "wikidata.review.csv" not in kwpld.load_records(data).files
