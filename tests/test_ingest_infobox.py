"""Infoboxes of encyclopedia pages (issue 15): an office box's "In office" period is the page
subject's; "Preceded by" / "Succeeded by" hold the same office up to and from it; a label that is
a title ("Premier") names who held that title beside the subject; "Leader" names no holding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kwpld.dates import parse_date
from kwpld.ingest import Known, read_text

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


def _iso(value: object) -> str | None:
    return None if value is None else parse_date(value).iso


def terms(text: str, known: Known, media: str) -> set[tuple[Any, ...]]:
    _, drafted = read_text(text, known=known, date="2024-03-01", article_type="report",
                           media_type=media)  # fmt: skip
    names = {
        d.id: d.record["names"][0]["text"]
        for d in drafted.drafts
        if d.kind in ("person", "organ") and d.record.get("names")
    }
    return {
        (names.get(r["person"], r["person"]), r["role"], names.get(r["organ"], r["organ"]),
         _iso(r.get("start")), _iso(r.get("end")))
        for d in drafted.drafts
        if d.kind == "membership" and d.fact
        for r in [d.record]
    }  # fmt: skip


def test_an_html_infobox(known: Known) -> None:
    page = (
        "<html><head><title>Pak Su Il - Wikipedia</title></head><body>"
        '<h1 id="firstHeading">Pak Su Il</h1><table class="infobox"><tbody>'
        '<tr><th colspan="2">Minister of People\'s Armed Forces</th></tr>'
        '<tr><td colspan="2"><b>In office</b><br>3 May 2013 – 22 June 2014</td></tr>'
        "<tr><th>Premier</th><td>Pak Pong-ju</td></tr>"
        "<tr><th>Leader</th><td>Kim Jong-un</td></tr>"
        "<tr><th>Preceded by</th><td>Kim Kyok-sik</td></tr>"
        "<tr><th>Succeeded by</th><td>Hyon Yong-chol</td></tr>"
        "</tbody></table><p><b>Pak Su Il</b> is a retired North Korean general.</p>"
        "</body></html>"
    )
    got = terms(page, known, "text/html")
    assert ("Pak Su Il", "chairman", "mpaf", "2013-05-03", "2014-06-22") in got
    assert ("Kim Kyok-sik", "chairman", "mpaf", None, "2013-05-03") in got
    assert ("Hyon Yong-chol", "chairman", "mpaf", "2014-06-22", None) in got
    assert ("pak-pong-ju", "chairman", "cabinet", None, None) in got
    assert not any(t[0] == "kim-jong-un" for t in got)  # "Leader" is no title


def test_a_plain_text_box_refines_the_prose(known: Known) -> None:
    text = (
        "# Ri Chol Man\n\n"
        "Chairman of the State Planning Commission\n\nIn office\n\n"
        "12 April 2009 – 7 April 2014\n\nPreceded by\n\nRo Tu-chol\n\n"
        "Ri Chol Man is a North Korean economist. He was appointed chairman of the State "
        "Planning Commission in 2009.\n"
    )
    got = terms(text, known, "text/markdown")
    own = [t for t in got if t[0] == "Ri Chol Man"]
    assert own == [("Ri Chol Man", "chairman", "state-planning-commission", "2009-04-12",
                    "2014-04-07")]  # fmt: skip
    assert ("Ro Tu-chol", "chairman", "state-planning-commission", None, "2009-04-12") in got
