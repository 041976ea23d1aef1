"""How the things an article names relate: honorifics and epithets, what its events are
(dates, organizers, renamings, rules, conferrals, places), the posts and memberships it states,
and what the article itself is about (documents and quotations: :mod:`kwpld.ingest.documents`).

Every rule here works on mentions already found (:mod:`kwpld.ingest.read`), so a relation is
only ever drawn between entities the text names, and every relation keeps the span of text
that states it: that span is the evidence a reviewer sees.
"""

from __future__ import annotations

import re
from functools import cache

from ..dates import PartialDate
from ..names import match_key, name_words
from .discover import series_key, straight
from .documents import doc_by, docs_in, documents, quotes, speaker_of
from .entities import Entity, Mention, NameDraft, Ref
from .read import Reader

__all__ = ["run"]

_CONVENE = re.compile(
    r"\b(?:convene[sd]?|convening|convoke[sd]?|convocation|to\s+hold|will\s+be\s+held|to\s+open)\b",
    re.I,
)
_RULE = re.compile(r"\bmake\s+it\s+a\s+rule\s+to\b|\bas\s+a\s+rule\b|\bdecided\s+to\s+hold\b", re.I)
_CONFERRAL = [
    re.compile(
        r"\bconferred\s+(?:up)?on\s+(?P<target>.+?)\s+the\s+(?:[\w-]+\s+){0,2}?titles?\s+of\s+(?P<title>[^.;”\"]+)"
    ),
    re.compile(
        r"\bconferred\s+the\s+(?:[\w-]+\s+){0,2}?titles?\s+of\s+(?P<title>.+?)\s+(?:up)?on\s+(?P<target>[^.;”\"]+)"
    ),
]


def run(r: Reader) -> None:
    _honorifics(r)
    _epithet_references(r)
    documents(r)
    quotes(r)
    _posts(r)
    _events(r)
    _memberships(r)
    _article(r)


def _honorifics(r: Reader) -> None:
    """ "The dear respected Comrade Kim Jong Un": an honorific before a person's name, which a
    plural title ("the great Generalissimos Kim Il Sung and Kim Jong Il") gives every name
    coordinated after it."""
    a, lex = r.a, r.lex
    people = [m for m in r.mentions if m.kind == "person" and m.entity]
    for index, mention in enumerate(people):
        if mention.honorific is not None:
            continue
        i = r.a.word_index_at(mention.start)
        k = i - 1
        title: tuple[str, bool] | None = None
        adjectives = False
        while k >= 0 and r.gap_ok[k]:
            matched = False
            for size in (3, 2, 1):
                first = k - size + 1
                if first < 0 or not all(r.gap_ok[x] for x in range(first, k)):
                    continue
                phrase = " ".join(a.keys[first : k + 1])
                if phrase in lex.honorific_titles:
                    title = title or lex.honorific_titles[phrase]
                    k = first - 1
                    matched = True
                    break
            if matched:
                continue
            if a.keys[k] in lex.honorific_words:
                adjectives = adjectives or a.keys[k] != "and"
                k -= 1
                continue
            break
        if title is None:
            continue
        first_word = k + 1
        if k >= 0 and a.keys[k] == "the" and r.gap_ok[k]:
            first_word = k
        start = a.word_starts[first_word]
        honorific = r.text[start : mention.start].strip()
        mention.honorific = (start, start + len(honorific))
        singular, plural = title
        chain = [mention]
        if plural:
            chain.extend(_coordinated(r, people, index))
        for person in chain:
            person.honorific = person.honorific or mention.honorific
            if not adjectives:
                continue
            text = (
                _singular_honorific(r, honorific, singular if plural else None)
                + " "
                + straight(person.text)
            )
            entity = r.entity(person.entity)
            if entity.known is None:
                entity.add_name(NameDraft(text, kind="epithet", spans=[(start, person.end)]))
                entity.note(f"called “{text}”", (start, person.end))


def _coordinated(r: Reader, people: list[Mention], index: int) -> list[Mention]:
    out = []
    previous = people[index]
    for other in people[index + 1 :]:
        between = r.text[previous.end : other.start]
        if re.fullmatch(r"(?:’s|'s)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)", between):
            out.append(other)
            previous = other
        else:
            break
    return out


