"""Score the document-level name rules on CoNLL-2003 testa (the selection split).

    python training/ner_rules_dev.py [--model PATH_OR_NAME]

Runs `load_pipeline()` once on testa (gold tokens, one Doc per -DOCSTART-
article, as evaluate.py does for testb), then re-applies the rules component
(`attache_entity_rules`) to copies of the NER output with all rules, with
none, and with each rule switched off, and prints PER/ORG/LOC F1 for each.
This is how the rules were chosen; the test split is only read by evaluate.py.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import NER_TYPES, _spans, shared_dir  # noqa: E402
from prepare import ner_docs  # noqa: E402

from attache.nlp import ENTITY_RULES, load_pipeline  # noqa: E402

RULES = ("surnames", "consistency", "designators", "gazetteer")


def score(gold: list[Doc], pred: list[Doc]) -> dict[str, float]:
    counts = {t: Counter() for t in NER_TYPES}
    for g, p in zip(gold, pred, strict=True):
        gs, ps = _spans(g, mapped=False), _spans(p, mapped=True)
        for label in NER_TYPES:
            gl = {s for s in gs if s[2] == label}
            pl = {s for s in ps if s[2] == label}
            counts[label].update(tp=len(gl & pl), fp=len(pl - gl), fn=len(gl - pl))

    def f1(c: Counter[str]) -> float:
        return 100 * 2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"]) if c["tp"] else 0.0

    return {"micro": f1(sum(counts.values(), Counter())), **{t: f1(counts[t]) for t in NER_TYPES}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)
    nlp = load_pipeline(args.model)
    gold = ner_docs(spacy.blank("en"), shared_dir() / "data/nlp/conll2003/valid.txt", " ", sents_per_doc=None)
    inputs = [
        Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in gold
    ]
    with nlp.select_pipes(disable=[ENTITY_RULES]):
        bare = list(nlp.pipe(inputs, batch_size=64))
    rules = nlp.get_pipe(ENTITY_RULES)
    settings: list[tuple[str, dict[str, bool]]] = [
        ("no rules", dict.fromkeys(RULES, False)),
        ("all rules", dict.fromkeys(RULES, True)),
    ]
    settings += [(f"all but {r}", {k: k != r for k in RULES}) for r in RULES]
    print(f"CoNLL-2003 testa, {len(gold)} articles, PER/ORG/LOC F1")
    for name, flags in settings:
        for k, v in flags.items():
            setattr(rules, k, v)
        got = score(gold, [rules(d.copy()) for d in bare])
        print(f"{name:24s} micro {got['micro']:.2f}  " + "  ".join(f"{t} {got[t]:.2f}" for t in NER_TYPES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
