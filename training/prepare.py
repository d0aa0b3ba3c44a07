"""Convert the shared open corpora into spaCy DocBins under training/corpus/.

Reads only `<repo>/../shared/data/nlp` (or $ATTACHE_SHARED) and writes only
gitignored files: the corpora themselves never enter the repository.

Outputs (one directory per split, so the trainer reads each as one corpus)
  corpus/train/  ewt (tags, morph, lemmas, deps; no entities, so NER loss is
                 skipped there), conll2003, wikigold, crossner-politics (train
                 and dev), uner-ewt (entities only; syntax missing, so the
                 parser/tagger skip them)
  corpus/dev/    1-ewt dev, 2-conll2003 testa: model selection only. The
                 numbers fix the read order: spaCy 3.8's dependency scorer
                 returns ~0 UAS when the first dev doc has no parse.
  corpus/test/   ewt test, conll2003 testb, crossner-politics test, uner-ewt
                 test: never trained on, read by evaluate.py. CoNLL-2003 testb
                 is stored one Doc per article (-DOCSTART- to -DOCSTART-), so
                 the document-level name rules are scored on whole articles;
                 the other NER sets mark no documents and keep 10-sentence Docs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo
from spacy.training.converters import conllu_to_docs

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "training" / "corpus"

# CrossNER's fine political types collapse onto the CoNLL label set the model
# is trained and scored on; elections and events are named things, so MISC.
CROSSNER_MAP = {
    "politician": "PER",
    "person": "PER",
    "organisation": "ORG",
    "politicalparty": "ORG",
    "country": "LOC",
    "location": "LOC",
    "election": "MISC",
    "event": "MISC",
    "misc": "MISC",
}

# Sentences per Doc: several, so the parser learns where sentences end and the
# NER sees neighbouring context, as it will on whole articles.
SENTS_PER_DOC = 10


def shared_dir() -> Path:
    env = os.environ.get("ATTACHE_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def nlp_data() -> Path:
    return shared_dir() / "data" / "nlp"


def read_conllu(path: Path) -> list[Doc]:
    text = path.read_text(encoding="utf8")
    return list(conllu_to_docs(text, n_sents=SENTS_PER_DOC, merge_subtokens=False, no_print=True))


def _sentences(lines: Iterable[str], sep: str) -> Iterator[list[tuple[str, str]]]:
    """Yield sentences of (token, tag) from column files; `[]` marks a document break."""
    sent: list[tuple[str, str]] = []
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip():
            if sent:
                yield sent
                sent = []
            continue
        # Only the tab formats carry "# sent_id" comments; in CoNLL "#" is a token.
        if sep == "\t" and line.startswith("# "):
            continue
        cols = line.split(sep)
        if cols[0] == "-DOCSTART-":
            if sent:
                yield sent
                sent = []
            yield []  # document boundary
            continue
        # UNER rows are "id token tag - annotator"; the others end in the tag.
        sent.append((cols[1], cols[2]) if len(cols) >= 5 else (cols[0], cols[-1]))
    if sent:
        yield sent


def _fix_iob(tags: list[str], label_map: dict[str, str] | None) -> list[str]:
    """Map labels and repair IO / orphan-I tags into valid IOB2."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag == "O" or "-" not in tag:
            out.append("O")
            prev = "O"
            continue
        prefix, label = tag.split("-", 1)
        if label_map is not None:
            label = label_map.get(label, "")
            if not label:
                out.append("O")
                prev = "O"
                continue
        if prefix == "I" and (prev == "O" or prev[2:] != label):
            prefix = "B"
        new = f"{prefix}-{label}"
        out.append(new)
        prev = new
    return out


def ner_docs(
    nlp: spacy.language.Language,
    path: Path,
    sep: str,
    label_map: dict[str, str] | None = None,
    sents_per_doc: int | None = SENTS_PER_DOC,
) -> list[Doc]:
    """Docs of up to `sents_per_doc` sentences (None: whole documents), never
    spanning a -DOCSTART- break."""
    docs: list[Doc] = []
    chunk: list[list[tuple[str, str]]] = []

    def flush() -> None:
        if not chunk:
            return
        words: list[str] = []
        tags: list[str] = []
        starts: list[bool] = []
        for sent in chunk:
            words.extend(w for w, _ in sent)
            tags.extend(_fix_iob([t for _, t in sent], label_map))
            starts.extend([True] + [False] * (len(sent) - 1))
        doc = Doc(nlp.vocab, words=words, sent_starts=starts)
        doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
        docs.append(doc)
        chunk.clear()

    with path.open(encoding="utf8") as fh:
        for sent in _sentences(fh, sep):
            if not sent:
                flush()
                continue
            chunk.append(sent)
            if sents_per_doc is not None and len(chunk) >= sents_per_doc:
                flush()
    flush()
    return docs


def save(docs: list[Doc], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    n_words = sum(len(d) for d in docs)
    print(f"{path.relative_to(REPO)}: {len(docs)} docs, {n_words} tokens")


def main() -> int:
    src = nlp_data()
    if not src.is_dir():
        print(f"shared data not found at {src} (set ATTACHE_SHARED)", file=sys.stderr)
        return 1
    nlp = spacy.blank("en")
    train, dev, test = OUT / "train", OUT / "dev", OUT / "test"
    ewt = src / "ud-ewt"
    save(read_conllu(ewt / "en_ewt-ud-train.conllu"), train / "ewt.spacy")
    save(read_conllu(ewt / "en_ewt-ud-dev.conllu"), dev / "1-ewt.spacy")
    save(read_conllu(ewt / "en_ewt-ud-test.conllu"), test / "ewt.spacy")

    conll = src / "conll2003"
    save(ner_docs(nlp, conll / "train.txt", " "), train / "conll2003.spacy")
    save(ner_docs(nlp, conll / "valid.txt", " "), dev / "2-conll2003.spacy")
    save(ner_docs(nlp, conll / "test.txt", " ", sents_per_doc=None), test / "conll2003.spacy")
    wikigold = src / "wikigold" / "CONLL-format" / "data" / "wikigold.conll.txt"
    save(ner_docs(nlp, wikigold, " "), train / "wikigold.spacy")
    cross = src / "crossner-politics"
    cross_docs = ner_docs(nlp, cross / "train.txt", "\t", CROSSNER_MAP)
    cross_docs += ner_docs(nlp, cross / "dev.txt", "\t", CROSSNER_MAP)
    save(cross_docs, train / "crossner-politics.spacy")
    save(ner_docs(nlp, cross / "test.txt", "\t", CROSSNER_MAP), test / "crossner-politics.spacy")
    uner = src / "uner-en-ewt"
    save(
        ner_docs(nlp, uner / "en_ewt-ud-train.2022-normalized.iob2", "\t"),
        train / "uner-ewt.spacy",
    )
    save(ner_docs(nlp, uner / "en_ewt-ud-test.iob2", "\t"), test / "uner-ewt.spacy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
