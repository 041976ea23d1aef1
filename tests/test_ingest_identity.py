"""One person, one record, across articles (issue 15, item 4): later spellings merge with the
record or pending draft they are, by match key and context, and say why; namesakes are never
merged on a name alone; a family name alone stands only for someone the article named in full.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from kwpld.evaluate.facts import evaluate_sequence
from kwpld.identity import Cue, OrganView, decide
from kwpld.ingest import IngestOptions, ingest
from kwpld.review import accept

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
RECORDS = FIXTURES / "facts" / "records"
IDENTITY = FIXTURES / "identity"


# -- helpers -------------------------------------------------------------------------------


def _folder(tmp_path: Path, records: bool = True) -> Path:
    data = tmp_path / "data"
    if records:
        shutil.copytree(RECORDS, data)
    else:
        data.mkdir()
    return data


def _ingest(data: Path, name: str, text: str, date: str, kind: str = "news") -> dict[str, Any]:
    """Ingest one text; its review file, and who each person mention of its body (after the
    headline) was given."""
    path = data.parent / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    ingest([path], data, options=IngestOptions(date=date, article_type=kind))
    review: dict[str, Any] = yaml.safe_load(
        (data / "articles" / f"{name}.review.yaml").read_text("utf-8")
    )
    annotations = json.loads(
        (data / "articles" / f"{name}.annotations.jsonld").read_text(encoding="utf-8")
    )
    people: list[tuple[str, Any]] = []
    body_start = text.index("\n\n")
    for item in annotations["first"]["items"]:
        if item["motivation"] != "identifying":
            continue
        if item["target"]["selector"][0]["start"] < body_start:
            continue
        body = item["body"]
        exact = item["target"]["selector"][1]["exact"]
        if isinstance(body, dict) and body.get("type") == "Choice":
            ids = tuple(sorted(i.rsplit("/", 1)[-1] for i in body["items"] if "/person/" in i))
            if ids:
                people.append((exact, ids))
        elif "/person/" in body:
            people.append((exact, body.rsplit("/", 1)[-1]))
    review["people"] = people
    return review


def _who(review: dict[str, Any], text: str) -> list[Any]:
    return [got for exact, got in review["people"] if exact == text]


def _drafts(review: dict[str, Any], kind: str = "person") -> dict[str, dict[str, Any]]:
    return {d["id"]: d for d in review["drafts"] if d["kind"] == kind}


def _identity(review: dict[str, Any], name: str) -> dict[str, Any]:
    entries: list[dict[str, Any]] = [e for e in review.get("identity") or [] if e["name"] == name]
    assert entries, f"no identity decision for {name!r}: {review.get('identity')}"
    return entries[0]


def _accept_all(data: Path) -> None:
    accept(data, every=True, kinds=("person",))


# -- later spellings merge, and say why ----------------------------------------------------


def test_mr_with_apostrophes_after_kcna_spelling_is_the_same_record(tmp_path: Path) -> None:
    data = _folder(tmp_path)
    _ingest(
        data,
        "kcna-2016-05-10",
        "Plenary Meeting Held\n\nPyongyang, May 10 (KCNA) -- O Su Yong and Ri Man Gon were elected "
        "vice-chairmen of the WPK Central Committee on 9 May 2016.\n",
        "2016-05-10",
    )
    accept(data, every=True)
    review = _ingest(
        data,
        "nklw-2017-03-02",
        "O Su-yo'ng Inspects Power Stations\n\nNK Leadership Watch, 2 March 2017\n\n"
        "O Su-yo'ng, a KWP Vice-Chairman, inspected power stations in late February. "
        "O has supervised the energy sector since 2016.\n",
        "2017-03-02",
        "analysis",
    )
    assert "o-su-yong" not in _drafts(review) and "o-su-yong-2" not in _drafts(review)
    assert _who(review, "O Su-yo'ng") == ["o-su-yong"]
    assert _who(review, "O") == ["o-su-yong"]  # "O has supervised": the family name alone
    decision = _identity(review, "O Su-yo'ng")
    assert decision["decision"] == "same" and decision["id"] == "o-su-yong"
    assert decision["why"].startswith("same person as o-su-yong: same match key, both vice")


def test_a_pending_draft_is_recognized_in_another_spelling(tmp_path: Path) -> None:
    data = _folder(tmp_path)
    first = _ingest(
        data,
        "nklw-2015-06-20",
        "Kim P'yo'ng-hae at the Cadres Conference\n\nNK Leadership Watch, 20 June 2015\n\n"
        "Kim P'yo'ng-hae, KWP Secretary and Director of the Cadres Department, spoke at a "
        "conference of cadres on 18 June.\n",
        "2015-06-20",
        "analysis",
    )
    assert "kim-pyong-hae" in _drafts(first)  # left pending: not accepted
    second = _ingest(
        data,
        "kcna-2016-05-10",
        "Members Elected\n\nPyongyang, May 10 (KCNA) -- Elected members of the Political Bureau "
        "included Choe Ryong Hae and Kim Phyong Hae.\n",
        "2016-05-10",
    )
    assert not {"kim-phyong-hae", "kim-pyong-hae-2"} & set(_drafts(second))
    assert _who(second, "Kim Phyong Hae") == ["kim-pyong-hae"]
    assert _identity(second, "Kim Phyong Hae")["why"].startswith(
        "same person as kim-pyong-hae: same match key"
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Pak Jong Chon", "Park Jong-chon"),
        ("Pak Jong-chon", "Park Jong-chon"),
        ("Kim Jong Gwan", "Kim Jong-kwan"),
        ("Kim Jong-gwan", "Kim Cho'ng-kwan"),
    ],
)
def test_romanizations_of_one_name_are_one_person(tmp_path: Path, first: str, second: str) -> None:
    data = _folder(tmp_path, records=False)
    one = _ingest(
        data,
        "kcna-2020-10-08",
        f"Title Conferred\n\nPyongyang, October 8 (KCNA) -- {first}, chief of the General Staff "
        f"of the KPA, was promoted. Kim Jong Un congratulated {first}.\n",
        "2020-10-08",
    )
    (person,) = [i for i in _drafts(one) if i.split("-")[0] in ("pak", "kim") and "un" not in i]
    _accept_all(data)
    two = _ingest(
        data,
        "yonhap-2021-09-30",
        f"Promotion\n\nSEOUL, Sept. 30 (Yonhap) -- North Korea has promoted {second}, a former "
        f"army chief of staff, to the presidium of the Politburo, state media said Thursday. "
        f"{second.split()[0]} is seen as the top military official.\n",
        "2021-09-30",
    )
    assert person not in _drafts(two) and not [i for i in _drafts(two) if i.startswith(person)]
    assert _who(two, second) == [person]
    assert _who(two, second.split()[0]) == [person]  # "Park is seen ...": the family name
    assert _identity(two, second)["decision"] == "same"


# -- namesakes are never merged on a name alone -----------------------------------------------


def test_namesakes_are_told_apart_by_their_posts(tmp_path: Path) -> None:
    """The facts records hold two Ri Yong Hos, told apart by their descriptions."""
    data = _folder(tmp_path)
    general = _ingest(
        data,
        "kcna-2010-10-10",
        "Military Parade\n\nPyongyang, October 10 (KCNA) -- Ri Yong Ho, chief of the General "
        "Staff of the Korean People's Army, made a speech at the parade.\n",
        "2010-10-10",
    )
    assert _who(general, "Ri Yong Ho") == ["ri-yong-ho-kpa"]
    decision = _identity(general, "Ri Yong Ho")
    assert decision["why"].startswith(
        "same person as ri-yong-ho-kpa: same match key, both Chief of the General Staff"
    )
    verdicts = {c["id"]: c["verdict"] for c in decision["candidates"]}
    assert verdicts == {"ri-yong-ho-kpa": "agrees", "ri-yong-ho-fm": "contradicts"}
    minister = _ingest(
        data,
        "yonhap-2019-02-28",
        "FM in Hanoi\n\nHANOI, Feb. 28 (Yonhap) -- North Korean Foreign Minister Ri Yong-ho held "
        "a news conference. Ri was flanked by officials.\n",
        "2019-02-28",
    )
    assert _who(minister, "Ri Yong-ho") == ["ri-yong-ho-fm"]
    assert _who(minister, "Ri") == ["ri-yong-ho-fm"]
    assert "both Minister of Foreign Affairs" in _identity(minister, "Ri Yong-ho")["why"]


def test_a_namesake_in_another_sector_is_a_new_person_with_a_warning(tmp_path: Path) -> None:
    data = _folder(tmp_path, records=False)
    _ingest(
        data,
        "kcna-2015-04-07",
        "Minister Visits Hospital\n\nPyongyang, April 7 (KCNA) -- Kim Jong Su, minister of Public "
        "Health, visited the Pyongyang Maternity Hospital.\n",
        "2015-04-07",
    )
    accept(data, every=True)
    review = _ingest(
        data,
        "kcna-2017-04-26",
        "Report Meeting\n\nPyongyang, April 26 (KCNA) -- A report meeting was held on 24 April. "
        "Kim Jong Su, colonel general and deputy director of the General Political Bureau of the "
        "KPA, made a report at the meeting.\n",
        "2017-04-26",
    )
    drafts = _drafts(review)
    assert "kim-jong-su-2" not in drafts  # never a silent -2
    (new,) = [i for i in drafts if i.startswith("kim-jong-su-")]
    assert _who(review, "Kim Jong Su") == [new]
    identity = drafts[new]["identity"]
    assert identity["decision"] == "new" and "a namesake of kim-jong-su" in identity["why"]
    assert identity["candidates"] == [
        {
            "id": "kim-jong-su",
            "verdict": "contradicts",
            "context": [identity["candidates"][0]["context"][0]],
        }
    ]
    assert "Public Health" in identity["candidates"][0]["context"][0]
    (warning,) = [p for p in review["problems"] if p["code"] == "namesake"]
    assert warning["candidates"] == ["kim-jong-su"] and new in warning["message"]
    _accept_all(data)
    again = _ingest(
        data,
        "nknews-2019-12-03",
        "Health Minister Tours Hospitals\n\nNK News, December 3, 2019\n\nMinister of Public Health "
        "Kim Jong Su toured hospitals this week. Kim, a physician, has led the ministry since "
        "2014.\n",
        "2019-12-03",
    )
    assert _who(again, "Kim Jong Su") == ["kim-jong-su"] and _who(again, "Kim") == ["kim-jong-su"]
    assert "(not " + new + ")" in _identity(again, "Kim Jong Su")["why"]


def test_what_a_person_did_is_no_office_to_contradict_their_record(tmp_path: Path) -> None:
    data = _folder(tmp_path)
    (data / "memberships.yaml").write_text(
        "kwpld: 1\nmemberships:\n  - {id: kim-tok-hun.premier, person: kim-tok-hun, organ: "
        "cabinet, role: chairman, post: premier, start: 2020-08-13, status: confirmed}\n",
        encoding="utf-8",
    )
    review = _ingest(
        data,
        "kcna-2021-06-01",
        "Farm Visit\n\nPyongyang, June 1 (KCNA) -- Kim Tok Hun, who toured a county farm in "
        "South Phyongan Province, praised the farmers.\n",
        "2021-06-01",
    )
    assert _who(review, "Kim Tok Hun") == ["kim-tok-hun"]
    assert not [i for i in _drafts(review) if i.startswith("kim-tok-hun")]


def test_several_plausible_namesakes_are_shown_not_chosen(tmp_path: Path) -> None:
    data = _folder(tmp_path)
    review = _ingest(
        data,
        "kcna-2014-05-11",
        "Meeting Closes\n\nPyongyang, May 11 (KCNA) -- Ri Yong Ho attended the closing of the "
        "meeting.\n",
        "2014-05-11",  # neither is known in office then: nothing tells them apart
    )
    assert _who(review, "Ri Yong Ho") == [("ri-yong-ho-fm", "ri-yong-ho-kpa")]
    assert not [i for i in _drafts(review) if i.startswith("ri-yong-ho")]  # nothing to draft
    decision = _identity(review, "Ri Yong Ho")
    assert decision["decision"] == "ambiguous"
    contexts = {c["id"]: c.get("context") for c in decision["candidates"]}
    assert set(contexts) == {"ri-yong-ho-fm", "ri-yong-ho-kpa"}
    assert all(contexts.values())  # what tells them apart is listed for each
    (problem,) = [p for p in review["problems"] if p["code"] == "ambiguous-mention"]
    assert problem["candidates"] == ["ri-yong-ho-fm", "ri-yong-ho-kpa"]


def test_the_namesake_in_office_at_the_time_and_two_namesakes_in_one_article(
    tmp_path: Path,
) -> None:
    data = _folder(tmp_path)
    review = _ingest(
        data,
        "nknews-2020-01-18",
        "New Foreign Minister\n\nNK News, January 18, 2020\n\nRi Son Gwon replaces Ri Yong Ho, "
        "who had served as foreign minister since 2016. There was no word on Ri Yong Ho's next "
        "post. The foreign minister should not be confused with former KPA Chief of General Staff "
        "Ri Yong Ho, who was removed from that post in 2012.\n",
        "2020-01-18",
    )
    assert _who(review, "Ri Yong Ho") == ["ri-yong-ho-fm", "ri-yong-ho-fm", "ri-yong-ho-kpa"]
    plain = _ingest(
        data,
        "kcna-2012-07-16",
        "Meeting\n\nPyongyang, July 16 (KCNA) -- The meeting relieved Ri Yong Ho of all his "
        "posts including member of the Presidium of the Political Bureau.\n",
        "2012-07-16",
    )
    assert _who(plain, "Ri Yong Ho") == ["ri-yong-ho-kpa"]
    decision = _identity(plain, "Ri Yong Ho")
    assert decision["why"].startswith(
        "same person as ri-yong-ho-kpa: same match key, the only one known in office at the time"
    )
    assert "2009 to 2012-07" in decision["why"]


def test_an_ambiguous_person_with_a_fact_is_a_draft_among_the_choices(tmp_path: Path) -> None:
    data = _folder(tmp_path)
    review = _ingest(
        data,
        "kcna-2014-05-10",
        "Plenum\n\nPyongyang, May 10 (KCNA) -- Ri Yong Ho was elected a member of the Political "
        "Bureau of the WPK Central Committee on 9 May 2014.\n",
        "2014-05-10",
    )
    (choice,) = _who(review, "Ri Yong Ho")
    assert isinstance(choice, tuple) and {"ri-yong-ho-fm", "ri-yong-ho-kpa"} < set(choice)
    (draft,) = set(choice) - {"ri-yong-ho-fm", "ri-yong-ho-kpa"}
    assert _drafts(review)[draft]["identity"]["decision"] == "ambiguous"
    assert any(m["record"]["person"] == draft for m in _drafts(review, "membership").values())


# -- a family name alone ---------------------------------------------------------------------


def test_a_family_name_alone_is_only_someone_named_in_full_before(tmp_path: Path) -> None:
    data = _folder(tmp_path)
    review = _ingest(
        data,
        "yonhap-2020-03-01",
        "Two Sacked\n\nSEOUL, March 1 (Yonhap) -- North Korea has dismissed Ri Man-gon and Pak "
        "Thae-dok for corruption. Pak had overseen agriculture, and Ri personnel. Premier Kim "
        "Jae-ryong and Pak Pong-ju attended. Pak then spoke.\n",
        "2020-03-01",
    )
    pak = _who(review, "Pak")
    assert pak[0] == "pak-thae-dok"  # Pak Pong-ju is named after it
    assert pak[1] == ("pak-pong-ju", "pak-thae-dok")  # both named before: the review decides
    assert _who(review, "Ri") == ["ri-man-gon"]
    nobody = _ingest(
        data,
        "nklw-2014-03-10",
        "The Fall of the Jang Network\n\nNK Leadership Watch, 10 March 2014\n\nOfficials linked "
        "to Jang continue to disappear. Jang's deputies have not been seen.\n",
        "2014-03-10",
        "analysis",
    )
    assert _who(nobody, "Jang") == []  # Jang Song Thaek is a record, but not named here


def test_an_english_word_at_a_sentence_start_is_no_family_name(tmp_path: Path) -> None:
    data = _folder(tmp_path, records=False)
    review = _ingest(
        data,
        "kcna-2019-01-01",
        "Visit\n\nPyongyang, January 1 (KCNA) -- So Hong Chan visited the factory. So the "
        "workers greeted him. So praised them.\n",
        "2019-01-01",
    )
    assert _who(review, "So") == ["so-hong-chan"]  # "So praised", not "So the workers"


# -- the pure decision ------------------------------------------------------------------------


def _organ(ref: str, sector: str | None) -> OrganView:
    return OrganView(ref, frozenset({ref}), ref, sector, False)


def test_decide_rules() -> None:
    health = Cue("minister of Public Health", "x", _organ("moph", "cabinet"), "minister", "cabinet")
    army = Cue("deputy director", "x", _organ("kpa-gpb", "military"), "vice-director", "military")
    politburo = Cue("member of the PB", "x", _organ("wpk-pb", None), "member", None)
    same = decide("Kim Jong Su", [health], {"a": [health], "b": [army]})
    assert (same.decision, same.id) == ("same", "a") and "both" in same.why
    new = decide("Kim Jong Su", [army], {"a": [health]})
    assert new.decision == "new" and new.verdicts[0].verdict == "contradicts"
    neutral = decide("Kim Jong Su", [politburo], {"a": [health]})
    assert (neutral.decision, neutral.id) == ("same", "a")  # a PB seat contradicts nothing
    alone = decide("Kim Jong Su", [], {"a": [health], "b": [army]})
    assert alone.decision == "ambiguous"
    spelled = decide("Ri Yŏng-ho", [], {"a": [health], "b": [army]}, written={"b"})
    assert (spelled.decision, spelled.id) == ("same", "b")
    general = Cue("general", "x", None, None, "military")
    sector = decide("Kim Jong Su", [general], {"a": [], "b": [army]})
    assert (sector.decision, sector.id) == ("same", "b") and "same sector" in sector.why
    nothing = decide("O Su-yo'ng", [], {"a": []})
    assert (nothing.decision, nothing.id) == ("same", "a")


# -- measured on the labelled sequences --------------------------------------------------------


@pytest.mark.parametrize("sequence", ["ri-yong-ho", "kim-jong-su", "bare-family-names"])
def test_labelled_sequences_have_no_false_merges_or_duplicates(sequence: str) -> None:
    score = evaluate_sequence(IDENTITY / sequence / "sequence.yaml")
    assert (score.false_merges, score.duplicates, score.flagged_wrong, score.unread) == (0, 0, 0, 0)
