"""Holdings from profiles, directories and list articles (issue 15): career lists of a profile
about one person ("- 1976–1985: editor-in-chief of ..."), tables of office holders under a
heading naming the post, and periods in running prose. Short synthetic texts with varied
layouts, read against tests/fixtures/ingest/facts/records or a person new to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text
from kwpld.load import load_records

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


@pytest.fixture(scope="module")
def known() -> Known:
    return Known.build(load_records(RECORDS))


def _iso(value: object) -> str | None:
    return None if value is None else parse_date(value).iso


def terms(text: str, known: Known, kind: str = "analysis") -> set[tuple[Any, ...]]:
    """(person, role, organ, start, end) of every holding drafted (a draft person or organ by
    its first name)."""
    _, drafted = read_text(text, known=known, date="2024-03-01", article_type=kind)
    names: dict[str, str] = {}
    for d in drafted.drafts:
        first = (d.record.get("names") or [{}])[0]
        if d.kind in ("person", "organ") and isinstance(first, dict):
            names[d.id] = first.get("text", d.id)
    return {
        (names.get(r["person"], r["person"]), r["role"], names.get(r["organ"], r["organ"]),
         _iso(r.get("start")), _iso(r.get("end")))
        for d in drafted.drafts
        if d.kind == "membership" and d.fact
        for r in [d.record]
    }  # fmt: skip


# -- 1. career lists of a profile ----------------------------------------------------------------


def test_career_list_under_a_heading_naming_the_person(known: Known) -> None:
    got = terms(
        "# Kim Yong-nam\n\nA veteran diplomat and head of state in name.\n\n## Career\n\n"
        "- 1976–1985: editor-in-chief of Rodong Sinmun, the organ of the WPK Central Committee\n"
        "- December 1992 – May 2016: secretary of the WPK Central Committee\n"
        "- 1990 to 2019: deputy to the Supreme People's Assembly\n"
        "* 2010-2017 — member of the Political Bureau\n"
        "- Since 2019: director of the Propaganda and Agitation Department\n",
        known,
    )
    assert ("kim-yong-nam", "editor-in-chief", "rodong-sinmun", "1976", "1985") in got
    assert ("kim-yong-nam", "secretary", "wpk-cc", "1992-12", "2016-05") in got
    assert ("kim-yong-nam", "member", "spa", "1990", "2019") in got
    assert ("kim-yong-nam", "member", "wpk-pb", "2010", "2017") in got
    assert ("kim-yong-nam", "director", "wpk-pad", "2019", None) in got
    # the organ in apposition is not a holding of its own
    assert not any(t[2] == "wpk-cc" and t[3] == "1976" for t in got)


def test_career_list_with_the_period_last_and_a_plain_title_line(known: Known) -> None:
    got = terms(
        "Hwang Pyong-so\n\nHwang Pyong-so (born 1949) is a North Korean military officer.\n\n"
        "Posts held:\n"
        "  * first vice director of the Organization and Guidance Department (2011–2014)\n"
        "  * director of the KPA General Political Bureau (April 2014 – October 2017).\n"
        "  * member of the Presidium of the Political Bureau, 2014 – present\n",
        known,
    )
    assert ("hwang-pyong-so", "first-vice-director", "wpk-ogd", "2011", "2014") in got
    assert ("hwang-pyong-so", "director", "kpa-gpb", "2014-04", "2017-10") in got
    assert ("hwang-pyong-so", "member", "wpk-pb-presidium", "2014", None) in got


def test_career_list_of_someone_new_named_by_the_first_sentence(known: Known) -> None:
    got = terms(
        "Ri Chang-ho (born 1954) is a North Korean intelligence official.\n\n"
        "1. 2009 – 2016: vice director of the United Front Department\n"
        "2. From March 2016: director of the United Front Department\n",
        known,
    )
    assert ("Ri Chang-ho", "vice-director", "wpk-ufd", "2009", "2016") in got
    assert ("Ri Chang-ho", "director", "wpk-ufd", "2016-03", None) in got


def test_dated_lines_of_a_news_report_are_not_a_career(known: Known) -> None:
    got = terms(
        "Pyongyang, March 1 (KCNA) -- The conference was held on 28 February.\n\n"
        "- 2019: a year of struggle for the Central Committee\n",
        known,
        kind="news",
    )
    assert not got
