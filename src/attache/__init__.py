"""attache: political event data (PLOVER) from news articles, with evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"


if TYPE_CHECKING:
    from pathlib import Path

    from attache.store import Store


def open(path: str | Path, write: bool = False, window_days: int = 1) -> Store:  # noqa: A001
    """Open an event store (DuckDB file): ``attache.open("events.duckdb").events(actor="CHN")``.

    ``write=True`` opens it for ingesting (``window_days``: the merge window, docs/store.md).
    Imported lazily so ``import attache`` stays cheap for the command line.
    """
    from attache.store import Store

    return Store(path, write=write, window_days=window_days)
