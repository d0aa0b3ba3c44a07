"""attache.nlp: the shipped pipeline, news sentence rules, label mapping."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from attache.nlp import (
    MODEL_DIR,
    NEWS_SENTENCES,
    add_news_rules,
    labels,
    load_labels,
    load_pipeline,
    set_news_boundaries,
)

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ATTACHE_SHARED", REPO.parent / "shared"))
SEOUL = "SEOUL (Reuters) - South Korea's president met U.S. officials on Feb. 3. They talked."


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def sents(nlp: Language, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


# --- shipped pipeline ---------------------------------------------------------


def test_shipped_pipeline_loads_from_the_package(nlp: Language) -> None:
    assert isinstance(nlp, Language)
    for pipe in ("tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner"):
        assert pipe in nlp.pipe_names
    assert nlp.pipe_names.index(NEWS_SENTENCES) < nlp.pipe_names.index("parser")
    assert {"PER", "ORG", "LOC"} <= set(nlp.get_pipe("ner").labels)


def test_shipped_pipeline_is_plain_spacy_and_small() -> None:
    # spacy.load alone must work: nothing of attache is needed to read it.
    raw = spacy.load(MODEL_DIR)
    assert "parser" in raw.pipe_names
    size = sum(f.stat().st_size for f in MODEL_DIR.rglob("*") if f.is_file())
    assert size < 30_000_000


def test_model_card_sits_next_to_the_model() -> None:
    card = (MODEL_DIR / "README.md").read_text(encoding="utf8")
    assert "<!-- scores:start -->" in card and "licen" in card.lower()


def test_ud_subject_and_object(nlp: Language) -> None:
    doc = nlp("The rebels attacked the army base.")
    by_text = {t.text: t for t in doc}
    assert by_text["rebels"].dep_ == "nsubj"
    assert by_text["rebels"].head.text == "attacked"
    assert by_text["base"].dep_ == "obj"
    assert by_text["base"].head.text == "attacked"


def test_passive_subject_uses_ud_label(nlp: Language) -> None:
    doc = nlp("The ambassador was expelled by the government.")
    assert {t.text: t.dep_ for t in doc}["ambassador"] == "nsubj:pass"


def test_finds_person_org_and_place(nlp: Language) -> None:
    doc = nlp("Angela Merkel met the head of the World Health Organization in Paris on Monday.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("Angela Merkel") == "PER"
    assert ents.get("World Health Organization") == "ORG"
    assert ents.get("Paris") == "LOC"


def test_lemmas(nlp: Language) -> None:
    doc = nlp("The ministers were meeting in the capitals.")
    assert [t.lemma_ for t in doc][:4] == ["the", "minister", "be", "meet"]


# --- sentence segmentation on news --------------------------------------------


def test_dateline_abbreviations_and_dates(nlp: Language) -> None:
    assert sents(nlp, SEOUL) == [
        "SEOUL (Reuters) - South Korea's president met U.S. officials on Feb. 3.",
        "They talked.",
    ]


def test_dateline_does_not_take_the_root(nlp: Language) -> None:
    for text, verb in (
        (SEOUL, "met"),
        ("UNITED NATIONS (AP) -- The Security Council condemned the attack on Tuesday.", "condemned"),
    ):
        first = next(iter(nlp(text).sents))
        assert first.root.text == verb, text


def test_never_splits_after_us(nlp: Language) -> None:
    texts = [
        "Officials at the U.S. Embassy in Baghdad said the U.S. military would leave.",
        "The U.S. President spoke to U.N. envoys and U.K. diplomats.",
        "Gen. Smith and Lt. Jones met Sen. Brown and Brig. Gen. Mark Milley.",
    ]
    for text in texts:
        assert len(sents(nlp, text)) == 1, text


def test_never_crosses_a_paragraph_break(nlp: Language) -> None:
    text = (
        "Iran and Iraq sign border deal\n\n"
        "UNITED NATIONS -- The U.N. Security Council met on Monday\n\n"
        '"We will not accept this," the ambassador said. "Never."\n\n'
        "Talks resume in Geneva next week"
    )
    doc = nlp(text)
    for sent in doc.sents:
        assert "\n\n" not in sent.text.strip(), sent.text
    starts = {s.start_char for s in doc.sents}
    for para in text.split("\n\n"):
        assert text.index(para) in starts, para


def test_quote_stays_with_its_sentence(nlp: Language) -> None:
    out = sents(nlp, '"We will fight on," the minister said. "We will win."')
    assert out[0] == '"We will fight on," the minister said.'
    assert all(not s.startswith('"') or len(s) > 1 for s in out)


def test_quote_closing_a_paragraph_stays_with_it(nlp: Language) -> None:
    out = sents(nlp, 'He said: "We will win."\n\nThe talks resumed.')
    assert out[0].rstrip() == 'He said: "We will win."', out


def test_no_sentence_starts_without_punctuation_before_it(nlp: Language) -> None:
    # The parser, trained on web text, tends to break before names it has not seen.
    text = (
        "U.S. Defense Secretary Chuck Hagel spoke by phone to his South Korean counterpart, "
        "Kim Kwan-jin, on Wednesday, and Trump's national security adviser John Bolton met "
        "Secretary of State Mike Pompeo."
    )
    assert len(sents(nlp, text)) == 1
    blank = spacy.blank("en")
    doc = set_news_boundaries(blank("They met his counterpart Kim Kwan-jin. Then they left"))
    assert doc[4].is_sent_start is False  # "Kim"
    assert doc[9].is_sent_start is None  # "Then": after a full stop the parser decides


def test_rules_alone_pin_boundaries() -> None:
    # No model: the rules must set boundaries by themselves (the parser then
    # has to respect them).
    blank = spacy.blank("en")
    doc = set_news_boundaries(blank("Title without stop\n\nSEOUL (Reuters) - U.S. officials met."))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Title", "SEOUL"]
    not_starts = [t.text for t in doc if t.is_sent_start is False]
    assert {"(", "Reuters", ")", "-", "U.S.", "officials"} <= set(not_starts)


def test_news_rules_added_to_any_pipeline() -> None:
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    add_news_rules(blank)
    assert blank.pipe_names == [NEWS_SENTENCES, "sentencizer"]
    assert [t.text for t in blank("Lt. Col. Brown")] == ["Lt.", "Col.", "Brown"]


# --- label mapping --------------------------------------------------------------


def test_label_mapping() -> None:
    lab = labels()
    assert lab.role("PER") == "person" and lab.role("PERSON") == "person"
    assert lab.role("GPE") == "place" and lab.role("LOC") == "place"
    assert lab.role("NORP") == "norp" and lab.role("ORG") == "org"
    assert lab.role("DATE") is None and lab.role("NO_SUCH_LABEL") is None
    assert lab.ud("dobj") == "obj"
    assert lab.ud("nsubjpass") == "nsubj:pass"
    assert lab.ud("poss") == "nmod:poss"
    assert lab.ud("pobj") == "obl" and lab.ud("prep") == "case"
    assert lab.ud("ROOT") == "root"
    assert lab.ud("nsubj:pass") == "nsubj:pass"  # UD labels map to themselves


def test_every_label_of_our_pipeline_is_mapped(nlp: Language) -> None:
    lab = labels()
    for label in nlp.get_pipe("ner").labels:
        assert label in lab.entities["attache"]
    for label in nlp.get_pipe("parser").labels:
        ud = lab.ud(label, "attache")
        assert ud == ud.lower() and " " not in ud


def test_labels_file_is_validated(tmp_path: Path) -> None:
    bad = tmp_path / "labels.yaml"
    bad.write_text("entities:\n  x:\n    PER: villain\ndependencies: {}\n", encoding="utf8")
    with pytest.raises(ValueError, match="villain"):
        load_labels(bad)


# --- scores on test data (needs ../shared) --------------------------------------


@pytest.mark.skipif(
    not (SHARED / "data" / "nlp" / "ud-ewt").is_dir(),
    reason=f"shared data not found at {SHARED} (set ATTACHE_SHARED)",
)
def test_parser_scores_on_ewt_test_sample(nlp: Language, tmp_path: Path) -> None:
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("evaluate", REPO / "training" / "evaluate.py")
    assert spec and spec.loader
    ev = importlib.util.module_from_spec(spec)
    sys.modules["evaluate"] = ev  # dataclasses look their module up there
    spec.loader.exec_module(ev)
    full = SHARED / "data" / "nlp" / "ud-ewt" / "en_ewt-ud-test.conllu"
    sample = tmp_path / "sample.conllu"
    sample.write_text("\n\n".join(full.read_text(encoding="utf8").split("\n\n")[:300]) + "\n\n")
    scores = ev.eval_ud(load_pipeline(news_rules=False), sample)
    assert scores["sentences"] == 300
    # Loose floors: this guards against a broken model, the card has the real scores.
    assert scores["upos"] > 0.85
    assert scores["uas"] > 0.75
