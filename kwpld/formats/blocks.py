"""Where each subject's block lies in a pretty file (Turtle, TriG, JSON-LD), by byte offset.

Those files write their subjects as prefixed names or compacted IRIs, so, unlike the line
files, their order cannot be bisected from the text. A writer asked for it records, per
section (a named graph: a TriG ``{ }`` block, a JSON-LD ``@graph`` entry; all of Turtle), the
byte offset of its first block and each block's subject and size; blocks of a section are
joined by a fixed separator. That is all an incremental rebuild needs to copy the unchanged
blocks of the release in place and write only the changed subjects' blocks
(:func:`kwpld.publish.splice.splice_blocks`). The index is kept in the build cache, never in
the release.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["BlockIndex", "Section", "nbytes"]


def nbytes(text: str) -> int:
    """The UTF-8 size of ``text`` (``str.isascii`` is a flag test: no encoding for ASCII)."""
    return len(text) if text.isascii() else len(text.encode("utf-8"))


@dataclass
class Section:
    """One run of blocks: its name (a graph term; ``""`` for Turtle), the offset of its first
    block, and each block's subject and size in bytes (separators not counted), in order."""

    name: str
    body: int
    subjects: list[str] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)

    def end(self, separator: int) -> int:
        """The offset just after its last block."""
        if not self.sizes:
            return self.body
        return self.body + sum(self.sizes) + separator * (len(self.sizes) - 1)


@dataclass
class BlockIndex:
    """The sections of one file, in order, the separator between two blocks of a section, and
    the SHA-256 of the file they describe (an index is used only with that very file)."""

    separator: bytes
    sections: list[Section] = field(default_factory=list)
    sha256: str = ""
    position: int = 0
    """While recording: the bytes written so far (see :meth:`skip`, :meth:`close`)."""

    def skip(self, text: str) -> None:
        """``text`` was written outside any block (a header, a graph's wrapper)."""
        self.position += nbytes(text)

    def open(self, name: str) -> Section:
        """A section starts here; the writer appends its blocks' subjects and sizes."""
        section = Section(name, self.position)
        self.sections.append(section)
        return section

    def close(self, section: Section) -> None:
        """``section``'s blocks and separators were written."""
        self.position = section.end(len(self.separator))
