"""Attendance and events from running text unlike the texts the rules were first written for
(issue 15): occasions described rather than named (talks, banquets, funerals, memorial
services), days given relative to another ("the day before", "in the evening", "will ... on
Saturday"), a leader's appearances, and the cues that put people on a platform."""

from __future__ import annotations

from typing import Any

from facts_helpers import attended as _attended
from facts_helpers import events as _events

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str = "2025-10-11") -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _iso(value: object) -> str | None:
    return None if value is None else parse_date(value).iso


def _by_type(drafted: Drafted) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for record in _events(drafted).values():
        out.setdefault(record["type"], []).append(record)
    return out


KCNA = "Pyongyang, October 11 (KCNA) -- "


# -- occasions described, and their days -------------------------------------------------------


def test_talks_and_a_reception_the_day_before_another_event(known: Known) -> None:
    drafted = _read(
        KCNA + "A grand military parade was held at Kim Il Sung Square on the evening of "
        "October 10.\n\nThe day before, Kim Jong Un held talks with the visiting premier at the "
        "headquarters of the party. Present at the talks from the DPRK side were Pak Thae Song "
        "and Choe Son Hui. He then gave a reception for the foreign delegations at the Mokran "
        "House. Among the attendees were Choe Ryong Hae and Jo Yong Won.",
        known,
    )
    events = _events(drafted)
    dates = {r["type"]: _iso(r.get("date")) for r in events.values() if r["type"] != "ceremony"}
    assert dates == {"meeting": "2025-10-09"}
    ceremonies = sorted(
        _iso(r.get("date")) or "" for r in events.values() if r["type"] == "ceremony"
    )
    assert ceremonies == ["2025-10-09", "2025-10-10"]
    reception = next(k for k, r in events.items() if "reception" in k)
    talks = next(k for k, r in events.items() if r["type"] == "meeting")
    attended = _attended(drafted)
    assert {"choe-ryong-hae", "jo-yong-won"} <= set(attended[reception])
    assert {"pak-thae-song", "choe-son-hui"} <= set(attended[talks])


def test_talks_between_two_leaders_were_held_in_the_afternoon(known: Known) -> None:
    drafted = _read(
        "Pyongyang, October 28 (KCNA) -- Talks between Kim Jong Il and the visiting president "
        "were held at the Kumsusan Assembly Hall in the afternoon. Present at the talks were Pak "
        "Pong Ju and Choe Thae Bok.",
        known,
        date="2005-10-28",
    )
    (talks,) = _by_type(drafted)["meeting"]
    assert _iso(talks["date"]) == "2005-10-28"
    assert talks["location"].startswith("Kumsusan Assembly")


def test_a_funeral_and_a_memorial_service_on_the_same_day(known: Known) -> None:
    drafted = _read(
        "Pyongyang, July 9 (KCNA) -- The national funeral committee was formed today. The "
        "funeral will be held in Pyongyang on July 17 and the national memorial service will "
        "follow in Pyongyang on the same day.",
        known,
        date="1994-07-09",
    )
    ceremonies = _by_type(drafted)["ceremony"]
    # the committee is no funeral: two occasions, both on 17 July
    assert sorted(_iso(r["date"]) for r in ceremonies) == ["1994-07-17", "1994-07-17"]


def test_a_visit_announced_for_a_weekday_to_come(known: Known) -> None:
    drafted = _read(
        "Pyongyang, October 28 (KCNA) -- Kim Jong Il met Choe Thae Bok on Friday. Kim Jong Il "
        "will visit the Taean Friendship Glass Factory on Saturday.",
        known,
        date="2005-10-28",
    )
    (visit,) = _by_type(drafted)["appearance"]
    assert _iso(visit["date"]) == "2005-10-29"


# -- a leader's appearances ----------------------------------------------------------------------


def test_field_guidance_to_a_plant_and_a_performance_watched(known: Known) -> None:
    drafted = _read(
        "Pyongyang, November 3 (KCNA) -- Kim Jong Il gave field guidance to the Kanggye General "
        "Tractor Plant in Jagang Province.\n\nHe was accompanied by Jang Song Thaek and Choe "
        "Thae Bok.\n\nKim Jong Il also watched a performance given by the art troupe at the "
        "Jagang Provincial Art Theatre.",
        known,
        date="2009-11-03",
    )
    appearances = _by_type(drafted)["appearance"]
    assert len(appearances) == 2  # the guidance, and the performance he watched
    attended = _attended(drafted)
    guidance = next(e for e, people in attended.items() if "jang-song-taek" in people)
    assert attended[guidance]["kim-jong-il"] == "guided"
    assert attended[guidance]["choe-thae-bok"] == "accompanied"


