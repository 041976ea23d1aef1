"""One report, several occasions (issue 15, attendance class B): a report segmented into its
occasions, each drafted as an event with its own day, and each attendance list attached to the
occasion whose sentences it sits in, not to the first event of the report. Short synthetic
texts; names, organs, tense and order vary within a class; negative cases check that a report
of one occasion is not split and that an occasion named in passing takes no one."""

from __future__ import annotations

import pytest
from facts_helpers import attended, iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str = "2010-09-18") -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _events(drafted: Drafted) -> dict[str, dict[str, object]]:
    return {d.id: d.record for d in drafted.drafts if d.kind == "event"}


def _at(drafted: Drafted, word: str) -> tuple[str, dict[str, str]]:
    """The one event whose id has ``word``, with its people."""
    (event,) = [e for e in _events(drafted) if word in e]
    return event, attended(drafted).get(event, {})


# -- 1. conferences of several bodies on different days -------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The conference of the North Phyongan Provincial Party Organization took place in "
         "Sinuiju on September 10.",
         "The conference of the South Hamgyong Provincial Party Organization was held in Hamhung "
         "on Sunday."),
        ("The conference of the Jagang provincial party organization was held on 10 September.",
         "On Sunday the conference of the Kangwon Provincial Party Organization was held at the "
         "Wonsan House of Culture."),
    ],
)
def test_conferences_of_bodies_on_different_days_are_events_of_their_own(
    first: str, second: str, known: Known
) -> None:
    drafted = _read(
        "The Pyongyang Times, 18 September 2010\n\n"
        f"{first} Ri Chol Man, chief secretary of the provincial party committee, made a report. "
        "Choe Thae Bok attended the conference as a guest.\n\n"
        f"{second} It was presided over by Kang Yong Su. Speakers included Pak Myong Sun.",
        known,
    )
    events = _events(drafted)
    conferences = sorted(events, key=lambda e: str(iso(events[e]["date"])))
    assert [iso(events[e]["date"]) for e in conferences] == ["2010-09-10", "2010-09-12"]
    assert all(events[e]["type"] == "conference" for e in conferences)
    people = attended(drafted)
    assert set(people[conferences[0]]) == {"ri-chol-man", "choe-thae-bok"}
    assert people[conferences[1]] == {"kang-yong-su": "presided", "pak-myong-sun": "speaker"}


def test_one_conference_is_not_split_and_several_unnamed_are_none(known: Known) -> None:
    drafted = _read(
        "The Pyongyang Times, 18 September 2010\n\nConferences of the provincial party "
        "organizations have been held across the country.\n\nThe conference of the Pyongyang "
        "City Party Organization was held at the April 25 House of Culture on Tuesday. Mun Kyong "
        "Dok made a report. Present as a guest was Kim Ki Nam. Ri Sang Gun took the floor.",
        known,
    )
    ((event, people),) = attended(drafted).items()
    assert len(_events(drafted)) == 1 and iso(_events(drafted)[event]["date"]) == "2010-09-14"
    assert people == {"mun-kyong-dok": "speaker", "kim-ki-nam": "attended",
                      "ri-sang-gun": "speaker"}  # fmt: skip


def test_conferences_of_known_party_committees_on_different_days(known: Known) -> None:
    drafted = _read(
        "Pyongyang, December 30 (KCNA) -- The conference of the South Phyongan Provincial Party "
        "Committee was held in Phyongsong on December 26. Kim Tok Hun attended it as a guest.\n\n"
        "The conference of the North Hamgyong Provincial Committee of the WPK took place in "
        "Chongjin on Sunday. Ri Pyong Chol made a speech there.",
        known,
        date="2020-12-30",
    )
    people = attended(drafted)
    days = {iso(record["date"]): e for e, record in _events(drafted).items()}
    assert set(days) == {"2020-12-26", "2020-12-27"}
    assert people[days["2020-12-26"]] == {"kim-tok-hun": "attended"}
    assert people[days["2020-12-27"]] == {"ri-pyong-chol": "speaker"}


