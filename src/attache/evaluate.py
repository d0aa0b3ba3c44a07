"""Score event records against a gold file with the rules of shared/spec/CODING.md.

The figures must equal ``shared/tools/score.py`` on the same predictions
(tests/test_eval.py checks this); the rules are reimplemented here because the
shared tool is not part of the package.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from attache.records import Article, EventRecord

UNORDERED = frozenset({"CONSULT", "COOPERATE"})
LEVELS = ("full", "type+actor", "type")

Key = tuple  # (type, actor, recipient) or (type, frozenset({a, b}))


def codes(entities: Iterable[Any] | None) -> list[str]:
    """Codes of entity dicts/objects or plain code strings: upper-cased, sorted, unique."""
    out = set()
    for e in entities or []:
        if isinstance(e, Mapping):
            code = e.get("code")
        elif isinstance(e, str):
            code = e
        else:
            code = getattr(e, "code", None)
        if code:
            out.add(str(code).upper())
    return sorted(out)


def keys(event_type: str, actor: list[str], recipient: list[str]) -> Iterator[Key]:
    """The comparison keys one event yields (CODING.md "Scoring")."""
    t = event_type.upper()
    if recipient:
        for a in actor or ["UNK"]:
            for r in recipient:
                yield (t, frozenset((a, r))) if t in UNORDERED else (t, a, r)
    elif len(actor) > 1:
        for a, b in itertools.combinations(actor, 2):
            yield (t, frozenset((a, b)))
    else:
        for a in actor or ["UNK"]:
            yield (t, a, "-")


def loose(key: Key, level: str) -> Key:
    if level == "type":
        return (key[0],)
    if level == "type+actor":
        return key[:2]
    return key


def key_text(key: Key) -> str:
    """A key for people: ``ACCUSE USA->RUS``, ``CONSULT CHN+IND``, ``PROTEST FRA``."""
    if len(key) == 2 and isinstance(key[1], frozenset):
        return f"{key[0]} {'+'.join(sorted(key[1]))}"
    if len(key) == 3:
        return f"{key[0]} {key[1]}" if key[2] == "-" else f"{key[0]} {key[1]}->{key[2]}"
    return " ".join(str(k) for k in key)


@dataclass
class GoldArticle:
    id: str
    article: Article
    required: set[Key] = field(default_factory=set)
    optional: set[Key] = field(default_factory=set)  # optional minus required
    evidence: dict[Key, list[str]] = field(default_factory=dict)


def load_gold(path: str | Path) -> dict[str, GoldArticle]:
    gold: dict[str, GoldArticle] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            art = json.loads(line)
            aid = str(art["id"])
            article = Article(
                id=aid,
                title=art.get("title"),
                text=art.get("text") or "",
                date=art.get("date"),
                source=art.get("source"),
                url=art.get("url"),
            )
            g = GoldArticle(id=aid, article=article)
            for ev in art.get("events", []):
                ks = set(keys(ev["type"], codes(ev.get("actor")), codes(ev.get("recipient"))))
                (g.required if ev.get("required", True) else g.optional).update(ks)
                for k in ks:
                    seen = g.evidence.setdefault(k, [])
                    if (ev.get("evidence") or "") not in seen:
                        seen.append(ev.get("evidence") or "")
            g.optional -= g.required
            gold[aid] = g
    return gold


@dataclass
class Predicted:
    """Predicted keys per article, and for each key the records that produced it."""

    keys: dict[str, set[Key]] = field(default_factory=lambda: defaultdict(set))
    sources: dict[tuple[str, Key], list[dict]] = field(default_factory=lambda: defaultdict(list))

    def add(self, rec: Mapping[str, Any]) -> None:
        # Same reading of a record as the shared scorer: negated records and
        # records without a type do not count.
        if rec.get("negated"):
            return
        t = rec.get("event_type") or rec.get("type")
        if not t:
            return
        aid = str(rec["article_id"])
        for k in keys(t, codes(rec.get("actor")), codes(rec.get("recipient"))):
            self.keys[aid].add(k)
            self.sources[(aid, k)].append(dict(rec))


def load_pred(path: str | Path) -> Predicted:
    pred = Predicted()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                pred.add(json.loads(line))
    return pred


def predicted_from_records(records: Iterable[EventRecord]) -> Predicted:
    pred = Predicted()
    for rec in records:
        pred.add(rec.model_dump(mode="json"))
    return pred


def score(gold: Mapping[str, GoldArticle], pred: Predicted, level: str) -> dict[str, Any]:
    tp = fp = fn = 0
    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for aid, g in gold.items():
        r = {loose(k, level) for k in g.required}
        o = {loose(k, level) for k in g.optional} - r
        p = {loose(k, level) for k in pred.keys.get(aid, set())}
        for k in p:
            if k in r:
                tp += 1
                per_type[k[0]][0] += 1
            elif k not in o:
                fp += 1
                per_type[k[0]][1] += 1
        for k in r - p:
            fn += 1
            per_type[k[0]][2] += 1
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(prec, 4),
        "recall": round(rec, 4),
        "f1": round(f1, 4),
        "per_type": {t: dict(zip(("tp", "fp", "fn"), v, strict=True)) for t, v in sorted(per_type.items())},
    }


def evaluate(gold: Mapping[str, GoldArticle], pred: Predicted) -> dict[str, Any]:
    """All three levels plus article counts: the JSON ``score.py --json`` prints."""
    result: dict[str, Any] = {lvl: score(gold, pred, lvl) for lvl in LEVELS}
    result["articles"] = len(gold)
    result["unknown_article_ids"] = len(set(pred.keys) - set(gold))
    return result


@dataclass
class ArticleErrors:
    article_id: str
    missed: list[tuple[str, list[str]]]  # key text, gold evidence sentences
    spurious: list[tuple[str, list[tuple[str, str]]]]  # key text, (sentence, reason) per record


def errors(gold: Mapping[str, GoldArticle], pred: Predicted) -> list[ArticleErrors]:
    """Every missed and every spurious full key, grouped per article (gold order)."""
    out = []
    for aid, g in gold.items():
        p = pred.keys.get(aid, set())
        missed = [(key_text(k), g.evidence.get(k, [])) for k in sorted(g.required - p, key=str)]
        spurious = []
        for k in sorted(p - g.required - g.optional, key=str):
            recs = pred.sources.get((aid, k), [])
            spurious.append(
                (
                    key_text(k),
                    [((r.get("evidence") or {}).get("sentence", ""), r.get("reason") or "") for r in recs],
                )
            )
        if missed or spurious:
            out.append(ArticleErrors(aid, missed, spurious))
    return out
