"""Holdings whose organ is named by reference, and elections as wire copy and analysts word them
(issue 15, session of 2026-12-07 06:00): "the new commission", "the body", "the assembly",
"its chairman" resolved to the organ named before (kwpld/extract/organ_refs.py), and nothing
resolved when no compatible organ was named. Short synthetic texts, each class in several
wordings, read against tests/fixtures/ingest/facts/records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from facts_helpers import iso as _iso

from kwpld.ingest import Known, read_text

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"
KCNA = "Organizational Matters Announced\n\nPyongyang, October 15 (KCNA) -- "
WIRE = "North Korea reshuffles its leadership\n\nSEOUL, April 11 (Reuters) - "


def holdings(text: str, known: Known, date: str = "2019-04-11") -> set[tuple[Any, ...]]:
    """(person, role, organ, type, start, end) of every membership drafted; a drafted organ by
    its first name."""
    _, drafted = read_text(text, known=known, date=date, article_type="news")
    names = {
        d.id: d.record["names"][0]["text"] for d in drafted.drafts
        if d.kind == "organ" and d.record.get("names")
    }  # fmt: skip
    return {
        (r["person"], r["role"], names.get(r["organ"], r["organ"]), d.fact["type"],
         _iso(r.get("start")), _iso(r.get("end")))
        for d in drafted.drafts if d.kind == "membership" and d.fact
        for r in [d.record]
    }  # fmt: skip


def held(text: str, known: Known, **kw: Any) -> set[tuple[str, str, str]]:
    return {(h[0], h[1], h[2]) for h in holdings(text, known, **kw)}


# -- 1. a definite phrase with the organ's head noun --------------------------------------------


@pytest.mark.parametrize(
    ("text", "organ"),
    [
        (
            "Ro Tu Chol was named chairman of a newly created Economic Policy Commission on "
            "Wednesday. The party also elected Tong Jong Ho and Ri Chol Man as vice chairmen of "
            "the new commission.",
            "Economic Policy Commission",
        ),
        (
            "North Korea has set up a Border Security Commission, state media said. The 11-seat "
            "commission elected Tong Jong Ho and Ri Chol Man as vice chairmen on Tuesday.",
            "Border Security Commission",
        ),
        (
            "Pak Myong Sun heads the Light Industry Department. Tong Jong Ho and Ri Chol Man were "
            "appointed vice directors of the department last month.",
            "Light Industry Department",
        ),
    ],
)
def test_a_definite_phrase_is_the_organ_named_last_with_its_head(
    text: str, organ: str, known: Known
) -> None:
    got = held(WIRE + text, known)
    # (a department drafted with its parent's words: "... Department of the WPK Central Committee")
    ours = {
        (h[0], h[1]) for h in got
        if h[2].startswith(organ) and h[0] in ("tong-jong-ho", "ri-chol-man")
    }  # fmt: skip
    assert {p for p, _ in ours} >= {"tong-jong-ho", "ri-chol-man"}, got
    assert {role for _, role in ours} <= {"vice-chairman", "vice-director"}, got


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jae Ryong was named chairman of a new Economic Policy Commission. The commission's "
        "members include Ko In Ho, Kim Sung Du and Pak Myong Sun.",
        "Kim Jae Ryong was named chairman of a new Economic Policy Commission. Ko In Ho, Kim Sung "
        "Du and Pak Myong Sun were also named members of the body, KCNA said.",
    ],
)
def test_the_commissions_members_and_members_of_the_body(text: str, known: Known) -> None:
    got = held(WIRE + text, known)
    members = {h[0] for h in got if h[1] == "member" and h[2] == "Economic Policy Commission"}
    assert members == {"ko-in-ho", "kim-sung-du", "pak-myong-sun"}, got
    assert not any(h[2] == "kcna" for h in got)  # "KCNA said" is never "the body"


def test_the_assembly_is_the_supreme_peoples_assembly(known: Known) -> None:
    got = held(
        "Parliament re-elects speaker\n\nTOKYO, Jan. 16 (Kyodo) -- The Supreme People's "
        "Assembly met on Monday. Pak In Chol was "
        "re-elected chairman of the assembly, and Kang Yun Sok was newly elected a vice chairman "
        "of the SPA.",
        known,
        date="2024-01-16",
    )
    assert ("pak-in-chol", "chairman", "spa") in got
    assert ("kang-yun-sok", "vice-chairman", "spa") in got


@pytest.mark.parametrize(
    "text",
    [
        "Ri Chol Man was elected chairman of the commission, KCNA said.",
        "The meeting elected Ri Chol Man as its chairman.",
        "Ri Chol Man was elected a member of the body.",
    ],
)
def test_no_compatible_organ_named_before_no_holding(text: str, known: Known) -> None:
    assert not any(h[0] == "ri-chol-man" for h in held(KCNA + text, known))


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "A state funeral committee was formed with Kim Jong Un, chairman of the State "
            "Affairs Commission, as its chairman. Its members were Ri Chol Man, Choe Ryong Hae "
            "and others.",
            {("ri-chol-man", "member", "sac"), ("choe-ryong-hae", "member", "sac")},
        ),
        (
            "A preparatory committee headed by Ri Chol Man, member of the Political Bureau, was "
            "set up. Its members include Choe Ryong Hae.",
            {("choe-ryong-hae", "member", "wpk-pb")},
        ),
        (
            "A delegation of the WPK led by Ri Chol Man left Pyongyang. Its members were Choe "
            "Ryong Hae and Kim Jong Un.",
            {("choe-ryong-hae", "member", "wpk"), ("kim-jong-un", "member", "wpk")},
        ),
    ],
)
def test_its_after_a_body_described_not_named_stays_unresolved(
    text: str, wrong: set[tuple[str, str, str]], known: Known
) -> None:
    # "its" stands for the committee or delegation the text describes, not for an organ named
    # beside it: the members listed hold no seat in that organ
    assert not wrong & held(KCNA + text, known)


# -- 2. "its" before a role: the organ of the clause, else of the sentence before --------------


def test_its_in_kcna_organizational_matters(known: Known) -> None:
    got = holdings(
        KCNA + "The First Plenary Meeting of the Sixth Central Committee of the WPK was held on "
        "October 14. The meeting set up the Presidium of the Political Bureau and elected as its "
        "members Comrades Kim Il, O Jin U and Ri Jong Ok. The meeting organized the Central "
        "Military Commission with Comrade Kim Il Sung as its chairman and elected Comrades Choe "
        "Hyon and O Jin U its members. The Central Inspection Commission elected Comrade So Chol "
        "as its chairman.",
        known,
        date="1980-10-15",
    )
    seats = {(h[0], h[1], h[2]) for h in holdings_started(got, "1980-10-14")}
    expected = {
        ("kim-il", "member", "wpk-pb-presidium"), ("ri-jong-ok", "member", "wpk-pb-presidium"),
        ("kim-il-sung", "chairman", "wpk-cmc"), ("choe-hyon", "member", "wpk-cmc"),
        ("o-jin-u", "member", "wpk-cmc"), ("so-chol", "chairman", "wpk-cic"),
    }  # fmt: skip
    assert expected <= seats, got
    assert ("kim-il-sung", "member", "wpk-cmc") not in seats  # the chairman's seat, not two


def holdings_started(got: set[tuple[Any, ...]], iso: str) -> set[tuple[Any, ...]]:
    return {h for h in got if h[4] == iso}


@pytest.mark.parametrize(
    "text",
    [
        "The session elected the Presidium of the SPA. Kim Yong Nam was elected its president, "
        "Yang Hyong Sop and Kim Yong Dae its vice-presidents and Choe Yong Rim its secretary "
        "general.",
        "The First Meeting of the Presidium of the SPA, held the same day, elected Kim Yong Nam "
        "its president and Yang Hyong Sop and Kim Yong Dae its vice-presidents.",
    ],
)
def test_its_after_the_organ_of_the_sentence_before_or_an_event_name(
    text: str, known: Known
) -> None:
    got = held(KCNA + text, known, date="2009-04-09")
    assert ("kim-yong-nam", "chairman", "spa-presidium") in got
    assert {("yang-hyong-sop", "vice-chairman", "spa-presidium"),
            ("kim-yong-dae", "vice-chairman", "spa-presidium")} <= got  # fmt: skip
    assert not any(h[2] == "spa" for h in got), got


# -- 3. elections as wire copy and analysts word them ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jo Yong Won and Pak Thae Song were both elected secretaries of the Central Committee.",
        "Pak Thae Song and Jo Yong Won were both appointed secretaries of the WPK Central "
        "Committee on Friday.",
    ],
)
def test_both_elected(text: str, known: Known) -> None:
    got = held(WIRE + text, known, date="2026-03-02")
    assert {("jo-yong-won", "secretary", "wpk-cc"), ("pak-thae-song", "secretary", "wpk-cc")} <= got


@pytest.mark.parametrize(
    ("text", "organ"),
    [
        ("Kim Jae Ryong was elected a Political Bureau member and secretary.", "wpk-pb"),
        ("Kim Jae Ryong was made a Politburo member and secretary at the plenum.", "wpk-pb"),
    ],
)
def test_an_organ_before_coordinated_roles(text: str, organ: str, known: Known) -> None:
    got = held(WIRE + text, known, date="2026-03-02")
    assert ("kim-jae-ryong", "member", organ) in got
    assert ("kim-jae-ryong", "secretary", "wpk-cc") in got
    assert ("kim-jae-ryong", "secretary", organ) not in got


@pytest.mark.parametrize(
    "text",
    [
        "New full members of the Political Bureau include:\n\n- Ri Il Hwan\n- Jon Hyon Chol\n"
        "- Kim Song Nam\n",
        "Other members elected to the Political Bureau include Ri Il Hwan, Jon Hyon Chol and "
        "Kim Song Nam.",
    ],
)
def test_members_include_a_list(text: str, known: Known) -> None:
    opening = "The plenary meeting elected Choe Ryong Hae a member of the Presidium. "
    got = held(WIRE + opening + text, known, date="2026-03-02")
    assert {("ri-il-hwan", "member", "wpk-pb"), ("jon-hyon-chol", "member", "wpk-pb"),
            ("kim-song-nam", "member", "wpk-pb")} <= got, got  # fmt: skip


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Ri Pyong Chol was retired from the Presidium of the Political Bureau and from the "
         "Central Military Commission.", "wpk-pb-presidium"),
        ("Ri Pyong Chol was removed from the Political Bureau and the CMC on Friday.", "wpk-pb"),
    ],
)  # fmt: skip
def test_ended_in_two_organs(text: str, first: str, known: Known) -> None:
    got = holdings(WIRE + text, known, date="2026-03-02")
    ended = {(h[0], h[2]) for h in got if h[3] in ("retired", "dismissed")}
    assert {("ri-pyong-chol", first), ("ri-pyong-chol", "wpk-cmc")} <= ended, got


@pytest.mark.parametrize(
    ("text", "ministry", "role"),
    [
        ("Tong Jong Ho was dismissed as minister of metal industry last year.",
         "Ministry of Metal Industry", "chairman"),
        ("Jon Hyon Chol, the minister of electronic industry, has been dismissed from his post.",
         "Ministry of Electronic Industry", "chairman"),
        ("O Chol Su was appointed vice minister of external economic relations.",
         "Ministry of External Economic Relations", "vice-chairman"),
    ],
)  # fmt: skip
def test_a_ministry_in_lower_case(text: str, ministry: str, role: str, known: Known) -> None:
    got = held(WIRE + text, known)
    assert any(h[1] == role and h[2] == ministry for h in got), got


# -- 4. starts and ends in one clause, seats and posts left to the context ---------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "Kim Yo Jong, who had first been made an alternate Politburo member in October 2017 "
            "but lost the seat in April 2019, was elected a full member on Friday.",
            "2017-10",
            "2019-04",
        ),
        (
            "Hyon Song Wol, who was appointed an alternate member of the Political Bureau in "
            "January 2021 but lost the seat in June 2023, did not attend.",
            "2021-01",
            "2023-06",
        ),
    ],
)
def test_made_a_member_but_lost_the_seat(text: str, start: str, end: str, known: Known) -> None:
    got = holdings(WIRE + text, known, date="2026-03-02")
    seat = [h for h in got if h[1] == "alternate-member" and h[2] == "wpk-pb"]
    assert [(h[4], h[5]) for h in seat] == [(start, end)], got


@pytest.mark.parametrize(
    "opening",
    [
        "Kim Yo Jong, an alternate Politburo member since 2017, was promoted on Friday.",
        "Kim Yo Jong was elected an alternate member of the Political Bureau on Friday.",
    ],
)
def test_a_seat_lost_without_an_organ_is_the_last_seat_named(opening: str, known: Known) -> None:
    got = holdings(
        WIRE + opening + " Hyon Song Wol was not re-elected an alternate member.",
        known,
        date="2026-03-02",
    )
    assert any(
        h[:3] == ("hyon-song-wol", "alternate-member", "wpk-pb") and h[3] == "lost" for h in got
    ), got


@pytest.mark.parametrize(
    "text",
    [
        "Jon Hyon Chol, the minister of electronic industry, has been dismissed from his post. "
        "O Chol Su, a vice minister, has been acting as minister since the dismissal.",
        "North Korea sacked Jon Hyon Chol as minister of electronic industry on Monday. His "
        "deputy O Chol Su is now acting as minister, officials said.",
    ],
)
def test_a_minister_without_a_ministry_is_the_last_ministry_named(text: str, known: Known) -> None:
    got = held(WIRE + text, known, date="2024-01-16")
    assert ("o-chol-su", "chairman", "Ministry of Electronic Industry") in got, got


@pytest.mark.parametrize(
    "text",
    [
        "North Korea's Supreme People's Assembly re-elected Pak In Chol as its chairman.",
        "Pak In Chol was re-elected chairman of North Korea's Supreme People's Assembly.",
    ],
)
def test_a_countrys_possessive_is_not_part_of_the_organ(text: str, known: Known) -> None:
    assert ("pak-in-chol", "chairman", "spa") in held(WIRE + text, known, date="2024-01-16")


def test_re_appointed(known: Known) -> None:
    got = holdings(
        WIRE + "Ro Tu Chol was re-appointed chairman of the State Planning Commission in 2016.",
        known,
    )
    assert any(h[:4] == ("ro-tu-chol", "chairman", "state-planning-commission", "appointed")
               and h[4] == "2016" for h in got), got  # fmt: skip


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Hyon Song Wol was not re-elected an alternate member of the Political Bureau on "
         "Friday, a seat she had held since January 2021.", "2021-01"),
        ("Ri Il Hwan was dropped as a member of the Political Bureau on Friday, a post which he "
         "had held since 2019.", "2019"),
    ],
)  # fmt: skip
def test_a_seat_held_since_in_apposition_starts_what_ends(
    text: str, start: str, known: Known
) -> None:
    got = holdings(WIRE + text, known, date="2026-03-02")
    assert any(h[2] == "wpk-pb" and h[4] == start and h[5] for h in got), got
