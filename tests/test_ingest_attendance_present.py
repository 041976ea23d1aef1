"""Attendance class AF (issue 15): those present at the occasions of a state visit and at the
leader's appearances as KCNA and analysts' prose tells them — a guest's suite after his arrival,
"Also out at the airport to welcome them were", "Also enjoying the performance were", one
"accompanied by" the subject of a visit (with him, not its guide), "when he accompanied Kim to
a KPA unit" (an appearance Kim guided), "KCNA listed him after A and before B", "seen on the
rostrum with A and B", "together with A and B", "the 10 April mass rally" (an occasion dated by
its own day); at funerals "The mourners included", a funeral oration, the burial after a
memorial service. Near misses place no one: a visit to come ("is expected to accompany"), a
habit ("often accompanied"), songs "accompanied by" an orchestra, a funeral committee, wreaths,
people named in a speech. Short synthetic texts."""

from __future__ import annotations

from facts_helpers import attended as _attended
from facts_helpers import attended_anywhere as _everywhere
from facts_helpers import attended_at as _at
from facts_helpers import events as _events
from facts_helpers import iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str, kind: str = "news") -> Drafted:
    return read_text(text, known=known, date=date, article_type=kind)[1]


ARRIVAL = (
    "Pyongyang, June 18 (KCNA) -- Vladimir Putin, president of the Russian Federation, arrived "
    "here today on a state visit to the DPRK.\n\nHe was accompanied by Sergei Lavrov, foreign "
    "minister, Andrei Belousov, defence minister, and other members of his entourage.\n\n"
    "Kim Jong Un welcomed the guests at Pyongyang International Airport.\n\n"
)


def test_the_suite_after_an_arrival_and_those_out_at_the_airport(known: Known) -> None:
    drafted = _read(
        ARRIVAL + "Also out at the airport to greet them were Choe Ryong Hae, chairman of the "
        "Standing Committee of the Supreme People's Assembly, and Premier Kim Tok Hun.\n\n"
        "The motorcade was accompanied by a guard of honour on motorcycles.",
        known, "2024-06-18",
    )
    arrival = _at(drafted, "ceremony", "2024-06-18")
    assert arrival.get("vladimir-putin") == "attended"
    assert arrival.get("sergei-lavrov") == "accompanied"
    assert arrival.get("andrei-belousov") == "accompanied"
    assert arrival.get("kim-jong-un") == "attended"
    assert arrival.get("choe-ryong-hae") == "attended"
    assert arrival.get("kim-tok-hun") == "attended"


def test_an_arrival_no_one_greets_is_no_occasion(known: Known) -> None:
    drafted = _read(
        "Pyongyang, June 18 (KCNA) -- Vladimir Putin arrived here today on a state visit. He was "
        "accompanied by Sergei Lavrov. The visit is his first since 2000. Russian media reported "
        "that talks would follow.\n\nKim Jong Un welcomed the guests at the airport.",
        known, "2024-06-18",
    )
    # the welcome is three sentences after the arrival: not read as its greeting
    assert "sergei-lavrov" not in _everywhere(drafted)


def test_also_enjoying_the_performance_and_songs_accompanied_by_an_orchestra(
    known: Known,
) -> None:
    drafted = _read(
        "Pyongyang, June 20 (KCNA) -- Vladimir Putin watched a performance given by the "
        "Mansudae Art Troupe at the Mansudae Art Theatre on Wednesday evening.\n\nAlso enjoying "
        "the performance were Choe Ryong Hae and Jo Yong Won.\n\nThe songs, accompanied by the "
        "orchestra of the troupe, were greeted with applause.",
        known, "2024-06-20",
    )
    shows = [k for k, e in _events(drafted).items() if iso(e.get("date")) == "2024-06-19"]
    assert len(shows) == 1
    show = _attended(drafted)[shows[0]]
    assert show.get("choe-ryong-hae") == "attended"
    assert show.get("jo-yong-won") == "attended"


def test_one_accompanied_by_the_subject_of_a_visit_is_with_him_not_its_guide(
    known: Known,
) -> None:
    drafted = _read(
        "Pyongyang, June 20 (KCNA) -- Vladimir Putin watched a performance at the Mansudae Art "
        "Theatre on Wednesday evening.\n\nEarlier that day the Russian president, accompanied by "
        "Choe Son Hui, minister of foreign affairs, went round the Kumsusan Palace of the Sun. He "
        "was also accompanied there by Sergei Lavrov.",
        known, "2024-06-20",
    )
    roles = {p: role for people in _attended(drafted).values() for p, role in people.items()}
    assert roles.get("choe-son-hui") == "accompanied"
    assert "guided" not in roles.values()


