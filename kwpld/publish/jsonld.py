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

import io
import json
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import chain, groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from ..formats.blocks import BlockIndex, nbytes
from ..iris import GraphNames, Minter
from ..namespaces import RDF_TYPE, XSD, data_prefixes
from ..rdf import term_value
from ..resources import resource_path
from .lines import HashingFile, WrittenFile

if TYPE_CHECKING:
    from .quads import ReleaseQuads

__all__ = [
    "FramedIndex",
    "UnionNodes",
    "document_head",
    "Framer",
    "NodeMaker",
    "Compactor",
    "JsonLdContext",
    "FRAMED_KINDS",
    "write_dataset_jsonld",
    "write_framed_jsonld",
    "write_jsonld",
    "dumps",
]

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
_CANONICAL_INT = re.compile(r"0|-?[1-9][0-9]{0,14}")
"""Integers written as JSON numbers: canonical lexical forms only (``-0``, ``+1`` and ``007``
would come back from a JSON-LD processor as ``0``, ``1`` and ``7``: typed values keep them),
of at most 15 digits, which stay exact in JavaScript numbers. Used with ``fullmatch``."""
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


class Compactor:
    """Compacts N-Triples terms of one dataset with the published context.

    The one place where kwpld turns triples into compacted JSON-LD: the release writer uses
    it for ``data.jsonld`` and the framed files, the site for each entity's own ``.jsonld``
    (and a server can use it per request). Made once per dataset, it remembers the JSON
    text of every IRI, key and datatype it has written, which is most of the work.
    """

    def __init__(self, context: JsonLdContext, base_iri: str) -> None:
        context_value, prefixes = context.for_base(base_iri)
        self.context_value = context_value  # the @context of this dataset's documents
        self.id = context._id_alias
        self.type = context._type_alias
        self._by_namespace = {ns: name for name, ns in sorted(prefixes.items(), reverse=True)}
        self._reserved = set(prefixes) | set(context.classes.values())
        self._classes = context.classes
        self._terms: dict[str, dict[str, _Term]] = {
            iri: {t.kind: t for t in reversed(terms)} for iri, terms in context.properties.items()
        }
        self._iris: dict[str, str] = {}
        self._id_key = dumps(self.id)
        self._type_key = dumps(self.type)
        self._predicates: dict[str, tuple[str | None, str | None, str | None, str | None]] = {}
        # A term with @set is always an array; terms are names, so a name says it.
        self._set_keys = {
            t.name for terms in context.properties.values() for t in terms if t.as_set
        }
        self._iri_json: dict[str, str] = {}
        self._types: dict[str, str] = {}
        self._keys: dict[str, str] = {}
        self._datatypes: dict[str, str] = {}
        self._langs: dict[str, str] = {}

    def context_document(self) -> str:
        """The text of a context document (``context.jsonld``) for this dataset's documents,
        which other documents can then name by URL instead of repeating it."""
        return json.dumps({"@context": self.context_value}, ensure_ascii=False, indent=1) + "\n"

    def document(self, triples: Iterable[Sequence[str]], context: object = None) -> str:
        """A whole JSON-LD document of ``triples``: ``@context`` and a ``@graph`` of one node
        per subject, one node per line.

        ``triples`` are ``(s, p, o)`` terms sorted by subject, predicate and object (an
        entity's description, say). ``context`` is the ``@context`` value to write, such as
        the URL of a :meth:`context_document`; by default the context itself is embedded.
        """
        nodes = [
            self.node_json(subject, list(rows)) for subject, rows in groupby(triples, _SUBJECT)
        ]
        head = dumps(self.context_value if context is None else context)
        return '{\n"@context": ' + head + ',\n"@graph": [\n' + ",\n".join(nodes) + "\n]\n}\n"

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

    # -- JSON text, straight from the terms (what dumps(node(...)) gives, without the dicts) --
    def node_json(
        self,
        subject: str,
        rows: Iterable[Sequence[str]],
        embed: dict[str, str] | None = None,
    ) -> str:
        """The JSON text of :meth:`node` (``dumps(node(...))``, byte for byte), built directly.

        ``rows`` are the subject's triples sorted by predicate and object (``(s, p, o)`` or
        longer tuples: only items 1 and 2 are read). ``embed`` maps object terms to the JSON
        text of nodes to put in their place. Every IRI, key and datatype is turned into JSON
        once and remembered; a literal without escapes is already its own JSON string.
        """
        types: list[str] = []
        values: defaultdict[str, list[str]] = defaultdict(list)
        lang_maps: dict[str, dict[str, list[str]]] | None = None
        info_of = self._predicates
        iri_json = self._iri_json
        type_json = self._types
        for row in rows:
            predicate = row[1]
            obj = row[2]
            first = obj[0]
            if first == "<" or first == "_":
                if predicate == _TYPE and first == "<":
                    found = type_json.get(obj)
                    if found is None:
                        found = type_json[obj] = dumps(self.type_value(obj))
                    types.append(found)
                    continue
                info = info_of.get(predicate) or self._predicate_info(predicate)
                value = embed.get(obj) if embed else None
                if value is None:
                    value = iri_json.get(obj) or self._iri_text(obj)
                    if info[0] is None:
                        value = f"{{{self._id_key}: {value}}}"
                values[info[0] or info[3] or self.iri(predicate)].append(value)
                continue
            info = info_of.get(predicate) or self._predicate_info(predicate)
            last = obj[-1]
            if last == '"':  # a plain string: the term is its own JSON text, when printable
                text = obj if "\\" not in obj and obj.isprintable() else dumps(term_value(obj))
                values[info[2] or self.iri(predicate)].append(text)
                continue
            end = obj.rfind('"')
            text = obj[: end + 1]
            if "\\" in text or not text.isprintable():
                text = dumps(term_value(text))
            if last == ">" and obj[end + 1 : end + 4] == "^^<":
                typed = self._typed_json(obj, text, end, obj[end + 4 : -1])
                values[info[2] or self.iri(predicate)].append(typed)
                continue
            lang = obj[end + 2 :]
            key = info[1]
            if key is None:
                values[info[3] or self.iri(predicate)].append(
                    f'{{"@value": {text}, "@language": {self._lang_text(lang)}}}'
                )
                continue
            if lang_maps is None:
                lang_maps = {}
            by_lang = lang_maps.get(key)
            if by_lang is None:
                lang_maps[key] = {lang: [text]}
            else:
                texts = by_lang.get(lang)
                if texts is None:
                    by_lang[lang] = [text]
                else:
                    texts.append(text)
        return self._node_text(subject, types, values, lang_maps)

    def _node_text(
        self,
        subject: str,
        types: list[str],
        values: dict[str, list[str]],
        lang_maps: dict[str, dict[str, list[str]]] | None,
    ) -> str:
        """The node's JSON text from the JSON texts of its types and values, keys sorted."""
        parts = [f"{self._id_key}: {self._iri_json.get(subject) or self._iri_text(subject)}"]
        if types:
            parts.append(
                f"{self._type_key}: " + (f"[{', '.join(types)}]" if len(types) > 1 else types[0])
            )
        keys = self._keys
        many = self._set_keys
        if lang_maps is None:
            for key in sorted(values):
                name = keys.get(key) or self._key_text(key)
                found_values = values[key]
                if len(found_values) > 1 or key in many:
                    parts.append(f"{name}: [{', '.join(found_values)}]")
                else:
                    parts.append(f"{name}: {found_values[0]}")
            return "{" + ", ".join(parts) + "}"
        for key in sorted({*values, *lang_maps}):
            name = keys.get(key) or self._key_text(key)
            if key in lang_maps:
                if key in values:  # same key, other values: only possible for unusual data
                    raise ValueError(f"cannot write {key} both as a language map and as values")
                as_set = key in many
                entries = []
                for lang, texts in sorted(lang_maps[key].items()):
                    body = f"[{', '.join(texts)}]" if as_set or len(texts) > 1 else texts[0]
                    entries.append(f"{self._lang_text(lang)}: {body}")
                parts.append(f"{name}: {{{', '.join(entries)}}}")
            else:
                found_values = values[key]
                if len(found_values) > 1 or key in many:
                    parts.append(f"{name}: [{', '.join(found_values)}]")
                else:
                    parts.append(f"{name}: {found_values[0]}")
        return "{" + ", ".join(parts) + "}"

    def _predicate_info(
        self, predicate: str
    ) -> tuple[str | None, str | None, str | None, str | None]:
        """The keys of a predicate's values: the term names for IRI values and language-tagged
        literals (or None: the compact IRI with a value object instead), the key of other
        literals (a term name, or the compact IRI), and the compact IRI itself. The compact
        IRI is None where :meth:`iri` refuses it: the caller asks again, and raises, only if
        it needs it."""
        terms = self._terms.get(predicate[1:-1], {})

        def name(kind: str) -> str | None:
            return terms[kind].name if kind in terms else None

        try:
            compact: str | None = self.iri(predicate)
        except ValueError:
            compact = None
        info = (name("id"), name("lang"), name("plain") or compact, compact)
        self._predicates[predicate] = info
        return info

    def _iri_text(self, term: str) -> str:
        value = self.iri(term)
        # IRIs have no quotes or backslashes; anything unusual goes through json.dumps.
        text = f'"{value}"' if value.isprintable() and '"' not in value else dumps(value)
        if len(self._iri_json) < 500_000:
            self._iri_json[term] = text
        return text

    def _lang_text(self, lang: str) -> str:
        text = self._langs.get(lang)
        if text is None:
            text = self._langs[lang] = dumps(lang)
        return text

    def _key_text(self, key: str) -> str:
        text = self._keys[key] = dumps(key)
        return text

    def _typed_json(self, obj: str, text: str, end: int, datatype: str | None) -> str:
        if datatype is None or datatype == _XSD_STRING:
            return text
        lexical = obj[1:end]
        if datatype == _XSD_INTEGER and _CANONICAL_INT.fullmatch(lexical):
            return str(int(lexical))
        if datatype == _XSD_BOOLEAN and lexical in ("true", "false"):
            return lexical
        compact = self._datatypes.get(datatype)
        if compact is None:
            compact = self._datatypes[datatype] = dumps(self.iri(f"<{datatype}>"))
        return f'{{"@value": {text}, "@type": {compact}}}'


