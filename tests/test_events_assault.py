"""ASSAULT: who attacks whom, for groups of no one state, passives, nominal attacks and clashes."""

from __future__ import annotations

import datetime as dt

from attache.records import Article

DATE = dt.date(2023, 5, 4)


def keys(coder, text: str) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    events = coder.code(Article(id="t", text=text, date=DATE)).events
    return {
        (e.event_type, tuple(sorted(a.code for a in e.actor)), tuple(sorted(r.code for r in e.recipient)))
        for e in events
        if not e.negated
    }


def test_a_stateless_group_is_coded_by_where_it_is_attacked(coder) -> None:
    found = keys(
        coder,
        "The French military is conducting airstrikes against Islamic State positions in Mali and Niger.",
    )
    assert ("ASSAULT", ("FRA",), ("MLI", "NER")) in found
