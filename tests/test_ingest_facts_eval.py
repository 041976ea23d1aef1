"""The fact scorer (kwpld/evaluate/facts.py) pinned down on hand-written predictions,
independently of the extractor: review files written here by hand, scored against a small gold,
with every count worked out below. Also: every labelled text's gold is valid, the records folder
loads, and the identity arithmetic (duplicates, false merges) on hand-made identities."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from kwpld.errors import InputError
from kwpld.evaluate.facts import (
    Predicted,
    evaluate_sequence,
    evaluate_text,
    gold_files,
    identity_counts,
    load_gold,
    load_sequence,
    score_facts,
    total,
)
from kwpld.evaluate.facts import _entities_of_records as entities_of_records
from kwpld.load import load_records

FACTS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts"
RECORDS = FACTS / "records"
IDENTITY = FACTS.parent / "identity"

TEXT = """\
The 5th Plenary Meeting of the 7th Central Committee of the Workers' Party of Korea was held \
from 28 to 31 December 2019. Kim Jong Un, chairman of the WPK, guided the meeting.

Choe Ryong Hae and Ri Man Gon were elected members of the Presidium of the Political Bureau. \
Pak Pong Ju was relieved as premier. Ri Yong Ho, member of the Political Bureau, attended.

Kim Jae Ryong was elected an alternate member of the Political Bureau, Jo Yong Won was \
appointed first vice-director of the Organization and Guidance Department and Pak Thae Dok was \
removed from the Central Committee.

