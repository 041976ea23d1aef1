"""``kwpld chart composition``: who sat in an organ as of a date, grouped by body and role.

The organ is drawn as a frame; its sub-organs (the Presidium inside the Political Bureau)
are frames inside it, drawn first; then the organ's own members by role (leaders, members,
alternate members). Each person is a card whose fill, border and marker show the status of
the claim (confirmed, reported, projected); a "?" badge marks a membership whose dates may
not cover the as-of date (see :mod:`kwpld.charts.temporal`). Sources are numbered under the
chart, with the caption, credit and date of each graphic or article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..dates import PartialDate, parse_date
from ..errors import InputError
from .common import (
    Chart,
    Linker,
    derived_class,
    draw_footer,
    draw_legend,
    draw_sources,
    human_date,
    link_close,
    link_open,
)
from .facts import STATUS_ORDER, Facts, MembershipInfo, role_label, role_order
from .graph import ChartGraph
from .svg import (
    INK,
    MUTED,
    RULE,
    STATUS_STYLE,
    Svg,
    fit,
    num,
    status_fill,
    status_marker,
    text_width,
    uncertain_marker,
    wrap,
)
from .temporal import InForce, Placement, place

__all__ = ["composition_chart", "Seat", "Composition", "compose"]

WIDTH = 980
MARGIN = 24
CARD_W = 214
CARD_GAP = 10
PAD = 14

_GROUP_TITLES = {
    "member": "Members",
    "alternate-member": "Alternate members",
    "chairman": "Chairman",
    "vice-chairman": "Vice-chairmen",
    "general-secretary": "General Secretary",
    "first-secretary": "First Secretary",
    "secretary": "Secretaries",
    "director": "Directors",
    "first-vice-director": "First vice-directors",
    "vice-director": "Vice-directors",
    "editor-in-chief": "Editor-in-chief",
    "analyst": "Analysts",
}


@dataclass
class Seat:
    """One person in one role of one organ as of the date: the claims that put them there."""

    person: str
    organ: str
    role: str
    status: str
    uncertain: bool
    notes: tuple[str, ...]
    sources: tuple[str, ...]
    claims: tuple[str, ...]


@dataclass
class Composition:
    """The seats of an organ and its sub-organs as of a date, before drawing."""

    organ: str
    as_of: PartialDate
    organs: list[str]  # the organ, then its sub-organs depth first
    seats: dict[str, dict[str, list[Seat]]] = field(default_factory=dict)  # organ -> role -> seats
    excluded: int = 0  # claims on these organs not in force at the date


def _merge(
    person: str, organ: str, role: str, claims: list[tuple[MembershipInfo, Placement]]
) -> Seat:
    """Several claims of one seat (two sources, say): the surest status, all sources."""
    sure = [(m, p) for m, p in claims if p.state == InForce.YES]
    chosen = sure or claims
    status = min((m.status for m, _ in chosen), key=_status_rank)
    notes = sorted({n for m, p in chosen if m.status == status for n in p.notes})
    return Seat(
        person=person,
        organ=organ,
        role=role,
        status=status,
        uncertain=not sure,
        notes=tuple(notes),
        sources=tuple(sorted({s for m, _ in claims for s in m.sources})),
        claims=tuple(sorted(m.iri for m, _ in claims)),
    )


def _status_rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)


def compose(facts: Facts, organ: str, as_of: PartialDate, depth: int | None = None) -> Composition:
    """Who sat where in ``organ`` (and its sub-organs, to ``depth`` levels) as of ``as_of``."""
    organs = [organ]
    levels = {organ: 0}
    for child in facts.descendants(organ):
        parent = facts.organs[child].parent
        level = levels.get(parent or "", 0) + 1
        if depth is None or level <= depth:
            levels[child] = level
            organs.append(child)
    result = Composition(organ, as_of, organs)
    for body in organs:
        by_seat: dict[tuple[str, str], list[tuple[MembershipInfo, Placement]]] = {}
        for membership in facts.memberships(organ=body):
            placement = place(as_of, membership.start, membership.end, membership.as_of)
            if placement.state == InForce.NO:
                result.excluded += 1
                continue
            by_seat.setdefault((membership.role, membership.person), []).append(
                (membership, placement)
            )
        roles: dict[str, list[Seat]] = {}
        for (role, person), claims in by_seat.items():
            roles.setdefault(role, []).append(_merge(person, body, role, claims))
        result.seats[body] = {
            role: sorted(
                seats,
                key=lambda s: (_status_rank(s.status), s.uncertain, facts.sort_name(s.person)),
            )
            for role, seats in sorted(roles.items(), key=lambda kv: role_order(kv[0]))
        }
    return result


def composition_chart(
    graph: ChartGraph,
    organ: str,
    as_of: str | PartialDate,
    *,
    depth: int | None = None,
    link: Linker | None = None,
    id_prefix: str = "composition-",
    facts: Facts | None = None,
) -> Chart:
    """Draw the composition of ``organ`` (record id, prefixed name or IRI) as of a date."""
    facts = facts or Facts(graph)
    entity = graph.resolve(organ, ("organ",))
    if isinstance(as_of, str):
        try:
            as_of = parse_date(as_of)
        except ValueError as exc:
            raise InputError(f"--as-of {as_of!r}: {exc}") from None
    if depth is not None and depth < 0:
        raise InputError("--depth must be 0 or more")
    comp = compose(facts, entity.iri, as_of, depth)
    return _Drawer(facts, comp, link, id_prefix).draw()


class _Drawer:
    def __init__(self, facts: Facts, comp: Composition, link: Linker | None, prefix: str) -> None:
        self.facts = facts
        self.comp = comp
        self.link = link
        self.svg = Svg(prefix)
        self.numbers: dict[str, int] = {}
        self.counts = {status: 0 for status in STATUS_ORDER}
        self.uncertain = 0

    def draw(self) -> Chart:
        facts, comp, svg = self.facts, self.comp, self.svg
        names = facts.name(comp.organ)
        sources = facts.sources(
            {
                s
                for body in comp.seats.values()
                for seats in body.values()
                for seat in seats
                for s in seat.sources
            }
        )
        self.numbers = {s.iri: i for i, s in enumerate(sources, 1)}
        title = f"{names.en} as of {human_date(comp.as_of)}"
        y: float = MARGIN
        inner = WIDTH - 2 * MARGIN
        for line in wrap(title, inner, 20, True):
            svg.text(MARGIN, y + 20, line, 20, bold=True, class_="chart-title")
            y += 26
        sub = names.native
        if sub:
            subtitle = derived_class(svg, names, "chart-subtitle")
            svg.text(MARGIN, y + 16, sub, 15, fill=MUTED, lang="ko", class_=subtitle)
            y += 22
        y += 12
        y += self.organ_frame(comp.organ, MARGIN, y, inner, 0)
        y += 18
        y += draw_legend(svg, MARGIN, y, inner, self.counts, uncertain=self.uncertain)
        if comp.excluded:
            svg.text(
                MARGIN,
                y + 10,
                f"{comp.excluded} recorded membership{'s' if comp.excluded != 1 else ''} of "
                f"these organs {'are' if comp.excluded != 1 else 'is'} not in force as of "
                f"{comp.as_of.iso} and not drawn.",
                11,
                fill=MUTED,
                class_="excluded-note",
            )
            y += 20
        y += 10
        y += draw_sources(svg, MARGIN, y, inner, sources, facts, self.link)
        y += 8
        y += draw_footer(
            svg, MARGIN, y, inner, facts, f"composition of {names.en} as of {comp.as_of.iso}"
        )
        height = y + MARGIN - 8
        seats = [s for body in comp.seats.values() for seats in body.values() for s in seats]
        summary = {
            "organ": comp.organ,
            "as_of": comp.as_of.iso,
            "organs": list(comp.organs),
            "seats": len(seats),
            "statuses": dict(self.counts),
            "uncertain": self.uncertain,
            "not_in_force": comp.excluded,
            "sources": [s.iri for s in sources],
        }
        desc = (
            f"{len(seats)} seats as of {comp.as_of.iso}: "
            + ", ".join(f"{n} {k}" for k, n in self.counts.items())
            + (f"; {self.uncertain} with uncertain dates" if self.uncertain else "")
        )
        return Chart(
            "composition", title, svg.render(WIDTH, height, title, desc), WIDTH, height, summary
        )

    def organ_frame(self, organ: str, x: float, y: float, width: float, level: int) -> float:
        """Draw one organ's frame with its sub-organs and role groups; return its height."""
        svg, facts = self.svg, self.facts
        names = facts.name(organ)
        svg.raw(f'<g class="organ" data-organ="{organ}" data-level="{level}">')
        frame_at = len(svg.parts)
        cy = y + PAD
        opened = link_open(svg, self.link if level else None, organ)
        title_size = 16 if level == 0 else 14
        for line in wrap(names.en, width - 2 * PAD, title_size, True):
            svg.text(x + PAD, cy + title_size, line, title_size, bold=True, class_="organ-title")
            cy += title_size + 6
        ko = names.shown("ko")
        if ko:
            organ_ko = derived_class(svg, names, "organ-ko", "ko")
            svg.text(x + PAD, cy + 12, ko, 12.5, fill=MUTED, lang="ko", class_=organ_ko)
            cy += 18
        link_close(svg, opened)
        cy += 6
        for child in (o for o in self.comp.organs if facts.organs[o].parent == organ):
            cy += self.organ_frame(child, x + PAD, cy, width - 2 * PAD, level + 1) + 10
        groups = self.comp.seats.get(organ, {})
        if not groups:
            svg.text(
                x + PAD,
                cy + 12,
                f"No membership recorded in force as of {self.comp.as_of.iso}.",
                12,
                fill=MUTED,
                class_="empty-note",
            )
            cy += 22
        for role, seats in groups.items():
            cy += self.group(organ, role, seats, x + PAD, cy, width - 2 * PAD)
        height = cy - y + PAD - 6
        fill = "#f6f8fa" if level % 2 == 0 else "#ffffff"
        svg.parts.insert(
            frame_at,
            f'<rect class="organ-frame" x="{num(x)}" y="{num(y)}" width="{num(width)}" '
            f'height="{num(height)}" rx="8" fill="{fill}" stroke="{RULE if level else INK}" '
            f'stroke-width="{1.5 if level else 2}"/>',
        )
        svg.raw("</g>")
        return height

    def group(
        self, organ: str, role: str, seats: list[Seat], x: float, y: float, width: float
    ) -> float:
        svg = self.svg
        title = f"{_GROUP_TITLES.get(role, role_label(role).capitalize())} ({len(seats)})"
        columns = max(1, int((width + CARD_GAP) // (CARD_W + CARD_GAP)))
        note_lines = max((len(self.note_lines(s)) for s in seats), default=0)
        card_h = 46 + 13 * note_lines + (3 if note_lines else 0)
        with svg.group("g", class_="group", data_organ=organ, data_role=role):
            svg.text(x, y + 13, title, 13, bold=True, fill=INK, class_="group-title")
            svg.add("line", x1=x, y1=y + 19, x2=x + width, y2=y + 19, stroke=RULE, stroke_width=1)
            top = y + 26
            for i, seat in enumerate(seats):
                cx = x + (i % columns) * (CARD_W + CARD_GAP)
                cy = top + (i // columns) * (card_h + CARD_GAP)
                self.card(seat, cx, cy, card_h)
        rows = (len(seats) + columns - 1) // columns
        return 26 + rows * (card_h + CARD_GAP) + 6

    def card(self, seat: Seat, x: float, y: float, h: float) -> None:
        svg, facts = self.svg, self.facts
        style = STATUS_STYLE[seat.status]
        self.counts[seat.status] = self.counts.get(seat.status, 0) + 1
        self.uncertain += seat.uncertain
        names = facts.name(seat.person)
        refs = " ".join(f"[{self.numbers[s]}]" for s in seat.sources if s in self.numbers)
        opened = link_open(svg, self.link, seat.person)
        with svg.group(
            "g",
            class_=f"seat status-{seat.status}" + (" date-uncertain" if seat.uncertain else ""),
            data_person=seat.person,
            data_role=seat.role,
            data_status=seat.status,
            data_uncertain="true" if seat.uncertain else None,
            data_sources=" ".join(str(self.numbers[s]) for s in seat.sources if s in self.numbers),
            data_claims=" ".join(seat.claims),
        ):
            svg.add(
                "rect",
                x=x,
                y=y,
                width=CARD_W,
                height=h,
                rx=6,
                fill=status_fill(svg, seat.status),
                stroke=style["stroke"],
                stroke_width=1.8,
                stroke_dasharray=style["dash"],
            )
            status_marker(svg, x + 13, y + 16, seat.status)
            right = 10 + (text_width(refs, 10) + 4 if refs else 0) + (18 if seat.uncertain else 0)
            svg.text(
                x + 25,
                y + 20,
                fit(names.en, CARD_W - 25 - right, 13, True),
                13,
                bold=True,
                class_="person-name",
            )
            if refs:
                svg.text(x + CARD_W - 8, y + 16, refs, 10, fill=MUTED, anchor="end", class_="refs")
            if seat.uncertain:
                at = x + CARD_W - 14 - (text_width(refs, 10) + 4 if refs else 0)
                uncertain_marker(svg, at, y + 13)
            native = names.native
            if native:
                svg.text(
                    x + 25,
                    y + 37,
                    fit(native, CARD_W - 35, 12.5),
                    12.5,
                    fill=INK,
                    lang="ko",
                    class_=derived_class(svg, names, "person-ko"),
                )
            for i, line in enumerate(self.note_lines(seat)):
                svg.text(x + 25, y + 54 + 13 * i, line, 10.5, fill=MUTED, class_="seat-notes")
        link_close(svg, opened)

    @staticmethod
    def note_lines(seat: Seat) -> list[str]:
        if not seat.notes:
            return []
        lines = wrap("; ".join(seat.notes), CARD_W - 33, 10.5)
        return (
            lines[:1] + [fit(" ".join(lines[1:]), CARD_W - 33, 10.5)] if len(lines) > 1 else lines
        )
