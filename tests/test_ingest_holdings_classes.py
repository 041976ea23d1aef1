"""Holdings drafted from kinds of sentence the first rules missed (issue 15), one class per
test: titles of state media (KCNA's "C.C.", "President of the State Affairs", "Supreme
Commander", organs of the past), lists, tables, directories, encyclopedia and wire phrasing.
Short synthetic texts, read against tests/fixtures/ingest/facts/records or an empty folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"
KCNA = "Pyongyang, January 1 (KCNA) -- "


def _iso(value: object) -> str | None:
    return None if value is None else parse_date(value).iso


def _organ_names(drafted: Drafted) -> dict[str, str]:
    """Draft organ id -> its first name (a record id maps to itself)."""
    out = {}
    for d in drafted.drafts:
        if d.kind == "organ":
            names = d.record.get("names") or []
            first = names[0] if names else {}
            out[d.id] = first.get("text", d.id) if isinstance(first, dict) else str(first)
    return out


def holdings(text: str, known: Known, date: str = "2021-02-11",
             kind: str = "news") -> set[tuple[Any, ...]]:  # fmt: skip
    """(person, role, organ, type, start, end, as_of) of every membership drafted."""
    _, drafted = read_text(text, known=known, date=date, article_type=kind)
    names = _organ_names(drafted)
    out = set()
    for d in drafted.drafts:
        if d.kind == "membership" and d.fact:
            r = d.record
            out.add(
                (r["person"], r["role"], names.get(r["organ"], r["organ"]), d.fact["type"],
                 _iso(r.get("start")), _iso(r.get("end")), _iso(r.get("as_of")))
            )  # fmt: skip
    return out


def held(text: str, known: Known, **kw: Any) -> set[tuple[str, str, str]]:
    return {(h[0], h[1], h[2]) for h in holdings(text, known, **kw)}


# -- titles of state media -----------------------------------------------------------------------


def test_kcna_bare_cc_is_the_central_committee(known: Known) -> None:
    got = holdings(
        KCNA + "The plenary meeting was held on 11 February. Choe Ryong Hae and Kim Tok Hun "
        "were by-elected alternate members of the C.C.",
        known,
    )
    assert ("choe-ryong-hae", "alternate-member", "wpk-cc", "elected", "2021-02-11", None,
            None) in got  # fmt: skip
    assert ("kim-tok-hun", "alternate-member", "wpk-cc", "elected", "2021-02-11", None,
            None) in got  # fmt: skip


def test_supreme_commander_and_president_of_the_state_affairs(known: Known) -> None:
    got = held(
        KCNA + "Kim Jong Un, President of the State Affairs of the DPRK and Supreme Commander "
        "of the Korean People's Army, attended the parade.",
        known,
    )
    assert ("kim-jong-un", "chairman", "sac") in got
    assert ("kim-jong-un", "chairman", "kpa") in got


def test_the_administration_council_is_the_cabinet_by_its_historical_name(known: Known) -> None:
    """The Administration Council (1972-1998) is the Cabinet under its name of the time: its
    Premier the premier post, its vice-premiers the Cabinet's vice-chairmen (organs.yaml)."""
    got = held(
        KCNA + "Present were Kang Song San, Premier of the Administration Council, and Kim "
        "Yong Nam, vice-premier of the Administration Council.",
        known,
        date="1994-07-09",
    )
    assert any(p != "kim-yong-nam" and role == "chairman" for p, role, _ in got), got
    organs = {o for _, _, o in got}
    assert organs == {"cabinet"}, got
    assert ("kim-yong-nam", "vice-chairman", "cabinet") in got
    got = held(
        "Ri Jong Ok was appointed Premier of the State Administration Council in December 1977.",
        known, date="1977-12-20",
    )  # fmt: skip
    assert ("ri-jong-ok", "chairman", "cabinet") in got, got


def test_another_states_council_is_not_the_cabinet(known: Known) -> None:
    got = held(
        "Li Peng, premier of the State Council of China, met Kang Song San, premier of the "
        "Administration Council.",
        known, date="1991-05-04",
    )  # fmt: skip
    assert ("Li Peng", "chairman", "cabinet") not in got, got
    assert ("kang-song-san", "chairman", "cabinet") in got, got


