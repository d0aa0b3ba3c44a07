"""What the event tests compare: the (type, actors, recipients) codes of an article's events."""

from __future__ import annotations

import datetime as dt

from attache.records import Article

DATE = dt.date(2023, 5, 4)

Key = tuple[str, tuple[str, ...], tuple[str, ...]]


def keys(coder, text: str, date: dt.date | None = DATE) -> set[Key]:
    """The codes of the events ``coder`` finds in ``text`` (negated and hypothetical ones are
    not among them: the coder keeps them only on request)."""
    events = coder.code(Article(id="t", text=text, date=date)).events
    return {
        (e.event_type, tuple(sorted(a.code for a in e.actor)), tuple(sorted(r.code for r in e.recipient)))
        for e in events
    }
