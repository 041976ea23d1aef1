"""What ``kwpld review`` shows: the drafts and facts of each article, with their evidence.

:func:`review_listing` reads the review files of a data folder (``articles/ID.review.yaml``)
and groups what they propose by article: the drafts (people, organs, posts, events), the facts
(memberships and participations), each with the sentence that supports it and the spans the
fact used, the identity decisions (who a person is, and why) and the problems ingest noted.
Offsets are character offsets in the article's text file (``ID.txt``); the spans of a sentence
are shown inside it, found again in the text file (or, if it was edited, by their words).

A listing renders as text with the spans highlighted (:meth:`ReviewListing.render`: rich
markup for a terminal, ``[words|role]`` brackets for a pipe or a file) or as one JSON document
(:meth:`ReviewListing.to_dict`) for machines.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.markup import escape

from ..errors import InputError
from .curate import DRAFT_KINDS, DraftItem, list_drafts, load_review, review_files

__all__ = [
    "STATUSES",
    "ArticleReview",
    "Evidence",
    "ReviewListing",
    "Span",
    "draft_summary",
    "identity_line",
    "review_listing",
]

STATUSES = ("pending", "accepted", "rejected")
FACT_KINDS = ("membership", "participation")
_STYLES = {
    "person": "bold cyan",
    "trigger": "bold magenta",
    "role": "yellow",
    "organ": "green",
    "post": "green",
    "event": "blue",
    "date": "bold blue",
    "hedge": "italic red",
    "mention": "bold cyan",
}
_KIND_ORDER = {"person": 0, "organ": 1, "post": 2, "event": 3, "article": 4}


@dataclass(frozen=True)
class Span:
    """A span a fact used, as offsets in its sentence (as the listing shows the sentence)."""

    start: int
    end: int
    role: str
    text: str


@dataclass(frozen=True)
class Evidence:
    """A supporting sentence, the spans in it, and the spans the fact took from elsewhere
    (a date or event named in an earlier sentence)."""

    at: tuple[int, int]
    """the sentence (or, for a draft of a name, the name), offsets in the text file"""
    sentence: str
    spans: tuple[Span, ...] = ()
    elsewhere: tuple[Span, ...] = ()
    """spans outside the sentence; their offsets are in the text file"""

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": list(self.at),
            "sentence": self.sentence,
            "spans": [{"at": [s.start, s.end], "text": s.text, "role": s.role} for s in self.spans],
            "elsewhere": [
                {"at": [s.start, s.end], "text": s.text, "role": s.role} for s in self.elsewhere
            ],
        }

    def render(self, markup: bool) -> str:
        """The sentence with its spans highlighted: rich styles, or ``[words|role]``."""
        out: list[str] = []
        position = 0
        for span in self.spans:
            out.append(_text(self.sentence[position : span.start], markup))
            out.append(_mark(self.sentence[span.start : span.end], span.role, markup))
            position = span.end
        out.append(_text(self.sentence[position:], markup))
        text = "“" + "".join(out) + "”"
        if self.elsewhere:
            other = ", ".join(
                f"{_mark(s.text, s.role, markup)} at {s.start}" for s in self.elsewhere
            )
            text += f" (and from elsewhere in the text: {other})"
        return text


def _mark(words: str, role: str, markup: bool) -> str:
    if not markup:
        return f"[{words}|{role}]"
    style = _STYLES.get(role, "bold")
    return f"[{style}]{escape(words)}[/{style}]"


def _text(text: str, markup: bool) -> str:
    return escape(text) if markup else text


@dataclass
class ArticleReview:
    """What one article proposes."""

    article: str
    review: str
    """the review file, relative to the data folder"""
    text: str
    """the text file the offsets count in, relative to the data folder"""
    title: str | None
    drafts: list[tuple[DraftItem, tuple[Evidence, ...]]] = field(default_factory=list)
    identity: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "title": self.title,
            "review": self.review,
            "text": self.text,
            "drafts": [
                {**item.to_dict(), "evidence": [e.to_dict() for e in evidence]}
                for item, evidence in self.drafts
            ],
            "identity": self.identity,
            "problems": self.problems,
        }


@dataclass
class ReviewListing:
    """The drafts and facts of a data folder, grouped by article (module docstring)."""

    data_dir: Path
    articles: list[ArticleReview]
    statuses: tuple[str, ...]

    @property
    def drafts(self) -> int:
        return sum(len(a.drafts) for a in self.articles)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for article in self.articles:
            for item, _ in article.drafts:
                out[item.kind] = out.get(item.kind, 0) + 1
        return dict(sorted(out.items()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "data_dir": str(self.data_dir),
            "statuses": list(self.statuses),
            "counts": self.counts(),
            "articles": [a.to_dict() for a in self.articles],
        }

    def render(self, *, markup: bool) -> str:
        """The listing as text for people: rich markup (``markup``, for a terminal) or plain,
        with spans in ``[words|role]`` brackets."""
        lines: list[str] = []
        show_status = self.statuses != ("pending",)
        for article in self.articles:
            lines.extend(_render_article(article, markup, show_status))
        if not self.drafts:
            lines.append("no drafts to review")
        else:
            counts = ", ".join(f"{n} {k}" for k, n in self.counts().items())
            lines.append(
                f"{self.drafts} draft(s): {counts}. Accept: kwpld accept {self.data_dir} ID... "
                f"(or --all); reject: kwpld reject {self.data_dir} ID..."
            )
        return "\n".join(lines)


def _render_article(article: ArticleReview, markup: bool, show_status: bool) -> list[str]:
    def plain(text: str) -> str:
        return escape(text) if markup else text

    head = f"{article.review}"
    if article.title:
        head += f"  “{article.title}”"
    lines = [f"[bold]{escape(head)}[/bold]" if markup else head]
    for problem in article.problems:
        at = problem.get("at") or ["?", "?"]
        lines.append(
            plain(f"  problem [{problem.get('code')}] at {at[0]}-{at[1]}: {problem.get('message')}")
        )
    drafted = {item.id for item, _ in article.drafts if item.identity}
    for entry in article.identity:
        if entry.get("id") in drafted:
            continue  # said with its draft below
        lines.append(plain(f"  identity: “{entry.get('name')}”: {identity_line(entry)}"))
    for item, evidence in article.drafts:
        status = f"  [{item.status}]" if show_status else ""
        summary = draft_summary(item)
        lines.append(plain(f"  {item.kind:<13} {item.id}{status}  {summary}"))
        if item.why:
            lines.append(plain(f"      why: {'; '.join(item.why[:3])}"))
        if item.identity:
            lines.append(plain(f"      identity: {identity_line(item.identity)}"))
            for candidate in item.identity.get("candidates") or []:
                context = "; ".join(candidate.get("context") or []) or "nothing recorded"
                lines.append(
                    plain(f"        {candidate.get('id')}: {candidate.get('verdict')} — {context}")
                )
        for one in evidence[:3]:
            lines.append("      " + one.render(markup))
        if len(evidence) > 3:
            lines.append(plain(f"      (and {len(evidence) - 3} more sentences)"))
        if item.needs:
            lines.append(plain(f"      needs: {', '.join(item.needs)}"))
    return lines


def identity_line(entry: dict[str, Any]) -> str:
    """Who ingest decided a person is, in one line (``kwpld review`` and the workbench)."""
    decision = entry.get("decision")
    if decision == "same":
        return str(entry.get("why"))
    if decision == "new":
        return f"a new person: {entry.get('why')}"
    return f"ambiguous: {entry.get('why')}"


def draft_summary(item: DraftItem) -> str:
    """One line of what a draft proposes: a fact as ``person: role of organ (type)`` or
    ``person at event (role)`` with its post, dates, status and where the date came from; else
    the draft's name."""
    record = item.record
    fact = item.fact or {}
    if item.kind == "membership":
        line = f"{record.get('person')}: {record.get('role')} of {record.get('organ')}"
        if fact.get("type"):
            line += f" ({fact['type']})"
        details = [f"post {record['post']}"] if record.get("post") else []
        details += [f"{key} {record[key]}" for key in ("start", "end", "as_of") if record.get(key)]
        details += [str(x) for x in (record.get("status"), _basis(fact.get("date_basis"))) if x]
        return line + (f"; {', '.join(details)}" if details else "")
    if item.kind == "participation":
        role = record.get("role")
        return f"{record.get('ref')} at {record.get('event')}" + (f" ({role})" if role else "")
    return item.label


