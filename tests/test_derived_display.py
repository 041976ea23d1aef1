"""The site and the charts show derived names and values as derived (issue 13).

A derived name is drawn in italics with an asterisk and, on a page, says what it was derived
from and by which rule; a derived value says the same instead of a source; a value stated in a
source links that source.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from chart_helpers import all_text, by_class, parse_svg
from conftest import FIXTURES

from kwpld.charts import composition_chart, open_graph, structure_chart, timeline_chart
from kwpld.site import build_site

POLITBURO = FIXTURES / "charts-politburo"


def page_text(path: Path) -> str:
    return path.read_text("utf-8")


@pytest.fixture(scope="module")
def site(built_example, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(built_example.out, out)
    return out


def row_of(html: str, needle: str) -> str:
    """The table row (<tr ...>...</tr>) that contains ``needle``."""
    at = html.index(needle)
    start = at if needle.startswith("<tr") else html.rindex("<tr", 0, at)
    return html[start : html.index("</tr>", at)]


def test_a_derived_name_says_what_it_was_derived_from(site):
    html = page_text(site / "person" / "kim-jong-su.html")
    hangul = row_of(html, '<tr data-system="hangul"')
    assert 'class="derived"' in hangul
    assert "derived from" in hangul and "Kim Chŏng-su" in hangul
    assert "Hangul from McCune-Reischauer" in hangul  # the rule's label in the vocabulary
    assert "printed in no source" in hangul
    printed = row_of(html, '<tr data-system="mr-ascii"')
    assert 'class="derived"' not in printed and "Kim Cho&#39;ng-su" in printed
    assert "../article/nklw-2013-01-party-cell-secretaries.html" in printed
    # the heading's Korean name is marked too
    assert '<span class="native derived" title="derived: printed in no source" lang="ko">' in html


def test_a_derived_value_shows_its_rule_and_origin_instead_of_a_source(site):
    html = page_text(site / "person" / "kim-jong-su.html")
    citizenship = row_of(html, '<th scope="row">citizenship</th>')
    assert 'class="derived"' in citizenship and "inferred" in citizenship
    assert "writes for Rodong Sinmun" in citizenship
    assert ">record<" not in citizenship


def test_a_value_stated_in_a_source_links_it(site):
    html = page_text(site / "person" / "kim-jong-un.html")
    gender = row_of(html, '<th scope="row">gender</th>')
    assert "../article/pb-report-2013-01-23.html" in gender
    citizenship = row_of(html, '<th scope="row">citizenship</th>')
    assert ">record<" in citizenship  # curated, stated by no particular source


def test_links_to_a_person_mark_a_derived_korean_name(site):
    html = page_text(site / "article" / "rodong-essay-2013-01-21.html")
    assert 'class="ko derived" title="derived: printed in no source" lang="ko">김정수<' in html
    assert 'class="ko" lang="ko">김정은<' in html  # Kim Jong Un's Hangul is not derived


@pytest.fixture(scope="module")
def derived_politburo(tmp_path_factory) -> Path:
    """The fictional Political Bureau with Ri Siheom's Hangul and an organ's Hangul derived."""
    data = Path(shutil.copytree(POLITBURO, tmp_path_factory.mktemp("charts") / "records"))
    people = data / "people.yaml"
    text = people.read_text("utf-8")
    old = "      - {text: 리시험, system: hangul}\n"
    assert old in text
    new = "      - {text: 리시험, system: hangul, derived_from: {system: mr, rule: mr-to-hangul}}\n"
    people.write_text(text.replace(old, new), "utf-8")
    organs = data / "organs.yaml"
    text = organs.read_text("utf-8")
    old = "      - {text: 가상당 중앙위원회, system: hangul}\n"
    assert old in text
    new = "      - {text: 가상당 중앙위원회, system: hangul, derived_from: {rule: composed}}\n"
    organs.write_text(text.replace(old, new), "utf-8")
    return data


def test_charts_mark_derived_names_and_explain_the_mark(derived_politburo):
    graph = open_graph(derived_politburo)
    root = parse_svg(composition_chart(graph, "fp-pb", "2013-01-15").svg)
    marked = [t for t in by_class(root, "derived") if "리시험*" in all_text(t)]
    assert marked, "Ri Siheom's derived Hangul is drawn marked"
    assert "A name marked * is derived" in all_text(root)
    assert "김가상*" not in all_text(root)  # a given Hangul name is not marked
    tree = parse_svg(structure_chart(graph).svg)
    assert "가상당 중앙위원회*" in all_text(tree)
    assert "A name marked * is derived" in all_text(tree)
    line = parse_svg(timeline_chart(graph, "ri-siheom").svg)
    assert "리시험*" in all_text(line) and "A name marked * is derived" in all_text(line)


def test_charts_without_derived_names_have_no_mark_and_no_explanation():
    graph = open_graph(POLITBURO)
    root = parse_svg(composition_chart(graph, "fp-pb", "2013-01-15").svg)
    assert not by_class(root, "derived")
    assert "is derived" not in all_text(root)


def test_a_page_with_derived_names_and_values_has_rdf_that_round_trips(site):
    """The person's Turtle and JSON-LD (with the context's derivation terms) say the same."""
    import json

    import pyoxigraph as ox

    turtle = ox.Store()
    turtle.load(path=str(site / "person" / "kim-jong-su.ttl"), format=ox.RdfFormat.TURTLE)
    triples = {(str(q.subject), str(q.predicate), str(q.object)) for q in turtle}
    assert any(p.endswith("#derivationRule>") for _, p, _ in triples)
    assert any(o.endswith("#DerivedLabel>") for _, _, o in triples)
    document = json.loads((site / "person" / "kim-jong-su.jsonld").read_text("utf-8"))
    document["@context"] = json.loads((site / "context.jsonld").read_text("utf-8"))["@context"]
    jsonld = ox.Store()
    jsonld.load(json.dumps(document).encode(), format=ox.RdfFormat.JSON_LD)
    assert {(str(q.subject), str(q.predicate), str(q.object)) for q in jsonld} == triples
    text = (site / "person" / "kim-jong-su.jsonld").read_text("utf-8")
    assert '"derivationRule"' in text and '"derivations"' in text
