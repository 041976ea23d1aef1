"""End to end: build the seed example and check the article's facts with SPARQL."""

from __future__ import annotations

import subprocess

import pyoxigraph as ox
from conftest import require_tool

PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX skosxl: <http://www.w3.org/2008/05/skos-xl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX kwp: <https://w3id.org/kwpld/ontology#>
PREFIX namesystem: <https://w3id.org/kwpld/vocab/name-system/>
PREFIX namekind: <https://w3id.org/kwpld/vocab/name-kind/>
PREFIX status: <https://w3id.org/kwpld/vocab/membership-status/>
PREFIX role: <https://w3id.org/kwpld/vocab/role/>
PREFIX person: <https://w3id.org/kwpld/id/person/>
PREFIX organ: <https://w3id.org/kwpld/id/organ/>
PREFIX event: <https://w3id.org/kwpld/id/event/>
PREFIX article: <https://w3id.org/kwpld/id/article/>
"""


def ask(store: ox.Store, pattern: str) -> bool:
    return bool(store.query(PREFIXES + f"ASK {{ {pattern} }}", use_default_graph_as_union=True))


def rows(store: ox.Store, query: str) -> list[tuple]:
    """The rows of ``query`` over the union of the graphs, where a triple stated by two sources
    (a claim, or a field the record says both state) is seen once per graph: hence DISTINCT."""
    result = store.query(PREFIXES + query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    out = []
    for solution in result:
        out.append(tuple(solution[n].value if solution[n] is not None else None for n in names))
    return out


def test_the_four_meetings_with_dates_ordinals_and_juche_years(example_store):
    found = rows(
        example_store,
        """
        SELECT DISTINCT ?ordinal ?date ?datatype ?juche ?stated WHERE {
          ?meeting schema:superEvent ?series ; kwp:ordinal ?ordinal ; schema:startDate ?date ;
                   kwp:jucheYear ?juche .
          ?series skos:prefLabel "Meeting of Secretaries of Cells of the WPK"@en .
          OPTIONAL { ?meeting kwp:dateAsStated ?stated }
          BIND(datatype(?date) AS ?datatype)
        } ORDER BY ?ordinal""",
    )
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert found == [
        ("1", "1991-05", xsd + "gYearMonth", "80", "May of Juche 80 (1991)"),
        ("2", "1994-03", xsd + "gYearMonth", "83", "March of Juche 83 (1994)"),
        ("3", "2007-10", xsd + "gYearMonth", "96", "October of Juche 96 (2007)"),
        ("4", "2013-01-28", xsd + "date", "102", "28 January 2013 (Monday)"),
    ]


def test_the_fourth_meeting_is_in_pyongyang_convened_by_the_political_bureau(example_store):
    found = rows(
        example_store,
        """
        SELECT DISTINCT ?place ?organizer WHERE {
          event:meeting-of-cell-secretaries-4 schema:location/schema:name ?place ;
              schema:organizer/skos:prefLabel ?organizer .
          FILTER(lang(?organizer) = "en")
        }""",
    )
    assert found == [
        ("Pyongyang", "Political Bureau of the Central Committee of the Workers' Party of Korea")
    ]


def test_the_organ_chain_from_the_presidium_to_the_party(example_store):
    chain = []
    node = "https://w3id.org/kwpld/id/organ/wpk-pb-presidium"
    for _ in range(5):
        chain.append(node.rsplit("/", 1)[1])
        parent = rows(example_store, f"SELECT ?p WHERE {{ <{node}> org:subOrganizationOf ?p }}")
        if not parent:
            break
        node = parent[0][0]
    assert chain == ["wpk-pb-presidium", "wpk-pb", "wpk-cc", "wpk"]
    assert ask(
        example_store,
        """organ:wpk-pb-presidium org:subOrganizationOf+ organ:wpk .
           organ:wpk a org:FormalOrganization ; skos:altLabel "KWP"@en , "WPK"@en .
           organ:wpk-pb-presidium org:classification/skos:notation "presidium" .""",
    )


def test_kim_jong_su_essay_in_rodong_sinmun_with_his_mr_name(example_store):
    found = rows(
        example_store,
        """
        SELECT ?title ?date ?paper ?mr ?ascii WHERE {
          ?essay a kwp:Essay ; schema:headline ?title ; schema:datePublished ?date ;
                 schema:author ?author ; schema:publisher/skos:prefLabel ?paper .
          FILTER(lang(?paper) = "en")
          ?author skosxl:altLabel ?l1 , ?l2 .
          ?l1 kwp:nameSystem namesystem:mr ; skosxl:literalForm ?mr .
          ?l2 kwp:nameSystem namesystem:mr-ascii ; skosxl:literalForm ?ascii .
        }""",
    )
    assert found == [
        (
            "Party Cells Are Cornerstones That Uphold Our Party",
            "2013-01-21",
            "Rodong Sinmun",
            "Kim Chŏng-su",
            "Kim Cho'ng-su",
        )
    ]


def test_jang_song_taek_projected_presidium_membership_with_its_source_graphic(example_store):
    found = rows(
        example_store,
        """
        SELECT ?asOf ?caption ?credit ?g WHERE {
          GRAPH ?g {
            ?m a org:Membership , kwp:Claim ; org:member person:jang-song-taek ;
               org:organization organ:wpk-pb-presidium ; org:role role:member ;
               kwp:status status:projected ; kwp:asOf ?asOf ; prov:wasDerivedFrom ?graphic .
          }
          ?graphic a schema:ImageObject ; schema:caption ?caption ; schema:creditText ?credit .
        }""",
    )
    assert len(found) == 1
    as_of, caption, credit, graph = found[0]
    assert as_of == "2013-01"
    assert caption.startswith(
        "The KWP Political Bureau (or KWP Central Committee Political Bureau)"
    )
    assert "projecting Jang Song Taek's membership on its Presidium" in caption
    assert credit == "Graphic by Michael Madden/NK Leadership Watch"
    assert graph == "https://w3id.org/kwpld/id/graph/source/graphic-kwp-pb-2013-01"
    # a projection is not a fact: no unqualified org:memberOf edge is asserted
    assert not ask(example_store, "person:jang-song-taek org:memberOf organ:wpk-pb-presidium")


def test_the_renaming_act(example_store):
    found = rows(
        example_store,
        """
        SELECT ?ordinal ?old ?new ?when ?act ?source WHERE {
          ?r a kwp:Renaming ; kwp:renamedEntity ?e ; kwp:previousName/skosxl:literalForm ?old ;
             kwp:newName/skosxl:literalForm ?new ; schema:startDate ?when ;
             kwp:renamedBy ?act ; prov:wasDerivedFrom ?source .
          ?e kwp:ordinal ?ordinal .
          ?act kwp:eventType <https://w3id.org/kwpld/vocab/event-type/decision> ;
               schema:organizer organ:wpk-pb .
        } ORDER BY ?ordinal""",
    )
    report = "https://w3id.org/kwpld/id/article/pb-report-2013-01-23"
    act = "https://w3id.org/kwpld/id/event/pb-decision-2013-01-23"
    assert found == [
        (
            "1",
            "Short Course of Secretaries of Party Cells across the country",
            "First Meeting of Secretaries of Cells of the WPK",
            "2013-01-23",
            act,
            report,
        ),
        (
            "2",
            "Meeting of Secretaries of Cells of the Whole Party",
            "Second Meeting of Secretaries of Cells of the WPK",
            "2013-01-23",
            act,
            report,
        ),
        (
            "3",
            "Meeting of Secretaries of Cells of the Whole Party",
            "Third Meeting of Secretaries of Cells of the WPK",
            "2013-01-23",
            act,
            report,
        ),
    ]


def test_the_rule_and_the_conferred_title(example_store):
    rule = rows(
        example_store,
        """SELECT ?text ?by WHERE { ?r a kwp:Rule ; kwp:ruleText ?text ;
             kwp:appliesTo event:meetings-of-cell-secretaries ; kwp:adoptedBy ?by }""",
    )
    assert rule == [
        (
            "The WPK will make it a rule to hold a meeting of secretaries of cells and convene "
            "it when necessary.",
            "https://w3id.org/kwpld/id/organ/wpk-pb",
        )
    ]
    title = rows(
        example_store,
        """SELECT ?title ?on WHERE { ?e kwp:conferredTitle ?title ;
             kwp:conferredBy person:kim-jong-un ; kwp:conferredOn/skos:prefLabel ?on
             FILTER(lang(?on) = "en") }""",
    )
    assert title == [
        (
            "revolutionary soldier faithful to the party and scout who takes the lead in "
            "implementing the party's policies",
            "secretary of a party cell",
        )
    ]


def test_every_claim_has_a_source_and_sits_in_its_sources_graph(example_store):
    unsourced = rows(
        example_store,
        "SELECT ?c WHERE { ?c a kwp:Claim FILTER NOT EXISTS { ?c prov:wasDerivedFrom ?s } }",
    )
    assert unsourced == []
    misplaced = rows(
        example_store,
        """SELECT ?c ?g WHERE { GRAPH ?g { ?c a kwp:Claim ; prov:wasDerivedFrom ?s }
             FILTER(?g != IRI(CONCAT("https://w3id.org/kwpld/id/graph/source/",
                                      STRAFTER(STR(?s), "/article/")))) }""",
    )
    assert misplaced == []
    counts = rows(
        example_store,
        """SELECT ?class (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kwp:Claim , ?class
             FILTER(?class != kwp:Claim) } GROUP BY ?class ORDER BY ?class""",
    )
    assert counts == [
        ("http://www.w3.org/ns/org#Membership", "1"),
        ("https://w3id.org/kwpld/ontology#Participation", "4"),
        ("https://w3id.org/kwpld/ontology#Renaming", "3"),
        ("https://w3id.org/kwpld/ontology#Rule", "1"),
    ]


def test_people_have_names_in_every_system_and_their_epithets(example_store):
    found = dict(
        rows(
            example_store,
            """SELECT ?system ?form WHERE { person:kim-jong-un skosxl:prefLabel|skosxl:altLabel ?l .
                 ?l kwp:nameSystem ?s ; skosxl:literalForm ?form .
                 BIND(STRAFTER(STR(?s), "name-system/") AS ?system) }""",
        )
    )
    assert found["hangul"] == "김정은"
    assert found["mr"] == "Kim Chŏng-ŭn"
    assert found["mr-ascii"] == "Kim Cho'ng-u'n"
    assert found["hanja"] == "金正恩"
    epithets = rows(
        example_store,
        """SELECT ?e WHERE { person:kim-jong-un skosxl:hiddenLabel ?l .
             ?l kwp:nameKind namekind:epithet ; skosxl:literalForm ?e } ORDER BY ?e""",
    )
    assert epithets == [
        ("the dear respected Comrade Kim Jong Un",),
        ("the respected and beloved marshal",),
    ]
    assert rows(example_store, "SELECT ?q WHERE { person:kim-jong-un owl:sameAs ?q }") == [
        ("http://www.wikidata.org/entity/Q56226",)
    ]


def test_the_articles_cite_each_other_and_carry_their_graphics(example_store):
    cites = rows(
        example_store,
        """SELECT ?cited WHERE { article:nklw-2013-01-party-cell-secretaries schema:citation ?c .
             BIND(STRAFTER(STR(?c), "/article/") AS ?cited) } ORDER BY ?cited""",
    )
    assert [c[0] for c in cites] == [
        "pb-report-2013-01-23",
        "rodong-essay-2013-01-21",
        "state-media-2013-01-18",
        "state-media-2013-01-25",
    ]
    graphics = rows(
        example_store,
        """SELECT ?credit WHERE {
             article:nklw-2013-01-party-cell-secretaries schema:associatedMedia ?g .
             ?g schema:creditText ?credit ; schema:creator person:michael-madden
           } ORDER BY ?credit""",
    )
    assert graphics == [
        ("Graphic by Michael Madden/NK Leadership Watch",),
        ("Graphic: Michael Madden/NKLW",),
    ]
    dates = dict(
        rows(
            example_store,
            """SELECT ?id ?d WHERE { ?a schema:datePublished ?d .
                 BIND(STRAFTER(STR(?a), "/article/") AS ?id) }""",
        )
    )
    assert dates["state-media-2013-01-25"] == "2013-01-25"
    assert dates["state-media-2013-01-18"] == "2013-01-18"
    assert dates["pb-report-2013-01-23"] == "2013-01-23"
    assert dates["new-years-address-2013"] == "2013-01-01"


def test_the_turtle_parses_with_rapper_and_pyoxigraph_to_the_same_triples(built_example):
    path = built_example.files["turtle"]
    rapper = require_tool("rapper")
    counted = subprocess.run(
        [rapper, "-i", "turtle", "-c", str(path)], capture_output=True, text=True, check=True
    )
    nt = path.with_name("data.nt")
    lines = nt.read_text(encoding="utf-8").splitlines()
    assert f"returned {len(lines)} triples" in counted.stderr
    parsed = {str(t) for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)}
    expected = {str(t) for t in ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES)}
    assert parsed == expected
    # the release holds the build's graph plus the ontology
    graph = {f"{s} {p} {o}" for s, p, o in built_example.graph.triples()}
    assert graph <= {t.removesuffix(" .") for t in parsed}