def _basis(basis: Any) -> str | None:
    if not basis or basis == "none":
        return None
    return f"date from the {basis}" if basis != "sentence" else "date in the sentence"


# -- reading -----------------------------------------------------------------------------------


def review_listing(
    data_dir: str | Path,
    *,
    kinds: Iterable[str] | None = None,
    statuses: Iterable[str] = ("pending",),
    articles: Iterable[str] | None = None,
) -> ReviewListing:
    """The drafts and facts of the folder's review files, grouped by article, filtered by kind
    (person, ..., membership, participation; ``fact`` for both facts), status and article id.
    Raises InputError for an unknown status or article."""
    root = Path(data_dir)
    wanted_statuses = tuple(dict.fromkeys(statuses))
    for status in wanted_statuses:
        if status not in STATUSES:
            raise InputError(f"--status {status}: use {', '.join(STATUSES)}")
    wanted_kinds = _kinds(kinds)
    items = list_drafts(root, statuses=wanted_statuses)
    by_review: dict[str, list[DraftItem]] = {}
    for item in items:
        if wanted_kinds is None or item.kind in wanted_kinds:
            by_review.setdefault(item.review, []).append(item)
    wanted_articles = set(articles) if articles else None
    out: list[ArticleReview] = []
    seen_articles: set[str] = set()
    for path in review_files(root):
        review = load_review(path, root)
        if review is None:
            continue
        seen_articles.add(review.article)
        if wanted_articles is not None and review.article not in wanted_articles:
            continue
        rel = path.relative_to(root).as_posix()
        text_path = path.parent / str(review.data.get("text") or f"{review.article}.txt")
        text = _read_text(text_path)
        drafts = sorted(by_review.get(rel, []), key=_order)
        raw = {d["record"]["id"]: d for d in review.drafts}
        listed = ArticleReview(
            review.article,
            rel,
            text_path.relative_to(root).as_posix() if text_path.is_relative_to(root) else "",
            _title(review.data),
            [(item, _evidence(raw.get(item.id, {}), text)) for item in drafts],
        )
        if wanted_kinds is None or "person" in wanted_kinds:
            listed.identity = [e for e in review.data.get("identity") or [] if isinstance(e, dict)]
        listed.problems = [p for p in review.data.get("problems") or [] if isinstance(p, dict)]
        if listed.drafts or listed.problems or listed.identity:
            out.append(listed)
    if wanted_articles is not None:
        unknown = sorted(wanted_articles - seen_articles)
        if unknown:
            raise InputError(
                f"--article {unknown[0]}: no review file is for that article"
                + (f" (there are: {', '.join(sorted(seen_articles)[:8])})" if seen_articles else "")
            )
    return ReviewListing(root, out, wanted_statuses)