def test_the_meeting_of_the_same_body_again_is_the_same_meeting(known: Known) -> None:
    drafted = _read(
        "Pyongyang, May 12 (KCNA) -- An enlarged meeting of the Political Bureau of the WPK "
        "Central Committee was held on Friday.\n\nThe meeting of the Political Bureau was "
        "presided over by Kim Jong Un. Jo Yong Won made a report.",
        known,
        date="2024-05-12",
    )
    ((_, people),) = attended(drafted).items()
    assert len(_events(drafted)) == 1
    assert people == {"kim-jong-un": "presided", "jo-yong-won": "speaker"}


# -- 2. an occasion whose subject names no one ----------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "then", "with_it"),
    [
        ("Leader Kim Jong Il arranged a luncheon in honour of the delegation on October 17.",
         "On October 18, the delegation toured the International Friendship Exhibition at Mt "
         "Myohyang.",
         "It was accompanied by Choe Thae Bok and Kim Ki Nam."),
        ("Kim Il Sung gave on-the-spot guidance to the Hungnam Fertilizer Complex on Wednesday.",
         "After the guidance at the complex, the President visited the South Hamgyong Provincial "
         "People's Hospital.",
         "He was welcomed at the hospital by Choe Thae Bok and Kim Ki Nam."),
        ("Kim Jong Un inspected the Hwasong Fertilizer Factory on Friday.",
         "Then the leader visited the Pyongyang General Hospital.",
         "Accompanying him at the hospital were Choe Thae Bok and Kim Ki Nam."),
    ],
)
def test_an_occasion_with_no_one_named_as_its_subject_takes_the_lists_after_it(
    lead: str, then: str, with_it: str, known: Known
) -> None:
    drafted = _read(f"Pyongyang, October 20 (KCNA) -- {lead}\n\n{then} {with_it}", known,
                    date="2007-10-20")  # fmt: skip
    people = attended(drafted)
    events = _events(drafted)
    second = [e for e in events if "exhibition" in e or "hospital" in e]
    assert len(second) == 1 and len(events) == 2
    assert {"choe-thae-bok", "kim-ki-nam"} <= set(people[second[0]])
    (first,) = set(events) - set(second)
    assert not {"choe-thae-bok", "kim-ki-nam"} & set(people.get(first, {}))
    assert events[second[0]].get("date") is not None  # its own day, or the day of the one before


def test_a_delegation_that_did_not_visit_makes_no_occasion(known: Known) -> None:
    drafted = _read(
        "Pyongyang, October 20 (KCNA) -- Leader Kim Jong Il arranged a luncheon in honour of the "
        "delegation on October 17. Present at the luncheon were Choe Thae Bok and Kim Ki Nam.\n\n"
        "The delegation did not visit the International Friendship Exhibition this time.",
        known,
        date="2007-10-20",
    )
    ((event, people),) = attended(drafted).items()
    assert "luncheon" in event and len(_events(drafted)) == 1
    assert set(people) == {"kim-jong-il", "choe-thae-bok", "kim-ki-nam"}


# -- 3. an occasion an attendance cue names ("Present at the burial were") -----------------------


@pytest.mark.parametrize(
    "burial",
    [
        "After the service, the coffin was carried to the cemetery. Present at the burial were "
        "Ri Yong Ho and Hyon Chol Hae.",
        "Attending the interment at the Revolutionary Martyrs Cemetery were Ri Yong Ho and Hyon "
        "Chol Hae.",
    ],
)
def test_people_present_at_a_burial_are_not_at_the_memorial_service(
    burial: str, known: Known
) -> None:
    drafted = _read(
        "Pyongyang, November 9 (KCNA) -- A memorial service for Jo Myong Rok took place at the "
        "April 25 House of Culture on Tuesday.\n\nOn the platform were Kim Yong Nam and Choe Yong "
        f"Rim.\n\n{burial}",
        known,
        date="2010-11-09",
    )
    service, at_service = _at(drafted, "memorial-service")
    rites = [e for e in _events(drafted) if e != service]
    assert len(rites) == 1 and iso(_events(drafted)[rites[0]]["date"]) == "2010-11-09"
    assert at_service == {"kim-yong-nam": "platform", "choe-yong-rim": "platform"}
    assert attended(drafted)[rites[0]] == {"ri-yong-ho-kpa": "attended",
                                           "hyon-chol-hae": "attended"}  # fmt: skip


