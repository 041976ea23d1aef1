"""JSON-LD written straight from sorted N-Triples terms, with the published context.

rdflib's JSON-LD serializer is slow and cannot frame; PyLD's framing grows faster than linearly.
Both are avoidable: kwpld's quads are already grouped by graph and subject, and its context
(``ontology/context.jsonld``, a data file) uses only a small part of JSON-LD 1.1 — prefixes,
class terms, and property terms with ``@type: @id``, a language map or no coercion, with or
without ``@set``. This module reads that context, refuses anything else in it, and writes
each node as the compaction algorithm would. Where a value does not fit a property's term (a
plain string under a language-map term, say) it goes under the property's compact IRI instead,
so nothing is lost. The tests expand every file with independent processors and check that
the result is isomorphic to the N-Quads.

Two kinds of document:

- the **dataset** (``data.jsonld``): one ``@graph`` entry per named graph, each with every node
  of that graph, one node per line;
- **framed** views (``framed/people.jsonld`` ...): one tree per entity of a kind (person, organ,
  post, membership, event, article) over the union of all graphs. Nodes the entity owns or
  points at that are not entities themselves (labels, participations, renamings, rules,
  quotations, places) are embedded where first reached (breadth first); entities and
  vocabulary concepts stay references (``"organ:wpk"``), so a reader follows ids.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ..namespaces import ENTITY_PATHS, RDF_TYPE, XSD, data_prefixes
from ..rdf import term_value
from ..resources import resource_path

__all__ = ["JsonLdContext", "FRAMED_KINDS", "write_dataset_jsonld", "write_framed_jsonld"]

FRAMED_KINDS = {
    "person": "people",
    "organ": "organs",
    "post": "posts",
    "membership": "memberships",
    "event": "events",
    "article": "articles",
}
"""Entity kinds that get a framed file, and the file's name (``framed/<name>.jsonld``)."""

_TYPE = f"<{RDF_TYPE}>"
_XSD_STRING = f"{XSD}string"
_XSD_INTEGER = f"{XSD}integer"
_XSD_BOOLEAN = f"{XSD}boolean"
_CANONICAL_INT = re.compile(r"^-?(?:0|[1-9][0-9]{0,14})$")  # stays exact in JavaScript numbers
_GEN_DELIMS = ("/", "#")


@dataclass(frozen=True, slots=True)
class _Term:
    name: str
    kind: str  # "id" (IRI values), "lang" (language map) or "plain" (no coercion)
    as_set: bool


