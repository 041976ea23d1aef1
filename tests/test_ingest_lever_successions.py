"""The other side of a change (round 6, lever L5): both people of a succession hold the post, the
one who leaves until the change, the one who comes from it, whatever the words ("Y succeeded
X, T since D", "X was replaced by Y in May", "..., in place of X", "His predecessor, X, ...",
"X's successor, Y, took over in May", "Y took over the ministry in D from X"); the post is the
title the sentence names, else the one the text last gave the person the change is measured
against. Near misses: another role ("replaced X as the public face of ..."), "succeeded in",
"replaced the engine", a projected change, the leader's offices not named (dynastic
succession), a predecessor two steps back, a change a news report does not date. Short
synthetic texts; names, years and outlets vary."""

from __future__ import annotations

from typing import Any

from facts_helpers import Held, held_records, iso
from facts_helpers import one_held as _one

from kwpld.ingest import Known


def _dates(row: dict[str, Any]) -> tuple[str | None, str | None]:
    return iso(row.get("start")), iso(row.get("end"))


def _of(rows: list[tuple[Held, dict[str, Any]]], person: str) -> list[tuple[str, str]]:
    return sorted((held[1], held[2]) for held, _ in rows if held[0] == person)


def test_succeeded_a_holder_titled_in_apposition(known: Known) -> None:
    rows = held_records(
        "SEOUL, Nov. 2 (Yonhap) -- In March Kang Il-bong succeeded Mun Tae-sok, director of the "
        "General Political Bureau since 2011, a defector group said.\n",
        known, "2016-11-02",
    )  # fmt: skip
    assert _dates(_one(rows, "Mun Tae-sok", "kpa-gpb")) == ("2011", "2016-03")
    kang = _one(rows, "Kang Il-bong", "kpa-gpb")
    assert (kang["role"], _dates(kang)) == ("director", ("2016-03", None))


def test_replaced_by_takes_the_post_the_text_gave_before(known: Known) -> None:
    rows = held_records(
        "Choe Tong-myong\n\nChoe Tong-myong (born 1945) is a North Korean general.\n\nIn 2009 he "
        "was appointed Minister of People's Armed Forces. He was replaced by Paek Un-gi in June "
        "2011 and retired.\n",
        known, "2020-01-01",
    )  # fmt: skip
    assert _dates(_one(rows, "Choe Tong-myong", "mpaf")) == ("2009", "2011-06")
    assert _dates(_one(rows, "Paek Un-gi", "mpaf")) == ("2011-06", None)


def test_his_predecessor_held_what_he_was_given(known: Known) -> None:
    rows = held_records(
        "Jon Song-il was named chief of the General Staff in October 2008, the agency said. His "
        "predecessor, Kim Yong-dae, was sent to a farm.\n",
        known, "2009-02-01",
    )  # fmt: skip
    assert _dates(_one(rows, "Kim Yong-dae", "kpa-general-staff"))[1] == "2008-10"


def test_a_successor_who_took_over_in_a_month(known: Known) -> None:
    rows = held_records(
        "Ryu Chun-sik headed the General Political Bureau in 2003. Ryu Chun-sik's successor, Pang "
        "Hak-se, took over in May 2004.\n",
        known, "2010-01-01",
    )  # fmt: skip
    assert _dates(_one(rows, "Pang Hak-se", "kpa-gpb")) == ("2004-05", None)
    assert _dates(_one(rows, "Ryu Chun-sik", "kpa-gpb"))[1] == "2004-05"


def test_a_relative_clause_and_took_over_from(known: Known) -> None:
    rows = held_records(
        "Han Song-ryong, who succeeded Yon Chol-gu as Premier in August 2011, toured a mine. "
        "Sin Il-nam had taken over the ministry in 2012 from Chang Hyok, Minister of Foreign "
        "Affairs since 2007.\n",
        known, "2013-01-01",
    )  # fmt: skip
    assert _dates(_one(rows, "Han Song-ryong", "cabinet")) == ("2011-08", None)
    assert _dates(_one(rows, "Yon Chol-gu", "cabinet"))[1] == "2011-08"
    assert _dates(_one(rows, "Chang Hyok", "mfa")) == ("2007", "2012")
    assert _dates(_one(rows, "Sin Il-nam", "mfa")) == ("2012", None)


