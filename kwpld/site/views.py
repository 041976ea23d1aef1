"""What a page shows, as plain data: the site's view of an entity, free of HTML.

:class:`Views` reads the :class:`~kwpld.site.collect.SiteData` index and gives, for an entity,
the rows of each section of its page (names, facts, memberships, claims, links, sources); the
templates (``kwpld/site/templates/*.html``) turn them into HTML with autoescape on. Keeping
markup out of this module means no text from the records ever reaches a page unescaped, and a
server can render the same views per request that the static site writes once.

Every value that a page links or displays is a :class:`Term`; its ``kind`` says how the
``term`` macro (``templates/macros.html``) draws it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..charts.common import human_date
from ..dates import parse_date
from ..namespaces import KWP, ORG, OWL, PROV, RDF_TYPE, RDFS, SCHEMA, SKOS, SKOSXL, WD, XSD
from ..rdf import term_value
from .collect import KIND_TITLES, Entity, SiteData, property_labels

__all__ = [
    "ClaimTable",
    "Derived",
    "EntityView",
    "FactRow",
    "IndexView",
    "MembershipRow",
    "NameRow",
    "Sources",
    "SupportedClaim",
    "Term",
    "Views",
]

T = f"<{RDF_TYPE}>"
DERIVED = f"<{PROV}wasDerivedFrom>"
SAME_AS = f"<{OWL}sameAs>"
_XL = {f"<{SKOSXL}prefLabel>": "preferred", f"<{SKOSXL}altLabel>": "alternate",
       f"<{SKOSXL}hiddenLabel>": "hidden"}  # fmt: skip
_HIDDEN_FACTS = {
    T,
    DERIVED,
    SAME_AS,
    f"<{RDFS}label>",
    f"<{SCHEMA}name>",
    f"<{SKOS}prefLabel>",
    f"<{SKOS}altLabel>",
    f"<{SKOS}hiddenLabel>",
    *_XL,
    f"<{KWP}formerLabel>",
    f"<{KWP}renaming>",
    f"<{KWP}participation>",
    f"<{KWP}rule>",
    f"<{KWP}quotation>",
    f"<{KWP}derivation>",
}
_WORDS = {f"<{SCHEMA}Male>": "male", f"<{SCHEMA}Female>": "female"}
_DATE_TYPES = {f"<{XSD}date>", f"<{XSD}gYearMonth>", f"<{XSD}gYear>"}
_SYSTEM_ORDER = ("en", "dprk", "hangul", "hanja", "mr", "mr-ascii", "rr")
_KIND_ORDER = ("preferred", "alternate", "abbreviation", "former", "epithet")
_MEMBERSHIP_COLUMNS = {
    "person": ("organ", "role"),
    "organ": ("person", "role"),
    "post": ("person", "organ"),
}
_SUPPORTED_KINDS = (
    (f"<{ORG}Membership>", "memberships"),
    (f"<{KWP}Participation>", "participations"),
    (f"<{KWP}Renaming>", "renamings"),
    (f"<{KWP}Rule>", "rules"),
    (f"<{SKOSXL}Label>", "names it attests"),
)


def _p(ns: str, local: str) -> str:
    return f"<{ns}{local}>"


# The claim tables of a page: (section id, heading, class of the nodes, [(column, property)]).
_CLAIM_TABLES = [
    ("renamings", "Renamings", _p(KWP, "Renaming"),
     [("renamed by", _p(KWP, "renamedBy")), ("former name", _p(KWP, "previousName")),
      ("new name", _p(KWP, "newName")), ("date", _p(SCHEMA, "startDate"))]),
    ("participations", "Participants", _p(KWP, "Participation"),
     [("participant", _p(KWP, "participant")), ("role", _p(KWP, "participantRole"))]),
    ("rules", "Rules adopted", _p(KWP, "Rule"),
     [("rule", _p(KWP, "ruleText")), ("applies to", _p(KWP, "appliesTo")),
      ("adopted by", _p(KWP, "adoptedBy")), ("date", _p(SCHEMA, "startDate"))]),
    ("quotations", "Quotations", _p(SCHEMA, "Quotation"),
     [("text", _p(SCHEMA, "text")), ("speaker", _p(SCHEMA, "creator")),
      ("from", _p(SCHEMA, "isBasedOn")), ("quoted in", _p(SCHEMA, "isPartOf"))]),
]  # fmt: skip


@dataclass(frozen=True)
class Term:
    """One value on a page, as the ``term`` macro draws it.

    ``kind`` is one of: ``entity`` (a link to its page, ``native`` the Korean name beside
    it), ``source`` (a link to a source's page, for a claim), ``concept`` (a vocabulary
    label, ``title`` its IRI), ``word`` (a plain word for an IRI such as schema:Male),
    ``wikidata`` and ``link`` (links out), ``code`` (an IRI without a page, compacted),
    ``date`` (``title`` the ISO date) and ``text`` (a literal, ``lang`` its language unless
    English). Immutable and hashable, so the templates can draw each distinct value once.
    """

    kind: str
    text: str
    href: str | None = None
    title: str | None = None
    lang: str | None = None
    native: str | None = None
    native_derived: bool = False
    """The Korean name beside an entity link is a derived name (printed in no source)."""


@dataclass(frozen=True)
class Sources:
    """The sources of a claim: links to source pages, or "record" for the curated records."""

    links: tuple[Term, ...] = ()
    record: bool = False


@dataclass(frozen=True)
class Derived:
    """How a name or value that no source prints was derived: by ``rule`` (a vocabulary
    concept), from the name ``source`` or from what ``text`` says."""

    rule: Term
    source: Term | None = None
    text: Term | None = None


@dataclass(frozen=True)
class NameRow:
    system: str
    system_label: str
    kind: str
    form: Term
    valid: tuple[tuple[str, Term], ...]  # ("from" | "until", date)
    sources: Sources
    note: Term | None
    derived: Derived | None = None


@dataclass(frozen=True)
class FactRow:
    label: str
    value: Term
    sources: Sources
    derived: Derived | None = None


@dataclass(frozen=True)
class MembershipRow:
    membership: str  # the membership's IRI
    status: str
    first: Term | None
    second: Term | None
    post: Term | None  # the post held, shown after the role
    start: tuple[Term, ...]
    end: tuple[Term, ...]
    as_of: tuple[Term, ...]
    sources: Sources
    note: Term | None


@dataclass(frozen=True)
class ClaimTable:
    id: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[tuple[tuple[Term, ...], ...], Sources], ...]  # (cells, sources)


@dataclass(frozen=True)
class SupportedClaim:
    """A claim a source supports: the entity itself, or a node it owns (its label, or the
    literal form of a name, or else its compact IRI) with the entity it belongs to."""

    owner: Term
    label: Term | None = None
    name: Term | None = None
    code: str | None = None


@dataclass
class EntityView:
    """Everything an entity's page shows, section by section (empty sections are left out)."""

    entity: Entity
    kind_title: str
    heading: Term | None  # the headline of a source; None: the label and native names
    native: str
    native_derived: bool  # the native names include a derived one
    types: tuple[Term, ...]
    description: str | None
    record_sources: Sources
    names: list[NameRow]
    facts: list[FactRow]
    membership_columns: tuple[str, ...]
    memberships: list[MembershipRow]
    claims: list[ClaimTable]
    supports: list[tuple[str, list[SupportedClaim]]]
    same_as: list[tuple[Term, str]]  # (term, IRI)
    inbound: list[tuple[str, tuple[Term, ...]]]


