"""The W3C Web Annotations ingest writes: every selector points at the words it quotes, and the
JSON-LD reads as the Web Annotation vocabulary (parsed by rdflib with the terms of
http://www.w3.org/ns/anno.jsonld that kwpld uses, from a local file: tests never fetch)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF

from kwpld.ingest.pipeline import IngestOptions, ingest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "texts" / "nklw-2013-01-party-cell-secretaries.txt"
CONTEXT = ROOT / "tests" / "fixtures" / "ingest" / "context" / "anno-terms.jsonld"
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
ARTICLE = "nklw-2013-01-party-cell-secretaries"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str]:
    data = tmp_path_factory.mktemp("anno") / "data"
    ingest([SEED], data, options=IngestOptions(article_type="analysis"))
    annotations = json.loads(
        (data / "articles" / f"{ARTICLE}.annotations.jsonld").read_text(encoding="utf-8")
    )
    text = (data / "articles" / f"{ARTICLE}.txt").read_bytes().decode("utf-8")
    return annotations, text


def test_every_selector_quotes_the_text_at_its_offsets(written: tuple[dict, str]) -> None:
    annotations, text = written
    items = annotations["first"]["items"]
    assert annotations["total"] == len(items) == 94  # 84 mentions and 10 dates
    # "Kim Il Sung and Kim Jong Il’s party" names the party, and the two people inside it.
    exact = [" ".join(item["target"]["selector"][1]["exact"].split()) for item in items]
    assert "Kim Il Sung and Kim Jong Il’s party" in exact
    assert exact.count("Kim Il Sung") >= 2 and "Kim Jong Il" in exact
    for item in items:
        position, quote = item["target"]["selector"]
        assert position["type"] == "TextPositionSelector" and quote["type"] == "TextQuoteSelector"
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote["prefix"])
        assert text[position["end"] :].startswith(quote["suffix"])


def test_mentions_identify_records_and_dates_describe_them(written: tuple[dict, str]) -> None:
    annotations, _ = written
    items = annotations["first"]["items"]
    first = items[0]
    assert first["motivation"] == "identifying"
    assert first["body"] == "https://w3id.org/kwpld/id/post/wpk-party-cells-secretary"
    assert first["target"]["source"] == f"https://w3id.org/kwpld/id/article/{ARTICLE}"
    juche = next(
        i for i in items if i["target"]["selector"][1]["exact"] == "May of Juche 80 (1991)"
    )
    assert juche["motivation"] == "describing" and juche["body"]["value"] == "1991-05"


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_the_json_ld_is_web_annotation_rdf(written: tuple[dict, str]) -> None:
    annotations, _ = written
    document = dict(annotations)
    document["@context"] = json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]
    graph = rdflib.Graph().parse(data=json.dumps(document), format="json-ld")
    annotated = set(graph.subjects(RDF.type, OA.Annotation))
    assert len(annotated) == annotations["total"]
    starts = {int(o) for o in graph.objects(None, OA.start)}
    assert 0 in starts
    identifying = set(graph.subjects(OA.motivatedBy, OA.identifying))
    assert len(identifying) == 84
    bodies = {str(o) for s in identifying for o in graph.objects(s, OA.hasBody)}
    assert "https://w3id.org/kwpld/id/person/kim-jong-un" in bodies


def test_an_ambiguous_mention_is_a_choice(tmp_path: Path) -> None:
    fixtures = ROOT / "tests" / "fixtures" / "ingest"
    data = tmp_path / "data"
    import shutil

    shutil.copytree(fixtures / "records", data)
    ingest([fixtures / "02-namesakes.txt"], data, options=IngestOptions(date="2016-05-10"))
    annotations = json.loads(
        (data / "articles" / "02-namesakes.annotations.jsonld").read_text(encoding="utf-8")
    )
    first = annotations["first"]["items"][0]
    assert first["body"] == {
        "type": "Choice",
        "items": [
            "https://w3id.org/kwpld/id/person/ri-yong-ho-fm",
            "https://w3id.org/kwpld/id/person/ri-yong-ho-kpa",
        ],
    }
