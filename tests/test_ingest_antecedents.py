"""Facts whose parts are spread over more than one phrase or sentence (issue 15), one class per
test group: a post referred to, not named ("appointed to the post", "elected in his place"); the
people of an announcement listed after it; "Deputy" before a name in a report of the SPA; a
pronoun or a description ("The 72-year-old") standing for the person of the sentence before.
Short synthetic texts with a headline, read against tests/fixtures/ingest/facts/records; each
asserts the fields of the facts drafted (person, role, organ, type, start, end, as_of)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"
HEAD = "Meeting report\n\nPyongyang, February 11 (KCNA) -- "


def _iso(value: object) -> str | None:
    return None if value is None else parse_date(value).iso


def facts(text: str, known: Known, date: str = "2021-02-11") -> set[tuple[Any, ...]]:
    """(person, role, organ, type, start, end, as_of) of every membership drafted; organs
    the records do not have by their first name."""
    _, drafted = read_text(HEAD + text, known=known, date=date)
    names = {}
    for d in drafted.drafts:
        if d.kind == "organ":
            first = (d.record.get("names") or [{}])[0]
            names[d.id] = first.get("text", d.id) if isinstance(first, dict) else str(first)
    out = set()
    for d in drafted.drafts:
        if d.kind == "membership" and d.fact:
            r = d.record
            out.add(
                (r["person"], r["role"], names.get(r["organ"], r["organ"]), d.fact["type"],
                 _iso(r.get("start")), _iso(r.get("end")), _iso(r.get("as_of")))
            )  # fmt: skip
    return out


def held(text: str, known: Known, **kw: Any) -> set[tuple[str, str, str, str]]:
    """(person, role, organ, type) of every membership drafted."""
    return {h[:4] for h in facts(text, known, **kw)}


# -- 1. a post referred to, not named --------------------------------------------------------


def test_the_post_named_in_the_sentence_before(known: Known) -> None:
    got = facts(
        "The plenary meeting was held on 11 February 2021. The meeting discussed the post of "
        "Premier. Pak Thae Song was appointed to the post.",
        known,
    )
    assert ("pak-thae-song", "chairman", "cabinet", "appointed", "2021-02-11", None,
            None) in got  # fmt: skip


def test_the_post_a_change_named_earlier_in_the_sentence(known: Known) -> None:
    got = facts(
        "The plenary meeting was held on 11 February 2021. Ri Chol Man was relieved as "
        "director of the Agricultural Department of the C.C., which post he had held since "
        "January 2021, and the meeting appointed Kim Chang Sop to this post.",
        known,
    )
    assert ("kim-chang-sop", "director", "wpk-agriculture", "appointed", "2021-02-11", None,
            None) in got  # fmt: skip
    assert ("ri-chol-man", "director", "wpk-agriculture", "relieved", None, "2021-02-11",
            None) in got  # fmt: skip


def test_elected_in_his_place_and_a_seat_in_his_place(known: Known) -> None:
    got = held(
        "The session was held on 11 February 2021. Thae Hyong Chol was released from the "
        "position of vice-chairman of the Standing Committee of the SPA, and Kang Yun Sok was "
        "elected in his place. The session also recalled Ri Man Gon from the State Affairs "
        "Commission and elected O Su Yong a member in his place.",
        known,
    )
    assert ("kang-yun-sok", "vice-chairman", "spa-presidium", "elected") in got
    assert ("o-su-yong", "member", "sac", "elected") in got
    assert ("ri-man-gon", "member", "sac", "recalled") in got


def test_the_post_someone_was_given_is_not_his_own_title(known: Known) -> None:
    # The titles of the person the clause is about are not "the post"; a seat is not a post;
    # two posts and no change: which one, the text does not say.
    got = held(
        "The session was held on 11 February 2021. Kim Tok Hun was relieved as premier of the "
        "Cabinet. Pak Thae Song, a secretary of the WPK Central Committee, was appointed to the "
        "post. Ri Il Hwan is director of the Propaganda and Agitation Department and Kim Tok "
        "Hun is premier of the Cabinet. Jo Yong Won was appointed to the post.",
        known,
    )
    assert ("pak-thae-song", "chairman", "cabinet", "appointed") in got
    assert not any(p == "pak-thae-song" and role == "secretary" and t == "appointed"
                   for p, role, _, t in got)  # fmt: skip
    assert not any(p == "jo-yong-won" for p, *_ in got), got


def test_a_change_in_a_when_clause_takes_its_date(known: Known) -> None:
    got = facts(
        "Pak Jong Chon had been a vice-chairman of the Central Military Commission since "
        "January 2021, when the congress elected him to the post.",
        known,
    )
    # the holding the sentence states and its start, not the article's date
    assert {(role, organ, start) for p, role, organ, _, start, *_ in got
            if p == "pak-jong-chon"} == {("vice-chairman", "wpk-cmc", "2021-01")}, got  # fmt: skip


# -- 2. names listed after the announcement --------------------------------------------------


def test_they_are_after_an_announcement(known: Known) -> None:
    got = facts(
        "The session was held on 11 February 2021. Three new members of the State Affairs "
        "Commission were elected. They are Kim Tok Hun, Choe Ryong Hae and Pak Pong Ju.",
        known,
    )
    for person in ("kim-tok-hun", "choe-ryong-hae", "pak-pong-ju"):
        assert (person, "member", "sac", "elected", "2021-02-11", None, None) in got


def test_the_following_then_a_line_each(known: Known) -> None:
    got = held(
        "The session was held on 11 February 2021. The following were elected vice-chairmen "
        "of the State Affairs Commission:\n\n- Kim Tok Hun\n- Choe Ryong Hae\n\n"
        "Pak Pong Ju, member of the Political Bureau, presided over the session.",
        known,
    )
    assert ("kim-tok-hun", "vice-chairman", "sac", "elected") in got
    assert ("choe-ryong-hae", "vice-chairman", "sac", "elected") in got
    # a sentence after the list is no line of it
    assert not any(p == "pak-pong-ju" and organ == "sac" for p, _, organ, _ in got), got


def test_newly_elected_to_an_organ_then_numbered_lines(known: Known) -> None:
    got = held(
        "The plenary meeting was held on 11 February 2021. Newly elected to the Political "
        "Bureau were:\n\n1. Jo Yong Won\n2. Ri Il Hwan\n\nRecalled from the Central Military "
        "Commission were:\n\n* Pak Jong Chon",
        known,
    )
    assert ("jo-yong-won", "member", "wpk-pb", "elected") in got
    assert ("ri-il-hwan", "member", "wpk-pb", "elected") in got
    assert ("pak-jong-chon", "member", "wpk-cmc", "recalled") in got


def test_a_list_after_no_announcement_is_no_fact(known: Known) -> None:
    got = held(
        "The session was held on 11 February 2021. The session discussed the tasks of the "
        "Cabinet. They are Kim Tok Hun and Pak Pong Ju, who spoke.\n\nPresent were:\n\n"
        "- Choe Ryong Hae",
        known,
    )
    assert not any(p in ("kim-tok-hun", "pak-pong-ju", "choe-ryong-hae") for p, *_ in got)


# -- 3. a pronoun or a description for the person of the sentence before ---------------------


def test_he_and_a_description_stand_for_the_one_person_before(known: Known) -> None:
    got = facts(
        "The session was held on 11 February 2021. Choe Ryong Hae was elected chairman of the "
        "Central Military Commission. He was also appointed premier of the Cabinet.\n\n"
        "Kim Tok Hun was relieved as vice-chairman of the State Affairs Commission. The "
        "72-year-old was appointed director of the Propaganda and Agitation Department.",
        known,
    )
    assert ("choe-ryong-hae", "chairman", "cabinet", "appointed", "2021-02-11", None,
            None) in got  # fmt: skip
    assert ("kim-tok-hun", "director", "wpk-pad", "appointed", "2021-02-11", None,
            None) in got  # fmt: skip


def test_the_subject_not_a_possessive_nor_a_later_clause(known: Known) -> None:
    got = held(
        "The session was held on 11 February 2021. Kim Yo Jong, Kim Jong Un's sister, was "
        "elected an alternate member of the Political Bureau. She was also appointed "
        "director of the Propaganda and Agitation Department.\n\nThe meeting named Kim Tok Hun "
        "premier of the Cabinet, replacing Pak Pong Ju, who had held the post since 2019. The "
        "veteran official was also elected a member of the Political Bureau.",
        known,
    )
    assert ("kim-yo-jong", "director", "wpk-pad", "appointed") in got
    assert ("kim-tok-hun", "member", "wpk-pb", "elected") in got
    assert not any(p in ("kim-jong-un", "pak-pong-ju") and organ in ("wpk-pad", "wpk-pb")
                   for p, _, organ, _ in got), got  # fmt: skip


def test_two_people_before_and_no_one_is_meant(known: Known) -> None:
    # "A and B were ...", "elected A premier and B ...": which one "he" is, the text does not
    # say; "The official news agency" is no person.
    got = held(
        "The session was held on 11 February 2021. Kim Tok Hun and Pak Pong Ju were relieved "
        "of their posts. She was appointed director of the Propaganda and Agitation "
        "Department.\n\nThe session elected Choe Ryong Hae premier of the Cabinet and Jo Yong "
        "Won vice-chairman of the State Affairs Commission. The veteran was also elected a "
        "member of the Political Bureau. The official news agency said the session closed.",
        known,
    )
    assert not any(organ in ("wpk-pad", "wpk-pb") for _, _, organ, _ in got), got


# -- 4. "Deputy" before a name in a report of the SPA -----------------------------------------


def test_deputy_before_a_name_is_a_seat_and_not_a_title(known: Known) -> None:
    got = facts(
        "The 4th Session of the 14th Supreme People's Assembly was held on 11 February 2021. "
        "The session recalled Deputy Kim Yong Il and elected Deputy Pak Su Il as premier of "
        "the Cabinet.",
        known,
    )
    assert ("pak-su-il", "chairman", "cabinet", "elected", "2021-02-11", None, None) in got
    assert ("kim-yong-il", "chairman", "cabinet", "recalled", None, "2021-02-11", None) in got
    assert ("kim-yong-il", "member", "spa", "holds", None, None, "2021-02-11") in got
    assert ("pak-su-il", "member", "spa", "holds", None, None, "2021-02-11") in got


def test_deputies_listed_with_titles_in_apposition(known: Known) -> None:
    got = held(
        "The Supreme People's Assembly met in session on 11 February 2021. Deputies Kim Kuk "
        "Thae, Ri Thae Nam, Pak Su Gil, minister of Finance, and Kim Yong Jin, vice-premier, "
        "took the floor.",
        known,
    )
    for person in ("kim-kuk-thae", "ri-thae-nam", "pak-su-gil", "kim-yong-jin"):
        assert (person, "member", "spa", "holds") in got
    assert ("kim-yong-jin", "vice-chairman", "cabinet", "holds") in got


def test_deputy_is_not_a_seat_in_a_text_without_the_assembly(known: Known) -> None:
    got = held("The meeting was held on 11 February 2021. Deputy Kim Yong Il spoke.", known)
    assert not any(p == "kim-yong-il" and role == "member" for p, role, *_ in got), got