# -- lists ---------------------------------------------------------------------------------------


def test_list_headers_with_include_and_of_the_party(known: Known) -> None:
    text = (
        KCNA + "The congress was held on 9 May 2016. The congress elected members and alternate "
        "members of the Central Committee.\n\nMembers of the Central Committee include Kim Jong "
        "Un, Choe Ryong Hae and Pak Pong Ju.\n\nAlternate members of the Central Committee "
        "include Kim Tok Hun.\n\nChairman of the Central Military Commission of the party: "
        "Kim Yo Jong."
    )
    got = held(text, known, date="2016-05-10")
    for person in ("kim-jong-un", "choe-ryong-hae", "pak-pong-ju"):
        assert (person, "member", "wpk-cc") in got
    assert ("kim-tok-hun", "alternate-member", "wpk-cc") in got
    assert ("kim-yo-jong", "chairman", "wpk-cmc") in got


def test_inverted_lists_by_by_election_and_recalled_from(known: Known) -> None:
    text = (
        KCNA + "The plenary meeting was held on 11 February 2021.\n\nElected members of the "
        "Political Bureau of the C.C., WPK by by-election were Choe Ryong Hae and Kim Tok Hun."
        "\n\nRecalled from membership of the C.C. were Pak Pong Ju and Jo Yong Won."
    )
    got = holdings(text, known)
    assert ("choe-ryong-hae", "member", "wpk-pb", "elected", "2021-02-11", None, None) in got
    assert ("kim-tok-hun", "member", "wpk-pb", "elected", "2021-02-11", None, None) in got
    assert ("pak-pong-ju", "member", "wpk-cc", "recalled", None, "2021-02-11", None) in got
    assert ("jo-yong-won", "member", "wpk-cc", "recalled", None, "2021-02-11", None) in got


# -- tables --------------------------------------------------------------------------------------


def test_a_table_of_holders_under_a_heading(known: Known) -> None:
    text = (
        "# Who held the posts\n\nThe tables list the holders.\n\n"
        "## Ministers of Foreign Affairs\n\n"
        "| Minister | From | To |\n| --- | --- | --- |\n"
        "| Kim Yong Nam | December 1983 | September 1998 |\n| Pak Pong Ju | June 2022 | |\n\n"
        "## Posts as of 1 March 2025\n\n"
        "| Post | Holder | Since | Remarks |\n| --- | --- | --- | --- |\n"
        "| Premier | Kim Tok Hun | August 2020 | also member of the WPK Political Bureau |\n"
        "| Chief of the KPA General Staff | Jo Yong Won | December 2022 | reported by the NIS |\n"
    )
    _, drafted = read_text(
        text, known=known, date="2025-03-01", article_type="report", media_type="text/markdown"
    )
    got = {
        (d.record["person"], d.record["role"], d.record["organ"]): d.record
        for d in drafted.drafts
        if d.kind == "membership"
    }
    kim_yong_nam = got[("kim-yong-nam", "chairman", "mfa")]
    assert (_iso(kim_yong_nam["start"]), _iso(kim_yong_nam["end"])) == ("1983-12", "1998-09")
    pak = got[("pak-pong-ju", "chairman", "mfa")]
    assert (_iso(pak["start"]), pak.get("end")) == ("2022-06", None)
    kim = got[("kim-tok-hun", "chairman", "cabinet")]
    assert _iso(kim["start"]) == "2020-08" and kim["status"] == "confirmed"
    assert _iso(got[("kim-tok-hun", "member", "wpk-pb")]["as_of"]) == "2025-03-01"
    assert got[("jo-yong-won", "chairman", "kpa-general-staff")]["status"] == "reported"


# -- directories ---------------------------------------------------------------------------------


