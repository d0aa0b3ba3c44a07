"""Writing coded articles into the store, one transaction per article."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import duckdb

from attache.evaluate import codes, keys
from attache.records import Article, ArticleResult, EventRecord
from attache.store import merge


def text_hash(text: str) -> str:
    """Same article re-published with other spacing or capitals hashes the same."""
    return hashlib.sha256(" ".join(text.lower().split()).encode("utf-8")).hexdigest()


@dataclass
class AddResult:
    records: int = 0  # event records coded for the article
    new_events: int = 0
    merged: int = 0  # records that joined an event already stored


class Writer:
    def __init__(self, con: duckdb.DuckDBPyConnection, window_days: int = merge.DEFAULT_WINDOW_DAYS) -> None:
        self.con = con
        self.window_days = window_days

    def seen(self, article: Article) -> bool:
        """Already stored, by id or by normalised text."""
        row = self.con.execute(
            "SELECT 1 FROM articles WHERE article_id = ? OR text_hash = ? LIMIT 1",
            [article.id, text_hash(article.text)],
        ).fetchone()
        return row is not None

    def add(self, result: ArticleResult) -> AddResult:
        """Store one coded article with its sentences, events, mentions and entities.

        All or nothing: a crash (or SIGKILL) before COMMIT leaves no trace of it.
        """
        out = AddResult()
        a = result.article.article
        rows: dict[str, list] = {"sentences": [], "event_dyads": [], "mentions": [], "entities": []}
        con = self.con
        con.begin()
        try:
            con.execute(
                "INSERT INTO articles (article_id, text_hash, title, date, source, url, origin, text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [a.id, text_hash(a.text), a.title, a.date, a.source, a.url, a.origin, result.article.text],
            )
            sentences: dict[str, list] = {}
            for rec in result.events:
                out.records += 1
                if self._add_record(rec, a, sentences, rows):
                    out.new_events += 1
                else:
                    out.merged += 1
            rows["sentences"] = list(sentences.values())
            # Events go in one by one (later records of this article may merge into
            # them); everything else in one statement per table, which is much faster.
            for table, table_rows in rows.items():
                _insert_many(con, table, table_rows)
            con.commit()
        except BaseException:
            con.rollback()
            raise
        return out

    def _add_record(
        self,
        rec: EventRecord,
        article: Article,
        sentences: dict[str, list],
        rows: dict[str, list],
    ) -> bool:
        """Queue one record as a mention (and its new event); True when it started a new event."""
        con = self.con
        date = rec.date or article.date
        ev = rec.evidence
        sentence_id = f"{article.id}:{ev.start}"
        sentences.setdefault(sentence_id, [sentence_id, article.id, ev.start, ev.end, ev.sentence])
        view = merge.view_of(rec, article.date)
        target = merge.pick(self._candidates(view), view, self.window_days)
        is_new = target is None
        if is_new:
            target = rec.event_id
            actor, recipient = codes(rec.actor), codes(rec.recipient)
            loc = rec.location
            con.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    target,
                    view.event_type,
                    rec.quad,
                    rec.intensity,
                    rec.cameo_root,
                    view.dyad,
                    actor,
                    recipient,
                    date,
                    article.id,
                    loc.code if loc else None,
                    loc.text if loc else None,
                    list(rec.mode),
                    list(rec.context),
                    rec.historical,
                    rec.future,
                    rec.hypothetical,
                    rec.negated,
                ],
            )
            rows["event_dyads"] += [
                [target, *dyad_row(k)] for k in set(keys(view.event_type, actor, recipient))
            ]
        rows["mentions"].append(
            [
                rec.event_id,
                target,
                article.id,
                sentence_id,
                date,
                rec.source or article.source,
                rec.url or article.url,
                ev.trigger,
                rec.reason,
                rec.confidence,
                rec.model_dump_json(),
            ]
        )
        rows["entities"] += [
            [rec.event_id, role, i, e.text, e.code.upper(), e.sector, e.name, e.office]
            for role, ents in (("actor", rec.actor), ("recipient", rec.recipient))
            for i, e in enumerate(ents)
        ]
        return is_new

    def _candidates(self, view: merge.MergeView) -> list[tuple[str, merge.MergeView]]:
        """Stored events that could be ``view``: same type, dyad and flags, date in reach."""
        sql = (
            "SELECT event_id, quad, date, article_id, mode, location_code, location_text"
            " FROM events WHERE event_type = ? AND dyad_key = ? AND historical = ?"
            " AND future = ? AND hypothetical = ? AND negated = ?"
        )
        params: list = [view.event_type, view.dyad, *view.flags]
        if view.date is None:
            sql += " AND date IS NULL AND article_id = ?"
            params.append(view.article_id)
        else:
            w = dt.timedelta(days=self.window_days)
            sql += " AND date BETWEEN ? AND ?"
            params += [view.date - w, view.date + w]
        sql += " ORDER BY rowid"
        out = []
        for event_id, quad, date, article_id, mode, loc_code, loc_text in self.con.execute(
            sql, params
        ).fetchall():
            stored = merge.MergeView(
                event_type=view.event_type,
                quad=quad,
                dyad=view.dyad,
                date=date,
                article_id=article_id,
                historical=view.historical,
                future=view.future,
                hypothetical=view.hypothetical,
                negated=view.negated,
                mode=tuple(sorted(m.lower() for m in mode)),
                location=merge.location_key(loc_code, loc_text),
            )
            out.append((event_id, stored))
        return out


_TABLES = frozenset({"sentences", "event_dyads", "mentions", "entities"})


def _insert_many(con: duckdb.DuckDBPyConnection, table: str, rows: list[list]) -> None:
    """One multi-row INSERT; values are parameters, the table name one of ours."""
    if not rows:
        return
    assert table in _TABLES
    one = "(" + ", ".join("?" * len(rows[0])) + ")"
    con.execute(
        f"INSERT INTO {table} VALUES " + ", ".join([one] * len(rows)),
        [v for row in rows for v in row],
    )


def dyad_row(key: tuple) -> tuple[str, str, bool]:
    """A scoring key as (actor, recipient, directed)."""
    if isinstance(key[1], frozenset):
        a, b = sorted(key[1]) if len(key[1]) == 2 else (next(iter(key[1])),) * 2
        return a, b, False
    return key[1], key[2], True
