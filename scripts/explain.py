"""Show the parse of a text and the events attache codes from it: a tool for rule work.

usage: python scripts/explain.py "Sentence one. Sentence two." [--date YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime as dt

from attache.pipeline import Coder
from attache.records import Article


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("text")
    parser.add_argument("--date", default=None)
    parser.add_argument("--spacy-model", default=None)
    args = parser.parse_args()
    coder = Coder(spacy_model=args.spacy_model, keep_modal=True)
    doc = coder.nlp(args.text)
    for sentence in doc.sents:
        print("--", sentence.text)
        for t in sentence:
            print(
                f"  {t.i:3d} {t.text:15s} {t.lemma_:12s} {t.pos_:6s} {t.dep_:12s}"
                f" -> {t.head.i:3d} {t.head.text}"
            )
    date = dt.date.fromisoformat(args.date) if args.date else None
    for event in coder.code(Article(id="explain", text=args.text, date=date)).events:
        flags = [f for f in ("negated", "hypothetical", "future", "historical") if getattr(event, f)]
        print(
            event.event_type,
            event.mode,
            [f"{e.code}/{e.sector}" for e in event.actor],
            "->",
            [f"{e.code}/{e.sector}" for e in event.recipient],
            flags,
            event.confidence,
        )
        print("   ", event.reason)


if __name__ == "__main__":
    main()
