"""Attendance in the wordings the lead found missed on unseen texts (issue 15): platform lists
with groups and titles between the names, officials named paragraphs after an inspection or a
test-fire, talks, banquets and courtesy calls, parades with foreign guests, speakers of a
plenum a sentence after the one naming it, and meetings "attended by". Short synthetic texts;
names, organs, tense and order vary within a class."""

from __future__ import annotations

import pytest
from facts_helpers import attended as _attended

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str = "2024-05-11") -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _event_of(drafted: Drafted, person: str) -> set[str]:
    return {event for event, people in _attended(drafted).items() if person in people}


KCNA = "Pyongyang, May 11 (KCNA) -- "


# -- 1. platform lists ---------------------------------------------------------------------------


def test_a_group_before_the_names_and_a_title_after_each(known: Known) -> None:
    drafted = _read(
        KCNA + "A national meeting took place at the People's Palace of Culture on Friday.\n\n"
        "Present there were members of the Presidium of the Political Bureau of the WPK Central "
        "Committee Choe Ryong Hae and Pak Pong Ju, alternate members of the Political Bureau Jo "
        "Yong Won and Kim Tok Hun, and leading officials of ministries.\n\nSeated on the platform "
        "were also Pak Thae Song, secretary of the WPK Central Committee, and Ri Il Hwan.",
        known,
    )
    (people,) = _attended(drafted).values()
    present = ("choe-ryong-hae", "pak-pong-ju", "jo-yong-won", "kim-tok-hun")
    assert {p: people[p] for p in present} == dict.fromkeys(present, "attended")
    assert people["pak-thae-song"] == people["ri-il-hwan"] == "platform"


def test_on_the_platform_together_with(known: Known) -> None:
    drafted = _read(
        KCNA + "A mass rally was held at Kim Il Sung Square on Saturday. Kim Yong Nam was on the "
        "platform together with Choe Ryong Hae and Pak Pong Ju.",
        known,
    )
    (people,) = _attended(drafted).values()
    assert people == dict.fromkeys(("kim-yong-nam", "choe-ryong-hae", "pak-pong-ju"), "platform")


# -- 2. inspections: those with him named paragraphs later ---------------------------------------


@pytest.mark.parametrize(
    "closing",
    [
        "Accompanying him were Jo Yong Won and Kim Yo Jong.",
        "He was accompanied by Jo Yong Won and Kim Yo Jong.",
        "Jo Yong Won and Kim Yo Jong accompanied him.",
    ],
)
def test_the_officials_with_him_in_the_last_paragraph(known: Known, closing: str) -> None:
    drafted = _read(
        KCNA + "Kim Jong Un inspected the Kangdong Greenhouse Farm.\n\nHe looked round the "
        "cucumber and tomato greenhouses.\n\nHe set forth tasks for the farm.\n\nHe was greeted "
        "on the spot by Pak Jong Chon and officials of the farm.\n\n" + closing,
        known,
    )
    (farm,) = _event_of(drafted, "kim-jong-un")
    people = _attended(drafted)[farm]
    assert people["kim-jong-un"] == "guided"
    assert people["pak-jong-chon"] == "attended"
    assert people["jo-yong-won"] == people["kim-yo-jong"] == "accompanied"


def test_a_test_fire_watched_and_those_with_him(known: Known) -> None:
    drafted = _read(
        "Pyongyang, August 1 (Rodong Sinmun) -- Kim Jong Un watched a test-fire of a new "
        "tactical guided weapon on July 31.\n\nHe gave an order to start the test-fire.\n\nHe was "
        "accompanied by Ri Pyong Chol and Pak Jong Chon.",
        known,
        date="2024-08-01",
    )
    (test,) = _event_of(drafted, "kim-jong-un")
    assert "fire" in test
    assert set(_attended(drafted)[test]) == {"kim-jong-un", "ri-pyong-chol", "pak-jong-chon"}
    (event,) = [d.record for d in drafted.drafts if d.kind == "event" and d.id == test]
    assert event["type"] == "appearance"


