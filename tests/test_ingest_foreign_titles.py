"""Foreign officials' titles in diplomatic copy (issue 15): organs of foreign parties named with
the WPK's heads ("member of the Political Bureau of the CPC Central Committee") are drafted as
the other party's organs, never read as the WPK's. Short synthetic sentences, varied wording."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kwpld.ingest import Known, read_text

RU, PRC, ROK = "Russian Federation", "People's Republic of China", "Republic of Korea"
RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


def holdings(text: str, known: Known) -> set[tuple[Any, ...]]:
    """(person, role, organ name or id, parent name or id) of every holding drafted."""
    _, drafted = read_text(text, known=known, date="2018-09-10", article_type="news")
    names: dict[str, str] = {}
    parents: dict[str, str] = {}
    for d in drafted.drafts:
        first = (d.record.get("names") or [{}])[0]
        if d.kind in ("person", "organ") and isinstance(first, dict):
            names[d.id] = first.get("text", d.id)
        if d.kind == "organ" and d.record.get("parent"):
            parents[d.id] = d.record["parent"]
    return {
        (names.get(r["person"], r["person"]), r["role"], names.get(r["organ"], r["organ"]),
         names.get(parents.get(r["organ"], ""), parents.get(r["organ"])))
        for d in drafted.drafts
        if d.kind == "membership" and d.fact
        for r in [d.record]
    }  # fmt: skip


def test_political_bureau_of_the_cpc_central_committee(known: Known) -> None:
    got = holdings(
        "Kim Jong Un met Chinese guests in Pyongyang. The delegation of the Communist Party of "
        "China included Wang Yi, member of the Political Bureau of the CPC Central Committee, "
        "and Chen Xi, an alternate member of the Political Bureau of the CPC Central Committee.",
        known,
    )
    pb, cc = "Political Bureau of the CPC Central Committee", "Central Committee of the Communist"
    assert ("Wang Yi", "member", pb, f"{cc} Party of China") in got
    assert ("Chen Xi", "alternate-member", pb, f"{cc} Party of China") in got
    assert not any(t[2] == "wpk-pb" for t in got)


def test_the_whole_chain_up_to_the_party(known: Known) -> None:
    got = holdings(
        "Kim Jong Un received a delegation led by Li Zhanshu, member of the Standing Committee "
        "of the Political Bureau of the Central Committee of the Communist Party of China.",
        known,
    )
    organ = (
        "Standing Committee of the Political Bureau of the Central Committee of the Communist "
        "Party of China"
    )
    assert {t[:3] for t in got} >= {("Li Zhanshu", "member", organ)}
    assert not any(t[2] in ("wpk-pb-presidium", "wpk-pb") for t in got)


def test_the_wpks_own_organs_stay_the_wpks(known: Known) -> None:
    got = holdings(
        "Choe Ryong Hae, member of the Presidium of the Political Bureau of the Central "
        "Committee of the Workers' Party of Korea, met Chinese guests of the Communist Party of "
        "China.",
        known,
    )
    assert ("choe-ryong-hae", "member", "wpk-pb-presidium", None) in got


def test_a_foreign_general_secretary(known: Known) -> None:
    got = holdings(
        "Kim Jong Un sent a message to Hu Jintao, general secretary of the Central Committee of "
        "the Communist Party of China, on Sunday.",
        known,
    )
    cc = "Central Committee of the Communist Party of China"
    assert ("Hu Jintao", "general-secretary", cc, "Communist Party of China") in got
    assert not any(t[2] == "wpk-cc" for t in got)


# -- titles in parentheses after a name ---------------------------------------------------------


def test_titles_in_parentheses_with_an_organ_before_them(known: Known) -> None:
    got = holdings(
        "The funeral committee included Pak Jong-chon (KPA Vice Chief of General Staff and "
        "Director of the Artillery Command), Kim Su Gil (KPA General Political Bureau director) "
        "and Jang Kum Chol (director of the United Front Department).",
        known,
    )
    people = {t[:3] for t in got}
    assert ("Pak Jong-chon", "vice-chairman", "kpa-general-staff") in people
    assert ("Pak Jong-chon", "director", "Artillery Command") in people
    assert ("Kim Su Gil", "director", "kpa-gpb") in people
    assert ("Jang Kum Chol", "director", "wpk-ufd") in people
    assert ("Pak Jong-chon", "vice-chairman", "Artillery Command") not in people


def test_another_countrys_minister_holds_his_states_ministry(known: Known) -> None:
    got = holdings(
        "Russian Deputy Foreign Minister Igor Morgulov accompanied the delegation. Chinese "
        "Foreign Minister Wang Yi met Foreign Minister Ri Yong Ho and Vice Foreign Minister "
        "Pak Myong Guk.",
        known,
    )
    assert ("Igor Morgulov", "vice-chairman", f"Ministry of Foreign Affairs of the {RU}",
            "Russian Federation") in got  # fmt: skip
    assert ("Wang Yi", "chairman", f"Ministry of Foreign Affairs of the {PRC}", PRC) in got
    assert not any(t[0] in ("Igor Morgulov", "Wang Yi") and t[2] == "mfa" for t in got)
    assert ("ri-yong-ho-fm", "chairman", "mfa", None) in got
    assert ("Pak Myong Guk", "vice-chairman", "mfa", None) in got


def test_nationality_before_a_title_in_apposition_and_heads_of_government(known: Known) -> None:
    """Class G: the nationality word names the state, before the name or in apposition after
    it, for ministries (named or lower case) and for the head of government."""
    got = holdings(
        "Hyun In-taek, the South Korean unification minister, said the talks would resume. "
        "South Korean Prime Minister Chung Un-chan and Japanese Prime Minister Kim Ho Gil "
        "spoke. Kim Jang Su, the south Korean defence minister, was among the guests. "
        "Chinese Premier Wen Jiabao arrived on Sunday.",
        known,
    )
    assert ("Hyun In-taek", "chairman", "Ministry of Unification of the Republic of Korea",
            "Republic of Korea") in got  # fmt: skip
    assert ("Chung Un-chan", "chairman", f"Government of the {ROK}", ROK) in got
    assert ("Kim Ho Gil", "chairman", "Government of Japan", "Japan") in got
    assert ("Kim Jang Su", "chairman", f"Ministry of National Defense of the {ROK}", ROK) in got
    assert ("Wen Jiabao", "chairman", "State Council of the People's Republic of China",
            "People's Republic of China") in got  # fmt: skip
    assert not any(t[2] in ("mfa", "mpaf", "cabinet") for t in got)


def test_a_state_after_the_title_keeps_its_article(known: Known) -> None:
    got = holdings(
        "Wang Yi, foreign minister of China, arrived. Sergei Shoigu, defence minister of the "
        "Russian Federation, met Kim Jong Un. Ri Son Gwon, the foreign minister, was present.",
        known,
    )
    assert ("Wang Yi", "chairman", f"Ministry of Foreign Affairs of the {PRC}", PRC) in got
    assert ("Sergei Shoigu", "chairman", "Ministry of Defence of the Russian Federation",
            "Russian Federation") in got  # fmt: skip
    assert ("Ri Son Gwon", "chairman", "mfa", None) in got


def test_a_foreign_name_with_a_bare_title_holds_no_dprk_office(known: Known) -> None:
    """Near miss: a person foreign by his name's shape never holds the DPRK's ministry; with no
    context naming his state ("Wen was accompanied by ...") nothing is drafted — while a Korean
    name with the same bare title keeps the DPRK's."""
    got = holdings(
        "The talks included Foreign Minister Ri Yong Ho from the North Korean side and Foreign "
        "Minister Sergei Lavrov from the Russian side. Wen was accompanied by Foreign Minister "
        "Yang Jiechi and Vice Premier Hui Liangyu.",
        known,
    )
    assert ("ri-yong-ho-fm", "chairman", "mfa", None) in got
    assert not any(t[0] in ("Yang Jiechi", "Hui Liangyu") for t in got)
    assert ("Sergei Lavrov", "chairman", f"Ministry of Foreign Affairs of the {RU}", RU) in got
    assert not any(t[0] != "ri-yong-ho-fm" and t[2] in ("mfa", "cabinet") for t in got)


