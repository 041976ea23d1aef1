"""``kwpld ingest`` writes the same bytes as before for three development texts.

A change meant only to make ingest faster (or to move code) must not change what it writes:
the review files (drafts, evidence, identity decisions), the article records and the
annotations of three texts ingested in one run into the facts records' folder (so that the
later texts meet the drafts of the earlier ones) are compared byte for byte with the files
kept in ``tests/fixtures/ingest/output/``. The one part that differs between machines, the
folder the texts were read from (``source: input:``), is written ``{INPUT}`` there.

When a change is *meant* to change what ingest drafts (a new fact rule), look at the diff this
test prints, and if it is what the change intends, write the files afresh:

    python tests/test_ingest_output_bytes.py --update
"""

from __future__ import annotations

import difflib
import shutil
import sys
from pathlib import Path

import pytest

from kwpld.ingest.pipeline import ingest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
DEV = FIXTURES / "facts" / "dev"
RECORDS = FIXTURES / "facts" / "records"
EXPECTED = FIXTURES / "output"
TEXTS = (  # plain text, Markdown and HTML; KCNA and Rodong Sinmun
    "d02-kcna-presidium-meeting-2012.txt",
    "e13-rodong-plenum-8-2-2021.md",
    "d08-kcna-spa-14-1-2019.html",
)


def written(work: Path) -> dict[str, str]:
    """Ingest :data:`TEXTS` in one run into a copy of the facts records; every file written
    under ``articles/``, by name, with the input folder written ``{INPUT}``."""
    inputs = work / "in"
    inputs.mkdir(parents=True)
    for name in TEXTS:
        shutil.copyfile(DEV / name, inputs / name)
    data = work / "data"
    shutil.copytree(RECORDS, data)
    ingest([inputs / name for name in TEXTS], data)
    return {
        path.name: path.read_text(encoding="utf-8").replace(str(inputs), "{INPUT}")
        for path in sorted((data / "articles").iterdir())
    }


def test_ingest_writes_the_same_bytes(tmp_path: Path) -> None:
    files = written(tmp_path)
    expected = sorted(p.name for p in EXPECTED.iterdir())
    assert sorted(files) == expected, "ingest wrote other files than expected"
    for name, text in files.items():
        kept = (EXPECTED / name).read_text(encoding="utf-8")
        if text != kept:
            diff = "".join(
                list(
                    difflib.unified_diff(
                        kept.splitlines(True), text.splitlines(True), "expected", "written", n=2
                    )
                )[:80]
            )
            pytest.fail(
                f"{name}: ingest wrote other bytes (if intended: python {__file__} --update)\n"
                + diff
            )


def _update() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        files = written(Path(work))
    shutil.rmtree(EXPECTED, ignore_errors=True)
    EXPECTED.mkdir(parents=True)
    for name, text in files.items():
        (EXPECTED / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files to {EXPECTED}")


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    _update()
