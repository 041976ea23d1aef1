"""Attendance lists whose cue or group title the rules did not know (issue 15): places of a
list composed with their prefixes ("Sitting on the tribune were", "Also standing on the
reviewing stand were"), audiences and mourners ("Among the audience were", "Also on hand
were"), the presidium of a congress ("The presidium of the congress was composed of"), speakers
of reports and memorial speeches, the one who opened or presided, named people followed by
group descriptions (only the named attend), and one list split over two sentences. Short
synthetic texts; names, events, tense and order vary within a class, with negatives."""

from __future__ import annotations

import pytest
from facts_helpers import attended as _attended

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted
from kwpld.reading.facts import fact_lexicon

KCNA = "Pyongyang, May 11 (KCNA) -- "
MEETING = KCNA + "A national meeting took place at the People's Palace of Culture on Friday.\n\n"
CONGRESS = (
    KCNA + "The 9th Congress of the Union of Agricultural Workers of Korea opened in Pyongyang "
    "on Friday.\n\n"
)
SERVICE = KCNA + "A memorial service for the late marshal took place in Pyongyang on Friday.\n\n"


def _people(text: str, known: Known) -> dict[str, str]:
    """person -> role at the one event the text reports (none: {})."""
    drafted: Drafted = read_text(text, known=known, date="2024-05-11", article_type="news")[1]
    found = _attended(drafted)
    assert len(found) <= 1, found
    return next(iter(found.values()), {})


# -- 1. places of a list, composed with their prefixes --------------------------------------------


def test_places_and_prefixes_compose_as_data() -> None:
    cues = fact_lexicon().attendance_cues
    composed = [
        "sitting on the tribune",
        "also standing on the dais",
        "seated on the reviewing stand",
        "on the rostrum",
    ]
    for phrase in composed:
        assert cues[tuple(phrase.split())] == "platform", phrase
    assert cues[("also", "on", "the", "balcony")] == "attended"


@pytest.mark.parametrize(
    "sentence",
    [
        "Sitting on the tribune were Choe Ryong Hae and Pak Pong Ju.",
        "Also standing on the reviewing stand were Choe Ryong Hae and Pak Pong Ju.",
        "Choe Ryong Hae and Pak Pong Ju were seated on the dais.",
    ],
)
def test_a_place_after_any_prefix_seats_the_list_on_the_platform(
    sentence: str, known: Known
) -> None:
    assert _people(MEETING + sentence, known) == {
        "choe-ryong-hae": "platform",
        "pak-pong-ju": "platform",
    }


def test_a_place_listing_only_groups_places_no_one(known: Known) -> None:
    people = _people(
        MEETING + "Seated on the platform were members of the Political Bureau and officials of "
        "the ministries.",
        known,
    )
    assert people == {}


# -- 2. audiences, mourners, those on hand ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (MEETING + "Among the audience were Ri Il Hwan and Kim Tok Hun.",
         ("ri-il-hwan", "kim-tok-hun")),
        (CONGRESS + "Also on hand were Kim Song Nam and Ho Chol Man, department directors of the "
         "WPK Central Committee, and delegates from factories and farms.",
         ("kim-song-nam", "ho-chol-man")),
        (SERVICE + "Among the mourners were O Kuk Ryol and Kim Kyok Sik and bereaved family "
         "members.", ("o-kuk-ryol", "kim-kyok-sik")),
    ],
)  # fmt: skip
def test_audiences_and_those_on_hand_attend(
    text: str, names: tuple[str, ...], known: Known
) -> None:
    assert _people(text, known) == dict.fromkeys(names, "attended")


def test_an_audience_of_groups_is_no_one(known: Known) -> None:
    assert _people(MEETING + "Among the audience were workers, students and soldiers.", known) == {}


# -- 3. the presidium of a congress or conference --------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The presidium of the congress was composed of Jo Yong Won, Kim Tok Hun and Ri Il Hwan, "
        "officials of the party Central Committee and model farmers.",
        "The presidium of the congress consisted of Jo Yong Won, Kim Tok Hun and Ri Il Hwan.",
        "Elected to the presidium of the congress were Jo Yong Won, Kim Tok Hun and Ri Il Hwan.",
    ],
)
def test_the_presidium_of_a_congress_sits_on_its_platform(sentence: str, known: Known) -> None:
    people = _people(CONGRESS + sentence, known)
    assert people == dict.fromkeys(("jo-yong-won", "kim-tok-hun", "ri-il-hwan"), "platform")


def test_an_organs_presidium_is_no_platform(known: Known) -> None:
    people = _people(
        CONGRESS + "The Presidium of the Supreme People's Assembly was composed of Choe Ryong Hae "
        "and Ri Il Hwan in 2019.",
        known,
    )
    assert "choe-ryong-hae" not in people and "ri-il-hwan" not in people


# -- 4. speakers and the one presiding -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Reports on the second agenda item were made by Kim Myong Hui and Yun Tong Chol.",
        "Memorial speeches were also made by Kim Myong Hui and Yun Tong Chol.",
        "Kim Myong Hui and Yun Tong Chol made congratulatory speeches.",
        "Congratulatory addresses were delivered by Kim Myong Hui and Yun Tong Chol.",
    ],
)
def test_reports_and_speeches_by_a_list(sentence: str, known: Known) -> None:
    people = _people(CONGRESS + sentence, known)
    assert people == dict.fromkeys(("kim-myong-hui", "yun-tong-chol"), "speaker")