def test_a_nationality_not_before_the_title_changes_nothing(known: Known) -> None:
    """Near miss: a nationality elsewhere in the sentence ("met the Russian ambassador",
    "the Chinese delegation") does not make a DPRK minister another state's."""
    got = holdings(
        "Foreign Minister Choe Son Hui met the Russian ambassador. Premier Kim Tok Hun received "
        "the Chinese delegation, and Defence Minister No Kwang Chol was present.",
        known,
    )
    assert ("Choe Son Hui", "chairman", "mfa", None) in got
    assert ("kim-tok-hun", "chairman", "cabinet", None) in got
    assert ("No Kwang Chol", "chairman", "mpaf", None) in got


def test_a_foreigners_bare_title_is_the_state_his_context_gives(known: Known) -> None:
    """Class G: a person whose name is foreign by its shape, with a bare title, holds the office
    of the side the sentence puts him on, of the capital it opens with, or of the article's
    one foreign nationality — a Japanese name too."""
    got = holdings(
        "Kim and Putin held talks with Foreign Minister Ri Yong Ho from the North Korean side "
        "and Foreign Minister Sergei Lavrov from the Russian side. In Tokyo, Foreign Minister "
        "Fumio Kishida said Japan would protest. On the Chinese side, Vice Premier Zhang Dejiang "
        "was present.",
        known,
    )
    assert ("ri-yong-ho-fm", "chairman", "mfa", None) in got
    assert ("Sergei Lavrov", "chairman", f"Ministry of Foreign Affairs of the {RU}", RU) in got
    assert ("Fumio Kishida", "chairman", "Ministry of Foreign Affairs of Japan", "Japan") in got
    assert ("Zhang Dejiang", "vice-chairman", "State Council of the People's Republic of China",
            "People's Republic of China") in got  # fmt: skip


