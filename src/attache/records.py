"""The records that flow between stages: articles in, event records out.

The event record follows ``shared/spec/CODING.md`` (PLOVER JSON plus evidence).
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class Article(BaseModel):
    """One article as read from its source, before cleaning."""

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = Field(default=None, description="file (and line) it was read from")


class RemovedText(BaseModel):
    """Boilerplate taken out of an article by the clean stage (metadata, never evidence)."""

    kind: str
    text: str


class CleanArticle(BaseModel):
    """An article whose ``text`` is what every later stage sees."""

    article: Article
    text: str
    removed: list[RemovedText] = Field(default_factory=list)


class Entity(BaseModel):
    """An actor or recipient, resolved to a code and a sector."""

    text: str
    code: str
    sector: str | None = None
    name: str | None = None
    office: str | None = None
    reason: str | None = None


class Location(BaseModel):
    text: str
    code: str | None = None


class Evidence(BaseModel):
    sentence: str
    start: int
    end: int
    trigger: str
    trigger_start: int | None = None


class EventRecord(BaseModel):
    event_id: str
    article_id: str
    date: dt.date | None = None
    event_type: str
    mode: list[str] = Field(default_factory=list)
    context: list[str] = Field(default_factory=list)
    actor: list[Entity] = Field(default_factory=list)
    recipient: list[Entity] = Field(default_factory=list)
    historical: bool = False
    future: bool = False
    hypothetical: bool = False
    negated: bool = False
    location: Location | None = None
    evidence: Evidence
    quad: str
    intensity: float
    cameo_root: str
    confidence: float
    reason: str
    source: str | None = None
    url: str | None = None


class ArticleResult(BaseModel):
    """Everything the coder produced for one article."""

    article: CleanArticle
    events: list[EventRecord] = Field(default_factory=list)


class InputError(BaseModel):
    """Bad input that was skipped: where it was and why."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"
