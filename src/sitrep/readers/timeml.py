"""Read TimeML files (TimeBank, AQUAINT, TempEval-3): the document and its gold TIMEX3s.

The document date comes from the TIMEX3 inside ``<DCT>``; the text is the content of
``<TEXT>`` with every tag removed and entities unescaped; gold TIMEX3 offsets point into
that text. Real TimeML files carry odd markup (unescaped ampersands in wire headers, stray
tags), so the file is read with a tolerant tag scanner that still checks that tags nest,
rather than an XML parser that rejects the whole file for one bad entity.
"""

from __future__ import annotations

import html
import re

from sitrep.errors import E, InputError
from sitrep.readers.dates import parse_date
from sitrep.records import Document, TimeExpression

__all__ = ["parse_timeml"]

_TAG = re.compile(r"<(/?)([A-Za-z_][\w.-]*)([^<>]*?)(/?)>")
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SKIP = re.compile(r"<\?.*?\?>|<!--.*?-->|<!\[CDATA\[.*?\]\]>|<!DOCTYPE[^>]*>", re.S)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}


def _attributes(raw: str) -> dict[str, str]:
    return {m[1]: html.unescape(m[2] if m[2] is not None else m[3]) for m in _ATTR.finditer(raw)}


def _section(xml: str, tag: str, source: str) -> str | None:
    """Raw content of the first ``<tag>`` element, or None when the file has none."""
    match = re.search(rf"<{tag}(?:\s[^>]*)?>(.*?)</{tag}>", xml, re.S)
    if match is None:
        if re.search(rf"<{tag}[\s>]", xml):
            raise InputError(E.BAD_TIMEML, source=source, reason=f"<{tag}> is never closed")
        return None
    return match[1]


def _strip(markup: str, source: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Text without tags, plus (start, end, attributes) of every TIMEX3 in it.

    Tags must nest properly; a closing tag that does not match the open one is malformed.
    """
    markup = _SKIP.sub("", markup)
    parts: list[str] = []
    length = 0
    stack: list[tuple[str, int, dict[str, str]]] = []
    timexes: list[tuple[int, int, dict[str, str]]] = []
    position = 0
    for match in _TAG.finditer(markup):
        chunk = html.unescape(markup[position : match.start()])
        parts.append(chunk)
        length += len(chunk)
        position = match.end()
        closing, name, raw_attrs, self_closing = match.groups()
        if self_closing:
            continue
        if not closing:
            stack.append((name, length, _attributes(raw_attrs)))
            continue
        if not stack or stack[-1][0] != name:
            opened = stack[-1][0] if stack else "nothing"
            raise InputError(E.BAD_TIMEML, source=source, reason=f"</{name}> closes <{opened}>")
        _, start, attrs = stack.pop()
        if name == "TIMEX3":
            timexes.append((start, length, attrs))
    if stack:
        raise InputError(E.BAD_TIMEML, source=source, reason=f"<{stack[-1][0]}> is never closed")
    tail = html.unescape(markup[position:])
    if "<" in tail and re.search(r"<\s*/?\s*[A-Za-z]", tail):
        raise InputError(E.BAD_TIMEML, source=source, reason="broken tag in text")
    parts.append(tail)
    return "".join(parts), timexes


def _document_date(dct_markup: str, source: str) -> str:
    _, timexes = _strip(dct_markup, source)
    for _, _, attrs in timexes:
        value = attrs.get("value", "")
        if _ISO_DATE.match(value):
            # Document.date takes a date or a date-time; the DCT's clock time carries no
            # information for date normalisation, so the calendar date is kept. A date that
            # does not exist ("2020-13-45") is E.BAD_DATE here, not an error in the pipeline.
            return parse_date(value[:10], source=source)
    raise InputError(E.BAD_DATE, source=source, value=dct_markup.strip()[:60])


def parse_timeml(xml: str, source: str) -> tuple[Document, list[TimeExpression]]:
    """The Document (date from ``<DCT>``) and the gold TIMEX3s inside ``<TEXT>``.

    Raises ``InputError(E.BAD_TIMEML)`` for malformed markup or a missing ``<TEXT>``, and
    ``InputError(E.NO_DATE)`` when there is no ``<DCT>``.
    """
    if not re.search(r"<TimeML[\s>]", xml):
        raise InputError(E.BAD_TIMEML, source=source, reason="no <TimeML> root element")
    dct = _section(xml, "DCT", source)
    if dct is None:
        raise InputError(E.NO_DATE, source=source)
    date = _document_date(dct, source)
    body = _section(xml, "TEXT", source)
    if body is None:
        raise InputError(E.BAD_TIMEML, source=source, reason="no <TEXT> element")
    text, timexes = _strip(body, source)
    stripped = text.strip()
    shift = len(text) - len(text.lstrip())
    title_markup = _section(xml, "TITLE", source)
    title = _strip(title_markup, source)[0].strip() or None if title_markup is not None else None

    gold: list[TimeExpression] = []
    for start, end, attrs in sorted(timexes, key=lambda t: (t[0], t[1])):
        kind = attrs.get("type", "DATE").upper()
        if kind not in _TIMEX_TYPES:
            raise InputError(E.BAD_TIMEML, source=source, reason=f"TIMEX3 type {kind!r}")
        gold.append(
            TimeExpression(
                text=text[start:end],
                start=start - shift,
                end=end - shift,
                type=kind,  # type: ignore[arg-type]  # checked against _TIMEX_TYPES above
                value=attrs.get("value", ""),
                mod=attrs.get("mod") or None,
                anchor=attrs.get("anchorTimeID") or "document",
                id=attrs.get("tid", ""),
            )
        )
    document = Document(text=stripped, date=date, title=title, source=source)
    return document, gold
