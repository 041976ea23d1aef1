"""The check after ingest writes its files: only what it wrote is read again when the folder
loaded before is unchanged, and a folder that would no longer load is still reported by the
full load, word for word, with every file restored (nothing half-written)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from kwpld.errors import LoadError
from kwpld.ingest import pipeline
from kwpld.ingest.pipeline import IngestOptions, ingest
from kwpld.load import load_records, still_loads
from kwpld.review import commit_writes, render_articles

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "party-cells-2013"
SEED = ROOT / "examples" / "texts" / "nklw-2013-01-party-cell-secretaries.txt"

GOOD = """kwpld: 1
articles:
  - id: a-new-article
    type: news
    title: A New Article
    publisher: nk-leadership-watch
    date: 2013-02
    language: en
    mentions:
      - kim-jong-un
"""


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(EXAMPLE, folder)
    return folder


def test_a_right_write_is_checked_without_loading_the_folder_again(data: Path) -> None:
    loaded = load_records(data)
    path = data / "articles" / "a-new-article.yaml"
    path.parent.mkdir()
    path.write_text(GOOD, encoding="utf-8")
    assert still_loads(data, loaded, [path, data / "articles" / "x.review.yaml"])
    # YAML beyond the fast path's subset is read with lines, as the loader reads it
    flow = GOOD.replace("    mentions:\n      - kim-jong-un", "    mentions: [kim-jong-un]")
    path.write_text(flow, encoding="utf-8")
    assert still_loads(data, loaded, [path])


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ("- kim-jong-un", "- no-such-record"),  # a reference to nothing
        ("id: a-new-article", "id: kim-jong-un"),  # an id used twice
        ("date: 2013-02", "date: 2013-13"),  # a date that does not read
    ],
)
def test_a_wrong_write_is_not_trusted(data: Path, change: str, problem: str) -> None:
    loaded = load_records(data)
    path = data / "a-new-article.yaml"
    path.write_text(GOOD.replace(change, problem), encoding="utf-8")
    assert not still_loads(data, loaded, [path])


def test_a_file_added_or_changed_by_someone_else_is_not_trusted(data: Path) -> None:
    loaded = load_records(data)
    mine = data / "mine.yaml"
    mine.write_text(GOOD, encoding="utf-8")
    (data / "theirs.yaml").write_text(GOOD.replace("a-new-article", "theirs"), encoding="utf-8")
    assert not still_loads(data, loaded, [mine])
    assert not still_loads(data, loaded, [data.parent / "outside.yaml"])


def test_a_wrong_write_is_reported_by_the_full_load_and_undone(data: Path) -> None:
    loaded = load_records(data)
    before = _snapshot(data)
    people = data / "people.yaml"
    writes = {
        data / "a-new-article.yaml": GOOD.replace("- kim-jong-un", "- no-such-record"),
        people: people.read_text(encoding="utf-8") + "\n# rewritten\n",
    }
    with pytest.raises(LoadError) as caught:
        commit_writes(data, writes, loaded=loaded)
    assert (
        "a-new-article.yaml:10 (article a-new-article) mentions[0]: no record has the id "
        "'no-such-record' [unknown-reference]" in caught.value.render()
    )
    assert _snapshot(data) == before


def test_an_ingest_whose_files_would_not_load_writes_nothing(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(data)

    def broken(records: list[dict[str, object]], allowed: set[str]) -> str:
        return render_articles(records, allowed).replace("type: analysis", "type: nonsense", 1)

    monkeypatch.setattr(pipeline, "render_articles", broken)
    with pytest.raises(LoadError) as caught:
        ingest([SEED], data, options=IngestOptions(article_type="analysis", article_id="again"))
    assert "articles/again.yaml" in caught.value.render()
    assert _snapshot(data) == before


def test_an_ingest_checks_only_the_files_it_wrote(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kwpld.review import curate

    calls: list[Path] = []
    monkeypatch.setattr(curate, "load_records", lambda root: calls.append(root))
    ingest([SEED], data, options=IngestOptions(article_type="analysis", article_id="again"))
    assert calls == []  # what ingest writes reads on the fast path, so no full load
    assert "again" in load_records(data)


def test_wikidata_links_are_kept_once(data: Path) -> None:
    (data / "wikidata-links.yaml").write_text(
        "kwpld: 1\nwikidata_links:\n  - entity: kim-jong-su\n    qid: Q900000021\n"
        "    method: manual\n    by: A. Scholar\n    date: 2024-05-01\n",
        encoding="utf-8",
    )
    loaded = load_records(data)
    assert loaded.links
    path = data / "a-new-article.yaml"
    path.write_text(GOOD, encoding="utf-8")
    assert still_loads(data, loaded, [path])
