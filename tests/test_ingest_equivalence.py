"""Ingesting the seed article into an empty folder and accepting every draft gives records
equivalent to the hand-curated example (examples/party-cells-2013).

Equivalent means: the same people, organs, post, membership, events and articles, matched by
the match keys of their names (ids differ and do not matter), with the same kinds and types,
the same dates (normalized, with the calendar the source used), ordinals, series and renamings,
the same organ hierarchy, authors, publishers and quotations. What only the curator adds
(names in scripts the text does not print, Wikidata ids, descriptions) is not compared.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kwpld.ingest.pipeline import IngestOptions, ingest
from kwpld.load import load_records
from kwpld.model import Article, Event, Records
from kwpld.names import match_key
from kwpld.review import accept

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "texts" / "nklw-2013-01-party-cell-secretaries.txt"
EXAMPLE = ROOT / "examples" / "party-cells-2013"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Records:
    data = tmp_path_factory.mktemp("seed") / "data"
    ingest(
        [SEED], data, options=IngestOptions(article_type="analysis", authors=("Michael Madden",))
    )
    accept(data, every=True)
    return load_records(data)


@pytest.fixture(scope="module")
def curated() -> Records:
    return load_records(EXAMPLE)


def _keys(record: object) -> set[str]:
    keys = {match_key(n.text) for n in getattr(record, "names", [])}
    if isinstance(record, Article):
        keys.add(match_key(record.title))
    return keys


def _pair(ours: list, theirs: list, key) -> dict[str, str]:
    """Our id -> their id, one to one, by ``key``; fails on anything unmatched."""
    mapping: dict[str, str] = {}
    free = list(theirs)
    for record in ours:
        matches = [t for t in free if key(record, t)]
        assert len(matches) == 1, f"{record.id}: {len(matches)} curated records match"
        mapping[record.id] = matches[0].id
        free.remove(matches[0])
    assert not free, f"curated records with no ingested equal: {[t.id for t in free]}"
    return mapping


@pytest.fixture(scope="module")
def mapping(ingested: Records, curated: Records) -> dict[str, str]:
    by_name = lambda a, b: bool(_keys(a) & _keys(b))  # noqa: E731
    out = {}
    out.update(_pair(ingested.people, curated.people, by_name))
    out.update(_pair(ingested.organs, curated.organs, by_name))
    out.update(_pair(ingested.posts, curated.posts, by_name))

    def same_event(a: Event, b: Event) -> bool:
        if a.event_type != b.event_type:
            return False
        if a.ordinal is not None:
            return a.ordinal == b.ordinal
        if a.event_type == "conferral":
            return match_key(a.title or "") == match_key(b.title or "")
        if a.event_type == "decision":
            return a.date == b.date
        return bool(_keys(a) & _keys(b))

    out.update(_pair(ingested.events, curated.events, same_event))

    def same_article(a: Article, b: Article) -> bool:
        if a.article_type != b.article_type:
            return False
        if a.article_type == "image":
            return match_key(a.caption or "") == match_key(b.caption or "")
        if not a.title.startswith("["):
            return match_key(a.title) == match_key(b.title) or a.id == b.id
        return (a.date.iso if a.date else None) == (b.date.iso if b.date else None)

    out.update(_pair(ingested.articles, curated.articles, same_article))
    out.update(_pair(ingested.memberships, curated.memberships, lambda a, b: a.status == b.status))
    return out


def test_same_records_of_every_kind(
    ingested: Records, curated: Records, mapping: dict[str, str]
) -> None:
    assert ingested.counts() == curated.counts() == {
        "person": 6, "organ": 9, "post": 1, "membership": 1, "event": 7, "article": 8,
    }  # fmt: skip
    assert len(mapping) == len(curated)


def test_every_preferred_name_is_a_curated_name(
    ingested: Records, curated: Records, mapping: dict[str, str]
) -> None:
    # Decisions and conferrals have descriptive names (made by kwpld and by the curator alike),
    # so they are matched by type, date and title instead (see the mapping).
    named = [e for e in ingested.events if e.event_type not in ("decision", "conferral")]
    for record in [*ingested.people, *ingested.organs, *ingested.posts, *named]:
        ours = next(n for n in record.names if n.system == "en" and n.kind == "preferred")
        theirs = {match_key(n.text) for n in curated[mapping[record.id]].names}
        assert match_key(ours.text) in theirs, (record.id, ours.text)


def test_people_keep_their_printed_spellings(
    ingested: Records, curated: Records, mapping: dict[str, str]
) -> None:
    for person in ingested.people:
        theirs = {(match_key(n.text), n.system, n.kind) for n in curated[mapping[person.id]].names}
        for name in person.names:
            assert (match_key(name.text), name.system, name.kind) in theirs, (person.id, name)
    kim_jong_su = next(p for p in ingested.people if p.names[0].text == "Kim Jong Su")
    assert {(n.system, n.text) for n in kim_jong_su.names} >= {
        ("en", "Kim Jong Su"), ("mr-ascii", "Kim Cho'ng-su"), ("mr", "Kim Chŏng-su"),
        ("hangul", "김정수"), ("rr", "Gim Jeong-su"),
    }  # fmt: skip


def test_organs_in_the_same_hierarchy(
    ingested: Records, curated: Records, mapping: dict[str, str]
) -> None:
    for organ in ingested.organs:
        theirs = curated[mapping[organ.id]]
        assert organ.organ_kind == theirs.organ_kind, organ.id
        if organ.parent is not None:
            assert mapping[organ.parent] == theirs.parent, organ.id
    parents = {mapping[o.id]: mapping.get(o.parent or "") for o in ingested.organs}
    # The newspaper's parent, which the text does not state, is a standing organ's
    # (kwpld/reading/organs.yaml: Rodong Sinmun belongs to the Central Committee).
    assert {k for k, v in parents.items() if v != curated[k].parent} == set()


def test_events_with_dates_in_both_calendars_ordinals_and_renamings(
    ingested: Records, curated: Records, mapping: dict[str, str]
) -> None:
    for event in ingested.events:
        theirs = curated[mapping[event.id]]
        assert event.event_type == theirs.event_type
        assert event.ordinal == theirs.ordinal
        assert (event.series and mapping[event.series]) == theirs.series
        assert (event.date and (event.date.iso, event.date.juche)) == (
            theirs.date and (theirs.date.iso, theirs.date.juche)
        ), event.id
        former = {match_key(n.text) for n in event.names if n.kind == "former"}
        assert former == {match_key(n.text) for n in theirs.names if n.kind == "former"}
        for name in event.names:
            if name.renamed_by:
                assert mapping[name.renamed_by] == "pb-decision-2013-01-23"
                assert (name.valid_from or name.valid_until).iso == "2013-01-23"
    dates = sorted((e.ordinal, e.date.iso, e.date.juche) for e in ingested.events if e.ordinal)
    assert dates == [
        (1, "1991-05", True),
        (2, "1994-03", True),
        (3, "2007-10", True),
        (4, "2013-01-28", False),
    ]
    fourth = next(e for e in ingested.events if e.ordinal == 4)
    assert fourth.location == "Pyongyang"
    assert [mapping[o] for o in fourth.organizer] == ["wpk-pb"]
    decision = next(e for e in ingested.events if e.event_type == "decision")
    assert [r.text.endswith("when necessary.") for r in decision.rules] == [True]
    assert [mapping[a] for a in decision.rules[0].applies_to] == ["meetings-of-cell-secretaries"]
    conferral = next(e for e in ingested.events if e.event_type == "conferral")
    assert mapping[conferral.conferred_by] == "kim-jong-un"
    assert [mapping[t] for t in conferral.conferred_on] == ["party-cell-secretary"]


def test_articles_with_authors_publishers_and_dates(
    ingested: Records, curated: Records, mapping: dict[str, str]
) -> None:
    for article in ingested.articles:
        theirs = curated[mapping[article.id]]
        assert [mapping[a] for a in article.authors] == theirs.authors, article.id
        assert (article.publisher and mapping[article.publisher]) == theirs.publisher, article.id
        assert (article.date and article.date.iso) == (theirs.date and theirs.date.iso), article.id
        if article.part_of:
            assert mapping[article.part_of] == theirs.part_of
        if not theirs.title.startswith("["):
            assert match_key(article.title) == match_key(theirs.title), article.id
    analysis = ingested["nklw-2013-01-party-cell-secretaries"]
    assert {mapping[c] for c in analysis.cites} == set(
        curated["nklw-2013-01-party-cell-secretaries"].cites
    )


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def test_quotations_with_their_sources_and_speakers(
    ingested: Records, curated: Records, mapping: dict[str, str]
) -> None:
    ours = ingested["nklw-2013-01-party-cell-secretaries"].quotes
    for quote in curated["nklw-2013-01-party-cell-secretaries"].quotes:
        holders = [
            q for q in ours
            if _plain(quote.text) in _plain(q.text)
            and q.source and mapping[q.source] == quote.source
            and q.speaker and mapping[q.speaker] == quote.speaker
        ]  # fmt: skip
        assert holders, quote.text[:60]
    exact = sum(
        1
        for q in curated["nklw-2013-01-party-cell-secretaries"].quotes
        if any(_plain(q.text) == _plain(o.text) for o in ours)
    )
    assert exact == 5  # the essay's three excerpts are one quotation of the whole excerpt here


def test_projected_membership_from_the_caption(
    ingested: Records, curated: Records, mapping: dict[str, str]
) -> None:
    (ours,) = ingested.memberships
    (theirs,) = curated.memberships
    assert (mapping[ours.person], mapping[ours.organ], ours.role, ours.status, ours.as_of.iso) == (
        theirs.person, theirs.organ, theirs.role, theirs.status, theirs.as_of.iso,
    )  # fmt: skip
    assert mapping[ours.sources[0]] == theirs.sources[0]


def test_the_accepted_folder_builds(ingested: Records, tmp_path: Path) -> None:
    import kwpld

    data = tmp_path / "data"
    ingest(
        [SEED], data, options=IngestOptions(article_type="analysis", authors=("Michael Madden",))
    )
    accept(data, every=True)
    result = kwpld.build(data, tmp_path / "out")
    assert result.triple_count > 1000
    shutil.rmtree(tmp_path / "out")
