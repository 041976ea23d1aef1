"""The quotations pass: every quotation goes to the document it comes from ("according to X:",
"X announced that", "..., saying", the document the sentence names), and an excerpt introduced
"below:" (and a Markdown or HTML block quotation) is one quotation of the work it introduces."""

from __future__ import annotations

import re

from ..reading.state import Context, Found, QuoteFound
from .documents import doc_by, docs_in, speaker_of

__all__ = ["quotes"]

_EXCERPT = re.compile(
    r"(?:excerpted|excerpts?|reproduced|quoted|translated|text)\s+(?:is\s+|are\s+)?below\s*[:.]?\s*$"
    r"|(?:as\s+follows|reads|read)\s*:\s*$|\bbelow\s*:\s*$",
    re.I,
)


def _attribute(r: Context, start: int, end: int) -> tuple[str | None, str | None, str]:
    """(source document, speaker, how) for words quoted at [start, end)."""
    sentence = r.doc.sentence_at(start)
    s_start = sentence.start if sentence else max(0, start - 300)
    prefix = r.text[s_start:start]
    verbs = "|".join(re.escape(v) for v in r.lex.speech_verbs)
    patterns = [
        ("according", re.compile(r"[Aa]ccording\s+to\s+(?P<x>.+?)\s*[:,]?\s*$")),
        (
            "verb",
            re.compile(rf"(?P<x>.+?)\s+(?:also\s+)?(?:{verbs})\b(?:\s+that)?(?:\s+the)?\s*:?\s*$"),
        ),
        (
            "saying",
            re.compile(
                r"(?P<x>.+?)\b(?:saying|stating|declaring|noting)\b(?:\s+that)?(?:\s+the)?\s*:?\s*$"
            ),
        ),
    ]
    for how, pattern in patterns:
        m = pattern.search(prefix)
        if not m:
            continue
        x_start, x_end = s_start + m.start("x"), s_start + m.end("x")
        if how == "saying":
            x_end = s_start + m.start("x") + len(m.group("x"))
        docs = docs_in(r, x_start, x_end)
        agents = r.mentions_in(x_start, x_end, ("organ", "person"))
        if how == "according" and docs:
            return docs[0][2], speaker_of(r, docs[0][2]), "according to"
        if how == "saying":
            first = min(
                [(d[0], "doc", d[2]) for d in docs]
                + [(a.start, "agent", a.entity) for a in agents],
                default=None,
            )
            if first is not None:
                if first[1] == "doc":
                    return first[2], speaker_of(r, first[2]), "said in"  # type: ignore[arg-type]
                return doc_by(r, first[2]), first[2], "said by"  # type: ignore[arg-type]
            continue
        if how == "verb":
            last = max(
                [(d[1], "doc", d[2]) for d in docs] + [(a.end, "agent", a.entity) for a in agents],
                default=None,
            )
            if last is not None:
                if last[1] == "doc":
                    return last[2], speaker_of(r, last[2]), "stated in"  # type: ignore[arg-type]
                return doc_by(r, last[2]), last[2], "stated by"  # type: ignore[arg-type]
        if how == "according" and agents:
            return doc_by(r, agents[0].entity), agents[0].entity, "according to"  # type: ignore[arg-type]
    docs = docs_in(r, s_start, start)
    if docs:
        return (
            docs[-1][2],
            speaker_of(r, docs[-1][2]),
            "quoted from the document the sentence names",
        )
    return None, None, "unattributed"


def quotes(r: Context) -> Found:
    caption_spans = [r.reg.peek(k).attrs["block"] for k in r.images]
    for quote in r.doc.quotations:
        if quote.start in r.titles or any(b[0] <= quote.start < b[1] for b in caption_spans):
            continue
        inner = r.text[quote.inner_start : quote.inner_end]
        if len(inner.split()) < 4:
            continue  # a term in quotation marks, not a quotation
        source, speaker, how = _attribute(r, quote.start, quote.end)
        r.quotes.append(
            QuoteFound(quote.inner_start, quote.inner_end, inner.strip(), source, speaker, how)
        )
    # Excerpts: "..., excerpted below:" and the paragraphs that follow; block quotations.
    blocks = r.doc.blocks
    taken: set[int] = set()
    for index, block in enumerate(blocks):
        body = r.text[block.start : block.end]
        if not _EXCERPT.search(body) or index + 1 >= len(blocks):
            continue
        following = []
        for later in range(index + 1, len(blocks)):
            if blocks[later].kind not in ("paragraph", "quote"):
                break
            following.append(later)
        if not following:
            continue
        sentence = r.doc.sentence_at(block.end - 1)
        s_start = sentence.start if sentence else block.start
        docs = docs_in(r, s_start, block.end)
        titled = [d for d in docs if r.reg.peek(d[2]).attrs.get("titled")]
        chosen = (titled or docs)[0 if titled else -1][2] if docs else None
        start, end = blocks[following[0]].start, blocks[following[-1]].end
        text = "\n\n".join(r.text[blocks[i].start : blocks[i].end] for i in following)
        how = (
            "an excerpt introduced as “" + " ".join(r.text[s_start : block.end].split()[-6:]) + "”"
        )
        r.quotes.append(
            QuoteFound(
                start, end, text, chosen, speaker_of(r, chosen) if chosen else None, how, True
            )
        )
        taken.update(following)
    for index, block in enumerate(blocks):
        if block.kind != "quote" or index in taken:
            continue
        source, speaker, how = _attribute(r, block.start, block.end)
        if source is None and index > 0:
            previous = blocks[index - 1]
            docs = docs_in(r, previous.start, previous.end)
            if docs:
                source, speaker, how = (
                    docs[-1][2],
                    speaker_of(r, docs[-1][2]),
                    "a block quotation after the paragraph naming it",
                )
        body = r.text[block.start : block.end]
        r.quotes.append(QuoteFound(block.start, block.end, body, source, speaker, how, True))
    r.quotes.sort(key=lambda q: q.start)
    return r.found()
