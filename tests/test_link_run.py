"""``kwpld link`` end to end: the seed example against the real test endpoint on 127.0.0.1."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml
from wikidata_endpoint import Fault, SparqlEndpoint

from kwpld.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "party-cells-2013"
PEOPLE = {
    "kim-jong-un": "Q56226",
    "kim-il-sung": "Q41117",
    "kim-jong-il": "Q10665",
    "jang-song-taek": "Q496004",
}


@pytest.fixture(scope="module")
def endpoint():
    with SparqlEndpoint() as ep:
        yield ep


@pytest.fixture(autouse=True)
def _clean(endpoint: SparqlEndpoint):
    endpoint.reset()
    yield
    endpoint.reset()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "records"))


def kwpld(*args: str) -> tuple[int, str, str]:
    """Run the kwpld command in this process: exit code, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return code, out.getvalue(), err.getvalue()


def link(endpoint: SparqlEndpoint, data: Path, *extra: str) -> tuple[int, str, str]:
    return kwpld(
        "link", str(data), "--endpoint", endpoint.url, "--interval", "0", "--date", "2024-05-01",
        "--reviewer", "A. Scholar", "--retries", "1", "--backoff", "0.05", "--timeout", "2", *extra,
    )  # fmt: skip


def links_of(data: Path) -> dict[tuple[str, str], dict]:
    path = data / "wikidata-links.yaml"
    if not path.exists():
        return {}
    found = yaml.safe_load(path.read_text("utf-8"))["wikidata_links"]
    return {(k["entity"], k["qid"]): {**k, "date": str(k["date"])} for k in found}


