"""An occasion named by its day ("the 27 July parade") takes the year of that same day stated
elsewhere in the text, else the year the dates pass gives the day (the latest not after the
article's date, or one just ahead) — never the year of another day of the same month told of
another occasion ("a meeting ... on 15 July 2012")."""

from __future__ import annotations

from facts_helpers import events, iso

from kwpld.ingest import Known, read_text


def _dates(text: str, known: Known, date: str) -> dict[str, str | None]:
    _, drafted = read_text(text, known=known, date=date, article_type="analysis")
    return {str(r.get("type")): iso(r.get("date")) for r in events(drafted).values()}


def test_another_day_of_the_month_in_another_year_does_not_date_the_parade(known: Known) -> None:
    text = (
        "Ri Yong Ho was relieved of all his posts at a meeting of the Political Bureau on 15 July "
        "2012.\n\nKim Kyok Sik was seen at the 27 July parade as a member of the Central Military "
        "Commission.\n"
    )
    assert _dates(text, known, "2013-10-15").get("ceremony") == "2013-07-27"


def test_the_same_day_stated_with_its_year_dates_it(known: Known) -> None:
    text = (
        "A military parade was held on 27 July 2013 in Pyongyang.\n\nIn 2014 Kim Kyok Sik, seen "
        "at the 27 July parade, was given a command.\n"
    )
    dated = [d for d in _dates(text, known, "2015-03-01").values() if d]
    assert dated and set(dated) == {"2013-07-27"}

