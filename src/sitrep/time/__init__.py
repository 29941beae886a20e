"""Time expressions: recognise and normalise them (TIMEX3) against the document date.

``tag_time(text, dct, doc=None)`` is the entry point; :mod:`sitrep.time.component` wraps it
as a spaCy pipeline stage and :mod:`sitrep.time.evaluate` scores it TempEval-3 style.
"""

from __future__ import annotations

from sitrep.time.tagger import tag_time
from sitrep.time.validate import is_valid_value

__all__ = ["is_valid_value", "tag_time"]
