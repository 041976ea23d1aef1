"""Attendance in the classes of sentence the held-out texts showed missing (issue 15): a
leader's inspection in KCNA's words and who accompanied and greeted him; speakers and platform
lists of long plenum reports; guests and observers; groups inside lists of names; consultative
meetings with those attending. Short synthetic sentences, several wordings per class."""

from __future__ import annotations

from typing import Any

import pytest
from facts_helpers import attended as _attended
from facts_helpers import events as _events

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted

KCNA = "Pyongyang, October 11 (KCNA) -- "
"""11 October 2025 is a Saturday."""


def _read(text: str, known: Known, date: str = "2025-10-11") -> Drafted:
    return read_text(KCNA + text, known=known, date=date, article_type="news")[1]


def _only(drafted: Drafted) -> tuple[dict[str, Any], dict[str, str]]:
    """The one event drafted and who took part in it."""
    events = _events(drafted)
    assert len(events) == 1, events
    key, record = next(iter(events.items()))
    return record, _attended(drafted).get(key, {})


# -- 1. inspections ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Un looked round the construction site of the Hwasong District flats. "
        "Accompanying him were Jo Yong Won and Kim Tok Hun.",
        "Respected Comrade Kim Jong Un, general secretary of the Workers' Party of Korea, went "
        "round a newly built greenhouse farm in Kangdong County. He was accompanied by Jo Yong "
        "Won and Kim Tok Hun.",
        "Kim Jong Un provided field guidance at the Kangdong Greenhouse Farm.\n\n"
        "Jo Yong Won and Kim Tok Hun accompanied him.",
        "Kim Jong Un gave on-the-spot guidance to the Sinpo Fishery Complex. He was accompanied "
        "on the inspection by Jo Yong Won and Kim Tok Hun.",
    ],
)
def test_an_inspection_in_other_words_and_who_accompanied(known: Known, text: str) -> None:
    record, people = _only(_read(text, known))
    assert record["type"] == "appearance"
    assert "date" not in record  # the report's date is not the day of the inspection
    assert people == {
        "kim-jong-un": "guided",
        "jo-yong-won": "accompanied",
        "kim-tok-hun": "accompanied",
    }


@pytest.mark.parametrize(
    "greeting",
    [
        "He was greeted on the spot by Ri Il Hwan, chief secretary of the South Hamgyong "
        "Provincial Committee of the WPK, and officials of the complex.",
        "Ri Il Hwan, chief secretary of the South Hamgyong Provincial Committee of the WPK, "
        "greeted him on the spot.",
        "He was warmly greeted at the complex by Ri Il Hwan.",
        "He was greeted on the spot by the provincial party chief, Ri Il Hwan.",
    ],
)
def test_who_greeted_the_leader_is_at_his_inspection(known: Known, greeting: str) -> None:
    drafted = _read(
        "Kim Jong Un inspected the Ryongsong Machine Complex. He was accompanied by Jo Yong "
        "Won.\n\n" + greeting + "\n\nHe went round the foundry and the assembly shop.",
        known,
    )
    _, people = _only(drafted)
    # the vocabulary has no "greeted"; "He went round": still the leader's inspection
    assert people == {"kim-jong-un": "guided", "jo-yong-won": "accompanied",
                      "ri-il-hwan": "attended"}  # fmt: skip


def test_a_weekday_dates_an_inspection_and_the_same_day_an_undated_one_does_not(
    known: Known,
) -> None:
    dated = _read("Kim Jong Un looked round the Pyongyang General Hospital on Monday.", known)
    assert [parse_date(r["date"]).iso for r in _events(dated).values()] == ["2025-10-06"]
    drafted = _read(
        "Kim Jong Il inspected the Ryongsong Machine Complex.\n\nThe same day, Kim Jong Il gave "
        "field guidance to the Hungnam Fertilizer Complex.\n\nJang Song Thaek and Kim Ki Nam "
        "accompanied him there.",
        known,
    )
    events = _events(drafted)
    assert len(events) == 2 and not any("date" in r for r in events.values())
    attended = _attended(drafted)
    hungnam = next(k for k in events if "hungnam" in k)
    assert attended[hungnam] == {"kim-jong-il": "guided", "jang-song-taek": "accompanied",
                                 "kim-ki-nam": "accompanied"}  # fmt: skip