def test_earlier_in_the_day_is_the_day_of_the_event_before(known: Known) -> None:
    drafted = _read(
        KCNA + "A grand military parade was held at Kim Il Sung Square on the evening of "
        "October 10.\n\nEarlier in the day, Kim Jong Un, accompanied by Jo Yong Won, visited "
        "the Kumsusan Palace of the Sun.",
        known,
    )
    (visit,) = _by_type(drafted)["appearance"]
    assert _iso(visit["date"]) == "2025-10-10"


# -- who was where ---------------------------------------------------------------------------


def test_present_on_the_platform_and_also_seen_on_it(known: Known) -> None:
    drafted = _read(
        KCNA + "A national memorial service was held at Kim Il Sung Square on Thursday.\n\n"
        "Present on the platform were Kim Jong Un and Choe Ryong Hae.\n\nAlso seen on the "
        "platform were Jo Yong Won and Pak Thae Song.",
        known,
    )
    ((_, roles),) = _attended(drafted).items()
    assert roles == {
        "kim-jong-un": "platform",
        "choe-ryong-hae": "platform",
        "jo-yong-won": "platform",
        "pak-thae-song": "platform",
    }


# -- lists the narrow patterns stop short of ------------------------------------------------------


def test_a_list_with_titles_the_rules_do_not_read_and_a_group_before_it(known: Known) -> None:
    drafted = _read(
        KCNA + "An enlarged meeting of the Political Bureau of the Central Committee of the "
        "Workers' Party of Korea was held on 10 October.\n\nPresent there were members and "
        "alternate members of the Political Bureau, among them Kim Yong Nam, supreme leader of "
        "the people's festivities, Pak Pong Ju and Choe Ryong Hae, as well as leading officials "
        "of departments.\n\nSpeeches were made by Jo Yong Won, by Kim Tok Hun, who spoke on "
        "behalf of the youth, and by Ri Pyong Chol, a worker of a steel complex.",
        known,
    )
    ((_, roles),) = _attended(drafted).items()
    assert roles == {
        "kim-yong-nam": "attended",
        "pak-pong-ju": "attended",
        "choe-ryong-hae": "attended",
        "jo-yong-won": "speaker",
        "kim-tok-hun": "speaker",
        "ri-pyong-chol": "speaker",
    }


def test_names_before_were_on_the_platform_and_the_floor_taken(known: Known) -> None:
    drafted = _read(
        KCNA + "The 3rd session of the 12th Supreme People's Assembly was held at the Mansudae "
        "Assembly Hall on 10 October.\n\nKim Yong Nam, honoured veteran of many things, Choe "
        "Ryong Hae and other members of the presidium of the session were on the platform.\n\n"
        "The session was opened by Pak Pong Ju.\n\nDeputies Jo Yong Won and Kim Tok Hun took "
        "the floor. The ordinance was read out by Ri Pyong Chol.",
        known,
    )
    ((_, roles),) = _attended(drafted).items()
    assert roles == {
        "kim-yong-nam": "platform",
        "choe-ryong-hae": "platform",
        "pak-pong-ju": "presided",
        "jo-yong-won": "speaker",
        "kim-tok-hun": "speaker",
        "ri-pyong-chol": "speaker",
    }


def test_accompanied_on_both_sides_and_no_one_past_the_list(known: Known) -> None:
    drafted = _read(
        KCNA + "Kim Jong Un visited the Kumsusan Palace of the Sun, accompanied by Jo Yong Won "
        "and Choe Ryong Hae on his right and by Pak Pong Ju on his left, and paid tribute to "
        "Kim Il Sung and Kim Jong Il.",
        known,
    )
    ((_, roles),) = _attended(drafted).items()
    assert roles == {
        "kim-jong-un": "attended",
        "jo-yong-won": "accompanied",
        "choe-ryong-hae": "accompanied",
        "pak-pong-ju": "accompanied",
    }


