"""SHACL constraint components as typed values: one small frozen class per component.

:mod:`kwpld.validate.shapes` reads a shape's parameters into these (a ``sh:minCount 1``
becomes ``MinCount(count=1)``); the fast engine (:mod:`kwpld.validate.engine`) matches on the
class, so each component's parameter has its own type instead of one ``object`` that every
reader had to cast. The classes carry no behaviour: what a component means is the engine's
business (pySHACL keeps the two together; here the engine compiles all components of a
shape into tests run over every focus node at once, which wants them apart).

Terms are N-Triples strings, as everywhere in the validator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from ..namespaces import SH

__all__ = [
    "Component",
    "ClassComponent",
    "Datatype",
    "NodeKind",
    "MinCount",
    "MaxCount",
    "MinLength",
    "MaxLength",
    "Pattern",
    "LanguageIn",
    "UniqueLang",
    "In",
    "HasValue",
    "MinInclusive",
    "MaxInclusive",
    "MinExclusive",
    "MaxExclusive",
    "Range",
    "Node",
    "Not",
    "And",
    "Or",
    "Xone",
    "QualifiedMinCount",
    "QualifiedMaxCount",
    "Closed",
    "Sparql",
    "SparqlConstraint",
    "Number",
]

Number = Decimal | float | int


@dataclass(frozen=True, slots=True)
class Component:
    """A constraint component of a shape, with its parameters read from the shapes graph."""

    kind: ClassVar[str]
    """The component's local name without 'ConstraintComponent': 'MinCount', 'SPARQL', ..."""

    @property
    def iri(self) -> str:
        """sh:sourceConstraintComponent of the results it produces."""
        return f"<{SH}{self.kind}ConstraintComponent>"


# -- value type --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ClassComponent(Component):
    kind: ClassVar[str] = "Class"
    cls: str
    """The class (an IRI or blank node term); instances of its subclasses in the data count."""


@dataclass(frozen=True, slots=True)
class Datatype(Component):
    kind: ClassVar[str] = "Datatype"
    datatype: str
    """The datatype's IRI, without angle brackets."""


@dataclass(frozen=True, slots=True)
class NodeKind(Component):
    kind: ClassVar[str] = "NodeKind"
    node_kind: str
    """sh:IRI, sh:BlankNode, sh:Literal or one of their three unions (an IRI term)."""


# -- cardinality -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class MinCount(Component):
    kind: ClassVar[str] = "MinCount"
    count: int


@dataclass(frozen=True, slots=True)
class MaxCount(Component):
    kind: ClassVar[str] = "MaxCount"
    count: int


# -- string-based ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class MinLength(Component):
    kind: ClassVar[str] = "MinLength"
    length: int


@dataclass(frozen=True, slots=True)
class MaxLength(Component):
    kind: ClassVar[str] = "MaxLength"
    length: int


@dataclass(frozen=True, slots=True)
class Pattern(Component):
    kind: ClassVar[str] = "Pattern"
    regex: re.Pattern[str]
    """sh:pattern compiled with its sh:flags."""


@dataclass(frozen=True, slots=True)
class LanguageIn(Component):
    kind: ClassVar[str] = "LanguageIn"
    ranges: frozenset[str]
    """Basic language ranges, lower case."""


@dataclass(frozen=True, slots=True)
class UniqueLang(Component):
    kind: ClassVar[str] = "UniqueLang"


# -- other values ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class In(Component):
    kind: ClassVar[str] = "In"
    values: frozenset[str]
    """The members of the sh:in list, as canonical terms."""


@dataclass(frozen=True, slots=True)
class HasValue(Component):
    kind: ClassVar[str] = "HasValue"
    value: str
    """A canonical term."""


# -- value range -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Range(Component):
    """sh:minInclusive and its three siblings: a numeric bound on every value."""

    bound: Number

    def admits(self, number: Number) -> bool:
        """True when ``number`` is within the bound (NaN never is)."""
        raise NotImplementedError(self.kind)  # each of the four ranges says


@dataclass(frozen=True, slots=True)
class MinInclusive(Range):
    kind: ClassVar[str] = "MinInclusive"

    def admits(self, number: Number) -> bool:
        return number >= self.bound


@dataclass(frozen=True, slots=True)
class MaxInclusive(Range):
    kind: ClassVar[str] = "MaxInclusive"

    def admits(self, number: Number) -> bool:
        return number <= self.bound


@dataclass(frozen=True, slots=True)
class MinExclusive(Range):
    kind: ClassVar[str] = "MinExclusive"

    def admits(self, number: Number) -> bool:
        return number > self.bound


@dataclass(frozen=True, slots=True)
class MaxExclusive(Range):
    kind: ClassVar[str] = "MaxExclusive"

    def admits(self, number: Number) -> bool:
        return number < self.bound


# -- shape-based -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Node(Component):
    kind: ClassVar[str] = "Node"
    shape: str


@dataclass(frozen=True, slots=True)
class Not(Component):
    kind: ClassVar[str] = "Not"
    shape: str


@dataclass(frozen=True, slots=True)
class And(Component):
    kind: ClassVar[str] = "And"
    shapes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Or(Component):
    kind: ClassVar[str] = "Or"
    shapes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Xone(Component):
    kind: ClassVar[str] = "Xone"
    shapes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QualifiedMinCount(Component):
    kind: ClassVar[str] = "QualifiedMinCount"
    shape: str
    count: int


@dataclass(frozen=True, slots=True)
class QualifiedMaxCount(Component):
    kind: ClassVar[str] = "QualifiedMaxCount"
    shape: str
    count: int


@dataclass(frozen=True, slots=True)
class Closed(Component):
    kind: ClassVar[str] = "Closed"
    allowed: frozenset[str]
    """The paths of the shape's property shapes and sh:ignoredProperties (IRI terms)."""


# -- SPARQL-based ------------------------------------------------------------------------------
@dataclass(frozen=True)
class SparqlConstraint:
    """An sh:sparql constraint, analysed for the fast engine."""

    node: str
    query: str
    """The SELECT query with its PREFIX declarations, and the values of $currentShape,
    $shapesGraph and $PATH substituted (see :func:`~.sparql.pre_bind_shape`)."""
    messages: tuple[str, ...]
    deactivated: bool
    predicates: frozenset[str] | None
    """Predicates (IRI terms) the query can match; None when it needs every triple."""
    variables: tuple[str, ...]
    anchored: frozenset[str] = frozenset()
    """Predicates the query only matches from $this (see :class:`~.sparql.Analysis`)."""
    shapes_graph: bool = False
    """The query reads the shapes graph ($shapesGraph): the store must hold it."""
    classes: frozenset[str] | None = None
    """The classes its rdf:type patterns name; None when any type triple can match (see
    :class:`~.sparql.Analysis`)."""


@dataclass(frozen=True, slots=True)
class Sparql(Component):
    kind: ClassVar[str] = "SPARQL"
    constraint: SparqlConstraint
