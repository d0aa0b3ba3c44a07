"""Event store: coded articles in an embedded DuckDB file, duplicates merged.

Modules: ``schema.sql`` (tables), ``db`` (open), ``writer`` (one article in),
``ingest`` (the loop over many), ``merge`` (the duplicate rule), ``query``
(events, dyads), ``export``. ``attache.open(path)`` returns a ``Store``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from attache.store import merge
from attache.store.db import StoreError, connect
from attache.store.query import EventFilter, dyads_sql, events_sql
from attache.store.writer import AddResult, Writer

if TYPE_CHECKING:  # pandas and pyarrow load on first use: the CLI starts faster without them
    import pandas as pd
    import pyarrow as pa

__all__ = ["AddResult", "Store", "StoreError"]


class Store:
    """A store file. Read-only unless opened with ``write=True``."""

    def __init__(
        self,
        path: str | Path,
        write: bool = False,
        window_days: int = merge.DEFAULT_WINDOW_DAYS,
    ) -> None:
        self.path = Path(path)
        self.con = connect(self.path, read_only=not write)
        self.writer = Writer(self.con, window_days) if write else None

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _fetch(self, sql: str, params: list, as_arrow: bool) -> pd.DataFrame | pa.Table:
        rel = self.con.execute(sql, params)
        return rel.to_arrow_table() if as_arrow else rel.df()

    def events(
        self,
        actor: str | None = None,
        recipient: str | None = None,
        type: str | None = None,  # noqa: A002 - the PLOVER word, as on the command line
        quad: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        text: str | None = None,
        limit: int | None = None,
        as_arrow: bool = False,
    ) -> pd.DataFrame | pa.Table:
        """Events with their mention, article and source counts (filters: docs/store.md)."""
        f = EventFilter(
            actor=actor,
            recipient=recipient,
            event_type=type,
            quad=quad,
            since=since,
            until=until,
            text=text,
            limit=limit,
        )
        return self._fetch(*events_sql(f.validated(self.con)), as_arrow)

    def dyads(
        self,
        by: str = "month",
        actor: str | None = None,
        recipient: str | None = None,
        as_arrow: bool = False,
    ) -> pd.DataFrame | pa.Table:
        """Per dyad and period: event counts per quad class and summed intensity."""
        return self._fetch(*dyads_sql(self.con, by, actor, recipient), as_arrow)

    def arrow(self, what: str = "events", **kwargs: Any) -> pa.Table:
        """``events`` or ``dyads`` as an Arrow table."""
        if what not in ("events", "dyads"):
            raise StoreError(f"unknown table {what!r} (events or dyads)")
        return getattr(self, what)(as_arrow=True, **kwargs)

    def counts(self) -> dict[str, int]:
        """Rows per table: what a re-run or an interrupted run should leave unchanged."""
        tables = ("articles", "sentences", "events", "event_dyads", "mentions", "entities")
        return {
            t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # fixed names only
            for t in tables
        }
