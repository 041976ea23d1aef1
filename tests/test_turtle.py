"""The Turtle/TriG writer: pretty, deterministic, and read back identically by real parsers."""

from __future__ import annotations

import io
import subprocess

import pyoxigraph as ox
from conftest import require_tool

from kwpld.formats.turtle import TermCompactor, write_trig, write_turtle
from kwpld.rdf import date_literal, int_literal, iri, lang_literal, literal, typed_literal

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
PREFIXES = {"ex": EX, "xsd": XSD, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}

TRICKY = [
    (iri(EX + "s"), iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), iri(EX + "Thing")),
    (iri(EX + "s"), iri(EX + "p"), literal('quote " backslash \\ newline \n tab \t cr \r')),
    (iri(EX + "s"), iri(EX + "p"), literal("control \x01 and DEL \x7f")),
    (iri(EX + "s"), iri(EX + "p"), lang_literal("Kim Chŏng-ŭn", "ko-latn")),
    (iri(EX + "s"), iri(EX + "p"), lang_literal("김정은", "ko")),
    (iri(EX + "s"), iri(EX + "n"), int_literal(80)),
    (iri(EX + "s"), iri(EX + "n"), int_literal(-3)),
    (iri(EX + "s"), iri(EX + "b"), typed_literal("true", XSD + "boolean")),
    (iri(EX + "s"), iri(EX + "d"), typed_literal("1991-05", XSD + "gYearMonth")),
    (iri(EX + "s"), iri(EX + "x"), typed_literal("007", XSD + "integer")),
    (iri(EX + "a/b"), iri(EX + "p"), iri(EX + "ends.")),
    (iri(EX + "label.en.abc"), iri(EX + "p"), iri("urn:isbn:0451450523")),
    (iri(EX + "s2"), iri(EX + "p"), iri(EX + "with%20escape")),
]


def _parse(data: str, fmt: ox.RdfFormat) -> set[str]:
    return {str(t) for t in ox.parse(data.encode(), fmt)}


def _as_nt(triples) -> set[str]:
    return {f"{s} {p} {o}" for s, p, o in triples}


def test_tricky_terms_round_trip_through_pyoxigraph():
    out = io.StringIO()
    write_turtle(sorted(TRICKY), out, PREFIXES)
    parsed = _parse(out.getvalue(), ox.RdfFormat.TURTLE)
    expected = _parse("".join(f"{s} {p} {o} .\n" for s, p, o in TRICKY), ox.RdfFormat.N_TRIPLES)
    assert parsed == expected


def test_output_is_pretty_and_uses_prefixes():
    out = io.StringIO()
    write_turtle(sorted(TRICKY), out, PREFIXES, header="A title\nsecond line")
    text = out.getvalue()
    assert text.startswith("# A title\n# second line\n@prefix ex: <http://example.org/> .\n")
    assert "ex:s a ex:Thing ;\n    ex:b true ;" in text
    assert "ex:n -3 , 80 ;" in text
    assert '"1991-05"^^xsd:gYearMonth' in text
    assert "ex:x 007 ." in text  # Turtle keeps an integer's lexical form
    assert "<http://example.org/a/b>" in text  # a local part with '/' is not prefixable
    assert "<http://example.org/ends.>" in text  # nor one ending with '.'
    assert "ex:label.en.abc" in text


def test_dates_and_integers_from_the_pipeline_helpers():
    from kwpld.dates import parse_date

    assert date_literal(parse_date("May of Juche 80 (1991)")) == f'"1991-05"^^<{XSD}gYearMonth>'
    compact = TermCompactor(PREFIXES)
    assert compact.term(int_literal(102)) == "102"
    assert compact.term(date_literal(parse_date("2013"))) == '"2013"^^xsd:gYear'