def _split_literal(term: str) -> tuple[str, str | None, str | None]:
    end = term.rfind('"')
    lexical = term_value(term[: end + 1]) if "\\" in term else term[1:end]
    rest = term[end + 1 :]
    if rest.startswith("@"):
        return lexical, rest[1:], None
    if rest.startswith("^^<"):
        return lexical, None, rest[3:-1]
    return lexical, None, None


def _typed_value(lexical: str, datatype: str | None, compact_iri: Callable[[str], str]) -> Any:
    if datatype is None or datatype == _XSD_STRING:
        return lexical
    if datatype == _XSD_INTEGER and _CANONICAL_INT.fullmatch(lexical):
        return int(lexical)
    if datatype == _XSD_BOOLEAN and lexical in ("true", "false"):
        return lexical == "true"
    return {"@value": lexical, "@type": compact_iri(f"<{datatype}>")}


def dumps(value: object) -> str:
    """JSON text as kwpld's JSON-LD writes it: UTF-8 kept, ", " and ": " between items."""
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _header(context_value: object) -> str:
    return (
        '{\n"@context": '
        + json.dumps(context_value, ensure_ascii=False, indent=1)
        + ',\n"@graph": ['
    )


def write_dataset_jsonld(
    quads: Sequence[Sequence[str]],
    out: TextIO,
    context: JsonLdContext,
    base_iri: str,
) -> int:
    """Write ``(s, p, o, g)`` quads sorted by graph, subject, predicate and object as one
    compacted JSON-LD document (one ``@graph`` entry per named graph); return the count."""
    compactor = Compactor(context, base_iri)
    node_json = compactor.node_json
    _write_dataset(quads, out, compactor, lambda s, rows: node_json(s, rows))
    return len(quads)


