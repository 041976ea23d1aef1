"""Guests at banquets, receptions, talks, welcomes and tours (issue 15, attendance class CF):
"Among those invited were A, B", "Invited to the banquet were ...", "Also invited were ...",
"A and the other officials who had met the guests at the airport attended" (the named one),
"X met the guests at Sunan Airport" (a welcome), "He was met at the airport by A, Premier B and
C", "toured the complex with A, B and C" (those with him), and the near misses: "invited to
visit", a list with no one named, "accompanied by music", a clause after the list. Short
synthetic texts; names, years and occasions vary."""

from __future__ import annotations

import pytest
from facts_helpers import attended, events, iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted

KCNA = "Pyongyang, October 12 (KCNA) -- "
BANQUET = KCNA + (
    "Kim Jong Il gave a banquet in honour of the Cuban delegation at the Mokran House on "
    "Thursday evening.\n\n"
)


def _read(text: str, known: Known) -> Drafted:
    return read_text(text, known=known, date="2003-10-12", article_type="news")[1]


def _at(drafted: Drafted, word: str) -> dict[str, str]:
    """{person: role} at the one event whose id holds ``word``."""
    keys = [k for k in attended(drafted) if word in k]
    assert len(keys) == 1, attended(drafted)
    return attended(drafted)[keys[0]]


# -- 1. those invited ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Among those invited were Choe Thae Bok, secretary of the WPK Central Committee, and "
        "Pak Pong Ju.",
        "Invited to the banquet were Choe Thae Bok and Pak Pong Ju, minister of chemical "
        "industry.",
        "Also invited were Choe Thae Bok, secretary of the WPK Central Committee, Pak Pong Ju "
        "and officials of the ministries.",
        "Among the guests invited to the banquet were Choe Thae Bok and Pak Pong Ju.",
        "Those invited included Choe Thae Bok and Pak Pong Ju.",
    ],
)
def test_those_invited_attend_the_banquet(sentence: str, known: Known) -> None:
    people = _at(_read(BANQUET + sentence, known), "banquet")
    assert people["choe-thae-bok"] == "attended"
    assert people["pak-pong-ju"] == "attended"


def test_a_title_before_a_name_keeps_the_list_going(known: Known) -> None:
    people = _at(
        _read(BANQUET + "Among those invited were Choe Thae Bok, Premier Pak Pong Ju and "
              "Kim Yong Chun.", known),
        "banquet",
    )  # fmt: skip
    assert {"choe-thae-bok", "pak-pong-ju", "kim-yong-chun"} <= set(people)


@pytest.mark.parametrize(
    "sentence",
    [
        "Choe Thae Bok was invited to visit Havana next year.",
        "Those invited were officials of the ministries and national agencies.",
        "The banquet, accompanied by music of the Mansudae Art Troupe, passed in a warm "
        "atmosphere.",
    ],
)
def test_an_invitation_or_a_group_places_no_one_more(sentence: str, known: Known) -> None:
    people = _at(_read(BANQUET + sentence, known), "banquet")
    assert set(people) == {"kim-jong-il"}


# -- 2. the officials named before -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Choe Thae Bok and the other officials who had met the guests at the airport attended.",
        "Choe Thae Bok and the other officials who had welcomed the guests at the airport were "
        "present.",
    ],
)
def test_the_named_one_of_the_officials_met_before_attends(sentence: str, known: Known) -> None:
    drafted = _read(BANQUET + sentence, known)
    assert _at(drafted, "banquet")["choe-thae-bok"] == "attended"
    # the welcome of the relative clause is told again, not held anew
    assert not [e for e in events(drafted) if "welcome" in e]


def test_other_officials_of_another_subject_are_no_one(known: Known) -> None:
    drafted = _read(
        BANQUET + "The other officials who had met the guests at the airport attended.", known
    )
    assert set(_at(drafted, "banquet")) == {"kim-jong-il"}


# -- 3. welcomes -----------------------------------------------------------------------------------