NKLW = (
    "RI PYONG CHOL AT KIM JONG UN'S SIDE\nNK Leadership Watch | 2 May 2022\n\n"
    "Ri Pyong Chol, a member of the Presidium of the Political Bureau, has kept close to the "
    "leader this spring.\n\n"
)


def test_accompanied_the_leader_to_an_occasion_listed_after_and_before(known: Known) -> None:
    drafted = _read(
        NKLW + "His first appearance of the season came on 12 March, when he accompanied Kim "
        "Jong Un to an artillery unit on the west coast. KCNA listed him after Jo Yong Won, "
        "secretary of the WPK Central Committee, and before Kim Tok Hun. On that occasion Kim "
        "Jong Un was also accompanied by Pak Jong Chon and Hwang Pyong So.",
        known, "2022-05-02", "analysis",
    )
    unit = _at(drafted, "appearance", "2022-03-12")
    assert unit.get("kim-jong-un") == "guided"
    for escort in ("ri-pyong-chol", "jo-yong-won", "kim-tok-hun", "pak-jong-chon",
                   "hwang-pyong-so"):
        assert unit.get(escort) == "accompanied", escort


def test_among_the_officials_who_accompanied_him_together_with(known: Known) -> None:
    drafted = _read(
        NKLW + "On 14 April Ri Pyong Chol was among the officials who accompanied Kim Jong Un "
        "on his visit to the Mangyongdae Revolutionary School, together with Kim Yo Jong and "
        "Jo Yong Won.",
        known, "2022-05-02", "analysis",
    )
    school = _at(drafted, "appearance", "2022-04-14")
    assert school.get("kim-jong-un") == "guided"
    assert school.get("ri-pyong-chol") == "accompanied"
    assert school.get("kim-yo-jong") == "accompanied"
    assert school.get("jo-yong-won") == "accompanied"


def test_an_escort_to_come_or_habitual_is_no_appearance(known: Known) -> None:
    drafted = _read(
        NKLW + "Ri is expected to accompany Kim Jong Un to the next strategic weapons test. He "
        "often accompanied Kim Jong Un to munitions factories in Jagang Province, and was seen "
        "there with Jo Yong Won several times.",
        known, "2022-05-02", "analysis",
    )
    assert not _everywhere(drafted)


def test_seen_on_the_rostrum_of_a_rally_its_day_before_the_noun(known: Known) -> None:
    drafted = _read(
        NKLW + "Ri also appeared at the 10 April mass rally in Kim Il Sung Square, where he was "
        "seen on the rostrum with Choe Ryong Hae and Kim Tok Hun.",
        known, "2022-05-02", "analysis",
    )
    rally = _at(drafted, "ceremony", "2022-04-10")
    assert rally.get("choe-ryong-hae") == "platform"
    assert rally.get("kim-tok-hun") == "platform"


def test_the_dated_meeting_named_again_is_the_same_meeting(known: Known) -> None:
    drafted = _read(
        "SEOUL, July 5 (Yonhap) -- An enlarged meeting of the Political Bureau of the WPK "
        "Central Committee was held on June 29, state media said. At the June 29 meeting, Kim "
        "Jong Un criticized senior officials over the anti-epidemic work.",
        known, "2021-07-05",
    )
    of_day = [k for k, e in _events(drafted).items() if iso(e.get("date")) == "2021-06-29"]
    assert len(of_day) == 1


FUNERAL = (
    "Pyongyang, March 3 (KCNA) -- The state funeral of Kim Chol Man, member of the Political "
    "Bureau of the WPK Central Committee, took place at the April 25 House of Culture today.\n\n"
)


def test_mourners_included_an_oration_not_the_committee_wreaths_or_the_speech(
    known: Known,
) -> None:
    drafted = _read(
        FUNERAL + "The state funeral committee, headed by Kim Jong Il, was made up of Kim Yong "
        "Nam, Jo Myong Rok and other officials.\n\nThe mourners also included Choe Thae Bok and "
        "Kim Ki Nam.\n\nYang Hyong Sop delivered a funeral oration, in which he recalled that "
        "President Kim Il Sung had trusted the deceased.\n\nWreaths were sent by Kim Jong Il "
        "and Kim Kyong Hui.",
        known, "2003-03-03",
    )
    funeral = _at(drafted, "ceremony", "2003-03-03")
    assert funeral.get("choe-thae-bok") == "attended"
    assert funeral.get("kim-ki-nam") == "attended"
    assert funeral.get("yang-hyong-sop") == "speaker"
    assert not {"kim-jong-il", "kim-yong-nam", "jo-myong-rok", "kim-il-sung",
                "kim-kyong-hui"} & _everywhere(drafted)  # fmt: skip


