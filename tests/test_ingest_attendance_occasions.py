"""Attendance at occasions (issue 15): reports whose lead event is a parade, a funeral, talks or a
banquet rather than a meeting, lists that name no event ("Present there were ..."), sub-headings
that start a new occasion ("Banquet Given"), and the words of funerals and parades. Short
synthetic texts; names, occasions, tense and order vary within a class."""

from __future__ import annotations

import pytest
from facts_helpers import attended as _attended

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str = "2024-05-12") -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _events(drafted: Drafted) -> dict[str, dict[str, object]]:
    return {d.id: d.record for d in drafted.drafts if d.kind == "event"}


KCNA = "Pyongyang, May 12 (KCNA) -- "


# -- 1. the lead occasion is the article's event -------------------------------------------------


@pytest.mark.parametrize(
    "lead",
    [
        "A military parade of the Korean People's Army and a mass demonstration of working people "
        "took place in grand style at Kim Il Sung Square on Saturday to celebrate the anniversary.",
        "A grand military parade and a mass rally of Pyongyang citizens were held with splendour "
        "at Kim Il Sung Square on Saturday in celebration of the founding anniversary.",
    ],
)
def test_a_parade_reported_with_another_occasion_leads_the_article(lead: str, known: Known) -> None:
    drafted = _read(
        KCNA + lead + "\n\nKim Jong Un appeared on the tribune.\n\nPresent there were Choe Ryong "
        "Hae, member of the Presidium of the Political Bureau, and Jo Yong Won, secretary of the "
        "WPK Central Committee.\n\nAlso on the tribune were Kim Tok Hun, premier of the Cabinet, "
        "and Kim Yo Jong.",
        known,
    )
    ((event, people),) = _attended(drafted).items()
    assert "parade" in event and str(_events(drafted)[event]["date"]) == "2024-05-11"
    four = ("kim-jong-un", "choe-ryong-hae", "jo-yong-won", "kim-tok-hun", "kim-yo-jong")
    assert people == dict.fromkeys(four, "platform")


def test_present_there_after_a_meeting_is_no_platform(known: Known) -> None:
    drafted = _read(
        KCNA + "A national meeting took place at the People's Palace of Culture on Friday.\n\n"
        "Present there were Choe Ryong Hae and Jo Yong Won.",
        known,
    )
    (people,) = _attended(drafted).values()
    assert people == dict.fromkeys(("choe-ryong-hae", "jo-yong-won"), "attended")


def test_talks_between_leaders_with_long_titles_lead_the_article(known: Known) -> None:
    drafted = _read(
        KCNA + "Talks between Kim Jong Un, general secretary of the Workers' Party of Korea, "
        "and Pak Pong Ju, premier of the Cabinet of a friendly country, who is on an official "
        "goodwill visit, were held at the office building of the WPK Central Committee on "
        "Friday.\n\nPresent from the DPRK side were Choe Son Hui and Kim Song Nam.",
        known,
    )
    ((event, people),) = _attended(drafted).items()
    assert "talks" in event and str(_events(drafted)[event]["date"]) == "2024-05-10"
    assert {"kim-jong-un", "choe-son-hui", "kim-song-nam"} <= set(people)


def test_a_state_funeral_with_its_titles_between_noun_and_verb(known: Known) -> None:
    drafted = _read(
        KCNA + "The state funeral of Kim Sang Ryong, veteran revolutionary fighter and marshal "
        "of the Korean People's Army, was held with solemnity in Pyongyang on Thursday.\n\n"
        "Kim Jong Un paid a last tribute to the deceased.\n\nThen the procession left. Ri Pyong "
        "Chol walked beside the hearse. Walking "
        "in the procession were Choe Ryong Hae and Kim Tok Hun.\n\nA memorial meeting took "
        "place at the cemetery.\n\nPresent there were Jo Yong Won and Pak Jong Chon.",
        known,
    )
    events = _events(drafted)
    by_event = _attended(drafted)
    funeral = next(e for e in by_event if "funeral" in e)
    memorial = next(e for e in by_event if "memorial" in e)
    assert str(events[funeral]["date"]) == str(events[memorial]["date"]) == "2024-05-09"
    assert by_event[funeral] == dict.fromkeys(
        ("kim-jong-un", "ri-pyong-chol", "choe-ryong-hae", "kim-tok-hun"), "attended"
    )
    assert set(by_event[memorial]) == {"jo-yong-won", "pak-jong-chon"}