def _write_dataset(
    quads: Iterable[Sequence[str]],
    out: TextIO,
    compactor: Compactor,
    node: Callable[[str, list[Sequence[str]]], str],
    index: BlockIndex | None = None,
) -> None:
    """The dataset document; with ``index`` (empty, separator ``b",\\n"``), where each
    node lies in it, one section per graph (:mod:`kwpld.formats.blocks`)."""
    head = _header(compactor.context_value)
    out.write(head)
    first_graph = True
    batch: list[str] = []
    if index is not None:
        index.skip(head)
    for graph, rows in groupby(quads, key=_GRAPH):
        opening = ("\n" if first_graph else "\n]},\n") + (
            f'{{{compactor._id_key}: {dumps(compactor.iri(graph))}, "@graph": [\n'
        )
        batch.append(opening)
        first_graph = False
        section = None
        if index is not None:
            index.skip(opening)
            section = index.open(graph)
        separator = ""
        for subject, group in groupby(rows, key=_SUBJECT):
            batch.append(separator)
            text = node(subject, list(group))
            batch.append(text)
            if section is not None:
                section.subjects.append(subject)
                section.sizes.append(nbytes(text))
            separator = ",\n"
            if len(batch) >= 2000:
                out.write("".join(batch))
                batch = []
        if index is not None and section is not None:
            index.close(section)
    out.write("".join(batch))
    out.write("\n]\n}\n" if first_graph else "\n]}\n]\n}\n")


