"""Reading predicate-argument structure off a dependency parse.

Works on Universal Dependencies labels (our pipeline) and on the ClearNLP
labels of spaCy's released English pipelines, so a user's ``--spacy-model``
gives the same structures: UD hangs a preposition under its noun ("case"),
ClearNLP hangs the noun under its preposition ("prep" -> "pobj").
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Span, Token

SUBJECT = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECT = {"nsubj:pass", "nsubjpass", "csubj:pass", "csubjpass"}
# Nominal and clausal subjects of either voice, as the extractor tests for "is a subject"
# (no expletive "there").
CLAUSE_SUBJECTS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "nsubj:outer"}
OBJECT = {"obj", "dobj", "iobj", "dative", "attr"}
UD_OBLIQUE = {"obl", "nmod", "obl:agent", "obl:npmod", "nmod:npmod", "obl:arg"}
POSSESSOR = {"nmod:poss", "poss"}
MODIFIER = {"amod", "compound", "nmod:desc", "nn", "npadvmod"}
PARTICLE = {"compound:prt", "prt"}
CLAUSE_CUT = {"acl:relcl", "relcl", "acl", "advcl", "parataxis", "ccomp", "dep", "xcomp", "csubj"}
FIRST_PERSON = {"we", "i", "us", "me", "our", "my", "ours"}
OPENING_QUOTES = {'"', "“", "‘"}


def is_first_person(token: Token) -> bool:
    """ "we", "us", "I" ..., but not "US" (the United States)."""
    return token.lower_ in FIRST_PERSON and token.text != "US" and token.text != "U.S."


RELATIVE = {"who", "which", "that", "whom", "whose"}
VERB_POS = {"VERB", "AUX"}
ADJ_POS = {"ADJ"}
NOUN_POS = {"NOUN", "PROPN"}


@dataclass(frozen=True)
class Attachment:
    """A dependent of a predicate: its relation, its preposition (if any) and its head word."""

    relation: str  # subj, subjpass, obj, prep, poss, mod, prt, neg, aux, mark, xcomp, ccomp
    head: Token | None
    prep: str | None = None


POSSESSIVE = {"'s", "’s", "'", "’"}


def case_of(token: Token) -> str | None:
    """The preposition of a noun phrase: its own "case" dependent or, when the parser hung
    it on a word before the head ("with [Ukrainian President] Zelenskiy"), that word's."""
    cases = [c for c in token.children if c.dep_ in ("case", "mark") and c.i < token.i]
    if not cases:
        cases = [
            c
            for left in token.lefts
            if left.dep_ in ("compound", "flat", "nmod:desc", "amod", "nmod")
            for c in left.subtree
            if c.dep_ == "case" and c.lower_ not in POSSESSIVE and c.i < token.i
        ]
    if not cases:
        return None
    return min(cases, key=lambda c: c.i).lower_


def attachments(token: Token) -> list[Attachment]:
    """The dependents of ``token`` in a label-set-neutral form."""
    out: list[Attachment] = []
    for child in token.children:
        dep = child.dep_
        if dep in SUBJECT:
            out.append(Attachment("subj", child))
        elif dep in PASSIVE_SUBJECT:
            out.append(Attachment("subjpass", child))
        elif dep in OBJECT:
            prep = case_of(child)
            # An object with a preposition is an oblique the parser mislabelled.
            out.append(Attachment("prep", child, prep=prep) if prep else Attachment("obj", child))
        elif dep in POSSESSOR:
            out.append(Attachment("poss", child))
        elif dep in PARTICLE:
            out.append(Attachment("prt", child, prep=child.lower_))
        elif dep == "prep":
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            for obj in objects:
                out.append(Attachment("prep", obj, prep=child.lower_))
            if not objects:
                out.append(Attachment("prt", child, prep=child.lower_))
        elif dep == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    out.append(Attachment("prep", obj, prep="by"))
        elif dep in UD_OBLIQUE:
            prep = case_of(child)
            if dep == "obl:agent":
                prep = "by"
            out.append(Attachment("prep" if prep else "obl", child, prep=prep))
        elif dep in MODIFIER:
            out.append(Attachment("mod", child))
        elif dep in ("neg",) or (dep in ("advmod", "det") and child.lower_ in ("not", "n't", "never", "no")):
            out.append(Attachment("neg", child))
        elif dep in ("aux", "aux:pass", "auxpass"):
            out.append(Attachment("aux", child))
        elif dep == "mark":
            out.append(Attachment("mark", child, prep=child.lower_))
        elif dep == "xcomp":
            out.append(Attachment("xcomp", child))
        elif dep == "ccomp":
            out.append(Attachment("ccomp", child))
    return out