def _singular_honorific(r: Reader, honorific: str, singular: str | None) -> str:
    words = honorific.split()
    if words and words[0] == "The":
        words[0] = "the"
    text = " ".join(words)
    if singular:
        for phrase, (single, plural) in r.lex.honorific_titles.items():
            if plural and single == singular:
                text = re.sub(
                    r"\b" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"\b",
                    singular,
                    text,
                    flags=re.I,
                )
    return text


@cache
def _epithet_patterns(texts: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted(texts, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in alternatives)
    return re.compile(rf"\b(?:[Tt]he\s+)?(?:{body})\b", re.I)


def _epithet_references(r: Reader) -> None:
    """An epithet that stands for a leader without a name ("the respected and beloved marshal"),
    resolved by the years the lexicon gives it."""
    if not r.lex.epithets:
        return
    pattern = _epithet_patterns(tuple(e.text for e in r.lex.epithets))
    by_text = {" ".join(e.text.lower().split()): e for e in r.lex.epithets}
    for match in pattern.finditer(r.text):
        if r.mention_at(match.start(), match.end()) is not None:
            continue
        phrase = re.sub(r"^the\s+", "", " ".join(match.group(0).lower().split()))
        epithet = by_text.get(phrase)
        if epithet is None or not epithet.applies(r.reference):
            continue
        key = _person_by_name(r, epithet.person, match.span())
        entity = r.entity(key)
        text = (
            "the " + " ".join(match.group(0).split()[1:])
            if match.group(0).lower().startswith("the ")
            else match.group(0)
        )
        if entity.known is None:
            entity.add_name(NameDraft(text, kind="epithet", spans=[match.span()]))
            entity.note(
                f"“{match.group(0)}” stands for {epithet.person} in writing of this time",
                match.span(),
            )
        r.add_mention(Mention(match.start(), match.end(), match.group(0), key, "person", "epithet"))


def _person_by_name(r: Reader, name: str, span: tuple[int, int]) -> str:
    key = match_key(name)
    for entity in r.reg.of_kind("person"):
        if entity.known is None and any(match_key(n.text) == key for n in entity.names):
            return entity.key
    for mention in r.mentions:
        known = r.entity(mention.entity).known if mention.entity else None
        if mention.kind == "person" and known and key in r.known.name_keys.get(known, set()):
            return mention.entity  # type: ignore[return-value]
    words = name_words(name)
    for match in r.known.index.match(
        list(words), name.split(), [True] * (len(words) - 1) + [False]
    ):
        refs = {t.ref for t in match.targets if t.kind == "person"}
        if len(refs) == 1 and match.last - match.first == len(words):
            return r.reg.known(next(iter(refs)), "person").key
    entity = r.reg.add(Entity("person:" + key, "person"))
    entity.add_name(NameDraft(name, derived=True))
    return entity.key


def _posts(r: Reader) -> None:
    """ "Party Cell Secretaries", "the party cells’ secretaries", "secretaries of the party
    cells", "조선로동당 위원장": a role of the vocabulary with the organ it is held in."""
    latin = sorted((w for w in r.lex.roles if w.isascii()), key=len, reverse=True)
    korean = sorted((w for w in r.lex.roles if not w.isascii()), key=len, reverse=True)
    roles = "|".join(re.escape(w) for w in latin)
    after_organ = re.compile(rf"(?:’|')?\s*(?P<role>{roles})\b", re.I)
    after_organ_ko = re.compile(r"\s*(?P<role>" + "|".join(re.escape(w) for w in korean) + ")")
    before_organ = re.compile(
        rf"\b(?:department\s+)?(?P<role>{roles})\s+of\s+(?:the\s+|a\s+)?$", re.I
    )
    found: list[tuple[int, int, str, str]] = []  # start, end, role, organ entity key
    organs = [m for m in r.mentions if m.kind == "organ" and m.entity]
    for organ in organs:
        after = r.text[organ.end : organ.end + 24]
        m = after_organ.match(after) or (korean and after_organ_ko.match(after))
        if m:
            role = r.lex.roles[m.group("role").lower()]
            found.append((organ.start, organ.end + m.end(), role, organ.entity))  # type: ignore[arg-type]
            continue
        m = before_organ.search(r.text[max(0, organ.start - 48) : organ.start])
        if m:
            start = max(0, organ.start - 48) + m.start()
            found.append((start, organ.end, r.lex.roles[m.group("role").lower()], organ.entity))  # type: ignore[arg-type]
    # "secretaries of cells": the party cells named elsewhere in the article.
    cells = [o for o in organs if r.entity_kind(o.entity) == "party-cell"]  # type: ignore[arg-type]
    if cells:
        cell_key = r.reg.resolve(cells[0].entity)  # type: ignore[arg-type]
        for m in re.finditer(rf"\b(?P<role>{roles})\s+of\s+(?:the\s+)?cells?\b", r.text, re.I):
            if not any(s <= m.start() < e for s, e, _, _ in found):
                found.append((m.start(), m.end(), r.lex.roles[m.group("role").lower()], cell_key))
    for start, end, role, organ_key in sorted(found):
        organ = r.entity(organ_key)
        post_id = r.known.posts_by_organ.get((organ.known, role)) if organ.known else None
        if post_id:
            key = r.reg.known(post_id, "post").key
        else:
            key = f"post:{role}:{organ.key}"
            post = r.reg.add(Entity(key, "post"))
            post.fields.update({"organ": Ref(organ.key), "role": role})
            surface = " ".join(r.text[start:end].split())
            name = _post_name(surface)
            system = "en" if name.isascii() else "hangul"
            post.add_name(NameDraft(name, system=system, spans=[(start, end)]))
            if system != "en":  # "조선로동당 위원장" is the chairman of the WPK
                from .discover import _organ_label

                label = _organ_label(r, organ.key)
                if label:
                    role_label = r.lex.role_labels.get(role, role)
                    post.add_name(NameDraft(f"{role_label} of the {label}", derived=True))
            post.note(f"“{surface}”", (start, end))
        inside_event = any(
            m.kind == "event" and m.start <= start and end <= m.end for m in r.mentions
        )
        if inside_event:  # part of an event's name: its participants, not a mention of its own
            r.post_spans.append((start, end, key))
            continue
        # The post's mention replaces the organ's inside it (as a longer name would).
        r.mentions = [
            m for m in r.mentions if not (start <= m.start and m.end <= end and m.kind == "organ")
        ]
        r.add_mention(Mention(start, end, r.text[start:end], key, "post"))
        r.post_spans.append((start, end, key))


def _post_name(surface: str) -> str:
    """ "Party Cell Secretaries" -> "party cell secretary"; "party cells’ secretaries" -> same."""
    text = straight(surface)
    if not text.isascii():
        return text
    # "a department director of the Central Committee": the role is director.
    text = re.sub(r"^(?:the|a)\s+", "", text, flags=re.I)
    text = re.sub(r"^department\s+", "", text, flags=re.I)
    words = text.replace("'", "").split()
    if len(words) >= 2 and words[1].lower() != "of":
        words = [w.lower() for w in words]
        words = [
            w[:-1] if w.endswith("s") and not w.endswith("ss") and i < len(words) - 1 else w
            for i, w in enumerate(words)
        ]
        last = words[-1]
        words[-1] = (
            last[:-3] + "y"
            if last.endswith("ies")
            else (last[:-1] if last.endswith("s") and last != "secretaries" else last)
        )
        return " ".join(words)
    lowered = [w if w.isupper() else w.lower() for w in words]
    role = lowered[0]
    role = role[:-3] + "y" if role.endswith("ies") else (role[:-1] if role.endswith("s") else role)
    return " ".join([role, *lowered[1:]])


# -- events -----------------------------------------------------------------------------------


def _events(r: Reader) -> None:
    _event_dates(r)
    convened = _convening(r)
    decisions = _decisions(r, convened)
    _renamings(r, decisions)
    _rules(r, decisions)
    _conferrals(r)
    _locations(r)
    _participants(r)


def _event_dates(r: Reader) -> None:
    """ "the 4th Meeting of Party Cell Secretaries on 28 January 2013 (Monday)"."""
    for mention in r.mentions:
        if mention.kind != "event" or not mention.entity:
            continue
        entity = r.entity(mention.entity)
        if entity.known or "date" in entity.fields:
            continue
        m = re.match(
            r"\s+(?:(?:to\s+be\s+)?held\s+)?(?:on|in)\s+", r.text[mention.end : mention.end + 30]
        )
        if m:
            date = r.date_at(mention.end + m.end())
            if date is not None and date.date is not None:
                entity.fields["date"] = date.date
                entity.note(f"held on {date.text}", (mention.start, date.end))


def _convening(r: Reader) -> dict[str, list[str]]:
    """Events a document or organ convenes: their organizer is the convening organ."""
    convened: dict[str, list[str]] = {}
    for sentence in r.a.sentences:
        body = r.text[sentence.start : sentence.end]
        verb = _CONVENE.search(body)
        if not verb:
            continue
        verb_at = sentence.start + verb.start()
        events = [m for m in r.mentions_in(verb_at, sentence.end, ("event",))]
        if not events:
            continue
        docs = [
            d
            for d in docs_in(r, sentence.start, verb_at)
            if r.entity(d[2]).fields.get("type") in ("report", "statement")
        ]
        organizer = None
        if docs:
            organizer = speaker_of(r, docs[-1][2])
        else:
            organs = r.mentions_in(sentence.start, verb_at, ("organ",))
            organizer = r.reg.resolve(organs[-1].entity) if organs else None  # type: ignore[arg-type]
        event = r.entity(events[0].entity)  # type: ignore[arg-type]
        if docs:
            convened.setdefault(r.reg.resolve(docs[-1][2]), []).append(event.key)
        if organizer and event.known is None and "organizer" not in event.fields:
            event.fields["organizer"] = [Ref(organizer)]
            event.note(
                "convened by " + _label(r, organizer),
                (sentence.start, sentence.end),
            )
    return convened


def _label(r: Reader, key: str) -> str:
    names = r.entity(key).names
    return names[0].text if names else "its organizer"


def _decisions(r: Reader, convened: dict[str, list[str]]) -> dict[str, str]:
    """A report of an organ that convenes, renames or rules is also a decision (an event)."""
    acting: set[str] = set(convened)
    for quote in r.quotes:
        if quote.source and (
            _RULE.search(quote.text) or re.search(r"shall\s+be\s+called|renamed", quote.text)
        ):
            acting.add(r.reg.resolve(quote.source))
    decisions: dict[str, str] = {}
    for doc_key in sorted(acting):
        doc = r.entity(doc_key)
        if doc.fields.get("type") not in ("report", "statement") and not doc.known:
            continue
        author = speaker_of(r, doc_key)
        date = doc.fields.get("date")
        if author is None:
            continue
        author_entity = r.entity(author)
        if author_entity.known and doc.known:
            rid = r.known.events_by_act.get(
                ("decision", date.iso if isinstance(date, PartialDate) else "", author_entity.known)
            )
            if rid:
                decisions[doc_key] = r.reg.known(rid, "event").key
                continue
        if doc.known:
            continue
        key = f"event:decision:{doc_key}"
        decision = r.reg.add(Entity(key, "event"))
        decision.fields.update(
            {"type": "decision", "organizer": [Ref(author)], "sources": [Ref(doc_key)]}
        )
        if isinstance(date, PartialDate):
            decision.fields["date"] = date
        about = [Ref(e) for e in convened.get(doc_key, [])]
        if about:
            decision.fields["about"] = about
        decision.attrs["decision_of"] = doc_key
        decision.note("a report that convenes, renames or rules acts as a decision")
        decision.evidence.extend(doc.evidence[:1])
        decisions[doc_key] = key
    return decisions


def _renamings(r: Reader, decisions: dict[str, str]) -> None:
    for event_key, former, offset in r.renamings:
        event = r.entity(event_key)
        source = r.source_of(offset)
        act = decisions.get(r.reg.resolve(source)) if source != "article" else None
        act = act or (source if source != "article" else None)
        if act is None:
            continue
        act_entity = r.entity(act)
        when = act_entity.fields.get("date")
        former.renamed_by = Ref(act)  # type: ignore[attr-defined]
        if isinstance(when, PartialDate):
            former.valid_until = when  # type: ignore[attr-defined]
        for name in event.names:
            if (
                name is not former
                and name.kind != "former"
                and r.lex.ordinal(name.text.split()[0]) is not None
            ):
                name.renamed_by = Ref(act)
                name.kind = "preferred"
                if isinstance(when, PartialDate):
                    name.valid_from = when
                break
        if act_entity.fields.get("type") == "decision" and act_entity.known is None:
            series = event.fields.get("series")
            about = act_entity.fields.setdefault("about", [])
            for ref in (Ref(event.key), series):
                if isinstance(ref, Ref) and all(
                    r.reg.resolve(x.key) != r.reg.resolve(ref.key) for x in about
                ):
                    about.append(ref)


def _rules(r: Reader, decisions: dict[str, str]) -> None:
    series = [e for e in r.reg.of_kind("event") if e.fields.get("type") == "series"]
    for sentence in r.a.sentences:
        body = r.text[sentence.start : sentence.end]
        rule_match = _RULE.search(body)
        if not rule_match:
            continue
        quote = r.a.quotation_at(sentence.start + rule_match.start())
        start = max(sentence.start, quote.inner_start) if quote else sentence.start
        end = min(sentence.end, quote.inner_end) if quote else sentence.end
        text = " ".join(r.text[start:end].split()).strip('“”" ')
        source = r.source_of(start)
        decision = decisions.get(r.reg.resolve(source))
        if decision is None or r.entity(decision).known:
            continue
        words = {w.rstrip("s") if not w.endswith("ss") else w for w in name_words(text)}
        words |= {w[:-3] + "y" for w in name_words(text) if w.endswith("ies")}
        applies = [
            Ref(s.key) for s in series if set(s.attrs.get("series_key", "x").split()) <= words
        ]
        rule = {"text": text, "applies_to": applies, "sources": [Ref(source)]}
        r.entity(decision).fields.setdefault("rules", []).append(rule)
        r.entity(decision).note(f"adopts the rule “{text}”", (start, end))


def _subject_before(r: Reader, sentence_start: int, block: int | None) -> str | None:
    """Whom a sentence-initial "He"/"She" stands for: the person who began an earlier sentence
    of the same paragraph."""
    for sentence in reversed(
        [s for s in r.a.sentences if s.start < sentence_start and s.block == block]
    ):
        people = r.mentions_in(sentence.start, sentence.end, ("person",))
        for person in people:
            quote = r.a.quotation_at(person.start)
            lead = r.text[max(sentence.start, quote.inner_start if quote else 0) : person.start]
            if len(lead.split()) <= 8 and "," not in lead:
                return person.entity
    return None


def _conferrals(r: Reader) -> None:
    for sentence in r.a.sentences:
        body = r.text[sentence.start : sentence.end]
        for pattern in _CONFERRAL:
            m = pattern.search(body)
            if not m:
                continue
            title = " ".join(m.group("title").split()).rstrip(' .,”"')
            target_start = sentence.start + m.start("target")
            target_end = sentence.start + m.end("target")
            verb_at = sentence.start + m.start()
            giver = None
            people = r.mentions_in(sentence.start, verb_at, ("person",))
            if people:
                giver = people[-1].entity
            elif re.match(r"\s*[“\"]?(?:He|She)\b", body):
                giver = _subject_before(r, sentence.start, sentence.block)
            targets = [
                x.entity
                for x in r.mentions_in(target_start, target_end, ("post", "organ", "person"))
            ]
            rid = r.known.conferrals.get(match_key(title))
            if rid is not None:
                r.add_mention(
                    Mention(
                        verb_at,
                        sentence.end,
                        r.text[verb_at : sentence.end],
                        r.reg.known(rid, "event").key,
                        "event",
                        "conferral",
                    )
                )
                break
            key = "event:conferral:" + match_key(title)[:60]
            event = r.reg.add(Entity(key, "event"))
            event.fields.update({"type": "conferral", "title": title})
            if giver:
                event.fields["conferred_by"] = Ref(giver)
            if targets:
                event.fields["conferred_on"] = [Ref(t) for t in targets if t]
            target_text = " ".join(r.text[target_start:target_end].split())
            first_title = re.split(r"\s+and\s+", title)[0]
            event.add_name(
                NameDraft(
                    straight(f"Conferral of the title of {first_title} on {target_text}"),
                    derived=True,
                )
            )
            event.attrs["span"] = (verb_at, sentence.end)
            event.note(f"a title conferred: “{title}”", (sentence.start, sentence.end))
            for d in r.dates_in(sentence.start, sentence.end):
                if d.date is not None:
                    event.fields["date"] = d.date
            break


def _locations(r: Reader) -> None:
    places = "|".join(sorted((re.escape(p) for p in r.lex.places), key=len, reverse=True))
    if not places:
        return
    pattern = re.compile(rf"\bin\s+(?P<place>{places})\b")
    events = [
        e
        for e in r.reg.of_kind("event")
        if e.known is None and e.fields.get("type") not in ("series", "decision", "conferral")
    ]
    for m in pattern.finditer(r.text):
        sentence = r.a.sentence_at(m.start())
        if sentence is None:
            continue
        body = r.text[sentence.start : sentence.end]
        if not _CONVENE.search(body) and not re.search(
            r"\b(?:meeting|held|gathering)\b", body, re.I
        ):
            continue
        named = [x for x in r.mentions_in(sentence.start, sentence.end, ("event",))]
        target = r.entity(named[0].entity) if named else None  # type: ignore[arg-type]
        if target is None:
            stated = [
                d.date for d in r.dates_in(sentence.start, sentence.end) if d.date is not None
            ]
            when = stated[0] if stated else None
            later = [
                e for e in events
                if isinstance(e.fields.get("date"), PartialDate) and when is not None
                and e.fields["date"].earliest() >= when.earliest()
            ]  # fmt: skip
            later.sort(key=lambda e: e.fields["date"].earliest())
            target = later[0] if later else None
            if target is not None:
                for post in r.mentions_in(sentence.start, sentence.end, ("post",)):
                    target.attrs.setdefault("participants", []).append(
                        (post.entity, sentence.start)
                    )
                target.attrs.setdefault("extra_sources", []).append(sentence.start)
        if target is not None and target.known is None and "location" not in target.fields:
            target.fields["location"] = m.group("place")
            target.note(f"in {m.group('place')}", (sentence.start, sentence.end))


def _participants(r: Reader) -> None:
    """Events named for their participants ("Meeting of Party Cell Secretaries") have them."""
    posts = [Mention(s, e, r.text[s:e], k, "post") for s, e, k in r.post_spans]
    for event in r.reg.of_kind("event"):
        if event.known or event.fields.get("type") in ("decision", "conferral"):
            continue
        series = event.fields.get("series")
        keys = {event.attrs.get("series_key", "")}
        if isinstance(series, Ref):
            keys.add(r.entity(series.key).attrs.get("series_key", ""))
        spans = [s for n in event.names for s in n.spans]
        refs: list[str] = []
        for post in posts:
            if any(s[0] <= post.start and post.end <= s[1] for s in spans):
                refs.append(r.reg.resolve(post.entity))  # type: ignore[arg-type]
        for ref, _ in event.attrs.get("participants", []):
            refs.append(r.reg.resolve(ref))
        if not refs and event.fields.get("type") != "series":
            # Renamed events: their names use the same words as a post ("Secretaries of Cells").
            for post in posts:
                post_words = set(
                    series_key(
                        r.entity(post.entity).names[0].text
                        if r.entity(post.entity).names
                        else post.text
                    ).split()
                )  # type: ignore[arg-type]
                if post_words and any(post_words - {"of"} <= set(k.split()) for k in keys if k):
                    refs.append(r.reg.resolve(post.entity))  # type: ignore[arg-type]
                    break
        if refs:
            unique = sorted(set(refs), key=refs.index)
            event.fields["participants"] = [Ref(x) for x in unique]


# -- memberships -----------------------------------------------------------------------------


def _memberships(r: Reader) -> None:
    pattern = re.compile(
        r"(?:’s|'s)\s+(?P<alt>alternate\s+|candidate\s+)?membership\s+(?:on|in|of)\s+(?:the\s+)?(?:its\s+)?"
    )
    for mention in [m for m in r.mentions if m.kind == "person" and m.entity]:
        m = pattern.match(r.text[mention.end : mention.end + 60])
        if not m:
            continue
        organ = r.mention_at(mention.end + m.end(), kinds=("organ",))
        if organ is None or organ.entity is None:
            continue
        block_index = r.a.block_at(mention.start)
        block = r.a.blocks[block_index] if block_index is not None else None
        scope = (
            r.text[block.start : block.end] if block else r.text[mention.start : mention.end + 200]
        )
        status = "reported"
        if re.search(r"\bproject", scope, re.I):
            status = "projected"
        elif re.search(r"\b(?:confirm|elected|appointed)", scope, re.I):
            status = "confirmed"
        as_of = None
        if block:
            for date in r.dates_in(block.start, block.end):
                if (
                    re.search(r"\bas\s+of\s+$", r.text[max(0, date.start - 8) : date.start])
                    and date.date
                ):
                    as_of = date.date
        person, organ_key = r.reg.resolve(mention.entity), r.reg.resolve(organ.entity)
        role = "alternate-member" if m.group("alt") else "member"
        person_id, organ_id = r.entity(person).known, r.entity(organ_key).known
        if person_id and organ_id and (person_id, organ_id, role) in r.known.memberships:
            continue  # a record already
        key = f"membership:{person}:{organ_key}:{role}"
        membership = r.reg.add(Entity(key, "membership"))
        membership.fields.update(
            {"person": Ref(person), "organ": Ref(organ_key), "role": role, "status": status}
        )
        if as_of or r.reference:
            membership.fields["as_of"] = as_of or r.reference
        span = (mention.start, organ.end)
        membership.attrs["span"] = span
        membership.note(f"“{r.text[span[0] : span[1]]}” ({status})", span)


# -- the article --------------------------------------------------------------------------------


def _image_title(caption: str) -> str:
    text = re.sub(
        r"^(?:Graphic|Photo|Image|Map|Chart|Illustration)s?\s+(?:of|showing)\s+",
        "",
        caption.strip(),
        flags=re.I,
    )
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = re.split(r",\s+|;\s+|\s+—\s+", text)[0].strip().rstrip(".")
    text = straight(text)
    return text[:1].upper() + text[1:] if text else caption


def _article(r: Reader) -> None:
    article = r.article
    # Images: part of the article, about what their captions name.
    for key in r.images:
        image = r.entity(key)
        image.fields["part_of"] = Ref(article.key)
        image.fields.setdefault("title", _image_title(image.fields.get("caption", "")))
        start, end = image.attrs["caption"]
        about, mentions = [], []
        for m in r.mentions_in(start, end):
            target = about if m.kind in ("organ", "event") else mentions
            if r.reg.resolve(m.entity) not in target:  # type: ignore[arg-type]
                target.append(r.reg.resolve(m.entity))  # type: ignore[arg-type]
        image.fields["about"] = [Ref(x) for x in about]
        image.fields["mentions"] = [Ref(x) for x in mentions if x not in about]
    # Documents cite what is quoted or named inside their own quotations.
    cites: dict[str, list[str]] = {}
    mentioned: dict[str, list[str]] = {}
    for start, _end, doc in r.doc_mentions:
        owner = r.reg.resolve(r.source_of(start))
        doc = r.reg.resolve(doc)
        if doc != owner:
            cites.setdefault(owner, [])
            if doc not in cites[owner]:
                cites[owner].append(doc)
    for quote in r.quotes:
        if quote.source:
            owner = r.reg.resolve(r.source_of(max(0, quote.start - 1)))
            source = r.reg.resolve(quote.source)
            if source != owner and source not in cites.setdefault(owner, []):
                cites[owner].append(source)
    for mention in r.mentions:
        if not mention.entity or mention.kind == "article":
            continue
        owner = r.reg.resolve(r.source_of(mention.start))
        entity = r.reg.resolve(mention.entity)
        if entity not in mentioned.setdefault(owner, []):
            mentioned[owner].append(entity)
    for owner, docs in cites.items():
        entity = r.entity(owner)
        if entity.known is None and owner != article.key and entity.fields.get("type") != "image":
            entity.fields["cites"] = [Ref(d) for d in docs]
    for owner, entities in mentioned.items():
        entity = r.entity(owner)
        if entity.known is None and owner != article.key and entity.fields.get("type") != "image":
            entity.fields["mentions"] = [Ref(e) for e in entities]
    # The article: everything it names; what its headline names is what it is about.
    everything = []
    for mention in r.mentions:
        if mention.entity and mention.kind in ("person", "organ", "post", "event"):
            key = r.reg.resolve(mention.entity)
            if key not in everything:
                everything.append(key)
    for key in sorted(r.nested):
        key = r.reg.resolve(key)
        if key not in everything:
            everything.append(key)
    for entity in r.reg.of_kind("event"):
        if entity.key not in everything and (
            entity.fields.get("type") in ("decision", "series") or entity.known is None
        ):
            everything.append(entity.key)
    article.fields["mentions"] = [Ref(k) for k in everything]
    cited = []
    for owner_docs in [cites.get(article.key, [])]:
        for doc in owner_docs:
            if r.entity(doc).fields.get("type") != "image" and doc not in cited:
                cited.append(doc)
    article.fields["cites"] = [Ref(d) for d in cited]
    about: list[str] = []
    title_blocks = [b for b in r.a.blocks if b.kind == "title"]
    if title_blocks:
        block = title_blocks[0]
        for m in r.mentions_in(block.start, block.end):
            key = r.reg.resolve(m.entity)  # type: ignore[arg-type]
            if key not in about:
                about.append(key)
        for d in docs_in(r, block.start, block.end):
            if d[2] not in about:
                about.append(r.reg.resolve(d[2]))
        for date in r.dates_in(block.start, block.end):
            if date.date is None:
                continue
            for event in r.reg.of_kind("event"):
                when = event.fields.get("date")
                if isinstance(when, PartialDate):
                    iso = when.iso
                else:
                    iso = r.known.event_dates.get(event.known or "")
                if (
                    iso == date.date.iso
                    and event.fields.get("type") != "decision"
                    and event.key not in about
                ):
                    about.append(event.key)
        # "Political Bureau Issues Report": the report of the organ the headline names.
        if re.search(
            r"\b(?:issues?|releases?|publishes?|adopts?)\s+(?:a\s+)?(?:report|decision|statement)\b",
            r.text[block.start : block.end],
            re.I,
        ):
            for m in r.mentions_in(block.start, block.end, ("organ",)):
                doc = doc_by(r, m.entity)  # type: ignore[arg-type]
                if doc and r.reg.resolve(doc) not in about:
                    about.append(r.reg.resolve(doc))
    article.fields["about"] = [Ref(k) for k in about]
    article.fields["quotes"] = [
        {
            "text": q.text,
            "source": Ref(q.source) if q.source else None,
            "speaker": Ref(q.speaker) if q.speaker else None,
        }
        for q in r.quotes
    ]
    # Publisher inferred from the image credits when they all name one outlet.
    publishers = {
        r.reg.resolve(r.entity(k).fields["publisher"].key)
        for k in r.images
        if isinstance(r.entity(k).fields.get("publisher"), Ref)
    }
    if len(publishers) == 1 and all(
        isinstance(r.entity(k).fields.get("publisher"), Ref) for k in r.images
    ):
        article.attrs["credited_publisher"] = next(iter(publishers))
    creators = {r.entity(k).attrs.get("creator") for k in r.images}
    if len(creators) == 1 and None not in creators:
        article.attrs["credited_creator"] = next(iter(creators))
    if r.byline_authors:
        article.attrs["byline_authors"] = list(r.byline_authors)
