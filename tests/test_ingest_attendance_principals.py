"""Attendance class R (issue 15): those present at the occasions of visits, talks, banquets and
parades as news prose gives them — one side of talks ("Kim's side at the expanded talks
comprised A, B and C"), speakers at a banquet ("Speeches were made there by A and B"), those
seeing a guest off "together with" the host, the guest and his wife greeted at the airport,
"Standing behind them were ..." at a signing, a parade's commander and those "marching at the
head of the columns", "The guests of honour on the stand included the delegation headed by X",
"was seen escorting the Russian leader", and a Chinese leader named by his family name alone
("Xi") after his full name. Near misses place no one: a predecessor "in place of" whom a
minister serves, one "absent from the talks", one thanked in a speech, one "not seen", a
pronoun's guess for the one greeted. Short synthetic texts, occasions the reader finds."""

from __future__ import annotations

from facts_helpers import attended as _attended
from facts_helpers import attended_anywhere as _everywhere
from facts_helpers import attended_at as _at

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str) -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


TALKS = ("SEOUL, June 20 (Reuters) -- Talks between Kim Jong Un and Vladimir Putin were held at "
         "the Kumsusan State Guesthouse on Wednesday.\n\n")


def test_one_side_of_the_talks_comprised(known: Known) -> None:
    drafted = _read(
        TALKS + "Kim's side at the expanded talks comprised Choe Son Hui, the foreign minister, "
        "Jo Yong Won and Kim Song Nam. Putin was joined by Foreign Minister Sergei Lavrov and "
        "Defence Minister Andrei Belousov, who took the post last month in place of Sergei "
        "Shoigu.\n\nAnalysts in Seoul noted the absence of Pak Jong Chon from the talks.",
        known, "2024-06-20",
    )
    talks = _at(drafted, "meeting", "2024-06-19")
    assert {"kim-jong-un", "vladimir-putin", "choe-son-hui", "jo-yong-won", "kim-song-nam",
            "sergei-lavrov", "andrei-belousov"} <= set(talks)  # fmt: skip
    assert "sergei-shoigu" not in _everywhere(drafted)  # the predecessor, "in place of"
    assert "pak-jong-chon" not in _everywhere(drafted)  # "the absence of ... from the talks"


def test_the_side_of_a_state_at_the_talks_included(known: Known) -> None:
    drafted = _read(
        TALKS + "The North Korean side at the talks included Choe Ryong Hae and Kim Yo Jong.",
        known, "2024-06-20",
    )
    talks = _at(drafted, "meeting", "2024-06-19")
    assert {"choe-ryong-hae", "kim-yo-jong"} <= set(talks)
    assert talks["choe-ryong-hae"] == "attended"


def test_at_the_table_of_the_talks(known: Known) -> None:
    drafted = _read(
        TALKS + "Also at the table were Choe Son Hui and Jo Yong Won. Across the table sat "
        "Sergei Lavrov and Andrei Belousov. Kim Tok Hun said the Russian proposal was at the "
        "table.",
        known, "2024-06-20",
    )
    talks = _at(drafted, "meeting", "2024-06-19")
    assert {"choe-son-hui", "jo-yong-won", "sergei-lavrov", "andrei-belousov"} <= set(talks)
    assert "kim-tok-hun" not in _everywhere(drafted)  # a proposal "at the table"


def test_speeches_made_there_at_a_banquet_and_the_object_of_a_speech(known: Known) -> None:
    for speeches in ("Speeches were made there by Kim Jong Un and Vladimir Putin.",
                     "Speeches were made at the banquet by Kim Jong Un and Vladimir Putin."):
        drafted = _read(
            TALKS + "That evening Kim Jong Un hosted a banquet in honour of Vladimir Putin at "
            "the Mokran House. " + speeches + " In his speech Putin thanked Choe Ryong Hae for "
            "the warm welcome.",
            known, "2024-06-20",
        )
        banquet = _at(drafted, "ceremony", "2024-06-19")
        assert banquet.get("kim-jong-un") == "speaker", speeches
        assert banquet.get("vladimir-putin") == "speaker", speeches
        assert "choe-ryong-hae" not in _everywhere(drafted)


def test_seen_off_together_with_and_the_guest_him(known: Known) -> None:
    drafted = _read(
        TALKS + "Putin left for Vietnam early on Thursday. Kim Jong Un saw him off at the airport "
        "together with Choe Son Hui and Jo Yong Won, KCNA said.",
        known, "2024-06-20",
    )
    send_off = _at(drafted, "ceremony", "2024-06-20")
    # "him" is the guest who left, not Kim, the subject of "saw"
    assert set(send_off) == {"kim-jong-un", "vladimir-putin", "choe-son-hui", "jo-yong-won"}


