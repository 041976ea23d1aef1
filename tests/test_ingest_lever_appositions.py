"""Offices in apposition whatever the organ (issue 15, round 6 lever L3): an organ the lexicon
lacks named as a part of one it has ("director of the Operations Bureau of the KPA General
Staff": drafted under the General Staff), administrations and armed services as organs
("deputy director of the Maritime Administration", "commander of the Strategic Force of the
KPA"), and a bare "President" before a foreign-shaped name: the state of the agencies' undated
dateline ("BEIJING (AP) —") or of the article's main nationality. Near misses: an organ of the
party itself ("the X Committee of the Workers' Party of Korea"), a place ("governor of Tokyo"),
a company, a generic name, a bare "President" with no state in the story, a Korean name.
Short synthetic texts; names, outlets and word order vary."""

from __future__ import annotations

import pytest
from facts_helpers import held

from kwpld.ingest import Known, read_text

DAY = "2015-03-12"


def _organ_parents(text: str, known: Known) -> dict[str, str]:
    """first name of every organ drafted -> its parent's id (or "")."""
    _, drafted = read_text(text, known=known, date=DAY, article_type="news")
    out: dict[str, str] = {}
    for d in drafted.drafts:
        if d.kind == "organ":
            first = (d.record.get("names") or [{}])[0]
            name = first.get("text", d.id) if isinstance(first, dict) else d.id
            out[name] = str(d.record.get("parent", ""))
    return out


@pytest.mark.parametrize(
    ("text", "person", "role", "organ"),
    [
        ("Pyongyang, March 12 (KCNA) -- Present were Jo Kyong Chol, director of the Operations "
         "Bureau of the KPA General Staff, and others.", "Jo Kyong Chol", "director",
         "Operations Bureau of the KPA General Staff"),
        ("The report was made by Kim Tong Il, chairman of the Legislation Committee of the "
         "Supreme People's Assembly.", "Kim Tong Il", "chairman",
         "Legislation Committee of the Supreme People's Assembly"),
        ("On hand was Han Kwang Bok, vice-chairman of the Planning Bureau of the Cabinet.",
         "Han Kwang Bok", "vice-chairman", "Planning Bureau of the Cabinet"),
    ],
)
def test_an_organ_named_under_one_the_lexicon_has(
    known: Known, text: str, person: str, role: str, organ: str
) -> None:
    assert (person, role, organ) in held(text, known, DAY)


def test_the_drafted_organ_is_under_the_one_named(known: Known) -> None:
    parents = _organ_parents(
        "Ri Chang Ok, director of the Operations Bureau of the KPA General Staff, spoke.", known
    )
    assert parents["Operations Bureau of the KPA General Staff"] == "kpa-general-staff"


@pytest.mark.parametrize(
    ("text", "person", "role", "organ"),
    [
        ("They were met by O Yong Chol, deputy director of the Maritime Administration.",
         "O Yong Chol", "vice-director", "Maritime Administration"),
        ("Kim Rak Gyom, commander of the Strategic Force of the Korean People's Army, "
         "reported on the drill.", "Kim Rak Gyom", "chairman",
         "Strategic Force of the Korean People's Army"),
    ],
)
def test_administrations_and_armed_services(
    known: Known, text: str, person: str, role: str, organ: str
) -> None:
    assert (person, role, organ) in held(text, known, DAY)


@pytest.mark.parametrize(
    "text",
    [
        # a place, not an organ
        "He was greeted by Pak Chol Min, governor of Tokyo, on Monday.",
        # a company
        "Jon Sung Ho, chairman of the Korea Taepung International Investment Group, spoke.",
        # all generic words before the known organ
        "Ri Su Gil, chairman of the Standing Committee of the Supreme People's Assembly, spoke.",
    ],
)
def test_no_organ_drafted_under_a_known_one(known: Known, text: str) -> None:
    drafted = {organ for _, _, organ in held(text, known, DAY)}
    assert not any(o.endswith(("Tokyo", "Group")) for o in drafted)
    assert "Standing Committee of the Supreme People's Assembly" not in drafted


