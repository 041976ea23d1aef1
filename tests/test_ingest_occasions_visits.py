"""Occasions in visit, ceremony and news prose (issue 15, class Q): coordinated occasion nouns,
the occasions a visit is made of (arrival, welcome, talks, signing, banquet, performance,
send-off), each dated by its own clause, past occasions dated as printed, and the near misses
that are no occasion (a ceremony in a quoted speech, talks as a topic, a banquet planned with no
day, "reception" of a signal, a treaty signed in a clause about the visit). Short synthetic
sentences; names, outlets and orders vary within a class."""

from __future__ import annotations

import pytest
from facts_helpers import attended, iso

from kwpld.ingest import Known, read_text
from kwpld.ingest.drafts import Drafted


def _read(text: str, known: Known, date: str) -> Drafted:
    return read_text(text, known=known, date=date, article_type="news")[1]


def _events(drafted: Drafted) -> dict[str, tuple[str, str | None]]:
    """event id -> (type, ISO date) of the events drafted."""
    return {
        d.id: (str(d.record.get("type")), iso(d.record.get("date")))
        for d in drafted.drafts
        if d.kind == "event" and d.record.get("type") != "series"
    }


def _kinds(drafted: Drafted) -> list[tuple[str, str | None]]:
    return sorted(_events(drafted).values(), key=lambda x: (x[0], x[1] or ""))


KCNA = "Pyongyang, October 10 (KCNA) -- "
YONHAP = "SEOUL, June 20 (Yonhap) -- "


# -- coordinated occasion nouns ------------------------------------------------------------------


@pytest.mark.parametrize(
    "lead",
    [
        "A grand military parade and a mass demonstration of the working people were held at Kim "
        "Il Sung Square on October 10 in celebration of the anniversary.",
        "A military parade and a mass rally of Pyongyang citizens took place with splendour at Kim "
        "Il Sung Square on Saturday.",
    ],
)
def test_coordinated_occasions_are_two_the_first_keeps_the_tribune(lead: str, known: Known) -> None:
    drafted = _read(
        KCNA + lead + "\n\nKim Jong Un appeared on the reviewing stand.\n\nAlso on the reviewing "
        "stand were Choe Ryong Hae and Jo Yong Won.",
        known,
        "2015-10-10",
    )
    events = _events(drafted)
    assert sorted(events.values()) == [("ceremony", "2015-10-10")] * 2
    ((event, people),) = attended(drafted).items()
    assert "parade" in event
    assert set(people) == {"kim-jong-un", "choe-ryong-hae", "jo-yong-won"}


def test_a_ceremony_in_a_quoted_speech_is_no_occasion(known: Known) -> None:
    drafted = _read(
        KCNA + "A military parade took place at Kim Il Sung Square on October 10.\n\nKim Jong Un "
        'made a speech. He said: "When the country is reunified, we will hold a grand ceremony '
        'on this square and report the victory to the leaders."',
        known,
        "2015-10-10",
    )
    assert [e for e in _events(drafted) if "ceremony" in e] == []


# -- the occasions of a visit, each with its own day ----------------------------------------------


def test_a_landing_greeted_on_the_tarmac_and_a_departure_seen_off(known: Known) -> None:
    drafted = _read(
        YONHAP + "Russian President Vladimir Putin departed for Vietnam early Thursday, state "
        "media said.\n\nKim Jong Un saw him off at Pyongyang International Airport together with "
        "Jo Yong Won.\n\nPutin landed in Pyongyang shortly before 3 a.m. on Wednesday. He was "
        "greeted on the tarmac by Kim Jong Un.",
        known,
        "2024-06-20",
    )
    events = _events(drafted)
    by_name = {k.split("-")[0]: v for k, v in events.items()}
    assert by_name["send"] == ("ceremony", "2024-06-20")
    assert by_name["arrival"] == ("ceremony", "2024-06-19")
    send_off = next(k for k in events if k.startswith("send"))
    assert {"kim-jong-un", "vladimir-putin"} <= set(attended(drafted)[send_off])


@pytest.mark.parametrize(
    "greeting",
    [
        "Choe Ryong Hae greeted Zhao at the airport, state media reported.",
        "He was greeted at the airport by Choe Ryong Hae.",
    ],
)
def test_an_arrival_and_its_greeting_are_one_occasion(greeting: str, known: Known) -> None:
    drafted = _read(
        "Chinese lawmaker arrives\n\nZhao Leji, chairman of the Standing Committee of China's "
        "National People's Congress, arrived in Pyongyang on Thursday.\n\n" + greeting,
        known,
        "2024-04-12",
    )
    assert list(_events(drafted).values()) == [("ceremony", "2024-04-11")]
    (people,) = attended(drafted).values()
    assert "choe-ryong-hae" in people


