"""Saved web pages: the article's main text and metadata, found by trafilatura.

trafilatura drops navigation, related-story boxes and footers, and reads the title, the
canonical URL and the publication date from the page's metadata. Two of its date defaults
are replaced, because a wrong document date shifts every relative date in the article:

* ``extensive_search`` is off, so a date is taken only from markup that states one
  (``article:published_time``, ``<time datetime>``, a dated URL, a dated byline) and never
  guessed from free text or the copyright year in the footer (``© 2024`` would become
  2024-01-01 for a 2021 story);
* ``max_date`` is a fixed far-future bound instead of today, so that the same page gives
  the same result on any day.

A page with no date of its own then falls back to ``--date`` or is rejected with E.NO_DATE.
"""

from __future__ import annotations

from typing import Any

from sitrep.errors import E, InputError
from sitrep.readers.dates import parse_date
from sitrep.records import Document

__all__ = ["read_html"]

_DATE_PARAMS = {
    "original_date": True,  # the publication date, not the last-modified date
    "extensive_search": False,
    # Bounds wide enough for any news archive; the defaults (1995-01-01 .. today) would
    # drop older archives and make results depend on the day they are computed.
    "min_date": "1900-01-01",
    "max_date": "2999-12-31",
}


def read_html(data: bytes | str, *, source: str, date: str | None) -> Document | InputError:
    """One Document from an HTML page: its bytes (in any charset the page declares) or text.

    ``date`` is the fallback for a page without a publication date, already normalised.
    """
    # Imported here: trafilatura and its helpers take ~70 ms to import, which every run
    # that reads no HTML (most of them) would otherwise pay.
    import trafilatura
    from lxml import etree

    def extract(with_metadata: bool) -> Any:
        return trafilatura.bare_extraction(
            data,
            with_metadata=with_metadata,
            include_comments=False,  # reader comments are not the article
            include_tables=True,
            date_extraction_params=dict(_DATE_PARAMS),
        )

    try:
        try:
            page = extract(with_metadata=True)
        except AssertionError:
            # lxml asserts when the page's root element is one htmldate drops (a page that
            # starts with <script>): the text is still there, read without the metadata
            page = extract(with_metadata=False)
    except (ValueError, AssertionError, etree.LxmlError):
        return InputError(E.NO_HTML_TEXT, source=source)
    text = (page.text or "").strip() if page is not None else ""
    if page is None or not text:
        return InputError(E.NO_HTML_TEXT, source=source)
    if page.date:
        try:
            document_date = parse_date(page.date, source=source)
        except InputError as error:
            return error
    elif date is not None:
        document_date = date
    else:
        return InputError(E.NO_DATE, source=source)
    # trafilatura puts one paragraph per line; a blank line between paragraphs, as in the
    # plain-text articles, keeps a headline without a full stop out of the next sentence.
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return Document(
        text="\n\n".join(paragraphs),
        date=document_date,
        title=(page.title or "").strip() or None,
        url=(page.url or "").strip() or None,
        source=source,
    )
