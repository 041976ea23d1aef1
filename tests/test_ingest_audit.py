"""Issue 15, items 2 (text understanding) and 3 (organs), as a new user meets them: short
articles written the way KCNA, wire services and analysts write, ingested into an empty folder
with ``kwpld.ingest.ingest`` (all in one run, as a curator ingests a day's reading), and the
drafts of the review files checked."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from kwpld.dates import parse_date
from kwpld.ingest import IngestOptions, Known, ingest, read_text
from kwpld.review import DraftItem, list_drafts
from kwpld.sources import read_text_source

ARTICLES = {
    # A KCNA report saved as plain text, one line per part: headline, dateline, paragraphs and
    # a "Source:" line with the page's address.
    "kcna-plenum.txt": (
        "Plenum of WPK Central Committee Held\n"
        "Pyongyang, February 28 (KCNA) -- The 7th Plenary Meeting of the 8th Central Committee "
        "of the Workers' Party of Korea was held from 26 to 28 February, Juche 112 (2023).\n"
        "Kim Jong Un, general secretary of the KWP, guided the meeting.\n"
        "Pak Pong-chu was relieved as Premier of the Cabinet. Kim Tok-hun was appointed Premier.\n"
        "Kim Jong Un visited the Kim Cho'ng-suk Textile Mill on Tuesday, accompanied by Jo Yong "
        "Won and Hyon Song Wol.\n"
        "Source: http://kcna.kp/en/article/kim-jong-un-guides-plenum-ri-pyong-chol\n"
    ),
    # An analyst's note with Juche years in McCune-Reischauer and a name that looks like a date.
    "analyst-juche.txt": (
        "Ch'oe Ryong-hae was elected a member of the Presidium of the Political Bureau in "
        "Chuch'e 106 [2017]. Pak Pong-chu became a member of the Political Bureau in Chuch’e "
        "107 (2018), and Ri Il-hwan was appointed director of the Propaganda and Agitation "
        "Department in Juche 106 [2017].\n\n"
        "The 2 July Decree of 2002 began the economic reforms. The Congress reaffirmed that the "
        "WPK is Kim Il Sung and Kim Jong Il's party.\n"
    ),
    # A wire report that names the organs of the party and the state in every usual way.
    "wire-organs.txt": (
        "SEOUL, March 2 (Yonhap) -- Jo Yong Won, director of the Organization and Guidance "
        "Department of the C.C., WPK, and Ri Il Hwan, director of the Propaganda and Agitation "
        "Department, attended the meeting of the Politburo. Kim Tok Hun, chief secretary of the "
        "South Phyongan Provincial Party Committee, and Kim Su Gil, chief secretary of the "
        "Pyongyang City Party Committee, were present, as was Kim Hyong Sik, chief secretary of "
        "the Kyongsong County Party Committee.\n\n"
        "Pak Jong Chon is vice-chairman of the Central Military Commission of the KWP. Kim Jae "
        "Ryong was elected chairman of the Central Auditing Commission. Kim Jae Ryong is a "
        "secretary of the C.C. of the WPK. Choe Ryong Hae, "
        "president of the Presidium of the Supreme People's Assembly, is first vice-president "
        "of the State Affairs Commission. O Jin U was a member of the National Defence "
        "Commission. Ri Pyong Chol is a member of the PB Presidium, once called the Standing "
        "Committee of the Political Bureau of the KWP Central Committee. KCTV and KCBS "
        "broadcast the session of the SPA, KCNA said.\n\n"
        "Also present were Ju Chang Il, director of the Science and Education Department, and "
        "Kim Yong Su, director of the Light Industry Department.\n"
    ),
    # Places and units named after people, as KCNA names them.
    "kcna-visits.txt": (
        "Kim Jong Un inspected the Kim Chaek Iron and Steel Complex. He also visited the Kim "
        "Won Gyun Pyongyang Conservatory and the Kang Pan Sok Revolutionary School, and "
        "praised the O Jung Hup Seventh Regiment and the Kim Hyok Choi Kwang Youth Shock "
        "Brigade.\n"
    ),
    # An editorial that names the party only by its founders.
    "rodong-editorial.txt": (
        "Our party is Kim Il Sung and Kim Jong Il's party, and it will always be victorious.\n"
    ),
    # The next article of the day: a known event's name with the party glossed inside it.
    "kcna-conference.txt": (
        "Pyongyang, April 11 (KCNA) -- The 4th Conference of the Workers' Party of Korea (WPK) "
        "took place in Pyongyang on Wednesday.\n"
    ),
    "kcna-3rd-conference.txt": (
        "The 3rd Conference of the Workers' Party of Korea was held on 28 September 2010. Kim "
        "Jong Il is general secretary of the KWP.\n"
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("audit")
    paths = []
    for name in sorted(ARTICLES):  # kcna-3rd-conference.txt before kcna-conference.txt
        path = root / name
        path.write_text(ARTICLES[name], encoding="utf-8")
        paths.append(path)
    data = root / "data"
    ingest(paths, data, options=IngestOptions(date="2023-03-02"))
    return data


@pytest.fixture(scope="module")
def drafts(folder: Path) -> list[DraftItem]:
    return list_drafts(folder)


def _of(drafts: list[DraftItem], article: str, kind: str | None = None) -> list[DraftItem]:
    return [d for d in drafts if d.article == article and (kind is None or d.kind == kind)]


def _review(folder: Path, article: str) -> dict[str, Any]:
    text = (folder / "articles" / f"{article}.review.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _organs(drafts: list[DraftItem]) -> dict[str, dict[str, Any]]:
    return {d.id: d.record for d in drafts if d.kind == "organ"}


def _names(record: dict[str, Any]) -> set[str]:
    return {n["text"] for n in record.get("names", [])}


# -- item 2: metadata is not body text ------------------------------------------------------------


def test_headline_of_plain_text_is_the_title_not_the_first_sentence(
    folder: Path, drafts: list[DraftItem]
) -> None:
    review = _review(folder, "kcna-plenum")
    assert review["records"][0]["title"] == "Plenum of WPK Central Committee Held"
    sentences = [e for d in _of(drafts, "kcna-plenum") for e in d.evidence]
    assert sentences
    assert not any("Held Pyongyang" in s or s.startswith("Plenum of") and "Juche" in s
                   for s in sentences)  # fmt: skip
    event = next(d for d in _of(drafts, "kcna-plenum", "event") if "7th" in d.label)
    assert any(s.startswith("Pyongyang, February 28 (KCNA) -- The 7th") for s in event.evidence)


@pytest.mark.parametrize("width", [60, 72, 79])
def test_text_wrapped_at_a_width_stays_one_paragraph(width: int) -> None:
    body = textwrap.fill(" ".join(ARTICLES["kcna-plenum.txt"].splitlines()[1:4]), width)
    text = f"Plenum Held\n{body}\nSource: KCNA Watch\n"
    blocks = read_text_source(text, "text/plain").blocks
    assert [b.kind for b in blocks] == ["title", "paragraph", "paragraph"]
    assert text[blocks[1].start : blocks[1].end] == body
    assert text[blocks[2].start : blocks[2].end] == "Source: KCNA Watch"


def test_source_line_and_address_give_no_mentions(folder: Path, drafts: list[DraftItem]) -> None:
    ids = {d.id for d in _of(drafts, "kcna-plenum")}
    assert "ri-pyong-chol" not in ids  # only in the address's slug
    assert not any("Source:" in s for d in _of(drafts, "kcna-plenum") for s in d.evidence)


def test_source_line_gives_the_article_its_address(folder: Path) -> None:
    article = _review(folder, "kcna-plenum")["records"][0]
    assert article["url"] == "http://kcna.kp/en/article/kim-jong-un-guides-plenum-ri-pyong-chol"
    assert "url" not in _review(folder, "analyst-juche")["records"][0]


def test_kcna_dateline_makes_the_report_official(drafts: list[DraftItem]) -> None:
    relieved = next(d for d in _of(drafts, "kcna-plenum", "membership") if "pak-pong-chu" in d.id)
    assert relieved.record["status"] == "confirmed"
    assert relieved.record["organ"] == "cabinet"


# -- item 2: names inside facility names ---------------------------------------------------------


def test_person_inside_a_facility_name_in_mr_spelling_is_not_drafted(
    drafts: list[DraftItem],
) -> None:
    people = {d.id for d in _of(drafts, "kcna-plenum", "person")}
    assert {"kim-jong-un", "jo-yong-won", "hyon-song-wol"} <= people
    assert not any(p.startswith("kim-chong-suk") for p in people)
    visit = next(d for d in _of(drafts, "kcna-plenum", "event") if "Textile Mill" in d.label)
    assert visit.record["type"] == "appearance"


def test_people_places_and_units_are_named_after_are_not_drafted(
    drafts: list[DraftItem],
) -> None:
    assert {d.id for d in _of(drafts, "kcna-visits", "person")} <= {"kim-jong-un"}
    people = {d.id for d in drafts if d.kind == "person"}
    assert not people & {"kim-chaek", "kim-won-gyun", "kang-pan-sok", "o-jung-hup", "kim-hyok"}
    assert not any(p.startswith("kim-hyok-cho") for p in people)


# -- item 2: Juche dates in McCune-Reischauer, names that look like dates, nested mentions --------


def _membership(drafts: list[DraftItem], person: str, organ: str) -> dict[str, Any]:
    for d in drafts:
        if d.kind == "membership" and d.record["person"] == person and d.record["organ"] == organ:
            return d.record
    raise AssertionError(f"no membership of {person} in {organ}")


def test_juche_years_in_mr_spelling_date_the_facts(drafts: list[DraftItem]) -> None:
    mine = _of(drafts, "analyst-juche")
    choe = _membership(mine, "choe-ryong-hae", "wpk-presidium")
    assert parse_date(choe["start"]).iso == "2017"
    pak = _membership(mine, "pak-pong-chu", "wpk-pb")
    assert parse_date(pak["start"]).iso == "2018"
    ri = _membership(mine, "ri-il-hwan", "wpk-pad")
    assert parse_date(ri["start"]).iso == "2017"


def test_a_decree_named_after_its_date_is_no_date(folder: Path) -> None:
    review = _review(folder, "analyst-juche")
    dated = yaml.safe_dump(review)
    assert "2002-07-02" not in dated and "2 July 2002" not in dated
    annotations = (folder / "articles" / "analyst-juche.annotations.jsonld").read_text("utf-8")
    assert '"2 July' not in annotations


def test_nested_mentions_name_the_party_and_both_people(
    folder: Path, drafts: list[DraftItem]
) -> None:
    people = {d.id for d in _of(drafts, "analyst-juche", "person")}
    assert {"kim-il-sung", "kim-jong-il"} <= people
    article = _review(folder, "analyst-juche")["records"][0]
    assert {"wpk", "kim-il-sung", "kim-jong-il"} <= set(article["mentions"])


def test_party_named_only_by_its_founders_is_the_party(
    folder: Path, drafts: list[DraftItem]
) -> None:
    article = _review(folder, "rodong-editorial")["records"][0]
    assert {"wpk", "kim-il-sung", "kim-jong-il"} <= set(article["mentions"])
    assert not _of(drafts, "rodong-editorial", "organ")  # the party drafted before
    _, drafted = read_text(ARTICLES["rodong-editorial.txt"], known=Known.build(None))
    organs = {d.id: d.record for d in drafted.drafts if d.kind == "organ"}
    assert organs["wpk"]["kind"] == "party" and {"WPK", "KWP"} <= _names(organs["wpk"])


# -- item 3: organs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("organ", "kind", "parent"),
    [
        ("wpk-ogd", "department", "wpk-cc"),
        ("wpk-pad", "department", "wpk-cc"),
        ("wpk-sed", "department", "wpk-cc"),
        ("wpk-lid", "department", "wpk-cc"),
        ("wpk-cmc", "commission", "wpk-cc"),
        ("wpk-cac", "commission", "wpk"),
        ("spa", "state-organ", None),
        ("spa-presidium", "state-organ", "spa"),
        ("sac", "state-organ", None),
        ("ndc", "state-organ", None),
        ("wpk-presidium", "presidium", "wpk-pb"),
        ("wpk-pb", "political-bureau", "wpk-cc"),
        ("kcna", "news-agency", None),
        ("kctv", "state-media", None),
        ("kcbs", "state-media", None),
    ],
)
def test_standing_organs_are_recognized_complete(
    drafts: list[DraftItem], organ: str, kind: str, parent: str | None
) -> None:
    record = _organs(drafts)[organ]
    assert record["kind"] == kind and _names(record)
    assert record.get("parent") == parent


_COMMITTEES = (
    "South Phyongan Provincial Party Committee",
    "Pyongyang City Party Committee",
    "Kyongsong County Party Committee",
)


def _committees(drafts: list[DraftItem]) -> list[dict[str, Any]]:
    organs = _organs(_of(drafts, "wire-organs"))
    out = []
    for name in _COMMITTEES:
        found = [r for r in organs.values() if name in _names(r)]
        assert len(found) == 1, name
        out.append(found[0])
    return out


def test_party_committees_of_provinces_cities_and_counties(drafts: list[DraftItem]) -> None:
    assert all(r["kind"] == "party-committee" for r in _committees(drafts))


def test_party_committees_belong_to_the_party_already_drafted(drafts: list[DraftItem]) -> None:
    assert all(r.get("parent") == "wpk" for r in _committees(drafts))


def test_aliases_resolve_to_one_organ(drafts: list[DraftItem]) -> None:
    organs = _organs(drafts)
    mine = _of(drafts, "wire-organs", "membership")
    # "C.C., WPK" and "KWP": the one central committee and party
    assert _membership(mine, "jo-yong-won", "wpk-ogd")["role"] == "director"
    assert _membership(mine, "pak-jong-chon", "wpk-cmc")["role"] == "vice-chairman"
    assert _membership(mine, "kim-jae-ryong", "wpk-cc")["role"] == "secretary"
    # "PB Presidium", "Standing Committee of the Political Bureau of the KWP Central Committee"
    assert _membership(mine, "ri-pyong-chol", "wpk-presidium")["role"] == "member"
    presidiums = [r for r in organs.values() if r.get("kind") == "presidium"]
    assert len(presidiums) == 1
    assert {"PB Presidium", "Standing Committee of the Political Bureau"} <= _names(presidiums[0])
    # the SPA's Presidium is not the Political Bureau's
    assert _membership(mine, "choe-ryong-hae", "spa-presidium")["role"] == "chairman"
    pb = [r for r in organs.values() if r.get("kind") == "political-bureau"]
    assert len(pb) == 1 and {"Politburo", "PB"} <= _names(pb[0])


def test_one_party_for_wpk_and_kwp_across_articles(drafts: list[DraftItem]) -> None:
    parties = [d for d in drafts if d.kind == "organ" and d.record.get("kind") == "party"]
    assert [d.id for d in parties] == ["wpk"]
    assert {"WPK", "KWP", "Workers' Party of Korea"} <= _names(parties[0].record)


def test_every_draft_organ_has_names_and_a_known_parent(drafts: list[DraftItem]) -> None:
    organs = _organs(drafts)
    for organ_id, record in organs.items():
        assert _names(record), organ_id
        parent = record.get("parent")
        assert parent is None or parent in organs, (organ_id, parent)
