"""Score a pipeline on test splits it never trained on, and write the model card.

    python training/evaluate.py [--model PATH_OR_NAME] [--no-card] [--json OUT]

- UD English EWT test (gold tokens, gold sentences): UPOS, XPOS, UFeats,
  lemma accuracy on all words; UAS / LAS on words whose gold relation is not
  `punct`, computed here from the CoNLL-U (LAS on full labels such as
  `nsubj:pass`; "LAS (universal)" compares only the part before the colon,
  as the CoNLL 2018 shared task did).
- CoNLL-2003 test (testb): NER precision/recall/F1 for PER, ORG, LOC and
  their micro average; MISC is dropped from gold and prediction. Other label
  schemes are mapped through labels.yaml roles (person->PER, org->ORG,
  place->LOC), so OntoNotes GPE counts as LOC. The pipeline is the one users
  get from `load_pipeline()` (news sentence rules and the document-level
  name rules of entity_rules.py included), fed gold tokens, one Doc per
  article (prepare.py keeps the -DOCSTART- documents of testb whole).
- Same NER scores on the CrossNER politics test and UNER EWT test (these
  mark no documents: Docs of 10 sentences).
- Speed: benchmarks/nlp_speed.py (words/s, one core).

The card's numbers block (between the `scores` markers in
src/attache/nlp/model/README.md) is regenerated; the rest is kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from attache.nlp import MODEL_DIR, labels, load_pipeline  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CARD = MODEL_DIR / "README.md"
START, END = "<!-- scores:start -->", "<!-- scores:end -->"
ROLE_TO_CONLL = {"person": "PER", "org": "ORG", "place": "LOC"}
NER_TYPES = ("PER", "ORG", "LOC")


def shared_dir() -> Path:
    env = os.environ.get("ATTACHE_SHARED")
    return Path(env) if env else REPO.parent / "shared"


# --- UD ---------------------------------------------------------------------


@dataclass
class UdSentence:
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)
    xpos: list[str] = field(default_factory=list)
    feats: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # 0-based, -1 = root
    deprels: list[str] = field(default_factory=list)


def read_conllu(path: Path) -> Iterator[UdSentence]:
    sent = UdSentence()
    for line in path.read_text(encoding="utf8").splitlines():
        if not line.strip():
            if sent.words:
                yield sent
            sent = UdSentence()
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        # Multiword-token ranges and enhanced empty nodes are not basic-tree words.
        if "-" in cols[0] or "." in cols[0]:
            continue
        sent.words.append(cols[1])
        sent.spaces.append("SpaceAfter=No" not in cols[9])
        sent.lemmas.append(cols[2])
        sent.upos.append(cols[3])
        sent.xpos.append(cols[4])
        sent.feats.append("" if cols[5] == "_" else cols[5])
        sent.heads.append(int(cols[6]) - 1)
        sent.deprels.append(cols[7])
    if sent.words:
        yield sent


def _feats(morph: str) -> str:
    return "|".join(sorted(morph.split("|"))) if morph else ""


def eval_ud(nlp: Language, path: Path) -> dict[str, float]:
    sents = list(read_conllu(path))
    docs = []
    for s in sents:
        # Gold sentences: one sentence per Doc, every later token pinned as
        # non-initial so the parser cannot split it.
        starts = [True] + [False] * (len(s.words) - 1)
        docs.append(Doc(nlp.vocab, words=s.words, spaces=s.spaces, sent_starts=starts))
    c: Counter[str] = Counter()
    for s, doc in zip(sents, nlp.pipe(docs, batch_size=256), strict=True):
        for i, tok in enumerate(doc):
            c["words"] += 1
            c["upos"] += tok.pos_ == s.upos[i]
            c["xpos"] += tok.tag_ == s.xpos[i]
            c["feats"] += _feats(str(tok.morph)) == _feats(s.feats[i])
            c["lemma"] += tok.lemma_ == s.lemmas[i]
            if s.deprels[i] == "punct":
                continue
            c["scored"] += 1
            head = -1 if tok.head.i == tok.i else tok.head.i
            dep = "root" if tok.dep_ == "ROOT" else tok.dep_
            if head == s.heads[i]:
                c["uas"] += 1
                c["las"] += dep == s.deprels[i]
                c["las_universal"] += dep.split(":")[0] == s.deprels[i].split(":")[0]
    n, m = c["words"], c["scored"]
    return {
        "sentences": len(sents),
        "words": n,
        "upos": c["upos"] / n,
        "xpos": c["xpos"] / n,
        "ufeats": c["feats"] / n,
        "lemma": c["lemma"] / n,
        "uas": c["uas"] / m,
        "las": c["las"] / m,
        "las_universal": c["las_universal"] / m,
    }


def eval_sentences(nlp: Language, path: Path) -> dict[str, float]:
    """Sentence-boundary F1 on raw EWT test text, documents as the treebank groups them."""
    groups: list[list[UdSentence]] = []
    sents = iter(read_conllu(path))
    for line in path.read_text(encoding="utf8").splitlines():
        if line.startswith("# newdoc"):
            groups.append([])
        elif line.startswith("# sent_id"):
            if not groups:
                groups.append([])
            groups[-1].append(next(sents))
    tp = fp = fn = 0
    for group in groups:
        words: list[str] = []
        spaces: list[bool] = []
        gold: set[int] = set()
        for s in group:
            gold.add(len(words))
            words += s.words
            spaces += s.spaces[:-1] + [True]
        doc = nlp(Doc(nlp.vocab, words=words, spaces=spaces))
        pred = {sent.start for sent in doc.sents}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p, r = tp / (tp + fp), tp / (tp + fn)
    return {"sent_p": p, "sent_r": r, "sent_f": 2 * p * r / (p + r)}


# --- NER --------------------------------------------------------------------


def _conll_label(label: str) -> str | None:
    if label in NER_TYPES:
        return label
    role = labels().role(label)
    return ROLE_TO_CONLL.get(role) if role else None


def _spans(doc: Doc, mapped: bool) -> set[tuple[int, int, str]]:
    out = set()
    for ent in doc.ents:
        label = _conll_label(ent.label_) if mapped else ent.label_
        if label in NER_TYPES:
            out.add((ent.start, ent.end, label))
    return out


def eval_ner(nlp: Language, path: Path) -> dict[str, float | dict[str, float]]:
    from spacy.tokens import DocBin

    gold_docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    inputs = (
        Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in gold_docs
    )
    counts = {t: Counter() for t in NER_TYPES}
    for gold, pred in zip(gold_docs, nlp.pipe(inputs, batch_size=64), strict=True):
        g, p = _spans(gold, mapped=False), _spans(pred, mapped=True)
        for label in NER_TYPES:
            gl = {s for s in g if s[2] == label}
            pl = {s for s in p if s[2] == label}
            counts[label]["tp"] += len(gl & pl)
            counts[label]["fp"] += len(pl - gl)
            counts[label]["fn"] += len(gl - pl)

    def prf(c: Counter[str]) -> dict[str, float]:
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}

    total = sum(counts.values(), Counter())
    return {"micro": prf(total), **{t: prf(counts[t]) for t in NER_TYPES}}


def corpus_file(split: str, name: str) -> Path:
    matches = sorted((REPO / "training" / "corpus" / split).glob(f"*{name}.spacy"))
    if not matches:
        raise FileNotFoundError(f"run training/prepare.py first (no {split}/{name})")
    return matches[0]


# --- card -------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:.2f}"


def render(scores: dict) -> str:
    ud, sb, sp = scores["ewt_test"], scores["ewt_test_sentences"], scores["speed"]
    bar = scores["bar"]
    lines = [
        START,
        f"Measured {scores['date']} by `python training/evaluate.py` "
        f"(model `{scores['model']}`, spaCy {scores['spacy']}).",
        "",
        "**UD English EWT test** (2,077 sentences, gold tokens and sentences; UAS/LAS exclude gold `punct`)",
        "",
        "| UPOS | XPOS | UFeats | Lemma | UAS | LAS | LAS (universal labels) |",
        "|---|---|---|---|---|---|---|",
        f"| {_pct(ud['upos'])} | {_pct(ud['xpos'])} | {_pct(ud['ufeats'])} | "
        f"{_pct(ud['lemma'])} | {_pct(ud['uas'])} | {_pct(ud['las'])} | "
        f"{_pct(ud['las_universal'])} |",
        "",
        f"Sentence boundaries on raw EWT test documents (predicted): "
        f"P {_pct(sb['sent_p'])} / R {_pct(sb['sent_r'])} / F {_pct(sb['sent_f'])}.",
        "",
        "**NER** (PER/ORG/LOC; MISC excluded; gold tokens; `load_pipeline()` with the news and "
        "name rules; CoNLL-2003 one Doc per article)",
        "",
        "| test set | PER F1 | ORG F1 | LOC F1 | micro P | micro R | micro F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, title in (
        ("conll2003_test", "CoNLL-2003 test (testb)"),
        ("crossner_politics_test", "CrossNER politics test"),
        ("uner_ewt_test", "UNER EWT test"),
    ):
        n = scores[key]
        lines.append(
            f"| {title} | {_pct(n['PER']['f'])} | {_pct(n['ORG']['f'])} | "
            f"{_pct(n['LOC']['f'])} | {_pct(n['micro']['p'])} | {_pct(n['micro']['r'])} | "
            f"{_pct(n['micro']['f'])} |"
        )
    lines += [
        "",
        f"**Speed**: {sp['words_per_second']:,} words per CPU second on one core "
        f"({sp['words_per_wall_second']:,} per wall-clock second while other jobs shared "
        f"the 2 cores; {sp['words']:,} words of the {sp['source']}, `load_pipeline()` with "
        "the news and name rules, one BLAS thread, `python benchmarks/nlp_speed.py`).",
        "",
        "**Bar** (issue 3): " + ", ".join(f"{k} {'met' if ok else 'NOT met'}" for k, ok in bar.items()) + ".",
        END,
    ]
    return "\n".join(lines)


def write_card(scores: dict, card: Path = CARD) -> None:
    block = render(scores)
    text = card.read_text(encoding="utf8") if card.is_file() else f"# Model card\n\n{START}\n{END}\n"
    if START not in text:
        text += f"\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1] if END in rest else ""
    card.write_text(head + block + tail, encoding="utf8")


def _speed(model: str | None) -> dict:
    spec = importlib.util.spec_from_file_location("nlp_speed", REPO / "benchmarks" / "nlp_speed.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.measure(model)


def evaluate(model: str | None) -> dict:
    import spacy

    data = shared_dir() / "data" / "nlp"
    nlp = load_pipeline(model, news_rules=False)
    ewt_test = data / "ud-ewt" / "en_ewt-ud-test.conllu"
    scores: dict = {
        "model": model or "attache (src/attache/nlp/model)",
        "spacy": spacy.__version__,
        "date": dt.date.today().isoformat(),
        "ewt_test": eval_ud(nlp, ewt_test),
    }
    with_rules = load_pipeline(model)
    scores["ewt_test_sentences"] = eval_sentences(with_rules, ewt_test)
    scores["conll2003_test"] = eval_ner(with_rules, corpus_file("test", "conll2003"))
    scores["crossner_politics_test"] = eval_ner(with_rules, corpus_file("test", "crossner-politics"))
    scores["uner_ewt_test"] = eval_ner(with_rules, corpus_file("test", "uner-ewt"))
    scores["speed"] = _speed(model)
    ud, ner = scores["ewt_test"], scores["conll2003_test"]
    scores["bar"] = {
        "UPOS>=0.935": ud["upos"] >= 0.935,
        "UAS>=0.84": ud["uas"] >= 0.84,
        "LAS>=0.80": ud["las"] >= 0.80,
        "CoNLL PER/ORG/LOC F1>=0.83": ner["micro"]["f"] >= 0.83,
        "speed>=8000 w/s": scores["speed"]["words_per_second"] >= 8000,
    }
    return scores


def iter_bar_failures(scores: dict) -> Iterable[str]:
    return (k for k, ok in scores["bar"].items() if not ok)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=None, help="pipeline name/path (default: attache's)")
    ap.add_argument("--no-card", action="store_true", help="do not rewrite the model card")
    ap.add_argument("--json", type=Path, default=None, help="also write the scores here")
    args = ap.parse_args(argv)
    if not (shared_dir() / "data" / "nlp").is_dir():
        print(f"no shared data at {shared_dir()}", file=sys.stderr)
        return 2
    scores = evaluate(args.model)
    print(json.dumps(scores, indent=2))
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2) + "\n", encoding="utf8")
    if not args.no_card and args.model is None:
        write_card(scores)
        print(f"wrote {CARD}")
    failed = list(iter_bar_failures(scores))
    if failed:
        print("bar not met: " + ", ".join(failed), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