def document_head(context_value: object) -> str:
    """What data.jsonld and each framed file start with: the context, the ``@graph`` key."""
    return _header(context_value)


class NodeMaker:
    """Single subjects' nodes of data.jsonld, as :func:`write_jsonld` writes them (for an
    incremental rebuild, which makes only the changed subjects' nodes)."""

    def __init__(self, context: JsonLdContext, base_iri: str) -> None:
        compactor = Compactor(context, base_iri)
        self.head = _header(compactor.context_value)
        self.node_json = compactor.node_json


_SUBJECT = itemgetter(0)
_GRAPH = itemgetter(3)


def _entity_prefixes(base_iri: str) -> dict[str, str]:
    minter = Minter(base_iri)
    return {kind: f"<{minter.prefix(kind)}" for kind in FRAMED_KINDS}


class UnionNodes:
    """Node texts of the union's subjects, each made once and shared by both documents.

    A subject whose triples are all in one graph (most of them) is the same node in
    ``data.jsonld`` and, when nothing is embedded in it, in the framed files.
    """

    def __init__(self, quads: ReleaseQuads, compactor: Compactor) -> None:
        self.union = quads.union
        self.subjects = quads.subjects
        self.ranges = {s: (start, stop) for s, start, stop in quads.subjects}
        self.counts = {s: stop - start for s, start, stop in quads.subjects}
        self.node_json = compactor.node_json
        self.made: dict[str, str] = {}

    def rows(self, subject: str) -> Sequence[Sequence[str]]:
        start, stop = self.ranges.get(subject, (0, 0))
        return self.union[start:stop]

    def plain(self, subject: str) -> str:
        text = self.made.get(subject)
        if text is None:
            text = self.made[subject] = self.node_json(subject, self.rows(subject))
        return text

    def in_graph(self, subject: str, rows: list[Sequence[str]]) -> str:
        """The node of ``subject`` in one graph, whose triples are ``rows``."""
        if self.counts.get(subject) == len(rows):
            text = self.made.get(subject)
            if text is None:
                text = self.made[subject] = self.node_json(subject, rows)
            return text
        return self.node_json(subject, rows)


