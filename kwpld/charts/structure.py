"""``kwpld chart structure``: the organ hierarchy as a tree, from the party down.

Each organ is a box (English and Hangul names, its kind, how many memberships and posts the
graph records for it), coloured by family: the party, its central organs, its local and
basic organizations (party committees, party cells), media. Children are ordered by name
and laid out as a tidy tree; edges follow ``org:subOrganizationOf``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import InputError
from ..vocab import vocabularies
from .common import (
    Chart,
    Linker,
    derived_class,
    draw_footer,
    draw_sources,
    link_close,
    link_open,
)
from .facts import Facts
from .graph import ChartGraph
from .svg import INK, MUTED, Svg, fit, num, text_width, wrap

__all__ = ["structure_chart", "FAMILIES"]

NODE_W = 196
H_GAP = 18
V_GAP = 46
MARGIN = 24

FAMILIES: dict[str, tuple[str, tuple[str, ...], str, str]] = {
    # family: (legend text, organ kinds, fill, stroke)
    "party": ("the party as a whole", ("party",), "#1d4f7c", "#163b5c"),
    "central": (
        "central organs (congress, Central Committee and its bodies)",
        (
            "party-congress",
            "party-conference",
            "central-committee",
            "political-bureau",
            "presidium",
            "secretariat",
            "commission",
            "department",
        ),
        "#dbe9f6",
        "#1d4f7c",
    ),
    "local": ("local organizations (party committees)", ("party-committee",), "#e3f1e6", "#2f6f4f"),
    "basic": ("basic organizations (party cells)", ("party-cell",), "#fff4cc", "#8f6b00"),
    "media": (
        "media",
        ("state-media", "news-agency", "newspaper", "media-outlet"),
        "#eeeeee",
        "#6e7781",
    ),
    "other": (
        "other organs",
        ("state-organ", "military", "mass-organization"),
        "#f3e8f8",
        "#6b2c84",
    ),
}
_FAMILY_OF = {kind: family for family, (_, kinds, _, _) in FAMILIES.items() for kind in kinds}


@dataclass
class _Node:
    iri: str
    kind: str
    lines: list[str]
    ko: list[str]
    detail: str
    posts: list[str]
    children: list[_Node] = field(default_factory=list)
    width: float = 0  # of the subtree
    height: float = 0  # of the box
    x: float = 0
    y: float = 0
    level: int = 0
    ko_derived: bool = False
    """The Hangul name is derived (printed in no source): drawn marked."""


def structure_chart(
    graph: ChartGraph,
    organ: str | None = None,
    *,
    depth: int | None = None,
    link: Linker | None = None,
    id_prefix: str = "structure-",
    facts: Facts | None = None,
) -> Chart:
    """Draw the organ tree below ``organ`` (default: every party without a parent)."""
    facts = facts or Facts(graph)
    if depth is not None and depth < 0:
        raise InputError("--depth must be 0 or more")
    roots = _roots(graph, facts, organ)
    builder = _TreeBuilder(facts, _counts(graph), depth)
    trees = [builder.build(root, 0, {root}) for root in roots]
    svg = Svg(id_prefix)
    title = _title(facts, roots, organ)
    y: float = MARGIN
    svg.text(MARGIN, y + 20, title, 20, bold=True, class_="chart-title")
    y += 28
    root_names = facts.name(roots[0]) if len(roots) == 1 else None
    sub = root_names.shown("ko") if root_names else None
    if root_names and sub:
        subtitle = derived_class(svg, root_names, "chart-subtitle", "ko")
        svg.text(MARGIN, y + 14, sub, 15, fill=MUTED, lang="ko", class_=subtitle)
        y += 22
    layout = _Layout(trees, y + 16)
    all_nodes = [node for tree in trees for node in _flatten(tree)]
    _draw_edges(svg, all_nodes, layout.level_y)
    families_used: dict[str, int] = {}
    for node in all_nodes:
        family = _draw_node(svg, node, facts.organs[node.iri].parent, link)
        families_used[family] = families_used.get(family, 0) + 1
    inner = layout.width - 2 * MARGIN
    y = _draw_legend(svg, layout.bottom + 24, inner, families_used)
    drawn = {n.iri for n in all_nodes}
    sources = facts.sources(
        {
            row["source"].value
            for row in graph.select("organ-sources")
            if row["organ"].value in drawn
        }
    )
    y += draw_sources(svg, MARGIN, y, inner, sources, facts, link)
    y += 8
    y += draw_footer(svg, MARGIN, y, inner, facts, f"organ tree of {len(all_nodes)} organs")
    height = y + MARGIN - 8
    summary = {
        "roots": roots,
        "organs": [n.iri for n in all_nodes],
        "edges": [(n.iri, c.iri) for n in all_nodes for c in n.children],
        "families": dict(sorted(families_used.items())),
        "sources": [s.iri for s in sources],
    }
    desc = f"{len(all_nodes)} organs in {len(layout.level_y)} levels"
    return Chart(
        "structure",
        title,
        svg.render(layout.width, height, title, desc),
        layout.width,
        height,
        summary,
    )


def _roots(graph: ChartGraph, facts: Facts, organ: str | None) -> list[str]:
    """The organ named, or every party without a parent (every top organ if none is a party)."""
    if organ is not None:
        return [graph.resolve(organ, ("organ",)).iri]
    tops = [o for o in facts.organs.values() if o.parent is None or o.parent not in facts.organs]
    roots = [o.iri for o in tops if o.kind == "party"] or [o.iri for o in tops]
    roots.sort(key=facts.sort_name)
    if not roots:
        raise InputError(f"{graph.location} records no organs to draw")
    return roots


def _counts(graph: ChartGraph) -> dict[str, tuple[int, int]]:
    """Organ IRI -> (memberships, posts) the graph records for it."""
    return {
        row["organ"].value: (
            int(row["memberships"].value) if "memberships" in row else 0,
            int(row["posts"].value) if "posts" in row else 0,
        )
        for row in graph.select("membership-counts")
    }


def _title(facts: Facts, roots: list[str], organ: str | None) -> str:
    if len(roots) > 1:
        return "Organization of the parties"
    if organ is None:
        return f"Organization of the {facts.name(roots[0]).en}"
    return f"Structure of {facts.name(roots[0]).en}"


class _TreeBuilder:
    """Builds the tree of boxes: each organ's text lines and box height, its children below."""

    def __init__(self, facts: Facts, counts: dict[str, tuple[int, int]], depth: int | None) -> None:
        self.facts = facts
        self.counts = counts
        self.depth = depth
        self.kind_labels = vocabularies()["organ-kind"]

    def build(self, iri: str, level: int, seen: set[str]) -> _Node:
        facts = self.facts
        info = facts.organs[iri]
        names = facts.name(iri)
        memberships, _ = self.counts.get(iri, (0, 0))
        kinds = self.kind_labels
        bits = [kinds[info.kind].label if info.kind in kinds else info.kind]
        if memberships:
            bits.append(f"{memberships} membership{'s' if memberships != 1 else ''}")
        lines = wrap(names.en, NODE_W - 16, 12.5, True)
        if len(lines) > 4:
            lines = lines[:3] + [fit(" ".join(lines[3:]), NODE_W - 16, 12.5, True)]
        shown = names.shown("ko")
        ko = wrap(shown, NODE_W - 16, 12) if shown else []
        if len(ko) > 2:
            ko = ko[:1] + [fit(" ".join(ko[1:]), NODE_W - 16, 12)]
        post_lines = [
            fit(f"post: {facts.name(post).en}", NODE_W - 16, 10.5)
            for post in sorted(p for p, (o, _) in facts.posts.items() if o == iri)
        ]
        if len(post_lines) > 2:
            post_lines = post_lines[:1] + [f"and {len(post_lines) - 1} more posts"]
        node = _Node(iri, info.kind, lines, ko, " · ".join(bits), post_lines, level=level)
        node.ko_derived = "ko" in names.derived
        node.height = 14 + 17 * len(lines) + 16 * len(ko) + 14 * len(post_lines) + 18
        if self.depth is None or level < self.depth:
            for child in facts.children.get(iri, []):
                if child not in seen:
                    node.children.append(self.build(child, level + 1, seen | {child}))
        return node