def test_meeting_the_guests_at_the_airport_is_the_welcome(known: Known) -> None:
    drafted = _read(
        KCNA + "Kim Jong Il met the Cuban guests at Pyongyang Airport on Thursday. Welcoming "
        "them at the airport were also Choe Thae Bok and Pak Pong Ju.",
        known,
    )
    people = _at(drafted, "welcome")
    assert people == {"kim-jong-il": "attended", "choe-thae-bok": "attended",
                      "pak-pong-ju": "attended"}  # fmt: skip


def test_met_at_the_airport_by_a_list_with_titles_before_names(known: Known) -> None:
    drafted = _read(
        KCNA + "Fidel Castro arrived in Pyongyang on Thursday. He was met at Pyongyang Airport "
        "by Kim Yong Nam, Premier Pak Pong Ju, Choe Thae Bok and Foreign Minister Paek Nam Sun.",
        known,
    )
    people = _at(drafted, "arrival")
    assert {"kim-yong-nam", "pak-pong-ju", "choe-thae-bok", "paek-nam-sun"} <= set(people)


def test_meeting_someone_elsewhere_is_no_welcome(known: Known) -> None:
    drafted = _read(
        KCNA + "Kim Jong Il met Fidel Castro at the Kumsusan Assembly Hall on Thursday.", known
    )
    assert not [e for e in events(drafted) if "welcome" in e]


# -- 4. those with him on a tour -------------------------------------------------------------------


def test_those_with_him_on_a_tour_accompany_him(known: Known) -> None:
    drafted = _read(
        KCNA + "Kim Jong Il toured the Chollima Steel Complex on Thursday with Choe Thae Bok, "
        "secretary of the WPK Central Committee, Pak Pong Ju and Kim Yong Chun.",
        known,
    )
    assert _at(drafted, "chollima") == {
        "kim-jong-il": "guided",
        "choe-thae-bok": "accompanied",
        "pak-pong-ju": "accompanied",
        "kim-yong-chun": "accompanied",
    }


def test_a_guest_going_round_with_officials(known: Known) -> None:
    drafted = _read(
        KCNA + "On Thursday Fidel Castro went round the Pyongyang Maternity Hospital with Choe "
        "Thae Bok and Pak Pong Ju.",
        known,
    )
    people = _at(drafted, "hospital")
    assert people["choe-thae-bok"] == people["pak-pong-ju"] == "accompanied"


def test_the_tour_list_ends_at_the_next_clause(known: Known) -> None:
    drafted = _read(
        KCNA + "On Thursday Kim Jong Il toured a machine plant in Nampho with Choe Thae Bok, and "
        "Pak Pong Ju and Kim Yong Chun signed an agreement in Pyongyang.",
        known,
    )
    people = _at(drafted, "plant")
    assert "choe-thae-bok" in people
    assert "pak-pong-ju" not in people and "kim-yong-chun" not in people


def test_a_tour_with_no_one_named(known: Known) -> None:
    drafted = _read(
        KCNA + "Kim Jong Il toured the Chollima Steel Complex on Thursday with great "
        "satisfaction, accompanied by the sound of brass bands.",
        known,
    )
    assert _at(drafted, "chollima") == {"kim-jong-il": "guided"}


# -- 5. speakers, summits in passing, a past visit, the arrival greeted -------------------------


def test_speeches_exchanged_make_speakers(known: Known) -> None:
    people = _at(
        _read(BANQUET + "Kim Jong Il and Hu Jintao exchanged speeches at the banquet.", known),
        "banquet",
    )
    assert people["kim-jong-il"] == people["hu-jintao"] == "speaker"


def test_a_summit_in_a_city_between_two(known: Known) -> None:
    drafted = _read(
        "SEOUL, Oct. 12 (Yonhap) -- Choe Thae Bok sat in on the 2007 summit in Pyongyang "
        "between Kim Jong Il and Roh Moo-hyun, officials said.",
        known,
    )
    assert {"kim-jong-il", "roh-moo-hyun"} <= set(_at(drafted, "summit"))


def test_a_past_visit_in_a_career_line(known: Known) -> None:
    drafted = _read(
        "SEOUL, Oct. 12 (Yonhap) -- Pak Pong Ju, 64, had been minister of chemical industry "
        "since 1998 and had accompanied Kim Jong Il on his visit to Russia in August 2001.",
        known,
    )
    assert _at(drafted, "russia") == {"kim-jong-il": "guided", "pak-pong-ju": "accompanied"}


