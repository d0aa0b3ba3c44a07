"""Words per second of the full attache pipeline on one core.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python benchmarks/nlp_speed.py [--model NAME]

Text: the shared development news pool (`<repo>/../shared/data/news/pool.jsonl`,
read, never copied) or, if absent, the raw text of UD EWT test. "Words" are
non-whitespace tokens. The pipeline is what `attache.nlp.load_pipeline()`
returns, news rules included. A warm-up pass runs first so one-off costs
(model loading, first allocations) are not counted.

Two rates are printed: per wall-clock second and per CPU second of this
process. With one BLAS thread the process runs on one core at a time, so the
CPU rate is the single-core speed even when other jobs share the machine
(then the wall-clock rate is lower). `words_per_second` is the CPU rate.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

# Pin BLAS to one thread before numpy is imported: the bar is per core.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from attache.nlp import load_pipeline  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    env = os.environ.get("ATTACHE_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def bench_texts(limit_words: int = 150_000) -> tuple[str, list[str]]:
    pool = shared_dir() / "data" / "news" / "pool.jsonl"
    if pool.is_file():
        with pool.open(encoding="utf8") as fh:
            texts = [json.loads(line)["text"] for line in fh if line.strip()]
        source = "news pool"
    else:
        conllu = shared_dir() / "data" / "nlp" / "ud-ewt" / "en_ewt-ud-test.conllu"
        if not conllu.is_file():
            raise FileNotFoundError(f"no benchmark text under {shared_dir()}")
        sents = [
            line[len("# text = ") :]
            for line in conllu.read_text(encoding="utf8").splitlines()
            if line.startswith("# text = ")
        ]
        texts = [" ".join(sents[i : i + 20]) for i in range(0, len(sents), 20)]
        source = "UD EWT test"
    out: list[str] = []
    n = 0
    for text in texts:
        out.append(text)
        n += len(text.split())
        if n >= limit_words:
            break
    return source, out


def measure(model: str | None = None, limit_words: int = 150_000) -> dict[str, float | str]:
    nlp = load_pipeline(model)
    source, texts = bench_texts(limit_words)
    list(nlp.pipe(texts[:5]))
    start, cpu_start = time.perf_counter(), time.process_time()
    words = 0
    for doc in nlp.pipe(texts, batch_size=64):
        words += sum(1 for t in doc if not t.is_space)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    return {
        "source": source,
        "words": words,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "words_per_second": round(words / cpu_seconds),
        "words_per_wall_second": round(words / seconds),
        "pipeline": ",".join(nlp.pipe_names),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=None, help="spaCy pipeline name/path (default: attache's)")
    ap.add_argument("--words", type=int, default=150_000, help="about how many words to parse")
    args = ap.parse_args(argv)
    print(json.dumps(measure(args.model, args.words), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