def test_a_party_committee_is_left_to_the_party_reading(known: Known) -> None:
    text = ("Kim Su Gil, chief secretary of the Pyongyang City Committee of the Workers' Party "
            "of Korea, spoke.")
    assert not any(
        organ.startswith("Pyongyang City Committee of") for _, _, organ in held(text, known, DAY)
    )


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("BEIJING (AP) — Later on Tuesday, Ri met President Xi Jinping at the Great Hall of "
         "the People.", "People's Republic of China"),
        ("SEOUL, April 26 (Yonhap) -- The Russian side said the talks were useful. President "
         "Vladimir Putin told reporters that Russian and North Korean officials would meet "
         "again, a Russian spokesman said.", "Russian Federation"),
    ],
)
def test_a_bare_president_of_the_storys_state(known: Known, text: str, state: str) -> None:
    found = held(text, known, DAY)
    assert any(role == "chairman" and organ in (state, state.split()[-1])
               for _, role, organ in found), found  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # no state in the story: a bare President names none
        "President Vladimir Putin met the visitors on Tuesday.",
        # a Korean name is no foreign head of state by the story's nationality
        "The Russian and Russian-backed officials met. President Kim Yong Ju spoke.",
        # the dateline's state cannot be his (a Chinese name in a Moscow story)
        "MOSCOW (Reuters) - President Xi Jinping arrived on Tuesday.",
    ],
)
def test_no_state_for_a_bare_president(known: Known, text: str) -> None:
    found = held(text, known, DAY)
    assert not any(organ in ("Russian Federation", "Russia") for _, _, organ in found), found
    assert not any(person == "Xi Jinping" for person, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "person", "role", "organ"),
    [
        ("Present was Salvador Valdes Mesa, head of the International Relations Department of "
         "the Central Committee of the Communist Party of Cuba.", "Salvador Valdes Mesa",
         "director",
         "International Relations Department of the Central Committee of the Communist Party "
         "of Cuba"),
        ("Li Jinjun, deputy head of the International Department of the Communist Party of "
         "China Central Committee, arrived in Pyongyang on Monday.", "Li Jinjun",
         "vice-director",
         "International Department of the Central Committee of the Communist Party of China"),
        ("Present were Ju Yong Il, chairman of the Central Committee of the General Federation "
         "of Trade Unions of Korea.", "Ju Yong Il", "chairman",
         "Central Committee of the General Federation of Trade Unions of Korea"),
    ],
)
def test_organs_of_another_partys_or_organizations_central_committee(
    known: Known, text: str, person: str, role: str, organ: str
) -> None:
    assert (person, role, organ) in held(text, known, DAY)


def test_the_wpks_own_central_committee_stays_its_own(known: Known) -> None:
    found = held("Ri Jong Nam, member of the Central Committee of the Workers' Party of Korea, "
                 "spoke.", known, DAY)  # fmt: skip
    assert ("Ri Jong Nam", "member", "wpk-cc") in found


@pytest.mark.parametrize(
    ("text", "person", "role", "organ"),
    [
        ("Russian Energy Minister Sergei Shmatko met the delegation on Tuesday.",
         "Sergei Shmatko", "chairman", "Ministry of Energy of the Russian Federation"),
        ("Russian Deputy Energy Minister Anatoly Yanovsky was also there.",
         "Anatoly Yanovsky", "vice-chairman", "Ministry of Energy of the Russian Federation"),
    ],
)
def test_a_portfolio_after_a_nationality(
    known: Known, text: str, person: str, role: str, organ: str
) -> None:
    assert (person, role, organ) in held(text, known, DAY)


def test_no_portfolio_without_a_nationality_or_head_word(known: Known) -> None:
    # "Energy" alone is no ministry head word, and no nationality says whose
    found = held("Energy Minister Pak Chol Ung spoke on Tuesday.", known, DAY)
    assert not any("Energy" in organ for _, _, organ in found), found
