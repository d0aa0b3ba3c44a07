"""When two event records are the same event (docs/store.md, "Merge rule").

Pure functions on plain values so the rule can be read and tested on its own;
the writer asks the database for candidates and this module for the verdict.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from attache.evaluate import codes
from attache.records import EventRecord

# Scoring treats these as unordered pairs (CODING.md), so "A met B" and
# "A and B met" are the same meeting: their key is the participant set.
UNORDERED_TYPES = frozenset({"CONSULT", "COOPERATE"})

# Material events can happen twice on the same day between the same sides
# (two strikes, two raids), so they need compatible place and mode as well.
MATERIAL_QUADS = frozenset({"MATERIAL_COOPERATION", "MATERIAL_CONFLICT"})

DEFAULT_WINDOW_DAYS = 1


def dyad_key(event_type: str, actor: list[str], recipient: list[str]) -> str:
    """The "same actor and recipient code sets" part of the merge key, as one string."""
    if event_type.upper() in UNORDERED_TYPES:
        return "+".join(sorted(set(actor) | set(recipient)))
    return ",".join(sorted(set(actor))) + ">" + ",".join(sorted(set(recipient)))


@dataclass(frozen=True)
class MergeView:
    """What the merge rule looks at, for a stored event or an incoming record."""

    event_type: str
    quad: str
    dyad: str
    date: dt.date | None
    article_id: str
    historical: bool = False
    future: bool = False
    hypothetical: bool = False
    negated: bool = False
    mode: tuple[str, ...] = ()
    location: str | None = None  # location code, else lower-cased location text

    @property
    def flags(self) -> tuple[bool, bool, bool, bool]:
        return (self.historical, self.future, self.hypothetical, self.negated)


def location_key(code: str | None, text: str | None) -> str | None:
    """A place to compare: its code when the coder resolved one, else its name."""
    return code or (text or "").strip().lower() or None


def view_of(record: EventRecord, fallback_date: dt.date | None = None) -> MergeView:
    loc = record.location
    return MergeView(
        event_type=record.event_type.upper(),
        quad=record.quad,
        dyad=dyad_key(record.event_type, codes(record.actor), codes(record.recipient)),
        date=record.date or fallback_date,
        article_id=record.article_id,
        historical=record.historical,
        future=record.future,
        hypothetical=record.hypothetical,
        negated=record.negated,
        mode=tuple(sorted(m.lower() for m in record.mode)),
        location=location_key(loc.code, loc.text) if loc else None,
    )


def dates_compatible(a: MergeView, b: MergeView, window_days: int) -> bool:
    # Without a date there is nothing to anchor a cross-article merge on:
    # such events merge only with repeats inside the same article.
    if a.date is None or b.date is None:
        return a.date is None and b.date is None and a.article_id == b.article_id
    return abs((a.date - b.date).days) <= window_days


def same_event(stored: MergeView, new: MergeView, window_days: int = DEFAULT_WINDOW_DAYS) -> bool:
    """True when ``new`` reports the event already stored as ``stored``."""
    if (stored.event_type, stored.dyad, stored.flags) != (new.event_type, new.dyad, new.flags):
        return False
    if not dates_compatible(stored, new, window_days):
        return False
    if new.quad in MATERIAL_QUADS:
        # A missing place or mode says nothing; two different ones say "two events".
        if stored.location and new.location and stored.location != new.location:
            return False
        if stored.mode and new.mode and not set(stored.mode) & set(new.mode):
            return False
    return True


def pick(candidates: list[tuple[str, MergeView]], new: MergeView, window_days: int) -> str | None:
    """The stored event ``new`` merges into: the closest in date, then the oldest id order given."""
    best: tuple[int, int, str] | None = None
    for order, (event_id, stored) in enumerate(candidates):
        if not same_event(stored, new, window_days):
            continue
        gap = abs((stored.date - new.date).days) if stored.date and new.date else 0
        if best is None or (gap, order) < best[:2]:
            best = (gap, order, event_id)
    return best[2] if best else None