def test_career_lines_of_a_directory_entry(known: Known) -> None:
    text = (
        "Leadership Directory\n\n"
        "CHOE Ryong Hae (최룡해)\n"
        "Born: 1950\n"
        "Career:\n"
        "  - 1986.1 Graduated, Kim Il Sung University\n"
        "  - 2010.9 Member, WPK Central Committee; Member, WPK Central Military Commission (CMC)\n"
        "  - 2012.4 Director, KPA GPB\n"
        "  - 2016.5 Minister of Foreign Affairs; Alternate Member, WPK Political Bureau\n"
        "----------------------------------------------------------------\n"
        "  - 2017.10 Member, WPK Political Bureau\n"
    )
    got = holdings(text, known, date="2018-12-20", kind="report")
    assert {(h[1], h[2], h[4]) for h in got if h[0] == "choe-ryong-hae"} == {
        ("member", "wpk-cc", "2010-09"),
        ("member", "wpk-cmc", "2010-09"),
        ("director", "kpa-gpb", "2012-04"),
        ("chairman", "mfa", "2016-05"),
        ("alternate-member", "wpk-pb", "2016-05"),
    }  # not the graduation, nor a line past the entry's rule


# -- the organ of a role the sentence leaves to the context -------------------------------------


def test_gapped_roles_after_a_list_of_names(known: Known) -> None:
    got = held(
        KCNA + "The session was held on 5 September 1998. The session elected Choe Ryong Hae "
        "first vice-chairman and Kim Tok Hun and Pak Pong Ju vice-chairmen of the National "
        "Defence Commission.",
        known,
        date="1998-09-06",
    )
    for person in ("choe-ryong-hae", "kim-tok-hun", "pak-pong-ju"):
        assert (person, "vice-chairman", "ndc") in got


def test_an_organ_the_sentence_opens_with(known: Known) -> None:
    got = held(
        "On the National Defense Commission, Choe Ryong Hae, director of the General Political "
        "Bureau of the Korean People's Army, was elected first vice chairman, and Kim Tok Hun "
        "and Pak Pong Ju were elected vice chairmen.",
        known,
        date="1998-09-06",
    )
    assert ("choe-ryong-hae", "director", "kpa-gpb") in got
    for person in ("choe-ryong-hae", "kim-tok-hun", "pak-pong-ju"):
        assert (person, "vice-chairman", "ndc") in got
        assert (person, "vice-chairman", "kpa-gpb") not in got


def test_an_organ_before_a_plural_role_and_the_names_after_it(known: Known) -> None:
    got = holdings(
        KCNA + "The plenary meeting, held on 11 February 2021, was guided by the Presidium of the "
        "Political Bureau.\n\nPresidium members of the "
        "Political Bureau of the C.C., WPK Choe Ryong Hae, Kim Tok Hun and Jo Yong Won were "
        "present at the plenary meeting. Premier Pak Pong Ju, Kim Yong Nam and Kim Yo Jong "
        "attended it.",
        known,
    )
    pairs = {(h[0], h[1], h[2]) for h in got}
    for person in ("choe-ryong-hae", "kim-tok-hun", "jo-yong-won"):
        assert (person, "member", "wpk-pb-presidium") in pairs
        assert (person, "member", "wpk-pb") not in pairs
    assert ("pak-pong-ju", "chairman", "cabinet") in pairs
    assert not any(p in ("kim-yong-nam", "kim-yo-jong") for p, _, _ in pairs)


def test_the_executive_policy_bureau_is_a_standing_organ(known: Known) -> None:
    got = held(
        KCNA + "The plenary meeting was held on 9 May 2016 and elected the central organs.\n\n"
        "Members of the Executive Policy Bureau of the party Central Committee: Choe Ryong Hae, "
        "Kim Tok Hun.",
        known,
        date="2016-05-10",
    )
    assert {(p, role) for p, role, o in got if "Executive Policy Bureau" in o} == {
        ("choe-ryong-hae", "member"),
        ("kim-tok-hun", "member"),
    }


# -- wire copy -----------------------------------------------------------------------------------


