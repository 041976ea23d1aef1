"""Printed and derived values in the record format, the loader and the graph (issue 13).

A name says which sources print it (``sources``) or how it was derived from another name of
the record (``derived_from``); a record says which sources state each field (``stated_in``) and
which values no source prints (``derived``). See docs/format.md, "Printed and derived values".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE

import kwpld
from kwpld import names
from kwpld.errors import LoadError, Problem
from kwpld.iris import Minter
from kwpld.load import load_records
from kwpld.load.schema import record_schema
from kwpld.model import (
    NAME_DERIVATION_RULES,
    VALUE_DERIVATION_RULES,
    Derivation,
    Name,
    Person,
    fact_sources,
    record_derivation,
)
from kwpld.namespaces import KWP, KWPV, PROV, RDF_TYPE, SCHEMA
from kwpld.vocab import vocabularies
from kwpld.wikidata.facts import wikidata_view

DATASET = "kwpld: 1\nid: derived\ntitle: Derived values\nbase_iri: https://example.org/d/\n"
ARTICLES = """\
kwpld: 1
articles:
  - {id: essay, type: essay, title: An essay, date: 2013-01-21, url: "https://example.org/essay"}
  - {id: report, type: report, title: A report, date: 2013-01-23}
"""


def folder(tmp_path: Path, people: str, extra: str = "") -> Path:
    data = tmp_path / "data"
    data.mkdir()
    (data / "kwpld.yaml").write_text(DATASET, "utf-8")
    (data / "articles.yaml").write_text(ARTICLES, "utf-8")
    (data / "people.yaml").write_text("kwpld: 1\npeople:\n" + people, "utf-8")
    if extra:
        (data / "more.yaml").write_text(extra, "utf-8")
    return data


def problems(data: Path) -> list[Problem]:
    with pytest.raises(LoadError) as caught:
        load_records(data)
    return list(caught.value.report)


def line(path: Path, needle: str) -> int:
    for number, text in enumerate(path.read_text("utf-8").splitlines(), 1):
        if needle in text:
            return number
    raise AssertionError(needle)


KIM = """\
  - id: kim
    names:
      - {text: Kim Jong Su, system: en, sources: [essay]}
      - {text: "Kim Cho'ng-su", system: mr-ascii, sources: [essay]}
      - {text: Kim Chŏng-su, system: mr, derived_from: {system: mr-ascii, rule: mr-ascii-to-mr}}
      - {text: 김정수, system: hangul, derived_from: {text: Kim Chŏng-su, rule: mr-to-hangul}}
      - {text: Gim Jeong-su, system: rr, derived_from: {system: hangul, rule: hangul-to-rr}}
    gender: male
    citizenship: KP
    born: 1957
    stated_in:
      born: [essay, report]
    derived:
      citizenship: {rule: inferred, from: writes for Rodong Sinmun}
"""


# -- the format and the loader ----------------------------------------------------------------


def test_the_rules_are_the_derivation_rule_vocabulary_and_the_schema_lists_them():
    notations = set(vocabularies()["derivation-rule"].notations)
    assert set(NAME_DERIVATION_RULES) | set(VALUE_DERIVATION_RULES) == notations
    assert not set(NAME_DERIVATION_RULES) & set(VALUE_DERIVATION_RULES)
    assert set(names.DERIVATION_RULES) <= set(NAME_DERIVATION_RULES)  # kwpld's own rules
    defs = record_schema()["$defs"]
    assert defs["name-derivation"]["properties"]["rule"]["enum"] == sorted(NAME_DERIVATION_RULES)
    assert defs["value-derivation"]["properties"]["rule"]["enum"] == sorted(VALUE_DERIVATION_RULES)


def test_derived_names_stated_and_derived_fields_load(tmp_path):
    records = load_records(folder(tmp_path, KIM))
    kim = records["kim"]
    assert isinstance(kim, Person)
    by_system = {n.system: n for n in kim.names}
    assert by_system["hangul"].derived_from == Derivation("mr-to-hangul", "Kim Chŏng-su", "mr")
    assert by_system["mr"].derived_from == Derivation("mr-ascii-to-mr", "Kim Cho'ng-su", "mr-ascii")
    assert by_system["en"].derived_from is None and by_system["en"].printed
    assert not by_system["hangul"].printed
    assert kim.stated_in == {"born": ["essay", "report"]}
    assert kim.derived == {"citizenship": Derivation("inferred", "writes for Rodong Sinmun")}
    assert fact_sources(kim, "born") == ["essay", "report"]
    assert fact_sources(kim, "citizenship") == [] and fact_sources(kim, "gender") == []


def test_files_without_the_new_fields_load_unchanged(tmp_path):
    old = """\
  - id: kim
    names:
      - {text: Kim Jong Su, system: en}
      - {text: 김정수, system: hangul, note: Transliterated; not printed in the source.}
    gender: male
    sources: [essay]