def test_a_departure_no_one_saw_off_is_no_occasion(known: Known) -> None:
    drafted = _read(
        KCNA + "The delegation of the Lao People's Revolutionary Party left here on October 9 "
        "after visiting the country. It toured the Mangyongdae Schoolchildren's Palace.",
        known,
        "2015-10-10",
    )
    assert not [k for k in _events(drafted) if k.startswith("send")]


def test_a_send_off_dated_by_the_departure_before_it(known: Known) -> None:
    drafted = _read(
        "Pyongyang, October 20 (KCNA) -- Sergei Lavrov, minister of Foreign Affairs of the Russian "
        "Federation, left here on October 19.\n\nHe was seen off at the airport by Choe Son Hui, "
        "minister of Foreign Affairs.",
        known,
        "2023-10-20",
    )
    assert list(_events(drafted).values()) == [("ceremony", "2023-10-19")]


# -- signings --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "signing",
    [
        "Kim and Putin signed the Treaty on Comprehensive Strategic Partnership after the talks.",
        "An agreement on cooperation in health was signed after the talks by Choe Son Hui and "
        "Sergei Lavrov.",
    ],
)
def test_a_signing_after_the_talks_is_of_the_talks_day(signing: str, known: Known) -> None:
    drafted = _read(
        YONHAP + "Kim Jong Un held talks with Russian President Vladimir Putin at the Kumsusan "
        "guesthouse on Wednesday.\n\n" + signing,
        known,
        "2024-06-20",
    )
    signings = {k: v for k, v in _events(drafted).items() if k.startswith("signing")}
    assert list(signings.values()) == [("ceremony", "2024-06-19")]


@pytest.mark.parametrize(
    "sentence",
    [
        # an order is no document of two sides
        "On Wednesday Kim Jong Un signed an order on the promotion of military ranks.",
        # the signing of a visit told as a whole; the day is the departure's
        "Putin departed for Vietnam early Thursday, wrapping up a visit during which he and Kim "
        "signed a treaty.",
        # past, and dated at no day
        "The treaty of friendship was signed by Kim Il Sung and Zhou Enlai in July 1961.",
    ],
)
def test_no_signing_of_its_own(sentence: str, known: Known) -> None:
    drafted = _read(YONHAP + sentence, known, "2024-06-20")
    assert not [k for k in _events(drafted) if k.startswith("signing")]


def test_a_statement_signed_at_a_ceremony_is_that_ceremony(known: Known) -> None:
    drafted = _read(
        "SINGAPORE (AP) -- Trump and Kim met on Tuesday.\n\nIn the afternoon Trump and Kim signed "
        "a joint statement at a ceremony in the hotel's library.",
        known,
        "2018-06-12",
    )
    assert [v for v in _events(drafted).values() if v[0] == "ceremony"] == [
        ("ceremony", "2018-06-12")
    ]


# -- days of wire copy, and talks after an opening phrase ---------------------------------------


def test_wire_talks_on_a_bare_weekday_and_the_dinner_that_evening(known: Known) -> None:
    drafted = _read(
        "ULAN-UDE, Russia (AP) -- Russian President Dmitry Medvedev and North Korean leader Kim "
        "Jong Il held talks Wednesday at a military garrison.\n\nKim arrived in Ulan-Ude on "
        "Tuesday. He was greeted at the station by Russian Energy Minister Sergei Shmatko.\n\n"
        "The talks lasted about two hours.\n\nThat evening Medvedev hosted a dinner in Kim's "
        "honor.",
        known,
        "2011-08-24",
    )
    assert _kinds(drafted) == [
        ("ceremony", "2011-08-23"),
        ("ceremony", "2011-08-24"),
        ("meeting", "2011-08-24"),
    ]


def test_talks_after_an_opening_phrase(known: Known) -> None:
    drafted = _read(
        "Hanoi, March 2 (KCNA) -- A grand welcoming ceremony was held at the Presidential Palace "
        "on March 1.\n\nAfter the ceremony, talks between Kim Jong Un and Nguyen Phu Trong were "
        "held at the headquarters of the Central Committee.",
        known,
        "2019-03-02",
    )
    assert _kinds(drafted) == [("ceremony", "2019-03-01"), ("meeting", "2019-03-01")]


