"""The ingest loop: read, skip what is stored, code, write; counts for the summary."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from attache.records import Article, ArticleResult, InputError
from attache.store.writer import Writer


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0  # already in the store (same id or same normalised text)
    errors: int = 0  # bad input, or an article the coder or writer failed on
    events: int = 0  # event records coded and stored as mentions
    new_events: int = 0
    merged: int = 0  # records that joined an event already stored

    def line(self) -> str:
        return (
            f"read={self.read} stored={self.stored} skipped_duplicate={self.duplicates} "
            f"errors={self.errors} events={self.events} new_events={self.new_events} "
            f"merged={self.merged}"
        )


def ingest(
    items: Iterable[Article | InputError],
    code: Callable[[Article], ArticleResult],
    writer: Writer,
    on_error: Callable[[str], None] = lambda message: None,
    on_article: Callable[[], None] = lambda: None,
) -> IngestSummary:
    """Store every new article of ``items``; one bad item is reported and skipped."""
    n = IngestSummary()
    for item in items:
        if isinstance(item, InputError):
            n.errors += 1
            on_error(str(item))
            continue
        n.read += 1
        if writer.seen(item):
            n.duplicates += 1
        else:
            try:
                added = writer.add(code(item))
            except Exception as e:  # noqa: BLE001 - one bad article must not stop months of news
                n.errors += 1
                on_error(f"{item.origin or item.id}: {type(e).__name__}: {e}")
            else:
                n.stored += 1
                n.events += added.records
                n.new_events += added.new_events
                n.merged += added.merged
        on_article()
    return n
