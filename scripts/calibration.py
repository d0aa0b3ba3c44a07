"""How often events are right at each confidence: the calibration table in docs/accuracy.md.

usage: python scripts/calibration.py GOLD.jsonl PRED.jsonl

An event is right when one of its keys is a gold key of its article (required or
optional), with the rules of shared/spec/CODING.md (attache.evaluate).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from attache.evaluate import codes, keys, load_gold

BUCKETS = ((0.0, 0.5), (0.5, 0.65), (0.65, 0.8), (0.8, 1.01))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("pred", type=Path)
    args = parser.parse_args()
    gold = load_gold(args.gold)
    counts = {bucket: [0, 0] for bucket in BUCKETS}
    for line in args.pred.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if record.get("negated") or record.get("hypothetical") or record["article_id"] not in gold:
            continue
        entry = gold[record["article_id"]]
        event_keys = set(keys(record["event_type"], codes(record["actor"]), codes(record["recipient"])))
        right = bool(event_keys & (entry.required | entry.optional))
        confidence = min(max(float(record["confidence"]), 0.0), 1.0)
        bucket = next(b for b in BUCKETS if b[0] <= confidence < b[1])
        counts[bucket][0] += right
        counts[bucket][1] += 1
    print(f"{'confidence':<14}{'events':>8}{'right':>8}{'share right':>13}")
    for (low, high), (right, total) in counts.items():
        label = f"{low:.2f}-{min(high, 1.0):.2f}"
        share = f"{right / total:.2f}" if total else "-"
        print(f"{label:<14}{total:>8}{right:>8}{share:>13}")


if __name__ == "__main__":
    main()