# -- past and future occasions, and words that are no occasion ----------------------------------


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Kim last met Putin at the Vostochny Cosmodrome in the Russian Far East in September "
         "2023.", "2023-09"),
        ("Kim Jong Il last held talks with a Russian leader in August 2002, when he met Vladimir "
         "Putin in Vladivostok.", "2002-08"),
        ("Xi Jinping last visited Pyongyang in June 2019, when he and Kim Jong Un held talks.",
         "2019-06"),
    ],
)  # fmt: skip
def test_a_past_meeting_has_its_own_date(sentence: str, day: str, known: Known) -> None:
    drafted = _read(
        YONHAP + "Kim Jong Un and Russian President Vladimir Putin held talks on Wednesday.\n\n"
        + sentence,
        known,
        "2024-06-20",
    )
    meetings = sorted(v[1] or "" for v in _events(drafted).values() if v[0] == "meeting")
    assert meetings == sorted([day, "2024-06-19"])


@pytest.mark.parametrize(
    "sentence",
    [
        "Nuclear talks between Pyongyang and Washington have stalled since 2019.",
        "The visit comes as talks on denuclearization remain stalled.",
        "A banquet for the delegation is also planned, but state media have not said when.",
        "CCTV's live link was cut off after a few minutes because of poor satellite reception.",
        "Putin will hold talks with Vietnamese leaders in Hanoi later Thursday.",
    ],
)
def test_no_occasion(sentence: str, known: Known) -> None:
    drafted = _read("Seoul, June 20 (Yonhap) -- " + sentence, known, "2024-06-20")
    assert _events(drafted) == {}


def test_occasions_a_summit_opened_with_take_its_day(known: Known) -> None:
    drafted = _read(
        "HANOI, Feb. 28 (Xinhua) -- Kim and Trump had opened the summit on Wednesday evening with "
        "a brief one-on-one meeting and a social dinner at the Metropole.",
        known,
        "2019-02-28",
    )
    assert ("ceremony", "2019-02-27") in _kinds(drafted)


def test_a_hearse_that_left_is_no_send_off(known: Known) -> None:
    drafted = _read(
        KCNA + "The hearse carrying the body of Kim Jong Il left the palace on Wednesday and went "
        "round the streets, seen off by people in tears.",
        known,
        "2015-10-10",
    )
    assert not [k for k in _events(drafted) if k.startswith("send")]
    # the body in the hearse that "left" attends nothing
    assert all("kim-jong-il" not in people for people in attended(drafted).values())


def test_each_clause_dates_its_own_occasion(known: Known) -> None:
    drafted = _read(
        "MOSCOW, May 25 (AP) -- North Korean President Kim Il Sung left Moscow by special train "
        "on Friday after two rounds of talks with Soviet leader Konstantin Chernenko on Wednesday "
        "and Thursday.\n\nChernenko and Prime Minister Nikolai Tikhonov saw Kim off at the "
        "station.\n\nKim, who arrived on Monday after a week-long train journey, had been welcomed "
        "at the same station by Chernenko and Foreign Minister Andrei Gromyko.\n\nOn Thursday "
        "afternoon Gromyko and Kim Yong Nam signed a consular convention at the Kremlin.",
        known,
        "1984-05-25",
    )
    days = {k.split("-")[0]: v[1] for k, v in _events(drafted).items()}
    assert days["send"] == "1984-05-25"
    assert days["arrival"] == "1984-05-21"
    assert days["signing"] == "1984-05-24"
    assert days["talks"] == "1984-05-23"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Lavrov laid a wreath at the Liberation Tower on Moran Hill.", "wreath"),
        ("The two ministers signed a plan of exchanges for 2024-2025.", "signing"),
    ],
)
def test_an_act_with_no_day_after_a_dated_occasion(sentence: str, kind: str, known: Known) -> None:
    drafted = _read(
        "Pyongyang, October 20 (KCNA) -- Talks between Choe Son Hui and Sergei Lavrov were held at "
        "the Mansudae Assembly Hall on Thursday.\n\n" + sentence,
        known,
        "2023-10-20",
    )
    acts = [v for k, v in _events(drafted).items() if k.startswith(kind)]
    assert acts == [("ceremony", "2023-10-19")]


@pytest.mark.parametrize(
    "sentence",
    [
        "It is 23 years since the President signed the Treaty of Friendship in Moscow in 1961.",
        "Trump and Kim first met in Singapore last June, where they signed a vague statement.",
    ],
)
def test_a_past_signing_takes_no_day_of_the_narrative(sentence: str, known: Known) -> None:
    drafted = _read(
        "MOSCOW, May 25 (AP) -- Kim Il Sung held talks with Konstantin Chernenko on Wednesday.\n\n"
        + sentence,
        known,
        "1984-05-25",
    )
    assert not [k for k in _events(drafted) if k.startswith("signing")]
