"""Names that contain a date ("the 2 July Decree", "the February 8 Vinalon Complex") are names:
find_dates gives no date for them, unless asked to list them marked as names."""

from __future__ import annotations

import pytest

from kwpld.dates import find_dates, parse_date

REF = parse_date("2019-07")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("under the 2 July Decree, prices rose", "2 July Decree"),
        ("workers of the February 8 Vinalon Complex met", "February 8 Vinalon Complex"),
        ("The April 25 Sports Club won", "April 25 Sports Club"),
        ("a house on the 8 February Street in Pyongyang", "8 February Street"),
        ("awarded the 15 July Prize for", "15 July Prize"),
        ("the June 15 Joint Declaration was", "June 15 Joint Declaration"),
        ("the July 27 Victory Day celebrations", "July 27 Victory Day"),
        ("at the 8 February Vinalon Complex.", "8 February Vinalon Complex"),
        ("the 25th April Sports Club", "25th April Sports Club"),
        ("of the Sept. 9 Street", "Sept. 9 Street"),
        ("players of April 25 Sports Club", "April 25 Sports Club"),  # a known head word
        ("workers at February 8 Vinalon Complex", "February 8 Vinalon Complex"),
    ],
)
def test_a_date_inside_a_name_is_not_a_date(text: str, name: str) -> None:
    assert find_dates(text) == []
    assert find_dates(text, REF) == []
    (marked,) = find_dates(text, REF, names=True)
    assert marked.name == name
    assert text[marked.start : marked.start + len(name)] == name


@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("on 2 July the Decree was adopted", "2 July", "2019-07-02"),
        ("On the 2 July, Kim Jong Un visited", "2 July", "2019-07-02"),
        ("the 2 July meeting of the bureau", "2 July", "2019-07-02"),
        ("on the 28 July Kim Jong Un inspected", "28 July", "2019-07-28"),
        ("on 2 July Decree No. 5 was", "2 July", "2019-07-02"),  # no "the", no name head
        ("the 2 July 2019 Decree", "2 July 2019", "2019-07-02"),  # a year: a dated decree
        ("by the 2 July deadline", "2 July", "2019-07-02"),  # lowercase head: not a name
        ("the 2 July (Tuesday) Meeting", "2 July (Tuesday)", "2019-07-02"),
        ("the 2 July\n\nDecree", "2 July", "2019-07-02"),  # a paragraph break between
    ],
)
def test_real_dates_next_to_capitalized_words_stay_dates(text: str, span: str, iso: str) -> None:
    (mention,) = find_dates(text, REF)
    assert mention.text == span
    assert mention.date is not None and mention.date.iso == iso
    assert mention.name is None


@pytest.mark.parametrize(
    "text",
    ["Victory Day", "on the Day of the Sun", "Liberation Day", "the Day of the Shining Star"],
)
def test_named_days_without_numbers_give_no_dates(text: str) -> None:
    assert find_dates(text, REF) == []
    assert find_dates(text, REF, names=True) == []


def test_name_followed_by_a_korean_name_is_a_date() -> None:
    (mention,) = find_dates("on the 28 July Ri Pyong Chol said", REF)
    assert mention.date is not None and mention.date.iso == "2019-07-28"
