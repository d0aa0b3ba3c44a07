"""Writing the store out: flat tables (jsonl/csv/parquet), PLOVER records, GDELT-style CSV.

Column meanings: docs/export.md.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from attache.store.db import StoreError
from attache.store.query import QUADS, EventFilter, events_sql

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")

# One row per event and actor pair (GDELT events have one Actor1 and one Actor2).
GDELT_SQL = """
SELECT
    e.event_id, d.actor, d.recipient, d.directed, e.date, e.event_type, e.cameo_root, e.quad,
    e.intensity, e.num_mentions, e.num_sources, e.num_articles, e.location_text,
    e.location_code, e.source_url, a.ingested_at,
    (SELECT first(x.sector ORDER BY x.role, x.position) FROM entities x
      WHERE x.mention_id = e.event_id AND x.code = d.actor) AS actor_sector,
    (SELECT first(x.sector ORDER BY x.role DESC, x.position) FROM entities x
      WHERE x.mention_id = e.event_id AND x.code = d.recipient) AS recipient_sector
FROM event_summary e
JOIN event_dyads d USING (event_id)
JOIN articles a ON a.article_id = e.article_id
ORDER BY e.date NULLS LAST, e.event_id, d.actor, d.recipient
"""

GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "DATEADDED",
    "SOURCEURL",
    "PloverType",
    "Directed",
]


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: str | Path) -> int:
    """Write every event in ``fmt`` to ``out``; returns the number of rows written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    out = Path(out)
    if fmt == "plover":
        return _plover(con, out)
    if fmt == "gdelt":
        return _gdelt(con, out)
    # The flat formats hold what `attache events` shows, unfiltered.
    table = con.execute(*events_sql(EventFilter())).to_arrow_table()
    if fmt == "parquet":
        pq.write_table(table, out)
    elif fmt == "csv":
        # CSV has no lists: codes, modes and contexts become ';'-joined strings.
        cols = [
            pa.array([";".join(v) if v is not None else None for v in c.to_pylist()])
            if pa.types.is_list(c.type)
            else c
            for c in table.columns
        ]
        pacsv.write_csv(pa.table(cols, names=table.column_names), out)
    else:
        with open(out, "w", encoding="utf-8") as f:
            for row in table.to_pylist():
                f.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
    return table.num_rows


def _plover(con: duckdb.DuckDBPyConnection, out: Path) -> int:
    """One EventRecord per event: the first record that reported it, as coded."""
    rows = con.execute(
        "SELECT m.record, m.source, m.url FROM events e JOIN mentions m ON m.mention_id = e.event_id"
        " ORDER BY e.date NULLS LAST, e.event_id"
    ).fetchall()
    with open(out, "w", encoding="utf-8") as f:
        for record, source, url in rows:
            rec = json.loads(record)
            # The coder may leave these to the article; the mention has them resolved.
            rec["source"] = rec.get("source") or source
            rec["url"] = rec.get("url") or url
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(rows)


def _gdelt(con: duckdb.DuckDBPyConnection, out: Path) -> int:
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(GDELT_COLUMNS)
        for r in con.execute(GDELT_SQL).fetchall():
            (
                event_id,
                actor,
                recipient,
                directed,
                date,
                etype,
                root,
                quad,
                intensity,
                nm,
                ns,
                na,
                loc_text,
                loc_code,
                url,
                added,
                a_sector,
                r_sector,
            ) = r
            recipient = "" if recipient == "-" else recipient
            w.writerow(
                [
                    event_id,
                    date.strftime("%Y%m%d") if date else "",
                    date.strftime("%Y%m") if date else "",
                    date.year if date else "",
                    f"{date.year + (date.timetuple().tm_yday - 1) / 365:.4f}" if date else "",
                    actor + (a_sector or ""),
                    actor,
                    a_sector or "",
                    recipient + (r_sector or "") if recipient else "",
                    recipient,
                    (r_sector or "") if recipient else "",
                    1,
                    root,
                    root,
                    root,
                    QUADS.index(quad) + 1,
                    intensity,
                    nm,
                    ns,
                    na,
                    loc_text or "",
                    loc_code or "",
                    added.strftime("%Y%m%d%H%M%S") if added else "",
                    url or "",
                    etype,
                    int(directed),
                ]
            )
            n += 1
    return n
