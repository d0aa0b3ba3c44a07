"""Throughput of ``attache code`` next to the bare spaCy pipeline, on the same texts.

usage: python benchmarks/throughput.py [--pool ../shared/data/news/pool.jsonl] [--limit N]
                                      [--spacy-model NAME]

Prints articles/s and words/s for: the bare spaCy pipeline (``nlp.pipe`` over
the cleaned texts) and the whole coder (clean, parse, actors, events). Both
run in this one process on one core, after one warm-up article each.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from attache.clean import clean_article  # noqa: E402
from attache.ingest import read_articles  # noqa: E402
from attache.pipeline import Coder  # noqa: E402
from attache.records import Article, ArticleResult  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pool", type=Path, default=REPO.parent / "shared" / "data" / "news" / "pool.jsonl")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--spacy-model", default=None)
    args = parser.parse_args()
    if not args.pool.exists():
        raise SystemExit(f"{args.pool}: not found (pass --pool with a JSON Lines file of articles)")
    articles = [a for a in read_articles([args.pool]) if isinstance(a, Article)]
    if args.limit:
        articles = articles[: args.limit]
    if not articles:
        raise SystemExit(f"{args.pool}: no articles to time")
    texts = [clean_article(a).text for a in articles]
    words = sum(len(t.split()) for t in texts)

    coder = Coder(spacy_model=args.spacy_model)
    coder.code(articles[0])
    list(coder.nlp.pipe(texts[:1]))

    start = time.perf_counter()
    for _ in coder.nlp.pipe(texts, batch_size=16):
        pass
    bare = time.perf_counter() - start

    start = time.perf_counter()
    events = sum(len(r.events) for r in coder.code_many(articles) if isinstance(r, ArticleResult))
    full = time.perf_counter() - start

    print(f"{len(articles)} articles, {words} words (whitespace-separated), {events} events")
    print(f"{'stage':<22}{'seconds':>10}{'articles/s':>12}{'words/s':>10}")
    for name, seconds in (("spaCy pipeline alone", bare), ("attache code", full)):
        print(f"{name:<22}{seconds:>10.2f}{len(articles) / seconds:>12.1f}{words / seconds:>10.0f}")


if __name__ == "__main__":
    main()
