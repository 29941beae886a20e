"""Where a text quotes someone: its paragraphs and the double-quoted passages in them."""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n\s*\n")
_MARK = re.compile('["“”]')


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the text's paragraphs (separated by blank lines)."""
    out: list[tuple[int, int]] = []
    start = 0
    for match in _BLANK_LINE.finditer(text):
        out.append((start, match.start()))
        start = match.end()
    out.append((start, len(text)))
    return out


def quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of the double-quoted passages of each paragraph (straight quotes pair
    in order; a quotation left open runs to the paragraph's end, as news style has it)."""
    out: list[tuple[int, int]] = []
    for para_start, para_end in paragraphs(text):
        opened: int | None = None
        for mark in _MARK.finditer(text, para_start, para_end):
            char, i = mark.group(), mark.start()
            if char == "“" or (char == '"' and opened is None):
                opened = i if opened is None else opened
            elif opened is not None:  # a closing mark
                out.append((opened, i + 1))
                opened = None
        if opened is not None:
            out.append((opened, para_end))
    return out