def test_a_ceremony_of_conferring_the_day_before_and_its_recipients(known: Known) -> None:
    drafted = _read(
        "Pyongyang, September 10 (KCNA) -- A grand banquet was given at the Mokran House on "
        "Sunday.\n\nThe day before, a ceremony of conferring the title of DPRK Hero on nuclear "
        "scientists took place at the Mansudae Assembly Hall.\n\nKim Yong Nam conferred the "
        "title on Jo Yong Won and Kim Tok Hun and made a congratulatory speech. Present at the "
        "ceremony was Choe Ryong Hae.",
        known,
        date="2017-09-10",
    )
    (conferral,) = _by_type(drafted)["conferral"][:1]
    assert _iso(conferral["date"]) == "2017-09-09"
    attended = _attended(drafted)
    ceremony = next(e for e, people in attended.items() if "jo-yong-won" in people)
    assert attended[ceremony] == {
        "kim-yong-nam": "speaker",
        "jo-yong-won": "attended",
        "kim-tok-hun": "attended",
        "choe-ryong-hae": "attended",
    }


# -- the dates of named events ---------------------------------------------------------------------


def test_a_session_that_met_the_following_day_and_one_opened_today(known: Known) -> None:
    drafted = _read(
        "An enlarged meeting of the Political Bureau of the WPK Central Committee convened on "
        "April 11, and the Third Session of the 14th Supreme People's Assembly met the following "
        "day at the Mansudae Assembly Hall.",
        known,
        date="2020-04-21",
    )
    dates = {r["type"]: _iso(r.get("date")) for r in _events(drafted).values()}
    assert dates == {"meeting": "2020-04-11", "session": "2020-04-12"}
    drafted = _read(
        "Pyongyang, September 5 (KCNA) -- The first session of the 10th Supreme People's "
        "Assembly opened at the Mansudae Assembly Hall today.",
        known,
        date="1998-09-05",
    )
    (session,) = _by_type(drafted)["session"]
    assert _iso(session["date"]) == "1998-09-05"


def test_dated_in_passing_and_on_two_days(known: Known) -> None:
    drafted = _read(
        "At the first session of the 14th Supreme People's Assembly on April 11 and 12, Kim "
        "Yong Nam retired. He kept the seat until the 3rd Plenary Meeting of the 8th Central "
        "Committee of the WPK in April 2014.",
        known,
        date="2019-06-04",
    )
    (session,) = _by_type(drafted)["session"]
    assert (_iso(session["date"]), _iso(session.get("end"))) == ("2019-04-11", "2019-04-12")
    (plenum,) = _by_type(drafted)["plenary-meeting"]
    assert _iso(plenum["date"]) == "2014-04"


def test_held_from_monday_to_saturday_and_closed_on_a_weekday(known: Known) -> None:
    drafted = _read(
        "SEOUL, Jan. 1 (Yonhap) -- The party held the enlarged sixth plenary meeting of the "
        "eighth WPK Central Committee from Monday to Saturday in Pyongyang. Kim Jong Un made a "
        "speech on Saturday at a ceremony in the garden of the party headquarters.",
        known,
        date="2023-01-01",
    )
    (plenum,) = _by_type(drafted)["plenary-meeting"]
    assert (_iso(plenum["date"]), _iso(plenum.get("end"))) == ("2022-12-26", "2022-12-31")
    (ceremony,) = _by_type(drafted)["ceremony"]
    assert _iso(ceremony["date"]) == "2022-12-31"
    drafted = _read(
        "Pyongyang, September 30 (KCNA) -- The 5th Session of the 14th Supreme People's "
        "Assembly, which opened at the Mansudae Assembly Hall on Tuesday, closed on Wednesday.",
        known,
        date="2021-09-30",
    )
    (session,) = _by_type(drafted)["session"]
    assert (_iso(session["date"]), _iso(session.get("end"))) == ("2021-09-28", "2021-09-29")


# -- meetings convened by someone, and meetings of bodies the text does not name as organs ------


def test_a_meeting_a_leader_convened_on_a_weekday(known: Known) -> None:
    drafted = _read(
        "Pyongyang, August 21 (KCNA) -- Kim Jong Un convened an emergency enlarged meeting of "
        "the Central Military Commission of the WPK on Thursday.\n\nHe presided over the "
        "meeting.\n\nPresent at the meeting were Hwang Pyong So and Choe Ryong Hae.\n\nThe DPRK "
        "side proposed holding an urgent high-level contact at Panmunjom on Saturday.",
        known,
        date="2015-08-21",
    )
    dates = sorted(_iso(r.get("date")) or "" for r in _by_type(drafted)["meeting"])
    assert dates == ["2015-08-20", "2015-08-22"]  # Thursday before, Saturday to come
    attended = _attended(drafted)
    meeting = next(e for e, people in attended.items() if "hwang-pyong-so" in people)
    assert attended[meeting] == {
        "kim-jong-un": "presided",
        "hwang-pyong-so": "attended",
        "choe-ryong-hae": "attended",
    }