@pytest.mark.parametrize(
    "named",
    [
        "Kim Yong Nam hosted a banquet for the delegation on Friday.",
        "A luncheon was given for the delegation at the Mansudae Assembly Hall on Friday.",
    ],
)
def test_present_at_an_occasion_named_before_is_that_occasion(named: str, known: Known) -> None:
    noun = "banquet" if "banquet" in named else "luncheon"
    drafted = _read(
        f"Pyongyang, May 12 (KCNA) -- {named}\n\nPresent at the {noun} were Choe Ryong Hae and "
        "Jo Yong Won.",
        known,
        date="2024-05-12",
    )
    assert len(_events(drafted)) == 1
    (people,) = attended(drafted).values()
    assert {"choe-ryong-hae", "jo-yong-won"} <= set(people)


# -- 4. days and roles of the occasions of a report ----------------------------------------------


def test_a_report_day_is_no_occasion_day_and_a_day_earlier_is(known: Known) -> None:
    drafted = _read(
        "SEOUL, Sept. 19 (Yonhap) -- Kim Jong Un hosted a banquet for the guests at the Mokran "
        "House on Tuesday evening. Kim Yong Nam and Premier Pak Pong Ju were among the "
        "officials present at the banquet, state media reported on Wednesday.\n\nA day "
        "earlier, senior officials including Ri Pyong Chol and Kim Tok Hun laid a floral basket "
        "before the statues.",
        known,
        date="2018-09-19",
    )
    banquet, people = _at(drafted, "banquet")
    assert iso(_events(drafted)[banquet]["date"]) == "2018-09-18"  # not the report's Wednesday
    assert people == {"kim-jong-un": "attended", "kim-yong-nam": "attended",
                      "pak-pong-ju": "attended"}  # fmt: skip (not speakers: "reported on")
    wreath, laid = _at(drafted, "wreath")
    assert iso(_events(drafted)[wreath]["date"]) == "2018-09-17"
    assert set(laid) == {"ri-pyong-chol", "kim-tok-hun"}


def test_those_who_sat_in_on_talks_attended_them(known: Known) -> None:
    drafted = _read(
        "Pyongyang, May 12 (KCNA) -- Kim Jong Un held talks with Xi Jinping on Friday. Kim Yo "
        "Jong and Kim Yong Chol sat in on the talks.",
        known,
        date="2024-05-12",
    )
    (people,) = attended(drafted).values()
    assert {"kim-yo-jong", "kim-yong-chol"} <= set(people)


# -- 5. a mausoleum visit by officials, a mourning visit, a welcome, a presidium's seats ----------


def test_officials_visit_to_a_mausoleum_is_an_occasion_apart_from_the_service(
    known: Known,
) -> None:
    drafted = _read(
        "SEOUL, Dec. 17 (Yonhap) -- Kim Jong Un attended a memorial service on Friday. Choe Ryong "
        "Hae and Jo Yong Won were on the platform.\n\nOn Thursday, senior officials of the party, "
        "state and army visited the Kumsusan Palace of the Sun. Among those present were Kim Tok "
        "Hun and Ri Pyong Chol.\n\nThe palace, which the leader visited in 2019, was rebuilt in "
        "1995. It had been visited by Pak Pong Ju in 2015.",
        known,
        date="2021-12-17",
    )
    service, at_service = _at(drafted, "memorial-service")
    assert set(at_service) == {"kim-jong-un", "choe-ryong-hae", "jo-yong-won"}
    visit, at_visit = _at(drafted, "kumsusan")
    assert iso(_events(drafted)[visit]["date"]) == "2021-12-16"
    assert set(at_visit) == {"kim-tok-hun", "ri-pyong-chol"}
    assert len(_events(drafted)) == 2  # no visit of 2019 or 2015: a relative clause, a passive


