"""The list reader (issue 15, round 6 lever L2; `kwpld.extract.lists`): lists of two or more
people placed at the occasion in focus by the structure of their clause — a word of presence,
no word of another kind of list — whatever the phrasing; and the near misses: lists of the
elected, the dead, the sanctioned, authors, a history in the past perfect, a negation, the
object of a preposition ("tribute to A and B"), a habit, a list in a sentence dated on its own.
Short synthetic texts; names, occasions and outlets vary."""

from __future__ import annotations

import pytest
from facts_helpers import attended as _attended

from kwpld.extract.lists import presence_role
from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted

KCNA = "Pyongyang, May 11 (KCNA) -- "
RECEPTION = KCNA + "A reception took place at the Okryu Restaurant on Friday.\n\n"
WIRE = (
    "SEOUL, May 11 (Yonhap) -- North Korea held a ceremony at the Mansudae Assembly Hall on "
    "Friday to mark the anniversary of the constitution, state media said.\n\n"
)


def _people(text: str, known: Known) -> dict[str, str]:
    """person -> role at the one event the text reports (none: {})."""
    drafted: Drafted = read_text(text, known=known, date="2024-05-11", article_type="news")[1]
    found = _attended(drafted)
    assert len(found) <= 1, found
    return next(iter(found.values()), {})


# -- lists the patterns do not read, placed by their clause ---------------------------------------


@pytest.mark.parametrize(
    ("sentence", "names", "role"),
    [
        # a subject list and a verb of joining the people of the sentence before
        ("Choe Ryong Hae and Pak Pong Ju attended it. Defence Minister Ri Yong Gil and Kim Su "
         "Gil, a party secretary, joined them in presenting bouquets.",
         ("ri-yong-gil", "kim-su-gil"), "attended"),
        # a group word before a list in parentheses
        ("The premier sat at the head table with several ministers (Ri Su Yong, Kim Tok Hun "
         "and Jo Yong Won) beside him.", ("ri-su-yong", "jo-yong-won"), "attended"),
        # "among the ... officials at" the occasion, free words before the noun
        ("Thae Hyong Chol and So Hong Chan were among the senior party officials at the "
         "reception, KCNA said.", ("thae-hyong-chol", "so-hong-chan"), "attended"),
        # speeches exchanged by two people
        ("Toasts and speeches were exchanged at the reception by Kim Yong Dae and Ro Song Sil.",
         ("kim-yong-dae", "ro-song-sil"), "speaker"),
    ],
)
def test_a_clause_of_presence_places_its_list(
    sentence: str, names: tuple[str, ...], role: str, known: Known
) -> None:
    people = _people(RECEPTION + sentence + "\n", known)
    for name in names:
        assert people.get(name) == role, (name, people)


def test_a_list_on_the_tribune_is_on_the_platform(known: Known) -> None:
    text = WIRE + ("Hyon Chol Gun and Ri Man Gon, a vice-premier, stood on the tribune as "
                   "the guards of honour marched past.\n")  # fmt: skip
    people = _people(text, known)
    assert people.get("hyon-chol-gun") == "platform", people
    assert people.get("ri-man-gon") == "platform", people


def test_a_colon_lead_in_other_words_reads_the_lines_after_it(known: Known) -> None:
    text = RECEPTION + (
        "The following were at the reception on the Korean side:\n\n"
        "Kim Yong Dae, vice-president of the Presidium of the Supreme People's Assembly\n\n"
        "Ro Song Sil, chairwoman of the Union of Agricultural Workers\n"
    )
    people = _people(text, known)
    assert {"kim-yong-dae", "ro-song-sil"} <= set(people), people


