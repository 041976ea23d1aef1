"""Foreign and South Korean people named without a title (class DA, issue 15): a name of no
listed shape in a list next to a person, initials and a family name, Mongolian names with the
father's name in the genitive, double surnames, two-word Vietnamese names, and the South's
hyphenated spellings (kwpld/extract/foreign_people.py, kwpld/reading/foreign_names.yaml); with
near misses that must stay no person: places, ships, organs, titles."""

from __future__ import annotations

import pytest

from kwpld.ingest import Known, read_text

KCNA = "Pyongyang, June 3 (KCNA) -- "


def _people(text: str, known: Known) -> set[str]:
    _, drafted = read_text(text, known=known, date="1983-06-03", article_type="news")
    return {d.id for d in drafted.drafts if d.kind == "person"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a list's neighbour of a person read already: the list carries the name
        ("Present were Kim Yong Nam, Osvaldo Dorticos Torrado and Hwang Jang Yop.",
         "osvaldo-dorticos-torrado"),
        ("The talks were attended by Kim Yong Nam and Bohuslav Chnoupek.", "bohuslav-chnoupek"),
        ("Among the guests were Ferenc Karpati, Kim Yong Nam and Pak Song Chol.",
         "ferenc-karpati"),
        # an item of a list of people with their titles
        ("Present were Kim Yong Nam, member of the Political Bureau, and Gao Lin, minister in "
         "charge of the State Planning Commission.", "gao-lin"),
        ("Present were Kim Yong Nam, member of the Political Bureau, and Ion Ionescu-Dolj, the "
         "ambassador, and others.", "ion-ionescu-dolj"),
        # a foreign title in apposition, the state named by its initials or nationality
        ("He met Evans Revere, a former U.S. ambassador, in New York.", "evans-revere"),
        ("Present was Glyn Tomlinson, UK minister of state for Asia.", "glyn-tomlinson"),
        ("He received Arturo Dalmau, Cuban minister of culture, on Friday.", "arturo-dalmau"),
        # initials and a family name, in a list or beside a person
        ("The guests included A. Gromyko and Kim Yong Nam.", "a-gromyko"),
        ("Its members Y. Ligachev and N. Baibakov attended.", "n-baibakov"),
        # a Mongolian father's name in the genitive
        ("The delegation was headed by Yumjaagiin Tsedenbal on Monday.", "yumjaagiin-tsedenbal"),
        ("Talks were held with Punsalmaagiin Ochirbat in the afternoon.",
         "punsalmaagiin-ochirbat"),
        # a listed given name and a double surname
        ("The banquet was attended by Raul Roa Garcia yesterday.", "raul-roa-garcia"),
        ("Speaking there was Jose Ramon Fernandez-Alvarez in the evening.",
         "jose-ramon-fernandez-alvarez"),
        # a Vietnamese family name and one given word
        ("The delegation of Vo Chi was welcomed at the airport.", "vo-chi"),
        # the South's hyphenated spellings of no North Korean syllable shape
        ("Unification Minister Yim Tae-hee met Rep. Hong Sei-joong on Friday.", "hong-sei-joong"),
        ("Lawmakers Bae Jie-hoon and Kim Dong-chul asked questions.", "bae-jie-hoon"),
    ],
)  # fmt: skip
def test_a_foreign_name_is_a_person(known: Known, text: str, person: str) -> None:
    assert person in _people(KCNA + text, known)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # places and things named after people, ships, organs, titles in lists
        ("The guests visited the Jose Marti Monument and Kim Yong Nam saw them off.",
         "jose-marti"),
        ("Kim Yong Nam toured the cruiser Admiral Nakhimov with the guests.", "admiral"),
        ("Present were Kim Yong Nam, Vice Premier, and Pak Song Chol.", "vice-premier"),
        ("Present were Kim Yong Nam, Samjiyon Orchestra and Pak Song Chol.", "orchestra"),
        ("Kim Yong Nam and the Hanoi Opera House troupe performed.", "hanoi"),
        ("It was headed by Kim Yong Nam, minister of Land and Marine Transport, and Pak Song Chol.",
         "marine"),
        ("Present was the president of the Academy of Nuclear Science, and Kim Yong Nam.",
         "nuclear-science"),
        ("Kim Yong Nam, Pak Song Chol and Ho Chi Minh City officials attended.", "minh-city"),
        # Mongolian-looking English words, short "-yn"/"-ain" words
        ("Kim Yong Nam and Britain Today reported it.", "britain"),
        ("Kim Yong Nam crossed the Brooklyn Bridge in a film.", "brooklyn"),
        # the South's "young" spelling stays unread (no merge with a North Korean record)
        ("Rep. Kim Young-chul and Kim Dong-chul asked questions.", "kim-young-chul"),
        # a Vietnamese street named after a person
        ("Kim Yong Nam visited a school on Tran Hung Dao Street.", "tran-hung"),
        # a titled item of no list of people, an organ's name between titles
        ("Hamhung City, capital of the province, and Kim Yong Nam were named.", "hamhung-city"),
        ("Kim Yong Nam, secretary of the Central Committee, and Wonsan Port, director of the "
         "port, spoke.", "wonsan-port"),
        # an apposition naming a foreign state without a title, or after an event's name
        ("He recalled Glyn Tomlinson, a U.S. critic of the talks.", "glyn-tomlinson"),
        ("He recalled the Hanoi Summit, the U.S. president's second meeting.", "hanoi-summit"),
        ("They read Rodong Sinmun, a paper the U.S. minister cited.", "rodong"),
        # an opening phrase before a list, a day
        ("Later Friday, Kim Yong Nam and Pak Song Chol attended.", "later-friday"),
        ("Earlier Sunday Evening, Kim Yong Nam and Pak Song Chol attended.", "sunday"),
        # a second given name is read from it on, as before
        ("Maria Elena Ostova, member of the Presidium of the Supreme People's Assembly, spoke.",
         "maria-elena"),
    ],
)  # fmt: skip
def test_no_person_is_read(known: Known, text: str, words: str) -> None:
    assert not {p for p in _people(KCNA + text, known) if words in p}


def test_lee_jae_of_a_hyphenated_name_is_not_read(known: Known) -> None:
    people = _people(KCNA + "Lawmakers Lee Jae-joung and Kim Dong-chul asked questions.", known)
    assert "lee-jae" not in people
    assert "lee-jae-joung" in people


def test_a_shorter_name_is_the_guest_named_in_full(known: Known) -> None:
    text = KCNA + (
        "Jorge Risquet Valdes-Saldana, member of the Political Bureau of the Central Committee "
        "of the Communist Party of Cuba, arrived. Kim Yong Nam met Jorge Risquet later."
    )
    people = _people(text, known)
    assert "jorge-risquet-valdes-saldana" in people
    assert "jorge-risquet" not in people