def test_those_with_him_at_a_visit_not_at_the_event_the_article_reports(known: Known) -> None:
    drafted = _read(
        "A military parade was held at Kim Il Sung Square on Friday.\n\nOn Thursday evening, "
        "Kim Jong Un visited the Ministry of National Defence. He was accompanied by Ri Pyong "
        "Chol and Kim Yo Jong.",
        known,
    )
    attended = _attended(drafted)
    visit = next(k for k in _events(drafted) if k.startswith("visit"))
    assert set(attended[visit]) == {"kim-jong-un", "ri-pyong-chol", "kim-yo-jong"}
    assert not any("ri-pyong-chol" in p for k, p in attended.items() if k != visit)


# -- 2. speakers and platform lists of long reports ----------------------------------------------

PLENUM = (
    "The 3rd Plenary Meeting of the 8th Central Committee of the Workers' Party of Korea was held "
    "from June 15 to 18.\n\n"
)


def _plenum(text: str, known: Known) -> dict[str, str]:
    drafted = read_text(
        "Plenary Meeting Held\n\nPyongyang, June 19 (KCNA) -- " + PLENUM + text,
        known=known, date="2021-06-19", article_type="news",
    )[1]  # fmt: skip
    _, people = _only(drafted)
    return people


@pytest.mark.parametrize(
    "text",
    [
        "Speakers at the plenary meeting included Kim Tok Hun, Jo Yong Won and Pak Jong Chon.",
        "Delivering speeches were Kim Tok Hun, premier of the Cabinet, Jo Yong Won and Pak Jong "
        "Chon.",
        "Speaking at the meeting were Kim Tok Hun, Jo Yong Won, secretary of the WPK Central "
        "Committee, and Pak Jong Chon.",
        "Kim Tok Hun, Jo Yong Won and Pak Jong Chon spoke at the meeting.",
    ],
)
def test_speakers_listed(known: Known, text: str) -> None:
    assert _plenum(text, known) == dict.fromkeys(
        ("kim-tok-hun", "jo-yong-won", "pak-jong-chon"), "speaker"
    )


PLATFORM = {"kim-jong-un", "choe-ryong-hae", "jo-yong-won", "ri-pyong-chol", "pak-jong-chon"}


@pytest.mark.parametrize(
    "text",
    [
        "The following were on the platform: Kim Jong Un, Choe Ryong Hae, Jo Yong Won, Ri Pyong "
        "Chol and Pak Jong Chon.",
        "Seated on the platform were:\nKim Jong Un, general secretary of the WPK;\nChoe Ryong "
        "Hae, president of the Presidium of the Supreme People's Assembly;\nJo Yong Won;\nRi "
        "Pyong Chol and Pak Jong Chon.",
        "On the platform were the following:\n\n- Kim Jong Un\n- Choe Ryong Hae\n- Jo Yong Won\n"
        "- Ri Pyong Chol\n- Pak Jong Chon\n\nThe meeting discussed the economy.",
        "Present on the platform were Kim Jong Un; members of the Presidium of the Political "
        "Bureau Choe Ryong Hae and Jo Yong Won; and members of the Political Bureau Ri Pyong "
        "Chol and Pak Jong Chon.",
        "On the platform were Kim Jong Un, Choe Ryong Hae and Jo Yong Won. They were joined on "
        "the platform by Ri Pyong Chol and Pak Jong Chon.",
    ],
)
def test_platform_lists_over_lines_semicolons_and_sentences(known: Known, text: str) -> None:
    assert _plenum(text, known) == dict.fromkeys(PLATFORM, "platform")


def test_a_list_ends_where_its_lines_do(known: Known) -> None:
    people = _plenum(
        "Seated on the platform were:\n- Kim Jong Un\n- Choe Ryong Hae\n\nThe plenary meeting "
        "heard that Jo Yong Won had visited the province.",
        known,
    )
    assert people == {"kim-jong-un": "platform", "choe-ryong-hae": "platform"}


