"""``kwpld validate`` and the validation step of ``kwpld build``: formats and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pyoxigraph as ox
import pytest
from conftest import EXAMPLE

from kwpld.cli import main
from kwpld.resources import resource_path

SCHEMA = json.loads(
    resource_path("kwpld/schemas/validation-report-1.schema.json").read_text("utf-8")
)


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main([*map(str, args)])
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return exit_info.value.code or 0, out, err


def copy_with(tmp_path: Path, name: str, old: str, new: str) -> Path:
    folder = tmp_path / "data"
    if not folder.exists():
        shutil.copytree(EXAMPLE, folder)
    path = folder / name
    text = path.read_text("utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), "utf-8")
    return folder


@pytest.fixture()
def warning_only(tmp_path: Path) -> Path:
    return copy_with(tmp_path, "people.yaml", "citizenship: US", "citizenship: KP")


@pytest.fixture()
def violating(tmp_path: Path) -> Path:
    return copy_with(tmp_path, "events.yaml", "    ordinal: 3\n", "    ordinal: 2\n")


def test_clean_data_exits_0(capsys):
    code, out, _ = run(capsys, "validate", EXAMPLE)
    assert code == 0
    assert "0 violations, 0 warnings, 0 info" in out and "passed" in out


def test_violations_exit_1_with_a_table_for_people(capsys, violating):
    code, out, _ = run(capsys, "validate", violating)
    assert code == 1
    assert out.startswith("events.yaml\n")
    assert "event-ordinal-unique" in out and "FAILED" in out


def test_warnings_fail_only_with_fail_on_warning(capsys, warning_only):
    assert run(capsys, "validate", warning_only)[0] == 0
    assert run(capsys, "validate", warning_only, "--fail-on", "warning")[0] == 1
    assert run(capsys, "validate", warning_only, "--fail-on", "violation")[0] == 0


def test_json_for_ci_on_stdout_and_a_summary_on_stderr(capsys, warning_only):
    code, out, err = run(
        capsys, "validate", warning_only, "--format", "json", "--fail-on", "warning"
    )
    assert code == 1
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    assert data["counts"]["warning"] == 1 and data["passed"] is False
    assert "1 warning" in err


def test_turtle_is_the_shacl_validation_report(capsys, violating):
    code, out, _ = run(capsys, "validate", violating, "-f", "turtle")
    assert code == 1
    store = ox.Store()
    store.load(out.encode(), ox.RdfFormat.TURTLE)
    sh = "http://www.w3.org/ns/shacl#"
    ask = (
        f"ASK {{ ?r a <{sh}ValidationReport> ; <{sh}conforms> false ; <{sh}result> ?x . "
        f"?x <{sh}focusNode> ?f }}"
    )
    assert store.query(ask)


def test_output_file(capsys, violating, tmp_path):
    target = tmp_path / "reports" / "validation.json"
    code, out, err = run(capsys, "validate", violating, "-f", "json", "-o", target)
    assert code == 1 and out == ""
    assert json.loads(target.read_text("utf-8"))["counts"]["violation"] == 2
    assert "2 violations" in err


def test_both_engines_report_the_same(capsys, violating):
    _, fast, _ = run(capsys, "validate", violating, "-f", "json")
    _, slow, _ = run(capsys, "validate", violating, "-f", "json", "--engine", "pyshacl", "-j", "2")
    fast_data, slow_data = json.loads(fast), json.loads(slow)
    assert (fast_data["engine"], slow_data["engine"]) == ("fast", "pyshacl")
    assert fast_data["findings"] == slow_data["findings"]


def test_extra_shapes_from_the_user(capsys, tmp_path):
    shapes = tmp_path / "dates.ttl"
    shapes.write_text(
        """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix schema: <http://schema.org/> .
<https://example.org/shapes#person-born> a sh:NodeShape ;
    sh:targetClass schema:Person ;
    sh:property [ sh:path schema:birthDate ; sh:minCount 1 ; sh:severity sh:Info ;
        sh:message "We record every person's date of birth."@en ] .
""",
        "utf-8",
    )
    code, out, _ = run(capsys, "validate", EXAMPLE, "--shapes", shapes, "-f", "json")
    data = json.loads(out)
    assert code == 0 and data["counts"] == {"violation": 0, "warning": 0, "info": 6}
    assert {f["code"] for f in data["findings"]} == {"person-born-min-count"}
    assert {f["record"]["file"] for f in data["findings"]} == {"people.yaml"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "no-such-folder"], "no such data folder"),
        (["validate", str(EXAMPLE), "--format", "xml"], "--format"),
        (["validate", str(EXAMPLE), "--fail-on", "error"], "--fail-on"),
        (["validate", str(EXAMPLE), "--jobs", "0"], "--jobs"),
        (["validate", str(EXAMPLE), "--shapes", "missing.ttl"], "missing.ttl: no such shapes file"),
    ],
)
def test_usage_and_input_errors_exit_2(capsys, args, message):
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err and "Traceback" not in err


def test_a_shapes_file_that_is_not_turtle_exits_2(capsys, tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle\n", "utf-8")
    code, _, err = run(capsys, "validate", EXAMPLE, "--shapes", broken)
    assert code == 2 and f"{broken}: not valid Turtle" in err


def test_records_that_do_not_load_exit_2(capsys, tmp_path):
    data = copy_with(
        tmp_path,
        "organs.yaml",
        "    kind: presidium\n",
        "    kind: presidium\n    founded: 2014\n    dissolved: 2013\n",
    )
    code, _, err = run(capsys, "validate", data)
    assert code == 2 and "organs.yaml" in err and "impossible-date" in err


def test_build_fails_on_violations_and_writes_nothing(capsys, violating, tmp_path):
    out = tmp_path / "dist"
    code, _, err = run(capsys, "build", violating, "--out", out)
    assert code == 1 and not out.exists()
    assert "event-ordinal-unique" in err and "nothing was written" in err
    code, _, _ = run(capsys, "build", violating, "--out", out, "--no-validate", "-q")
    assert code == 0 and (out / "data.ttl").exists()


def test_build_shows_warnings_and_writes(capsys, warning_only, tmp_path):
    code, _, err = run(capsys, "build", warning_only, "--out", tmp_path / "dist")
    assert code == 0 and "person-hangul-name" in err
    code, _, _ = run(
        capsys, "build", warning_only, "--out", tmp_path / "strict", "--fail-on", "warning"
    )
    assert code == 1 and not (tmp_path / "strict").exists()


def test_help_shows_an_example(capsys):
    code, out, _ = run(capsys, "validate", "--help")
    assert code == 0 and "kwpld validate examples/party-cells-2013" in out


def test_the_readme_shows_what_validate_prints(tmp_path: Path, capsys) -> None:
    """The README's validate section quotes kwpld validate on the example and on a copy with
    one finding; the quotes must be what the command prints today."""
    readme = (EXAMPLE.parent.parent / "README.md").read_text("utf-8")
    section = readme.split("<!-- section: validate -->")[1].split("<!-- /section: validate -->")[0]
    code, out, _ = run(capsys, "validate", EXAMPLE)
    assert code == 0 and out.strip() in section
    assert "sed -i 's/citizenship: US/citizenship: KP/' dist/madden/people.yaml" in section
    madden = copy_with(tmp_path, "people.yaml", "citizenship: US", "citizenship: KP")
    code, out, _ = run(capsys, "validate", madden, "--fail-on", "warning")
    assert code == 1
    assert all(line in section for line in out.strip().splitlines()), out
