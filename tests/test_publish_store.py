"""kwpld load / kwpld query: the embedded store, and the example queries' answers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from publish_helpers import QUERIES, build_release, manifest, modified_example

from kwpld.cli import main
from kwpld.publish.store import load_release, open_store, run_query


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_release(tmp_path_factory.mktemp("store") / "dist")


@pytest.fixture(scope="module")
def store(release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("oxigraph") / "store"
    load_release(release, path)
    return path


def _rows(target: Path, query: str) -> list[dict[str, str]]:
    store = open_store(target)
    output = run_query(store, (QUERIES / query).read_text("utf-8"))
    text = output.render("csv")
    return list(csv.DictReader(io.StringIO(text)))


def test_four_meetings_with_dates_ordinals_and_juche_years(store: Path) -> None:
    rows = _rows(store, "meetings.rq")
    assert [(r["ordinal"], r["date"], r["jucheYear"]) for r in rows] == [
        ("1", "1991-05", "80"),
        ("2", "1994-03", "83"),
        ("3", "2007-10", "96"),
        ("4", "2013-01-28", "102"),
    ]
    assert rows[0]["dateAsStated"] == "May of Juche 80 (1991)"
    assert rows[3]["name"] == "Fourth Meeting of Secretaries of Cells of the WPK"


def test_organ_chain_from_presidium_to_party(store: Path) -> None:
    rows = _rows(store, "organ-chain.rq")
    assert [(r["steps"], r["kind"]) for r in rows] == [
        ("0", "presidium"),
        ("1", "political-bureau"),
        ("2", "central-committee"),
        ("3", "party"),
    ]
    assert rows[-1]["name"] == "Workers' Party of Korea"


def test_kim_jong_su_essay_and_its_quoted_passages(store: Path) -> None:
    rows = _rows(store, "kim-jong-su-essay.rq")
    assert {(r["title"], r["published"], r["newspaper"]) for r in rows} == {
        ("Party Cells Are Cornerstones That Uphold Our Party", "2013-01-21", "Rodong Sinmun")
    }
    assert len(rows) == 3
    assert any("blood vessel between the party and the masses" in r["quote"] for r in rows)


def test_jang_song_taek_projected_presidium_membership_and_its_graphic(store: Path) -> None:
    (row,) = _rows(store, "jang-song-taek-presidium.rq")
    assert row["status"] == "projected" and row["role"] == "member" and row["asOf"] == "2013-01"
    assert row["source"].endswith("/article/graphic-kwp-pb-2013-01")
    assert "projecting Jang Song Taek's membership on its Presidium" in row["caption"]
    assert row["credit"] == "Graphic by Michael Madden/NK Leadership Watch"
    assert row["graph"].endswith("/graph/source/graphic-kwp-pb-2013-01")


def test_renaming_of_the_first_three_meetings(store: Path) -> None:
    rows = _rows(store, "renaming.rq")
    assert [(r["ordinal"], r["formerName"], r["newName"]) for r in rows] == [
        (
            "1",
            "Short Course of Secretaries of Party Cells across the country",
            "First Meeting of Secretaries of Cells of the WPK",
        ),
        (
            "2",
            "Meeting of Secretaries of Cells of the Whole Party",
            "Second Meeting of Secretaries of Cells of the WPK",
        ),
        (
            "3",
            "Meeting of Secretaries of Cells of the Whole Party",
            "Third Meeting of Secretaries of Cells of the WPK",
        ),
    ]
    assert {r["renamedOn"] for r in rows} == {"2013-01-23"}


def test_names_of_a_person_in_every_spelling_system(store: Path) -> None:
    rows = _rows(store, "names.rq")
    names = {(r["system"], r["use"]): r["name"] for r in rows}
    assert names[("en", "preferred")] == "Jang Song Taek"
    assert names[("en", "alternate")] == "Jang Song Thaek"
    assert names[("hangul", "preferred")] == "장성택"
    assert names[("hanja", "preferred")] == "張成澤"
    assert names[("mr", "preferred")] == "Chang Sŏng-t'aek"
    assert names[("mr-ascii", "preferred")] == "Chang So'ng-t'aek"
    assert names[("rr", "preferred")] == "Jang Seong-taek"
    assert names[("dprk", "preferred")] == "Jang Song Thaek"


def test_release_folder_and_loaded_store_answer_alike(release: Path, store: Path) -> None:
    for query in sorted(QUERIES.glob("*.rq")):
        assert _rows(release, query.name) == _rows(store, query.name), query.name


def test_query_command_prints_table_csv_tsv_and_sparql_json(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = str(QUERIES / "meetings.rq")
    code, table, _ = _cli(capsys, "query", str(store), query)
    assert code == 0 and "(4 rows)" in table and "Juche" in table
    code, out, _ = _cli(capsys, "query", str(store), query, "--format", "csv")
    assert out.splitlines()[0] == "ordinal,date,jucheYear,dateAsStated,name"
    code, out, _ = _cli(capsys, "query", str(store), query, "--format", "tsv")
    assert out.splitlines()[0].split("\t")[:2] == ["?ordinal", "?date"]
    assert '"1"^^<http://www.w3.org/2001/XMLSchema#integer>' in out or "\t1\t" in out
    code, out, _ = _cli(capsys, "query", str(store), query, "--format", "json")
    data = json.loads(out)
    assert data["head"]["vars"][0] == "ordinal"
    assert data["results"]["bindings"][3]["jucheYear"]["value"] == "102"
    code, out, _ = _cli(capsys, "query", str(store), "ASK { ?s a <http://schema.org/Person> }")
    assert out.strip() == "true"
    code, out, _ = _cli(
        capsys,
        "query",
        str(store),
        "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t . FILTER(?t = <http://schema.org/Person>) }",
    )
    assert out.count(" .\n") == 6


def test_query_errors_name_the_problem_without_a_traceback(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _cli(capsys, "query", str(store), "SELECT WHERE {")
    assert code == 2 and "SPARQL syntax error" in err and "Traceback" not in err
    code, _, err = _cli(capsys, "query", str(store), str(tmp_path / "missing.rq"))
    assert code == 2 and "no such query file" in err
    code, _, err = _cli(capsys, "query", str(tmp_path), "ASK {}")
    assert code == 2 and "not a release folder (manifest.json), a data folder" in err
    assert "CURRENT" not in err and "IO error" not in err  # no storage internals
    code, _, err = _cli(capsys, "load", str(tmp_path), "--store", str(tmp_path / "s"))
    assert code == 2 and "not a kwpld release" in err


def test_loading_a_newer_release_replaces_the_older_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = build_release(tmp_path / "old")
    new = build_release(tmp_path / "new", data=modified_example(tmp_path / "data"))
    path = tmp_path / "store"
    code, out, _ = _cli(capsys, "load", str(old), "--store", str(path))
    assert code == 0 and f"loaded {manifest(old)['quads']} triples" in out
    code, out, _ = _cli(capsys, "load", str(new), "--store", str(path))
    assert code == 0
    import pyoxigraph as ox

    loaded = ox.Store.read_only(str(path))
    from publish_helpers import nquads_dataset, quad_strings

    assert quad_strings(loaded) == quad_strings(nquads_dataset(new))