# -- 2. sub-headings begin an occasion -----------------------------------------------------------


def test_a_sub_heading_names_the_occasion_its_paragraphs_report(known: Known) -> None:
    drafted = _read(
        KCNA + "Talks between Kim Jong Un and Choe Ryong Hae were held on Friday.\n\n"
        "Present at the talks were Pak Thae Song and Kim Song Nam.\n\nSend-off Ceremony Held\n\n"
        "The guest left Pyongyang on Saturday afternoon.\n\nPresent there were Jo Yong Won and "
        "Kim Tok Hun.",
        known,
    )
    by_event = _attended(drafted)
    send_off = next(e for e in by_event if "send-off" in e)
    assert set(by_event[send_off]) == {"jo-yong-won", "kim-tok-hun"}
    assert str(_events(drafted)[send_off]["date"]) == "2024-05-11"
    talks = next(e for e in by_event if "talks" in e)
    assert {"pak-thae-song", "kim-song-nam"} <= set(by_event[talks])
    assert "jo-yong-won" not in by_event[talks]


def test_a_sub_heading_over_an_occasion_its_body_names(known: Known) -> None:
    drafted = _read(
        KCNA + "A reception was given at the Mansudae Assembly Hall on Friday.\n\nPresent there "
        "were Choe Ryong Hae and Pak Thae Song.\n\nBanquet Given\n\nPresent there were Jo Yong "
        "Won and Kim Tok Hun. In the evening, Kim Jong Un gave a banquet at the Mokran House.",
        known,
    )
    by_event = _attended(drafted)
    banquet = next(e for e in by_event if "banquet" in e)
    assert set(by_event[banquet]) == {"jo-yong-won", "kim-tok-hun", "kim-jong-un"}
    reception = next(e for e in by_event if "reception" in e)
    assert set(by_event[reception]) == {"choe-ryong-hae", "pak-thae-song"}


def test_a_sentence_in_title_case_with_a_stop_is_no_sub_heading(known: Known) -> None:
    drafted = _read(
        KCNA + "A banquet was given at the Mokran House on Friday.\n\nKim Jong Un Attended.\n\n"
        "Present there were Jo Yong Won and Kim Tok Hun.",
        known,
    )
    assert len(_attended(drafted)) == 1


# -- 3. the words of occasions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Also watching the performance were Jo Yong Won and Kim Tok Hun.", "attended"),
        ("Marching in the procession were Jo Yong Won and Kim Tok Hun.", "attended"),
        ("Jo Yong Won and Kim Tok Hun made speeches.", "speaker"),
        ("Jo Yong Won and Kim Tok Hun saw off the guests at the airport.", "attended"),
        ("Jo Yong Won, secretary of the WPK Central Committee, and Kim Tok Hun saw him off.",
         "attended"),
    ],
)
def test_lists_and_verbs_at_an_occasion(sentence: str, role: str, known: Known) -> None:
    drafted = _read(
        KCNA + "A grand banquet was given at the Mokran House on Friday. " + sentence, known
    )
    (people,) = _attended(drafted).values()
    assert people["jo-yong-won"] == people["kim-tok-hun"] == role


def test_the_day_someone_died_is_not_the_day_of_his_memorial_service(known: Known) -> None:
    drafted = _read(
        KCNA + "A national memorial service for Kim Sang Ryong, member of the Central Military "
        "Commission of the WPK, who died on May 8, was held at the April 25 House of Culture on "
        "Saturday. Present there were Choe Ryong Hae and Ri Pyong Chol.",
        known,
    )
    ((event, people),) = _attended(drafted).items()
    assert str(_events(drafted)[event]["date"]) == "2024-05-11"
    assert set(people) == {"choe-ryong-hae", "ri-pyong-chol"}


def test_a_torchlight_procession_is_an_occasion(known: Known) -> None:
    drafted = _read(
        KCNA + "A torchlight procession of youth and students took place at Kim Il Sung Square "
        "on Saturday. Present there were Jo Yong Won and Kim Tok Hun, premier of the Cabinet.",
        known,
    )
    ((event, people),) = _attended(drafted).items()
    assert "procession" in event and str(_events(drafted)[event]["date"]) == "2024-05-11"
    assert set(people) == {"jo-yong-won", "kim-tok-hun"}
