"""NLP stage: the spaCy pipeline attache parses with.

`load_pipeline()` returns attache's own English pipeline (shipped in
`model/`, see `model/README.md`), or any installed spaCy pipeline by name or
path. Either way attache's news rules are added: tokenizer special cases for
news abbreviations, a sentence-boundary component before the parser
(`segment.py`) and document-level name rules after the NER
(`entity_rules.py`). `labels()` maps the pipeline's labels to attache roles
and UD.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from attache.nlp.entity_rules import COMPONENT as ENTITY_RULES
from attache.nlp.labels import Labels, Role, labels, load_labels
from attache.nlp.segment import COMPONENT as NEWS_SENTENCES
from attache.nlp.segment import REPAIR_COMPONENT as NEWS_SENTENCES_REPAIR
from attache.nlp.segment import set_news_boundaries

__all__ = [
    "ENTITY_RULES",
    "MODEL_DIR",
    "NEWS_SENTENCES",
    "NEWS_SENTENCES_REPAIR",
    "Labels",
    "Role",
    "add_entity_rules",
    "add_news_exceptions",
    "add_news_rules",
    "labels",
    "load_labels",
    "load_pipeline",
    "set_news_boundaries",
]

MODEL_DIR = Path(__file__).with_name("model")
ABBREVIATIONS_FILE = Path(__file__).with_name("news_abbreviations.txt")


def news_abbreviations() -> list[str]:
    lines = ABBREVIATIONS_FILE.read_text(encoding="utf8").splitlines()
    return [s.strip() for s in lines if s.strip() and not s.startswith("#")]


def add_news_exceptions(nlp: Language) -> None:
    """Keep news abbreviations ("Lt.", "Brig.", "No.") as single tokens."""
    from spacy.attrs import ORTH

    for abbr in news_abbreviations():
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])


def add_entity_rules(nlp: Language) -> Language:
    """Add the document-level name rules (`entity_rules.py`) after the NER, if any."""
    if "ner" in nlp.pipe_names and ENTITY_RULES not in nlp.pipe_names:
        nlp.add_pipe(ENTITY_RULES, after="ner")
    return nlp


def add_news_rules(nlp: Language) -> Language:
    """Add tokenizer exceptions, the news sentence rules and the name rules to any pipeline."""
    add_news_exceptions(nlp)
    add_entity_rules(nlp)
    if NEWS_SENTENCES in nlp.pipe_names:
        return nlp
    # Before the first component that decides sentences, so that one has to
    # respect the pinned boundaries; a pipeline without any gets them as is.
    for name in ("parser", "senter", "sentencizer"):
        if name in nlp.pipe_names:
            nlp.add_pipe(NEWS_SENTENCES, before=name)
            if name == "parser":
                nlp.add_pipe(NEWS_SENTENCES_REPAIR, after=name)
            return nlp
    nlp.add_pipe(NEWS_SENTENCES)
    return nlp


def load_pipeline(name: str | Path | None = None, *, news_rules: bool = True) -> Language:
    """attache's shipped pipeline, or any installed spaCy pipeline by name or path.

    `news_rules=False` returns the pipeline exactly as stored on disk.
    """
    import spacy

    if name is None:
        if not (MODEL_DIR / "config.cfg").is_file():
            raise FileNotFoundError(
                f"attache's pipeline is missing at {MODEL_DIR}; rebuild it with `bash training/train.sh`"
            )
        nlp = spacy.load(MODEL_DIR)
    else:
        nlp = spacy.load(name)
    return add_news_rules(nlp) if news_rules else nlp