def test_a_mourning_visit_to_the_bier_before_the_service(known: Known) -> None:
    drafted = _read(
        "Pyongyang, November 11 (KCNA) -- A memorial service for Ri Ul Sol took place at the "
        "April 25 House of Culture on Wednesday. Sitting on the presidium were Kim Yong Nam and "
        "Pak Pong Ju.\n\nThe previous day, Kim Jong Un paid a mourning visit to the bier of Ri Ul "
        "Sol. He was accompanied by Hwang Pyong So.",
        known,
        date="2015-11-11",
    )
    _, at_service = _at(drafted, "memorial-service")
    assert at_service == {"kim-yong-nam": "platform", "pak-pong-ju": "platform"}
    bier, at_bier = _at(drafted, "tribute")
    assert iso(_events(drafted)[bier]["date"]) == "2015-11-10"
    assert at_bier == {"kim-jong-un": "attended", "hwang-pyong-so": "accompanied"}


@pytest.mark.parametrize(
    ("ceremony", "visit"),
    [
        ("A welcome ceremony was held at the airport.", "state visit"),
        ("A welcoming ceremony took place there with an honour guard.", "summit"),
    ],
)
def test_a_greeting_and_the_welcome_ceremony_after_it_are_one_occasion(
    ceremony: str, visit: str, known: Known
) -> None:
    drafted = _read(
        "Pyongyang, June 21 (KCNA) -- Kim Jong Un and his wife Ri Sol Ju warmly welcomed Xi "
        "Jinping at Pyongyang International Airport on Thursday, the first day of a two-day "
        f"{visit}.\n\n{ceremony} Also on hand to greet the guests were Choe Ryong Hae and Pak "
        "Pong Ju.\n\nIn the afternoon the two leaders held talks. Present at the talks were Kim "
        "Yong Chol and Ri Su Yong.",
        known,
        date="2019-06-21",
    )
    welcome, people = _at(drafted, "welcom")
    assert iso(_events(drafted)[welcome]["date"]) == "2019-06-20"
    assert set(people) == {"kim-jong-un", "ri-sol-ju", "xi-jinping", "choe-ryong-hae",
                           "pak-pong-ju"}  # fmt: skip
    _, at_talks = _at(drafted, "talks")
    # "the two leaders": the two the lead names, not the wife (class F, attendance.py)
    assert set(at_talks) == {"kim-yong-chol", "ri-su-yong", "kim-jong-un", "xi-jinping"}


@pytest.mark.parametrize(
    ("lead", "then", "leader"),
    [
        ("The great leader President Kim Il Sung gave on-the-spot guidance to the Hungnam "
         "Fertilizer Complex on Wednesday.",
         "After the guidance, the President visited the South Hamgyong Provincial Hospital.",
         "kim-il-sung"),
        ("Leader Kim Jong Il inspected the Ryongsong Machine Complex on Friday.",
         "Then the leader looked round the Hamhung Grand Theatre.",
         "kim-jong-il"),
        ("Kim Jong Un inspected the Hwasong Fertilizer Factory on Friday.",
         "Then the President visited the Pyongyang General Hospital.",
         None),  # no one named "President" before: no one placed by the title
    ],
)
def test_a_title_standing_for_the_leader_places_him_at_the_occasion(
    lead: str, then: str, leader: str | None, known: Known
) -> None:
    drafted = _read(f"Pyongyang, May 12 (KCNA) -- {lead}\n\n{then} He was welcomed there by "
                    "Choe Thae Bok.", known, date="2024-05-12")  # fmt: skip
    (second,) = [e for e in _events(drafted) if "hospital" in e or "theatre" in e]
    people = attended(drafted)[second]
    assert "choe-thae-bok" in people
    assert (leader in people) if leader else set(people) == {"choe-thae-bok"}