def test_reports_by_groups_are_no_one(known: Known) -> None:
    people = _people(CONGRESS + "Reports were made by the provincial committees.", known)
    assert people == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "The congress was opened by Ju Yong Il. Ju Yong Il made a report.",
        "Ju Yong Il, chairman of the union, opened the congress.",
        "The memorial service was presided over by Ju Yong Il.",
    ],
)
def test_the_one_who_opened_or_presided(sentence: str, known: Known) -> None:
    text = (SERVICE if "memorial" in sentence else CONGRESS) + sentence
    assert _people(text, known) == {"ju-yong-il": "presided"}


# -- 5. named people, then groups; a list over two sentences -------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Present there were Kim Yong Nam, Hwang Pyong So and Pak Pong Ju, members of the state "
        "funeral committee, officials of the party, armed forces and power bodies, and "
        "servicepersons.",
        "Present were Kim Yong Nam and Hwang Pyong So. Also present were Pak Pong Ju and "
        "officials of the power bodies.",
        "Kim Yong Nam, Hwang Pyong So, Pak Pong Ju and other leading officials of the party and "
        "state attended the service.",
    ],
)
def test_only_the_named_attend(sentence: str, known: Known) -> None:
    people = _people(SERVICE + sentence, known)
    assert people == dict.fromkeys(("kim-yong-nam", "hwang-pyong-so", "pak-pong-ju"), "attended")


def test_the_most_specific_role_of_a_list_member(known: Known) -> None:
    people = _people(
        MEETING + "Present were Kim Yong Nam, Choe Ryong Hae and Pak Pong Ju. Seated on the "
        "platform were Choe Ryong Hae and Ri Il Hwan. Pak Pong Ju delivered a report.",
        known,
    )
    assert people == {
        "kim-yong-nam": "attended",
        "choe-ryong-hae": "platform",
        "ri-il-hwan": "platform",
        "pak-pong-ju": "speaker",
    }


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Kim Pong Chol and Ri Chang Gun, chairmen of trade union committees of the Kim Chaek Iron "
         "and Steel Complex and the Ryongsong Machine Complex, made speeches.",
         ("kim-pong-chol", "ri-chang-gun")),
        ("Ri Chang Gun, chairman of the trade union committee of the Ryongsong Machine Complex "
         "in the city of Hamhung and a labour hero, also made a speech.", ("ri-chang-gun",)),
    ],
)  # fmt: skip
def test_speakers_with_a_long_title_between_names_and_verb(
    sentence: str, names: tuple[str, ...], known: Known
) -> None:
    assert _people(CONGRESS + sentence, known) == dict.fromkeys(names, "speaker")


# -- 6. "the" occasion said again is the one reported before it ----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The memorial service was presided over by Ju Yong Il.",
        "Ju Yong Il presided over the memorial service.",
    ],
)
def test_the_occasion_named_again_is_the_same_one(sentence: str, known: Known) -> None:
    text = (
        KCNA + "A memorial service for Marshal of the KPA Ri Ul Sol took place in Pyongyang on "
        "Friday.\n\nPresent there were Kim Yong Nam and Pak Pong Ju.\n\n" + sentence
    )
    assert _people(text, known) == {
        "kim-yong-nam": "attended",
        "pak-pong-ju": "attended",
        "ju-yong-il": "presided",
    }


def test_a_visit_to_the_bier_the_day_before_is_an_occasion_of_its_own(known: Known) -> None:
    drafted: Drafted = read_text(
        SERVICE + "Present there were Kim Yong Nam and Pak Pong Ju.\n\nThe previous day, Kim Jong "
        "Un visited the bier of the marshal to express condolences. He was accompanied by Choe "
        "Ryong Hae.",
        known=known, date="2024-05-11", article_type="news",
    )[1]  # fmt: skip
    found = _attended(drafted)
    assert len(found) == 2
    (tribute,) = [people for people in found.values() if "kim-jong-un" in people]
    assert tribute == {"kim-jong-un": "attended", "choe-ryong-hae": "accompanied"}


# -- 7. opening a meeting, seats taken, the presidium elected (other word orders) ----------------


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("Ju Yong Il declared the congress open.", "presided"),
        ("The congress was opened with an opening address by Ju Yong Il.", "presided"),
        ("Ju Yong Il and Ri Il Hwan were elected to the presidium of the congress.", "platform"),
        ("Ju Yong Il and Ri Il Hwan took seats on the platform.", "platform"),
    ],
)
def test_other_word_orders_of_opening_and_seats(sentence: str, role: str, known: Known) -> None:
    people = _people(CONGRESS + sentence, known)
    names = ("ju-yong-il", "ri-il-hwan") if " and " in sentence else ("ju-yong-il",)
    assert people == dict.fromkeys(names, role)


def test_a_declaration_that_opens_no_meeting_is_no_one(known: Known) -> None:
    people = _people(CONGRESS + "Ju Yong Il declared the line correct.", known)
    assert people == {}
