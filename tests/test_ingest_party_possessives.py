"""Class cpcdup (issue 15): the Chinese party named by a possessive ("the CPC's Political
Bureau", "the Chinese party's Central Committee", "the Communist Party's Political Bureau" in a
story from Beijing) is the Communist Party of China, and its organs are the ones KCNA's "of the
C.C., CPC" names, not new organs under the printed words. Synthetic sentences; near misses must
not fire."""

from __future__ import annotations

from typing import Any

from facts_helpers import held, held_records

CPC_PB = "Political Bureau of the Central Committee of the Communist Party of China"
CPC_PBSC = "Standing Committee of the " + CPC_PB
DATE = "2012-03-14"


def organs_of(text: str, known: Any, person: str) -> set[tuple[str, str]]:
    return {(role, organ) for who, role, organ in held(text, known, DATE) if who == person}


def test_the_communist_partys_bureau_in_a_beijing_story_is_the_cpcs(known: Any) -> None:
    text = (
        "BEIJING, March 14, 2012 (AP) - Jia Qinglin, a member of the Standing Committee of the "
        "Communist Party's Political Bureau, opened the session."
    )
    assert organs_of(text, known, "Jia Qinglin") == {("member", CPC_PBSC)}


def test_the_chinese_partys_central_committee_owns_its_department(known: Any) -> None:
    text = (
        "TOKYO, March 14, 2012 (Kyodo) - The talks were led by Dai Bingguo, head of the "
        "International Department of the Chinese party's Central Committee."
    )
    assert organs_of(text, known, "Dai Bingguo") == {
        ("director", "International Department of the Central Committee of the Communist Party "
                     "of China")
    }  # fmt: skip


def test_the_abbreviations_possessive_is_the_same_organ_as_kcnas_cc_cpc(known: Any) -> None:
    text = (
        "BEIJING, March 14, 2012 (AFP) - Wang Yang, a member of the CCP's Politburo, met "
        "guests. Pyongyang, March 14 (KCNA) -- Liu Yandong, member of the Political Bureau of "
        "the C.C., CPC, arrived."
    )
    rows = held_records(text, known, DATE)
    organs = {row[0]: record["organ"] for row, record in rows if row[1] == "member"}
    assert {row[2] for row, _ in rows if row[0] in ("Wang Yang", "Liu Yandong")} == {CPC_PB}
    assert organs["Wang Yang"] == organs["Liu Yandong"]


def test_the_chinese_partys_central_committee_itself(known: Any) -> None:
    text = (
        "BEIJING, March 14, 2012 (Reuters) - Meng Jianzhu, a member of the Chinese Communist "
        "Party's Central Committee, spoke."
    )
    assert organs_of(text, known, "Meng Jianzhu") == {
        ("member", "Central Committee of the Communist Party of China")
    }


def test_the_workers_partys_bureau_in_a_beijing_story_stays_the_wpks(known: Any) -> None:
    text = (
        "BEIJING, March 14, 2012 (Reuters) - Kim Yong Il, a member of the Workers' Party's "
        "Political Bureau, arrived in Beijing."
    )
    assert organs_of(text, known, "Kim Yong Il") == {("member", "wpk-pb")}


def test_the_communist_party_outside_china_is_not_the_cpc(known: Any) -> None:
    for dateline in ("HANOI, March 14, 2012 (AFP) - ", "TOKYO, March 14, 2012 (Kyodo) - "):
        text = dateline + (
            "Nguyen Sinh Hung, a member of the Communist Party's Political Bureau, spoke."
        )
        held_organs = {organ for _, organ in organs_of(text, known, "Nguyen Sinh Hung")}
        assert not any("Communist Party of China" in o for o in held_organs), held_organs


def test_a_persons_possessive_is_no_party(known: Any) -> None:
    text = (
        "BEIJING, March 14, 2012 (Reuters) - Wen Jiabao, a member of Hu's party's Political "
        "Bureau, spoke. Li Keqiang, a member of the CPC's Zhongnanhai staff, spoke."
    )
    rows = held(text, known, DATE)
    assert not any("Communist Party of China" in organ for _, _, organ in rows), rows


STATE_COUNCIL = "State Council of the People's Republic of China"


def test_the_state_council_named_before_the_name_is_chinas(known: Any) -> None:
    text = (
        "BEIJING, March 14, 2012 (Xinhua) - Premier of the State Council Li Keqiang chaired the "
        "meeting. Zhang Gaoli, vice-premier of the State Council, attended."
    )
    rows = held(text, known, DATE)
    assert ("Li Keqiang", "chairman", STATE_COUNCIL) in rows
    assert ("Zhang Gaoli", "vice-chairman", STATE_COUNCIL) in rows


def test_the_dprk_premier_stays_the_cabinets(known: Any) -> None:
    text = (
        "Pyongyang, March 14 (KCNA) -- Choe Yong Rim, premier of the Cabinet, and Premier Pak "
        "Pong Ju spoke."
    )
    organs = {organ for _, _, organ in held(text, known, DATE)}
    assert STATE_COUNCIL not in organs and "cabinet" in organs, organs
