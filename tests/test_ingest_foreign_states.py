"""Class X (issue 15): a foreign state drafted as an organ, and the offices of a state wire copy
names, are one organ whatever the article calls them ("South Korea", "Republic of Korea", "ROK";
"Government of South Korea" for its prime minister), drafted with every name of
kwpld/reading/states.yaml, and a data folder's record with any of the names is that state.
Synthetic sentences, varied wording."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from kwpld.ingest import Known, read_text
from kwpld.load import load_records
from kwpld.reading.states import foreign_states_table
from kwpld.resources import resource_yaml

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"
REUTERS = "SEOUL, June 13 (Reuters) - "


def _drafted(text: str, known: Known, date: str = "2024-06-13") -> Any:
    return read_text(text, known=known, date=date, article_type="news")[1]


def holders(text: str, known: Known, date: str = "2024-06-13") -> dict[str, str]:
    """person's first name -> the organ id of his holding (a record id or a draft's id)."""
    drafted = _drafted(text, known, date)
    names = {
        d.id: (d.record.get("names") or [{}])[0].get("text", d.id)
        for d in drafted.drafts
        if d.kind == "person"
    }
    return {
        names.get(d.record["person"], d.record["person"]): d.record["organ"]
        for d in drafted.drafts
        if d.kind == "membership" and d.fact
    }


def organ_names(text: str, known: Known, organ: str, date: str = "2024-06-13") -> list[Any]:
    drafted = _drafted(text, known, date)
    return next(d.record["names"] for d in drafted.drafts if d.id == organ)


# -- the table ---------------------------------------------------------------------------------


STATES = resource_yaml("kwpld/reading/states.yaml")["states"]


@pytest.mark.parametrize("spec", STATES, ids=[s["id"] for s in STATES])
def test_every_name_and_abbreviation_finds_its_state(spec: dict[str, Any]) -> None:
    table = foreign_states_table()
    for name in (*spec["names"], *spec.get("abbreviations", ())):
        found = table.find(name)
        assert found is not None and found.id == spec["id"], name
        assert table.find("the " + name) == found


def test_offices_of_a_state_under_every_name_of_the_state() -> None:
    table = foreign_states_table()
    government = table.find("Government of South Korea")
    assert government is not None
    assert government.names[0] == "Government of the Republic of Korea"
    for name in ("Government of the Republic of Korea", "Government of Republic of Korea"):
        assert table.find(name) == government
    ministry = table.find("Ministry of Foreign Affairs of China")
    assert ministry is not None and ministry.state == "prc"
    assert table.find("Foreign Ministry of the People's Republic of China") == ministry
    state_department = table.find("State Department")
    assert state_department is not None
    assert state_department.names[0] == "U.S. Department of State"
    assert table.find("Department of State") == state_department
    # a named office of South Korea's (class AE), under every name
    unification = table.find("Ministry of Unification of South Korea")
    assert unification is not None and unification.state == "rok"
    assert unification.names[0] == "Ministry of Unification of the Republic of Korea"
    assert table.find("Unification Ministry") == unification
    # any other office of a state, by its shape
    trade = table.find("Ministry of Trade of South Korea")
    assert trade is not None and trade.state == "rok"
    assert trade.names == (
        "Ministry of Trade of the Republic of Korea",
        "Ministry of Trade of South Korea",
    )


def test_near_misses_are_no_state() -> None:
    table = foreign_states_table()
    for name in ("Korea", "Democratic People's Republic of Korea", "DPRK", "North Korea",
                 "Ministry of Electronics Industry", "Ministry of Foreign Affairs",
                 "Seoul", "Chinese", "Korean Football Association of South Korea"):  # fmt: skip
        assert table.find(name) is None, name


# -- drafting ----------------------------------------------------------------------------------


def test_one_article_naming_china_two_ways_drafts_one_organ(known: Known) -> None:
    text = (
        REUTERS + "Chinese President Xi Jinping met Russian President Vladimir Putin. Hu Jintao, "
        "former president of the People's Republic of China, was not there. Li Qiang, premier "
        "of the PRC, spoke."
    )
    got = holders(text, known)
    assert got["Xi Jinping"] == got["Hu Jintao"]
    assert got["Vladimir Putin"] != got["Xi Jinping"]
    names = organ_names(text, known, got["Xi Jinping"])
    assert [n["text"] for n in names][:2] == ["People's Republic of China", "China"]
    kinds = {n["text"]: n.get("kind") for n in names}
    assert kinds["PRC"] == "abbreviation"


def test_every_name_of_south_korea_is_one_state(known: Known) -> None:
    text = (
        REUTERS + "South Korean President Yoon Suk Yeol spoke. Moon Jae-in, president of the "
        "Republic of Korea until 2022, and Lee Myung-bak, president of the ROK, did not."
    )
    got = holders(text, known)
    assert got["Yoon Suk Yeol"] == got["Moon Jae-in"] == got["Lee Myung-bak"]
    names = {n["text"]: n for n in organ_names(text, known, got["Yoon Suk Yeol"])}
    assert list(names)[0] == "Republic of Korea"
    assert names["ROK"].get("kind") == "abbreviation"
    assert "derived_from" in names["South Korea"]  # "South Korean" printed, not "South Korea"


def test_a_state_is_drafted_with_all_its_names_when_printed_once(known: Known) -> None:
    text = REUTERS + "Russian President Vladimir Putin arrived in Pyongyang on Wednesday."
    organ = holders(text, known)["Vladimir Putin"]
    texts = [n["text"] for n in organ_names(text, known, organ)]
    assert texts[:2] == ["Russian Federation", "Russia"]


def test_a_governments_head_under_two_names_of_his_state(known: Known) -> None:
    text = (
        REUTERS + "South Korean Prime Minister Chung Un-chan met reporters. Chung Hong-won, "
        "prime minister of the Republic of Korea, was quoted."
    )
    got = holders(text, known)
    assert got["Chung Un-chan"] == got["Chung Hong-won"]
    drafted = _drafted(text, known)
    government = next(d for d in drafted.drafts if d.id == got["Chung Un-chan"])
    texts = [n["text"] for n in government.record["names"]]
    assert texts[0] == "Government of the Republic of Korea"
    assert "Government of South Korea" in texts
    state = next(d for d in drafted.drafts if d.id == government.record["parent"])
    assert state.record["names"][0]["text"] == "Republic of Korea"


def test_foreign_ministries_under_two_names_are_one(known: Known) -> None:
    text = (
        REUTERS + "Chinese Foreign Minister Wang Yi met Kim. Yang Jiechi, foreign minister "
        "of the People's Republic of China, was absent. Foreign Minister Choe "
        "Son Hui was present."
    )
    got = holders(text, known)
    assert got["Wang Yi"] == got["Yang Jiechi"]
    assert got["Choe Son Hui"] == "mfa"  # the DPRK's own stays its record


def test_the_state_department_has_its_other_names(known: Known) -> None:
    text = REUTERS + "U.S. Secretary of State Antony Blinken arrived in Seoul on Thursday."
    organ = holders(text, known)["Antony Blinken"]
    texts = [n["text"] for n in organ_names(text, known, organ)]
    assert texts[0] == "U.S. Department of State"
    assert {"State Department", "Department of State"} <= set(texts)


def test_a_record_named_republic_of_korea_is_found_by_south_korea(
    known: Known, tmp_path: Path
) -> None:
    folder = tmp_path / "records"
    shutil.copytree(RECORDS, folder)
    organs = yaml.safe_load((folder / "organs.yaml").read_text("utf-8"))
    organs["organs"].append(
        {"id": "rok", "kind": "state-organ",
         "names": [{"text": "Republic of Korea", "system": "en"}]}  # fmt: skip
    )
    (folder / "organs.yaml").write_text(yaml.safe_dump(organs, allow_unicode=True), "utf-8")
    with_rok = Known.build(load_records(folder))
    got = holders(REUTERS + "South Korean President Yoon Suk Yeol spoke on Thursday.", with_rok)
    assert got["Yoon Suk Yeol"] == "rok"
    got = holders(REUTERS + "Yoon Suk Yeol, president of the ROK, spoke on Thursday.", with_rok)
    assert got["Yoon Suk Yeol"] == "rok"
    # without the record: a draft, not the record of another organ
    assert holders(REUTERS + "South Korean President Yoon Suk Yeol spoke.", known)[
        "Yoon Suk Yeol"
    ] not in ("rok", "wpk", "cabinet")


def test_a_dprk_title_stays_the_dprks(known: Known) -> None:
    """Near miss: a Korean name with a bare title in a Pyongyang report is the DPRK's; a
    nationality word elsewhere in the sentence makes no state."""
    got = holders(
        "Pyongyang, June 13 (KCNA) -- Premier Kim Tok Hun met the South Korean delegation. "
        "Foreign Minister Choe Son Hui received the Chinese ambassador.",
        known,
    )
    assert got["kim-tok-hun"] == "cabinet"
    assert got["Choe Son Hui"] == "mfa"


# -- a Korean-named prime minister in the South ------------------------------------------------


SEOUL = "SEOUL, April 27 (Yonhap) -- "


@pytest.mark.parametrize(
    "sentence",
    [
        "Prime Minister Chung Hong-won offered to resign on Sunday, Seoul's presidential office "
        "said.",
        "Seoul's Prime Minister Chung Hong-won said the government would act.",
        "Prime Minister Chung Hong-won told officials of the Ministry of Unification to be ready.",
        "The Blue House said Prime Minister Chung Hong-won would visit the site.",
    ],
)
def test_a_prime_minister_with_a_korean_name_in_the_south(known: Known, sentence: str) -> None:
    text = SEOUL + sentence
    organ = holders(text, known, "2014-04-27")["Chung Hong-won"]
    drafted = _drafted(text, known, "2014-04-27")
    government = next(d for d in drafted.drafts if d.id == organ)
    assert government.record["names"][0]["text"] == "Government of the Republic of Korea"


@pytest.mark.parametrize(
    "sentence",
    [
        # no cue of the South, or one of the North too
        "Prime Minister Kim Jae Ryong met the South Korean delegation.",
        "Prime Minister Kim Jae Ryong met Seoul's delegation, KCNA said.",
        "North Korean Prime Minister Kim Jae Ryong spoke as Seoul's envoy watched.",
        # "Premier" is the DPRK's head of the Cabinet
        "Premier Kim Jae Ryong spoke, Seoul's unification ministry said.",
    ],
)
def test_near_misses_stay_the_dprks_cabinet(known: Known, sentence: str) -> None:
    got = holders(SEOUL + sentence, known, "2014-04-27")
    assert got["Kim Jae Ryong"] == "cabinet"


@pytest.mark.parametrize(
    ("sentence", "person", "organ"),
    [
        ("South Korea's Foreign Minister Yun Byung-se met reporters.", "Yun Byung-se",
         "Ministry of Foreign Affairs of the Republic of Korea"),
        ("Seoul's Foreign Minister Yun Byung-se met reporters.", "Yun Byung-se",
         "Ministry of Foreign Affairs of the Republic of Korea"),
        ("China’s Foreign Minister Wang Yi met reporters.", "Wang Yi",
         "Ministry of Foreign Affairs of the People's Republic of China"),
        ("Seoul's President Park Geun-hye met reporters.", "Park Geun-hye", "Republic of Korea"),
    ],
)  # fmt: skip
def test_a_possessive_state_or_capital_before_the_title(
    known: Known, sentence: str, person: str, organ: str
) -> None:
    text = SEOUL + sentence
    key = holders(text, known, "2014-04-27")[person]
    assert organ_names(text, known, key, "2014-04-27")[0]["text"] == organ


def test_a_possessive_of_the_north_stays_the_dprks(known: Known) -> None:
    for opening in ("The North's", "Pyongyang's", "North Korea's"):
        got = holders(SEOUL + f"{opening} Foreign Minister Ri Su Yong met reporters.", known)
        assert got["Ri Su Yong"] == "mfa", opening