def test_a_career_line_without_a_visit_places_no_one(known: Known) -> None:
    drafted = _read(
        "SEOUL, Oct. 12 (Yonhap) -- Pak Pong Ju, 64, had been minister of chemical industry "
        "since 1998 and had often accompanied Kim Jong Il.",
        known,
    )
    assert attended(drafted) == {}


def test_the_arrival_and_its_greeting_two_sentences_on_are_one_welcome(known: Known) -> None:
    drafted = _read(
        KCNA + "Hu Jintao, president of China, arrived in Pyongyang yesterday. He was accompanied "
        "by Wang Jiarui, head of the International Department. Kim Jong Il greeted the Chinese "
        "guests at Pyongyang Airport.",
        known,
    )
    welcomes = [k for k, e in events(drafted).items() if e.get("type") == "ceremony"]
    assert len(welcomes) == 1, events(drafted)
    assert {"kim-jong-il", "hu-jintao"} <= set(attended(drafted)[welcomes[0]])


# -- 6. earlier visits, those listed as companions ---------------------------------------------


def test_a_visit_of_the_past_perfect_in_a_month_of_its_own(known: Known) -> None:
    drafted = _read(
        KCNA + "Kim Jong Il toured the Chollima Steel Complex on Thursday with Choe Thae Bok.\n\n"
        "He had visited the complex in December 1998 together with Pak Pong Ju and Kim Yong "
        "Chun.",
        known,
    )
    by_day = {iso(e.get("date")): k for k, e in events(drafted).items()}
    assert set(by_day) == {"2003-10-09", "1998-12"}, events(drafted)
    earlier = attended(drafted)[by_day["1998-12"]]
    assert {"kim-jong-il", "pak-pong-ju", "kim-yong-chun"} <= set(earlier)
    assert "pak-pong-ju" not in attended(drafted)[by_day["2003-10-09"]]


def test_a_visit_of_the_past_perfect_without_a_date_is_no_new_one(known: Known) -> None:
    drafted = _read(
        KCNA + "Kim Jong Il toured the Chollima Steel Complex on Thursday with Choe Thae Bok.\n\n"
        "He had visited the complex several times before.",
        known,
    )
    assert len(events(drafted)) == 1, events(drafted)


def test_those_alongside_the_one_listed_accompanied(known: Known) -> None:
    drafted = _read(
        "SEOUL, Oct. 12 (Yonhap) -- The report said Choe Thae Bok accompanied Kim Jong Il at a "
        "concert of the Moranbong Band on Friday, alongside Pak Pong Ju and Kim Yong Chun.",
        known,
    )
    people = _at(drafted, "concert")
    assert people["pak-pong-ju"] == people["kim-yong-chun"] == "accompanied"
    assert "kim-jong-il" in people


def test_accompanied_at_a_meeting_told_before_makes_no_new_occasion(known: Known) -> None:
    drafted = _read(
        BANQUET + "Choe Thae Bok accompanied Kim Jong Il at the banquet, along with Pak Pong Ju.",
        known,
    )
    assert len(events(drafted)) == 1, events(drafted)


def test_talks_said_to_continue_on_a_later_day_are_no_new_occasion(known: Known) -> None:
    drafted = _read(
        KCNA + "Kim Jong Il held talks with Hu Jintao at the Mansudae Assembly Hall on Friday.\n\n"
        "The talks, which are expected to continue in Hamhung on Tuesday, dealt with trade.",
        known,
    )
    talks = [e for e in events(drafted).values() if e.get("type") == "meeting"]
    assert len(talks) == 1, events(drafted)
    assert iso(talks[0].get("date")) == "2003-10-10"


def test_a_visit_reported_at_a_meeting_places_no_one_there(known: Known) -> None:
    drafted = _read(
        KCNA + "An enlarged meeting of the Political Bureau was held on Friday. The meeting was "
        "told that Choe Thae Bok had inspected the mines of the region.",
        known,
    )
    assert "choe-thae-bok" not in {p for people in attended(drafted).values() for p in people}
