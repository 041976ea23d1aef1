"""A month named from the article's date: "last September" (the latest September before the
article's month), "this September", "next April" (the first April after it). Not "the last
September of his life"."""

from __future__ import annotations

from kwpld.ingest import Known, read_text


def _months(text: str, known: Known, date: str) -> list[str]:
    """The months read from ``text`` (the ISO value of every date of month precision)."""
    reading, _ = read_text(text, known=known, date=date, article_type="news")
    return [d.date.iso for d in reading.dates if d.date is not None and d.date.day is None]


def test_last_this_and_next_month(known: Known) -> None:
    for text, expected in [
        ("He was appointed at the session last September.", "2003-09"),
        ("He was appointed at the session last January.", "2003-01"),
        ("The assembly will convene next April.", "2004-04"),
        ("The assembly will convene next January.", "2005-01"),
        ("The assembly convenes this September.", "2004-09"),
    ]:
        assert _months(text, known, "2004-01-29") == [expected], text


def test_no_month_is_counted_where_the_words_are_no_date(known: Known) -> None:
    assert _months("It was the last September of his life.", known, "2004-01-29") == []
    assert _months("He said the last may be first.", known, "2004-01-29") == []


def test_an_event_named_in_passing_is_dated_by_the_month_after_its_name(known: Known) -> None:
    text = (
        "Pak Pong Ju, who was appointed premier at the First Session of the 11th Supreme "
        "People's Assembly last September, has made inspections."
    )
    _, drafted = read_text(text, known=known, date="2004-01-29", article_type="news")
    sessions = [d.record for d in drafted.drafts
                if d.kind == "event" and d.record.get("type") == "session"]  # fmt: skip
    assert [str(s.get("date")) for s in sessions] == ["2003-09"]