def _kinds(kinds: Iterable[str] | None) -> set[str] | None:
    if not kinds:
        return None
    out: set[str] = set()
    for kind in kinds:
        if kind == "fact":
            out.update(FACT_KINDS)
        elif kind in DRAFT_KINDS:
            out.add(kind)
        else:
            raise InputError(f"--kind {kind}: use {', '.join((*DRAFT_KINDS, 'fact'))}")
    return out


def _order(item: DraftItem) -> tuple[int, int]:
    """People, organs, posts, events and documents first (what facts refer to), then facts,
    each in the review file's order."""
    return (_KIND_ORDER.get(item.kind, 5), 0)


def _title(data: dict[str, Any]) -> str | None:
    for record in data.get("records") or []:
        if isinstance(record, dict) and record.get("id") == data.get("article"):
            title = record.get("title")
            return str(title) if title else None
    return None


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _evidence(draft: dict[str, Any], text: str | None) -> tuple[Evidence, ...]:
    out: list[Evidence] = []
    for item in draft.get("evidence") or []:
        if not isinstance(item, dict) or not isinstance(item.get("sentence"), str):
            continue
        out.append(_one_evidence(item, text))
    return tuple(out)


def _at(value: Any) -> tuple[int, int] | None:
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        return value[0], value[1]
    return None


def _one_evidence(item: dict[str, Any], text: str | None) -> Evidence:
    sentence = str(item["sentence"])
    at = _at(item.get("at")) or (0, 0)
    raw_spans = [s for s in item.get("spans") or [] if isinstance(s, dict)]
    mapped: list[int] | None = None
    if raw_spans:
        mapped = _mapper(text, at, sentence)
    elif isinstance(item.get("text"), str):
        # a draft of a name: "at" is where the name is; it is found again in its sentence
        raw_spans = [{"text": item["text"], "role": "mention"}]
    spans: list[Span] = []
    elsewhere: list[Span] = []
    search_from = 0
    for raw in sorted(raw_spans, key=lambda s: tuple(_at(s.get("at")) or (0, 0))):
        words = " ".join(str(raw.get("text", "")).split())
        role = str(raw.get("role", ""))
        where = _at(raw.get("at"))
        if where is not None and not (at[0] <= where[0] and where[1] <= at[1]):
            elsewhere.append(Span(where[0], where[1], role, words))
            continue
        position: tuple[int, int] | None = None
        if mapped is not None and where is not None:
            position = (mapped[where[0] - at[0]], mapped[where[1] - at[0]])
        if position is None or " ".join(sentence[position[0] : position[1]].split()) != words:
            found = sentence.find(words, search_from) if words else -1
            if found < 0 and words:
                found = sentence.find(words)
            if found < 0:
                elsewhere.append(Span(*(where or (0, 0)), role, words))
                continue
            position = (found, found + len(words))
        spans.append(Span(position[0], position[1], role, words))
        search_from = position[1]
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and span.start < kept[-1].end:
            continue  # overlapping spans: the first (longest) is shown
        kept.append(span)
    return Evidence(at, sentence, tuple(kept), tuple(elsewhere))


def _mapper(text: str | None, at: tuple[int, int], sentence: str) -> list[int] | None:
    """For each offset of ``text`` from ``at[0]`` to ``at[1]`` (inclusive), the offset in
    ``sentence``, which is that text with its runs of spaces folded to one (as ingest writes
    it); None when the text there is not that sentence (an edited text file)."""
    if text is None or not 0 <= at[0] <= at[1] <= len(text):
        return None
    raw = text[at[0] : at[1]]
    if " ".join(raw.split()) != sentence:
        return None
    out: list[int] = []
    j = 0
    after_space = True  # spaces before the first word are dropped
    for ch in raw:
        if ch.isspace():
            if after_space:
                out.append(max(0, j - 1) if j else 0)  # folded into the space before
                continue
            out.append(j)  # the one space a run of spaces becomes
            j += 1
            after_space = True
            continue
        out.append(j)
        j += 1
        after_space = False
    out.append(len(sentence))
    return out