"""
    kim = load_records(folder(tmp_path, old))["kim"]
    assert isinstance(kim, Person)
    assert [n.derived_from for n in kim.names] == [None, None]
    assert kim.stated_in == {} and kim.derived == {}
    # the record's sources support the record, not each of its values
    assert fact_sources(kim, "gender") == []


@pytest.mark.parametrize(
    ("people", "needle", "field", "message"),
    [
        (
            KIM.replace("rule: hangul-to-rr}}", "rule: hangul-to-rr}, sources: [essay]}"),
            "Gim Jeong-su",
            "names[4].sources",
            "the name 'Gim Jeong-su' is derived, so no source prints it",
        ),
        (
            KIM.replace("{text: Kim Chŏng-su, rule", "{text: Kim Il Sung, rule"),
            "김정수",
            "names[3].derived_from",
            "no other name of this record is 'Kim Il Sung'",
        ),
        (
            KIM.replace("rule: hangul-to-rr}", "rule: mr-to-hangul}"),
            "Gim Jeong-su",
            "names[4].derived_from.rule",
            "the rule mr-to-hangul gives hangul names, but 'Gim Jeong-su' is rr",
        ),
        (
            KIM.replace("{system: mr-ascii, rule: mr-ascii", "{system: en, rule: mr-ascii"),
            "Kim Chŏng-su, system: mr,",
            "names[2].derived_from.rule",
            "the rule mr-ascii-to-mr derives from mr-ascii names, but 'Kim Jong Su' is en",
        ),
        (
            KIM.replace("{system: mr-ascii, rule: mr-ascii-to-mr}", "{rule: mr-ascii-to-mr}"),
            "Kim Chŏng-su, system: mr,",
            "names[2].derived_from",
            "derived_from must name the name 'Kim Chŏng-su' was derived from",
        ),
        (
            KIM.replace(
                "system: mr-ascii, sources: [essay]}",
                "system: mr-ascii, derived_from: {system: mr, rule: mr-to-mr-ascii}}",
            ),
            "system: mr-ascii, derived_from",
            "names[1].derived_from",
            "the names are derived from each other in a circle: 'Kim Cho'ng-su' <- 'Kim Chŏng-su'",
        ),
        (
            KIM.replace("born: [essay, report]", "bron: [essay]"),
            "bron:",
            "stated_in.bron",
            "unknown field 'bron'; did you mean 'born'?",
        ),
        (
            KIM.replace("born: [essay, report]", "born: [kim]"),
            "born: [kim]",
            "stated_in.born[0]",
            "'kim' is a person, but this field takes an article",
        ),
        (
            KIM.replace("born: [essay, report]", "died: [essay]"),
            "died: [essay]",
            "stated_in.died",
            "stated_in names 'died', but this person has no died",
        ),
        (
            KIM.replace("born: [essay, report]", "citizenship: [essay]"),
            "from: writes for",
            "derived.citizenship",
            "'citizenship' is both derived and stated in a source",
        ),
        (
            KIM.replace("{rule: inferred, from", "{rule: date-from-weekday, from"),
            "rule: date-from-weekday",
            "derived.citizenship.rule",
            "the rule date-from-weekday derives dates, not 'citizenship'",
        ),
        (
            KIM.replace("rule: inferred", "rule: guessed"),
            "rule: guessed",
            "derived.citizenship.rule",
            "guessed",
        ),
    ],
    ids=[
        "derived-name-with-sources", "unknown-source-name", "rule-gives-another-system",
        "rule-reads-another-system", "no-source-name", "circle", "unknown-stated-field",
        "stated-in-a-person", "stated-field-absent", "stated-and-derived", "weekday-on-country",
        "unknown-rule",
    ],
)  # fmt: skip
def test_each_contradiction_is_an_error_at_its_line(tmp_path, people, needle, field, message):
    data = folder(tmp_path, people)
    found = problems(data)
    assert len(found) == 1, [str(p) for p in found]
    problem = found[0]
    assert message in problem.message, str(problem)
    assert problem.field == field and problem.file == "people.yaml"
    assert problem.line == line(data / "people.yaml", needle)


def test_a_composed_name_may_name_no_source_name(tmp_path):
    organ = """\