def misread_participle(verb: Token) -> bool:
    """Whether an "adjective" participle is really a finite verb after its subject: a noun
    right before it ("police arrested dozens") is no place for an adjective of the next noun."""
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBN") or verb.head.i < verb.i:
        return False
    before = verb.doc[verb.i - 1]
    return before.pos_ in ("NOUN", "PROPN") and before.head.i != verb.head.i


def is_infinitive(token: Token) -> bool:
    """A verb with its own "to" ("urged Russia *to soften*")."""
    if token.pos_ in VERB_POS:
        return any(c.lower_ == "to" and c.dep_ in ("aux", "mark") for c in token.children)
    # 'called on X to “reverse the decisions”': a quotation opened after "to" makes the
    # parser read its verb as a noun with a preposition.
    return token.tag_ == "NN" and any(
        c.lower_ == "to" and c.i == token.i - 2 and token.doc[token.i - 1].text in OPENING_QUOTES
        for c in token.children
    )


def is_expletive(token: Token) -> bool:
    """ "It" that stands for a clause, not an actor: "it is important for the US to ...",
    "it remains unclear whether ...", "it is clear that ..."."""
    if token.lower_ != "it":
        return False
    # The parser's "expl" label alone is no proof: it gives it to "It supported the attack".
    head = token.head
    predicates = [head, *(c for c in head.children if c.dep_ in ("xcomp", "acomp") and c.pos_ == "ADJ")]
    clauses = [
        c
        for p in predicates
        if p.pos_ == "ADJ"
        for c in p.children
        if c.dep_ in ("ccomp", "csubj") or (c.dep_ in ("xcomp", "advcl") and is_infinitive(c))
    ]
    return bool(clauses)


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the words coordinated with it ("Russia and India")."""
    return [token, *[t for t in token.conjuncts if t.i > token.i]]


def subject_of(verb: Token, depth: int = 0) -> tuple[Token | None, bool, str]:
    """The subject of ``verb``: (head word, is passive, how it was found).

    Inherits the subject of the governing clause for infinitives, participles
    and coordinated verbs ("Wang said ..., urging the Russians"), and takes
    the noun a relative clause modifies ("the USA, which heads NATO, ...").
    """
    for att in attachments(verb):
        if att.relation in ("subj", "subjpass") and att.head is not None:
            head = att.head
            if head.lower_ in RELATIVE and verb.dep_ in ("acl:relcl", "relcl"):
                return verb.head, att.relation == "subjpass", "relative clause"
            if head.lower_ in RELATIVE and verb.dep_.endswith("relcl") and head.i > verb.sent.start:
                # "the meeting of the Quad that has accused China" hung on the main verb:
                # the relative pronoun stands for the noun right before it.
                before = verb.doc[head.i - 1]
                if before.is_punct and before.i > verb.sent.start:
                    before = verb.doc[before.i - 1]
                if before.pos_ in ("NOUN", "PROPN"):
                    return before, att.relation == "subjpass", "relative clause"
            return head, att.relation == "subjpass", "subject"
    for aux in verb.children:
        # A parser slip: "China has refused" with "China" hung on the auxiliary.
        if aux.dep_ in ("aux", "aux:pass", "auxpass"):
            for child in aux.children:
                if child.dep_ in SUBJECT or child.dep_ in PASSIVE_SUBJECT:
                    return child, child.dep_ in PASSIVE_SUBJECT, "subject"
    if depth > 3 or verb.head.i == verb.i:
        return None, False, ""
    dep = verb.dep_
    head = verb.head
    if dep == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
        # ClearNLP: "after accusing Ukraine" hangs under the preposition.
        subject, passive, _ = subject_of(head.head, depth + 1)
        return subject, False, "subject of governing verb"
    if dep in ("acomp", "xcomp") and verb.pos_ == "ADJ":
        subject, passive, _ = subject_of(head, depth + 1)
        return subject, passive, "subject"
    if dep == "amod" and misread_participle(verb):
        # "Pakistani police arrested dozens": a verb the parser read as an adjective of its object.
        return verb.doc[verb.i - 1], False, "noun before the verb"
    if dep in ("acl:relcl", "relcl", "acl"):
        # "troops stationed in X" is passive; "Obama telephoned Netanyahu" mis-hung as a
        # participle of "Obama" has an object and is not.
        passive = dep == "acl" and verb.tag_ == "VBN" and not any(c.dep_ in OBJECT for c in verb.children)
        return head, passive, "modified noun"
    if dep == "xcomp":
        # Object control: "urged Russia to soften" -> Russia softens.
        for att in attachments(head):
            if att.relation == "obj" and att.head is not None:
                return att.head, False, "object of governing verb"
        subject, passive, _ = subject_of(head, depth + 1)
        # "Iranians were believed killed": a participle under a passive verb is passive too.
        return subject, passive and verb.tag_ == "VBN", "subject of governing verb"
    if dep == "advcl" and verb.tag_ == "VBG" and head.dep_ == "ccomp" and head.head.i != head.i:
        # "Wang said that the US should ..., while urging the Russians to ...": a participle
        # clause at the end of reported speech belongs to the speaker.
        subject, _, _ = subject_of(head.head, depth + 1)
        if subject is not None:
            return subject, False, "subject of governing verb"
    if dep in ("conj", "advcl", "ccomp", "parataxis") and head.pos_ in (*VERB_POS, "ADJ"):
        subject, passive, _ = subject_of(head, depth + 1)
        return subject, passive if dep == "conj" else False, "subject of governing verb"
    return None, False, ""


PREP_MODIFIER = {"prep", "nmod", "acl"}


def phrase(head: Token, keep_modifiers: bool = True, owner_preps: Collection[str] | None = None) -> Span:
    """The noun phrase headed by ``head``, without relative or other clauses.

    Without ``keep_modifiers`` the head's own prepositional modifiers are left
    out too ("the bombardment [of Lebanon]"), but those of coordinated and
    apposed words are kept ("Wang and the minister [of India]"). With
    ``owner_preps`` only modifiers behind those prepositions are kept ("the
    embassy [in Islamabad]" goes, "counterparts from Russia" stays).
    """
    keep = {head.i}
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in CLAUSE_CUT:
                continue
            if token.i == head.i and child.dep_ in PREP_MODIFIER and child.i > head.i:
                if not keep_modifiers:
                    continue
                prep = case_of(child) if child.dep_ != "prep" else child.lower_
                if owner_preps is not None and prep not in owner_preps:
                    continue
            keep.add(child.i)
            stack.append(child)
    # The run of kept tokens around the head; a clause cut out in the middle ends it.
    start = end = head.i
    while start - 1 in keep:
        start -= 1
    while end + 1 in keep:
        end += 1
    doc = head.doc
    # "But Pentagon sources", "when China", "before President Obama": not part of the name.
    while start < end and (
        doc[start].is_punct
        or doc[start].pos_ in ("CCONJ", "SCONJ", "ADP")
        or doc[start].dep_ in ("cc", "mark", "advmod", "prep", "case")
    ):
        start += 1
    while end > start and doc[end].is_punct:
        end -= 1
    return doc[start : end + 1]


def governing_verb(noun: Token) -> tuple[Token | None, str]:
    """The verb a trigger noun is an argument of ("held talks", "in a meeting with Y, X said")."""
    token = noun
    for _ in range(3):
        head = token.head
        if head.i == token.i:
            return None, ""
        if head.pos_ in VERB_POS:
            if token.dep_ in OBJECT:
                return head, "object"
            if token.dep_ in PASSIVE_SUBJECT or token.dep_ in SUBJECT:
                return head, "subject"
            return head, "oblique"
        if head.dep_ in ("prep", "advmod") or token.dep_ == "pobj":
            # "in a meeting", "ahead of a meeting" (UD hangs the noun on "ahead").
            token = head
            continue
        return None, ""
    return None, ""
