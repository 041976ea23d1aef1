"""The shapes graph: read from Turtle files, compiled into shapes the engines evaluate.

kwpld's own shapes live in ``shapes/*.ttl`` (shipped in the wheel); users may add files. The
files are parsed with pyoxigraph into N-Triples terms (blank nodes renamed by file and order,
so that everything derived from them is deterministic) and compiled once into :class:`Shape`
objects. Compiling also decides, shape by shape, whether the fast engine can evaluate it: a
shape that uses a construct the fast engine does not implement is listed in
:attr:`Shape.problems` and validated by pyshacl instead, never skipped.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path as FilePath

import pyoxigraph as ox

from ..errors import InputError
from ..namespaces import KWPSH, OWL, RDF_TYPE, RDFS, SH, XSD
from ..resources import resource_path
from . import components as c
from .components import Component, SparqlConstraint
from .paths import Path, PathError, path_to_sparql, read_list, read_path
from .terms import canonical, is_iri, is_literal, lexical_form, numeric_value

__all__ = [
    "ShapesGraph",
    "Shape",
    "Component",
    "Targets",
    "SparqlConstraint",
    "load_shapes",
    "default_shape_files",
    "sh",
]


def sh(local: str) -> str:
    return f"<{SH}{local}>"


A = f"<{RDF_TYPE}>"
_RECORD_FIELD = f"<{KWPSH}recordField>"
VIOLATION = sh("Violation")

_TARGETS = {sh("targetClass"), sh("targetNode"), sh("targetSubjectsOf"), sh("targetObjectsOf")}
# Parameters that take shapes (their objects, or list members, are shapes too).
_SHAPE_PARAMS = {sh("node"), sh("property"), sh("not"), sh("qualifiedValueShape")}
_SHAPE_LIST_PARAMS = {sh("and"), sh("or"), sh("xone")}
# Core parameters the fast engine evaluates.
_SUPPORTED = {
    sh(name)
    for name in (
        "class",
        "datatype",
        "nodeKind",
        "minCount",
        "maxCount",
        "minLength",
        "maxLength",
        "pattern",
        "flags",
        "languageIn",
        "uniqueLang",
        "in",
        "hasValue",
        "node",
        "property",
        "qualifiedValueShape",
        "qualifiedMinCount",
        "qualifiedMaxCount",
        "qualifiedValueShapesDisjoint",
        "and",
        "or",
        "not",
        "xone",
        "closed",
        "ignoredProperties",
        "minInclusive",
        "maxInclusive",
        "minExclusive",
        "maxExclusive",
        "sparql",
    )
}
# Shape properties that do not validate anything.
_NON_VALIDATING = {
    sh(name)
    for name in (
        "path",
        "severity",
        "message",
        "deactivated",
        "name",
        "description",
        "order",
        "group",
        "defaultValue",
        "targetClass",
        "targetNode",
        "targetSubjectsOf",
        "targetObjectsOf",
    )
}
# Every parameter of a SHACL Core or SHACL-SPARQL constraint component (what makes a node a shape).
_CONSTRAINT_PARAMS = _SUPPORTED | {
    sh(name) for name in ("equals", "disjoint", "lessThan", "lessThanOrEquals", "target", "rule")
}
_NODE_KINDS = {
    sh(k)
    for k in ("IRI", "BlankNode", "Literal", "BlankNodeOrIRI", "BlankNodeOrLiteral", "IRIOrLiteral")
}
_SPARQL_RESERVED = re.compile(r"[$?](currentShape|shapesGraph|PATH)\b")


def default_shape_files() -> list[FilePath]:
    """kwpld's shapes files, in name order."""
    return sorted(resource_path("shapes").glob("*.ttl"))


@dataclass(frozen=True)
class Targets:
    classes: tuple[str, ...] = ()
    nodes: tuple[str, ...] = ()
    subjects_of: tuple[str, ...] = ()
    objects_of: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.classes or self.nodes or self.subjects_of or self.objects_of)


@dataclass
class Shape:
    node: str
    path: Path | None
    severity: str
    messages: tuple[str, ...]
    deactivated: bool
    targets: Targets
    components: list[Component] = field(default_factory=list)
    properties: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    """Shapes this one uses (sh:property, sh:node, sh:and/or/xone/not, qualified value shape)."""
    problems: list[str] = field(default_factory=list)
    """Why the fast engine cannot evaluate this shape itself (empty when it can)."""
    record_field: str | None = None

    @property
    def is_property_shape(self) -> bool:
        return self.path is not None