class JsonLdContext:
    """The published JSON-LD context, read from its file, as the writer needs it."""

    def __init__(self, document: dict[str, Any], source: str = "context") -> None:
        ctx = document.get("@context") if isinstance(document, dict) else None
        if not isinstance(ctx, dict):
            raise ValueError(f"{source}: a JSON-LD context document needs an @context object")
        self.source = source
        self.document = document
        self.prefixes: dict[str, str] = {}  # name -> namespace
        self.classes: dict[str, str] = {}  # IRI -> term
        self.properties: dict[str, list[_Term]] = {}  # IRI -> terms
        self._id_alias = "@id"
        self._type_alias = "@type"
        pending: dict[str, object] = {}
        for name, value in ctx.items():
            if name == "@version":
                if value != 1.1:
                    raise ValueError(f"{source}: only @version 1.1 is supported")
            elif name.startswith("@"):
                raise ValueError(f"{source}: the writer does not support {name} in the context")
            elif value == "@id":
                self._id_alias = name
            elif value == "@type":
                self._type_alias = name
            elif isinstance(value, str) and value.endswith(_GEN_DELIMS) and ":" in value:
                if not value.startswith(("http://", "https://", "urn:")):
                    raise ValueError(f"{source}: prefix {name!r} must map to an absolute IRI")
                self.prefixes[name] = value
            else:
                pending[name] = value
        for name, value in pending.items():
            self._add_term(name, value)

    @classmethod
    def load(cls, path: str | Path | None = None) -> JsonLdContext:
        """Read the context file (default: the shipped ``ontology/context.jsonld``)."""
        path = Path(path) if path is not None else resource_path("ontology/context.jsonld")
        return cls(json.loads(path.read_text("utf-8")), str(path))

    def _expand(self, value: str) -> str:
        prefix, sep, local = value.partition(":")
        if sep and prefix in self.prefixes and not local.startswith("//"):
            return self.prefixes[prefix] + local
        if sep and local.startswith("//"):
            return value
        raise ValueError(f"{self.source}: cannot expand {value!r}; its prefix is not defined")

    def _add_term(self, name: str, value: object) -> None:
        if ":" in name:
            raise ValueError(f"{self.source}: term {name!r} must not contain ':'")
        if isinstance(value, str):
            self.classes.setdefault(self._expand(value), name)
            return
        if not isinstance(value, dict) or "@id" not in value:
            raise ValueError(f"{self.source}: term {name!r} needs an @id")
        extra = set(value) - {"@id", "@type", "@container"}
        if extra:
            raise ValueError(
                f"{self.source}: term {name!r} uses {sorted(extra)}, "
                "which the writer does not support"
            )
        container = value.get("@container")
        containers = set(
            container if isinstance(container, list) else [container] if container else []
        )
        coerce = value.get("@type")
        if coerce not in (None, "@id") or not containers <= {"@set", "@language"}:
            raise ValueError(f"{self.source}: term {name!r}: unsupported @type or @container")
        if coerce == "@id" and "@language" in containers:
            raise ValueError(f"{self.source}: term {name!r} cannot both be @id and a language map")
        kind = "id" if coerce == "@id" else "lang" if "@language" in containers else "plain"
        iri = self._expand(value["@id"])
        self.properties.setdefault(iri, []).append(_Term(name, kind, "@set" in containers))

    def for_base(self, base_iri: str) -> tuple[object, dict[str, str]]:
        """The ``@context`` value for documents of a dataset, and the prefixes in effect.

        The published context maps the data prefixes (``person:``, ``organ:`` ...) under the
        default base IRI; a dataset with another base gets a second, local context that
        re-maps them, so its documents still expand to the right IRIs.
        """
        prefixes = dict(self.prefixes)
        local = {}
        for name, namespace in data_prefixes(base_iri).items():
            if name in prefixes and prefixes[name] != namespace:
                local[name] = namespace
                prefixes[name] = namespace
        context = self.document["@context"]
        return (context if not local else [context, dict(sorted(local.items()))]), prefixes


