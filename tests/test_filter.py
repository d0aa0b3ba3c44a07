"""The learned event filter: its shipped weights, its features and how the coder uses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from attache.events.filter import FILTER_FILE, EventFilter, FilterError, article_parties, event_features
from attache.records import Article

TEXT = (
    "Russia and Ukraine trade accusations over strikes\n\n"
    "Russian forces shelled the Ukrainian city of Kharkiv on Monday, killing four people. "
    "Ukraine accused Russia of targeting civilians. Russia denied the accusation. "
    "Ukrainian Foreign Minister Andrii Sybiha urged the United Nations to condemn the strikes."
)


def test_shipped_filter_is_readable_and_small() -> None:
    data = json.loads(FILTER_FILE.read_text(encoding="utf-8"))
    assert 0.0 <= data["suggested_threshold"] <= 1.0
    assert data["training"]["articles"] >= 60
    assert 20 < len(data["weights"]) < 5000
    assert FILTER_FILE.stat().st_size < 1_000_000


def test_confidence_is_the_filter_probability(coder) -> None:
    events = coder.code(Article(id="t", text=TEXT)).events
    assert events
    for event in events:
        assert 0.0 < event.confidence < 1.0
        assert event.reason.endswith(f"filter p={event.confidence}")


def test_min_confidence_drops_unlikely_events(coder) -> None:
    from attache.pipeline import Coder

    events = coder.code(Article(id="t", text=TEXT)).events
    cut = sorted(e.confidence for e in events)[len(events) // 2]
    strict = Coder(nlp=coder.nlp, min_confidence=cut)
    kept = strict.code(Article(id="t", text=TEXT)).events
    assert kept and len(kept) < len(events)
    assert all(e.confidence >= cut for e in kept)


def test_features_say_how_arguments_were_found(coder) -> None:
    from attache.pipeline import Coder

    rules_only = Coder(nlp=coder.nlp, use_filter=False)
    events = rules_only.code(Article(id="t", text=TEXT)).events
    accuse = next(e for e in events if e.event_type == "ACCUSE" and e.evidence.trigger == "accused")
    features = event_features(accuse, article_parties(events), coder.kb.data.igos)
    assert features["actor_how=subject"] == 1.0
    assert features["recipient_how=obj"] == 1.0
    assert features["type=ACCUSE"] == 1.0
    assert features["actor_in_top2"] == 1.0 and features["recipient_in_top2"] == 1.0


def test_a_broken_filter_file_names_itself(tmp_path: Path) -> None:
    bad = tmp_path / "filter.json"
    bad.write_text('{"weights": {"bias": 1.0}}', encoding="utf-8")
    with pytest.raises(FilterError, match=str(bad)):
        EventFilter.load(bad)
    bad.write_text('{"weights": {}, "suggested_threshold": 3}', encoding="utf-8")
    with pytest.raises(FilterError, match="between 0 and 1"):
        EventFilter.load(bad)
