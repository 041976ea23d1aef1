"""Records share one typed protocol: Named.preferred_name answers "what is it called" for all."""

from __future__ import annotations

from conftest import EXAMPLE

import kwpld
from kwpld.model import (
    Article,
    Membership,
    Name,
    Named,
    Origin,
    Person,
    Post,
    Records,
    curated_qid,
)

HERE = Origin("people.yaml", 1)


def test_the_preferred_name_in_a_system_then_any_name_in_it_then_the_first() -> None:
    person = Person(
        "kim-jong-un",
        HERE,
        [
            Name("김정은", "hangul", "preferred"),
            Name("Kim Jong-un", "en", "alternate"),
            Name("Kim Jong Un", "en", "preferred"),
        ],
    )
    assert isinstance(person, Named)
    assert person.preferred_name() == "Kim Jong Un"
    assert person.preferred_name("hangul") == "김정은"
    assert person.preferred_name("hanja") == "김정은"  # none in that system: the first name
    person.names = [Name("김정은", "hangul", "preferred"), Name("Kim Jong-un", "en", "alternate")]
    assert person.preferred_name() == "Kim Jong-un"
    assert Post("p", HERE, "wpk-cc", "secretary").preferred_name() == "p"  # no names: the id


def test_an_article_is_called_by_its_title_unless_it_has_a_preferred_name() -> None:
    article = Article("a1", HERE, "news", "Party cells meet")
    assert article.preferred_name() == "Party cells meet"
    article.names = [Name("Cell meeting report", "en", "preferred")]
    assert article.preferred_name() == "Cell meeting report"


def test_records_answer_for_ids_and_memberships_have_no_names() -> None:
    records = kwpld.load_records(EXAMPLE)
    assert records.preferred_name("kim-jong-un") == "Kim Jong Un"
    membership = records.memberships[0]
    assert isinstance(membership, Membership) and not isinstance(membership, Named)
    assert records.preferred_name(membership.id) == membership.id
    assert records.preferred_name("no-such-record") == "no-such-record"
    assert curated_qid(membership) is None and curated_qid(None) is None
    empty = Records()
    empty.add(Person("x", HERE, [Name("X", "en", "preferred")], wikidata="Q1"))
    assert empty.accepted_qid("x") == "Q1" and curated_qid(empty["x"]) == "Q1"
