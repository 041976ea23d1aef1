"""The ingest, review, accept and reject commands: what they print, and bad input as clear
errors with exit code 2 and no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kwpld.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "texts" / "nklw-2013-01-party-cell-secretaries.txt"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_review_accept_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    code, out, _ = run(["ingest", str(SEED), "--into", str(data), "--type", "analysis"], capsys)
    assert code == 0
    assert "84 mentions (0 of records), 10 dates (0 with problems), 6 quotations, 2 images" in out
    assert "drafts to review: 5 article, 7 event, 1 membership, 9 organ, 6 person, 1 post" in out
    code, out, _ = run(["review", str(data), "--kind", "person"], capsys)
    assert code == 0 and "person        kim-jong-su  Kim Jong Su" in out and "6 draft(s)" in out
    code, out, _ = run(["review", str(data), "--format", "json"], capsys)
    assert sum(len(a["drafts"]) for a in json.loads(out)["articles"]) == 29
    code, out, _ = run(["reject", str(data), "dprk-state-media-2013-01-18"], capsys)
    assert code == 0 and "rejected 1 draft(s)" in out
    code, out, err = run(["accept", str(data), "--all"], capsys)
    assert (
        code == 0 and "accepted 4 article, 7 event, 1 membership, 9 organ, 6 person, 1 post" in out
    )
    code, out, _ = run(["check", str(data)], capsys)
    assert code == 0 and "31 records" in out
    code, out, _ = run(["build", str(data), "--out", str(tmp_path / "out")], capsys)
    assert code == 0


def test_ingest_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["ingest", str(SEED), "-i", str(tmp_path / "d"), "-f", "json"], capsys)
    report = json.loads(out)["articles"][0]
    assert (
        code == 0
        and report["id"] == "nklw-2013-01-party-cell-secretaries"
        and report["dates"] == 10
    )
    # the old spelling of the report format still works, with a warning
    code, old, err = run(["ingest", str(SEED), "-i", str(tmp_path / "e"), "-o", "json"], capsys)
    assert code == 0 and json.loads(old)["articles"][0]["dates"] == 10
    assert "is deprecated" in err and "--format/-f" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "missing.txt", "--into", "{tmp}/d"], "missing.txt: cannot read the file"),
        (
            ["ingest", str(SEED), "--into", "{tmp}/d", "--type", "blog"],
            "'blog' is not an article type",
        ),
        (
            ["ingest", str(SEED), "--into", "{tmp}/d", "--date", "30 February 2013"],
            "February 2013 has 28 days",
        ),
        (["ingest", str(SEED), "--into", "{tmp}/file.txt"], "not a folder"),
        (["ingest", str(SEED), str(SEED), "--into", "{tmp}/d"], "is also that of"),
        (
            ["ingest", str(SEED), "--into", "{tmp}/d", "--id", "Bad Id"],
            "'Bad Id' is not a record id",
        ),
        (
            ["ingest", str(SEED), "--into", "{tmp}/d", "--input-format", "pdf"],
            "'pdf' is not one of 'text', 'markdown', 'html'",
        ),
        (["review", "{tmp}/nowhere"], "no such data folder"),
        (["review", "{tmp}/d", "--kind", "persn"], "'persn' is not one of 'person'"),
        (["accept", "{tmp}/d"], "no review files"),
    ],
)
def test_bad_input_is_a_sentence_and_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    (tmp_path / "d").mkdir()
    code, out, err = run([a.replace("{tmp}", str(tmp_path)) for a in args], capsys)
    assert code == 2, (out, err)
    assert message in " ".join(err.split())
    assert "Traceback" not in err


def test_accept_names_unknown_drafts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    run(["ingest", str(SEED), "--into", str(data)], capsys)
    code, _, err = run(["accept", str(data), "kim-jong-sue"], capsys)
    assert code == 2 and "no draft has the id 'kim-jong-sue'; did you mean 'kim-jong-su'?" in err
    code, _, err = run(["accept", str(data)], capsys)
    assert code == 2 and "name the drafts to decide on" in err
