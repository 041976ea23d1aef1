"""Projections, vacancies and how sure the source is (issue 15, class CE): heirs projected to a
post someone holds or left ("the vacancy on O is likely to be filled by X or by Y", "X's post
at O is expected to go to Y", "the directorship of O is likely to go to Y", "Observers expect
Y to be named as X's successor", "Y is expected to succeed X"), a question the writer answers
("whether X is promoted to O, which we think is likely"), "X himself could be elected to O",
a title printed plainly beside a projection ("Y, the new chief of O"), a seat held now ("who
already sits on the Presidium"), and the word of others: "South Korea's Unification Ministry
said" (reported), "When O appointed X premier, many observers expected ..." (the appointment
stated plainly). Near misses: a denied or failed projection, a bare "whether", an unnamed
heir, "is expected to attend". Short synthetic sentences, names and years varied."""

from __future__ import annotations

from facts_helpers import Held, held, held_records, iso

from kwpld.ingest import Known


def _status(rows: list[tuple[Held, dict[str, object]]], row: Held) -> list[object]:
    return [r["status"] for got, r in rows if got == row]


# -- heirs projected ---------------------------------------------------------------------------


def test_a_vacancy_in_an_organ_goes_to_either_heir(known: Known) -> None:
    rows = held_records(
        "SEOUL, May 4 (Yonhap) -- Kim Chol Man, a vice chairman of the National Defence "
        "Commission, has died, state media said.\n\nThe vacancy on the commission is likely to "
        "be filled by Pyon In Son, a veteran general, or by Premier Kim Yong Il, analysts "
        "said.\n",
        known,
        "2007-05-04",
    )
    for person in ("Pyon In Son", "Kim Yong Il"):
        assert _status(rows, (person, "vice-chairman", "ndc")) == ["projected"], rows
    found = [r for row, r in rows if row == ("Pyon In Son", "vice-chairman", "ndc")][0]
    assert (found.get("start"), found.get("as_of")) == (None, None)


def test_a_holders_post_at_an_organ_is_expected_to_go_to_an_heir(known: Known) -> None:
    rows = held_records(
        "Kang Sok Ju, director of the International Department, is ill. Kang's post at the "
        "International Department is expected to go to Ri Su Yong, officials said.\n",
        known,
        "2013-08-20",
    )
    assert _status(rows, ("Ri Su Yong", "director", "wpk-international")) == ["projected"]


def test_a_seat_named_by_its_organ_word_goes_to_the_holders_role_there(known: Known) -> None:
    rows = held_records(
        "O Kuk Ryol, a vice chairman of the National Defence Commission and a member of the "
        "Political Bureau, retired on Monday. O's seat on the defence commission could be filled "
        "by Ri Myong Su.\n",
        known,
        "2011-03-09",
    )
    assert _status(rows, ("Ri Myong Su", "vice-chairman", "ndc")) == ["projected"], rows
    assert not any(row[0] == "Ri Myong Su" and row[2] == "wpk-pb" for row, _ in rows)


def test_a_directorship_named_goes_to_an_heir(known: Known) -> None:
    rows = held_records(
        "Hyon Chol Hae, first vice director of the General Political Bureau, spoke at the "
        "meeting. The directorship of the bureau is likely to go to Hyon Chol Hae.\n",
        known,
        "2008-02-11",
    )
    assert _status(rows, ("Hyon Chol Hae", "director", "kpa-gpb")) == ["projected"], rows
    assert _status(rows, ("Hyon Chol Hae", "first-vice-director", "kpa-gpb")) == ["confirmed"]


def test_an_heir_named_as_a_holders_successor_takes_his_current_post(known: Known) -> None:
    rows = held_records(
        "Choe Thae Bok, director of the International Department, who chaired the Supreme "
        "People's Assembly from 1998 to 2019, was not seen at the plenum. Observers expect the "
        "department's first vice director, Kim Song Nam, to be named as Choe's successor.\n",
        known,
        "2019-04-15",
    )
    assert _status(rows, ("Kim Song Nam", "director", "wpk-international")) == ["projected"], rows
    assert not any(r["status"] == "projected" and row[2] == "spa" for row, r in rows)


def test_an_heir_expected_to_succeed_a_holder(known: Known) -> None:
    rows = held_records(
        "Kim Ki Nam, director of the Propaganda and Agitation Department, is 89. Ri Jae Il is "
        "expected to succeed Kim Ki Nam when he retires.\n",
        known,
        "2015-01-20",
    )
    assert _status(rows, ("Ri Jae Il", "director", "wpk-pad")) == ["projected"], rows