class _Layout:
    """A tidy tree: subtree widths first, then positions; each level as tall as its tallest
    box. Sets every node's x and y; ``level_y`` is the top of each level, ``bottom`` the
    bottom of the last, ``width`` the chart's."""

    def __init__(self, trees: list[_Node], top: float) -> None:
        heights: dict[int, float] = {}
        for tree in trees:
            self._measure(tree)
            for node in _flatten(tree):
                heights[node.level] = max(heights.get(node.level, 0), node.height)
        self.level_y: dict[int, float] = {}
        at = top
        for level in sorted(heights):
            self.level_y[level] = at
            at += heights[level] + V_GAP
        self.bottom = at - V_GAP
        left: float = MARGIN
        for tree in trees:
            self._position(tree, left)
            left += tree.width + H_GAP * 2
        self.width = max(left - H_GAP * 2 + MARGIN, 760)

    def _measure(self, node: _Node) -> float:
        kids = sum(self._measure(c) for c in node.children)
        node.width = max(NODE_W, kids + H_GAP * max(0, len(node.children) - 1))
        return node.width

    def _position(self, node: _Node, left: float) -> None:
        node.y = self.level_y[node.level]
        if not node.children:
            node.x = left + (node.width - NODE_W) / 2
            return
        kids = sum(c.width for c in node.children) + H_GAP * (len(node.children) - 1)
        cursor = left + (node.width - kids) / 2
        for child in node.children:
            self._position(child, cursor)
            cursor += child.width + H_GAP
        node.x = (node.children[0].x + node.children[-1].x) / 2


