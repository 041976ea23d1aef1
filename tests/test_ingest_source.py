"""Reading articles as they arrive: plain text, Markdown with front matter, saved HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kwpld.errors import InputError
from kwpld.reading.document import read_document
from kwpld.sources import read_source, read_text_source

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def test_plain_text_keeps_the_file_as_written() -> None:
    text = "Headline Here\r\n\r\nFirst paragraph, two\r\nlines.\r\n\r\nSecond one.\r\n"
    source = read_text_source(text, "text/plain", "a.txt")
    assert source.text == text  # offsets count in the file as written, CRLF included
    assert [b.kind for b in source.blocks] == ["title", "paragraph", "paragraph"]
    assert source.block_text(source.blocks[1]) == "First paragraph, two\r\nlines."


def test_a_first_paragraph_that_is_a_sentence_is_no_title() -> None:
    source = read_text_source("Kim Jong Un visited a farm.\n\nMore.", "text/plain")
    assert [b.kind for b in source.blocks] == ["paragraph", "paragraph"]


def test_markdown_front_matter_is_metadata_not_text() -> None:
    source = read_source(FIXTURES / "07-romanizations.md")
    assert source.meta["title"] == "Many Ways to Spell a Name"
    assert str(source.meta["date"]) == "2013-12-13" and source.meta["authors"] == ["Michael Madden"]
    assert source.blocks[0].kind == "title"
    document = read_document(source)
    assert "Madden" not in document.words  # the front matter is not read as the article


def test_markdown_quotes_and_captions() -> None:
    text = (
        "# Title\n\n> Quoted words of\n> the report.\n\n"
        "![A graphic](g.png)\n*The Political Bureau (Graphic: NKLW)*\n"
    )
    source = read_text_source(text, "text/markdown", "a.md")
    kinds = [(b.kind, source.block_text(b)) for b in source.blocks]
    assert kinds == [
        ("title", "Title"),
        ("quote", "Quoted words of\n> the report."),
        ("caption", "The Political Bureau (Graphic: NKLW)"),
    ]


def test_html_text_metadata_and_structure() -> None:
    source = read_source(FIXTURES / "08-html-article.html")
    assert source.meta["title"] == "Kim Jong Un Inspects Farm"
    assert source.meta["date"].startswith("2015-08-21")
    assert source.meta["authors"] == ["Digest Staff"] and source.meta["language"] == "en"
    blocks = [(b.kind, source.block_text(b)) for b in source.blocks]
    assert blocks[0] == ("title", "Kim Jong Un Inspects Farm")
    assert ("caption", "Kim Jong Un at the farm (KCNA Photo)") in blocks
    assert ("quote", "The farm should become a model for the whole country.") in blocks
    assert "placeholder" not in source.text and "Home | Politics" not in source.text  # script, nav
    assert "Copyright" not in source.text  # footer
    assert "on 20 August 2015 (Thursday)" in source.text  # the line break inside <p> is a space


def test_html_entities_and_nested_blocks() -> None:
    html = "<div><p>Kim &amp; Co&#8217;s <b>bold</b> text</p><p>Two</p></div>"
    source = read_text_source(html, "text/html")
    assert [source.block_text(b) for b in source.blocks] == ["Kim & Co’s bold text", "Two"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.pdf", b"x", "cannot tell what kind of article file"),
        ("a.txt", b"caf\xe9", "not UTF-8 text (byte 3"),
        ("a.md", b"---\ntitle: [\n---\nbody", "front matter is not valid YAML"),
        ("a.txt", b"  \n\n ", "the article has no text"),
    ],
)
def test_unreadable_articles_are_clear_errors(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=re.escape(message)) as caught:
        read_source(path)
    assert str(path) in str(caught.value)


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the file"):
        read_source(tmp_path / "missing.txt")
