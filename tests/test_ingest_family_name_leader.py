"""A bare family name in wire prose: the person introduced as the leader when the article named
several of that family, unless its paragraph named another one first; a Western-order name
("Hyung-jin Kim") is nobody's bare "Kim"."""

from __future__ import annotations

from pathlib import Path

from kwpld.ingest import Known, read_text

RECORDS = Path(__file__).resolve().parent / "fixtures" / "ingest" / "facts" / "records"


def _bare(text: str, known: Known) -> list[tuple[str, str | None, tuple[str, ...]]]:
    """(context, person, candidates) of each bare family name read."""
    reading, _ = read_text(text, known=known, date="2022-01-01", article_type="news")
    return [
        (text[m.start : m.end + 8], m.entity, tuple(m.candidates))
        for m in reading.mentions
        if m.kind == "person" and m.name_kind == "surname"
    ]


def test_a_bare_kim_is_the_leader_the_article_introduced(known: Known) -> None:
    text = (
        "SEOUL (Yonhap) -- North Korean leader Kim Jong Un replaced his army chief.\n\n"
        "The meeting named Kim Song Nam director of the International Department.\n\n"
        "The reshuffle suggests that Kim is bringing in loyal officials.\n"
    )
    ((_, person, _),) = _bare(text, known)
    assert person == "=kim-jong-un"


def test_a_bare_kim_after_another_kim_in_its_paragraph_stays_open(known: Known) -> None:
    text = (
        "SEOUL (Yonhap) -- North Korean leader Kim Jong Un replaced his army chief.\n\n"
        "The meeting named Kim Song Nam director. Kim, who took over in 2016, is a veteran.\n"
    )
    ((_, person, candidates),) = _bare(text, known)
    assert person is None and "=kim-jong-un" in candidates


def test_a_western_order_name_is_no_bare_family_name(known: Known) -> None:
    text = (
        "SEOUL (AP) -- North Korean leader Kim Jong Un fired officials.\n\n"
        "Associated Press writer Hyung-jin Kim contributed to this report.\n"
    )
    assert _bare(text, known) == []