def test_greeting_and_seeing_off_lists_and_those_seeing_him_off(known: Known) -> None:
    drafted = _read(
        WELCOME + "Greeting him at the airport were Choe Ryong Hae and Jo Yong Won.\n\nPutin "
        "left for Vietnam on Thursday. Seeing him off at the airport were Kim Tok Hun and Pak "
        "Jong Chon. Seeing the results, Ri Pyong Chol was pleased.",
        known, "2024-06-20",
    )
    welcome = _at(drafted, "ceremony", "2024-06-19")
    send_off = _at(drafted, "ceremony", "2024-06-20")
    assert {"choe-ryong-hae", "jo-yong-won"} <= set(welcome)
    assert {"kim-tok-hun", "pak-jong-chon"} <= set(send_off)
    assert not {"kim-tok-hun", "pak-jong-chon"} & set(welcome)
    assert "ri-pyong-chol" not in _everywhere(drafted)


def test_two_who_saw_him_off_are_not_him(known: Known) -> None:
    drafted = _read(
        WELCOME + "Putin left for Vietnam on Thursday. Choe Ryong Hae and Jo Yong Won saw him "
        "off at the airport.",
        known, "2024-06-20",
    )
    send_off = _at(drafted, "ceremony", "2024-06-20")
    assert {"choe-ryong-hae", "jo-yong-won", "vladimir-putin"} <= set(send_off)


def test_the_delegation_included(known: Known) -> None:
    drafted = _read(
        TALKS + "Kim's delegation included Premier Pak Pong Ju and Choe Son Hui, the foreign "
        "minister.",
        known, "2024-06-20",
    )
    talks = _at(drafted, "meeting", "2024-06-19")
    assert {"pak-pong-ju", "choe-son-hui"} <= set(talks)


def test_the_guest_and_his_wife_greeted_by_the_host_and_his_wife(known: Known) -> None:
    drafted = _read(
        "PYONGYANG (AP) -- South Korean President Moon Jae-in arrived in Pyongyang on "
        "Tuesday.\n\nMoon and his wife, Kim Jung-sook, were greeted at the airport by Kim Jong "
        "Un and his wife, Ri Sol Ju. Kim Yo Jong, the leader's sister, was seen escorting the "
        "South Korean leader to his car. Hyon Song Wol was not seen escorting the guests.",
        known, "2018-09-18",
    )
    welcome = _at(drafted, "ceremony", "2018-09-18")
    assert {"moon-jae-in", "kim-jung-sook", "kim-jong-un", "ri-sol-ju",
            "kim-yo-jong"} <= set(welcome)  # fmt: skip
    assert "hyon-song-wol" not in _everywhere(drafted)  # "was not seen"


WELCOME = ("SEOUL, June 20 (Reuters) -- Russian President Vladimir Putin arrived in Pyongyang on "
           "Wednesday and was greeted at the airport by Kim Jong Un.\n\n")


def test_those_greeting_the_guest_and_his_entourage(known: Known) -> None:
    drafted = _read(
        WELCOME + "Among those greeting him at the airport were Choe Ryong Hae and Jo Yong Won. "
        "Pak Jong Chon and Kim Song Nam were among the officials who greeted him. Putin's "
        "entourage included Sergei Lavrov and Andrei Belousov. The welcoming party included "
        "Kim Tok Hun.",
        known, "2024-06-20",
    )
    welcome = _at(drafted, "ceremony", "2024-06-19")
    assert {"choe-ryong-hae", "jo-yong-won", "pak-jong-chon", "kim-song-nam",
            "kim-tok-hun"} <= set(welcome)  # fmt: skip
    assert welcome.get("sergei-lavrov") == "accompanied"
    assert welcome.get("andrei-belousov") == "accompanied"


def test_those_to_greet_him_later_or_who_met_him_before(known: Known) -> None:
    drafted = _read(
        WELCOME + "Choe Ryong Hae is expected to greet him at the Kumsusan guesthouse on "
        "Thursday. Pak Jong Chon was among the officials who met Putin in Vladivostok in 2019.",
        known, "2024-06-20",
    )
    assert not {"choe-ryong-hae", "pak-jong-chon"} & _everywhere(drafted)


def test_standing_behind_the_signers(known: Known) -> None:
    drafted = _read(
        TALKS + "In the afternoon Kim Jong Un and Vladimir Putin signed a treaty at a ceremony. "
        "Standing behind them were Choe Son Hui, the foreign minister, Sergei Lavrov and Jo "
        "Yong Won.",
        known, "2024-06-20",
    )
    signing = _at(drafted, "ceremony", "2024-06-19")
    assert {"kim-jong-un", "vladimir-putin", "choe-son-hui", "sergei-lavrov",
            "jo-yong-won"} <= set(signing)  # fmt: skip
    talks = _at(drafted, "meeting", "2024-06-19")
    assert "choe-son-hui" not in talks  # behind the signers, not at the talks before