def test_another_event_named_between_ends_the_inspection(known: Known) -> None:
    drafted = _read(
        KCNA + "Kim Jong Un inspected the Kangdong Greenhouse Farm.\n\nHe praised the workers."
        "\n\nA plenary meeting of the provincial committee was held on Friday.\n\nThe meeting "
        "discussed farming.\n\nHe was accompanied by Jo Yong Won.",
        known,
    )
    farm = next(iter(_event_of(drafted, "kim-jong-un")))
    assert "jo-yong-won" not in _attended(drafted)[farm]


# -- 3. talks, banquets, courtesy calls ----------------------------------------------------------


def test_a_banquet_for_a_guest_and_his_wife(known: Known) -> None:
    drafted = _read(
        KCNA + "In the evening, Kim Jong Un and his wife Ri Sol Ju hosted a grand banquet for "
        "Xi Jinping and his wife Peng Liyuan at the Kumsusan State Guesthouse. Present at the "
        "banquet were Kim Yong Chol and Kim Yo Jong.",
        known,
    )
    (people,) = _attended(drafted).values()
    assert set(people) == {"kim-jong-un", "ri-sol-ju", "xi-jinping", "peng-liyuan",
                           "kim-yong-chol", "kim-yo-jong"}  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "Wang Yi paid a courtesy call on Choe Ryong Hae at the Mansudae Assembly Hall.",
        "On Friday, Sergei Lavrov paid a courtesy call on Choe Ryong Hae.",
    ],
)
def test_a_courtesy_call_is_a_meeting_of_the_two(known: Known, sentence: str) -> None:
    drafted = _read(KCNA + sentence, known)
    (people,) = _attended(drafted).values()
    assert "choe-ryong-hae" in people and len(people) == 2
    (event,) = [d.record for d in drafted.drafts if d.kind == "event"]
    assert event["type"] == "meeting"


# -- 4. parades with guests ----------------------------------------------------------------------


def test_a_leader_reviewed_the_parade_and_guests_including(known: Known) -> None:
    drafted = _read(
        KCNA + "A military parade took place at Kim Il Sung Square on Friday.\n\nKim Jong Un "
        "reviewed the parade from the tribune.\n\nForeign guests including Li Zhanshu, chairman "
        "of the Standing Committee of the National People's Congress, and Sergei Shoigu watched "
        "the parade together with him.",
        known,
    )
    (people,) = _attended(drafted).values()
    assert people["kim-jong-un"] == "platform"
    assert people["li-zhanshu"] == people["sergei-shoigu"] == "attended"


def test_reviewed_a_report_puts_no_one_on_a_platform(known: Known) -> None:
    drafted = _read(
        KCNA + "An enlarged meeting of the Political Bureau of the WPK Central Committee was "
        "held on Friday. Pak Pong Ju reviewed the implementation of the economic plan.",
        known,
    )
    assert all(role != "platform" for p in _attended(drafted).values() for role in p.values())


# -- 5. speakers a sentence after the event is named ---------------------------------------------


def test_speakers_the_sentence_after_the_plenum(known: Known) -> None:
    drafted = _read(
        "By an analyst, May 11, 2024\n\nThe party wrapped up a plenary meeting on Saturday. The "
        "plenum, which opened on Tuesday, was guided by Kim Jong Un. On its second day, Jo Yong "
        "Won and Kim Tok Hun spoke, while Ri Il Hwan made a report on discipline. KCNA named Pak "
        "Jong Chon, who participated in the discussion.",
        known,
    )
    (people,) = _attended(drafted).values()
    assert people["kim-jong-un"] == "guided"
    assert {people[p] for p in ("jo-yong-won", "kim-tok-hun", "ri-il-hwan", "pak-jong-chon")} == {
        "speaker"
    }


# -- 6. meetings attended by ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "A consultative meeting of officials was held on Thursday. It was attended by Jo Yong "
        "Won and Ri Il Hwan.",
        "Jo Yong Won and Ri Il Hwan took part in a consultative meeting of officials held on "
        "Thursday.",
    ],
)
def test_a_consultative_meeting_attended_by(known: Known, sentence: str) -> None:
    drafted = _read(KCNA + sentence, known)
    (people,) = _attended(drafted).values()
    assert people == {"jo-yong-won": "attended", "ri-il-hwan": "attended"}


