"""Plain dataclasses that the ingestion layer returns, and its one error type.

``ParsedArticle`` is an article as published (text kept exactly, with metadata found
beside it); ``FeedEntry`` is one link of an RSS or Atom feed; ``IngestError`` is raised
when one input cannot be read, with a one-line message fit for a user.
"""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ParsedArticle:
    # For .txt exactly the decoded file; otherwise the title line, then paragraphs, joined by "\n".
    text: str
    title: str = ""
    kicker: str = ""  # روتیتر, the short line above the headline
    lead: str = ""
    source_name: str = ""  # publisher from page metadata, feed or record; "" when unknown
    url: str = ""  # the original article URL
    news_code: str = ""  # e.g. "153318", ASCII digits
    published: datetime | None = None  # timezone-aware
    external_id: str = ""  # e.g. the JSONL record id


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str = ""
    published: datetime | None = None
    source_name: str = ""  # the feed's title


class IngestError(Exception):
    """One input could not be read; str(err) is a clear one-line message for a user."""
