"""Who sat at the talks (issue 15, class EC): the members of a delegation listed after its talks
("X's official delegation also included A, title, and Foreign Minister B", "The delegation
headed by Premier C included D and E") and those "joined at the table by A, title, and by B"
attend the talks. Near misses: a delegation of groups or countries (no one named), the
"platform" of a party (a programme), a list of countries. Short synthetic texts; names, outlets
and word order vary."""

from __future__ import annotations

from facts_helpers import attended as _attended
from facts_helpers import attended_anywhere

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str = "2009-08-05") -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _talks(drafted: Drafted) -> dict[str, str]:
    """person -> role at the talks drafted (the one event whose id says talks)."""
    talks = [people for event, people in _attended(drafted).items() if "talks" in event]
    assert len(talks) == 1, _attended(drafted)
    return talks[0]


LEAD = (
    "PYONGYANG, Aug. 5 (Yonhap) -- North Korean Premier Kim Yong Il held talks with a visiting "
    "Vietnamese delegation on Wednesday at the Mansudae Assembly Hall.\n\n"
)


def test_a_delegation_also_included_attends_the_talks(known: Known) -> None:
    drafted = _read(
        LEAD + "Kim's seven-member delegation also included Pak Ui Chun, foreign minister, "
        "and Trade Minister Ri Ryong Nam.", known,
    )
    talks = _talks(drafted)
    assert talks.get("pak-ui-chun") == "attended"
    assert talks.get("ri-ryong-nam") == "attended"


def test_the_head_and_members_of_a_delegation_attend(known: Known) -> None:
    drafted = _read(
        LEAD + "The DPRK delegation headed by Vice-Premier Ro Tu Chol consisted of Kim Hyong "
        "Jun, vice foreign minister, and Ri Kwang Gun.", known,
    )
    talks = _talks(drafted)
    assert {"ro-tu-chol", "kim-hyong-jun", "ri-kwang-gun"} <= set(talks)


def test_joined_at_the_table_by_a_and_by_b(known: Known) -> None:
    drafted = _read(
        LEAD + "Kim was joined at the table by Kim Hyong Jun, a vice foreign minister, and by "
        "Ri Kwang Gun, minister of Foreign Trade.", known,
    )
    talks = _talks(drafted)
    assert talks.get("kim-hyong-jun") == "attended"
    assert talks.get("ri-kwang-gun") == "attended"


def test_a_delegation_of_groups_places_no_one(known: Known) -> None:
    drafted = _read(
        LEAD + "The delegation, which also included business leaders from three state firms, "
        "is due to leave on Friday. The Vietnamese delegation included representatives of "
        "ministries and provinces.", known,
    )
    assert attended_anywhere(drafted) <= {"kim-yong-il"}


def test_a_list_of_countries_and_a_party_platform_place_no_one(known: Known) -> None:
    drafted = _read(
        LEAD + "The delegations of Laos, Cambodia and Mongolia were not present. Analysts in "
        "Seoul said the talks would test the platform of the ruling party.", known,
    )
    assert attended_anywhere(drafted) <= {"kim-yong-il"}
    assert "platform" not in {role for people in _attended(drafted).values()
                              for role in people.values()}


def test_a_delegation_listed_at_an_arrival_is_not_placed_there(known: Known) -> None:
    drafted = _read(
        "HANOI, Nov. 12 (KCNA) -- Premier Pak Pong Ju arrived in Hanoi on Friday by air at the "
        "head of a DPRK government delegation on an official goodwill visit.\n\n"
        "The delegation includes Ri Ryong Nam, minister of External Economic Relations, and "
        "Kim Hyong Jun, vice foreign minister.\n\n"
        "At the airport the premier was greeted by Vietnamese Prime Minister Phan Van Khai.",
        known, date="2005-11-12",
    )
    people = attended_anywhere(drafted)
    assert "pak-pong-ju" in people  # the arrival is drafted, its list is no attendance
    assert not {"ri-ryong-nam", "kim-hyong-jun"} & people


def test_appositions_of_any_words_run_to_their_comma(known: Known) -> None:
    drafted = _read(
        LEAD + "Kim's official delegation also included Choe Hwi, a party secretary and the "
        "North's chief propagandist, Ri Kwang Gun and Kim Hyong Jun, both vice ministers.\n\n"
        "Kim was joined at the table by his elder sister Kim Yo Jong, a senior official of a "
        "department of the ruling party, and by Pak Ui Chun, foreign minister.", known,
    )
    talks = _talks(drafted)
    assert {"choe-hwi", "ri-kwang-gun", "kim-hyong-jun", "kim-yo-jong", "pak-ui-chun"} <= set(talks)


def test_at_the_table_with_no_talks_drafted_is_not_the_signing(known: Known) -> None:
    drafted = _read(
        "SEOUL, Aug. 7 (AP) -- Premier Kim Yong Il and Vietnamese Prime Minister Nguyen Tan Dung "
        "signed an economic accord in Pyongyang on Friday.\n\n"
        "Thursday's first round lasted three hours. Kim was joined at the table by Ri Kwang Gun, "
        "a trade official, and Pak Ui Chun, the agency said.", known, date="2009-08-07",
    )
    people = attended_anywhere(drafted)
    assert "kim-yong-il" in people  # the signing is drafted; the round's table is not it
    assert not {"ri-kwang-gun", "pak-ui-chun"} & people
