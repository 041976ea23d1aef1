""" "run by Pak Yong Sik" names the person who runs something, not an outlet a work ran in;
"carried by Rodong Sinmun" still names the outlet."""

from __future__ import annotations

from kwpld.ingest import Known, read_text


def _mentions(text: str) -> dict[str, str]:
    reading, _ = read_text(text, known=Known.build([]), date="2015-06-01", article_type="news")
    return {m.text: m.kind for m in reading.mentions}


def test_a_korean_name_after_run_by_is_a_person() -> None:
    text = "Since early May the ministry has been run by Pak Yong Sik, a deputy director."
    assert _mentions(text).get("Pak Yong Sik") == "person"


def test_a_newspaper_after_carried_by_is_an_outlet() -> None:
    assert _mentions("The article was carried by Rodong Sinmun on Monday.") == {
        "Rodong Sinmun": "organ"
    }