class ShapesGraph:
    """A parsed, compiled shapes graph."""

    def __init__(self, triples: list[tuple[str, str, str]], files: list[FilePath]) -> None:
        self.files = files
        self.triples = triples
        self._spo: dict[str, dict[str, list[str]]] = {}
        for s, p, o in triples:
            objects = self._spo.setdefault(s, {}).setdefault(p, [])
            if o not in objects:
                objects.append(o)
        self.shapes: dict[str, Shape] = {}
        for node in sorted(self._shape_nodes()):
            self.shapes[node] = self._compile(node)
        self._check_references()

    # -- graph access -------------------------------------------------------------------------
    def objects(self, s: str, p: str) -> list[str]:
        return self._spo.get(s, {}).get(p, [])

    def value(self, s: str, p: str) -> str | None:
        values = self.objects(s, p)
        return values[0] if values else None

    def predicates(self, s: str) -> dict[str, list[str]]:
        return self._spo.get(s, {})

    def items(self, head: str) -> list[str]:
        return read_list(head, self.objects)

    def describe(self, node: str) -> list[tuple[str, str, str]]:
        """The node's concise bounded description: its triples and those of its blank nodes."""
        found: list[tuple[str, str, str]] = []
        todo, seen = [node], set()
        while todo:
            s = todo.pop()
            if s in seen:
                continue
            seen.add(s)
            for p, objects in sorted(self.predicates(s).items()):
                for o in objects:
                    found.append((s, p, o))
                    if o.startswith("_:"):
                        todo.append(o)
        return found

    @cached_property
    def prefixes(self) -> dict[str, str]:
        """Prefixes declared with sh:declare in the shapes graph (for reports and queries)."""
        found: dict[str, str] = {}
        for _s, p, o in self.triples:
            if p == sh("declare"):
                prefix, namespace = self.value(o, sh("prefix")), self.value(o, sh("namespace"))
                if prefix and namespace:
                    found[lexical_form(prefix)] = lexical_form(namespace)
        return found

    @property
    def top_level(self) -> list[Shape]:
        """Shapes with targets that are not deactivated: where validation starts."""
        return [s for s in self.shapes.values() if s.targets and not s.deactivated]

    def supported(self, shape: Shape) -> bool:
        """True when the fast engine can evaluate the shape and every shape it uses."""
        return not self.unsupported_reasons(shape)

    def unsupported_reasons(self, shape: Shape) -> list[str]:
        reasons: list[str] = []
        todo, seen = [shape.node], set()
        while todo:
            node = todo.pop()
            if node in seen:
                continue
            seen.add(node)
            current = self.shapes.get(node)
            if current is None:
                continue
            reasons.extend(f"{_show(node)}: {problem}" for problem in current.problems)
            todo.extend(current.references)
        return reasons

    # -- compiling ------------------------------------------------------------------------------
    def _shape_nodes(self) -> set[str]:
        nodes: set[str] = set()
        shape_classes = {sh("NodeShape"), sh("PropertyShape")}
        for s, p, o in self.triples:
            if (
                (p == A and o in shape_classes)
                or p in _TARGETS
                or p in _CONSTRAINT_PARAMS
                or p == sh("path")
            ):
                if p == sh("flags") or p == sh("ignoredProperties"):
                    continue
                if p in (
                    sh("qualifiedMinCount"),
                    sh("qualifiedMaxCount"),
                    sh("qualifiedValueShapesDisjoint"),
                ):
                    continue
                nodes.add(s)
            if p in _SHAPE_PARAMS:
                nodes.add(o)
            elif p in _SHAPE_LIST_PARAMS:
                with contextlib.suppress(PathError):  # reported when the shape is compiled
                    nodes.update(self.items(o))
        # Nodes inside sh:sparql constraints are not shapes.
        return {n for n in nodes if not is_literal(n)}

    def _custom_parameters(self) -> set[str]:
        """Parameters of the constraint components the shapes graph declares: instances of
        sh:ConstraintComponent or of a subclass of it, and any node with parameters and a
        validator whatever its type (a shape that uses one goes to pyshacl, never skipped)."""
        component_classes = {sh("ConstraintComponent")}
        todo = [sh("ConstraintComponent")]
        subclass = f"<{RDFS}subClassOf>"
        while todo:
            cls = todo.pop()
            for s, p, o in self.triples:
                if p == subclass and o == cls and s not in component_classes:
                    component_classes.add(s)
                    todo.append(s)
        validators = {sh("validator"), sh("nodeValidator"), sh("propertyValidator")}
        params = set()
        for s, p, o in self.triples:
            if (p == A and o in component_classes) or (
                p == sh("parameter") and validators & self.predicates(s).keys()
            ):
                for parameter in self.objects(s, sh("parameter")):
                    params.update(self.objects(parameter, sh("path")))
        return params

    @cached_property
    def _custom(self) -> set[str]:
        return self._custom_parameters()

    def _compile(self, node: str) -> Shape:
        props = self.predicates(node)
        problems: list[str] = []
        path: Path | None = None
        paths = props.get(sh("path"), [])
        if len(paths) > 1:
            problems.append("has more than one sh:path")
        elif paths:
            try:
                path = read_path(paths[0], self.objects)
            except PathError as exc:
                problems.append(f"sh:path: {exc}")
        severity = self.value(node, sh("severity")) or VIOLATION
        deactivated = self.value(node, sh("deactivated")) == f'"true"^^<{XSD}boolean>'
        classes = list(props.get(sh("targetClass"), []))
        types = props.get(A, [])
        if f"<{RDFS}Class>" in types or f"<{OWL}Class>" in types:
            classes.append(node)  # implicit class target
        targets = Targets(
            classes=tuple(sorted(set(classes))),
            nodes=tuple(sorted({canonical(t) for t in props.get(sh("targetNode"), [])})),
            subjects_of=tuple(sorted(props.get(sh("targetSubjectsOf"), []))),
            objects_of=tuple(sorted(props.get(sh("targetObjectsOf"), []))),
        )
        field_value = self.value(node, _RECORD_FIELD)
        shape = Shape(
            node=node,
            path=path,
            severity=severity,
            messages=tuple(props.get(sh("message"), [])),
            deactivated=deactivated,
            targets=targets,
            problems=problems,
            record_field=lexical_form(field_value) if field_value else None,
        )
        for predicate, _values in sorted(props.items()):
            if predicate in self._custom:
                problems.append(
                    f"uses {_show(predicate)}, a parameter of a SPARQL-based constraint component"
                )
            elif predicate.startswith(f"<{SH}") and predicate not in _SUPPORTED | _NON_VALIDATING:
                problems.append(f"uses {_show(predicate)}, which the fast engine does not evaluate")
        try:
            self._components(shape, props)
        except (PathError, ValueError) as exc:
            problems.append(str(exc))
        return shape

    def _components(self, shape: Shape, props: dict[str, list[str]]) -> None:
        """The shape's constraint components, in the order the engine evaluates them: on each
        value, on the values together, through other shapes, then closed and SPARQL."""
        params = _Parameters(props)
        self._value_components(shape, params)
        self._range_components(shape, params)
        self._shape_components(shape, params)
        closed = params.one("closed")
        if closed is not None and lexical_form(closed) == "true":
            ignored = params.one("ignoredProperties")
            allowed_props = {self.value(p, sh("path")) for p in params.all("property")}
            allowed_props |= set(self.items(ignored)) if ignored else set()
            shape.components.append(
                c.Closed(frozenset(p for p in allowed_props if p and is_iri(p)))
            )
        for constraint in params.all("sparql"):
            compiled = self._sparql(constraint, shape, shape.problems)
            if compiled is not None:
                shape.components.append(c.Sparql(compiled))

    def _value_components(self, shape: Shape, params: _Parameters) -> None:
        """Class, datatype, node kind, counts, lengths, patterns, languages, sh:in, sh:hasValue."""
        add = shape.components.append
        for cls in params.all("class"):
            add(c.ClassComponent(cls))
        datatype = params.one("datatype")
        if datatype is not None:
            add(c.Datatype(datatype[1:-1]))
        kind = params.one("nodeKind")
        if kind is not None:
            if kind not in _NODE_KINDS:
                raise ValueError(f"sh:nodeKind {kind} is not a node kind")
            add(c.NodeKind(kind))
        counts: tuple[tuple[str, type[c.MinCount | c.MaxCount | c.MinLength | c.MaxLength]], ...]
        counts = (
            ("minCount", c.MinCount),
            ("maxCount", c.MaxCount),
            ("minLength", c.MinLength),
            ("maxLength", c.MaxLength),
        )
        for name, count_class in counts:
            value = params.integer(name)
            if value is not None:
                add(count_class(value))
        flags = params.one("flags")
        flag_text = lexical_form(flags) if flags else ""
        for pattern in params.all("pattern"):
            re_flags = (re.I if "i" in flag_text.lower() else 0) | (
                re.M if "m" in flag_text.lower() else 0
            )
            add(c.Pattern(re.compile(lexical_form(pattern), re_flags)))
        languages = params.one("languageIn")
        if languages is not None:
            add(c.LanguageIn(frozenset(lexical_form(t).lower() for t in self.items(languages))))
        unique = params.one("uniqueLang")
        if unique is not None and lexical_form(unique) == "true":
            if shape.path is None:
                raise ValueError("sh:uniqueLang is only allowed on property shapes")
            add(c.UniqueLang())
        allowed = params.one("in")
        if allowed is not None:
            add(c.In(frozenset(canonical(t) for t in self.items(allowed))))
        for required in params.all("hasValue"):
            add(c.HasValue(canonical(required)))

    @staticmethod
    def _range_components(shape: Shape, params: _Parameters) -> None:
        """Numeric ranges; a bound that is not a number is a problem, not a constraint."""
        ranges: tuple[tuple[str, type[c.Range]], ...] = (
            ("minInclusive", c.MinInclusive),
            ("maxInclusive", c.MaxInclusive),
            ("minExclusive", c.MinExclusive),
            ("maxExclusive", c.MaxExclusive),
        )
        for name, range_class in ranges:
            bound = params.one(name)
            if bound is None:
                continue
            number = numeric_value(bound)
            if number is None:
                shape.problems.append(
                    f"sh:{name} {bound} is not a number; only numeric ranges are evaluated here"
                )
                continue
            shape.components.append(range_class(number))

    def _shape_components(self, shape: Shape, params: _Parameters) -> None:
        """sh:node, sh:property, the logical ones and the qualified counts: the components
        that refer to other shapes (each noted in ``shape.references``)."""
        add = shape.components.append
        for other in params.all("node"):
            add(c.Node(other))
            shape.references.append(other)
        for prop in params.all("property"):
            shape.properties.append(prop)
            shape.references.append(prop)
        logical: tuple[tuple[str, type[c.And | c.Or | c.Xone]], ...]
        logical = (("and", c.And), ("or", c.Or), ("xone", c.Xone))
        for name, logical_class in logical:
            for head in params.all(name):
                members = tuple(self.items(head))
                add(logical_class(members))
                shape.references.extend(members)
        for other in params.all("not"):
            add(c.Not(other))
            shape.references.append(other)
        qualified = params.one("qualifiedValueShape")
        if qualified is not None:
            shape.references.append(qualified)
            disjoint = params.one("qualifiedValueShapesDisjoint")
            if disjoint is not None and lexical_form(disjoint) == "true":
                shape.problems.append(
                    "uses sh:qualifiedValueShapesDisjoint, which the fast engine does not evaluate"
                )
            low, high = params.integer("qualifiedMinCount"), params.integer("qualifiedMaxCount")
            if low is not None:
                add(c.QualifiedMinCount(qualified, low))
            if high is not None:
                add(c.QualifiedMaxCount(qualified, high))

    def _sparql(self, node: str, shape: Shape, problems: list[str]) -> SparqlConstraint | None:
        selects = self.objects(node, sh("select"))
        if len(selects) != 1:
            problems.append("an sh:sparql constraint needs exactly one sh:select")
            return None
        select = lexical_form(selects[0])
        declarations = self._declarations(node)
        query = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(declarations.items())) + select
        deactivated = self.value(node, sh("deactivated")) == f'"true"^^<{XSD}boolean>'
        messages = tuple(self.objects(node, sh("message")))
        from .sparql import analyse, pre_bind_shape

        path = path_to_sparql(shape.path) if shape.path is not None else None
        query = pre_bind_shape(query, shape.node, path)
        analysis = analyse(query)
        if analysis.error:
            named = "" if node.startswith("_:") else f" ({_show(node)})"
            raise InputError(
                f"{self._where()}: the SPARQL query of the shape {_show(shape.node)}{named} "
                f"{analysis.error}"
            )
        reserved = _SPARQL_RESERVED.search(query)
        if reserved:
            problems.append(
                f"its SPARQL query uses ${reserved.group(1)}, which the fast engine does not bind"
            )
            return None
        if analysis.problem:
            if "$shapesGraph" in select or "?shapesGraph" in select:
                raise InputError(  # pyshacl, which the shape would go to, never binds it
                    f"{self._where()}: the SPARQL query of the shape {_show(shape.node)} uses "
                    f"$shapesGraph, which only the fast engine binds, and it {analysis.problem}"
                )
            problems.append(f"its SPARQL query {analysis.problem}")
            return None
        return SparqlConstraint(
            node,
            query,
            messages,
            deactivated,
            analysis.predicates,
            analysis.variables,
            analysis.anchored,
            analysis.shapes_graph,
            analysis.classes,
        )

    def _declarations(self, node: str) -> dict[str, str]:
        """SHACL's prefixes of a SPARQL-based constraint: sh:prefixes/owl:imports*/sh:declare."""
        found: dict[str, str] = {}
        todo, seen = list(self.objects(node, sh("prefixes"))), set()
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            todo.extend(self.objects(current, f"<{OWL}imports>"))
            for declaration in self.objects(current, sh("declare")):
                prefix = self.value(declaration, sh("prefix"))
                namespace = self.value(declaration, sh("namespace"))
                if not (prefix and namespace):
                    continue
                name, iri = lexical_form(prefix), lexical_form(namespace)
                if found.setdefault(name, iri) != iri:
                    raise InputError(
                        f"{self._where()}: the prefixes of the SPARQL query {_show(node)} "
                        f"declare {name}: twice, as <{found[name]}> and as <{iri}>"
                    )
        return found

    def _where(self) -> str:
        return ", ".join(str(f) for f in self.files) or "the shapes"

    def _check_references(self) -> None:
        """A shape that uses itself through sh:node and friends is left to pyshacl."""
        for shape in self.shapes.values():
            todo, seen = list(shape.references), set()
            while todo:
                node = todo.pop()
                if node == shape.node:
                    shape.problems.append("refers to itself (a recursive shape)")
                    break
                if node in seen or node not in self.shapes:
                    continue
                seen.add(node)
                todo.extend(self.shapes[node].references)