# -- more wordings of the same classes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        (
            "A military parade took place on Friday. Among the foreign guests were Li Zhanshu "
            "and Sergei Shoigu.",
            {"li-zhanshu": "attended", "sergei-shoigu": "attended"},
        ),
        (
            "A report meeting was held on Friday. Choe Ryong Hae, Jo Yong Won and officials of "
            "the Cabinet attended the meeting.",
            {"choe-ryong-hae": "attended", "jo-yong-won": "attended"},
        ),
        (
            "The 10th Session of the 14th Supreme People's Assembly was held on Friday. The "
            "session heard reports by Pak Pong Ju and Kim Tok Hun.",
            {"pak-pong-ju": "speaker", "kim-tok-hun": "speaker"},
        ),
        (
            "An enlarged meeting of the Political Bureau was held on Friday. Participating in "
            "the meeting were Pak Pong Ju and Kim Tok Hun.",
            {"pak-pong-ju": "attended", "kim-tok-hun": "attended"},
        ),
        (
            "An enlarged meeting of the Political Bureau was held on Friday. Those present "
            "included Pak Pong Ju and Kim Tok Hun.",
            {"pak-pong-ju": "attended", "kim-tok-hun": "attended"},
        ),
        (
            "A national meeting was held on Friday. The platform was occupied by Pak Pong Ju "
            "and Choe Ryong Hae.",
            {"pak-pong-ju": "platform", "choe-ryong-hae": "platform"},
        ),
    ],
)
def test_lists_in_other_words(known: Known, sentence: str, people: dict[str, str]) -> None:
    (found,) = _attended(_read(KCNA + sentence, known)).values()
    assert found == people


def test_guided_a_test_fire_and_received_a_guest(known: Known) -> None:
    drafted = _read(
        KCNA + "Kim Jong Un guided a test-fire of a new-type cruise missile on Friday. He was "
        "accompanied by Jo Yong Won.\n\nOn Saturday, Kim Jong Un received Sergei Shoigu at the "
        "Kumsusan State Guesthouse. Present there were Pak Jong Chon and Kang Sun Nam.",
        known,
    )
    test, meeting = sorted(_event_of(drafted, "kim-jong-un"), key=lambda k: "meeting" in k)
    assert _attended(drafted)[test] == {"kim-jong-un": "guided", "jo-yong-won": "accompanied"}
    assert set(_attended(drafted)[meeting]) == {
        "kim-jong-un", "sergei-shoigu", "pak-jong-chon", "kang-sun-nam"}  # fmt: skip


def test_received_a_report_and_guided_the_work_place_no_one(known: Known) -> None:
    drafted = _read(
        KCNA + "An enlarged meeting of the Political Bureau was held on Friday. Choe Ryong Hae "
        "received the Order of Kim Il Sung last year.",
        known,
    )
    assert _attended(drafted) == {}
    assert [d.record["type"] for d in drafted.drafts if d.kind == "event"] == ["meeting"]
    drafted = _read(KCNA + "Kim Jong Un guided the work of the Cabinet in 2019.", known)
    assert _attended(drafted) == {}
    assert not [d for d in drafted.drafts if d.kind == "event"]


def test_welcomed_on_the_spot_by(known: Known) -> None:
    drafted = _read(
        KCNA + "Kim Jong Un visited the Ministry of National Defence on Friday.\n\nHe looked "
        "round the ministry.\n\nHe was warmly welcomed there by No Kwang Chol and Pak Jong Chon.",
        known,
    )
    (people,) = _attended(drafted).values()
    assert set(people) == {"kim-jong-un", "no-kwang-chol", "pak-jong-chon"}


