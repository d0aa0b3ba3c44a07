"""A learned check on the rules' events: how likely each coded event is right.

The extractor's rules propose events; this filter scores each proposal with a
logistic regression over what the rules did to find it (trigger, how the actor
and recipient were found, modality, where in the article it sits, whether its
states are the ones the article is about). The score becomes the event's
``confidence``: the share of events at that score that are right. Nothing is
dropped unless a minimum confidence is asked for (``attache code
--min-confidence``); ``suggested_threshold`` in the file is the one that gave
the best F1 on our annotations, which are stricter than the shared gold.

The weights live in ``filter.json`` next to this module (readable: one weight
per named feature), built by ``python training/train_event_filter.py`` from
articles we annotated ourselves (``training/events/``); see ``FILTER_CARD.md``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from attache.records import EventRecord

FILTER_FILE = Path(__file__).with_name("filter.json")

# "actor 'Moscow' (subject)" -> ("actor", "subject"); the quoted words of a category
# ("subject of 'hold'") are dropped so that categories generalise.
_PART = re.compile(r"^(actor|recipient) .*\(([^()]*)\)$")
_QUOTED = re.compile(r"'[^']*'")
_RULE = re.compile(r"^rule (\w+)/(\w+):(\S+) on ")


class FilterError(ValueError):
    """A filter file that cannot be used."""


def _category(text: str) -> str:
    return " ".join(_QUOTED.sub("", text).split())


def article_parties(records: Iterable[EventRecord]) -> Counter[str]:
    """How often each code takes part in the article's proposed events."""
    counts: Counter[str] = Counter()
    for record in records:
        counts.update({e.code for e in (*record.actor, *record.recipient)})
    return counts


def event_features(
    record: EventRecord, parties: Mapping[str, int], igo_codes: Collection[str] = ()
) -> dict[str, float]:
    """The named features of one proposed event (all 0/1 except where noted). ``igo_codes``:
    the codes of international organisations (the knowledge base's)."""
    f: dict[str, float] = {"bias": 1.0, f"type={record.event_type}": 1.0}
    parts = [p.strip() for p in record.reason.split(";")]
    rule = _RULE.match(parts[0]) if parts else None
    if rule:
        f[f"pos={rule.group(2)}"] = 1.0
        f[f"trigger={rule.group(1)}/{rule.group(2)}:{rule.group(3)}"] = 1.0
    found = {"actor": "none", "recipient": "none"}
    for part in parts[1:]:
        m = _PART.match(part)
        if m:
            found[m.group(1)] = _category(m.group(2))
        elif part.startswith("announced "):
            f["announced"] = 1.0
        elif part.startswith("construction"):
            f["construction"] = 1.0
        elif part.startswith("recipient: author of"):
            found["recipient"] = "answers earlier event"
    for side, how in found.items():
        f[f"{side}_how={how}"] = 1.0
    for flag in ("historical", "future", "hypothetical"):
        if getattr(record, flag):
            f[flag] = 1.0
    actors = {e.code for e in record.actor}
    recipients = {e.code for e in record.recipient}
    f["actors>1"] = float(len(actors) > 1)
    f["recipients>1"] = float(len(recipients) > 1)
    f["domestic"] = float(bool(actors & recipients))
    f["actor_unk"] = float("UNK" in actors)
    f["recipient_unk"] = float("UNK" in recipients)
    f["actor_igo"] = float(any(code in igo_codes for code in actors))
    f["recipient_igo"] = float(any(code in igo_codes for code in recipients))
    top = {code for code, _ in Counter(parties).most_common(2)}
    f["actor_in_top2"] = float(bool(actors & top))
    f["recipient_in_top2"] = float(bool(recipients & top))
    f["headline"] = float(record.evidence.start == 0)
    sentence = record.evidence.sentence
    f["quoted"] = float(any(q in sentence for q in ('"', "“", "”")))
    f["long_sentence"] = float(len(sentence) > 250)
    f["rule_confidence"] = record.confidence  # numeric: the rule's own prior
    return f


@dataclass(frozen=True)
class EventFilter:
    """Logistic regression over ``event_features``."""

    weights: Mapping[str, float]
    suggested_threshold: float
    igo_codes: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path = FILTER_FILE, igo_codes: Collection[str] = ()) -> EventFilter:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            threshold = float(data["suggested_threshold"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
            raise FilterError(f"{path}: not an event filter file ({err})") from err
        if not 0.0 <= threshold <= 1.0:
            raise FilterError(f"{path}: suggested_threshold must be between 0 and 1, not {threshold}")
        return cls(weights, threshold, frozenset(igo_codes))

    def probability(self, features: Mapping[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def apply(self, records: list[EventRecord], min_confidence: float = 0.0) -> list[EventRecord]:
        """The article's events with the filter's probability as their confidence, without
        those below ``min_confidence``."""
        parties = article_parties(records)
        kept: list[EventRecord] = []
        for record in records:
            p = round(self.probability(event_features(record, parties, self.igo_codes)), 3)
            if p < min_confidence:
                continue
            reason = f"{record.reason}; filter p={p}"
            kept.append(record.model_copy(update={"confidence": p, "reason": reason}))
        return kept