@dataclass
class IndexView:
    site_title: str
    description: str | None
    counts: str
    lists: list[tuple[str, str, list[tuple[str, Term]]]] = field(default_factory=list)
    # (kind, plural title, [(IRI, link)])


def _split_literal(term: str) -> tuple[str, str | None, str | None]:
    end = term.rfind('"')
    lexical = term_value(term[: end + 1])
    rest = term[end + 1 :]
    if rest.startswith("@"):
        return lexical, rest[1:], None
    if rest.startswith("^^"):
        return lexical, None, rest[2:]
    return lexical, None, None


def _rank(value: str, order: tuple[str, ...]) -> int:
    return order.index(value) if value in order else len(order)


def _notation(term: str | None) -> str:
    if term is None:
        return ""
    return term[1:-1].rstrip("/").rsplit("/", 1)[-1]


class Views:
    """The views of one site's pages; ``root`` arguments are the relative path from the page
    to the site root ("" for the index, "../" for an entity page)."""

    def __init__(self, data: SiteData) -> None:
        self.data = data
        self.labels = property_labels()
        self.prefixes = sorted(data.prefixes.items(), key=lambda kv: -len(kv[1]))
        # source article -> [(entity, node)] for "what this source states"
        self.supported: dict[str, list[tuple[Entity, str]]] = {}
        self._literal_forms: dict[str, str] = {}
        self._terms: dict[tuple[str, str], Term] = {}
        literal_form = _p(SKOSXL, "literalForm")
        for entity in data.entities.values():
            for subject, rows in entity.triples.items():
                for p, o, _ in rows:
                    if p == DERIVED:
                        self.supported.setdefault(o, []).append((entity, subject))
                    elif p == literal_form:
                        self._literal_forms[subject] = o

    # -- terms ----------------------------------------------------------------------------
    def compact(self, iri: str) -> str:
        for prefix, namespace in self.prefixes:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return iri

    def entity_link(self, entity: Entity, root: str = "../") -> Term:
        return Term(
            "entity",
            entity.label,
            href=f"{root}{entity.path}.html",
            native=entity.ko,
            native_derived="ko" in entity.derived,
        )

    def term(self, term: str, root: str = "../") -> Term:
        """How an N-Triples term is shown: a link, a label, a date or text.

        Remembered: a site shows the same people, organs, sources and dates on many pages.
        """
        key = (term, root)
        found = self._terms.get(key)
        if found is None:
            found = self._terms[key] = self._term(term, root)
        return found

    def _term(self, term: str, root: str) -> Term:
        if term.startswith("<"):
            return self._iri_term(term, root)
        lexical, lang, datatype = _split_literal(term)
        if datatype in _DATE_TYPES:
            try:
                date = parse_date(lexical)
            except ValueError:
                return Term("text", lexical)
            return Term("date", human_date(date), title=date.iso)
        return Term("text", lexical, lang=lang if lang != "en" else None)

    def _iri_term(self, term: str, root: str) -> Term:
        iri = term[1:-1]
        entity = self.data.page_of(iri)
        if entity is not None:
            return self.entity_link(entity, root)
        if term in self.data.concepts:
            return Term("concept", self.data.concepts[term], title=iri)
        if term in self._literal_forms:
            return self.term(self._literal_forms[term], root)
        if term in _WORDS:
            return Term("word", _WORDS[term], title=iri)
        if iri.startswith(WD):
            qid = iri[len(WD) :]
            return Term("wikidata", f"Wikidata {qid}", href=f"https://www.wikidata.org/wiki/{qid}")
        if iri.startswith(("http://", "https://")) and not iri.startswith(self.data.graph.base_iri):
            return Term("link", iri, href=iri)
        return Term("code", self.compact(iri), title=iri)

    def sources(self, graphs: Iterable[str], derived: Iterable[str] = ()) -> Sources:
        """The source pages of a claim: its graphs' articles and prov:wasDerivedFrom."""
        found: dict[str, Entity] = {}
        record = False
        for graph in graphs:
            article = self.data.graph_source(graph)
            if article is not None:
                found[article.ref.iri] = article
            else:
                record = True
        for term in derived:
            entity = self.data.page_of(term)
            if entity is not None and entity.ref.kind == "article":
                found[entity.ref.iri] = entity
        links = tuple(
            Term("source", e.label, href=f"../{e.path}.html")
            for e in sorted(found.values(), key=lambda e: (e.label, e.ref.iri))
        )
        return Sources(links, record and not links)

    def plabel(self, predicate: str, inverse: bool = False) -> str:
        label = self.labels.get(predicate)
        if label:
            return label[1] if inverse else label[0]
        return self.compact(predicate[1:-1])

    def _label(self, term: str) -> str:
        entity = self.data.page_of(term)
        return entity.label if entity else term

    # -- sections -------------------------------------------------------------------------
    def names(self, entity: Entity) -> list[NameRow]:
        """Every name of the entity (SKOS-XL labels) in every spelling system, sorted by
        system, kind and form."""
        rows = []
        for use_p, use in _XL.items():
            for node in entity.values(use_p):
                info = {p: o for p, o, _ in entity.triples.get(node, [])}
                form = info.get(_p(SKOSXL, "literalForm"))
                if form is None:
                    continue
                system = _notation(info.get(_p(KWP, "nameSystem")))
                kind = _notation(info.get(_p(KWP, "nameKind")))
                valid = tuple(
                    (word, self.term(info[p]))
                    for word, p in (("from", _p(SCHEMA, "validFrom")),
                                    ("until", _p(SCHEMA, "validThrough")))
                    if p in info
                )  # fmt: skip
                note = info.get(_p(SKOS, "note"))
                row = NameRow(
                    system,
                    self.data.concepts.get(info.get(_p(KWP, "nameSystem"), ""), system),
                    kind + (" (hidden)" if use == "hidden" else ""),
                    self.term(form),
                    valid,
                    self.sources((), entity.values(DERIVED, node)),
                    self.term(note) if note else None,
                    self._derived_name(entity, node),
                )
                key = (_rank(system, _SYSTEM_ORDER), _rank(kind, _KIND_ORDER), term_value(form))
                rows.append((key, row.kind, node, row))
        return [row for *_, row in sorted(rows, key=lambda r: r[:3])]

    def _derived_name(self, entity: Entity, node: str) -> Derived | None:
        """How a derived name (kwp:DerivedLabel) was made: its rule and the name it came from."""
        rows = entity.triples.get(node, [])
        if (T, _p(KWP, "DerivedLabel")) not in {(p, o) for p, o, _ in rows}:
            return None
        rule = next((o for p, o, _ in rows if p == _p(KWP, "derivationRule")), None)
        source = None
        for p, o, _ in rows:
            form = self._literal_forms.get(o) if p == DERIVED else None
            if form is not None:
                source = self.term(form)
        return Derived(self.term(rule) if rule else Term("text", "a rule"), source)

    def _derivations(self, entity: Entity) -> dict[str, Derived]:
        """Property -> how the entity's value of it was derived (its kwp:Derivation nodes)."""
        found: dict[str, Derived] = {}
        for node in entity.values(_p(KWP, "derivation")):
            rows = entity.triples.get(node, [])
            info = {p: o for p, o, _ in rows}
            prop, rule = info.get(_p(KWP, "derivedProperty")), info.get(_p(KWP, "derivationRule"))
            if prop is None or rule is None:
                continue
            text = info.get(_p(KWP, "derivedFromText"))
            found[prop] = Derived(self.term(rule), None, self.term(text) if text else None)
        return found

    def facts(self, entity: Entity) -> list[FactRow]:
        """The entity's own statements (names and owned nodes aside), each with the graphs
        (sources) that state it, or how it was derived."""
        grouped: dict[tuple[str, str], list[str]] = {}
        for p, o, g in entity.own():
            if p not in _HIDDEN_FACTS:
                grouped.setdefault((p, o), []).append(g)
        derived = self._derivations(entity)
        return [
            FactRow(self.plabel(p), self.term(o), self.sources(graphs), derived.get(p))
            for (p, o), graphs in sorted(
                grouped.items(), key=lambda kv: (self.plabel(kv[0][0]), kv[0])
            )
        ]

    def _nodes(self, entity: Entity, cls: str) -> list[tuple[str, dict[str, list[str]], list[str]]]:
        """Owned or related nodes of a class: (node, predicate -> objects, graphs)."""
        found = []
        for subject, rows in entity.triples.items():
            if subject == entity.term or (T, cls) not in {(p, o) for p, o, _ in rows}:
                continue
            props: dict[str, list[str]] = {}
            graphs: set[str] = set()
            for p, o, g in rows:
                props.setdefault(p, [])
                if o not in props[p]:
                    props[p].append(o)
                graphs.add(g)
            found.append((subject, props, sorted(graphs)))
        return sorted(found)

    def membership_columns(self, entity: Entity) -> tuple[str, ...]:
        """The two columns naming the other sides of a membership on this kind of page."""
        return _MEMBERSHIP_COLUMNS.get(entity.ref.kind, ("person", "organ"))

    def memberships(self, entity: Entity) -> list[MembershipRow]:
        """The memberships of a person, in an organ or of a post, by status and IRI."""
        rows = [
            self._membership(entity, node, props, graphs)
            for node, props, graphs in self._nodes(entity, _p(ORG, "Membership"))
        ]
        return sorted(rows, key=lambda r: (r.status, r.membership))

    def _membership(
        self, entity: Entity, node: str, props: dict[str, list[str]], graphs: list[str]
    ) -> MembershipRow:
        def first(p: str) -> Term | None:
            values = props.get(p)
            return self.term(values[0]) if values else None

        def every(p: str) -> tuple[Term, ...]:
            return tuple(self.term(v) for v in props.get(p, []))

        cells = {
            "person": first(_p(ORG, "member")),
            "organ": first(_p(ORG, "organization")),
            "role": first(_p(ORG, "role")),
        }
        left, right = self.membership_columns(entity)
        return MembershipRow(
            membership=node[1:-1],
            status=_notation(props.get(_p(KWP, "status"), [None])[0]),
            first=cells[left],
            second=cells[right],
            post=first(_p(KWP, "post")) if entity.ref.kind != "post" else None,
            start=every(_p(SCHEMA, "validFrom")),
            end=every(_p(SCHEMA, "validThrough")),
            as_of=every(_p(KWP, "asOf")),
            sources=self.sources(graphs, props.get(DERIVED, [])),
            note=first(_p(SKOS, "note")),
        )

    def claims(self, entity: Entity) -> list[ClaimTable]:
        """Renamings, participations, rules and quotations the entity has, one table each."""
        tables = []
        for key, title, cls, fields in _CLAIM_TABLES:
            rows = []
            for _node, props, graphs in self._nodes(entity, cls):
                cells = tuple(tuple(self.term(v) for v in props.get(p, [])) for _, p in fields)
                sources = self.sources(
                    [g for g in graphs if self.data.graph_source(g)], props.get(DERIVED, [])
                )
                rows.append((cells, sources))
            if rows:
                tables.append(ClaimTable(key, title, tuple(c for c, _ in fields), tuple(rows)))
        return tables

    def same_as(self, entity: Entity) -> list[tuple[Term, str]]:
        return [(self.term(o), o[1:-1]) for o in entity.values(SAME_AS)]

    def inbound(self, entity: Entity) -> list[tuple[str, tuple[Term, ...]]]:
        """What links to the entity, by the inverse label of the linking property."""
        grouped: dict[str, list[str]] = {}
        for p, source in entity.inbound:
            grouped.setdefault(self.plabel(p, inverse=True), []).append(source)
        return [
            (
                label,
                tuple(self.term(s) for s in sorted(set(found), key=lambda s: (self._label(s), s))),
            )
            for label, found in sorted(grouped.items())
        ]

    def supports(self, entity: Entity) -> list[tuple[str, list[SupportedClaim]]]:
        """For a source: the claims that cite it, grouped by what they are."""
        claims: dict[str, set[SupportedClaim]] = {}
        for owner, node in self.supported.get(entity.term, []):
            if node == owner.term:
                what = "records that cite it"
            else:
                types = {o for p, o, _ in owner.triples.get(node, []) if p == T}
                what = next((w for cls, w in _SUPPORTED_KINDS if cls in types), "other claims")
            claims.setdefault(what, set()).add(self._supported_claim(owner, node))
        return [(what, sorted(found, key=_claim_order)) for what, found in sorted(claims.items())]

    def _supported_claim(self, owner: Entity, node: str) -> SupportedClaim:
        link = self.entity_link(owner)
        if node == owner.term:
            return SupportedClaim(link)
        rows = owner.triples.get(node, [])
        for p, o, _ in rows:
            if p == _p(RDFS, "label"):
                return SupportedClaim(link, label=self.term(o))
        for p, o, _ in rows:
            if p == _p(SKOSXL, "literalForm"):
                return SupportedClaim(link, name=self.term(o))
        return SupportedClaim(link, code=self.compact(node[1:-1]))

    # -- pages ----------------------------------------------------------------------------
    def entity(self, entity: Entity) -> EntityView:
        """The whole view of an entity's page."""
        heading = None
        if entity.ref.kind == "article":
            headline = entity.values(_p(SCHEMA, "headline"))
            if headline:
                heading = self.term(headline[0])
        types = tuple(
            self.term(o) if o in self.data.concepts else Term("code", self.compact(o[1:-1]))
            for o in entity.values(T)
        )
        description = next(
            (term_value(o) for p, o, _ in entity.own() if p == _p(SCHEMA, "description")), None
        )
        return EntityView(
            entity=entity,
            kind_title=KIND_TITLES[entity.ref.kind][0],
            heading=heading,
            native=" ".join(n for n in (entity.ko, entity.hanja) if n),
            native_derived=bool(entity.derived & {"ko", "hanja"}),
            types=types,
            description=description,
            record_sources=self.sources((), entity.values(DERIVED)),
            names=self.names(entity),
            facts=self.facts(entity),
            membership_columns=self.membership_columns(entity),
            memberships=self.memberships(entity),
            claims=self.claims(entity),
            supports=self.supports(entity),
            same_as=self.same_as(entity),
            inbound=self.inbound(entity),
        )

    def index(self, site_title: str, description: str | None, counts: str) -> IndexView:
        """The index: every entity by kind, sorted by label."""
        view = IndexView(site_title, description, counts)
        by_kind: dict[str, list[Entity]] = {}
        for entity in self.data.entities.values():
            by_kind.setdefault(entity.ref.kind, []).append(entity)
        for kind, (_, plural) in KIND_TITLES.items():
            members = sorted(by_kind.get(kind, []), key=lambda e: (e.label.casefold(), e.ref.iri))
            if members:
                links = [(e.ref.iri, self.entity_link(e, "")) for e in members]
                view.lists.append((kind, plural, links))
        return view


def _claim_order(claim: SupportedClaim) -> tuple[str, str, str]:
    """Claims a source supports, in reading order: by what they say, then by owner."""
    said = claim.label or claim.name
    return (said.text if said else claim.code or "", claim.owner.text, claim.owner.href or "")