@pytest.mark.parametrize(
    "closing",
    [
        "Among those who accompanied him were Jo Yong Won and Kim Yo Jong.",
        "Jo Yong Won and Kim Yo Jong were there with him.",
        "Jo Yong Won, Kim Yo Jong and other officials of the WPK Central Committee accompanied "
        "him.",
    ],
)
def test_those_with_him_in_other_words(known: Known, closing: str) -> None:
    drafted = _read(
        KCNA + "Kim Jong Un visited the Kumsusan Palace of the Sun on Friday.\n\nHe paid "
        "tribute.\n\nHe laid a wreath.\n\n" + closing,
        known,
    )
    (people,) = _attended(drafted).values()
    assert people["jo-yong-won"] == people["kim-yo-jong"] == "accompanied"


def test_a_report_followed_by_speeches_by(known: Known) -> None:
    drafted = _read(
        KCNA + "A report meeting was held on Friday. Kim Tok Hun made a report, followed by "
        "speeches by Ri Il Hwan and Pak Jong Chon.",
        known,
    )
    (people,) = _attended(drafted).values()
    assert people == dict.fromkeys(("kim-tok-hun", "ri-il-hwan", "pak-jong-chon"), "speaker")


def test_clauses_between_the_names_and_the_event_the_verb_takes(known: Known) -> None:
    drafted = _read(
        "Seoul, May 11 (Yonhap) -- North Korea held an enlarged meeting of the Central Military "
        "Commission on Friday. Ri Pyong Chol, who has been a member of the commission since the "
        "8th Party Congress, and Pak Jong Chon, a secretary of the party, attended the meeting.",
        known,
    )
    (meeting,) = _event_of(drafted, "ri-pyong-chol")
    assert "congress" not in meeting
    assert _event_of(drafted, "pak-jong-chon") == {meeting}


def test_present_together_with_his_wife(known: Known) -> None:
    drafted = _read(
        KCNA + "A grand banquet was given at the Mokran House on Friday. Kim Jong Un was present "
        "at the banquet together with his wife Ri Sol Ju.",
        known,
    )
    (people,) = _attended(drafted).values()
    assert set(people) == {"kim-jong-un", "ri-sol-ju"}


def test_the_respected_comrade_heads_a_list(known: Known) -> None:
    drafted = _read(
        KCNA + "The 9th Congress of the Workers' Party of Korea opened on Friday. Present on the "
        "platform were the respected Comrade Kim Jong Un, Choe Ryong Hae, Pak Pong Ju and other "
        "members of the presidium of the congress.",
        known,
    )
    (people,) = _attended(drafted).values()
    assert people == dict.fromkeys(("kim-jong-un", "choe-ryong-hae", "pak-pong-ju"), "platform")


def test_a_report_on_the_results_of_the_inspection(known: Known) -> None:
    drafted = _read(
        KCNA + "The 3rd Plenary Meeting of the 8th Central Committee of the WPK was held on "
        "Friday. Jong Sang Hak reported on the results of the inspection of the organizations.",
        known,
    )
    assert _event_of(drafted, "jong-sang-hak") and all(
        "plenary" in e for e in _event_of(drafted, "jong-sang-hak")
    )


@pytest.mark.parametrize(
    ("sentence", "leader"),
    [
        ("Kim Jong Un paid a visit to the Kumsusan Palace of the Sun on Friday.", "attended"),
        ("Kim Jong Un made an inspection of the Hwasong District construction site on Friday.",
         "guided"),  # fmt: skip
    ],
)
def test_a_visit_paid_and_an_inspection_made(known: Known, sentence: str, leader: str) -> None:
    drafted = _read(KCNA + sentence + "\n\nAccompanying him were Jo Yong Won and Kim Tok Hun.",
                    known)  # fmt: skip
    (people,) = _attended(drafted).values()
    assert people == {"kim-jong-un": leader, "jo-yong-won": "accompanied",
                      "kim-tok-hun": "accompanied"}  # fmt: skip


def test_attended_along_with(known: Known) -> None:
    drafted = _read(
        KCNA + "A ceremony was held on Friday. Kim Jong Un attended the ceremony along with Choe "
        "Ryong Hae and Jo Yong Won. Pak Pong Ju was elected together with Kim Tok Hun.",
        known,
    )
    (people,) = _attended(drafted).values()
    assert people == dict.fromkeys(("kim-jong-un", "choe-ryong-hae", "jo-yong-won"), "attended")