def _flatten(node: _Node) -> list[_Node]:
    """The node and its descendants, depth first (the drawing order)."""
    found = [node]
    for child in node.children:
        found.extend(_flatten(child))
    return found


def _draw_edges(svg: Svg, nodes: list[_Node], level_y: dict[int, float]) -> None:
    with svg.group("g", class_="edges"):
        for node in nodes:
            if not node.children:
                continue
            px = node.x + NODE_W / 2
            py = node.y + node.height
            mid = level_y[node.level + 1] - V_GAP / 2
            for child in node.children:
                cx = child.x + NODE_W / 2
                svg.add(
                    "path",
                    class_="edge",
                    data_from=node.iri,
                    data_to=child.iri,
                    d=f"M{num(px)} {num(py)} V{num(mid)} H{num(cx)} V{num(child.y)}",
                    fill="none",
                    stroke=MUTED,
                    stroke_width=1.5,
                )


def _draw_node(svg: Svg, node: _Node, parent: str | None, link: Linker | None) -> str:
    """An organ's box, linked to its page; returns its family (for the legend)."""
    family = _FAMILY_OF.get(node.kind, "other")
    _, _, fill, stroke = FAMILIES[family]
    dark = family == "party"
    ink = "#ffffff" if dark else INK
    opened = link_open(svg, link, node.iri)
    with svg.group(
        "g",
        class_=f"organ-node family-{family}",
        data_organ=node.iri,
        data_kind=node.kind,
        data_level=node.level,
        data_parent=parent,
    ):
        svg.add(
            "rect",
            x=node.x,
            y=node.y,
            width=NODE_W,
            height=node.height,
            rx=7,
            fill=fill,
            stroke=stroke,
            stroke_width=1.6,
        )
        ty = node.y + 8
        for line in node.lines:
            ty += 17
            svg.text(node.x + 8, ty, line, 12.5, bold=True, fill=ink, class_="organ-name")
        organ_ko = "organ-ko"
        if node.ko_derived:
            svg.notes.add("derived")
            organ_ko += " derived"
        for line in node.ko:
            ty += 16
            svg.text(node.x + 8, ty, line, 12, fill=ink, lang="ko", class_=organ_ko)
        for line in node.posts:
            ty += 14
            svg.text(node.x + 8, ty, line, 10.5, fill=ink, class_="organ-post")
        svg.text(
            node.x + 8,
            node.y + node.height - 9,
            fit(node.detail, NODE_W - 16, 10.5),
            10.5,
            fill="#dbe9f6" if dark else MUTED,
            class_="organ-detail",
        )
    link_close(svg, opened)
    return family


def _draw_legend(svg: Svg, y: float, inner: float, families_used: dict[str, int]) -> float:
    """The families drawn, in their order, wrapped to the chart's width; returns the y below."""
    with svg.group("g", class_="legend"):
        svg.text(MARGIN, y + 14, "Legend", 13, bold=True)
        x: float = MARGIN
        ly = y + 24
        for family, (text, _, fill, stroke) in FAMILIES.items():
            if family not in families_used:
                continue
            item_w = 30 + text_width(text, 12) + 24
            if x + item_w > MARGIN + inner and x > MARGIN:
                x, ly = MARGIN, ly + 22
            with svg.group("g", class_="legend-item", data_key=family):
                svg.add("rect", x=x, y=ly + 2, width=22, height=14, rx=3, fill=fill, stroke=stroke)
                svg.text(x + 30, ly + 14, text, 12)
            x += item_w
    return ly + 30
