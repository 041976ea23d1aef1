"""``kwpld chart timeline``: who sat in an organ when, or which posts a person held when.

One row per seat (person, organ, role); one bar per membership claim, styled by status.
Partial dates are drawn as what they are: a start known only to the year is a hatched span
over that whole year (the membership began somewhere in it) followed by the solid bar, not
a bar from 1 January; an end known to the month ends in a hatched month. A membership with
no end recorded runs to the edge with an arrow; one stated only "as of" a date is a box over
that date's period. Events linked to the subject are numbered markers on the time axis
(hatched over their period when their date is partial) and listed under the chart.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from ..dates import PartialDate, parse_date
from ..errors import InputError
from .common import (
    EVENT_COLOUR,
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
from .facts import STATUS_ORDER, EventInfo, Facts, MembershipInfo, Names, role_label, role_order
from .graph import ChartGraph
from .svg import INK, MUTED, PAPER, RULE, STATUS_STYLE, Svg, fit, num, status_fill, wrap

__all__ = ["timeline_chart"]

WIDTH = 980
MARGIN = 24
LABEL_W = 270
ROW_H = 34
BAR_H = 16
LINE_H = 15  # between the lines of a row title that needs more than one
_TITLE_LINES = 3
_MONTHS = {4: "Apr", 7: "Jul", 10: "Oct"}


_Key = tuple[object, ...]  # the sort key of a row


@dataclass
class _Row:
    key: _Key
    group: str  # organ IRI (organ timelines) or "" (person timelines)
    title: str
    subtitle: str | None
    link_to: str
    memberships: list[MembershipInfo]


def _parse_bound(value: str | None, option: str) -> PartialDate | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise InputError(f"{option} {value!r}: {exc}") from None


def timeline_chart(
    graph: ChartGraph,
    subject: str,
    *,
    sub_organs: bool = True,
    depth: int | None = None,
    start: str | None = None,
    end: str | None = None,
    link: Linker | None = None,
    id_prefix: str = "timeline-",
    facts: Facts | None = None,
) -> Chart:
    """Draw the timeline of an organ or a person (record id, prefixed name or IRI).

    For an organ, the seats of its sub-organs are included (to ``depth`` levels) unless
    ``sub_organs`` is false.
    """
    facts = facts or Facts(graph)
    if depth is not None and depth < 0:
        raise InputError("--depth must be 0 or more")
    entity = graph.resolve(subject, ("organ", "person"))
    lo_bound = _parse_bound(start, "--from")
    hi_bound = _parse_bound(end, "--to")
    if entity.kind == "organ":
        organs = _organs(facts, entity.iri, depth if sub_organs else 0)
        rows = _organ_rows(facts, organs)
        related = organs + sorted(p for p, (o, _) in facts.posts.items() if o in organs)
    else:
        rows = _person_rows(facts, entity.iri)
        related = [entity.iri]
    rows.sort(key=lambda r: r.key)
    events = facts.events(related)
    return _Drawer(
        facts, entity.iri, entity.kind, rows, events, lo_bound, hi_bound, link, id_prefix
    ).draw()


def _organs(facts: Facts, organ: str, depth: int | None) -> list[str]:
    """The organ and its sub-organs to ``depth`` levels (all if None), parents first."""
    organs = [organ]
    levels = {organ: 0}
    for child in facts.descendants(organ):
        level = levels.get(facts.organs[child].parent or "", 0) + 1
        if depth is None or level <= depth:
            levels[child] = level
            organs.append(child)
    return organs


def _organ_rows(facts: Facts, organs: list[str]) -> list[_Row]:
    """One row per seat (role and person) in each organ, grouped by organ."""
    rows = []
    for organ in organs:
        seats: dict[tuple[str, str], list[MembershipInfo]] = {}
        for m in facts.memberships(organ=organ):
            seats.setdefault((m.role, m.person), []).append(m)
        for (role, person), claims in seats.items():
            names = facts.name(person)
            key = (organs.index(organ), role_order(role), _first(claims), facts.sort_name(person))
            subtitle = " ".join(n for n in (names.shown("ko"), role_label(role)) if n)
            rows.append(_Row(key, organ, names.en, subtitle, person, claims))
    return rows


def _person_rows(facts: Facts, person: str) -> list[_Row]:
    """One row per organ and role (or post) the person held."""
    seats: dict[tuple[str, str], list[MembershipInfo]] = {}
    for m in facts.memberships(person=person):
        seats.setdefault((m.organ, m.role), []).append(m)
    rows = []
    for (organ, role), claims in seats.items():
        post = next((m.post for m in claims if m.post), None)
        role_text = facts.name(post).en if post else role_label(role)
        key = (_first(claims), facts.sort_name(organ), role_order(role))
        rows.append(_Row(key, "", facts.name(organ).en, role_text, organ, claims))
    return rows


def _first(claims: list[MembershipInfo]) -> tuple[bool, int]:
    days = [d.earliest().toordinal() for m in claims for d in (m.start, m.as_of, m.end) if d]
    return (not days, min(days) if days else 0)


class _Drawer:
    def __init__(
        self,
        facts: Facts,
        subject: str,
        kind: str,
        rows: list[_Row],
        events: list[EventInfo],
        lo: PartialDate | None,
        hi: PartialDate | None,
        link: Linker | None,
        prefix: str,
    ) -> None:
        self.facts = facts
        self.subject = subject
        self.kind = kind
        self.rows = rows
        self.events = events
        self.link = link
        self.svg = Svg(prefix)
        self.counts = {s: 0 for s in STATUS_ORDER}
        self.marks: set[str] = set()
        self.d0, self.d1 = self._domain(lo, hi)

    def _domain(self, lo: PartialDate | None, hi: PartialDate | None) -> tuple[int, int]:
        dates = [
            d for r in self.rows for m in r.memberships for d in (m.start, m.end, m.as_of) if d
        ]
        dates += [d for e in self.events for d in (e.date, e.end) if d]
        if dates:
            first = min(d.earliest() for d in dates)
            last = max(d.latest() for d in dates)
        else:
            today = _dt.date(2000, 1, 1)  # no dates at all: an arbitrary but fixed decade
            first, last = today, _dt.date(2009, 12, 31)
        if lo is not None:
            first = lo.earliest()
        if hi is not None:
            last = hi.latest()
        if last < first:
            raise InputError(f"--to {last} is before --from {first}")
        start = _dt.date(first.year, 1, 1)
        # open-ended memberships need room to show that they go on
        open_ended = any(m.start and not m.end for r in self.rows for m in r.memberships)
        stop_year = last.year + (1 if open_ended and hi is None else 0)
        stop = _dt.date(stop_year + 1, 1, 1)
        return start.toordinal(), stop.toordinal()

    def x(self, ordinal: float) -> float:
        left = MARGIN + LABEL_W
        span = WIDTH - MARGIN - left
        clamped = min(max(ordinal, self.d0), self.d1)
        return left + (clamped - self.d0) / (self.d1 - self.d0) * span

    def draw(self) -> Chart:
        facts, svg = self.facts, self.svg
        names = facts.name(self.subject)
        kind_word = "members of" if self.kind == "organ" else "posts held by"
        title = f"Timeline: {kind_word} {names.en}"
        y = self.heading(title, names)
        if any("ko" in facts.name(r.link_to).derived for r in self.rows if r.link_to):
            svg.notes.add("derived")  # a row's subtitle shows a derived Hangul name
        y = self.axis(y)
        top = y + (20 if self.events else 0)
        under = svg.mark()
        bottom = self.rows_from(top)
        with svg.insert_at(under):  # event bands and guides go beneath the bars and their notes
            self.event_guides(top, bottom)
        y = self.event_list(bottom + 10)
        y = self.legend(y + 8)
        sources = facts.sources({s for r in self.rows for m in r.memberships for s in m.sources})
        y += 10
        y += draw_sources(svg, MARGIN, y, WIDTH - 2 * MARGIN, sources, facts, self.link)
        y += 8
        first, last = _dt.date.fromordinal(self.d0).year, _dt.date.fromordinal(self.d1 - 1).year
        span = str(first) if first == last else f"{first}–{last}"
        y += draw_footer(
            svg, MARGIN, y, WIDTH - 2 * MARGIN, facts, f"timeline of {names.en}, {span}"
        )
        height = y + MARGIN - 8
        summary = {
            "subject": self.subject,
            "kind": self.kind,
            "rows": [(r.group, r.link_to, r.title) for r in self.rows],
            "memberships": sum(len(r.memberships) for r in self.rows),
            "events": [e.iri for e in self.events],
            "statuses": dict(self.counts),
            "marks": sorted(self.marks),
            "span": span,
            "sources": [s.iri for s in sources],
        }
        desc = f"{len(self.rows)} rows, {len(self.events)} events, {span}"
        return Chart(
            "timeline", title, svg.render(WIDTH, height, title, desc), WIDTH, height, summary
        )

    def heading(self, title: str, names: Names) -> float:
        """The title (wrapped) and the subject's Korean names; returns the y below them."""
        svg = self.svg
        y: float = MARGIN
        for line in wrap(title, WIDTH - 2 * MARGIN, 20, True):
            svg.text(MARGIN, y + 20, line, 20, bold=True, class_="chart-title")
            y += 26
        sub = names.native
        if sub:
            subtitle = derived_class(svg, names, "chart-subtitle")
            svg.text(MARGIN, y + 14, sub, 15, fill=MUTED, lang="ko", class_=subtitle)
            y += 22
        return y + 14

    def rows_from(self, y: float) -> float:
        """Every row from ``y`` down, under a heading per organ; returns the y below them."""
        svg, facts = self.svg, self.facts
        group = None
        for row in self.rows:
            if self.kind == "organ" and row.group != group:
                group = row.group
                with svg.group("g", class_="row-group", data_organ=group):
                    opened = link_open(svg, self.link if group != self.subject else None, group)
                    svg.text(
                        MARGIN,
                        y + 18,
                        fit(facts.name(group).en, WIDTH - 2 * MARGIN, 13, True),
                        13,
                        bold=True,
                        class_="group-title",
                    )
                    link_close(svg, opened)
                y += 26
            y = self.row(row, y)
        if not self.rows:
            svg.text(MARGIN, y + 18, "No membership recorded.", 12, fill=MUTED, class_="empty-note")
            y += 28
        return y

    def legend(self, y: float) -> float:
        """The status legend, with the marks this chart uses; returns the y below it."""
        extra = [
            (key, key, text)
            for key, text in (
                ("fuzzy", "hatched: date known to the month or year"),
                ("open", "arrow: no end recorded"),
                ("snapshot", "box: stated as of a date only"),
                ("event", "event (numbered, listed above)"),
            )
            if key in self.marks
        ]
        return y + draw_legend(self.svg, MARGIN, y, WIDTH - 2 * MARGIN, self.counts, extra=extra)

    def axis(self, y: float) -> float:
        svg = self.svg
        first = _dt.date.fromordinal(self.d0).year
        last = _dt.date.fromordinal(self.d1 - 1).year
        years = last - first + 1
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if years / s <= 14)
        with svg.group("g", class_="axis"):
            svg.add(
                "line",
                x1=self.x(self.d0),
                y1=y + 22,
                x2=self.x(self.d1),
                y2=y + 22,
                stroke=INK,
                stroke_width=1,
            )
            for year in range(first, last + 2):  # the year after the last closes the axis
                at = _dt.date(year, 1, 1).toordinal()
                tx = self.x(at)
                major = (year - first) % step == 0
                svg.add(
                    "line",
                    x1=tx,
                    y1=y + (14 if major else 18),
                    x2=tx,
                    y2=y + 22,
                    stroke=INK,
                    stroke_width=1,
                )
                if major and year <= last:
                    svg.text(tx + 3, y + 12, str(year), 11, fill=MUTED, class_="tick")
            if years <= 3:  # short spans: month ticks too, and quarter names
                for year in range(first, last + 1):
                    for month in range(2, 13):
                        tx = self.x(_dt.date(year, month, 1).toordinal())
                        svg.add(
                            "line",
                            x1=tx,
                            y1=y + 19,
                            x2=tx,
                            y2=y + 22,
                            stroke=MUTED,
                            stroke_width=0.8,
                        )
                        if month in (4, 7, 10):
                            svg.text(tx + 3, y + 12, _MONTHS[month], 10, fill=MUTED, class_="tick")
        return y + 30

    def row(self, row: _Row, y: float) -> float:
        """A row: its title (wrapped, up to three lines) and subtitle, then its bars."""
        svg = self.svg
        titles = wrap(row.title, LABEL_W - 16, 12.5, True)
        if len(titles) > _TITLE_LINES:
            rest = " ".join(titles[_TITLE_LINES - 1 :])
            titles = [*titles[: _TITLE_LINES - 1], fit(rest, LABEL_W - 16, 12.5, True)]
        height = ROW_H + LINE_H * (len(titles) - 1)
        with svg.group("g", class_="row", data_subject=row.link_to, data_organ=row.group or None):
            opened = link_open(svg, self.link, row.link_to)
            for i, line in enumerate(titles):
                svg.text(MARGIN + 8, y + 14 + LINE_H * i, line, 12.5, bold=True, class_="row-title")
            if row.subtitle:
                svg.text(
                    MARGIN + 8,
                    y + 28 + LINE_H * (len(titles) - 1),
                    fit(row.subtitle, LABEL_W - 16, 11),
                    11,
                    fill=MUTED,
                    lang="ko" if any("\uac00" <= c <= "\ud7a3" for c in row.subtitle) else None,
                    class_="row-subtitle",
                )
            link_close(svg, opened)
            svg.add(
                "line",
                x1=MARGIN,
                y1=y + height + 2,
                x2=WIDTH - MARGIN,
                y2=y + height + 2,
                stroke=RULE,
                stroke_width=0.8,
            )
            for m in sorted(row.memberships, key=lambda m: (_first([m]), m.iri)):
                self.bar(m, y + (height - BAR_H) / 2 + 1)
        return y + height + 4

    def bar(self, m: MembershipInfo, y: float) -> None:
        """One membership claim: solid, hatched, open-ended or snapshot parts, with a tooltip
        of its dates, and a note beside a snapshot."""
        svg = self.svg
        self.counts[m.status] = self.counts.get(m.status, 0) + 1
        kind, parts = _bar_parts(m, self.d0, self.d1)
        notes = [
            f"{label} {date.iso}"
            for label, date in (("from", m.start), ("until", m.end), ("as of", m.as_of))
            if date is not None
        ]
        with svg.group(
            "g",
            class_=f"bar status-{m.status} {kind}",
            data_membership=m.iri,
            data_status=m.status,
            data_start=m.start.iso if m.start else None,
            data_end=m.end.iso if m.end else None,
            data_as_of=m.as_of.iso if m.as_of else None,
        ):
            svg.add("title", f"{m.status}; " + ("; ".join(notes) or "undated"))
            for part, lo, hi in sorted(parts, key=lambda p: (p[0] != "solid", p[1], p[0])):
                self.part(m.status, part, lo, hi, y)
            if kind == "undated":
                svg.text(self.x(self.d0) + 4, y + 12, "undated", 11, fill=MUTED)
            if notes and kind == "snapshot":
                svg.text(
                    min(self.x(parts[0][2]) + 6, WIDTH - MARGIN - 80),
                    y + 12,
                    "; ".join(notes),
                    10.5,
                    fill=MUTED,
                    class_="bar-note",
                    # a halo of paper, so event guides and bands under the note do not cross it
                    stroke=PAPER,
                    stroke_width=3,
                    stroke_linejoin="round",
                    paint_order="stroke",
                )

    def part(self, status: str, part: str, lo: float, hi: float, y: float) -> None:
        """One part of a bar, from day ``lo`` to day ``hi`` (ordinals), in the status style."""
        svg = self.svg
        style = STATUS_STYLE.get(status, STATUS_STYLE["reported"])
        stroke, dash = style["stroke"], style["dash"]
        x0, x1 = self.x(lo), self.x(hi)
        if part == "solid":
            svg.add(
                "rect",
                class_="solid",
                x=x0,
                y=y,
                width=max(x1 - x0, 1.5),
                height=BAR_H,
                fill=status_fill(svg, status),
                stroke=stroke,
                stroke_width=1.5,
                stroke_dasharray=dash,
            )
            return
        self.marks.add(part)
        if part == "fuzzy":
            svg.add(
                "rect",
                class_="fuzzy",
                x=x0,
                y=y + 2,
                width=max(x1 - x0, 2),
                height=BAR_H - 4,
                fill=svg.hatch("fuzzy", "#b9c3cc"),
                stroke=stroke,
                stroke_width=1,
                stroke_dasharray="2 2",
                data_from=_iso(lo),
                data_to=_iso(hi - 1),
            )
        elif part == "snapshot":
            width = max(x1 - x0, 6)
            svg.add(
                "rect",
                class_="snapshot",
                x=x0 + (x1 - x0 - width) / 2,
                y=y - 2,
                width=width,
                height=BAR_H + 4,
                fill=status_fill(svg, status),
                stroke=stroke,
                stroke_width=1.8,
                stroke_dasharray=dash,
            )
        elif part == "open":
            svg.add(
                "path",
                class_="open-end",
                d=f"M{num(x0)} {num(y - 2)} L{num(x0 + 7)} {num(y + BAR_H / 2)} "
                f"L{num(x0)} {num(y + BAR_H + 2)} Z",
                fill=stroke,
            )

    def event_guides(self, top: float, bottom: float) -> None:
        svg = self.svg
        with svg.group("g", class_="events"):
            for number, event in enumerate(self.events, 1):
                if event.date is None:
                    continue
                self.marks.add("event")
                lo = event.date.earliest().toordinal()
                hi = (event.end or event.date).latest().toordinal() + 1
                x0, x1 = self.x(lo), self.x(hi)
                with svg.group(
                    "g",
                    class_="event",
                    data_event=event.iri,
                    data_number=number,
                    data_date=event.date.iso,
                ):
                    if event.date.day is None:
                        svg.add(
                            "rect",
                            x=x0,
                            y=top - 8,
                            width=max(x1 - x0, 2),
                            height=bottom - top + 8,
                            fill=svg.hatch("event-band", "#cfe3d7", "#f4faf6"),
                            opacity=0.8,
                        )
                    mid = (x0 + x1) / 2
                    svg.add(
                        "line",
                        x1=mid,
                        y1=top - 8,
                        x2=mid,
                        y2=bottom,
                        stroke=EVENT_COLOUR,
                        stroke_width=1,
                        stroke_dasharray="3 3",
                    )
                    svg.add(
                        "path",
                        d=f"M{num(mid)} {num(top - 14)} l6 6 l-6 6 l-6 -6 Z",
                        fill=EVENT_COLOUR,
                    )
                    svg.text(
                        mid,
                        top - 17,
                        str(number),
                        10,
                        bold=True,
                        fill=EVENT_COLOUR,
                        anchor="middle",
                    )

    def event_list(self, y: float) -> float:
        svg, facts = self.svg, self.facts
        if not self.events:
            return y
        with svg.group("g", class_="event-list"):
            svg.text(MARGIN, y + 14, "Events", 13, bold=True)
            y += 34
            for number, event in enumerate(self.events, 1):
                when = human_date(event.date) if event.date else "date not recorded"
                if event.end:
                    when += f" – {human_date(event.end)}"
                what = facts.name(event.iri).en
                relation = ", ".join(event.relations)
                opened = link_open(svg, self.link, event.iri)
                with svg.group("g", class_="event-item", data_event=event.iri):
                    svg.text(MARGIN, y, f"{number}", 12, bold=True, fill=EVENT_COLOUR)
                    text = f"{when}: {what} ({event.type}; {relation})"
                    for line in wrap(text, WIDTH - 2 * MARGIN - 30, 12):
                        svg.text(MARGIN + 30, y, line, 12)
                        y += 16
                link_close(svg, opened)
                y += 2
        return y