# -- 3. guests and observers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Kim Tok Hun and Pak Jong Chon attended the meeting as guests.", "attended"),
        ("Invited as guests were Kim Tok Hun and Pak Jong Chon.", "attended"),
        ("Among the guests were Kim Tok Hun and Pak Jong Chon.", "attended"),
        (
            "Officials of the Cabinet, Kim Tok Hun and Pak Jong Chon were present as observers.",
            "observer",
        ),  # fmt: skip
        ("Attending the meeting as observers were Kim Tok Hun and Pak Jong Chon.", "observer"),
        (
            "Present there were Kim Tok Hun, Pak Jong Chon and officials of the Cabinet.",
            "attended",
        ),  # fmt: skip
    ],
)
def test_guests_and_observers(known: Known, text: str, role: str) -> None:
    assert _plenum(text, known) == {"kim-tok-hun": role, "pak-jong-chon": role}


# -- 4. groups inside lists ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Attending the meeting were members of the Presidium of the Political Bureau of the WPK "
        "Central Committee Choe Ryong Hae, Jo Yong Won and Kim Tok Hun, and members of the "
        "Political Bureau.",
        "Choe Ryong Hae, Jo Yong Won, Kim Tok Hun and other members of the Presidium of the "
        "Political Bureau were present.",
        "Present were Choe Ryong Hae, Jo Yong Won, Kim Tok Hun and other members of the "
        "Politburo Presidium, members and alternate members of the Political Bureau.",
    ],
)
def test_the_named_in_a_group_attend_and_the_group_does_not(known: Known, text: str) -> None:
    assert _plenum(text, known) == dict.fromkeys(
        ("choe-ryong-hae", "jo-yong-won", "kim-tok-hun"), "attended"
    )


# -- 5. consultative and other small meetings ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A consultative meeting of the Presidium of the Political Bureau of the WPK Central "
        "Committee was held on June 10, attended by Choe Ryong Hae, Jo Yong Won and Kim Tok Hun.",
        "A consultative meeting of the Presidium of the Political Bureau of the WPK Central "
        "Committee was held on June 10 with Choe Ryong Hae, Jo Yong Won and Kim Tok Hun in "
        "attendance.",
        "A consultative meeting of the Presidium of the Political Bureau of the WPK Central "
        "Committee was held on June 10. Present at the meeting were Choe Ryong Hae, Jo Yong Won "
        "and Kim Tok Hun.",
    ],
)
def test_a_consultative_meeting_and_who_attended(known: Known, text: str) -> None:
    drafted = read_text(
        "Consultative Meeting Held\n\nPyongyang, June 11 (KCNA) -- " + text,
        known=known, date="2021-06-11", article_type="news",
    )[1]  # fmt: skip
    record, people = _only(drafted)
    assert record["type"] == "meeting" and parse_date(record["date"]).iso == "2021-06-10"
    assert people == dict.fromkeys(("choe-ryong-hae", "jo-yong-won", "kim-tok-hun"), "attended")


def test_wire_copy_of_an_inspection_and_who_was_among_those_with_him(known: Known) -> None:
    drafted = read_text(
        "SEOUL (Reuters) - KCNA reported on Sunday that Kim Tok Hun was among the officials who "
        "accompanied Kim Jong Un when he inspected a newly built fish farm in South Hamgyong "
        "Province on Saturday.",
        known=known, date="2018-06-04", article_type="news",
    )[1]  # fmt: skip
    record, people = _only(drafted)
    assert parse_date(record["date"]).iso == "2018-06-02"
    assert people == {"kim-jong-un": "guided", "kim-tok-hun": "accompanied"}


def test_a_habit_is_no_inspection(known: Known) -> None:
    drafted = _read("Kim Jong Un inspected munitions factories several times this year.", known)
    assert not _events(drafted) and not _attended(drafted)


def test_attended_by_members_and_others_as_observers(known: Known) -> None:
    people = _plenum(
        "The meeting was attended by Kim Tok Hun, Pak Jong Chon and other members of the Central "
        "Committee, and Ri Il Hwan and Kim Jae Ryong as observers.",
        known,
    )
    assert people == {"kim-tok-hun": "attended", "pak-jong-chon": "attended",
                      "ri-il-hwan": "observer", "kim-jae-ryong": "observer"}  # fmt: skip