def test_the_articles_foreign_nationality_for_a_bare_title(known: Known) -> None:
    got = holdings(
        "Russian officials said the Russian delegation would stay two days. Deputy Prime "
        "Minister Yuri Trutnev will visit Pyongyang later, a Russian diplomat said.",
        known,
    )
    assert ("Yuri Trutnev", "vice-chairman", f"Government of the {RU}", RU) in got


def test_a_context_his_name_cannot_serve_drafts_nothing(known: Known) -> None:
    """Near misses: a Russian name in a sentence opening "In Beijing," and a Chinese name in an
    article about Japan hold no office of those states, nor of the DPRK."""
    got = holdings(
        "In Beijing, Foreign Minister Sergei Lavrov said the talks went well. Japanese officials "
        "and Japanese reporters met Foreign Minister Yang Jiechi. Premier Kim Yong Il spoke.",
        known,
    )
    assert not any(t[0] in ("Sergei Lavrov", "Yang Jiechi") for t in got)
    assert ("Kim Yong Il", "chairman", "cabinet", None) in got


def test_state_councillors_and_heads_of_new_agencies(known: Known) -> None:
    got = holdings(
        "The visit follows a trip by Dai Bingguo, State Councillor, last month. Kim Man Bok, "
        "director of the National Intelligence Service, and Pak Su Il, director of the Asian "
        "Affairs Bureau, accompanied him.",
        known,
    )
    # the State Council is found as China's office by its shape (class AE), under the state
    assert ("Dai Bingguo", "member", "State Council of the People's Republic of China",
            "People's Republic of China") in got  # fmt: skip
    assert ("Kim Man Bok", "chairman", "National Intelligence Service", None) in got
    assert ("Pak Su Il", "director", "Asian Affairs Bureau", None) in got


def test_korean_names_on_a_foreign_side(known: Known) -> None:
    """Class G: South Korean officials with Korean names hold South Korea's offices when the
    sentence puts them on its side or in its party's list, in any order of name and title."""
    got = holdings(
        "The south Korean president was accompanied by his entourage including Ri Jae Jong, "
        "minister of Unification, and Kim Jang Su, minister of National Defence. Present from "
        "the South Korean side was Culture Minister Kim Jong Min.",
        known,
    )
    assert ("Ri Jae Jong", "chairman", "Ministry of Unification of the Republic of Korea",
            "Republic of Korea") in got  # fmt: skip
    assert ("Kim Jang Su", "chairman", f"Ministry of National Defense of the {ROK}", ROK) in got
    assert ("Kim Jong Min", "chairman", f"Ministry of Culture of the {ROK}", ROK) in got
    assert not any(t[2] in ("mpaf", "mfa", "cabinet") for t in got)


def test_a_foreign_party_greeted_by_dprk_officials_stays_the_dprks(known: Known) -> None:
    """Near misses: the people who greet a foreign delegation, and those "on our side", hold
    the DPRK's offices."""
    got = holdings(
        "The Chinese delegation was greeted at the airport by Vice Foreign Minister Pak Myong "
        "Guk. Present on our side was Defence Minister No Kwang Chol, and on the Chinese side "
        "Ambassador Wang Yajun.",
        known,
    )
    assert ("Pak Myong Guk", "vice-chairman", "mfa", None) in got
    assert ("No Kwang Chol", "chairman", "mpaf", None) in got


def test_a_foreign_head_of_state_takes_no_organ_of_the_sentence(known: Known) -> None:
    """Near miss: "Chinese President Hu Jintao" after another title in the sentence does not
    take that title's organ; a head of state is the chairman of his state itself, as the
    labelled set's guide says (class S), and of nothing else."""
    got = holdings(
        "It follows a visit by Dai Bingguo, State Councillor, as special envoy of Chinese "
        "President Hu Jintao, and one by Sergei Shoigu, defence minister, for Russian President "
        "Vladimir Putin.",
        known,
    )
    heads = {t[:3] for t in got if t[0] in ("Hu Jintao", "Vladimir Putin")}
    assert heads == {("Hu Jintao", "chairman", PRC), ("Vladimir Putin", "chairman", RU)}