kwpld: 1
organs:
  - id: pb
    kind: political-bureau
    names:
      - {text: Political Bureau of the WPK CC, system: en, derived_from: {rule: composed}}
"""
    records = load_records(folder(tmp_path, KIM, organ))
    assert records["pb"].names[0].derived_from == Derivation("composed")  # type: ignore[union-attr]


def test_record_derivation_marks_a_name_written_by_a_program():
    hangul = record_derivation(
        {"text": "김정수", "system": "hangul", "sources": ["essay"]},
        "mr-to-hangul",
        "Kim Chŏng-su",
        "mr",
    )
    assert hangul == {
        "text": "김정수",
        "system": "hangul",
        "derived_from": {"text": "Kim Chŏng-su", "system": "mr", "rule": "mr-to-hangul"},
    }
    derived = names.derive_hangul("Kim Chŏng-su")
    assert derived is not None
    name = record_derivation(
        {"text": derived.value, "system": str(derived.system)},
        derived.rule,
        derived.source,
        str(derived.source_system),
    )
    assert name["derived_from"]["rule"] == "mr-to-hangul"
    with pytest.raises(ValueError, match="unknown name derivation rule"):
        record_derivation({"text": "x", "system": "en"}, "inferred")
    with pytest.raises(ValueError, match="derives from mr-ascii, not hangul"):
        record_derivation({"text": "x", "system": "mr"}, "mr-ascii-to-mr", system="hangul")
    with pytest.raises(ValueError, match="gives rr names, not en"):
        record_derivation({"text": "x", "system": "en"}, "hangul-to-rr", system="hangul")
    assert record_derivation({"text": "x", "system": "en"}, "composed") == {
        "text": "x",
        "system": "en",
        "derived_from": {"rule": "composed"},
    }


def test_record_value_derivation_marks_a_field_written_by_a_program(tmp_path):
    from kwpld.model import record_value_derivation

    membership = {
        "id": "kim.wpk",
        "start": "2013-01-25",
        "stated_in": {"start": ["report"]},
    }
    record_value_derivation(
        membership, "membership", "start", "date-from-weekday", "'on Friday' in the report"
    )
    assert membership == {
        "id": "kim.wpk",
        "start": "2013-01-25",
        "derived": {"start": {"rule": "date-from-weekday", "from": "'on Friday' in the report"}},
    }
    with pytest.raises(ValueError, match="derives dates, not 'citizenship'"):
        record_value_derivation({}, "person", "citizenship", "date-from-weekday")
    with pytest.raises(ValueError, match="has no field 'names'"):
        record_value_derivation({}, "person", "names", "inferred")
    with pytest.raises(ValueError, match="unknown value derivation rule"):
        record_value_derivation({}, "person", "born", "mr-to-hangul")


def test_names_written_by_record_derivation_load(tmp_path):
    import yaml

    person = {
        "id": "kim",
        "names": [
            {"text": "Kim Jong Su", "system": "en", "sources": ["essay"]},
            {"text": "Kim Chŏng-su", "system": "mr", "sources": ["essay"]},
            record_derivation({"text": "김정수", "system": "hangul"}, "mr-to-hangul", system="mr"),
        ],
    }
    text = yaml.safe_dump([person], allow_unicode=True, sort_keys=False)
    records = load_records(folder(tmp_path, "\n".join("  " + x for x in text.splitlines())))
    kim = records["kim"]
    assert isinstance(kim, Person)
    assert kim.names[2].derived_from == Derivation("mr-to-hangul", "Kim Chŏng-su", "mr")


# -- the graph --------------------------------------------------------------------------------


def t(ns: str, local: str) -> str:
    return f"<{ns}{local}>"


@pytest.fixture(scope="module")
def example_graph():
    records, graph = kwpld.build_graph(EXAMPLE)
    return records, graph, Minter(graph.base_iri)


def test_a_derived_label_comes_from_its_source_label_and_rule_never_an_article(example_graph):
    records, graph, mint = example_graph
    kim = records["kim-jong-su"]
    hangul = mint.label("kim-jong-su", next(n for n in kim.names if n.system == "hangul"))
    mr = mint.label("kim-jong-su", next(n for n in kim.names if n.system == "mr"))
    triples = {(p, o) for s, p, o, _ in graph.quad_set if s == hangul}
    assert (f"<{RDF_TYPE}>", t(KWP, "DerivedLabel")) in triples
    assert (t(KWP, "derivationRule"), t(KWPV, "derivation-rule/mr-to-hangul")) in triples
    assert {o for p, o in triples if p == t(PROV, "wasDerivedFrom")} == {mr}
    # and the printed ASCII form is cited to the analysis that prints it
    ascii_label = mint.label("kim-jong-su", Name("Kim Cho'ng-su", "mr-ascii"))
    cited = {
        o for s, p, o, _ in graph.quad_set if s == ascii_label and p == t(PROV, "wasDerivedFrom")
    }
    assert cited == {mint.entity("article", "nklw-2013-01-party-cell-secretaries")}


def test_derived_fields_have_a_derivation_node(example_graph):
    _, graph, mint = example_graph
    person = mint.entity("person", "kim-jong-su")
    node = mint.derivation("kim-jong-su", "citizenship")
    assert (person, t(KWP, "derivation"), node) in {(s, p, o) for s, p, o, _ in graph.quad_set}
    triples = {(p, o) for s, p, o, _ in graph.quad_set if s == node}
    assert (t(KWP, "derivedProperty"), t(SCHEMA, "nationality")) in triples
    assert (t(KWP, "derivationRule"), t(KWPV, "derivation-rule/inferred")) in triples
    assert not [o for p, o in triples if p == t(PROV, "wasDerivedFrom")]


def test_a_field_stated_in_a_source_is_in_that_sources_graph(example_graph):
    _, graph, mint = example_graph
    person = mint.entity("person", "kim-jong-un")
    graphs = {g for s, p, _, g in graph.quad_set if s == person and p == t(SCHEMA, "gender")}
    assert graphs == {
        f"<{graph.graph_names.records}>",
        f"<{graph.graph_names.source('pb-report-2013-01-23')}>",
    }
    # an unstated field stays in the records graph only
    born = {g for s, p, _, g in graph.quad_set if p == t(SCHEMA, "nationality") and s == person}
    assert born == {f"<{graph.graph_names.records}>"}


def test_a_derived_membership_date_is_not_put_in_its_sources_graph(tmp_path):
    organ = """\
