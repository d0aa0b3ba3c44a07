"""attache.nlp.entity_rules: document-level name rules after the NER.

The rules are tested on Docs whose entities are set by hand (what "the NER
said"), so the tests do not depend on the statistical model's output.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from attache.nlp import ENTITY_RULES, load_pipeline
from attache.nlp.entity_rules import EntityRules, kb_gazetteer


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    for label in ("PER", "ORG", "LOC", "MISC"):
        ner.add_label(label)
    return nlp


def make(nlp: Language, text: str, ents: list[tuple[str, str, int]]) -> Doc:
    """A Doc of `text` (split on spaces) with entities (words, label, occurrence index)."""
    words = text.split(" ")
    doc = Doc(nlp.vocab, words=words)
    spans = []
    for name, label, nth in ents:
        n = len(name.split(" "))
        starts = [i for i in range(len(words) - n + 1) if words[i : i + n] == name.split(" ")]
        spans.append(Span(doc, starts[nth], starts[nth] + n, label=label))
    doc.ents = spans
    return doc


def ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def rules(nlp: Language, **kw: bool) -> EntityRules:
    return EntityRules(nlp, **kw)


def test_bare_surname_of_a_person_is_a_person(blank: Language) -> None:
    doc = make(
        blank, "Wang Yi met envoys in Beijing . Later Wang said talks went well .", [("Wang Yi", "PER", 0)]
    )
    rules(blank, gazetteer=False)(doc)
    assert ("Wang", "PER") in ents(doc)


def test_surname_the_ner_tagged_as_a_place_becomes_a_person(blank: Language) -> None:
    doc = make(
        blank,
        "MaliVai Washington won on Sunday . Washington beat Chang .",
        [("MaliVai Washington", "PER", 0), ("Washington", "LOC", 1)],
    )
    rules(blank, gazetteer=False)(doc)
    assert ("Washington", "PER") in ents(doc)
    assert ("Washington", "LOC") not in ents(doc)


def test_surname_rule_off_leaves_the_doc_alone(blank: Language) -> None:
    doc = make(blank, "Wang Yi met envoys . Later Wang said so .", [("Wang Yi", "PER", 0)])
    rules(blank, surnames=False, consistency=False, gazetteer=False)(doc)
    assert ents(doc) == [("Wang Yi", "PER")]


def test_no_copy_inside_a_longer_untagged_name(blank: Language) -> None:
    doc = make(blank, "Ann Jones spoke . Shares of Jones Medical rose .", [("Ann Jones", "PER", 0)])
    rules(blank, gazetteer=False)(doc)
    assert ents(doc) == [("Ann Jones", "PER")]


def test_no_copy_of_a_lower_case_word(blank: Language) -> None:
    doc = make(blank, "Tom Rose spoke . Prices rose again .", [("Tom Rose", "PER", 0)])
    rules(blank, gazetteer=False)(doc)
    assert ents(doc) == [("Tom Rose", "PER")]


def test_consistency_copies_a_name_the_ner_mostly_tagged(blank: Language) -> None:
    text = "Magna rose . Magna fell . Analysts like Magna ."
    doc = make(blank, text, [("Magna", "ORG", 0), ("Magna", "ORG", 1)])
    rules(blank, surnames=False, gazetteer=False)(doc)
    assert ents(doc) == [("Magna", "ORG")] * 3


def test_consistency_leaves_a_name_the_ner_mostly_declined(blank: Language) -> None:
    text = "Ruch won . Ruch lost . Fans of Ruch wept ."
    doc = make(blank, text, [("Ruch", "LOC", 0)])
    rules(blank, surnames=False, gazetteer=False)(doc)
    assert ents(doc) == [("Ruch", "LOC")]


def test_company_designator_makes_an_organisation(blank: Language) -> None:
    doc = make(blank, "Johnson Controls Inc said profits rose .", [("Johnson Controls Inc", "PER", 0)])
    rules(blank, gazetteer=False)(doc)
    assert ents(doc) == [("Johnson Controls Inc", "ORG")]


def test_gazetteer_tags_untagged_known_names() -> None:
    gaz = kb_gazetteer()
    assert gaz[("kenya",)] == "place"
    assert gaz[("nairobi",)] == "place"
    assert gaz[("nato",)] == "org"
    # Seats of government that are buildings, demonyms and one-word person names are not names.
    assert ("foreign", "office") not in gaz
    assert ("kenyan",) not in gaz


def test_gazetteer_never_overrides_a_statistical_label(blank: Language) -> None:
    doc = make(
        blank,
        "Kenya Smith met officials in Nairobi on Monday .",
        [("Kenya Smith", "PER", 0)],
    )
    rules(blank, surnames=False, consistency=False)(doc)
    assert ents(doc) == [("Kenya Smith", "PER"), ("Nairobi", "LOC")]
    doc = make(blank, "Paris Hilton arrived .", [("Paris", "PER", 0)])
    rules(blank, surnames=False, consistency=False)(doc)
    assert ents(doc) == [("Paris", "PER")]


def test_load_pipeline_adds_the_rules_after_ner() -> None:
    nlp = load_pipeline()
    names = nlp.pipe_names
    assert names.index(ENTITY_RULES) == names.index("ner") + 1
    assert ENTITY_RULES not in load_pipeline(news_rules=False).pipe_names


def test_rules_in_the_shipped_pipeline_label_a_later_surname() -> None:
    nlp = load_pipeline()
    doc = nlp(
        "Chinese Foreign Minister Wang Yi met his Japanese counterpart in Tokyo on Monday.\n\n"
        "Wang told reporters the talks had been useful."
    )
    assert ("Wang Yi", "PER") in ents(doc)
    assert ("Wang", "PER") in ents(doc)


def test_first_name_fills_but_never_relabels(blank: Language) -> None:
    doc = make(
        blank,
        "Israel Katz visited troops . Israel said . Later Katz spoke .",
        [("Israel Katz", "PER", 0), ("Israel", "LOC", 1)],
    )
    rules(blank, gazetteer=False)(doc)
    assert ents(doc) == [("Israel Katz", "PER"), ("Israel", "LOC"), ("Katz", "PER")]


def test_no_copy_against_the_knowledge_base(blank: Language) -> None:
    # The NER calls Kyiv a person twice; the KB knows it as a capital, so that label
    # is not copied (the untagged occurrence gets the gazetteer's place label instead).
    doc = make(
        blank,
        "Kyiv said so . Kyiv denied it . Strikes hit Kyiv today .",
        [("Kyiv", "PER", 0), ("Kyiv", "PER", 1)],
    )
    rules(blank)(doc)
    assert ents(doc) == [("Kyiv", "PER"), ("Kyiv", "PER"), ("Kyiv", "LOC")]
    # A mistaken full name ("Lebed Chechnya") lends its person part, not the place.
    doc = make(blank, "Lebed Chechnya met envoys . Lebed left for Chechnya .", [("Lebed Chechnya", "PER", 0)])
    rules(blank, gazetteer=False)(doc)
    assert ents(doc) == [("Lebed Chechnya", "PER"), ("Lebed", "PER")]


def test_gazetteer_acronyms_only_in_capitals(blank: Language) -> None:
    doc = make(blank, "Is this the end ? IS fighters attacked .", [])
    rules(blank, surnames=False, consistency=False)(doc)
    assert ents(doc) == [("IS", "ORG")]