def _bar_parts(m: MembershipInfo, d0: int, d1: int) -> tuple[str, list[tuple[str, int, int]]]:
    """What a membership is drawn as: its kind ("span", "snapshot" or "undated") and its
    parts as (kind, first day, day after) ordinals, on an axis from ``d0`` to ``d1``.

    A start or end known to the month or year is a "fuzzy" part over that period, the solid
    part runs between them; no end recorded runs "open" to the edge of the axis.
    """
    parts: list[tuple[str, int, int]] = []
    if m.start is None and m.end is None:
        if m.as_of is None:
            return "undated", parts
        lo, hi = m.as_of.earliest().toordinal(), m.as_of.latest().toordinal() + 1
        return "snapshot", [("snapshot", lo, hi)]
    solid_from: int | None = None
    if m.start is not None:
        s0, s1 = m.start.earliest().toordinal(), m.start.latest().toordinal() + 1
        if m.start.day is None:
            parts.append(("fuzzy", s0, s1))
        solid_from = s1 if m.start.day is None else s0
    else:
        parts.append(("fuzzy", d0, (m.end.earliest().toordinal() if m.end else d0)))
    if m.end is not None:
        e0, e1 = m.end.earliest().toordinal(), m.end.latest().toordinal() + 1
        solid_to = e0 if m.end.day is None else e1
        if m.end.day is None:
            parts.append(("fuzzy", e0, e1))
    else:
        solid_to = d1
        parts.append(("open", d1, d1))
    if solid_from is not None and solid_to > solid_from:
        parts.append(("solid", solid_from, solid_to))
    return "span", parts


def _iso(ordinal: float) -> str:
    return _dt.date.fromordinal(int(ordinal)).isoformat()
