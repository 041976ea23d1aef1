"""Facts drafted from running text (issue 15), one pattern family at a time: elections and
appointments, titles, dismissals and replacements, dates and their basis, status, attendance,
events. Each case reads a short text the way KCNA, analysts, wire services or encyclopedias
write, against the records of tests/fixtures/ingest/facts/records or an empty folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted
from kwpld.ingest.read import Reading

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


@pytest.fixture(scope="module")
def empty() -> Known:
    return Known.build(None)


def _read(
    text: str, known: Known, date: str | None = "2019-12-31", kind: str = "news"
) -> tuple[Reading, Drafted]:
    return read_text(text, known=known, date=date, article_type=kind)


def holdings(drafted: Drafted) -> set[tuple[Any, ...]]:
    """(person, role, organ, type, start, end, as_of, status) of every membership fact."""
    out = set()
    for d in drafted.drafts:
        if d.kind == "membership" and d.fact:
            r = d.record
            out.add(
                (r["person"], r["role"], r["organ"], d.fact["type"], iso(r.get("start")),
                 iso(r.get("end")), iso(r.get("as_of")), r["status"])
            )  # fmt: skip
    return out


def iso(value: object) -> str | None:
    """A date as records write it ("28 December 2019 (Saturday)"), in ISO form."""
    return None if value is None else parse_date(value).iso


def held(drafted: Drafted) -> set[tuple[str, str, str]]:
    return {(h[0], h[1], h[2]) for h in holdings(drafted)}


def attended(drafted: Drafted) -> set[tuple[str, str, str]]:
    return {
        (d.record["event"], d.record["ref"], d.record.get("role", ""))
        for d in drafted.drafts
        if d.kind == "participation"
    }


def events(drafted: Drafted) -> dict[str, dict[str, Any]]:
    return {d.id: d.record for d in drafted.drafts if d.kind == "event"}


KCNA = "Pyongyang, January 1 (KCNA) -- "


# -- elections and appointments ------------------------------------------------------------------


def test_passive_elections_of_a_list_and_alternates(known: Known) -> None:
    _, drafted = _read(
        KCNA + "The 5th Plenary Meeting of the 7th Central Committee of the Workers' Party of "
        "Korea was held from 28 to 31 December 2019. Ri Pyong Chol and Kim Tok Hun were elected "
        "members of the Political Bureau of the C.C., WPK by by-election, and Jong Kyong Thaek "
        "was elected an alternate member of the Political Bureau.",
        known,
    )
    facts = holdings(drafted)
    assert ("ri-pyong-chol", "member", "wpk-pb", "elected", "2019-12-31", None, None,
            "confirmed") in facts  # fmt: skip
    assert ("kim-tok-hun", "member", "wpk-pb") in held(drafted)
    assert any(f[1] == "alternate-member" and f[2] == "wpk-pb" for f in facts)


def test_active_election_and_recall_in_one_sentence(known: Known) -> None:
    _, drafted = _read(
        KCNA + "The session recalled Kim Yong Nam from the post of president of the Presidium "
        "of the SPA and elected Choe Ryong Hae as president of the Presidium of the Supreme "
        "People's Assembly.",
        known,
        date="2019-04-12",
    )
    facts = holdings(drafted)
    assert ("kim-yong-nam", "chairman", "spa-presidium", "recalled", None, "2019-04-12",
            None, "confirmed") in facts  # fmt: skip
    assert ("choe-ryong-hae", "chairman", "spa-presidium", "elected", "2019-04-12", None,
            None, "confirmed") in facts  # fmt: skip
    posts = {d.record.get("post") for d in drafted.drafts if d.kind == "membership"}
    assert "spa-presidium-president" in posts  # a post of the records: its holding


@pytest.mark.parametrize(
    "sentence",
    [
        "Elected members of the State Affairs Commission were Ri Man Gon, Thae Jong Su and "
        "Choe Pu Il.",
        "The following were elected members of the State Affairs Commission: Ri Man Gon, Thae "
        "Jong Su and Choe Pu Il.",
        "The members of the State Affairs Commission elected were Ri Man Gon, Thae Jong Su and "
        "Choe Pu Il.",
    ],
)
def test_lists_of_the_elected(known: Known, sentence: str) -> None:
    _, drafted = _read(KCNA + sentence, known)
    people = {h[0] for h in holdings(drafted) if h[2] == "sac" and h[1] == "member"}
    assert len(people) == 3


def test_a_list_after_a_colon(known: Known) -> None:
    text = (
        "---\ntitle: Plenum\n---\n\n" + KCNA + "The plenary meeting elected the members of the "
        "Presidium of the Political Bureau:\n\n- Kim Jong Un\n- Jo Yong Won\n- Kim Tok Hun\n"
    )
    reading, drafted = read_text(text, known=known, date="2021-01-10", media_type="text/markdown")
    people = {h[0] for h in holdings(drafted) if h[2] == "wpk-pb-presidium"}
    assert people == {"kim-jong-un", "jo-yong-won", "kim-tok-hun"}


def test_gapped_elections(known: Known) -> None:
    _, drafted = _read(
        KCNA + "The plenary meeting elected Kim Jong Un chairman of the Central Military "
        "Commission of the WPK, and Jo Yong Won and Pak Jong Chon members of the commission.",
        known,
    )
    assert ("kim-jong-un", "chairman", "wpk-cmc") in held(drafted)
    assert ("jo-yong-won", "member", "wpk-cmc") in held(drafted)


def test_roles_as_the_labelled_set_writes_them(known: Known) -> None:
    """The head of an organ is its chairman, a deputy head its vice-chairman."""
    _, drafted = _read(
        KCNA + "Kim Jae Ryong was appointed premier of the Cabinet. Choe Ryong Hae was elected "
        "first vice-chairman of the State Affairs Commission. Thae Hyong Chol was elected "
        "vice-president and Jong Yong Guk secretary general of the Standing Committee of the "
        "SPA.",
        known,
    )
    facts = held(drafted)
    assert ("choe-ryong-hae", "vice-chairman", "sac") in facts
    assert any(h[1:] == ("chairman", "cabinet") for h in facts)
    assert any(h[1:] == ("vice-chairman", "spa-presidium") for h in facts)
    assert any(h[1:] == ("secretary", "spa-presidium") for h in facts)


# -- titles stated --------------------------------------------------------------------------------


def test_titles_in_apposition_before_and_in_parentheses(known: Known) -> None:
    _, drafted = _read(
        KCNA + "Kim Jong Un, chairman of the WPK and chairman of the State Affairs Commission "
        "of the DPRK, presided over the meeting. Premier Kim Tok Hun spoke. Jo Yong Won (WPK "
        "Central Committee Vice Director) and Ri Pyong Chol, a member of the Presidium of the "
        "Political Bureau, attended.",
        known,
    )
    facts = holdings(drafted)
    assert ("kim-jong-un", "chairman", "sac", "holds", None, None, "2019-12-31",
            "confirmed") in facts  # fmt: skip
    assert ("kim-tok-hun", "chairman", "cabinet") in held(drafted)
    assert ("jo-yong-won", "vice-director", "wpk-cc") in held(drafted)
    assert ("ri-pyong-chol", "member", "wpk-pb-presidium") in held(drafted)


def test_ministers_and_their_ministries(known: Known) -> None:
    _, drafted = _read(
        "Foreign Minister Ri Son Gwon met the ambassador. Choe Son Hui, first vice foreign "
        "minister, attended, as did O Su Yong, Minister of Electronics Industry.",
        known,
    )
    facts = held(drafted)
    assert any(p == "ri-son-gwon" and role == "chairman" and organ == "mfa"
               for p, role, organ in facts)  # fmt: skip
    assert any(role == "vice-chairman" and organ == "mfa" for _, role, organ in facts)
    names = {n["text"] for d in drafted.drafts if d.kind == "organ" for n in d.record["names"]}
    assert "Ministry of Electronics Industry" in names


def test_a_role_word_before_a_post(known: Known) -> None:
    _, drafted = _read(
        KCNA + "Kim Jong Un, first secretary of the WPK and first chairman of the National "
        "Defence Commission of the DPRK, guided the meeting.",
        known,
    )
    assert {("kim-jong-un", "first-secretary", "wpk"), ("kim-jong-un", "chairman", "ndc")} <= held(
        drafted
    )


# -- ends of holdings -----------------------------------------------------------------------------


def test_dismissals_from_their_posts_end_each_persons_own_titles(known: Known) -> None:
    _, drafted = _read(
        KCNA + "The meeting dismissed Ri Man Gon, vice-chairman of the WPK Central Committee "
        "and director of the Organization and Guidance Department, and Pak Thae Dok, "
        "vice-chairman of the WPK Central Committee and director of the Agricultural "
        "Department, from their posts.",
        known,
    )
    facts = held(drafted)
    assert ("ri-man-gon", "director", "wpk-ogd") in facts
    assert not any(p == "ri-man-gon" and o == "wpk-agriculture" for p, _, o in facts)


def test_relieved_replaced_and_promoted(known: Known) -> None:
    _, drafted = _read(
        "Pak Pong Ju was relieved as premier of the Cabinet and elected vice-chairman of the "
        "State Affairs Commission. Kim Tok Hun was appointed premier, replacing Kim Jae Ryong. "
        "Foreign Minister Ri Son Gwon was promoted from alternate to full member of the "
        "Politburo.",
        known,
    )
    facts = holdings(drafted)
    kinds = {(f[0], f[1], f[2]): f[3] for f in facts}
    assert kinds[("pak-pong-ju", "chairman", "cabinet")] == "relieved"
    assert kinds[("pak-pong-ju", "vice-chairman", "sac")] == "elected"
    assert kinds[("kim-jae-ryong", "chairman", "cabinet")] == "replaced"
    assert kinds[("ri-son-gwon", "member", "wpk-pb")] == "promoted"
    assert kinds[("ri-son-gwon", "alternate-member", "wpk-pb")] == "ended"


# -- dates ------------------------------------------------------------------------------------


def test_the_date_of_a_fact_and_where_it_came_from(known: Known) -> None:
    reading, drafted = _read(
        KCNA + "The 1st Session of the 14th Supreme People's Assembly of the DPRK was held at "
        "the Mansudae Assembly Hall in Pyongyang on 11 and 12 April 2019. The session, on its "
        "first day, discussed the election of the state leadership bodies. Kim Jae Ryong was "
        "appointed premier of the Cabinet. Ri Il Hwan was appointed director of the Propaganda "
        "and Agitation Department on 12 April.",
        known,
        date="2019-04-13",
    )
    basis = {
        (d.record["person"]): (d.fact["date_basis"], iso(d.record.get("start")))
        for d in drafted.drafts
        if d.kind == "membership" and d.fact
    }
    assert basis["kim-jae-ryong"] == ("sentence", "2019-04-11")  # the first day
    assert basis["ri-il-hwan"] == ("sentence", "2019-04-12")
    session = next(e for e in events(drafted).values() if e.get("ordinal") == 1)
    assert (iso(session["date"]), iso(session["end"])) == ("2019-04-11", "2019-04-12")
    assert session["location"] == "Pyongyang"


def test_periods_since_and_weekdays(empty: Known) -> None:
    _, drafted = _read(
        "Pak Pong Ju served as Premier from 2003 to 2007. Since April 2019 Choe Ryong Hae has "
        "been President of the Presidium of the Supreme People's Assembly. North Korea has "
        "appointed Kim Tok Hun as premier on Thursday, state media reported Friday. Ri Il Hwan "
        "was appointed minister of foreign affairs, KCNA reported Friday.",
        empty,
        date="2020-08-14",
        kind="news",
    )
    facts = {(f[0], f[1], f[2]): f for f in holdings(drafted)}
    pak = facts[("pak-pong-ju", "chairman", "cabinet")]
    assert (pak[4], pak[5]) == ("2003", "2007")
    choe = facts[("choe-ryong-hae", "chairman", "spa-presidium")]
    assert choe[4] == "2019-04"
    kim = next(d for d in drafted.drafts if d.kind == "membership" and d.record["person"] ==
               "kim-tok-hun")  # fmt: skip
    assert iso(kim.record["start"]) == "2020-08-13" and kim.fact["date_basis"] == "weekday"
    # "reported Friday": the day of the report; a change a report does not date is as of the
    # article (the labelled set's convention)
    ri = next(d for d in drafted.drafts if d.kind == "membership" and d.record["person"] ==
              "ri-il-hwan")  # fmt: skip
    assert "start" not in ri.record and ri.fact["date_basis"] == "article"
    assert iso(ri.record["as_of"]) == "2020-08-14"


def test_an_encyclopedia_lede_and_titles_each_with_its_period(empty: Known) -> None:
    _, drafted = _read(
        "Ri Yong Ho (Korean: 리영호; born 5 October 1942) is a former North Korean military "
        "officer who was Chief of the General Staff of the Korean People's Army from February "
        "2009 to July 2012.\n\nRi Son Gwon (diplomat) (born 1956) was Minister of Foreign "
        "Affairs from 2016 to 2020 and a member of the Political Bureau from 2017.",
        empty,
        date="2024-03-01",
        kind="report",
    )
    got = {(h[0], h[2]): (h[4], h[5]) for h in holdings(drafted)}
    assert got[("ri-yong-ho", "kpa-general-staff")] == ("2009-02", "2012-07")
    assert got[("ri-son-gwon", "mfa")] == ("2016", "2020")
    assert got[("ri-son-gwon", "wpk-pb")] == ("2017", None)  # a start, not the minister's period


def test_terms_and_the_dates_of_clauses(empty: Known) -> None:
    _, drafted = _read(
        "Pak Pong Ju served as Premier of North Korea from 2003 to 2007 and again from 2013 to "
        "2019. Pak was appointed Premier in September 2003. In March 2013 he was elected a "
        "member of the Political Bureau of the WPK Central Committee, and on 1 April 2013 he "
        "was appointed Premier for the second time. He was relieved as Premier in April 2019, "
        "when he became a vice-chairman of the State Affairs Commission, a post he held until "
        "2021. He retired from the Political Bureau in June 2021. Pak returned to Pyongyang "
        "in 2010 as Minister of Chemical Industry.",
        empty,
        date="2024-03-01",
        kind="report",
    )
    got = sorted((h[1], h[2], h[4], h[5]) for h in holdings(drafted) if h[0] == "pak-pong-ju")
    premier = [g for g in got if g[1] == "cabinet"]
    # one holding per term; the most precise of the dates that agree
    assert [(g[2], g[3]) for g in premier] == [("2003-09", "2007"), ("2013-04-01", "2019-04")]
    assert ("member", "wpk-pb", "2013-03", "2021-06") in got  # ", and on 1 April ...": not its date
    assert ("vice-chairman", "sac", "2019-04", "2021") in got  # "in April 2019, when he became"
    assert any(g[2] == "2010" and "chemical" in g[1] for g in got)  # "returned ... as"


def test_the_dateline_dates_the_report_not_the_facts(known: Known) -> None:
    _, drafted = _read(
        "Report on the Plenary Meeting\n\nPyongyang, January 1 (KCNA) -- The 5th Plenary "
        "Meeting of the 7th Central Committee of the Workers' Party of Korea was held from 28 "
        "to 31 December 2019.\n\nKim Jong Un, chairman of the WPK, guided the plenary meeting.",
        known,
        date="2020-01-01",
    )
    kim = next(h for h in holdings(drafted) if h[0] == "kim-jong-un" and h[2] == "wpk")
    assert kim[6] == "2019-12-31"  # as of the meeting's last day, not the dateline's


def test_the_organ_named_before(known: Known) -> None:
    _, drafted = _read(
        KCNA + "The session recalled Kim Yong Nam from the post of president of the Presidium "
        "of the SPA. Kim Yong Nam had headed the Presidium since September 1998.",
        known,
        date="2019-04-12",
    )
    got = {(h[0], h[2]): (h[4], h[5]) for h in holdings(drafted)}
    assert got[("kim-yong-nam", "spa-presidium")][0] == "1998-09"


def test_a_parade_of_a_date_and_who_stood_on_the_stand(known: Known) -> None:
    _, drafted = _read(
        "He stood beside Kim Jong Il and Kim Jong Un on the reviewing stand at the military "
        "parade of 10 October 2010.",
        known,
        date="2024-03-01",
        kind="report",
    )
    parade = next(e for e in events(drafted).values() if "parade" in str(e).lower())
    assert iso(parade["date"]) == "2010-10-10"
    assert {(p, r) for _, p, r in attended(drafted)} >= {
        ("kim-jong-il", "platform"),
        ("kim-jong-un", "platform"),
    }


def test_wire_copy_dismissals_successors_and_the_word_of_others(empty: Known) -> None:
    _, drafted = _read(
        "SEOUL, Oct. 5 (Yonhap) -- North Korea has dismissed its defense minister Pak Yong Sik "
        "and replaced him with No Kwang Chol, a first vice minister, South Korea's spy agency "
        "said Tuesday.\n\nRi Myong Su, who had been chief of the KPA General Staff since 2016, "
        "was also replaced by Ri Yong Gil.\n\nKim Yong Chol, head of the United Front "
        "Department, was present.",
        empty,
        date="2021-10-05",
    )
    got = {(h[0], h[1], h[2]): h for h in holdings(drafted)}
    # undated changes in a report: the new holder as of the article, the old one no date
    pak = got[("pak-yong-sik", "chairman", "mnd")]
    assert (pak[3], pak[5], pak[7]) == ("dismissed", None, "reported")  # "spy agency said"
    assert got[("no-kwang-chol", "chairman", "mnd")][6] == "2021-10-05"  # "replaced him with"
    ri = got[("ri-myong-su", "chairman", "kpa-general-staff")]
    assert (ri[4], ri[5]) == ("2016", None)
    assert got[("ri-yong-gil", "chairman", "kpa-general-staff")][3] == "appointed"
    assert ("kim-yong-chol", "director", "wpk-ufd") in got  # the head of a department


def test_a_list_of_titles_and_a_session_held_on_a_weekday(empty: Known) -> None:
    _, drafted = _read(
        "Pyongyang, April 1 (KCNA) -- The 7th Session of the 12th Supreme People's Assembly of "
        "the DPRK was held at the Mansudae Assembly Hall on Monday.\n\nKim Jong Un, first "
        "secretary of the Workers' Party of Korea, first chairman of the National Defence "
        "Commission and supreme commander of the Korean People's Army, attended the session.\n\n"
        "Kim Tok Hun, member of the Presidium of the WPK Politburo, was present.",
        empty,
        date="2013-04-01",
    )
    session = next(e for e in events(drafted).values() if e.get("ordinal") == 7)
    assert iso(session["date"]) == "2013-04-01"
    got = held(drafted)
    assert {("kim-jong-un", "first-secretary", "wpk"), ("kim-jong-un", "chairman", "ndc")} <= got
    # the party's standing Presidium, whatever name the text gives it
    presidium = next(d for d in drafted.drafts if d.kind == "organ" and d.record.get("kind") ==
                     "presidium")  # fmt: skip
    assert presidium.record["parent"] == "wpk-pb"
    assert len(presidium.record["names"]) > 2


def test_seen_accompanying_at_an_occasion(known: Known) -> None:
    _, drafted = _read(
        "Kim Yo Jong, the leader's sister, was seen accompanying Kim at a military parade on "
        "9 September 2021, according to state media footage.",
        known,
        date="2021-10-05",
    )
    assert any(p == "kim-yo-jong" and r == "accompanied" for _, p, r in attended(drafted))


def test_kcna_promotions_releases_and_an_analysts_hedges(empty: Known) -> None:
    _, drafted = _read(
        "Pyongyang, March 31 (KCNA) -- A plenary meeting of the Central Committee of the "
        "Workers' Party of Korea was held in Pyongyang on Sunday.\n\nKim Kyok Sik was promoted "
        "from alternate member to member of the Political Bureau. Ri Yong Mu was released from "
        "his duty as member of the Political Bureau.\n\nHwang Pyong So, who was first vice "
        "director of the WPK Organization and Guidance Department until 2014, is believed to be "
        "in charge of military personnel affairs. Recent appearances suggest that Kim Su Gil has "
        "replaced Kim Jong Gak as director of the KPA General Political Bureau.",
        empty,
        date="2013-03-31",
    )
    got = {(h[0], h[1], h[2]): h for h in holdings(drafted)}
    assert got[("kim-kyok-sik", "member", "wpk-pb")][3] == "promoted"
    assert got[("kim-kyok-sik", "alternate-member", "wpk-pb")][5] == "2013-03-31"  # it ended
    assert got[("ri-yong-mu", "member", "wpk-pb")][3] == "relieved"
    # the hedge after the title is about another clause
    assert got[("hwang-pyong-so", "first-vice-director", "wpk-ogd")][7] == "confirmed"
    assert got[("kim-su-gil", "director", "kpa-gpb")][7] == "reported"  # "appearances suggest"


def test_an_inspection_is_its_own_event_after_another(known: Known) -> None:
    _, drafted = _read(
        "So Hong Chan attended a reception at the Chinese embassy on 25 July 2019.\n\nKim Jong "
        "Un inspected the Hwasong Fertilizer Factory on Wednesday, accompanied by Jo Yong Won, "
        "KCNA reported.",
        known,
        date="2019-07-27",
    )
    byevent = {(e, p) for e, p, _ in attended(drafted)}
    inspection = next(k for k in events(drafted) if "hwasong" in k)
    assert (inspection, "jo-yong-won") in byevent
    reception = next(v for k, v in events(drafted).items() if "reception" in k)
    assert "location" not in reception  # "at the Chinese embassy" names no place "Chinese"


def test_a_report_does_not_date_an_inspection_and_who_was_accompanied(known: Known) -> None:
    _, drafted = _read(
        KCNA + "Kim Jong Un inspected the Kim Jong Suk Pyongyang Textile Mill.\n\nHe was "
        "accompanied by Hwang Pyong So, director of the General Political Bureau of the KPA, "
        "and Ri Yong Gil, chief of the General Staff of the KPA.",
        known,
        date="2018-03-16",
    )
    inspection = next(e for e in events(drafted).values() if e.get("type") == "appearance")
    assert "date" not in inspection  # the text does not say when
    roles = {p: r for _, p, r in attended(drafted)}
    assert roles["kim-jong-un"] == "guided"  # he is accompanied, not accompanying
    assert roles["hwang-pyong-so"] == "accompanied"
    assert any(h[0] != "hwang-pyong-so" and h[2] == "kpa-general-staff" for h in holdings(drafted))


def test_the_same_day_and_an_occasion_in_celebration_of_an_event(known: Known) -> None:
    _, drafted = _read(
        KCNA + "A meeting of the Presidium of the Political Bureau of the Central Committee of "
        "the Workers' Party of Korea was held on 15 July (Sunday).\n\nIn a separate decision "
        "announced the same day, the Central Military Commission conferred the military title "
        "of Vice Marshal of the KPA on Hyon Yong Chol.\n\nThe 8th Congress of the Workers' "
        "Party of Korea closed on 12 January 2021. A military parade in celebration of the 8th "
        "Congress of the WPK took place at Kim Il Sung Square on the evening of 14 January.",
        known,
        date="2012-07-16",
    )
    evs = events(drafted).values()
    conferral = next(e for e in evs if e.get("type") == "conferral")
    assert iso(conferral["date"]) == "2012-07-15"
    parade = next(e for e in evs if "parade" in str(e.get("names", "")).lower())
    assert iso(parade["date"]).endswith("-01-14")


def test_wire_copy_of_a_plenum_the_appointment_came_at(empty: Known) -> None:
    _, drafted = _read(
        "Choe Son Hui, previously first vice foreign minister and the North's top nuclear "
        "negotiator with the U.S., has been appointed foreign minister, state media reported on "
        "Saturday.\n\nThe appointment came at the 5th Plenary Meeting of the 8th Central "
        "Committee of the Workers' Party of Korea, which was held from June 8 to 10 in "
        "Pyongyang.\n\nChoe replaces Ri Son Gwon, who was named director of the United Front "
        "Department.\n\nThe plenary meeting elected Choe Son Hui a member of the Political "
        "Bureau of the C.C., WPK and Ri Thae Sop an alternate member of the Political Bureau.\n\n"
        "Ri Yong Gil was appointed minister of national defense, replacing Kim Jong Gwan, who "
        "had held the post since late 2021.",
        empty,
        date="2022-06-11",
    )
    got = {(h[0], h[1], h[2]): h for h in holdings(drafted)}
    assert got[("choe-son-hui", "chairman", "mfa")][4] == "2022-06-10"  # the plenum's last day
    assert got[("ri-son-gwon", "chairman", "mfa")][5] == "2022-06-10"  # "Choe replaces Ri"
    assert ("ri-thae-sop", "alternate-member", "wpk-pb") in got  # past "of the C.C., WPK"
    assert got[("kim-jong-gwan", "chairman", "mnd")][4] == "2021"  # "since late 2021"


def test_an_analysts_projections_and_a_spelling_told_once(known: Known) -> None:
    _, drafted = _read(
        "Kim Yo-cho'ng Joins the Politburo\n\nKim Yo-cho'ng (Kim Yo Jong) was elected an "
        "alternate member of the Politburo.\n\nThe promotion of Kim Yo-cho'ng confirms her "
        "place. NKLW expects her to become a full Politburo member at the next Party Congress. "
        "Pak Jong Chon is likely to be elected to the Politburo, and NKLW projects his "
        "promotion to the Presidium within two years.",
        known,
        date="2017-10-10",
        kind="analysis",
    )
    got = {(h[0], h[1], h[2]): h for h in holdings(drafted)}
    # a projection is news even when the folder has the membership
    assert got[("kim-yo-jong", "member", "wpk-pb")][7] == "projected"
    assert not any(d.kind == "person" and "yo" in d.id for d in drafted.drafts)  # one person
    assert got[("pak-jong-chon", "member", "wpk-pb-presidium")][7] == "projected"


def test_a_projection_has_no_date(known: Known) -> None:
    _, drafted = _read(
        "Jang Song Thaek is likely to be elevated to the Politburo Presidium at the next plenum.",
        known,
        date="2013-05-20",
        kind="analysis",
    )
    (fact,) = [h for h in holdings(drafted) if h[0] == "jang-song-taek"]
    assert fact[2] == "wpk-pb-presidium" and fact[7] == "projected"
    assert fact[4:7] == (None, None, None)


# -- status ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Choe Ryong Hae was elected a member of the Central Military Commission.", "confirmed"),
        ("Choe Ryong Hae appears to have become director of the Organization and Guidance "
         "Department.", "reported"),
        ("Choe Ryong Hae is believed to be director of the Organization and Guidance "
         "Department.", "reported"),
        ("Choe Ryong Hae is projected to become director of the Organization and Guidance "
         "Department.", "projected"),
    ],
)  # fmt: skip
def test_status_by_the_words_of_the_statement(known: Known, sentence: str, status: str) -> None:
    _, drafted = _read(sentence, known, date="2017-10-10", kind="analysis")
    statuses = {h[7] for h in holdings(drafted) if h[0] == "choe-ryong-hae"}
    assert statuses == {status}


# -- attendance ------------------------------------------------------------------------------------


def test_attendance_with_the_roles_the_text_gives(known: Known) -> None:
    _, drafted = _read(
        KCNA + "An enlarged meeting of the Political Bureau of the Central Committee of the "
        "Workers' Party of Korea was held on 28 February (Friday). Kim Jong Un presided over the "
        "meeting. Attending the meeting were Choe Ryong Hae and Pak Pong Ju, members of the "
        "Presidium of the Political Bureau. Kim Tok Hun made a report, and so did Ri Il Hwan. On "
        "the platform were Jo Yong Won and Ri Pyong Chol.",
        known,
        date="2020-02-29",
    )
    rows = attended(drafted)
    (meeting,) = {e for e, _, _ in rows}
    roles = {person: role for _, person, role in rows}
    assert roles == {
        "kim-jong-un": "presided",
        "choe-ryong-hae": "attended",
        "pak-pong-ju": "attended",
        "kim-tok-hun": "speaker",
        "ri-il-hwan": "speaker",
        "jo-yong-won": "platform",
        "ri-pyong-chol": "platform",
    }
    record = events(drafted)[meeting]
    assert record["type"] == "meeting" and iso(record["date"]) == "2020-02-28"
    assert record["organizer"] == ["wpk-pb"]


def test_an_inspection_and_those_who_accompanied(known: Known) -> None:
    _, drafted = _read(
        "Pyongyang, March 16 (KCNA) -- Kim Jong Un inspected the Kim Jong Suk Pyongyang Textile "
        "Mill.\n\nHe was accompanied by Pak Pong Ju, premier of the Cabinet, Jo Yong Won and "
        "Kim Yo Jong.",
        known,
        date="2018-03-16",
    )
    rows = attended(drafted)
    roles = {person: role for _, person, role in rows}
    assert roles == {"kim-jong-un": "guided", "pak-pong-ju": "accompanied",
                     "jo-yong-won": "accompanied", "kim-yo-jong": "accompanied"}  # fmt: skip
    (inspection,) = {e for e, _, _ in rows}
    assert events(drafted)[inspection]["type"] == "appearance"


def test_an_occasion_described_and_dated_by_weekday(known: Known) -> None:
    _, drafted = _read(
        "Ri Son Gwon was seen greeting diplomats at a reception held at the Mansudae Assembly "
        "Hall in Pyongyang on Friday. Also present at the reception was Choe Son Hui.",
        known,
        date="2020-01-18",
    )
    (reception,) = events(drafted).values()
    assert reception["type"] == "ceremony" and iso(reception["date"]) == "2020-01-17"
    assert reception["location"] == "Pyongyang"
    assert {p for _, p, _ in attended(drafted)} == {"ri-son-gwon", "choe-son-hui"}


# -- events ------------------------------------------------------------------------------------


def test_events_with_ordinal_term_series_and_organizer(empty: Known) -> None:
    _, drafted = _read(
        "The fifth plenary meeting of the seventh Central Committee of the Workers' Party of "
        "Korea was held from 28 to 31 December 2019 in Pyongyang. The 6th Session of the 13th "
        "Supreme People's Assembly opened on 12 April 2018.",
        empty,
    )
    records = events(drafted)
    plenum = next(e for e in records.values() if e.get("type") == "plenary-meeting")
    assert plenum["ordinal"] == 5 and iso(plenum["date"]) == "2019-12-28"
    assert iso(plenum["end"]) == "2019-12-31"
    assert plenum["location"] == "Pyongyang"
    assert records[plenum["series"]]["type"] == "series"
    session = next(e for e in records.values() if e.get("type") == "session")
    assert session["ordinal"] == 6 and iso(session["date"]) == "2018-04-12"
    assert session["organizer"] == ["spa"]


# -- text understanding ------------------------------------------------------------------------


def test_metadata_lines_and_addresses_give_no_mentions(known: Known) -> None:
    reading, drafted = read_text(
        "Military Changes\n\nBy Michael Madden, NK Leadership Watch, 15 October 2019\n\n"
        "Source: KCNA, Yonhap\n\nhttps://www.nknews.org/2019/10/kim-jong-un-names-new-chief/\n\n"
        "Pak Jong Chon was named Chief of the KPA General Staff.",
        known=known,
        date="2019-10-15",
    )
    texts = {m.text for m in reading.mentions}
    assert "Kim Jong Un" not in " ".join(texts) and "kim-jong-un" not in texts
    assert "KCNA" not in texts and "Pak Jong Chon" in texts


def test_names_inside_facility_names_are_no_people(known: Known) -> None:
    reading, _ = read_text(
        "Kim Jong Un visited Kim Il Sung University and the Kim Jong Suk Pyongyang Textile Mill.",
        known=known,
    )
    people = [m.text for m in reading.mentions if m.kind == "person"]
    assert people == ["Kim Jong Un"]


def test_one_party_for_wpk_and_kwp_and_two_presidiums(empty: Known) -> None:
    reading, drafted = read_text(
        "The KWP Politburo met. The WPK Central Committee and the Presidium of the Political "
        "Bureau of the C.C., WPK decided. The Supreme People's Assembly and the Presidium of the "
        "SPA met. KCNA reported it.",
        known=empty,
    )
    organs = {d.id: d.record for d in drafted.drafts if d.kind == "organ"}
    parties = [o for o in organs.values() if o["kind"] == "party"]
    assert len(parties) == 1 and {"WPK", "KWP"} <= {n["text"] for n in parties[0]["names"]}
    assert organs["wpk-pb"]["parent"] == "wpk-cc" and organs["wpk-cc"]["parent"] == "wpk"
    assert organs["spa-presidium"]["parent"] == "spa"
    assert organs["wpk-presidium"]["parent"] == "wpk-pb"
    assert organs["kcna"]["kind"] == "news-agency"


def test_the_workers_party_alone_and_a_department_beside_a_party_record(tmp_path: Path) -> None:
    from kwpld.ingest.pipeline import ingest

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("The WPK met. The Workers' Party's Central Committee decided.\n", "utf-8")
    second.write_text(
        "Hwang Pyong So was first vice director of the WPK Organization and Guidance Department.\n",
        "utf-8",
    )
    data = tmp_path / "data"
    ingest([first], data)
    ingest([second], data)  # the folder knows "WPK" now (a pending draft)
    organs = {
        d["id"]: d["record"]
        for path in (data / "articles").glob("*.review.yaml")
        for d in __import__("yaml").safe_load(path.read_text("utf-8"))["drafts"]
        if d["kind"] == "organ"
    }
    assert [k for k, o in organs.items() if o["kind"] == "party"] == ["wpk"]
    assert "wpk-ogd" in organs and not any("guidance" in k and k != "wpk-ogd" for k in organs)


def test_the_ruling_workers_party_in_an_article_naming_no_party_is_the_wpk(
    tmp_path: Path, empty: Known
) -> None:
    # An AP report names the party only as "the ruling Workers' Party's Central Committee": that
    # is the DPRK's party (complete, with every name), not a new party named "Workers' Party";
    # and a later article's party is the one party, not a second "wpk-2"
    from kwpld.ingest.pipeline import ingest

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(
        "Kim was joined by Kim Yong Chol, a vice chairman of the ruling Workers' Party's Central "
        "Committee.\n",
        "utf-8",
    )
    second.write_text("Ri Su Yong is director of a department of the WPK.\n", "utf-8")
    data = tmp_path / "data"
    ingest([first], data)
    ingest([second], data)
    organs = {
        d["id"]: d["record"]
        for path in (data / "articles").glob("*.review.yaml")
        for d in __import__("yaml").safe_load(path.read_text("utf-8"))["drafts"]
        if d["kind"] == "organ"
    }
    parties = [k for k, o in organs.items() if o["kind"] == "party"]
    assert parties == ["wpk"]
    assert {"WPK", "KWP", "Workers' Party of Korea"} <= {n["text"] for n in organs["wpk"]["names"]}
    # a foreign party named alone stays a party of its own
    reading, drafted = read_text(
        "Lee Jae-myung of the ruling Democratic Party met reporters.", known=empty
    )
    assert not any(
        d.kind == "organ" and d.record.get("kind") == "party" and d.id == "wpk"
        for d in drafted.drafts
    )


def test_a_standing_organ_is_the_record_of_more_of_its_names(tmp_path: Path) -> None:
    # the folder holds the party's record and, from an older ingest, a pending draft named only
    # "Workers' Party": the party of a text is the record, not a third party
    from kwpld.ingest.pipeline import ingest

    data = tmp_path / "data"
    data.mkdir()
    (data / "organs.yaml").write_text(
        "organs:\n"
        "  - id: wpk\n    kind: party\n    names:\n"
        '      - {text: "Workers\' Party of Korea", system: en}\n'
        "      - {text: WPK, system: en, kind: abbreviation}\n"
        "  - id: workers-party\n    kind: party\n    names:\n"
        '      - {text: "Workers\' Party", system: en}\n',
        "utf-8",
    )
    text = tmp_path / "a.txt"
    text.write_text("The Central Committee of the Korean Workers' Party met.\n", "utf-8")
    ingest([text], data)
    review = __import__("yaml").safe_load((data / "articles" / "a.review.yaml").read_text("utf-8"))
    parties = [d["id"] for d in review["drafts"] if d["record"].get("kind") == "party"]
    assert parties == []
    central = [
        d["record"] for d in review["drafts"] if d["record"].get("kind") == "central-committee"
    ]
    assert [c["parent"] for c in central] == ["wpk"]


def test_a_standing_organ_is_the_record_by_any_of_its_names(known: Known) -> None:
    reading, _ = read_text("The KWP Politburo met.", known=known)
    assert [m.entity for m in reading.mentions] == ["=wpk-pb"]
