"""The ingest/review/accept flow: files written, determinism, dependencies, rejections,
rollback, curated files kept as written, and drafts shared between articles."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml

from kwpld.errors import InputError, LoadError
from kwpld.ingest.pipeline import IngestOptions, ingest
from kwpld.load import load_records
from kwpld.review import accept, list_drafts, reject

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "texts" / "nklw-2013-01-party-cell-secretaries.txt"
ARTICLE = "nklw-2013-01-party-cell-secretaries"
OPTIONS = IngestOptions(article_type="analysis")


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def ingested_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("once") / "data"
    ingest([SEED], data, options=OPTIONS)
    return data


@pytest.fixture
def data(ingested_once: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(ingested_once, copy)
    return copy


def _review(data: Path) -> dict:
    return yaml.safe_load(
        (data / "articles" / f"{ARTICLE}.review.yaml").read_text(encoding="utf-8")
    )


def test_ingest_writes_the_article_its_review_text_and_annotations(ingested_once: Path) -> None:
    files = sorted(p.name for p in (ingested_once / "articles").iterdir())
    assert files == [
        f"{ARTICLE}.{ext}" for ext in ("annotations.jsonld", "review.yaml", "txt", "yaml")
    ]
    assert (ingested_once / "articles" / f"{ARTICLE}.txt").read_bytes() == SEED.read_bytes()
    records = load_records(ingested_once)  # the article file loads: no reference to a draft
    assert records.counts()["article"] == 3
    assert {d["status"] for d in _review(ingested_once)["drafts"]} == {"pending"}


def test_same_input_gives_byte_identical_files(ingested_once: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    ingest([SEED], other, options=OPTIONS)
    assert _snapshot(other) == _snapshot(ingested_once)
    ingest([SEED], other, options=OPTIONS)  # again into the same folder
    assert _snapshot(other) == _snapshot(ingested_once)


def test_review_lists_drafts_with_evidence(data: Path) -> None:
    items = {item.id: item for item in list_drafts(data)}
    kim_jong_su = items["kim-jong-su"]
    assert kim_jong_su.kind == "person" and kim_jong_su.label == "Kim Jong Su"
    assert "Kim Jong Su (Kim Cho’ng-su)" in kim_jong_su.evidence[0]
    assert items["kim-il-sung"].needs == ("wpk-pb-report-2013-01-23",)


def test_accepting_a_draft_that_needs_another_is_refused(data: Path) -> None:
    before = _snapshot(data)
    with pytest.raises(
        InputError, match="kim-il-sung: refers to wpk-pb-report-2013-01-23, still a draft"
    ):
        accept(data, ["kim-il-sung"])
    assert _snapshot(data) == before


def test_with_dependencies_accepts_what_is_needed(data: Path) -> None:
    result = accept(data, ["kim-il-sung"], with_dependencies=True)
    accepted = {record_id for _, record_id in result.accepted}
    assert {"kim-il-sung", "wpk-pb-report-2013-01-23", "wpk-pb", "wpk-cc", "wpk"} <= accepted
    records = load_records(data)
    assert "kim-il-sung" in records
    article = records[ARTICLE]
    assert "kim-il-sung" in article.mentions and "wpk-pb-report-2013-01-23" in article.cites
    statuses = {d["record"]["id"]: d["status"] for d in _review(data)["drafts"]}
    assert (
        statuses["kim-il-sung"] == "accepted"
        and statuses["dprk-state-media-2013-01-18"] == "pending"
    )
    assert (data / "people.yaml").read_text(encoding="utf-8").startswith("kwpld: 1\npeople:\n")


def test_references_to_rejected_drafts_are_dropped(data: Path) -> None:
    reject(data, ["wpk-pb-report-2013-01-23"])
    result = accept(data, ["kim-il-sung"])
    assert (
        result.dropped
        == [
            "kim-il-sung: dropped the reference to wpk-pb-report-2013-01-23 "
            "(its draft was rejected or is gone)"
        ]
        * 3
    )
    person = load_records(data)["kim-il-sung"]
    assert person.sources == [] and all(not n.sources for n in person.names)


def test_rejections_survive_a_new_ingest(data: Path) -> None:
    reject(data, ["dprk-state-media-2013-01-18"])
    ingest([SEED], data, options=OPTIONS)
    statuses = {d["record"]["id"]: d["status"] for d in _review(data)["drafts"]}
    assert statuses["dprk-state-media-2013-01-18"] == "rejected"
    assert "dprk-state-media-2013-01-18" not in {i.id for i in list_drafts(data)}


def test_accept_appends_to_a_curated_file_keeping_it_as_written(data: Path) -> None:
    people = data / "people.yaml"
    curated = (
        "# People, checked by hand.\nkwpld: 1\npeople:\n- id: choe-ryong-hae  # a comment\n"
        "  names:\n  - {text: Choe Ryong Hae, system: en}\n"
    )
    people.write_text(curated, encoding="utf-8")
    accept(data, ["kim-jong-su"], with_dependencies=True)
    text = people.read_text(encoding="utf-8")
    assert text.startswith(curated)
    assert [p.id for p in load_records(data).people] == ["choe-ryong-hae", "kim-jong-su"]


def test_accept_refuses_a_file_it_cannot_append_to(data: Path) -> None:
    (data / "people.yaml").write_text("kwpld: 1\npeople: []\norgans: []\n", encoding="utf-8")
    with pytest.raises(InputError, match="people.yaml: 'people' is not the last list"):
        accept(data, ["michael-madden"])
    accept(data, ["michael-madden"], to="accepted.yaml")
    assert load_records(data)["michael-madden"].origin.file == "accepted.yaml"


def test_a_broken_draft_is_reported_and_nothing_changes(data: Path) -> None:
    path = data / "articles" / f"{ARTICLE}.review.yaml"
    review = _review(data)
    draft = next(d for d in review["drafts"] if d["record"]["id"] == "michael-madden")
    draft["record"]["gender"] = "unknown"
    draft["record"]["sources"] = ["no-such-article"]
    path.write_text(yaml.safe_dump(review, allow_unicode=True, sort_keys=False), encoding="utf-8")
    before = _snapshot(data)
    with pytest.raises(LoadError) as caught:
        accept(data, ["michael-madden"])
    text = caught.value.render()
    assert "(person michael-madden) gender: 'unknown' is not one of the allowed values" in text
    assert (
        "(person michael-madden) sources.0: no record or draft has the id 'no-such-article'" in text
    )
    assert _snapshot(data) == before


def test_an_edited_article_file_is_left_alone(data: Path) -> None:
    path = data / "articles" / f"{ARTICLE}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# my note\n", encoding="utf-8")
    edited = path.read_bytes()
    result = accept(data, ["michael-madden"])
    assert path.read_bytes() == edited
    assert "was edited after kwpld ingest wrote it" in result.skipped[0]


def test_two_articles_naming_one_new_person_share_the_draft(data: Path, tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text(
        "Kim Jong Su Writes Again\n\n"
        "Kim Jong Su (Kim Cho’ng-su) wrote in Rodong Sinmun on 3 March 2013.\n",
        encoding="utf-8",
    )
    ingest([second], data)
    review = yaml.safe_load((data / "articles" / "second.review.yaml").read_text(encoding="utf-8"))
    assert "kim-jong-su" not in {d["record"]["id"] for d in review["drafts"]}
    assert "kim-jong-su" in review["records"][0]["mentions"]
    accept(data, ["kim-jong-su"])
    records = load_records(data)
    assert "kim-jong-su" in records["second"].mentions
    assert "kim-jong-su" in records[ARTICLE].mentions


def test_an_article_that_is_already_a_record_is_not_rewritten(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "examples" / "party-cells-2013", data)
    before = _snapshot(data)
    result = ingest([SEED], data, options=OPTIONS)
    (article,) = result.articles
    assert "article" not in article.files and article.drafts == {}
    assert "already a record" in article.notes[0]
    after = _snapshot(data)
    assert {k: v for k, v in after.items() if not k.startswith("articles/")} == before


def test_articles_of_one_run_share_drafts(tmp_path: Path) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(
        "Essay Published\n\nKim Jong Su (Kim Cho’ng-su) wrote an essay.\n", encoding="utf-8"
    )
    second.write_text(
        "More Essays\n\nKim Cho’ng-su wrote again on 3 March 2013.\n", encoding="utf-8"
    )
    data = tmp_path / "data"
    ingest([first, second], data)
    people = [i for i in list_drafts(data) if i.kind == "person"]
    assert [(p.id, p.article) for p in people] == [("kim-jong-su", "first")]
    accept(data, ["kim-jong-su"])
    assert "kim-jong-su" in load_records(data)["second"].mentions


def test_every_labelled_text_ingests_accepts_and_builds(tmp_path: Path) -> None:
    import kwpld

    fixtures = ROOT / "tests" / "fixtures" / "ingest"
    data = tmp_path / "data"
    shutil.copytree(fixtures / "records", data)
    texts = sorted(
        p for folder in (fixtures, fixtures / "heldout") for p in folder.iterdir()
        if p.suffix in (".txt", ".md", ".html") and p.name != "README.md"
    )  # fmt: skip
    result = ingest(texts, data)
    assert len(result.articles) == 16 and result.drafts > 30
    accept(data, every=True)
    records = load_records(data)
    assert records.counts()["article"] >= 16
    assert kwpld.build(data, tmp_path / "out").triple_count > 1000
