"""The loader's fast path (kwpld/load/fast.py, fastyaml.py) against the line-aware path.

The fast path may only ever say "these files are right" and give the same records the
line-aware path gives; whatever is wrong must come out of the line-aware path, word for word.
These tests hold it to that: the same records or the same report on every data folder of the
repository and on every case of the bad-input catalogue, the plain-YAML reader against PyYAML
on every YAML file here and on generated documents, and the per-kind checks against the JSON
Schema on generated records.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_bad_inputs import CASES, make_data

import kwpld.load as load
from kwpld.errors import LoadError, Problem
from kwpld.load import fast, fastyaml, load_records
from kwpld.load.convert import Converter
from kwpld.load.files import LineDict, read_yaml
from kwpld.load.schema import check_record
from kwpld.load.values import _SUSPECT
from kwpld.synth import synthesize_flat

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def line_aware_only() -> Iterator[None]:
    load.FAST_PATH = False
    try:
        yield
    finally:
        load.FAST_PATH = True


def outcome(data: Path, fast_path: bool) -> tuple[str, Any]:
    """What loading ``data`` gives: its records, or the whole report of its problems."""
    load.FAST_PATH = fast_path
    try:
        records = load_records(data, require_records=True)
    except LoadError as error:
        return "problems", error.render()  # every problem, with its file, line and record
    finally:
        load.FAST_PATH = True
    return "records", (list(records), records.links, records.files, records.info)


def data_folders() -> list[Path]:
    found = {p.parent for p in (ROOT / "examples").rglob("kwpld.yaml")}
    found |= {p.parent for p in FIXTURES.rglob("kwpld.yaml")}
    return sorted(found)


@pytest.mark.parametrize("data", data_folders(), ids=lambda p: str(p.relative_to(ROOT)))
def test_same_records_on_every_data_folder(data: Path):
    assert outcome(data, True) == outcome(data, False)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_same_report_on_every_bad_input(case: dict[str, Any], tmp_path: Path):
    if case.get("chmod") or case.get("data") or case.get("fifos"):
        pytest.skip("not a folder this process can read")
    data = make_data(case, tmp_path)
    fast_outcome = outcome(data, True)
    assert fast_outcome == outcome(data, False)


def test_the_flat_corpus_is_read_on_the_fast_path(tmp_path: Path):
    synthesize_flat(tmp_path, 1550)
    for name, kind in (
        ("articles.yaml", None),
        ("organs.yaml", None),
        ("people.csv", "person"),
        ("memberships.csv", "membership"),
    ):
        records = fast.read_fast(tmp_path / name, name, kind)
        assert records, name
    assert outcome(tmp_path, True) == outcome(tmp_path, False)


def _flat_with(tmp_path: Path, edit: dict[str, tuple[str, str]]) -> Path:
    synthesize_flat(tmp_path, 1550)
    for name, (old, new) in edit.items():
        text = (tmp_path / name).read_text("utf-8")
        assert old in text
        (tmp_path / name).write_text(text.replace(old, new, 1), "utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "edit",
    [
        {"memberships.csv": (",o-14,", ",o-99,")},  # an unknown reference, CSV
        {"articles.yaml": ("  - p-0000", "  - o-0")},  # a reference to another kind, YAML
        {"people.csv": ("p-0000002,", "p-0000001,")},  # a duplicate id
        {"articles.yaml": ("date: '20", "date: '19x")},  # a date that does not read
        {"people.csv": (",KP,", ",XX,")},  # a value outside the enum
        {"articles.yaml": ("type: news", "type: news\n  type: news")},  # a duplicate key
        {"organs.yaml": ("parent: o-01", "parent: o-02")},  # an organ that is its own parent
    ],
    ids=["unknown-ref", "wrong-ref", "duplicate-id", "bad-date", "enum", "dup-key", "cycle"],
)
def test_a_problem_is_reported_as_the_line_aware_path_reports_it(
    tmp_path: Path, edit: dict[str, tuple[str, str]]
):
    data = _flat_with(tmp_path, edit)
    fast_outcome = outcome(data, True)
    assert fast_outcome[0] == "problems"
    assert fast_outcome == outcome(data, False)


# -- the equivalences the per-kind checks rest on ------------------------------------------------


def test_isprintable_and_isspace_agree_with_the_schema_checks():
    """``str.isprintable`` is false for every character ``text_problem`` looks at, and
    ``str.isspace`` is ``re``'s ``\\s`` (so ``not isspace`` is the schema's ``\\S``)."""
    nonblank = re.compile(r"\S")
    for code in range(0x110000):
        char = chr(code)
        assert not (char.isprintable() and _SUSPECT.match(char)), hex(code)
        assert (nonblank.search(char) is None) == char.isspace(), hex(code)


# -- the plain-YAML reader against PyYAML --------------------------------------------------------


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _agrees(text: str, tmp_path: Path) -> bool:
    """True when the plain-YAML reader refuses ``text`` or reads what PyYAML reads."""
    got = fastyaml.read_plain_yaml(text)
    if got is None:
        return False
    path = tmp_path / "case.yaml"
    path.write_text(text, "utf-8")
    problems: list[Problem] = []
    expected = read_yaml(path, "case.yaml", problems)
    assert not problems, (text, problems)
    assert got[0] == _plain(expected), text
    # the line of every item of every list
    lines: dict[int, list[int]] = {}

    def walk(mine: object, theirs: object) -> None:
        if isinstance(mine, dict):
            for key in mine:
                walk(mine[key], theirs[key])  # type: ignore[index]
        elif isinstance(mine, list):
            lines[id(mine)] = list(theirs.item_lines)  # type: ignore[attr-defined]
            for a, b in zip(mine, theirs, strict=True):  # type: ignore[call-overload]
                walk(a, b)

    walk(got[0], expected)
    assert {k: got[1][k] for k in lines} == lines, text
    return True


def test_plain_yaml_agrees_with_pyyaml_on_every_yaml_file_here(tmp_path: Path):
    """Hand-written files mostly use flow style (``[a, b]``, ``{text: ..., system: en}``),
    which the reader refuses; the synthetic corpora are block style throughout."""
    synthesize_flat(tmp_path / "flat", 1550)
    read = 0
    paths = [*sorted(ROOT.glob("**/*.y*ml")), *sorted((tmp_path / "flat").glob("*.yaml"))]
    for path in paths:
        if {".venv", ".corpora"} & set(path.parts) or path.suffix not in (".yaml", ".yml"):
            continue
        try:
            text = path.read_text("utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if text.startswith("\ufeff"):
            continue
        try:
            read += _agrees(text, tmp_path)
        except AssertionError:
            raise
        except Exception:  # PyYAML cannot read it at all: the reader must have refused it
            assert fastyaml.read_plain_yaml(text) is None, path
    assert read >= 5


_KEYS = st.sampled_from(["id", "type", "title", "names", "text", "a-b", "_x", "on", "Yes", "k"])
_SCALARS = st.one_of(
    st.sampled_from(
        [
            "news", "p-1", "'2013-01-28'", "2013-01-28", "2013-01", "2013", "0", "007", "1_000",
            "0x1F", "1:30", "1.5", ".inf", "-1", "+1", "~", "null", "Null", "yes", "no", "on",
            "off", "y", "n", "True", "'a''b'", "'a'b'", '"a b"', '"a\\tb"', "'x' # c", "a # c",
            "a#b", "a: b", "a:b", "a:", "http://x.org/a", "[a, b]", "{a: 1}", "&a x", "*a",
            "!!str 1", "|", ">", "%x", "@x", "`x", "?x", "- x", ",x", "=", "<<", "x  ",
            "Kim Jong Un", "김정은", "Ri Yong-ho (1942)", "C#", "a, b", "'  '", '""', "''",
            "9" * 30, "é", "\u00a0x", "x\u00a0",
        ]
    ),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=8
    ),
)  # fmt: skip


@st.composite
def _documents(draw: st.DrawFn) -> str:
    """Block YAML: mappings and sequences nested a few deep, with odd indents and values."""

    def node(depth: int, indent: int) -> list[str]:
        lines: list[str] = []
        kind = "map" if depth > 2 or draw(st.booleans()) else draw(st.sampled_from(["map", "seq"]))
        step = draw(st.sampled_from([2, 2, 4, 1]))
        for _ in range(draw(st.integers(1, 3))):
            if kind == "map":
                key = draw(_KEYS)
                if depth < 3 and draw(st.integers(0, 3)) == 0:
                    sub = node(depth + 1, indent + draw(st.sampled_from([step, 0])))
                    lines.append(" " * indent + f"{key}:")
                    lines.extend(sub)
                else:
                    lines.append(" " * indent + f"{key}: {draw(_SCALARS)}")
            else:
                if depth < 3 and draw(st.booleans()):
                    sub = node(depth + 1, indent + 2)
                    first = sub[0][indent + 2 :] if sub[0].startswith(" " * (indent + 2)) else ""
                    if first and not first.startswith(" "):
                        lines.append(" " * indent + "- " + first)
                        lines.extend(sub[1:])
                        continue
                lines.append(" " * indent + f"- {draw(_SCALARS)}")
            if draw(st.integers(0, 9)) == 0:
                lines.append(draw(st.sampled_from(["", "# c", "   ", "  # c"])))
        return lines

    top = [f"{draw(_KEYS)}: {draw(_SCALARS)}"] if draw(st.booleans()) else []
    body = node(1, 0)
    if body and body[0].lstrip().startswith("- "):
        body = [f"{draw(_KEYS)}:", *body]
    return "\n".join([*top, *body]) + draw(st.sampled_from(["\n", "", "\n\n"]))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(text=_documents())
def test_plain_yaml_agrees_with_pyyaml_on_generated_documents(text: str, tmp_path: Path):
    try:
        _agrees(text, tmp_path)
    except AssertionError:
        raise
    except Exception:  # not YAML PyYAML reads, or duplicate keys: the reader must refuse it
        assert fastyaml.read_plain_yaml(text) is None, text


# -- the per-kind checks against the JSON Schema -------------------------------------------------

_VALUES: list[Any] = [
    None, "", " ", "x", "news", "member", "confirmed", "KP", "kp", "male", "party", "en",
    "hangul", "preferred", "p-1", "a-1", "o-1", "P-1", "p-", "-p", "p..1", "a" * 200, "a" * 201,
    "Q5", "Q0", "Q5\n", "2013", "2013-02-30", "2013-01-28", "Juche 102", "28 January 2013",
    "not a date", 0, 1, 2013, 9999, 10000, True, 1.5, [], ["p-1"], ["P 1"], "p-1\n", {},
    "a\u200bb", "\u200b", "\u202ex", "x\ty", "x\ny", "\u00a0", "Kim  Jong\tUn", "é", "e\u0301",
    "http://example.org/a", "http://example.org/a b", "ko-KP", "en_GB",
    [{"text": "Kim", "system": "en"}], [{"text": "Kim", "system": "en", "kind": "former"}],
    [{"text": "Kim", "system": "xx"}], [{"text": " ", "system": "en"}], [{"system": "en"}],
    [{"text": "Kim", "system": "en", "derived_from": {"rule": "composed"}}],
    [{"text": "Kim", "system": "en", "sources": ["a-1"], "valid_from": "2013"}],
    [{"text": "Kim", "system": "en"}, {"text": "Kim", "system": "en"}],
]  # fmt: skip
_FIELDS = {
    "person": ["id", "names", "gender", "born", "died", "citizenship", "wikidata", "sources",
               "note", "description", "other"],
    "membership": ["id", "person", "organ", "role", "status", "post", "start", "end", "as_of",
                   "sources", "note"],
    "article": ["id", "type", "title", "names", "date", "url", "language", "mentions",
                "publisher", "caption", "wikidata"],
    "organ": ["id", "names", "kind", "parent", "founded", "dissolved", "description"],
}  # fmt: skip
_GOOD = {
    "person": {"id": "p-1", "names": [{"text": "Kim", "system": "en"}]},
    "membership": {"id": "m-1", "person": "p-1", "organ": "o-1", "role": "member",
                   "status": "confirmed"},
    "article": {"id": "a-1", "type": "news", "title": "T"},
    "organ": {"id": "o-1", "names": [{"text": "O", "system": "en"}], "kind": "party"},
}  # fmt: skip


@st.composite
def _records(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    kind = draw(st.sampled_from(sorted(_FIELDS)))
    raw = dict(_GOOD[kind])
    for field in draw(st.lists(st.sampled_from(_FIELDS[kind]), max_size=4)):
        value = draw(st.sampled_from(_VALUES))
        if value is None:
            raw.pop(field, None)
        else:
            raw[field] = value
    return kind, raw


def _lined(value: object) -> object:
    if isinstance(value, dict):
        result = LineDict(line=1)
        result.update({k: _lined(v) for k, v in value.items()})
        return result
    if isinstance(value, list):
        return [_lined(v) for v in value]
    return value


@settings(max_examples=1500, deadline=None)
@given(case=_records())
def test_the_per_kind_checks_vouch_only_for_what_the_schema_accepts(
    case: tuple[str, dict[str, Any]],
):
    kind, raw = case
    builder = fast._Builder("f.yaml")
    try:
        record = builder.kinds[kind](raw, 1)
    except fast._Doubt:
        return
    full = _lined(raw)
    assert not check_record(full, kind, "f.yaml", []), raw
    problems: list[Problem] = []
    assert Converter("f.yaml", problems).build(kind, full) == record  # type: ignore[arg-type]
    assert not problems, raw


_SMALL = {
    "organs.yaml": "organs:\n- id: o-1\n  kind: party\n  names:\n  - text: Party\n    system: en\n",
    "articles.yaml": "articles:\n- id: a-1\n  type: news\n  title: T\n  date: '2013-01-28'\n",
    "people.csv": "id,name_en,born,died,sources\np-1,Kim Il,1912,1994,a-1\n",
    "memberships.csv": (
        "id,person,organ,role,status,start,end\nm-1,p-1,o-1,member,confirmed,1990,1994\n"
    ),
}


@pytest.mark.parametrize(
    "edit",
    [
        {},
        {"people.csv": ("1912,1994", "1995,1994")},  # died before born
        {"memberships.csv": ("1990,1994", "1995,1994")},  # ended before it started
        {"organs.yaml": ("    system: en\n", "    system: en\n  - text: Party\n    system: en\n")},
        {"articles.yaml": ("  date:", "  names:\n  - text: A\n    system: en\n"
                           "    valid_from: 2000\n    valid_until: 1999\n  date:")},  # fmt: skip
        {"articles.yaml": ("  date:", "  names:\n  - text: A\n    system: en\n  - text: A\n"
                           "    system: en\n  date:")},  # fmt: skip
    ],
    ids=["right", "died-before-born", "end-before-start", "organ-name-twice", "name-dates",
         "article-name-twice"],  # fmt: skip
)
def test_dates_and_names_across_fields(tmp_path: Path, edit: dict[str, tuple[str, str]]):
    for name, text in _SMALL.items():
        if name in edit:
            old, new = edit[name]
            assert old in text
            text = text.replace(old, new, 1)
        (tmp_path / name).write_text(text, "utf-8")
    for name in ("articles.yaml", "people.csv", "memberships.csv"):
        kind = {"people.csv": "person", "memberships.csv": "membership"}.get(name)
        assert fast.read_fast(tmp_path / name, name, kind), name
    fast_outcome = outcome(tmp_path, True)
    assert fast_outcome[0] == ("records" if not edit else "problems")
    assert fast_outcome == outcome(tmp_path, False)


@pytest.mark.parametrize(
    "line",
    [
        None,
        '{"id": "a-9", "type": "news", "title": "T", "title": "U"}',  # a key twice
        '{"id": "a-9", "type": "news", "title": "T", "date": null}',  # null: absent
        '{"id": "a-9", "type": "news", "title": "T", "date": NaN}',
        '["a-9"]',
        '{"id": "a-9", "type": "news", "title": "T", "mentions": ["p-404"]}',
        '{"id": "a-9", "type": "news", "title": "\\ud800"}',
        '{"id": "a-9", "type": "news", "title": "T", "quotes": [{"text": "Q"}]}',  # general path
        "{not json",
    ],
    ids=["right", "key-twice", "null", "nan", "not-object", "unknown-ref", "surrogate",
         "general", "syntax"],  # fmt: skip
)
def test_json_lines_as_the_line_aware_path_reads_them(tmp_path: Path, line: str | None):
    synthesize_flat(tmp_path, 1550)
    articles = fastyaml.read_plain_yaml((tmp_path / "articles.yaml").read_text("utf-8"))
    assert articles is not None
    (tmp_path / "articles.yaml").unlink()
    lines = [json.dumps(record, ensure_ascii=False) for record in articles[0]["articles"]]
    if line is not None:
        lines.insert(3, line)
    (tmp_path / "articles.jsonl").write_text("\n".join(lines) + "\n\n", "utf-8")
    if line is None:
        assert fast.read_fast(tmp_path / "articles.jsonl", "articles.jsonl", "article", jsonl=True)
    expected = outcome(tmp_path, False)
    assert outcome(tmp_path, True) == expected
    assert expected[0] == ("records" if line is None or "null" in line or "quotes" in line
                           else "problems")  # fmt: skip


@pytest.mark.parametrize("data", data_folders(), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_typed_references_are_the_raw_ones(data: Path):
    """``fast._references`` finds, on the model objects, every reference that
    ``checks.check_references`` finds in the raw records, with the same allowed kinds."""
    from kwpld.load import _read_file
    from kwpld.load.checks import REFERENCE_FIELDS, _walk

    problems: list[Problem] = []
    entries: list[Any] = []
    for path, label in load.scan_folder(data, problems):
        _read_file(path, label, entries, problems)
    if problems:
        pytest.skip("a folder with problems")
    for entry in entries:
        raw_refs = sorted(
            (ref, allowed)
            for pattern, allowed in REFERENCE_FIELDS[entry.kind]
            for _, ref in _walk(entry.raw, pattern)
        )
        assert sorted(fast._references(entry.record)) == raw_refs, entry.record


# -- CSV read column by column -------------------------------------------------------------------


def test_the_flat_csv_files_are_read_column_by_column(tmp_path: Path):
    synthesize_flat(tmp_path, 1550)
    for name, kind in (("people.csv", "person"), ("memberships.csv", "membership")):
        text = (tmp_path / name).read_text("utf-8")
        by_columns = fast._read_csv_columns(text, name, kind)
        assert by_columns, name
        by_rows = fast._read_csv_rows(text, name, kind)
        assert by_rows is not None
        assert by_columns == by_rows


@pytest.mark.parametrize(
    "edit",
    [
        {"people.csv": ("id,name_en,name_hangul", "id,name_hangul,name_en")},  # header order
        {"people.csv": ("\np-0000003,", "\n\np-0000003,")},  # a blank row
        {"people.csv": ("\n", "\r\n")},  # CRLF (one line only: the rest stays LF)
        {"people.csv": (",KP,", ',"KP",')},  # quotes
        {"people.csv": (",KP,", ",,")},  # an empty cell
        {"people.csv": (",KP,", ", KP ,")},  # spaces around a value
        {"people.csv": ("Ro Hyok Un", "Ro  Hyok\u00a0Un")},  # white space folded
        {"people.csv": ("Ro Hyok Un", "Ro Hyo\u0301k Un")},  # not NFC
        {"people.csv": ("Ro Hyok Un", "Ro Hyok\u200bUn")},  # invisible: text_problem decides
        {"people.csv": ("Ro Hyok Un", "Ro Hyok\u202eUn")},  # bidi control: a problem
        {"people.csv": ("p-0000002,", "P-0000002,")},  # not an id
        {"people.csv": (",a-00", ",a-00;a-00")},  # two sources
        {"memberships.csv": (",member,", ",chair,")},  # outside the enum
        {"memberships.csv": (",20", ",19x")},  # a date that does not read
        {"memberships.csv": (",20", ",Juche ")},  # a date in another form
    ],
    ids=["header-order", "blank-row", "crlf", "quotes", "empty-cell", "spaces", "fold", "nfc",
         "invisible", "bidi", "bad-id", "two-sources", "enum", "bad-date", "juche-date"],
)  # fmt: skip
def test_csv_off_the_column_path_reads_as_the_line_aware_path(
    tmp_path: Path, edit: dict[str, tuple[str, str]]
):
    data = _flat_with(tmp_path, edit)
    assert outcome(data, True) == outcome(data, False)


# -- YAML read record by record ------------------------------------------------------------------


_RECORD_SCALARS = st.one_of(
    st.sampled_from(["news", "p-1", "'2013-01-28'", "Kim Jong Un", "김정은", "Ri (1942)", "x",
                     "'a''b'", "2013", "'p: 1'", "a:b", '"q"', "e\u0301", "C#"]),
    _SCALARS,
)  # fmt: skip


@st.composite
def _record_files(draw: st.DrawFn) -> str:
    """Record files in the usual layout (``kwpld: 1``, lists of records in block style), with
    records of a few shapes and odd values, so that shapes repeat and values vary."""
    dash = draw(st.sampled_from(["- ", "  - "]))
    inner = " " * len(dash)
    shapes = []
    for _ in range(draw(st.integers(1, 3))):
        keys = draw(st.lists(_KEYS, min_size=1, max_size=4, unique=True))
        lists = {key: draw(st.integers(0, 2)) for key in keys if draw(st.integers(0, 3)) == 0}
        shapes.append((keys, lists))
    lines = [draw(st.sampled_from(["kwpld: 1", "kwpld: 2", ""]))]
    for key in draw(st.lists(st.sampled_from(["articles", "people", "x"]), min_size=1,
                             max_size=2)):  # fmt: skip
        lines.append(f"{key}:")
        for _ in range(draw(st.integers(1, 6))):
            keys, lists = draw(st.sampled_from(shapes))
            for number, field in enumerate(keys):
                head = dash if number == 0 else inner
                if field in lists:
                    lines.append(f"{head}{field}:")
                    items = lists[field]
                    lines += [f"{inner}{draw(st.sampled_from(['', '  ']))}- {draw(_RECORD_SCALARS)}"
                              for _ in range(items)]  # fmt: skip
                else:
                    lines.append(f"{head}{field}: {draw(_RECORD_SCALARS)}")
    return "\n".join(line for line in lines if line) + "\n"


@settings(max_examples=400, deadline=None)
@given(text=_record_files())
def test_yaml_record_by_record_reads_as_line_by_line(text: str):
    """``_by_records`` gives what ``_parse`` gives (values and the line of every list item),
    or leaves the file to it; and ``read_plain_yaml`` agrees with PyYAML on these files too."""
    if fastyaml._REFUSE.search(text) is not None:
        return
    try:
        fast_way = fastyaml._by_records(text)
    except fastyaml._Refused:
        fast_way = None
        refused = True
    else:
        refused = False
    try:
        slow_way = fastyaml._parse(text)
    except fastyaml._Refused:
        assert fast_way is None, text
        return
    assert not refused, text
    if fast_way is None:
        return
    assert fast_way[0] == slow_way[0], text
    lines: dict[int, list[int]] = {}
    theirs: dict[int, list[int]] = {}

    def walk(mine: object, other: object) -> None:
        if isinstance(mine, dict):
            for key in mine:
                walk(mine[key], other[key])  # type: ignore[index]
        elif isinstance(mine, list):
            lines[len(lines)] = fast_way[1][id(mine)]
            theirs[len(theirs)] = slow_way[1][id(other)]
            for a, b in zip(mine, other, strict=True):  # type: ignore[call-overload]
                walk(a, b)

    walk(fast_way[0], slow_way[0])
    assert lines == theirs, text


def test_the_flat_yaml_files_are_read_record_by_record(tmp_path: Path):
    synthesize_flat(tmp_path, 1550)
    for name in ("articles.yaml", "organs.yaml"):
        text = (tmp_path / name).read_text("utf-8")
        assert fastyaml._by_records(text) is not None, name


def test_the_flat_articles_are_checked_column_by_column(tmp_path: Path):
    synthesize_flat(tmp_path, 1550)
    text = (tmp_path / "articles.yaml").read_text("utf-8")
    parsed = fastyaml.read_plain_yaml(text, columns=True)
    assert parsed is not None and type(parsed[0]["articles"]) is fastyaml.Columns
    by_columns = fast._yaml_columns("article", parsed[0]["articles"], "articles.yaml")
    assert by_columns
    plain = fastyaml.read_plain_yaml(text)
    assert plain is not None
    reader = fast._Reader("articles.yaml")
    assert fast._take_items(reader, "article", plain[0]["articles"], plain[1])
    assert by_columns == reader.records


@pytest.mark.parametrize(
    "edit",
    [
        ("title: Report number 1 ", "title: Report  number 1 "),  # white space folded
        ("type: news", "type: memo"),  # outside the enum
        ("date: '2009", "date: '19x"),  # a date that does not read
        ("- p-00", "- P-00"),  # not an id
        ("title: Report number 1 ", "title: 'Report number 1' "),  # another shape
        ("title: Report number 1 ", "title: Re\u0301port number 1 "),  # not NFC
        ("title: Report number 1 ", "title: 1 "),  # an integer
    ],
    ids=["fold", "enum", "bad-date", "bad-id", "quoted", "nfc", "integer"],
)
def test_yaml_off_the_column_path_reads_as_the_line_aware_path(
    tmp_path: Path, edit: tuple[str, str]
):
    data = _flat_with(tmp_path, {"articles.yaml": edit})
    assert outcome(data, True) == outcome(data, False)



@pytest.mark.parametrize(
    "pattern, replacement",
    [
        (r"title: (Report number \d+ on the work of the party)\n", r"title: ' \1'\n"),
        (r"title: (Report number \d+ on the work of the party)\n", r"title: '\1 '\n"),
        (r"date: '(\d{4}-\d{2}-\d{2})'\n", r"date: ' \1'\n"),
        (r"date: '(\d{4})-\d{2}-\d{2}'\n", r"date: '\1'\n"),
    ],
    ids=["leading-space", "trailing-space", "date-space", "years"],
)
def test_every_record_of_a_yaml_column_edited_reads_as_the_line_aware_path(
    tmp_path: Path, pattern: str, replacement: str
):
    """The same edit in every record keeps one shape, so the column checks see it (a title
    quoted with a space at an end was once kept as it is there, and folded by the per-record
    path)."""
    synthesize_flat(tmp_path, 1550)
    text = (tmp_path / "articles.yaml").read_text("utf-8")
    edited, count = re.subn(pattern, replacement, text)
    assert count == 500  # every article
    (tmp_path / "articles.yaml").write_text(edited, "utf-8")
    assert outcome(tmp_path, True) == outcome(tmp_path, False)

_CELL = st.one_of(
    st.sampled_from(["p-1", "a.b", "-p", "p-", "p_1", "P", "0", "'x'", "'", "'''", "''", "'a'b'",
                     "yes", "No", "a: b", "a:", "a #b", "a#b", "Kim", "김", "²x", "_x", "ǅx",
                     "x\u0301", "a b", "a  b", "~", "1", "é"]),
    st.text(alphabet="ab-._'#: 0yesNo\u00e9", min_size=0, max_size=5),
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(cells=st.lists(_CELL, min_size=1, max_size=5))
def test_the_column_checks_vouch_only_for_what_the_value_checks_accept(cells: list[str]):
    """The checks of a whole column (ids, plain text, single-quoted scalars) accept a column
    only when each of its values passes the check for one value."""
    joined = "\n".join(cells)
    ids = fast._all_ids(cells, joined, 5)
    assert ids == all(re.fullmatch(fast._ID_PATTERN, c) and len(c) <= 5 for c in cells), cells

    def scalar(raw: str) -> object:
        try:
            return fastyaml._scalar(raw)
        except (fastyaml._Refused, IndexError):
            return fastyaml._Refused

    if "" not in cells and fastyaml._all_plain_text(cells, joined):
        assert all(scalar(c) == c for c in cells), cells
    if "" not in cells and fastyaml._all_single_quoted(cells, joined):
        assert all(scalar(c) == c[1:-1] for c in cells), cells
