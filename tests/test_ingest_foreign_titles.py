"""Foreign officials' titles in diplomatic copy (issue 15): organs of foreign parties named with
the WPK's heads ("member of the Political Bureau of the CPC Central Committee") are drafted as
the other party's organs, never read as the WPK's. Short synthetic sentences, varied wording."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kwpld.ingest import Known, read_text

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


def holdings(text: str, known: Known) -> set[tuple[Any, ...]]:
    """(person, role, organ name or id, parent name or id) of every holding drafted."""
    _, drafted = read_text(text, known=known, date="2018-09-10", article_type="news")
    names: dict[str, str] = {}
    parents: dict[str, str] = {}
    for d in drafted.drafts:
        first = (d.record.get("names") or [{}])[0]
        if d.kind in ("person", "organ") and isinstance(first, dict):
            names[d.id] = first.get("text", d.id)
        if d.kind == "organ" and d.record.get("parent"):
            parents[d.id] = d.record["parent"]
    return {
        (names.get(r["person"], r["person"]), r["role"], names.get(r["organ"], r["organ"]),
         names.get(parents.get(r["organ"], ""), parents.get(r["organ"])))
        for d in drafted.drafts
        if d.kind == "membership" and d.fact
        for r in [d.record]
    }  # fmt: skip


def test_political_bureau_of_the_cpc_central_committee(known: Known) -> None:
    got = holdings(
        "Kim Jong Un met Chinese guests in Pyongyang. The delegation of the Communist Party of "
        "China included Wang Yi, member of the Political Bureau of the CPC Central Committee, "
        "and Chen Xi, an alternate member of the Political Bureau of the CPC Central Committee.",
        known,
    )
    pb, cc = "Political Bureau of the CPC Central Committee", "Central Committee of the Communist"
    assert ("Wang Yi", "member", pb, f"{cc} Party of China") in got
    assert ("Chen Xi", "alternate-member", pb, f"{cc} Party of China") in got
    assert not any(t[2] == "wpk-pb" for t in got)


def test_the_whole_chain_up_to_the_party(known: Known) -> None:
    got = holdings(
        "Kim Jong Un received a delegation led by Li Zhanshu, member of the Standing Committee "
        "of the Political Bureau of the Central Committee of the Communist Party of China.",
        known,
    )
    organ = (
        "Standing Committee of the Political Bureau of the Central Committee of the Communist "
        "Party of China"
    )
    assert {t[:3] for t in got} >= {("Li Zhanshu", "member", organ)}
    assert not any(t[2] in ("wpk-pb-presidium", "wpk-pb") for t in got)


def test_the_wpks_own_organs_stay_the_wpks(known: Known) -> None:
    got = holdings(
        "Choe Ryong Hae, member of the Presidium of the Political Bureau of the Central "
        "Committee of the Workers' Party of Korea, met Chinese guests of the Communist Party of "
        "China.",
        known,
    )
    assert ("choe-ryong-hae", "member", "wpk-pb-presidium", None) in got


def test_a_foreign_general_secretary(known: Known) -> None:
    got = holdings(
        "Kim Jong Un sent a message to Hu Jintao, general secretary of the Central Committee of "
        "the Communist Party of China, on Sunday.",
        known,
    )
    cc = "Central Committee of the Communist Party of China"
    assert ("Hu Jintao", "general-secretary", cc, "Communist Party of China") in got
    assert not any(t[2] == "wpk-cc" for t in got)


# -- titles in parentheses after a name ---------------------------------------------------------


def test_titles_in_parentheses_with_an_organ_before_them(known: Known) -> None:
    got = holdings(
        "The funeral committee included Pak Jong-chon (KPA Vice Chief of General Staff and "
        "Director of the Artillery Command), Kim Su Gil (KPA General Political Bureau director) "
        "and Jang Kum Chol (director of the United Front Department).",
        known,
    )
    people = {t[:3] for t in got}
    assert ("Pak Jong-chon", "vice-chairman", "kpa-general-staff") in people
    assert ("Pak Jong-chon", "director", "Artillery Command") in people
    assert ("Kim Su Gil", "director", "kpa-gpb") in people
    assert ("Jang Kum Chol", "director", "wpk-ufd") in people
    assert ("Pak Jong-chon", "vice-chairman", "Artillery Command") not in people


def test_another_countrys_minister_holds_no_dprk_ministry(known: Known) -> None:
    got = holdings(
        "Russian Deputy Foreign Minister Igor Morgulov accompanied the delegation. Chinese "
        "Foreign Minister Wang Yi met Foreign Minister Ri Yong Ho and Vice Foreign Minister "
        "Pak Myong Guk.",
        known,
    )
    assert not any(t[0] in ("Igor Morgulov", "Wang Yi") for t in got)
    assert ("ri-yong-ho-fm", "chairman", "mfa", None) in got
    assert ("Pak Myong Guk", "vice-chairman", "mfa", None) in got
