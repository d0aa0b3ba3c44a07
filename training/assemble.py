"""Turn a trained pipeline (training/output/<run>/model-best) into the shipped one.

Adds the news tokenizer exceptions (so they are part of the stored
tokenizer, not only of `load_pipeline()`), writes package metadata, and
saves to src/attache/nlp/model/. The model card (README.md there) is
kept across re-assembly (started from training/CARD_TEMPLATE.md); its scores
block is rewritten by evaluate.py.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import spacy

from attache.nlp import MODEL_DIR, add_news_exceptions

REPO = Path(__file__).resolve().parent.parent

META = {
    "name": "attache_news",
    "version": "0.1.0",
    "description": (
        "attache's English news pipeline: tagger, morphologizer, edit-tree lemmatizer, "
        "UD dependency parser, NER (PER/ORG/LOC/MISC), one shared CNN tok2vec, CPU."
    ),
    "author": "attache",
    "license": "CC BY-SA 4.0 (weights); see README.md for the CoNLL-2003 research-use caveat",
    "sources": [
        {"name": "UD English EWT 2.16", "license": "CC BY-SA 4.0"},
        {"name": "UNER English EWT (2022 train, normalised)", "license": "CC BY-SA 4.0"},
        {"name": "CoNLL-2003 English (Reuters RCV1)", "license": "research use only"},
        {"name": "wikigold", "license": "CC BY 4.0"},
        {"name": "CrossNER politics (train+dev)", "license": "MIT / CC BY-SA"},
    ],
}


def assemble(src: Path, dest: Path = MODEL_DIR) -> Path:
    nlp = spacy.load(src)
    add_news_exceptions(nlp)
    nlp.meta.update(META)
    # Drop training-run leftovers from the meta; scores live in the card.
    for key in ("performance", "speed"):
        nlp.meta.pop(key, None)
    card = dest / "README.md"
    # A fresh build starts its card from the template; evaluate.py fills the scores.
    template = REPO / "training" / "CARD_TEMPLATE.md"
    kept = (card if card.is_file() else template).read_text(encoding="utf8")
    if dest.exists():
        shutil.rmtree(dest)
    nlp.to_disk(dest)
    card.write_text(kept, encoding="utf8")
    return dest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("src", type=Path, nargs="?", default=REPO / "training/output/main/model-best")
    ap.add_argument("--dest", type=Path, default=MODEL_DIR)
    args = ap.parse_args(argv)
    out = assemble(args.src, args.dest)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"assembled {args.src} -> {out} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