def test_a_likely_successor_named_takes_the_holders_post(known: Known) -> None:
    rows = held_records(
        "Kang Sok Ju, a vice-premier, is ill. Kim Kye Gwan is the most likely successor to Kang "
        "Sok Ju.\n\nO Kuk Ryol, director of the Operations Department, retired. O's likely "
        "successor, Kim Yong Chol, has run its daily work for years. Kim Jong Un, Kim Jong Il's "
        "designated successor, attended.\n",
        known,
        "2010-11-08",
    )
    assert _status(rows, ("Kim Kye Gwan", "vice-chairman", "cabinet")) == ["projected"], rows
    assert [r["status"] for row, r in rows if row[0] == "kim-yong-chol"] == ["projected"], rows
    assert not any(row[0] == "kim-jong-un" for row, _ in rows), rows


def test_denied_failed_and_unnamed_heirs_give_no_holding(known: Known) -> None:
    got = held(
        "Kim Kyok Sik, chief of the General Staff, was relieved on Sunday. Kim's post at the "
        "General Staff is unlikely to go to Jong Myong Do. Pak Jae Gyong was expected to succeed "
        "Kim Kyok Sik, but he was passed over. A new chief is expected to be named soon. Ri Yong "
        "Gil is expected to attend the meeting.\n",
        known,
        "2013-05-13",
    )
    assert not any(row[0] in ("Jong Myong Do", "Pak Jae Gyong", "Ri Yong Gil") for row in got), got


# -- questions answered, reflexives, titles beside a projection -------------------------------


def test_a_question_answered_with_likely_is_a_projection(known: Known) -> None:
    rows = held_records(
        "## What to watch\n\n- whether Choe Pu Il is promoted to full membership of the "
        "Political Bureau, which we think is likely;\n- whether Kim Yong Chol is made a "
        "vice-premier.\n",
        known,
        "2016-04-30",
    )
    assert _status(rows, ("Choe Pu Il", "member", "wpk-pb")) == ["projected"], rows
    assert not any(row[0] == "kim-yong-chol" for row, _ in rows), rows


def test_a_reflexive_after_the_name_keeps_the_projection(known: Known) -> None:
    rows = held_records(
        "Kim Tok Hun himself could be elected to the Political Bureau at a future plenum.\n",
        known,
        "2018-06-01",
    )
    assert _status(rows, ("kim-tok-hun", "member", "wpk-pb")) == ["projected"], rows


def test_the_new_title_beside_an_heir_is_stated_plainly(known: Known) -> None:
    rows = held_records(
        "Kim Yong Chun, a vice chairman of the National Defence Commission, died. His seat could "
        "be filled by Ri Yong Ho, the new chief of the General Staff, who already sits on the "
        "Presidium of the Political Bureau.\n",
        known,
        "2011-02-02",
    )
    chief = [r for row, r in rows if row == ("ri-yong-ho-kpa", "chairman", "kpa-general-staff")]
    assert [r["status"] for r in chief] == ["confirmed"], rows
    assert iso(chief[0].get("as_of")) == "2011-02-02"
    assert _status(rows, ("ri-yong-ho-kpa", "member", "wpk-pb-presidium")) == ["confirmed"]


# -- how sure the source is ---------------------------------------------------------------------


def test_a_south_korean_ministrys_word_is_reported(known: Known) -> None:
    rows = held_records(
        "Ri Pyong Chol, a vice director of the Munitions Industry Department, was dismissed in "
        "March, South Korea's Unification Ministry said on Tuesday.\n",
        known,
        "2015-04-07",
    )
    assert [r["status"] for row, r in rows if row[0] == "ri-pyong-chol"] == ["reported"], rows


def test_others_expectations_in_the_main_clause_leave_the_appointment_plain(known: Known) -> None:
    rows = held_records(
        "When the Supreme People's Assembly appointed Choe Yong Rim premier in June 2010, many "
        "economists in Seoul expected a new push for reform.\n\nAfter Kim Yong Il was relieved, "
        "officials said Choe would keep the post.\n",
        known,
        "2011-01-10",
    )
    premier = [r for row, r in rows if row == ("Choe Yong Rim", "chairman", "cabinet")]
    assert [r["status"] for r in premier] == ["confirmed"], rows


def test_officials_saying_still_make_the_fact_reported(known: Known) -> None:
    rows = held_records(
        "When the plenum met in April, Kim Jae Ryong was appointed premier, officials said.\n",
        known,
        "2019-04-20",
    )
    assert _status(rows, ("Kim Jae Ryong", "chairman", "cabinet")) == ["reported"], rows
