"""Validation results as the engines produce them: the facts of sh:ValidationResult.

Both engines (the fast one and pyshacl) return the same :class:`Result` values, so their
findings can be compared one to one; :mod:`kwpld.validate.report` adds where each came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..namespaces import SH
from .paths import Path, path_sort_key
from .terms import lexical_form

__all__ = ["Result", "Severity"]


class Severity(StrEnum):
    """SHACL severities, most severe first."""

    VIOLATION = "violation"
    WARNING = "warning"
    INFO = "info"

    @property
    def iri(self) -> str:
        return f"<{SH}{self.value.capitalize()}>"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def from_iri(cls, term: str) -> Severity:
        """sh:Violation, sh:Warning or sh:Info; SHACL treats any other severity as its own IRI,
        kwpld reports it as a violation."""
        return _BY_IRI.get(term, cls.VIOLATION)


_RANK = {Severity.VIOLATION: 0, Severity.WARNING: 1, Severity.INFO: 2}
_BY_IRI = {s.iri: s for s in Severity}


@dataclass(frozen=True, slots=True)
class Result:
    """One SHACL validation result; terms are N-Triples strings."""

    severity: str
    """sh:resultSeverity (an IRI term)."""
    focus: str
    path: Path | None
    value: str | None
    shape: str
    """sh:sourceShape."""
    component: str
    """sh:sourceConstraintComponent (an IRI term)."""
    messages: tuple[str, ...] = ()
    """sh:resultMessage literals (terms)."""
    constraint: str | None = None
    """sh:sourceConstraint, for SPARQL-based constraints."""

    @property
    def message_texts(self) -> tuple[str, ...]:
        return tuple(sorted(lexical_form(m) for m in self.messages))

    def key(self, *, messages: bool = True) -> tuple[object, ...]:
        """What two engines must agree on (messages compared as text)."""
        return (
            self.severity,
            self.focus,
            path_sort_key(self.path),
            self.value or "",
            self.shape,
            self.component,
            self.message_texts if messages else (),
        )
