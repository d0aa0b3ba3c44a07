"""Opening a store file: schema on first write, read-only for queries."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import duckdb

SCHEMA_VERSION = "1"


class StoreError(Exception):
    """A store that cannot be used as asked (missing file, wrong schema, bad filter)."""


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if read_only:
        if not path.exists():
            raise StoreError(f"no such database: {path}")
        try:
            con = duckdb.connect(str(path), read_only=True)
        except duckdb.Error as e:
            raise StoreError(f"cannot open {path}: {e}") from e
        has_events = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'event_summary'"
        ).fetchone()[0]
        if not has_events:
            con.close()
            raise StoreError(f"{path} is not an attache event store")
        return con
    try:
        con = duckdb.connect(str(path))
    except duckdb.Error as e:
        raise StoreError(f"cannot open {path}: {e}") from e
    # Every statement is IF NOT EXISTS / OR REPLACE, so this is safe on an existing store.
    con.execute((files("attache.store") / "schema.sql").read_text(encoding="utf-8"))
    con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    return con