def review_rows(data: Path) -> list[dict[str, str]]:
    with (data / "wikidata.review.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def decide(data: Path, decisions: dict[tuple[str, str], str], **columns: str) -> None:
    rows = review_rows(data)
    for row in rows:
        decision = decisions.get((row["entity"], row["qid"]))
        if decision:
            row["decision"] = decision
            row.update(columns)
    with (data / "wikidata.review.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_auto_accept_links_the_unambiguous_people_and_leaves_kim_jong_su_for_review(endpoint, data):
    code, out, err = link(endpoint, data, "--auto-accept", "0.9")
    assert code == 0, err
    links = links_of(data)
    for entity, qid in PEOPLE.items():
        found = links[(entity, qid)]
        assert found["decision"] == "accepted" and found["method"] == "auto"
        assert found["by"] == "A. Scholar" and found["date"] == "2024-05-01"
        assert found["score"] >= 0.9
    assert not [k for k in links if k[0] == "kim-jong-su"]
    rows = [r for r in review_rows(data) if r["entity"] == "kim-jong-su"]
    assert [r["qid"] for r in rows[:2]] and {r["qid"] for r in rows[:2]} == {
        "Q900000010",
        "Q900000011",
    }
    # Two namesakes, and nothing but the name, type, country and party tells for either.
    assert rows[0]["status"].startswith("a common name: no independent evidence")
    assert rows[0]["rank"] == "1"
    assert rows[0]["url"] == f"https://www.wikidata.org/wiki/{rows[0]['qid']}"
    assert "Checked 4 QIDs the records carry: 4 confirmed" in out
    assert "review    kim-jong-su" in out
    assert "Requests: 3 (0 retries" in out


def test_a_second_run_on_a_warm_cache_makes_no_request_and_works_offline(endpoint, data):
    link(endpoint, data, "--auto-accept", "0.9")
    sent = len(endpoint.requests)
    review = (data / "wikidata.review.csv").read_bytes()
    code, out, _ = link(endpoint, data, "--auto-accept", "0.9")
    assert code == 0 and len(endpoint.requests) == sent
    assert "Requests: 0 (0 retries" in out
    code, out, _ = link(endpoint, data, "--auto-accept", "0.9", "--offline")
    assert code == 0 and len(endpoint.requests) == sent
    assert (data / "wikidata.review.csv").read_bytes() == review


def test_offline_without_a_cache_stops_with_exit_3_and_a_message(endpoint, data):
    code, _, err = link(endpoint, data, "--offline")
    assert code == 3
    assert (
        "working offline, but the answer to the candidate search (1 of 1) is not in the cache"
        in err
    )
    assert not endpoint.requests


def test_without_auto_accept_everything_goes_to_review(endpoint, data):
    code, _, _ = link(endpoint, data)
    assert code == 0 and not links_of(data)
    statuses = {r["entity"]: r["status"] for r in review_rows(data)}
    assert statuses["kim-jong-un"] == "to review"
    assert statuses["dprk-state-media"] == "no candidates"


def test_decisions_in_the_review_file_are_recorded_with_who_when_and_how(endpoint, data):
    link(endpoint, data, "--auto-accept", "0.9")
    decide(
        data,
        {("kim-jong-su", "Q900000011"): "accept", ("michael-madden", "Q900000014"): "reject"},
        reviewer="B. Reviewer",
        note="checked against the byline",
    )
    code, out, _ = link(endpoint, data, "--auto-accept", "0.9", "--date", "2024-06-02")
    assert code == 0
    assert "Recorded 2 decisions from wikidata.review.csv (1 accepted, 1 rejected)" in out
    links = links_of(data)
    accepted = links[("kim-jong-su", "Q900000011")]
    assert accepted == {
        "entity": "kim-jong-su", "qid": "Q900000011", "decision": "accepted", "method": "review",
        "score": accepted["score"], "by": "B. Reviewer", "date": "2024-06-02",
        "label": "Kim Jong Su", "note": "checked against the byline",
    }  # fmt: skip
    assert links[("michael-madden", "Q900000014")]["decision"] == "rejected"
    remaining = review_rows(data)
    assert not [r for r in remaining if r["entity"] == "kim-jong-su"]
    madden = [r["qid"] for r in remaining if r["entity"] == "michael-madden"]
    assert madden == ["Q900000015"]  # the rejected item is not proposed again


def test_a_qid_typed_on_a_row_without_candidates_is_a_manual_link(endpoint, data):
    link(endpoint, data)
    rows = review_rows(data)
    for row in rows:
        if row["entity"] == "rodong-sinmun" and row["rank"] == "1":
            row["decision"] = "accept"
        if row["entity"] == "dprk-state-media":
            row.update(qid="Q900000108", decision="accept")
    with (data / "wikidata.review.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    code, _, _ = link(endpoint, data, "--apply-only")
    assert code == 0
    links = links_of(data)
    assert links[("dprk-state-media", "Q900000108")]["method"] == "manual"
    assert "score" not in links[("dprk-state-media", "Q900000108")]
    assert links[("rodong-sinmun", "Q900000107")]["method"] == "review"


def test_applying_the_same_review_file_twice_records_each_decision_once(endpoint, data):
    link(endpoint, data)
    decide(data, {("kim-jong-un", "Q56226"): "accept"})
    link(endpoint, data, "--apply-only")
    before = (data / "wikidata-links.yaml").read_bytes()
    code, out, _ = link(endpoint, data, "--apply-only")
    assert code == 0 and "1 were already recorded" in out
    assert (data / "wikidata-links.yaml").read_bytes() == before


def test_bad_rows_in_the_review_file_are_reported_by_line_and_nothing_is_recorded(endpoint, data):
    link(endpoint, data)
    decide(
        data,
        {
            ("kim-jong-un", "Q56226"): "maybe",
            ("kim-jong-un", "Q900000001"): "accept",
            ("kim-il-sung", "Q41117"): "accept",
            ("kim-jong-il", "Q10665"): "accept",
        },
    )
    rows = review_rows(data)
    line = {(r["entity"], r["qid"]): n + 2 for n, r in enumerate(rows)}
    for row in rows:
        if (row["entity"], row["qid"]) == ("kim-jong-il", "Q10665"):
            row["entity"] = "kim-jong-ill"
    with (data / "wikidata.review.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    code, _, err = link(endpoint, data, "--apply-only")
    assert code == 2
    assert (
        f"wikidata.review.csv:{line[('kim-jong-un', 'Q56226')]} (link kim-jong-un) decision: "
        "'maybe' is not a decision: write accept or reject" in err
    )
    assert (
        f"wikidata.review.csv:{line[('kim-jong-un', 'Q900000001')]} (link kim-jong-un) "
        "decision: the record says wikidata: Q56226" in err
    )
    assert "no person, organ, event or article has the id 'kim-jong-ill'" in err
    assert "nothing was written" in err
    assert not (data / "wikidata-links.yaml").exists()


def test_auto_accept_needs_to_know_who_runs_it(endpoint, data):
    code, _, err = kwpld("link", str(data), "--endpoint", endpoint.url, "--auto-accept", "0.9")
    assert code == 2 and "--auto-accept records who ran it" in err
    assert not endpoint.requests


def test_a_threshold_outside_0_to_1_is_a_usage_error(endpoint, data):
    code, _, err = link(endpoint, data, "--auto-accept", "90")
    assert code == 2 and "--auto-accept takes a score above 0 and at most 1, not 90" in err


def test_an_endpoint_that_fails_stops_the_run_but_keeps_every_decision(endpoint, data):
    link(endpoint, data)
    decide(data, {("kim-jong-un", "Q56226"): "accept"})
    review = (data / "wikidata.review.csv").read_bytes()
    endpoint.reset()
    endpoint.always = Fault.error(500)
    code, out, err = link(endpoint, data, "--auto-accept", "0.9", "--refresh")
    assert code == 3
    assert "failed on the candidate search (1 of 1): HTTP 500" in err
    assert "Nothing already accepted is lost" in err
    assert "Recorded 1 decisions" not in out  # the report is not printed, but the decision is kept
    assert links_of(data)[("kim-jong-un", "Q56226")]["method"] == "review"
    assert (data / "wikidata.review.csv").read_bytes() == review
    endpoint.always = None
    code, out, _ = link(endpoint, data, "--auto-accept", "0.9", "--refresh")
    assert code == 0 and "1 were already recorded" in out
    assert ("kim-il-sung", "Q41117") in links_of(data)


def test_a_run_stopped_half_way_resumes_from_the_answers_it_already_has(endpoint, data):
    endpoint.inject(Fault.slow(0.2))  # the candidate search succeeds (slowly) ...
    endpoint.always = Fault.truncated()  # ... then every answer breaks off
    code, _, err = link(endpoint, data, "--auto-accept", "0.9")
    assert code == 3 and "sent a broken answer to the evidence query (1 of 1)" in err
    endpoint.reset()
    code, out, _ = link(endpoint, data, "--auto-accept", "0.9")
    assert code == 0
    searches = [r for r in endpoint.requests if "?via" in r.query]
    assert not searches  # the search answered before the failure is not asked again
    assert ("kim-jong-un", "Q56226") in links_of(data)


@pytest.mark.parametrize(
    ("entity", "qid", "code", "message"),
    [
        (
            "kim-jong-il",
            "Q900000006",
            "wikidata-mismatch",
            "Q900000006 (Kim Jong-il) does not fit the record: Korean name 김종일 is not the "
            "record's 김정일; citizen of South Korea (Q884, P27), but the records say KP",
        ),
        (
            "kim-il-sung",
            "Q900000003",
            "wikidata-mismatch",
            "a place (instance of town square (fixture class) (Q900000901)), not a person",
        ),
        (
            "jang-song-taek",
            "Q900000099",
            "wikidata-redirect",
            "Q900000099 was merged into Q900000100; write Q900000100 instead",
        ),
        ("kim-jong-un", "Q999999999", "wikidata-missing", "Q999999999 has no data on the endpoint"),
    ],
    ids=["korean-name-and-citizenship", "a-place", "redirect", "missing"],
)
def test_curated_qids_that_do_not_fit_their_record_are_reported(
    endpoint, data, entity, qid, code, message
):
    people = data / "people.yaml"
    people.write_text(
        people.read_text("utf-8").replace(f"wikidata: {PEOPLE[entity]}", f"wikidata: {qid}"),
        "utf-8",
    )
    exit_code, out, err = link(endpoint, data)
    assert exit_code == 1
    assert "Checked 4 QIDs the records carry: 3 confirmed, 1 do not fit" in out
    assert message in err and f"[{code}]" in err
    assert "people.yaml:" in err and f"(person {entity}) wikidata:" in err


def test_json_output_for_ci(endpoint, data):
    code, out, _ = link(endpoint, data, "--auto-accept", "0.9", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert {k["entity"] for k in report["auto_accepted"]} >= set(PEOPLE)
    assert report["requests"] == 3 and report["problems"] == []
    assert [c["confirmed"] for c in report["checked_qids"]] == [True] * 4


def test_the_files_a_run_writes_are_the_same_bytes_every_time(endpoint, tmp_path):
    outputs = []
    for name in ("a", "b"):
        data = Path(shutil.copytree(EXAMPLE, tmp_path / name))
        link(endpoint, data, "--auto-accept", "0.9")
        outputs.append(
            (
                (data / "wikidata.review.csv").read_bytes(),
                (data / "wikidata-links.yaml").read_bytes(),
            )
        )
    assert outputs[0] == outputs[1]


def test_accepted_links_show_up_in_the_build(endpoint, data, tmp_path):
    link(endpoint, data, "--auto-accept", "0.9")
    code, _, err = kwpld("build", str(data), "--out", str(tmp_path / "dist"), "--quiet")
    assert code == 0, err
    turtle = (tmp_path / "dist" / "data.ttl").read_text("utf-8")
    assert "owl:sameAs wd:Q900000100" in turtle  # the party, linked by this run
    assert "kwp:linkMethod <https://w3id.org/kwpld/vocab/link-method/auto>" in turtle


def test_a_wrong_curated_qid_is_reported_and_its_record_left_for_review(endpoint, data):
    people = data / "people.yaml"
    people.write_text(
        people.read_text("utf-8").replace("wikidata: Q10665", "wikidata: Q900000006"), "utf-8"
    )
    code, _, err = link(endpoint, data, "--auto-accept", "0.9")
    assert (
        code == 1 and "(person kim-jong-il) wikidata: Q900000006 (Kim Jong-il) does not fit" in err
    )
    assert not [k for k in links_of(data) if k[0] == "kim-jong-il"]
    rows = [r for r in review_rows(data) if r["entity"] == "kim-jong-il"]
    assert rows[0]["qid"] == "Q10665"
    assert rows[0]["status"] == "the record's wikidata field says Q900000006"
    curated = next(r for r in rows if r["qid"] == "Q900000006")
    assert curated["found_by"].startswith("the record's wikidata field")


def test_only_and_kinds_narrow_what_is_searched(endpoint, data):
    code, out, _ = link(endpoint, data, "--only", "wpk", "--only", "kim-jong-su")
    assert code == 0 and "Searched 2 records" in out
    assert {r["entity"] for r in review_rows(data)} == {"wpk", "kim-jong-su"}
    code, out, _ = link(endpoint, data, "--kinds", "event")
    assert code == 0 and {r["kind"] for r in review_rows(data)} == {"event"}
    code, _, err = link(endpoint, data, "--only", "kim-jong-uun")
    assert (
        code == 2 and "--only kim-jong-uun: no person, organ, event or article has this id" in err
    )
    code, _, err = link(endpoint, data, "--kinds", "post")
    assert code == 2 and "cannot link records of kind post" in err


def test_the_decision_date_defaults_to_source_date_epoch(endpoint, data, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14
    code, _, _ = kwpld(
        "link", str(data), "--endpoint", endpoint.url, "--interval", "0", "--auto-accept", "0.9",
        "--reviewer", "A. Scholar",
    )  # fmt: skip
    assert code == 0
    assert {k["date"] for k in links_of(data).values()} == {"2023-11-14"}