def test_rapper_and_serdi_read_the_turtle(tmp_path):
    path = tmp_path / "t.ttl"
    with path.open("w", encoding="utf-8") as out:
        write_turtle(sorted(TRICKY), out, PREFIXES)
    rapper = require_tool("rapper")
    result = subprocess.run(
        [rapper, "-i", "turtle", "-c", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0 and f"returned {len(TRICKY)} triples" in result.stderr, (
        result.stderr
    )
    serdi = require_tool("serdi")
    result = subprocess.run(
        [serdi, "-i", "turtle", "-o", "ntriples", str(path)], capture_output=True
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.decode().strip().splitlines()) == len(TRICKY)


def test_trig_has_one_block_per_graph_and_round_trips():
    quads = sorted(
        [(s, p, o, iri(EX + "g1")) for s, p, o in TRICKY[:5]]
        + [(s, p, o, iri(EX + "g2")) for s, p, o in TRICKY[5:]],
        key=lambda q: (q[3], q[0], q[1], q[2]),
    )
    out = io.StringIO()
    write_trig(quads, out, PREFIXES)
    text = out.getvalue()
    assert text.count("ex:g1 {") == 1 and text.count("ex:g2 {") == 1
    parsed = {str(q) for q in ox.parse(text.encode(), ox.RdfFormat.TRIG)}
    expected = {
        str(q)
        for q in ox.parse(
            "".join(f"{s} {p} {o} {g} .\n" for s, p, o, g in quads).encode(), ox.RdfFormat.N_QUADS
        )
    }
    assert parsed == expected


def test_unsorted_or_repeated_triples_of_a_subject_give_the_same_turtle():
    from kwpld.namespaces import RDF_TYPE

    typed = [
        *TRICKY,
        (iri(EX + "s"), iri(RDF_TYPE), iri(EX + "B")),
        (iri(EX + "s"), iri(RDF_TYPE), iri(EX + "A")),
    ]
    expected = io.StringIO()
    write_turtle(sorted(set(typed)), expected, PREFIXES)
    text = expected.getvalue()
    assert "ex:s a ex:A , ex:B , ex:Thing ;" in text  # "a" first, its objects sorted
    by_subject = sorted(set(typed), key=lambda t: t[0])  # grouped, but unsorted within
    for rows in (
        by_subject[::-1],  # reversed within each subject
        [*by_subject, *by_subject],  # every triple twice
        [t for t in by_subject if t[1] != iri(RDF_TYPE)]
        + [t for t in by_subject if t[1] == iri(RDF_TYPE)],
    ):
        rows = sorted(rows, key=lambda t: t[0])  # keep subjects together, as the writer needs
        out = io.StringIO()
        write_turtle(rows, out, PREFIXES)
        assert out.getvalue() == text


def test_subjects_with_the_same_predicates_share_a_template_but_not_their_order():
    """Blocks are filled from one template per sequence of predicates; a subject whose
    objects come unsorted or repeated under the same sequence still gets sorted output, and
    a '%' in a predicate's IRI stays as it is."""
    odd = iri("http://other.example/p%41")
    rows = []
    for name, objects in (("s1", ["a", "b"]), ("s2", ["b", "a"]), ("s3", ["a", "a"])):
        rows += [(iri(EX + name), iri(EX + "p"), literal(o)) for o in objects]
        rows.append((iri(EX + name), odd, literal("%s")))
    out = io.StringIO()
    write_turtle(rows, out, PREFIXES)
    text = out.getvalue()
    assert 'ex:s1 ex:p "a" , "b" ;\n    <http://other.example/p%41> "%s" .\n' in text
    assert 'ex:s2 ex:p "a" , "b" ;\n    <http://other.example/p%41> "%s" .\n' in text
    assert 'ex:s3 ex:p "a" ;\n    <http://other.example/p%41> "%s" .\n' in text
    assert _parse(text, ox.RdfFormat.TURTLE) == _parse(
        "".join(f"{s} {p} {o} .\n" for s, p, o in set(rows)), ox.RdfFormat.N_TRIPLES
    )
