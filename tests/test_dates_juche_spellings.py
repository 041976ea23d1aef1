"""Juche years as sources spell them: Juche, Chuch'e (MR), Chuch’e, Chuche; () or [] around the
Gregorian year, in parse_date and in running text (find_dates)."""

from __future__ import annotations

import pytest

from kwpld.dates import DateError, DateMention, Precision, find_dates, parse_date


def one(text: str) -> DateMention:
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("Chuch'e 106 [2017]", "2017", Precision.YEAR),
        ("Chuch’e 107 (2018)", "2018", Precision.YEAR),
        ("Chuchʼe 107 (2018)", "2018", Precision.YEAR),
        ("Chuche 106", "2017", Precision.YEAR),
        ("Juche 106 [2017]", "2017", Precision.YEAR),
        ("Juche 106 [ 2017 ]", "2017", Precision.YEAR),
        ("CHUCH'E 106", "2017", Precision.YEAR),
        ("May of Chuch'e 80 [1991]", "1991-05", Precision.MONTH),
        ("May Chuche 80", "1991-05", Precision.MONTH),
        ("28 January Chuch’e 102 [2013]", "2013-01-28", Precision.DAY),
        ("1991 [Juche 80]", "1991", Precision.YEAR),
        ("1991 (Chuch'e 80)", "1991", Precision.YEAR),
        ("May 1991 [Chuche 80]", "1991-05", Precision.MONTH),
        ("28 January 2013 [Monday]", "2013-01-28", Precision.DAY),
    ],
)
def test_parse_date_reads_mr_juche_spellings_and_square_brackets(
    text: str, iso: str, precision: Precision
) -> None:
    date = parse_date(text)
    assert date.iso == iso
    assert date.precision is precision
    assert date.stated == text


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Chuch'e 106 [2018]", "Juche 106 is 2017, not 2018"),
        ("Chuch’e 107 (2017)", "Juche 107 is 2018, not 2017"),
        ("1991 [Chuche 81]", "Juche 81 is 1992"),
        ("May of Chuch'e 80 [1992]", "Juche 80 is 1991, not 1992"),
    ],
)
def test_parse_date_cross_checks_mr_juche_years(text: str, fragment: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert caught.value.code == "calendar-mismatch"
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "Juche 106 (2017]",  # brackets that do not pair
        "Juche 106 [2017)",
        "Chuch'' 106",
        "Chuchee 106",
        "Chuch 106",
    ],
)
def test_parse_date_rejects_near_misses(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("was adopted in Chuch'e 106 [2017] by", "Chuch'e 106 [2017]", "2017"),
        ("published in Chuch’e 107 (2018).", "Chuch’e 107 (2018)", "2018"),
        ("printed Chuche 106 in Pyongyang", "Chuche 106", "2017"),
        ("in Juche 106 [2017], the", "Juche 106 [2017]", "2017"),
        ("held in May of Chuch'e 80 [1991] at", "May of Chuch'e 80 [1991]", "1991-05"),
        ("on 6 May Chuch’e 105 (2016) the", "6 May Chuch’e 105 (2016)", "2016-05-06"),
        ("on May 6, Chuche 105 [2016] the", "May 6, Chuche 105 [2016]", "2016-05-06"),
        ("born in 1912 [Juche 1] at", "1912 [Juche 1]", "1912"),
        ("born in 1912 (Chuch'e 1) at", "1912 (Chuch'e 1)", "1912"),
        ("in May 1991 [Chuch’e 80].", "May 1991 [Chuch’e 80]", "1991-05"),
        ("주체106[2017]년 5월 10일에", "주체106[2017]년 5월 10일", "2017-05-10"),
        ("on 28 January 2013 [Monday].", "28 January 2013 [Monday]", "2013-01-28"),
    ],
)
def test_find_dates_reads_mr_juche_spellings_and_square_brackets(
    text: str, span: str, iso: str
) -> None:
    mention = one(text)
    assert mention.text == span
    assert text[mention.start : mention.end] == span
    assert mention.date is not None and mention.date.iso == iso
    assert mention.problems == ()
    assert mention.date.juche is ("주체" in span or "uch" in span or "UCH" in span)


@pytest.mark.parametrize(
    ("text", "span", "fragment"),
    [
        ("in Chuch'e 106 [2018] the", "Chuch'e 106 [2018]", "Juche 106 is 2017, not 2018"),
        ("in Chuch’e 107 (2017) the", "Chuch’e 107 (2017)", "Juche 107 is 2018, not 2017"),
        ("in Juche 106 [2016] the", "Juche 106 [2016]", "Juche 106 is 2017, not 2016"),
        ("in 1991 [Chuche 81] the", "1991 [Chuche 81]", "Juche 81 is 1992, not 1991"),
        ("주체106[2018]년 5월", "주체106[2018]년 5월", "Juche 106 is 2017, not 2018"),
    ],
)
def test_mr_juche_year_contradicting_gregorian_gives_no_date_and_a_flag(
    text: str, span: str, fragment: str
) -> None:
    mention = one(text)
    assert mention.text == span
    assert mention.date is None
    ((code, message),) = mention.problems
    assert code == "calendar-mismatch" and fragment in message


@pytest.mark.parametrize(
    "text",
    [
        "the chuche idea",
        "the Juche idea of 106 parts",
        "Chuch'e thought",
        "Juche Tower",
        "Chuche-106",
        "Juche 1066 was",  # no Juche year has four digits
    ],
)
def test_juche_words_without_a_year_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_mismatched_brackets_do_not_take_the_gregorian_year() -> None:
    mention = one("in Juche 106 (2017] the")
    assert mention.text == "Juche 106"
    assert mention.date is not None and mention.date.iso == "2017"
