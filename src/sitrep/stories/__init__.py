"""Stories: the reports of one real-world event across articles, every report kept.

:func:`link_stories` links the store's new events into stories (ingest calls it);
:mod:`sitrep.store.stories` reads them back; :func:`link_reports` is the same linking in
memory, for records that never went through a store.
"""

from sitrep.stories.linking import StoryLinker, StoryState, link_reports
from sitrep.stories.reports import Report, build_report, outlet_of
from sitrep.stories.summary import Story, StoryConflict, StoryMention, summarise
from sitrep.stories.update import LinkSummary, link_stories

__all__ = [
    "LinkSummary",
    "Report",
    "Story",
    "StoryConflict",
    "StoryLinker",
    "StoryMention",
    "StoryState",
    "build_report",
    "link_reports",
    "link_stories",
    "outlet_of",
    "summarise",
]
