"""kwpld review: drafts and facts grouped by article, each fact with its evidence sentence and
the spans it used highlighted (rich styles on a terminal, [words|role] elsewhere, JSON for
machines), filtered by kind, status and article; and the flow a curator follows: ingest ->
review -> accept or reject facts one by one (with what they need) -> build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from kwpld.cli import main
from kwpld.errors import InputError
from kwpld.ingest.pipeline import IngestOptions, ingest
from kwpld.review.listing import ReviewListing, review_listing

RECORDS = Path(__file__).parent / "fixtures" / "ingest" / "facts" / "records"
PLENUM = (
    "Plenary Meeting Held\n\n"
    "Pyongyang, January 1 (KCNA) -- The 5th Plenary Meeting of the 7th Central Committee of the "
    "Workers' Party of Korea was held from 28 to 31 December 2019.\n\n"
    "Kim Jong Un, chairman of the WPK, guided the meeting.\n\n"
    "Ri Il Hwan and Kim Hyong Jun were elected vice-chairmen of the WPK Central Committee.   "
    "Ri Su Yong was relieved as vice-chairman of the WPK Central Committee.\n"
)
VISIT = (
    "Minister Visits Hospital\n\n"
    "Pyongyang, April 7 (KCNA) -- Kim Jong Su, minister of Public Health, visited the Pyongyang "
    "Maternity Hospital.\n"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("listing")
    data = root / "data"
    shutil.copytree(RECORDS, data)
    for name, text, date in (
        ("kcna-2020-01-01", PLENUM, "2020-01-01"),
        ("kcna-2015-04-07", VISIT, "2015-04-07"),
    ):
        path = root / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        ingest([path], data, options=IngestOptions(date=date))
    return data


@pytest.fixture
def data(ingested: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(ingested, copy)
    return copy


def _facts(listing: ReviewListing) -> list[tuple[str, str, dict[str, object]]]:
    return [
        (article.article, item.id, item.record)
        for article in listing.articles
        for item, _ in article.drafts
        if item.kind in ("membership", "participation")
    ]


def test_facts_are_grouped_by_article_with_their_spans_in_their_sentences(ingested: Path) -> None:
    listing = review_listing(ingested)
    assert [a.article for a in listing.articles] == ["kcna-2015-04-07", "kcna-2020-01-01"]
    plenum = listing.articles[1]
    assert plenum.title == "Plenary Meeting Held" and plenum.text == "articles/kcna-2020-01-01.txt"
    kinds = [item.kind for item, _ in plenum.drafts]
    assert kinds.index("person") < kinds.index("membership")  # what facts refer to comes first
    facts = [(item, evidence) for item, evidence in plenum.drafts if item.fact is not None]
    assert {item.kind for item, _ in facts} == {"membership", "participation"}
    for item, evidence in facts:
        assert evidence, item.id
        for one in evidence:
            roles = {span.role for span in one.spans}
            assert "person" in roles, (item.id, one)
            for span in one.spans:
                assert one.sentence[span.start : span.end] == span.text
    # The sentence after a run of spaces: offsets in the text file, spans in the folded sentence.
    (relieved,) = [i for i, _ in facts if i.record.get("person") == "ri-su-yong"]
    (sentence,) = dict(facts)[relieved]
    assert sentence.sentence.startswith("Ri Su Yong was relieved")
    assert [s.text for s in sentence.spans if s.role == "trigger"] == ["relieved"]


def test_filters_by_kind_status_and_article(ingested: Path) -> None:
    facts = review_listing(ingested, kinds=["fact"])
    assert {i.kind for a in facts.articles for i, _ in a.drafts} == {"membership", "participation"}
    people = review_listing(ingested, kinds=["person"], articles=["kcna-2020-01-01"])
    assert [a.article for a in people.articles] == ["kcna-2020-01-01"]
    assert {i.kind for a in people.articles for i, _ in a.drafts} == {"person"}
    assert review_listing(ingested, statuses=["rejected"]).drafts == 0
    for bad, message in (
        ({"articles": ["nope"]}, "--article nope: no review file is for that article"),
        ({"kinds": ["people"]}, "--kind people: use person"),
        ({"statuses": ["open"]}, "--status open: use pending, accepted, rejected"),
    ):
        with pytest.raises(InputError, match=message):
            review_listing(ingested, **bad)


def test_spans_are_bracketed_in_plain_text_and_styled_on_a_terminal(ingested: Path) -> None:
    listing = review_listing(ingested, kinds=["fact"], articles=["kcna-2020-01-01"])
    plain = listing.render(markup=False)
    assert "[Kim Jong Un|person], chairman of the WPK, [guided|trigger]" in plain
    assert "[elected|trigger] [vice-chairmen of the WPK Central Committee|role]" in plain
    console = Console(record=True, force_terminal=True, width=400, color_system="standard")
    console.print(listing.render(markup=True))
    text = console.export_text(styles=False, clear=False)
    assert "“Kim Jong Un, chairman of the WPK, guided the meeting.”" in text
    styled = console.export_text(styles=True)
    assert "\x1b[" in styled and "|person]" not in styled


def test_evidence_is_found_by_its_words_in_an_edited_text(data: Path) -> None:
    text = data / "articles" / "kcna-2020-01-01.txt"
    text.write_text("Edited.\n\n" + text.read_text(encoding="utf-8"), encoding="utf-8")
    plain = review_listing(data, kinds=["membership"]).render(markup=False)
    assert "[Kim Hyong Jun|person] were [elected|trigger]" in plain


def test_review_command_prints_text_and_json(
    ingested: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["review", str(ingested), "--kind", "fact"], capsys)
    assert code == 0 and "[Ri Su Yong|person] was [relieved|trigger]" in out
    assert "articles/kcna-2020-01-01.review.yaml  “Plenary Meeting Held”" in out
    code, out, _ = run(["review", str(ingested), "--format", "json", "--kind", "person"], capsys)
    data = json.loads(out)
    assert code == 0 and data["counts"] == {"person": data["counts"]["person"]}
    spans = [
        s for a in data["articles"] for d in a["drafts"] for e in d["evidence"] for s in e["spans"]
    ]
    assert spans and all(s["role"] == "mention" for s in spans)
    code, _, err = run(["review", str(ingested), "--article", "nope"], capsys)
    assert code == 2 and "no review file is for that article" in err


def test_ingest_review_accept_facts_one_by_one_then_build(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = review_listing(data, kinds=["fact"], articles=["kcna-2020-01-01"])
    facts = {record.get("person") or record.get("ref"): i for _, i, record in _facts(listing)}
    elected = facts["kim-hyong-jun"]  # a new person, a new post: the fact needs both
    code, out, err = run(["accept", str(data), elected], capsys)
    assert code == 0, err
    review = yaml.safe_load((data / "articles" / "kcna-2020-01-01.review.yaml").read_text("utf-8"))
    status = {d["id"]: d["status"] for d in review["drafts"]}
    assert status[elected] == "accepted" and status["kim-hyong-jun"] == "accepted"
    (membership,) = [d for d in review["drafts"] if d["id"] == elected]
    assert all(
        status.get(ref, "record") in ("accepted", "record")
        for ref in (membership["record"]["organ"], membership["record"].get("post"))
        if ref
    )
    assert status["ri-il-hwan"] == "pending"  # what the fact does not need stays a draft
    participations = [
        i for _, i, r in _facts(listing) if r.get("ref") == "kim-jong-un" and "event" in r
    ]
    assert participations
    code, out, err = run(["accept", str(data), participations[0]], capsys)
    assert code == 0, err
    relieved = facts["ri-su-yong"]
    code, out, _ = run(["reject", str(data), relieved], capsys)
    assert code == 0 and "rejected 1 draft(s)" in out
    shown = review_listing(data, statuses=["accepted", "rejected"], kinds=["fact"])
    assert {(i.id, i.status) for a in shown.articles for i, _ in a.drafts} == {
        (elected, "accepted"),
        (participations[0], "accepted"),
        (relieved, "rejected"),
    }
    code, out, err = run(["build", str(data), "--out", str(tmp_path / "out")], capsys)
    assert code == 0, err
    triples = (tmp_path / "out" / "data.nt").read_text(encoding="utf-8")
    assert f"/membership/{elected}>" in triples
    event = participations[0].rsplit(".", 1)[0]
    assert f"/event/{event}> <http://schema.org/attendee> <" in triples
    assert "/person/kim-jong-un>" in triples and f"/membership/{relieved}>" not in triples