class _Compactor:
    """Turns N-Triples terms into compacted JSON-LD keys and values."""

    def __init__(self, context: JsonLdContext, prefixes: dict[str, str]) -> None:
        self.id = context._id_alias
        self.type = context._type_alias
        self._by_namespace = {ns: name for name, ns in sorted(prefixes.items(), reverse=True)}
        self._reserved = set(prefixes) | set(context.classes.values())
        self._classes = context.classes
        self._terms: dict[str, dict[str, _Term]] = {
            iri: {t.kind: t for t in reversed(terms)} for iri, terms in context.properties.items()
        }
        self._iris: dict[str, str] = {}

    def iri(self, term: str) -> str:
        """A compact IRI (``person:kim-jong-un``) or the absolute IRI of an IRI term."""
        cached = self._iris.get(term)
        if cached is not None:
            return cached
        if term.startswith("_:"):
            return term
        value = term[1:-1]
        cut = max(value.rfind("/"), value.rfind("#")) + 1
        name = self._by_namespace.get(value[:cut])
        local = value[cut:]
        if name is not None and local and not local.startswith("//"):
            result = f"{name}:{local}"
        else:
            scheme = value.partition(":")[0]
            if scheme in self._reserved:  # would be read back as a compact IRI
                raise ValueError(
                    f"cannot write {value} in JSON-LD: its scheme is a term of the context"
                )
            result = value
        if len(self._iris) < 500_000:
            self._iris[term] = result
        return result

    def type_value(self, term: str) -> str:
        return self._classes.get(term[1:-1]) or self.iri(term)

    def node(
        self, subject: str, pairs: Iterable[tuple[str, str]], embed: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """A compacted node object from its sorted (predicate, object) pairs.

        ``embed`` maps object terms to node objects to put in place of references.
        """
        node: dict[str, Any] = {self.id: self.iri(subject)}
        types: list[str] = []
        values: dict[str, list[Any]] = {}
        lang_maps: dict[str, dict[str, list[str]]] = {}
        sets: set[str] = set()
        for predicate, obj in pairs:
            if predicate == _TYPE and obj[0] == "<":
                types.append(self.type_value(obj))
                continue
            terms = self._terms.get(predicate[1:-1], {})
            first = obj[0]
            if first == "<" or first == "_":
                term = terms.get("id")
                value: Any = embed.get(obj) if embed else None
                if term is not None:
                    key = term.name
                    if value is None:
                        value = self.iri(obj)
                else:
                    key = self.iri(predicate)
                    if value is None:
                        value = {self.id: self.iri(obj)}
            else:
                lexical, lang, datatype = _split_literal(obj)
                if lang is not None:
                    term = terms.get("lang")
                    if term is not None:
                        lang_maps.setdefault(term.name, {}).setdefault(lang, []).append(lexical)
                        if term.as_set:
                            sets.add(term.name)
                        continue
                    key, value = self.iri(predicate), {"@value": lexical, "@language": lang}
                else:
                    term = terms.get("plain")
                    key = term.name if term is not None else self.iri(predicate)
                    value = _typed_value(lexical, datatype, self.iri)
            if term is not None and term.as_set:
                sets.add(key)
            values.setdefault(key, []).append(value)
        if types:
            node[self.type] = types if len(types) > 1 else types[0]
        for key in sorted({*values, *lang_maps}):
            if key in lang_maps:
                many = key in sets
                node[key] = {
                    lang: (texts if many or len(texts) > 1 else texts[0])
                    for lang, texts in sorted(lang_maps[key].items())
                }
                if key in values:  # same key, other values: only possible for unusual data
                    raise ValueError(f"cannot write {key} both as a language map and as values")
            else:
                found = values[key]
                node[key] = found if key in sets or len(found) > 1 else found[0]
        return node


def _split_literal(term: str) -> tuple[str, str | None, str | None]:
    end = term.rfind('"')
    lexical = term_value(term[: end + 1]) if "\\" in term else term[1:end]
    rest = term[end + 1 :]
    if rest.startswith("@"):
        return lexical, rest[1:], None
    if rest.startswith("^^<"):
        return lexical, None, rest[3:-1]
    return lexical, None, None


def _typed_value(lexical: str, datatype: str | None, compact_iri) -> Any:  # noqa: ANN001
    if datatype is None or datatype == _XSD_STRING:
        return lexical
    if datatype == _XSD_INTEGER and _CANONICAL_INT.match(lexical):
        return int(lexical)
    if datatype == _XSD_BOOLEAN and lexical in ("true", "false"):
        return lexical == "true"
    return {"@value": lexical, "@type": compact_iri(f"<{datatype}>")}


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _header(context_value: object) -> str:
    return (
        '{\n"@context": '
        + json.dumps(context_value, ensure_ascii=False, indent=1)
        + ',\n"@graph": ['
    )


def write_dataset_jsonld(
    quads: Sequence[tuple[str, str, str, str]],
    out: TextIO,
    context: JsonLdContext,
    base_iri: str,
) -> int:
    """Write (g, s, p, o) quads, sorted, as one compacted JSON-LD document; return the count."""
    context_value, prefixes = context.for_base(base_iri)
    compactor = _Compactor(context, prefixes)
    out.write(_header(context_value))
    count = 0
    first_graph = True
    index = 0
    total = len(quads)
    while index < total:
        graph = quads[index][0]
        out.write("\n" if first_graph else "\n]},\n")
        first_graph = False
        out.write(f'{{{_dumps(compactor.id)}: {_dumps(compactor.iri(graph))}, "@graph": [\n')
        first_node = True
        while index < total and quads[index][0] == graph:
            subject = quads[index][1]
            stop = index
            while stop < total and quads[stop][0] == graph and quads[stop][1] == subject:
                stop += 1
            node = compactor.node(subject, ((q[2], q[3]) for q in quads[index:stop]))
            out.write(("" if first_node else ",\n") + _dumps(node))
            first_node = False
            count += stop - index
            index = stop
    out.write("\n]}\n]\n}\n" if total else "\n]\n}\n")
    return count


class _SubjectIndex:
    """Where each subject's triples are in the sorted union triples (no copies)."""

    def __init__(self, triples: Sequence[tuple[str, str, str]]) -> None:
        self.triples = triples
        self.ranges: dict[str, tuple[int, int]] = {}
        start = 0
        total = len(triples)
        while start < total:
            subject = triples[start][0]
            stop = start + 1
            while stop < total and triples[stop][0] == subject:
                stop += 1
            self.ranges[subject] = (start, stop)
            start = stop

    def pairs(self, subject: str) -> Iterator[tuple[str, str]]:
        start, stop = self.ranges.get(subject, (0, 0))
        for i in range(start, stop):
            _, p, o = self.triples[i]
            yield p, o

    def count(self, subject: str) -> int:
        start, stop = self.ranges.get(subject, (0, 0))
        return stop - start


def _entity_prefixes(base_iri: str) -> dict[str, str]:
    return {kind: f"<{base_iri}{ENTITY_PATHS[kind]}" for kind in FRAMED_KINDS}


def write_framed_jsonld(
    triples: Sequence[tuple[str, str, str]],
    folder: Path,
    context: JsonLdContext,
    base_iri: str,
) -> dict[str, tuple[Path, int, int]]:
    """Write ``framed/<kind>.jsonld`` for each entity kind from sorted union triples.

    Returns kind -> (path, entity count, distinct triples the file states).
    """
    context_value, prefixes = context.for_base(base_iri)
    compactor = _Compactor(context, prefixes)
    index = _SubjectIndex(triples)
    kinds = _entity_prefixes(base_iri)
    entity_starts = tuple(kinds.values())
    base_term = f"<{base_iri}"
    graph_start = f"<{base_iri}{ENTITY_PATHS['graph']}"

    def embeddable(term: str) -> bool:
        return (
            term.startswith(base_term)
            and not term.startswith(entity_starts)
            and not term.startswith(graph_start)
            and term in index.ranges
        )

    def tree(root: str, stated: set[str]) -> dict[str, Any]:
        # Breadth first: each embeddable node goes under the first node that reaches it.
        parent_of: dict[str, str] = {root: root}
        queue = [root]
        for current in queue:
            for _, obj in index.pairs(current):
                if obj not in parent_of and embeddable(obj):
                    parent_of[obj] = current
                    queue.append(obj)
        stated.update(queue)

        def build(current: str) -> dict[str, Any]:
            children = {
                obj: build(obj)
                for _, obj in index.pairs(current)
                if obj != current and parent_of.get(obj) == current and obj != root
            }
            return compactor.node(current, index.pairs(current), children)

        return build(root)

    folder.mkdir(parents=True, exist_ok=True)
    results = {}
    for kind, start in kinds.items():
        path = folder / f"{FRAMED_KINDS[kind]}.jsonld"
        stated: set[str] = set()
        roots = [s for s in index.ranges if s.startswith(start)]
        roots.sort()
        with path.open("w", encoding="utf-8", newline="\n") as out:
            out.write(_header(context_value))
            for i, root in enumerate(roots):
                out.write(("\n" if i == 0 else ",\n") + _dumps(tree(root, stated)))
            out.write("\n]\n}\n")
        results[kind] = (path, len(roots), sum(index.count(s) for s in stated))
    return results