def test_near_misses_other_roles_and_other_senses(known: Known) -> None:
    rows = held_records(
        "Analysts said Kwak Pom-gi, a vice premier, had replaced Ro Tu-chol as the public face "
        "of the economy. Kwak succeeded in raising output, and the plant replaced the engine of "
        "its turbines in 2015. Ro Tu-chol is expected to succeed Pak Su-gil as Premier.\n",
        known, "2016-05-01",
    )  # fmt: skip
    assert [organ for _, organ in _of(rows, "Kwak Pom-gi")] == ["cabinet"]  # the vice premier
    assert all(r["status"] == "projected" for held, r in rows if held[0] == "Ro Tu-chol")
    # the holder an heir is projected for still holds the post: no end, no successor's start
    assert all(r.get("end") is None for held, r in rows if held[0] == "Pak Su-gil")


def test_the_leaders_offices_pass_only_when_named(known: Known) -> None:
    rows = held_records(
        "Kim Jong Il, chairman of the National Defence Commission, died in December 2011. Kim "
        "Jong Un succeeded him within days.\n",
        known, "2012-01-10",
    )  # fmt: skip
    assert ("chairman", "ndc") not in _of(rows, "kim-jong-un")


def test_a_predecessor_two_steps_back_and_an_undated_change(known: Known) -> None:
    rows = held_records(
        "PYONGYANG, March 3 (AP) -- North Korea has named Ri Chol-man Premier, replacing Choe "
        "Yong-guk, who had held the post since 2016. Ri's predecessor's predecessor, Kim "
        "Pyong-hae, was not mentioned.\n",
        known, "2020-03-03",
    )  # fmt: skip
    assert _dates(_one(rows, "Choe Yong-guk", "cabinet")) == ("2016", None)  # undated change
    assert not _of(rows, "Kim Pyong-hae")


def test_a_place_that_is_no_post(known: Known) -> None:
    rows = held_records(
        "Hong Yong-sun was appointed first vice minister of foreign affairs in 2017. In Hanoi he "
        "replaced Song Il-ho in the delegation, and his aide replaced Pae Chol on the guest list "
        "for the banquet. Kye Ung-tae was appointed Minister of Foreign Affairs in 2015. Ri "
        "Tong-chan replaced him at the helm of the ministry in May 2018.\n",
        known, "2019-03-01",
    )  # fmt: skip
    assert not _of(rows, "Song Il-ho")
    assert not _of(rows, "Pae Chol")
    assert _dates(_one(rows, "Kye Ung-tae", "mfa")) == ("2015", "2018-05")
    assert _dates(_one(rows, "Ri Tong-chan", "mfa")) == ("2018-05", None)


def test_holders_with_their_dates_and_a_vacancy(known: Known) -> None:
    rows = held_records(
        "Kang Sok-ju became Premier in May 2008. Hong Song-nam, who held the job from 1997 to "
        "2008, retired. The bureau's director, a post held by So Chol since 2004, was not "
        "mentioned. The post of Minister of Foreign Affairs has been vacant since Paek Nam-sun's "
        "death in January 2007.\n",
        known, "2008-06-01",
    )  # fmt: skip
    assert _dates(_one(rows, "Hong Song-nam", "cabinet")) == ("1997", "2008")
    assert _dates(_one(rows, "Paek Nam-sun", "mfa")) == (None, "2007-01")


def test_the_title_printed_before_when_he_succeeded(known: Known) -> None:
    rows = held_records(
        "SEOUL, Oct. 9 (Yonhap) -- Kim Kyok-sik was named minister of the People's Armed Forces "
        "in 2012. He had been chief of the General Staff of the Korean People's Army from "
        "February 2007, when he succeeded Kim Yong-chun, the army chief removed that month.\n",
        known, "2013-10-09",
    )  # fmt: skip
    chief = _one(rows, "Kim Yong-chun", "kpa-general-staff")
    assert _dates(chief)[1] == "2007-02"
    assert not _of(rows, "Kim Yong-chun")[1:]  # not the ministry Kim Kyok-sik was named to


def test_a_date_of_the_leavers_relative_clause_is_not_the_changes(known: Known) -> None:
    rows = held_records(
        "Pak Ui-chun, the foreign minister, met the Syrian ambassador. Last year he succeeded "
        "Paek Nam-sun, whose death was announced in January.\n",
        known, "2008-05-05",
    )  # fmt: skip
    assert _dates(_one(rows, "Paek Nam-sun", "mfa")) == (None, "2007")