A meeting of the Political Bureau was held on 5 January 2020, attended by Ri Man Gon. Kim Jong \
Un inspected a factory.
"""

GOLD = {
    "options": {"date": "2020-01-06", "type": "news"},
    "events": [
        {
            "key": "plenum",
            "name": "5th Plenary Meeting of the 7th Central Committee of the Workers' Party of "
            "Korea",
            "type": "plenary-meeting",
            "ordinal": 5,
            "date": "2019-12-28",
            "end": "2019-12-31",
            "evidence": "was held from 28 to 31 December 2019",
        },
        {
            "key": "meeting",
            "name": "meeting of the Political Bureau",
            "type": "meeting",
            "date": "2020-01-05",
            "evidence": "A meeting of the Political Bureau was held on 5 January 2020",
        },
        {"key": "inspection", "type": "appearance", "evidence": "inspected a factory"},
    ],
    "holdings": [
        # H1..H4 are predicted right; H5..H8 are not
        {"person": "kim-jong-un", "organ": "wpk", "role": "chairman", "as_of": "2019-12-31",
         "status": "confirmed", "evidence": "chairman of the WPK"},
        {"person": "choe-ryong-hae", "organ": "wpk-pb-presidium", "role": "member",
         "start": "2019-12-31", "status": "confirmed", "evidence": "were elected members"},
        {"person": "Ri Man Gon", "organ": "wpk-pb-presidium", "role": "member",
         "start": "2019-12-31", "status": "confirmed", "evidence": "were elected members"},
        {"person": "pak-pong-ju", "organ": "cabinet", "role": "chairman", "post": "premier",
         "end": "2019-12-31", "status": "confirmed", "evidence": "was relieved as premier"},
        {"person": "ri-yong-ho-fm", "organ": "wpk-pb", "role": "member", "as_of": "2019-12-31",
         "status": "confirmed", "evidence": "member of the Political Bureau, attended"},
        {"person": "Kim Jae Ryong", "organ": "wpk-pb", "role": "alternate-member",
         "start": "2019-12-31", "status": "confirmed", "evidence": "an alternate member"},
        {"person": "jo-yong-won", "organ": "wpk-ogd", "role": "first-vice-director",
         "start": "2019-12-31", "status": "confirmed", "evidence": "first vice-director"},
        {"person": "Pak Thae Dok", "organ": "wpk-cc", "role": "member", "end": "2019-12-31",
         "status": "confirmed", "evidence": "was removed from the Central Committee"},
    ],
    "attendance": [
        {"event": "plenum", "person": "kim-jong-un", "role": "guided", "evidence": "guided"},
        {"event": "plenum", "person": "choe-ryong-hae", "role": "attended",
         "evidence": "Choe Ryong Hae"},
        {"event": "plenum", "person": "ri-yong-ho-fm", "role": "attended", "evidence": "attended"},
        {"event": "meeting", "person": "Ri Man Gon", "role": "attended",
         "evidence": "attended by Ri Man Gon"},
    ],
}  # fmt: skip


def _draft(kind: str, record: dict, status: str = "pending") -> dict:
    return {"id": record.get("id"), "kind": kind, "status": status, "record": record}


def _membership(id_: str, person: str, organ: str, role: str, **rest: str) -> dict:
    record = {"id": id_, "person": person, "organ": organ, "role": role, **rest}
    record.setdefault("status", "confirmed")
    return _draft("membership", record)


REVIEW = {
    "kwpld-review": 1,
    "article": "article",
    "records": [{"id": "article", "type": "news", "title": "t", "mentions": []}],
    "drafts": [
        _draft("person", {"id": "ri-man-gon", "names": [{"text": "Ri Man Gon", "system": "en"}]}),
        _draft("organ", {"id": "pb-presidium-draft", "kind": "presidium",
                         "names": [{"text": "the Presidium of the Political Bureau",
                                    "system": "en"}]}),
        _draft("post", {"id": "cabinet-premier", "organ": "cabinet", "role": "chairman",
                        "names": [{"text": "Premier of the Cabinet", "system": "en"}]}),
        _draft("event", {"id": "plenums-7", "type": "series",
                         "names": [{"text": "Plenary Meeting of the 7th CC", "system": "en"}]}),
        # matches by its name once the party's names and ordinal words are folded
        _draft("event", {"id": "plenum-7-5", "type": "plenary-meeting", "series": "plenums-7",
                         "ordinal": 5, "date": "28 December 2019", "end": "31 December 2019",
                         "names": [{"text": "Fifth Plenary Meeting of the 7th Central "
                                    "Committee of the WPK", "system": "en"}]}),
        # matches by name, date wrong
        _draft("event", {"id": "pb-meeting", "type": "meeting", "date": "2020-01-06",
                         "names": [{"text": "Meeting of the Political Bureau",
                                    "system": "en"}]}),
        # extra
        _draft("event", {"id": "congress-8", "type": "congress", "ordinal": 8,
                         "names": [{"text": "8th Congress of the WPK", "system": "en"}]}),
        # rejected: not a prediction
        _draft("event", {"id": "rejected", "type": "appearance"}, status="rejected"),
        # H1: right, dates right, status right
        _membership("m1", "kim-jong-un", "wpk", "chairman", as_of="31 December 2019"),
        # H2: right, start wrong
        _membership("m2", "choe-ryong-hae", "wpk-pb-presidium", "member", start="2019-12-28"),
        # H3: a draft person in a draft organ known by name; status wrong
        _membership("m3", "ri-man-gon", "pb-presidium-draft", "member", start="2019-12-31",
                    status="reported"),
        # H4: the post is a draft whose name is one of the premier record's names
        _membership("m4", "pak-pong-ju", "cabinet", "chairman", post="cabinet-premier",
                    end="2019-12-31"),
        # H5 missed: the namesake (the general) instead of the foreign minister
        _membership("m5", "ri-yong-ho-kpa", "wpk-pb", "member", as_of="2019-12-31"),
        # H6 missed: wrong role
        _membership("m6", "kim-jae-ryong", "wpk-pb", "member", start="2019-12-31"),
        # H7 missed: wrong organ
        _membership("m7", "jo-yong-won", "wpk-pad", "first-vice-director", start="2019-12-31"),
        # extra
        _membership("m8", "kim-jong-un", "sac", "chairman", as_of="2019-12-31"),
        _draft("person", {"id": "kim-jae-ryong",
                          "names": [{"text": "Kim Jae Ryong", "system": "en"}]}),
        # A1: right; A2: role wrong; A3 missed (namesake); A4 missed (wrong event)
        _draft("participation", {"id": "p1", "event": "plenum-7-5", "ref": "kim-jong-un",
                                 "role": "guided"}),
        _draft("participation", {"id": "p2", "event": "plenum-7-5", "ref": "choe-ryong-hae",
                                 "role": "Platform"}),
        _draft("participation", {"id": "p3", "event": "plenum-7-5", "ref": "ri-yong-ho-kpa",
                                 "role": "attended"}),
        _draft("participation", {"id": "p4", "event": "plenum-7-5", "ref": "ri-man-gon",
                                 "role": "attended"}),
    ],
}  # fmt: skip


def _setup(tmp_path: Path, gold: dict, review: dict) -> tuple[Path, Path, Path, Path]:
    data = tmp_path / "data"
    shutil.copytree(RECORDS, data)
    (data / "articles").mkdir()
    review_path = data / "articles" / "article.review.yaml"
    review_path.write_text(yaml.safe_dump(review, allow_unicode=True), encoding="utf-8")
    text = tmp_path / "article.txt"
    text.write_text(TEXT, encoding="utf-8")
    gold_path = tmp_path / "article.gold.yaml"
    gold_path.write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
    return data, review_path, text, gold_path


@pytest.fixture
def scored(tmp_path: Path):
    data, review, text, gold_path = _setup(tmp_path, GOLD, REVIEW)
    gold = load_gold(text, gold_path, entities_of_records(RECORDS))
    return score_facts(gold, Predicted.read(data, review))


def test_holdings_precision_recall_dates_and_status(scored) -> None:
    assert (scored.holdings.tp, scored.holdings.fp, scored.holdings.fn) == (4, 4, 4)
    assert scored.holdings.precision == 0.5 and scored.holdings.recall == 0.5
    # among the four right: H2's start is wrong; H3's status is wrong
    assert (scored.holding_dates.right, scored.holding_dates.total) == (3, 4)
    assert (scored.holding_status.right, scored.holding_status.total) == (3, 4)
    errors = "\n".join(scored.errors)
    assert "choe-ryong-hae member of wpk-pb-presidium: dates start=2019-12-31 expected" in errors
    assert (
        "Ri Man Gon member of wpk-pb-presidium: status confirmed expected, got reported" in errors
    )
    for missed in (
        "ri-yong-ho-fm member of wpk-pb",
        "Kim Jae Ryong alternate-member of wpk-pb",
        "jo-yong-won first-vice-director of wpk-ogd",
        "Pak Thae Dok member of wpk-cc",
    ):
        assert f"missed holding {missed}" in errors  # fmt: skip
    # a miss names what was predicted for that person (wrong role, wrong organ)
    assert "kim-jae-ryong (Kim Jae Ryong) member of wpk-pb" in errors
    assert "jo-yong-won (Jo Yong Won) first-vice-director of wpk-pad" in errors
    for extra in ("m5", "m6", "m7", "m8"):
        assert f"extra holding {extra}:" in errors


def test_events_and_their_dates(scored) -> None:
    # plenum (by name, "Fifth ... of the WPK") and meeting (by name) found, the inspection
    # missed, the congress extra; the series and the rejected draft are no predictions
    assert (scored.events.tp, scored.events.fp, scored.events.fn) == (2, 1, 1)
    # only the plenum has the right date and end
    assert (scored.events_dated.tp, scored.events_dated.fp, scored.events_dated.fn) == (1, 2, 2)
    errors = "\n".join(scored.errors)
    assert "event meeting of the Political Bureau: date 2020-01-05..None expected, got " in errors
    assert "2020-01-06..None" in errors
    assert "missed event [appearance inspection]" in errors
    assert "extra event congress-8" in errors


@pytest.mark.parametrize(
    "name",
    [
        "Enlarged 5th Plenary Meeting of the 7th Central Committee of the Workers' Party of Korea",
        "5th Enlarged Plenary Meeting of the 7th Central Committee of the Workers' Party of Korea",
        "Fifth Expanded Plenary Meeting of the 7th Central Committee of the WPK",
    ],
)
def test_an_enlarged_meeting_is_the_meeting(tmp_path: Path, name: str) -> None:
    # the gold names the meeting with its qualifier, without a series to match by ordinal
    plenum = {k: v for k, v in GOLD["events"][0].items() if k != "series"}
    gold = {**GOLD, "events": [{**plenum, "name": name}, *GOLD["events"][1:]]}
    data, review_path, text, gold_path = _setup(tmp_path, gold, REVIEW)
    score = score_facts(load_gold(text, gold_path, entities_of_records(RECORDS)),
                        Predicted.read(data, review_path))  # fmt: skip
    assert (score.events.tp, score.events.fn) == (2, 1)


def test_attendance_and_roles(scored) -> None:
    assert (scored.attendance.tp, scored.attendance.fp, scored.attendance.fn) == (2, 2, 2)
    assert (scored.attendance_role.right, scored.attendance_role.total) == (1, 2)
    errors = "\n".join(scored.errors)
    assert "attendance choe-ryong-hae at plenum: role attended expected, got Platform" in errors
    assert "missed attendance ri-yong-ho-fm at plenum" in errors
    assert "missed attendance Ri Man Gon at meeting" in errors


VISIT = """\
Kim Yong Nam greeted the guests at the airport on 5 January 2020. In the evening of the next day \
Kim Yong Nam hosted a banquet in their honour, and Pak Ui Chun was present.
"""


def _visit(tmp_path: Path, events: list[dict], attends: list[dict]) -> tuple[Path, Path, Path]:
    """A text with two unnamed ceremonies (an arrival, a banquet), its gold, and a review file
    proposing ``events`` and ``attends``."""
    gold = {
        "options": {"date": "2020-01-07", "type": "news"},
        "events": [
            {"key": "arrival", "type": "ceremony", "date": "2020-01-05",
             "evidence": "greeted the guests at the airport"},
            {"key": "banquet", "type": "ceremony", "date": "2020-01-06",
             "evidence": "hosted a banquet in their honour"},
        ],
        "holdings": [],
        "attendance": [
            {"event": "arrival", "person": "kim-yong-nam", "role": "attended",
             "evidence": "Kim Yong Nam greeted"},
            {"event": "banquet", "person": "kim-yong-nam", "role": "attended",
             "evidence": "Kim Yong Nam hosted"},
            {"event": "banquet", "person": "Pak Ui Chun", "role": "attended",
             "evidence": "Pak Ui Chun was present"},
        ],
    }  # fmt: skip
    review = {**REVIEW, "drafts": [*events, *attends]}
    data, review_path, text, gold_path = _setup(tmp_path, gold, review)
    text.write_text(VISIT, encoding="utf-8")
    return data, review_path, gold_path


def _ceremony(id_: str, date: str | None, sentence: str) -> dict:
    record = {"id": id_, "type": "ceremony", **({"date": date} if date else {})}
    return {**_draft("event", record), "evidence": [{"at": [0, 1], "sentence": sentence}]}


def _attends(event: str, *people: str) -> list[dict]:
    return [_draft("participation", {"id": f"{event}.{p}", "event": event, "ref": p,
                                     "role": "attended"}) for p in people]  # fmt: skip


def test_unnamed_events_of_one_kind_are_told_apart_by_date_and_evidence(tmp_path: Path) -> None:
    banquet = "In the evening of the next day Kim Yong Nam hosted a banquet in their honour, and"
    # only the banquet was found: it is the banquet (its date), not the arrival listed first,
    # and its guests are not the arrival's
    data, review, gold_path = _visit(
        tmp_path, [_ceremony("banquet-6", "2020-01-06", banquet)],
        _attends("banquet-6", "kim-yong-nam", "pak-ui-chun"),
    )  # fmt: skip
    text = gold_path.with_name("article.txt")
    score = score_facts(load_gold(text, gold_path, entities_of_records(RECORDS)),
                        Predicted.read(data, review))  # fmt: skip
    assert (score.events.tp, score.events.fp, score.events.fn) == (1, 0, 1)
    assert score.events_dated.tp == 1
    assert "missed event [ceremony arrival] 2020-01-05" in score.errors
    assert (score.attendance.tp, score.attendance.fp, score.attendance.fn) == (1, 1, 2)
    # the arrival was not found: its attendance says so; the banquet was
    missed = "missed attendance kim-yong-nam at arrival (attended), an event not found"
    assert missed in score.errors
    assert "missed attendance Pak Ui Chun at banquet (attended)" in score.errors


def test_the_event_drafted_from_the_evidence_is_paired_first(tmp_path: Path) -> None:
    # the arrival is listed first and is dated the same day as the banquet: it must not take
    # the banquet drafted from the banquet's own sentence
    banquet = "In the evening of the next day Kim Yong Nam hosted a banquet in their honour, and"
    data, review, gold_path = _visit(
        tmp_path, [_ceremony("banquet-6", "2020-01-06", banquet)],
        _attends("banquet-6", "kim-yong-nam"),
    )  # fmt: skip
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    gold["events"][0]["date"] = "2020-01-06"
    gold_path.write_text(yaml.safe_dump(gold), encoding="utf-8")
    text = gold_path.with_name("article.txt")
    score = score_facts(load_gold(text, gold_path, entities_of_records(RECORDS)),
                        Predicted.read(data, review))  # fmt: skip
    assert "missed event [ceremony arrival] 2020-01-06" in score.errors
    assert score.events.tp == 1 and score.attendance.tp == 1
    missed = "missed attendance kim-yong-nam at arrival (attended), an event not found"
    assert missed in score.errors


def test_an_unnamed_event_of_another_type_is_found_by_its_evidence(tmp_path: Path) -> None:
    # the guide fixes no type for every occasion (a visit to a bier: an appearance or a
    # ceremony): an unnamed event drafted from the evidence sentence matches whatever its type
    banquet = "In the evening of the next day Kim Yong Nam hosted a banquet in their honour, and"
    appearance = {**_ceremony("banquet-6", "2020-01-05", banquet)}
    appearance["record"] = {**appearance["record"], "type": "appearance"}
    data, review, gold_path = _visit(tmp_path, [appearance], _attends("banquet-6", "kim-yong-nam"))
    text = gold_path.with_name("article.txt")
    score = score_facts(load_gold(text, gold_path, entities_of_records(RECORDS)),
                        Predicted.read(data, review))  # fmt: skip
    assert (score.events.tp, score.events.fp, score.events.fn) == (1, 0, 1)
    assert "missed event [ceremony arrival] 2020-01-05" in score.errors
    assert score.attendance.tp == 1


def test_an_unnamed_event_misdated_is_found_by_its_evidence(tmp_path: Path) -> None:
    banquet = "In the evening of the next day Kim Yong Nam hosted a banquet in their honour, and"
    arrival = "Kim Yong Nam greeted the guests at the airport on 5 January 2020."
    data, review, gold_path = _visit(
        tmp_path,
        # the banquet dated wrongly is still the banquet: it was drafted from its sentence;
        # an undated ceremony drafted from no sentence of the gold matches neither
        [_ceremony("banquet-5", "2020-01-05", banquet), _ceremony("other", None, "Elsewhere."),
         _ceremony("arrival", "2020-01-04", arrival)],
        _attends("banquet-5", "kim-yong-nam") + _attends("other", "kim-yong-nam"),
    )  # fmt: skip
    text = gold_path.with_name("article.txt")
    score = score_facts(load_gold(text, gold_path, entities_of_records(RECORDS)),
                        Predicted.read(data, review))  # fmt: skip
    assert (score.events.tp, score.events.fp, score.events.fn) == (2, 1, 0)
    assert score.events_dated.tp == 0
    assert "event [ceremony banquet]: date 2020-01-06..None expected, got 2020-01-05..None" in (
        score.errors
    )
    assert (score.attendance.tp, score.attendance.fp, score.attendance.fn) == (1, 1, 2)


def test_totals_add_up(scored) -> None:
    both = total([scored, scored])
    assert (both.holdings.tp, both.holdings.fp, both.holdings.fn) == (8, 8, 8)
    assert (both.holding_dates.right, both.holding_dates.total) == (6, 8)
    assert both.as_dict()["holdings"] == {
        "right": 8, "predicted": 16, "gold": 16, "precision": 0.5, "recall": 0.5,
    }  # fmt: skip
    assert len(both.errors) == 2 * len(scored.errors)


def test_nothing_predicted_scores_zero_recall_and_full_precision(tmp_path: Path) -> None:
    review = {**REVIEW, "drafts": []}
    data, review_path, text, gold_path = _setup(tmp_path, GOLD, review)
    gold = load_gold(text, gold_path, entities_of_records(RECORDS))
    score = score_facts(gold, Predicted.read(data, review_path))
    assert (score.holdings.tp, score.holdings.fp, score.holdings.fn) == (0, 0, 8)
    assert score.holdings.recall == 0.0 and score.holdings.precision == 1.0
    assert (score.events.tp, score.attendance.fn) == (0, 4)


def test_a_duplicate_prediction_is_an_extra(tmp_path: Path) -> None:
    review = {**REVIEW, "drafts": [*REVIEW["drafts"], _membership(
        "m1-again", "kim-jong-un", "wpk", "chairman", as_of="2019-12-31")]}  # fmt: skip
    data, review_path, text, gold_path = _setup(tmp_path, GOLD, review)
    gold = load_gold(text, gold_path, entities_of_records(RECORDS))
    score = score_facts(gold, Predicted.read(data, review_path))
    assert (score.holdings.tp, score.holdings.fp) == (4, 5)


def test_posts_and_new_people(tmp_path: Path) -> None:
    """A post the gold gives must be predicted (by id, by a name, or a post without names in
    the same organ and role); a person the gold marks new matches drafts only."""
    gold = {
        "options": {"date": "2020-01-06"},
        "holdings": [
            {"person": "pak-pong-ju", "organ": "cabinet", "role": "chairman", "post": "premier",
             "status": "confirmed", "evidence": "premier"},
            {"person": "Kim Jae Ryong", "organ": "cabinet", "role": "chairman", "post": "premier",
             "status": "confirmed", "evidence": "Kim Jae Ryong"},
            {"person": {"name": "Ri Yong Ho", "new": True}, "organ": "wpk-pb", "role": "member",
             "status": "confirmed", "evidence": "Ri Yong Ho"},
            {"person": "Kim P'yo'ng-hae", "organ": ["Cadres Department"], "role": "director",
             "status": "confirmed", "evidence": "Kim Jae Ryong"},
        ],
    }  # fmt: skip
    review = {
        "kwpld-review": 1,
        "drafts": [
            # no post: wrong, though person, organ and role match
            _membership("a", "pak-pong-ju", "cabinet", "chairman"),
            # a post without names, in the cabinet as its chairman: right
            _draft("post", {"id": "head-of-cabinet", "organ": "cabinet", "role": "chairman"}),
            _draft("person", {"id": "kim-jae-ryong",
                              "names": [{"text": "Kim Jae Ryong", "system": "en"}]}),
            _membership("b", "kim-jae-ryong", "cabinet", "chairman", post="head-of-cabinet"),
            # the record of the foreign minister is not a new Ri Yong Ho
            _membership("c", "ri-yong-ho-fm", "wpk-pb", "member"),
            # the MR spelling matches the draft's name by match key; the organ is the
            # records' Cadres Department, one of whose names the gold gives
            _draft("person", {"id": "kim-phyong-hae",
                              "names": [{"text": "Kim Phyong Hae", "system": "en"}]}),
            _membership("d", "kim-phyong-hae", "wpk-cadres", "director"),
        ],
    }  # fmt: skip
    data, review_path, text, gold_path = _setup(tmp_path, gold, review)
    score = score_facts(
        load_gold(text, gold_path, entities_of_records(RECORDS)),
        Predicted.read(data, review_path),
    )
    assert (score.holdings.tp, score.holdings.fp, score.holdings.fn) == (2, 2, 2)
    errors = "\n".join(score.errors)
    assert "missed holding pak-pong-ju chairman of cabinet (premier)" in errors
    assert "missed holding Ri Yong Ho member of wpk-pb" in errors


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"holdings": [{"person": "Choe Ryong Hae", "organ": "wpk", "role": "member",
                        "status": "confirmed", "evidence": "guided"}]},
         "is a name of the record choe-ryong-hae"),
        ({"holdings": [{"person": "kim-jong-un", "organ": "kim-jong-un", "role": "member",
                        "status": "confirmed", "evidence": "guided"}]},
         "kim-jong-un is a record of kind person, not organ"),
        ({"holdings": [{"person": "kim-jong-un", "organ": "wpk", "role": "premier",
                        "status": "confirmed", "evidence": "guided"}]},
         "role 'premier' is not in the vocabulary"),
        ({"holdings": [{"person": "kim-jong-un", "organ": "wpk", "role": "member",
                        "status": "certain", "evidence": "guided"}]}, "status 'certain'"),
        ({"holdings": [{"person": "kim-jong-un", "organ": "wpk", "role": "member",
                        "status": "confirmed", "evidence": "was elected General Secretary"}]},
         "is not in article.txt"),
        ({"holdings": [{"person": "kim-jong-un", "organ": "wpk", "role": "member",
                        "start": "31 February 2019", "status": "confirmed",
                        "evidence": "guided"}]}, "date '31 February 2019'"),
        ({"attendance": [{"event": "congress", "person": "kim-jong-un", "role": "attended",
                          "evidence": "guided"}]}, "event 'congress' is no event key"),
        ({"attendance": [{"event": "plenum", "person": "kim-jong-un", "role": "hosted",
                          "evidence": "guided"}]}, "role 'hosted'"),
        ({"events": [{"key": "x", "type": "party", "evidence": "guided"}]},
         "type 'party' is not an event type"),
    ],
)  # fmt: skip
def test_invalid_gold_is_refused_with_file_item_and_problem(
    tmp_path: Path, change: dict, message: str
) -> None:
    gold = {**GOLD, **change}
    _, _, text, gold_path = _setup(tmp_path, gold, REVIEW)
    with pytest.raises(InputError) as caught:
        load_gold(text, gold_path, entities_of_records(RECORDS))
    assert str(gold_path) in str(caught.value) and message in str(caught.value)


# -- the labelled set itself -----------------------------------------------------------------


def test_the_records_folder_loads() -> None:
    counts = load_records(RECORDS).counts()
    assert counts["person"] >= 15 and counts["organ"] >= 30 and counts["post"] == 5


_SET_SIZES = {
    "dev": (20, 200, 50, 30),
    "heldout": (10, 80, 20, 12),
    "blind": (16, 150, 50, 30),
    "blind2": (20, 250, 100, 40),
    "blind3": (20, 350, 150, 55),
    "blind4": (20, 280, 120, 75),
    "blind5": (20, 300, 160, 65),
    "blind6": (20, 316, 192, 82),
    "blind7": (20, 336, 188, 77),
    "blind8": (20, 357, 232, 87),
    "blind9": (20, 277, 213, 78),
    "blind10": (20, 309, 218, 75),
    "blind11": (20, 319, 274, 80),
    "blind12": (20, 344, 204, 77),
    "blind13": (20, 319, 215, 110),
}
"""Least texts, holdings, attendance and events of each labelled set."""


@pytest.mark.parametrize("part", sorted(_SET_SIZES))
def test_every_gold_file_is_valid_and_the_set_is_large_enough(part: str) -> None:
    golds = gold_files(FACTS / part, RECORDS)
    texts, least_holdings, least_attendance, least_events = _SET_SIZES[part]
    assert len(golds) >= texts
    assert {g.text.suffix for g in golds} == {".txt", ".md", ".html"}
    holdings = sum(len(g.holdings) for g in golds)
    attendance = sum(len(g.attendance) for g in golds)
    events = sum(len(g.events) for g in golds)
    assert holdings >= least_holdings, holdings
    assert attendance >= least_attendance, attendance
    assert events >= least_events, events


def test_a_text_is_scored_through_a_real_ingest() -> None:
    """evaluate_text ingests into a copy of the records (never into records/ itself) and
    accounts for every gold fact, whatever the extractor finds."""
    before = sorted(p.name for p in RECORDS.iterdir())
    gold = next(g for g in gold_files(FACTS / "dev", RECORDS) if g.name.startswith("d02"))
    score = evaluate_text(gold, RECORDS)
    assert sorted(p.name for p in RECORDS.iterdir()) == before
    assert score.holdings.tp + score.holdings.fn == len(gold.holdings) == 5
    assert score.attendance.tp + score.attendance.fn == len(gold.attendance) == 1
    assert score.events.tp + score.events.fn == len(gold.events) == 2


# -- identity across articles ------------------------------------------------------------------


def test_identity_counts_duplicates_false_merges_flags_and_misses() -> None:
    people = {
        "o-su-yong": None,
        "ri-yong-ho-fm": "ri-yong-ho-fm",
        "ri-yong-ho-kpa": "ri-yong-ho-kpa",
        "ri-yong-ho-third": None,
        "kim-jong-su-a": None,
        "kim-jong-su-b": None,
        "kim-phyong-hae": None,
        "pak-thae-dok": None,
    }
    mentions = [
        ("O Su Yong", "o-su-yong", "o-su-yong"),
        ("O Su-yo'ng", "o-su-yong", "o-su-yong-2"),  # duplicate
        ("Ri Yong Ho", "ri-yong-ho-fm", "ri-yong-ho-fm"),
        ("Ri Yong Ho", "ri-yong-ho-third", "ri-yong-ho-fm"),  # false merge with a record
        ("Ri Yong Ho", "ri-yong-ho-kpa", "ri-yong-ho-2"),  # duplicate of a record
        ("Kim Jong Su", "kim-jong-su-a", "kim-jong-su"),
        ("Kim Jong Su", "kim-jong-su-b", "kim-jong-su"),  # false merge of two drafts' people
        ("Kim Phyong Hae", "kim-phyong-hae", ("kim-phyong-hae", "kim-pyong-hae")),  # flagged
        ("Pak", "pak-thae-dok", None),  # unread
        ("Pak Thae Dok", "pak-thae-dok", "kim-jong-un"),  # merged with a record of the folder
    ]
    mentions += [
        ("Ri Yong Ho", "ri-yong-ho-kpa", ("ri-yong-ho-fm", "ri-yong-ho-kpa")),  # flagged, right
        ("Jang", "nobody", None),  # a bare name nobody was named with: not reading it is right
    ]
    score = identity_counts(
        "case",
        {**people, "nobody": None},
        mentions,
        ["ri-yong-ho-fm", "ri-yong-ho-kpa", "kim-jong-un"],
        nobody=["nobody"],
    )
    assert (score.mentions, score.unread, score.flagged, score.flagged_wrong) == (12, 1, 2, 1)
    assert score.people == 8
    assert score.duplicates == 2
    assert score.false_merges == 3
    errors = "\n".join(score.errors)
    assert "duplicate: o-su-yong is o-su-yong, o-su-yong-2" in errors
    assert "duplicate: ri-yong-ho-kpa is ri-yong-ho-2, ri-yong-ho-kpa" in errors
    assert "false merge: ri-yong-ho-fm is ri-yong-ho-fm, ri-yong-ho-third" in errors
    assert "false merge: kim-jong-su is kim-jong-su-a, kim-jong-su-b" in errors
    assert "false merge: kim-jong-un is pak-thae-dok, record:kim-jong-un" in errors
    assert "kim-phyong-hae, kim-pyong-hae (not among them)" in errors


def test_identity_all_right() -> None:
    score = identity_counts(
        "ok", {"a": None, "b": "kim-jong-un"}, [("A", "a", "a-1"), ("A.", "a", "a-1"),
                                                 ("B", "b", "kim-jong-un")], ["kim-jong-un"]
    )  # fmt: skip
    assert (score.duplicates, score.false_merges, score.flagged, score.unread) == (0, 0, 0, 0)


def test_a_sequence_is_ingested_in_order_with_accepts_between(tmp_path: Path) -> None:
    """Two articles naming one new person: the draft of the first, accepted, is the record
    the second names (kwpld ingest recognizes records by their names)."""
    (tmp_path / "seq").mkdir()
    (tmp_path / "seq" / "1.txt").write_text(
        "Ri Man Gon was elected a member of the Political Bureau on 9 May 2016.\n"
    )
    (tmp_path / "seq" / "2.txt").write_text(
        "Ri Man Gon, director of the Organization and Guidance Department, spoke on 10 "
        "April 2019.\n"
    )
    sequence = tmp_path / "seq" / "sequence.yaml"
    sequence.write_text(
        yaml.safe_dump(
            {
                "records": str(RECORDS),
                "people": {"ri-man-gon": {}},
                "steps": [
                    {"text": "1.txt", "options": {"date": "2016-05-10"}, "accept": "all",
                     "mentions": [{"text": "Ri Man Gon", "person": "ri-man-gon"}]},
                    {"text": "2.txt", "options": {"date": "2019-04-10"},
                     "mentions": [{"text": "Ri Man Gon", "person": "ri-man-gon"}]},
                ],
            }
        )
    )  # fmt: skip
    score = evaluate_sequence(sequence)
    assert (score.mentions, score.unread, score.flagged) == (2, 0, 0)
    assert (score.duplicates, score.false_merges) == (0, 0), score.errors


def test_every_identity_sequence_is_valid() -> None:
    sequences = [load_sequence(p) for p in sorted(IDENTITY.glob("*/sequence.yaml"))]
    assert len(sequences) >= 7
    mentions = [m for s in sequences for step in s.steps for m in step.mentions]
    assert len(mentions) >= 60
    # the hard cases are there: spellings of one person, namesakes, a name for nobody
    names = {m.text for m in mentions}
    assert {"O Su-yo'ng", "Kim P'yo'ng-hae", "Park Jong-chon", "Kim Jong-kwan"} <= names
    assert any(m.nobody for m in mentions)
    ri = next(s for s in sequences if s.name == "ri-yong-ho")
    ris = {m.person for step in ri.steps for m in step.mentions if m.text.startswith("Ri Yong")}
    assert ris == {"ri-yong-ho-kpa", "ri-yong-ho-fm", "ri-yong-ho-province"}


def test_a_sequence_mention_not_in_its_text_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "1.txt").write_text("Ri Man Gon spoke.\n")
    sequence = tmp_path / "s" / "sequence.yaml"
    sequence.write_text(
        yaml.safe_dump(
            {
                "people": {"x": {}},
                "steps": [{"text": "1.txt", "mentions": [{"text": "Pak Pong Ju", "person": "x"}]}],
            }
        )
    )
    with pytest.raises(InputError, match="'Pak Pong Ju' not found"):
        evaluate_sequence(sequence)


def test_a_cold_start_matches_drafts_by_the_records_names(tmp_path: Path) -> None:
    """Read into an empty folder (``--cold``), the gold's record ids match drafts that carry one
    of the record's names, and a post the folder lacks is the role in the organ; a record the
    folder has still matches only itself."""
    gold = {
        "options": {"date": "2020-01-06"},
        "holdings": [
            {"person": "pak-pong-ju", "organ": "cabinet", "role": "chairman", "post": "premier",
             "status": "confirmed", "evidence": "premier"},
        ],
    }  # fmt: skip
    draft_person = _draft(
        "person", {"id": "pak-pong-ju-2", "names": [{"text": "Pak Pong Ju", "system": "en"}]}
    )
    draft_organ = _draft(
        "organ",
        {
            "id": "the-cabinet",
            "kind": "state-organ",
            "names": [{"text": "Cabinet", "system": "en"}],
        },
    )
    review = {
        "kwpld-review": 1,
        "drafts": [
            draft_person,
            draft_organ,
            _membership("a", "pak-pong-ju-2", "the-cabinet", "chairman"),
        ],
    }
    data, review_path, text, gold_path = _setup(tmp_path, gold, review)
    records = entities_of_records(RECORDS)
    # warm: the folder has pak-pong-ju and the premier's post, so the draft is a duplicate
    warm = score_facts(load_gold(text, gold_path, records), Predicted.read(data, review_path))
    assert (warm.holdings.tp, warm.holdings.fp) == (0, 1)
    # cold: the same review file, in a folder with none of the records
    for name in ("people.yaml", "organs.yaml", "posts.yaml"):
        (data / name).unlink()
    cold = score_facts(load_gold(text, gold_path, records), Predicted.read(data, review_path))
    assert (cold.holdings.tp, cold.holdings.fp, cold.holdings.fn) == (1, 0, 0)


def test_evaluate_text_cold_reads_into_an_empty_folder(tmp_path: Path) -> None:
    """``evaluate_text(..., cold=True)`` ingests into a folder with only the kwpld.yaml: the
    Premier is drafted with a post named as printed, and scores as the record would."""
    text = tmp_path / "kcna-2019-04-11.txt"
    text.write_text(
        "Pyongyang, April 11 (KCNA) -- Pak Pong Ju was appointed Premier of the Cabinet at the "
        "session of the Supreme People's Assembly held on 11 April 2019.\n",
        encoding="utf-8",
    )
    gold_path = tmp_path / "kcna-2019-04-11.gold.yaml"
    gold_path.write_text(yaml.safe_dump({
        "options": {"date": "2019-04-11"},
        "holdings": [{"person": "pak-pong-ju", "organ": "cabinet", "role": "chairman",
                      "post": "premier", "start": "2019-04-11", "status": "confirmed",
                      "type": "appointed", "evidence": "was appointed Premier"}],
    }), encoding="utf-8")  # fmt: skip
    gold = load_gold(text, gold_path, entities_of_records(RECORDS))
    for cold in (False, True):
        score = evaluate_text(gold, RECORDS, cold=cold)
        assert (score.holdings.tp, score.holdings.fp, score.holdings.fn) == (1, 0, 0), (
            cold,
            score.errors,
        )