def test_a_committee_held_its_first_meeting_and_the_decision_announced(known: Known) -> None:
    drafted = _read(
        "Pyongyang, July 9 (KCNA) -- The funeral committee held its first meeting at the "
        "Kumsusan Assembly Hall on Saturday afternoon.\n\nPresent at the meeting was Kim Yong "
        "Nam.\n\nJo Yong Won announced the decision of the committee on the funeral "
        "arrangements.",
        known,
        date="1994-07-09",
    )
    (meeting,) = _by_type(drafted)["meeting"]
    assert _iso(meeting["date"]) == "1994-07-09"
    assert "ceremony" not in _by_type(drafted)  # the funeral committee, its arrangements
    ((_, roles),) = _attended(drafted).items()
    assert roles == {"kim-yong-nam": "attended", "jo-yong-won": "speaker"}


# -- hosts, guests and welcomes --------------------------------------------------------------------


def test_a_welcome_at_the_airport_its_host_and_the_talks_between_them(known: Known) -> None:
    drafted = _read(
        "Pyongyang, October 28 (KCNA) -- Kim Jong Il warmly greeted Kim Yong Nam at Pyongyang "
        "Airport on Friday.\n\nKim Jong Il was accompanied by Pak Pong Ju.\n\nTalks between Kim "
        "Jong Il and Kim Yong Nam were held at the Kumsusan Assembly Hall in the afternoon.\n\n"
        "Choe Thae Bok gave a grand banquet at the People's Palace of Culture in the evening.",
        known,
        date="2005-10-28",
    )
    by_type = _by_type(drafted)
    assert sorted(_iso(r["date"]) for r in by_type["ceremony"]) == ["2005-10-28", "2005-10-28"]
    assert [_iso(r["date"]) for r in by_type["meeting"]] == ["2005-10-28"]
    attended = _attended(drafted)
    welcome = next(e for e, people in attended.items() if "pak-pong-ju" in people)
    assert attended[welcome] == {
        "kim-jong-il": "attended",
        "kim-yong-nam": "attended",
        "pak-pong-ju": "accompanied",
    }
    talks = next(e for e, r in _events(drafted).items() if r["type"] == "meeting")
    assert attended[talks] == {"kim-jong-il": "attended", "kim-yong-nam": "attended"}
    banquet = next(e for e, people in attended.items() if "choe-thae-bok" in people)
    assert attended[banquet] == {"choe-thae-bok": "attended"}


def test_a_meeting_dated_by_a_weekday_and_a_plenary_meeting_on_a_day(known: Known) -> None:
    drafted = _read(
        "SEOUL (AP) -- During a meeting of the ruling Workers' Party's Politburo on Tuesday, "
        "Kim Jong Un accused officials. At a plenary meeting of the party Central Committee on "
        "April 10, he did more.",
        known,
        date="2021-07-01",
    )
    by_type = _by_type(drafted)
    assert [_iso(r["date"]) for r in by_type["meeting"]] == ["2021-06-29"]
    assert [_iso(r["date"]) for r in by_type["plenary-meeting"]] == ["2021-04-10"]


# -- one event, named several ways ----------------------------------------------------------------


def test_an_event_named_in_the_headline_and_the_body_is_one(known: Known) -> None:
    drafted = _read(
        "5th Session of 14th SPA of DPRK Held\n\nPyongyang, September 30 (KCNA) -- The 5th "
        "Session of the 14th Supreme People's Assembly of the Democratic People's Republic of "
        "Korea was held on 28 and 29 September. The 2nd Session of the 13th Supreme People's "
        "Assembly had met in 2015.",
        known,
        date="2021-09-30",
    )
    sessions = sorted((r["ordinal"], _iso(r.get("date"))) for r in _by_type(drafted)["session"])
    assert sessions == [(2, "2015"), (5, "2021-09-28")]


def test_on_the_podium_sat_a_list_after_a_colon(known: Known) -> None:
    drafted = _read(
        "SEOUL (AP) -- During a meeting of the ruling party's Politburo on Tuesday, Kim Jong Un "
        "accused officials. On the podium sat the three remaining Presidium members: Jo Yong "
        "Won, Premier Kim Tok Hun and Choe Ryong Hae.",
        known,
        date="2021-07-01",
    )
    ((_, roles),) = _attended(drafted).items()
    assert {p: r for p, r in roles.items() if r == "platform"} == {
        "jo-yong-won": "platform",
        "kim-tok-hun": "platform",
        "choe-ryong-hae": "platform",
    }


