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
from kwpld.load import load_records

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


@pytest.fixture(scope="module")
def known() -> Known:
    return Known.build(load_records(RECORDS))


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
        "appointed Kim Tok Hun as premier, state media reported Friday.",
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
    assert iso(kim.record["start"]) == "2020-08-14" and kim.fact["date_basis"] == "weekday"


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


def test_a_standing_organ_is_the_record_by_any_of_its_names(known: Known) -> None:
    reading, _ = read_text("The KWP Politburo met.", known=known)
    assert [m.entity for m in reading.mentions] == ["=wpk-pb"]
