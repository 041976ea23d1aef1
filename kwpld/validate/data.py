"""The data graph as the fast engine reads it: triples indexed by predicate, then subject.

Built in one pass over the quads (N-Triples term strings), the index answers what SHACL
asks (the values of a path for a focus node, the instances of a class) with dictionary
look-ups. The graph is the union of the named graphs: a triple stated in several graphs is
one triple. Most (predicate, subject) pairs have one object, so that object is stored as is
and only a second object turns the entry into a set; this halves the memory of the index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set

from ..namespaces import RDF_TYPE, RDFS
from .paths import Path

__all__ = ["DataIndex"]

TYPE = f"<{RDF_TYPE}>"
SUBCLASS = f"<{RDFS}subClassOf>"
_EMPTY: dict[str, str | set[str]] = {}


def _items(value: str | set[str] | None) -> tuple[str, ...] | set[str]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else value


class DataIndex:
    """Predicate -> subject -> object(s); inverse and class indexes are built on demand."""

    def __init__(self, by_predicate: dict[str, dict[str, str | set[str]]]) -> None:
        self.by_predicate = by_predicate
        self._inverse: dict[str, dict[str, str | set[str]]] = {}
        self._instances: dict[str, set[str]] | None = None
        self._subclasses: dict[str, set[str]] = {}
        self._predicates_of: dict[str, set[str]] | None = None
        self._count: int | None = None

    @classmethod
    def from_quads(cls, quads: Iterable[tuple[str, ...]]) -> DataIndex:
        """Index (s, p, o, ...) tuples; anything after the object (the graph) is ignored."""
        by_predicate: dict[str, dict[str, str | set[str]]] = {}
        get_predicate = by_predicate.get
        count = 0
        for quad in quads:
            s, p, o = quad[0], quad[1], quad[2]
            subjects = get_predicate(p)
            if subjects is None:
                subjects = by_predicate[p] = {}
            current = subjects.get(s)
            if current is None:
                subjects[s] = o
                count += 1
            elif isinstance(current, str):
                if current != o:
                    subjects[s] = {current, o}
                    count += 1
            elif o not in current:
                current.add(o)
                count += 1
        index = cls(by_predicate)
        index._count = count
        return index

    def __len__(self) -> int:
        """The number of distinct triples."""
        if self._count is None:
            self._count = sum(
                len(_items(v)) for subjects in self.by_predicate.values() for v in subjects.values()
            )
        return self._count

    def triples(self, predicate: str) -> Iterator[tuple[str, str]]:
        """(subject, object) pairs of one predicate."""
        for s, value in self.by_predicate.get(predicate, _EMPTY).items():
            for o in _items(value):
                yield s, o

    def ntriples(
        self,
        predicates: Iterable[str],
        only: Mapping[str, set[str] | None] | None = None,
        objects: Mapping[str, Set[str]] | None = None,
    ) -> Iterator[str]:
        """The triples of ``predicates`` as N-Triples lines (a line per subject and predicate);
        with ``only``, of the subjects it gives for a predicate (None: every subject); with
        ``objects``, of the objects it gives for a predicate (absent: every object).

        Lazy, a predicate at a time: the SPARQL store loads them in chunks, so the text of a
        million triples is never in memory at once (on the flat corpus it was 250 MB).
        """
        for p in predicates:
            subjects = self.by_predicate.get(p)
            if not subjects:
                continue
            wanted = only.get(p) if only is not None else None
            if wanted is None:
                items: Iterable[tuple[str, str | set[str]]] = subjects.items()
            elif len(wanted) < len(subjects):
                get = subjects.get
                items = [(s, v) for s in wanted if (v := get(s)) is not None]
            else:
                items = [(s, v) for s, v in subjects.items() if s in wanted]
            mid, end = f" {p} ", " .\n"
            keep = objects.get(p) if objects is not None else None
            if keep is not None:
                for s, v in items:
                    kept = [o for o in _items(v) if o in keep]
                    if kept:
                        yield "".join([s + mid + o + end for o in kept])
                continue
            for s, v in items:
                yield (
                    s + mid + v + end
                    if isinstance(v, str)
                    else "".join([s + mid + o + end for o in v])
                )

    def objects(self, predicate: str, subject: str) -> tuple[str, ...] | set[str]:
        return _items(self.by_predicate.get(predicate, _EMPTY).get(subject))

    def subjects(self, predicate: str, obj: str) -> tuple[str, ...] | set[str]:
        inverse = self._inverse.get(predicate)
        if inverse is None:
            inverse = self._inverse[predicate] = DataIndex.from_quads(
                (o, predicate, s) for s, o in self.triples(predicate)
            ).by_predicate.get(predicate, {})
        return _items(inverse.get(obj))

    def predicates_of(self, subject: str) -> set[str]:
        if self._predicates_of is None:
            found: dict[str, set[str]] = {}
            for predicate, subjects in self.by_predicate.items():
                for s in subjects:
                    found.setdefault(s, set()).add(predicate)
            self._predicates_of = found
        return self._predicates_of.get(subject, set())

    # -- classes ----------------------------------------------------------------------------------
    def subclasses(self, cls: str) -> set[str]:
        """``cls`` and every class that is rdfs:subClassOf* it in the data graph."""
        found = self._subclasses.get(cls)
        if found is None:
            found, todo = {cls}, [cls]
            while todo:
                for sub in self.subjects(SUBCLASS, todo.pop()):
                    if sub not in found:
                        found.add(sub)
                        todo.append(sub)
            self._subclasses[cls] = found
        return found

    def instances(self, cls: str) -> set[str]:
        """SHACL instances of ``cls``: nodes with rdf:type ``cls`` or one of its subclasses."""
        if self._instances is None:
            by_class: dict[str, set[str]] = {}
            for s, o in self.triples(TYPE):
                by_class.setdefault(o, set()).add(s)
            self._instances = by_class
        found: set[str] = set()
        for sub in self.subclasses(cls):
            found |= self._instances.get(sub, set())
        return found

    def forget_instances(self) -> None:
        """Let go of the index of instances by class (rebuilt if asked again): it serves to
        find focus nodes, and once they are found it is megabytes of sets on a large graph,
        alive through the rest of validation."""
        self._instances = None

    def instance_test(self, cls: str) -> Callable[[str], bool]:
        """A test for sh:class ``cls``: one look-up of the node's types (literals have none)."""
        classes = self.subclasses(cls)
        types = self.by_predicate.get(TYPE, _EMPTY).get

        def test(node: str) -> bool:
            found = types(node)
            if found is None:
                return False
            if isinstance(found, str):
                return found in classes
            return not classes.isdisjoint(found)

        return test

    # -- paths ----------------------------------------------------------------------------------
    def value_lists(
        self, path: Path, nodes: Iterable[str]
    ) -> Sequence[tuple[str, tuple[str, ...] | set[str]]]:
        """(node, value nodes) for every node: the hot loop of the engine, inlined for the
        paths the shapes use most (a predicate, an alternative of predicates)."""
        if isinstance(path, str):
            get = self.by_predicate.get(path, _EMPTY).get
            return [
                (n, () if (v := get(n)) is None else ((v,) if isinstance(v, str) else v))
                for n in nodes
            ]
        op, operand = path
        if op == "|" and all(p.__class__ is str for p in operand):
            return self._alternatives(operand, nodes)
        return [(n, self.values(path, n)) for n in nodes]

    def _alternatives(
        self, predicates: Iterable[str], nodes: Iterable[str]
    ) -> list[tuple[str, set[str]]]:
        """(node, values) of an alternative of predicates, for every node."""
        # Predicates the graph does not use cannot give values (Wikidata-style shapes list
        # every property kwpld may write; a graph uses a few).
        gets = [d.get for p in predicates if (d := self.by_predicate.get(p))]
        pairs: list[tuple[str, set[str]]] = []
        for n in nodes:
            found: set[str] = set()
            for get in gets:
                v = get(n)
                if v is not None:
                    if isinstance(v, str):
                        found.add(v)
                    else:
                        found |= v
            pairs.append((n, found))
        return pairs

    def alternative_value_lists(
        self, predicates: tuple[str, ...], focus: set[str]
    ) -> list[tuple[str, set[str]]]:
        """(node, values) of an alternative of predicates, for the nodes of ``focus`` that have
        values: walked from the predicates' subjects when they are fewer than the focus nodes
        (a shape over many nodes whose properties few of them have)."""
        used = [d for p in predicates if (d := self.by_predicate.get(p))]
        if sum(len(d) for d in used) >= len(focus):
            return [(n, v) for n, v in self._alternatives(predicates, focus) if v]
        found: dict[str, set[str]] = {}
        for subjects in used:
            for s, v in subjects.items():
                if s in focus:
                    values = found.get(s)
                    if values is None:
                        values = found[s] = set()
                    if isinstance(v, str):
                        values.add(v)
                    else:
                        values |= v
        return list(found.items())

    def values(self, path: Path, node: str) -> tuple[str, ...] | set[str]:
        """Value nodes of ``path`` from ``node`` (distinct)."""
        if isinstance(path, str):
            return _items(self.by_predicate.get(path, _EMPTY).get(node))
        op, operand = path
        if op == "^":
            if operand.__class__ is str:
                return self.subjects(operand, node)
            return self._inverse_values(operand, node)
        if op == "/":
            current: set[str] = {node}
            for step in operand:
                current = {v for n in current for v in self.values(step, n)}
            return current
        if op == "|":
            return {v for option in operand for v in self.values(option, node)}
        if op == "?":
            return {node, *self.values(operand, node)}
        # "*" and "+": breadth-first closure
        found: set[str] = {node} if op == "*" else set()
        todo = list(self.values(operand, node))
        while todo:
            v = todo.pop()
            if v not in found:
                found.add(v)
                todo.extend(self.values(operand, v))
        return found

    def _inverse_values(self, path: Path, node: str) -> set[str]:
        """Values of ^(complex path): walk the inverted path."""
        if isinstance(path, str):
            return set(self.subjects(path, node))
        op, operand = path
        if op == "^":
            return set(self.values(operand, node))
        if op == "/":
            return set(self.values(("/", tuple(("^", step) for step in reversed(operand))), node))
        if op == "|":
            return {v for option in operand for v in self._inverse_values(option, node)}
        return set(self.values((op, ("^", operand)), node))