def test_a_visited_place_ends_with_its_sentence_and_may_contain_and(known: Known) -> None:
    drafted = _read(
        KCNA + "Kim Jong Un visited the February 8 Vinalon Complex. He praised the workers.\n\n"
        "Kim Jong Un inspected the Kim Chaek Iron and Steel Complex on Friday.",
        known,
    )
    names = sorted(r["names"][0]["text"] for r in _by_type(drafted)["appearance"])
    assert names == [
        "Inspection of Kim Chaek Iron and Steel Complex",
        "Visit to February 8 Vinalon Complex",
    ]
    assert not any(key.endswith("-he") for key in _events(drafted))


def test_a_meeting_presided_over_by_a_leader_in_analyst_prose(known: Known) -> None:
    drafted = _read(
        "Seoul, May 14 -- Hyon was reportedly accused of dozing off at a meeting of KPA "
        "training officials presided over by Kim Jong Un.",
        known,
        date="2015-05-14",
    )
    meetings = _by_type(drafted)["meeting"]
    assert [m["names"][0]["text"].split(",")[0] for m in meetings] == [
        "meeting of KPA training officials"
    ]
    assert _attended(drafted)[meetings[0]["id"]]["kim-jong-un"] == "presided"


def test_a_summit_named_by_its_place_and_the_leaders_named_with_it(known: Known) -> None:
    drafted = _read(
        "Seoul, June 4 -- Kim Yong Chol led the talks until the failed Hanoi summit.\n\n"
        "The Hanoi summit on Feb. 27 and 28, where Kim Yong Chol accompanied Kim Jong Un, ended "
        "without an agreement.",
        known,
        date="2019-06-04",
    )
    meetings = _by_type(drafted)["meeting"]
    assert len(meetings) == 1
    summit = meetings[0]
    assert (summit["location"], _iso(summit["date"]), _iso(summit["end"])) == (
        "Hanoi", "2019-02-27", "2019-02-28"
    )
    assert _attended(drafted)[summit["id"]] == {
        "kim-yong-chol": "accompanied", "kim-jong-un": "attended"
    }


def test_conferences_of_party_representatives_of_a_body(known: Known) -> None:
    drafted = _read(
        "Pyongyang, October 9 (KCNA) -- Conferences of Party representatives of the People's "
        "Army and of all the provinces recommended him.\n\nThe conference of Party "
        "representatives of the Korean People's Army was held on 21 September. Pak Pong Ju "
        "made a report at the conference.\n\nThe conference of Party representatives of South "
        "Phyongan Province was held in Phyongsong on 24 September. It was opened by Ri Man Gon.",
        known,
        date="1997-10-09",
    )
    conferences = {
        c["names"][0]["text"]: _iso(c["date"]) for c in _by_type(drafted)["conference"]
    }
    assert conferences == {
        "conference of Party representatives of the Korean People's Army": "1997-09-21",
        "conference of Party representatives of South Phyongan Province": "1997-09-24",
    }
    people = {p for roles in _attended(drafted).values() for p in roles}
    assert {"pak-pong-ju", "ri-man-gon"} <= people


def test_two_summits_named_by_their_places(known: Known) -> None:
    drafted = _read(
        "Seoul, January 18 -- Ri Yong Ho led the North's delegation at the summits with the "
        "U.S. in Singapore and Hanoi.",
        known,
        date="2020-01-18",
    )
    places = sorted(m["location"] for m in _by_type(drafted)["meeting"])
    assert places == ["Hanoi", "Singapore"]


def test_a_performance_watched_together_with_a_leader(known: Known) -> None:
    drafted = _read(
        "Seoul, May 14 -- State media last mentioned Pak Pong Ju on 29 April, when KCNA said "
        "that he had watched an art performance together with Kim Jong Un the day before.",
        known,
        date="2015-05-14",
    )
    attended = _attended(drafted)
    performance = next(e for e in attended if "performance" in e)
    assert attended[performance] == {"pak-pong-ju": "attended", "kim-jong-un": "attended"}
    assert _iso(_events(drafted)[performance]["date"]) == "2015-04-28"  # the day before 29 April