def test_those_at_the_grave_after_the_memorial_service_are_at_the_funeral(
    known: Known,
) -> None:
    drafted = _read(
        "Pyongyang, March 4 (KCNA) -- The funeral of Kim Chol Man took place in Pyongyang on "
        "March 3.\n\nA memorial service was held at the Central Hall of the Ministry of People's "
        "Armed Forces. Kim Yong Chun delivered a memorial address.\n\nThe hearse then left for "
        "the Revolutionary Martyrs Cemetery. At the cemetery, the coffin was lowered into the "
        "grave. Among those on hand were Choe Thae Bok and Kim Ki Nam.",
        known, "2003-03-04",
    )
    funerals = [k for k, e in _events(drafted).items()
                if any("funeral" in str(n).lower() for n in e.get("names", []))]  # fmt: skip
    assert funerals
    at_funeral = _attended(drafted).get(funerals[0], {})
    assert {"choe-thae-bok", "kim-ki-nam"} <= set(at_funeral)


def test_accompanied_also_by_at_the_visit_not_the_one_accompanied(known: Known) -> None:
    drafted = _read(
        "Pyongyang, June 20 (KCNA) -- Vladimir Putin, accompanied by Choe Son Hui, visited the "
        "Kumsusan Palace of the Sun on Wednesday. He was accompanied also by Sergei Lavrov.",
        known, "2024-06-20",
    )
    roles = {p: role for people in _attended(drafted).values() for p, role in people.items()}
    assert roles.get("sergei-lavrov") == "accompanied"
    assert roles.get("choe-son-hui") == "accompanied"
    assert roles.get("vladimir-putin") == "attended"  # he visited it; "He was accompanied"


def test_looked_round_the_area_with_him_is_the_first_inspection(known: Known) -> None:
    drafted = _read(
        "Pyongyang, May 19 (KCNA) -- Kim Jong Un inspected the Wonsan-Kalma coastal tourist "
        "area. He was accompanied by Jo Yong Won.\n\nOn the same day, Kim Jong Un also visited "
        "the Kalma Hotel No. 2, newly built in the area.\n\nKim Yo Jong also looked round the "
        "area with him.\n\nKim Jong Un toured the hotel with Pak Jong Chon.",
        known, "2025-05-19",
    )
    by_event = _attended(drafted)
    first = next(k for k, people in by_event.items() if "jo-yong-won" in people)
    assert by_event[first].get("kim-yo-jong") == "accompanied"
    assert "kim-yo-jong" not in {p for k, people in by_event.items() if k != first
                                 for p in people}  # fmt: skip
    # a name after "with" is no pronoun: Kim Jong Un toured the hotel himself
    hotel = next(people for k, people in by_event.items() if k != first and "kim-jong-un" in people)
    assert hotel["kim-jong-un"] != "accompanied"


def test_the_guest_and_his_party_watched_also_watching_the_performance(known: Known) -> None:
    drafted = _read(
        "Pyongyang, June 20 (KCNA) -- Kim Jong Un hosted a banquet in honour of Vladimir Putin at "
        "the Mokran House on Wednesday.\n\nPyongyang, June 21 (KCNA) -- Vladimir Putin and his "
        "party watched the mass gymnastics and artistic performance \"Glorious Country\" at the "
        "May Day Stadium together with Kim Jong Un on Thursday evening.\n\nAlso watching the "
        "performance were Choe Ryong Hae and Jo Yong Won.",
        known, "2024-06-21",
    )
    show = next(people for people in _attended(drafted).values() if "choe-ryong-hae" in people)
    assert {"vladimir-putin", "kim-jong-un", "jo-yong-won"} <= set(show)


def test_once_again_among_the_entourage(known: Known) -> None:
    drafted = _read(
        "SEOUL, June 20 (Yonhap) -- Kim Jong Un held talks with Vladimir Putin at the Kumsusan "
        "State Guesthouse on Wednesday. Choe Son Hui was once again among the entourage at the "
        "talks.",
        known, "2024-06-20",
    )
    talks = _at(drafted, "meeting", "2024-06-19")
    assert talks.get("choe-son-hui") == "accompanied"
