#!/usr/bin/env python3
"""Train the event filter (src/attache/events/filter.json) on our own pool annotations.

    python training/train_event_filter.py            # train, choose C and threshold, write the model

1. The annotated pool articles (training/events/pool_train_*.jsonl: offsets into
   ../shared/data/news/pool.jsonl, never the text) are materialised and coded by
   attache's rules with the filter off.
2. Every proposed event becomes one example: its features
   (attache.events.filter.event_features) and whether any of its scoring keys is
   in the article's gold events (required or optional).
3. A logistic regression (scikit-learn) is fitted; the regularisation C and the
   keep-threshold are chosen by article-grouped cross-validation, maximising the
   full-key F1 of the kept events (the measure of ../shared/tools/score.py).
4. The weights, the suggested threshold and the training figures are written to
   filter.json. attache keeps every event by default and uses the probability as
   the event's confidence; the threshold is a suggestion for `--min-confidence`.

Never trained on: ../shared/gold (dev, seeds) and evaluation/pool_heldout.jsonl.
Needs the `train` extra (scikit-learn): pip install -e '.[train]'.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ANNOTATIONS = sorted((REPO / "training" / "events").glob("pool_train_*.jsonl"))
SHARED = REPO.parent / "shared"
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
FOLDS = 5
FILTER_OUT = REPO / "src" / "attache" / "events" / "filter.json"


def materialise(annotations: list[Path], out: Path) -> None:
    joined = out.with_suffix(".annotations.jsonl")
    joined.write_text("".join(p.read_text(encoding="utf-8") for p in annotations), encoding="utf-8")
    script = REPO / "scripts" / "materialize_heldout.py"
    subprocess.run([sys.executable, str(script), "--annotations", str(joined), "-o", str(out)], check=True)


def proposals(gold_path: Path) -> tuple[list[dict], dict]:
    """Coded events of every gold article, with features and labels, and the gold."""
    from attache.evaluate import codes, keys, load_gold
    from attache.events.filter import article_parties, event_features
    from attache.pipeline import Coder

    gold = load_gold(gold_path)
    coder = Coder(use_filter=False)
    examples: list[dict] = []
    for result in coder.code_many(g.article for g in gold.values()):
        if not hasattr(result, "events"):
            print(f"skipped: {result}", file=sys.stderr)
            continue
        g = gold[result.article.article.id]
        parties = article_parties(result.events)
        for record in result.events:
            ks = set(keys(record.event_type, codes(record.actor), codes(record.recipient)))
            examples.append(
                {
                    "article": g.id,
                    "keys": ks,
                    "features": event_features(record, parties, coder.kb.data.igos),
                    "label": int(bool(ks & (g.required | g.optional))),
                }
            )
    return examples, gold


def f1_of_kept(examples: list[dict], probs: list[float], threshold: float, gold: dict) -> float:
    """Full-key F1 (score.py's count) of the events kept at a threshold."""
    kept: dict[str, set] = defaultdict(set)
    for ex, p in zip(examples, probs, strict=True):
        if p >= threshold:
            kept[ex["article"]] |= ex["keys"]
    tp = fp = fn = 0
    for aid, g in gold.items():
        pred = kept.get(aid, set())
        tp += len(pred & g.required)
        fp += len(pred - g.required - g.optional)
        fn += len(g.required - pred)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cross_validate(examples: list[dict], gold: dict, c: float) -> list[float]:
    """Out-of-fold probabilities, folds grouped by article."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    articles = sorted({ex["article"] for ex in examples})
    fold_of = {a: i % FOLDS for i, a in enumerate(articles)}
    probs = [0.0] * len(examples)
    for fold in range(FOLDS):
        train = [ex for ex in examples if fold_of[ex["article"]] != fold]
        test = [i for i, ex in enumerate(examples) if fold_of[ex["article"]] == fold]
        vec = DictVectorizer()
        x = vec.fit_transform([ex["features"] for ex in train])
        model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
        model.fit(x, [ex["label"] for ex in train])
        p = model.predict_proba(vec.transform([examples[i]["features"] for i in test]))[:, 1]
        for i, pi in zip(test, p, strict=True):
            probs[i] = float(pi)
    return probs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=FILTER_OUT)
    args = parser.parse_args(argv)
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if not ANNOTATIONS:
        print("error: no training/events/pool_train_*.jsonl annotations", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        gold_path = Path(tmp) / "pool_train.jsonl"
        materialise(ANNOTATIONS, gold_path)
        examples, gold = proposals(gold_path)
    positives = sum(ex["label"] for ex in examples)
    print(f"{len(gold)} articles, {len(examples)} proposed events, {positives} right")
    thresholds = [t / 100 for t in range(10, 80, 2)]
    baseline = f1_of_kept(examples, [1.0] * len(examples), 0.5, gold)
    best = (baseline, None, 0.0)
    for c in C_GRID:
        probs = cross_validate(examples, gold, c)
        f1, t = max((f1_of_kept(examples, probs, t, gold), t) for t in thresholds)
        print(f"C={c}: cross-validated full F1 {f1:.3f} at threshold {t:.2f} (rules alone {baseline:.3f})")
        if f1 > best[0]:
            best = (f1, c, t)
    f1, c, threshold = best
    if c is None:
        print("the filter does not beat the rules alone; nothing written", file=sys.stderr)
        return 1
    vec = DictVectorizer()
    x = vec.fit_transform([ex["features"] for ex in examples])
    model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    model.fit(x, [ex["label"] for ex in examples])
    weights = {
        name: round(float(w), 4)
        for name, w in sorted(zip(vec.get_feature_names_out(), model.coef_[0], strict=True))
        if abs(w) >= 1e-4
    }
    args.output.write_text(
        json.dumps(
            {
                "about": "attache event filter: logistic regression over "
                "attache.events.filter.event_features; built by training/train_event_filter.py "
                "(see FILTER_CARD.md)",
                "built": dt.date.today().isoformat(),
                "training": {
                    "annotations": [p.name for p in ANNOTATIONS],
                    "articles": len(gold),
                    "proposed_events": len(examples),
                    "right": positives,
                    "C": c,
                    "cross_validated_full_f1": round(f1, 4),
                    "rules_alone_full_f1": round(baseline, 4),
                },
                "suggested_threshold": threshold,
                "weights": weights,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {args.output}: {len(weights)} weights, C={c}, threshold {threshold:.2f}, CV F1 {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