def test_the_title_inside_or_after_the_words(known: Known) -> None:
    rows = held_records(
        "Yang Hyong-sop, who took over as Minister of Foreign Affairs from Ho Dam in March 1983, "
        "toured a farm. Kim Yong-ju was succeeded by Kang Ryang-uk as premier on 2 May 1972.\n",
        known, "1990-01-01",
    )  # fmt: skip
    assert _dates(_one(rows, "Ho Dam", "mfa")) == (None, "1983-03")
    assert _dates(_one(rows, "Yang Hyong-sop", "mfa")) == ("1983-03", None)
    assert _dates(_one(rows, "Kim Yong-ju", "cabinet")) == (None, "1972-05-02")
    assert _dates(_one(rows, "Kang Ryang-uk", "cabinet")) == ("1972-05-02", None)


def test_handed_over_the_post(known: Known) -> None:
    rows = held_records(
        "Yon Hyong-muk handed over the premiership to Kang Song-san in December 1992. Kang "
        "handed a letter to So Kwan-hi in 1993, and So handed the reins of the farm to Ri "
        "Chol-bong.\n",
        known, "1995-01-01",
    )  # fmt: skip
    assert _dates(_one(rows, "Yon Hyong-muk", "cabinet")) == (None, "1992-12")
    assert _dates(_one(rows, "Kang Song-san", "cabinet")) == ("1992-12", None)
    assert not _of(rows, "So Kwan-hi")
    assert not _of(rows, "Ri Chol-bong")


def test_an_encyclopedia_career_of_changes(known: Known) -> None:
    rows = held_records(
        "Choe Kwang-sop\n\nChoe Kwang-sop (born 1931) is a North Korean general.\n\nHe commanded "
        "an army corps in the 1980s and was appointed Chief of the General Staff in 1995, "
        "succeeding O Kuk-chon. In March 1998 he was replaced as chief of staff by Yon Tae-su. "
        "He was appointed Minister of People's Armed Forces in June 1999 and was replaced by "
        "Han Il-bok in May 2003.\n",
        known, "2020-01-01",
    )  # fmt: skip
    assert _dates(_one(rows, "O Kuk-chon", "kpa-general-staff")) == (None, "1995")
    assert _dates(_one(rows, "Yon Tae-su", "kpa-general-staff")) == ("1998-03", None)
    assert _dates(_one(rows, "Han Il-bok", "mpaf")) == ("2003-05", None)
    assert [organ for _, organ in _of(rows, "Han Il-bok")] == ["mpaf"]


def test_a_former_holders_successor_at_the_organ(known: Known) -> None:
    rows = held_records(
        "Kim Yang-gon, former director of the United Front Department, died in a car crash. "
        "His successor at the department, Ri Son-gwon, has never met a foreign envoy.\n",
        known, "2016-02-01",
    )  # fmt: skip
    assert _one(rows, "Ri Son-gwon", "wpk-ufd")["role"] == "director"


def test_the_newcomers_other_new_post_is_not_the_leavers(known: Known) -> None:
    rows = held_records(
        "Yang Hyong-sop was President of the Presidium of the Supreme People's Assembly. In "
        "September 1998 he was replaced by Kim Yong-nam, who was also named a member of the "
        "National Defence Commission.\n",
        known, "1999-01-01",
    )  # fmt: skip
    assert [organ for _, organ in _of(rows, "Yang Hyong-sop")] == ["spa-presidium"]
    assert _dates(_one(rows, "Yang Hyong-sop", "spa-presidium"))[1] == "1998-09"


def test_he_left_what_is_not_said(known: Known) -> None:
    rows = held_records(
        "Kye Ung-tae\n\nKye Ung-tae (born 1925) is a North Korean politician.\n\nIn 1980 he "
        "was appointed Minister of Foreign Affairs. He retired to Nampho in 1983, and Ho Dam "
        "succeeded him. In 1985 he was replaced in the delegation by Kim Yong-sun.\n",
        known, "2020-01-01",
    )  # fmt: skip
    assert not _of(rows, "Ho Dam")
    assert not _of(rows, "Kim Yong-sun")
