"""Holding dates (issue 15, round 6 lever L8): a title printed beside a name the sentence places
at an occasion is as of the occasion's day, not the article's ("He was welcomed at the clinic
by X, minister of ...", "Accompanying him were A, vice-premier of ..."), once the attendance
pass has tied the sentence's people to the occasion. Near misses: a title in a sentence that
places no one at an occasion (the article's date), an occasion after the article's date (a
preview: the article's), a change (elected, dismissed), which keeps its own date. Short
synthetic texts; names, outlets and word order vary."""

from __future__ import annotations

from typing import Any

from facts_helpers import held_records, iso

from kwpld.ingest import Known

DAY = "1996-09-13"  # a Friday


def _dates(text: str, known: Known, person: str, day: str = DAY) -> dict[str, Any]:
    """start/end/as_of of the one holding of ``person`` the text drafts."""
    found = [r for row, r in held_records(text, known, day) if row[0] == person]
    assert len(found) == 1, (person, found)
    return {k: iso(found[0].get(k)) for k in ("start", "end", "as_of") if found[0].get(k)}


def test_a_title_at_a_second_stop_of_a_dated_tour(known: Known) -> None:
    text = (
        "Chongjin, September 13 (Rodong Sinmun) -- Kim Jong Il gave field guidance to the "
        "Chongjin Steel Works on Tuesday.\n\n"
        "He learned in detail about the production of the works.\n\n"
        "After the guidance at the works, Kim Jong Il visited the North Hamgyong Provincial "
        "Library.\n\n"
        "He was welcomed at the library by Han Chol Gyu, minister of Culture, and its staff."
    )
    assert _dates(text, known, "Han Chol Gyu") == {"as_of": "1996-09-10"}


def test_one_accompanying_at_the_second_stop(known: Known) -> None:
    text = (
        "Pyongyang, September 13 (KCNA) -- Kim Jong Il inspected the Sungri Motor Complex on "
        "Wednesday.\n\n"
        "Then he visited the Kangso Children's Hospital.\n\n"
        "Accompanying him at the hospital were Ri Man Sop, vice-premier of the Cabinet, and "
        "officials."
    )
    assert _dates(text, known, "Ri Man Sop") == {"as_of": "1996-09-11"}


def test_a_title_placed_at_no_occasion_keeps_the_article_date(known: Known) -> None:
    text = (
        "SEOUL, Sept. 13 (Yonhap) -- Pyon Tae Sik, minister of Light Industry, is known to have "
        "studied in Moscow, officials here said."
    )
    assert _dates(text, known, "Pyon Tae Sik") == {"as_of": DAY}


def test_a_change_at_the_occasion_keeps_its_own_date(known: Known) -> None:
    text = (
        "Pyongyang, September 13 (KCNA) -- A plenary meeting of the Central Committee of the "
        "Workers' Party of Korea was held on September 11.\n\n"
        "The meeting elected Ro Chang Gil a member of the Political Bureau."
    )
    assert _dates(text, known, "Ro Chang Gil") == {"start": "1996-09-11"}


def test_a_dismissal_naming_no_office_ends_the_title_beside_the_name(known: Known) -> None:
    text = (
        "SEOUL, Sept. 13 (Yonhap) -- Ko Pyong Son, minister of Forestry since 1991, was "
        "dismissed in August 1996, officials here said."
    )
    assert _dates(text, known, "Ko Pyong Son") == {"start": "1991", "end": "1996-08"}


def test_served_until_ends_the_term_the_sentence_begins(known: Known) -> None:
    text = "Sin Yong Gil became minister of Forestry in June 1990 and served until May 1995."
    assert _dates(text, known, "Sin Yong Gil") == {"start": "1990-06", "end": "1995-05"}


def test_held_the_post_until_ends_the_term_the_sentence_before_began(known: Known) -> None:
    text = (
        "Sin Yong Gil was appointed minister of Forestry in June 1990. Sin Yong Gil held the "
        "post until May 1995, when he retired."
    )
    assert _dates(text, known, "Sin Yong Gil") == {"start": "1990-06", "end": "1995-05"}


def test_an_end_of_someone_else_ends_no_title(known: Known) -> None:
    text = (
        "SEOUL, Sept. 13 (Yonhap) -- Ko Pyong Son, minister of Forestry, met Jang Chol Ung, who "
        "was dismissed in August 1996."
    )
    assert "end" not in _dates(text, known, "Ko Pyong Son")


def test_a_stay_is_no_term(known: Known) -> None:
    text = (
        "SEOUL, Sept. 13 (Yonhap) -- Ko Pyong Son, minister of Forestry, visited Moscow in "
        "August and stayed until September 2."
    )
    assert "end" not in _dates(text, known, "Ko Pyong Son")


def test_two_titles_and_a_bare_dismissal_end_neither(known: Known) -> None:
    text = (
        "SEOUL, Sept. 13 (Yonhap) -- Ko Pyong Son, vice-premier and minister of Forestry, was "
        "dismissed in August 1996, officials here said."
    )
    found = [r for row, r in held_records(text, known, DAY) if row[0] == "Ko Pyong Son"]
    assert found and all(not r.get("end") for r in found)


def test_every_unnamed_term_end_form_passes_the_prefilter() -> None:
    # the forms of ``unnamed_term_ends`` run only on sentences the prefilter admits: a form
    # without one of its words could never fire
    import re

    from kwpld.extract.held_dates import _HINT
    from kwpld.resources import resource_yaml

    for form in resource_yaml("kwpld/reading/facts.yaml")["unnamed_term_ends"]:
        words = re.sub(r"\(\?[:=!<]+|[()|?*+\\\[\]{}^$.]", " ", form)
        assert _HINT.search(words), form
