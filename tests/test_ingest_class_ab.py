"""Meetings told by verbs in wire, analysis and reference prose (issue 15, class AB): the one met
after a title in lower case ("met North Korean leader Kim Jong Un", "met with the North's top
nuclear negotiator, Kim Yong Chol"), the leader of the group received ("received the envoys led
by ..."), "called on", the passive "was received by", a meeting in a relative clause or the past
perfect ("who met Kim Jong Il at a summit in June", "had met Kim that day"). Near misses: "met
the press", "called on the nation to ...", "called on X to resign", "received the Order of
...", "is expected to meet", "the officials who met". Short synthetic texts; names, outlets and
word order vary."""

from __future__ import annotations

import pytest
from facts_helpers import attended, events, iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str = "2016-06-02") -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _meetings(drafted: Drafted) -> list[tuple[str | None, set[str]]]:
    """(date, people) of every meeting drafted."""
    people = attended(drafted)
    return [
        (iso(e.get("date")), set(people.get(key, {})))
        for key, e in events(drafted).items()
        if e.get("type") == "meeting"
    ]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Chinese Foreign Minister Wang Yi met North Korean leader Kim Jong Un in Pyongyang on "
         "Wednesday.", {"wang-yi", "kim-jong-un"}),
        ("U.S. Secretary of State John Kerry met with the North's chief nuclear negotiator, "
         "Kim Kye Gwan, in Singapore on Wednesday.", {"john-kerry", "kim-kye-gwan"}),
        ("Vladimir Putin met his counterpart Xi Jinping at the Kremlin on Wednesday.",
         {"vladimir-putin", "xi-jinping"}),
    ],
)
def test_one_met_after_a_title_in_lower_case(known: Known, text: str, who: set[str]) -> None:
    assert _meetings(_read(text, known)) == [("2016-06-01", who)]


def test_the_leader_of_the_group_received(known: Known) -> None:
    drafted = _read(
        "SEOUL, June 2 (Yonhap) -- Kim Jong Un received a Chinese party delegation led by "
        "international department head Song Tao in Pyongyang on Wednesday.", known,
    )
    assert _meetings(drafted) == [("2016-06-01", {"kim-jong-un", "song-tao"})]


def test_a_call_paid_on_someone(known: Known) -> None:
    drafted = _read(
        "Earlier Wednesday, Wang Yi called on Kim Yong Nam, president of the Presidium of the "
        "Supreme People's Assembly.", known,
    )
    assert _meetings(drafted) == [("2016-06-01", {"wang-yi", "kim-yong-nam"})]


def test_the_passive_received_by(known: Known) -> None:
    drafted = _read(
        "On 1 June 2016 Ri Su Yong, who led a party delegation, was received by Chinese "
        "President Xi Jinping in Beijing.", known,
    )
    assert _meetings(drafted) == [("2016-06-01", {"ri-su-yong", "xi-jinping"})]


def test_a_past_meeting_in_a_relative_clause(known: Known) -> None:
    drafted = _read(
        "Former South Korean President Roh Moo-hyun, who met Kim Jong Il at a summit in "
        "Pyongyang in October 2007, died in 2009.", known,
    )
    assert _meetings(drafted) == [("2007-10", {"roh-moo-hyun", "kim-jong-il"})]


def test_a_meeting_in_the_past_perfect(known: Known) -> None:
    drafted = _read(
        "Wang Yi, who arrived on Monday, had met Kim Yong Nam on Tuesday morning.", known,
    )
    assert _meetings(drafted) == [("2016-05-31", {"wang-yi", "kim-yong-nam"})]


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Un called on the nation to work harder on Wednesday.",
        "Kim Jong Un called on Kim Yong Nam to step down on Wednesday.",
        "Wang Yi met the press in Beijing on Wednesday.",
        "Kim Jong Un received the Order of Kim Il Sung on Wednesday.",
        "Kim Jong Un is expected to meet U.S. President Barack Obama later this year.",
        "Choe Ryong Hae was among the officials who met Xi Jinping in 2015.",
        "Talks on the nuclear issue have met resistance in Pyongyang since 2008.",
        "His proposals to North Korean leader Kim Jong Un have met with little success.",
    ],
)
def test_near_misses_draft_no_meeting(known: Known, text: str) -> None:
    assert _meetings(_read(text, known)) == []


def test_an_appeal_places_no_one_at_the_event_it_names(known: Known) -> None:
    drafted = _read(
        "Kim Jong Un made a speech at the parade. He called on all the servicemen to be loyal, "
        "and on the entire party to prepare the Ninth Congress of the party.", known,
    )
    assert all("kim-jong-un" not in people for key, people in attended(drafted).items()
               if events(drafted)[key].get("type") == "congress")  # fmt: skip


def test_a_meeting_and_the_talks_told_next_are_one(known: Known) -> None:
    drafted = _read(
        "MOSCOW (AFP) - Russian President Vladimir Putin met North Korean leader Kim Jong Un on "
        "Wednesday in the Kremlin.\n\nThe two leaders held talks for three hours. Kim was "
        "accompanied by Choe Son Hui.", known,
    )
    assert _meetings(drafted) == [
        ("2016-06-01", {"vladimir-putin", "kim-jong-un", "choe-son-hui"})
    ]


