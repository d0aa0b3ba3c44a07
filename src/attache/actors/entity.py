"""The entity type the actor KB returns: ``records.Entity`` plus the office's dates."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from attache.records import Entity


class ActorEntity(Entity):
    """An :class:`~attache.records.Entity` that also carries when the office was held.

    It is a subclass, so it can go wherever an ``Entity`` is expected; inside an
    ``EventRecord`` it serialises as a plain ``Entity`` (pydantic uses the declared type).
    """

    start: dt.date | None = None
    end: dt.date | None = None
    # Index of the person in the KB, so coreference can recognise the same person again.
    pid: int | None = Field(default=None, exclude=True)
    # A city, province or port ("Aleppo": code SYR, sector None): where something happened,
    # not an actor. Never set for states, capitals or seats of power, which stand for
    # their government ("Moscow said").
    place: bool = False

    def as_entity(self) -> Entity:
        return Entity(**self.model_dump(include=set(Entity.model_fields)))