def test_a_titled_holder_replaced_by_a_successor(known: Known) -> None:
    got = holdings(
        "SEOUL, June 4 (Reuters) - Premier Pak Pong Ju has been replaced by Kim Tok Hun. "
        "Choe Ryong Hae, director of the Organization and Guidance Department, was replaced by "
        "his first deputy Jo Yong Won, the newspaper said.",
        known,
        date="2018-06-04",
    )
    pairs = {(h[0], h[1], h[2], h[3]) for h in got}
    assert ("pak-pong-ju", "chairman", "cabinet", "replaced") in pairs
    assert ("kim-tok-hun", "chairman", "cabinet", "appointed") in pairs
    assert ("choe-ryong-hae", "director", "wpk-ogd", "replaced") in pairs
    assert ("jo-yong-won", "director", "wpk-ogd", "appointed") in pairs


def test_a_former_title_in_apposition_is_undated(known: Known) -> None:
    got = holdings(
        "SEOUL, June 4 (Reuters) - The post went to Kim Tok Hun, the former chief secretary of "
        "the Pyongyang City Party Committee, and to Pak Pong Ju, a former chairman of the State "
        "Planning Commission.",
        known,
        date="2018-06-04",
    )
    formers = {(h[0], h[1], h[3], h[4], h[5], h[6]) for h in got if h[3] == "former"}
    assert ("kim-tok-hun", "first-secretary", "former", None, None, None) in formers
    assert ("pak-pong-ju", "chairman", "former", None, None, None) in formers


def test_recalled_from_an_organ_and_reinstated(known: Known) -> None:
    got = holdings(
        KCNA + "The session was held on 12 April 2020. The session recalled Pak Pong Ju from "
        "the State Affairs Commission. Kim Yo Jong was reinstated as an alternate member of "
        "the Political Bureau.",
        known,
        date="2020-04-13",
    )
    pairs = {(h[0], h[1], h[2], h[3]) for h in got}
    assert ("pak-pong-ju", "member", "sac", "recalled") in pairs
    assert ("kim-yo-jong", "alternate-member", "wpk-pb", "elected") in pairs


# -- organs the context names (facts-c) --------------------------------------------------------


def test_a_bare_presidium_after_the_spa_is_the_spa_presidium(known: Known) -> None:
    text = (
        "At the SPA session, Choe Ryong Hae was elected president of the Presidium. Kim Yong "
        "Chol was elected a member of the Presidium."
    )
    for folder in (known, Known.build(None)):
        got = {(p, role, o) for p, role, o, *_ in holdings(KCNA + text, folder)}
        organs = {o for _, _, o in got}
        assert ("kim-yong-chol", "member") in {(p, role) for p, role, _ in got}, got
        assert organs <= {"spa-presidium", "Presidium of the Supreme People's Assembly"}, got
    # the party's Presidium when the Political Bureau is named last
    got = held(KCNA + "At the SPA session, the Political Bureau met. Kim Yong Chol was elected "
               "a member of the Presidium.", known)  # fmt: skip
    assert ("kim-yong-chol", "member", "wpk-pb-presidium") in got, got


def test_a_party_committee_in_an_empty_folder_is_the_workers_party_s() -> None:
    _, drafted = read_text(
        KCNA + "Kim Su Gil, chief secretary of the Pyongyang City Party Committee, was present.",
        known=Known.build(None), date="2021-02-11",
    )  # fmt: skip
    organs = {d.id: d.record for d in drafted.drafts if d.kind == "organ"}
    committee = organs["pyongyang-city-party-committee"]
    assert committee["kind"] == "party-committee"
    assert committee.get("parent") == "wpk" and "wpk" in organs
    assert not any(
        r["kind"] == "party-committee" and o != "pyongyang-city-party-committee"
        for o, r in organs.items()
    ), organs  # no "party committees" taken together


def test_post_names_keep_the_text_s_case() -> None:
    _, drafted = read_text(
        KCNA + "Kim Jong Un, General Secretary of the Workers’ Party of Korea, spoke. Kim Su "
        "Gil, chief secretary of the Pyongyang City Party Committee, was present.",
        known=Known.build(None), date="2021-02-11",
    )  # fmt: skip
    names = {
        n["text"] for d in drafted.drafts if d.kind == "post" for n in d.record.get("names", [])
    }
    assert "general secretary of the Workers' Party of Korea" in names, names
    assert "secretary of the Pyongyang City Party Committee" in names, names