def test_talks_with_someone_else_the_same_day_are_their_own(known: Known) -> None:
    drafted = _read(
        "Chinese Foreign Minister Wang Yi met North Korean leader Kim Jong Un on Wednesday.\n\n"
        "Wang held talks with Foreign Minister Ri Su Yong on Wednesday morning.", known,
    )
    assert sorted(map(sorted, (p for _, p in _meetings(drafted)))) == [
        ["kim-jong-un", "wang-yi"], ["ri-su-yong", "wang-yi"]
    ]


def test_the_two_are_the_two_named_just_before(known: Known) -> None:
    drafted = _read(
        "Madeleine Albright met Kim Jong Il on Monday. On Monday evening the two watched a mass "
        "performance at May Day Stadium. The two countries have no ties.", known,
        date="2000-10-24",
    )
    shows = [attended(drafted).get(k, {}) for k, e in events(drafted).items()
             if e.get("type") == "appearance"]  # fmt: skip
    assert [set(p) for p in shows] == [{"madeleine-albright", "kim-jong-il"}]


def test_talks_that_name_no_one_are_not_the_call_before(known: Known) -> None:
    drafted = _read(
        "Earlier on Wednesday, Wang Yi paid a courtesy call on Kim Yong Nam at the Mansudae "
        "Assembly Hall.\n\nThe second round of talks began at the guesthouse on Wednesday "
        "afternoon, a spokesman said.", known,
    )
    assert len(events(drafted)) == 2


def test_a_reference_back_goes_to_the_meeting_a_verb_told(known: Known) -> None:
    drafted = _read(
        "SEOUL, June 2 (Yonhap) -- Kim Jong Un received Chinese envoy Song Tao in Pyongyang on "
        "Wednesday.\n\nAt the meeting, Kim was flanked by his wife Ri Sol Ju and his sister Kim "
        "Yo Jong. Choe Ryong Hae also sat in on the talks.\n\nKim Jong Il last met a Chinese "
        "leader in 2011, when he and Hu Jintao held a summit in Changchun.", known,
    )
    assert ("2016-06-01", {"kim-jong-un", "song-tao", "ri-sol-ju", "kim-yo-jong",
                           "choe-ryong-hae"}) in _meetings(drafted)  # fmt: skip


def test_flanked_by_one_with_a_title_before_the_name(known: Known) -> None:
    drafted = _read(
        "Wang Yi held talks with North Korean leader Kim Jong Un on Wednesday.\n\nThe talks "
        "lasted two hours.\n\nOn the North Korean side, Kim was flanked by Foreign Minister Ri "
        "Su Yong, a veteran diplomat, and interpreters.", known,
    )
    assert ("2016-06-01", {"wang-yi", "kim-jong-un", "ri-su-yong"}) in _meetings(drafted)


def test_a_past_meeting_does_not_go_on_into_a_paragraph_of_its_own_date(known: Known) -> None:
    drafted = _read(
        "Ri Su Yong was foreign minister.\n\nIn July 2015 he attended a forum in Kuala Lumpur. "
        "He also met Chinese Foreign Minister Wang Yi at the forum.\n\nIn May 2016 he took part "
        "in the talks between Kim Jong Un and Chinese envoy Li Yuanchao in Pyongyang.", known,
        date="2025-03-03",
    )
    # (class DB) the May 2016 talks between the two named are an occasion of their own
    assert all("kim-jong-un" not in p for d, p in _meetings(drafted) if d != "2016-05")
    assert any("kim-jong-un" in p for d, p in _meetings(drafted) if d == "2016-05")


def test_a_meeting_in_quoted_speech_is_not_drafted(known: Known) -> None:
    drafted = _read(
        '"Chinese Foreign Minister Wang Yi met North Korean leader Kim Jong Un on Wednesday and '
        'it went well," Choe Son Hui told reporters.', known,
    )
    assert _meetings(drafted) == []


def test_a_past_meeting_takes_the_date_of_its_own_clause(known: Known) -> None:
    drafted = _read(
        "Kim Jong Il, who arrived on Thursday, first met Vladimir Putin in Pyongyang in July "
        "2000, when he received the Russian leader.", known, date="2002-08-24",
    )
    assert _meetings(drafted) == [("2000-07", {"kim-jong-il", "vladimir-putin"})]


def test_the_one_received_with_a_former_title(known: Known) -> None:
    drafted = _read(
        "Kim Il Sung received former U.S. President Jimmy Carter at the Kumsusan Assembly Hall "
        "on Thursday.", known, date="1994-06-18",
    )
    assert _meetings(drafted) == [("1994-06-16", {"kim-il-sung", "jimmy-carter"})]


def test_a_summit_in_a_where_clause_takes_the_date_before_it(known: Known) -> None:
    drafted = _read(
        "Choe Son Hui was at Kim Jong Un's side at the Vostochny Cosmodrome in September 2023, "
        "where Kim and Vladimir Putin held a summit.", known, date="2024-11-06",
    )
    # (class BE) "was at Kim Jong Un's side" places Choe there too (accompanied)
    assert _meetings(drafted) == [("2023-09", {"kim-jong-un", "vladimir-putin", "choe-son-hui"})]
