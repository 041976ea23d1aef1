"""HTML pages of the browse site, written from the :class:`SiteData` index.

Plain HTML5 with one stylesheet and one script (the search); every link is relative, so the
site works from any folder of a web server and from the file system. Text is escaped;
Korean text carries ``lang`` attributes so browsers pick Korean fonts and line breaking.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from ..charts.common import human_date
from ..dates import parse_date
from ..namespaces import KWP, ORG, OWL, PROV, RDF_TYPE, RDFS, SCHEMA, SKOS, SKOSXL, WD, XSD
from ..rdf import term_value
from .collect import KIND_TITLES, Entity, SiteData, property_labels

__all__ = ["Renderer", "page"]

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
}
_WORDS = {f"<{SCHEMA}Male>": "male", f"<{SCHEMA}Female>": "female"}
_DATE_TYPES = {f"<{XSD}date>", f"<{XSD}gYearMonth>", f"<{XSD}gYear>"}
_SYSTEM_ORDER = ("en", "dprk", "hangul", "hanja", "mr", "mr-ascii", "rr")
_KIND_ORDER = ("preferred", "alternate", "abbreviation", "former", "epithet")


def _p(ns: str, local: str) -> str:
    return f"<{ns}{local}>"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def _split_literal(term: str) -> tuple[str, str | None, str | None]:
    end = term.rfind('"')
    lexical = term_value(term[: end + 1])
    rest = term[end + 1 :]
    if rest.startswith("@"):
        return lexical, rest[1:], None
    if rest.startswith("^^"):
        return lexical, None, rest[2:]
    return lexical, None, None


def _lang_attr(lang: str | None) -> str:
    return f' lang="{esc(lang)}"' if lang and lang != "en" else ""


def page(
    *,
    title: str,
    body: str,
    root: str,
    site_title: str,
    alternates: Iterable[tuple[str, str]] = (),
    description: str | None = None,
) -> str:
    """A whole HTML document; ``root`` is the relative path to the site root ("" or "../")."""
    links = "".join(
        f'<link rel="alternate" type="{esc(kind)}" href="{esc(href)}">\n'
        for kind, href in alternates
    )
    meta = f'<meta name="description" content="{esc(description)}">\n' if description else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} · {esc(site_title)}</title>\n{meta}"
        f'<link rel="stylesheet" href="{root}assets/site.css">\n{links}'
        "</head>\n<body>\n"
        f'<header class="site"><a class="home" href="{root}index.html">{esc(site_title)}</a>'
        f'<form class="find" action="{root}index.html" method="get" role="search">'
        '<input type="search" name="q" placeholder="Find a name: Jang Song Taek, 장성택, '
        'Chang Sŏng-t&#x27;aek" aria-label="Find a name"></form></header>\n'
        f"<main>\n{body}</main>\n"
        '<footer class="site">Made by kwpld from the records of the dataset; every claim links '
        "to its source.</footer>\n"
        "</body>\n</html>\n"
    )


class Renderer:
    """Renders pages; ``charts`` maps entity IRIs to their inline SVG charts."""

    def __init__(self, data: SiteData, site_title: str) -> None:
        self.data = data
        self.site_title = site_title
        self.labels = property_labels()
        self.prefixes = sorted(data.prefixes.items(), key=lambda kv: -len(kv[1]))
        # source article -> [(entity, node)] for "what this source states"
        self.supports: dict[str, list[tuple[Entity, str]]] = {}
        for entity in data.entities.values():
            for subject, rows in entity.triples.items():
                for p, o, _ in rows:
                    if p == DERIVED:
                        self.supports.setdefault(o, []).append((entity, subject))
        self._literal_forms: dict[str, str] = {}
        for entity in data.entities.values():
            for subject, rows in entity.triples.items():
                for p, o, _ in rows:
                    if p == _p(SKOSXL, "literalForm"):
                        self._literal_forms[subject] = o

    # -- terms ----------------------------------------------------------------------------
    def compact(self, iri: str) -> str:
        for prefix, namespace in self.prefixes:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return iri

    def entity_link(self, entity: Entity, root: str = "../") -> str:
        ko = f' <span class="ko" lang="ko">{esc(entity.ko)}</span>' if entity.ko else ""
        return f'<a href="{root}{entity.path}.html">{esc(entity.label)}</a>{ko}'

    def term(self, term: str, root: str = "../") -> str:
        if term.startswith("<"):
            iri = term[1:-1]
            entity = self.data.page_of(iri)
            if entity is not None:
                return self.entity_link(entity, root)
            if term in self.data.concepts:
                label = esc(self.data.concepts[term])
                return f'<span class="concept" title="{esc(iri)}">{label}</span>'
            if term in self._literal_forms:
                return self.term(self._literal_forms[term], root)
            if term in _WORDS:
                return f'<span title="{esc(iri)}">{_WORDS[term]}</span>'
            if iri.startswith(WD):
                qid = iri[len(WD) :]
                return (
                    f'<a class="wikidata" href="https://www.wikidata.org/wiki/{esc(qid)}">'
                    f"Wikidata {esc(qid)}</a>"
                )
            if iri.startswith(("http://", "https://")) and not iri.startswith(
                self.data.graph.base_iri
            ):
                return f'<a href="{esc(iri)}">{esc(iri)}</a>'
            return f'<code title="{esc(iri)}">{esc(self.compact(iri))}</code>'
        lexical, lang, datatype = _split_literal(term)
        if datatype in _DATE_TYPES:
            try:
                date = parse_date(lexical)
            except ValueError:
                return esc(lexical)
            return f'<time datetime="{esc(date.iso)}">{esc(human_date(date))}</time>'
        return f"<span{_lang_attr(lang)}>{esc(lexical)}</span>"

    def source_links(
        self, graphs: Iterable[str], derived: Iterable[str] = (), root: str = "../"
    ) -> str:
        """Links to the source pages of a claim: its graphs' articles and prov:wasDerivedFrom."""
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
        links = [
            f'<a class="source" href="{root}{e.path}.html">{esc(e.label)}</a>'
            for e in sorted(found.values(), key=lambda e: (e.label, e.ref.iri))
        ]
        if not links and record:
            return '<span class="record" title="stated in the curated records">record</span>'
        return "; ".join(links)

    def plabel(self, predicate: str, inverse: bool = False) -> str:
        label = self.labels.get(predicate)
        if label:
            return label[1] if inverse else label[0]
        return self.compact(predicate[1:-1])

    # -- sections -------------------------------------------------------------------------
    def names_section(self, entity: Entity) -> str:
        rows = []
        for use_p, use in _XL.items():
            for node in entity.values(use_p):
                info = {p: o for p, o, _ in entity.triples.get(node, [])}
                form = info.get(_p(SKOSXL, "literalForm"))
                if form is None:
                    continue
                system = self._notation(info.get(_p(KWP, "nameSystem")))
                kind = self._notation(info.get(_p(KWP, "nameKind")))
                sources = entity.values(DERIVED, node)
                valid = []
                if _p(SCHEMA, "validFrom") in info:
                    valid.append("from " + self.term(info[_p(SCHEMA, "validFrom")]))
                if _p(SCHEMA, "validThrough") in info:
                    valid.append("until " + self.term(info[_p(SCHEMA, "validThrough")]))
                note = info.get(_p(SKOS, "note"))
                note_html = f" <span class=note>{self.term(note)}</span>" if note else ""
                system_label = self.data.concepts.get(info.get(_p(KWP, "nameSystem"), ""), system)
                rows.append(
                    (
                        _rank(system, _SYSTEM_ORDER),
                        _rank(kind, _KIND_ORDER),
                        term_value(form),
                        f'<tr data-system="{esc(system)}"><td class="name">{self.term(form)}</td>'
                        f"<td>{esc(system_label)}</td>"
                        f"<td>{esc(kind)}{' (' + use + ')' if use == 'hidden' else ''}</td>"
                        f"<td>{', '.join(valid)}</td>"
                        f"<td>{self.source_links((), sources)}"
                        f"{note_html}</td></tr>",
                    )
                )
        if not rows:
            return ""
        rows.sort()
        body = "\n".join(r[-1] for r in rows)
        return (
            '<section id="names"><h2>Names</h2>\n<table class="names"><thead><tr><th>name</th>'
            "<th>spelling system</th><th>kind</th><th>in use</th><th>sources</th></tr></thead>"
            f"<tbody>\n{body}\n</tbody></table></section>\n"
        )

    def _notation(self, term: str | None) -> str:
        if term is None:
            return ""
        return term[1:-1].rstrip("/").rsplit("/", 1)[-1]

    def facts_section(self, entity: Entity) -> str:
        grouped: dict[tuple[str, str], list[str]] = {}
        for p, o, g in entity.own():
            if p in _HIDDEN_FACTS:
                continue
            grouped.setdefault((p, o), []).append(g)
        if not grouped:
            return ""
        rows = []
        for (p, o), graphs in sorted(
            grouped.items(), key=lambda kv: (self.plabel(kv[0][0]), kv[0])
        ):
            rows.append(
                f'<tr><th scope="row">{esc(self.plabel(p))}</th><td>{self.term(o)}</td>'
                f"<td>{self.source_links(graphs)}</td></tr>"
            )
        return (
            '<section id="facts"><h2>Facts</h2>\n<table class="facts"><thead><tr><th>property</th>'
            "<th>value</th><th>stated in</th></tr></thead><tbody>\n"
            + "\n".join(rows)
            + "\n</tbody></table></section>\n"
        )

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

    def memberships_section(self, entity: Entity) -> str:
        nodes = self._nodes(entity, _p(ORG, "Membership"))
        if not nodes:
            return ""
        kind = entity.ref.kind
        columns = {
            "person": ("organ", "role"),
            "organ": ("person", "role"),
            "post": ("person", "organ"),
        }
        cols = columns.get(kind, ("person", "organ"))
        rows = []
        for node, props, graphs in nodes:
            member = props.get(_p(ORG, "member"), [""])[0]
            organ = props.get(_p(ORG, "organization"), [""])[0]
            role = props.get(_p(ORG, "role"), [""])[0]
            status = self._notation(props.get(_p(KWP, "status"), [None])[0])
            cells = {
                "person": self.term(member),
                "organ": self.term(organ),
                "role": self.term(role),
            }
            post = props.get(_p(KWP, "post"))
            if post and kind != "post":
                cells["role"] += f" ({self.term(post[0])})"
            dates = {
                "from": ", ".join(self.term(v) for v in props.get(_p(SCHEMA, "validFrom"), [])),
                "until": ", ".join(self.term(v) for v in props.get(_p(SCHEMA, "validThrough"), [])),
                "as of": ", ".join(self.term(v) for v in props.get(_p(KWP, "asOf"), [])),
            }
            note = props.get(_p(SKOS, "note"))
            note_html = f" <span class=note>{self.term(note[0])}</span>" if note else ""
            rows.append(
                (
                    cells[cols[0]],
                    f'<tr class="membership" data-status="{esc(status)}" '
                    f'data-membership="{esc(node[1:-1])}">'
                    f"<td>{cells[cols[0]]}</td><td>{cells[cols[1]]}</td>"
                    f'<td><span class="status status-{esc(status)}">{esc(status)}</span></td>'
                    f"<td>{dates['from']}</td><td>{dates['until']}</td><td>{dates['as of']}</td>"
                    f"<td>{self.source_links(graphs, props.get(DERIVED, []))}"
                    f"{note_html}</td></tr>",
                )
            )
        rows.sort(key=lambda r: r[1])
        head = "".join(
            f"<th>{c}</th>" for c in (*cols, "status", "from", "until", "as of", "sources")
        )
        return (
            '<section id="memberships"><h2>Memberships</h2>\n<table class="memberships"><thead><tr>'
            f"{head}</tr></thead><tbody>\n"
            + "\n".join(r[1] for r in rows)
            + "\n</tbody></table></section>\n"
        )

    def claims_section(self, entity: Entity) -> str:
        parts = []
        specs = [
            ("renamings", "Renamings", _p(KWP, "Renaming"),
             [("renamed by", "renamedBy"), ("former name", "previousName"), ("new name", "newName"),
              ("date", "startDate")]),
            ("participations", "Participants", _p(KWP, "Participation"),
             [("participant", "participant"), ("role", "participantRole")]),
            ("rules", "Rules adopted", _p(KWP, "Rule"),
             [("rule", "ruleText"), ("applies to", "appliesTo"), ("adopted by", "adoptedBy"),
              ("date", "startDate")]),
            ("quotations", "Quotations", _p(SCHEMA, "Quotation"),
             [("text", "text"), ("speaker", "creator"), ("from", "isBasedOn"),
              ("quoted in", "isPartOf")]),
        ]  # fmt: skip
        for key, title, cls, fields in specs:
            nodes = self._nodes(entity, cls)
            if not nodes:
                continue
            rows = []
            for _node, props, graphs in nodes:
                cells = []
                for _, local in fields:
                    ns = (
                        SCHEMA
                        if local in ("startDate", "text", "creator", "isBasedOn", "isPartOf")
                        else KWP
                    )
                    cells.append(", ".join(self.term(v) for v in props.get(_p(ns, local), [])))
                sources = self.source_links(
                    [g for g in graphs if self.data.graph_source(g)], props.get(DERIVED, [])
                )
                rows.append(
                    "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + f"<td>{sources}</td></tr>"
                )
            head = "".join(f"<th>{esc(label)}</th>" for label, _ in fields)
            parts.append(
                f'<section id="{key}"><h2>{title}</h2>\n<table class="{key}"><thead><tr>{head}'
                "<th>sources</th></tr></thead><tbody>\n"
                + "\n".join(rows)
                + "\n</tbody></table></section>\n"
            )
        return "".join(parts)

    def links_section(self, entity: Entity) -> str:
        same = entity.values(SAME_AS)
        if not same:
            return ""
        items = "".join(
            f"<li>{self.term(o)} <code>owl:sameAs &lt;{esc(o[1:-1])}&gt;</code></li>" for o in same
        )
        return f'<section id="links"><h2>Links</h2><ul class="same-as">{items}</ul></section>\n'

    def inbound_section(self, entity: Entity) -> str:
        grouped: dict[str, list[str]] = {}
        for p, source in entity.inbound:
            grouped.setdefault(self.plabel(p, inverse=True), []).append(source)
        if not grouped:
            return ""
        items = []
        for label, sources in sorted(grouped.items()):
            links = ", ".join(
                self.term(s) for s in sorted(set(sources), key=lambda s: (self._label(s), s))
            )
            items.append(f"<dt>{esc(label)}</dt><dd>{links}</dd>")
        return (
            '<section id="inbound"><h2>Linked from</h2><dl class="inbound">'
            + "".join(items)
            + "</dl></section>\n"
        )

    def _label(self, term: str) -> str:
        entity = self.data.page_of(term)
        return entity.label if entity else term

    def supports_section(self, entity: Entity) -> str:
        found = self.supports.get(entity.term, [])
        if not found:
            return ""
        claims: dict[str, set[str]] = {}
        for owner, node in found:
            if node == owner.term:
                what = "records that cite it"
            else:
                types = {o for p, o, _ in owner.triples.get(node, []) if p == T}
                what = next(
                    (
                        word
                        for cls, word in (
                            (_p(ORG, "Membership"), "memberships"),
                            (_p(KWP, "Participation"), "participations"),
                            (_p(KWP, "Renaming"), "renamings"),
                            (_p(KWP, "Rule"), "rules"),
                            (_p(SKOSXL, "Label"), "names it attests"),
                        )
                        if cls in types
                    ),
                    "other claims",
                )
            label = self._claim_label(owner, node)
            claims.setdefault(what, set()).add(label)
        items = "".join(
            f"<dt>{esc(what)}</dt><dd><ul>"
            + "".join(f"<li>{c}</li>" for c in sorted(labels))
            + "</ul></dd>"
            for what, labels in sorted(claims.items())
        )
        return (
            '<section id="supports"><h2>What this source states</h2>'
            f'<dl class="supports">{items}</dl></section>\n'
        )

    def _claim_label(self, owner: Entity, node: str) -> str:
        if node == owner.term:
            return self.entity_link(owner)
        rows = owner.triples.get(node, [])
        for p, o, _ in rows:
            if p == _p(RDFS, "label"):
                return f"{self.term(o)} ({self.entity_link(owner)})"
        for p, o, _ in rows:
            if p == _p(SKOSXL, "literalForm"):
                return f"{self.term(o)} — a name of {self.entity_link(owner)}"
        return f"{self.entity_link(owner)}: <code>{esc(self.compact(node[1:-1]))}</code>"

    # -- pages ----------------------------------------------------------------------------
    def entity_page(self, entity: Entity, charts: list[tuple[str, str, str]]) -> str:
        """``charts``: (section id, heading, inline SVG) in page order."""
        ref = entity.ref
        native = " ".join(n for n in (entity.ko, entity.hanja) if n)
        heading = esc(entity.label) + (
            f' <span class="native" lang="ko">{esc(native)}</span>' if native else ""
        )
        kind_title = KIND_TITLES[ref.kind][0]
        types = ", ".join(
            self.term(o)
            if o in self.data.concepts
            else f"<code>{esc(self.compact(o[1:-1]))}</code>"
            for o in entity.values(T)
        )
        description = next(
            (term_value(o) for p, o, _ in entity.own() if p == _p(SCHEMA, "description")), None
        )
        if ref.kind == "article":
            headline = entity.values(_p(SCHEMA, "headline"))
            if headline:
                heading = self.term(headline[0])
        record_sources = self.source_links((), entity.values(DERIVED))
        intro = (
            f'<p class="kind"><span class="badge kind-{ref.kind}">{kind_title}</span> {types}</p>\n'
            f'<p class="iri">IRI: <code>{esc(ref.iri)}</code></p>\n'
        )
        if description:
            intro += f'<p class="description">{esc(description)}</p>\n'
        if record_sources:
            intro += f'<p class="record-sources">Sources of this record: {record_sources}</p>\n'
        chart_html = "".join(
            f'<section id="{cid}" class="chart"><h2>{esc(title)}</h2>'
            f'<div class="chart-frame">{svg}</div>'
            f'<p class="chart-files"><a href="../charts/{ref.kind}/{esc(ref.id)}.{cid}.svg">'
            "SVG</a></p>"
            "</section>\n"
            for cid, title, svg in charts
        )
        body = (
            f'<article class="entity" data-kind="{ref.kind}" data-iri="{esc(ref.iri)}">\n'
            f"<h1>{heading}</h1>\n{intro}"
            + self.names_section(entity)
            + self.facts_section(entity)
            + self.memberships_section(entity)
            + chart_html
            + self.claims_section(entity)
            + self.supports_section(entity)
            + self.links_section(entity)
            + self.inbound_section(entity)
            + '<section id="data"><h2>Data</h2><p>This page as RDF: '
            f'<a href="{esc(ref.id)}.ttl" type="text/turtle">Turtle</a> · '
            f'<a href="{esc(ref.id)}.jsonld" type="application/ld+json">JSON-LD</a>. '
            "A server set up for content negotiation serves them at the IRI itself.</p></section>\n"
            "</article>\n"
        )
        return page(
            title=entity.label,
            body=body,
            root="../",
            site_title=self.site_title,
            alternates=[
                ("text/turtle", f"{ref.id}.ttl"),
                ("application/ld+json", f"{ref.id}.jsonld"),
            ],
            description=description,
        )

    def index_page(self, structure_svg: str | None, description: str | None, counts: str) -> str:
        lists = []
        by_kind: dict[str, list[Entity]] = {}
        for entity in self.data.entities.values():
            by_kind.setdefault(entity.ref.kind, []).append(entity)
        for kind, (_, plural) in KIND_TITLES.items():
            members = sorted(by_kind.get(kind, []), key=lambda e: (e.label.casefold(), e.ref.iri))
            if not members:
                continue
            items = "".join(
                f'<li data-iri="{esc(e.ref.iri)}">{self.entity_link(e, "")}</li>' for e in members
            )
            lists.append(
                f'<section class="kind-list" id="list-{kind}"><h2>{plural} ({len(members)})</h2>'
                f'<ul class="entities">{items}</ul></section>'
            )
        structure = (
            '<section id="structure" class="chart"><h2>Organization</h2>'
            f'<div class="chart-frame">{structure_svg}</div>'
            '<p class="chart-files"><a href="charts/structure.svg">SVG</a></p></section>\n'
            if structure_svg
            else ""
        )
        body = (
            f"<h1>{esc(self.site_title)}</h1>\n"
            + (f'<p class="description">{esc(description)}</p>\n' if description else "")
            + f'<p class="counts">{esc(counts)}</p>\n'
            + '<section id="search"><h2>Find a name</h2>'
            "<p>Any spelling: English, Hangul, Hanja, McCune-Reischauer with or without breves, "
            "Revised Romanization, the DPRK's own.</p>"
            '<input id="search-box" type="search" autocomplete="off" '
            'placeholder="Jang Song Thaek, 장성택, Chang Song-taek ..." aria-label="Find a name">'
            '<ol id="search-results" aria-live="polite"></ol></section>\n'
            + structure
            + "".join(lists)
            + '\n<script src="assets/search-index.js"></script>\n'
            '<script src="assets/search.js"></script>\n'
        )
        return page(
            title="Index", body=body, root="", site_title=self.site_title, description=description
        )


def _rank(value: str, order: tuple[str, ...]) -> int:
    return order.index(value) if value in order else len(order)