def write_jsonld(
    quads: ReleaseQuads,
    out: TextIO,
    folder: Path,
    context: JsonLdContext,
    base_iri: str,
    index: BlockIndex | None = None,
    framed: dict[str, FramedIndex] | None = None,
) -> dict[str, tuple[WrittenFile, int, int]]:
    """:func:`write_dataset_jsonld` to ``out`` and :func:`write_framed_jsonld` to ``folder``,
    making each node that both have once; with ``index`` and ``framed``, where each node
    of ``out`` and each tree of the framed files lies is recorded in them."""
    compactor = Compactor(context, base_iri)
    nodes = UnionNodes(quads, compactor)
    _write_dataset(quads.by_graph, out, compactor, nodes.in_graph, index)
    return _write_framed(nodes, folder, compactor.context_value, base_iri, framed)


def write_framed_jsonld(
    quads: ReleaseQuads,
    folder: Path,
    context: JsonLdContext,
    base_iri: str,
    framed: dict[str, FramedIndex] | None = None,
) -> dict[str, tuple[WrittenFile, int, int]]:
    """Write ``framed/<kind>.jsonld`` for each entity kind from the sorted union of the quads
    (with ``framed``, each file's :class:`FramedIndex` is recorded there).

    Returns kind -> (file written, entity count, distinct triples the file states).
    """
    compactor = Compactor(context, base_iri)
    nodes = UnionNodes(quads, compactor)
    return _write_framed(nodes, folder, compactor.context_value, base_iri, framed)


def _build(
    current: str,
    root: str,
    node_rows: dict[str, Sequence[Sequence[str]]],
    parent_of: dict[str, str],
    nodes: UnionNodes,
) -> str:
    """The node of ``current`` with the nodes it owns embedded (depth first).

    A module function, not a closure: a nested function that calls itself is a reference
    cycle, which would keep everything it can reach alive until the garbage collector runs.
    """
    children = {}
    for row in node_rows[current]:
        obj = row[2]
        if obj != current and obj != root and parent_of.get(obj) == current:
            children[obj] = _build(obj, root, node_rows, parent_of, nodes)
    if not children:
        return nodes.plain(current)
    return nodes.node_json(current, node_rows[current], children)


@dataclass
class FramedIndex:
    """What an incremental rebuild needs to splice one framed file: where each tree lies
    (``blocks``, one section, by root), the nodes each tree embeds and the IRIs it refers to
    that would be embedded if they had triples (a change to either can change the tree);
    only trees that have some are listed. Kept small: it is unpickled on every rebuild."""

    blocks: BlockIndex
    embeds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    refs: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def add(self, root: str, queue: Sequence[str], refs: tuple[str, ...]) -> None:
        """``root``'s tree, of nodes ``queue`` (the root first), refers to ``refs``."""
        if len(queue) > 1:
            self.embeds[root] = tuple(queue[1:])
        if refs:
            self.refs[root] = refs

    def remove(self, root: str) -> None:
        self.embeds.pop(root, None)
        self.refs.pop(root, None)

    def reached(self, subjects: AbstractSet[str]) -> set[str]:
        """The trees that embed or refer to one of ``subjects`` (a change to them can change
        those trees, besides their own, as roots)."""
        found = set()
        for mine in (self.embeds, self.refs):
            for root, terms in mine.items():
                if not subjects.isdisjoint(terms):
                    found.add(root)
        return found

    def triples(self, roots: Iterable[str], counts: dict[str, int]) -> int:
        """The distinct triples the file states: its roots' and the nodes they embed."""
        embedded = set(chain.from_iterable(self.embeds.values()))
        return sum(map(counts.__getitem__, roots)) + sum(map(counts.__getitem__, embedded))


