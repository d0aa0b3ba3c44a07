"""Building event records and coded articles by hand, for the store tests (no tests here)."""

from __future__ import annotations

import datetime as dt

from attache.records import (
    Article,
    ArticleResult,
    CleanArticle,
    Entity,
    EventRecord,
    Evidence,
    Location,
)

QUAD = {
    "CONSULT": ("VERBAL_COOPERATION", 2.5, "04"),
    "ACCUSE": ("VERBAL_CONFLICT", -3.0, "11"),
    "THREATEN": ("VERBAL_CONFLICT", -3.5, "13"),
    "ASSAULT": ("MATERIAL_CONFLICT", -9.0, "18"),
    "PROTEST": ("MATERIAL_CONFLICT", -5.0, "14"),
    "AID": ("MATERIAL_COOPERATION", 10.0, "07"),
}


def record(
    event_id: str,
    article_id: str,
    event_type: str,
    actor: list[str],
    recipient: list[str],
    date: dt.date | None,
    sentence: str = "They did it.",
    start: int = 0,
    location: str | None = None,
    mode: list[str] | None = None,
    negated: bool = False,
    sector: str = "GOV",
) -> EventRecord:
    quad, intensity, root = QUAD[event_type]
    return EventRecord(
        event_id=event_id,
        article_id=article_id,
        date=date,
        event_type=event_type,
        mode=mode or [],
        actor=[Entity(text=c, code=c, sector=sector) for c in actor],
        recipient=[Entity(text=c, code=c, sector="GOV") for c in recipient],
        location=Location(text=location) if location else None,
        evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence), trigger="did"),
        quad=quad,
        intensity=intensity,
        cameo_root=root,
        confidence=0.8,
        reason=f"test rule for {event_type}",
        negated=negated,
    )


def coded(
    article_id: str,
    text: str,
    date: dt.date | None,
    events: list[EventRecord],
    source: str | None = "Outlet",
    url: str | None = None,
) -> ArticleResult:
    article = Article(
        id=article_id,
        text=text,
        date=date,
        source=source,
        url=url or f"https://{(source or 'x').lower()}.example/{article_id}",
    )
    return ArticleResult(article=CleanArticle(article=article, text=text), events=events)