class _Parameters:
    """The parameters of one shape's constraint components (its sh: properties), checked as
    SHACL requires: at most one value where the spec says so, counts non-negative integers."""

    def __init__(self, props: dict[str, list[str]]) -> None:
        self.props = props

    def all(self, name: str) -> list[str]:
        return self.props.get(sh(name), [])

    def one(self, name: str) -> str | None:
        values = self.all(name)
        if len(values) > 1:
            raise ValueError(f"has more than one sh:{name}")
        return values[0] if values else None

    def integer(self, name: str) -> int | None:
        value = self.one(name)
        if value is None:
            return None
        number = numeric_value(value)
        if not isinstance(number, int) or number < 0:
            raise ValueError(f"sh:{name} must be a non-negative integer")
        return number


def _show(term: str) -> str:
    if term.startswith(f"<{SH}"):
        return "sh:" + term[len(SH) + 1 : -1]
    if term.startswith(f"<{KWPSH}"):
        return "kwpsh:" + term[len(KWPSH) + 1 : -1]
    return term


def parse_shape_file(path: FilePath, index: int) -> list[tuple[str, str, str]]:
    """Triples of one Turtle file, blank nodes renamed ``_:s{index}b{n}`` in order of appearance."""
    try:
        quads = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    except SyntaxError as exc:
        raise InputError(f"{path}: not valid Turtle: {exc}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the shapes file: {exc.strerror or exc}") from None
    names: dict[str, str] = {}

    def term(t: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
        if isinstance(t, ox.BlankNode):
            return names.setdefault(t.value, f"_:s{index}b{len(names)}")
        return canonical(str(t)) if isinstance(t, ox.Literal) else str(t)

    return [(term(q.subject), term(q.predicate), term(q.object)) for q in quads]


def load_shapes(
    extra: Iterable[str | FilePath] = (), *, include_default: bool = True
) -> ShapesGraph:
    """Read kwpld's shapes (and ``extra`` Turtle files) into a compiled :class:`ShapesGraph`."""
    files = default_shape_files() if include_default else []
    files += [FilePath(p) for p in extra]
    if not files:
        raise InputError("no shapes to validate with: give at least one shapes file")
    triples: list[tuple[str, str, str]] = []
    for index, path in enumerate(files):
        if not path.is_file():
            raise InputError(f"{path}: no such shapes file")
        triples.extend(parse_shape_file(path, index))
    return ShapesGraph(triples, files)