class Framer:
    """The framed trees of entities: each embeddable node (an IRI of the dataset's own that is
    no entity and no graph, and has triples) goes under the first node that reaches it,
    breadth first."""

    def __init__(self, nodes: UnionNodes, base_iri: str) -> None:
        self.nodes = nodes
        self.kinds = _entity_prefixes(base_iri)
        self.entity_starts = tuple(self.kinds.values())
        self.base_term = f"<{base_iri}"
        self.graph_start = f"<{GraphNames(base_iri).prefix}"
        self.known: dict[str, bool] = {}
        self.candidates: dict[str, bool] = {}

    def candidate(self, term: str) -> bool:
        """Embeddable if it has triples (whatever it has now)."""
        found = self.candidates.get(term)
        if found is None:
            found = self.candidates[term] = (
                term.startswith(self.base_term)
                and not term.startswith(self.entity_starts)
                and not term.startswith(self.graph_start)
            )
        return found

    def embeddable(self, term: str) -> bool:
        found = self.known.get(term)
        if found is None:
            found = self.known[term] = term in self.nodes.ranges and self.candidate(term)
        return found

    def tree(self, root: str, refs: set[str] | None = None) -> tuple[str, list[str]]:
        """The tree of ``root`` as JSON text, and its nodes (the root first); with ``refs``,
        the IRIs its nodes refer to that would be embedded if they had triples are added
        there (a change to one of them can change the tree)."""
        rows, known, embeddable = self.nodes.rows, self.known, self.embeddable
        parent_of: dict[str, str] = {root: root}
        queue = [root]
        node_rows: dict[str, Sequence[Sequence[str]]] = {}
        for current in queue:
            found = node_rows[current] = rows(current)
            for row in found:
                obj = row[2]
                if obj[0] == "<" and obj not in parent_of:
                    inside = known.get(obj)
                    if inside is None:
                        inside = embeddable(obj)
                    if inside:
                        parent_of[obj] = current
                        queue.append(obj)
                    elif refs is not None and self.candidate(obj):
                        refs.add(obj)
        if len(queue) == 1:
            return self.nodes.plain(root), queue
        return _build(root, root, node_rows, parent_of, self.nodes), queue

    def roots(self, kind: str) -> list[str]:
        """The entities of ``kind``, in order."""
        prefix, subjects = self.kinds[kind], self.nodes.subjects
        first = bisect_left(subjects, prefix, key=_SUBJECT)
        roots = []
        for i in range(first, len(subjects)):
            subject = subjects[i][0]
            if not subject.startswith(prefix):
                break
            roots.append(subject)
        return roots


def _write_framed(
    nodes: UnionNodes,
    folder: Path,
    context_value: object,
    base_iri: str,
    indexes: dict[str, FramedIndex] | None = None,
) -> dict[str, tuple[WrittenFile, int, int]]:
    """framed/: one file per kind; with ``indexes``, each file's :class:`FramedIndex` is
    recorded there, by file name (``people.jsonld``)."""
    framer = Framer(nodes, base_iri)
    folder.mkdir(parents=True, exist_ok=True)
    results = {}
    header = _header(context_value)
    for kind in framer.kinds:
        path = folder / f"{FRAMED_KINDS[kind]}.jsonld"
        roots = framer.roots(kind)
        index = FramedIndex(BlockIndex(b",\n")) if indexes is not None else None
        if index is not None:
            index.blocks.skip(header + "\n")  # before the first tree (an empty file: unused)
            section = index.blocks.open("")
        stated: set[str] = set()
        raw = HashingFile(path)
        with io.TextIOWrapper(
            io.BufferedWriter(cast(io.RawIOBase, raw), 1 << 20), encoding="utf-8", newline="\n"
        ) as out:
            out.write(header)
            batch = []
            for i, root in enumerate(roots):
                refs: set[str] | None = set() if index is not None else None
                text, queue = framer.tree(root, refs)
                stated.update(queue)
                batch.append(("\n" if i == 0 else ",\n") + text)
                if index is not None:
                    section.subjects.append(root)
                    section.sizes.append(nbytes(text))
                    index.add(root, queue, tuple(sorted(refs or ())))
                if len(batch) >= 1000:
                    out.write("".join(batch))
                    batch = []
            out.write("".join(batch))
            out.write("\n]\n}\n")
        count = sum(map(nodes.counts.__getitem__, stated))
        results[kind] = (raw.finish(), len(roots), count)
        if index is not None and indexes is not None:
            index.blocks.close(section)
            index.blocks.sha256 = results[kind][0].sha256
            indexes[path.name] = index
    return results