def test_a_treaty_signed_by_the_two_and_a_decree_signed_by_one(known: Known) -> None:
    drafted = _read(
        TALKS + "In the afternoon a treaty was signed at a ceremony by Kim Jong Un and Vladimir "
        "Putin. Standing behind them were Choe Son Hui and Sergei Lavrov.\n\nThe decree on "
        "the delegation was signed by Choe Ryong Hae.",
        known, "2024-06-20",
    )
    signing = _at(drafted, "ceremony", "2024-06-19")
    assert {"kim-jong-un", "vladimir-putin", "choe-son-hui", "sergei-lavrov"} <= set(signing)
    assert "choe-ryong-hae" not in _everywhere(drafted)  # a decree's signature: no occasion


def test_a_parade_its_commander_columns_and_guests_of_honour(known: Known) -> None:
    drafted = _read(
        "Pyongyang, September 10 (KCNA) -- A grand military parade took place at Kim Il Sung "
        "Square on September 9.\n\nThe parade was reviewed by Kim Jong Un. The guests of "
        "honour on the stand included the Chinese delegation headed by Li Zhanshu and the "
        "Russian delegation headed by Valentina Matviyenko, chairwoman of the Federation "
        "Council.\n\nKim Yong Nam reviewed the parade and made a speech. He thanked Xi Jinping "
        "for sending a delegation.\n\nThe parade was commanded by Ri Yong Gil, with Jong Kyong "
        "Thaek and Kim Jong Gwan marching at the head of the columns.",
        known, "2018-09-10",
    )
    parade = _at(drafted, "ceremony", "2018-09-09")
    assert parade.get("kim-jong-un") == "platform"
    assert parade.get("li-zhanshu") == "platform"
    assert parade.get("valentina-matviyenko") == "platform"
    assert parade.get("kim-yong-nam") == "speaker"
    assert {"ri-yong-gil", "jong-kyong-thaek", "kim-jong-gwan"} <= set(parade)
    assert "xi-jinping" not in _everywhere(drafted)  # thanked in the speech


def test_a_unit_commanded_by_someone_is_no_occasion(known: Known) -> None:
    drafted = _read(
        "Pyongyang, September 10 (KCNA) -- A grand military parade took place at Kim Il Sung "
        "Square on September 9.\n\nKim Jong Un appeared on the reviewing stand.\n\nThe "
        "division, which was commanded by Ri Yong Gil in the war, won the title of Guards.",
        known, "2018-09-10",
    )
    assert "ri-yong-gil" not in _everywhere(drafted)


def test_a_chinese_leader_by_his_family_name(known: Known) -> None:
    drafted = _read(
        "SEOUL, June 21 (Yonhap) -- Chinese President Xi Jinping wrapped up a state visit to "
        "North Korea on Friday.\n\nTalks between Kim Jong Un and Xi were held at the Kumsusan "
        "State Guesthouse on Thursday afternoon. Kim Jong Un later hosted a banquet in honour "
        "of Xi and Peng Liyuan.",
        known, "2019-06-21",
    )
    talks = _at(drafted, "meeting", "2019-06-20")
    assert {"kim-jong-un", "xi-jinping"} <= set(talks)


def test_a_pronoun_greeted_is_not_guessed(known: Known) -> None:
    drafted = _read(
        "Hamhung, June 15 (KCNA) -- President Kim Il Sung gave on-the-spot guidance to the "
        "Hungnam Fertilizer Complex on Wednesday.\n\nThe President was greeted at the complex "
        "by Ri Chang Sop, secretary of the Party committee of the complex.\n\nAfter the "
        "guidance, the President visited the Provincial People's Hospital. He was welcomed "
        "at the hospital by Ri Jong Yul.",
        known, "1989-06-15",
    )
    at = _attended(drafted)
    hospital = [people for key, people in at.items() if "hospital" in key]
    assert hospital and all("ri-chang-sop" not in people for people in hospital)


SESSION = ("Pyongyang, April 11 (AP) -- North Korean leader Kim Jong Un opened the session of the "
           "Supreme People's Assembly on Wednesday.\n\n")


def test_beside_the_leader_and_in_the_crowd_at_the_session(known: Known) -> None:
    drafted = _read(
        SESSION + "Jo Yong Won and Kim Tok Hun sat on either side of Kim. Other officials at the "
        "session included Ri Pyong Chol. Kim Yo Jong was also spotted in the crowd. Choe Ryong "
        "Hae flanked the leader. Pak Pong Ju was once seen in the crowd of protesters.",
        known, "2019-04-11",
    )
    session = _at(drafted, "session", "2019-04-10")
    assert {"jo-yong-won", "kim-tok-hun", "ri-pyong-chol", "kim-yo-jong",
            "choe-ryong-hae"} <= set(session)  # fmt: skip
    assert "pak-pong-ju" not in _everywhere(drafted)  # "the crowd of protesters": elsewhere