# -- present tense and several organs (facts-c) ------------------------------------------------


def test_present_tense_first_vice_president(known: Known) -> None:
    got = held(
        KCNA + "Choe Ryong Hae, president of the Presidium of the Supreme People's Assembly, is "
        "first vice-president of the State Affairs Commission.",
        known,
    )
    assert ("choe-ryong-hae", "chairman", "spa-presidium") in got
    assert ("choe-ryong-hae", "vice-chairman", "sac") in got


def test_a_title_stated_after_a_change_in_the_same_sentence(known: Known) -> None:
    got = holdings(
        KCNA + "Kim Jae Ryong was elected chairman of the Central Auditing Commission and is a "
        "secretary of the Central Committee.",
        known,
    )
    kinds = {(p, role, o, kind) for p, role, o, kind, *_ in got}
    assert ("kim-jae-ryong", "chairman", "wpk-cac", "elected") in kinds
    assert ("kim-jae-ryong", "secretary", "wpk-cc", "holds") in kinds


def test_one_role_in_several_organs(known: Known) -> None:
    got = held(
        KCNA + "Ri Pyong Chol is a member of the Politburo, the PB Presidium and the CMC.", known
    )
    for organ in ("wpk-pb", "wpk-pb-presidium", "wpk-cmc"):
        assert ("ri-pyong-chol", "member", organ) in got, got


def test_a_bare_presidium_after_the_spa_presidium_named_in_a_post(known: Known) -> None:
    got = held(
        KCNA + "Kim Yong Nam, a member of the party's Political Bureau, spoke. Kim Yong Nam was "
        "elected president of the Presidium of the Supreme People's Assembly. Yang Hyong Sop "
        "and Kim Yong Dae were elected vice presidents of the Presidium.",
        known,
    )
    assert ("kim-yong-dae", "vice-chairman", "spa-presidium") in got, got
    assert not any(o == "wpk-pb-presidium" for _, _, o in got), got


def test_the_party_s_general_secretary(known: Known) -> None:
    text = (
        KCNA + "Kim Jong Un, the party's general secretary, spoke. Pak Thae Song, the ruling "
        "party's secretary, was present."
    )
    got = held(text, known)
    assert ("kim-jong-un", "general-secretary", "wpk") in got, got
    assert ("pak-thae-song", "secretary", "wpk-cc") in got, got
    empty = held(text, Known.build(None))
    assert ("pak-thae-song", "secretary", "Central Committee of the Workers' Party of Korea") in (
        empty
    ), empty


@pytest.mark.parametrize(
    ("sentence", "organ", "post"),
    [
        ("Pak Pong Ju was appointed Premier.", "Cabinet", "Premier"),
        ("Ri Son Gwon was appointed Foreign Minister.", "Ministry of Foreign Affairs",
         "Foreign Minister"),
        ("Ri Yong Gil was appointed Chief of the General Staff of the Korean People's Army.",
         "General Staff of the Korean People's Army",
         "Chief of the General Staff of the Korean People's Army"),
    ],
)  # fmt: skip
def test_a_named_office_is_drafted_as_a_post_in_an_empty_folder(
    sentence: str, organ: str, post: str
) -> None:
    """A folder started empty has no post records: the office a title names ("Premier", "Foreign
    Minister", "Chief of the General Staff") is drafted as a post of the organ's head, named as
    printed, and the membership holds it; a plain "role of organ" title drafts no post."""
    _, drafted = read_text(
        KCNA + sentence + " Kim Tok Hun was elected a member of the Political Bureau.",
        known=Known.build(None),
        date="2021-02-11",
    )
    posts = {d.id: d.record for d in drafted.drafts if d.kind == "post"}
    assert len(posts) == 1, posts
    ((post_id, record),) = posts.items()
    assert record["role"] == "chairman"
    assert [n["text"] for n in record["names"]] == [post]
    assert _organ_names(drafted)[record["organ"]] == organ
    held = [d.record for d in drafted.drafts if d.kind == "membership" and d.record.get("post")]
    assert [m["post"] for m in held] == [post_id]