kwpld: 1
organs:
  - {id: wpk, kind: party, names: [{text: Workers' Party of Korea, system: en}]}
memberships:
  - id: kim.wpk
    person: kim
    organ: wpk
    role: member
    status: reported
    start: 25 January 2013
    as_of: 2013-01
    derived:
      start: {rule: date-from-weekday, from: "'on Friday' in the report of 26 January 2013"}
    sources: [report]
"""
    records, graph = kwpld.build_graph(folder(tmp_path, KIM, organ))
    mint = Minter(graph.base_iri)
    membership = mint.entity("membership", "kim.wpk")
    where = {
        p: g for s, p, _, g in graph.quad_set if s == membership and p.startswith(f"<{SCHEMA}")
    }
    assert where[t(SCHEMA, "validFrom")] == f"<{graph.graph_names.records}>"
    source = f"<{graph.graph_names.source('report')}>"
    assert (membership, t(KWP, "asOf")) in {(s, p) for s, p, _, g in graph.quad_set if g == source}
    view = wikidata_view(records)
    assert view.facts == []  # nothing linked: no Wikidata facts at all


def test_wikidata_facts_cite_per_field_sources_and_flag_derived_values(tmp_path):
    links = """\
kwpld: 1
wikidata_links:
  - {entity: kim, qid: Q900000021, method: manual, by: A. Scholar, date: 2024-05-01}
"""
    records = load_records(folder(tmp_path, KIM, links))
    facts = {f.prop: f for f in wikidata_view(records).facts}
    assert facts["P569"].sources == ("essay", "report") and not facts["P569"].derived
    assert facts["P27"].derived and facts["P27"].sources == ()
    assert facts["P21"].sources == () and not facts["P21"].derived  # stated by no one
    assert facts["P1559"].derived and facts["P2001"].derived and facts["P1942"].derived
    labels = {(k.lang, k.text): k.derived for k in wikidata_view(records).labels}
    assert labels == {("en", "Kim Jong Su"): False, ("ko", "김정수"): True}


def test_a_derived_from_text_in_decomposed_form_names_the_same_name(tmp_path):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Kim Chŏng-su")
    assert decomposed != "Kim Chŏng-su"
    people = KIM.replace(
        "{text: Kim Chŏng-su, rule: mr-to-hangul}", f"{{text: {decomposed}, rule: mr-to-hangul}}"
    )
    kim = load_records(folder(tmp_path, people))["kim"]
    hangul = next(n for n in kim.names if n.system == "hangul")  # type: ignore[union-attr]
    assert hangul.derived_from == Derivation("mr-to-hangul", "Kim Chŏng-su", "mr")
