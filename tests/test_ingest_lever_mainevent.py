"""Holding dates from the story's main event (issue 15, round 7 lever M4): in a news report of
an occasion a few days before the article, a title or an election that no sentence, event or
weekday dates, told in a sentence after the lead, is as of (or starts on) the occasion's day,
not the article's. Near misses: an obituary's lead (a death is no occasion), a comment or
reaction ("said", "warned"), a history aside ("former", "until"), a sentence that looks ahead,
an analysis piece (not news), an occasion more than a week before the article. Short synthetic
texts; names, outlets and word order vary."""

from __future__ import annotations

from typing import Any

from facts_helpers import drafted_names, iso

from kwpld.ingest import Known, read_text

DAY = "2003-09-06"  # a Saturday


def _dates(
    text: str, known: Known, person: str, day: str = DAY, *, kind: str = "news"
) -> list[dict[str, Any]]:
    """start/end/as_of of each holding of ``person`` the text drafts."""
    _, drafted = read_text(text, known=known, date=day, article_type=kind)
    names = drafted_names(drafted)
    found = [
        d.record for d in drafted.drafts
        if d.kind == "membership" and d.fact
        and names.get(d.record["person"], d.record["person"]) == person
    ]  # fmt: skip
    assert found, person
    return [{k: iso(f.get(k)) for k in ("start", "end", "as_of") if f.get(k)} for f in found]


SESSION_LEAD = (
    "SEOUL, Sept. 6 (AFP) -- North Korea's rubber-stamp parliament met on Wednesday for the "
    "first session of its new term, state media reported Saturday.\n\n"
)


def test_an_election_told_after_the_lead_starts_on_the_session_day(known: Known) -> None:
    text = SESSION_LEAD + "Yang Hyong Sop and Ri Sun Gun were re-elected vice-presidents of the "
    text += "Presidium of the Supreme People's Assembly."
    assert _dates(text, known, "Ri Sun Gun") == [{"start": "2003-09-03"}]


def test_a_title_in_the_line_up_is_as_of_the_session_day(known: Known) -> None:
    text = SESSION_LEAD + "The line-up announced after the session:\n\n"
    text += "Premier: Pak Jae Gyong\n\nMinister of Foreign Affairs: Paek Nam Chol"
    assert _dates(text, known, "Paek Nam Chol") == [{"as_of": "2003-09-03"}]


def test_an_obituary_lead_is_no_occasion(known: Known) -> None:
    text = (
        "SEOUL, Sept. 6 (AP) -- Jon Mun Sop, a veteran of the guerrilla war, died of cancer on "
        "Thursday, state radio said Saturday.\n\n"
        "It named Premier Hong Sok Hyong head of the funeral committee."
    )
    assert _dates(text, known, "Hong Sok Hyong") == [{"as_of": DAY}]


def test_a_comment_keeps_the_article_date(known: Known) -> None:
    text = SESSION_LEAD + "Chong Se Hyon, the South Korean unification minister, said Seoul "
    text += "saw no change in policy."
    assert _dates(text, known, "Chong Se Hyon") == [{"as_of": DAY}]


def test_a_lead_without_an_occasion_dates_nothing(known: Known) -> None:
    text = (
        "SEOUL, Sept. 6 (Yonhap) -- North Korea fired two short-range missiles on Wednesday, "
        "officials here said Saturday.\n\n"
        "Kim Il Chol, minister of the People's Armed Forces, is in charge of the units."
    )
    assert _dates(text, known, "Kim Il Chol") == [{"as_of": DAY}]


def test_an_analysis_piece_keeps_the_article_date(known: Known) -> None:
    text = SESSION_LEAD + "Choe Thae Bok was re-elected chairman of the Supreme People's "
    text += "Assembly."
    got = _dates(text, known, "Choe Thae Bok", kind="analysis")
    assert {"start": "2003-09-03"} not in got


def test_another_occasion_told_in_passing_keeps_the_article_date(known: Known) -> None:
    text = SESSION_LEAD + "The session came two days after Foreign Minister Paek Nam Chol "
    text += "warned Washington over its sanctions."
    assert _dates(text, known, "Paek Nam Chol") == [{"as_of": DAY}]