# -- near misses: other kinds of list ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        # elected (holdings), even with a word of presence in the clause
        "Hyon Chol Gun and Ri Man Gon, present at the reception, were elected to the council.",
        # the dead
        "Veterans of the war, among them Ri Ul Sol and O Jin U, died years ago.",
        # the sanctioned
        "Washington sanctioned Hyon Chol Gun and Ri Man Gon, who were seen at the reception.",
        # authors
        "A book written by Hyon Chol Gun and Ri Man Gon was presented at the reception.",
        # a history in the past perfect
        "The speaker recalled that Hyon Chol Gun and Ri Man Gon had stood beside the founder.",
        # a negation
        "Hyon Chol Gun and Ri Man Gon did not attend the reception.",
        # what is only planned
        "Hyon Chol Gun and Ri Man Gon will attend a banquet on Monday.",
        # the object of a preposition: a tribute to the dead
        "The guests paid tribute to Ri Ul Sol and O Jin U, who lie in the cemetery.",
        # a habit
        "Hyon Chol Gun and Ri Man Gon often accompanied the leader on his inspections.",
    ],
)
def test_other_lists_place_no_one(sentence: str, known: Known) -> None:
    people = _people(RECEPTION + sentence + "\n", known)
    for name in ("hyon-chol-gun", "ri-man-gon", "ri-ul-sol", "o-jin-u"):
        assert name not in people, (name, people)


def test_a_sentence_dated_on_its_own_tells_another_time(known: Known) -> None:
    text = RECEPTION + ("In footage of a 2016 visit to a tractor plant, he was seen standing "
                        "beside Hyon Chol Gun and Ri Man Gon.\n")  # fmt: skip
    people = _people(text, known)
    assert "hyon-chol-gun" not in people and "ri-man-gon" not in people, people


def test_joining_an_organ_is_a_membership_not_a_presence(known: Known) -> None:
    text = RECEPTION + "Hyon Chol Gun and Ri Man Gon joined the Political Bureau in 2021.\n"
    people = _people(text, known)
    assert "hyon-chol-gun" not in people and "ri-man-gon" not in people, people


def test_the_clause_of_one_list_is_not_another_s() -> None:
    # "received A and B, with C and D present": "present" is the second list's
    assert presence_role(["P", "received", "visitors", "P", ",", "and", "P"]) is None
    assert presence_role(["with", "P", "and", "P", "present"]) == "attended"
    assert presence_role(["P", "and", "P", "joined", "the", "O"]) is None
    assert presence_role(["P", "and", "P", "were", "among", "the", "visiting", "guests"]) == (
        "attended"
    )


def test_one_person_in_the_company_of_others_is_read_as_a_list(known: Known) -> None:
    text = WIRE + ("Television showed Hyon Chol Gun and Ri Man Gon on the tribune, together with "
                   "Premier Kim Tok Hun, among others.\n")  # fmt: skip
    people = _people(text, known)
    assert people.get("kim-tok-hun") == "platform", people


def test_one_person_in_company_of_the_elected_is_elected(known: Known) -> None:
    text = RECEPTION + ("Hyon Chol Gun was elected to the council at the reception, along with "
                        "Ri Man Gon.\n")  # fmt: skip
    people = _people(text, known)
    assert "ri-man-gon" not in people, people


def test_an_inverted_lead_places_everyone_named_after_it(known: Known) -> None:
    text = RECEPTION + (
        "Among the guests invited were a trade delegation headed by Hyon Chol Gun, vice-premier, "
        "and a youth delegation headed by Ri Man Gon, with Ro Song Sil and Kim Yong Dae.\n"
    )
    people = _people(text, known)
    for name in ("hyon-chol-gun", "ri-man-gon", "ro-song-sil", "kim-yong-dae"):
        assert people.get(name) == "attended", (name, people)


def test_an_inverted_lead_of_another_kind_of_list_places_no_one(known: Known) -> None:
    text = RECEPTION + (
        "Among the officials sanctioned were a trade delegation headed by Hyon Chol Gun, "
        "with Ro Song Sil and Kim Yong Dae.\n"
    )
    people = _people(text, known)
    for name in ("hyon-chol-gun", "ro-song-sil", "kim-yong-dae"):
        assert name not in people, (name, people)


def test_as_did_adds_one_more_to_those_present(known: Known) -> None:
    text = RECEPTION + ("Hyon Chol Gun also attended the reception, as did the chairman of the "
                        "farmers' union, Ro Song Sil.\n")  # fmt: skip
    people = _people(text, known)
    assert people.get("ro-song-sil") == "attended", people


def test_as_did_after_an_election_places_no_one(known: Known) -> None:
    text = RECEPTION + ("Hyon Chol Gun was elected to the council at the reception, as did "
                        "Ro Song Sil.\n")  # fmt: skip
    people = _people(text, known)
    assert "ro-song-sil" not in people, people
