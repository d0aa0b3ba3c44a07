"""Reading the store: filtered events and per-dyad, per-period series.

Filter values are checked here and always passed to DuckDB as parameters;
only fixed SQL fragments chosen from this file are ever concatenated.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import duckdb
import yaml

from attache.store.db import StoreError

QUADS = ("VERBAL_COOPERATION", "MATERIAL_COOPERATION", "VERBAL_CONFLICT", "MATERIAL_CONFLICT")
PERIODS = ("day", "week", "month", "year")
_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,15}$")


@cache
def event_types() -> tuple[str, ...]:
    data = yaml.safe_load((files("attache.events") / "plover.yaml").read_text(encoding="utf-8"))
    return tuple(data)


def parse_date(value: str | dt.date | None, what: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise StoreError(f"{what}: {value!r} is not a date (YYYY-MM-DD)") from None


def parse_type(value: str | None) -> str | None:
    if value is None:
        return None
    t = value.strip().upper()
    if t not in event_types():
        raise StoreError(f"unknown event type {value!r} (one of {', '.join(event_types())})")
    return t


def parse_quad(value: str | None) -> str | None:
    """A quad class by name (any case, - or _) or by GDELT number 1-4."""
    if value is None:
        return None
    q = value.strip().upper().replace("-", "_").replace(" ", "_")
    if q in {"1", "2", "3", "4"}:
        return QUADS[int(q) - 1]
    if q not in QUADS:
        raise StoreError(f"unknown quad class {value!r} (one of {', '.join(QUADS)} or 1-4)")
    return q


def check_code(con: duckdb.DuckDBPyConnection, value: str | None, what: str) -> str | None:
    """An actor code the store knows; a typo gets an error rather than an empty answer."""
    if value is None:
        return None
    code = value.strip().upper()
    if not _CODE.match(code):
        raise StoreError(f"{what}: {value!r} is not an actor code (e.g. CHN, USA, NATO)")
    row = con.execute("SELECT 1 FROM entities WHERE code = ? LIMIT 1", [code]).fetchone()
    if row is None:
        raise StoreError(f"{what}: unknown code {code!r} (no actor or recipient has it in this store)")
    return code


@dataclass
class EventFilter:
    actor: str | None = None
    recipient: str | None = None
    event_type: str | None = None
    quad: str | None = None
    since: str | dt.date | None = None
    until: str | dt.date | None = None
    text: str | None = None
    limit: int | None = None

    def validated(self, con: duckdb.DuckDBPyConnection) -> EventFilter:
        if self.limit is not None and self.limit < 0:
            raise StoreError("limit must be 0 or more")
        f = EventFilter(
            actor=check_code(con, self.actor, "actor"),
            recipient=check_code(con, self.recipient, "recipient"),
            event_type=parse_type(self.event_type),
            quad=parse_quad(self.quad),
            since=parse_date(self.since, "since"),
            until=parse_date(self.until, "until"),
            text=self.text,
            limit=self.limit,
        )
        if f.since and f.until and f.since > f.until:
            raise StoreError(f"since {f.since} is after until {f.until}")
        return f


EVENT_COLUMNS = (
    "event_id, date, event_type, quad, intensity, cameo_root, actor_codes, recipient_codes,"
    " mode, context, location_code, location_text, historical, future, hypothetical, negated,"
    " num_mentions, num_articles, num_sources, first_date, last_date, source, source_url,"
    " article_id, (SELECT s.text FROM mentions m JOIN sentences s USING (sentence_id)"
    "  WHERE m.mention_id = e.event_id) AS evidence"
)


def _like(word: str) -> str:
    # The user's words are matched literally: escape LIKE's own wildcards.
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def events_sql(f: EventFilter) -> tuple[str, list]:
    """SQL and parameters for the events matching an already validated filter."""
    where, params = [], []
    if f.actor or f.recipient:
        # Through the event's pairs, as dyads() does, so "--actor CHN --recipient IND"
        # finds reciprocal meetings (no recipient) too. Both codes must be in one pair.
        cond, pair_params = _pair_match(f.actor, f.recipient)
        where.append(f"EXISTS (SELECT 1 FROM event_dyads d WHERE d.event_id = e.event_id AND {cond})")
        params += pair_params
    if f.event_type:
        where.append("event_type = ?")
        params.append(f.event_type)
    if f.quad:
        where.append("quad = ?")
        params.append(f.quad)
    if f.since:
        where.append("date >= ?")
        params.append(f.since)
    if f.until:
        where.append("date <= ?")
        params.append(f.until)
    for word in (f.text or "").split():
        # Any sentence reporting the event may carry the word.
        where.append(
            "EXISTS (SELECT 1 FROM mentions m JOIN sentences s USING (sentence_id)"
            " WHERE m.event_id = e.event_id AND s.text ILIKE ? ESCAPE '\\')"
        )
        params.append(_like(word))
    sql = f"SELECT {EVENT_COLUMNS} FROM event_summary e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date NULLS LAST, event_id"
    if f.limit is not None:
        sql += " LIMIT ?"
        params.append(f.limit)
    return sql, params


def _pair_match(actor: str | None, recipient: str | None) -> tuple[str, list]:
    """Condition on an ``event_dyads d`` row: undirected pairs match either way round."""
    conds, params = [], []
    if actor:
        conds.append("(d.actor = ? OR (NOT d.directed AND d.recipient = ?))")
        params += [actor, actor]
    if recipient:
        conds.append("(d.recipient = ? OR (NOT d.directed AND d.actor = ?))")
        params += [recipient, recipient]
    return " AND ".join(conds), params


def dyads_sql(
    con: duckdb.DuckDBPyConnection,
    by: str,
    actor: str | None = None,
    recipient: str | None = None,
) -> tuple[str, list]:
    """Per dyad and period: events per quad class and summed intensity.

    Negated and hypothetical events are left out: they did not happen.
    Undirected pairs (meetings, clashes) match --actor/--recipient either way round.
    """
    if by not in PERIODS:
        raise StoreError(f"unknown period {by!r} (one of {', '.join(PERIODS)})")
    actor = check_code(con, actor, "actor")
    recipient = check_code(con, recipient, "recipient")
    where = ["NOT e.negated", "NOT e.hypothetical", "e.date IS NOT NULL"]
    params: list = [by]
    if actor or recipient:
        cond, pair_params = _pair_match(actor, recipient)
        where.append(cond)
        params += pair_params
    quad_cols = ", ".join(f"count(*) FILTER (WHERE e.quad = '{q}') AS {q.lower()}" for q in QUADS)
    sql = (
        "SELECT d.actor, d.recipient, d.directed, CAST(date_trunc(?, e.date) AS DATE) AS period,"
        f" count(*) AS events, {quad_cols}, sum(e.intensity) AS intensity,"
        " CAST(sum(e.num_mentions) AS BIGINT) AS mentions"
        " FROM event_dyads d JOIN event_summary e USING (event_id)"
        " WHERE " + " AND ".join(where) + " GROUP BY ALL ORDER BY d.actor, d.recipient, period"
    )
    return sql, params
